//! Reading the POCOM XML: `people/*/<id>.xml`, `positions-principals/<office>.xml`,
//! `missions-countries/<territory>.xml` and `roles-country-chiefs/<role>.xml`.
//!
//! Each file is small and flat, so it is read as a list of leaves (path of element names →
//! text) through the same XML gate as the TEI (no DTD entities, depth-limited, errors at a
//! line and column). A term's start is the earliest date the register gives (appointed,
//! arrived, started): a minister writes as one from his appointment, before he presents
//! his credentials.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{register_date, Person, Register, Tenure};
use crate::input::{decode_text, position_of, ParseError};
use crate::tei::xml::{Ev, Xml};

/// Collects the files of a POCOM folder, in any order, into a [`Register`].
#[derive(Debug, Default)]
pub struct Builder {
    people: Vec<(String, Person)>,
    /// Role title id → its singular name ("envoy-extraordinary-minister-plenipotentiary" →
    /// "Envoy Extraordinary and Minister Plenipotentiary").
    roles: HashMap<String, String>,
    terms: Vec<Term>,
}

#[derive(Debug)]
struct Term {
    person: String,
    /// The office's name, or for a chief of mission `None` and the role and territory.
    office: Option<String>,
    role: String,
    territory: String,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

/// One record's leaves: path below the record ("started/date") → text.
type Leaves = Vec<(String, String)>;

impl Builder {
    /// A builder that has read nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A file of `people/`: one person.
    pub fn person(&mut self, file: &str, bytes: &[u8]) -> Result<(), ParseError> {
        let leaves = records(file, bytes, "person")?;
        for r in leaves {
            let get = |k: &str| value(&r, k);
            let id = get("id");
            if id.is_empty() {
                continue;
            }
            self.people.push((
                id.to_string(),
                Person {
                    surname: get("persName/surname").to_string(),
                    forename: get("persName/forename").to_string(),
                },
            ));
        }
        Ok(())
    }

    /// A file of `roles-country-chiefs/`: the name of a chief of mission's title.
    pub fn role(&mut self, file: &str, bytes: &[u8]) -> Result<(), ParseError> {
        for r in records(file, bytes, "role")? {
            let id = value(&r, "id");
            let name = value(&r, "names/singular");
            if !id.is_empty() && !name.is_empty() {
                self.roles.insert(id.to_string(), name.to_string());
            }
        }
        Ok(())
    }

    /// A file of `positions-principals/`: an office of the Department and its holders.
    pub fn principal_position(&mut self, file: &str, bytes: &[u8]) -> Result<(), ParseError> {
        let text = decode_text(file, bytes)?;
        let office = leaves_of(file, &text, "principal-position", &["principal"])?
            .into_iter()
            .next()
            .map(|r| value(&r, "names/singular").to_string())
            .unwrap_or_default();
        for r in leaves_of(file, &text, "principal", &[])? {
            self.terms.push(term(&r, Some(office.clone()), ""));
        }
        Ok(())
    }

    /// A file of `missions-countries/`: the chiefs of one country's mission.
    pub fn country_mission(&mut self, file: &str, bytes: &[u8]) -> Result<(), ParseError> {
        let stem = file
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(file)
            .trim_end_matches(".xml");
        let territory = territory_name(stem);
        for r in records(file, bytes, "chief")? {
            self.terms.push(term(&r, None, &territory));
        }
        Ok(())
    }

    /// The register. Terms of a person the `people/` files do not have are dropped.
    pub fn finish(self) -> Register {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut people = Vec::new();
        let mut sorted = self.people;
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        for (id, p) in sorted {
            index.insert(id, people.len() as u32);
            people.push(p);
        }
        let mut offices: Vec<String> = Vec::new();
        let mut office_index: HashMap<String, u32> = HashMap::new();
        let mut tenures = Vec::new();
        for t in self.terms {
            let Some(&person) = index.get(&t.person) else {
                continue;
            };
            let name = t.office.unwrap_or_else(|| {
                let role = self
                    .roles
                    .get(&t.role)
                    .cloned()
                    .unwrap_or_else(|| territory_name(&t.role));
                format!("{role} to {}", t.territory)
            });
            let office = *office_index.entry(name.clone()).or_insert_with(|| {
                offices.push(name);
                offices.len() as u32 - 1
            });
            tenures.push(Tenure {
                person,
                office,
                start: t.start,
                end: t.end,
            });
        }
        Register::new(people, offices, tenures)
    }
}

fn term(r: &Leaves, office: Option<String>, territory: &str) -> Term {
    let start = ["appointed/date", "arrived/date", "started/date"]
        .iter()
        .filter_map(|k| register_date(value(r, k), false))
        .min();
    Term {
        person: value(r, "person-id").to_string(),
        office,
        role: value(r, "role-title-id").to_string(),
        territory: territory.to_string(),
        start,
        end: register_date(value(r, "ended/date"), true),
    }
}

fn value<'a>(r: &'a Leaves, key: &str) -> &'a str {
    r.iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

