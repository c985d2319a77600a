//! Correspondents across documents: "Mr. Seward", "The Secretary of State (Seward)" and
//! `persName/@corresp="#p_SWH1"` become one person when the evidence says so, and a bare
//! office ("the Secretary of State") becomes its holder when the same volume shows who
//! held it at that time (a heading that names them, or the telegram's signature).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::when::Minute;
use crate::model::{Entry, Party};

/// A correspondent's index in [`Parties::records`].
pub type PartyId = u32;

/// Whether a correspondent is a person or an office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartyKind {
    /// A person ("Haig", "Seward").
    Person,
    /// An office whose holder is not known ("the Secretary of State", "Department of State").
    Office,
}

/// One correspondent, as the timeline shows and filters them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PartyRecord {
    /// Normalised key (`haig|a`, `office:department of state`).
    pub key: String,
    /// How it is shown ("Haig", "Department of State").
    pub label: String,
    /// The fullest name the volumes give ("Haig, Alexander M., Jr.").
    pub full_name: Option<String>,
    /// Person or office.
    pub kind: PartyKind,
    /// Distinct raw texts it was written as (first few).
    pub raw: Vec<String>,
    /// How many documents name it as sender or recipient.
    pub documents: u32,
}

/// A party as one document wrote it, before interning.
#[derive(Debug, Clone)]
pub struct Observation {
    /// The party as the heading (or a carried letter) names it.
    pub party: Party,
    /// The id of the document's volume (`frus1981-88v03`; empty when unknown).
    pub volume: String,
    /// The document's first minute, when it is placed in time.
    pub at: Option<Minute>,
    /// A name the document supplies for a bare office (its signature), if any.
    pub signed: Option<String>,
}

/// How an observation was resolved: the party and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The correspondent it resolved to.
    pub id: PartyId,
    /// `None` when the heading named them; otherwise the evidence ("holder of the office
    /// of Secretary of State in this volume: Haig, July 20, 1981").
    pub evidence: Option<String>,
}

/// Every correspondent of the open documents, interned by normalised key.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Parties {
    /// The correspondents; a [`PartyId`] indexes them.
    pub records: Vec<PartyRecord>,
    /// Rebuilt from the records after decoding (`reindexed`): a map's order would make
    /// a summary's bytes differ from one packing to the next.
    #[serde(skip)]
    by_key: HashMap<String, PartyId>,
    department: Vec<bool>,
}

impl Parties {
    /// The lookup by key built again (after decoding).
    pub(crate) fn reindexed(mut self) -> Self {
        self.by_key = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.key.clone(), i as PartyId))
            .collect();
        self
    }

    /// The correspondent with this id.
    pub fn get(&self, id: PartyId) -> &PartyRecord {
        &self.records[id as usize]
    }

    /// The party with this key; a bare surname ("hull") finds "hull|c" when only one person
    /// of that surname is known (what a hand-written URL says).
    pub fn find(&self, key: &str) -> Option<PartyId> {
        if let Some(&id) = self.by_key.get(key) {
            return Some(id);
        }
        let prefix = format!("{key}|");
        let mut found = self
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.key.starts_with(&prefix));
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i as PartyId),
            _ => None,
        }
    }

    /// How many correspondents there are.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there are no correspondents.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The id of the party with `r`'s key, taking `r`'s forms and full name; a party not
    /// known yet is added, with no documents counted (its caller counts them).
    pub(crate) fn merge(&mut self, r: &PartyRecord) -> PartyId {
        match self.by_key.get(&r.key) {
            Some(&id) => {
                let mine = &mut self.records[id as usize];
                for raw in &r.raw {
                    if mine.raw.len() < 6 && !mine.raw.contains(raw) {
                        mine.raw.push(raw.clone());
                    }
                }
                if mine.full_name.is_none() {
                    mine.full_name.clone_from(&r.full_name);
                }
                id
            }
            None => {
                let id = self.records.len() as PartyId;
                self.records.push(PartyRecord {
                    documents: 0,
                    ..r.clone()
                });
                self.by_key.insert(r.key.clone(), id);
                id
            }
        }
    }

    fn intern(&mut self, key: String, label: &str, kind: PartyKind, raw: &str) -> PartyId {
        let id = match self.by_key.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.records.len() as PartyId;
                self.records.push(PartyRecord {
                    key: key.clone(),
                    label: label.to_string(),
                    full_name: None,
                    kind,
                    raw: Vec::new(),
                    documents: 0,
                });
                self.by_key.insert(key, id);
                id
            }
        };
        let r = &mut self.records[id as usize];
        if r.raw.len() < 6 && !r.raw.iter().any(|x| x == raw) {
            r.raw.push(raw.to_string());
        }
        id
    }

    /// Is this party on the Department's side (the Secretary of State, an Acting
    /// Secretary, the Department itself, or a person known to hold one of those)?
    pub fn is_department(&self, id: PartyId) -> bool {
        match self.department.get(id as usize) {
            Some(&d) => d,
            None => self.compute_department(id),
        }
    }

    /// Caches `is_department` for every party (thread resolution asks it often).
    pub fn seal(&mut self) {
        self.department = (0..self.records.len() as PartyId)
            .map(|i| self.compute_department(i))
            .collect();
    }

    fn compute_department(&self, id: PartyId) -> bool {
        let r = self.get(id);
        match r.kind {
            PartyKind::Office => department_office(&r.key),
            PartyKind::Person => r
                .raw
                .iter()
                .any(|raw| department_office(&raw.to_lowercase())),
        }
    }
}

