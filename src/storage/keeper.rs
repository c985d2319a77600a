//! Between the library and the store: keeping what is opened, opening again what was
//! kept (the current page's entry first), forgetting, and hearing other tabs.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use letterbook_core::pack::{self, Reopened};
use letterbook_core::{parse_any, DocId, OpenVolume, Parsed};
use wasm_bindgen::JsValue;

use super::db;
use super::quota;
use super::tabs::{self, Change};
use crate::shelf::{Keeping, Kept, Kind, Status};
use crate::state::Library;

/// What the loader hands over once a file is open: enough to list it and its bytes.
pub struct KeepJob {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub documents: u32,
    pub file: String,
    /// The file's bytes (empty for a pack fetched from the site: the site has it).
    pub source: Vec<u8>,
    /// The record, when it is at hand already (a fetched pack); else it is encoded.
    pub record: Option<Vec<u8>>,
}

const FOR_THIS_VISIT: &str = "It stays open until this page is closed.";

/// Keeps a file just opened: written after the page has shown it, never before.
pub fn keep(lib: Library, job: KeepJob) {
    let mut kept = Kept {
        id: job.id.clone(),
        kind: job.kind,
        title: job.title,
        documents: job.documents,
        file: job.file,
        source_bytes: job.source.len() as f64,
        record_bytes: 0.0,
        added: js_sys::Date::now(),
    };
    if let Status::Unavailable(_) = lib.shelf.with_untracked(|s| s.status.clone()) {
        let why =
            format!("Not kept: this browser does not let Letterbook keep files. {FOR_THIS_VISIT}");
        lib.shelf.update(|s| s.set(kept, Keeping::NotKept(why)));
        return;
    }
    lib.shelf.update(|s| s.set(kept.clone(), Keeping::Writing));
    spawn_local(async move {
        // A turn for the page to paint what was opened; then the encoding.
        TimeoutFuture::new(0).await;
        let Some(record) = job.record.or_else(|| lib.encode(&kept.id)) else {
            // Put away before its turn came.
            lib.shelf.update(|s| s.remove(&kept.id));
            return;
        };
        kept.record_bytes = record.len() as f64;
        let first = lib.shelf.with_untracked(|s| s.kept_count() == 0);
        let state = match db::put(&kept, &record, Some(&job.source)).await {
            Ok(()) => {
                tabs::announce(Change::Kept(kept.id.clone()));
                Keeping::Kept { open: true }
            }
            Err(why) if db::is_quota(&why) => Keeping::NotKept(format!(
                "Not kept: the browser has no more room for Letterbook ({why}). {FOR_THIS_VISIT}"
            )),
            Err(why) => Keeping::NotKept(format!("Not kept: {why}. {FOR_THIS_VISIT}")),
        };
        let ok = matches!(state, Keeping::Kept { .. });
        // Only if it was not put away while being written.
        if lib.shelf.with_untracked(|s| s.item(&kept.id).is_some()) {
            lib.shelf.update(|s| s.set(kept.clone(), state));
        } else if ok {
            let _ = db::delete(&kept.id.as_str().into()).await;
        }
        if ok && first {
            let answer = quota::persist().await;
            lib.shelf.update(|s| s.persisted = answer);
        }
        refresh_estimate(lib).await;
    });
}

/// Keeps search index `index`, built for entry `id` after it was kept without one (a
/// record written before search), with its record: the next visit does not build it again.
pub fn keep_index(lib: Library, id: &str, index: Vec<u8>) {
    let Some(item) = lib.shelf.with_untracked(|s| s.item(id).cloned()) else {
        return;
    };
    if !matches!(item.state, Keeping::Kept { .. }) {
        return;
    }
    let id = id.to_string();
    spawn_local(async move {
        let Some(record) = lib.encode_with(&id, Some(&index)) else {
            return;
        };
        let mut kept = item.kept;
        kept.record_bytes = record.len() as f64;
        // Not if it was removed meanwhile; a failure leaves the record as it was.
        if still_kept(lib, &id) && db::put(&kept, &record, None).await.is_ok() {
            lib.shelf
                .update(|s| s.set(kept, Keeping::Kept { open: true }));
        }
    });
}

