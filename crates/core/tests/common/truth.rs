//! Comparing a parse with the ground truth `tei2txt.py` writes (`*.truth.json`).

#![allow(dead_code)]

use letterbook_core::Party;
use serde_json::Value;

pub fn norm_name(s: &str) -> String {
    let s = s.trim().trim_end_matches(['.', ',']);
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words.len() > 1
        && matches!(
            words[0],
            "Mr."
                | "Señor"
                | "Dr."
                | "Captain"
                | "Major"
                | "General"
                | "Vice-Admiral"
                | "Commander"
                | "President"
        )
    {
        words.remove(0);
    }
    words.join(" ").to_lowercase()
}

/// A truth person ("Mr. E. B. Washburne", "Secretary of State", "Gulf squadron") matches a
/// parsed party when the names agree up to honorifics, or the office is the same.
pub fn party_matches(truth: &str, p: &Party) -> bool {
    let t = norm_name(truth);
    let name = p.name.as_deref().map(norm_name);
    let role = p.role.as_deref().map(norm_name);
    let text = norm_name(&p.text);
    name.as_deref()
        .is_some_and(|n| n == t || t.ends_with(n) || n.ends_with(&t))
        || (name.is_none() && role.as_deref().is_some_and(|r| r == t || r.ends_with(&t)))
        || (name.is_none() && text.ends_with(&t))
        || text == t
}

pub fn parties_match(truth: &Value, ours: &[Party]) -> Option<bool> {
    let list = truth.as_array()?;
    Some(
        list.iter()
            .filter_map(|v| v.as_str())
            .all(|t| ours.iter().any(|p| party_matches(t, p)))
            && (!list.is_empty() || ours.is_empty()),
    )
}

pub fn day_distance(a: &str, b: &str) -> Option<i64> {
    let pa = chrono_like(a)?;
    let pb = chrono_like(b)?;
    Some((pa - pb).abs())
}

/// Days since 0000-03-01 for a `YYYY-MM-DD` string (enough to compare nearby dates).
fn chrono_like(s: &str) -> Option<i64> {
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: i64 = s.get(5..7)?.parse().ok()?;
    let d: i64 = s.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d)
}
