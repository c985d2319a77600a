//! Dates as FRUS prints them ("July 10, 1981", "Dec. 23, 1918", "7/21/81",
//! "February 7, 1927—1 p.m.", "the 4th of February, 1882"), validated by chrono.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex_lite::Regex;

use crate::model::Precision;

/// A date found in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub iso: String,
    /// Month, day or minute, as much as the phrase gives.
    pub precision: Precision,
    /// The year, to check against the volume's years.
    pub year: i32,
    /// Byte range of the phrase in the searched text.
    pub start: usize,
    /// End of that range (exclusive).
    pub end: usize,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number for a full or abbreviated English month name ("Sept", "Dec").
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower) || (lower == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// The English name of month `m` (1 = "January"); empty outside 1–12.
pub fn month_name(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    .get((m as usize).wrapping_sub(1))
    .copied()
    .unwrap_or("")
}

const MONTH_RE: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

/// The date shapes, most specific first; each names its parts `month`, `day`, `year`
/// (and `hour`, `min`, `ampm` for a time, `m`/`d`/`y` for the numeric form).
fn patterns() -> &'static [Regex; 4] {
    static RE: OnceLock<[Regex; 4]> = OnceLock::new();
    RE.get_or_init(|| {
        let year = r"(?P<year>1[5-9]\d\d|20\d\d)\b";
        [
            // "July 10, 1981", "February 7, 1927—1 p.m."
            format!(r"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}(?:\s*(?:—|-|–|,)?\s*(?P<hour>\d{{1,2}})(?:[.:](?P<min>\d\d))?\s*(?P<ampm>[ap])\.\s?m\.)?"),
            // "10 July 1981", "the 4th of February, 1882"
            format!(r"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_RE}),?\s+{year}"),
            // "7/21/81"
            r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})\b".to_string(),
            // "July 1981"
            format!(r"\b(?P<month>{MONTH_RE})\s+{year}"),
        ]
        .map(|p| Regex::new(&p).expect("date regex"))
    })
}

fn iso_day(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(|_| format!("{y:04}-{m:02}-{d:02}"))
}

/// "1 p.m." after a date: the ISO time, or `None` when absent or impossible.
fn time_of(c: &regex_lite::Captures<'_>) -> Option<String> {
    let mut hour: u32 = c.name("hour")?.as_str().parse().ok()?;
    let min: u32 = c.name("min").map_or(Some(0), |m| m.as_str().parse().ok())?;
    if hour == 0 || hour > 12 || min > 59 {
        return None;
    }
    let pm = c.name("ampm").is_some_and(|a| a.as_str() == "p");
    if pm && hour < 12 {
        hour += 12;
    } else if !pm && hour == 12 {
        hour = 0;
    }
    Some(format!("T{hour:02}:{min:02}"))
}

/// One match of a date shape as a [`FoundDate`], if it is a real date.
fn found(c: &regex_lite::Captures<'_>, century_hint: Option<i32>) -> Option<FoundDate> {
    let whole = c.get(0)?;
    let (y, m, d) = if let Some(yy) = c.name("y") {
        let y: i32 = yy.as_str().parse().ok()?;
        let y = if yy.as_str().len() == 2 {
            century_hint.map_or(1900, |h| h - h.rem_euclid(100)) + y
        } else {
            y
        };
        (y, c["m"].parse().ok()?, Some(c["d"].parse().ok()?))
    } else {
        let d = match c.name("day") {
            Some(d) => Some(d.as_str().parse().ok()?),
            None => None,
        };
        (c["year"].parse().ok()?, month_number(&c["month"])?, d)
    };
    let (iso, precision, end) = match d {
        None => (format!("{y:04}-{m:02}"), Precision::Month, whole.end()),
        Some(d) => {
            let day = iso_day(y, m, d)?;
            match time_of(c) {
                Some(t) => (day + &t, Precision::Minute, whole.end()),
                None => {
                    let end = c.name("year").map_or(whole.end(), |y| y.end());
                    (day, Precision::Day, end)
                }
            }
        }
    };
    Some(FoundDate {
        iso,
        precision,
        year: y,
        start: whole.start(),
        end,
    })
}

