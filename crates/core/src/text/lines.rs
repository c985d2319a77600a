//! What a single line of a page text is, judged by its shape alone.

use std::sync::OnceLock;

use regex_lite::Regex;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("line regex"))
}

/// `  12. text` — an item of the footnote list: its number and where its text starts.
pub fn footnote_item(line: &str) -> Option<(u32, usize)> {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    if !(1..=3).contains(&spaces) {
        return None;
    }
    let rest = &line[spaces..];
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 4 || !rest[digits..].starts_with(". ") {
        return None;
    }
    let n = rest[..digits].parse().ok()?;
    Some((n, spaces + digits + 2))
}

/// `[Page 222]` alone on its line.
pub fn page_only(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("[Page")
        && t.ends_with(']')
        && page_markers(t)
            .first()
            .is_some_and(|&(s, e, _)| s == 0 && e == t.len())
}

/// Every `[Page N]` in a text: (start, end, N). A plain scan: this runs on every line.
/// Any white space may separate "Page" from its number (a no-break space reads the same).
pub fn page_markers(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    // One substring searcher for every call (every line is asked); std's is set up anew.
    static PAGE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let finder = PAGE.get_or_init(|| memchr::memmem::Finder::new("[Page"));
    while let Some(i) = finder.find(&text.as_bytes()[from..]) {
        let start = from + i;
        let after = &text[start + "[Page".len()..];
        let gap = after.len() - after.trim_start().len();
        let n_start = start + "[Page".len() + gap;
        let n_len = text[n_start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let close = n_start + n_len;
        if gap > 0 && (1..=8).contains(&n_len) && text[close..].starts_with(']') {
            out.push((start, close + 1, &text[n_start..close]));
            from = close + 1;
        } else {
            from = start + "[Page".len();
        }
    }
    out
}

/// A line the page shows above the text as an inline source note: file numbers
/// ("825.5151/132: Telegram", "File No. 861.51/146", "Paris Peace Conf. 184/10"),
/// bracketed telegram headers ("[Telegram]", "[Paraphrase]"), despatch numbers ("No. 42.]").
pub fn is_source_line(line: &str) -> bool {
    static FILE: OnceLock<Regex> = OnceLock::new();
    static LABEL: OnceLock<Regex> = OnceLock::new();
    static SERIES: OnceLock<Regex> = OnceLock::new();
    static PAPERS: OnceLock<Regex> = OnceLock::new();
    let t = line.trim();
    if t.is_empty() || t.len() > 90 || t.eq_ignore_ascii_case("[untitled]") || page_only(t) {
        return false;
    }
    if is_bracketed(t) {
        return t.len() <= 60;
    }
    let words = t.split_whitespace().count();
    if words <= 8
        && (t.starts_with(|c: char| c.is_ascii_digit()) || t.starts_with("File No"))
        && t.contains('/')
    {
        return true;
    }
    // Where the paper is kept or was published: "Treaty Series No. 767", "Executive
    // Agreement Series No. 67", "Inquiry Document No. 893", "Hunter Miller Papers", "War
    // Trade Board Files: Panama Canal, License Control", "Inquiry files".
    let held = words <= 8
        && t.starts_with(char::is_uppercase)
        && (t.contains(" No") || t.contains("Papers") || t.contains("iles"))
        && (re(
            &SERIES,
            r"^[A-Z][\w.’' -]{0,50} (Series|Document) No\. ?\d+[a-z]?$",
        )
        .is_match(t)
            || re(
                &PAPERS,
                r"^[A-Z][\w.’' -]{0,50} (Papers|Files|files)(: .*)?$",
            )
            .is_match(t));
    // Each pattern runs only on a line that has what it needs (they are slow on prose).
    held || words <= 8
        && t.contains('/')
        && re(
            &FILE,
            r"^[A-Z][A-Za-z. ]{0,30} \d+(\.\d+)?( [A-Z][a-z]+)?/(\d+[a-z]?\b|-)",
        )
        .is_match(t)
        || is_paper_number(t)
        || t.len() <= 6 && re(&LABEL, r"^[A-Z]{1,5}\.$").is_match(t)
}

/// "No. 1025", "No. 42.]", "*No. 52.": a despatch's or note's own number, alone on its line.
pub fn is_paper_number(line: &str) -> bool {
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    let t = line.trim();
    (t.starts_with("No") || t.starts_with("*No"))
        && re(&NUMBER, r"^\*?No\. ?\d+[a-zA-Z]?\.?\]?(?:\[\d+\])?$").is_match(t)
}

/// The whole line is in square brackets (an editors' note or a telegram header).
pub fn is_bracketed(t: &str) -> bool {
    let t = t.trim();
    t.starts_with('[')
        && (t.ends_with(']') || t.ends_with("].") || t.ends_with("]:"))
        && !page_only(t)
        && t[1..]
            .find(']')
            .is_some_and(|i| i + 2 >= t.trim_end_matches(['.', ':']).len())
}

/// "[Enclosure]", "[Inclosure 1]", "[Annex]": an attachment begins.
pub fn is_enclosure(t: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let t = t.trim();
    if !t.starts_with('[') || t.len() > 80 {
        return false;
    }
    re(
        &R,
        r"^\[(?:Enclosure|Inclosure|Annex|Attachment|Appendix|Subenclosure|Subinclosure|Enclosures|Inclosures|Indorsements?|Endorsements?|Tab [A-Z])\b[^\]]{0,60}\][.:]?$",
    )
    .is_match(t.trim())
}

pub fn is_salutation(t: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let t = t.trim();
    t.len() <= 90
        && t.ends_with([',', ':'])
        && t.split_whitespace().count() <= 10
        && re(
            &R,
            r"^(?:My [Dd]ear|Dear|Sir|Sirs|Gentlemen|Madam|Monsieur|Excellency|Your Excellency|Your Highness|Your Majesty|Mr\. (?:President|Secretary|Minister|Ambassador|Chairman)|Señor|Messieurs)\b.{0,60}[,:]$",
        )
        .is_match(t)
}

/// Complimentary closes: "Sincerely,", "I am, sir, respectfully, your obedient servant,",
/// "I have, etc.", "Believe me [etc.]", "For the Secretary of State:".
pub fn is_closing(t: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let t = t.trim();
    // The pattern is slow on prose: only a close's first word lets it run.
    let first = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    t.len() <= 200
        && matches!(
            first,
            "Very"
                | "Sincerely"
                | "Respectfully"
                | "Cordially"
                | "Faithfully"
                | "Truly"
                | "Gratefully"
                | "Yours"
                | "With"
                | "I"
                | "Accept"
                | "Believe"
                | "Your"
                | "Ever"
                | "For"
        )
        && re(
            &R,
            r"(?x)^(?:
                (?:Very\s+)?(?:Sincerely|Respectfully|Cordially|Faithfully|Truly|Gratefully)(?:\s+yours)?
              | Yours\s+(?:very\s+)?(?:sincerely|truly|faithfully|respectfully|cordially|ever)
              | Very\s+(?:truly|respectfully|sincerely|cordially|faithfully)\s+yours
              | With\s+(?:the\s+)?(?:highest|high|great|renewed|warm|kind|best|every)\b.*
              | I\s+am,?\s.*
              | I\s+have\s+the\s+honor\s+to\s+be\b.*
              | I\s+have,?\s+etc\.?
              | I\s+avail\s+myself\b.*
              | Accept,?\s.*
              | Believe\s+me\b.*
              | Your\s+obedient\s+servant
              | (?:Ever\s+)?[Yy]ours\s+(?:ever|always)
              | For\s+the\s+[A-Z][\w’']*(?:\s+(?:of|the|[A-Z][\w’']*)){0,5}
              | Respectfully\s+submitted
            )[,.:;]?\s*(?:\[etc\.\])?$",
        )
        .is_match(t)
}

