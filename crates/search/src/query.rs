//! The query language, read from whatever a reader types; nothing is an error.
//!
//! - words: all must match (`treaty tariff`); `"exact phrases"`; `-excluded` (a word, a
//!   phrase, a group or a filter); `a OR b`; `(groups)`; `prefix*`;
//! - fields: `in:notes` (also `heading`, `body`, `source`, `from`, `to`) keeps every word
//!   of the query to those fields;
//! - filters: `from:hull`, `to:"secretary of state"` (the senders or recipients: as the
//!   heading writes them, or as the correspondence model knows them: `from:hull|c` is
//!   one party's key), `kind:telegram`, `vol:frus1934v05` (`vol:frus1934` is every 1934
//!   volume), dates `1934-01..1934-06`, `1934..`, `..1934-06-30`, `date:1934`.
//!
//! Any other character is text: `hsg!(+)` is the word `hsg`; a field that does not
//! exist (`foo:bar`) is the words `foo bar`, side by side. A query too large to be meant
//! (thousands of words, parentheses nested past counting) is read as far as it makes sense
//! and says what was left out.

use letterbook_core::correspondence::when::{period, Minute};
use letterbook_core::model::Kind;
use letterbook_core::timeline::query::{kind_named, KINDS};

use crate::fold::fold;
use crate::passages::Field;
use crate::tokens::{words, Tokenizer};

/// All fields: the mask a word matches in when the query says no `in:`.
pub const ALL_FIELDS: u8 = 0x3f;
/// The most words and phrases a query is read for.
pub const MAX_CLAUSES: usize = 64;
/// The most words a phrase is read for.
pub const MAX_PHRASE: usize = 32;
/// How deep groups nest before a parenthesis is read as text.
pub const MAX_DEPTH: usize = 16;

/// Senders or recipients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `from:`: the writers (a carried letter's writer too).
    From,
    /// `to:`: the addressees.
    To,
}

/// A part of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A word (its folded whole), in the fields of the mask.
    Term {
        /// The term.
        term: String,
        /// The fields it may stand in.
        fields: u8,
    },
    /// Words side by side, in one field of the mask.
    Phrase {
        /// The terms in order.
        terms: Vec<String>,
        /// The fields it may stand in.
        fields: u8,
    },
    /// Every word beginning so.
    Prefix {
        /// The folded beginning.
        prefix: String,
        /// The fields it may stand in.
        fields: u8,
    },
    /// A sender or recipient as the correspondence model knows them.
    Party {
        /// Which side.
        side: Side,
        /// A party's key (`hull|c`) when the value has a `|`; else its folded words.
        words: Vec<String>,
        /// The exact key asked for.
        key: Option<String>,
    },
    /// One kind of document.
    Kind(Kind),
    /// A volume, or every volume whose id begins so.
    Volume(String),
    /// Documents dated within (overlapping) these minutes, inclusive.
    Dates {
        /// First minute.
        from: Minute,
        /// Last minute.
        to: Minute,
    },
    /// All of these; the flag excludes one.
    All(Vec<(bool, Node)>),
    /// Any of these.
    Any(Vec<Node>),
}

impl Node {
    /// Whether it matches by the words of the text (and so is ranked), not by a filter.
    pub fn is_text(&self) -> bool {
        matches!(
            self,
            Node::Term { .. } | Node::Phrase { .. } | Node::Prefix { .. }
        )
    }

    fn set_fields(&mut self, mask: u8) {
        match self {
            // `from:` words keep their own field.
            Node::Term { fields, .. }
            | Node::Phrase { fields, .. }
            | Node::Prefix { fields, .. }
                if *fields == ALL_FIELDS =>
            {
                *fields = mask;
            }
            Node::All(xs) => xs.iter_mut().for_each(|(_, n)| n.set_fields(mask)),
            Node::Any(xs) => xs.iter_mut().for_each(|n| n.set_fields(mask)),
            _ => {}
        }
    }
}

/// A query, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// All of it: the clauses a document must match (or must not).
    pub root: Node,
    /// What was read otherwise than typed, for the reader ("kind:memo is not a kind …").
    pub notices: Vec<String>,
}

impl Query {
    /// Whether the query asks for nothing (an empty or only-punctuation query).
    pub fn is_empty(&self) -> bool {
        matches!(&self.root, Node::All(xs) if xs.is_empty())
    }

