//! A collection served beside the app: `collection.json` at the site's root (written by
//! `letterbook pack`) lists it at once; a volume's pack is fetched only when one of its
//! pages is opened, checked against the manifest's size and SHA-256, opened, and kept in
//! the browser's store. Only a page marked by `letterbook pack` (`SITE_MARK`) asks. No
//! manifest (a 404, or the app's own page served in its place) means no site collection,
//! silently; a manifest that cannot be used says why.

use leptos::prelude::*;
use leptos::task::spawn_local;
use letterbook_core::pack::{
    self, manifest::sha256_hex, Manifest, PackFile, PackedVolume, Reopened,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::arc_eq::ArcEq;
use crate::net::{get, js_err};
use crate::shelf::{Fetch, Site, SiteCollection, SiteVolume};
use crate::state::{Built, Library, Model, Summary};
use crate::storage::{self, KeepJob, Kind};

const MANIFEST: &str = "/collection.json";

/// Looks for the site's collection once, at the start of a visit.
pub fn discover(lib: Library, on_kiosk: impl Fn(letterbook_core::kiosk::KioskConfig) + 'static) {
    lib.site.set(Site::Asking);
    spawn_local(async move {
        match manifest().await {
            Ok(None) => lib.site.set(Site::None),
            Ok(Some(m)) => {
                let summary = m.summary.clone();
                let kiosk = m.kiosk.clone();
                lib.site.set(Site::Ready(SiteCollection {
                    title: m.title,
                    documents: m.documents,
                    search: m.search,
                    summary: summary.clone(),
                    volumes: m
                        .volumes
                        .into_iter()
                        .map(|entry| SiteVolume {
                            entry,
                            fetch: Fetch::Available,
                        })
                        .collect(),
                }));
                if let Some(config) = kiosk {
                    // The featured letters' volumes are fetched for the attract screen.
                    for id in &config.featured {
                        if let Some(vol) = letterbook_core::doc_id::DocId::parse(id)
                            .and_then(|d| d.volume().map(str::to_string))
                        {
                            open(lib, &vol);
                        }
                    }
                    on_kiosk(config);
                }
                lib.summary.set(Summary::Loading);
                // Reading a series' summary holds the page for a moment: the list is
                // painted first.
                after_paint().await;
                let read = fetch_summary(&summary).await;
                lib.summary.set(match read {
                    Ok(model) => Summary::Ready(model),
                    Err(why) => {
                        leptos::logging::warn!("{why}");
                        Summary::Failed(why)
                    }
                });
            }
            Err(why) => lib.site.set(Site::Failed(why)),
        }
    });
}

/// Resolves once the browser has painted what was rendered before: after the next frame,
/// or a tenth of a second in a hidden tab, which paints no frame.
async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let done = std::rc::Rc::new(std::cell::Cell::new(false));
        let once = move || {
            if !done.replace(true) {
                let _ = resolve.call0(&JsValue::NULL);
            }
        };
        let by_timer = once.clone();
        request_animation_frame(move || set_timeout(once, std::time::Duration::ZERO));
        set_timeout(by_timer, std::time::Duration::from_millis(100));
    });
    let _ = JsFuture::from(promise).await;
}

/// The collection's summary, fetched, checked against the manifest and read: the
/// timeline's model of the whole collection.
async fn fetch_summary(file: &PackFile) -> Result<Model, String> {
    let url = format!("/{}", file.path);
    let resp = get(&url).await?;
    if !resp.ok() {
        return Err(format!(
            "{url}: HTTP {} (the site lists the collection's summary and does not serve it)",
            resp.status()
        ));
    }
    let bytes = read_body(&resp, &url, file.bytes, |_| {}).await?;
    if bytes.len() as u64 != file.bytes || sha256_hex(&bytes) != file.sha256 {
        return Err(format!(
            "{url} does not match collection.json: the site is being updated, or the file is damaged"
        ));
    }
    let corr = pack::decode_summary(&bytes).map_err(|e| format!("{url}: {e}"))?;
    Ok(ArcEq::new(Built::new(corr)))
}

/// The mark `letterbook pack` leaves in the page of a site it wrote: without it there is
/// no collection to ask for, and a plain build of the app asks for nothing (a request
/// that can only fail is an error in the browser's console).
pub const SITE_MARK: &str = "meta[name=\"letterbook-collection\"]";

fn marked_as_site() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(SITE_MARK).ok().flatten())
        .is_some()
}

async fn manifest() -> Result<Option<Manifest>, String> {
    if !marked_as_site() {
        return Ok(None);
    }
    // Offline, or a host that refuses: no collection to show (the app works without).
    let resp = match get(MANIFEST).await {
        Ok(r) => r,
        Err(why) => {
            leptos::logging::warn!("no site collection: {why}");
            return Ok(None);
        }
    };
    // Static hosts say "no such file" as 404, or as 403 (object stores).
    if matches!(resp.status(), 403 | 404) {
        return Ok(None);
    }
    if !resp.ok() {
        return Err(format!("{MANIFEST}: HTTP {}", resp.status()));
    }
    // A host that answers every address with the app's page has no collection.
    let kind = resp
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if kind.contains("html") {
        return Ok(None);
    }
    let bytes = read_body(&resp, MANIFEST, 0, |_| {}).await?;
    Manifest::parse(&bytes).map(Some).map_err(|e| e.to_string())
}

