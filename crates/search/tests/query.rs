//! The query language: every operator, and hostile input read as text, never a panic.

use letterbook_core::model::Kind;
use letterbook_search::query::{dates, parse, Node, Side, ALL_FIELDS, MAX_CLAUSES};
use letterbook_search::Field;

fn term(t: &str) -> Node {
    Node::Term {
        term: t.into(),
        fields: ALL_FIELDS,
    }
}

fn clauses(q: &str) -> Vec<(bool, Node)> {
    match parse(q).root {
        Node::All(xs) => xs,
        other => panic!("not a conjunction: {other:?}"),
    }
}

#[test]
fn words_must_all_match() {
    assert_eq!(
        clauses("Treaty  TARIFF"),
        vec![(false, term("treaty")), (false, term("tariff"))]
    );
}

#[test]
fn phrases_quoted_and_curly() {
    let want = Node::Phrase {
        terms: vec!["secretary".into(), "of".into(), "state".into()],
        fields: ALL_FIELDS,
    };
    assert_eq!(
        clauses("\"Secretary of State\""),
        vec![(false, want.clone())]
    );
    assert_eq!(clauses("“Secretary of State”"), vec![(false, want.clone())]);
    // An unclosed quote runs to the end.
    assert_eq!(clauses("\"secretary of state"), vec![(false, want)]);
    // Words joined by other characters are side by side.
    assert_eq!(
        clauses("hsg!shell"),
        vec![(
            false,
            Node::Phrase {
                terms: vec!["hsg".into(), "shell".into()],
                fields: ALL_FIELDS
            }
        )]
    );
}

#[test]
fn exclusion_or_groups_and_prefixes() {
    assert_eq!(
        clauses("peace -war"),
        vec![(false, term("peace")), (true, term("war"))]
    );
    assert_eq!(
        clauses("hull OR welles"),
        vec![(false, Node::Any(vec![term("hull"), term("welles")]))]
    );
    assert_eq!(
        clauses("(hull OR welles) telegram"),
        vec![
            (false, Node::Any(vec![term("hull"), term("welles")])),
            (false, term("telegram"))
        ]
    );
    assert_eq!(
        clauses("-(a b)"),
        vec![(
            true,
            Node::All(vec![(false, term("a")), (false, term("b"))])
        )]
    );
    assert_eq!(
        clauses("trea*"),
        vec![(
            false,
            Node::Prefix {
                prefix: "trea".into(),
                fields: ALL_FIELDS
            }
        )]
    );
    // A hyphen inside a word is part of it, not an exclusion.
    assert_eq!(clauses("co-operation"), vec![(false, term("cooperation"))]);
    // NOT and a leading + read as a reader means them.
    assert_eq!(
        clauses("peace NOT war +treaty"),
        vec![
            (false, term("peace")),
            (true, term("war")),
            (false, term("treaty"))
        ]
    );
}

#[test]
fn fields_and_filters() {
    let q = parse("in:notes tariff");
    assert_eq!(
        q.root,
        Node::All(vec![(
            false,
            Node::Term {
                term: "tariff".into(),
                fields: Field::Notes.bit()
            }
        )])
    );
    let q = parse("in:heading,body peace");
    assert_eq!(
        q.root,
        Node::All(vec![(
            false,
            Node::Term {
                term: "peace".into(),
                fields: Field::Heading.bit() | Field::Body.bit()
            }
        )])
    );
    assert_eq!(
        clauses("kind:telegram"),
        vec![(false, Node::Kind(Kind::Telegram))]
    );
    assert_eq!(
        clauses("kind:memcon"),
        vec![(false, Node::Kind(Kind::MemorandumOfConversation))]
    );
    assert_eq!(
        clauses("vol:frus1934v05"),
        vec![(false, Node::Volume("frus1934v05".into()))]
    );
    assert_eq!(
        clauses("from:hull|c"),
        vec![(
            false,
            Node::Party {
                side: Side::From,
                words: vec![],
                key: Some("hull|c".into())
            }
        )]
    );
    assert_eq!(
        clauses("to:\"Secretary of State\""),
        vec![(
            false,
            Node::Any(vec![
                Node::Phrase {
                    terms: vec!["secretary".into(), "of".into(), "state".into()],
                    fields: Field::To.bit()
                },
                Node::Party {
                    side: Side::To,
                    words: vec!["secretary".into(), "of".into(), "state".into()],
                    key: None
                },
            ])
        )]
    );
    let (a, b) = dates("1934-01..1934-06").unwrap();
    assert_eq!(
        clauses("1934-01..1934-06"),
        vec![(false, Node::Dates { from: a, to: b })]
    );
    assert_eq!(
        clauses("date:1934-01..1934-06"),
        vec![(false, Node::Dates { from: a, to: b })]
    );
    assert!(dates("1934..").is_some() && dates("..1934-06-30").is_some());
    assert!(dates("..").is_none() && dates("1936..1934").is_none() && dates("1934-13").is_none());
}

