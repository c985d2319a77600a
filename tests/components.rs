//! In-browser tests of the reader's components (wasm-bindgen-test in headless Chromium):
//! `cargo test --target wasm32-unknown-unknown -p letterbook-app` with the runner set up
//! by `scripts/test.sh`.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use gloo_timers::future::sleep;
use leptos::prelude::*;
use letterbook_app::state::{Followed, Library, SAMPLE_FILE, SAMPLE_TEXT};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{choose_file, doc, el, mount_app_at, press_on, push_path, settle, text, wait_for};

fn active_id() -> String {
    doc().active_element().map(|e| e.id()).unwrap_or_default()
}

fn press(key: &str) {
    press_on(None, key)
}

const SAMPLE: &str = "/read/frus1981-88v03-d74";

/// Mounts the whole app at the sample letter; dropping the handle unmounts it.
async fn mount_app() -> impl Drop {
    mount_app_at(SAMPLE).await
}

#[wasm_bindgen_test]
async fn opens_on_the_sample_with_its_particulars() {
    let _app = mount_app_at("/").await;
    // The library lists the sample; its link opens it.
    // The library offers the sample letter to start with; its link opens it.
    let link = el(&format!(".start-here a[href='{SAMPLE}']")).expect("the sample in the library");
    follow(&link).await;
    assert_eq!(
        text("#doc-title"),
        "Letter From Soviet Foreign Minister Gromyko to Secretary of State Haig1"
    );
    assert_eq!(text(".doc-number"), "Document 74");
    assert_eq!(text(".doc-kind"), "Letter");
    assert_eq!(text(".doc-from"), "Gromyko (Soviet Foreign Minister)");
    assert_eq!(text(".doc-to"), "Haig (Secretary of State)");
    assert_eq!(
        text(".doc-date"),
        "handed over July 21, 1981 (from the source note), so written on or before"
    );
    assert_eq!(text(".salutation"), "Dear Mr. Secretary,");
    assert_eq!(text(".signature"), "A. Gromyko3");
    assert_eq!(doc().query_selector_all(".fn-marker").unwrap().length(), 3);
    // The way out to the edition: this letter's page.
    let online = el("a.doc-online").expect("a link to history.state.gov");
    assert_eq!(
        online.get_attribute("href").as_deref(),
        Some("https://history.state.gov/historicaldocuments/frus1981-88v03/d74")
    );
    // Document 73 is in the built-in excerpt: its reference leads there, in the app.
    let d73 = el(".note a.ref").expect("the reference to Document 73");
    assert_eq!(
        d73.get_attribute("href").as_deref(),
        Some("/read/frus1981-88v03-d73")
    );
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
    // Document 73 is open (the built-in excerpt): a link, and nothing said missing.
    assert!(el("#fn-popover a.ref[href='/read/frus1981-88v03-d73']").is_some());
    assert!(el("#fn-popover .ref-status").is_none());
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
    assert!(el("#note-2 a.ref[href='/read/frus1981-88v03-d73']").is_some());
    assert!(el("#note-2 .ref-status-inline").is_none());
}

