//! The plain-text parser: the text of a history.state.gov document page → [`Document`].
//!
//! The page's structure is gone; we recover it in passes over the lines: the footnote list
//! at the end, the source notes and heading at the top, the footnote markers (by
//! alignment, see [`markers`]), then the body blocks, then what the heading grammar, the
//! dates and the cross-references say.

mod blocks;
pub(crate) mod lines;
pub mod markers;

use crate::dates;
use crate::heading;
use crate::infer::{self, DateEvidence, KindEvidence};
use crate::inline::InlineBuilder;
use crate::input::{decode_text, ParseError};
use crate::model::{
    plain_text, Block, BlockKind, Diagnostic, Document, Footnote, FootnoteKind, Inline, Ref,
    RefSpan,
};
use crate::refs::{find_refs, RefContext};
use crate::text::markers::{AlignInput, Candidate};

/// One line of the input: 1-based number and byte range (without the newline).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    pub no: u32,
    pub start: usize,
    pub end: usize,
}

/// A placed footnote marker: byte range of its label and the footnote index (1-based).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed {
    pub start: usize,
    pub end: usize,
    pub index: u32,
}

/// An item of the footnote list: its printed number, first line and text ranges.
struct RawNote {
    number: u32,
    line: usize,
    ranges: Vec<(usize, usize)>,
}

/// Everything the later passes read: the text and where markers and pages are.
pub(crate) struct Source<'a> {
    pub text: &'a str,
    pub lines: Vec<Line>,
    /// Sorted by position.
    pub markers: Vec<Placed>,
    pub ref_ctx: RefContext,
    pub refs: Vec<Ref>,
}

impl Source<'_> {
    pub fn line_text(&self, i: usize) -> &str {
        let l = self.lines[i];
        &self.text[l.start..l.end]
    }

    /// Inlines for a byte range: text runs with references, markers and page breaks.
    pub fn inlines(&mut self, start: usize, end: usize, footnote: Option<u32>) -> Vec<Inline> {
        let mut b = InlineBuilder::new();
        self.push_inlines(&mut b, start, end, footnote);
        finish_block(b)
    }

    pub fn push_inlines(
        &mut self,
        b: &mut InlineBuilder,
        start: usize,
        end: usize,
        footnote: Option<u32>,
    ) {
        let text = self.text;
        let slice = &text[start..end];
        let mut stops: Vec<(usize, usize, Inline)> = lines::page_markers(slice)
            .into_iter()
            .map(|(s, e, n)| (start + s, start + e, Inline::Page(n.to_string())))
            .collect();
        let first = self.markers.partition_point(|m| m.start < start);
        for m in &self.markers[first..] {
            if m.start >= end {
                break;
            }
            stops.push((m.start, m.end, Inline::Note(m.index)));
        }
        stops.sort_by_key(|s| s.0);
        let mut pos = start;
        for (s, e, inline) in stops {
            if s < pos {
                continue;
            }
            self.push_text(b, pos, s, footnote);
            b.push(inline);
            pos = e;
        }
        self.push_text(b, pos, end, footnote);
    }

    fn push_text(
        &mut self,
        b: &mut InlineBuilder,
        start: usize,
        end: usize,
        footnote: Option<u32>,
    ) {
        if start >= end {
            return;
        }
        let run = &self.text[start..end];
        let mut pos = 0;
        for m in find_refs(run, &mut self.ref_ctx) {
            if m.start < pos {
                continue;
            }
            b.text(&run[pos..m.start]);
            let shown = crate::inline::collapse(&run[m.start..m.end]);
            self.refs.push(Ref {
                target: m.target.clone(),
                text: shown.clone(),
                in_footnote: footnote,
            });
            b.push(Inline::Ref(RefSpan {
                target: m.target,
                inlines: vec![Inline::Text(shown)],
            }));
            pos = m.end;
        }
        b.text(&run[pos..]);
    }
}

/// Trims the space a page break leaves at the edge of a block, so "[Page 9] text" on one
/// line and "[Page 9]" on its own line before "text" give the same block.
pub(crate) fn finish_block(b: InlineBuilder) -> Vec<Inline> {
    let mut v = b.finish();
    if let [Inline::Page(_), Inline::Text(t), ..] = v.as_mut_slice() {
        if t.starts_with(' ') {
            t.remove(0);
        }
    }
    if let [.., Inline::Text(t), Inline::Page(_)] = v.as_mut_slice() {
        let n = t.trim_end().len();
        t.truncate(n);
    }
    v.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    v
}

