//! Does a document's date fit its own people's terms of office?
//!
//! The rule is written so that a name the register does not settle says nothing:
//! - a party's surname names register people; only those in office during the volume's
//!   own years are the ones meant ("Mr. Gresham" in a volume of 1894 is the Secretary of
//!   State of 1893–95, not someone of that name a century earlier). A year more either
//!   side takes in diplomats who, the year before their mission, wrote in offices the
//!   register does not list (Grew, secretary of the Peace Commission in 1919, minister to
//!   Denmark from 1920);
//!   A term the register leaves without an end (most of the nineteenth century's) counts
//!   as four years for this, so an envoy of 1866 is not "in office" in 1872;
//! - the date contradicts such a party when it lies well outside all of that person's
//!   terms (a year's grace either side: diplomats write as chargé, counselor or
//!   commissioner, offices the register does not list, between their missions);
//! - the document is flagged only when two parties or more are known to the register and
//!   every one contradicts the date. One alone is too often a namesake: "Mr. Campbell" of
//!   the 1857 boundary commission in a volume of 1872 is not the envoy to Mexico of 1866.
//!
//! The date is kept (it is the edition's); the warning says what the register says.

use chrono::{Duration, NaiveDate};

use super::{Register, Tenure};
use crate::correspondence::parties;
use crate::dates;
use crate::model::{Diagnostic, DiagnosticCode, Document, Precision};

/// Grace either side of a term.
const GRACE_DAYS: i64 = 365;
/// How long a term without an end is taken to last when asking who is meant.
const OPEN_TERM_YEARS: u32 = 4;

/// What the register says against a document's date, if anything.
pub fn check(doc: &Document, reg: &Register) -> Option<Diagnostic> {
    let date = doc.date.as_ref()?;
    if date.precision < Precision::Day {
        return None;
    }
    let day = NaiveDate::parse_from_str(date.iso.get(..10)?, "%Y-%m-%d").ok()?;
    let years = doc.volume.as_deref().and_then(dates::volume_years)?;
    let around = (
        NaiveDate::from_ymd_opt(years.0, 1, 1)?,
        NaiveDate::from_ymd_opt(years.1, 12, 31)?,
    );
    let mut against: Vec<(u32, &Tenure)> = Vec::new();
    let mut known = 0;
    for party in doc.from.iter().chain(&doc.to) {
        // "Walter Q. Gresham", "Mr. Van Buren": the surname as the correspondence model
        // reads it (titles, initials and suffixes dropped, particles kept).
        let Some((surname, _)) = party.name.as_deref().and_then(parties::surname) else {
            continue;
        };
        let meant: Vec<u32> = reg
            .with_surname(&surname)
            .iter()
            .copied()
            .filter(|&p| reg.tenures_of(p).any(|t| overlaps(t, around)))
            .collect();
        if meant.is_empty() {
            continue;
        }
        known += 1;
        let fits = meant
            .iter()
            .any(|&p| reg.tenures_of(p).any(|t| holds(t, day)));
        if fits {
            return None;
        }
        // The term nearest the volume, to say what the register has.
        if let Some(t) = meant
            .iter()
            .flat_map(|&p| reg.tenures_of(p))
            .filter(|t| overlaps(t, around))
            .min_by_key(|t| distance(t, day))
        {
            against.push((t.person, t));
        }
    }
    if known < 2 || against.len() < known {
        return None;
    }
    let said: Vec<String> = against
        .iter()
        .map(|(p, t)| {
            let person = &reg.people()[*p as usize];
            format!(
                "{} as {} {}",
                person.full_name(),
                reg.offices()[t.office as usize],
                term_span(t)
            )
        })
        .collect();
    Some(Diagnostic::warning(
        DiagnosticCode::DateOutsideOffice,
        format!(
            "dated {}, but the register of office-holders (POCOM) has {}: the date or the \
             heading may be wrong",
            dates::display(&date.iso),
            said.join(", and ")
        ),
        None,
        None,
    ))
}

/// Adds [`check`]'s warning to the document (once).
pub fn flag(doc: &mut Document, reg: &Register) {
    if doc
        .diagnostics
        .iter()
        .any(|d| d.code == DiagnosticCode::DateOutsideOffice)
    {
        return;
    }
    if let Some(d) = check(doc, reg) {
        doc.diagnostics.push(d);
    }
}

fn overlaps(t: &Tenure, (lo, hi): (NaiveDate, NaiveDate)) -> bool {
    let Some(start) = t.start.or(t.end) else {
        return false;
    };
    let end = t
        .end
        .or_else(|| start.checked_add_months(chrono::Months::new(12 * OPEN_TERM_YEARS)))
        .unwrap_or(start);
    start <= hi && end >= lo
}

