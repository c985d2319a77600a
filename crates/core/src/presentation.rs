//! The English a reader is shown for the model's values: kinds, where a date came from,
//! how sure it is, a thread's verbs. The CLI, the app and the core's own evidence texts word
//! things through here, so the model holds no prose and no view's styling. It knows only
//! the model's vocabulary, so every layer above may use it.

use crate::model::{Certainty, DateEvent, DateSource, Kind, Relation};

/// "Memorandum of conversation".
pub fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Letter => "Letter",
        Kind::Telegram => "Telegram",
        Kind::Memorandum => "Memorandum",
        Kind::MemorandumOfConversation => "Memorandum of conversation",
        Kind::Minutes => "Minutes",
        Kind::EditorialNote => "Editorial note",
        Kind::Note => "Diplomatic note",
        Kind::Message => "Message",
        Kind::Despatch => "Despatch",
        Kind::Instruction => "Instruction",
        Kind::Report => "Report",
        Kind::Paper => "Paper",
        Kind::Other => "Document",
    }
}

/// How the reader phrases a date's provenance: "July 21, 1981, from the source note".
pub fn date_source(s: DateSource) -> &'static str {
    match s {
        DateSource::Tei => "from the edition's encoding",
        DateSource::Dateline => "from the dateline",
        DateSource::Body => "from a date in the text",
        DateSource::SourceNote => "from the source note",
        DateSource::Title => "from the heading",
        DateSource::Reference => "inferred from another document",
    }
}

/// What a date marks when it is not the writing: "handed over", "sent", "received".
pub fn date_event(e: DateEvent) -> Option<&'static str> {
    match e {
        DateEvent::Written => None,
        DateEvent::Sent => Some("sent"),
        DateEvent::HandedOver => Some("handed over"),
        DateEvent::Received => Some("received"),
    }
}

/// A document's date as the reader is told it, `shown` being the date as displayed:
/// "July 20, 1981, from the dateline"; "handed over July 21, 1981 (from the source note),
/// so written on or before".
pub fn date_phrase(shown: &str, source: DateSource, event: DateEvent) -> String {
    match date_event(event) {
        None => format!("{shown}, {}", date_source(source)),
        Some(what) => format!(
            "{what} {shown} ({}), so written on or before",
            date_source(source)
        ),
    }
}

/// How sure a date is ("exact", "inferred from the source note").
pub fn certainty(c: Certainty) -> String {
    match c {
        Certainty::Exact => "exact".into(),
        Certainty::Inferred(s) => format!("inferred {}", date_source(s)),
        Certainty::Approximate => "approximate".into(),
        Certainty::Undated => "undated".into(),
        Certainty::Suspect => "undated (the encoded date is not trusted)".into(),
    }
}

/// "Answers", "Cites", "Answered by", "Cited by": a link seen from the document it leaves
/// (`incoming`: from the document it reaches).
pub fn thread_verb(relation: Relation, incoming: bool) -> &'static str {
    match (relation, incoming) {
        (Relation::Answers, false) => "Answers",
        (Relation::Cites, false) => "Cites",
        (Relation::Answers, true) => "Answered by",
        (Relation::Cites, true) => "Cited by",
    }
}

/// A count with thousands separators: "134,217,728".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count and its noun, in the number the count asks for: "1 document", "4,874
/// documents", "0 documents". `one` takes an "s" for the plural unless it ends in one.
pub fn count(n: u64, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else if one.ends_with('s') {
        format!("{} {one}", thousands(n))
    } else {
        format!("{} {one}s", thousands(n))
    }
}

/// A size in bytes as a reader says it: "812 bytes", "48 KB", "4.2 MB", "1.5 GB" (decimal
/// units, as browsers and file managers show them; two significant digits below ten).
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if n < 1000 {
        return count(n, "byte");
    }
    let mut v = n as f64 / 1000.0;
    let mut unit = 0;
    while v >= 999.5 && unit + 1 < UNITS.len() {
        v /= 1000.0;
        unit += 1;
    }
    if v < 9.95 {
        format!("{v:.1} {}", UNITS[unit])
    } else {
        format!("{} {}", thousands(v.round() as u64), UNITS[unit])
    }
}

