//! Accuracy of the plain-text parser over every rendering in `../shared/corpus/txt-dev`
//! and `txt-notes`, against the ground truth made from the TEI (`*.truth.json`).
//!
//! Prints a per-field table and asserts each field at the level reached. Footnote marker
//! placement must be exact: the 40 characters before each marker equal the truth's
//! `anchor_before` (and a marker the page does not show, `anchor_before: null`, is not
//! invented).

mod common;

use std::collections::BTreeMap;

use common::truth::{day_distance, parties_match};
use letterbook_core::{heading, model::Kind, parse_text, render::flat_text, Document};
use serde_json::Value;

#[derive(Default, Clone, Copy)]
struct Score {
    ok: usize,
    total: usize,
}

impl Score {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        if ok {
            self.ok += 1;
        }
    }
    fn pct(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * self.ok as f64 / self.total as f64
        }
    }
}

/// The kind the sample was picked for (manifest features), or the word a heading opens
/// with ("74. Letter From …", "Memorandum by …"). Kept apart from the parser's heading
/// grammar so the check is independent of it.
fn expected_kind(features: &[String], title: &str) -> Option<Kind> {
    let modern = [
        ("Letter ", Kind::Letter),
        ("Telegram ", Kind::Telegram),
        ("Memorandum of Conversation", Kind::MemorandumOfConversation),
        ("Memorandum ", Kind::Memorandum),
        ("Editorial Note", Kind::EditorialNote),
    ];
    let rest = title
        .split_once(". ")
        .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
        .map_or(title, |(_, rest)| rest);
    if let Some(&(_, k)) = modern.iter().find(|(w, _)| rest.starts_with(w)) {
        return Some(k);
    }
    if features.iter().any(|f| f == "telegram") {
        return Some(Kind::Telegram);
    }
    if features.iter().any(|f| f == "memorandum") {
        return Some(Kind::Memorandum);
    }
    None
}

