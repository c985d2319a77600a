//! What a document is and when it was written, when the edition does not say so outright.
//! Shared by the parsers: they gather the evidence, these rules weigh it.

use crate::dates::{self, FoundDate};
use crate::model::{DateEvent, DateInfo, DateSource, Diagnostic, DiagnosticCode, Kind, Party};

/// Evidence for the kind of a document beyond its heading.
pub struct KindEvidence<'a> {
    pub heading_kind: Option<Kind>,
    /// Inline source notes and telegram headers ("825.5151/132: Telegram", "[Paraphrase]").
    pub source_lines: &'a [String],
    pub from: &'a [Party],
    pub to: &'a [Party],
    /// The salutation, when the document has one as its own line.
    pub salutation: Option<&'a str>,
    /// The first paragraph ("Sir: …", "My Dear Phillips: …").
    pub first_paragraph: Option<&'a str>,
}

fn role_of(p: &Party) -> &str {
    p.role.as_deref().unwrap_or("")
}

/// The Secretary of State or the Department: the home end of diplomatic correspondence.
fn is_department(p: &Party) -> bool {
    let r = role_of(p);
    r.contains("Secretary of State")
        || r.contains("Department of State")
        || r == "Department"
        || r.starts_with("Under Secretary")
        || r.starts_with("Assistant Secretary of State")
}

/// A United States mission abroad: "Ambassador in Chile", "Consul at Harbin",
/// "Chargé in Italy", "Special Representative", "Chairman of the American Delegation".
fn is_us_mission(p: &Party) -> bool {
    let r = role_of(p);
    let first = r.split_whitespace().next().unwrap_or("");
    if is_foreign(p) {
        return false;
    }
    matches!(
        first,
        "Ambassador"
            | "Minister"
            | "Chargé"
            | "Consul"
            | "Vice"
            | "Special"
            | "Commissioner"
            | "Agent"
            | "Diplomatic"
            | "Counselor"
            | "First"
            | "Second"
            | "Third"
            | "High"
            | "Chairman"
            | "American"
            | "Delegate"
            | "Representative"
            | "Embassy"
            | "Legation"
            | "Consulate"
            | "Military"
            | "Naval"
            | "Commercial"
            | "Acting"
    ) && !r.contains("Secretary of State")
        && (r.contains(" in ")
            || r.contains(" at ")
            || r.contains(" to ")
            || r.contains("American")
            || r.contains("Delegation")
            || r.contains("Representative")
            || r.contains("Commission"))
}

/// A foreign government's representative: "British Ambassador", "Colombian Legation",
/// "Spanish Minister of State", "Canadian Minister".
fn is_foreign(p: &Party) -> bool {
    let r = role_of(p);
    let first = r.split_whitespace().next().unwrap_or("");
    first != "American"
        && first.starts_with(char::is_uppercase)
        && (first.ends_with("an")
            || first.ends_with("ish")
            || first.ends_with("ese")
            || first.ends_with("ch")
            || first.ends_with("ian")
            || matches!(
                first,
                "Greek" | "Thai" | "Swiss" | "Dutch" | "Soviet" | "Iraqi"
            ))
        && !matches!(first, "Chairman" | "Special" | "Commercial")
}

pub fn infer_kind(e: &KindEvidence<'_>) -> Kind {
    if let Some(k) = e.heading_kind {
        return k;
    }
    let telegram = e.source_lines.iter().any(|s| {
        let l = s.to_lowercase();
        l.contains("telegram")
            || l.contains("cablegram")
            || l.contains("radiogram")
            || l.contains("paraphrase")
            || l.contains("cable")
    });
    if telegram {
        return Kind::Telegram;
    }
    let opening = e.salutation.or(e.first_paragraph).unwrap_or("");
    let personal = opening.starts_with("My dear")
        || opening.starts_with("My Dear")
        || opening.starts_with("Dear");
    if e.from.is_empty() && e.to.is_empty() {
        return Kind::Other;
    }
    if personal {
        return Kind::Letter;
    }
    let from_dept = e.from.iter().any(is_department);
    let to_dept = e.to.iter().any(is_department);
    if e.from.iter().any(is_foreign) || (from_dept && e.to.iter().any(is_foreign)) {
        return Kind::Note;
    }
    if to_dept && e.from.iter().any(is_us_mission) {
        return Kind::Despatch;
    }
    if from_dept && e.to.iter().any(is_us_mission) {
        return Kind::Instruction;
    }
    Kind::Letter
}

