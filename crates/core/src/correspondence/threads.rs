//! What a document says of earlier ones: "your letter of July 10, 1981", "your No. 136 of
//! August 2", "Department's telegram No. 10, January 11, 6 p.m.", "reference your 203",
//! "my despatch No. 63". Each mention is resolved elsewhere (mod.rs) against the open
//! documents between the same correspondents at that date; here we only read the words.

use std::sync::OnceLock;

use memchr::memmem;
use regex_lite::Regex;

use crate::model::{push_plain, Block, BlockKind, Document};

/// Whose document a mention names, seen from the writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// "your …", "reference your …": the addressee's; this document answers it.
    Theirs,
    /// "my …", "our …": the writer's own earlier one; this document cites it.
    Mine,
    /// "Department's …": the Department's, whichever side that is.
    Department,
    /// "Embassy's …", "Legation's …": the mission's, whichever side that is.
    Mission,
}

/// A printed day: month and day, the year when given, the time when given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// The year, when printed.
    pub year: Option<i32>,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, 1–31.
    pub day: u32,
}

/// One mention of an earlier document ("your No. 136 of August 2").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Whose document it names.
    pub side: Side,
    /// letter, note, despatch, telegram, instruction, message (as written, singular).
    pub kind: Option<String>,
    /// The document's number, when given ("No. 136" → 136).
    pub number: Option<u32>,
    /// The date given, if any.
    pub day: Option<Day>,
    /// The phrase as printed ("your letter of July 10, 1981").
    pub text: String,
    /// The footnote whose marker stands right after the phrase, if any.
    pub note: Option<u32>,
}

/// What a mentioned document is called, and the words that may stand before that: the
/// regex and the cheap pre-check (`plausible`) both read these lists.
const KINDS: &[&str] = &[
    "letter",
    "note",
    "despatch",
    "dispatch",
    "telegram",
    "cable",
    "instruction",
    "message",
    "communication",
];
const ADJECTIVES: &[&str] = &[
    "air mail",
    "air-mail",
    "strictly confidential",
    "confidential",
    "urgent",
    "personal",
    "secret",
    "previous",
    "last",
    "circular",
];

fn mention_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let re = format!(
            concat!(
                r"^(?P<who>(?:[Rr]eference |[Rr]eferring to )?(?:[Yy]our|[Mm]y|[Oo]ur)|",
                r"Department[’']s|Embassy[’']s|Legation[’']s)\s+",
                r"(?:(?:{adjectives})\s+)?",
                r"(?P<kind>{kinds})?s?\s*",
                r"(?P<no>No\.\s*)?(?P<num>\d{{1,5}})?",
                r"(?P<tail>,?\s*(?:of |dated |under date of )?(?:the )?",
                r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?",
                r"(?:,?\s*(?P<year>1[6-9]\d\d|20\d\d))?)?"
            ),
            adjectives = ADJECTIVES.join("|"),
            kinds = KINDS.join("|"),
        );
        Regex::new(&re).unwrap()
    })
}

fn relative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^,?\s*(?:of |dated )?the (\d{1,2})(?:st|nd|rd|th|d)? (instant|ultimo)")
            .unwrap()
    })
}

