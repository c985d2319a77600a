//! Shared helpers for tests that read the FRUS corpus in `../shared/corpus`.

#![allow(dead_code)]

pub mod truth;

use std::path::PathBuf;

/// The corpus directory: `$LETTERBOOK_CORPUS`, else `../shared/corpus` beside the repository.
pub fn corpus() -> PathBuf {
    if let Ok(dir) = std::env::var("LETTERBOOK_CORPUS") {
        return PathBuf::from(dir);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("../shared/corpus");
    assert!(
        dir.join("README.md").exists(),
        "the FRUS corpus is not at {} (set LETTERBOOK_CORPUS)",
        dir.display()
    );
    dir
}

/// The register of office-holders: `../shared/data/pocom` beside the corpus.
pub fn pocom() -> PathBuf {
    let dir = corpus().join("../data/pocom");
    assert!(
        dir.join("README.md").exists(),
        "the POCOM register is not at {}",
        dir.display()
    );
    dir
}

pub fn seed_path() -> PathBuf {
    corpus().join("seed/frus1981-88v03-d74.txt")
}

/// `*.txt` files of a corpus folder, sorted.
pub fn texts(folder: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus().join(folder))
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// The last `n` characters of `s`.
pub fn tail_chars(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

/// The whole TEI volumes of `tei-volumes/`, sorted.
pub fn tei_volumes() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus().join("tei-volumes"))
        .expect("tei-volumes")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    v.sort();
    v
}
