//! The benchmark page's wasm (bench/index.html, built next to the app, not part of its
//! bundle): our TEI parser as the app runs it, exported to the page's script, which times
//! it against the browser's own DOMParser on the same string. `node scripts/bench-browser.mjs`

use letterbook_core::tei::{self, VolumeParser};
use wasm_bindgen::prelude::*;

/// Parses a whole volume from a JS string to the document model; returns the number of
/// documents. The string is copied to UTF-8 first, which is part of the measured time.
#[wasm_bindgen]
pub fn parse_tei_string(name: &str, text: String) -> Result<u32, JsValue> {
    let v =
        tei::parse_volume(name, text.as_bytes()).map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(v.documents.len() as u32)
}

/// The same from bytes, as the app gets them from a file.
#[wasm_bindgen]
pub fn parse_tei_bytes(name: &str, bytes: &[u8]) -> Result<u32, JsValue> {
    let v = tei::parse_volume(name, bytes).map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(v.documents.len() as u32)
}

/// The longest time one `next_document` step takes (ms): what a slice of the app's
/// incremental parse can block the page for.
#[wasm_bindgen]
pub fn longest_step_ms(name: &str, bytes: &[u8]) -> Result<f64, JsValue> {
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsValue::from_str("no performance clock"))?;
    let text = tei::decode(name, bytes).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let mut p = VolumeParser::new(name, text).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let mut longest: f64 = 0.0;
    loop {
        let t = perf.now();
        let more = p.next_document().is_some();
        longest = longest.max(perf.now() - t);
        if !more {
            break;
        }
    }
    Ok(longest)
}

/// A volume's record as the browser's store keeps it (parsed, then MessagePack + LZ4), to
/// time its decoding.
#[wasm_bindgen]
pub fn store_record(name: &str, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let v = tei::parse_volume(name, bytes).map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(letterbook_core::pack::encode(
        &letterbook_core::pack::Record {
            volume: Some(v.volume),
            documents: v.documents,
            file: name.to_string(),
            ..Default::default()
        },
    ))
}

/// Decodes a record or a pack file (LZ4 or zstd) to the model and opens it as the app
/// does (the volume's indexes built); returns the number of documents.
#[wasm_bindgen]
pub fn open_record(bytes: &[u8]) -> Result<u32, JsValue> {
    use letterbook_core::pack::Reopened;
    let r = letterbook_core::pack::decode(bytes).map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(match r.reopen() {
        Some(Reopened::Volume(_, docs)) => docs.len() as u32,
        Some(Reopened::Text(_)) => 1,
        None => 0,
    })
}

fn main() {}