/// The mentions in a text, with the footnote markers that follow them.
pub fn mentions_in(text: &str, notes: &[(usize, u32)], at: Option<(i32, u32)>) -> Vec<Mention> {
    let mut out = Vec::new();
    for start in triggers(text) {
        // Each candidate is matched in a short window: regex-lite has no DFA, and most
        // paragraphs hold "our" somewhere.
        let window = &text[start..floor_boundary(text, start + 160)];
        if !plausible(window) {
            continue;
        }
        let Some(c) = mention_re().captures(window) else {
            continue;
        };
        let whole = c.get(0).expect("match");
        let whole = start + whole.start()..start + whole.end();
        let who = &c["who"];
        let side = match who.to_ascii_lowercase().as_str() {
            w if w.ends_with("your") => Side::Theirs,
            w if w.ends_with("my") || w.ends_with("our") => Side::Mine,
            w if w.starts_with("department") => Side::Department,
            _ => Side::Mission,
        };
        let kind = c.name("kind").map(|k| match k.as_str() {
            "dispatch" => "despatch".to_string(),
            "cable" => "telegram".to_string(),
            k => k.to_string(),
        });
        let number = c.name("num").and_then(|n| n.as_str().parse().ok());
        let mut end = whole.end;
        let mut day = c.name("month").and_then(|m| {
            let month = crate::dates::month_number(m.as_str())?;
            let d: u32 = c["day"].parse().ok()?;
            let year = c.name("year").and_then(|y| y.as_str().parse().ok());
            (1..=31).contains(&d).then_some(Day {
                year,
                month,
                day: d,
            })
        });
        // "your note of the 28th ultimo": relative to the writer's month.
        if day.is_none() && c.name("tail").is_none() {
            if let (Some(r), Some((y, m))) = (
                relative_re().captures(&text[end..floor_boundary(text, end + 40)]),
                at,
            ) {
                let d: u32 = r[1].parse().unwrap_or(0);
                let (y, m) = if &r[2] == "ultimo" {
                    if m == 1 {
                        (y - 1, 12)
                    } else {
                        (y, m - 1)
                    }
                } else {
                    (y, m)
                };
                if (1..=31).contains(&d) {
                    day = Some(Day {
                        year: Some(y),
                        month: m,
                        day: d,
                    });
                    end += r.get(0).map_or(0, |g| g.end());
                }
            }
        }
        // Enough to find a document by: a number, or a kind with a day.
        // "Reference your 203": a bare number is enough after "reference".
        let has_no = c.name("no").is_some() || who.to_ascii_lowercase().starts_with("ref");
        let ok = match (number, &kind, day) {
            (Some(_), _, _) if has_no || kind.is_some() || day.is_some() => true,
            (None, Some(_), Some(_)) => true,
            _ => false,
        };
        // "my"/"our" with a bare number is prose ("our 500 men"), not a document.
        if !ok || (side == Side::Mine && kind.is_none()) {
            continue;
        }
        // A time after the day ("6 p.m.", "noon") belongs to the phrase.
        let rest = &text[end..floor_boundary(text, end + 30)];
        if let Some(t) = time_re().find(rest) {
            end += t.end();
        }
        let note = notes
            .iter()
            .find(|(pos, _)| {
                *pos >= end
                    && text[end..*pos]
                        .trim_matches([' ', '.', ',', ';', ')'])
                        .is_empty()
            })
            .map(|(_, n)| *n);
        out.push(Mention {
            side,
            kind,
            number,
            day,
            text: text[whole.start..end]
                .trim_end_matches([',', ' '])
                .to_string(),
            note,
        });
    }
    out
}