async fn refresh_estimate(lib: Library) {
    let e = quota::estimate().await;
    lib.shelf.update(|s| s.estimate = e);
}

/// Opens the store at the start of a visit: lists what it keeps at once, then opens each
/// entry again, the one the address asks for first.
pub fn restore(lib: Library) {
    // One change at a time, in the order they were made: a removal heard while the
    // keeping before it is still being read must not be undone by it.
    let queue: std::rc::Rc<std::cell::RefCell<(std::collections::VecDeque<Change>, bool)>> =
        Default::default();
    tabs::listen(move |c| {
        let queue = queue.clone();
        queue.borrow_mut().0.push_back(c);
        if std::mem::replace(&mut queue.borrow_mut().1, true) {
            return;
        }
        spawn_local(async move {
            loop {
                let next = queue.borrow_mut().0.pop_front();
                let Some(c) = next else { break };
                heard(lib, c).await;
            }
            queue.borrow_mut().1 = false;
        });
    });
    spawn_local(async move {
        let entries = match db::list().await {
            Ok(e) => e,
            Err(why) => {
                lib.shelf.update(|s| s.status = Status::Unavailable(why));
                return;
            }
        };
        let mut kept = Vec::new();
        for e in entries {
            match e {
                Ok(k) => kept.push(k),
                Err(key) => {
                    let _ = db::delete(&key).await;
                    let key = key.as_string().unwrap_or_else(|| format!("{key:?}"));
                    note(lib, format!("An entry of this browser's store ({key}) was not Letterbook's and was removed."));
                }
            }
        }
        // In the order they were opened (a page text read over its volume's copy comes
        // after the volume, as it did), the address's own first.
        let wanted = wanted_ids();
        kept.sort_by(|a, b| a.added.total_cmp(&b.added));
        kept.sort_by_key(|k| !wanted.contains(&k.id));
        lib.shelf.update(|s| {
            s.status = Status::Ready;
            for k in &kept {
                s.set(k.clone(), Keeping::Kept { open: false });
            }
        });
        // The address's own entries first, each shown as soon as it is read; then the
        // others, read one by one (the page keeps its turns) and added in one step, so
        // that what is built over the whole library (threads, the timeline) is built
        // once, not once per volume.
        let first = kept.iter().take_while(|k| wanted.contains(&k.id)).count();
        for k in &kept[..first] {
            reopen(lib, k, None).await;
            TimeoutFuture::new(0).await;
        }
        let mut batch = Vec::new();
        for k in &kept[first..] {
            reopen(lib, k, Some(&mut batch)).await;
            TimeoutFuture::new(0).await;
        }
        // Only what is still kept (nothing removed meanwhile comes back).
        batch.retain(|(id, _)| still_kept(lib, id));
        let ids: Vec<String> = batch.iter().map(|(id, _)| id.clone()).collect();
        for (_, (r, index)) in &batch {
            lib.indexed.add_bytes(&id_of(r), index.as_deref());
        }
        lib.add_all(batch.into_iter().map(|(_, (r, _))| r));
        lib.shelf.update(|s| {
            for id in &ids {
                s.set_state(id, Keeping::Kept { open: true });
            }
        });
        // What the browser says of room and persistence waits for the volumes.
        let persisted = quota::persisted().await;
        lib.shelf.update(|s| s.persisted = persisted);
        refresh_estimate(lib).await;
    });
}

/// The entries the address names, to open before the others: a document's own id (a
/// kept page text) and its volume's.
fn wanted_ids() -> Vec<String> {
    let Some(path) = web_sys::window().and_then(|w| w.location().pathname().ok()) else {
        return Vec::new();
    };
    let mut parts = path.trim_start_matches('/').split('/');
    match (parts.next(), parts.next()) {
        (Some("read"), Some(id)) => {
            let mut ids = vec![id.to_string()];
            ids.extend(DocId::parse(id).and_then(|d| d.volume().map(str::to_string)));
            ids
        }
        (Some("volume"), Some(vol)) => vec![vol.to_string()],
        _ => Vec::new(),
    }
}

/// Whether entry `id` is still kept (not removed, here or in another tab, while an
/// await was pending).
fn still_kept(lib: Library, id: &str) -> bool {
    lib.shelf.with_untracked(|s| s.item(id).is_some())
}

