//! How the timeline words its counts: "Showing 1,204 of 9,876 documents (3 undated)".

use letterbook_core::presentation;
use letterbook_core::timeline::Selection;

/// The heading's count of what the filters keep.
pub fn showing(s: &Selection) -> String {
    let (shown, total) = (s.shown(), s.total);
    let undated = s.undated.len();
    let mut t = format!(
        "Showing {} of {}",
        thousands(shown),
        presentation::count(total as u64, "document")
    );
    if undated > 0 {
        t.push_str(&format!(" ({} undated)", thousands(undated)));
    }
    t
}

/// 12345 → "12,345" (the core's rule, for every count the reader sees).
pub fn thousands(n: usize) -> String {
    presentation::thousands(n as u64)
}
