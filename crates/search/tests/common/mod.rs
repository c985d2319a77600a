//! The corpus for the search tests: the twelve TEI volumes of `../shared/corpus`, parsed
//! once per test binary.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use letterbook_core::correspondence::Correspondence;
use letterbook_core::{parse_any, Document, Parsed, Volume};

/// The corpus directory: `$LETTERBOOK_CORPUS`, else `../shared/corpus` beside the repository.
pub fn corpus() -> PathBuf {
    if let Ok(dir) = std::env::var("LETTERBOOK_CORPUS") {
        return PathBuf::from(dir);
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    assert!(
        dir.join("README.md").exists(),
        "the FRUS corpus is not at {} (set LETTERBOOK_CORPUS)",
        dir.display()
    );
    dir
}

/// The twelve volumes' files, in name order.
pub fn volume_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("tei-volumes"))
        .expect("tei-volumes")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

/// A small deterministic generator (the same choices on every run).
pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// One parsed volume: its description, documents and the XML's size.
pub struct Vol {
    pub file: String,
    pub bytes: usize,
    pub volume: Volume,
    pub docs: Vec<Document>,
}

/// The twelve volumes, in file order.
pub fn volumes() -> &'static [Vol] {
    static V: OnceLock<Vec<Vol>> = OnceLock::new();
    V.get_or_init(|| {
        let files = volume_files();
        std::thread::scope(|s| {
            let handles: Vec<_> = files
                .iter()
                .map(|f| {
                    s.spawn(move || {
                        let bytes = std::fs::read(f).expect("volume");
                        let name = f.file_name().unwrap().to_string_lossy().into_owned();
                        match parse_any(&name, &bytes).expect("parses") {
                            Parsed::Volume(v) => Vol {
                                file: name,
                                bytes: bytes.len(),
                                volume: v.volume,
                                docs: v.documents,
                            },
                            Parsed::Text(_) => panic!("{name} is a volume"),
                        }
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        })
    })
}

/// Every document of the twelve volumes, in order.
pub fn all_docs() -> Vec<&'static Document> {
    volumes().iter().flat_map(|v| v.docs.iter()).collect()
}

/// The correspondence model over the twelve volumes.
pub fn model() -> &'static Correspondence {
    static M: OnceLock<Correspondence> = OnceLock::new();
    M.get_or_init(|| {
        let docs = all_docs();
        let vols: Vec<&Volume> = volumes().iter().map(|v| &v.volume).collect();
        Correspondence::build(&docs, &vols)
    })
}
