//! The shape of a page text: its lines, the footnote list at the end, the source notes and
//! the heading at the top, and the groups of lines (between blank lines) of the body.

use crate::heading;
use crate::text::lines;

/// One line of the input: 1-based number and byte range (without the newline).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    pub no: u32,
    pub start: usize,
    pub end: usize,
}

/// An item of the footnote list: its printed number, first line and text ranges.
pub(crate) struct RawNote {
    pub number: u32,
    pub line: usize,
    pub ranges: Vec<(usize, usize)>,
}

/// Where everything is, by line index.
pub(crate) struct Layout {
    pub lines: Vec<Line>,
    /// Lines before the footnote list (trailing blank lines excluded).
    pub body_end: usize,
    pub notes: Vec<RawNote>,
    /// Source notes printed above the heading ("825.5151/132: Telegram").
    pub leading: Vec<usize>,
    pub head_lines: Vec<usize>,
    /// The number printed before the heading ("74. ") and how many bytes it takes.
    pub head_num: Option<(String, usize)>,
    /// Source notes and telegram headers right after the heading ("[Paraphrase]").
    pub after_head: Vec<usize>,
    /// The body, as groups of lines between blank lines.
    pub body: Vec<Vec<usize>>,
}

impl Layout {
    pub fn read(text: &str) -> Layout {
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
        let mut notes: Vec<RawNote> = Vec::new();
        if let Some(ns) = notes_start {
            for (i, l) in lines[ns..body_end].iter().enumerate() {
                let t = &text[l.start..l.end];
                match lines::footnote_item(t) {
                    Some((n, off)) if notes.is_empty() || n == notes.len() as u32 + 1 => {
                        notes.push(RawNote {
                            number: n,
                            line: ns + i,
                            ranges: vec![(l.start + off, l.end)],
                        });
                    }
                    _ if t.trim().is_empty() => {}
                    _ => {
                        if let Some(last) = notes.last_mut() {
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
        // So is a section title ("CORRESPONDENCE BETWEEN THE DEPARTMENT OF STATE AND THE
        // FRENCH LEGATION"), a series ("Executive Agreement Series No. 67") or a second
        // number ("No. 91." / "No. 302.|") above it.
        // The lines above may come as one group or as several (a page text that printed
        // them apart, or its own rendering, which gives each its paragraph): up to three
        // such lines in all, the longest run first, before a heading that names parties.
        let above = |i: usize| {
            let t0 = line_str(i).trim();
            let h0 = heading::parse(t0);
            t0.len() <= 160
                && !t0.eq_ignore_ascii_case("[untitled]")
                && !t0.ends_with(':')
                && h0.kind.is_none()
                && h0.from.is_empty()
        };
        let names_parties = |t1: &str| {
            let h1 = heading::parse(t1);
            let short = |ps: &[crate::model::Party]| {
                !ps.is_empty()
                    && ps.iter().all(|p| {
                        p.text.split_whitespace().count() <= 12 && heading::names_someone(p)
                    })
            };
            // "1. The Association of Nations shall be composed of …, subject to the
            // provisions …" is the body's first article, not a heading.
            let numbered = t1.starts_with(|c: char| c.is_ascii_digit()) && h1.kind.is_none();
            t1.len() <= 200 && short(&h1.from) && short(&h1.to) && !numbered
        };
        let mut end = gi;
        let mut n = 0;
        while let Some(g) = groups.get(end) {
            if n + g.len() > 3 || !g.iter().all(|&i| above(i)) {
                break;
            }
            n += g.len();
            end += 1;
        }
        while end > gi {
            if groups
                .get(end)
                .is_some_and(|g1| names_parties(line_str(g1[0])))
            {
                for g in &groups[gi..end] {
                    leading.extend(g);
                }
                gi = end;
                break;
            }
            end -= 1;
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

        // 3. The number printed before a modern heading ("74. Letter …").
        let mut head_num: Option<(String, usize)> = None;
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

        Layout {
            lines,
            body_end,
            notes,
            leading,
            head_lines,
            head_num,
            after_head,
            body: rest_groups,
        }
    }

    pub fn line<'t>(&self, text: &'t str, i: usize) -> &'t str {
        let l = self.lines[i];
        &text[l.start..l.end]
    }
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