/// `frus1981-88v03-d74` → (`frus1981-88v03`, `74`); `d12` → (None, `12`).
pub fn ids_from_stem(stem: &str) -> (Option<String>, Option<String>) {
    let (vol, doc) = match stem.rfind("-d") {
        Some(i) => (Some(&stem[..i]), &stem[i + 2..]),
        None => match stem.strip_prefix('d') {
            Some(d) => (None, d),
            None => (None, ""),
        },
    };
    let n_ok = !doc.is_empty()
        && doc.starts_with(|c: char| c.is_ascii_digit())
        && doc.chars().all(|c| c.is_ascii_alphanumeric());
    let vol = vol
        .filter(|v| v.starts_with("frus") && v.len() > 4)
        .map(str::to_string)
        .or_else(|| (stem.starts_with("frus") && !n_ok).then(|| stem.to_string()));
    (vol, n_ok.then(|| doc.to_string()))
}

fn file_stem(file: &str) -> &str {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.strip_suffix(".txt").unwrap_or(base)
}

/// Parses one plain-text document page. `file` names it in errors and supplies the volume
/// and document number when the text does not (`frus1981-88v03-d74.txt`).
pub fn parse_text(file: &str, bytes: &[u8]) -> Result<Document, ParseError> {
    let text = decode_text(file, bytes)?;
    Ok(parse_str(file, &text))
}