/// "united-kingdom" → "United Kingdom": the register names territories by id only.
fn territory_name(id: &str) -> String {
    id.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if !matches!(w, "and" | "of" | "the") => {
                    f.to_uppercase().chain(c).collect::<String>()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn records(file: &str, bytes: &[u8], record: &str) -> Result<Vec<Leaves>, ParseError> {
    leaves_of(file, &decode_text(file, bytes)?, record, &[])
}

/// The leaves of every `record` element, each keyed by its path below the record.
/// Elements named in `skip` are left out with everything inside them.
fn leaves_of(
    file: &str,
    text: &str,
    record: &str,
    skip: &[&str],
) -> Result<Vec<Leaves>, ParseError> {
    let mut xml = Xml::new(text);
    let mut out: Vec<Leaves> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    // Depth of the open record element in `path`, and of a skipped element.
    let mut inside: Option<usize> = None;
    let mut skipping: Option<usize> = None;
    let mut buf = String::new();
    loop {
        let ev = xml.next().map_err(|e| {
            ParseError::of(file, e.kind, e.message).at(position_of(text.as_bytes(), e.offset))
        })?;
        match ev {
            Ev::Start(tag) => {
                path.push(tag.name.to_string());
                if skipping.is_none() && skip.contains(&tag.name) {
                    skipping = Some(path.len());
                }
                if inside.is_none() && tag.name == record {
                    inside = Some(path.len());
                    out.push(Vec::new());
                }
                buf.clear();
            }
            Ev::Empty(_) => buf.clear(),
            Ev::Text(t) => buf.push_str(&t),
            Ev::End => {
                if let (Some(depth), None) = (inside, skipping) {
                    if path.len() > depth {
                        let key = path[depth..].join("/");
                        let v = buf.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !v.is_empty() {
                            if let Some(r) = out.last_mut() {
                                r.push((key, v));
                            }
                        }
                    }
                }
                if skipping == Some(path.len()) {
                    skipping = None;
                }
                if inside == Some(path.len()) {
                    inside = None;
                }
                path.pop();
                buf.clear();
            }
            Ev::Eof => break,
        }
    }
    Ok(out)
}

/// Reads a POCOM folder (native only: the app loads the compact table instead).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_dir(dir: &std::path::Path) -> Result<Register, ParseError> {
    let mut b = Builder::new();
    let files = |sub: &str| -> Result<Vec<std::path::PathBuf>, ParseError> {
        let mut out = Vec::new();
        let mut stack = vec![dir.join(sub)];
        while let Some(d) = stack.pop() {
            let entries =
                std::fs::read_dir(&d).map_err(|e| ParseError::io(&d.to_string_lossy(), &e))?;
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "xml") {
                    out.push(p);
                }
            }
        }
        out.sort();
        Ok(out)
    };
    let read = |p: &std::path::Path| {
        std::fs::read(p).map_err(|e| ParseError::io(&p.to_string_lossy(), &e))
    };
    for p in files("people")? {
        b.person(&p.to_string_lossy(), &read(&p)?)?;
    }
    for p in files("roles-country-chiefs")? {
        b.role(&p.to_string_lossy(), &read(&p)?)?;
    }
    for p in files("positions-principals")? {
        b.principal_position(&p.to_string_lossy(), &read(&p)?)?;
    }
    for p in files("missions-countries")? {
        b.country_mission(&p.to_string_lossy(), &read(&p)?)?;
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_principal_office_and_its_holder() {
        let mut b = Builder::new();
        b.person(
            "people/g/gresham-walter-quintin.xml",
            br#"<person><id>gresham-walter-quintin</id><persName><surname>Gresham</surname>
            <forename>Walter Quintin</forename></persName></person>"#,
        )
        .unwrap();
        b.principal_position(
            "positions-principals/secretary.xml",
            br#"<principal-position><id>secretary</id><names><singular>Secretary of State</singular></names>
            <principals><principal><person-id>gresham-walter-quintin</person-id>
            <appointed><date>1893-03-06</date><note/></appointed>
            <started><date>1893-03-07</date></started><ended><date>1895-05-28</date></ended>
            </principal></principals></principal-position>"#,
        )
        .unwrap();
        let r = b.finish();
        assert_eq!(r.offices(), ["Secretary of State"]);
        let p = r.with_surname("gresham")[0];
        let t: Vec<_> = r.tenures_of(p).collect();
        assert_eq!(t[0].start, NaiveDate::from_ymd_opt(1893, 3, 6));
        assert_eq!(t[0].end, NaiveDate::from_ymd_opt(1895, 5, 28));
    }

    #[test]
    fn a_chief_of_mission_is_named_by_role_and_territory() {
        let mut b = Builder::new();
        b.person(
            "p.xml",
            b"<person><id>kerr</id><persName><surname>Kerr</surname></persName></person>",
        )
        .unwrap();
        b.role(
            "r.xml",
            b"<role><id>charge-daffaires</id><names><singular>Charg\xc3\xa9 d'Affaires</singular></names></role>",
        )
        .unwrap();
        b.country_mission(
            "missions-countries/nicaragua.xml",
            b"<country-mission><chiefs><chief><person-id>kerr</person-id>\
              <role-title-id>charge-daffaires</role-title-id><started><date>1852-02</date></started>\
              </chief></chiefs></country-mission>",
        )
        .unwrap();
        let r = b.finish();
        assert_eq!(r.offices(), ["Chargé d'Affaires to Nicaragua"]);
        assert_eq!(r.tenures()[0].start, NaiveDate::from_ymd_opt(1852, 2, 1));
        assert_eq!(r.tenures()[0].end, None);
    }

    #[test]
    fn a_broken_file_is_named_with_its_position() {
        let mut b = Builder::new();
        let e = b
            .person("people/x/broken.xml", b"<person>\n<id>x</id>\n<persName>")
            .unwrap_err();
        assert_eq!(e.file, "people/x/broken.xml");
        assert!(e.line.is_some(), "{e}");
    }
}
