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

#[cfg(test)]
mod tests {
    use super::*;

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
