//! The browser's word on room: `navigator.storage.estimate()` and `persist()`. Both are
//! missing in some browsers and contexts: `None` then, and nothing depends on them.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn storage() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    let s = Reflect::get(&nav, &"storage".into()).ok()?;
    (!s.is_undefined() && !s.is_null()).then_some(s)
}

async fn call(method: &str) -> Option<JsValue> {
    let s = storage()?;
    let f: js_sys::Function = Reflect::get(&s, &method.into()).ok()?.dyn_into().ok()?;
    let p: Promise = f.call0(&s).ok()?.dyn_into().ok()?;
    JsFuture::from(p).await.ok()
}

/// Bytes this origin uses, and its quota.
pub async fn estimate() -> Option<(f64, f64)> {
    let e = call("estimate").await?;
    let n = |k: &str| Reflect::get(&e, &k.into()).ok()?.as_f64();
    Some((n("usage")?, n("quota")?))
}

/// Asks that this origin's data be kept until the reader removes it; the answer.
pub async fn persist() -> Option<bool> {
    call("persist").await?.as_bool()
}

/// Whether it already is.
pub async fn persisted() -> Option<bool> {
    call("persisted").await?.as_bool()
}