/// Every date phrase in `text`, in order, without overlaps. Two-digit years ("7/21/81")
/// take the century of `century_hint` (a year near the document), else the 1900s.
pub fn find_dates(text: &str, century_hint: Option<i32>) -> Vec<FoundDate> {
    let mut out: Vec<FoundDate> = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    // The month patterns need a month's first three letters; the numeric one a slash.
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let has_month = months.iter().any(|m| text.contains(m));
    let has_slash = text.contains('/');
    for (i, re) in patterns().iter().enumerate() {
        if (i == 2 && !has_slash) || (i != 2 && !has_month) {
            continue;
        }
        for c in re.captures_iter(text) {
            if let Some(f) = found(&c, century_hint) {
                if !out.iter().any(|g| f.start < g.end && g.start < f.end) {
                    out.push(f);
                }
            }
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// The date a heading gives its paper ("Executive Order No. 4705, August 10, 1927, …",
/// "Memorandum … of a Conversation With …, September 11, 1934"): its one date to the day.
/// A heading with two ("Executive Order …, October 12, 1917, … the Act approved June 15,
/// 1917") does not say which is the paper's, so it gives none.
pub fn heading_date(title: &str, century_hint: Option<i32>) -> Option<FoundDate> {
    // "in reply to the Russian Chargé's memorandum dated September 17, 1900": another
    // paper's date.
    let cited = |d: &FoundDate| {
        let before = title[..d.start].to_lowercase();
        before.ends_with("dated ") || before.contains("reply to") || before.contains("response to")
    };
    let mut days = find_dates(title, century_hint)
        .into_iter()
        .filter(|d| d.precision >= Precision::Day && !cited(d));
    let first = days.next()?;
    days.next().is_none().then_some(first)
}

/// Is the whole string one date, perhaps after a place ("Moscow, July 20, 1981.")?
/// Returns the date and the place before it.
pub fn as_dateline(line: &str) -> Option<(FoundDate, Option<String>)> {
    let trimmed = line.trim().trim_end_matches(['.', ',']);
    // Every date shape ends in a figure (a time's "p.m." loses its stop to the trim, so a
    // date with a time never ends the line): nothing else can end with one.
    if !trimmed.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let dates = find_dates(trimmed, None);
    let d = dates.last()?;
    if d.precision == Precision::Month || d.end != trimmed.len() {
        return None;
    }
    let place = trimmed[..d.start].trim().trim_end_matches(',').trim();
    // "From Shanghai Courier, July 22, 1870.": where a text was taken from, not written.
    let attribution = place
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("from"));
    if place.split_whitespace().count() > 6
        || place.contains(['.', ';', ':']) && !place.contains("D.C")
        || attribution
    {
        return None;
    }
    let place = (!place.is_empty()).then(|| place.to_string());
    Some((d.clone(), place))
}

/// The message of a date a parser read and does not trust ("date/@when=\"0201-11-11\" is
/// far from the volume's years 1861; not used"). Its diagnostic carries
/// [`DiagnosticCode::SuspectDate`] or [`DiagnosticCode::InvalidDate`]: code reads those,
/// never this sentence.
///
/// [`DiagnosticCode::SuspectDate`]: crate::model::DiagnosticCode::SuspectDate
/// [`DiagnosticCode::InvalidDate`]: crate::model::DiagnosticCode::InvalidDate
pub fn untrusted(what: &str, why: &str) -> String {
    format!("{what} {why}; not used")
}

/// Could a document of a volume covering `volume_years` be dated in `year`? Editors print
/// documents decades older than the volume (treaties, enclosures), never much younger, so
/// the window is 80 years before to 5 after. Without the volume's years, any year is.
pub fn plausible_year(year: i32, volume_years: Option<(i32, i32)>) -> bool {
    match volume_years {
        Some((lo, hi)) => year >= lo - 80 && year <= hi + 5,
        None => true,
    }
}

/// The year of an ISO date string.
pub fn year_of(iso: &str) -> Option<i32> {
    iso.get(..4)?.parse().ok()
}

/// A human rendering of an ISO date at its precision: "July 21, 1981", "July 1981",
/// "1981", "February 7, 1927, 1:00 p.m.".
pub fn display(iso: &str) -> String {
    let y = iso.get(0..4).unwrap_or(iso);
    let m = iso.get(5..7).and_then(|m| m.parse::<u32>().ok());
    let d = iso.get(8..10).and_then(|d| d.parse::<u32>().ok());
    let hm = iso.get(11..16);
    match (m, d, hm) {
        (Some(m), Some(d), Some(hm)) => {
            let h: u32 = hm[..2].parse().unwrap_or(0);
            let (h12, ampm) = match h {
                0 => (12, "a.m."),
                1..=11 => (h, "a.m."),
                12 => (12, "p.m."),
                _ => (h - 12, "p.m."),
            };
            format!("{} {d}, {y}, {h12}:{} {ampm}", month_name(m), &hm[3..])
        }
        (Some(m), Some(d), None) => format!("{} {d}, {y}", month_name(m)),
        (Some(m), None, _) => format!("{} {y}", month_name(m)),
        _ => y.to_string(),
    }
}

/// The span of years a volume id covers: `frus1981-88v03` → 1981..=1988, `frus1934v05` → 1934.
pub fn volume_years(volume: &str) -> Option<(i32, i32)> {
    let digits = volume.strip_prefix("frus")?;
    let start: i32 = digits.get(..4)?.parse().ok()?;
    let rest = &digits[4..];
    let end = rest
        .strip_prefix('-')
        .and_then(|r| {
            let n: String = r.chars().take_while(|c| c.is_ascii_digit()).collect();
            match n.len() {
                2 => Some(start - start % 100 + n.parse::<i32>().ok()?),
                4 => n.parse().ok(),
                _ => None,
            }
        })
        .unwrap_or(start);
    Some((start, end.max(start)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isos(text: &str) -> Vec<String> {
        find_dates(text, Some(1981))
            .into_iter()
            .map(|f| f.iso)
            .collect()
    }

    #[test]
    fn a_heading_dates_its_paper_only_when_it_is_plain() {
        let day = |t: &str| heading_date(t, Some(1934)).map(|d| d.iso);
        assert_eq!(
            day("Press Release Issued by the Department of State, August 24, 1934").as_deref(),
            Some("1934-08-24")
        );
        // Two dates: which is the paper's?
        assert_eq!(
            day("Executive Order No. 2729–A, October 12, 1917, under the Act approved June 15, 1917"),
            None
        );
        // Another paper's date.
        assert_eq!(
            day("Memorandum in reply to the Russian Chargé’s memorandum dated September 17, 1900."),
            None
        );
    }

    #[test]
    fn forms() {
        assert_eq!(isos("your letter of July 10, 1981."), ["1981-07-10"]);
        assert_eq!(isos("Bessmertnykh, 7/21/81."), ["1981-07-21"]);
        assert_eq!(isos("February 7, 1927—1 p.m."), ["1927-02-07T13:00"]);
        assert_eq!(isos("August 22, 1900—1.30 p.m."), ["1900-08-22T13:30"]);
        assert_eq!(isos("on Dec. 23, 1918."), ["1918-12-23"]);
        assert_eq!(isos("On the 4th of February, 1882, Mr."), ["1882-02-04"]);
        assert_eq!(isos("Super Sensitive—July 1981. Secret"), ["1981-07"]);
        assert_eq!(isos("February 30, 1981 and 13/40/81"), Vec::<String>::new());
    }

    #[test]
    fn datelines() {
        let (d, place) = as_dateline("Moscow, July 20, 1981.").unwrap();
        assert_eq!(
            (d.iso.as_str(), place.as_deref()),
            ("1981-07-20", Some("Moscow"))
        );
        assert!(as_dateline("I gave careful attention to your letter of July 10, 1981.").is_none());
        assert_eq!(as_dateline("July 10, 1981").unwrap().0.iso, "1981-07-10");
    }

    #[test]
    fn plausible_years() {
        let v = Some((1934, 1934));
        assert!(plausible_year(1854, v) && plausible_year(1939, v));
        assert!(!plausible_year(1853, v) && !plausible_year(1940, v));
        assert!(plausible_year(201, None));
    }

    #[test]
    fn display_and_volumes() {
        assert_eq!(display("1981-07-21"), "July 21, 1981");
        assert_eq!(display("1927-02-07T13:00"), "February 7, 1927, 1:00 p.m.");
        assert_eq!(volume_years("frus1981-88v03"), Some((1981, 1988)));
        assert_eq!(volume_years("frus1919Parisv01"), Some((1919, 1919)));
    }
}
