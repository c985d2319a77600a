//! Parses one file many times (for profiling): `cargo run --release --example parse_loop -- FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let f = args.next().expect("a file");
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let bytes = std::fs::read(&f).expect("readable");
    let mut pages = 0;
    for _ in 0..n {
        pages += letterbook_core::parse_text(&f, &bytes).map_or(0, |d| d.pages.len());
    }
    println!("{pages}");
}