    /// Adds a clause every result must match (a facet the reader chose).
    pub fn and(&mut self, node: Node) {
        if let Node::All(xs) = &mut self.root {
            xs.push((false, node));
        }
    }

    /// The words of the query that rank and mark: its text nodes not excluded.
    pub fn positive_text(&self) -> Vec<&Node> {
        fn walk<'a>(n: &'a Node, negated: bool, out: &mut Vec<&'a Node>) {
            match n {
                Node::All(xs) => xs.iter().for_each(|(neg, x)| walk(x, negated ^ neg, out)),
                Node::Any(xs) => xs.iter().for_each(|x| walk(x, negated, out)),
                n if n.is_text() && !negated => out.push(n),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&self.root, false, &mut out);
        out
    }
}

/// What the lexer sees.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Quoted(String),
    /// `field:` followed by a quoted value.
    FieldQuoted(String, String),
    Open,
    Close,
    Minus,
    Or,
}

fn lex(q: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = q.chars().peekable();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Tok>| {
        if !word.is_empty() {
            match word.as_str() {
                "OR" | "|" | "||" => out.push(Tok::Or),
                "AND" | "&&" | "+" => {}
                "NOT" => out.push(Tok::Minus),
                _ => out.push(Tok::Word(std::mem::take(word))),
            }
            word.clear();
        }
    };
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() || c.is_control() => flush(&mut word, &mut out),
            '"' | '“' | '”' | '„' => {
                let mut phrase = String::new();
                for c in chars.by_ref() {
                    if matches!(c, '"' | '“' | '”' | '„') {
                        break;
                    }
                    phrase.push(c);
                }
                if word.ends_with(':') {
                    let field = std::mem::take(&mut word);
                    out.push(Tok::FieldQuoted(
                        field[..field.len() - 1].to_string(),
                        phrase,
                    ));
                } else {
                    flush(&mut word, &mut out);
                    out.push(Tok::Quoted(phrase));
                }
            }
            '(' => {
                flush(&mut word, &mut out);
                out.push(Tok::Open);
            }
            ')' => {
                flush(&mut word, &mut out);
                out.push(Tok::Close);
            }
            '-' | '\u{2212}' if word.is_empty() => {
                // A minus before a word, phrase or group excludes it; alone it is nothing.
                if chars.peek().is_some_and(|n| !n.is_whitespace()) {
                    out.push(Tok::Minus);
                }
            }
            '+' if word.is_empty() => {}
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    out
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
    tok: Tokenizer,
    notices: Vec<String>,
    clauses: usize,
    in_fields: u8,
}

/// Reads a query.
pub fn parse(q: &str) -> Query {
    let mut p = Parser {
        toks: lex(q),
        at: 0,
        tok: Tokenizer::new(),
        notices: Vec::new(),
        clauses: 0,
        in_fields: 0,
    };
    let mut root = Node::All(p.sequence(0));
    if p.clauses > MAX_CLAUSES {
        p.notices.push(format!(
            "Only the first {MAX_CLAUSES} words and phrases of the query were searched for."
        ));
    }
    if p.in_fields != 0 {
        root.set_fields(p.in_fields);
    }
    Query {
        root,
        notices: p.notices,
    }
}

impl Parser {
    /// Clauses up to a closing parenthesis (or the end), with their ORs.
    fn sequence(&mut self, depth: usize) -> Vec<(bool, Node)> {
        let mut out: Vec<(bool, Node)> = Vec::new();
        let mut or_next = false;
        while self.at < self.toks.len() {
            match &self.toks[self.at] {
                Tok::Close if depth > 0 => {
                    self.at += 1;
                    return out;
                }
                // A closing parenthesis nothing opened is nothing.
                Tok::Close => {
                    self.at += 1;
                    continue;
                }
                Tok::Or => {
                    self.at += 1;
                    or_next = !out.is_empty();
                    continue;
                }
                _ => {}
            }
            let Some((negated, node)) = self.clause(depth) else {
                continue;
            };
            if or_next && !negated {
                if let Some((false, last)) = out.last_mut() {
                    match last {
                        Node::Any(xs) => xs.push(node),
                        other => {
                            let prev = std::mem::replace(other, Node::Any(Vec::new()));
                            *other = Node::Any(vec![prev, node]);
                        }
                    }
                    or_next = false;
                    continue;
                }
            }
            or_next = false;
            out.push((negated, node));
        }
        out
    }

