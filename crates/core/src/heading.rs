//! The title grammar of FRUS headings: what kind of document, from whom, to whom.
//!
//! Modern volumes: "Letter From Soviet Foreign Minister Gromyko to Secretary of State Haig",
//! "Memorandum of Conversation", "Editorial Note". Older volumes: "The Ambassador in Chile
//! (Sevier) to the Secretary of State", "Mr. Seward to Mr. Dayton.", "Memorandum by the
//! Chief of the Division of Near Eastern Affairs (Murray)". Shared by every parser.
//!
//! Over 500 lines with its unit tests (the last ~80): one grammar, kept whole so its rules
//! read in order.

use crate::model::{Kind, Party};

/// What a heading says: the kind of document and the parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The kind named by the heading itself, when it names one.
    pub kind: Option<Kind>,
    /// The senders it names.
    pub from: Vec<Party>,
    /// The recipients it names.
    pub to: Vec<Party>,
}

/// Kind words that open a modern heading, longest first so "Memorandum of Conversation"
/// wins over "Memorandum".
const KIND_WORDS: &[(&str, Kind)] = &[
    (
        "Memorandum of a Conversation",
        Kind::MemorandumOfConversation,
    ),
    ("Memorandum of Conversation", Kind::MemorandumOfConversation),
    ("Memorandum for the Record", Kind::Memorandum),
    ("Memorandum for the Files", Kind::Memorandum),
    ("Editorial Note", Kind::EditorialNote),
    ("Minutes of", Kind::Minutes),
    ("Minutes", Kind::Minutes),
    ("Summary of Conclusions", Kind::Minutes),
    ("Record of", Kind::Minutes),
    ("Circular Telegram", Kind::Telegram),
    ("Circular Airgram", Kind::Telegram),
    ("Backchannel Message", Kind::Message),
    ("Telegram", Kind::Telegram),
    ("Airgram", Kind::Telegram),
    ("Cablegram", Kind::Telegram),
    ("Action Memorandum", Kind::Memorandum),
    ("Information Memorandum", Kind::Memorandum),
    ("Briefing Memorandum", Kind::Memorandum),
    ("Intelligence Memorandum", Kind::Memorandum),
    ("Memorandum", Kind::Memorandum),
    ("Letter", Kind::Letter),
    ("Message", Kind::Message),
    ("Oral Message", Kind::Message),
    ("Note", Kind::Note),
    ("Aide-Mémoire", Kind::Note),
    ("Aide-Memoire", Kind::Note),
    ("Despatch", Kind::Despatch),
    ("Dispatch", Kind::Despatch),
    ("Instruction", Kind::Instruction),
    ("Report", Kind::Report),
    ("Intelligence Assessment", Kind::Report),
    ("Intelligence Report", Kind::Report),
    ("National Intelligence Estimate", Kind::Report),
    ("Special National Intelligence Estimate", Kind::Report),
    ("Study", Kind::Paper),
    ("Paper", Kind::Paper),
    ("Discussion Paper", Kind::Paper),
    ("Issue Paper", Kind::Paper),
    ("Talking Points", Kind::Paper),
    ("Position Paper", Kind::Paper),
    ("Statement", Kind::Paper),
    ("Proclamation", Kind::Other),
    ("Executive Order", Kind::Other),
    ("Treaty", Kind::Other),
    ("Convention", Kind::Other),
    ("Protocol", Kind::Other),
    ("Agreement", Kind::Other),
    ("Transcript", Kind::Other),
    ("Diary Entry", Kind::Other),
];

