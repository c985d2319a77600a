//! Accuracy of the plain-text parser over every document of the twelve corpus volumes.
//!
//! `../shared/tools/tei2txt.py` renders each volume of `tei-volumes/` into page texts with
//! their ground truth, into this test's scratch folder under `target/` (made anew on every
//! run, never committed); each page text is parsed and scored against its truth. Prints a
//! table per volume and every miss; asserts the targets.
//!
//! A marker is at its place when the 25 characters before it (markers and runs of
//! whitespace aside) equal the truth's; a marker the page does not show (`anchor_before:
//! null`) must not be invented. A date given must be the TEI's to a day (a dateline the
//! renderer drops is not in the page text, so most documents are rightly undated).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::truth::{day_distance, party_matches};
use letterbook_core::{parse_text, render::flat_text, Document};
use serde_json::Value;

/// Characters before a marker compared with the truth's.
const ANCHOR: usize = 25;

#[derive(Default, Clone)]
struct Tally {
    docs: usize,
    footnoted: usize,
    count_ok: usize,
    markers: usize,
    markers_ok: usize,
    docs_many_misses: usize,
    truth_without_place: usize,
    names: usize,
    names_ok: usize,
    headings_ok: usize,
    dated: usize,
    dated_checked: usize,
    dated_wrong: usize,
    /// Refused as not a FRUS page when read under a name that says nothing (`page.txt`).
    refused: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.docs += o.docs;
        self.footnoted += o.footnoted;
        self.count_ok += o.count_ok;
        self.markers += o.markers;
        self.markers_ok += o.markers_ok;
        self.docs_many_misses += o.docs_many_misses;
        self.truth_without_place += o.truth_without_place;
        self.names += o.names;
        self.names_ok += o.names_ok;
        self.headings_ok += o.headings_ok;
        self.dated += o.dated;
        self.dated_checked += o.dated_checked;
        self.dated_wrong += o.dated_wrong;
        self.refused += o.refused;
    }
}

fn pct(ok: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        100.0 * ok as f64 / total as f64
    }
}

/// Renders `volume` with `tei2txt.py` into `out`; the page texts, sorted.
fn render(volume: &Path, out: &Path) -> Vec<PathBuf> {
    let tool = common::corpus().join("../tools/tei2txt.py");
    let status = Command::new("python3")
        .arg(&tool)
        .arg(volume)
        .arg("--out")
        .arg(out)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("python3 {}: {e}", tool.display()));
    assert!(
        status.success(),
        "{} failed on {}",
        tool.display(),
        volume.display()
    );
    let mut texts: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    texts
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn score(path: &Path, t: &mut Tally, misses: &mut Vec<String>) {
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    let truth: Value = serde_json::from_slice(
        &std::fs::read(path.with_file_name(format!("{stem}.truth.json"))).unwrap(),
    )
    .unwrap();
    let bytes = std::fs::read(path).unwrap();
    let doc: Document =
        parse_text(&path.to_string_lossy(), &bytes).unwrap_or_else(|e| panic!("{e}"));
    t.docs += 1;
    // Every FRUS page is known for one by its text alone, not by its file's name.
    if let Err(e) = parse_text("page.txt", &bytes) {
        t.refused += 1;
        misses.push(format!("{stem}: refused under another name: {e}"));
    }

    let tnotes = truth["footnotes"].as_array().unwrap();
    if !tnotes.is_empty() {
        t.footnoted += 1;
        if doc.footnotes.len() == tnotes.len() {
            t.count_ok += 1;
        } else {
            misses.push(format!(
                "{stem}: {} footnotes, truth {}",
                doc.footnotes.len(),
                tnotes.len()
            ));
        }
        let (flat, at) = flat_text(&doc);
        let mut missed = 0;
        for (k, tn) in tnotes.iter().enumerate() {
            let ours = at.get(k).copied().flatten();
            let want = tn["anchor_before"]
                .as_str()
                .map(|a| common::tail_chars(&collapse(a), ANCHOR));
            let got = ours.map(|p| common::tail_chars(&collapse(&flat[..p]), ANCHOR));
            let label = tn["n"].as_str().unwrap_or("?");
            // The truth finds no place for a marker in a table cell, though the page shows
            // it ("Proclamation October 22, 1930.85"): a place with the TEI's label is
            // taken as right, and counted apart.
            let in_cell = want.is_none()
                && got.is_some()
                && doc.footnotes.get(k).is_some_and(|f| f.n == label);
            t.markers += 1;
            if in_cell {
                t.markers_ok += 1;
                t.truth_without_place += 1;
            } else if want == got {
                t.markers_ok += 1;
            } else {
                missed += 1;
                misses.push(format!(
                    "{stem} note {} (label {}): want …{:?}, got …{:?}",
                    k + 1,
                    label,
                    want,
                    got
                ));
            }
        }
        if missed > 1 {
            t.docs_many_misses += 1;
        }
    }

    // The heading: the truth's, markers and spacing aside ("No. 27." may lead either).
    let norm = |s: &str| {
        collapse(&s.replace(['*', '†', '‡'], ""))
            .trim_end_matches('.')
            .to_string()
    };
    let (ours, want) = (
        norm(&doc.title),
        norm(truth["title"].as_str().unwrap_or("")),
    );
    if ours == want || ours.ends_with(&want) || want.ends_with(&ours) && !ours.is_empty() {
        t.headings_ok += 1;
    } else {
        misses.push(format!("{stem} heading: want {want:?}, got {ours:?}"));
    }

    // One truth file tags "Mr. Bancroft to Mr. Buchanan" as a single sender: a TEI
    // tagging slip, not a heading to learn from.
    for (key, ours) in [("persons_from", &doc.from), ("persons_to", &doc.to)] {
        for name in truth[key].as_array().into_iter().flatten() {
            let Some(name) = name.as_str() else { continue };
            if name.contains(" to ") {
                continue;
            }
            t.names += 1;
            if ours.iter().any(|p| party_matches(name, p)) {
                t.names_ok += 1;
            } else {
                misses.push(format!(
                    "{stem} {key}: {name:?} not among {:?}",
                    ours.iter().map(|p| p.text.as_str()).collect::<Vec<_>>()
                ));
            }
        }
    }

    if let Some(d) = &doc.date {
        t.dated += 1;
        let suspect = truth["date_when_suspect"].as_bool().unwrap_or(false);
        let tdate = truth["date_when"].as_str().filter(|_| !suspect);
        let ours = d.iso.get(..10).unwrap_or(&d.iso);
        match tdate.map(|w| day_distance(ours, w.get(..10).unwrap_or(w))) {
            Some(Some(0..=1)) => t.dated_checked += 1,
            Some(_) => {
                t.dated_checked += 1;
                t.dated_wrong += 1;
                misses.push(format!(
                    "{stem} date: {} ({:?}: {:?}), truth {}",
                    d.iso,
                    d.source,
                    d.text,
                    tdate.unwrap_or("")
                ));
            }
            None => println!(
                "  dated, no TEI date to check: {stem} {} ({:?}: {:?})",
                d.iso, d.source, d.text
            ),
        }
    }
}