/// Dates found in the evidence a parser collected, by kind of evidence.
#[derive(Default)]
pub struct DateEvidence {
    /// Datelines of the document itself ("Moscow, July 20, 1981"), with their text.
    pub datelines: Vec<(FoundDate, String)>,
    /// Source-note evidence of when it was sent or handed over ("Given to … 7/21/81"),
    /// with what the date marks.
    pub source_notes: Vec<(FoundDate, String, DateEvent)>,
    /// Dates in the heading of a document that is not a letter between parties.
    pub title: Vec<(FoundDate, String)>,
    /// Dates of an embedded message ("Begin text / July 10, 1981").
    pub body: Vec<(FoundDate, String)>,
}

/// Picks the best date, flagging values far from the volume's years as suspect.
pub fn choose_date(
    e: &DateEvidence,
    volume_years: Option<(i32, i32)>,
) -> (Option<DateInfo>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let plain = |v: &[(FoundDate, String)], source| {
        v.iter()
            .map(|(d, t)| (d.clone(), t.clone(), source, DateEvent::Written))
            .collect::<Vec<_>>()
    };
    let mut found = plain(&e.datelines, DateSource::Dateline);
    found.extend(
        e.source_notes
            .iter()
            .map(|(d, t, ev)| (d.clone(), t.clone(), DateSource::SourceNote, *ev)),
    );
    found.extend(plain(&e.title, DateSource::Title));
    found.extend(plain(&e.body, DateSource::Body));
    for (d, text, source, event) in found {
        if !dates::plausible_year(d.year, volume_years) {
            // Only a volume's years make a date implausible.
            let (lo, hi) = volume_years.unwrap_or_default();
            diags.push(Diagnostic::warning(
                DiagnosticCode::SuspectDate,
                dates::untrusted(
                    &format!("date “{text}” ({})", d.iso),
                    &format!("is far from the volume's years {lo}–{hi}"),
                ),
                None,
                None,
            ));
            continue;
        }
        return (
            Some(DateInfo {
                iso: d.iso.clone(),
                precision: d.precision,
                source,
                text,
                event,
            }),
            diags,
        );
    }
    (None, diags)
}

/// Source-note sentences that date the document's delivery: "Given to Ambassador
/// Stoessel by Bessmertnykh, 7/21/81." Folder dates ("Super Sensitive—July 1981",
/// "(04/09/1981–07/13/1981)") say nothing about the day and are ignored.
pub fn source_note_dates(
    note: &str,
    century_hint: Option<i32>,
) -> Vec<(FoundDate, String, DateEvent)> {
    const VERBS: &[&str] = &[
        "Given to",
        "given to",
        "Handed to",
        "handed to",
        "Delivered",
        "delivered",
        "Sent ",
        "sent ",
        "Transmitted",
        "transmitted",
        "Dated",
        "dated",
        "Signed",
        "signed",
        "Received",
        "received",
        "Written",
        "written",
    ];
    let mut out = Vec::new();
    for sentence in split_sentences(note) {
        if !VERBS.iter().any(|v| sentence.contains(v)) {
            continue;
        }
        let event = sentence_event(sentence);
        for d in dates::find_dates(sentence, century_hint) {
            let inside_range = sentence[d.end..].starts_with(['–', '-'])
                || sentence[..d.start].ends_with(['–', '-']);
            if d.precision != crate::model::Precision::Month && !inside_range {
                out.push((d.clone(), sentence[d.start..d.end].to_string(), event));
            }
        }
    }
    out
}

