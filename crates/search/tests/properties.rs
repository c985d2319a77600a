//! Property test: for generated documents and queries, the index finds exactly what a
//! linear reading of every document finds (words, phrases, prefixes, exclusions, OR,
//! groups, fields), however the documents are cut into segments, and after a round trip
//! of the segments through their bytes; and no query or byte string panics it.

use std::sync::Arc;

use letterbook_core::correspondence::Correspondence;
use letterbook_core::model::{Block, BlockKind, Document, Footnote, FootnoteKind, Inline, Party};
use letterbook_core::parse_str;
use letterbook_search::passages::Field;
use letterbook_search::query::Node;
use letterbook_search::segment::for_each_word;
use letterbook_search::tokens::Tokenizer;
use letterbook_search::{parse, search, Index, Segment, Sort, Source};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "peace",
    "war",
    "treaty",
    "co-operation",
    "cooperation",
    "operation",
    "U.S.",
    "us",
    "Pérez",
    "perez",
    "1934",
    "711.00111",
    "the",
    "of",
    "State",
    "secretary",
    "don't",
    "O’Brien",
    "brien",
    "a",
    "silver",
    "Department’s",
    "department",
    "ÉTAT",
];
const SEPS: &[&str] = &[" ", " ", " ", " ", ", ", ". ", "-", " — ", ": ", "’s ", "/"];

fn base() -> Document {
    parse_str(
        "frus1981-88v03-d74.txt",
        include_str!("../../../samples/frus1981-88v03-d74.txt"),
    )
}

fn text(words: &[(usize, usize)]) -> String {
    let mut s = String::new();
    for (k, &(w, sep)) in words.iter().enumerate() {
        if k > 0 {
            s.push_str(SEPS[sep % SEPS.len()]);
        }
        s.push_str(VOCAB[w % VOCAB.len()]);
    }
    s
}

fn words() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..VOCAB.len(), 0..SEPS.len()), 0..14)
}

#[derive(Debug, Clone)]
struct Gen {
    head: Vec<(usize, usize)>,
    blocks: Vec<Vec<(usize, usize)>>,
    notes: Vec<(bool, Vec<(usize, usize)>)>,
    from: Vec<(usize, usize)>,
}

fn gen_doc() -> impl Strategy<Value = Gen> {
    (
        words(),
        prop::collection::vec(words(), 0..4),
        prop::collection::vec((any::<bool>(), words()), 0..3),
        words(),
    )
        .prop_map(|(head, blocks, notes, from)| Gen {
            head,
            blocks,
            notes,
            from,
        })
}

