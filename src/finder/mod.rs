//! The app's one door to search: the index of everything open and kept (a segment per
//! volume or page text, `segments`) and of the site's collection (its parts, fetched as
//! queries need them, `site_index`); running the reader's query; the snippets of the hits
//! a reader sees; suggestions as a word is typed. Views ask here; they never build,
//! fetch or read an index.

mod segments;
mod site_index;

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::timeline::TimelineQuery;
use letterbook_core::Document;
use letterbook_search::query::reader_query;
use letterbook_search::snippet::{opening_in, snippet_in};
use letterbook_search::{
    facets, opening, search, snippet, Facets, Index, Query, Results, Sort, Source,
};

use crate::arc_eq::ArcEq;
use crate::indexed::Indexing;
use crate::state::{Library, Model, Summary};

/// A snippet's width, in characters.
pub const SNIPPET: usize = 180;
/// How long the page is held while a segment is built, at most (ms), between its turns.
const SLICE_MS: f64 = 8.0;

thread_local! {
    /// Entries whose segment a query is building now (another query waits for it).
    static BUILDING: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// What a query found, with the model its document numbers index.
pub struct Found {
    pub model: Model,
    pub query: Query,
    pub results: Results,
    pub facets: Facets,
    site: Option<Arc<letterbook_search::site::SiteMeta>>,
}

/// Every entry open now, as (id, title, its documents) for those without a segment.
fn unindexed(lib: Library) -> Vec<(String, String, Vec<Arc<Document>>)> {
    let have = lib.indexed.segments.get_untracked();
    let mut out = Vec::new();
    for v in lib.volumes_untracked() {
        if !have.has(&v.volume.id) {
            let docs: Vec<Arc<Document>> = v
                .volume
                .documents
                .iter()
                .filter_map(|d| lib.get_untracked(d))
                .collect();
            out.push((v.volume.id.clone(), v.label(), docs));
        }
    }
    for d in lib.loose_documents_untracked() {
        if !have.has(&d.id) {
            out.push((d.id.clone(), d.title.clone(), vec![d.clone()]));
        }
    }
    out
}

/// Builds the segments of what is open without one (a few milliseconds at a time),
/// keeping each with its entry in the store when it is kept there.
async fn index_missing(lib: Library) {
    for (id, title, docs) in unindexed(lib) {
        let mine = BUILDING.with(|b| b.borrow_mut().insert(id.clone()));
        if !mine {
            // Another query is building it: wait for it.
            while BUILDING.with(|b| b.borrow().contains(&id)) {
                gloo_timers::future::TimeoutFuture::new(20).await;
            }
            continue;
        }
        lib.indexed.indexing.set(Some(Indexing {
            title: title.clone(),
            progress: 0.0,
        }));
        let seg = segments::build(&docs, SLICE_MS, |p| {
            lib.indexed.indexing.set(Some(Indexing {
                title: title.clone(),
                progress: p,
            }))
        })
        .await;
        BUILDING.with(|b| b.borrow_mut().remove(&id));
        // Not if it was put away meanwhile.
        let still = lib.volume_untracked(&id).is_some() || lib.get_untracked(&id).is_some();
        if still {
            let bytes = seg.to_bytes();
            lib.indexed.segments.update(|s| s.set(&id, Arc::new(seg)));
            crate::storage::keep_index(lib, &id, bytes);
        }
    }
    lib.indexed.indexing.set(None);
}

/// The reader's query run over everything open and the site's collection; `Err` says why
/// part of it could not be searched (the rest still is, in `Ok` when possible).
pub async fn run(lib: Library, tq: TimelineQuery) -> Result<ArcEq<Found>, String> {
    // A site's collection is searched as a whole or not at all: its manifest and summary
    // are awaited (the model numbers its documents).
    let mut waited = 0;
    while waited < 60_000
        && (lib
            .site
            .with_untracked(|s| matches!(s, crate::shelf::Site::Asking))
            || lib
                .summary
                .with_untracked(|s| matches!(s, Summary::Loading)))
    {
        gloo_timers::future::TimeoutFuture::new(50).await;
        waited += 50;
    }
    index_missing(lib).await;
    let query = reader_query(&tq);
    let sort = Sort::named(tq.sort.as_deref().unwrap_or(""));
    let model = lib.model.get_untracked();
    let mut sources = Vec::new();
    let mut site_meta = None;
    let mut notices = Vec::new();
    // The site's index, numbered as its summary: only when the model is built over it.
    let site_file = lib.site.with_untracked(|s| s.search_file());
    if let (Some(file), Summary::Ready(_)) = (site_file, lib.summary.get_untracked()) {
        match site_index::meta(&file).await {
            Ok(meta) => {
                let wanted = meta.parts_for(&query);
                match site_index::terms(&meta, &wanted).await {
                    Ok(tables) => {
                        sources.push(Source::Site {
                            tables,
                            norms: Arc::new(meta.norms.clone()),
                        });
                        site_meta = Some(meta);
                    }
                    Err(why) => notices.push(format!(
                        "The collection's documents were not searched: {why}"
                    )),
                }
            }
            Err(why) => notices.push(format!(
                "The collection's documents were not searched: {why}"
            )),
        }
    } else if lib.site.with_untracked(|s| s.is_ready())
        && lib
            .summary
            .with_untracked(|s| matches!(s, Summary::Ready(_)))
    {
        notices.push("This collection was packed without a search index: only what is open here is searched.".into());
    }
    let segs = lib.indexed.segments.get_untracked();
    sources.extend(segs.newest_first().map(|s| Source::Segment(s.clone())));
    let index = Index::new(&model.corr, &sources);
    let mut results = search(&index, &model.corr, &query, sort);
    results.notices.extend(notices);
    let facets = facets(&model.corr, &results.set);
    Ok(ArcEq::new(Found {
        model,
        query,
        results,
        facets,
        site: site_meta,
    }))
}

/// What a result shows of its document: the lines around its hits (or its opening).
#[derive(Debug, Clone, PartialEq)]
pub enum Lines {
    Shown(letterbook_search::Snippet),
    /// The document's text is not at hand (its volume is not open, the site's text cannot
    /// be read): the reason.
    Missing(String),
}

/// The lines of result `doc` (the model's number).
pub async fn lines(lib: Library, found: &Found, doc: u32) -> Option<Lines> {
    let id = found.model.corr.docs.get(doc as usize)?.id.clone();
    if let Some(d) = lib.get_untracked(&id) {
        return snippet(&d, &found.query, SNIPPET)
            .or_else(|| opening(&d, SNIPPET))
            .map(Lines::Shown);
    }
    let meta = found.site.as_ref()?;
    match site_index::text(meta, doc).await {
        Ok(Some(t)) => snippet_in(&t.passages, &|f| t.note(f), &found.query, SNIPPET)
            .or_else(|| opening_in(&t.passages, SNIPPET))
            .map(Lines::Shown),
        Ok(None) => None,
        Err(why) => Some(Lines::Missing(why)),
    }
}

/// A suggestion for the search field.
#[derive(Debug, Clone, PartialEq)]
pub enum Suggestion {
    /// A word of the index, with the number of documents holding it.
    Word(String, u32),
    /// A correspondent: key, label and documents.
    Person(String, String, u32),
}

/// Suggestions for the last word being typed: words the index holds that begin so (the
/// site's part for them fetched), and correspondents whose name begins so.
pub async fn suggest(lib: Library, typed: &str, n: usize) -> Vec<Suggestion> {
    let last = typed.rsplit(char::is_whitespace).next().unwrap_or("");
    let prefix = letterbook_search::fold::fold(last.trim_start_matches(['-', '"', '(']));
    if prefix.chars().count() < 2 || prefix.contains(':') {
        return Vec::new();
    }
    index_missing(lib).await;
    let mut words: std::collections::BTreeMap<String, u32> = Default::default();
    for s in lib.indexed.segments.get_untracked().newest_first() {
        for (t, df) in s.table.suggest(&prefix, 50) {
            *words.entry(t).or_default() += df;
        }
    }
    let site_file = lib.site.with_untracked(|s| s.search_file());
    if let Some(file) = site_file {
        if let Ok(meta) = site_index::meta(&file).await {
            if let Some(i) = meta.term_part(&prefix) {
                if let Ok(tables) = site_index::terms(&meta, &[i]).await {
                    for (t, df) in tables[0].suggest(&prefix, 50) {
                        *words.entry(t).or_default() += df;
                    }
                }
            }
        }
    }
    let mut words: Vec<(String, u32)> = words.into_iter().filter(|(t, _)| *t != prefix).collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let model = lib.model.get_untracked();
    let mut people: Vec<Suggestion> = model
        .corr
        .parties
        .records
        .iter()
        .filter(|r| r.documents > 0)
        .filter(|r| {
            letterbook_search::fold::fold(&r.label)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(prefix.as_str()))
        })
        .map(|r| Suggestion::Person(r.key.clone(), r.label.clone(), r.documents))
        .collect();
    people.sort_by(|a, b| match (a, b) {
        (Suggestion::Person(_, _, x), Suggestion::Person(_, _, y)) => y.cmp(x),
        _ => std::cmp::Ordering::Equal,
    });
    let mut out: Vec<Suggestion> = words
        .into_iter()
        .take(n)
        .map(|(t, d)| Suggestion::Word(t, d))
        .collect();
    out.truncate(n.saturating_sub(people.len().min(3)));
    out.extend(people.into_iter().take(3));
    out
}