/// What a volume read from a file that ends early holds: "Incomplete: the file ends at
/// line 41,202; 380 of its documents were read."
pub fn ends_early(line: u32, documents: u64) -> String {
    let at = if line > 0 {
        format!(" at line {}", thousands(line.into()))
    } else {
        String::new()
    };
    let read = if documents == 1 { "was" } else { "were" };
    format!(
        "Incomplete: the file ends{at} before the volume does; {} of its documents {read} read.",
        thousands(documents)
    )
}

/// The sections around a document as a trail names them: each label without the OCR's
/// closing full stop, and a section that only repeats the one around it ("V
/// CORRESPONDENCE." › "CORRESPONDENCE.") named once.
pub fn crumbs(sections: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in sections {
        let label = without_closing_stop(s.trim());
        if label.is_empty() {
            continue;
        }
        let repeats = out
            .last()
            .is_some_and(|outer| same_label(unnumbered(outer), unnumbered(label)));
        if !repeats {
            out.push(label.to_string());
        }
    }
    out
}

/// "CORRESPONDENCE." → "CORRESPONDENCE"; an abbreviation keeps its stop ("U.S.", "etc.").
fn without_closing_stop(s: &str) -> &str {
    let Some(body) = s.strip_suffix('.') else {
        return s;
    };
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '—' || c == '-')
        .next()
        .unwrap_or(body);
    let abbreviation = last.contains('.')
        || last.chars().count() <= 2
        || ["etc", "Jr", "Sr", "Co", "St", "Bros", "Inc", "Ltd", "No"]
            .iter()
            .any(|a| last.eq_ignore_ascii_case(a));
    if abbreviation || !body.ends_with(|c: char| c.is_alphanumeric() || c == ')') {
        s
    } else {
        body
    }
}

/// A label without its leading number: "V CORRESPONDENCE" → "CORRESPONDENCE",
/// "II.—Mexico" → "Mexico", "3. Chile" → "Chile".
fn unnumbered(s: &str) -> &str {
    let (first, rest) = match s.split_once(|c: char| c.is_whitespace() || c == '—' || c == '.') {
        Some(x) => x,
        None => return s,
    };
    let numeral =
        !first.is_empty() && (first.chars().all(|c| c.is_ascii_digit()) || is_roman(first));
    if numeral {
        rest.trim_start_matches(|c: char| c.is_whitespace() || "—–-.:".contains(c))
    } else {
        s
    }
}

/// A Roman numeral as sections are numbered (I … CCCXCIX), written the canonical way:
/// "CIVIL" is a word, not a number.
fn is_roman(s: &str) -> bool {
    s.len() <= 12
        && s.chars().all(|c| "IVXLC".contains(c))
        && (1..400).any(|n| crate::volumes::roman(n) == s)
}

fn same_label(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && a == b
}

