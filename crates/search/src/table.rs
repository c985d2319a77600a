//! A term table: the sorted terms (an `fst` map, each to its postings' offset) and the
//! postings. A volume's segment holds one; a pack site's index is cut into several, each
//! over a range of terms.
//!
//! A term's postings, at its offset: its document count, then the documents (each: the
//! gap from the previous document `<< 1`, its low bit set when the word stands once in
//! the body, the commonest case; otherwise one group per field it stands in: `count << 4
//! | field << 1 | last`), then the positions (for each document and group in that
//! order, a run of `count` numbers: the first position in the field, then the gaps; the
//! runs of one number bit-packed in one width for the term, first; then, from the next
//! byte, the longer runs, each in the width its largest number needs). A set of documents, or of documents with a word in the
//! heading, reads the first section only; a phrase reads both.

use fst::{IntoStreamer, Streamer};

use crate::bits::{BitReader, BitWriter};
use crate::passages::{Field, FIELDS};
use crate::varint::{self, Damaged, Reader};

/// The terms and postings of a segment or of a part of a site's index.
#[derive(Clone)]
pub struct Table {
    terms: fst::Map<Vec<u8>>,
    blob: Vec<u8>,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("terms", &self.terms.len())
            .field("bytes", &self.blob.len())
            .finish()
    }
}

/// A document of a term's postings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// The document's number in its table (a segment's document, or a site's).
    pub doc: u32,
    /// How many times the term stands in each field ([`Field::ALL`]'s order).
    pub counts: [u32; FIELDS],
}

impl Posting {
    /// How many times it stands in the fields of `mask` (every field: `0x3f`).
    pub fn count_in(&self, mask: u8) -> u32 {
        Field::ALL
            .iter()
            .filter(|f| mask & f.bit() != 0)
            .map(|&f| self.counts[f as usize])
            .sum()
    }

    /// How many positions it has in all.
    pub fn total(&self) -> usize {
        self.counts.iter().map(|&c| c as usize).sum()
    }
}

/// A term's postings, read from its table.
#[derive(Debug, Clone)]
pub struct Postings<'a> {
    /// How many documents hold the term.
    pub df: u32,
    /// From its document section to the end of the table's postings: both sections read
    /// to their own end (the positions' count is the documents' counts' sum).
    bytes: &'a [u8],
}

/// A term's documents, read, and where its positions begin.
#[derive(Debug, Clone)]
pub struct Docs<'a> {
    /// Every document, in order, with its field groups.
    pub list: Vec<Posting>,
    positions: &'a [u8],
}

impl<'a> Postings<'a> {
    /// The documents, in order, with their field groups.
    pub fn docs(&self) -> Result<Docs<'a>, Damaged> {
        let mut r = Reader::new(self.bytes);
        let mut list = Vec::with_capacity(self.df as usize);
        let mut doc: u64 = 0;
        for i in 0..self.df {
            let head = r.get()?;
            let gap = head >> 1;
            doc = if i == 0 {
                gap
            } else {
                doc.checked_add(gap).ok_or(Damaged)?
            };
            let doc = u32::try_from(doc).map_err(|_| Damaged)?;
            let mut counts = [0u32; FIELDS];
            if head & 1 == 1 {
                counts[Field::Body as usize] = 1;
                list.push(Posting { doc, counts });
                continue;
            }
            let mut last: Option<Field> = None;
            loop {
                let g = r.get()?;
                let field = Field::from_index(((g >> 1) & 7) as usize).ok_or(Damaged)?;
                let count = u32::try_from(g >> 4).map_err(|_| Damaged)?;
                if count == 0 || last.is_some_and(|l| l >= field) {
                    return Err(Damaged);
                }
                counts[field as usize] = count;
                last = Some(field);
                if g & 1 == 1 {
                    break;
                }
            }
            list.push(Posting { doc, counts });
        }
        Ok(Docs {
            list,
            positions: &self.bytes[r.pos()..],
        })
    }
}