fn note(lib: Library, text: String) {
    lib.shelf.update(|s| s.notices.push(text));
}

/// Opens kept entry `k` again from its record, or from its source when the record
/// cannot be read; an entry that cannot be read at all is removed, with a notice.
async fn reopen(lib: Library, k: &Kept, batch: Option<&mut Vec<(String, Reread)>>) {
    // Opened again in this visit already (dropped before its turn came): that copy stays.
    // A page text is simply read back over whatever has its id.
    if k.kind == Kind::Volume && lib.volume_untracked(&k.id).is_some() && !lib.is_built_in(&k.id) {
        lib.shelf
            .update(|s| s.set_state(&k.id, Keeping::Kept { open: true }));
        return;
    }
    if !still_kept(lib, &k.id) {
        return;
    }
    let why = match db::record(&k.id).await {
        // Removed while its record was read: it stays away.
        _ if !still_kept(lib, &k.id) => return,
        Ok(Some(bytes)) => match pack::decode(&bytes).map(reopen_record) {
            Ok(Some(r)) => {
                match batch {
                    Some(b) => b.push((k.id.clone(), r)),
                    None => {
                        add(lib, r);
                        lib.shelf
                            .update(|s| s.set_state(&k.id, Keeping::Kept { open: true }));
                    }
                }
                return;
            }
            Ok(None) => "it holds no document".to_string(),
            Err(e) => e.to_string(),
        },
        Ok(None) => "its record is missing".to_string(),
        Err(e) => e,
    };
    from_source(lib, k, &why).await;
}

/// A record opened again, with its search index's bytes.
pub(crate) type Reread = (Reopened, Option<Vec<u8>>);

fn reopen_record(mut r: pack::Record) -> Option<Reread> {
    let index = r.index.take();
    r.reopen().map(|o| (o, index))
}

fn id_of(r: &Reopened) -> String {
    match r {
        Reopened::Volume(open, _) => open.volume.id.clone(),
        Reopened::Text(doc) => doc.id.clone(),
    }
}

fn add(lib: Library, (r, index): Reread) {
    lib.indexed.add_bytes(&id_of(&r), index.as_deref());
    match r {
        Reopened::Volume(open, docs) => lib.add_volume(*open, docs),
        Reopened::Text(doc) => lib.add(*doc),
    }
}

/// Reads kept entry `k` again from its stored file, and writes its record anew.
async fn from_source(lib: Library, k: &Kept, why: &str) {
    let title = &k.title;
    let parsed = match db::source(&k.id).await {
        Ok(Some(bytes)) if !bytes.is_empty() => {
            parse_any(&k.file, &bytes).map_err(|e| e.to_string())
        }
        Ok(_) => Err("its file is not in the store".to_string()),
        Err(e) => Err(e),
    };
    let reopened = parsed.and_then(|p| match p {
        Parsed::Volume(v) if !v.documents.is_empty() => {
            let errors = v.errors.iter().map(|e| e.to_string()).collect();
            let open = OpenVolume::new(v.volume, &v.documents, k.file.clone(), errors)
                .ending_early(&v.errors);
            Ok(Reopened::Volume(Box::new(open), v.documents))
        }
        Parsed::Volume(_) => Err("its file holds no document".to_string()),
        Parsed::Text(d) => Ok(Reopened::Text(Box::new(d))),
    });
    // Read again in the page, it is indexed when a query first needs it.
    if !still_kept(lib, &k.id) {
        return;
    }
    let reopened = match reopened {
        Ok(mut r) => {
            match &mut r {
                Reopened::Volume(_, docs) => crate::register::flag_all(docs).await,
                Reopened::Text(d) => {
                    crate::register::flag_all(std::slice::from_mut(&mut **d)).await
                }
            }
            r
        }
        Err(again) => {
            let _ = db::delete(&k.id.as_str().into()).await;
            lib.shelf.update(|s| s.remove(&k.id));
            return note(
                lib,
                format!("The stored copy of {title} could not be read ({why}), nor its file ({again}): it was removed from this browser. Open {} again to keep it.", k.file),
            );
        }
    };
    add(lib, (reopened, None));
    let Some(record) = lib.encode(&k.id) else {
        // Its file reads as something else now (another id): kept no more.
        let _ = db::delete(&k.id.as_str().into()).await;
        lib.shelf.update(|s| s.remove(&k.id));
        return note(
            lib,
            format!("The stored copy of {title} could not be read ({why}), and its file {} no longer reads as {}: it was removed from this browser.", k.file, k.id),
        );
    };
    let mut fresh = k.clone();
    fresh.record_bytes = record.len() as f64;
    let rewritten = db::put(&fresh, &record, None).await;
    lib.shelf
        .update(|s| s.set(fresh, Keeping::Kept { open: true }));
    note(
        lib,
        match rewritten {
            Ok(()) => format!("The stored copy of {title} could not be read ({why}); it was read again from its file {}.", k.file),
            Err(e) => format!("The stored copy of {title} could not be read ({why}); it was read again from its file {}, but could not be stored again ({e}).", k.file),
        },
    );
}

