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
    /// The people a memorandum of conversation says took part ("… of a Conversation With
    /// the Mexican Ambassador (González Roa) and …"), apart from its author.
    pub participants: Vec<Party>,
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
    // "*Mr. Bancroft to Lord Palmerston": a marker the page shows before the heading.
    let title = title
        .trim()
        .trim_start_matches(['*', '†', '‡'])
        .trim_end_matches('.')
        .trim();
    let title = strip_number(title);
    let mut heading = Heading {
        kind: None,
        from: vec![],
        to: vec![],
        participants: vec![],
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
        let rest = rest.strip_prefix(", ").unwrap_or(rest);
        // "Memorandum by X of a Conversation With Y and Z, September 11, 1934";
        // "Memorandum of Conversation Between Y and Z".
        let memorandum = matches!(kind, Kind::Memorandum | Kind::MemorandumOfConversation);
        if let Some(between) = strip_word(rest, "Between")
            .or_else(|| strip_word(rest, "between"))
            .filter(|_| memorandum)
        {
            heading.kind = Some(Kind::MemorandumOfConversation);
            heading.participants = participants(between);
            return heading;
        }
        if let Some(by) = strip_word(rest, "by").filter(|_| memorandum) {
            if let Some((author, with)) = split_conversation(by) {
                heading.kind = Some(Kind::MemorandumOfConversation);
                heading.from = parties(author);
                heading.participants = participants(with);
                return heading;
            }
        }
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
    // The older "X to Y" form, with no kind word ("Mr. Lowell to. Mr. Frelinghuysen": a
    // stray stop).
    let title = title.replace(" to. ", " to ");
    if let (from, Some(to)) = split_from_to(&title) {
        // "Circular note of July 3, 1900, to the powers …", "Report of Progress to December
        // 15, 1917", "Form of Credentials Issued to …": a paper's title, not its parties.
        let dated = |t: &str| {
            crate::dates::find_dates(t, None)
                .iter()
                .any(|d| d.precision >= crate::model::Precision::Day)
        };
        let issued = from.split_whitespace().last().is_some_and(|w| {
            matches!(
                w,
                "Issued"
                    | "Sent"
                    | "Addressed"
                    | "Transmitted"
                    | "Delivered"
                    | "Handed"
                    | "Presented"
                    | "Submitted"
                    | "Given"
                    | "Made"
            )
        });
        let to_is_date = crate::dates::find_dates(to, None)
            .first()
            .is_some_and(|d| d.start == 0);
        if looks_like_party(from) && !dated(from) && !issued && !to_is_date {
            heading.from = parties(from);
            heading.to = parties(to);
        }
    }
    heading
}

/// "the Chief … (Reed) of a Conversation With the Mexican Ambassador (González Roa)" →
/// (author, with whom).
fn split_conversation(s: &str) -> Option<(&str, &str)> {
    let lower = s.to_lowercase();
    [
        "of a conversation with ",
        "of conversation with ",
        "of a conversation between ",
    ]
    .iter()
    .find_map(|m| {
        let i = lower.find(m)?;
        // Lower-casing keeps these ASCII words where they were.
        Some((s[..i].trim_end(), &s[i + m.len()..]))
    })
}

