//! The footnotes of a page text: where their markers stand (by alignment, see
//! [`markers`](super::markers)), their labels and texts, and what could not be placed.

use crate::inline::InlineBuilder;
use crate::model::{plain_text, Diagnostic, DiagnosticCode, Footnote, FootnoteKind};
use crate::text::affinity;
use crate::text::alignment::{self, AlignInput, Numbering};
use crate::text::layout::{Layout, Line, RawNote};
use crate::text::lines;
use crate::text::markers::{self, Candidate};
use crate::text::source::{finish_block, line_col, Placed, Source};

/// The outcome of placing the markers: each placed marker, and for each footnote the label
/// printed at its marker (its list number when it has none).
pub(crate) struct Placement {
    pub placed: Vec<Placed>,
    pub labels: Vec<String>,
}

/// Finds the markers of the listed footnotes in the heading and body.
/// `numbering`: how the volume numbers its markers.
pub(crate) fn place(
    text: &str,
    layout: &Layout,
    numbering: Numbering,
    years: Option<(i32, i32)>,
    out: &mut Vec<Diagnostic>,
) -> Placement {
    let strict = numbering == Numbering::PerDocument;
    let lines = &layout.lines;
    let ranges: Vec<(usize, usize)> = lines[..layout.body_end]
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            let t = &text[l.start..l.end];
            !t.trim().is_empty() && !layout.leading.contains(i) && !lines::page_only(t)
        })
        .map(|(i, l)| {
            let skip = match (&layout.head_num, layout.head_lines.first()) {
                (Some((_, s)), Some(&f)) if f == i => *s,
                _ => 0,
            };
            (l.start + skip, l.end)
        })
        .collect();
    let page_breaks: Vec<usize> = lines[..layout.body_end]
        .iter()
        .flat_map(|l| {
            lines::page_markers(&text[l.start..l.end])
                .into_iter()
                .map(move |(s, _, _)| l.start + s)
        })
        .collect();
    let cands = markers::candidates(text, &ranges, years);
    let note_texts: Vec<String> = layout
        .notes
        .iter()
        .map(|n| {
            n.ranges
                .iter()
                .map(|&(s, e)| &text[s..e])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let body_end = ranges.last().map_or(0, |r| r.1);
    let chosen = alignment::align(
        &AlignInput {
            page_breaks: &page_breaks,
            notes: layout.notes.len(),
            numbering,
            // Numbered per document, a label says which note it is; the words are not needed.
            affinity: &if strict {
                Vec::new()
            } else {
                affinity::affinity(text, body_end, &note_texts, &cands)
            },
            repeats: &affinity::repeats(&note_texts),
            unshown: &note_texts
                .iter()
                .map(|n| affinity::about_the_whole(n))
                .collect::<Vec<_>>(),
        },
        &cands,
    );
    diagnose_markers(text, lines, &layout.notes, &chosen, &cands, strict, out);
    if layout.notes.is_empty() {
        diagnose_orphan_markers(text, lines, &cands, out);
    }
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
    let labels = chosen
        .iter()
        .zip(&layout.notes)
        .map(|(c, note)| c.map_or_else(|| note.number.to_string(), |c| cands[c].label.clone()))
        .collect();
    Placement { placed, labels }
}

/// The footnotes, in list order, with the references in their text.
pub(crate) fn footnotes(
    src: &mut Source<'_>,
    notes: &[RawNote],
    labels: &[String],
) -> Vec<Footnote> {
    let mut out = Vec::new();
    for (k, note) in notes.iter().enumerate() {
        let index = k as u32 + 1;
        // A note's lines are one text: a reference may run across a line break.
        let start = note.ranges.first().map_or(0, |r| r.0);
        let end = note.ranges.last().map_or(0, |r| r.1);
        let mut b = InlineBuilder::new();
        src.push_inlines(&mut b, start, end, Some(index));
        let inlines = finish_block(b);
        // Modern volumes make the source note footnote 1.
        let kind = if index == 1 && plain_text(&inlines).starts_with("Source:") {
            FootnoteKind::Source
        } else {
            FootnoteKind::Note
        };
        out.push(Footnote {
            index,
            n: labels[k].clone(),
            kind,
            inlines,
        });
    }
    out
}

#[allow(clippy::too_many_arguments)]
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
                DiagnosticCode::MarkerNotPlaced,
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
                DiagnosticCode::MarkerWithoutNote,
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
            DiagnosticCode::MarkersWithoutList,
            format!(
                "no footnote list, but the text seems to carry markers 1–{}",
                want - 1
            ),
            Some(ln),
            Some(col),
        ));
    }
}
