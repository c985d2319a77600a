//! The plain-text parser: the text of a history.state.gov document page → [`Document`].
//!
//! The page's structure is gone; we recover it in passes: the layout (footnote list at the
//! end, source notes and heading at the top), the footnote markers (by alignment, see
//! `markers`), the body blocks, the footnotes, then what the heading grammar, the dates
//! and the cross-references say.

mod affinity;
mod alignment;
mod blocks;
mod evidence;
mod layout;
pub(crate) mod lines;
mod markers;
mod notes;
mod source;

use crate::dates;
use crate::doc_id::DocId;
use crate::heading;
use crate::inline::InlineBuilder;
use crate::input::{decode_text, ParseError, ParseErrorKind};
use crate::model::{plain_text, Block, BlockKind, Diagnostic, DiagnosticCode, Document, Inline};
use crate::refs::RefContext;
use crate::text::layout::Layout;
use crate::text::source::Source;

/// `frus1981-88v03-d74` → (`frus1981-88v03`, `74`); `d12` → (None, `12`).
fn ids_from_stem(stem: &str) -> (Option<String>, Option<String>) {
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

/// A place the marker alignment weighed: byte offset of the label, the label, and how
/// plausible the place was on its own. For explaining a choice (the `explain_markers`
/// example), not for parsing.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerCandidate {
    /// Byte offset of the label in the text.
    pub start: usize,
    /// The label as printed ("9", "*", "75a").
    pub label: String,
    /// How plausible the place is on its own (higher is likelier).
    pub score: f32,
}

/// Every footnote-marker candidate in the byte ranges `ranges` of `text`.
/// `years`: the volume's (`dates::volume_years`), which some readings depend on.
pub fn marker_candidates(
    text: &str,
    ranges: &[(usize, usize)],
    years: Option<(i32, i32)>,
) -> Vec<MarkerCandidate> {
    markers::candidates(text, ranges, years)
        .into_iter()
        .map(|c| MarkerCandidate {
            start: c.start,
            label: c.label,
            score: c.score,
        })
        .collect()
}