/// "the Mexican Ambassador (González Roa) and the Counselor of the Mexican Embassy
/// (Campos-Ortiz), September 11, 1934" → the two of them.
fn participants(s: &str) -> Vec<Party> {
    let s = s.trim().trim_end_matches('.');
    let s = date_after_comma(s).map_or(s, |i| &s[..i]);
    list_items(s).into_iter().map(party).collect()
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
    // Parentheses opened minus closed before `counted` (kept as we go: one pass).
    let (mut depth, mut counted) = (0i64, 0);
    while let Some(i) = s[search..].find(" to ") {
        let at = search + i;
        search = at + 4;
        for b in s[counted..at].bytes() {
            match b {
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ => {}
            }
        }
        counted = at;
        let (left, right) = (&s[..at], &s[at + 4..]);
        if depth != 0 {
            continue;
        }
        let mut score = 0;
        if left.trim_end_matches(',').ends_with(')') {
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
    (1..=16).contains(&words) && (s.starts_with(char::is_uppercase) || s.starts_with("the "))
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
    // "Messrs. Beer, Day, … and Young": one party per name.
    if let Some(rest) = s.strip_prefix("Messrs. ") {
        let names = list_items(rest);
        if names.iter().all(|n| is_name(n)) {
            return names
                .into_iter()
                .map(|n| Party {
                    text: s.to_string(),
                    name: Some(n.to_string()),
                    role: None,
                    id: None,
                })
                .collect();
        }
    }
    // "Mr. David Hunter Miller, Major James Brown Scott, and Mr. L. H. Woolsey"; "The
    // Special Representatives of the War Trade Board (McCormick) and of the Food
    // Administration (Taylor)".
    let items = list_items(s);
    let person = |t: &str| {
        HONORIFICS
            .iter()
            .chain(RANKS)
            .any(|h| starts_with_word(t, h))
            || t.ends_with(')') && t.contains('(')
    };
    if items.len() > 1 && items.iter().all(|t| person(t)) {
        return items.into_iter().map(party).collect();
    }
    vec![party(s)]
}

/// "A, B, and C" → [A, B, C], outside parentheses.
fn list_items(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => {}
        }
        let sep = if depth != 0 {
            0
        } else if bytes[i..].starts_with(b", and ") {
            6
        } else if bytes[i..].starts_with(b", ") {
            2
        } else if bytes[i..].starts_with(b" and ") {
            5
        } else {
            0
        };
        if sep > 0 {
            out.push(s[start..i].trim());
            i += sep;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(s[start..].trim());
    out.retain(|t| !t.is_empty());
    out
}

/// One party: "The Ambassador in Chile (Sevier)", "Soviet Foreign Minister Gromyko",
/// "Secretary of State Haig", "the Secretary of State", "Mr. Seward", "President Reagan".
/// What the heading adds after it (", temporarily at Vladivostok", ", March 1, 1934",
/// "[64]") is kept in `text` only; an office it adds (", consul at Nanking", "(Secretary of
/// State)") becomes the role.
pub fn party(text: &str) -> Party {
    let text = text.trim().trim_end_matches(['.', ',']).trim();
    let (core, tail) = split_qualifier(text);
    let mut p = party_core(core);
    p.text = text.to_string();
    if let (None, Some(tail)) = (&p.role, tail) {
        let tail = tail
            .trim_start_matches(['(', ' '])
            .trim_end_matches([')', '.'])
            .trim();
        let tail = tail.strip_prefix("of ").unwrap_or(tail);
        if is_office(tail) || tail.split_whitespace().next().is_some_and(is_office_word) {
            p.role = clean_role(tail);
        }
    }
    p
}

fn is_office_word(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    OFFICE_WORDS
        .iter()
        .any(|o| o.eq_ignore_ascii_case(w) && !o.contains(' '))
}

/// The party itself and what the heading says after it: "The Ambassador in Japan
/// (Morris), temporarily at Vladivostok", "Mr. Martin, consul at Nanking", "Mr. Miles of the
/// Division of Near Eastern Affairs", "Lord Lyons, 24th August, 1859; …", "Mr. Black
/// (Secretary of State)", "Mr. Campbell.[64]", "the Department of State, March 1, 1934".
fn split_qualifier(text: &str) -> (&str, Option<&str>) {
    // "Role (Name), …": the first parenthesis holding a name closes the party.
    if let Some(close) = text.find(')') {
        if let Some(open) = text[..close].rfind('(') {
            let rest = &text[close + 1..];
            if !rest.trim().is_empty() && is_name(text[open + 1..close].trim()) {
                return (&text[..=close], Some(rest.trim_start_matches([',', ' '])));
            }
        }
    }
    // "Mr. Martin, consul …", "King Victor Emanuel of Italy": a name after an honorific or
    // a rank runs over capitalised words and initials only.
    let lead = HONORIFICS
        .iter()
        .chain(RANKS)
        .filter(|h| starts_with_word(text, h))
        .max_by_key(|h| h.len());
    if let Some(h) = lead {
        // "Earl of Clarendon"
        let mut end = h.len()
            + if text[h.len()..].starts_with(" of ") {
                3
            } else {
                0
            };
        let name_start = end;
        let mut rest = &text[end..];
        loop {
            let trimmed = rest.trim_start();
            let word_len = trimmed
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '[' | ';'))
                .unwrap_or(trimmed.len());
            let word = &trimmed[..word_len];
            let initial = word.len() == 2 && word.ends_with('.');
            let particle = matches!(
                word,
                "de" | "da" | "van" | "von" | "y" | "del" | "di" | "du"
            );
            if word.is_empty() || !(word.starts_with(char::is_uppercase) || particle) {
                break;
            }
            end += (rest.len() - trimmed.len()) + word_len;
            rest = &text[end..];
            if word.ends_with('.') && !initial {
                break;
            }
        }
        let core = text[..end].trim_end_matches('.');
        let tail = text[end..].trim_start_matches(['.', ',', ' ']);
        if end > name_start && !tail.is_empty() {
            return (core, Some(tail));
        }
    }
    // "Associate Justice Day, of the Supreme Court".
    if let Some(i) = text.find(", of ") {
        return (&text[..i], Some(&text[i + 2..]));
    }
    // "the Department of State, March 1, 1934": a date is never part of a party.
    match date_after_comma(text) {
        Some(i) => (&text[..i], Some(&text[i + 2..])),
        None => (text, None),
    }
}