/// A search's hits in one document, placed on the text runs that print them.
#[derive(Debug, Default)]
pub struct HitMap {
    /// By the address of a text run (an `Inline::Text`'s string in the shown document):
    /// the hits in it, as (start, end, hit number) in that text.
    by_text: std::collections::HashMap<usize, Vec<(usize, usize, usize)>>,
    /// Each hit's region, in reading order (a hit in a note is opened there).
    pub regions: Vec<letterbook_core::model::Region>,
}

impl HitMap {
    /// How many hits.
    pub fn len(&self) -> usize {
        self.regions.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// The hits in text run `t` (as the document holds it).
    pub fn spans(&self, t: &str) -> Option<&[(usize, usize, usize)]> {
        self.by_text.get(&(t.as_ptr() as usize)).map(Vec::as_slice)
    }
}

/// Where the words of `words` stand in `doc` (the copy the view shows: the hits are found
/// by its text runs' addresses), in reading order: the heading, the text, the notes.
pub fn hits(doc: &Document, words: &str) -> HitMap {
    use letterbook_core::model::{Region, Walk};
    let query = letterbook_search::parse(words);
    if query.positive_text().is_empty() {
        return HitMap::default();
    }
    let (passages, marks) = letterbook_search::marks(doc, &query);
    let order = |r: &Region| match *r {
        Region::Head => (0, 0, 0),
        Region::Block(b) => (1, b, 0),
        Region::Cell(b, c) => (1, b, c + 1),
        Region::Footnote(f) => (2, f, 0),
    };
    let mut placed: Vec<(Region, usize, usize)> = marks
        .iter()
        .filter_map(|m| passages[m.passage].region.map(|r| (r, m.passage, m.start)))
        .collect();
    placed.sort_by_key(|(r, p, s)| (order(r), *p, *s));
    let regions: Vec<(Region, &[letterbook_core::Inline])> = doc.regions().collect();
    let mut map = HitMap::default();
    for (k, (region, p, start)) in placed.into_iter().enumerate() {
        let Some(m) = marks.iter().find(|m| m.passage == p && m.start == start) else {
            continue;
        };
        let Some(run) = regions
            .iter()
            .find(|(r, _)| *r == region)
            .map(|(_, run)| *run)
        else {
            continue;
        };
        let inlines: Vec<&letterbook_core::Inline> = Walk::new(run).collect();
        for (inline, a, b) in passages[p].locate(m.start, m.end) {
            if let Some(letterbook_core::Inline::Text(t)) = inlines.get(inline as usize) {
                map.by_text
                    .entry(t.as_ptr() as usize)
                    .or_default()
                    .push((a, b, k));
            }
        }
        map.regions.push(region);
    }
    for v in map.by_text.values_mut() {
        v.sort_unstable();
    }
    map
}

/// Every file of a site's search index (its table of contents first), with its size: what
/// keeping the collection offline downloads.
pub async fn site_index_files(
    file: &letterbook_core::pack::PackFile,
) -> Result<Vec<(String, u64)>, String> {
    let meta = site_index::meta(file).await?;
    let mut out = vec![(file.path.clone(), file.bytes)];
    out.extend(meta.terms.iter().map(|p| (p.path.clone(), p.bytes)));
    out.extend(meta.text.iter().map(|p| (p.path.clone(), p.bytes)));
    Ok(out)
}
