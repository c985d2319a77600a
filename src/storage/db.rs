//! The IndexedDB database, through rexie (futures over IndexedDB's requests, its
//! transactions kept to one await chain each: nothing else is awaited inside one, or it
//! commits early).
//!
//! Three object stores, keyed by the entry's id: `entries` (what the library lists, small,
//! read whole at the start of a visit), `records` (the encoded model, read when the entry
//! is opened again) and `sources` (the file's bytes, read only when its record cannot be).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};

use super::{Kept, Kind};

const NAME: &str = "letterbook";
const VERSION: u32 = 1;
const ENTRIES: &str = "entries";
const RECORDS: &str = "records";
const SOURCES: &str = "sources";
const ALL: [&str; 3] = [ENTRIES, RECORDS, SOURCES];

thread_local! {
    static DB: RefCell<Option<Rc<Rexie>>> = const { RefCell::new(None) };
}

/// rexie's own message for an IndexedDB error is only "idb error": say the browser's.
pub fn describe(e: rexie::Error) -> String {
    match e {
        rexie::Error::IdbError(inner) => inner.to_string(),
        other => other.to_string(),
    }
}

/// The database, opened once per visit.
pub async fn db() -> Result<Rc<Rexie>, String> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let has_idb = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"indexedDB".into()).ok())
        .is_some_and(|v| !v.is_undefined() && !v.is_null());
    if !has_idb {
        return Err("this browser offers no IndexedDB here".into());
    }
    let built = ALL
        .iter()
        .fold(Rexie::builder(NAME).version(VERSION), |b, s| {
            b.add_object_store(ObjectStore::new(s))
        })
        .build()
        .await
        .map_err(describe)?;
    let db = Rc::new(built);
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn set(o: &js_sys::Object, k: &str, v: JsValue) {
    let _ = Reflect::set(o, &k.into(), &v);
}

fn to_js(k: &Kept) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "id", k.id.as_str().into());
    set(
        &o,
        "kind",
        match k.kind {
            Kind::Volume => "volume",
            Kind::Text => "text",
        }
        .into(),
    );
    set(&o, "title", k.title.as_str().into());
    set(&o, "documents", k.documents.into());
    set(&o, "file", k.file.as_str().into());
    set(&o, "sourceBytes", k.source_bytes.into());
    set(&o, "recordBytes", k.record_bytes.into());
    set(&o, "added", k.added.into());
    o.into()
}

fn from_js(v: &JsValue) -> Option<Kept> {
    let s = |k: &str| Reflect::get(v, &k.into()).ok()?.as_string();
    let n = |k: &str| Reflect::get(v, &k.into()).ok()?.as_f64();
    Some(Kept {
        id: s("id")?,
        kind: match s("kind")?.as_str() {
            "volume" => Kind::Volume,
            "text" => Kind::Text,
            _ => return None,
        },
        title: s("title")?,
        documents: n("documents")? as u32,
        file: s("file")?,
        source_bytes: n("sourceBytes")?,
        record_bytes: n("recordBytes")?,
        added: n("added")?,
    })
}

fn bytes_of(v: JsValue) -> Option<Vec<u8>> {
    v.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec())
}

/// A read-only transaction on one store (kept with it until the reads are done).
async fn reading(name: &str) -> Result<(rexie::Transaction, rexie::Store), String> {
    let db = db().await?;
    let tx = db
        .transaction(&[name], TransactionMode::ReadOnly)
        .map_err(describe)?;
    let store = tx.store(name).map_err(describe)?;
    Ok((tx, store))
}

/// Every entry, in key order; an entry that is not one of ours comes back as its key
/// (to be removed).
pub async fn list() -> Result<Vec<Result<Kept, JsValue>>, String> {
    let (_tx, store) = reading(ENTRIES).await?;
    let pairs = store.scan(None, None, None, None).await.map_err(describe)?;
    Ok(pairs
        .into_iter()
        .map(|(key, value)| from_js(&value).ok_or(key))
        .collect())
}

/// One entry, if it is there and ours.
pub async fn entry(id: &str) -> Result<Option<Kept>, String> {
    let (_tx, store) = reading(ENTRIES).await?;
    let v = store.get(id.into()).await.map_err(describe)?;
    Ok(v.as_ref().and_then(from_js))
}

async fn bytes(store_name: &str, id: &str) -> Result<Option<Vec<u8>>, String> {
    let (_tx, store) = reading(store_name).await?;
    let v = store.get(id.into()).await.map_err(describe)?;
    // Anything that is not bytes reads as no bytes: the caller falls back to the source.
    Ok(v.map(|v| bytes_of(v).unwrap_or_default()))
}

/// The encoded model of entry `id`.
pub async fn record(id: &str) -> Result<Option<Vec<u8>>, String> {
    bytes(RECORDS, id).await
}

/// The source bytes of entry `id`.
pub async fn source(id: &str) -> Result<Option<Vec<u8>>, String> {
    bytes(SOURCES, id).await
}

/// Writes an entry with its record and source in one transaction: all three or none.
/// `source` is `None` to leave the stored one (a record written again from it).
pub async fn put(kept: &Kept, record: &[u8], source: Option<&[u8]>) -> Result<(), String> {
    let db = db().await?;
    let tx = db
        .transaction(&ALL, TransactionMode::ReadWrite)
        .map_err(describe)?;
    let key: JsValue = kept.id.as_str().into();
    let put = |name: &str, value: JsValue| {
        let store = tx.store(name);
        let key = key.clone();
        async move {
            store
                .map_err(describe)?
                .put(&value, Some(&key))
                .await
                .map_err(describe)
        }
    };
    let written = async {
        put(RECORDS, Uint8Array::from(record).into()).await?;
        if let Some(source) = source {
            put(SOURCES, Uint8Array::from(source).into()).await?;
        }
        put(ENTRIES, to_js(kept)).await
    }
    .await;
    match written {
        Ok(_) => finish(tx).await,
        // Undone whole: a record without its entry would be listed by no one.
        Err(why) => {
            let _ = tx.abort().await;
            Err(why)
        }
    }
}

async fn finish(tx: rexie::Transaction) -> Result<(), String> {
    match tx.done().await.map_err(describe)? {
        rexie::TransactionResult::Committed => Ok(()),
        rexie::TransactionResult::Aborted => {
            Err("the browser aborted the write, as it does when this site has no more room".into())
        }
    }
}

/// Removes entry `key` (an id, or the key of an entry that is not ours).
pub async fn delete(key: &JsValue) -> Result<(), String> {
    in_every_store(|store| async move { store.delete(key.clone()).await }).await
}

/// Removes every entry.
pub async fn clear() -> Result<(), String> {
    in_every_store(|store| async move { store.clear().await }).await
}

/// Does `op` to each of the three stores, in one transaction: all or none.
async fn in_every_store<F, Fut>(op: F) -> Result<(), String>
where
    F: Fn(rexie::Store) -> Fut,
    Fut: std::future::Future<Output = rexie::Result<()>>,
{
    let db = db().await?;
    let tx = db
        .transaction(&ALL, TransactionMode::ReadWrite)
        .map_err(describe)?;
    for name in ALL {
        let store = tx.store(name).map_err(describe)?;
        op(store).await.map_err(describe)?;
    }
    finish(tx).await
}

/// Whether a write failed for want of room.
pub fn is_quota(why: &str) -> bool {
    why.contains("QuotaExceeded") || why.contains("quota") || why.contains("no more room")
}
