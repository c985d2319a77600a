//! The app's one way to ask its own site for a file (the register, the collection's
//! manifest and packs): a fetch whose failure reads as a sentence naming the address.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// "URL: what the browser said".
pub fn js_err(url: &str, e: JsValue) -> String {
    let msg = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    format!("{url}: {msg}")
}

/// The response to a GET of `url` (any status: the caller reads it).
pub async fn get(url: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| js_err(url, e))?;
    resp.dyn_into().map_err(|_| format!("{url}: no response"))
}