/// Resolves every observation (in order) to a party.
pub fn resolve(
    observations: &[Observation],
    persons: &HashMap<&str, &[Entry]>,
) -> (Parties, Vec<Resolved>) {
    let lookup = |vol: &str, id: &str| -> Option<&Entry> {
        let id = id.trim_start_matches('#');
        persons.get(vol)?.iter().find(|e| e.id == id)
    };
    // 1. Each named observation's surname and given-name initial.
    struct Named {
        surname: String,
        display: String,
        initial: Option<char>,
        full: Option<String>,
    }
    let named: Vec<Option<Named>> = observations
        .iter()
        .map(|o| {
            let entry = o.party.id.as_deref().and_then(|id| lookup(&o.volume, id));
            let name = o.party.name.as_deref().or(o.signed.as_deref());
            let (display, key) = name
                .and_then(surname)
                .or_else(|| entry.and_then(|e| surname(&e.name)))?;
            let initial = entry.and_then(|e| given_initial(&e.name));
            Some(Named {
                surname: key,
                display,
                initial,
                full: entry.map(|e| e.name.clone()),
            })
        })
        .collect();
    // 2. Which initials each surname carries, per volume and overall.
    let mut per_volume: HashMap<(&str, &str), Vec<char>> = HashMap::new();
    let mut overall: HashMap<&str, Vec<char>> = HashMap::new();
    for (o, n) in observations.iter().zip(&named) {
        if let Some(Named {
            surname,
            initial: Some(i),
            ..
        }) = n
        {
            let v = per_volume
                .entry((o.volume.as_str(), surname.as_str()))
                .or_default();
            if !v.contains(i) {
                v.push(*i);
            }
            let v = overall.entry(surname.as_str()).or_default();
            if !v.contains(i) {
                v.push(*i);
            }
        }
    }
    let unique = |v: Option<&Vec<char>>| v.filter(|v| v.len() == 1).map(|v| v[0]);
    // 3. Who held each office, per volume: (time, observation index).
    let mut holders: HashMap<(&str, String), Vec<(Minute, usize)>> = HashMap::new();
    for (i, (o, n)) in observations.iter().zip(&named).enumerate() {
        if let (Some(role), Some(_), Some(at)) = (o.party.role.as_deref(), n, o.at) {
            holders
                .entry((o.volume.as_str(), office_key(role)))
                .or_default()
                .push((at, i));
        }
    }
    let mut parties = Parties::default();
    let mut out = Vec::with_capacity(observations.len());
    let person_id = |parties: &mut Parties, i: usize, raw: &str| -> PartyId {
        let o = &observations[i];
        let n = named[i].as_ref().expect("named");
        let initial = n
            .initial
            .or_else(|| unique(per_volume.get(&(o.volume.as_str(), n.surname.as_str()))))
            .or_else(|| unique(overall.get(n.surname.as_str())));
        let key = match initial {
            Some(c) => format!("{}|{c}", n.surname),
            None => n.surname.clone(),
        };
        let id = parties.intern(key, &n.display, PartyKind::Person, raw);
        if let (Some(full), r) = (&n.full, &mut parties.records[id as usize]) {
            if r.full_name.as_ref().is_none_or(|f| f.len() < full.len()) {
                r.full_name = Some(full.clone());
            }
        }
        id
    };
    for (i, o) in observations.iter().enumerate() {
        let raw = o.party.text.as_str();
        if named[i].is_some() {
            let id = person_id(&mut parties, i, raw);
            let evidence = (o.party.name.is_none() && o.signed.is_some())
                .then(|| format!("signed “{}”", o.signed.as_deref().unwrap_or_default()));
            out.push(Resolved { id, evidence });
            continue;
        }
        let role = o.party.role.as_deref().unwrap_or(raw);
        let office = office_key(role);
        // A bare office: its holder at that time in this volume (within two years).
        let holder = o.at.and_then(|at| {
            holders
                .get(&(o.volume.as_str(), office.clone()))?
                .iter()
                .filter(|(t, _)| (t - at).abs() <= 2 * 366 * 1440)
                .min_by_key(|(t, _)| (t - at).abs())
                .copied()
        });
        if let Some((t, j)) = holder {
            let id = person_id(&mut parties, j, raw);
            let who = parties.get(id).label.clone();
            let when = super::when::iso_day(t);
            out.push(Resolved {
                id,
                evidence: Some(format!(
                    "{} held the office of {} in this volume on {when}",
                    who,
                    title_case(&office)
                )),
            });
        } else {
            let id = parties.intern(
                format!("office:{office}"),
                &as_printed(role),
                PartyKind::Office,
                raw,
            );
            out.push(Resolved { id, evidence: None });
        }
    }
    (parties, out)
}

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "miss",
    "messrs",
    "señor",
    "senor",
    "sr",
    "don",
    "dr",
    "sir",
    "lord",
    "earl",
    "baron",
    "count",
    "marquis",
    "prince",
    "duke",
    "m",
    "herr",
    "general",
    "admiral",
    "captain",
    "commander",
    "colonel",
    "major",
    "president",
    "king",
    "emperor",
    "hon",
    "honorable",
    "his",
    "excellency",
    "viscount",
    "monsieur",
];

