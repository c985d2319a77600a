//! Parses one file many times (for profiling): `cargo run --release --example parse_loop -- FILE N`.
//! A `.xml` file is parsed as a TEI volume, a directory as all its `.txt` page texts, anything
//! else as a page text.
fn main() {
    let mut args = std::env::args().skip(1);
    let f = args.next().expect("a file");
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let files: Vec<(String, Vec<u8>)> = if std::path::Path::new(&f).is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(&f)
            .expect("readable directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| {
                (
                    p.to_string_lossy().to_string(),
                    std::fs::read(&p).expect("readable"),
                )
            })
            .collect();
        v.sort();
        v
    } else {
        vec![(f.clone(), std::fs::read(&f).expect("readable"))]
    };
    let mut pages = 0;
    for _ in 0..n {
        for (name, bytes) in &files {
            pages += if name.ends_with(".xml") {
                letterbook_core::parse_volume(name, bytes).map_or(0, |v| v.documents.len())
            } else {
                letterbook_core::parse_text(name, bytes).map_or(0, |d| d.pages.len())
            };
        }
    }
    println!("{pages}");
}
