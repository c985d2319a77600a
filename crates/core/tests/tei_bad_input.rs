//! Bad TEI input: every case gives an error naming file, line, column and byte offset (or
//! a diagnostic), never a panic, unbounded memory or recursion; what parsed stays.

mod common;

use letterbook_core::tei::{MAX_BYTES, MAX_DEPTH};
use letterbook_core::{parse_volume, plain_text, DiagnosticCode};
use letterbook_core::{OpenVolume, ParseErrorKind};
use proptest::prelude::*;

fn volume(path: &str) -> Vec<u8> {
    std::fs::read(common::corpus().join("tei-volumes").join(path)).expect("volume")
}

fn tei(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"frus1934v99\">\n<text><body>\n{body}\n</body></text>\n</TEI>\n"
    )
}

fn doc(n: u32, body: &str) -> String {
    format!("<div type=\"document\" xml:id=\"d{n}\" n=\"{n}\"><head>Mr. A to Mr. B</head>{body}</div>\n")
}

#[test]
fn a_truncated_volume_keeps_the_documents_before_the_cut() {
    let bytes = volume("frus1934v05.xml");
    let cut = &bytes[..bytes.len() * 6 / 10];
    let v = parse_volume("frus1934v05.xml", cut).expect("still a volume");
    assert_eq!(v.errors.len(), 1, "{:?}", v.errors);
    let e = &v.errors[0];
    assert!(e.message.contains("ends inside"), "{e}");
    assert_eq!(e.kind, ParseErrorKind::Truncated);
    assert!(e.line.is_some() && e.column.is_some() && e.offset.is_some());
    assert!(e.to_string().starts_with("frus1934v05.xml:"), "{e}");
    assert!(
        v.documents.len() > 300 && v.documents.len() < 639,
        "{}",
        v.documents.len()
    );
    assert_eq!(v.documents[0].id, "frus1934v05-d1");
    // Opened, the volume says where its file ended; a whole one does not.
    let open = OpenVolume::new(v.volume, &v.documents, "cut.xml".into(), Vec::new())
        .ending_early(&v.errors);
    assert_eq!(open.ends_early, e.line);
    let whole = parse_volume("frus1934v05.xml", &bytes).unwrap();
    let open = OpenVolume::new(whole.volume, &whole.documents, "x.xml".into(), Vec::new())
        .ending_early(&whole.errors);
    assert_eq!(open.ends_early, None);
}

#[test]
fn an_unclosed_tag_names_its_place_and_the_next_documents_survive() {
    let body = [
        doc(1, "<p>One.</p>"),
        doc(2, "<p>Two <hi rend=\"italic\">broken</p>"),
        doc(3, "<p>Three.</p>"),
        doc(4, "<p>Four.</p>"),
    ]
    .concat();
    let xml = tei(&body);
    let v = parse_volume("broken.xml", xml.as_bytes()).expect("volume");
    assert_eq!(v.errors.len(), 1, "{:?}", v.errors);
    let e = &v.errors[0];
    assert!(e.message.contains("</p> closes <hi>"), "{e}");
    assert_eq!(e.kind, ParseErrorKind::Malformed);
    assert_eq!(e.line, Some(5));
    let ids: Vec<&str> = v.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["frus1934v99-d1", "frus1934v99-d3", "frus1934v99-d4"]);
    assert_eq!(plain_text(&v.documents[2].blocks[0].inlines), "Four.");
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    let depth = 100_000;
    let mut xml = String::from("<TEI><text><body><div type=\"document\" n=\"1\"><p>");
    xml.push_str(&"<hi>".repeat(depth));
    xml.push('x');
    xml.push_str(&"</hi>".repeat(depth));
    xml.push_str("</p></div></body></text></TEI>");
    let v = parse_volume("deep.xml", xml.as_bytes()).expect("the root is TEI");
    assert_eq!(v.errors.len(), 1);
    assert!(
        v.errors[0]
            .message
            .contains(&format!("deeper than {MAX_DEPTH}")),
        "{:?}",
        v.errors
    );
    assert_eq!(v.errors[0].kind, ParseErrorKind::TooDeep);
    assert!(v.documents.is_empty());
}