/// Where a mention can start: "your"/"our"/"my" at a word start (with a "reference"
/// before it), or the word before "’s" when it is the Department, an Embassy or Legation.
fn triggers(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let word_start = |i: usize| i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80);
    let mut out = Vec::new();
    // memmem (SIMD) rather than str::match_indices: this runs over every paragraph.
    let finders = [
        memmem::Finder::new("ur "),
        memmem::Finder::new("my "),
        memmem::Finder::new("My "),
    ];
    for (k, f) in finders.iter().enumerate() {
        for p in f.find_iter(b) {
            // "ur " → "your"/"Your"/"our"/"Our".
            let mut start = if k == 0 {
                match p.checked_sub(1).map(|i| b[i]) {
                    Some(b'o' | b'O') => match p.checked_sub(2).map(|i| b[i]) {
                        Some(b'y' | b'Y') => p - 2,
                        _ => p - 1,
                    },
                    _ => continue,
                }
            } else {
                p
            };
            if !word_start(start) {
                continue;
            }
            for lead in ["Reference ", "reference ", "Referring to ", "referring to "] {
                if text[..start].ends_with(lead) {
                    start -= lead.len();
                }
            }
            out.push(start);
        }
    }
    for pat in ["’s ", "'s "] {
        for p in memmem::find_iter(b, pat.as_bytes()) {
            for who in ["Department", "Embassy", "Legation"] {
                if text[..p].ends_with(who) && word_start(p - who.len()) {
                    out.push(p - who.len());
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A cheap look at the word after the possessive: a kind, a number, "No." or one of the
/// adjectives the pattern allows. Most "our"s stop here.
fn plausible(window: &str) -> bool {
    let after = window
        .split_once(' ')
        .map(|(w, rest)| {
            if w.ends_with("eference") || w.ends_with("eferring") {
                rest.split_once(' ').map_or("", |(_, r)| {
                    r.trim_start_matches("your ")
                        .trim_start_matches("my ")
                        .trim_start_matches("our ")
                })
            } else {
                rest
            }
        })
        .unwrap_or("")
        .trim_start();
    after.starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with("No")
        || KINDS.iter().chain(ADJECTIVES).any(|k| after.starts_with(k))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^,?\s*(?:\d{1,2}(?::\d\d)?\s*[ap]\.\s?m\.|noon|midnight)").unwrap()
    })
}

/// Every mention in a document's body and footnotes.
pub fn mentions(doc: &Document, at: Option<(i32, u32)>) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut notes = Vec::new();
    let body = doc.blocks.iter().filter(|b| {
        !matches!(
            b.kind,
            BlockKind::Source | BlockKind::Dateline | BlockKind::Signature
        )
    });
    for b in body {
        buf.clear();
        notes.clear();
        push_plain(&b.inlines, &mut buf, &mut notes);
        out.extend(mentions_in(&buf, &notes, at));
    }
    out
}

/// The document's own serial number: a despatch's "No. 63.]" / "No. 10" line, or a
/// telegram's number at the start of its first paragraph ("4. Department's telegram…",
/// "182686. Subject: …").
pub fn serial(doc: &Document) -> Option<u32> {
    static NO: OnceLock<Regex> = OnceLock::new();
    static TEL: OnceLock<Regex> = OnceLock::new();
    let no = NO.get_or_init(|| Regex::new(r"^No\.\s*\[?(\d{1,6})\b").unwrap());
    let tel = TEL.get_or_init(|| Regex::new(r"^(\d{1,6})\.\s").unwrap());
    let mut buf = String::new();
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b: &&Block| {
            matches!(b.kind, BlockKind::Paragraph | BlockKind::Subject) && b.level == 0
        })
        .take(3);
    for (i, b) in paragraphs.enumerate() {
        buf.clear();
        push_plain(&b.inlines, &mut buf, &mut Vec::new());
        let t = buf.trim();
        if let Some(c) = no.captures(t) {
            return c[1].parse().ok();
        }
        if i == 0 && doc.kind == crate::model::Kind::Telegram && b.label.is_none() {
            if let Some(c) = tel.captures(t) {
                return c[1].parse().ok();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> Mention {
        let m = mentions_in(t, &[], Some((1934, 3)));
        assert_eq!(m.len(), 1, "{t}: {m:?}");
        m.into_iter().next().unwrap()
    }

    #[test]
    fn phrase_patterns() {
        let m = one("I gave careful attention to your letter of July 10, 1981.");
        assert_eq!(
            (m.side, m.kind.as_deref(), m.number),
            (Side::Theirs, Some("letter"), None)
        );
        assert_eq!(
            m.day,
            Some(Day {
                year: Some(1981),
                month: 7,
                day: 10
            })
        );
        assert_eq!(m.text, "your letter of July 10, 1981");

        let m = one("9. Your No. 136 of August 2, 1 p.m. Second paragraph.");
        assert_eq!((m.side, m.number), (Side::Theirs, Some(136)));
        assert_eq!(
            m.day,
            Some(Day {
                year: None,
                month: 8,
                day: 2
            })
        );
        assert_eq!(m.text, "Your No. 136 of August 2, 1 p.m.");

        let m = one("4. Department’s telegram No. 10, January 11, 6 p.m. The principle");
        assert_eq!(
            (m.side, m.kind.as_deref(), m.number),
            (Side::Department, Some("telegram"), Some(10))
        );
        assert_eq!(
            m.day,
            Some(Day {
                year: None,
                month: 1,
                day: 11
            })
        );

        let m = one("100. Reference your 203, which crossed the Department’s.");
        assert_eq!((m.side, m.number, m.day), (Side::Theirs, Some(203), None));

        let m = one("Reference your 134, December 29, 2 p.m., which crossed");
        assert_eq!((m.number, m.day.unwrap().day), (Some(134), 29));

        let m = one(
            "Sir: I have to acknowledge the receipt of your dispatch No. 62, of the 10th instant",
        );
        assert_eq!((m.kind.as_deref(), m.number), (Some("despatch"), Some(62)));

        let m = one(
            "I have the honor to acknowledge the receipt of your note of the 28th ultimo, giving",
        );
        assert_eq!(
            m.day,
            Some(Day {
                year: Some(1934),
                month: 2,
                day: 28
            })
        );

        let m = one("77. Embassy’s telegram No. 76, dated October 19, noon.");
        assert_eq!((m.side, m.number), (Side::Mission, Some(76)));

        let m = one("Referring to my despatch No. 63 of May 2.");
        assert_eq!((m.side, m.number), (Side::Mine, Some(63)));

        assert!(mentions_in("We sent our 500 men and your 3 ships.", &[], None).is_empty());
        assert!(mentions_in("In your letter, Mr. Secretary, you stress", &[], None).is_empty());
    }

    #[test]
    fn the_note_after_the_phrase() {
        let t = "I gave careful attention to your letter of July 10, 1981.";
        let m = mentions_in(t, &[(t.len(), 2)], None);
        assert_eq!(m[0].note, Some(2));
        let m = mentions_in(t, &[(3, 1)], None);
        assert_eq!(m[0].note, None);
    }
}
