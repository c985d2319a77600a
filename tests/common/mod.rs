//! Helpers shared by the in-browser tests (tests/components.rs, tests/timeline.rs).

#![allow(dead_code)]

use std::time::Duration;

use gloo_timers::future::sleep;
use letterbook_app::App;
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

/// The text of the element `selector` names (empty when there is none).
pub fn text(selector: &str) -> String {
    el(selector)
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
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

/// Lets Leptos update the DOM and the animation frames that follow run.
pub async fn settle() {
    leptos::task::tick().await;
    sleep(Duration::from_millis(80)).await;
    leptos::task::tick().await;
}

/// A keydown of `key`, dispatched on the element `selector` names, or on the window.
pub fn press_on(selector: Option<&str>, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    match selector {
        Some(s) => el(s).unwrap().dispatch_event(&ev).unwrap(),
        None => web_sys::window().unwrap().dispatch_event(&ev).unwrap(),
    };
}

/// Mounts the whole app at `path` into a fresh container; dropping the handle unmounts it.
pub async fn mount_app_at(path: &str) -> impl Drop {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    if let Some(old) = doc().get_element_by_id("app-under-test") {
        old.remove();
    }
    let root: web_sys::HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    root.set_id("app-under-test");
    doc().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root, App);
    settle().await;
    handle
}

/// Chooses a file in the library's file input, as the picker would.
pub fn choose_file(name: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let dt = web_sys::DataTransfer::new().unwrap();
    dt.items().add_with_file(&file).unwrap();
    let input: web_sys::HtmlInputElement = el("#open-files-input").unwrap().unchecked_into();
    input.set_files(Some(&dt.files().unwrap()));
    let ev = web_sys::Event::new("change").unwrap();
    input.dispatch_event(&ev).unwrap();
}

/// Goes to an in-app address the way the router does on a link click (pushState +
/// popstate): earlier tests' routers share the window, so real clicks are left to the
/// end-to-end tests.
pub fn push_path(href: &str) {
    let win = web_sys::window().unwrap();
    win.history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        .unwrap();
    win.dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
}
