//! Where a query's words stand in a document, and a keyword-in-context snippet: read from
//! the document itself (the index keeps no text), so a reader sees each hit where it is
//! printed, and a hit in a footnote is said to be one.

use letterbook_core::model::{Document, Region};

use crate::passages::{Field, Passage};
use crate::query::{Node, Query};
use crate::segment::words_in;
use crate::tokens::Tokenizer;

/// A hit: a span of one passage's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The passage's index in the list [`marks`] returns.
    pub passage: usize,
    /// Byte offset of the hit's start in the passage's text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
}

/// A document's passages and every hit of the query's words (not the excluded ones) in
/// them, in reading order.
pub fn marks(doc: &Document, query: &Query) -> (Vec<Passage>, Vec<Mark>) {
    let passages = crate::passages::passages(doc);
    let marks = marks_in(&passages, query);
    (passages, marks)
}

/// Every hit of the query's words in `passages` (a document's, in order, as
/// [`crate::passages::passages`] reads them; or some of them, in order, as a site's text
/// files keep them).
pub fn marks_in(passages: &[Passage], query: &Query) -> Vec<Mark> {
    struct W {
        field: Field,
        pos: u32,
        passage: usize,
        start: usize,
        end: usize,
        terms: Vec<String>,
    }
    let nodes = query.positive_text();
    let mut words: Vec<W> = Vec::new();
    words_in(
        &mut Tokenizer::new(),
        passages,
        |field, pos, start, end, passage, terms| {
            words.push(W {
                field,
                pos,
                passage,
                start,
                end,
                terms: terms.map(str::to_string).collect(),
            })
        },
    );
    let mut out: Vec<Mark> = Vec::new();
    let has = |w: &W, t: &str| w.terms.iter().any(|x| x == t);
    for (i, w) in words.iter().enumerate() {
        for node in &nodes {
            match node {
                Node::Term { term, fields } if fields & w.field.bit() != 0 && has(w, term) => {
                    out.push(Mark {
                        passage: w.passage,
                        start: w.start,
                        end: w.end,
                    });
                }
                Node::Prefix { prefix, fields }
                    if fields & w.field.bit() != 0
                        && w.terms.iter().any(|t| t.starts_with(prefix.as_str())) =>
                {
                    out.push(Mark {
                        passage: w.passage,
                        start: w.start,
                        end: w.end,
                    });
                }
                Node::Phrase { terms, fields }
                    if fields & w.field.bit() != 0 && has(w, &terms[0]) =>
                {
                    let run = &words[i..];
                    let whole = terms.len() <= run.len()
                        && terms.iter().enumerate().all(|(k, t)| {
                            let x = &run[k];
                            x.field == w.field && x.pos == w.pos + k as u32 && has(x, t)
                        });
                    if whole {
                        let last = &run[terms.len() - 1];
                        out.push(Mark {
                            passage: w.passage,
                            start: w.start,
                            end: last.end,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    out.sort_by_key(|m| (m.passage, m.start, std::cmp::Reverse(m.end)));
    // Overlapping hits (a word of two matching phrases) are one.
    let mut merged: Vec<Mark> = Vec::with_capacity(out.len());
    for m in out {
        match merged.last_mut() {
            Some(l) if l.passage == m.passage && m.start < l.end => l.end = l.end.max(m.end),
            _ => merged.push(m),
        }
    }
    merged
}

/// A few lines of a document around its hits.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    /// The field the lines come from.
    pub field: Field,
    /// Where they are printed.
    pub region: Option<Region>,
    /// The footnote's printed label, when the lines are a footnote's.
    pub note: Option<String>,
    /// The text, in pieces: a hit is `true`.
    pub pieces: Vec<(String, bool)>,
    /// Whether text was left out before the lines.
    pub cut_before: bool,
    /// Whether text was left out after them.
    pub cut_after: bool,
}

impl Snippet {
    /// The lines as plain text, hits between `«` and `»`, cuts as `…`.
    pub fn plain(&self) -> String {
        let mut s = String::new();
        if self.cut_before {
            s.push('…');
        }
        for (t, hit) in &self.pieces {
            if *hit {
                s.push('«');
                s.push_str(t);
                s.push('»');
            } else {
                s.push_str(t);
            }
        }
        if self.cut_after {
            s.push('…');
        }
        s
    }
}

/// The snippet of `doc` for `query`, about `width` characters: the passage with the most
/// different hits (the text before the notes, the notes before the source note; never the
/// heading, which a result shows with its own marks), around its first hits. `None` when
/// the query has no hit to show there (a filter only, words only the heading or the
/// correspondents hold): the caller shows the [`opening`].
pub fn snippet(doc: &Document, query: &Query, width: usize) -> Option<Snippet> {
    let passages = crate::passages::passages(doc);
    snippet_in(&passages, &|f| note_label(doc, f), query, width)
}

fn note_label(doc: &Document, f: usize) -> Option<String> {
    doc.footnotes.get(f).map(|n| n.n.clone())
}

/// [`snippet`] over passages (a site's text); `note` gives footnote `f`'s printed label.
pub fn snippet_in(
    passages: &[Passage],
    note: &dyn Fn(usize) -> Option<String>,
    query: &Query,
    width: usize,
) -> Option<Snippet> {
    let marks = marks_in(passages, query);
    let rank = |f: Field| match f {
        Field::Body => Some(0),
        Field::Notes => Some(1),
        Field::Source => Some(2),
        _ => None,
    };
    let best = (0..passages.len())
        .filter(|&p| rank(passages[p].field).is_some())
        .filter_map(|p| {
            let ms: Vec<&Mark> = marks.iter().filter(|m| m.passage == p).collect();
            if ms.is_empty() {
                return None;
            }
            let text = &passages[p].text;
            let mut distinct: Vec<String> = ms
                .iter()
                .map(|m| crate::fold::fold(&text[m.start..m.end]))
                .collect();
            distinct.sort();
            distinct.dedup();
            Some((p, distinct.len(), ms.len()))
        })
        // Most different words, then the text before the notes, then most hits, then the
        // longest passage (a paragraph says more than a signature), then the first.
        .min_by_key(|&(p, distinct, n)| {
            (
                std::cmp::Reverse(distinct),
                rank(passages[p].field),
                std::cmp::Reverse(n),
                std::cmp::Reverse(passages[p].text.len().min(400)),
                p,
            )
        })?;
    let p = &passages[best.0];
    let ms: Vec<&Mark> = marks.iter().filter(|m| m.passage == best.0).collect();
    Some(cut(note, p, &ms, width))
}

/// The opening of a document's text (for a result with no hit to show).
pub fn opening(doc: &Document, width: usize) -> Option<Snippet> {
    opening_in(&crate::passages::passages(doc), width)
}

/// [`opening`] over passages (a site's text).
pub fn opening_in(passages: &[Passage], width: usize) -> Option<Snippet> {
    let p = passages.iter().find(|p| p.field == Field::Body)?;
    Some(cut(&|_| None, p, &[], width))
}

/// The hits of the query's heading words in a heading (`in:heading` and unrestricted
/// words; a result list marks them in the heading it shows).
pub fn heading_marks(heading: &str, query: &Query) -> Vec<(usize, usize)> {
    let p = Passage {
        field: Field::Heading,
        region: Some(Region::Head),
        text: heading.to_string(),
        runs: Vec::new(),
    };
    marks_in(std::slice::from_ref(&p), query)
        .into_iter()
        .map(|m| (m.start, m.end))
        .collect()
}

fn cut(note: &dyn Fn(usize) -> Option<String>, p: &Passage, ms: &[&Mark], width: usize) -> Snippet {
    let text = &p.text;
    let first = ms.first().map_or(0, |m| m.start);
    // Start a little before the first hit, at a word.
    let lead = width / 4;
    let mut start = floor(
        text,
        first
            .saturating_sub(lead * 4)
            .max(back_chars(text, first, lead)),
    );
    if start > 0 {
        start = text[start..]
            .find(char::is_whitespace)
            .map_or(start, |k| start + k + 1)
            .min(first);
    }
    let mut end = forward_chars(text, start, width);
    if end < text.len() {
        end = text[..end]
            .rfind(char::is_whitespace)
            .filter(|&k| k > start)
            .unwrap_or(end);
    }
    // Every hit that begins inside stays whole.
    if let Some(last) = ms.iter().filter(|m| m.start < end).map(|m| m.end).max() {
        end = end.max(last);
    }
    let mut pieces = Vec::new();
    let mut at = start;
    for m in ms.iter().filter(|m| m.start >= start && m.start < end) {
        if m.start > at {
            pieces.push((text[at..m.start].to_string(), false));
        }
        pieces.push((text[m.start..m.end].to_string(), true));
        at = m.end;
    }
    if at < end {
        pieces.push((text[at..end].to_string(), false));
    }
    let note = match p.region {
        Some(Region::Footnote(f)) => note(f),
        _ => None,
    };
    Snippet {
        field: p.field,
        region: p.region,
        note,
        pieces,
        cut_before: start > 0,
        cut_after: end < text.trim_end().len(),
    }
}

/// The byte offset `n` characters before `at` (or 0).
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte offset `n` characters after `at` (or the end).
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
