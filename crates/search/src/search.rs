//! Running a query: over the index's parts (the segments of what is open or kept, the
//! parts of a site's index a query fetched), with the correspondence model for filters,
//! facets and dates. Every match is counted; results are ranked by BM25 with the heading
//! and the correspondents weighing more than the text, or sorted by date.

use std::sync::Arc;

use letterbook_core::correspondence::parties::PartyId;
use letterbook_core::correspondence::Correspondence;
use roaring::RoaringBitmap;

use crate::norm;
use crate::passages::{Field, FIELDS};
use crate::query::{Node, Query, Side};
use crate::segment::Segment;
use crate::table::{Posting, Table};
use crate::varint::Damaged;

/// How much a word weighs in each field, in [`Field::ALL`]'s order.
pub const WEIGHTS: [f32; FIELDS] = [3.0, 1.0, 1.0, 0.5, 2.0, 2.0];
const K1: f32 = 1.2;
const B: f32 = 0.75;
const NONE: u32 = u32::MAX;

/// Tables of the index over one numbering of documents (a segment's one table; the parts
/// of a site's index a query fetched, each holding a range of terms), and how those
/// documents are numbered in the model.
#[derive(Debug, Clone)]
pub struct Part {
    tables: Vec<Arc<Table>>,
    map: DocMap,
}

impl Part {
    /// The postings of `term`: in the one table that holds it.
    fn get(&self, term: &str) -> Result<Option<crate::table::Postings<'_>>, Damaged> {
        for t in &self.tables {
            if let Some(p) = t.get(term)? {
                return Ok(Some(p));
            }
        }
        Ok(None)
    }

    /// Every term beginning with `prefix`, with its postings.
    fn prefixed(&self, prefix: &str) -> Result<Vec<crate::table::Postings<'_>>, Damaged> {
        let mut out = Vec::new();
        for t in &self.tables {
            out.extend(t.prefixed(prefix)?.into_iter().map(|(_, p)| p));
        }
        Ok(out)
    }
}

/// How a part's documents are numbered in the model.
#[derive(Debug, Clone)]
enum DocMap {
    /// Its document `i` is the model's document `ids[i]` (`NONE`: not this part's).
    Ids(Vec<u32>),
    /// Numbered as the model: a site's parts, whose documents are its summary's, below `n`.
    Same { n: u32 },
}

impl DocMap {
    fn get(&self, local: u32) -> u32 {
        match self {
            DocMap::Ids(ids) => ids.get(local as usize).copied().unwrap_or(NONE),
            DocMap::Same { n } if local < *n => local,
            DocMap::Same { .. } => NONE,
        }
    }
}

/// The index a query runs over: parts in order of precedence (a document two parts hold
/// is searched in the first), numbered as the correspondence model numbers documents.
#[derive(Debug, Clone, Default)]
pub struct Index {
    parts: Vec<Part>,
    /// Each document's length byte, by the model's number.
    norms: Vec<u8>,
    /// The documents some part holds.
    present: RoaringBitmap,
    avgdl: f32,
}

/// What an index is made of.
pub enum Source {
    /// A segment of open or kept documents (by id).
    Segment(Arc<Segment>),
    /// A pack site's parts a query fetched, numbered as its summary (the model's first
    /// documents), with the site's length bytes; it must come first.
    Site {
        /// The parts of its index.
        tables: Vec<Arc<Table>>,
        /// Every document's length byte.
        norms: Arc<Vec<u8>>,
    },
}

impl Index {
    /// Places the sources over the model: the first to hold a document is searched for it.
    pub fn new(corr: &Correspondence, sources: &[Source]) -> Index {
        let n = corr.docs.len();
        let mut norms = vec![0u8; n];
        let mut present = RoaringBitmap::new();
        let mut parts = Vec::with_capacity(sources.len());
        for s in sources {
            match s {
                Source::Segment(seg) => {
                    let ids = seg
                        .docs
                        .iter()
                        .map(|d| match corr.index_of(&d.id) {
                            Some(g) if (g as usize) < n && present.insert(g) => {
                                norms[g as usize] = d.norm;
                                g
                            }
                            _ => NONE,
                        })
                        .collect();
                    parts.push(Part {
                        tables: vec![Arc::new(seg.table.clone())],
                        map: DocMap::Ids(ids),
                    });
                }
                Source::Site {
                    tables,
                    norms: site,
                } => {
                    let m = site.len().min(n) as u32;
                    let map = if present.is_empty() {
                        present.insert_range(0..m);
                        norms[..m as usize].copy_from_slice(&site[..m as usize]);
                        DocMap::Same { n: m }
                    } else {
                        DocMap::Ids(
                            (0..m)
                                .map(|g| {
                                    if present.insert(g) {
                                        norms[g as usize] = site[g as usize];
                                        g
                                    } else {
                                        NONE
                                    }
                                })
                                .collect(),
                        )
                    };
                    parts.push(Part {
                        tables: tables.clone(),
                        map,
                    });
                }
            }
        }
        let total: f64 = present
            .iter()
            .map(|g| norm::decode(norms[g as usize]))
            .sum();
        let avgdl = if present.is_empty() {
            1.0
        } else {
            (total / present.len() as f64).max(1.0) as f32
        };
        Index {
            parts,
            norms,
            present,
            avgdl,
        }
    }

