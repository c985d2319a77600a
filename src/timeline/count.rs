//! How the timeline words its counts: "Showing 1,204 of 9,876 documents (3 undated)".

use letterbook_core::timeline::Selection;

/// The heading's count of what the filters keep.
pub fn showing(s: &Selection) -> String {
    let (shown, total) = (s.shown(), s.total);
    let undated = s.undated.len();
    let mut t = format!(
        "Showing {} of {} documents",
        thousands(shown),
        thousands(total)
    );
    if undated > 0 {
        t.push_str(&format!(" ({} undated)", thousands(undated)));
    }
    t
}

/// 12345 → "12,345".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
