//! The golden test of the seed: FRUS 1981–88 vol. III, Document 74, Gromyko to Haig.

mod common;

use letterbook_core::model::{
    BlockKind, DateEvent, DateSource, FootnoteKind, Inline, Kind, Precision,
};
use letterbook_core::render::flat_text;
use letterbook_core::{parse_text, plain_text, Document};

fn seed() -> Document {
    let path = common::seed_path();
    parse_text(&path.to_string_lossy(), &std::fs::read(&path).unwrap()).unwrap()
}

#[test]
fn heading_kind_and_parties() {
    let d = seed();
    assert_eq!(d.id, "frus1981-88v03-d74");
    assert_eq!(d.volume.as_deref(), Some("frus1981-88v03"));
    assert_eq!(d.n.as_deref(), Some("74"));
    assert_eq!(
        d.title,
        "Letter From Soviet Foreign Minister Gromyko to Secretary of State Haig"
    );
    assert_eq!(d.kind, Kind::Letter);
    assert_eq!(d.from.len(), 1);
    assert_eq!(d.from[0].name.as_deref(), Some("Gromyko"));
    assert_eq!(d.from[0].role.as_deref(), Some("Soviet Foreign Minister"));
    assert_eq!(d.to.len(), 1);
    assert_eq!(d.to[0].name.as_deref(), Some("Haig"));
    assert_eq!(d.to[0].role.as_deref(), Some("Secretary of State"));
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn markers_stand_exactly_where_printed() {
    let d = seed();
    assert_eq!(d.footnotes.len(), 3);
    let (flat, at) = flat_text(&d);
    let before = |k: usize| flat[..at[k].expect("placed")].to_string();
    assert!(
        before(0).ends_with("to Secretary of State Haig"),
        "{}",
        before(0)
    );
    assert!(
        before(1).ends_with("your letter of July 10, 1981."),
        "{}",
        before(1)
    );
    assert!(
        before(2).ends_with("We are in favour of it. A. Gromyko"),
        "{}",
        before(2)
    );
    // The marker in the heading is the heading's last inline, after "Haig".
    assert_eq!(d.head.last(), Some(&Inline::Note(1)));
    let labels: Vec<&str> = d.footnotes.iter().map(|f| f.n.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3"]);
    let sig = d
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Signature)
        .expect("signature");
    assert_eq!(
        sig.inlines,
        vec![Inline::Text("A. Gromyko".into()), Inline::Note(3)]
    );
    assert_eq!(d.blocks[0].kind, BlockKind::Salutation);
    assert_eq!(plain_text(&d.blocks[0].inlines), "Dear Mr. Secretary,");
}

#[test]
fn pages_at_their_exact_places() {
    let d = seed();
    assert_eq!(d.pages, ["222", "223"]);
    let (flat, _) = flat_text(&d);
    assert!(flat.contains("deteriorated [Page 222] international"));
    assert!(flat.contains("with the [Page 223] principle"));
    let para = d
        .blocks
        .iter()
        .find(|b| b.inlines.contains(&Inline::Page("222".into())))
        .unwrap();
    let i = para
        .inlines
        .iter()
        .position(|x| *x == Inline::Page("222".into()))
        .unwrap();
    assert!(
        matches!(&para.inlines[i - 1], Inline::Text(t) if t.ends_with("conditions of deteriorated "))
    );
    assert!(
        matches!(&para.inlines[i + 1], Inline::Text(t) if t.starts_with(" international situation"))
    );
}

#[test]
fn footnotes_refs_and_date() {
    let d = seed();
    assert_eq!(d.footnotes[0].kind, FootnoteKind::Source);
    assert_eq!(d.footnotes[1].kind, FootnoteKind::Note);
    assert_eq!(plain_text(&d.footnotes[1].inlines), "See Document 73.");
    assert_eq!(d.refs.len(), 1);
    assert_eq!(d.refs[0].target, "d73");
    assert_eq!(d.refs[0].text, "Document 73");
    assert_eq!(d.refs[0].in_footnote, Some(2));
    let date = d.date.as_ref().unwrap();
    assert_eq!(date.iso, "1981-07-21");
    assert_eq!(date.precision, Precision::Day);
    assert_eq!(date.source, DateSource::SourceNote);
    assert_eq!(date.text, "7/21/81");
    // "Given to Ambassador Stoessel by Bessmertnykh, 7/21/81": the day it was handed over,
    // so written on or before (the TEI's dateline: Moscow, July 20, 1981).
    assert_eq!(date.event, DateEvent::HandedOver);
    assert!(date.event.on_or_before());
}

#[test]
fn quotation_kept_verbatim() {
    let d = seed();
    let raw = std::fs::read_to_string(common::seed_path()).unwrap();
    let line = raw
        .lines()
        .find(|l| l.starts_with("In this connection"))
        .unwrap();
    let para = d
        .blocks
        .iter()
        .map(|b| plain_text(&b.inlines))
        .find(|t| t.starts_with("In this connection"))
        .unwrap();
    assert_eq!(para, line);
    assert!(para.contains("“We do not seek confrontation with the USA,"));
}

/// The whole model, compared with the committed golden JSON. Regenerate with
/// `UPDATE_GOLDEN=1 cargo test -p letterbook-core --test seed` after a deliberate change.
#[test]
fn golden_json() {
    let d = seed();
    let got = serde_json::to_string_pretty(&d).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/frus1981-88v03-d74.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1 to create)");
    assert_eq!(
        got, want,
        "the seed's model changed; review and UPDATE_GOLDEN=1"
    );
}
