//! Every party of every document of the twelve corpus volumes is a name or an office, as
//! printed: no date, no "of a Conversation", no verb of the heading, no stray bracket, and
//! its words stand in the heading with their case and accents. Memoranda of conversation
//! name their author and, apart, the participants; a heading's date dates a paper that has
//! no other.

mod common;

use letterbook_core::heading::short;
use letterbook_core::{dates, parse_volume, DateSource, Document, Party, Precision};

fn volumes() -> Vec<letterbook_core::VolumeParse> {
    common::tei_volumes()
        .iter()
        .map(|p| parse_volume(&p.to_string_lossy(), &std::fs::read(p).unwrap()).unwrap())
        .collect()
}

/// Why `p` is not a name or an office, if it is not.
fn fault(p: &Party, title: &str) -> Option<&'static str> {
    let s = short(p);
    let words: Vec<&str> = s.split_whitespace().collect();
    if dates::find_dates(s, None)
        .iter()
        .any(|d| d.precision >= Precision::Day)
    {
        return Some("a date");
    }
    if s.to_lowercase().contains("conversation") {
        return Some("“of a Conversation”");
    }
    let verbs = [
        "Handed",
        "Signed",
        "Issued",
        "Received",
        "Transmitted",
        "Delivered",
        "Submitted",
        "Presented",
        "Sent",
        "Addressed",
    ];
    if words.iter().any(|w| verbs.contains(w)) {
        return Some("a verb");
    }
    if s.matches('(').count() != s.matches(')').count() || s.contains(['[', ']']) {
        return Some("a stray bracket");
    }
    if !title.contains(s) {
        return Some("not as printed in the heading");
    }
    None
}

#[test]
fn every_party_is_a_name_or_an_office() {
    let vols = volumes();
    let mut parties = 0;
    let mut faults = Vec::new();
    for d in vols.iter().flat_map(|v| &v.documents) {
        for p in d.from.iter().chain(&d.to).chain(&d.participants) {
            parties += 1;
            if let Some(why) = fault(p, &d.title) {
                faults.push(format!("{}: {:?} is {why} ({:?})", d.id, short(p), d.title));
            }
        }
    }
    println!(
        "{parties} parties over the twelve volumes, {} faults",
        faults.len()
    );
    for f in &faults {
        println!("  {f}");
    }
    assert!(parties > 8_000, "{parties}");
    assert!(
        faults.is_empty(),
        "{} parties are not names or offices",
        faults.len()
    );
}

fn doc<'a>(vols: &'a [letterbook_core::VolumeParse], id: &str) -> &'a Document {
    vols.iter()
        .flat_map(|v| &v.documents)
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn memoranda_of_conversation_and_dated_headings() {
    let vols = volumes();
    // "Memorandum by the Chief of the Division of Mexican Affairs (Reed) of a Conversation
    // With the Mexican Ambassador (González Roa) and the Counselor of the Mexican Embassy
    // (Campos-Ortiz), September 11, 1934"; its dateline: "[Washington, undated.]".
    let d = doc(&vols, "frus1934v05-d422");
    fn names(ps: &[Party]) -> Vec<&str> {
        ps.iter().map(short).collect()
    }
    assert_eq!(names(&d.from), ["Reed"]);
    assert_eq!(names(&d.participants), ["González Roa", "Campos-Ortiz"]);
    assert_eq!(
        d.participants[1].role.as_deref(),
        Some("Counselor of the Mexican Embassy")
    );
    let date = d.date.as_ref().expect("dated by its heading");
    assert_eq!(
        (date.iso.as_str(), date.source),
        ("1934-09-11", DateSource::Title)
    );
    assert_eq!(date.text, "September 11, 1934");
    // "Memorandum by the Acting Secretary of State of a Conversation With the Haitian
    // Minister (Blanchet)": the author is the office, Blanchet took part.
    let d = doc(&vols, "frus1934v05-d324");
    assert_eq!(names(&d.from), ["Acting Secretary of State"]);
    assert_eq!(names(&d.participants), ["Blanchet"]);
    // "Reciprocal Trade Agreement … Signed August 24, 1934", a press release of that day.
    for id in ["frus1934v05-d154", "frus1934v05-d157"] {
        let date = doc(&vols, id).date.as_ref().expect(id);
        assert_eq!(
            (date.iso.as_str(), date.source),
            ("1934-08-24", DateSource::Title)
        );
    }
}
