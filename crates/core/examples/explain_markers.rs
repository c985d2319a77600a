//! Shows the marker candidates the alignment weighed for a page text, and what it chose:
//! `cargo run -p letterbook-core --example explain_markers -- FILE.txt`.

use letterbook_core::text::marker_candidates;

/// The 40 characters before byte `at`, on one line.
fn before(text: &str, at: usize) -> String {
    let tail: Vec<char> = text[..at].chars().rev().take(40).collect();
    tail.into_iter()
        .rev()
        .collect::<String>()
        .replace('\n', "⏎")
}

fn main() {
    let f = std::env::args().nth(1).expect("a .txt file");
    let t = std::fs::read_to_string(&f).expect("readable");
    let body_end = t.find("\n  1. ").unwrap_or(t.len());
    let stem = std::path::Path::new(&f)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let years = letterbook_core::dates::volume_years(stem.split("-d").next().unwrap_or(""));
    for c in marker_candidates(&t, &[(0, body_end)], years) {
        println!("{:>6.2} {:>4} …{}", c.score, c.label, before(&t, c.start));
    }
    let d = letterbook_core::parse_text(&f, t.as_bytes()).expect("parses");
    let (flat, at) = letterbook_core::render::flat_text(&d);
    for (f, a) in d.footnotes.iter().zip(at) {
        println!(
            "fn {} n={} at …{:?}",
            f.index,
            f.n,
            a.map(|a| before(&flat, a))
        );
    }
}
