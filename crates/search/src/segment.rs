//! A segment: the index of one volume or page text, built document by document (a step
//! at a time, as the parser reads, so that it runs in the app's file worker) and kept with
//! the volume in the browser's store.
//!
//! Bytes: `LBKI`, the format version (u8), the documents (their count, the ids' common
//! beginning, then each one's id without it and its length byte), then the term table
//! ([`Table::write`]).

use std::hash::Hasher;

use hashbrown::HashTable;
use rustc_hash::FxHasher;

use letterbook_core::model::Document;

use crate::norm;
use crate::passages::{passages, Field, Passage};
use crate::table::{Table, TermWriter};
use crate::tokens::Tokenizer;
use crate::varint::{self, Damaged, Reader};

/// The version of the segment's bytes; a segment of another is built again.
pub const FORMAT: u8 = 3;
const MAGIC: &[u8; 4] = b"LBKI";

/// A positions gap between two passages of one field: a phrase never spans them.
const PASSAGE_GAP: u32 = 1;

/// One document of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegDoc {
    /// Its id (`frus1934v05-d127`).
    pub id: String,
    /// Its length, as ranking weighs it ([`norm::encode`]).
    pub norm: u8,
}

/// The index of one volume or page text.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Its documents, in the order they were added.
    pub docs: Vec<SegDoc>,
    /// Its terms and postings, documents numbered by their place in `docs`.
    pub table: Table,
}

/// Builds a segment, one document at a time.
#[derive(Debug, Default)]
pub struct SegmentBuilder {
    tok: Tokenizer,
    docs: Vec<SegDoc>,
    terms: Terms,
    writers: Vec<TermWriter>,
    /// Each term's (field, position) pairs in the document being added.
    pending: Vec<Vec<(Field, u32)>>,
    /// The terms the document being added holds.
    touched: Vec<u32>,
    scratch: Option<Passage>,
}

/// Every word of a document with its field and position: what the builder indexes, and
/// what a test's plain reading compares with. `f` gets (field, position, start and end in
/// the passage, the passage's index, the word's terms). Returns the passages.
pub fn for_each_word(
    tok: &mut Tokenizer,
    doc: &Document,
    f: impl FnMut(Field, u32, usize, usize, usize, &mut dyn Iterator<Item = &str>),
) -> Vec<Passage> {
    let ps = passages(doc);
    words_in(tok, &ps, f);
    ps
}

/// The builder's terms: their bytes back to back, each term's place in them, and a
/// table from a term's hash to its number (one allocation for all, not one a term).
#[derive(Default)]
struct Terms {
    arena: String,
    spans: Vec<(u32, u32)>,
    table: HashTable<(u64, u32)>,
}

impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Terms")
            .field("len", &self.spans.len())
            .finish()
    }
}

impl Terms {
    fn text(&self, id: u32) -> &str {
        let (a, b) = self.spans[id as usize];
        &self.arena[a as usize..b as usize]
    }

    /// The number of `term`, and whether it is new.
    fn intern(&mut self, term: &str) -> (u32, bool) {
        let mut h = FxHasher::default();
        h.write(term.as_bytes());
        let hash = h.finish();
        let (arena, spans) = (&self.arena, &self.spans);
        let same = |&(hh, id): &(u64, u32)| {
            let (a, b) = spans[id as usize];
            hh == hash && &arena[a as usize..b as usize] == term
        };
        if let Some(&(_, id)) = self.table.find(hash, same) {
            return (id, false);
        }
        let id = self.spans.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.push_str(term);
        self.spans.push((start, self.arena.len() as u32));
        self.table.insert_unique(hash, (hash, id), |&(hh, _)| hh);
        (id, true)
    }
}

/// Positions field by field: each field numbers its words from 0, a gap between two of
/// its passages; the same numbers whatever order the fields' passages come in.
#[derive(Debug, Default, Clone, Copy)]
struct Counters {
    next: [u32; crate::passages::FIELDS],
    seen: [bool; crate::passages::FIELDS],
}

impl Counters {
    /// The first position of a new passage of `field`.
    fn start(&mut self, field: Field) -> u32 {
        let f = field as usize;
        if std::mem::replace(&mut self.seen[f], true) {
            self.next[f] += PASSAGE_GAP;
        }
        self.next[f]
    }
}

/// [`for_each_word`] over passages already read (a site's text, fetched).
pub fn words_in(
    tok: &mut Tokenizer,
    ps: &[Passage],
    mut f: impl FnMut(Field, u32, usize, usize, usize, &mut dyn Iterator<Item = &str>),
) {
    let mut at = Counters::default();
    for (pi, p) in ps.iter().enumerate() {
        let mut pos = at.start(p.field);
        tok.words(&p.text, |w| {
            f(p.field, pos, w.start, w.end, pi, &mut w.terms());
            pos += 1;
        });
        at.next[p.field as usize] = pos;
    }
}

