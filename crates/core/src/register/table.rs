//! The register as one compact text file, for the app to load beside the page (26 MB of
//! POCOM XML become a few hundred kilobytes): a version line, then one line per person
//! (`P`, surname, forename), per office (`O`, name) and per term (`T`, person and office by
//! their order among the `P` and `O` lines, start and end as ISO dates or empty), fields
//! separated by tabs.

use chrono::NaiveDate;

use super::{Person, Register, Tenure};
use crate::input::{ParseError, ParseErrorKind, Position};

const HEADER: &str = "letterbook-register 1";

/// The table of a register.
pub fn write(r: &Register) -> String {
    let mut out = String::with_capacity(64 * r.tenures().len());
    out.push_str(HEADER);
    out.push('\n');
    for p in r.people() {
        out.push_str(&format!(
            "P\t{}\t{}\n",
            clean(&p.surname),
            clean(&p.forename)
        ));
    }
    for o in r.offices() {
        out.push_str(&format!("O\t{}\n", clean(o)));
    }
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    for t in r.tenures() {
        out.push_str(&format!(
            "T\t{}\t{}\t{}\t{}\n",
            t.person,
            t.office,
            date(t.start).unwrap_or_default(),
            date(t.end).unwrap_or_default()
        ));
    }
    out
}

/// Tabs and line breaks never reach the table.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Reads a table from its bytes (UTF-8, as written).
pub fn read_bytes(file: &str, bytes: &[u8]) -> Result<Register, ParseError> {
    read(file, &crate::input::decode_text(file, bytes)?)
}

/// Reads a table; an error names the file and the line.
pub fn read(file: &str, text: &str) -> Result<Register, ParseError> {
    let mut lines = text.lines();
    let err = |n: usize, msg: String| {
        ParseError::of(file, ParseErrorKind::Malformed, msg).at(Position {
            line: n as u32,
            column: 1,
            offset: 0,
        })
    };
    if lines.next().map(str::trim_end) != Some(HEADER) {
        return Err(err(
            1,
            format!("not a register table (expected \"{HEADER}\")"),
        ));
    }
    let (mut people, mut offices, mut tenures) = (Vec::new(), Vec::new(), Vec::new());
    for (i, line) in lines.enumerate() {
        let n = i + 2;
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        match (f[0], f.len()) {
            ("P", 3) => people.push(Person {
                surname: f[1].to_string(),
                forename: f[2].to_string(),
            }),
            ("O", 2) => offices.push(f[1].to_string()),
            ("T", 5) => {
                let index = |s: &str, what: &str, len: usize| {
                    s.parse::<u32>()
                        .ok()
                        .filter(|&v| (v as usize) < len)
                        .ok_or_else(|| err(n, format!("{what} {s:?} is not one listed above")))
                };
                let date = |s: &str| {
                    if s.is_empty() {
                        Ok(None)
                    } else {
                        NaiveDate::parse_from_str(s, "%Y-%m-%d")
                            .map(Some)
                            .map_err(|_| err(n, format!("{s:?} is not a date")))
                    }
                };
                tenures.push(Tenure {
                    person: index(f[1], "person", people.len())?,
                    office: index(f[2], "office", offices.len())?,
                    start: date(f[3])?,
                    end: date(f[4])?,
                });
            }
            _ => return Err(err(n, format!("unreadable line {:?}", truncate(line)))),
        }
    }
    Ok(Register::new(people, offices, tenures))
}

fn truncate(s: &str) -> &str {
    match s.char_indices().nth(40) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Register {
        Register::new(
            vec![Person {
                surname: "Gresham".into(),
                forename: "Walter Quintin".into(),
            }],
            vec!["Secretary of State".into()],
            vec![Tenure {
                person: 0,
                office: 0,
                start: NaiveDate::from_ymd_opt(1893, 3, 6),
                end: None,
            }],
        )
    }

    #[test]
    fn a_table_reads_back_as_written() {
        let r = sample();
        assert_eq!(read("r.tsv", &write(&r)).unwrap(), r);
    }

    #[test]
    fn a_bad_line_is_named() {
        let t = write(&sample()).replace("T\t0\t0", "T\t0\t7");
        let e = read("register.tsv", &t).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("register.tsv", Some(4)));
        assert!(e.message.contains("office"), "{e}");
        assert!(read("x", "<html>").is_err());
    }
}
