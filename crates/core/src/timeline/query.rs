//! The reader's query, in a URL (`/timeline?lane=sender&person=haig|a&kind=letter&vol=…&
//! from=1981-07-01&to=…&q=…&sel=<id>&at=<start>~<end>&view=list`, `/search?q=…&sender=…&
//! recipient=…&sort=date`): what the reader chose, read from a link and written back, so
//! that a reload or a shared link shows the same thing. The timeline and search share it:
//! the same words and filters are a result list on one page and a selection on the other.

use crate::correspondence::when::{iso_day, parse_day, Minute};
use crate::model::Kind;
use crate::timeline::view::{format_at, parse_at};
use crate::timeline::LaneMode;

/// The kinds a reader can filter by, in the order the filter lists them.
pub const KINDS: [Kind; 13] = [
    Kind::Letter,
    Kind::Telegram,
    Kind::Memorandum,
    Kind::MemorandumOfConversation,
    Kind::Minutes,
    Kind::EditorialNote,
    Kind::Note,
    Kind::Message,
    Kind::Despatch,
    Kind::Instruction,
    Kind::Report,
    Kind::Paper,
    Kind::Other,
];

/// The kind a URL or a form names by its JSON name (`memorandum-of-conversation`).
pub fn kind_named(name: &str) -> Option<Kind> {
    KINDS.into_iter().find(|k| k.as_str() == name)
}

/// Everything the timeline's URL can say; the defaults are what a bare `/timeline` shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineQuery {
    /// `lane=` (the default, `pair`, is left out of the URL).
    pub mode: LaneMode,
    /// `person=`: a party's key.
    pub person: Option<String>,
    /// `kind=`: a [`Kind`]'s JSON name; one the app does not know is ignored.
    pub kind: Option<Kind>,
    /// `vol=`: a volume's id.
    pub volume: Option<String>,
    /// `from=YYYY-MM-DD`: the first minute of that day.
    pub from: Option<Minute>,
    /// `to=YYYY-MM-DD`: the last minute of that day, so the day itself is kept.
    pub to: Option<Minute>,
    /// `q=`: the words searched for, in the search language (left out of the URL when only
    /// blanks).
    pub text: String,
    /// `sender=`: a party's key (search's facet: who wrote it).
    pub sender: Option<String>,
    /// `recipient=`: a party's key (search's facet: to whom).
    pub recipient: Option<String>,
    /// `sort=`: how search orders its results (`date`, `date-desc`; relevance when absent).
    pub sort: Option<String>,
    /// `sel=`: the selected document's id.
    pub selected: Option<String>,
    /// `at=<start>~<end>`: the visible span in minutes (see [`parse_at`]).
    pub view: Option<(f64, f64)>,
    /// `view=list`: the list instead of the chart.
    pub list: bool,
}