impl Docs<'_> {
    /// The positions, document by document: `f` is called with each document's index in
    /// `list` and its positions per field; `want` says which documents to read (the others
    /// are skipped without decoding).
    pub fn positions(
        &self,
        want: impl Fn(usize) -> bool,
        mut f: impl FnMut(usize, &[Vec<u32>; FIELDS]),
    ) -> Result<(), Damaged> {
        // Two streams: every run of one number (most of them) in one width, written once
        // for the term; then, from the next byte, the longer runs, each with its width.
        let singles = self
            .list
            .iter()
            .flat_map(|d| d.counts.iter())
            .filter(|&&c| c == 1)
            .count();
        let mut ones = BitReader::new(self.positions);
        let single = if self.list.is_empty() {
            0
        } else {
            ones.width()?
        };
        let head = 5 + singles * single as usize;
        let mut r = BitReader::new(self.positions.get(head.div_ceil(8)..).ok_or(Damaged)?);
        let mut by_field: [Vec<u32>; FIELDS] = Default::default();
        for (i, d) in self.list.iter().enumerate() {
            if !want(i) {
                for &c in d.counts.iter().filter(|&&c| c > 0) {
                    if c == 1 {
                        ones.skip(single as usize)?;
                    } else {
                        let w = r.width()?;
                        r.skip(c as usize * w as usize)?;
                    }
                }
                continue;
            }
            for v in by_field.iter_mut() {
                v.clear();
            }
            for f in Field::ALL {
                let c = d.counts[f as usize];
                let v = &mut by_field[f as usize];
                if c == 1 {
                    v.push(ones.get(single)?);
                    continue;
                }
                if c == 0 {
                    continue;
                }
                let w = r.width()?;
                let mut at: u32 = 0;
                for k in 0..c {
                    let gap = r.get(w)?;
                    at = if k == 0 {
                        gap
                    } else {
                        at.checked_add(gap).ok_or(Damaged)?
                    };
                    v.push(at);
                }
            }
            f(i, &by_field);
        }
        Ok(())
    }
}

impl Table {
    /// A table from its terms, sorted and distinct, each with its postings.
    pub fn from_sorted<'a>(terms: impl IntoIterator<Item = (&'a str, &'a TermWriter)>) -> Table {
        let terms = terms.into_iter();
        let mut blob = Vec::new();
        let mut map = fst::MapBuilder::memory();
        for (term, postings) in terms {
            // Keys arrive sorted and distinct: the builder cannot refuse them.
            map.insert(term, blob.len() as u64)
                .expect("terms are sorted and distinct");
            postings.write(&mut blob);
        }
        Table {
            terms: map.into_map(),
            blob,
        }
    }

    /// How many terms it holds.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether it holds no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Its size in bytes (terms and postings).
    pub fn bytes(&self) -> usize {
        self.terms.as_fst().as_bytes().len() + self.blob.len()
    }

    /// Its terms, each to its postings' offset (to merge tables).
    pub(crate) fn map(&self) -> &fst::Map<Vec<u8>> {
        &self.terms
    }

    /// The postings at `offset` (a value of [`Table::map`]).
    pub(crate) fn postings_at(&self, offset: u64) -> Result<Postings<'_>, Damaged> {
        self.at(offset)
    }

    /// The postings of `term`.
    pub fn get(&self, term: &str) -> Result<Option<Postings<'_>>, Damaged> {
        match self.terms.get(term) {
            Some(at) => self.at(at).map(Some),
            None => Ok(None),
        }
    }

    fn at(&self, at: u64) -> Result<Postings<'_>, Damaged> {
        let at = usize::try_from(at).map_err(|_| Damaged)?;
        let mut r = Reader::new(self.blob.get(at..).ok_or(Damaged)?);
        let df = r.get32()?;
        if df == 0 {
            return Err(Damaged);
        }
        Ok(Postings {
            df,
            bytes: &self.blob[at + r.pos()..],
        })
    }

    /// Every term beginning with `prefix`, in order, with its postings.
    pub fn prefixed(&self, prefix: &str) -> Result<Vec<(String, Postings<'_>)>, Damaged> {
        let mut out = Vec::new();
        let mut stream = self.terms.range().ge(prefix).into_stream();
        while let Some((k, v)) = stream.next() {
            if !k.starts_with(prefix.as_bytes()) {
                break;
            }
            let term = String::from_utf8(k.to_vec()).map_err(|_| Damaged)?;
            out.push((term, self.at(v)?));
        }
        Ok(out)
    }

    /// Up to `n` terms beginning with `prefix`, each with its document count.
    pub fn suggest(&self, prefix: &str, n: usize) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        let mut stream = self.terms.range().ge(prefix).into_stream();
        while let Some((k, v)) = stream.next() {
            if !k.starts_with(prefix.as_bytes()) || out.len() >= n {
                break;
            }
            if let (Ok(term), Ok(p)) = (std::str::from_utf8(k), self.at(v)) {
                out.push((term.to_string(), p.df));
            }
        }
        out
    }

    /// The first and last terms (none for an empty table).
    pub fn bounds(&self) -> Option<(String, String)> {
        let mut s = self.terms.stream();
        let first = s
            .next()
            .map(|(k, _)| String::from_utf8_lossy(k).into_owned())?;
        let mut last = first.clone();
        while let Some((k, _)) = s.next() {
            last = String::from_utf8_lossy(k).into_owned();
        }
        Some((first, last))
    }

    /// Writes the table: the fst's bytes, then the postings, each after its length.
    pub fn write(&self, out: &mut Vec<u8>) {
        let fst = self.terms.as_fst().as_bytes();
        varint::put(out, fst.len() as u64);
        out.extend_from_slice(fst);
        varint::put(out, self.blob.len() as u64);
        out.extend_from_slice(&self.blob);
    }

    /// Reads a table [`Table::write`] wrote; damage is an error, not a panic.
    pub fn read(r: &mut Reader<'_>) -> Result<Table, Damaged> {
        let n = r.len()?;
        let fst = r.take(n)?.to_vec();
        let terms = fst::Map::new(fst).map_err(|_| Damaged)?;
        // The fst's own checksum: a damaged dictionary would panic when walked.
        terms.as_fst().verify().map_err(|_| Damaged)?;
        let n = r.len()?;
        let blob = r.take(n)?.to_vec();
        Ok(Table { terms, blob })
    }
}

