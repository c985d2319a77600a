//! TEI parse throughput per development volume (bytes → Volume + Documents), and overall.
//! `cargo bench -p letterbook-core --bench parse_tei`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::path::PathBuf;

fn corpus() -> PathBuf {
    std::env::var("LETTERBOOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        })
}

fn volumes() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(corpus().join("tei-volumes"))
        .expect("tei-volumes")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    v.sort();
    v.into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let vols = volumes();
    let mut g = c.benchmark_group("parse_tei");
    g.sample_size(10);
    for (name, bytes) in &vols {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| letterbook_core::parse_volume(name, bytes).expect("parses"))
        });
    }
    let total: u64 = vols.iter().map(|(_, b)| b.len() as u64).sum();
    g.throughput(Throughput::Bytes(total));
    g.bench_function("all-12", |b| {
        b.iter(|| {
            for (name, bytes) in &vols {
                letterbook_core::parse_volume(name, bytes).expect("parses");
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