#[test]
fn unknown_fields_and_values_are_text_with_a_notice() {
    let q = parse("kind:memorial");
    assert_eq!(
        q.root,
        Node::All(vec![(
            false,
            Node::Phrase {
                terms: vec!["kind".into(), "memorial".into()],
                fields: ALL_FIELDS
            }
        )])
    );
    assert!(q.notices[0].contains("not a kind"), "{:?}", q.notices);
    assert_eq!(
        clauses("foo:bar"),
        vec![(
            false,
            Node::Phrase {
                terms: vec!["foo".into(), "bar".into()],
                fields: ALL_FIELDS
            }
        )]
    );
    let q = parse("in:margins peace");
    assert!(q.notices[0].contains("in:margins"));
}

#[test]
fn punctuation_only_and_empty_queries_ask_for_nothing() {
    for q in [
        "", "   ", "!!!", "\"\"", "()", "-", "OR", "* * *", ")(", "::",
    ] {
        assert!(parse(q).is_empty(), "{q:?} → {:?}", parse(q));
    }
}

#[test]
fn hostile_input_gets_an_answer() {
    let quotes = "\"".repeat(10_000);
    assert!(parse(&quotes).is_empty());
    let opens = "(".repeat(10_000) + "peace";
    assert!(!parse(&opens).is_empty());
    let closes = ")".repeat(10_000) + "peace" + &"(".repeat(3);
    assert_eq!(clauses(&closes), vec![(false, term("peace"))]);
    let controls: String = (0u8..32)
        .map(|b| b as char)
        .chain("peace\u{7f}\u{200b}war".chars())
        .collect();
    assert!(!parse(&controls).is_empty());
    // A megabyte of words: read up to the limit, and said.
    let big = "peace war ".repeat(100_000);
    let q = parse(&big);
    assert_eq!(clauses(&big).len(), MAX_CLAUSES);
    assert!(q.notices.iter().any(|n| n.contains("first")));
    let long_word = "a".repeat(1 << 20);
    assert_eq!(clauses(&long_word).len(), 1);
    let mixed = "a\"b(c)d:e-f*g|h".repeat(50_000);
    let _ = parse(&mixed);
}

#[test]
fn the_readers_query_is_words_and_filters() {
    use letterbook_core::timeline::TimelineQuery;
    use letterbook_search::query::reader_query;
    let q = reader_query(&TimelineQuery::parse(
        "q=treaty&kind=telegram&vol=frus1934v05&sender=hull%7Cc&person=welles&from=1934-01-01",
    ));
    let clauses = match q.root {
        Node::All(xs) => xs,
        _ => unreachable!(),
    };
    assert_eq!(clauses[0], (false, term("treaty")));
    assert!(clauses.contains(&(false, Node::Kind(Kind::Telegram))));
    assert!(clauses.contains(&(false, Node::Volume("frus1934v05".into()))));
    assert!(clauses.contains(&(
        false,
        Node::Party {
            side: Side::From,
            words: vec![],
            key: Some("hull|c".into())
        }
    )));
    assert!(clauses
        .iter()
        .any(|(_, n)| matches!(n, Node::Any(xs) if xs.len() == 2)));
    assert!(clauses
        .iter()
        .any(|(_, n)| matches!(n, Node::Dates { to, .. } if *to == i64::MAX)));
    // Filters alone are a query: every document they keep.
    assert!(!reader_query(&TimelineQuery::parse("kind=letter")).is_empty());
    assert!(reader_query(&TimelineQuery::parse("")).is_empty());
}