    /// How many documents it holds.
    pub fn len(&self) -> u64 {
        self.present.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.present.is_empty()
    }

    /// Terms beginning with `prefix`, most documents first, each with its document count.
    pub fn suggest(&self, prefix: &str, n: usize) -> Vec<(String, u32)> {
        let mut all: std::collections::BTreeMap<String, u32> = Default::default();
        for p in &self.parts {
            for table in &p.tables {
                for (t, df) in table.suggest(prefix, 200) {
                    *all.entry(t).or_default() += df;
                }
            }
        }
        let mut v: Vec<(String, u32)> = all.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best first (ties by date).
    #[default]
    Relevance,
    /// Oldest first (undated last).
    Date,
    /// Newest first (undated last).
    DateDesc,
}

impl Sort {
    /// The name in a URL (`relevance`, `date`, `date-desc`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::DateDesc => "date-desc",
        }
    }

    /// The sort a URL names; anything else is relevance.
    pub fn named(s: &str) -> Sort {
        match s {
            "date" | "oldest" => Sort::Date,
            "date-desc" | "newest" => Sort::DateDesc,
            _ => Sort::Relevance,
        }
    }
}

/// One result: the model's document and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The document's index in the correspondence model.
    pub doc: u32,
    /// Its BM25 score (0 for a query of filters only).
    pub score: f32,
}

/// What a query found.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// Every match, ordered: the count is `hits.len()`, never capped.
    pub hits: Vec<Hit>,
    /// The documents matched, as a set (for facets and the timeline).
    pub set: RoaringBitmap,
    /// What was read otherwise than typed.
    pub notices: Vec<String>,
}

impl Results {
    /// How many documents match.
    pub fn total(&self) -> usize {
        self.hits.len()
    }
}

/// A text node's matches: each document with its weighted count of occurrences.
type Matches = Vec<(u32, f32)>;

struct Run<'a> {
    index: &'a Index,
    corr: &'a Correspondence,
    /// Each positive text node's matches, for ranking.
    scored: Vec<Matches>,
}

/// What a text node looks up in a table.
#[derive(Clone, Copy)]
enum Lookup<'q> {
    Term(&'q str),
    Prefix(&'q str),
}

/// Runs `query` over `index`, with `corr` for filters and dates.
pub fn search(index: &Index, corr: &Correspondence, query: &Query, sort: Sort) -> Results {
    let mut run = Run {
        index,
        corr,
        scored: Vec::new(),
    };
    let mut notices = query.notices.clone();
    if query.is_empty() {
        return Results {
            notices,
            ..Default::default()
        };
    }
    let set = match run.eval(&query.root, false) {
        Ok(s) => s,
        Err(Damaged) => {
            notices.push(
                "Part of the search index is damaged; what it holds was not searched.".into(),
            );
            RoaringBitmap::new()
        }
    };
    let n = index.len().max(1) as f32;
    let mut scores = vec![0f32; corr.docs.len()];
    for m in &run.scored {
        let df = m.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for &(g, wtf) in m {
            let dl = norm::decode(index.norms.get(g as usize).copied().unwrap_or(0)) as f32;
            let k = K1 * (1.0 - B + B * dl / index.avgdl);
            scores[g as usize] += idf * wtf * (K1 + 1.0) / (wtf + k);
        }
    }
    let mut hits: Vec<Hit> = set
        .iter()
        .map(|g| Hit {
            doc: g,
            score: scores[g as usize],
        })
        .collect();
    order(&mut hits, corr, sort);
    Results { hits, set, notices }
}

/// Orders hits: relevance (ties by date), or by date.
pub fn order(hits: &mut [Hit], corr: &Correspondence, sort: Sort) {
    let when = |g: u32| {
        let d = &corr.docs[g as usize];
        (!d.when.certainty.placed(), d.when.start)
    };
    match sort {
        Sort::Relevance => hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| when(a.doc).cmp(&when(b.doc)))
                .then(a.doc.cmp(&b.doc))
        }),
        Sort::Date => hits.sort_by(|a, b| when(a.doc).cmp(&when(b.doc)).then(a.doc.cmp(&b.doc))),
        Sort::DateDesc => hits.sort_by(|a, b| {
            let (ua, ta) = when(a.doc);
            let (ub, tb) = when(b.doc);
            ua.cmp(&ub).then(tb.cmp(&ta)).then(a.doc.cmp(&b.doc))
        }),
    }
}

