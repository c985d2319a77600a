//! Opening files: a picked or dropped file → bytes → the core's parsers → the library.
//!
//! A 4 MB volume takes tens of milliseconds to parse in wasm; done in one go it would
//! freeze the page. The TEI parser is a pull parser, so we parse in slices of ~10 ms and
//! give the browser a turn between them (progress is painted, input is handled). Measured
//! by `scripts/bench-browser.mjs`: one document never takes more than ~4 ms, so slices do
//! without a worker thread.

use gloo_timers::future::TimeoutFuture;
use letterbook_core::tei::Step;
use letterbook_core::{check_size, presentation, volumes::volume_label, Format};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::{doc_href, volume_href, Library, LoadState, OpenVolume};
use crate::storage::{self, KeepJob, Kind};

/// Time budget of one parsing slice, in milliseconds.
const SLICE_MS: f64 = 10.0;

/// Between documents, how many XML events to read before looking at the clock again
/// (~1 ms: the front matter before the first document is long).
const EVENTS_PER_CHECK: usize = 5_000;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Opens files one after another (each yields to the page while it parses).
pub fn open_files(lib: Library, files: Vec<web_sys::File>) {
    let jobs: Vec<(u32, web_sys::File)> = files
        .into_iter()
        .map(|f| (lib.new_load(f.name(), f.size()), f))
        .collect();
    leptos::task::spawn_local(async move {
        for (key, file) in jobs {
            open_one(lib, key, file).await;
        }
    });
}

/// The files of a `FileList` (from an input or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("cannot read the file: {e:?}"))?;
    let buf: js_sys::ArrayBuffer = buf
        .dyn_into()
        .map_err(|_| "cannot read the file".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

async fn open_one(lib: Library, key: u32, file: web_sys::File) {
    let name = file.name();
    let fail = |msg: String| lib.update_load(key, |l| l.state = LoadState::Failed(msg));
    // Before reading: a file over the limit is never loaded into memory.
    if let Err(e) = check_size(&name, file.size() as u64) {
        return fail(e.to_string());
    }
    let bytes = match read_bytes(&file).await {
        Ok(b) => b,
        Err(e) => return fail(format!("{name}: {e}")),
    };
    lib.update_load(key, |l| l.state = LoadState::Parsing);
    let mut parser = match letterbook_core::open(&name, &bytes) {
        Ok(p) => p,
        Err(e) => return fail(e.to_string()),
    };
    if parser.format() == Format::PageText {
        let Some(doc) = parser.next_document() else {
            return fail(format!("{name}: no document in this file"));
        };
        let mut one = [doc];
        crate::register::flag_all(&mut one).await;
        let [doc] = one;
        let summary = format!(
            "{} — {}",
            doc.n
                .as_deref()
                .map(|n| format!("Document {n}"))
                .unwrap_or_else(|| doc.id.clone()),
            doc.title
        );
        let href = doc_href(&doc.id, None);
        let job = KeepJob {
            id: doc.id.clone(),
            kind: Kind::Text,
            title: summary.replacen(" — ", ": ", 1),
            documents: 1,
            file: name.clone(),
            source: Vec::new(),
            record: None,
        };
        lib.add(doc);
        drop(parser);
        storage::keep(
            lib,
            KeepJob {
                source: bytes,
                ..job
            },
        );
        lib.update_load(key, |l| {
            l.progress = 1.0;
            l.state = LoadState::Done {
                summary,
                href,
                errors: Vec::new(),
            };
        });
        return;
    }
    let total = parser.len().max(1) as f64;
    let mut docs = Vec::new();
    loop {
        let start = now();
        let mut more = true;
        while now() - start < SLICE_MS {
            match parser.step(EVENTS_PER_CHECK) {
                Step::Document(d) => docs.push(*d),
                Step::Pending => {}
                Step::Done => {
                    more = false;
                    break;
                }
            }
        }
        let progress = parser.offset() as f64 / total;
        lib.update_load(key, |l| l.progress = progress);
        if !more {
            break;
        }
        TimeoutFuture::new(0).await;
    }
    let parsed = parser.finish();
    let errors: Vec<String> = parsed.errors.iter().map(|e| e.to_string()).collect();
    let Some(volume) = parsed.volume else {
        return fail(format!("{name}: not a volume"));
    };
    if docs.is_empty() {
        let why = errors
            .first()
            .cloned()
            .unwrap_or_else(|| format!("{name}: no documents in this volume"));
        return fail(why);
    }
    // A worse copy of a volume already open (cut short, broken) never replaces it.
    if let Some(open) = lib.volume_untracked(&volume.id) {
        let worse = docs.len() < open.volume.documents.len()
            || (!errors.is_empty() && open.errors.is_empty());
        if worse {
            let first = errors
                .first()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default();
            return fail(format!(
                "Foreign Relations, {} is already open with {} from {}; this file gives {}{first} and was not used",
                volume_label(&volume.id),
                presentation::count(open.volume.documents.len() as u64, "document"),
                open.file,
                presentation::count(docs.len() as u64, "document")
            ));
        }
    }
    crate::register::flag_all(&mut docs).await;
    // Indexing and showing the volume are turns of their own, after the last slice.
    TimeoutFuture::new(0).await;
    let open =
        OpenVolume::new(volume, &docs, name.clone(), errors.clone()).ending_early(&parsed.errors);
    TimeoutFuture::new(0).await;
    let summary = format!(
        "{} of Foreign Relations, {}",
        presentation::count(docs.len() as u64, "document"),
        open.label()
    );
    let href = volume_href(&open.volume.id);
    let job = KeepJob {
        id: open.volume.id.clone(),
        kind: Kind::Volume,
        title: if open.volume.title.is_empty() {
            volume_label(&open.volume.id)
        } else {
            open.volume.title.clone()
        },
        documents: docs.len() as u32,
        file: name.clone(),
        source: bytes,
        record: None,
    };
    lib.add_volume(open, docs);
    storage::keep(lib, job);
    lib.update_load(key, |l| {
        l.progress = 1.0;
        l.state = LoadState::Done {
            summary,
            href,
            errors,
        };
    });
}