const PARTICLES: &[&str] = &["de", "da", "van", "von", "del", "di", "la", "le", "du"];

/// The surname as displayed and as keyed: "Haig, Alexander M., Jr." → ("Haig", "haig");
/// "Mr. E. B. Washburne" → ("Washburne", "washburne"); "De Bayle" kept whole.
pub fn surname(name: &str) -> Option<(String, String)> {
    let name = name.trim().trim_end_matches(['.', ',']);
    let (family, _) = match name.split_once(',') {
        Some((f, rest)) => (f.trim(), rest),
        None => (name, ""),
    };
    let words: Vec<&str> = family
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut words: Vec<&str> = words
        .into_iter()
        .skip_while(|w| TITLES.contains(&fold(w.trim_end_matches('.')).as_str()))
        .collect();
    while words
        .last()
        .is_some_and(|w| matches!(*w, "Jr." | "Jr" | "Sr." | "2d" | "3d"))
    {
        words.pop();
    }
    let last = words.iter().rposition(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && !(w.len() <= 2 && w.ends_with('.'))
    })?;
    let mut first = last;
    while first > 0 && PARTICLES.contains(&fold(words[first - 1]).as_str()) {
        first -= 1;
    }
    let display = words[first..=last].join(" ");
    if !display.chars().any(char::is_alphabetic) {
        return None;
    }
    let key = fold(&display);
    Some((display, key))
}