impl TimelineQuery {
    /// Reads a query string (`a=1&b=2`, with or without a leading `…?`, a `#fragment`
    /// ignored), decoded as a browser's `URLSearchParams` decodes it (`+` is a space).
    pub fn parse(query: &str) -> Self {
        let query = query.split_once('?').map_or(query, |(_, q)| q);
        let query = query.split_once('#').map_or(query, |(q, _)| q);
        Self::from_pairs(
            query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| p.split_once('=').unwrap_or((p, "")))
                .map(|(k, v)| (form_decode(k), form_decode(v))),
        )
    }

    /// Reads decoded (key, value) pairs, as a router hands them over. A key given twice
    /// takes its last value; an empty value is no value.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let mut last: Vec<(K, V)> = Vec::new();
        for (k, v) in pairs {
            last.retain(|(x, _)| x.as_ref() != k.as_ref());
            last.push((k, v));
        }
        let get = |key: &str| {
            last.iter()
                .find(|(k, _)| k.as_ref() == key)
                .map(|(_, v)| v.as_ref())
                .filter(|v| !v.is_empty())
        };
        TimelineQuery {
            mode: get("lane").and_then(LaneMode::parse).unwrap_or_default(),
            person: get("person").map(str::to_string),
            kind: get("kind").and_then(kind_named),
            volume: get("vol").map(str::to_string),
            from: get("from").and_then(parse_day),
            to: get("to").and_then(parse_day).map(|m| m + 1439),
            text: get("q").unwrap_or_default().to_string(),
            sender: get("sender").map(str::to_string),
            recipient: get("recipient").map(str::to_string),
            sort: get("sort").map(str::to_string),
            selected: get("sel").map(str::to_string),
            view: get("at").and_then(parse_at),
            list: get("view") == Some("list"),
        }
    }

    /// The query string (without `?`; empty for the defaults), values encoded as
    /// JavaScript's `encodeURIComponent` encodes them.
    pub fn format(&self) -> String {
        let mut q: Vec<(&str, String)> = Vec::new();
        if self.mode != LaneMode::Pair {
            q.push(("lane", self.mode.as_str().into()));
        }
        if let Some(p) = &self.person {
            q.push(("person", p.clone()));
        }
        if let Some(k) = self.kind {
            q.push(("kind", k.as_str().into()));
        }
        if let Some(v) = &self.volume {
            q.push(("vol", v.clone()));
        }
        if let Some(f) = self.from {
            q.push(("from", iso_day(f)));
        }
        if let Some(t) = self.to {
            q.push(("to", iso_day(t)));
        }
        if !self.text.trim().is_empty() {
            q.push(("q", self.text.clone()));
        }
        if let Some(p) = &self.sender {
            q.push(("sender", p.clone()));
        }
        if let Some(p) = &self.recipient {
            q.push(("recipient", p.clone()));
        }
        if let Some(s) = &self.sort {
            q.push(("sort", s.clone()));
        }
        if let Some(s) = &self.selected {
            q.push(("sel", s.clone()));
        }
        if let Some((a, b)) = self.view {
            q.push(("at", format_at(a, b)));
        }
        if self.list {
            q.push(("view", "list".into()));
        }
        q.iter()
            .map(|(k, v)| format!("{k}={}", encode_uri_component(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// JavaScript's `encodeURIComponent`: UTF-8, every byte but `A–Z a–z 0–9 - _ . ! ~ * ' ( )`
/// as `%XX`.
pub fn encode_uri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// JavaScript's `decodeURIComponent`: `None` where it throws (a `%` without two hex
/// digits, or bytes that are not UTF-8). `+` stays `+`.
pub fn decode_uri_component(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(hex_byte(b.get(i + 1..i + 3)?)?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `application/x-www-form-urlencoded` decoding, as `URLSearchParams` does it: `+` is a
/// space, a `%` without two hex digits is kept as written, bytes that are not UTF-8
/// become U+FFFD.
fn form_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => match b.get(i + 1..i + 3).and_then(hex_byte) {
                Some(x) => {
                    out.push(x);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            x => out.push(x),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_byte(two: &[u8]) -> Option<u8> {
    let s = std::str::from_utf8(two).ok()?;
    if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u8::from_str_radix(s, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correspondence::when::parse_minute;

    fn day(s: &str) -> Minute {
        parse_day(s).unwrap()
    }

    #[test]
    fn a_bare_timeline_is_the_defaults() {
        for q in [
            "",
            "?",
            "/timeline",
            "/timeline?",
            "lane=pair",
            "view=chart",
        ] {
            assert_eq!(TimelineQuery::parse(q), TimelineQuery::default(), "{q:?}");
        }
        assert_eq!(TimelineQuery::default().format(), "");
        // The default lane is left out of the URL.
        assert_eq!(
            TimelineQuery::parse("lane=pair&kind=letter").format(),
            "kind=letter"
        );
    }

    #[test]
    fn the_links_the_app_and_its_tests_use_come_out_byte_for_byte() {
        for q in [
            "person=hull&kind=telegram",
            "person=gromyko&kind=telegram&q=department",
            "sel=frus1981-88v03-d74",
            "kind=editorial-note",
            "from=1981-07-11&to=1981-07-31",
            "lane=volume",
            "view=list",
            "q=treaty&sender=hull%7Cc&recipient=welles&sort=date",
        ] {
            assert_eq!(TimelineQuery::parse(q).format(), q);
        }
        let sel = |id: &str| TimelineQuery {
            selected: Some(id.into()),
            ..Default::default()
        };
        assert_eq!(sel("frus1981-88v03-d74").format(), "sel=frus1981-88v03-d74");
        assert_eq!(sel("a b~c/d").format(), "sel=a%20b~c%2Fd");
    }

    #[test]
    fn every_field_in_its_place() {
        let q = TimelineQuery::parse(
            "view=list&at=1981-07-01T00:00~1981-08-01T00:00&sel=d74&q=text+of+a%20letter\
             &to=1981-07-31&from=1981-07-01&vol=frus1981-88v03&kind=memorandum-of-conversation\
             &person=haig%7Ca&lane=sender&sender=gromyko&recipient=haig%7Ca&sort=date",
        );
        assert_eq!(
            q,
            TimelineQuery {
                mode: LaneMode::Sender,
                person: Some("haig|a".into()),
                kind: Some(Kind::MemorandumOfConversation),
                volume: Some("frus1981-88v03".into()),
                from: Some(day("1981-07-01")),
                to: Some(day("1981-07-31") + 1439),
                text: "text of a letter".into(),
                sender: Some("gromyko".into()),
                recipient: Some("haig|a".into()),
                sort: Some("date".into()),
                selected: Some("d74".into()),
                view: Some((
                    parse_minute("1981-07-01T00:00").unwrap() as f64,
                    parse_minute("1981-08-01T00:00").unwrap() as f64
                )),
                list: true,
            }
        );
        // Written back in a fixed order, `:` and `|` and spaces encoded, `~` not.
        assert_eq!(
            q.format(),
            "lane=sender&person=haig%7Ca&kind=memorandum-of-conversation&vol=frus1981-88v03\
             &from=1981-07-01&to=1981-07-31&q=text%20of%20a%20letter&sender=gromyko\
             &recipient=haig%7Ca&sort=date&sel=d74&at=1981-07-01T00%3A00~1981-08-01T00%3A00\
             &view=list"
        );
        assert_eq!(TimelineQuery::parse(&q.format()), q, "a round trip");
    }

    #[test]
    fn dates_are_whole_days() {
        let q = TimelineQuery::parse("from=1981-07-20&to=1981-07-20");
        assert_eq!(q.from, Some(day("1981-07-20")));
        assert_eq!(q.to, Some(day("1981-07-20") + 1439), "the end of that day");
        assert_eq!(q.format(), "from=1981-07-20&to=1981-07-20");
        // A year or a month names its first day (and `to` the end of that day).
        let q = TimelineQuery::parse("from=1981&to=1981-08");
        assert_eq!(q.from, Some(day("1981-01-01")));
        assert_eq!(q.to, Some(day("1981-08-01") + 1439));
        assert_eq!(q.format(), "from=1981-01-01&to=1981-08-01");
        assert_eq!(
            TimelineQuery::parse("from=July&to=1981-7-2"),
            TimelineQuery::default()
        );
    }

    #[test]
    fn what_is_not_understood_is_ignored() {
        let q = TimelineQuery::parse(
            "kind=poem&lane=colour&at=1981-07-20T00:00~1981-07-20T01:00&view=grid&zoom=3",
        );
        assert_eq!(q, TimelineQuery::default(), "{q:?}");
        assert_eq!(TimelineQuery::parse("at=yesterday").view, None);
    }

    #[test]
    fn empty_values_are_no_values_and_the_last_one_counts() {
        let q = TimelineQuery::parse("person=&vol=&sel=&q=&kind=");
        assert_eq!(q, TimelineQuery::default());
        let q = TimelineQuery::parse("person=haig&person=gromyko&kind=letter&kind=");
        assert_eq!(q.person.as_deref(), Some("gromyko"));
        assert_eq!(q.kind, None, "the last kind is empty");
        let q = TimelineQuery::from_pairs([("sel", "a"), ("q", "x"), ("sel", "b")]);
        assert_eq!(q.selected.as_deref(), Some("b"));
        assert_eq!(q.text, "x");
    }

    #[test]
    fn blank_heading_words_stay_out_of_the_url() {
        let q = TimelineQuery::parse("q=%20%20&sel=d1");
        assert_eq!(q.text, "  ", "kept for the field");
        assert_eq!(q.format(), "sel=d1");
        let q = TimelineQuery::parse("q=+Gromyko+");
        assert_eq!(q.format(), "q=%20Gromyko%20", "as typed");
    }

    #[test]
    fn values_are_encoded_as_encode_uri_component_does() {
        assert_eq!(encode_uri_component("AZaz09-_.!~*'()"), "AZaz09-_.!~*'()");
        assert_eq!(
            encode_uri_component("a b+c&d=e/f?g#h%i:j|k"),
            "a%20b%2Bc%26d%3De%2Ff%3Fg%23h%25i%3Aj%7Ck"
        );
        assert_eq!(
            encode_uri_component("Gromyko’s é"),
            "Gromyko%E2%80%99s%20%C3%A9"
        );
        let q = TimelineQuery {
            text: "Gromyko’s 50% & more".into(),
            ..Default::default()
        };
        assert_eq!(q.format(), "q=Gromyko%E2%80%99s%2050%25%20%26%20more");
        assert_eq!(TimelineQuery::parse(&q.format()), q);
    }

    #[test]
    fn decoding_matches_decode_uri_component() {
        assert_eq!(decode_uri_component("a%20b+c").as_deref(), Some("a b+c"));
        assert_eq!(
            decode_uri_component("%E2%80%99%c3%a9").as_deref(),
            Some("’é")
        );
        assert_eq!(
            decode_uri_component("/timeline?at=1981-07-01T00%3A00").as_deref(),
            Some("/timeline?at=1981-07-01T00:00")
        );
        assert_eq!(decode_uri_component("é~").as_deref(), Some("é~"));
        for bad in [
            "%",
            "50%",
            "%2",
            "%zz",
            "%E2%80",
            "%C3x",
            "é%A9",
            "%FF",
            "%ED%A0%80",
        ] {
            assert_eq!(decode_uri_component(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn form_decoding_keeps_what_it_cannot_read() {
        assert_eq!(form_decode("a+b%20c"), "a b c");
        assert_eq!(form_decode("50%"), "50%");
        assert_eq!(form_decode("%zz%4"), "%zz%4");
        assert_eq!(form_decode("%FFx"), "\u{FFFD}x");
        assert_eq!(TimelineQuery::parse("q=50%&sel=a%2Bb").text, "50%");
        assert_eq!(
            TimelineQuery::parse("sel=a%2Bb").selected.as_deref(),
            Some("a+b")
        );
    }

    #[test]
    fn kinds_by_their_json_name() {
        for k in KINDS {
            assert_eq!(kind_named(k.as_str()), Some(k));
            let q = TimelineQuery {
                kind: Some(k),
                ..Default::default()
            };
            assert_eq!(TimelineQuery::parse(&q.format()), q);
        }
        assert_eq!(kind_named("Letter"), None);
    }
}