impl Run<'_> {
    fn universe(&self) -> RoaringBitmap {
        RoaringBitmap::from_sorted_iter(0..self.corr.docs.len() as u32).unwrap_or_default()
    }

    fn eval(&mut self, node: &Node, negated: bool) -> Result<RoaringBitmap, Damaged> {
        Ok(match node {
            Node::Term { term, fields } => self.text(Lookup::Term(term), *fields, negated)?,
            Node::Prefix { prefix, fields } => {
                self.text(Lookup::Prefix(prefix), *fields, negated)?
            }
            Node::Phrase { terms, fields } => self.phrase(terms, *fields, negated)?,
            Node::All(xs) => {
                let mut acc: Option<RoaringBitmap> = None;
                let mut minus = RoaringBitmap::new();
                for (neg, x) in xs {
                    let s = self.eval(x, negated ^ neg)?;
                    if *neg {
                        minus |= s;
                    } else {
                        acc = Some(match acc {
                            Some(a) => a & s,
                            None => s,
                        });
                    }
                }
                let base = match acc {
                    Some(a) => a,
                    None => self.universe(),
                };
                base - minus
            }
            Node::Any(xs) => {
                let mut acc = RoaringBitmap::new();
                for x in xs {
                    acc |= self.eval(x, negated)?;
                }
                acc
            }
            Node::Kind(k) => self.filter(|d| d.kind == *k),
            Node::Volume(v) => {
                let vols: Vec<bool> = self
                    .corr
                    .volumes
                    .iter()
                    .map(|id| id == v || id.starts_with(v.as_str()))
                    .collect();
                self.filter(|d| vols.get(d.volume as usize).copied().unwrap_or(false))
            }
            Node::Dates { from, to } => self.filter(|d| {
                d.when.certainty.placed() && d.when.end >= *from && d.when.start <= *to
            }),
            Node::Party { side, words, key } => {
                let parties = parties_matching(self.corr, words, key.as_deref());
                match side {
                    Side::From => self.filter(|d| {
                        d.from
                            .iter()
                            .chain(d.writers())
                            .any(|p| parties.contains(p))
                    }),
                    Side::To => self.filter(|d| {
                        d.to.iter()
                            .chain(d.addressees())
                            .any(|p| parties.contains(p))
                    }),
                }
            }
        })
    }

    fn filter(
        &self,
        keep: impl Fn(&letterbook_core::correspondence::DocFacts) -> bool,
    ) -> RoaringBitmap {
        let mut out = RoaringBitmap::new();
        for (g, d) in self.corr.docs.iter().enumerate() {
            if keep(d) {
                out.insert(g as u32);
            }
        }
        out
    }

    /// A word or a prefix, in the fields of `mask`.
    fn text(
        &mut self,
        lookup: Lookup<'_>,
        mask: u8,
        negated: bool,
    ) -> Result<RoaringBitmap, Damaged> {
        let mut set = RoaringBitmap::new();
        let mut weights: std::collections::HashMap<u32, f32> = Default::default();
        for part in &self.index.parts {
            let lists = match lookup {
                Lookup::Term(t) => part.get(t)?.into_iter().collect(),
                Lookup::Prefix(p) => part.prefixed(p)?,
            };
            for postings in lists {
                for p in postings.docs()?.list {
                    let g = part.map.get(p.doc);
                    if g == NONE {
                        continue;
                    }
                    let w = weigh(&p, mask);
                    if w > 0.0 {
                        set.insert(g);
                        *weights.entry(g).or_default() += w;
                    }
                }
            }
        }
        if !negated {
            let mut m: Matches = weights.into_iter().collect();
            m.sort_unstable_by_key(|x| x.0);
            self.scored.push(m);
        }
        Ok(set)
    }

    fn phrase(
        &mut self,
        terms: &[String],
        mask: u8,
        negated: bool,
    ) -> Result<RoaringBitmap, Damaged> {
        let mut set = RoaringBitmap::new();
        let mut m: Matches = Vec::new();
        for part in &self.index.parts {
            let mut lists = Vec::with_capacity(terms.len());
            for t in terms {
                match part.get(t)? {
                    Some(p) => lists.push(p),
                    None => break,
                }
            }
            if lists.len() < terms.len() {
                continue;
            }
            // Documents that hold every word in a field of the mask, rarest word first.
            let docs: Vec<crate::table::Docs<'_>> =
                lists.iter().map(|l| l.docs()).collect::<Result<_, _>>()?;
            let mut cand: Vec<u32> = docs
                .iter()
                .min_by_key(|d| d.list.len())
                .map(|d| {
                    d.list
                        .iter()
                        .filter(|p| p.count_in(mask) > 0)
                        .map(|p| p.doc)
                        .collect()
                })
                .unwrap_or_default();
            cand.retain(|&c| part.map.get(c) != NONE);
            for d in &docs {
                let mut j = 0;
                cand.retain(|&c| {
                    while j < d.list.len() && d.list[j].doc < c {
                        j += 1;
                    }
                    j < d.list.len() && d.list[j].doc == c && d.list[j].count_in(mask) > 0
                });
            }
            if cand.is_empty() {
                continue;
            }
            // The phrase's possible starts, (candidate, field, position), narrowed word
            // by word: a start stays when the k-th word stands at its position + k.
            let mut starts: Vec<(u32, Field, u32)> = Vec::new();
            for (k, d) in docs.iter().enumerate() {
                // The candidates' places in this word's list (both in document order).
                let mut wanted = vec![false; d.list.len()];
                let mut j = 0;
                for &c in &cand {
                    while d.list[j].doc < c {
                        j += 1;
                    }
                    wanted[j] = true;
                }
                let mut kept: Vec<(u32, Field, u32)> = Vec::with_capacity(starts.len());
                let mut s = 0;
                d.positions(
                    |i| wanted[i],
                    |i, fields| {
                        let c = d.list[i].doc;
                        if k == 0 {
                            for f in Field::ALL {
                                if mask & f.bit() != 0 {
                                    kept.extend(fields[f as usize].iter().map(|&p| (c, f, p)));
                                }
                            }
                            return;
                        }
                        while s < starts.len() && starts[s].0 < c {
                            s += 1;
                        }
                        while s < starts.len() && starts[s].0 == c {
                            let (_, f, p) = starts[s];
                            let at = p.checked_add(k as u32);
                            if at.is_some_and(|w| fields[f as usize].binary_search(&w).is_ok()) {
                                kept.push(starts[s]);
                            }
                            s += 1;
                        }
                    },
                )?;
                starts = kept;
                if starts.is_empty() {
                    break;
                }
            }
            let mut i = 0;
            while i < starts.len() {
                let c = starts[i].0;
                let mut wtf = 0.0;
                while i < starts.len() && starts[i].0 == c {
                    wtf += WEIGHTS[starts[i].1 as usize];
                    i += 1;
                }
                let g = part.map.get(c);
                set.insert(g);
                m.push((g, wtf));
            }
        }
        if !negated {
            m.sort_unstable_by_key(|x| x.0);
            self.scored.push(m);
        }
        Ok(set)
    }
}

/// A document's weighted count of a word in the fields of `mask`.
fn weigh(p: &Posting, mask: u8) -> f32 {
    Field::ALL
        .iter()
        .filter(|f| mask & f.bit() != 0)
        .map(|&f| WEIGHTS[f as usize] * p.counts[f as usize] as f32)
        .sum()
}

/// The parties a `from:`/`to:` value names: by key, by surname, or by every word of
/// their name.
pub fn parties_matching(
    corr: &Correspondence,
    words: &[String],
    key: Option<&str>,
) -> Vec<PartyId> {
    let mut out: Vec<PartyId> = Vec::new();
    for (i, r) in corr.parties.records.iter().enumerate() {
        let hit = match key {
            Some(k) => r.key == k,
            None => {
                let surname = r.key.split('|').next().unwrap_or("");
                let names = crate::fold::fold(&format!(
                    "{} {}",
                    r.label,
                    r.full_name.as_deref().unwrap_or("")
                ));
                let name_words = crate::tokens::words(&names);
                (words.len() == 1 && surname == words[0])
                    || words
                        .iter()
                        .all(|w| name_words.iter().any(|(_, _, t)| t.contains(w)))
            }
        };
        if hit {
            out.push(i as PartyId);
        }
    }
    out
}