/// Accumulates one term's postings while documents are added in order: the document
/// section as it will be written, the runs of one position (packed when written, in the
/// width the largest needs), the longer runs packed as they come.
#[derive(Debug, Default, Clone)]
pub struct TermWriter {
    df: u32,
    last_doc: Option<u32>,
    docs: Vec<u8>,
    singles: Vec<u32>,
    runs: BitWriter,
}

impl TermWriter {
    /// Adds document `doc` (after every document added before), with its (field,
    /// position) pairs sorted.
    pub fn add(&mut self, doc: u32, hits: &[(Field, u32)]) {
        if hits.is_empty() {
            return;
        }
        let gap = match self.last_doc {
            Some(l) => doc - l,
            None => doc,
        };
        self.last_doc = Some(doc);
        self.df += 1;
        // Most documents hold a word once, in the text: one bit says so.
        if let [(Field::Body, p)] = hits {
            varint::put(&mut self.docs, u64::from(gap) << 1 | 1);
            self.singles.push(*p);
            return;
        }
        varint::put(&mut self.docs, u64::from(gap) << 1);
        let mut i = 0;
        let mut run = [0u32; 32];
        while i < hits.len() {
            let field = hits[i].0;
            let j = i + hits[i..].iter().take_while(|h| h.0 == field).count();
            let last = u64::from(j == hits.len());
            let count = (j - i) as u64;
            varint::put(&mut self.docs, count << 4 | (field as u64) << 1 | last);
            if j - i == 1 {
                self.singles.push(hits[i].1);
            } else {
                let gaps = (i..j).map(|k| {
                    if k == i {
                        hits[k].1
                    } else {
                        hits[k].1 - hits[k - 1].1
                    }
                });
                if j - i <= run.len() {
                    for (slot, v) in run.iter_mut().zip(gaps) {
                        *slot = v;
                    }
                    self.runs.run(&run[..j - i]);
                } else {
                    self.runs.run(&gaps.collect::<Vec<u32>>());
                }
            }
            i = j;
        }
    }

    /// Appends the postings to `out`, as a table stores them.
    pub fn write(&self, out: &mut Vec<u8>) {
        varint::put(out, u64::from(self.df));
        if self.df == 0 {
            return;
        }
        out.extend_from_slice(&self.docs);
        // The runs of one number in one width, then (from the next byte) the others.
        let single = self
            .singles
            .iter()
            .map(|&v| crate::bits::width(v))
            .max()
            .unwrap_or(0);
        let mut bits = BitWriter::default();
        bits.put(single, 5);
        for &v in &self.singles {
            bits.put(v, single);
        }
        bits.write(out);
        self.runs.write(out);
    }

    /// Its size once written (about).
    pub fn bytes(&self) -> usize {
        self.docs.len() + self.singles.len() * 2 + self.runs.len() + 4
    }

    /// How many documents it holds so far.
    pub fn df(&self) -> u32 {
        self.df
    }
}
