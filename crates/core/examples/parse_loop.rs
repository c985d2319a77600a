//! Parses one file many times (for profiling): `cargo run --release --example parse_loop -- FILE N`.
//! A `.xml` file is parsed as a TEI volume, anything else as a page text.
fn main() {
    let mut args = std::env::args().skip(1);
    let f = args.next().expect("a file");
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let bytes = std::fs::read(&f).expect("readable");
    let mut pages = 0;
    for _ in 0..n {
        pages += if f.ends_with(".xml") {
            letterbook_core::parse_volume(&f, &bytes).map_or(0, |v| v.documents.len())
        } else {
            letterbook_core::parse_text(&f, &bytes).map_or(0, |d| d.pages.len())
        };
    }
    println!("{pages}");
}
