//! In-browser tests of the timeline (wasm-bindgen-test in headless Chromium): the axis at
//! each zoom level, counts that always add up to the documents, filters that combine.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use gloo_timers::future::sleep;
use letterbook_app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{doc, el, wait_for};

const MODERN: &str = include_str!("../../shared/corpus/tei-modern/frus1981-88v03-d72-d75.xml");

fn all(selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = doc().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

async fn settle() {
    leptos::task::tick().await;
    sleep(Duration::from_millis(80)).await;
    leptos::task::tick().await;
}

/// Mounts the app at "/", opens the modern excerpt through the file input, then goes to
/// `path` the way the router does on a link (pushState + popstate).
async fn app_with_excerpt(path: &str) -> impl Drop {
    let win = web_sys::window().unwrap();
    win.history()
        .unwrap()
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
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(MODERN));
    let file = web_sys::File::new_with_str_sequence(&parts, "frus1981-88v03-d72-d75.xml").unwrap();
    let dt = web_sys::DataTransfer::new().unwrap();
    dt.items().add_with_file(&file).unwrap();
    let input: web_sys::HtmlInputElement = wait_for("#open-files-input").await.unchecked_into();
    input.set_files(Some(&dt.files().unwrap()));
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    wait_for(".load.done").await;
    go(path).await;
    handle
}

async fn go(path: &str) {
    let win = web_sys::window().unwrap();
    win.history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    win.dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    wait_for("#tl-title").await;
    // The chart draws on the next animation frames.
    for _ in 0..100 {
        if el(".tl-tick").is_some() || el(".tl-list").is_some() {
            break;
        }
        sleep(Duration::from_millis(20)).await;
    }
    settle().await;
}

fn unit() -> String {
    el(".tl-axis")
        .unwrap()
        .get_attribute("data-unit")
        .unwrap_or_default()
}

fn ticks() -> Vec<String> {
    all(".tl-tick")
        .iter()
        .map(|t| t.text_content().unwrap_or_default())
        .collect()
}

fn press_on(selector: &str, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el(selector).unwrap().dispatch_event(&ev).unwrap();
}

/// The documents the marks stand for: one per single mark, the count of a count.
fn marked() -> u32 {
    all(".tl-mark")
        .iter()
        .map(|m| {
            if m.class_list().contains("many") {
                m.text_content().unwrap().parse::<u32>().unwrap()
            } else {
                1
            }
        })
        .sum()
}

fn count_text() -> String {
    el("#tl-count").unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
async fn axis_ticks_at_each_zoom_level() {
    let _app = app_with_excerpt("/timeline?at=1800-01-01T00:00~2000-01-01T00:00").await;
    assert_eq!(unit(), "decades", "{:?}", ticks());
    assert!(ticks().contains(&"1900".to_string()), "{:?}", ticks());
    go("/timeline?at=1981-01-01T00:00~1983-01-01T00:00").await;
    assert_eq!(unit(), "months");
    let t = ticks();
    assert!(
        t.contains(&"1982".to_string()) && t.contains(&"Jul".to_string()),
        "{t:?}"
    );
    go("/timeline?at=1981-07-01T00:00~1981-08-01T00:00").await;
    assert_eq!(unit(), "days");
    assert!(
        ticks()
            .iter()
            .all(|t| t.starts_with("Jul ") || t.starts_with("Aug ")),
        "{:?}",
        ticks()
    );
    go("/timeline?at=1981-07-20T00:00~1981-07-22T00:00").await;
    assert_eq!(unit(), "hours");
    assert!(
        ticks().contains(&"Jul 21, 1981".to_string()),
        "{:?}",
        ticks()
    );
    // "−" zooms out from there, step by step, back to days.
    for _ in 0..4 {
        press_on("#tl-frame", "-");
        settle().await;
    }
    assert_eq!(unit(), "days", "{:?}", ticks());
}

#[wasm_bindgen_test]
async fn aggregation_keeps_the_total_count() {
    // One lane (by volume): the three dated documents, at every zoom.
    let _app = app_with_excerpt("/timeline?lane=volume&at=1800-01-01T00:00~2000-01-01T00:00").await;
    let rows = all(".tl-row");
    assert_eq!(rows.len(), 1, "one volume, one lane");
    assert_eq!(all(".tl-mark").len(), 1, "far out, one count");
    assert_eq!(el(".tl-mark").unwrap().text_content().unwrap(), "3");
    assert_eq!(marked(), 3);
    let mut seen = vec![all(".tl-mark").len()];
    for _ in 0..14 {
        press_on("#tl-frame", "+");
        settle().await;
        // Nothing dropped, whether or not the documents are still in view.
        let in_view: u32 = el("#tl-frame")
            .unwrap()
            .get_attribute("data-in-view")
            .unwrap()
            .parse()
            .unwrap();
        assert!(marked() >= in_view, "{} < {in_view}", marked());
        seen.push(all(".tl-mark").len());
    }
    // Zooming in around July 1981, the count splits into its three documents.
    go("/timeline?lane=volume&at=1981-07-05T00:00~1981-07-25T00:00").await;
    assert_eq!(all(".tl-mark.one").len(), 3);
    assert_eq!(marked(), 3);
    assert!(seen.iter().all(|&n| n <= 3));
}

#[wasm_bindgen_test]
async fn filters_combine() {
    let _app = app_with_excerpt("/timeline").await;
    let total = count_text();
    let n = |t: &str| -> usize {
        t.trim_start_matches("Showing ")
            .split(' ')
            .next()
            .unwrap()
            .replace(',', "")
            .parse()
            .unwrap()
    };
    let of = total
        .split(" of ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(n(&total), of.parse::<usize>().unwrap(), "{total}");
    // Gromyko writes d74 and receives the letter d73 carries.
    go("/timeline?person=gromyko").await;
    assert_eq!(n(&count_text()), 2, "{}", count_text());
    go("/timeline?person=gromyko&kind=telegram").await;
    assert_eq!(n(&count_text()), 1, "{}", count_text());
    go("/timeline?person=gromyko&kind=telegram&q=department").await;
    assert_eq!(n(&count_text()), 1, "{}", count_text());
    go("/timeline?person=gromyko&kind=telegram&q=letter").await;
    assert_eq!(n(&count_text()), 0, "{}", count_text());
    go("/timeline?from=1981-07-11&to=1981-07-31").await;
    assert_eq!(
        n(&count_text()),
        2,
        "a date range keeps d73 and d74, leaves out the undated"
    );
    go("/timeline?kind=editorial-note").await;
    assert_eq!(n(&count_text()), 1);
    assert!(count_text().ends_with("(1 undated)"), "{}", count_text());
    assert!(el(".tl-undated").is_some());
}