/// Parses already-decoded text (the caller has checked it with [`decode_text`]).
pub fn parse_str(file: &str, text: &str) -> Document {
    let mut diagnostics = Vec::new();
    let mut lines = Vec::new();
    let mut start = 0;
    for (no, l) in text.split('\n').enumerate() {
        lines.push(Line {
            no: no as u32 + 1,
            start,
            end: start + l.len(),
        });
        start += l.len() + 1;
    }
    let blank = |l: &Line| text[l.start..l.end].trim().is_empty();
    let mut body_end = lines.len();
    while body_end > 0 && blank(&lines[body_end - 1]) {
        body_end -= 1;
    }

    // 1. The footnote list: "  1. …" to the end, numbered on.
    let notes_start = find_footnote_list(text, &lines[..body_end]);
    let mut raw_notes: Vec<RawNote> = Vec::new();
    if let Some(ns) = notes_start {
        for (i, l) in lines[ns..body_end].iter().enumerate() {
            let t = &text[l.start..l.end];
            match lines::footnote_item(t) {
                Some((n, off)) if raw_notes.is_empty() || n == raw_notes.len() as u32 + 1 => {
                    raw_notes.push(RawNote {
                        number: n,
                        line: ns + i,
                        ranges: vec![(l.start + off, l.end)],
                    });
                }
                _ if t.trim().is_empty() => {}
                _ => {
                    if let Some(last) = raw_notes.last_mut() {
                        last.ranges.push((l.start, l.end));
                    }
                }
            }
        }
        body_end = ns;
        while body_end > 0 && blank(&lines[body_end - 1]) {
            body_end -= 1;
        }
    }

    // 2. Groups of lines between blank lines, and the heading section.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, l) in lines[..body_end].iter().enumerate() {
        if blank(l) {
            if groups.last().is_some_and(|g| !g.is_empty()) {
                groups.push(Vec::new());
            }
        } else {
            if groups.is_empty() {
                groups.push(Vec::new());
            }
            groups.last_mut().expect("group").push(i);
        }
    }
    groups.retain(|g| !g.is_empty());
    let line_str = |i: usize| &text[lines[i].start..lines[i].end];

    let mut gi = 0;
    let mut leading: Vec<usize> = Vec::new();
    while gi + 1 < groups.len()
        && groups[gi]
            .iter()
            .all(|&i| lines::is_source_line(line_str(i)))
    {
        leading.extend(&groups[gi]);
        gi += 1;
    }
    // "Woodrow Wilson Papers" above "President Wilson to …": a short line naming no parties
    // before a heading that does is a collection name, not the heading.
    if let (Some(g0), Some(g1)) = (groups.get(gi), groups.get(gi + 1)) {
        let t0 = line_str(g0[0]).trim();
        let h0 = heading::parse(t0);
        let t1 = line_str(g1[0]);
        let short = g0.len() == 1
            && t0.split_whitespace().count() <= 6
            && !t0.ends_with(['.', ',', ':'])
            && !t0.starts_with(|c: char| c.is_ascii_digit())
            && !t0.eq_ignore_ascii_case("[untitled]");
        let h1 = heading::parse(t1);
        if short
            && h0.kind.is_none()
            && h0.from.is_empty()
            && t1.len() <= 200
            && !h1.from.is_empty()
            && !h1.to.is_empty()
        {
            leading.push(g0[0]);
            gi += 1;
        }
    }
    let mut head_lines: Vec<usize> = Vec::new();
    let mut rest_groups: Vec<Vec<usize>> = Vec::new();
    if let Some(g) = groups.get(gi) {
        // A heading is short; a long second line means the body started without a gap.
        let keep = 1 + g[1..]
            .iter()
            .take_while(|&&i| line_str(i).len() <= 200 && !lines::page_only(line_str(i)))
            .count();
        head_lines.extend(&g[..keep]);
        if keep < g.len() {
            rest_groups.push(g[keep..].to_vec());
        }
        gi += 1;
    }
    rest_groups.extend(groups[gi.min(groups.len())..].iter().cloned());
    let mut after_head: Vec<usize> = Vec::new();
    while let Some(g) = rest_groups.first() {
        if g.iter()
            .all(|&i| lines::is_source_line(line_str(i)) && !lines::is_enclosure(line_str(i)))
        {
            after_head.extend(g);
            rest_groups.remove(0);
        } else {
            break;
        }
    }

    // 3. The heading's number ("74. Letter …") and the ids.
    let stem = file_stem(file);
    let (file_volume, file_n) = ids_from_stem(stem);
    let mut head_num: Option<(String, usize)> = None; // number, bytes to skip on the first line
    if let Some(&first) = head_lines.first() {
        let t = line_str(first);
        let digits = t.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(0);
        if digits > 0
            && digits <= 5
            && t.starts_with(|c: char| c.is_ascii_digit())
            && t[digits..].starts_with(". ")
        {
            head_num = Some((t[..digits].to_string(), digits + 2));
        }
    }
    let volume = file_volume.or_else(|| volume_in_text(text));
    let n = head_num
        .as_ref()
        .map(|(n, _)| n.clone())
        .or(file_n)
        .or_else(|| {
            head_lines.first().and_then(|&i| {
                let t = line_str(i);
                let rest = t.strip_prefix("No. ")?;
                let d: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                (!d.is_empty()).then_some(d)
            })
        });
    let years = volume.as_deref().and_then(dates::volume_years);
    // Volumes from 1945 on number footnotes 1..K per document, as the list does.
    let strict = years.map_or(head_num.is_some(), |(y, _)| y >= 1945);

    // 4. Footnote markers, by alignment over the heading and body.
    let marker_ranges: Vec<(usize, usize)> = lines[..body_end]
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            !blank(l) && !leading.contains(i) && !lines::page_only(&text[l.start..l.end])
        })
        .map(|(i, l)| {
            let skip = match (&head_num, head_lines.first()) {
                (Some((_, s)), Some(&f)) if f == i => *s,
                _ => 0,
            };
            (l.start + skip, l.end)
        })
        .collect();
    let page_breaks: Vec<usize> = lines[..body_end]
        .iter()
        .flat_map(|l| {
            lines::page_markers(&text[l.start..l.end])
                .into_iter()
                .map(move |(s, _, _)| l.start + s)
        })
        .collect();
    let cands = markers::candidates(text, &marker_ranges);
    let chosen = markers::align(
        &AlignInput {
            text,
            ranges: &marker_ranges,
            page_breaks: &page_breaks,
            notes: raw_notes.len(),
            strict_labels: strict,
        },
        &cands,
    );
    let mut placed: Vec<Placed> = chosen
        .iter()
        .enumerate()
        .filter_map(|(k, c)| {
            c.map(|c| Placed {
                start: cands[c].start,
                end: cands[c].end,
                index: k as u32 + 1,
            })
        })
        .collect();
    placed.sort_by_key(|p| p.start);
    diagnose_markers(
        text,
        &lines,
        &raw_notes,
        &chosen,
        &cands,
        strict,
        &mut diagnostics,
    );
    if raw_notes.is_empty() {
        diagnose_orphan_markers(text, &lines, &cands, &mut diagnostics);
    }

    let mut src = Source {
        text,
        lines: lines.clone(),
        markers: placed,
        ref_ctx: RefContext::new(volume.clone()),
        refs: Vec::new(),
    };

    // 5. Heading inlines and title.
    let mut hb = InlineBuilder::new();
    for (k, &i) in head_lines.iter().enumerate() {
        if k > 0 {
            hb.push(Inline::Br(true));
        }
        let l = lines[i];
        let skip = if k == 0 {
            head_num.as_ref().map_or(0, |(_, s)| *s)
        } else {
            0
        };
        let (s, e) = (l.start + skip, l.end);
        // Headings hold no references; only markers.
        let first = src.markers.partition_point(|m| m.start < s);
        let mut pos = s;
        for m in src.markers[first..].iter().take_while(|m| m.start < e) {
            hb.text(&text[pos..m.start]);
            hb.push(Inline::Note(m.index));
            pos = m.end;
        }
        hb.text(&text[pos..e]);
    }
    let head = hb.finish();
    let title = crate::inline::collapse(&plain_text(&head));

    // 6. Body blocks.
    let mut blocks_out: Vec<Block> = Vec::new();
    let mut source_lines: Vec<String> = Vec::new();
    for &i in &leading {
        let l = lines[i];
        let mut b = Block::new(BlockKind::Source, src.inlines(l.start, l.end, None));
        b.before_head = true;
        source_lines.push(line_str(i).trim().to_string());
        blocks_out.push(b);
    }
    for &i in &after_head {
        let l = lines[i];
        let t = line_str(i).trim();
        let kind = if lines::is_bracketed(t) && t.len() > 40 {
            BlockKind::Editorial
        } else {
            BlockKind::Source
        };
        source_lines.push(t.to_string());
        blocks_out.push(Block::new(kind, src.inlines(l.start, l.end, None)));
    }
    let body = blocks::build(&mut src, &rest_groups);
    blocks_out.extend(body);

    // 7. Footnotes, with their references.
    let mut footnotes = Vec::new();
    for (k, note) in raw_notes.iter().enumerate() {
        let index = k as u32 + 1;
        let mut b = InlineBuilder::new();
        for (j, &(s, e)) in note.ranges.iter().enumerate() {
            if j > 0 {
                b.text(" ");
            }
            src.push_inlines(&mut b, s, e, Some(index));
        }
        let inlines = finish_block(b);
        let label = chosen[k]
            .map(|c| cands[c].label.clone())
            .unwrap_or_else(|| note.number.to_string());
        let plain = plain_text(&inlines);
        let kind = if index == 1 && plain.starts_with("Source:") {
            FootnoteKind::Source
        } else {
            FootnoteKind::Note
        };
        footnotes.push(Footnote {
            index,
            n: label,
            kind,
            inlines,
        });
    }

    // 8. Who, what, when.
    let h = heading::parse(&title);
    let first_para = blocks_out
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .map(|b| plain_text(&b.inlines));
    let salutation = blocks_out
        .iter()
        .find(|b| b.kind == BlockKind::Salutation)
        .map(|b| plain_text(&b.inlines));
    let kind = infer::infer_kind(&KindEvidence {
        heading_kind: h.kind,
        source_lines: &source_lines,
        from: &h.from,
        to: &h.to,
        salutation: salutation.as_deref(),
        first_paragraph: first_para.as_deref(),
    });
    let hint = years.map(|(y, _)| y);
    let mut ev = DateEvidence::default();
    let mut place = None;
    // Datelines of enclosures and endorsements date other papers, not this one.
    let mut in_attachment = false;
    for b in &blocks_out {
        if b.kind == BlockKind::Source
            && b.level > 0
            && lines::is_enclosure(&plain_text(&b.inlines))
        {
            in_attachment = true;
        }
        if b.kind == BlockKind::Dateline && !in_attachment {
            let t = plain_text(&b.inlines);
            if let Some((d, p)) = dates::as_dateline(&t) {
                let shown = t[d.start..d.end].to_string();
                if b.level == 0 {
                    if ev.datelines.is_empty() {
                        place = p;
                    }
                    ev.datelines.push((d, shown));
                } else {
                    ev.body.push((d, shown));
                }
            }
        }
        if matches!(b.kind, BlockKind::Source | BlockKind::Editorial) && b.level == 0 {
            let t = plain_text(&b.inlines);
            if t.starts_with("[Sent")
                || t.starts_with("[Received")
                || t.starts_with("[Delivered")
                || t.starts_with("[Handed")
            {
                for d in dates::find_dates(&t, hint) {
                    let shown = t[d.start..d.end].to_string();
                    ev.source_notes.push((d, shown));
                }
            }
        }
    }
    for f in footnotes.iter().filter(|f| f.kind == FootnoteKind::Source) {
        ev.source_notes
            .extend(infer::source_note_dates(&plain_text(&f.inlines), hint));
    }
    if h.to.is_empty() && !title.contains("received") && !title.contains("Received") {
        for d in dates::find_dates(&title, hint) {
            if d.precision >= crate::model::Precision::Day {
                let shown = title[d.start..d.end].to_string();
                ev.title.push((d, shown));
            }
        }
    }
    let (date, date_diags) = infer::choose_date(&ev, years);
    diagnostics.extend(date_diags);

    let mut pages = Vec::new();
    collect_pages(&head, &mut pages);
    for b in &blocks_out {
        collect_pages(&b.inlines, &mut pages);
    }
    for f in &footnotes {
        collect_pages(&f.inlines, &mut pages);
    }

    if head_lines.is_empty() {
        diagnostics.push(Diagnostic::warning("no heading found", Some(1), Some(1)));
    }

    let id = match (&volume, &n) {
        (Some(v), Some(n)) => format!("{v}-d{n}"),
        (None, Some(n)) => format!("d{n}"),
        _ => stem.to_string(),
    };
    let refs = std::mem::take(&mut src.refs);
    Document {
        id,
        volume,
        n,
        title,
        head,
        kind,
        from: h.from,
        to: h.to,
        date,
        place,
        blocks: blocks_out,
        footnotes,
        pages,
        refs,
        links: vec![],
        diagnostics,
    }
}