fn holds(t: &Tenure, day: NaiveDate) -> bool {
    let grace = Duration::days(GRACE_DAYS);
    t.start.is_none_or(|s| day >= s - grace) && t.end.is_none_or(|e| day <= e + grace)
}

fn distance(t: &Tenure, day: NaiveDate) -> i64 {
    match (t.start, t.end) {
        (Some(s), _) if day < s => (s - day).num_days(),
        (_, Some(e)) if day > e => (day - e).num_days(),
        _ => 0,
    }
}

fn term_span(t: &Tenure) -> String {
    let d = |d: NaiveDate| dates::display(&d.format("%Y-%m-%d").to_string());
    match (t.start, t.end) {
        (Some(s), Some(e)) => format!("from {} to {}", d(s), d(e)),
        (Some(s), None) => format!("from {}", d(s)),
        (None, Some(e)) => format!("until {}", d(e)),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateInfo, DateSource, Party};
    use crate::register::{Person, Register, Tenure};

    fn reg() -> Register {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        Register::new(
            vec![
                Person {
                    surname: "Gresham".into(),
                    forename: "Walter Quintin".into(),
                },
                Person {
                    surname: "Bayard".into(),
                    forename: "Thomas Francis".into(),
                },
            ],
            vec![
                "Secretary of State".into(),
                "Ambassador to United Kingdom".into(),
            ],
            vec![
                Tenure {
                    person: 0,
                    office: 0,
                    start: d(1893, 3, 6),
                    end: d(1895, 5, 28),
                },
                Tenure {
                    person: 1,
                    office: 0,
                    start: d(1885, 3, 6),
                    end: d(1889, 3, 6),
                },
                Tenure {
                    person: 1,
                    office: 1,
                    start: d(1893, 3, 30),
                    end: d(1897, 4, 8),
                },
            ],
        )
    }

    fn doc(from: &str, to: &str, iso: &str) -> Document {
        let mut d: Document = serde_json::from_str(
            r#"{"id":"frus1894Nicaragua-d40","volume":"frus1894Nicaragua","n":"40","title":"",
            "head":[],"kind":"letter","from":[],"to":[],"date":null,"place":null,"blocks":[],
            "footnotes":[],"pages":[],"refs":[],"links":[],"diagnostics":[]}"#,
        )
        .expect("document JSON");
        let party = |n: &str| Party {
            text: format!("Mr. {n}"),
            name: Some(n.to_string()),
            role: None,
            id: None,
        };
        d.from = vec![party(from)];
        d.to = vec![party(to)];
        d.date = Some(DateInfo {
            iso: iso.into(),
            precision: Precision::Day,
            source: DateSource::Dateline,
            text: String::new(),
            event: Default::default(),
        });
        d
    }

    #[test]
    fn a_date_before_both_parties_took_office_is_flagged() {
        let w = check(&doc("Gresham", "Bayard", "1891-04-30"), &reg()).expect("flagged");
        assert_eq!(w.code, DiagnosticCode::DateOutsideOffice);
        assert!(w.message.contains("April 30, 1891"), "{}", w.message);
        assert!(
            w.message
                .contains("Walter Quintin Gresham as Secretary of State from March 6, 1893"),
            "{}",
            w.message
        );
    }

    #[test]
    fn a_date_in_office_is_not() {
        assert!(check(&doc("Gresham", "Bayard", "1894-04-30"), &reg()).is_none());
        // Within the grace before the term.
        assert!(check(&doc("Gresham", "Bayard", "1893-01-10"), &reg()).is_none());
    }

    #[test]
    fn a_party_the_register_does_not_know_says_nothing() {
        assert!(check(&doc("Kimberley", "Lacayo", "1891-04-30"), &reg()).is_none());
        // The surname as the correspondence model reads it: "Walter Q. Gresham".
        let mut full = doc("Gresham", "Bayard", "1891-04-30");
        full.from[0].name = Some("Walter Q. Gresham".into());
        assert!(check(&full, &reg()).is_some());
        // One known party alone may be a namesake.
        assert!(check(&doc("Gresham", "Kimberley", "1891-04-30"), &reg()).is_none());
        // Around 1887 Gresham held no office, so only Bayard is known: Secretary then.
        let mut d = doc("Gresham", "Bayard", "1888-04-30");
        d.volume = Some("frus1887".into());
        assert!(check(&d, &reg()).is_none(), "Bayard was Secretary in 1888");
    }
}
