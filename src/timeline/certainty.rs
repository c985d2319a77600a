//! How the timeline styles a date's certainty: the classes `style/main.css` gives its marks
//! and list dates (`.tl-mark.inferred`, `.tl-list-date.inferred`, …).

use letterbook_core::correspondence::when::Certainty;

/// `exact`, `inferred`, `approximate`, `undated`.
pub fn class(c: Certainty) -> &'static str {
    match c {
        Certainty::Exact => "exact",
        Certainty::Inferred(_) => "inferred",
        Certainty::Approximate => "approximate",
        Certainty::Undated | Certainty::Suspect => "undated",
    }
}