/// What a sentence of a source note says happened on its date: "Given to Ambassador
/// Stoessel by Bessmertnykh" (handed over), "Received …", "Sent …"; "Dated", "Signed",
/// "Written" date the paper itself.
pub fn sentence_event(sentence: &str) -> DateEvent {
    let s = sentence.to_lowercase();
    // The first place the word starts a word ("typewritten" is no "written").
    let at = |w: &str| {
        s.match_indices(w)
            .map(|(i, _)| i)
            .find(|&i| !s[..i].chars().next_back().is_some_and(char::is_alphabetic))
    };
    let mut events = [
        (at("written"), DateEvent::Written),
        (at("dated"), DateEvent::Written),
        (at("signed"), DateEvent::Written),
        (at("given to"), DateEvent::HandedOver),
        (at("handed"), DateEvent::HandedOver),
        (at("delivered"), DateEvent::HandedOver),
        (at("received"), DateEvent::Received),
        (at("sent"), DateEvent::Sent),
        (at("transmitted"), DateEvent::Sent),
    ];
    // The first verb of the sentence says what its date marks.
    events.sort_by_key(|(i, _)| i.unwrap_or(usize::MAX));
    match events[0] {
        (Some(_), e) => e,
        (None, _) => DateEvent::Written,
    }
}

fn split_sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    for (i, _) in s.match_indices(". ") {
        // Keep "Mr. X" and initials inside a sentence.
        let ws = s[..i].rfind(' ').map_or(0, |p| p + 1);
        let word = &s[ws..i];
        if word.len() <= 2 || matches!(word, "Mr" | "Mrs" | "Dr" | "No" | "St") {
            continue;
        }
        if bytes
            .get(i + 2)
            .is_some_and(|b| b.is_ascii_uppercase() || *b == 0xE2)
        {
            out.push(&s[start..=i]);
            start = i + 2;
        }
    }
    out.push(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heading;

    fn kind(title: &str, sources: &[&str], opening: Option<&str>) -> Kind {
        let h = heading::parse(title);
        let sources: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
        infer_kind(&KindEvidence {
            heading_kind: h.kind,
            source_lines: &sources,
            from: &h.from,
            to: &h.to,
            salutation: None,
            first_paragraph: opening,
        })
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("Letter From A to B", &[], None), Kind::Letter);
        assert_eq!(
            kind(
                "The Secretary of State to the Ambassador in Chile (Collier)",
                &["500.A15 a 1/3a: Telegram"],
                None
            ),
            Kind::Telegram
        );
        assert_eq!(
            kind(
                "The Ambassador in Cuba (Caffery) to the Secretary of State",
                &["611.3731/546"],
                Some("Sir: With reference")
            ),
            Kind::Despatch
        );
        assert_eq!(
            kind(
                "The Secretary of State to the Ambassador in Chile (Sevier)",
                &[],
                Some("Sir: The Department")
            ),
            Kind::Instruction
        );
        assert_eq!(kind("The British Ambassador (Spring Rice) to the Counselor for the Department of State (Polk)", &[], Some("My Dear Mr. Counsellor: I am")), Kind::Letter);
        assert_eq!(
            kind(
                "The Colombian Legation to the Department of State",
                &[],
                None
            ),
            Kind::Note
        );
        assert_eq!(
            kind("Mr. Seward to Mr. Dayton.", &[], Some("Sir:")),
            Kind::Letter
        );
        assert_eq!(kind("[Untitled]", &[], None), Kind::Other);
    }

    #[test]
    fn source_note_delivery_date() {
        let note = "Source: Department of State, Executive Secretariat, S/S–I Records, Lot 96D262, Super Sensitive—July 1981. Secret. A typewritten note at the top of the letter reads: “Unofficial translation.” An unknown hand wrote at the top of the page: “Given to Ambassador Stoessel by Bessmertnykh, 7/21/81.”";
        let d = source_note_dates(note, Some(1981));
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].0.iso.as_str(), d[0].1.as_str()),
            ("1981-07-21", "7/21/81")
        );
        let folder =
            "Source: Reagan Library, NSC: Country File: USSR, (04/09/1981–07/13/1981). Secret.";
        assert!(source_note_dates(folder, Some(1981)).is_empty());
    }
}
