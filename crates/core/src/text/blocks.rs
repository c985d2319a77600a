//! Body lines → blocks. A paragraph is one line; lines without a blank between them are
//! table rows, list items or a signature; bracketed lines are editors' text; "[Enclosure]"
//! opens an attachment and "Begin text" an embedded message (both one level deeper).

use crate::dates;
use crate::heading;
use crate::inline::InlineBuilder;
use crate::model::{plain_text, Block, BlockKind, Inline};
use crate::text::lines;
use crate::text::source::{finish_block, Source};

struct State {
    blocks: Vec<Block>,
    level: u8,
    /// The level of the current attachment (0 in the main document).
    base: u8,
    section_has_para: bool,
    doc_has_para: bool,
    expect_heading: bool,
    /// `[Page N]` lines waiting for the block they begin.
    pending_pages: Vec<String>,
}

impl State {
    fn push(
        &mut self,
        src: &mut Source<'_>,
        kind: BlockKind,
        range: Option<(usize, usize)>,
    ) -> &mut Block {
        let mut b = InlineBuilder::new();
        for p in self.pending_pages.drain(..) {
            b.push(Inline::Page(p));
        }
        if let Some((s, e)) = range {
            src.push_inlines(&mut b, s, e, None);
        }
        let mut block = Block::new(kind, finish_block(b));
        block.level = self.level;
        if kind == BlockKind::Paragraph {
            self.section_has_para = true;
            self.doc_has_para = true;
        }
        self.blocks.push(block);
        self.blocks.last_mut().expect("pushed")
    }

    /// Pushes the plain lines of a group: one is a paragraph, several are table rows.
    /// Each carries the `[Page N]` lines that stood right before it.
    fn flush_plain(&mut self, src: &mut Source<'_>, run: &mut Vec<(usize, Vec<String>)>) {
        let kind = if run.len() > 1 {
            BlockKind::TableRow
        } else {
            BlockKind::Paragraph
        };
        for (i, pages) in run.drain(..) {
            let l = src.lines[i];
            let text = src.line_text(i).to_string();
            self.pending_pages.extend(pages);
            self.push(src, kind, Some((l.start, l.end)));
            if kind == BlockKind::TableRow {
                self.section_has_para = true;
                self.doc_has_para = true;
            }
            if lines::ends_text(&text) && self.level > self.base {
                self.level -= 1;
            }
        }
    }

    fn new_section(&mut self) {
        self.section_has_para = false;
    }
}

/// Lines that are never a table row, whatever surrounds them.
fn is_special(t: &str, raw: &str) -> bool {
    lines::bullet(raw).is_some()
        || lines::list_label(t).is_some()
        || lines::is_bracketed(t)
        || lines::is_begin_text(t)
        || lines::is_closing(t)
}

/// Counting stops at `n + 1`: a paragraph is one line of thousands of words.
fn at_most_words(t: &str, n: usize) -> bool {
    t.split_whitespace().nth(n).is_none()
}

