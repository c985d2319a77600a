//! The timeline benchmark page's wasm (bench/timeline.html, built next to the app, not part
//! of its bundle): opens the twelve volumes, optionally replicated with shifted dates into a
//! synthetic set, and mounts the real app at /timeline. The page's script times it against
//! vis-timeline on the same items. `node scripts/bench-timeline.mjs`

use letterbook_app::state::Library;
use letterbook_app::AppWith;
use letterbook_core::correspondence::Correspondence;
use letterbook_core::timeline::{self, LaneMode};
use letterbook_core::{tei, Document, Volume};
use wasm_bindgen::prelude::*;

thread_local! {
    static DOCS: std::cell::RefCell<(Vec<Document>, Vec<Volume>)> = Default::default();
}

/// Parses one volume and keeps its documents; returns how many.
#[wasm_bindgen]
pub fn add_volume(name: &str, bytes: &[u8]) -> Result<u32, JsValue> {
    let v = tei::parse_volume(name, bytes).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let n = v.documents.len() as u32;
    DOCS.with(|d| {
        let mut d = d.borrow_mut();
        d.0.extend(v.documents);
        d.1.push(v.volume);
    });
    Ok(n)
}

/// The kept documents plus `copies - 1` copies, each shifted by 200 years more and without
/// its text (the timeline reads headings, parties and dates only).
fn documents(copies: u32) -> Vec<Document> {
    DOCS.with(|d| {
        let d = d.borrow();
        let mut out = d.0.clone();
        for k in 1..copies {
            for doc in &d.0 {
                let mut c = doc.clone();
                c.id = format!("{}~{k}", c.id);
                c.blocks.clear();
                c.footnotes.clear();
                c.refs.clear();
                if let Some(date) = &mut c.date {
                    if let Ok(y) = date.iso[..4].parse::<i32>() {
                        date.iso = format!("{:04}{}", y + 200 * k as i32, &date.iso[4..]);
                        date.text = date.iso.clone();
                    }
                }
                out.push(c);
            }
        }
        out
    })
}

/// Mounts the app at /timeline over the documents (`copies` times); returns their number.
#[wasm_bindgen]
pub fn mount_timeline(copies: u32) -> u32 {
    let docs = documents(copies.max(1));
    let n = docs.len() as u32;
    let win = web_sys::window().expect("window");
    let _ = win.history().expect("history").replace_state_with_url(
        &JsValue::NULL,
        "",
        Some("/timeline"),
    );
    let lib = Library::empty();
    lib.add_many(docs);
    let root = win
        .document()
        .expect("document")
        .get_element_by_id("app")
        .expect("#app");
    let handle = leptos::mount::mount_to(root.unchecked_into(), move || {
        leptos::view! { <AppWith lib=lib/> }
    });
    handle.forget();
    n
}

/// For vis-timeline: per placed document, its lane (the same grouping as ours, by
/// correspondents, the 12 largest and the rest together) and start (ms since 1970), as a
/// flat array [lane, ms, lane, ms, …]; and the lane labels.
#[wasm_bindgen]
pub fn items(copies: u32) -> js_sys::Array {
    let docs = documents(copies.max(1));
    let refs: Vec<&Document> = docs.iter().collect();
    // As the mounted app sees them: documents only (no persons lists).
    let c = Correspondence::build(&refs, &[]);
    let sel = timeline::select(&c, &Default::default(), None);
    let lanes = timeline::lanes(&c, &sel, LaneMode::Pair, 12, &|v| v.to_string());
    let flat = js_sys::Float64Array::new_with_length((sel.placed.len() * 2) as u32);
    let mut k = 0;
    for (li, lane) in lanes.iter().enumerate() {
        for &start in &lane.starts {
            flat.set_index(k, li as f64);
            flat.set_index(k + 1, start as f64 * 60_000.0);
            k += 2;
        }
    }
    let labels = js_sys::Array::new();
    for l in &lanes {
        labels.push(&JsValue::from_str(&l.label));
    }
    js_sys::Array::of2(&flat, &labels)
}

fn main() {
    console_error_panic_hook::set_once();
}
