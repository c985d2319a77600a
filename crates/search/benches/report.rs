//! Search, measured natively: over the twelve corpus volumes (parse time against index
//! build time, index bytes against the documents' text, query latency p50/p95 over a
//! fixed set of 220 queries: words, phrases, prefixes, facets), and over a pack site's
//! split index when one is given (a synthetic whole series: `letterbook pack --copies 62`).
//! Writes the query set to target/search-queries.tsv for the browser's benchmark.
//!
//! `cargo bench -p letterbook-search --bench report [-- SITE_DIR]`

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use letterbook_core::correspondence::Correspondence;
use letterbook_core::pack::{decode_summary, Manifest};
use letterbook_core::{parse_any, Document, Parsed, Volume};
use letterbook_search::segment::for_each_word;
use letterbook_search::site::{self, SiteMeta};
use letterbook_search::tokens::Tokenizer;
use letterbook_search::{facets, parse, search, Field, Index, Segment, Sort, Source, Table};

#[path = "../tests/common/mod.rs"]
mod common;
use common::{volume_files, Lcg};

/// One query of the set: its kind, the query, and for a phrase the document it was taken
/// from (which must be found).
pub struct Q {
    kind: &'static str,
    text: String,
    from: Option<String>,
}

/// 220 queries drawn from the documents, the same on every run: 80 words, 60 phrases of
/// two to four words, 40 prefixes, 40 words with a facet.
fn queries(docs: &[&Document], corr: &Correspondence) -> Vec<Q> {
    let mut rng = Lcg(1861);
    let mut tok = Tokenizer::new();
    let words_of = |tok: &mut Tokenizer, d: &Document| {
        let mut ws: Vec<(Field, u32, String)> = Vec::new();
        for_each_word(tok, d, |f, p, _, _, _, t| {
            ws.push((f, p, t.next().unwrap_or("").to_string()))
        });
        ws
    };
    let mut out = Vec::new();
    let plain = |w: &str| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic());
    while out.len() < 220 {
        let d = docs[rng.next(docs.len())];
        let ws = words_of(&mut tok, d);
        let body: Vec<&(Field, u32, String)> = ws.iter().filter(|w| w.0 == Field::Body).collect();
        if body.len() < 8 {
            continue;
        }
        let i = rng.next(body.len() - 4);
        let n = out.len();
        let q = if n < 80 {
            plain(&body[i].2).then(|| Q {
                kind: "word",
                text: body[i].2.clone(),
                from: None,
            })
        } else if n < 140 {
            let len = 2 + rng.next(3);
            let run = &body[i..i + len];
            let consecutive = run.windows(2).all(|w| w[1].1 == w[0].1 + 1);
            (consecutive && run.iter().all(|w| plain(&w.2))).then(|| Q {
                kind: "phrase",
                text: format!(
                    "\"{}\"",
                    run.iter()
                        .map(|w| w.2.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                from: Some(d.id.clone()),
            })
        } else if n < 180 {
            let w = &body[i].2;
            (plain(w) && w.len() >= 6).then(|| Q {
                kind: "prefix",
                text: format!("{}*", &w[..3 + rng.next(2)]),
                from: None,
            })
        } else {
            let w = &body[i].2;
            let g = corr.index_of(&d.id).unwrap_or(0) as usize;
            let f = &corr.docs[g];
            let facet = match rng.next(4) {
                0 => format!("kind:{}", f.kind.as_str()),
                1 => format!("vol:{}", corr.volumes[f.volume as usize]),
                2 => match f.from.first() {
                    Some(&p) => format!("from:{}", corr.parties.get(p).key),
                    None => format!("kind:{}", f.kind.as_str()),
                },
                _ => {
                    use chrono::Datelike;
                    let y = letterbook_core::correspondence::when::datetime(f.when.start).year();
                    format!("{y}..{}", y + 1)
                }
            };
            plain(w).then(|| Q {
                kind: "facet",
                text: format!("{w} {facet}"),
                from: None,
            })
        };
        if let Some(q) = q {
            out.push(q);
        }
    }
    out
}

fn pct(mut xs: Vec<f64>, p: f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[((xs.len() as f64 * p) as usize).min(xs.len() - 1)]
}

fn read_volumes() -> Vec<(String, Vec<u8>)> {
    volume_files()
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(p).unwrap(),
            )
        })
        .collect()
}