fn collect_pages(inlines: &[Inline], out: &mut Vec<String>) {
    for i in inlines {
        match i {
            Inline::Page(n) => out.push(n.clone()),
            Inline::Em(c) | Inline::Sc(c) | Inline::Sup(c) => collect_pages(c, out),
            _ => {}
        }
    }
}

/// A `frus…` volume id written in the text (a history.state.gov address, say).
fn volume_in_text(text: &str) -> Option<String> {
    let i = text.find("historicaldocuments/frus")? + "historicaldocuments/".len();
    let id: String = text[i..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (id.len() > 8).then_some(id)
}

/// The line index where the footnote list begins: the last "  1. " line from which
/// items numbered 2, 3, … run to the end (other lines continue the item above them).
fn find_footnote_list(text: &str, lines: &[Line]) -> Option<usize> {
    let mut next: Option<u32> = None;
    for (i, l) in lines.iter().enumerate().rev() {
        if let Some((n, _)) = lines::footnote_item(&text[l.start..l.end]) {
            if next.is_none_or(|x| x == n + 1) {
                next = Some(n);
                if n == 1 {
                    return Some(i);
                }
            }
        } else if next.is_none() && lines.len() - i > 30 {
            return None;
        }
    }
    None
}

fn diagnose_markers(
    text: &str,
    lines: &[Line],
    raw_notes: &[RawNote],
    chosen: &[Option<usize>],
    cands: &[Candidate],
    strict: bool,
    out: &mut Vec<Diagnostic>,
) {
    for (k, c) in chosen.iter().enumerate() {
        if c.is_none() {
            let line = lines[raw_notes[k].line];
            out.push(Diagnostic::warning(
                format!("footnote {} has no marker in the text", k + 1),
                Some(line.no),
                Some(3),
            ));
        }
    }
    // More markers than notes: in numbered-per-document volumes, a strong candidate
    // labelled K+1 after the last placed marker.
    if strict && !raw_notes.is_empty() {
        let last = chosen
            .iter()
            .flatten()
            .map(|&c| cands[c].end)
            .max()
            .unwrap_or(0);
        let want = (raw_notes.len() + 1).to_string();
        if let Some(c) = cands
            .iter()
            .find(|c| c.start >= last && c.label == want && c.score >= 1.5)
        {
            let (ln, col) = line_col(text, lines, c.start);
            out.push(Diagnostic::warning(
                format!(
                    "the text has a marker “{want}” but the footnote list has only {} notes",
                    raw_notes.len()
                ),
                Some(ln),
                Some(col),
            ));
        }
    }
}

/// Markers in a text that has no footnote list: "1", "2", … glued after words in order.
fn diagnose_orphan_markers(
    text: &str,
    lines: &[Line],
    cands: &[Candidate],
    out: &mut Vec<Diagnostic>,
) {
    let mut want = 1u32;
    let mut first = None;
    let mut sorted: Vec<&Candidate> = cands.iter().filter(|c| c.score >= 1.0).collect();
    sorted.sort_by_key(|c| c.start);
    for c in sorted {
        if c.label == want.to_string() {
            first.get_or_insert(c.start);
            want += 1;
        }
    }
    if want > 2 {
        let (ln, col) = line_col(text, lines, first.unwrap_or(0));
        out.push(Diagnostic::warning(
            format!(
                "no footnote list, but the text seems to carry markers 1–{}",
                want - 1
            ),
            Some(ln),
            Some(col),
        ));
    }
}

pub(crate) fn line_col(text: &str, lines: &[Line], offset: usize) -> (u32, u32) {
    let i = lines
        .partition_point(|l| l.start <= offset)
        .saturating_sub(1);
    let l = lines[i];
    let col = text[l.start..offset.min(l.end).max(l.start)]
        .chars()
        .count() as u32
        + 1;
    (l.no, col)
}
