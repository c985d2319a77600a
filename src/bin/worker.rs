//! The file worker (Trunk `data-type="worker"`): a dropped or chosen file is parsed, its
//! documents held against the register of office-holders, indexed for search, and its
//! record (the index inside) encoded here, off the page's thread, so that the page answers
//! while twenty volumes are read. It uses the core and search only (no Leptos: a small
//! module).
//!
//! Messages, in: `{id, name, bytes: ArrayBuffer}` (transferred), one file at a time. Out:
//! `{type: "ready"}` once, before any work (a message sent before the module ran would be
//! lost); `{type: "progress", id, progress}`; `{type: "done", id, record, source}` with
//! both buffers transferred (the record the store keeps, the file's bytes back);
//! `{type: "failed", id, error}` with the message the reader sees. Cancelling is the
//! page's: it ends this worker and starts another.

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use letterbook_core::pack::{self, Record};
use letterbook_core::register::{table, tenure_check, Register};
use letterbook_core::tei::Step;
use letterbook_core::{check_size, Format};
use letterbook_search::SegmentBuilder;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// XML events between two looks at the clock.
const EVENTS_PER_STEP: usize = 5_000;
/// At most this often a progress message (ms).
const PROGRESS_MS: f64 = 50.0;
/// The share of a file's progress that is parsing; the rest is indexing.
const PARSING: f64 = 0.7;
/// Where the build puts the register (as the page fetches it).
const REGISTER: &str = "/register.tsv";

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let register = std::rc::Rc::new(std::cell::RefCell::new(None::<Option<Register>>));
    let me = scope.clone();
    let on = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let (scope, register) = (me.clone(), register.clone());
        wasm_bindgen_futures::spawn_local(async move {
            // Once per worker; without it (no file, offline) documents go unflagged.
            if register.borrow().is_none() {
                let got = fetch_register(&scope).await;
                *register.borrow_mut() = Some(got);
            }
            let reg = register.borrow();
            handle(&scope, &ev.data(), reg.as_ref().and_then(|r| r.as_ref()));
        });
    });
    scope.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    post(&scope, &[("type", "ready".into())], &[]);
}

fn post(scope: &DedicatedWorkerGlobalScope, fields: &[(&str, JsValue)], transfer: &[JsValue]) {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    let list: Array = transfer.iter().collect();
    let _ = scope.post_message_with_transfer(&o, &list);
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope
        .performance()
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

async fn fetch_register(scope: &DedicatedWorkerGlobalScope) -> Option<Register> {
    let got: Result<Register, String> = async {
        let resp: web_sys::Response = JsFuture::from(scope.fetch_with_str(REGISTER))
            .await
            .map_err(|e| format!("{e:?}"))?
            .unchecked_into();
        if !resp.ok() {
            return Err(format!("HTTP {}", resp.status()));
        }
        let buf = JsFuture::from(resp.array_buffer().map_err(|e| format!("{e:?}"))?)
            .await
            .map_err(|e| format!("{e:?}"))?;
        table::read_bytes(REGISTER, &Uint8Array::new(&buf).to_vec()).map_err(|e| e.to_string())
    }
    .await;
    got.map_err(|e| {
        web_sys::console::warn_1(
            &format!("the register of office-holders is not available: {e}").into(),
        )
    })
    .ok()
}

fn handle(scope: &DedicatedWorkerGlobalScope, data: &JsValue, register: Option<&Register>) {
    let field = |k: &str| Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let id = field("id");
    let name = field("name").as_string().unwrap_or_default();
    let Ok(source) = field("bytes").dyn_into::<ArrayBuffer>() else {
        return post(
            scope,
            &[
                ("type", "failed".into()),
                ("id", id),
                ("error", format!("{name}: no bytes were sent").into()),
            ],
            &[],
        );
    };
    let bytes = Uint8Array::new(&source).to_vec();
    let mut shown = now(scope);
    let progress = |p: f64| {
        let t = now(scope);
        if t - shown >= PROGRESS_MS {
            shown = t;
            post(
                scope,
                &[
                    ("type", "progress".into()),
                    ("id", id.clone()),
                    ("progress", p.into()),
                ],
                &[],
            );
        }
    };
    let mut progress = progress;
    let read = read(&name, &bytes, register, |p| progress(p * PARSING)).map(|mut record| {
        // Indexed a document at a time, the progress told as it goes.
        let mut index = SegmentBuilder::new();
        let n = record.documents.len().max(1) as f64;
        for (k, d) in record.documents.iter().enumerate() {
            index.add(d);
            progress(PARSING + (1.0 - PARSING) * (k + 1) as f64 / n);
        }
        record.index = Some(index.finish().to_bytes());
        record
    });
    match read {
        Ok(record) => {
            let encoded = pack::encode(&record);
            let out = Uint8Array::from(&encoded[..]).buffer();
            post(
                scope,
                &[
                    ("type", "done".into()),
                    ("id", id),
                    ("record", out.clone().into()),
                    ("source", source.clone().into()),
                ],
                &[out.into(), source.into()],
            );
        }
        Err(why) => post(
            scope,
            &[("type", "failed".into()), ("id", id), ("error", why.into())],
            &[],
        ),
    }
}

/// The file as a record: a volume with its documents, or a page text's document.
fn read(
    name: &str,
    bytes: &[u8],
    register: Option<&Register>,
    mut progress: impl FnMut(f64),
) -> Result<Record, String> {
    check_size(name, bytes.len() as u64).map_err(|e| e.to_string())?;
    let mut parser = letterbook_core::open(name, bytes).map_err(|e| e.to_string())?;
    let flag = |d: &mut letterbook_core::Document| {
        if let Some(r) = register {
            tenure_check::flag(d, r);
        }
    };
    if parser.format() == Format::PageText {
        let mut doc = parser
            .next_document()
            .ok_or_else(|| format!("{name}: no document in this file"))?;
        flag(&mut doc);
        return Ok(Record {
            documents: vec![doc],
            file: name.to_string(),
            ..Default::default()
        });
    }
    let total = parser.len().max(1) as f64;
    let mut docs = Vec::new();
    loop {
        match parser.step(EVENTS_PER_STEP) {
            Step::Document(d) => docs.push(*d),
            Step::Pending => {}
            Step::Done => break,
        }
        progress(parser.offset() as f64 / total);
    }
    let mut record = Record::of_volume(name, parser.finish(), docs)?;
    record.documents.iter_mut().for_each(flag);
    Ok(record)
}