    /// One clause, with its minus; `None` for what reads as nothing.
    fn clause(&mut self, depth: usize) -> Option<(bool, Node)> {
        let mut negated = false;
        while self.toks.get(self.at) == Some(&Tok::Minus) {
            negated = !negated;
            self.at += 1;
        }
        let tok = self.toks.get(self.at)?.clone();
        self.at += 1;
        let node = match tok {
            Tok::Open if depth < MAX_DEPTH => {
                let inner = self.sequence(depth + 1);
                match inner.len() {
                    0 => None,
                    1 if !inner[0].0 => inner.into_iter().next().map(|(_, n)| n),
                    _ => Some(Node::All(inner)),
                }
            }
            Tok::Open | Tok::Close | Tok::Minus | Tok::Or => None,
            Tok::Quoted(text) => self.phrase(&text, ALL_FIELDS),
            Tok::FieldQuoted(field, value) => self.field(&field, &value),
            Tok::Word(w) => match w.split_once(':') {
                Some((field, value)) if !field.is_empty() && is_field(field) => {
                    self.field(field, value)
                }
                _ => self.word(&w),
            },
        }?;
        if node.is_text() {
            self.clauses += 1;
            if self.clauses > MAX_CLAUSES {
                return None;
            }
        }
        Some((negated, node))
    }

    fn word(&mut self, w: &str) -> Option<Node> {
        if w.contains("..") {
            if let Some((from, to)) = dates(w) {
                return Some(Node::Dates { from, to });
            }
        }
        if let Some(stem) = w.strip_suffix('*') {
            let stem = stem.trim_end_matches('*');
            let ws = words(stem);
            if ws.len() == 1 {
                return Some(Node::Prefix {
                    prefix: ws[0].2[0].clone(),
                    fields: ALL_FIELDS,
                });
            }
            return self.phrase(stem, ALL_FIELDS);
        }
        self.phrase(w, ALL_FIELDS)
    }

    /// The words of `text` side by side: one word is a term, several a phrase.
    fn phrase(&mut self, text: &str, fields: u8) -> Option<Node> {
        let mut terms = Vec::new();
        self.tok.words(text, |w| terms.push(w.whole().to_string()));
        if terms.len() > MAX_PHRASE {
            terms.truncate(MAX_PHRASE);
            self.notices.push(format!(
                "A phrase was searched for by its first {MAX_PHRASE} words."
            ));
        }
        match terms.len() {
            0 => None,
            1 => Some(Node::Term {
                term: terms.pop().unwrap_or_default(),
                fields,
            }),
            _ => Some(Node::Phrase { terms, fields }),
        }
    }

    fn field(&mut self, field: &str, value: &str) -> Option<Node> {
        let name = fold(field);
        match name.as_str() {
            "in" => {
                for part in value.split([',', '|']) {
                    match Field::named(&fold(part)) {
                        Some(f) => self.in_fields |= f.bit(),
                        None if !part.is_empty() => self.notices.push(format!(
                            "“in:{part}” is not a part of a document (heading, body, notes, source, from, to): left out."
                        )),
                        None => {}
                    }
                }
                None
            }
            "from" | "to" | "sender" | "recipient" => {
                let side = if matches!(name.as_str(), "from" | "sender") {
                    Side::From
                } else {
                    Side::To
                };
                let field = match side {
                    Side::From => Field::From,
                    Side::To => Field::To,
                };
                let folded = fold(value.trim());
                let key = (folded.contains('|')).then(|| folded.clone());
                let words: Vec<String> = match &key {
                    Some(_) => Vec::new(),
                    None => words(value)
                        .into_iter()
                        .map(|(_, _, t)| t[0].clone())
                        .collect(),
                };
                if key.is_none() && words.is_empty() {
                    return None;
                }
                let party = Node::Party {
                    side,
                    words: words.clone(),
                    key: key.clone(),
                };
                match key {
                    Some(_) => Some(party),
                    None => {
                        let text = self.phrase(value, field.bit())?;
                        Some(Node::Any(vec![text, party]))
                    }
                }
            }
            "kind" | "type" => {
                let v = fold(value.trim()).replace([' ', '_'], "-");
                match kind_named(&v).or_else(|| kind_alias(&v)) {
                    Some(k) => Some(Node::Kind(k)),
                    None => {
                        let kinds: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
                        self.notices.push(format!(
                            "“{field}:{value}” is not a kind of document ({}): read as words.",
                            kinds.join(", ")
                        ));
                        self.phrase(&format!("{field} {value}"), ALL_FIELDS)
                    }
                }
            }
            "vol" | "volume" => {
                let v = fold(value.trim());
                if v.is_empty() {
                    return None;
                }
                Some(Node::Volume(v))
            }
            "date" | "dated" => match dates(value) {
                Some((from, to)) => Some(Node::Dates { from, to }),
                None => {
                    self.notices.push(format!(
                        "“{field}:{value}” is not a date or a range of dates (1934, 1934-06, 1934-01..1934-06): read as words."
                    ));
                    self.phrase(&format!("{field} {value}"), ALL_FIELDS)
                }
            },
            _ => self.phrase(&format!("{field} {value}"), ALL_FIELDS),
        }
    }
}

