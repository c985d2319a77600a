//! What a footnote's own text says about where its marker stands.
//!
//! A note explains the words just before its marker: "Telegram No. 860 not printed" sits
//! after "my telegram No. 860", "See Foreign Relations, 1899" after "the Conference of
//! 1899". The label sequence alone cannot tell a marker from a number of the text ("my
//! No. 834") nor stop a shift by one (footnote k at footnote k−1's place); the note's words
//! can. For each note we look for its rare words and numbers in the body and favour the
//! candidate places shortly after them, more for rarer evidence.
//!
//! A second clue: a note whose text repeats an earlier note's ("Not found in Department
//! files.") may be the same printed note cited again, so its marker may repeat an earlier
//! label (41, 43, 41).

use std::collections::{HashMap, HashSet};

use crate::text::markers::Candidate;

/// How far (in bytes) after a mention a marker may stand and still be about it.
const WINDOW: usize = 160;
/// Most evidence one note lends one place.
const CAP: f32 = 3.0;
/// Weight of a number mentioned once ("860", "1899"), and of a word.
const NUMBER: f32 = 1.5;
const WORD: f32 = 0.6;

/// Words a footnote uses for its own business, whatever it is about.
const STOP: &[&str] = &[
    "also",
    "printed",
    "not",
    "none",
    "see",
    "ibid",
    "ante",
    "post",
    "foreign",
    "relations",
    "vol",
    "vols",
    "department",
    "files",
    "file",
    "found",
    "text",
    "texts",
    "this",
    "that",
    "these",
    "those",
    "with",
    "from",
    "which",
    "were",
    "have",
    "been",
    "there",
    "their",
    "they",
    "will",
    "would",
    "should",
    "could",
    "other",
    "into",
    "upon",
    "about",
    "under",
    "between",
    "document",
    "documents",
    "post",
    "page",
    "pages",
    "omission",
    "indicated",
    "original",
    "enclosure",
    "telegram",
    "despatch",
    "dispatch",
    "note",
    "notes",
    "letter",
    "memorandum",
    "infra",
    "supra",
    "same",
    "footnote",
    "the",
    "and",
    "for",
    "inclosed",
    "enclosed",
    "inclosure",
    "inclosures",
    "enclosures",
    "copy",
    "copies",
    "sent",
    "received",
];

/// One of `STOP`: a lookup per word of every note, so by binary search in a sorted copy.
fn is_stop(word: &str) -> bool {
    static SORTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut v = STOP.to_vec();
            v.sort_unstable();
            v.dedup();
            v
        })
        .binary_search(&word)
        .is_ok()
}

/// For each note (list order), the candidates its text points to, with the weight of that
/// evidence.
pub(crate) fn affinity(
    text: &str,
    body_end: usize,
    notes: &[String],
    cands: &[Candidate],
) -> Vec<Vec<(usize, f32)>> {
    let note_tokens: Vec<Vec<(String, bool)>> = notes.iter().map(|n| tokens(n)).collect();
    let wanted: HashSet<&str> = note_tokens
        .iter()
        .flatten()
        .map(|(t, _)| t.as_str())
        .collect();
    if wanted.is_empty() || cands.is_empty() {
        return vec![Vec::new(); notes.len()];
    }
    let mentions = mentions(&text[..body_end.min(text.len())], &wanted);
    let mut by_start: Vec<usize> = (0..cands.len()).collect();
    by_start.sort_by_key(|&i| cands[i].start);
    let starts: Vec<usize> = by_start.iter().map(|&i| cands[i].start).collect();
    note_tokens
        .iter()
        .map(|toks| {
            let mut found: HashMap<usize, f32> = HashMap::new();
            for (token, numeric) in toks {
                let Some(ends) = mentions.get(token.as_str()) else {
                    continue;
                };
                let w = if *numeric { NUMBER } else { WORD } / ends.len() as f32;
                for &end in ends {
                    let from = starts.partition_point(|&s| s < end);
                    let to = starts.partition_point(|&s| s <= end + WINDOW);
                    for &c in &by_start[from..to] {
                        // Nearer mentions tell more; none stops at an edge.
                        let fade = 1.0 - (cands[c].start - end) as f32 / (WINDOW + 1) as f32;
                        *found.entry(c).or_default() += w * fade;
                    }
                }
            }
            let mut v: Vec<(usize, f32)> =
                found.into_iter().map(|(c, w)| (c, w.min(CAP))).collect();
            v.sort_by_key(|&(c, _)| c);
            v
        })
        .collect()
}