/// Parses a heading (without its number and footnote markers).
pub fn parse(title: &str) -> Heading {
    let title = title.trim().trim_end_matches('.').trim();
    let title = strip_number(title);
    let mut heading = Heading {
        kind: None,
        from: vec![],
        to: vec![],
    };
    if title.is_empty() || title.eq_ignore_ascii_case("[untitled]") {
        return heading;
    }
    let mut words: Vec<&(&str, Kind)> = KIND_WORDS
        .iter()
        .filter(|(w, _)| starts_with_word(title, w))
        .collect();
    words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    if let Some(&&(word, kind)) = words.first() {
        heading.kind = Some(kind);
        let rest = title[word.len()..].trim_start();
        // "From X to Y", "by X", "Prepared in X", "to X" ("Letter to …")
        if let Some(r) = strip_participle(rest) {
            heading.from = parties(r);
        } else if let Some(r) = strip_word(rest, "From").or_else(|| strip_word(rest, "from")) {
            let (from, to) = split_from_to(r);
            heading.from = parties(from);
            heading.to = to.map(parties).unwrap_or_default();
        } else if let Some(r) = strip_word(rest, "by") {
            let (from, to) = split_from_to(r);
            heading.from = parties(from);
            heading.to = to.map(parties).unwrap_or_default();
        } else if let Some(r) = strip_word(rest, "to").or_else(|| strip_word(rest, "for")) {
            heading.to = parties(r);
        } else if let Some((to, by)) = split_presented(rest) {
            heading.to = parties(to);
            heading.from = parties(by);
        }
        return heading;
    }
    // The older "X to Y" form, with no kind word.
    if let (from, Some(to)) = split_from_to(title) {
        if looks_like_party(from) {
            heading.from = parties(from);
            heading.to = parties(to);
        }
    }
    heading
}

/// "No. 46. Mr. X to Mr. Y" → "Mr. X to Mr. Y"; "74. Letter …" → "Letter …".
pub fn strip_number(title: &str) -> &str {
    let t = title.trim_start();
    if let Some(rest) = t.strip_prefix("No. ").or_else(|| t.strip_prefix("No.")) {
        let digits = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if digits > 0 && rest[..digits].starts_with(|c: char| c.is_ascii_digit()) {
            let after = rest[digits..].trim_start_matches(['.', ']']).trim_start();
            return after;
        }
    }
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if digits > 0 && t[digits..].starts_with(". ") {
        return t[digits + 2..].trim_start();
    }
    t
}

fn starts_with_word(s: &str, w: &str) -> bool {
    s.len() >= w.len()
        && s.is_char_boundary(w.len())
        && s[..w.len()].eq_ignore_ascii_case(w)
        && s[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn strip_word<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    (starts_with_word(s, w) && s[..w.len()] == *w).then(|| s[w.len()..].trim_start())
}

/// "Prepared in the Department of State", "Drafted by …": the author follows.
fn strip_participle(s: &str) -> Option<&str> {
    [
        "Prepared", "Written", "Drafted", "Issued", "Approved", "Sent",
    ]
    .iter()
    .find_map(|p| strip_word(s, p))
    .and_then(|r| ["in", "at", "by"].iter().find_map(|w| strip_word(r, w)))
}

/// "Presented to the Commissioners Plenipotentiary by General Tasker H. Bliss"
fn split_presented(rest: &str) -> Option<(&str, &str)> {
    let r = strip_word(rest, "Presented")
        .or_else(|| strip_word(rest, "Addressed"))
        .or_else(|| strip_word(rest, "Delivered"))
        .unwrap_or(rest);
    let r = strip_word(r, "to")?;
    let i = r.rfind(" by ")?;
    Some((&r[..i], &r[i + 4..]))
}

/// Splits "X to Y" at the " to " that best separates two parties: "The Minister to Spain
/// (Hale) to the Secretary of State" splits after "(Hale)".
fn split_from_to(s: &str) -> (&str, Option<&str>) {
    let mut best: Option<(i32, usize)> = None;
    let mut search = 0;
    while let Some(i) = s[search..].find(" to ") {
        let at = search + i;
        search = at + 4;
        let (left, right) = (&s[..at], &s[at + 4..]);
        if left.matches('(').count() != left.matches(')').count() {
            continue;
        }
        let mut score = 0;
        if left.ends_with(')') {
            score += 3;
        } else if left
            .split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            score += 1;
        }
        let first = right.split_whitespace().next().unwrap_or("");
        if matches!(
            first,
            "the"
                | "Mr."
                | "Mr"
                | "Messrs."
                | "President"
                | "Secretary"
                | "Señor"
                | "Sir"
                | "Senor"
                | "Dr."
                | "General"
                | "Admiral"
                | "Ambassador"
                | "Minister"
                | "Consul"
                | "Count"
                | "Baron"
                | "Prince"
                | "Marquis"
                | "M."
                | "Mrs."
                | "Colonel"
                | "Captain"
                | "Major"
                | "Vice-Admiral"
                | "Lord"
                | "Earl"
                | "His"
                | "Her"
                | "all"
                | "commanding"
        ) {
            score += 2;
        } else if first.starts_with(char::is_uppercase) {
            score += 1;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, at));
        }
    }
    match best {
        Some((_, at)) => (&s[..at], Some(&s[at + 4..])),
        None => (s, None),
    }
}

