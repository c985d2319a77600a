//! Cross-references written out in prose: "See Document 73", "See No. 131.", "ante, p. 912",
//! "Foreign Relations, 1933, vol. v, p. 249", "Ibid., p. 351", "See vol. iv, pp. 578 ff.".
//!
//! A page number alone is not a reference: "Official Journal, Special Supplement No. 151,
//! p. 21" cites another publication. A bare "p. N" counts only when the clause says it
//! points into this volume (ante/post/see/printed on, or a telegram/despatch/footnote).
//!
//! Over 500 lines with its unit tests (the last ~120): each prose pattern sits beside its
//! resolution, kept in one file so the patterns read as one list.

use std::sync::OnceLock;

use regex_lite::Regex;

/// One reference found in a text, with its byte range there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefMatch {
    pub start: usize,
    pub end: usize,
    pub target: String,
}

/// What "ibid." points at, carried from one footnote to the next.
#[derive(Debug, Clone, Default)]
pub struct RefContext {
    /// This document's volume (`frus1934v05`), to resolve "vol. iv" and "ante, p. 9".
    pub volume: Option<String>,
    /// The last work cited: `Some(volume)` when it was a FRUS volume, `None` otherwise.
    last_cited: Option<Option<String>>,
}

impl RefContext {
    pub fn new(volume: Option<String>) -> Self {
        RefContext {
            volume,
            last_cited: None,
        }
    }
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("ref regex"))
}

fn documents_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"\bDocuments?\s+([1-9]\d{0,3})((?:\s*(?:,|and|,\s*and|through|–|-)\s*[1-9]\d{0,3})*)",
    )
}

fn see_no_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"\b(?:[Ss]ee|[Pp]rinted as|[Cc]f\.)\s+(No\.\s+([1-9]\d{0,3}))\b",
    )
}

/// "Foreign Relations, 1926, vol. i, pp. 580, 584", "ibid., 1905, p. 485",
/// "Ibid., p. 742", "vol. ii, p. 628", "ante, p. 912", "p. 235".
fn pages_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?x)
        (?: (?P<fr>Foreign\s+Relations|[Ii]bid\.) ,?\s+ )?
        (?: (?P<year>1[789]\d\d)(?:[–-]\d{2,4})? ,\s+ )?
        (?: Supplement\s+(?P<supp>\d+) ,\s+ )?
        (?: (?P<sub>Russia|Japan|China|The\s+Lansing\s+Papers) ,\s+ )?
        (?: pt\.\s+(?P<pt>\d+) ,\s+ )?
        (?: [Vv]ol\.\s+(?P<vol>[ivxlc]+|\d{1,2}) ,\s+ )?
        (?P<pp>pp?\.|page|pages)\s+(?P<first>\d{1,4})
        (?P<more>(?:\s*(?:,|and|–|-)\s*\d{1,4}(?:\s+ff\.)?)*)",
    )
}

fn url_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r#"https?://[^\s<>"“”()\[\]]+[^\s<>"“”()\[\].,;:]"#)
}

