//! Every bad input gives a clear error or diagnostics naming the place, never a panic.

mod common;

use letterbook_core::{check_size, ParseErrorKind, MAX_BYTES};
use letterbook_core::{parse_text, Diagnostic, DiagnosticCode, Severity};

fn seed_text() -> String {
    std::fs::read_to_string(common::seed_path()).unwrap()
}

#[test]
fn empty_file_is_an_error() {
    let e = parse_text("empty.txt", b"").unwrap_err();
    assert_eq!(e.to_string(), "empty.txt: the file is empty");
    assert_eq!(e.kind, ParseErrorKind::Empty);
    assert!(parse_text("blank.txt", b" \n\n \t\n").is_err());
}

#[test]
fn binary_and_invalid_utf8_name_line_and_column() {
    let e = parse_text("x.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap_err();
    assert!(e.message.contains("binary"), "{e}");
    assert_eq!(e.kind, ParseErrorKind::Binary);
    assert_eq!((e.line, e.column), (Some(3), Some(1)));
    let mut bytes = seed_text().into_bytes();
    let at = bytes.iter().position(|&b| b == b'G').unwrap(); // "Gromyko" on line 1
    bytes[at] = 0xC3; // a lead byte without its continuation
    let e = parse_text("bad.txt", &bytes).unwrap_err();
    assert!(e.message.contains("invalid UTF-8"), "{e}");
    assert_eq!(e.kind, ParseErrorKind::InvalidUtf8);
    assert_eq!(e.line, Some(1));
    assert_eq!(e.column, Some(at as u32 + 1));
    assert!(e.to_string().starts_with("bad.txt:1:"));
}

#[test]
fn no_footnote_list_but_markers_in_text() {
    let text = seed_text();
    let body = &text[..text.find("\n  1. Source").unwrap()];
    let d = parse_text("frus1981-88v03-d74.txt", body.as_bytes()).unwrap();
    assert!(d.footnotes.is_empty());
    let diag = d
        .diagnostics
        .iter()
        .find(|d| d.message.contains("no footnote list"))
        .unwrap_or_else(|| panic!("{:#?}", d.diagnostics));
    assert_eq!(diag.severity, Severity::Warning);
    assert_eq!(diag.code, DiagnosticCode::MarkersWithoutList);
    assert_eq!((diag.line, diag.column), (Some(1), Some(75)));
}

#[test]
fn a_list_with_no_markers() {
    let text = seed_text()
        .replace("Haig1", "Haig")
        .replace("1981.2", "1981.")
        .replace("Gromyko3", "Gromyko");
    let d = parse_text("frus1981-88v03-d74.txt", text.as_bytes()).unwrap();
    assert_eq!(d.footnotes.len(), 3);
    let missing: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("has no marker"))
        .collect();
    assert_eq!(missing.len(), 3, "{:#?}", d.diagnostics);
    assert!(missing
        .iter()
        .all(|d| d.code == DiagnosticCode::MarkerNotPlaced));
    assert!(missing.iter().all(|d| d.line.is_some_and(|l| l >= 45)));
}

#[test]
fn more_markers_than_notes() {
    let text = seed_text();
    let cut = text.find("\n  3. Printed").unwrap();
    let d = parse_text("frus1981-88v03-d74.txt", &text.as_bytes()[..cut]).unwrap();
    assert_eq!(d.footnotes.len(), 2);
    let diag = d
        .diagnostics
        .iter()
        .find(|d| d.message.contains("only 2 notes"))
        .expect("diagnostic");
    assert_eq!(diag.code, DiagnosticCode::MarkerWithoutNote);
    assert_eq!(diag.line, Some(44));
}

#[test]
fn text_with_no_footnotes_is_fine() {
    let d = parse_text(
        "frus1861-d1.txt",
        b"Mr. Seward to Mr. Dayton.\n\nSir: I have nothing to add.\n\nWILLIAM H. SEWARD.",
    )
    .unwrap();
    assert!(d.footnotes.is_empty() && d.diagnostics.is_empty());
    assert_eq!(d.id, "frus1861-d1");
    assert_eq!(
        d.blocks.last().unwrap().kind,
        letterbook_core::BlockKind::Signature
    );
}

