//! A segment: the index of one volume or page text, built document by document (a step
//! at a time, as the parser reads, so that it runs in the app's file worker) and kept with
//! the volume in the browser's store.
//!
//! Bytes: `LBKI`, the format version (u8), the documents (their count, then each one's id
//! and length norm), then the term table ([`Table::write`]).

use rustc_hash::FxHashMap;

use letterbook_core::model::Document;

use crate::norm;
use crate::passages::{passages, Field, Passage};
use crate::table::{Table, TermWriter};
use crate::tokens::Tokenizer;
use crate::varint::{self, Damaged, Reader};

/// The version of the segment's bytes; a segment of another is built again.
pub const FORMAT: u8 = 1;
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
    ids: FxHashMap<String, u32>,
    terms: Vec<(String, TermWriter)>,
    /// Each term's (field, position) pairs in the document being added: they arrive in
    /// order (fields in order, positions rising), so nothing is sorted.
    pending: Vec<Vec<(Field, u32)>>,
    /// The terms the document being added holds.
    touched: Vec<u32>,
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

/// [`for_each_word`] over passages already read (a site's text, fetched).
pub fn words_in(
    tok: &mut Tokenizer,
    ps: &[Passage],
    mut f: impl FnMut(Field, u32, usize, usize, usize, &mut dyn Iterator<Item = &str>),
) {
    let mut field = None;
    let mut pos: u32 = 0;
    for (pi, p) in ps.iter().enumerate() {
        if field != Some(p.field) {
            field = Some(p.field);
            pos = 0;
        } else {
            pos += PASSAGE_GAP;
        }
        tok.words(&p.text, |w| {
            f(p.field, pos, w.start, w.end, pi, &mut w.terms());
            pos += 1;
        });
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
        let (ids, terms, pending, touched) = (
            &mut self.ids,
            &mut self.terms,
            &mut self.pending,
            &mut self.touched,
        );
        let mut tok = std::mem::take(&mut self.tok);
        for_each_word(&mut tok, doc, |field, pos, _, _, _, words| {
            if matches!(field, Field::Body | Field::Notes | Field::Source) {
                length += 1;
            }
            for term in words {
                let id = match ids.get(term) {
                    Some(&id) => id,
                    None => {
                        let id = terms.len() as u32;
                        ids.insert(term.to_string(), id);
                        terms.push((term.to_string(), TermWriter::default()));
                        pending.push(Vec::new());
                        id
                    }
                };
                let hits = &mut pending[id as usize];
                if hits.is_empty() {
                    touched.push(id);
                }
                // A word whose whole is also one of its parts counts once.
                if hits.last() != Some(&(field, pos)) {
                    hits.push((field, pos));
                }
            }
        });
        self.tok = tok;
        for &id in self.touched.iter() {
            let hits = &mut self.pending[id as usize];
            self.terms[id as usize].1.add(n, hits);
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
        let mut order: Vec<u32> = (0..self.terms.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.terms[a as usize].0.cmp(&self.terms[b as usize].0));
        let table = Table::from_sorted(order.iter().map(|&i| {
            let (t, w) = &self.terms[i as usize];
            (t.as_str(), w)
        }));
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
        for d in &self.docs {
            varint::put(&mut out, d.id.len() as u64);
            out.extend_from_slice(d.id.as_bytes());
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
            let mut docs = Vec::with_capacity(n);
            for _ in 0..n {
                let len = r.len()?;
                let id = std::str::from_utf8(r.take(len)?).map_err(|_| Damaged)?;
                let norm = r.take(1)?[0];
                docs.push(SegDoc {
                    id: id.to_string(),
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