/// "Begin text", "Begin text:", "Begin Quote." — an embedded message opens.
pub fn is_begin_text(t: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let t = t.trim();
    t.len() <= 20 && re(&R, r"(?i)^begin\s+(?:text|quote|message|summary)\b[.:]?$").is_match(t)
}

/// "End text" at the end of a line (alone or after the last sentence of the message).
pub fn ends_text(t: &str) -> bool {
    let t = t.trim_end().trim_end_matches('.');
    let start = t.char_indices().rev().nth(12).map_or(0, |(i, _)| i);
    let tail = t[start..].to_lowercase();
    ["end text", "end quote", "end message", "end summary"]
        .iter()
        .any(|w| {
            tail.strip_suffix(w).is_some_and(|before| {
                let whole_line = start == 0 && before.is_empty();
                whole_line || before.ends_with(char::is_whitespace)
            })
        })
}

/// A label on its own line ("1.", "(a)", "I.", "(12)").
pub fn list_label(line: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let t = line.trim();
    if t.len() > 8 {
        return None;
    }
    re(
        &R,
        r"^(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6}|[A-Z]|[IVXLC]{1,6})[.)]|\((?:\d{1,3}|[a-z]|[ivxlc]{1,6}|[A-Z])\)|\d{1,3}(?:st|nd|rd|th|d)\.)$",
    )
    .is_match(t)
    .then_some(t)
}

