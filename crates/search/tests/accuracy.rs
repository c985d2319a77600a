//! Accuracy over the twelve corpus volumes, measured against a plain reading of every
//! document in the test (the tokeniser's words, one document after another), not against
//! the index: phrases of five words that the reading finds in exactly one document must
//! find that document first and alone; pairs of rare words must find exactly the documents
//! the reading finds holding both. Prints the rates; both must be 100 %.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use common::{all_docs, model, volumes, Lcg};
use letterbook_search::passages::Field;
use letterbook_search::segment::for_each_word;
use letterbook_search::tokens::Tokenizer;
use letterbook_search::{parse, search, Index, Segment, Sort, Source};

/// Every document's words, read plainly: per word its field, position and terms (ids).
struct Reading {
    ids: HashMap<String, u32>,
    names: Vec<String>,
    /// Per document: (field, position, first term index, term count) per word.
    words: Vec<Vec<(Field, u32, u32, u8)>>,
    terms: Vec<u32>,
    /// Where each term stands: (document, word).
    at: HashMap<u32, Vec<(u32, u32)>>,
}

impl Reading {
    fn of_corpus() -> Reading {
        let mut r = Reading {
            ids: HashMap::new(),
            names: Vec::new(),
            words: Vec::new(),
            terms: Vec::new(),
            at: HashMap::new(),
        };
        let mut tok = Tokenizer::new();
        for doc in all_docs() {
            let mut ws = Vec::new();
            for_each_word(&mut tok, doc, |field, pos, _, _, _, terms| {
                let at = r.terms.len() as u32;
                let mut n = 0u8;
                for t in terms {
                    let id = match r.ids.get(t) {
                        Some(&id) => id,
                        None => {
                            let id = r.names.len() as u32;
                            r.ids.insert(t.to_string(), id);
                            r.names.push(t.to_string());
                            id
                        }
                    };
                    r.terms.push(id);
                    r.at.entry(id)
                        .or_default()
                        .push((r.words.len() as u32, ws.len() as u32));
                    n += 1;
                }
                ws.push((field, pos, at, n));
            });
            r.words.push(ws);
        }
        r
    }

    fn terms_of(&self, w: &(Field, u32, u32, u8)) -> &[u32] {
        &self.terms[w.2 as usize..w.2 as usize + w.3 as usize]
    }

    /// The documents where `phrase` (term ids) stands, word after word in one field.
    fn phrase_docs(&self, phrase: &[u32]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &(d, i) in self.at.get(&phrase[0]).map_or(&[][..], |v| v.as_slice()) {
            let (ws, i) = (&self.words[d as usize], i as usize);
            let found = i + phrase.len() <= ws.len()
                && phrase.iter().enumerate().all(|(k, t)| {
                    let w = &ws[i + k];
                    w.0 == ws[i].0 && w.1 == ws[i].1 + k as u32 && self.terms_of(w).contains(t)
                });
            if found && out.last() != Some(&(d as usize)) {
                out.push(d as usize);
            }
        }
        out
    }
}

#[test]
fn phrases_and_rare_pairs_find_exactly_their_documents() {
    let corr = model();
    let docs = all_docs();
    let sources: Vec<Source> = volumes()
        .iter()
        .map(|v| Source::Segment(Arc::new(Segment::of(&v.docs))))
        .collect();
    let index = Index::new(corr, &sources);
    let reading = Reading::of_corpus();
    let mut rng = Lcg(1934);

    // Phrases: five words of one passage (each word by its whole), found by the reading in
    // exactly one document.
    let (mut tried, mut unique, mut phrase_ok) = (0, 0, 0);
    let mut misses = Vec::new();
    while unique < 250 && tried < 5000 {
        tried += 1;
        let d = rng.next(docs.len());
        let ws = &reading.words[d];
        if ws.len() < 5 {
            continue;
        }
        let i = rng.next(ws.len() - 4);
        let run = &ws[i..i + 5];
        if run
            .iter()
            .enumerate()
            .any(|(k, w)| w.0 != run[0].0 || w.1 != run[0].1 + k as u32)
        {
            continue;
        }
        let phrase: Vec<u32> = run.iter().map(|w| reading.terms_of(w)[0]).collect();
        let found = reading.phrase_docs(&phrase);
        if found != [d] {
            continue;
        }
        unique += 1;
        let words: Vec<&str> = phrase
            .iter()
            .map(|&t| reading.names[t as usize].as_str())
            .collect();
        let q = format!("\"{}\"", words.join(" "));
        let r = search(&index, corr, &parse(&q), Sort::Relevance);
        let first = r
            .hits
            .first()
            .map(|h| corr.docs[h.doc as usize].id.as_str());
        if r.total() == 1 && first == Some(docs[d].id.as_str()) {
            phrase_ok += 1;
        } else {
            misses.push(format!(
                "{q}: want {} alone, got {} ({first:?})",
                docs[d].id,
                r.total()
            ));
        }
    }

    // Rare pairs: two words of one document, each in at most five documents; the answer is
    // every document holding both.
    let mut df: HashMap<u32, HashSet<usize>> = HashMap::new();
    for (d, ws) in reading.words.iter().enumerate() {
        for w in ws {
            for &t in reading.terms_of(w) {
                df.entry(t).or_default().insert(d);
            }
        }
    }
    let (mut pairs, mut pair_ok) = (0, 0);
    let mut seen = HashSet::new();
    let mut guard = 0;
    while pairs < 250 && guard < 20_000 {
        guard += 1;
        let d = rng.next(docs.len());
        let rare: Vec<u32> = reading.words[d]
            .iter()
            .map(|w| reading.terms_of(w)[0])
            .filter(|t| df[t].len() <= 5)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        if rare.len() < 2 {
            continue;
        }
        let mut sorted = rare.clone();
        sorted.sort();
        let (a, b) = (
            sorted[rng.next(sorted.len())],
            sorted[rng.next(sorted.len())],
        );
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        pairs += 1;
        let mut want: Vec<&str> = df[&a]
            .intersection(&df[&b])
            .map(|&d| docs[d].id.as_str())
            .collect();
        want.sort();
        let q = format!(
            "{} {}",
            reading.names[a as usize], reading.names[b as usize]
        );
        let r = search(&index, corr, &parse(&q), Sort::Relevance);
        let mut got: Vec<&str> = r
            .hits
            .iter()
            .map(|h| corr.docs[h.doc as usize].id.as_str())
            .collect();
        got.sort();
        if got == want {
            pair_ok += 1;
        } else {
            misses.push(format!("{q}: want {want:?}, got {got:?}"));
        }
    }

    println!(
        "search accuracy over the twelve corpus volumes ({} documents)",
        docs.len()
    );
    println!(
        "  phrases of five words found in one document: {phrase_ok}/{unique} ({:.1} %)",
        100.0 * phrase_ok as f64 / unique.max(1) as f64
    );
    println!(
        "  pairs of rare words, exactly the documents holding both: {pair_ok}/{pairs} ({:.1} %)",
        100.0 * pair_ok as f64 / pairs.max(1) as f64
    );
    for m in misses.iter().take(20) {
        println!("  miss: {m}");
    }
    assert!(
        unique >= 200 && pairs >= 200,
        "too few cases drawn: {unique} phrases, {pairs} pairs"
    );
    assert!(misses.is_empty(), "{} misses", misses.len());
}