/// What references that lead nowhere open say, once for all that lead to one place:
/// "Documents 12 and 14 are in Foreign Relations, 1933, Volume V, which is not open: …";
/// "Document 73 is not in this collection." (`volume`: the volume to open, when known.)
pub fn missing(whats: &[&str], volume: Option<&str>) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for w in whats {
        if !unique.contains(w) {
            unique.push(w);
        }
    }
    let what = match unique.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let (is, them) = if unique.len() > 1 {
        ("are", "them")
    } else {
        ("is", "it")
    };
    match volume {
        Some(v) => format!(
            "{what} {is} in Foreign Relations, {}, which is not open: open its file, or read {them} on history.state.gov.",
            crate::volumes::volume_label(v)
        ),
        None => format!("{what} {is} not in this collection."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_to_one_closed_volume_are_named_once() {
        assert_eq!(
            missing(&["Document 73"], None),
            "Document 73 is not in this collection."
        );
        assert_eq!(
            missing(&["Document 12", "Document 14", "Document 12"], Some("frus1933v05")),
            "Document 12 and Document 14 are in Foreign Relations, 1933, Volume V, which is not open: open its file, or read them on history.state.gov."
        );
        assert_eq!(
            missing(&["p. 3", "p. 5", "p. 9"], Some("frus1933v05")),
            "p. 3, p. 5 and p. 9 are in Foreign Relations, 1933, Volume V, which is not open: open its file, or read them on history.state.gov."
        );
    }

    #[test]
    fn a_trail_names_each_section_once_without_its_closing_stop() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            crumbs(&s(&["V CORRESPONDENCE.", "CORRESPONDENCE."])),
            ["V CORRESPONDENCE"]
        );
        assert_eq!(crumbs(&s(&["II.—Mexico.", "Mexico"])), ["II.—Mexico"]);
        assert_eq!(
            crumbs(&s(&["Russia", "Relations with the U.S.", ""])),
            ["Russia", "Relations with the U.S."]
        );
        assert_eq!(crumbs(&s(&["Claims, etc."])), ["Claims, etc."]);
        assert_eq!(
            crumbs(&s(&["China", "Boxer troubles"])),
            ["China", "Boxer troubles"]
        );
        // A section that is not a repeat keeps its place, even with a number of its own.
        assert_eq!(crumbs(&s(&["I", "Italy"])), ["I", "Italy"]);
        // A word of the letters of numerals is a word; labels with no letters are kept.
        assert_eq!(
            crumbs(&s(&["CIVIL AVIATION", "AVIATION"])),
            ["CIVIL AVIATION", "AVIATION"]
        );
        assert_eq!(crumbs(&s(&["XIV. Chile", "Chile."])), ["XIV. Chile"]);
        assert_eq!(crumbs(&s(&["V.", "1."])), ["V.", "1."]);
        for (n, ok) in [
            ("IV", true),
            ("XLII", true),
            ("CCCXC", true),
            ("IIII", false),
            ("VX", false),
            ("CIVIL", false),
            ("MIX", false),
        ] {
            assert_eq!(is_roman(n), ok, "{n}");
        }
    }

    #[test]
    fn an_incomplete_volume_says_where_it_ends() {
        assert_eq!(
            ends_early(41_202, 380),
            "Incomplete: the file ends at line 41,202 before the volume does; 380 of its documents were read."
        );
        assert_eq!(
            ends_early(0, 1),
            "Incomplete: the file ends before the volume does; 1 of its documents was read."
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(bytes(0), "0 bytes");
        assert_eq!(bytes(1), "1 byte");
        assert_eq!(bytes(999), "999 bytes");
        assert_eq!(bytes(1000), "1.0 KB");
        assert_eq!(bytes(48_213), "48 KB");
        assert_eq!(bytes(999_499), "999 KB");
        assert_eq!(bytes(999_500), "1.0 MB");
        assert_eq!(bytes(4_213_000), "4.2 MB");
        assert_eq!(bytes(33_700_000), "34 MB");
        assert_eq!(bytes(120_000_000_000), "120 GB");
        assert_eq!(bytes(u64::MAX), "18,446,744 TB");
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(1, "document"), "1 document");
        assert_eq!(count(0, "document"), "0 documents");
        assert_eq!(count(4874, "document"), "4,874 documents");
        assert_eq!(count(1, "page break"), "1 page break");
        assert_eq!(count(2, "warning"), "2 warnings");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(134_217_728), "134,217,728");
    }

    #[test]
    fn words() {
        assert_eq!(
            kind(Kind::MemorandumOfConversation),
            "Memorandum of conversation"
        );
        assert_eq!(
            certainty(Certainty::Inferred(DateSource::SourceNote)),
            "inferred from the source note"
        );
        assert_eq!(thread_verb(Relation::Answers, true), "Answered by");
        assert_eq!(thread_verb(Relation::Cites, false), "Cites");
    }
}