fn roman(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    let mut total = 0i32;
    let mut prev = 0i32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// The FRUS id of a volume cited by year and parts: `frus1933v05`, `frus1906p2`,
/// `frus1918Russiav03`, `frus1917Supp02v02`.
fn frus_id(
    year: &str,
    supp: Option<&str>,
    sub: Option<&str>,
    pt: Option<&str>,
    vol: Option<u32>,
) -> String {
    let mut id = format!("frus{year}");
    if let Some(s) = supp.and_then(|s| s.parse::<u32>().ok()) {
        id.push_str(&format!("Supp{s:02}"));
    }
    if let Some(sub) = sub {
        id.push_str(&sub.replace(' ', ""));
    }
    if let Some(pt) = pt {
        id.push_str(&format!("p{pt}"));
    }
    if let Some(v) = vol {
        id.push_str(&format!("v{v:02}"));
    }
    id
}

/// Another volume of the same series: `frus1934v05` + vol. iv → `frus1934v04`.
fn sibling_volume(volume: &str, vol: u32) -> String {
    let base = match volume.rfind('v') {
        Some(i) if volume[i + 1..].chars().all(|c| c.is_ascii_digit()) && i + 1 < volume.len() => {
            &volume[..i]
        }
        _ => volume,
    };
    format!("{base}v{vol:02}")
}

/// Words that show a clause cites some other publication, not this volume.
const OTHER_WORKS: &[&str] = &[
    "Journal",
    "Supplement",
    "Series",
    "Papers",
    "Treaties",
    "Diario",
    "Bulletin",
    "Record",
    "Printing Office",
    "Conference",
    "Gazette",
    "Congress",
    "Cong.",
    "Doc.",
    "Statutes",
    "Stat.",
    "Report of",
    "Hansard",
    "Times",
    "Annual",
    "Review",
    "Miller",
    "Malloy",
    "Hertslet",
    "Verbatim",
    "Proceedings",
    "Register",
    "Yearbook",
    "Year Book",
];

/// Words that show a clause points into this volume ("telegram No. 2, p. 235").
const THIS_VOLUME: &[&str] = &[
    "telegram",
    "despatch",
    "dispatch",
    "instruction",
    "footnote",
    "memorandum",
    "note No.",
    "letter",
    "aide-mémoire",
    "from the Minister",
    "from the Ambassador",
    "from the Chargé",
    "from the Consul",
    "to the Minister",
    "to the Ambassador",
    "to the Chargé",
    "to the Consul",
    "from the Secretary",
    "printed on",
    "Printed on",
    "printed in",
    "Printed in",
];

/// Every reference in `text`, in order. `ctx` carries "ibid." across calls.
pub fn find_refs(text: &str, ctx: &mut RefContext) -> Vec<RefMatch> {
    let mut out = Vec::new();
    if !text.contains(|c: char| c.is_ascii_digit()) && !text.contains("http") {
        return out;
    }
    // Each pattern runs only where its keyword occurs (most runs of prose cite nothing).
    for c in captures_when(documents_re(), text, text.contains("Document")) {
        let first = c.get(1).expect("group");
        let whole = c.get(0).expect("match");
        out.push(RefMatch {
            start: whole.start(),
            end: first.end(),
            target: format!("d{}", first.as_str()),
        });
        let more = c.get(2).expect("group");
        let mut prev: Option<u32> = first.as_str().parse().ok();
        let mut range = false;
        for part in number_spans(more.as_str(), more.start()) {
            let (s, e, n, after_dash) = part;
            if range && after_dash {
                // "Documents 63–65": every document of the range is referred to.
                if let Some(p) = prev {
                    for k in p + 1..n {
                        out.push(RefMatch {
                            start: s,
                            end: e,
                            target: format!("d{k}"),
                        });
                    }
                }
            }
            range = true;
            out.push(RefMatch {
                start: s,
                end: e,
                target: format!("d{n}"),
            });
            prev = Some(n);
        }
    }
    // "telegram No. 33" is everywhere; only "See No. 131" and the like matter here.
    let see_no = ["ee No.", "as No.", "f. No."]
        .iter()
        .any(|k| text.contains(k));
    for c in captures_when(see_no_re(), text, see_no) {
        let m = c.get(1).expect("group");
        out.push(RefMatch {
            start: m.start(),
            end: m.end(),
            target: format!("d{}", &c[2]),
        });
    }
    for c in captures_when(url_re(), text, text.contains("http")) {
        let m = c.get(0).expect("match");
        out.push(RefMatch {
            start: m.start(),
            end: m.end(),
            target: m.as_str().to_string(),
        });
    }
    for (base, c) in page_citations(text) {
        let whole = c.get(0).expect("match");
        let whole = Span {
            start: base + whole.start(),
            end: base + whole.end(),
        };
        let clause = clause_before(text, whole.start);
        let vol_n = c.name("vol").and_then(|v| roman(v.as_str()));
        let volume: Option<String> = if let Some(fr) = c.name("fr") {
            let is_ibid = fr.as_str().eq_ignore_ascii_case("ibid.");
            match (c.name("year"), is_ibid) {
                (Some(y), _) => {
                    if is_ibid && !matches!(ctx.last_cited, Some(Some(_))) {
                        ctx.last_cited = Some(None);
                        continue;
                    }
                    let id = frus_id(
                        y.as_str(),
                        c.name("supp").map(|m| m.as_str()),
                        c.name("sub").map(|m| m.as_str()),
                        c.name("pt").map(|m| m.as_str()),
                        vol_n,
                    );
                    Some(id)
                }
                (None, true) => match (&ctx.last_cited, vol_n) {
                    (Some(Some(v)), None) => Some(v.clone()),
                    (Some(Some(v)), Some(n)) => Some(sibling_volume(v, n)),
                    _ => continue,
                },
                (None, false) => continue,
            }
        } else if let Some(n) = vol_n {
            // "vol. ii, p. 628": this series, another volume, unless another work is named.
            let lead = clause.trim_end();
            let own = lead.is_empty()
                || lead.ends_with("See")
                || lead.ends_with("see")
                || lead.ends_with("in");
            match (&ctx.volume, own, c.name("year")) {
                (Some(v), true, None) => Some(sibling_volume(v, n)),
                _ => {
                    ctx.last_cited = Some(None);
                    continue;
                }
            }
        } else if c.name("year").is_some() {
            continue;
        } else {
            let lead = clause.trim_end();
            let pointer = [
                "ante,", "post,", "Ante,", "Post,", "supra,", "infra,", "See", "see", "on", "also",
            ]
            .iter()
            .any(|w| lead.ends_with(w));
            // The whole sentence must not name another work ("… Verbatim Record …, vol. 2,
            // footnote 1, pp. 345"), and "page 8 of this Embassy's despatch" is not ours.
            let sentence = sentence_before(text, whole.start);
            let this = pointer
                || (THIS_VOLUME.iter().any(|w| clause.contains(w))
                    && !OTHER_WORKS.iter().any(|w| sentence.contains(w))
                    && !clause.contains("vol."));
            let of_other = text[whole.end..].starts_with(" of ");
            if !this || of_other || (c["pp"].starts_with("page") && !lead.ends_with("on")) {
                continue;
            }
            ctx.volume.clone().map(|_| String::new())
        };
        let Some(volume) = volume else { continue };
        if !volume.is_empty() {
            ctx.last_cited = Some(Some(volume.clone()));
        }
        let prefix = if volume.is_empty() || Some(&volume) == ctx.volume.as_ref() {
            String::new()
        } else {
            format!("{volume}#")
        };
        let first = c.name("first").expect("group");
        out.push(RefMatch {
            start: whole.start,
            end: base + first.end(),
            target: format!("{prefix}pg_{}", first.as_str()),
        });
        let more = c.name("more").expect("group");
        let mut prev = first.as_str().to_string();
        for (s, e, n, after_dash) in number_spans(more.as_str(), base + more.start()) {
            let page = if after_dash && n.to_string().len() < prev.len() {
                // "pp. 632–33" ends at 633.
                let keep = prev.len() - n.to_string().len();
                format!("{}{}", &prev[..keep], n)
            } else {
                n.to_string()
            };
            out.push(RefMatch {
                start: s,
                end: e,
                target: format!("{prefix}pg_{page}"),
            });
            prev = page;
        }
    }
    out.sort_by_key(|m| (m.start, m.end));
    out.dedup_by(|a, b| a.start < b.end && a.target == b.target);
    out
}

/// The current sentence up to `at`: after the last ". " that a capital letter follows.
fn sentence_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let start = before
        .match_indices(". ")
        .filter(|(i, _)| {
            let ws = before[..*i].rfind(' ').map_or(0, |s| s + 1);
            let w = &before[ws..*i];
            w.len() > 3 && before[i + 2..].starts_with(char::is_uppercase)
        })
        .map(|(i, _)| i + 2)
        .last()
        .unwrap_or(0);
    &before[start..]
}

