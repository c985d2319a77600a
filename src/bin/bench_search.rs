//! The search benchmark page's wasm (bench/search.html, built next to the app, not part of
//! its bundle): parses the twelve volumes, builds our index, answers queries; gives the
//! page the documents' texts so that MiniSearch and FlexSearch index the same words.
//! `node scripts/bench-search.mjs`

use std::cell::RefCell;
use std::sync::Arc;

use js_sys::{Array, Object, Reflect};
use letterbook_core::correspondence::Correspondence;
use letterbook_core::{tei, Document, Volume};
use letterbook_search::passages::{passages, Field};
use letterbook_search::{facets, parse, search, Index, Segment, Sort, Source};
use wasm_bindgen::prelude::*;

#[derive(Default)]
struct State {
    docs: Vec<Vec<Document>>,
    volumes: Vec<Volume>,
    segments: Vec<Arc<Segment>>,
    corr: Option<Correspondence>,
    index: Option<Index>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn err(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

/// Parses one volume and keeps it; returns its documents' number.
#[wasm_bindgen]
pub fn add_volume(name: &str, bytes: &[u8]) -> Result<u32, JsValue> {
    let v = tei::parse_volume(name, bytes).map_err(err)?;
    let n = v.documents.len() as u32;
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.docs.push(v.documents);
        s.volumes.push(v.volume);
    });
    Ok(n)
}

/// Parses one volume and drops it (to time parsing again, warm).
#[wasm_bindgen]
pub fn parse_only(name: &str, bytes: &[u8]) -> Result<u32, JsValue> {
    Ok(tei::parse_volume(name, bytes).map_err(err)?.documents.len() as u32)
}

/// Builds the index of every kept volume (a segment each, as the app's file worker does);
/// returns its bytes, as the store keeps them.
#[wasm_bindgen]
pub fn build_index() -> f64 {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.segments = s.docs.iter().map(|d| Arc::new(Segment::of(d))).collect();
        s.segments
            .iter()
            .map(|seg| seg.to_bytes().len() as f64)
            .sum()
    })
}

/// Places the index over the correspondence model (once the segments are built).
#[wasm_bindgen]
pub fn open_index() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let docs: Vec<&Document> = s.docs.iter().flatten().collect();
        let vols: Vec<&Volume> = s.volumes.iter().collect();
        let corr = Correspondence::build(&docs, &vols);
        let sources: Vec<Source> = s
            .segments
            .iter()
            .map(|g| Source::Segment(g.clone()))
            .collect();
        s.index = Some(Index::new(&corr, &sources));
        s.corr = Some(corr);
    })
}

/// The documents as the peers index them: id, title, text (body, notes, source note),
/// and the facts their filters read (kind, volume, senders' keys, year).
#[wasm_bindgen]
pub fn documents() -> Array {
    STATE.with(|s| {
        let s = s.borrow();
        let corr = s.corr.as_ref().expect("open_index first");
        let out = Array::new();
        for (i, f) in corr.docs.iter().enumerate() {
            let d = s.docs.iter().flatten().nth(i);
            let Some(d) = d.filter(|d| d.id == f.id) else {
                continue;
            };
            let text: Vec<String> = passages(d)
                .into_iter()
                .filter(|p| matches!(p.field, Field::Body | Field::Notes | Field::Source))
                .map(|p| p.text)
                .collect();
            let o = Object::new();
            let set = |k: &str, v: JsValue| {
                let _ = Reflect::set(&o, &k.into(), &v);
            };
            set("id", f.id.as_str().into());
            set("title", f.title.as_str().into());
            set("text", text.join("\n").into());
            set("kind", f.kind.as_str().into());
            set("vol", corr.volumes[f.volume as usize].as_str().into());
            let from: Array = f
                .from
                .iter()
                .map(|&p| JsValue::from_str(&corr.parties.get(p).key))
                .collect();
            set("from", from.into());
            let year = f.when.certainty.placed().then(|| {
                letterbook_core::correspondence::when::iso_day(f.when.start)[..4]
                    .parse::<i32>()
                    .unwrap_or(0)
            });
            set("year", year.map_or(JsValue::NULL, |y| y.into()));
            out.push(&o);
        }
        out
    })
}

/// Runs query `q` (and its facets, as the search page does when `with_facets`); returns
/// how many documents it finds.
#[wasm_bindgen]
pub fn query(q: &str, with_facets: bool) -> u32 {
    STATE.with(|s| {
        let s = s.borrow();
        let (Some(index), Some(corr)) = (&s.index, &s.corr) else {
            return 0;
        };
        let r = search(index, corr, &parse(q), Sort::Relevance);
        if with_facets {
            std::hint::black_box(facets(corr, &r.set));
        }
        r.hits.len() as u32
    })
}

/// Whether query `q` finds document `id`.
#[wasm_bindgen]
pub fn finds(q: &str, id: &str) -> bool {
    STATE.with(|s| {
        let s = s.borrow();
        let (Some(index), Some(corr)) = (&s.index, &s.corr) else {
            return false;
        };
        let r = search(index, corr, &parse(q), Sort::Relevance);
        r.hits.iter().any(|h| corr.docs[h.doc as usize].id == id)
    })
}

fn main() {
    console_error_panic_hook::set_once();
}
