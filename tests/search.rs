//! In-browser tests of search (wasm-bindgen-test in headless Chromium): the page over
//! the built-in sample, its counts, snippets and facets; a result opened at its hits; the
//! field's suggestions.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use gloo_timers::future::sleep;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{doc, el, mount_app_at, press_on, push_path, settle, text, wait_for};

fn texts(selector: &str) -> Vec<String> {
    let list = doc().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// Waits until the search page has its answer.
async fn answered() -> String {
    for _ in 0..250 {
        let t = text("#search-count");
        if t.contains(" for “") || t.contains("documents,") {
            return t;
        }
        sleep(Duration::from_millis(20)).await;
    }
    panic!("no answer: {}", text("#search-count"));
}

#[wasm_bindgen_test]
async fn counts_snippets_and_facets_follow_the_query() {
    let _app = mount_app_at("/search?q=restraint").await;
    assert_eq!(answered().await, "2 documents for “restraint”, best first");
    settle().await;
    assert_eq!(doc().query_selector_all(".results li").unwrap().length(), 2);
    assert_eq!(
        texts(".results li:first-child .result-lines mark"),
        ["restraint", "restraint"]
    );
    // Facets count the result set: two kinds, one document each.
    let kinds = texts(".facet:nth-of-type(2) .facet-value");
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    // A facet chosen narrows it.
    push_path("/search?q=restraint&kind=telegram");
    wait_for(".facet-value.chosen").await;
    assert_eq!(answered().await, "1 document for “restraint”, best first");
    // Nothing asked: how to ask, no count.
    push_path("/search");
    wait_for(".search-help").await;
    assert_eq!(text("#search-count"), "");
}

#[wasm_bindgen_test]
async fn a_result_opens_with_its_hits_and_n_goes_to_the_next() {
    let _app = mount_app_at("/read/frus1981-88v03-d74?q=restraint").await;
    wait_for(".hit-bar").await;
    assert_eq!(
        doc().query_selector_all("mark.hit[id]").unwrap().length(),
        5
    );
    press_on(None, "n");
    settle().await;
    assert_eq!(text(".hit-status"), "Hit 1 of 5");
    press_on(None, "n");
    settle().await;
    assert_eq!(text(".hit-status"), "Hit 2 of 5");
    assert_eq!(el("mark.hit-current").unwrap().id(), "hit-1");
}

#[wasm_bindgen_test]
async fn the_field_suggests_words_of_the_index() {
    let _app = mount_app_at("/").await;
    let input: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(wait_for("#search-input").await);
    input.set_value("Gromy");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    for _ in 0..150 {
        if el("#search-suggestions [role=option]").is_some() {
            break;
        }
        sleep(Duration::from_millis(20)).await;
    }
    let options = texts("#search-suggestions [role=option] .suggestion-text");
    assert!(options.iter().any(|o| o == "gromyko"), "{options:?}");
    // The correspondent too.
    assert!(options.iter().any(|o| o == "Gromyko"), "{options:?}");
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}
