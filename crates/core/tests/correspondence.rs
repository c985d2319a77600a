//! The correspondence model on real FRUS data: dates with certainty, correspondents
//! normalised, threads resolved with their evidence.

mod common;

use common::{corpus, seed_path, tei_volumes};
use letterbook_core::correspondence::{
    parties::PartyKind,
    when::{iso_day, Certainty},
    Correspondence, Relation,
};
use letterbook_core::timeline::{self, Filter, LaneMode};
use letterbook_core::{parse_text, parse_volume, DateSource, Document, Kind, VolumeParse};

fn volume(path: &std::path::Path) -> VolumeParse {
    let bytes = std::fs::read(path).expect("read volume");
    parse_volume(&path.to_string_lossy(), &bytes).expect("volume parses")
}

fn modern() -> VolumeParse {
    volume(&corpus().join("tei-modern/frus1981-88v03-d72-d75.xml"))
}

fn build(v: &[&VolumeParse]) -> Correspondence {
    let docs: Vec<&Document> = v.iter().flat_map(|v| &v.documents).collect();
    let vols: Vec<_> = v.iter().map(|v| &v.volume).collect();
    Correspondence::build(&docs, &vols)
}

#[test]
fn the_seed_thread_d74_answers_d73() {
    let m = modern();
    let c = build(&[&m]);
    let d74 = c.index_of("frus1981-88v03-d74").unwrap();
    let d73 = c.index_of("frus1981-88v03-d73").unwrap();
    let links = c.links_from(d74);
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0].to, d73);
    assert_eq!(links[0].relation, Relation::Answers);
    assert_eq!(
        links[0].evidence,
        "your letter of July 10, 1981 + footnote 2: See Document 73."
    );
    // d73 carries Haig's letter of July 10 to Gromyko: the Secretary is Haig in this volume.
    let f73 = &c.docs[d73 as usize];
    let carried = f73.carried.as_ref().expect("d73 carries a letter");
    assert_eq!(carried.day.map(iso_day).as_deref(), Some("1981-07-10"));
    let label = |ps: &[u32]| {
        ps.iter()
            .map(|&p| c.parties.get(p).label.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(label(f73.writers()), ["Haig"]);
    assert_eq!(label(f73.addressees()), ["Gromyko"]);
    assert_eq!(
        label(&f73.from),
        ["Department of State"],
        "raw parties kept"
    );
    assert!(
        f73.party_evidence
            .iter()
            .any(|e| e.contains("Haig held the office of Secretary of State")),
        "{:?}",
        f73.party_evidence
    );
    let f74 = &c.docs[d74 as usize];
    assert_eq!(label(&f74.from), ["Gromyko"]);
    assert_eq!(f74.when.certainty, Certainty::Exact);
    assert_eq!(iso_day(f74.when.start), "1981-07-20");
    assert_eq!(
        c.docs[c.index_of("frus1981-88v03-d75").unwrap() as usize]
            .when
            .certainty,
        Certainty::Undated
    );
    assert_eq!(c.thread(d74), vec![d73, d74]);
    // The model's links, as `letterbook parse --json` prints them.
    let l = c.model_links(d74);
    assert_eq!(
        (l[0].target.as_str(), l[0].relation.as_str()),
        ("frus1981-88v03-d73", "answers")
    );
}

#[test]
fn the_plain_text_seed_with_the_tei_excerpt() {
    let bytes = std::fs::read(seed_path()).unwrap();
    let seed = parse_text("frus1981-88v03-d74.txt", &bytes).unwrap();
    let m = modern();
    let mut docs: Vec<&Document> = m.documents.iter().filter(|d| d.id != seed.id).collect();
    docs.push(&seed);
    let c = Correspondence::build(&docs, &[&m.volume]);
    let i = c.index_of(&seed.id).unwrap();
    let f = &c.docs[i as usize];
    // The text's date is inferred from its source note (7/21/81).
    assert_eq!(
        f.when.certainty,
        Certainty::Inferred(DateSource::SourceNote)
    );
    assert_eq!(iso_day(f.when.start), "1981-07-21");
    let l = c.links_from(i);
    assert_eq!(l.len(), 1);
    assert_eq!(c.docs[l[0].to as usize].id, "frus1981-88v03-d73");
    // Gromyko of the text and Gromyko of the TEI (p_GA_1) are one party.
    let d73 = &c.docs[l[0].to as usize];
    assert_eq!(f.from, d73.addressees());
    assert_eq!(f.to, d73.writers());
}

#[test]
fn threads_resolve_in_a_volume_by_number_and_date() {
    let v = volume(&corpus().join("tei-volumes/frus1934v05.xml"));
    let c = build(&[&v]);
    // d5, the Ambassador in Chile: "4. Department's telegram No. 10, January 11, 6 p.m."
    let d5 = c.index_of("frus1934v05-d5").unwrap();
    let l = c.links_from(d5);
    println!("{l:?}");
    let answers: Vec<_> = l
        .iter()
        .filter(|l| l.relation == Relation::Answers)
        .collect();
    assert_eq!(answers.len(), 1, "{l:?}");
    let t = &c.docs[answers[0].to as usize];
    assert_eq!(t.serial, Some(10));
    assert_eq!(iso_day(t.when.start), "1934-01-11");
    assert!(
        answers[0]
            .evidence
            .starts_with("Department’s telegram No. 10, January 11, 6 p.m.: telegram No. 10 from"),
        "{}",
        answers[0].evidence
    );
    let total = c.links.len();
    let answers = c
        .links
        .iter()
        .filter(|l| l.relation == Relation::Answers)
        .count();
    println!("frus1934v05: {total} links, {answers} answers");
    assert!(answers > 100, "{answers}");
    // A reply is never before what it answers (a day's grace).
    for l in &c.links {
        let (a, b) = (&c.docs[l.from as usize].when, &c.docs[l.to as usize].when);
        if l.relation == Relation::Answers && a.certainty.placed() && b.certainty.placed() {
            assert!(b.start <= a.start + 1440, "{l:?}");
        }
    }
}

#[test]
fn people_normalised_across_a_volume() {
    let v = volume(&corpus().join("tei-volumes/frus1934v05.xml"));
    let c = build(&[&v]);
    // "The Secretary of State to …" telegrams signed "Hull" make the Secretary Hull.
    let hull = c
        .parties
        .records
        .iter()
        .position(|r| r.label == "Hull")
        .expect("Hull") as u32;
    let r = c.parties.get(hull);
    assert_eq!(r.kind, PartyKind::Person);
    assert!(
        r.raw.iter().any(|x| x.contains("Secretary of State")),
        "{r:?}"
    );
    assert!(r.documents > 150, "{r:?}");
    // "The Ambassador in Chile (Sevier)" everywhere is one person.
    let sevier: Vec<_> = c
        .parties
        .records
        .iter()
        .filter(|r| r.label == "Sevier")
        .collect();
    assert_eq!(sevier.len(), 1);
    let offices: Vec<_> = c
        .parties
        .records
        .iter()
        .filter(|r| r.kind == PartyKind::Office)
        .map(|r| (&r.label, r.documents))
        .collect();
    println!("{} parties, offices: {offices:?}", c.parties.len());
}

#[test]
fn every_volume_together() {
    let vols: Vec<VolumeParse> = tei_volumes().iter().map(|p| volume(p)).collect();
    let refs: Vec<&VolumeParse> = vols.iter().collect();
    let t = std::time::Instant::now();
    let c = build(&refs);
    println!("built in {:?}", t.elapsed());
    let docs = c.docs.len();
    let placed = c.by_time.len();
    let by = |k: &str| {
        c.docs
            .iter()
            .filter(|d| {
                let class = match d.when.certainty {
                    Certainty::Exact => "exact",
                    Certainty::Inferred(_) => "inferred",
                    Certainty::Approximate => "approximate",
                    Certainty::Undated | Certainty::Suspect => "undated",
                };
                class == k
            })
            .count()
    };
    println!(
        "{docs} documents, {placed} placed (exact {}, inferred {}, approximate {}, undated {}), {} parties, {} links ({} answers)",
        by("exact"), by("inferred"), by("approximate"), by("undated"), c.parties.len(), c.links.len(),
        c.links.iter().filter(|l| l.relation == Relation::Answers).count()
    );
    assert_eq!(docs, refs.iter().map(|v| v.documents.len()).sum::<usize>());
    assert!(placed * 10 > docs * 9, "most documents are dated");
    // Untrusted encoded dates (0201-11-11 and the like) are never placed.
    let suspect: Vec<u32> = (0..docs as u32)
        .filter(|&i| c.docs[i as usize].when.certainty == Certainty::Suspect)
        .collect();
    println!(
        "{} documents with an untrusted date, none placed",
        suspect.len()
    );
    assert!(!suspect.is_empty());
    assert!(suspect.iter().all(|i| !c.by_time.contains(i)));
    // Filters combine; lanes keep every selected document.
    let all = timeline::select(&c, &Filter::default(), None);
    let hull = c
        .parties
        .records
        .iter()
        .position(|r| r.label == "Hull")
        .map(|p| p as u32);
    let by_hull = Filter {
        person: hull,
        ..Default::default()
    };
    let hull_docs = timeline::select(&c, &by_hull, None);
    let hull_telegrams = timeline::select(
        &c,
        &Filter {
            kind: Some(Kind::Telegram),
            ..by_hull.clone()
        },
        None,
    );
    println!(
        "filters: all {} (+{} undated), Hull {}, Hull's telegrams {}",
        all.placed.len(),
        all.undated.len(),
        hull_docs.shown(),
        hull_telegrams.shown()
    );
    assert_eq!(all.shown(), docs);
    // The end-to-end test filters the app to the same numbers (tests/e2e/timeline.test.mjs).
    assert_eq!((hull_docs.shown(), hull_telegrams.shown()), (699, 571));
    assert!(hull_docs.shown() < all.shown());
    for mode in LaneMode::ALL {
        let lanes = timeline::lanes(&c, &all, mode, 12, &|v| v.to_string());
        assert_eq!(
            lanes.iter().map(|l| l.docs.len()).sum::<usize>(),
            all.placed.len()
        );
        for &d in all.placed.iter().step_by(97) {
            let (l, p) = timeline::locate(&c, &lanes, d).expect("every placed document has a lane");
            assert_eq!(lanes[l].docs[p as usize], d);
        }
    }
    let sorted = c
        .by_time
        .windows(2)
        .all(|w| c.docs[w[0] as usize].when.start <= c.docs[w[1] as usize].when.start);
    assert!(sorted);
}

#[test]
fn plain_texts_alone_carry_the_thread() {
    let read = |p: std::path::PathBuf| {
        let bytes = std::fs::read(&p).unwrap();
        parse_text(&p.file_name().unwrap().to_string_lossy(), &bytes).unwrap()
    };
    let d74 = read(seed_path());
    let d73 = read(corpus().join("txt-dev/frus1981-88v03-d73.txt"));
    let c = Correspondence::build(&[&d73, &d74], &[]);
    let label = |ps: &[u32]| {
        ps.iter()
            .map(|&p| c.parties.get(p).label.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        label(c.docs[0].writers()),
        ["Haig"],
        "{:?}",
        c.docs[0].carried
    );
    assert_eq!(label(c.docs[0].addressees()), ["Gromyko"]);
    assert_eq!(c.links_from(1)[0].to, 0);
    assert_eq!(c.links_from(1)[0].relation, Relation::Answers);
}

/// A pack site's summary with documents opened from elsewhere: every document of both
/// once, each with its date, kind and correspondents as when built alone, in time order,
/// and each side's threads kept.
#[test]
fn a_summary_merged_with_other_documents_keeps_both() {
    let vols: Vec<VolumeParse> = tei_volumes().iter().map(|p| volume(p)).collect();
    let (a, b) = vols.split_at(vols.len() / 2);
    let m = modern();
    let mut b: Vec<&VolumeParse> = b.iter().collect();
    b.push(&m);
    let left = build(&a.iter().collect::<Vec<_>>());
    let right = build(&b);
    let merged = left.merged(&right);
    assert_eq!(merged.docs.len(), left.docs.len() + right.docs.len());
    for (side, offset) in [(&left, 0), (&right, left.docs.len())] {
        for (i, d) in side.docs.iter().enumerate() {
            let j = merged.index_of(&d.id).unwrap() as usize;
            assert_eq!(j, offset + i, "{}", d.id);
            let e = &merged.docs[j];
            assert_eq!((e.when.start, e.kind), (d.when.start, d.kind), "{}", d.id);
            assert_eq!(merged.volume_of(j as u32), side.volume_of(i as u32));
            let keys = |c: &Correspondence, p: &[u32]| -> Vec<String> {
                p.iter().map(|&p| c.parties.get(p).key.clone()).collect()
            };
            assert_eq!(keys(&merged, &e.from), keys(side, &d.from), "{}", d.id);
            assert_eq!(keys(&merged, &e.to), keys(side, &d.to), "{}", d.id);
        }
    }
    assert_eq!(merged.links.len(), left.links.len() + right.links.len());
    let d74 = merged.index_of("frus1981-88v03-d74").unwrap();
    let d73 = merged.index_of("frus1981-88v03-d73").unwrap();
    assert!(merged.links_from(d74).iter().any(|l| l.to == d73));
    assert_eq!(
        merged.by_time.len(),
        left.by_time.len() + right.by_time.len()
    );
    assert!(merged
        .by_time
        .windows(2)
        .all(|w| merged.docs[w[0] as usize].when.start <= merged.docs[w[1] as usize].when.start));
    // A party both sides name is one party, its documents counted from both.
    let shared = left
        .parties
        .records
        .iter()
        .find(|r| right.parties.find(&r.key).is_some())
        .expect("a correspondent in both halves");
    let id = merged.parties.find(&shared.key).unwrap();
    let theirs = right.parties.get(right.parties.find(&shared.key).unwrap());
    assert_eq!(
        merged.parties.get(id).documents,
        shared.documents + theirs.documents
    );
    // What the summary has already is not added twice, nor counted again; a party is
    // taken only with a document that names it.
    let again = merged.merged(&right);
    assert_eq!(again.docs.len(), merged.docs.len());
    assert_eq!(again.links, merged.links);
    assert_eq!(again.by_time, merged.by_time);
    assert_eq!(again.parties.records.len(), merged.parties.records.len());
    for (a, b) in again.parties.records.iter().zip(&merged.parties.records) {
        assert_eq!((&a.key, a.documents), (&b.key, b.documents));
    }
    // Counted as `build` counts: by the documents that name the party.
    for (i, r) in merged.parties.records.iter().enumerate() {
        let named = merged
            .docs
            .iter()
            .filter(|d| d.parties().contains(&(i as u32)))
            .count() as u32;
        assert_eq!(r.documents, named, "{}", r.key);
    }
}