fn is_field(name: &str) -> bool {
    matches!(
        fold(name).as_str(),
        "in" | "from"
            | "to"
            | "sender"
            | "recipient"
            | "kind"
            | "type"
            | "vol"
            | "volume"
            | "date"
            | "dated"
    )
}

fn kind_alias(v: &str) -> Option<Kind> {
    Some(match v {
        "telegrams" | "cable" | "cables" | "airgram" | "cablegram" => Kind::Telegram,
        "letters" => Kind::Letter,
        "memo" | "memos" | "memoranda" | "memorandums" => Kind::Memorandum,
        "memcon" | "memcons" | "conversation" => Kind::MemorandumOfConversation,
        "editorial" | "editorial-notes" => Kind::EditorialNote,
        "notes" | "aide-memoire" => Kind::Note,
        "messages" => Kind::Message,
        "despatches" | "dispatch" | "dispatches" => Kind::Despatch,
        "instructions" => Kind::Instruction,
        "reports" => Kind::Report,
        "papers" => Kind::Paper,
        _ => return None,
    })
}

/// A date or a range (`1934`, `1934-01..1934-06`, `1934..`, `..1934-06-30`).
pub fn dates(s: &str) -> Option<(Minute, Minute)> {
    match s.split_once("..") {
        Some((a, b)) => {
            let from = if a.is_empty() {
                Some(Minute::MIN)
            } else {
                period(a).map(|p| p.0)
            }?;
            let to = if b.is_empty() {
                Some(Minute::MAX)
            } else {
                period(b).map(|p| p.1)
            }?;
            (!(a.is_empty() && b.is_empty()) && from <= to).then_some((from, to))
        }
        None => period(s),
    }
}

/// A `from:`/`to:` clause for a party's key as a URL or a facet gives it (`hull|c`,
/// `office:secretary of state`), or a bare surname (`hull`, as a hand-written link has it).
fn party(side: Side, key: &str) -> Node {
    if key.contains('|') || key.starts_with("office:") {
        Node::Party {
            side,
            words: Vec::new(),
            key: Some(key.to_string()),
        }
    } else {
        Node::Party {
            side,
            words: vec![fold(key)],
            key: None,
        }
    }
}

/// The reader's query (the URL the timeline and search share) as a search: its words,
/// and each filter as a clause every result must match — the same documents the
/// timeline's filters keep.
pub fn reader_query(q: &letterbook_core::timeline::TimelineQuery) -> Query {
    let mut query = parse(&q.text);
    if let Some(p) = &q.person {
        query.and(Node::Any(vec![party(Side::From, p), party(Side::To, p)]));
    }
    if let Some(p) = &q.sender {
        query.and(party(Side::From, p));
    }
    if let Some(p) = &q.recipient {
        query.and(party(Side::To, p));
    }
    if let Some(k) = q.kind {
        query.and(Node::Kind(k));
    }
    if let Some(v) = &q.volume {
        query.and(Node::Volume(v.clone()));
    }
    if q.from.is_some() || q.to.is_some() {
        query.and(Node::Dates {
            from: q.from.unwrap_or(Minute::MIN),
            to: q.to.unwrap_or(Minute::MAX),
        });
    }
    query
}
