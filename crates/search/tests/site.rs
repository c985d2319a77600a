//! A pack site's split index: built from the twelve volumes' segments, it answers every
//! query as the segments do (same documents, same order), a query reads only the parts its
//! words fall in, and every part read is checked.

mod common;

use std::sync::Arc;

use common::{all_docs, model, volumes};
use letterbook_core::pack::codec::Codec;
use letterbook_search::site::{self, build_site, SiteMeta};
use letterbook_search::{parse, search, snippet, Index, Segment, Sort, Source};

const QUERIES: &[&str] = &[
    "treaty",
    "hull",
    "\"secretary of state\" hull",
    "\"the united states\"",
    "co-operation",
    "trea*",
    "peace -war",
    "hull OR welles",
    "kind:telegram japan",
    "in:notes tariff",
    "from:hull telegram",
    "1934..1934 mexico",
    "711.00111",
    "vol:frus1919 peace",
    "zanzibar*",
    "nothingatallhere",
];

#[test]
fn the_split_index_answers_as_the_segments_do() {
    let corr = model();
    let segments: Vec<Segment> = volumes().iter().map(|v| Segment::of(&v.docs)).collect();
    let refs: Vec<&Segment> = segments.iter().collect();
    let docs = all_docs();
    let files = build_site(corr, &refs, &docs, Codec::Lz4);
    let meta = SiteMeta::read(&files.meta).expect("the table of contents reads");
    assert_eq!(meta.norms.len(), corr.docs.len());
    assert!(meta.terms.len() > 20, "{} parts of terms", meta.terms.len());
    let part = |path: &str| -> Vec<u8> {
        let (_, bytes) = files
            .parts
            .iter()
            .find(|(p, _)| p == path)
            .expect("a part it names");
        site::check_part(path, bytes).expect("a part is what its name says");
        bytes.clone()
    };
    let local = Index::new(
        corr,
        &segments
            .iter()
            .map(|s| Source::Segment(Arc::new(s.clone())))
            .collect::<Vec<_>>(),
    );
    for q in QUERIES {
        let query = parse(q);
        let wanted = meta.parts_for(&query);
        assert!(
            wanted.len() <= 4 || q.ends_with('*'),
            "{q}: {} parts",
            wanted.len()
        );
        let tables = wanted
            .iter()
            .map(|&i| Arc::new(site::read_term_part(&part(&meta.terms[i].path)).unwrap()))
            .collect();
        let index = Index::new(
            corr,
            &[Source::Site {
                tables,
                norms: Arc::new(meta.norms.clone()),
            }],
        );
        let a = search(&local, corr, &query, Sort::Relevance);
        let b = search(&index, corr, &query, Sort::Relevance);
        let ids =
            |r: &letterbook_search::Results| -> Vec<u32> { r.hits.iter().map(|h| h.doc).collect() };
        assert_eq!(ids(&a), ids(&b), "{q}");
        // The snippet from the site's text is the one from the document.
        for h in b.hits.iter().take(5) {
            let i = meta.text_part(h.doc).expect("every document has its text");
            let texts = site::read_text_part(&part(&meta.text[i].path)).unwrap();
            let t = texts
                .iter()
                .find(|t| t.doc == h.doc)
                .expect("its text is in its part");
            let from_site =
                letterbook_search::snippet::snippet_in(&t.passages, &|f| t.note(f), &query, 160);
            let doc = docs
                .iter()
                .find(|d| d.id == corr.docs[h.doc as usize].id)
                .unwrap();
            assert_eq!(from_site, snippet(doc, &query, 160), "{q}: {}", doc.id);
        }
    }
}

#[test]
fn damaged_or_foreign_parts_are_refused() {
    let corr = model();
    let v = &volumes()[4];
    let seg = Segment::of(&v.docs);
    let docs: Vec<_> = v.docs.iter().collect();
    let files = build_site(corr, &[&seg], &docs, Codec::Lz4);
    let (path, bytes) = &files.parts[0];
    let mut bad = bytes.clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    assert!(site::check_part(path, &bad).is_err());
    assert!(site::read_term_part(&bad).is_err() || site::read_text_part(&bad).is_err());
    assert!(SiteMeta::read(&files.meta[..files.meta.len() - 3]).is_err());
    assert!(SiteMeta::read(b"LBKX").is_err());
    // Parts named for another file are not taken.
    let (other, _) = &files.parts[1];
    assert!(site::check_part(other, bytes).is_err());
}
