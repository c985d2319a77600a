//! A pack site's index: one index over the whole collection, its terms cut into parts by
//! range (as Pagefind cuts its index) so that a query fetches the few parts its words fall
//! in, never all of them; and the documents' text in parts of [`TEXT_PART_DOCS`]
//! documents, for the snippets of the results a reader sees. A table of contents (its
//! path in `collection.json`) gives every document's length byte and names every part by
//! its content hash (cacheable forever; a part whose bytes do not match its name is
//! refused). Every file is framed as the site's packs are: magic, format, codec, CRC-32.

use letterbook_core::correspondence::Correspondence;
use letterbook_core::model::{Document, Region};
use letterbook_core::pack::codec::{frame, unframe, Codec};
use letterbook_core::pack::manifest::{hashed_path, is_site_path, sha256_hex};
use rustc_hash::FxHashMap;

use crate::passages::{passages, Field, Passage};
use crate::query::{Node, Query};
use crate::segment::Segment;
use crate::table::{Table, TermWriter};
use crate::varint::{self, Damaged, Reader};

/// The version of the site index's files.
pub const SITE_FORMAT: u8 = 2;
/// About how many bytes of postings a part of terms holds (before compression).
pub const TERM_PART_BYTES: usize = 48 * 1024;
/// How many documents' text a text part holds.
pub const TEXT_PART_DOCS: u32 = 32;

const META: &[u8; 4] = b"LBKX";
const TERMS: &[u8; 4] = b"LBKT";
const TEXT: &[u8; 4] = b"LBKW";

/// A part of the index's terms: those from `first` up to the next part's first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermPart {
    /// Its first term.
    pub first: String,
    /// Its file, relative to `collection.json`.
    pub path: String,
    /// The file's size.
    pub bytes: u64,
}

/// A part of the documents' text: from document `first` up to the next part's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPart {
    /// Its first document (the summary's number).
    pub first: u32,
    /// Its file, relative to `collection.json`.
    pub path: String,
    /// The file's size.
    pub bytes: u64,
}

/// A site index's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteMeta {
    /// Every document's length byte, numbered as the summary numbers documents.
    pub norms: Vec<u8>,
    /// The parts of terms, in term order.
    pub terms: Vec<TermPart>,
    /// The parts of text, in document order.
    pub text: Vec<TextPart>,
}

/// What `letterbook pack` writes for search: the table of contents and every part, each
/// with its path.
#[derive(Debug, Clone)]
pub struct SiteFiles {
    /// The table of contents (its path is the manifest's to give).
    pub meta: Vec<u8>,
    /// The parts: path and bytes.
    pub parts: Vec<(String, Vec<u8>)>,
}

/// Why a file of a site's index cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteError(pub String);

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SiteError {}

fn damaged(what: &str) -> SiteError {
    SiteError(format!("the search index's {what} is damaged"))
}

impl SiteMeta {
    /// Reads the table of contents; damage or a path outside the site is an error.
    pub fn read(bytes: &[u8]) -> Result<SiteMeta, SiteError> {
        let payload =
            unframe(META, bytes).map_err(|e| SiteError(format!("the search index: {e}")))?;
        if let Some(&v) = payload.first().filter(|&&v| v != SITE_FORMAT) {
            return Err(SiteError(format!(
                "the search index is of format {v}, not {SITE_FORMAT}: pack the site again with this letterbook"
            )));
        }
        let read = || -> Result<SiteMeta, Damaged> {
            let mut r = Reader::new(&payload);
            r.take(1)?;
            let n = r.len()?;
            let norms = r.take(n)?.to_vec();
            let mut terms = Vec::new();
            for _ in 0..r.get32()? {
                let first = string(&mut r)?;
                let path = string(&mut r)?;
                terms.push(TermPart {
                    first,
                    path,
                    bytes: r.get()?,
                });
            }
            let mut text = Vec::new();
            for _ in 0..r.get32()? {
                let first = r.get32()?;
                let path = string(&mut r)?;
                text.push(TextPart {
                    first,
                    path,
                    bytes: r.get()?,
                });
            }
            Ok(SiteMeta { norms, terms, text })
        };
        let meta = read().map_err(|_| damaged("table of contents"))?;
        let sorted = meta.terms.windows(2).all(|w| w[0].first < w[1].first)
            && meta.text.windows(2).all(|w| w[0].first < w[1].first);
        let inside = meta
            .terms
            .iter()
            .map(|t| &t.path)
            .chain(meta.text.iter().map(|t| &t.path))
            .all(|p| is_site_path(p));
        if !sorted || !inside {
            return Err(damaged("table of contents"));
        }
        Ok(meta)
    }