fn build(i: usize, g: &Gen) -> Document {
    let mut d = base();
    d.id = format!("frus1999v01-d{i}");
    d.n = Some(i.to_string());
    d.head = vec![Inline::Text(text(&g.head))];
    d.title = text(&g.head);
    d.blocks = g
        .blocks
        .iter()
        .enumerate()
        .map(|(k, w)| {
            // Split a block's text across inlines, as the parsers do (emphasis, a marker).
            let t = text(w);
            let cut = t
                .char_indices()
                .nth(t.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            Block {
                kind: if k == 0 {
                    BlockKind::Paragraph
                } else {
                    BlockKind::Quote
                },
                inlines: vec![
                    Inline::Text(t[..cut].to_string()),
                    Inline::Em(vec![Inline::Text(t[cut..].to_string())]),
                ],
                level: 0,
                label: None,
                depth: 0,
                before_head: false,
                rend: None,
                cells: Vec::new(),
            }
        })
        .collect();
    d.footnotes = g
        .notes
        .iter()
        .enumerate()
        .map(|(k, (source, w))| Footnote {
            index: k as u32 + 1,
            n: (k + 1).to_string(),
            kind: if *source {
                FootnoteKind::Source
            } else {
                FootnoteKind::Note
            },
            inlines: vec![Inline::Text(text(w))],
        })
        .collect();
    d.from = vec![Party {
        text: text(&g.from),
        name: None,
        role: None,
        id: None,
    }];
    d.to = Vec::new();
    d
}

/// The linear reading: does `doc` match `node`?
fn reads(words: &[(Field, u32, Vec<String>)], node: &Node) -> bool {
    let has = |w: &(Field, u32, Vec<String>), t: &str| w.2.iter().any(|x| x == t);
    match node {
        Node::Term { term, fields } => words
            .iter()
            .any(|w| fields & w.0.bit() != 0 && has(w, term)),
        Node::Prefix { prefix, fields } => words
            .iter()
            .any(|w| fields & w.0.bit() != 0 && w.2.iter().any(|t| t.starts_with(prefix.as_str()))),
        Node::Phrase { terms, fields } => (0..words.len()).any(|i| {
            i + terms.len() <= words.len()
                && fields & words[i].0.bit() != 0
                && terms.iter().enumerate().all(|(k, t)| {
                    let w = &words[i + k];
                    w.0 == words[i].0 && w.1 == words[i].1 + k as u32 && has(w, t)
                })
        }),
        Node::All(xs) => {
            xs.iter()
                .filter(|(neg, _)| !neg)
                .all(|(_, x)| reads(words, x))
                && !xs
                    .iter()
                    .filter(|(neg, _)| *neg)
                    .any(|(_, x)| reads(words, x))
        }
        Node::Any(xs) => xs.iter().any(|x| reads(words, x)),
        other => panic!("no filters in this test: {other:?}"),
    }
}

fn query() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        (0..VOCAB.len()).prop_map(|w| VOCAB[w].to_string()),
        Just("absent".to_string()),
        (0..VOCAB.len(), 1..4usize).prop_map(|(w, n)| {
            let v: String = VOCAB[w].chars().take(n).collect();
            format!("{v}*")
        }),
        (0..VOCAB.len(), 0..VOCAB.len())
            .prop_map(|(a, b)| format!("\"{} {}\"", VOCAB[a], VOCAB[b])),
        (0..VOCAB.len(), 0..VOCAB.len(), 0..VOCAB.len())
            .prop_map(|(a, b, c)| format!("\"{} {} {}\"", VOCAB[a], VOCAB[b], VOCAB[c])),
    ];
    let clause = (word.clone(), 0..6u8).prop_map(|(w, how)| match how {
        0 => format!("-{w}"),
        _ => w,
    });
    (
        prop::collection::vec(clause, 1..4),
        prop::option::of((word.clone(), word)),
        prop::option::of(prop::sample::select(vec![
            "in:notes",
            "in:heading",
            "in:body,source",
            "in:from",
        ])),
    )
        .prop_map(|(cs, or, field)| {
            let mut q = cs.join(" ");
            if let Some((a, b)) = or {
                q.push_str(&format!(" ({a} OR {b})"));
            }
            if let Some(f) = field {
                q.push(' ');
                q.push_str(f);
            }
            q
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn the_index_finds_what_a_reading_finds(
        gens in prop::collection::vec(gen_doc(), 1..10),
        cuts in prop::collection::vec(any::<bool>(), 10),
        queries in prop::collection::vec(query(), 1..6),
    ) {
        let docs: Vec<Document> = gens.iter().enumerate().map(|(i, g)| build(i + 1, g)).collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let corr = Correspondence::build(&refs, &[]);
        // The documents in one to several segments, each through its bytes.
        let mut sources = Vec::new();
        let mut start = 0;
        for i in 1..=docs.len() {
            if i == docs.len() || cuts[i % cuts.len()] {
                let seg = Segment::of(&docs[start..i]);
                let seg = Segment::from_bytes(&seg.to_bytes()).expect("a segment reads back");
                sources.push(Source::Segment(Arc::new(seg)));
                start = i;
            }
        }
        let index = Index::new(&corr, &sources);
        let mut tok = Tokenizer::new();
        let read: Vec<Vec<(Field, u32, Vec<String>)>> = docs
            .iter()
            .map(|d| {
                let mut ws = Vec::new();
                for_each_word(&mut tok, d, |f, p, _, _, _, t| ws.push((f, p, t.map(str::to_string).collect())));
                ws
            })
            .collect();
        for q in &queries {
            let parsed = parse(q);
            let mut want: Vec<String> = if parsed.is_empty() {
                Vec::new()
            } else {
                docs.iter().zip(&read).filter(|(_, w)| reads(w, &parsed.root)).map(|(d, _)| d.id.clone()).collect()
            };
            let r = search(&index, &corr, &parsed, Sort::Relevance);
            let mut got: Vec<String> = r.hits.iter().map(|h| corr.docs[h.doc as usize].id.clone()).collect();
            want.sort();
            got.sort();
            prop_assert_eq!(got, want, "query {:?} read as {:?}", q, parsed.root);
            // Every hit's snippet or opening can be made.
            for h in r.hits.iter().take(3) {
                let d = &docs[h.doc as usize];
                let _ = letterbook_search::snippet(d, &parsed, 120);
            }
        }
    }

    #[test]
    fn any_query_is_answered(q in ".{0,300}") {
        let docs = [base()];
        let refs: Vec<&Document> = docs.iter().collect();
        let corr = Correspondence::build(&refs, &[]);
        let index = Index::new(&corr, &[Source::Segment(Arc::new(Segment::of(&docs)))]);
        let parsed = parse(&q);
        let r = search(&index, &corr, &parsed, Sort::Relevance);
        prop_assert!(r.total() <= 1);
        let _ = letterbook_search::snippet(&docs[0], &parsed, 160);
    }

    #[test]
    fn damaged_segments_are_errors_not_panics(flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8), cut in any::<usize>()) {
        let docs = [base()];
        let mut bytes = Segment::of(&docs).to_bytes();
        for (at, x) in flips {
            let i = at % bytes.len();
            bytes[i] ^= x;
        }
        let keep = cut % (bytes.len() + 1);
        for b in [&bytes[..], &bytes[..keep]] {
            if let Ok(seg) = Segment::from_bytes(b) {
                let refs: Vec<&Document> = docs.iter().collect();
                let corr = Correspondence::build(&refs, &[]);
                let index = Index::new(&corr, &[Source::Segment(Arc::new(seg))]);
                for q in ["letter", "\"the soviet\"", "s*", "-gromyko"] {
                    let _ = search(&index, &corr, &parse(q), Sort::Relevance);
                }
            }
        }
    }
}
