//! Property tests of the plain-text parser: it never panics, whatever it is given, and
//! writing a parsed document back as page text and parsing that again changes nothing.

mod common;

use letterbook_core::render::to_page_text;
use letterbook_core::{parse_str, parse_text, Document};
use proptest::prelude::*;

fn seed_text() -> String {
    std::fs::read_to_string(common::seed_path()).unwrap()
}

/// The model without its diagnostics (they name lines of the text they came from).
fn content(mut d: Document) -> Document {
    d.diagnostics.clear();
    d
}

/// The first line where the two models' JSON differ, with context.
fn first_difference(a: &Document, b: &Document) -> Option<String> {
    let a = serde_json::to_string_pretty(a).unwrap();
    let b = serde_json::to_string_pretty(b).unwrap();
    let (al, bl): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let i = (0..al.len().max(bl.len())).find(|&i| al.get(i) != bl.get(i))?;
    let from = i.saturating_sub(6);
    Some(format!(
        "before:\n{}\nafter:\n{}",
        al[from..(i + 3).min(al.len())].join("\n"),
        bl[from..(i + 3).min(bl.len())].join("\n")
    ))
}

fn assert_round_trip(name: &str, d: &Document) {
    let text = to_page_text(d);
    let again = parse_str(name, &text);
    if let Some(diff) = first_difference(&content(d.clone()), &content(again.clone())) {
        panic!("round trip of {name} changed the model:\n{diff}\npage text was:\n{text}");
    }
    assert_eq!(
        text,
        to_page_text(&again),
        "rendering of {name} is not stable"
    );
}

#[test]
fn every_corpus_text_round_trips() {
    let mut n = 0;
    for folder in ["txt-dev", "txt-notes"] {
        for path in common::texts(folder) {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let d = parse_text(&name, &std::fs::read(&path).unwrap()).unwrap();
            assert_round_trip(&name, &d);
            n += 1;
        }
    }
    let seed = parse_str("frus1981-88v03-d74.txt", &seed_text());
    assert_round_trip("frus1981-88v03-d74.txt", &seed);
    assert!(n >= 80);
}

/// An edit of the seed: delete, duplicate or insert text somewhere.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..7000, 0usize..200).prop_map(|(a, n)| Edit::Delete(a, n)),
        (
            0usize..7000,
            "[ \\t\\u{a0}\\n0-9a-zA-Z.,;:()\\[\\]*†‡“”—-]{0,24}"
        )
            .prop_map(|(a, s)| Edit::Insert(a, s)),
        (0usize..60).prop_map(Edit::DuplicateLine),
        (0usize..60, 0usize..60).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (0usize..7000).prop_map(Edit::Truncate),
    ]
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut t = text.to_string();
    for e in edits {
        match e {
            Edit::Delete(a, n) => {
                let a = floor_char(&t, *a);
                let b = floor_char(&t, a + n);
                t.replace_range(a..b, "");
            }
            Edit::Insert(a, s) => {
                let a = floor_char(&t, *a);
                t.insert_str(a, s);
            }
            Edit::DuplicateLine(i) => {
                let mut lines: Vec<&str> = t.split('\n').collect();
                if !lines.is_empty() {
                    let i = i % lines.len();
                    lines.insert(i, lines[i]);
                }
                t = lines.join("\n");
            }
            Edit::SwapLines(a, b) => {
                let mut lines: Vec<&str> = t.split('\n').collect();
                if !lines.is_empty() {
                    let (a, b) = (a % lines.len(), b % lines.len());
                    lines.swap(a, b);
                }
                t = lines.join("\n");
            }
            Edit::Truncate(a) => {
                let a = floor_char(&t, *a);
                t.truncate(a);
            }
        }
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_text("any.txt", &bytes);
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "(?s).{0,800}") {
        if let Ok(d) = parse_text("frus1981-88v03-d1.txt", text.as_bytes()) {
            // Whatever came out renders, and rendering is a fixed point after one pass.
            let once = to_page_text(&d);
            let again = to_page_text(&parse_str("frus1981-88v03-d1.txt", &once));
            let thrice = to_page_text(&parse_str("frus1981-88v03-d1.txt", &again));
            prop_assert_eq!(again, thrice);
        }
    }

    #[test]
    fn any_parsed_document_comes_back_from_its_record(edits in proptest::collection::vec(edit(), 0..6), text in "(?s).{0,400}") {
        // Documents of every shape the parser makes: a mutated seed, and arbitrary text.
        for (name, t) in [("frus1981-88v03-d74.txt", apply(&seed_text(), &edits)), ("frus1981-88v03-d1.txt", text)] {
            let d = parse_str(name, &t);
            let record = letterbook_core::pack::Record { documents: vec![d], ..Default::default() };
            let back = letterbook_core::pack::decode(&letterbook_core::pack::encode(&record));
            prop_assert!(back.as_ref() == Ok(&record), "{:?}", back.err());
        }
    }

    #[test]
    fn mutated_seed_parses_and_round_trips(edits in proptest::collection::vec(edit(), 1..6)) {
        let text = apply(&seed_text(), &edits);
        if let Ok(d) = parse_text("frus1981-88v03-d74.txt", text.as_bytes()) {
            let page = to_page_text(&d);
            let again = parse_str("frus1981-88v03-d74.txt", &page);
            let diff = first_difference(&content(d), &content(again));
            prop_assert!(diff.is_none(), "{}\n--- text:\n{}\n--- rendered:\n{}", diff.unwrap_or_default(), text, page);
        }
    }
}