/// A response's body, read in chunks so that `progress` (0.0 … 1.0 of `expected`
/// bytes) can be shown; more than `expected` (when not 0) is an error.
pub(crate) async fn read_body(
    resp: &web_sys::Response,
    url: &str,
    expected: u64,
    progress: impl Fn(f64),
) -> Result<Vec<u8>, String> {
    let call = |target: &JsValue, method: &str| -> Result<JsValue, String> {
        let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())
            .map_err(|e| js_err(url, e))?
            .dyn_into()
            .map_err(|_| format!("{url}: the browser cannot read this response"))?;
        f.call0(target).map_err(|e| js_err(url, e))
    };
    let stream = js_sys::Reflect::get(resp, &"body".into()).map_err(|e| js_err(url, e))?;
    if stream.is_null() || stream.is_undefined() {
        return Ok(Vec::new());
    }
    let reader = call(&stream, "getReader")?;
    // What the manifest says is only a hint: never reserved beyond a volume's size.
    let mut out = Vec::with_capacity(expected.min(64 << 20) as usize);
    let mut shown = -1i32;
    loop {
        let promise: js_sys::Promise = call(&reader, "read")?
            .dyn_into()
            .map_err(|_| format!("{url}: the browser cannot read this response"))?;
        let chunk = JsFuture::from(promise).await.map_err(|e| js_err(url, e))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(v) = js_sys::Reflect::get(&chunk, &"value".into()) {
            if let Ok(bytes) = v.dyn_into::<js_sys::Uint8Array>() {
                out.extend_from_slice(&bytes.to_vec());
            }
        }
        if expected > 0 {
            if out.len() as u64 > expected {
                let _ = call(&reader, "cancel");
                return Err(format!(
                    "{url} is larger than collection.json says ({expected} bytes)"
                ));
            }
            // Whole percents: the page is told at most a hundred times.
            let p = out.len() as f64 / expected as f64;
            if (p * 100.0) as i32 > shown {
                shown = (p * 100.0) as i32;
                progress(p);
            }
        }
    }
    Ok(out)
}

/// Fetches, checks and opens the pack of site volume `id` (once in a visit; again after
/// a failure), then keeps it in the store.
pub fn open(lib: Library, id: &str) {
    let Some(v) = lib.site.with_untracked(|s| s.volume(id).cloned()) else {
        return;
    };
    // Under way, or open: nothing to fetch. Fetched and put away since: fetched again.
    let open = lib
        .volume_untracked(id)
        .is_some_and(|o| !lib.is_built_in(&o.volume.id))
        || lib.get_untracked(id).is_some();
    if matches!(v.fetch, Fetch::Downloading(_)) || (v.fetch == Fetch::Done && open) {
        return;
    }
    let set = move |id: &str, f: Fetch| lib.site.update(|s| s.set_fetch(id, f));
    set(id, Fetch::Downloading(0.0));
    let entry = v.entry;
    spawn_local(async move {
        let id = entry.id.clone();
        match fetch_pack(&entry, |p| set(&id, Fetch::Downloading(p))).await {
            Ok((reopened, record)) => {
                match reopened {
                    Reopened::Volume(open, docs) => lib.add_volume(*open, docs),
                    Reopened::Text(doc) => lib.add(*doc),
                }
                set(&id, Fetch::Done);
                storage::keep(
                    lib,
                    KeepJob {
                        id: entry.id.clone(),
                        kind: if entry.kind == "text" {
                            Kind::Text
                        } else {
                            Kind::Volume
                        },
                        title: entry.title.clone(),
                        documents: entry.documents as u32,
                        file: entry.source.clone(),
                        source: Vec::new(),
                        record: Some(record),
                    },
                );
            }
            Err(why) => set(&id, Fetch::Failed(why)),
        }
    });
}

async fn fetch_pack(
    entry: &PackedVolume,
    progress: impl Fn(f64),
) -> Result<(Reopened, Vec<u8>), String> {
    let url = format!("/{}", entry.pack.path);
    let resp = get(&url).await?;
    if !resp.ok() {
        return Err(format!(
            "{url}: HTTP {} (the site lists this pack and does not serve it)",
            resp.status()
        ));
    }
    let bytes = read_body(&resp, &url, entry.pack.bytes, progress).await?;
    if bytes.len() as u64 != entry.pack.bytes || sha256_hex(&bytes) != entry.pack.sha256 {
        return Err(format!(
            "{url} does not match collection.json ({} bytes where it lists {}, or another hash): the site is being updated, or the file is damaged",
            bytes.len(),
            entry.pack.bytes
        ));
    }
    let record = pack::decode(&bytes).map_err(|e| format!("{url}: {e}"))?;
    let reopened = record
        .reopen()
        .ok_or_else(|| format!("{url}: the pack holds no document"))?;
    Ok((reopened, bytes))
}
