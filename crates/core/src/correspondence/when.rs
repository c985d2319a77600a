//! When a document happened, and how sure the edition is of it: the time span the timeline
//! places it on (minutes since 1970-01-01, local time as printed) and its certainty.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::model::{DateInfo, DateSource, Document, Precision};

/// Minutes since 1970-01-01T00:00 (the printed local time; FRUS gives no zones that matter
/// at the timeline's resolution).
pub type Minute = i64;

pub use crate::model::Certainty;

/// A document's place in time: a span of minutes, and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    /// First minute of the span (a point when `start == end`).
    pub start: Minute,
    /// Last minute of the span, inclusive.
    pub end: Minute,
    /// How sure the date is.
    pub certainty: Certainty,
    /// The precision of the date it was read from; `None` when undated.
    pub precision: Option<Precision>,
}

impl When {
    /// No date: never placed (the span 0..0 means nothing).
    pub const UNDATED: When = When {
        start: 0,
        end: 0,
        certainty: Certainty::Undated,
        precision: None,
    };

    /// Whether the span covers more than one minute (a point has `start == end`).
    pub fn is_range(&self) -> bool {
        self.end > self.start
    }
}

/// The document's `When`.
pub fn of(doc: &Document) -> When {
    let Some(date) = &doc.date else {
        let suspect = doc.diagnostics.iter().any(|d| d.code.is_untrusted_date());
        return When {
            certainty: if suspect {
                Certainty::Suspect
            } else {
                Certainty::Undated
            },
            ..When::UNDATED
        };
    };
    of_date(date).unwrap_or(When::UNDATED)
}

/// The span and certainty of a date; `None` when its `iso` does not parse.
pub fn of_date(date: &DateInfo) -> Option<When> {
    // A TEI range keeps both ends in its text ("1918-03-02 – 1918-03-19").
    if let Some((a, b)) = date.text.split_once(" – ") {
        if let (Some(a), Some(b)) = (day(a.trim()), day(b.trim())) {
            return Some(When {
                start: minutes(a.and_hms_opt(0, 0, 0)?),
                end: minutes(b.and_hms_opt(23, 59, 0)?),
                certainty: Certainty::Approximate,
                precision: Some(date.precision),
            });
        }
    }
    let (start, end) = span(&date.iso, date.precision)?;
    let certainty = match (date.precision, date.source) {
        (Precision::Year | Precision::Month, _) => Certainty::Approximate,
        (_, DateSource::Tei | DateSource::Dateline) => Certainty::Exact,
        (_, s) => Certainty::Inferred(s),
    };
    Some(When {
        start,
        end,
        certainty,
        precision: Some(date.precision),
    })
}