/// "  • item" (depth 1) or "    • item" (depth 2): the depth and where the text starts.
pub fn bullet(line: &str) -> Option<(u8, usize)> {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[spaces..];
    let text = rest.strip_prefix('•').or_else(|| rest.strip_prefix('·'))?;
    let depth = (spaces / 2).clamp(1, 6) as u8;
    Some((depth, line.len() - text.trim_start().len()))
}

/// Leading spaces as a list depth for labelled items (0 or 4 spaces → 1 or 2).
pub fn indent_depth(line: &str) -> u8 {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    (spaces / 4 + 1).min(6) as u8
}

/// Could this line be (part of) a signature? "A. Gromyko", "WILLIAM H. SEWARD.",
/// "Cecil Spring Rice", "Alvey A. Adee,", "Acting Secretary.".
pub fn is_name_like(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ',']);
    if t.is_empty() || t.len() > 60 || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if t.contains(['[', ']', ':', ';', '“', '”', '"', '?', '!', '&']) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 7 {
        return false;
    }
    const PARTICLES: &[&str] = &[
        "de", "da", "van", "von", "y", "del", "di", "la", "le", "du", "of", "the", "for", "and",
        "ad", "interim",
    ];
    // "Robert M. scotten": OCR may lower a surname's capital after an initial.
    let initial = words
        .iter()
        .any(|w| w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase));
    words.iter().enumerate().all(|(i, w)| {
        let w = w.trim_end_matches([',', '.']);
        w.starts_with(char::is_uppercase)
            || (initial && i > 0 && i == words.len() - 1)
            || PARTICLES.contains(&w)
    })
}

/// A postscript naming the addressee ("William L. Dayton, Esq., &c., &c., &c.",
/// "Hon. William H. Seward, Secretary of State").
pub fn is_addressee(t: &str) -> bool {
    let t = t.trim();
    t.len() <= 200
        && (t.contains("Esq")
            || t.contains("&c")
            || t.starts_with("Hon.")
            || t.starts_with("His Excellency")
            || t.starts_with("To "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::printed_label;

    #[test]
    fn printed_labels() {
        for (text, label) in [
            ("1. The balance", "1."),
            ("(a) Southern front", "(a)"),
            ("a) first", "a)"),
            ("IV. Points", "IV."),
            ("1st. That", "1st."),
            ("(12)", "(12)"),
            ("Q. Is it true", "Q."),
        ] {
            assert_eq!(printed_label(text), Some(label), "{text}");
        }
        for text in ["The balance", "1", "Mr. Hull", "(abc) x", "123456. x", ""] {
            assert_eq!(printed_label(text), None, "{text}");
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(footnote_item("  2. See Document 73."), Some((2, 5)));
        assert_eq!(footnote_item("2. See"), None);
        assert!(page_only("[Page 113]"));
        assert!(!page_only("deteriorated [Page 222] international"));
        for s in [
            "825.5151/132: Telegram",
            "File No. 661.119/304b",
            "[Telegram]",
            "No. 42.]",
            "Paris Peace Conf. 184/10",
            "810.5151 Williams Mission/18",
            "690D.11241/28",
            "L.",
            "*No. 14.[15]",
        ] {
            assert!(is_source_line(s), "{s}");
        }
        for s in [
            "[Untitled]",
            "The Secretary of State to the Ambassador in Chile (Collier)9",
            "Mr. Seward to Mr. Dayton.",
        ] {
            assert!(!is_source_line(s), "{s}");
        }
        assert!(is_salutation("Dear Mr. Secretary,"));
        assert!(is_salutation("Sir:"));
        assert!(!is_salutation("Sir: The Department has given much thought"));
        for s in [
            "Sincerely,",
            "Respectfully yours,",
            "I am, sir, respectfully, your obedient servant,",
            "Very truly yours,",
            "Believe me [etc.]",
            "For the Secretary of State:",
            "I have, etc.",
        ] {
            assert!(is_closing(s), "{s}");
        }
        assert!(is_enclosure("[Inclosure 1]") && is_enclosure("[Enclosure]"));
        assert_eq!(list_label("    (a)"), Some("(a)"));
        assert_eq!(list_label("1."), Some("1."));
        assert_eq!(bullet("    • By Japan"), Some((2, 8)));
        assert!(
            is_name_like("A. Gromyko")
                && is_name_like("WILLIAM H. SEWARD.")
                && is_name_like("Acting Secretary.")
        );
        assert!(!is_name_like("Please instruct.") && !is_name_like("Miscellaneous 806"));
        assert!(is_name_like("Robert M. scotten"));
        assert!(
            ends_text("Sincerely, Alexander M. Haig, Jr. End text") && is_begin_text("Begin text")
        );
    }
}