#[test]
fn accuracy_over_the_corpus() {
    let corpus = common::corpus();
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(corpus.join("txt-dev/manifest.json")).unwrap())
            .unwrap();
    let mut features: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in manifest["documents"].as_array().unwrap() {
        let key = format!(
            "{}-{}",
            d["volume"].as_str().unwrap(),
            d["doc"].as_str().unwrap()
        );
        let f = d["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        features.insert(key, f);
    }

    let mut fields: BTreeMap<&str, Score> = BTreeMap::new();
    let mut dates = BTreeMap::<&str, usize>::new();
    let mut failures: Vec<String> = Vec::new();
    let mut docs = 0;
    for folder in ["txt-dev", "txt-notes"] {
        for path in common::texts(folder) {
            docs += 1;
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let stem = name.trim_end_matches(".txt").to_string();
            let truth: Value = serde_json::from_slice(
                &std::fs::read(path.with_file_name(format!("{stem}.truth.json"))).unwrap(),
            )
            .unwrap();
            let doc: Document = parse_text(&path.to_string_lossy(), &std::fs::read(&path).unwrap())
                .unwrap_or_else(|e| panic!("{e}"));
            let (flat, at) = flat_text(&doc);
            let tnotes = truth["footnotes"].as_array().unwrap();

            fields
                .entry("footnote count")
                .or_default()
                .add(doc.footnotes.len() == tnotes.len());
            for (k, t) in tnotes.iter().enumerate() {
                let ours = at.get(k).copied().flatten();
                let ok = match (t["anchor_before"].as_str(), ours) {
                    (None, None) => true,
                    (Some(anchor), Some(pos)) => {
                        let got =
                            common::tail_chars(flat[..pos].trim_end(), anchor.chars().count());
                        got == anchor
                    }
                    _ => false,
                };
                if !ok {
                    failures.push(format!(
                        "{stem} footnote {} (label {}): want …{:?}, got …{:?}",
                        k + 1,
                        t["n"],
                        t["anchor_before"].as_str(),
                        ours.map(|p| common::tail_chars(&flat[..p], 40))
                    ));
                }
                fields.entry("marker placement").or_default().add(ok);
                let label_ok = doc
                    .footnotes
                    .get(k)
                    .is_some_and(|f| Some(f.n.as_str()) == t["n"].as_str());
                fields
                    .entry("marker label")
                    .or_default()
                    .add(label_ok || t["anchor_before"].is_null());
            }

            // The renderings drop page breaks the page does not show (a `pb` before the
            // heading or between list items): every page shown must be found, in order, and
            // each found page must be one of the truth's.
            let tpages: Vec<&str> = truth["pages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let raw = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
            let shown: Vec<String> = raw
                .match_indices("[Page ")
                .filter_map(|(i, _)| raw[i + 6..].split_once(']').map(|(n, _)| n.to_string()))
                .collect();
            let mut rest = tpages.iter();
            let subsequence = doc.pages.iter().all(|p| rest.any(|t| t == p));
            let pages_ok = doc.pages == shown && subsequence;
            if !pages_ok {
                failures.push(format!(
                    "{stem} pages: truth {tpages:?}, shown {shown:?}, got {:?}",
                    doc.pages
                ));
            }
            fields.entry("page breaks").or_default().add(pages_ok);
            let recover = fields.entry("pages recoverable").or_default();
            recover.ok += doc.pages.len();
            recover.total += tpages.len();

            let title = truth["title"].as_str().unwrap_or("");
            if let Some(k) = expected_kind(
                features.get(&stem).map_or(&[][..], |v| v),
                heading::strip_number(title),
            ) {
                let ok = doc.kind == k
                    || (k == Kind::Memorandum && doc.kind == Kind::MemorandumOfConversation);
                if !ok {
                    failures.push(format!("{stem} kind: want {k:?}, got {:?}", doc.kind));
                }
                fields.entry("kind").or_default().add(ok);
            }
            // One truth file tags "Mr. Bancroft to Mr. Buchanan" as a single sender: a TEI
            // tagging slip, not a heading to learn from.
            let tagging_slip = truth["persons_from"].as_array().is_some_and(|a| {
                a.iter()
                    .any(|v| v.as_str().is_some_and(|s| s.contains(" to ")))
            });
            for (field, key, ours) in [
                ("from", "persons_from", &doc.from),
                ("to", "persons_to", &doc.to),
            ] {
                if tagging_slip {
                    continue;
                }
                if let Some(ok) = parties_match(&truth[key], ours) {
                    if !ok {
                        failures.push(format!(
                            "{stem} {field}: want {}, got {:?}",
                            truth[key],
                            ours.iter().map(heading::short).collect::<Vec<_>>()
                        ));
                    }
                    fields.entry(field).or_default().add(ok);
                }
            }

            let trefs: Vec<String> = truth["refs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            let mut ours: Vec<String> = doc.refs.iter().map(|r| r.target.clone()).collect();
            let mut want = trefs.clone();
            ours.sort();
            want.sort();
            if ours != want {
                failures.push(format!("{stem} refs: want {want:?}, got {ours:?}"));
            }
            fields.entry("refs").or_default().add(ours == want);

            let tdate = truth["date_when"]
                .as_str()
                .map(|s| s.get(..10).unwrap_or(s).to_string());
            let suspect = truth["date_when_suspect"].as_bool().unwrap_or(false);
            let outcome = match (&doc.date, &tdate) {
                (None, None) => "undated, truth undated",
                (None, Some(_)) => "undated, truth dated",
                (Some(d), None) => {
                    println!(
                        "  dated without truth: {stem} {} ({:?}: {:?})",
                        d.iso, d.source, d.text
                    );
                    "dated, truth undated"
                }
                (Some(d), Some(t)) if suspect => {
                    let _ = (d, t);
                    "dated, truth suspect"
                }
                (Some(d), Some(t)) => {
                    let ours = d.iso.get(..10).unwrap_or(&d.iso);
                    let days = day_distance(ours, t);
                    println!(
                        "  dated: {stem} {} ({:?}: {:?}), truth {t}",
                        d.iso, d.source, d.text
                    );
                    match days {
                        Some(0) => "dated, same day",
                        Some(1..=3) => "dated, within 3 days",
                        _ => {
                            failures.push(format!(
                                "{stem} date: want {t}, got {} ({:?})",
                                d.iso, d.source
                            ));
                            "dated, WRONG"
                        }
                    }
                }
            };
            *dates.entry(outcome).or_default() += 1;
            fields
                .entry("date never wrong")
                .or_default()
                .add(outcome != "dated, WRONG");
        }
    }

    println!("\nplain-text parser accuracy over {docs} documents (txt-dev + txt-notes)");
    println!(
        "{:<20} {:>7} {:>7} {:>8}",
        "field", "ok", "total", "percent"
    );
    for (k, s) in &fields {
        println!("{k:<20} {:>7} {:>7} {:>7.1}%", s.ok, s.total, s.pct());
    }
    println!("dates:");
    for (k, n) in &dates {
        println!("  {k:<28} {n}");
    }
    for f in &failures {
        println!("  miss: {f}");
    }

    // The levels reached; a regression below any of them fails the test.
    let floor = [
        ("marker placement", 100.0),
        ("marker label", 100.0),
        ("footnote count", 100.0),
        ("page breaks", 100.0),
        ("kind", 100.0),
        ("from", 95.0),
        ("to", 95.0),
        ("refs", 90.0),
        ("date never wrong", 100.0),
    ];
    for (field, min) in floor {
        let s = fields.get(field).copied().unwrap_or_default();
        assert!(s.pct() >= min, "{field}: {:.1}% < {min}%", s.pct());
    }
}