/// First and last minute of an ISO date at its precision.
pub fn span(iso: &str, precision: Precision) -> Option<(Minute, Minute)> {
    let year: i32 = iso.get(..4)?.parse().ok()?;
    match precision {
        Precision::Year => {
            let a = NaiveDate::from_ymd_opt(year, 1, 1)?;
            let b = NaiveDate::from_ymd_opt(year, 12, 31)?;
            Some((day_start(a), day_start(b) + 1439))
        }
        Precision::Month => {
            let month: u32 = iso.get(5..7)?.parse().ok()?;
            let a = NaiveDate::from_ymd_opt(year, month, 1)?;
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            Some((day_start(a), day_start(next) - 1))
        }
        Precision::Day => {
            let d = day(iso.get(..10)?)?;
            Some((day_start(d), day_start(d) + 1439))
        }
        Precision::Minute => {
            let t = NaiveDateTime::parse_from_str(iso.get(..16)?, "%Y-%m-%dT%H:%M").ok()?;
            let m = minutes(t);
            Some((m, m))
        }
    }
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn day_start(d: NaiveDate) -> Minute {
    minutes(d.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// Minutes since 1970-01-01T00:00 of a calendar time.
pub fn minutes(t: NaiveDateTime) -> Minute {
    t.and_utc().timestamp().div_euclid(60)
}

/// The calendar time of a minute (for axis labels and URLs).
pub fn datetime(m: Minute) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(m.saturating_mul(60), 0)
        .unwrap_or_default()
        .naive_utc()
}

/// `YYYY-MM-DD` of a minute.
pub fn iso_day(m: Minute) -> String {
    let t = datetime(m);
    format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
}

/// "July 20, 1981", "July 11, 1981, 6:58 p.m.", "March 1918", "March 2 – March 19, 1918".
pub fn display(w: &When) -> String {
    if !w.certainty.placed() {
        return "undated".into();
    }
    match w.precision {
        Some(Precision::Minute) => crate::dates::display(&format_minute(w.start)),
        Some(Precision::Year) if !range_of_days(w) => crate::dates::display(&iso_day(w.start)[..4]),
        Some(Precision::Month) if !range_of_days(w) => {
            crate::dates::display(&iso_day(w.start)[..7])
        }
        _ if w.end - w.start >= 1440 => format!(
            "{} – {}",
            crate::dates::display(&iso_day(w.start)),
            crate::dates::display(&iso_day(w.end))
        ),
        _ => crate::dates::display(&iso_day(w.start)),
    }
}

/// A range that is not a whole month or year (TEI min/max days).
fn range_of_days(w: &When) -> bool {
    let (a, b) = (iso_day(w.start), iso_day(w.end + 1));
    match w.precision {
        Some(Precision::Month) => !(a.ends_with("-01") && b.ends_with("-01")),
        Some(Precision::Year) => !(a.ends_with("-01-01") && b.ends_with("-01-01")),
        _ => false,
    }
}

/// `YYYY-MM-DDTHH:MM` of a minute (URLs).
pub fn format_minute(m: Minute) -> String {
    datetime(m).format("%Y-%m-%dT%H:%M").to_string()
}

/// Parses `YYYY-MM-DDTHH:MM`.
pub fn parse_minute(s: &str) -> Option<Minute> {
    NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M")
        .ok()
        .map(minutes)
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to the first minute of that span.
pub fn parse_day(s: &str) -> Option<Minute> {
    period(s).map(|(a, _)| a)
}

/// A year, month or day written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: its first and last
/// minute.
pub fn period(s: &str) -> Option<(Minute, Minute)> {
    let s = s.trim();
    let precision = match s.len() {
        4 => Precision::Year,
        7 => Precision::Month,
        10 => Precision::Day,
        _ => return None,
    };
    let shaped = s.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shaped {
        return None;
    }
    span(s, precision)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(iso: &str, p: Precision, s: DateSource, text: &str) -> DateInfo {
        DateInfo {
            iso: iso.into(),
            precision: p,
            source: s,
            text: text.into(),
            event: Default::default(),
        }
    }

    #[test]
    fn certainty_from_the_source_and_precision() {
        let w = of_date(&info(
            "1981-07-20",
            Precision::Day,
            DateSource::Tei,
            "July 20",
        ))
        .unwrap();
        assert_eq!(w.certainty, Certainty::Exact);
        assert_eq!(w.end - w.start, 1439);
        assert_eq!(iso_day(w.start), "1981-07-20");
        let w = of_date(&info(
            "1981-07-21",
            Precision::Day,
            DateSource::SourceNote,
            "7/21/81",
        ))
        .unwrap();
        assert_eq!(w.certainty, Certainty::Inferred(DateSource::SourceNote));
        let w = of_date(&info("1918-03", Precision::Month, DateSource::Tei, "x")).unwrap();
        assert_eq!(w.certainty, Certainty::Approximate);
        assert_eq!(iso_day(w.start), "1918-03-01");
        assert_eq!(iso_day(w.end), "1918-03-31");
        let w = of_date(&info(
            "1918-03",
            Precision::Month,
            DateSource::Tei,
            "1918-03-02 – 1918-03-19",
        ))
        .unwrap();
        assert_eq!(
            (iso_day(w.start), iso_day(w.end)),
            ("1918-03-02".into(), "1918-03-19".into())
        );
        let w = of_date(&info("1861-02-29", Precision::Day, DateSource::Tei, "x"));
        assert!(w.is_none(), "not a day");
        let w = of_date(&info(
            "1934-01-13T12:00",
            Precision::Minute,
            DateSource::Tei,
            "x",
        ))
        .unwrap();
        assert_eq!((w.start, w.end), (w.start, w.start));
        assert_eq!(datetime(w.start).to_string(), "1934-01-13 12:00:00");
    }

    #[test]
    fn displayed_at_its_precision() {
        let d = |iso: &str, p, text: &str| {
            display(&of_date(&info(iso, p, DateSource::Tei, text)).unwrap())
        };
        assert_eq!(d("1981-07-20", Precision::Day, "x"), "July 20, 1981");
        assert_eq!(
            d("1981-07-11T18:58", Precision::Minute, "x"),
            "July 11, 1981, 6:58 p.m."
        );
        assert_eq!(d("1918-03", Precision::Month, "x"), "March 1918");
        assert_eq!(d("1918", Precision::Year, "x"), "1918");
        assert_eq!(
            d("1918-03", Precision::Month, "1918-03-02 – 1918-03-19"),
            "March 2, 1918 – March 19, 1918"
        );
        assert_eq!(display(&When::UNDATED), "undated");
    }

    #[test]
    fn before_1970_and_parse_day() {
        assert_eq!(iso_day(parse_day("1861-04-12").unwrap()), "1861-04-12");
        assert_eq!(iso_day(parse_day("1861").unwrap()), "1861-01-01");
        assert!(parse_day("18610").is_none());
    }
}
