//! The encoded model over the whole corpus: every TEI volume and every page text comes
//! back from its record exactly as parsed, and the table says how large and how fast
//! (`cargo test -p letterbook-core --test pack -- --nocapture`).

mod common;

use std::time::Instant;

use letterbook_core::pack::{decode, encode, Record};
use letterbook_core::{parse_text, parse_volume};

#[test]
fn every_corpus_volume_round_trips() {
    println!("\nencoded model per volume (MessagePack + LZ4) against the TEI it was parsed from");
    println!(
        "{:<20} {:>10} {:>10} {:>6} {:>9} {:>9}",
        "volume", "xml", "record", "ratio", "parse ms", "decode ms"
    );
    let (mut xml_all, mut rec_all) = (0usize, 0usize);
    for path in common::tei_volumes() {
        let bytes = std::fs::read(&path).unwrap();
        let t = Instant::now();
        let v = parse_volume(&path.to_string_lossy(), &bytes).unwrap();
        let parse = t.elapsed();
        let record = Record {
            volume: Some(v.volume),
            documents: v.documents,
            ..Default::default()
        };
        let enc = encode(&record);
        let t = Instant::now();
        let back = decode(&enc).unwrap();
        let dec = t.elapsed();
        assert!(
            back == record,
            "{}: the decoded model differs",
            path.display()
        );
        xml_all += bytes.len();
        rec_all += enc.len();
        println!(
            "{:<20} {:>10} {:>10} {:>5.1}% {:>9.1} {:>9.1}",
            path.file_stem().unwrap().to_string_lossy(),
            bytes.len(),
            enc.len(),
            enc.len() as f64 * 100.0 / bytes.len() as f64,
            parse.as_secs_f64() * 1000.0,
            dec.as_secs_f64() * 1000.0
        );
    }
    println!(
        "{:<20} {:>10} {:>10} {:>5.1}%",
        "all",
        xml_all,
        rec_all,
        rec_all as f64 * 100.0 / xml_all as f64
    );
}

#[test]
fn every_corpus_page_text_round_trips() {
    let mut paths = common::texts("txt-dev");
    paths.extend(common::texts("txt-notes"));
    paths.push(common::seed_path());
    assert!(paths.len() > 80, "{}", paths.len());
    for path in paths {
        let doc = parse_text(&path.to_string_lossy(), &std::fs::read(&path).unwrap()).unwrap();
        let record = Record {
            volume: None,
            documents: vec![doc],
            ..Default::default()
        };
        assert!(
            decode(&encode(&record)).unwrap() == record,
            "{}",
            path.display()
        );
    }
}