#[wasm_bindgen_test]
async fn references_link_when_the_document_is_in_the_collection() {
    let owner = Owner::new();
    owner.set();
    // The letter alone (not the built-in samples, which hold Document 73 too).
    let lib = Library::empty();
    let seed = letterbook_core::parse_text(SAMPLE_FILE, SAMPLE_TEXT.as_bytes()).unwrap();
    lib.add(seed.clone());
    assert_eq!(lib.follow(&seed, "d73"), Followed::Missing(None));
    assert_eq!(
        lib.follow(&seed, "pg_222"),
        Followed::Internal("#pg_222".into())
    );
    assert_eq!(
        lib.follow(&seed, "https://history.state.gov/"),
        Followed::External("https://history.state.gov/".into())
    );
    assert_eq!(
        lib.follow(&seed, "javascript:alert(1)"),
        Followed::Missing(None)
    );
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

/// A small TEI volume with the constructs the reader must render.
const VOLUME: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus1918Test">
<teiHeader><fileDesc><titleStmt><title type="complete">Papers, 1918, Test Volume</title></titleStmt>
<publicationStmt><date>1932</date><idno type="frus">frus1918Test</idno></publicationStmt></fileDesc></teiHeader>
<text><front><div type="section" xml:id="persons"><head>Persons</head><list>
<item><persName xml:id="p_FD1">Francis, David R.</persName>, Ambassador in Russia.</item></list></div></front>
<body><div type="chapter" xml:id="ch1"><head>Russia:</head>
<div type="document" xml:id="d1" n="1"><note rend="inline" type="source">861.00/1: Telegram</note>
<head>The Ambassador in Russia (<persName corresp="#p_FD1" type="from">Francis</persName>) to the Secretary of State</head>
<dateline><placeName>Petrograd</placeName>, <date when="1918-01-02T18:00:00">January 2, 1918, 6 p.m.</date></dateline>
<p>Figures follow.<note n="1">See <ref target="#d2">No. 2</ref>.</note> <seg type="margin">Prices.</seg>Bread is dear.</p>
<table><row><cell cols="2">Rubles</cell></row><pb n="3"/><row><cell>Bread</cell><cell role="num">12</cell></row></table>
<closer><signed>Francis</signed></closer></div>
<div type="document" xml:id="d2" n="2"><head>The Secretary of State to the Ambassador in Russia (<persName corresp="#p_FD1" type="to">Francis</persName>)</head>
<p>Received.</p></div>
</div></body></text></TEI>"##;

/// Follows an in-app link the way the router does on a click (pushState + popstate). Link
/// clicks themselves are exercised in the end-to-end tests: here the windows of earlier
/// tests' routers share the page.
async fn follow(link: &web_sys::HtmlElement) {
    let href = link.get_attribute("href").unwrap();
    push_path(&href);
    wait_path(href.split('#').next().unwrap()).await;
}

/// Waits until the router has navigated to `path`.
async fn wait_path(path: &str) {
    for _ in 0..100 {
        if web_sys::window().unwrap().location().pathname().unwrap() == path {
            settle().await;
            return;
        }
        sleep(Duration::from_millis(20)).await;
    }
    panic!("never navigated to {path}");
}

#[wasm_bindgen_test]
async fn one_document_is_one_document() {
    // The test volume without its second document.
    let start = VOLUME.find(r#"<div type="document" xml:id="d2""#).unwrap();
    let end = VOLUME[start..].find("</div>").unwrap() + start + "</div>".len();
    let one =
        format!("{}{}", &VOLUME[..start], &VOLUME[end..]).replace("frus1918Test", "frus1918One");
    let _app = mount_app_at("/").await;
    choose_file("frus1918One.xml", &one);
    wait_for(".load.done").await;
    assert!(
        text(".load.done").ends_with("— 1 document of Foreign Relations, 1918, One"),
        "{}",
        text(".load.done")
    );
    let card = doc().query_selector_all(".volume-facts").unwrap();
    let facts: Vec<String> = (0..card.length())
        .filter_map(|i| card.get(i).and_then(|n| n.text_content()))
        .collect();
    assert!(
        facts
            .iter()
            .any(|f| f.starts_with("frus1918One · 1 document · from")),
        "{facts:?}"
    );
    follow(&el(".volume-link[href='/volume/frus1918One']").unwrap()).await;
    let page = text("body");
    assert!(page.contains("1 document · 1 footnote"), "{page}");
    assert!(
        !page.contains("1 documents") && !page.contains("1 footnotes"),
        "{page}"
    );
}

#[wasm_bindgen_test]
async fn a_tei_volume_opens_and_renders_its_constructs() {
    let _app = mount_app_at("/").await;
    choose_file("frus1918Test.xml", VOLUME);
    wait_for(".load.done").await;
    assert!(
        text(".load.done").contains("2 documents of Foreign Relations, 1918"),
        "{}",
        text(".load.done")
    );
    follow(&el(".volume-link[href='/volume/frus1918Test']").unwrap()).await;
    assert_eq!(text("#volume-title"), "Papers, 1918, Test Volume");
    assert_eq!(
        doc().query_selector_all(".toc a.toc-doc").unwrap().length(),
        2
    );
    assert!(text(".toc summary").starts_with("Russia"));
    follow(&el(".toc a[href='/read/frus1918Test-d1']").unwrap()).await;
    assert_eq!(
        text("#doc-title"),
        "The Ambassador in Russia (Francis) to the Secretary of State"
    );
    assert_eq!(
        text(".doc-date"),
        "January 2, 1918, 6:00 p.m., from the edition's encoding"
    );
    // A table with its span and a figure cell; the marginal note apart from the sentence.
    assert_eq!(
        el(".doc-table td")
            .unwrap()
            .get_attribute("colspan")
            .as_deref(),
        Some("2")
    );
    assert_eq!(text(".doc-table td.num"), "12");
    // A page that begins between two rows has its anchor in the table (`#pg_3` leads there).
    assert!(
        el(".doc-table #pg_3").is_some(),
        "no page anchor in the table"
    );
    assert!(text(".margin-note").contains("Prices."));
    // The cross-reference in the note links to the other document of the volume.
    el("#fnref1").unwrap().click();
    settle().await;
    assert_eq!(
        el("#fn-popover a.ref")
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("/read/frus1918Test-d2")
    );
    press("Escape");
    settle().await;
    // The person: the front matter's entry, and the other document that names him.
    let person = el("#doc-title .entity.person").expect("a person button");
    person.click();
    settle().await;
    assert_eq!(text("#fn-popover .entity-name"), "Francis, David R.");
    assert_eq!(text("#fn-popover .entity-about"), "Ambassador in Russia.");
    assert!(text("#fn-popover .entity-mentions").contains("1 other document"));
    assert_eq!(active_id(), "fn-popover");
    press("Escape");
    settle().await;
    assert_eq!(active_id(), person.id());
    assert!(text(".people-panel").contains("Francis, David R."));
    // Next document.
    let next = el(".pager-next").unwrap();
    assert_eq!(
        next.get_attribute("href").as_deref(),
        Some("/read/frus1918Test-d2")
    );
    follow(&next).await;
    assert_eq!(
        text("#doc-title"),
        "The Secretary of State to the Ambassador in Russia (Francis)"
    );
}

#[wasm_bindgen_test]
async fn a_bad_file_is_an_error_with_its_place_and_nothing_is_lost() {
    let _app = mount_app_at("/").await;
    choose_file(
        "broken.xml",
        "<TEI>\n<text><body><div type=\"document\" n=\"1\"><p>x</div>",
    );
    wait_for(".load.failed").await;
    assert!(
        text(".load.failed").contains("broken.xml:2:"),
        "{}",
        text(".load.failed")
    );
    // The samples are still there.
    assert!(el(&format!(".start-here a[href='{SAMPLE}']")).is_some());
    assert!(el(".volume-link[href='/volume/frus1981-88v03']").is_some());
    // A volume, then a copy of it cut short: the whole one stays open.
    choose_file("frus1918Test.xml", VOLUME);
    wait_for(".load.done").await;
    let cut = &VOLUME[..VOLUME.find("Received.").unwrap()];
    choose_file("cut.xml", cut);
    for _ in 0..100 {
        if doc().query_selector_all(".load.failed").unwrap().length() == 2 {
            break;
        }
        sleep(Duration::from_millis(20)).await;
    }
    let failed = doc().query_selector_all(".load.failed").unwrap();
    let last = failed
        .item(failed.length() - 1)
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        last.contains(
            "already open with 2 documents from frus1918Test.xml; this file gives 1 document"
        ),
        "{last}"
    );
    let card = text(".volume-card:has(a[href='/volume/frus1918Test']) .volume-facts");
    assert!(card.contains("2 documents"), "{card}");
}