impl SegmentBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many documents were added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds a document (one step). A second document with an id already added is
    /// indexed under its own number; the first one wins when an index places them.
    pub fn add(&mut self, doc: &Document) {
        let n = self.docs.len() as u32;
        let mut length: u32 = 0;
        let (terms, writers, pending, touched) = (
            &mut self.terms,
            &mut self.writers,
            &mut self.pending,
            &mut self.touched,
        );
        let mut tok = std::mem::take(&mut self.tok);
        let mut scratch = self.scratch.take().unwrap_or_else(|| Passage {
            field: Field::Body,
            region: None,
            text: String::new(),
            runs: Vec::new(),
        });
        let mut at = Counters::default();
        // The document's passages in its own order, read in place: the fields'
        // positions are numbered as `passages` groups them.
        crate::passages::each(doc, &mut scratch, |p| {
            let field = p.field;
            let mut pos = at.start(field);
            let counted = matches!(field, Field::Body | Field::Notes | Field::Source);
            tok.words(&p.text, |w| {
                if counted {
                    length += 1;
                }
                for term in w.terms() {
                    let (id, new) = terms.intern(term);
                    if new {
                        writers.push(TermWriter::default());
                        pending.push(Vec::new());
                    }
                    let hits = &mut pending[id as usize];
                    if hits.is_empty() {
                        touched.push(id);
                    }
                    // A word whose whole is also one of its parts counts once.
                    if hits.last() != Some(&(field, pos)) {
                        hits.push((field, pos));
                    }
                }
                pos += 1;
            });
            at.next[field as usize] = pos;
        });
        self.tok = tok;
        self.scratch = Some(scratch);
        for &id in self.touched.iter() {
            let hits = &mut self.pending[id as usize];
            // Fields come in the document's order (a source note above the heading):
            // the postings want them in field order.
            if hits.windows(2).any(|w| w[0] > w[1]) {
                hits.sort_unstable();
            }
            self.writers[id as usize].add(n, hits);
            hits.clear();
        }
        self.touched.clear();
        self.docs.push(SegDoc {
            id: doc.id.clone(),
            norm: norm::encode(length),
        });
    }

    /// The segment.
    pub fn finish(self) -> Segment {
        let mut order: Vec<(&str, u32)> = (0..self.writers.len() as u32)
            .map(|i| (self.terms.text(i), i))
            .collect();
        order.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let table = Table::from_sorted(order.iter().map(|&(t, i)| (t, &self.writers[i as usize])));
        Segment {
            docs: self.docs,
            table,
        }
    }
}

impl Segment {
    /// Builds the segment of `docs` at once.
    pub fn of<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Segment {
        let mut b = SegmentBuilder::new();
        for d in docs {
            b.add(d);
        }
        b.finish()
    }

    /// Its bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.table.bytes() + self.docs.len() * 24 + 16);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT);
        varint::put(&mut out, self.docs.len() as u64);
        // The ids' common beginning once (`frus1934v05-d`), then each one's rest.
        let prefix = common_prefix(self.docs.iter().map(|d| d.id.as_str()));
        varint::put(&mut out, prefix.len() as u64);
        out.extend_from_slice(prefix.as_bytes());
        for d in &self.docs {
            let rest = &d.id[prefix.len()..];
            varint::put(&mut out, rest.len() as u64);
            out.extend_from_slice(rest.as_bytes());
            out.push(d.norm);
        }
        self.table.write(&mut out);
        out
    }

    /// Reads a segment's bytes; damage or another format is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Segment, SegmentError> {
        if bytes.len() < 5 || &bytes[..4] != MAGIC {
            return Err(SegmentError::NotASegment);
        }
        if bytes[4] != FORMAT {
            return Err(SegmentError::OtherFormat(bytes[4]));
        }
        let read = || -> Result<Segment, Damaged> {
            let mut r = Reader::new(&bytes[5..]);
            let n = r.len()?;
            let len = r.len()?;
            let prefix = std::str::from_utf8(r.take(len)?).map_err(|_| Damaged)?;
            let mut docs = Vec::with_capacity(n);
            for _ in 0..n {
                let len = r.len()?;
                let rest = std::str::from_utf8(r.take(len)?).map_err(|_| Damaged)?;
                let norm = r.take(1)?[0];
                docs.push(SegDoc {
                    id: format!("{prefix}{rest}"),
                    norm,
                });
            }
            let table = Table::read(&mut r)?;
            if !r.is_empty() {
                return Err(Damaged);
            }
            Ok(Segment { docs, table })
        };
        read().map_err(|_| SegmentError::Damaged)
    }

    /// Its size in bytes, as [`Segment::to_bytes`] writes it (about).
    pub fn bytes(&self) -> usize {
        self.table.bytes() + self.docs.iter().map(|d| d.id.len() + 2).sum::<usize>()
    }
}

/// The longest beginning all of `ids` share, cut at a character.
fn common_prefix<'a>(mut ids: impl Iterator<Item = &'a str>) -> &'a str {
    let Some(first) = ids.next() else { return "" };
    let mut n = first.len();
    for id in ids {
        n = n.min(
            first
                .bytes()
                .zip(id.bytes())
                .take_while(|(a, b)| a == b)
                .count(),
        );
    }
    while !first.is_char_boundary(n) {
        n -= 1;
    }
    &first[..n]
}

/// Why a segment's bytes cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentError {
    /// Not a segment at all.
    NotASegment,
    /// A segment of another format version (build it again from the documents).
    OtherFormat(u8),
    /// Damaged.
    Damaged,
}

impl std::fmt::Display for SegmentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SegmentError::NotASegment => write!(f, "not a Letterbook search index"),
            SegmentError::OtherFormat(v) => {
                write!(
                    f,
                    "a search index of format {v}, not {FORMAT}: it is built again"
                )
            }
            SegmentError::Damaged => write!(f, "the search index is damaged"),
        }
    }
}

impl std::error::Error for SegmentError {}