fn looks_like_party(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=16).contains(&words) && s.starts_with(char::is_uppercase)
}

/// Honorifics and ranks that precede a name but are not its role.
const HONORIFICS: &[&str] = &[
    "Mr.", "Mr", "Mrs.", "Messrs.", "Señor", "Senor", "Sir", "Dr.", "M.", "Mme.", "Herr",
    "Monsieur", "Count", "Baron", "Prince", "Marquis", "Lord", "Earl", "Hon.", "Don",
];

/// Ranks that are roles as well ("Captain Heap", "Major General Hancock").
const RANKS: &[&str] = &[
    "Captain",
    "Commander",
    "Major General",
    "Brigadier General",
    "General",
    "Admiral",
    "Rear Admiral",
    "Vice-Admiral",
    "Vice Admiral",
    "Colonel",
    "Lieutenant",
    "Major",
    "Commodore",
    "President",
    "Premier",
    "Emperor",
    "King",
    "Queen",
    "Chancellor",
    "Viceroy",
];

/// Splits a parties phrase ("the Ambassadors in France, Great Britain, and Italy",
/// "The American Technical Advisers (Donnelly and Turkel)") into parties.
pub fn parties(s: &str) -> Vec<Party> {
    let s = s.trim().trim_end_matches(['.', ',']).trim();
    if s.is_empty() {
        return vec![];
    }
    // Several names in one parenthesis: one party per name, sharing the role.
    if let Some(open) = s.rfind('(') {
        if s.ends_with(')') {
            let inner = &s[open + 1..s.len() - 1];
            let names: Vec<&str> = inner
                .split([',', '&'])
                .flat_map(|p| p.split(" and "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if names.len() > 1 {
                let role = clean_role(&s[..open]);
                return names
                    .into_iter()
                    .map(|n| Party {
                        text: s.to_string(),
                        name: Some(n.to_string()),
                        role: role.clone(),
                        id: None,
                    })
                    .collect();
            }
        }
    }
    vec![party(s)]
}

/// One party: "The Ambassador in Chile (Sevier)", "Soviet Foreign Minister Gromyko",
/// "Secretary of State Haig", "the Secretary of State", "Mr. Seward", "President Reagan".
pub fn party(text: &str) -> Party {
    let text = text.trim().trim_end_matches(['.', ',']).trim();
    let mut p = Party {
        text: text.to_string(),
        name: None,
        role: None,
        id: None,
    };
    // "Role (Name)"
    if let (Some(open), true) = (text.rfind('('), text.ends_with(')')) {
        p.name = Some(text[open + 1..text.len() - 1].trim().to_string());
        p.role = clean_role(&text[..open]);
        return p;
    }
    // "Mr. Seward", "Señor Cuellar", "Mr. E. B. Washburne"
    for h in HONORIFICS {
        if let Some(rest) = text.strip_prefix(h).filter(|r| r.starts_with(' ')) {
            p.name = Some(rest.trim().to_string());
            return p;
        }
    }
    // "Captain Heap", "Major General Hancock", "President Reagan"
    let mut ranks: Vec<&&str> = RANKS.iter().filter(|r| starts_with_word(text, r)).collect();
    ranks.sort_by_key(|r| std::cmp::Reverse(r.len()));
    if let Some(rank) = ranks.first() {
        let rest = text[rank.len()..].trim();
        if is_name(rest) {
            p.role = Some(rank.to_string());
            p.name = Some(rest.to_string());
            return p;
        }
    }
    // "Soviet Foreign Minister Gromyko", "Secretary of State Haig": a role ending in an
    // office word, then a capitalised name.
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() >= 2 {
        // A name is at most five words: only the last ones can be it.
        for split in (words.len().saturating_sub(5).max(1)..words.len()).rev() {
            let (role, name) = (words[..split].join(" "), words[split..].join(" "));
            if is_office(&role) && is_name(&name) {
                p.role = clean_role(&role);
                p.name = Some(name);
                return p;
            }
        }
    }
    if is_office(text) || text.starts_with("the ") || text.starts_with("The ") {
        p.role = clean_role(text);
    } else if is_name(text) {
        p.name = Some(text.to_string());
    } else {
        p.role = clean_role(text);
    }
    p
}

fn clean_role(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches(',').trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .trim();
    (!s.is_empty()).then(|| s.to_string())
}

const OFFICE_WORDS: &[&str] = &[
    "Minister",
    "Secretary",
    "Ambassador",
    "President",
    "Chargé",
    "Consul",
    "Counselor",
    "Counsellor",
    "Adviser",
    "Advisor",
    "Assistant",
    "Director",
    "Chairman",
    "Chief",
    "Commissioner",
    "Representative",
    "Delegate",
    "Delegation",
    "Legation",
    "Embassy",
    "Department",
    "State",
    "Governor",
    "Premier",
    "Chancellor",
    "Envoy",
    "Agent",
    "Officer",
    "Attaché",
    "Commander",
    "General",
    "Admiral",
    "Leader",
    "Deputy",
    "Head",
    "Council",
    "Office",
    "Staff",
    "Affairs",
    "Treasury",
    "Defense",
    "War",
    "Navy",
    "Senator",
    "Congressman",
    "Ministry",
    "Government",
    "Mission",
    "Commission",
    "Board",
    "Service",
    "Administrator",
    "Under",
    "Chargé d’Affaires",
    "Vice",
    "Counselor",
    "Executive",
    "Mayor",
    "King",
    "Emperor",
    "Queen",
    "Sultan",
    "Shah",
    "Viceroy",
    "Foreign",
];

fn is_office(s: &str) -> bool {
    let last = s.split_whitespace().last().unwrap_or("");
    OFFICE_WORDS
        .iter()
        .any(|w| last == *w || last.trim_end_matches('’') == *w)
        || s.split_whitespace().any(|w| {
            matches!(
                w,
                "Minister"
                    | "Secretary"
                    | "Ambassador"
                    | "Department"
                    | "Embassy"
                    | "Legation"
                    | "Consul"
                    | "Chargé"
                    | "President"
            )
        }) && OFFICE_WORDS.contains(&last)
}

/// A personal name: capitalised words and initials, perhaps with particles ("de Lema").
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if OFFICE_WORDS.contains(words.last().expect("non-empty")) {
        return false;
    }
    words.iter().all(|w| {
        w.starts_with(char::is_uppercase)
            || matches!(
                *w,
                "de" | "da" | "van" | "von" | "y" | "del" | "di" | "la" | "le" | "du"
            )
    }) && words
        .last()
        .is_some_and(|w| w.chars().any(|c| c.is_lowercase()) || w.len() > 2 || w.ends_with(','))
}

/// The name or, failing that, the role: how a party is shown in one word.
pub fn short(p: &Party) -> &str {
    p.name.as_deref().or(p.role.as_deref()).unwrap_or(&p.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(ps: &[Party]) -> Vec<(Option<&str>, Option<&str>)> {
        ps.iter()
            .map(|p| (p.name.as_deref(), p.role.as_deref()))
            .collect()
    }

    #[test]
    fn modern_letter() {
        let h = parse("Letter From Soviet Foreign Minister Gromyko to Secretary of State Haig");
        assert_eq!(h.kind, Some(Kind::Letter));
        assert_eq!(
            names(&h.from),
            [(Some("Gromyko"), Some("Soviet Foreign Minister"))]
        );
        assert_eq!(names(&h.to), [(Some("Haig"), Some("Secretary of State"))]);
    }

    #[test]
    fn modern_other_kinds() {
        let h = parse("Telegram From the Department of State to the Embassy in the Soviet Union");
        assert_eq!(h.kind, Some(Kind::Telegram));
        assert_eq!(names(&h.from), [(None, Some("Department of State"))]);
        assert_eq!(names(&h.to), [(None, Some("Embassy in the Soviet Union"))]);
        let h = parse("Memorandum From the President’s Assistant for National Security Affairs (Allen) to President Reagan");
        assert_eq!(h.kind, Some(Kind::Memorandum));
        assert_eq!(
            names(&h.from),
            [(
                Some("Allen"),
                Some("President’s Assistant for National Security Affairs")
            )]
        );
        assert_eq!(names(&h.to), [(Some("Reagan"), Some("President"))]);
        assert_eq!(parse("Editorial Note").kind, Some(Kind::EditorialNote));
        assert_eq!(
            parse("Memorandum of Conversation").kind,
            Some(Kind::MemorandumOfConversation)
        );
        let h = parse("Memorandum by the Second Secretary of Embassy in France (Werlich)");
        assert_eq!(h.kind, Some(Kind::Memorandum));
        assert_eq!(
            names(&h.from),
            [(
                Some("Werlich"),
                Some("Second Secretary of Embassy in France")
            )]
        );
        let h = parse(
            "Memorandum Presented to the Commissioners Plenipotentiary by General Tasker H. Bliss",
        );
        assert_eq!(names(&h.from), [(Some("Tasker H. Bliss"), Some("General"))]);
    }

    #[test]
    fn old_forms() {
        let h = parse("The Ambassador in Chile (Sevier) to the Secretary of State");
        assert_eq!(h.kind, None);
        assert_eq!(
            names(&h.from),
            [(Some("Sevier"), Some("Ambassador in Chile"))]
        );
        assert_eq!(names(&h.to), [(None, Some("Secretary of State"))]);
        let h = parse("Mr. Seward to Mr. Dayton.");
        assert_eq!(names(&h.from), [(Some("Seward"), None)]);
        assert_eq!(names(&h.to), [(Some("Dayton"), None)]);
        let h = parse("No. 136. Mr. Lowell to Mr. Frelinghuysen.");
        assert_eq!(names(&h.from), [(Some("Lowell"), None)]);
        let h = parse("The Minister to Spain (Hale) to the Secretary of State");
        assert_eq!(names(&h.from), [(Some("Hale"), Some("Minister to Spain"))]);
        let h = parse("The Secretary of State to the Minister to Spain (Hale)");
        assert_eq!(names(&h.to), [(Some("Hale"), Some("Minister to Spain"))]);
        let h = parse("Captain Heap to Major General Hancock.");
        assert_eq!(names(&h.to), [(Some("Hancock"), Some("Major General"))]);
        let h = parse("The American Technical Advisers (Donnelly and Turkel) to the Ambassador in Cuba (Caffery)");
        assert_eq!(h.from.len(), 2);
        assert_eq!(h.from[1].name.as_deref(), Some("Turkel"));
    }
}
