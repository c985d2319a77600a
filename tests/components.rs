//! In-browser tests of the reader's components (wasm-bindgen-test in headless Chromium):
//! `cargo test --target wasm32-unknown-unknown -p letterbook-app` with the runner set up
//! by `scripts/test.sh`.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use gloo_timers::future::sleep;
use leptos::prelude::*;
use letterbook_app::state::{Followed, Library, SAMPLE_FILE, SAMPLE_TEXT};
use letterbook_app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn el(selector: &str) -> Option<web_sys::HtmlElement> {
    doc()
        .query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn text(selector: &str) -> String {
    el(selector)
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn active_id() -> String {
    doc().active_element().map(|e| e.id()).unwrap_or_default()
}

/// Lets Leptos update the DOM and the animation frames that place the popover run.
async fn settle() {
    leptos::task::tick().await;
    sleep(Duration::from_millis(60)).await;
    leptos::task::tick().await;
}

fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
}

/// Mounts the whole app at `/` into a fresh container; dropping the handle unmounts it.
async fn mount_app() -> impl Drop {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
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

#[wasm_bindgen_test]
async fn opens_on_the_sample_with_its_particulars() {
    let _app = mount_app().await;
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    assert_eq!(path, "/read/frus1981-88v03-d74");
    assert_eq!(
        text("#doc-title"),
        "Letter From Soviet Foreign Minister Gromyko to Secretary of State Haig1"
    );
    assert_eq!(text(".doc-number"), "Document 74");
    assert_eq!(text(".doc-kind"), "Letter");
    assert_eq!(text(".doc-from"), "Gromyko (Soviet Foreign Minister)");
    assert_eq!(text(".doc-to"), "Haig (Secretary of State)");
    assert_eq!(text(".doc-date"), "July 21, 1981, from the source note");
    assert_eq!(text(".salutation"), "Dear Mr. Secretary,");
    assert_eq!(text(".signature"), "A. Gromyko3");
    assert_eq!(doc().query_selector_all(".fn-marker").unwrap().length(), 3);
}

#[wasm_bindgen_test]
async fn a_marker_opens_its_note_and_escape_returns_focus() {
    let _app = mount_app().await;
    let marker = el("#fnref2").expect("marker 2");
    assert_eq!(
        marker.get_attribute("aria-label").as_deref(),
        Some("Footnote 2")
    );
    assert_eq!(
        marker.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    marker.click();
    settle().await;
    assert_eq!(text("#fn-popover .fn-popover-text"), "See Document 73.");
    assert_eq!(
        text("#fn-popover .ref-status"),
        "Document 73 is not in this collection."
    );
    assert_eq!(
        el("#fnref2")
            .unwrap()
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(active_id(), "fn-popover", "focus moves into the note");
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#fn2"
    );
    // The missing document is shown, never linked.
    assert!(el("#fn-popover a.ref").is_none());
    assert!(el("#fn-popover .ref.missing").is_some());

    press("Escape");
    settle().await;
    assert!(el("#fn-popover").is_none());
    assert_eq!(active_id(), "fnref2");
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "");
}

#[wasm_bindgen_test]
async fn only_one_note_is_open_at_a_time() {
    let _app = mount_app().await;
    el("#fnref1").unwrap().click();
    settle().await;
    assert!(text("#fn-popover").contains("Source: Department of State"));
    el("#fnref3").unwrap().click();
    settle().await;
    assert_eq!(doc().query_selector_all("#fn-popover").unwrap().length(), 1);
    assert_eq!(
        text("#fn-popover .fn-popover-text"),
        "Printed from a copy bearing this typed signature."
    );
    // A second click on the same marker closes it.
    el("#fnref3").unwrap().click();
    settle().await;
    assert!(el("#fn-popover").is_none());
    assert_eq!(active_id(), "fnref3");
}

#[wasm_bindgen_test]
async fn the_close_button_closes_and_returns_focus() {
    let _app = mount_app().await;
    el("#fnref1").unwrap().click();
    settle().await;
    el("#fn-popover .fn-close").unwrap().click();
    settle().await;
    assert!(el("#fn-popover").is_none());
    assert_eq!(active_id(), "fnref1");
}

#[wasm_bindgen_test]
async fn page_breaks_and_the_note_list() {
    let _app = mount_app().await;
    let pb = el("#pg_222").expect("page 222 anchor");
    assert_eq!(pb.text_content().unwrap(), "[Page 222]");
    assert_eq!(pb.get_attribute("href").as_deref(), Some("#pg_222"));
    assert!(el("#pg_223").is_some());
    let notes = doc().query_selector_all(".note-list > li").unwrap();
    assert_eq!(notes.length(), 3);
    assert_eq!(
        el("#note-2 .fn-back")
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("#fnref2")
    );
    assert!(text("#note-2").contains("(Document 73 is not in this collection.)"));
}

#[wasm_bindgen_test]
async fn references_link_when_the_document_is_in_the_collection() {
    let owner = Owner::new();
    owner.set();
    let lib = Library::with_sample();
    let seed = letterbook_core::parse_text(SAMPLE_FILE, SAMPLE_TEXT.as_bytes()).unwrap();
    assert_eq!(lib.follow(&seed, "d73"), Followed::Missing);
    assert_eq!(
        lib.follow(&seed, "pg_222"),
        Followed::Internal("#pg_222".into())
    );
    assert_eq!(
        lib.follow(&seed, "https://history.state.gov/"),
        Followed::External("https://history.state.gov/".into())
    );
    assert_eq!(lib.follow(&seed, "javascript:alert(1)"), Followed::Missing);
    let d73 = letterbook_core::parse_text(
        "frus1981-88v03-d73.txt",
        b"73. Telegram From the Department of State to the Embassy in the Soviet Union\n\n[Page 220]\n\nText.",
    )
    .unwrap();
    lib.add(d73);
    assert_eq!(
        lib.follow(&seed, "d73"),
        Followed::Internal("/read/frus1981-88v03-d73".into())
    );
    assert_eq!(
        lib.follow(&seed, "pg_220"),
        Followed::Internal("/read/frus1981-88v03-d73#pg_220".into())
    );
}
