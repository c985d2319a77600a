//! The Department's register of office-holders (POCOM: Principal Officers and Chiefs of
//! Mission): who held which office, from when to when.
//!
//! It answers what a document's own people say about its date: a letter "Mr. Gresham to
//! Mr. Bayard" dated April 30, 1891 cannot be right when the register has Gresham as
//! Secretary of State only from 1893 ([`tenure_check`]). The register is read once from
//! the POCOM XML ([`pocom`]) and kept in a compact text table ([`table`]) that the app
//! loads as a static file beside it.

pub mod pocom;
pub mod table;
pub mod tenure_check;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::correspondence::parties::fold;

/// One person of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// As printed in the register ("Gresham").
    pub surname: String,
    /// "Walter Quintin".
    pub forename: String,
}

impl Person {
    /// "Walter Quintin Gresham".
    pub fn full_name(&self) -> String {
        if self.forename.is_empty() {
            self.surname.clone()
        } else {
            format!("{} {}", self.forename, self.surname)
        }
    }
}

/// One term in one office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenure {
    /// Index into [`Register::people`].
    pub person: u32,
    /// Index into [`Register::offices`].
    pub office: u32,
    /// The earliest date the register gives for the term (appointed, or started).
    pub start: Option<NaiveDate>,
    /// When it ended; `None` when the register leaves it open.
    pub end: Option<NaiveDate>,
}

/// The whole register: people, offices ("Secretary of State", "Envoy Extraordinary and
/// Minister Plenipotentiary to Nicaragua") and terms, indexed by surname and by person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Register {
    people: Vec<Person>,
    offices: Vec<String>,
    tenures: Vec<Tenure>,
    by_surname: HashMap<String, Vec<u32>>,
    by_person: Vec<Vec<u32>>,
}

impl Register {
    /// A register of these people, offices and terms. Terms naming a person or office
    /// that is not there are dropped.
    pub fn new(people: Vec<Person>, offices: Vec<String>, tenures: Vec<Tenure>) -> Self {
        let tenures: Vec<Tenure> = tenures
            .into_iter()
            .filter(|t| (t.person as usize) < people.len() && (t.office as usize) < offices.len())
            .collect();
        let mut by_surname: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            by_surname
                .entry(fold(&p.surname))
                .or_default()
                .push(i as u32);
        }
        let mut by_person = vec![Vec::new(); people.len()];
        for (i, t) in tenures.iter().enumerate() {
            by_person[t.person as usize].push(i as u32);
        }
        Register {
            people,
            offices,
            tenures,
            by_surname,
            by_person,
        }
    }

    /// Everyone, in the order terms refer to them.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// Every office's name, in the order terms refer to them.
    pub fn offices(&self) -> &[String] {
        &self.offices
    }

    /// Every term.
    pub fn tenures(&self) -> &[Tenure] {
        &self.tenures
    }

    /// The people whose surname is `surname` (compared without case or accents).
    pub fn with_surname(&self, surname: &str) -> &[u32] {
        self.by_surname
            .get(&fold(surname))
            .map_or(&[], Vec::as_slice)
    }

    /// Every term of one person, in the register's order.
    pub fn tenures_of(&self, person: u32) -> impl Iterator<Item = &Tenure> + '_ {
        self.by_person
            .get(person as usize)
            .into_iter()
            .flatten()
            .map(|&i| &self.tenures[i as usize])
    }
}

/// A register date ("1893-03-07", "1992-01", "1851"): its first day, or, for an end
/// (`last`), its last.
pub(crate) fn register_date(s: &str, last: bool) -> Option<NaiveDate> {
    let s = s.trim();
    let mut parts = s.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: Option<u32> = parts.next().map(|m| m.parse().ok()).unwrap_or(None);
    let d: Option<u32> = parts.next().map(|d| d.parse().ok()).unwrap_or(None);
    match (m, d) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
        (Some(m), None) if last => NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
            .and_then(|n| n.pred_opt()),
        (Some(m), None) => NaiveDate::from_ymd_opt(y, m, 1),
        (None, _) if last => NaiveDate::from_ymd_opt(y, 12, 31),
        (None, _) => NaiveDate::from_ymd_opt(y, 1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_their_span() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(register_date("1893-03-07", false), d(1893, 3, 7));
        assert_eq!(register_date("1992-02", false), d(1992, 2, 1));
        assert_eq!(register_date("1992-02", true), d(1992, 2, 29));
        assert_eq!(register_date("1851", true), d(1851, 12, 31));
        assert_eq!(register_date("", false), None);
    }

    #[test]
    fn surnames_are_found_without_case_or_accents() {
        let p = |s: &str| Person {
            surname: s.into(),
            forename: String::new(),
        };
        let r = Register::new(vec![p("González"), p("Van Buren")], Vec::new(), Vec::new());
        assert_eq!(r.with_surname("gonzalez"), [0]);
        assert_eq!(r.with_surname("van buren"), [1]);
    }
}