#[test]
fn accuracy_over_every_volume() {
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("accuracy-volumes");
    let _ = std::fs::remove_dir_all(&scratch);
    let mut rows: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    for volume in common::tei_volumes() {
        let id = volume.file_stem().unwrap().to_string_lossy().to_string();
        let texts = render(&volume, &scratch.join(&id));
        let row = rows.entry(id).or_default();
        for path in texts {
            score(&path, row, &mut misses);
        }
    }
    let mut all = Tally::default();
    println!(
        "\nplain-text parser over every document of the corpus volumes (tei2txt.py renderings)"
    );
    println!(
        "{:<20} {:>5} {:>5} {:>11} {:>16} {:>5} {:>15} {:>6} {:>7}",
        "volume", "docs", "fn'd", "fn count", "markers", ">1 ms", "names", "dated", "wrong"
    );
    let line = |name: &str, t: &Tally| {
        println!(
            "{:<20} {:>5} {:>9} {:>5} {:>5}/{:<5} {:>5}/{:<5} {:>5.1}% {:>5} {:>5}/{:<5} {:>5.1}% {:>6} {:>3}/{:<3}",
            name,
            t.docs,
            t.headings_ok,
            t.footnoted,
            t.count_ok,
            t.footnoted,
            t.markers_ok,
            t.markers,
            pct(t.markers_ok, t.markers),
            t.docs_many_misses,
            t.names_ok,
            t.names,
            pct(t.names_ok, t.names),
            t.dated,
            t.dated_wrong,
            t.dated_checked
        );
    };
    for (id, t) in &rows {
        line(id, t);
        all.add(t);
    }
    line("all", &all);
    println!(
        "markers the truth has no place for, found with the TEI's label (table cells): {}",
        all.truth_without_place
    );
    println!(
        "refused as not a FRUS page under a name that says nothing: {}",
        all.refused
    );
    println!("misses ({}):", misses.len());
    for m in &misses {
        println!("  miss: {m}");
    }

    assert_eq!(all.count_ok, all.footnoted, "footnote counts");
    let markers = pct(all.markers_ok, all.markers);
    assert!(markers >= 99.5, "markers at their place: {markers:.2}%");
    assert_eq!(
        all.docs_many_misses, 0,
        "documents with more than one marker misplaced"
    );
    let names = pct(all.names_ok, all.names);
    assert!(names >= 99.5, "names: {names:.2}%");
    let headings = pct(all.headings_ok, all.docs);
    assert!(headings >= 99.9, "headings: {headings:.2}%");
    assert_eq!(all.dated_wrong, 0, "dates given wrong");
    assert_eq!(all.refused, 0, "FRUS pages refused as not FRUS");
}