/// Where each wanted token is mentioned in the body (byte offsets of its ends), in one
/// pass: words whole (lower case), numbers at the start of a figure run, which may run on
/// into the marker glued to it ("No. 8601" mentions 860), never the tail of a longer figure
/// ("1,500", "3.860").
fn mentions<'w>(body: &str, wanted: &HashSet<&'w str>) -> HashMap<&'w str, Vec<usize>> {
    let mut out: HashMap<&'w str, Vec<usize>> = HashMap::new();
    let longest = wanted.iter().map(|w| w.len()).max().unwrap_or(0);
    // Most words of the body are of no wanted length: test that before hashing them.
    let mut lens = vec![false; longest + 1];
    for w in wanted {
        lens[w.len()] = true;
    }
    let wanted_len = |n: usize| lens.get(n).copied().unwrap_or(false);
    // Most body words of a wanted length are still not wanted: a table of (length, first
    // letter, last letter) of the wanted ASCII words turns them away before hashing.
    let shape = |len: usize, first: u8, last: u8| {
        (len.min(31) * 32 + (first & 0x1f) as usize) * 32 + (last & 0x1f) as usize
    };
    let mut shapes = vec![false; 32 * 32 * 32];
    for w in wanted {
        let b = w.as_bytes();
        if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
            shapes[shape(b.len(), f, l)] = true;
        }
    }
    let mut note = |token: &str, end: usize| {
        if let Some(&w) = wanted.get(token) {
            out.entry(w).or_default().push(end);
        }
    };
    let bytes = body.as_bytes();
    let char_at = |i: usize| body[i..].chars().next().unwrap_or(' ');
    let mut word = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let letter = if b < 0x80 {
            b.is_ascii_alphabetic()
        } else {
            char_at(i).is_alphabetic()
        };
        if letter {
            let start = i;
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    if !b.is_ascii_alphabetic() {
                        break;
                    }
                    i += 1;
                } else {
                    let c = char_at(i);
                    if !c.is_alphabetic() {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            let run = &body[start..i];
            // Tokens are four letters or more; lower case keeps an ASCII word's length.
            let rb = run.as_bytes();
            let ascii = run.is_ascii();
            if run.len() >= 4
                && (!ascii
                    || wanted_len(run.len()) && shapes[shape(run.len(), rb[0], rb[run.len() - 1])])
            {
                word.clear();
                if ascii {
                    word.push_str(run);
                    word.make_ascii_lowercase();
                } else {
                    word.extend(run.chars().flat_map(char::to_lowercase));
                }
                if wanted_len(word.len()) {
                    note(&word, i);
                }
            }
            continue;
        }
        if b.is_ascii_digit() {
            let tail =
                i >= 2 && matches!(bytes[i - 1], b'.' | b',') && bytes[i - 2].is_ascii_digit();
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if !tail {
                for end in start + 2..=i.min(start + longest) {
                    if wanted_len(end - start) {
                        note(&body[start..end], end);
                    }
                }
            }
            continue;
        }
        i += if b < 0x80 { 1 } else { char_at(i).len_utf8() };
    }
    out
}

/// The distinct telling tokens of a note: numbers of two figures or more, and words of four
/// letters or more that are not the apparatus's own (lower case).
fn tokens(note: &str) -> Vec<(String, bool)> {
    let lower = note.to_lowercase();
    let mut out: Vec<(String, bool)> = Vec::new();
    for raw in lower.split(|c: char| !c.is_alphanumeric()) {
        if raw.is_empty() {
            continue;
        }
        let numeric = raw.chars().all(|c| c.is_ascii_digit());
        let keep = if numeric {
            raw.len() >= 2
        } else {
            raw.chars().count() >= 4 && raw.chars().all(char::is_alphabetic) && !is_stop(raw)
        };
        if keep && !out.iter().any(|(t, _)| t == raw) {
            out.push((raw.to_string(), numeric));
        }
    }
    out
}

/// Does the note speak of the document as a whole ("Telegram in three sections.", "Not
/// sent until February 27, 1934.")? FRUS prints such a note's marker on the dateline, which
/// the page text does not show.
pub(crate) fn about_the_whole(note: &str) -> bool {
    let words: Vec<String> = note
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_lowercase)
        .collect();
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    let parts = |s: &str| matches!(s, "sections" | "parts" | "section" | "part");
    (matches!(w(0), "telegram" | "despatch" | "message" | "cablegram")
        && w(1) == "in"
        && parts(w(3)))
        || (w(0) == "not" && w(1) == "sent")
        // "Transmitted by the Ambassador in Great Britain, Dec. 26 and 27."
        || (w(0) == "transmitted" && matches!(w(1), "by" | "through" | "via"))
}

/// For each note, the earlier note whose text it repeats word for word.
pub(crate) fn repeats(notes: &[String]) -> Vec<Option<usize>> {
    let norm: Vec<String> = notes
        .iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    (0..norm.len())
        .map(|k| (0..k).find(|&j| !norm[k].is_empty() && norm[j] == norm[k]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, after: &str, label: &str) -> Candidate {
        let start = text.find(after).unwrap() + after.len();
        Candidate {
            start,
            end: start + label.len(),
            label: label.into(),
            score: 1.0,
            split_rank: 0,
        }
    }

    #[test]
    fn a_note_points_after_what_it_cites() {
        let text = "As stated in my No. 8341, and in my telegram No. 8601 the matter rests.";
        let cands = vec![cand(text, "No. 834", "1"), cand(text, "No. 860", "1")];
        let notes = vec!["Telegram No. 860, not printed.".to_string()];
        let a = affinity(text, text.len(), &notes, &cands);
        assert_eq!(a[0].len(), 1, "{a:?}");
        assert_eq!(a[0][0].0, 1);
    }

    #[test]
    fn stock_words_lend_nothing() {
        let text = "the telegram was not printed here.5";
        let cands = vec![cand(text, "here.", "5")];
        let notes = vec!["Not printed.".to_string()];
        assert!(affinity(text, text.len(), &notes, &cands)[0].is_empty());
    }

    #[test]
    fn notes_on_the_whole_telegram() {
        assert!(about_the_whole("Telegram in three sections."));
        assert!(about_the_whole(
            "Telegram in two sections; only section 2 is printed."
        ));
        assert!(about_the_whole("Not sent until February 27, 1934."));
        assert!(about_the_whole(
            "Transmitted by the Ambassador in Great Britain."
        ));
        assert!(!about_the_whole("Telegram No. 860, not printed."));
        assert!(!about_the_whole("Not printed."));
    }

    #[test]
    fn repeated_notes_are_found() {
        let n: Vec<String> = ["Not found.", "Ante, p. 1.", "Not  found."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(repeats(&n), vec![None, None, Some(0)]);
    }
}
