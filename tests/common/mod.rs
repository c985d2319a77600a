//! Helpers shared by the in-browser tests (tests/components.rs, tests/timeline.rs).

#![allow(dead_code)]

use std::time::Duration;

use gloo_timers::future::sleep;
use wasm_bindgen::JsCast;

pub fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn el(selector: &str) -> Option<web_sys::HtmlElement> {
    doc()
        .query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

/// Waits (up to three seconds) for an element to appear.
pub async fn wait_for(selector: &str) -> web_sys::HtmlElement {
    for _ in 0..150 {
        if let Some(e) = el(selector) {
            return e;
        }
        sleep(Duration::from_millis(20)).await;
    }
    panic!("{selector} never appeared");
}
