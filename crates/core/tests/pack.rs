//! The encoded model over the whole corpus: every TEI volume and every page text comes
//! back from its record exactly as parsed, and the table says how large and how fast
//! (`cargo test -p letterbook-core --test pack -- --nocapture`).

mod common;

use std::time::Instant;

use letterbook_core::correspondence::Correspondence;
use letterbook_core::pack::{
    decode, decode_summary, encode, encode_parts_with, encode_summary, Codec, Record,
};
use letterbook_core::{parse_text, parse_volume};

#[test]
fn every_corpus_volume_round_trips() {
    println!("\nencoded model per volume (MessagePack; LZ4 for the store, zstd 19 for packs) against the TEI it was parsed from");
    println!(
        "{:<20} {:>10} {:>10} {:>6} {:>9} {:>9} {:>10} {:>6} {:>9}",
        "volume", "xml", "lz4", "ratio", "parse ms", "decode ms", "zstd", "ratio", "decode ms"
    );
    let (mut xml_all, mut rec_all, mut zst_all) = (0usize, 0usize, 0usize);
    let (mut lz4_time, mut zst_time) = (0f64, 0f64);
    let mut records = Vec::new();
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
        let zst = encode_parts_with(record.parts(), Codec::Zstd(19));
        let t = Instant::now();
        let zback = decode(&zst).unwrap();
        let zdec = t.elapsed();
        assert!(
            zback == record,
            "{}: zstd: the model differs",
            path.display()
        );
        xml_all += bytes.len();
        rec_all += enc.len();
        zst_all += zst.len();
        lz4_time += dec.as_secs_f64();
        zst_time += zdec.as_secs_f64();
        println!(
            "{:<20} {:>10} {:>10} {:>5.1}% {:>9.1} {:>9.1} {:>10} {:>5.1}% {:>9.1}",
            path.file_stem().unwrap().to_string_lossy(),
            bytes.len(),
            enc.len(),
            enc.len() as f64 * 100.0 / bytes.len() as f64,
            parse.as_secs_f64() * 1000.0,
            dec.as_secs_f64() * 1000.0,
            zst.len(),
            zst.len() as f64 * 100.0 / bytes.len() as f64,
            zdec.as_secs_f64() * 1000.0
        );
        records.push(back);
    }
    println!(
        "{:<20} {:>10} {:>10} {:>5.1}% {:>9.1} {:>9.1} {:>10} {:>5.1}% {:>9.1}",
        "all",
        xml_all,
        rec_all,
        rec_all as f64 * 100.0 / xml_all as f64,
        0.0,
        lz4_time * 1000.0,
        zst_all,
        zst_all as f64 * 100.0 / xml_all as f64,
        zst_time * 1000.0
    );
    the_summary_of_every_volume_round_trips(&records);
}

/// The correspondence model over all twelve volumes comes back from its summary: the
/// same bytes when encoded again (a pack site's summary is reproducible), every document
/// found by its id, every party by its key.
fn the_summary_of_every_volume_round_trips(records: &[Record]) {
    let docs: Vec<&letterbook_core::Document> =
        records.iter().flat_map(|r| r.documents.iter()).collect();
    let vols: Vec<&letterbook_core::Volume> =
        records.iter().filter_map(|r| r.volume.as_ref()).collect();
    let corr = Correspondence::build(&docs, &vols);
    let bytes = encode_summary(&corr, Codec::Zstd(19));
    let back = decode_summary(&bytes).unwrap();
    assert_eq!(
        encode_summary(&back, Codec::Zstd(19)),
        bytes,
        "encoded again, the summary differs"
    );
    assert_eq!(back.docs.len(), docs.len());
    for d in &docs {
        assert_eq!(back.index_of(&d.id), corr.index_of(&d.id), "{}", d.id);
    }
    assert_eq!(back.links, corr.links);
    assert_eq!(back.by_time, corr.by_time);
    assert_eq!(back.parties.records.len(), corr.parties.records.len());
    for (i, p) in corr.parties.records.iter().enumerate() {
        assert_eq!(back.parties.find(&p.key), Some(i as u32), "{}", p.key);
    }
    println!(
        "summary of {} documents, {} parties, {} links: {} bytes ({:.0} per document)",
        docs.len(),
        corr.parties.records.len(),
        corr.links.len(),
        bytes.len(),
        bytes.len() as f64 / docs.len() as f64
    );
    let mut cut = bytes.clone();
    cut.truncate(bytes.len() / 2);
    assert!(decode_summary(&cut).is_err());
    assert!(
        decode_summary(&encode(&records[0])).is_err(),
        "a record is not a summary"
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