#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

/// Page citations ("Foreign Relations, 1926, vol. i, pp. 580, 584"): the pattern runs only
/// on a short window around each "p."/"pp."/"page" followed by a figure, not on the whole
/// text. Returns each match with the window's offset.
fn page_citations(text: &str) -> Vec<(usize, regex_lite::Captures<'_>)> {
    let mut out: Vec<(usize, regex_lite::Captures<'_>)> = Vec::new();
    let bytes = text.as_bytes();
    let mut covered = 0;
    for (i, _) in text.match_indices('p') {
        let word_start = i == 0 || !bytes[i - 1].is_ascii_alphabetic();
        let rest = &text[i..];
        let after = ["pp. ", "p. ", "pages ", "page "]
            .iter()
            .find(|w| rest.starts_with(**w))
            .map(|w| &rest[w.len()..]);
        if !word_start
            || i < covered
            || !after.is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let mut from = i.saturating_sub(90);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (i + 80).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let window = &text[from..to];
        if let Some(c) = pages_re().captures_iter(window).find(|c| {
            let m = c.name("pp").expect("group");
            from + m.start() == i
        }) {
            covered = from + c.get(0).expect("match").end();
            out.push((from, c));
        }
    }
    out
}

/// The matches of `re` in `text`, without running it at all unless `run` (a cheap test
/// that it can match: most runs of prose cite nothing).
fn captures_when<'t>(re: &Regex, text: &'t str, run: bool) -> Vec<regex_lite::Captures<'t>> {
    if run {
        re.captures_iter(text).collect()
    } else {
        Vec::new()
    }
}