#[test]
fn entities_are_never_expanded() {
    let xml = r#"<?xml version="1.0"?>
<!DOCTYPE TEI [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<TEI><text><body><div type="document" n="1"><head>A to B</head><p>&lol9;</p></div></body></text></TEI>"#;
    let v = parse_volume("laughs.xml", xml.as_bytes()).expect("the root is TEI");
    assert_eq!(v.errors.len(), 1);
    let e = &v.errors[0];
    assert!(
        e.message.contains("&lol9;") && e.message.contains("not expanded"),
        "{e}"
    );
    assert_eq!(e.kind, ParseErrorKind::Entity);
    assert_eq!(e.line, Some(8));
    // Predefined and character references are fine.
    let ok = tei(&doc(1, "<p>AT&amp;T &#233;t&#xE9; &lt;x&gt;</p>"));
    let v = parse_volume("ok.xml", ok.as_bytes()).unwrap();
    assert!(v.errors.is_empty());
    assert_eq!(
        plain_text(&v.documents[0].blocks[0].inlines),
        "AT&T été <x>"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let big = vec![b' '; 200 * 1024 * 1024];
    assert!(big.len() > MAX_BYTES);
    let e = parse_volume("huge.xml", &big).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::TooLarge);
    assert_eq!(
        e.message,
        "the file is 200.0 MiB (209,715,200 bytes); the limit is 128 MiB (134,217,728 bytes)"
    );
}

#[test]
fn invalid_utf8_binary_and_empty_files() {
    let mut bytes = tei(&doc(1, "<p>Café</p>")).into_bytes();
    let at = bytes.windows(2).position(|w| w == "é".as_bytes()).unwrap();
    bytes[at + 1] = b'x';
    let e = parse_volume("latin.xml", &bytes).unwrap_err();
    assert!(e.message.contains("invalid UTF-8"), "{e}");
    assert_eq!(e.kind, ParseErrorKind::InvalidUtf8);
    assert_eq!(e.line, Some(4));
    assert_eq!(e.offset, Some(at as u64));

    let e = parse_volume("x.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap_err();
    assert!(e.message.contains("binary"), "{e}");
    assert_eq!(e.kind, ParseErrorKind::Binary);
    assert_eq!(e.line, Some(3));

    let e = parse_volume("empty.xml", b"").unwrap_err();
    assert!(e.message.contains("no XML element"), "{e}");
    assert_eq!(e.kind, ParseErrorKind::Empty);
    let e = parse_volume("text.xml", b"just words").unwrap_err();
    assert!(e.to_string().starts_with("text.xml:1:1"), "{e}");
    assert_eq!(e.kind, ParseErrorKind::Malformed);
}

#[test]
fn valid_xml_that_is_not_tei_is_refused_by_name() {
    let e = parse_volume(
        "feed.xml",
        b"<?xml version=\"1.0\"?>\n<rss><channel/></rss>",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "feed.xml:2:1: not a TEI file: the root element is <rss>, not <TEI>"
    );
    assert_eq!(e.kind, ParseErrorKind::NotTei);
}

#[test]
fn suspect_dates_are_diagnostics_not_dates() {
    let body = doc(
        1,
        "<dateline><placeName>Paris</placeName>, <date when=\"0201-11-11\">October 31, 1870</date></dateline><p>Text.</p>",
    );
    let xml = tei(&body).replace("frus1934v99", "frus1870");
    let v = parse_volume("frus1870.xml", xml.as_bytes()).unwrap();
    let d = &v.documents[0];
    assert!(d.date.is_none());
    assert_eq!(d.diagnostics.len(), 1);
    assert!(d.diagnostics[0].message.contains("0201-11-11"));
    assert_eq!(d.diagnostics[0].code, DiagnosticCode::SuspectDate);
    assert_eq!(d.diagnostics[0].line, Some(4));
}

#[test]
fn an_encoded_date_that_is_no_date_is_untrusted_too() {
    let body = doc(
        1,
        "<dateline><date when=\"1934-13-40\">Someday</date></dateline><p>Text.</p>",
    );
    let v = parse_volume("x.xml", tei(&body).as_bytes()).unwrap();
    let d = &v.documents[0];
    assert!(d.date.is_none());
    assert_eq!(d.diagnostics.len(), 1, "{:?}", d.diagnostics);
    assert_eq!(d.diagnostics[0].code, DiagnosticCode::InvalidDate);
    assert!(d.diagnostics[0].code.is_untrusted_date());
}

/// Certainty comes from the code: rewording the message changes nothing.
#[test]
fn a_suspect_date_is_never_placed_whatever_its_message_says() {
    use letterbook_core::correspondence::when::{self, Certainty};
    let body = doc(
        1,
        "<dateline><date when=\"0201-11-11\">x</date></dateline><p>Text.</p>",
    );
    let v = parse_volume(
        "frus1870.xml",
        tei(&body).replace("frus1934v99", "frus1870").as_bytes(),
    )
    .unwrap();
    let mut d = v.documents[0].clone();
    assert_eq!(when::of(&d).certainty, Certainty::Suspect);
    d.diagnostics[0].message = "reworded entirely".into();
    assert_eq!(when::of(&d).certainty, Certainty::Suspect);
    d.diagnostics[0].code = DiagnosticCode::NoHeading;
    assert_eq!(when::of(&d).certainty, Certainty::Undated);
}

#[test]
fn unsafe_link_targets_are_text() {
    let xml = tei(&doc(1, "<p>See <ref target=\"javascript:alert(1)\">this</ref> and <ref target=\"https://history.state.gov/\">that</ref>.</p>"));
    let v = parse_volume("x.xml", xml.as_bytes()).unwrap();
    let d = &v.documents[0];
    assert_eq!(d.refs.len(), 1);
    assert_eq!(d.refs[0].target, "https://history.state.gov/");
}

/// Random TEI-shaped documents: element soup over the names the parser knows.
fn element(depth: u32) -> BoxedStrategy<String> {
    let text = "[a-zA-Z0-9 .,;:é’—\\[\\]*†]{0,20}".prop_map(|t| t.replace('&', "&amp;"));
    if depth == 0 {
        return text.boxed();
    }
    let names = prop::sample::select(vec![
        "p",
        "hi",
        "persName",
        "gloss",
        "note",
        "list",
        "item",
        "label",
        "quote",
        "table",
        "row",
        "cell",
        "closer",
        "signed",
        "salute",
        "opener",
        "dateline",
        "date",
        "placeName",
        "postscript",
        "frus:attachment",
        "seg",
        "head",
        "ref",
        "lb",
        "pb",
        "gap",
        "figure",
        "div",
    ]);
    let attrs = prop::sample::select(vec![
        "",
        " rend=\"italic\"",
        " rend=\"smallcaps\"",
        " rend=\"inline\" type=\"source\"",
        " n=\"1\"",
        " n=\"*\"",
        " type=\"from\"",
        " type=\"margin\"",
        " when=\"1934-01-05T18:00:00\"",
        " when=\"0201-11-11\"",
        " target=\"#d2\"",
        " target=\"#pg_3\"",
        " corresp=\"#p_X1\"",
        " rows=\"2\" cols=\"0\"",
        " type=\"document\" n=\"9\"",
    ]);
    (
        names,
        attrs,
        prop::collection::vec(element(depth - 1), 0..4),
    )
        .prop_map(|(name, attrs, children)| {
            if children.is_empty() {
                format!("<{name}{attrs}/>")
            } else {
                format!("<{name}{attrs}>{}</{name}>", children.concat())
            }
        })
        .boxed()
}

fn volume_xml() -> impl Strategy<Value = (usize, String)> {
    prop::collection::vec(prop::collection::vec(element(4), 0..5), 1..6).prop_map(|docs| {
        let n = docs.len();
        let body: String = docs
            .iter()
            .enumerate()
            .map(|(i, parts)| doc(i as u32 + 1, &parts.concat()))
            .collect();
        (
            n,
            tei(&format!("<div type=\"chapter\"><head>C</head>{body}</div>")),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Well-formed input: every document comes out, every marker stands in the text.
    #[test]
    fn well_formed_volumes_yield_every_document((n, xml) in volume_xml()) {
        let v = parse_volume("gen.xml", xml.as_bytes()).expect("parses");
        prop_assert!(v.errors.is_empty(), "{:?}", v.errors);
        prop_assert_eq!(v.documents.len(), n);
        for d in &v.documents {
            prop_assert!(d.markers_placed().iter().all(|&p| p));
            prop_assert!(serde_json::to_string(d).is_ok());
        }
        prop_assert_eq!(v.volume.toc.len(), 1);
    }

    /// Broken input (cut, bytes changed): an error or a result, never a panic.
    #[test]
    fn mutated_volumes_never_panic((_, xml) in volume_xml(), cut in 0.0f64..1.0, pos in 0.0f64..1.0, byte in any::<u8>()) {
        let mut bytes = xml.into_bytes();
        let p = ((bytes.len() as f64) * pos) as usize % bytes.len();
        bytes[p] = byte;
        let keep = ((bytes.len() as f64) * cut) as usize;
        bytes.truncate(keep.max(1));
        if let Ok(v) = parse_volume("mutant.xml", &bytes) {
            for e in &v.errors {
                prop_assert!(e.line.is_some() && e.offset.is_some());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let _ = parse_volume("any.xml", &bytes);
    }
}