fn heading_like(t: &str) -> bool {
    let t = t.trim();
    let few_words = at_most_words(t, 8);
    !t.is_empty()
        && t.len() <= 200
        && !t.ends_with(':')
        && !t.ends_with(',')
        && (!t.ends_with('.') || few_words || !heading::parse(t).from.is_empty())
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

pub(crate) fn build(src: &mut Source<'_>, groups: &[Vec<usize>]) -> Vec<Block> {
    let mut st = State {
        blocks: Vec::new(),
        level: 0,
        base: 0,
        section_has_para: false,
        doc_has_para: false,
        expect_heading: false,
        pending_pages: Vec::new(),
    };
    for g in groups {
        let mut run: Vec<(usize, Vec<String>)> = Vec::new();
        // Page lines inside a run of table rows belong to the next row.
        let mut run_pages: Vec<String> = Vec::new();
        let mut k = 0;
        while k < g.len() {
            let i = g[k];
            let l = src.lines[i];
            let raw = src.line_text(i).to_string();
            let t = raw.trim();
            let single = g.len() == 1;
            k += 1;
            if lines::page_only(t) {
                let n = lines::page_markers(t)[0].2.to_string();
                if run.is_empty() {
                    st.pending_pages.push(n);
                } else {
                    run_pages.push(n);
                }
                continue;
            }
            if !run_pages.is_empty() {
                if !is_special(t, &raw) {
                    run.push((i, std::mem::take(&mut run_pages)));
                    st.expect_heading = false;
                    continue;
                }
                st.flush_plain(src, &mut run);
                st.pending_pages.append(&mut run_pages);
            }
            if let Some((depth, off)) = lines::bullet(&raw) {
                st.flush_plain(src, &mut run);
                let kind = if !st.doc_has_para && st.level == 0 {
                    BlockKind::Subject
                } else {
                    BlockKind::ListItem
                };
                let b = st.push(src, kind, Some((l.start + off, l.end)));
                b.depth = depth;
                continue;
            }
            if let Some(label) = lines::list_label(t) {
                st.flush_plain(src, &mut run);
                let label = label.to_string();
                let depth = lines::indent_depth(&raw);
                let item = g.get(k).copied().filter(|&j| {
                    let n = src.line_text(j);
                    lines::list_label(n).is_none()
                        && lines::bullet(n).is_none()
                        && !lines::page_only(n)
                });
                let range = item.map(|j| (src.lines[j].start, src.lines[j].end));
                if item.is_some() {
                    k += 1;
                }
                let b = st.push(src, BlockKind::ListItem, range);
                b.label = Some(label);
                b.depth = depth;
                st.section_has_para = true;
                st.doc_has_para = true;
                continue;
            }
            if lines::is_enclosure(t) {
                st.flush_plain(src, &mut run);
                st.base = 1;
                st.level = 1;
                st.new_section();
                st.push(src, BlockKind::Source, Some((l.start, l.end)));
                st.expect_heading = true;
                continue;
            }
            if lines::is_bracketed(t) {
                st.flush_plain(src, &mut run);
                let kind = if t.len() <= 40 && !st.section_has_para {
                    BlockKind::Source
                } else {
                    BlockKind::Editorial
                };
                st.push(src, kind, Some((l.start, l.end)));
                continue;
            }
            if lines::is_begin_text(t) {
                st.flush_plain(src, &mut run);
                st.push(src, BlockKind::Paragraph, Some((l.start, l.end)));
                st.level += 1;
                st.new_section();
                continue;
            }
            if lines::ends_text(t) && at_most_words(t, 2) {
                st.flush_plain(src, &mut run);
                if st.level > st.base {
                    st.level -= 1;
                }
                st.push(src, BlockKind::Paragraph, Some((l.start, l.end)));
                continue;
            }
            if lines::is_salutation(t) && !st.section_has_para && run.is_empty() {
                st.flush_plain(src, &mut run);
                st.push(src, BlockKind::Salutation, Some((l.start, l.end)));
                continue;
            }
            if lines::is_closing(t) {
                st.flush_plain(src, &mut run);
                st.push(src, BlockKind::Closing, Some((l.start, l.end)));
                continue;
            }
            if at_most_words(t, 12)
                && dates::as_dateline(&strip_markers(src, l.start, l.end)).is_some()
            {
                st.flush_plain(src, &mut run);
                st.push(src, BlockKind::Dateline, Some((l.start, l.end)));
                continue;
            }
            if st.expect_heading && single && heading_like(t) {
                st.expect_heading = false;
                st.push(src, BlockKind::Heading, Some((l.start, l.end)));
                continue;
            }
            st.expect_heading = false;
            run.push((i, Vec::new()));
        }
        st.flush_plain(src, &mut run);
        st.pending_pages.append(&mut run_pages);
    }
    if !st.pending_pages.is_empty() {
        let pages: Vec<Inline> = st.pending_pages.drain(..).map(Inline::Page).collect();
        match st.blocks.last_mut() {
            Some(b) => b.inlines.extend(pages),
            None => {
                st.blocks.push(Block::new(BlockKind::Paragraph, pages));
            }
        }
    }
    mark_signatures(&mut st.blocks);
    st.blocks
}

/// The line's text without its placed footnote markers (so "July 10, 19812" reads as a date
/// only if the marker was placed after "1981").
fn strip_markers(src: &Source<'_>, start: usize, end: usize) -> String {
    let mut out = String::new();
    let mut pos = start;
    for m in src
        .markers
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
    {
        out.push_str(&src.text[pos..m.start]);
        pos = m.end;
    }
    out.push_str(&src.text[pos..end]);
    out
}

/// Marks the name lines that end each section ("A. Gromyko", "WILLIAM H. SEWARD.",
/// "Alvey A. Adee, / Acting Secretary.") as signatures.
fn mark_signatures(blocks: &mut [Block]) {
    let mut ends: Vec<usize> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let starts_attachment = b.kind == BlockKind::Source
            && b.level == 1
            && lines::is_enclosure(&plain_text(&b.inlines));
        if starts_attachment && i > 0 {
            ends.push(i - 1);
        }
    }
    if !blocks.is_empty() {
        ends.push(blocks.len() - 1);
    }
    for end in ends {
        let level = blocks[end].level;
        let mut j = end as isize;
        while j >= 0 && {
            let b = &blocks[j as usize];
            b.kind == BlockKind::Paragraph && lines::is_addressee(&plain_text(&b.inlines))
        } {
            j -= 1;
        }
        let mut marked = Vec::new();
        while j >= 0 && marked.len() < 4 {
            let b = &blocks[j as usize];
            let text = plain_text(&b.inlines);
            if b.level != level
                || !matches!(b.kind, BlockKind::Paragraph | BlockKind::TableRow)
                || !lines::is_name_like(&text)
            {
                break;
            }
            marked.push(j as usize);
            j -= 1;
        }
        // A signature follows a closing or the last paragraph, never stands alone.
        let before_ok = j >= 0
            && matches!(
                blocks[j as usize].kind,
                BlockKind::Closing
                    | BlockKind::Paragraph
                    | BlockKind::TableRow
                    | BlockKind::ListItem
                    | BlockKind::Editorial
                    | BlockKind::Quote
            );
        if before_ok {
            for m in marked {
                blocks[m].kind = BlockKind::Signature;
            }
        }
    }
}
