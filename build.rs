//! Tells the in-browser tests where the FRUS corpus is. A wasm test has no file system, so
//! it embeds the corpus files it reads at build time; this finds them where every other
//! test does: `$LETTERBOOK_CORPUS`, else `../shared/corpus` beside the repository.

fn main() {
    println!("cargo:rerun-if-env-changed=LETTERBOOK_CORPUS");
    let dir = std::env::var("LETTERBOOK_CORPUS").unwrap_or_else(|_| {
        let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it");
        format!("{root}/../shared/corpus")
    });
    // Absolute, since `include_str!` reads a relative path from the test's own folder.
    let dir = std::fs::canonicalize(&dir).map_or(dir, |p| p.display().to_string());
    println!("cargo:rustc-env=LETTERBOOK_CORPUS_DIR={dir}");
}