fn run_queries(
    index: &Index,
    corr: &Correspondence,
    qs: &[Q],
    with_facets: bool,
) -> (Vec<f64>, usize) {
    let mut times = Vec::with_capacity(qs.len());
    let mut found = 0;
    for q in qs {
        let t = Instant::now();
        let r = search(index, corr, &parse(&q.text), Sort::Relevance);
        if with_facets {
            std::hint::black_box(facets(corr, &r.set));
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if let Some(id) = &q.from {
            if r.hits.iter().any(|h| corr.docs[h.doc as usize].id == *id) {
                found += 1;
            }
        }
    }
    (times, found)
}

fn site_report(dir: &Path, qs: &[Q]) {
    let read = |rel: &str| {
        std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{}: {e}", dir.join(rel).display()))
    };
    let manifest = Manifest::parse(&read("collection.json")).expect("a manifest");
    let corr = decode_summary(&read(&manifest.summary.path)).expect("a summary");
    let meta = SiteMeta::read(&read(&manifest.search.as_ref().expect("an index").path))
        .expect("a table of contents");
    let parts: u64 = meta.terms.iter().map(|t| t.bytes).sum();
    let texts: u64 = meta.text.iter().map(|t| t.bytes).sum();
    let mut cache: HashMap<usize, Arc<Table>> = HashMap::new();
    let mut times = Vec::new();
    let mut fetched = Vec::new();
    let norms = Arc::new(meta.norms.clone());
    for q in qs {
        let query = parse(&q.text);
        let wanted = meta.parts_for(&query);
        let mut bytes = 0;
        let tables: Vec<Arc<Table>> = wanted
            .iter()
            .map(|&i| {
                bytes += meta.terms[i].bytes;
                cache
                    .entry(i)
                    .or_insert_with(|| {
                        Arc::new(site::read_term_part(&read(&meta.terms[i].path)).unwrap())
                    })
                    .clone()
            })
            .collect();
        fetched.push(bytes as f64 / 1024.0);
        let t = Instant::now();
        let index = Index::new(
            &corr,
            &[Source::Site {
                tables,
                norms: norms.clone(),
            }],
        );
        let r = search(&index, &corr, &query, Sort::Relevance);
        std::hint::black_box(facets(&corr, &r.set));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "\nsplit index of {} ({} documents, {} volumes)",
        dir.display(),
        corr.docs.len(),
        manifest.volumes.len()
    );
    println!("  parts of terms: {} files, {} bytes; text: {} files, {} bytes; table of contents {} bytes",
        meta.terms.len(), parts, meta.text.len(), texts, manifest.search.as_ref().unwrap().bytes);
    println!("  query (index placed over the summary, search, facets; parts read beforehand): p50 {:.2} ms, p95 {:.2} ms",
        pct(times.clone(), 0.5), pct(times, 0.95));
    println!(
        "  index read per query: p50 {:.0} KB, p95 {:.0} KB (compressed, as served)",
        pct(fetched.clone(), 0.5),
        pct(fetched, 0.95)
    );
}

fn main() {
    let site_dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        // Cargo runs a bench in its package's folder: a relative path is the workspace's.
        .map(|a| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(a)
        });
    let vols = read_volumes();
    let t = Instant::now();
    let mut parsed: Vec<(Volume, Vec<Document>)> = Vec::new();
    for (name, bytes) in &vols {
        match parse_any(name, bytes).expect("parses") {
            Parsed::Volume(v) => parsed.push((v.volume, v.documents)),
            Parsed::Text(_) => unreachable!("volumes"),
        }
    }
    let parse_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let segments: Vec<Segment> = parsed.iter().map(|(_, d)| Segment::of(d)).collect();
    let build_ms = t.elapsed().as_secs_f64() * 1000.0;
    let bytes: Vec<Vec<u8>> = segments.iter().map(Segment::to_bytes).collect();
    let index_bytes: usize = bytes.iter().map(Vec::len).sum();
    let lz4: usize = bytes
        .iter()
        .map(|b| lz4_flex::block::compress_prepend_size(b).len())
        .sum();
    let docs: Vec<&Document> = parsed.iter().flat_map(|(_, d)| d.iter()).collect();
    let text: usize = docs
        .iter()
        .map(|d| {
            letterbook_search::passages::passages(d)
                .iter()
                .map(|p| p.text.len())
                .sum::<usize>()
        })
        .sum();
    let vrefs: Vec<&Volume> = parsed.iter().map(|(v, _)| v).collect();
    let corr = Correspondence::build(&docs, &vrefs);
    let index = Index::new(
        &corr,
        &segments
            .into_iter()
            .map(|s| Source::Segment(Arc::new(s)))
            .collect::<Vec<_>>(),
    );
    let qs = queries(&docs, &corr);
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/search-queries.tsv");
    let tsv: String = qs
        .iter()
        .map(|q| {
            format!(
                "{}\t{}\t{}\n",
                q.kind,
                q.from.as_deref().unwrap_or(""),
                q.text
            )
        })
        .collect();
    std::fs::write(&out, tsv).expect("writes the query set");
    println!(
        "search over the twelve corpus volumes ({} documents), natively, one core",
        docs.len()
    );
    println!(
        "  parse {parse_ms:.0} ms; index build {build_ms:.0} ms (ratio {:.2})",
        build_ms / parse_ms
    );
    println!(
        "  index {index_bytes} bytes, {:.1} % of the documents' text ({text} bytes); LZ4 as the store keeps it {lz4} bytes ({:.1} %)",
        100.0 * index_bytes as f64 / text as f64,
        100.0 * lz4 as f64 / text as f64
    );
    for kind in ["word", "phrase", "prefix", "facet", "all"] {
        let set: Vec<&Q> = qs
            .iter()
            .filter(|q| kind == "all" || q.kind == kind)
            .collect();
        let owned: Vec<Q> = set
            .iter()
            .map(|q| Q {
                kind: q.kind,
                text: q.text.clone(),
                from: q.from.clone(),
            })
            .collect();
        let (t, found) = run_queries(&index, &corr, &owned, true);
        let phrases = owned.iter().filter(|q| q.from.is_some()).count();
        println!(
            "  {kind:7} {:3} queries: p50 {:.3} ms, p95 {:.3} ms{}",
            owned.len(),
            pct(t.clone(), 0.5),
            pct(t, 0.95),
            if phrases > 0 {
                format!("; phrase's document found {found}/{phrases}")
            } else {
                String::new()
            }
        );
    }
    println!("  (query set written to {})", out.display());
    if let Some(dir) = site_dir {
        site_report(&dir, &qs);
    }
}
