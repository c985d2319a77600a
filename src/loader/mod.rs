//! Opening files: a picked or dropped file → bytes → a record (parsed, flagged against the
//! register and encoded in the file worker, `worker.rs`; in the page in slices,
//! `in_page.rs`, when the browser gives no worker) → the library and the store. Files are
//! read one after another, each with its progress, and each can be cancelled.

mod in_page;
mod worker;

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};

use letterbook_core::pack::{self, Record};
use letterbook_core::{check_size, presentation, volumes::volume_label};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::{doc_href, volume_href, Library, LoadState, OpenVolume};
use crate::storage::{self, KeepJob, Kind};

thread_local! {
    /// Loads the reader cancelled (checked before each step of their work).
    static CANCELLED: RefCell<HashSet<u32>> = RefCell::new(HashSet::new());
    /// Files waiting their turn, from every pick and drop of the visit, and whether they
    /// are being worked through: one file at a time, in the order chosen.
    static QUEUE: RefCell<(VecDeque<(u32, web_sys::File)>, bool)> = const { RefCell::new((VecDeque::new(), false)) };
}

fn is_cancelled(key: u32) -> bool {
    CANCELLED.with(|c| c.borrow().contains(&key))
}

/// Opens files one after another, after any chosen before them.
pub fn open_files(lib: Library, files: Vec<web_sys::File>) {
    let jobs: Vec<(u32, web_sys::File)> = files
        .into_iter()
        .map(|f| (lib.new_load(f.name(), f.size()), f))
        .collect();
    let running = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.0.extend(jobs);
        std::mem::replace(&mut q.1, true)
    });
    if running {
        return;
    }
    leptos::task::spawn_local(async move {
        loop {
            let next = QUEUE.with(|q| {
                let mut q = q.borrow_mut();
                let next = q.0.pop_front();
                q.1 = next.is_some();
                next
            });
            let Some((key, file)) = next else { break };
            if !is_cancelled(key) {
                open_one(lib, key, file).await;
            }
        }
    });
}

/// Stops opening load `key` (waiting, being read or being parsed): nothing of it is
/// opened or kept.
pub fn cancel(lib: Library, key: u32) {
    CANCELLED.with(|c| c.borrow_mut().insert(key));
    worker::cancel(key);
    lib.update_load(key, |l| l.state = LoadState::Cancelled);
}

/// The files of a `FileList` (from an input or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

async fn read_buffer(file: &web_sys::File) -> Result<js_sys::ArrayBuffer, String> {
    JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("cannot read the file: {e:?}"))?
        .dyn_into()
        .map_err(|_| "cannot read the file".to_string())
}

async fn open_one(lib: Library, key: u32, file: web_sys::File) {
    let name = file.name();
    // A load cancelled meanwhile stays cancelled, whatever became of its work.
    let fail = |msg: String| {
        if !is_cancelled(key) {
            lib.update_load(key, |l| l.state = LoadState::Failed(msg))
        }
    };
    // Before reading: a file over the limit is never loaded into memory.
    if let Err(e) = check_size(&name, file.size() as u64) {
        return fail(e.to_string());
    }
    let buffer = match read_buffer(&file).await {
        Ok(b) => b,
        Err(e) => return fail(format!("{name}: {e}")),
    };
    if is_cancelled(key) {
        return;
    }
    lib.update_load(key, |l| l.state = LoadState::Parsing);
    let (record, source, encoded) = match worker::read(lib, key, &name, buffer).await {
        worker::Outcome::Done { record, source } => match pack::decode(&record) {
            Ok(r) => (r, source, Some(record)),
            Err(e) => return fail(format!("{name}: {e}")),
        },
        worker::Outcome::Failed(why) => return fail(why),
        worker::Outcome::Cancelled => return,
        worker::Outcome::Unavailable(buffer) => {
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            match in_page::read(lib, key, &name, &bytes).await {
                Ok(Some(r)) => (r, bytes, None),
                Ok(None) => return,
                Err(why) => return fail(why),
            }
        }
    };
    if !is_cancelled(key) {
        add(lib, key, name, record, source, encoded);
    }
}

/// Adds what a file held to the library and keeps it (with its record when the worker
/// encoded it; else the store encodes it from the library).
fn add(
    lib: Library,
    key: u32,
    name: String,
    mut record: Record,
    source: Vec<u8>,
    encoded: Option<Vec<u8>>,
) {
    let fail = |msg: String| lib.update_load(key, |l| l.state = LoadState::Failed(msg));
    let done = |summary: String, href: String, errors: Vec<String>| {
        lib.update_load(key, |l| {
            l.progress = 1.0;
            l.state = LoadState::Done {
                summary,
                href,
                errors,
            };
        })
    };
    let index = record.index.take();
    let Some(volume) = record.volume.take() else {
        let Some(doc) = record.documents.pop() else {
            return fail(format!("{name}: no document in this file"));
        };
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
            source,
            record: encoded,
        };
        lib.indexed.add_bytes(&doc.id, index.as_deref());
        lib.add(doc);
        storage::keep(lib, job);
        return done(summary, href, Vec::new());
    };
    let docs = std::mem::take(&mut record.documents);
    let errors = record.errors;
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
    let mut open = OpenVolume::new(volume, &docs, name.clone(), errors.clone());
    open.ends_early = record.ends_early;
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
        file: name,
        source,
        record: encoded,
    };
    lib.indexed.add_bytes(&open.volume.id, index.as_deref());
    lib.add_volume(open, docs);
    storage::keep(lib, job);
    done(summary, href, errors);
}