/// The given name's initial in a persons-list name ("Haig, Alexander M., Jr." → 'a').
fn given_initial(name: &str) -> Option<char> {
    let (_, given) = name.split_once(',')?;
    given
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .find(|w| !w.is_empty() && !TITLES.contains(&fold(w).as_str()))?
        .chars()
        .next()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
}

/// Lowercase without accents or apostrophe variants (keys only, never shown).
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// An office's key: "the Secretary" and "Secretary of State" are one office (FRUS is the
/// Department of State's series), possessives and articles dropped.
pub fn office_key(role: &str) -> String {
    let r = fold(role.trim());
    let r = r.strip_prefix("the ").unwrap_or(&r).trim().to_string();
    let r = r
        .trim_end_matches("'s")
        .trim_end_matches(['.', ','])
        .to_string();
    match r.as_str() {
        "secretary" => "secretary of state".into(),
        "department" => "department of state".into(),
        "acting secretary" => "acting secretary of state".into(),
        _ => r,
    }
}

fn department_office(key: &str) -> bool {
    let k = key.trim_start_matches("office:");
    k.contains("secretary of state") || k.contains("department of state") || k == "department"
}

/// An office as the heading prints it, accents and case kept ("Consular Agent at
/// Königsberg"), less the article, with a capital first letter.
fn as_printed(role: &str) -> String {
    capitalized(&crate::heading::clean_role(role).unwrap_or_default())
}

/// The word with a capital first letter.
fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &["of", "in", "the", "and", "at", "to", "for", "on"];
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && SMALL.contains(&w) {
                w.to_string()
            } else {
                capitalized(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heading::party;

    #[test]
    fn surnames() {
        assert_eq!(surname("Haig, Alexander M., Jr.").unwrap().1, "haig");
        assert_eq!(surname("Mr. E. B. Washburne").unwrap().0, "Washburne");
        assert_eq!(surname("De Bayle").unwrap().0, "De Bayle");
        assert_eq!(surname("Señor Romero").unwrap().1, "romero");
        assert_eq!(surname("Earl Granville").unwrap().1, "granville");
        assert_eq!(given_initial("Haig, Alexander M., Jr."), Some('a'));
        assert_eq!(office_key("the Secretary"), "secretary of state");
    }

    fn obs(text: &str, vol: &str, at: Minute, id: Option<&str>) -> Observation {
        let mut p = party(text);
        p.id = id.map(str::to_string);
        Observation {
            party: p,
            volume: vol.into(),
            at: Some(at),
            signed: None,
        }
    }

    #[test]
    fn one_person_many_spellings_and_an_office_resolved_to_its_holder() {
        let entries = vec![Entry {
            id: "p_SWH1".into(),
            name: "Seward, William H.".into(),
            description: vec![],
        }];
        let persons = HashMap::from([("frus1861", entries.as_slice())]);
        let o = vec![
            obs("Mr. Seward", "frus1861", 100, None),
            obs("The Secretary of State (Seward)", "frus1861", 200, None),
            obs("Seward", "frus1861", 300, Some("#p_SWH1")),
            obs("the Secretary of State", "frus1861", 250, None),
            obs("the Department of State", "frus1861", 250, None),
        ];
        let (parties, r) = resolve(&o, &persons);
        assert_eq!(r[0].id, r[1].id);
        assert_eq!(r[1].id, r[2].id);
        assert_eq!(r[3].id, r[0].id, "office → holder");
        assert!(r[3]
            .evidence
            .as_deref()
            .unwrap()
            .contains("Secretary of State"));
        assert_ne!(r[4].id, r[0].id);
        let s = parties.get(r[0].id);
        assert_eq!(s.key, "seward|w");
        assert_eq!(
            parties.find("seward"),
            Some(r[0].id),
            "a bare surname, when unique"
        );
        assert_eq!(s.full_name.as_deref(), Some("Seward, William H."));
        assert!(parties.is_department(r[0].id));
        assert!(parties.is_department(r[4].id));
    }
}