/// Parses one plain-text document page. `file` names it in errors and supplies the volume
/// and document number when the text does not (`frus1981-88v03-d74.txt`).
/// A text with none of a FRUS page's structure is refused (`ParseErrorKind::NotFrus`)
/// rather than shown as a letter.
pub fn parse_text(file: &str, bytes: &[u8]) -> Result<Document, ParseError> {
    let text = decode_text(file, bytes)?;
    let doc = parse_str(file, &text);
    if !is_frus_page(&doc) {
        // The place in the file as it is on disk (a BOM and CRLF line ends included).
        let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        let first = bytes[bom..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(0, |p| p + bom);
        return Err(ParseError::of(
            file,
            ParseErrorKind::NotFrus,
            "not a FRUS page text: no document heading (\"74. Letter From …\", \"Mr. Seward to Mr. Dayton.\"), no [Page N] mark, no footnote list and no volume named",
        )
        .at(crate::input::position_of(bytes, first)));
    }
    Ok(doc)
}

/// Whether the parser found anything of a FRUS page in a document: a numbered heading
/// ("74. …", "No. 136."), a heading it reads as a kind of paper or as "A to B", a printed
/// page mark, a footnote list, the volume (in the text or the file's name), or the parts
/// of a letter (a salutation, a closing, a dateline, a subject line, an inline source
/// note: an untitled enclosure has no more), the page's "[Untitled]" for a paper printed
/// without a heading, or a date the parser accepts for the paper.
pub fn is_frus_page(doc: &Document) -> bool {
    let letter_part = |b: &Block| {
        matches!(
            b.kind,
            BlockKind::Salutation
                | BlockKind::Closing
                | BlockKind::Dateline
                | BlockKind::Subject
                | BlockKind::Source
        )
    };
    doc.n.is_some()
        || doc.title == "[Untitled]"
        || doc.date.is_some()
        || doc.blocks.iter().any(letter_part)
        || doc.kind != crate::model::Kind::Other
        || !doc.from.is_empty()
        || !doc.to.is_empty()
        || !doc.pages.is_empty()
        || !doc.footnotes.is_empty()
        || doc.volume.is_some()
}

/// Parses already-decoded text (the caller has decoded it and checked its size, as
/// [`parse_text`] does).
pub fn parse_str(file: &str, text: &str) -> Document {
    let mut diagnostics = Vec::new();
    let layout = Layout::read(text);

    // Ids: the heading's number, else the file name's (`frus1861-d161.txt`), else "No. 46.".
    let stem = file_stem(file);
    let (file_volume, file_n) = ids_from_stem(stem);
    let volume = file_volume.or_else(|| volume_in_text(text));
    let n = layout
        .head_num
        .as_ref()
        .map(|(n, _)| n.clone())
        .or(file_n)
        .or_else(|| {
            let t = layout.line(text, *layout.head_lines.first()?);
            let d: String = t
                .strip_prefix("No. ")?
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            (!d.is_empty()).then_some(d)
        });
    let years = volume.as_deref().and_then(dates::volume_years);
    let numbering = alignment::Numbering::of(years.map(|(y, _)| y), layout.head_num.is_some());
    let placement = notes::place(text, &layout, numbering, years, &mut diagnostics);
    let mut src = Source {
        text,
        lines: layout.lines.clone(),
        markers: placement.placed,
        ref_ctx: RefContext::new(volume.clone()),
        refs: Vec::new(),
    };

    let head = heading_inlines(&src, &layout);
    let title = crate::inline::collapse(&plain_text(&head));
    if layout.head_lines.is_empty() {
        diagnostics.push(Diagnostic::warning(
            DiagnosticCode::NoHeading,
            "no heading found",
            Some(1),
            Some(1),
        ));
    }

    let mut blocks: Vec<Block> = Vec::new();
    for &i in &layout.leading {
        let l = layout.lines[i];
        let mut b = Block::new(BlockKind::Source, src.inlines(l.start, l.end, None));
        b.before_head = true;
        blocks.push(b);
    }
    for &i in &layout.after_head {
        let l = layout.lines[i];
        let t = layout.line(text, i).trim();
        let kind = if lines::is_bracketed(t) && t.len() > 40 {
            BlockKind::Editorial
        } else {
            BlockKind::Source
        };
        blocks.push(Block::new(kind, src.inlines(l.start, l.end, None)));
    }
    blocks.extend(blocks::build(&mut src, &layout.body));
    let footnotes = notes::footnotes(&mut src, &layout.notes, &placement.labels);

    let h = heading::parse(&title);
    let kind = evidence::kind(&h, &blocks);
    let (date, place, date_diags) =
        evidence::date_and_place(&h, &title, &blocks, &footnotes, years);
    diagnostics.extend(date_diags);

    let mut pages = Vec::new();
    collect_pages(&head, &mut pages);
    for b in &blocks {
        collect_pages(&b.inlines, &mut pages);
    }
    for f in &footnotes {
        collect_pages(&f.inlines, &mut pages);
    }
    let id = match &n {
        Some(n) => DocId::new(volume.as_deref(), n).to_string(),
        None => stem.to_string(),
    };
    Document {
        id,
        volume,
        n,
        title,
        head,
        kind,
        from: h.from,
        to: h.to,
        participants: h.participants,
        date,
        place,
        blocks,
        footnotes,
        pages,
        refs: src.refs,
        links: vec![],
        diagnostics,
    }
}

/// The heading's lines (a line break between them) with their markers; no references.
fn heading_inlines(src: &Source<'_>, layout: &Layout) -> Vec<Inline> {
    let mut b = InlineBuilder::new();
    for (k, &i) in layout.head_lines.iter().enumerate() {
        if k > 0 {
            b.push(Inline::Br(true));
        }
        let l = layout.lines[i];
        let skip = match (k, &layout.head_num) {
            (0, Some((_, s))) => *s,
            _ => 0,
        };
        let (s, e) = (l.start + skip, l.end);
        let first = src.markers.partition_point(|m| m.start < s);
        let mut pos = s;
        for m in src.markers[first..].iter().take_while(|m| m.start < e) {
            b.text(&src.text[pos..m.start]);
            b.push(Inline::Note(m.index));
            pos = m.end;
        }
        b.text(&src.text[pos..e]);
    }
    b.finish()
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

/// The kind of a document from its heading and blocks; shared with the TEI parser so both
/// readings of a document agree.
pub(crate) fn kind_of(h: &heading::Heading, blocks: &[Block]) -> crate::model::Kind {
    evidence::kind(h, blocks)
}