/// Where the first ", " that a date follows stands ("…, March 1, 1934"): one pass over the
/// text, however many commas it has.
fn date_after_comma(text: &str) -> Option<usize> {
    crate::dates::find_dates(text, None)
        .iter()
        .find(|d| text[..d.start].ends_with(", "))
        .map(|d| d.start - 2)
}

fn party_core(text: &str) -> Party {
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
    // "Mr. Seward", "Señor Cuellar", "Mr. E. B. Washburne", "Earl of Clarendon"
    for h in HONORIFICS {
        if let Some(rest) = text.strip_prefix(h).filter(|r| r.starts_with(' ')) {
            let rest = rest.trim();
            p.name = Some(rest.strip_prefix("of ").unwrap_or(rest).to_string());
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

/// An office as the heading prints it, less the article and a trailing comma ("the
/// Secretary of State," → "Secretary of State"); `None` when nothing is left.
pub fn clean_role(s: &str) -> Option<String> {
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
    "Justice",
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

/// Does the party name a person or an office ("Mr. Fish", "the British Embassy"), rather
/// than being words of a sentence ("Resolved that the following instructions are given")?
pub fn names_someone(p: &Party) -> bool {
    p.name.is_some()
        || p.role.as_deref().is_some_and(|r| {
            is_office(r)
                || r.split_whitespace()
                    .any(|w| w != "State" && is_office_word(w))
        })
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
    fn what_follows_a_party_is_not_the_party() {
        let one = |t: &str| {
            let p = party(t);
            (p.name, p.role)
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            one("The Ambassador in Japan (Morris), temporarily at Vladivostok"),
            (s("Morris"), s("Ambassador in Japan"))
        );
        assert_eq!(
            one("Mr. Martin, consul at Nanking"),
            (s("Martin"), s("consul at Nanking"))
        );
        assert_eq!(one("Mr. Schurz, with accompaniments"), (s("Schurz"), None));
        assert_eq!(
            one("Mr. Black (Secretary of State)"),
            (s("Black"), s("Secretary of State"))
        );
        assert_eq!(
            one("Mr. R. C. Leffingwell of J. P. Morgan & Co"),
            (s("R. C. Leffingwell"), None)
        );
        assert_eq!(one("Mr. Campbell.[64]"), (s("Campbell"), None));
        assert_eq!(
            one("the Department of State, March 1, 1934"),
            (None, s("Department of State"))
        );
        assert_eq!(one("Señor Cuellar"), (s("Cuellar"), None));
    }

    #[test]
    fn a_huge_heading_is_read_in_one_pass() {
        // A fuzzed heading of thousands of commas, dates and "to"s (once 23 s: every comma
        // searched the rest for a date).
        let unit = "the Minister (Appleton), March 1, 1934, to the Consul (Seward) (and ";
        let title = format!("Memorandum by {}", unit.repeat(2_000));
        let h = parse(&title);
        assert_eq!(h.kind, Some(Kind::Memorandum));
        assert!(h.from.len() <= 2, "{}", h.from.len());
    }

    #[test]
    fn several_people_in_one_phrase() {
        let h = parse("Mr. Lansing to Messrs. Beer, Day, and Young");
        assert_eq!(
            names(&h.to),
            [
                (Some("Beer"), None),
                (Some("Day"), None),
                (Some("Young"), None)
            ]
        );
        let h = parse(
            "Mr. David Hunter Miller, Major James Brown Scott, and Mr. L. H. Woolsey to the Secretary of State",
        );
        assert_eq!(h.from.len(), 3, "{:?}", h.from);
        assert_eq!(h.from[2].name.as_deref(), Some("L. H. Woolsey"));
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