/// The numbers in a tail like ", 584", "–33", " and 64": (start, end, value, after a dash).
fn number_spans(s: &str, base: usize) -> Vec<(usize, usize, u32, bool)> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let dash = s[..start].trim_end().ends_with(['–', '-']);
            if let Ok(n) = s[start..i].parse() {
                out.push((base + start, base + i, n, dash));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The text of the current clause up to `at` (after the last ';', sentence end or '(').
fn clause_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let start = before
        .rfind(['.', ';', '('])
        .map(|i| {
            // "ante, p." and "No. 46," keep going: an abbreviation is not a clause end.
            let word_start = before[..i].rfind(' ').map_or(0, |s| s + 1);
            let word = &before[word_start..=i];
            if matches!(
                word,
                "No." | "p." | "pp." | "vol." | "Mr." | "St." | "Dr." | "ff." | "e." | "i."
            ) || word.len() <= 2 && word.starts_with(char::is_uppercase)
            {
                clause_start_before(before, word_start)
            } else {
                i + 1
            }
        })
        .unwrap_or(0);
    &before[start..]
}

fn clause_start_before(text: &str, at: usize) -> usize {
    let before = &text[..at];
    before.rfind([';', '(']).map_or(0, |i| i + 1).max(
        before
            .match_indices(". ")
            .filter(|(i, _)| {
                let ws = before[..*i].rfind(' ').map_or(0, |s| s + 1);
                let w = &before[ws..*i];
                w.len() > 2 && !matches!(w, "No" | "vol" | "pp" | "Mr" | "ff")
            })
            .map(|(i, _)| i + 2)
            .last()
            .unwrap_or(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(texts: &[&str], volume: &str) -> Vec<String> {
        let mut ctx = RefContext::new(Some(volume.to_string()));
        texts
            .iter()
            .flat_map(|t| find_refs(t, &mut ctx))
            .map(|m| m.target)
            .collect()
    }

    #[test]
    fn documents() {
        assert_eq!(targets(&["See Document 73."], "frus1981-88v03"), ["d73"]);
        assert_eq!(
            targets(&["See Documents 63 and 64."], "frus1981-88v03"),
            ["d63", "d64"]
        );
        assert_eq!(targets(&["See No. 131."], "frus1894Nicaragua"), ["d131"]);
        assert!(targets(&["See telegram No. 33, March 17."], "frus1934v05").is_empty());
    }

    #[test]
    fn pages_in_this_and_other_volumes() {
        let v = "frus1934v05";
        assert_eq!(targets(&["Ante, p. 892."], v), ["pg_892"]);
        assert_eq!(targets(&["See pp. 647 ff."], v), ["pg_647"]);
        assert_eq!(targets(&["See footnote 6, p. 225."], v), ["pg_225"]);
        assert_eq!(
            targets(
                &["January 13, 1 p.m., from the Minister in Nicaragua, p. 226."],
                v
            ),
            ["pg_226"]
        );
        assert_eq!(
            targets(&["Foreign Relations, 1933, vol. v, p. 249."], v),
            ["frus1933v05#pg_249"]
        );
        assert_eq!(
            targets(
                &["Notes printed in Foreign Relations, 1926, vol. i, pp. 580, 584."],
                v
            ),
            ["frus1926v01#pg_580", "frus1926v01#pg_584"]
        );
        assert_eq!(
            targets(&["Foreign Relations, 1903, p. 350.", "Ibid., p. 351."], v),
            ["frus1903#pg_350", "frus1903#pg_351"]
        );
        assert_eq!(
            targets(&["See vol. iv, pp. 578 ff.", "See ibid., pp. 511 ff."], v),
            ["frus1934v04#pg_578", "frus1934v04#pg_511"]
        );
        assert_eq!(
            targets(&["Vol. ii, p. 628."], "frus1919Parisv01"),
            ["frus1919Parisv02#pg_628"]
        );
        assert_eq!(
            targets(
                &["See ibid., 1912, pp. 632–33, and ibid., 1913, pp. 608–611."],
                v
            ),
            Vec::<String>::new(),
            "ibid. with no FRUS citation before it is not FRUS"
        );
        assert_eq!(
            targets(
                &[
                    "Foreign Relations, 1904, p. 304.",
                    "See ibid., 1912, pp. 632–33, and ibid., 1913, pp. 608–611."
                ],
                v
            ),
            [
                "frus1904#pg_304",
                "frus1912#pg_632",
                "frus1912#pg_633",
                "frus1913#pg_608",
                "frus1913#pg_611"
            ]
        );
        assert_eq!(
            targets(&["see Foreign Relations, 1906, pt. 2, p. 1601."], v),
            ["frus1906p2#pg_1601"]
        );
    }

    #[test]
    fn other_publications_are_not_refs() {
        let v = "frus1934v05";
        for t in [
            "League of Nations, Official Journal, Special Supplement No. 151, p. 21.",
            "Diario Oficial de la República de Chile, April 19, 1932, pp. 986, 987.",
            "British and Foreign State Papers, vol. xcviii, p. 72.",
            "Miller, Treaties, vol. 3, p. 671.",
            "The Official Bulletin, Washington, Oct. 3, 1917 (Vol. 1, No. 123), p. 2.",
        ] {
            assert!(targets(&[t], v).is_empty(), "{t}");
        }
        assert_eq!(
            targets(
                &[
                    "British and Foreign State Papers, vol. xcviii, p. 72.",
                    "ibid., vol. xcv, p. 818."
                ],
                v
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn body_page_and_urls() {
        assert_eq!(
            targets(&["[Here follows the text of the memorandum transmitted in telegram No. 25, February 3, 7 p.m., to the Ambassador in France, printed on page 1.]"], "frus1927v01"),
            ["pg_1"]
        );
        assert_eq!(
            targets(&["See https://history.state.gov/x."], "frus1927v01"),
            ["https://history.state.gov/x"]
        );
    }
}