#[test]
fn huge_input_stays_linear() {
    // 19 MB of footnoted prose with 2,000 notes: no quadratic blow-up, no panic.
    let mut text = String::from("1. Letter From A to B1\n\n");
    let mut notes = String::new();
    for k in 2..=2000 {
        text.push_str(&format!(
            "Paragraph number {k} in 1981 with 8 million tons of grain, see letter{k}\n\n"
        ));
        notes.push_str(&format!("  {k}. Note {k}.\n"));
    }
    let para = "Filler text of the year 1981 with figures 12, 345 and 6.7 percent. ".repeat(40);
    for _ in 0..7000 {
        text.push_str(&para);
        text.push_str("\n\n");
    }
    text.push_str("  1. Source note.\n");
    text.push_str(&notes);
    assert!(text.len() > 18_000_000, "{}", text.len());
    let d = parse_text("big.txt", text.as_bytes()).unwrap();
    assert_eq!(d.footnotes.len(), 2000);
}

#[test]
fn a_page_without_a_heading_says_so_by_code() {
    // Only a footnote list: nothing above it to be the heading.
    let d = parse_text("x.txt", b"  1. Source note.\n  2. Another note.\n").unwrap();
    let codes: Vec<DiagnosticCode> = d.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        codes.contains(&DiagnosticCode::NoHeading),
        "{:#?}",
        d.diagnostics
    );
}

#[test]
fn a_page_text_over_the_size_limit_is_refused_before_parsing() {
    let e = check_size("page.txt", MAX_BYTES as u64 + 1).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::TooLarge);
    assert_eq!(e.file, "page.txt");
    assert!(check_size("page.txt", MAX_BYTES as u64).is_ok());
    // Zeroed memory the test never writes stays unmapped, so this costs no 128 MiB. Were
    // the bytes looked at first, the NUL at byte 0 would make it a binary-file error.
    let zeros = vec![0u8; MAX_BYTES + 1];
    let e = parse_text("page.txt", &zeros).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::TooLarge, "{e}");
    assert_eq!(
        e.to_string(),
        "page.txt: the file is 128.000001 MiB (134,217,729 bytes); the limit is 128 MiB (134,217,728 bytes)"
    );
}

/// Codes are the stable part of a diagnostic: snake_case in JSON, the same as `as_str`;
/// JSON written before codes existed still reads, as `unknown`.
#[test]
fn diagnostic_codes_serialise_as_their_names() {
    for code in DiagnosticCode::ALL {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        assert_eq!(serde_json::from_str::<DiagnosticCode>(&json).unwrap(), code);
    }
    let d = Diagnostic::warning(DiagnosticCode::SuspectDate, "m", Some(1), None);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["code"], "suspect_date");
    let old: Diagnostic =
        serde_json::from_str(r#"{"severity":"warning","message":"m","line":1,"column":null}"#)
            .unwrap();
    assert_eq!(old.code, DiagnosticCode::Unknown);
    let newer: Diagnostic = serde_json::from_str(
        r#"{"severity":"warning","code":"from_the_future","message":"m","line":1,"column":null}"#,
    )
    .unwrap();
    assert_eq!(newer.code, DiagnosticCode::Unknown);
}

#[test]
fn a_text_that_is_not_a_frus_page_is_refused() {
    let texts: [(&str, &[u8]); 4] = [
        ("notes.txt", b"\n\nShopping\n\nmilk, eggs, bread\nand the newspaper\n"),
        ("readme.txt", b"# Project\n\nThis program converts files. Run it with --help to see the options.\n\nLicense: MIT\n"),
        ("data.txt", b"name,age,city\nAnna,34,Vienna\nBoris,51,Riga\n"),
        ("lorem.txt", b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\nUt enim ad minim veniam, quis nostrud exercitation.\n"),
    ];
    for (name, bytes) in texts {
        let e = parse_text(name, bytes).expect_err(name);
        assert_eq!(
            e.kind,
            letterbook_core::ParseErrorKind::NotFrus,
            "{name}: {e}"
        );
        assert!(e.to_string().starts_with(&format!("{name}:")), "{e}");
        assert!(e.to_string().contains("not a FRUS page text"), "{e}");
    }
    // The first line of text is the place named.
    assert_eq!(
        parse_text("notes.txt", texts[0].1).unwrap_err().line,
        Some(3)
    );
    // A heading that is a paper from one party to another is enough, with no other mark.
    let d = parse_text(
        "letter.txt",
        b"Mr. Seward to Mr. Dayton.\n\nSir: I have nothing to add.\n",
    )
    .unwrap();
    assert_eq!(d.to.len(), 1);
}
