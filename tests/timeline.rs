//! In-browser tests of the timeline (wasm-bindgen-test in headless Chromium): the axis at
//! each zoom level, counts that always add up to the documents, filters that combine.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use gloo_timers::future::sleep;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{choose_file, doc, el, mount_app_at, press_on, push_path, settle, wait_for};

const MODERN: &str = include_str!(concat!(
    env!("LETTERBOOK_CORPUS_DIR"),
    "/tei-modern/frus1981-88v03-d72-d75.xml"
));

fn all(selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = doc().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// Mounts the app at "/", opens the modern excerpt through the file input, then goes to
/// `path`.
async fn app_with_excerpt(path: &str) -> impl Drop {
    let handle = mount_app_at("/").await;
    wait_for("#open-files-input").await;
    choose_file("frus1981-88v03-d72-d75.xml", MODERN);
    wait_for(".load.done").await;
    go(path).await;
    handle
}

async fn go(path: &str) {
    push_path(path);
    wait_for("#tl-title").await;
    // Words are searched for first.
    for _ in 0..200 {
        if el("#tl-count")
            .and_then(|e| e.text_content())
            .is_some_and(|t| t != "Searching…")
        {
            break;
        }
        sleep(Duration::from_millis(20)).await;
    }
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
        press_on(Some("#tl-frame"), "-");
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
    // Narrower and narrower views that all hold July 10–20, 1981: the marks always stand
    // for exactly the three documents, and only ever split.
    let views = [
        "1960-01-01T00:00~2000-01-01T00:00",
        "1979-01-01T00:00~1984-01-01T00:00",
        "1981-01-01T00:00~1982-01-01T00:00",
        "1981-06-01T00:00~1981-09-01T00:00",
        "1981-07-01T00:00~1981-08-01T00:00",
        "1981-07-05T00:00~1981-07-25T00:00",
    ];
    let mut marks = all(".tl-mark").len();
    for v in views {
        go(&format!("/timeline?lane=volume&at={v}")).await;
        assert_eq!(marked(), 3, "at {v}");
        let now = all(".tl-mark").len();
        assert!(now >= marks, "at {v}: {now} marks after {marks}");
        marks = now;
    }
    assert_eq!(all(".tl-mark.one").len(), 3, "in the end, three documents");
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
    // The words are search's: in the heading, or anywhere.
    go("/timeline?person=gromyko&kind=telegram&q=in%3Aheading%20department").await;
    assert_eq!(n(&count_text()), 1, "{}", count_text());
    go("/timeline?person=gromyko&kind=telegram&q=in%3Aheading%20letter").await;
    assert_eq!(n(&count_text()), 0, "{}", count_text());
    go("/timeline?person=gromyko&kind=telegram&q=letter").await;
    assert_eq!(
        n(&count_text()),
        1,
        "the telegram carries a letter: {}",
        count_text()
    );
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
