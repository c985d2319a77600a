//! The text with its placed markers: turns byte ranges of the input into inlines (text runs
//! with references, footnote markers, page breaks).

use crate::inline::InlineBuilder;
use crate::model::{Inline, Ref, RefSpan};
use crate::refs::{find_refs, RefContext};
use crate::text::layout::Line;
use crate::text::lines;

/// A placed footnote marker: byte range of its label and the footnote index (1-based).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed {
    pub start: usize,
    pub end: usize,
    pub index: u32,
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
