//! Plain-text parse throughput: the seed, and every rendering in `../shared/corpus/txt-dev`.
//! `cargo bench -p letterbook-core --bench parse_text` (criterion prints MB/s).

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

fn corpus() -> PathBuf {
    std::env::var("LETTERBOOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        })
}

fn bench(c: &mut Criterion) {
    let seed_path = corpus().join("seed/frus1981-88v03-d74.txt");
    let seed = std::fs::read(&seed_path).expect("seed");
    let mut dev: Vec<(String, Vec<u8>)> = std::fs::read_dir(corpus().join("txt-dev"))
        .expect("txt-dev")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    dev.sort();
    let dev_bytes: usize = dev.iter().map(|(_, b)| b.len()).sum();

    let mut g = c.benchmark_group("parse_text");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("seed d74", |b| {
        b.iter(|| letterbook_core::parse_text("frus1981-88v03-d74.txt", &seed).unwrap())
    });
    g.throughput(Throughput::Bytes(dev_bytes as u64));
    g.bench_function(format!("txt-dev ({} files)", dev.len()), |b| {
        b.iter_batched(
            || (),
            |_| {
                for (name, bytes) in &dev {
                    letterbook_core::parse_text(name, bytes).unwrap();
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