/// Puts away kept entry `id` (or any open volume or document) and removes it from the
/// store, for every tab.
pub fn forget(lib: Library, id: &str) {
    put_away(lib, id);
    let kept = lib.shelf.with_untracked(|s| s.item(id).is_some());
    lib.shelf.update(|s| s.remove(id));
    if !kept {
        return;
    }
    let id = id.to_string();
    spawn_local(async move {
        match db::delete(&JsValue::from_str(&id)).await {
            Ok(()) => tabs::announce(Change::Removed(id)),
            Err(e) => note(lib, format!("{id} could not be removed from this browser's store ({e}); it will open again on the next visit.")),
        }
        refresh_estimate(lib).await;
    });
}

fn put_away(lib: Library, id: &str) {
    if lib.volume_untracked(id).is_some() {
        lib.put_away_volume(id);
    } else {
        lib.put_away_document(id);
    }
}

/// Puts away every entry the store keeps (and those being written, when this tab
/// empties it), and forgets them.
fn put_away_kept(lib: Library, writing_too: bool) {
    let ids: Vec<String> = lib.shelf.with_untracked(|s| {
        s.items
            .iter()
            .filter(|i| match i.state {
                Keeping::Kept { .. } => true,
                Keeping::Writing => writing_too,
                Keeping::NotKept(_) => false,
            })
            .map(|i| i.kept.id.clone())
            .collect()
    });
    for id in &ids {
        put_away(lib, id);
    }
    lib.shelf
        .update(|s| s.items.retain(|i| !ids.contains(&i.kept.id)));
}

/// Puts away everything kept and empties the store.
pub fn forget_all(lib: Library) {
    put_away_kept(lib, true);
    spawn_local(async move {
        match db::clear().await {
            Ok(()) => tabs::announce(Change::Cleared),
            Err(e) => note(
                lib,
                format!("This browser's store could not be emptied ({e})."),
            ),
        }
        refresh_estimate(lib).await;
    });
}

/// Another tab changed the store: read what changed.
async fn heard(lib: Library, change: Change) {
    match change {
        Change::Kept(id) => {
            if let Ok(Some(k)) = db::entry(&id).await {
                // The same keeping as this tab's own (both opened the same file): nothing
                // to read again, and the page being read is not rebuilt.
                let same = lib.shelf.with_untracked(|s| {
                    s.item(&id).is_some_and(|i| {
                        i.kept.added == k.added && i.state == (Keeping::Kept { open: true })
                    })
                });
                if same {
                    return;
                }
                lib.shelf
                    .update(|s| s.set(k.clone(), Keeping::Kept { open: false }));
                // Whatever this tab has open under that id, the store's copy is newer.
                let record = db::record(&id).await.ok().flatten();
                match record.map(|b| pack::decode(&b).map(reopen_record)) {
                    _ if !still_kept(lib, &id) => {}
                    Some(Ok(Some(r))) => {
                        add(lib, r);
                        lib.shelf
                            .update(|s| s.set_state(&id, Keeping::Kept { open: true }));
                    }
                    _ => reopen(lib, &k, None).await,
                }
            }
        }
        Change::Removed(id) => {
            put_away(lib, &id);
            lib.shelf.update(|s| s.remove(&id));
        }
        Change::Cleared => put_away_kept(lib, false),
    }
    refresh_estimate(lib).await;
}