    fn write(&self) -> Vec<u8> {
        let mut out = vec![SITE_FORMAT];
        varint::put(&mut out, self.norms.len() as u64);
        out.extend_from_slice(&self.norms);
        varint::put(&mut out, self.terms.len() as u64);
        for t in &self.terms {
            put_str(&mut out, &t.first);
            put_str(&mut out, &t.path);
            varint::put(&mut out, t.bytes);
        }
        varint::put(&mut out, self.text.len() as u64);
        for t in &self.text {
            varint::put(&mut out, u64::from(t.first));
            put_str(&mut out, &t.path);
            varint::put(&mut out, t.bytes);
        }
        out
    }

    /// The part of terms that holds `term` (if any could).
    pub fn term_part(&self, term: &str) -> Option<usize> {
        let i = self.terms.partition_point(|p| p.first.as_str() <= term);
        i.checked_sub(1)
    }

    /// Every part of terms a query needs: the part of each of its words, and every part a
    /// prefix's terms may fall in.
    pub fn parts_for(&self, query: &Query) -> Vec<usize> {
        fn walk(meta: &SiteMeta, n: &Node, out: &mut Vec<usize>) {
            match n {
                Node::Term { term, .. } => out.extend(meta.term_part(term)),
                Node::Phrase { terms, .. } => {
                    out.extend(terms.iter().filter_map(|t| meta.term_part(t)))
                }
                Node::Prefix { prefix, .. } => {
                    let from = meta.term_part(prefix).unwrap_or(0);
                    let to = meta.terms.partition_point(|p| {
                        p.first.as_str() < prefix.as_str() || p.first.starts_with(prefix.as_str())
                    });
                    out.extend(from..to.max(from + 1).min(meta.terms.len()));
                }
                Node::All(xs) => xs.iter().for_each(|(_, x)| walk(meta, x, out)),
                Node::Any(xs) => xs.iter().for_each(|x| walk(meta, x, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(self, &query.root, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The part of text that holds document `doc`.
    pub fn text_part(&self, doc: u32) -> Option<usize> {
        let i = self.text.partition_point(|p| p.first <= doc);
        i.checked_sub(1)
    }
}

/// Checks that a fetched part's bytes are the ones its name promises.
pub fn check_part(path: &str, bytes: &[u8]) -> Result<(), SiteError> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let hash = name.split('.').next().unwrap_or("");
    if hash.len() < 20 || !sha256_hex(bytes).starts_with(hash) {
        return Err(SiteError(format!(
            "{path} is not the file the search index names (its content does not match)"
        )));
    }
    Ok(())
}

/// Reads a part of terms.
pub fn read_term_part(bytes: &[u8]) -> Result<Table, SiteError> {
    let payload =
        unframe(TERMS, bytes).map_err(|e| SiteError(format!("a part of the search index: {e}")))?;
    let mut r = Reader::new(&payload);
    let table = Table::read(&mut r).map_err(|_| damaged("part of terms"))?;
    if !r.is_empty() {
        return Err(damaged("part of terms"));
    }
    Ok(table)
}

/// One document's text as a site keeps it: its passages of text, notes and source notes,
/// with each footnote's printed label.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteText {
    /// The document's number in the summary.
    pub doc: u32,
    /// Its passages (no heading: a result shows the summary's).
    pub passages: Vec<Passage>,
    /// Footnote index → printed label, for the notes it has passages of.
    pub notes: Vec<(usize, String)>,
}

impl SiteText {
    /// The label of footnote `f`.
    pub fn note(&self, f: usize) -> Option<String> {
        self.notes
            .iter()
            .find(|(i, _)| *i == f)
            .map(|(_, n)| n.clone())
    }
}

/// Reads a part of text.
pub fn read_text_part(bytes: &[u8]) -> Result<Vec<SiteText>, SiteError> {
    let payload =
        unframe(TEXT, bytes).map_err(|e| SiteError(format!("a part of the search index: {e}")))?;
    let read = || -> Result<Vec<SiteText>, Damaged> {
        let mut r = Reader::new(&payload);
        let mut out = Vec::new();
        for _ in 0..r.get32()? {
            let doc = r.get32()?;
            let mut ps = Vec::new();
            for _ in 0..r.get32()? {
                let field = Field::from_index(r.get()? as usize).ok_or(Damaged)?;
                let region = match r.get()? {
                    0 => Region::Head,
                    1 => Region::Block(r.get()? as usize),
                    2 => Region::Cell(r.get()? as usize, r.get()? as usize),
                    3 => Region::Footnote(r.get()? as usize),
                    _ => return Err(Damaged),
                };
                let text = string(&mut r)?;
                ps.push(Passage {
                    field,
                    region: Some(region),
                    text,
                    runs: Vec::new(),
                });
            }
            let mut notes = Vec::new();
            for _ in 0..r.get32()? {
                let f = r.get()? as usize;
                notes.push((f, string(&mut r)?));
            }
            out.push(SiteText {
                doc,
                passages: ps,
                notes,
            });
        }
        Ok(out)
    };
    read().map_err(|_| damaged("part of text"))
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    varint::put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn string(r: &mut Reader<'_>) -> Result<String, Damaged> {
    let n = r.len()?;
    String::from_utf8(r.take(n)?.to_vec()).map_err(|_| Damaged)
}

fn named(dir: &str, magic: &[u8; 4], payload: &[u8], codec: Codec, ext: &str) -> (String, Vec<u8>) {
    let bytes = frame(magic, payload, codec);
    (hashed_path(dir, &sha256_hex(&bytes), ext), bytes)
}

/// Builds a site's index from each volume's segment and the documents, numbered as
/// `corr` (the summary) numbers them; `codec` compresses every file.
pub fn build_site(
    corr: &Correspondence,
    segments: &[&Segment],
    docs: &[&Document],
    codec: Codec,
) -> SiteFiles {
    let n = corr.docs.len();
    let mut norms = vec![0u8; n];
    // Each segment's documents in the summary's numbering (the first to hold one keeps it).
    let mut taken = vec![false; n];
    let maps: Vec<Vec<Option<u32>>> = segments
        .iter()
        .map(|s| {
            s.docs
                .iter()
                .map(|d| {
                    let g = corr.index_of(&d.id)?;
                    if std::mem::replace(&mut taken[g as usize], true) {
                        return None;
                    }
                    norms[g as usize] = d.norm;
                    Some(g)
                })
                .collect()
        })
        .collect();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut meta = SiteMeta {
        norms,
        ..Default::default()
    };

    // Terms: every segment's, merged in term order, each term's documents renumbered.
    let mut union = fst::map::OpBuilder::new();
    for s in segments {
        union = union.add(s.table.map());
    }
    let mut stream = union.union();
    let mut pending: Vec<(String, TermWriter)> = Vec::new();
    let mut pending_bytes = 0usize;
    let flush = |pending: &mut Vec<(String, TermWriter)>,
                 parts: &mut Vec<(String, Vec<u8>)>,
                 meta: &mut SiteMeta| {
        if pending.is_empty() {
            return;
        }
        let table = Table::from_sorted(pending.iter().map(|(t, w)| (t.as_str(), w)));
        let mut payload = Vec::with_capacity(table.bytes() + 16);
        table.write(&mut payload);
        let (path, bytes) = named("search", TERMS, &payload, codec, "lbt");
        meta.terms.push(TermPart {
            first: pending[0].0.clone(),
            path: path.clone(),
            bytes: bytes.len() as u64,
        });
        parts.push((path, bytes));
        pending.clear();
    };
    use fst::Streamer;
    while let Some((term, hits)) = stream.next() {
        let mut docs: Vec<(u32, Vec<(Field, u32)>)> = Vec::new();
        for h in hits {
            let seg = segments[h.index];
            let Ok(postings) = seg.table.postings_at(h.value) else {
                continue;
            };
            let Ok(list) = postings.docs() else { continue };
            let map = &maps[h.index];
            let _ = list.positions(
                |i| {
                    map.get(list.list[i].doc as usize)
                        .copied()
                        .flatten()
                        .is_some()
                },
                |i, fields| {
                    let Some(g) = map.get(list.list[i].doc as usize).copied().flatten() else {
                        return;
                    };
                    let mut one = Vec::new();
                    for f in Field::ALL {
                        one.extend(fields[f as usize].iter().map(|&p| (f, p)));
                    }
                    docs.push((g, one));
                },
            );
        }
        if docs.is_empty() {
            continue;
        }
        docs.sort_by_key(|d| d.0);
        let mut w = TermWriter::default();
        for (g, hits) in &docs {
            w.add(*g, hits);
        }
        pending_bytes += w.bytes() + term.len();
        pending.push((String::from_utf8_lossy(term).into_owned(), w));
        if pending_bytes >= TERM_PART_BYTES {
            flush(&mut pending, &mut parts, &mut meta);
            pending_bytes = 0;
        }
    }
    flush(&mut pending, &mut parts, &mut meta);

    // Text: the documents in the summary's order, a part per TEXT_PART_DOCS.
    let mut by_number: FxHashMap<u32, &Document> = FxHashMap::default();
    for d in docs {
        if let Some(g) = corr.index_of(&d.id) {
            by_number.entry(g).or_insert(d);
        }
    }
    let mut first = 0u32;
    while (first as usize) < n {
        let last = (first + TEXT_PART_DOCS).min(n as u32);
        let mut payload = Vec::new();
        let held: Vec<(u32, &Document)> = (first..last)
            .filter_map(|g| by_number.get(&g).map(|d| (g, *d)))
            .collect();
        varint::put(&mut payload, held.len() as u64);
        for (g, d) in held {
            varint::put(&mut payload, u64::from(g));
            let ps: Vec<Passage> = passages(d)
                .into_iter()
                .filter(|p| matches!(p.field, Field::Body | Field::Notes | Field::Source))
                .collect();
            varint::put(&mut payload, ps.len() as u64);
            let mut notes: Vec<(usize, String)> = Vec::new();
            for p in &ps {
                varint::put(&mut payload, p.field as u64);
                match p.region {
                    Some(Region::Head) | None => varint::put(&mut payload, 0),
                    Some(Region::Block(b)) => {
                        varint::put(&mut payload, 1);
                        varint::put(&mut payload, b as u64);
                    }
                    Some(Region::Cell(b, c)) => {
                        varint::put(&mut payload, 2);
                        varint::put(&mut payload, b as u64);
                        varint::put(&mut payload, c as u64);
                    }
                    Some(Region::Footnote(f)) => {
                        varint::put(&mut payload, 3);
                        varint::put(&mut payload, f as u64);
                        if let Some(n) = d.footnotes.get(f) {
                            notes.push((f, n.n.clone()));
                        }
                    }
                }
                put_str(&mut payload, &p.text);
            }
            varint::put(&mut payload, notes.len() as u64);
            for (f, label) in &notes {
                varint::put(&mut payload, *f as u64);
                put_str(&mut payload, label);
            }
        }
        let (path, bytes) = named("search", TEXT, &payload, codec, "lbw");
        meta.text.push(TextPart {
            first,
            path: path.clone(),
            bytes: bytes.len() as u64,
        });
        parts.push((path, bytes));
        first = last;
    }
    SiteFiles {
        meta: frame(META, &meta.write(), codec),
        parts,
    }
}
