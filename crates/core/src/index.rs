//! Indexes over one opened volume, computed once when it is opened: where each printed
//! page is, each document's place in the contents (breadcrumbs, previous/next), and which
//! documents mention each person and term. Views read these; they never rescan documents.

use std::collections::{HashMap, HashSet};

use crate::model::{plain_text, Document, Entry, Inline, TocEntry, Volume};

/// A person or term as the index knows it: by its TEI id, else by its name as printed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKey {
    /// By its TEI id (`p_GA_1`).
    Id(String),
    /// By its name as printed, case and spacing folded ("andrei gromyko").
    Name(String),
}

impl EntityKey {
    /// The key of a `persName`/`gloss` span: its id, else its text (case and spacing folded).
    pub fn of(id: Option<&str>, inlines: &[Inline]) -> EntityKey {
        match id {
            Some(id) => EntityKey::Id(id.to_string()),
            None => EntityKey::Name(
                plain_text(inlines)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase(),
            ),
        }
    }
}

/// A person or term named in a document, as the reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// A person (`persName`), else a term (`gloss`).
    pub person: bool,
    /// How the volume's indexes know it.
    pub key: EntityKey,
    /// The list id (`p_GA_1`, or `frus1917Supp02v01#p_LR1` in another volume's list).
    pub id: Option<String>,
    /// The name as printed the first time.
    pub text: String,
}

/// The people and the terms a document names, each once, in order of first appearance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    /// The people (`persName` spans).
    pub people: Vec<Named>,
    /// The terms (`gloss` spans).
    pub terms: Vec<Named>,
}

impl Entities {
    /// Walks every region of `doc` (heading, blocks, table cells, notes) once.
    pub fn of(doc: &Document) -> Entities {
        let mut out = Entities::default();
        let mut seen: HashSet<(bool, EntityKey)> = HashSet::new();
        for inline in doc.inlines() {
            let (person, e) = match inline {
                Inline::Person(e) => (true, e),
                Inline::Term(e) => (false, e),
                _ => continue,
            };
            let key = EntityKey::of(e.id.as_deref(), &e.inlines);
            if seen.insert((person, key.clone())) {
                let named = Named {
                    person,
                    key,
                    id: e.id.clone(),
                    text: plain_text(&e.inlines),
                };
                if person {
                    out.people.push(named);
                } else {
                    out.terms.push(named);
                }
            }
        }
        out
    }

    /// Whether the document names no person and no term.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.terms.is_empty()
    }
}

/// What a volume holds, counted once when it is opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VolumeStats {
    /// Documents in the volume.
    pub documents: usize,
    /// Footnotes, across all its documents.
    pub footnotes: usize,
    /// Printed page breaks.
    pub pages: usize,
    /// Documents with a date.
    pub dated: usize,
    /// The earliest and latest dates (ISO, as in [`crate::DateInfo::iso`]).
    pub first_date: Option<String>,
    /// The latest date (ISO).
    pub last_date: Option<String>,
}

impl VolumeStats {
    /// Counts `docs`.
    pub fn of(docs: &mut dyn Iterator<Item = &Document>) -> Self {
        let mut s = VolumeStats::default();
        for d in docs {
            s.documents += 1;
            s.footnotes += d.footnotes.len();
            s.pages += d.pages.len();
            if let Some(date) = &d.date {
                s.dated += 1;
                let iso = &date.iso;
                if s.first_date.as_ref().is_none_or(|f| iso < f) {
                    s.first_date = Some(iso.clone());
                }
                if s.last_date.as_ref().is_none_or(|l| iso > l) {
                    s.last_date = Some(iso.clone());
                }
            }
        }
        s
    }

    /// Documents without a date.
    pub fn undated(&self) -> usize {
        self.documents - self.dated
    }
}

/// The lookups of one opened volume.
#[derive(Debug, Clone, Default)]
pub struct VolumeIndex {
    /// Document id → its position in the volume.
    pub position: HashMap<String, usize>,
    /// Printed page → the document in which it begins.
    pub pages: HashMap<String, String>,
    /// Document id → the titles of the sections around it, outermost first.
    pub sections: HashMap<String, Vec<String>>,
    /// Person → the documents that name them, in volume order (no repeats).
    pub people: HashMap<EntityKey, Vec<String>>,
    /// Term → the documents that name it, in volume order (no repeats).
    pub terms: HashMap<EntityKey, Vec<String>>,
    persons_by_id: HashMap<String, usize>,
    terms_by_id: HashMap<String, usize>,
    /// Per document (by position): the people and terms it names.
    entities: Vec<Entities>,
    stats: VolumeStats,
}

impl VolumeIndex {
    /// Indexes `docs`, the documents of `volume` in volume order.
    pub fn build(volume: &Volume, docs: &[Document]) -> Self {
        let mut ix = VolumeIndex {
            stats: VolumeStats::of(&mut docs.iter()),
            ..Default::default()
        };
        for (i, d) in docs.iter().enumerate() {
            ix.position.insert(d.id.clone(), i);
            for p in &d.pages {
                ix.pages.entry(p.clone()).or_insert_with(|| d.id.clone());
            }
            let named = Entities::of(d);
            for n in &named.people {
                ix.people
                    .entry(n.key.clone())
                    .or_default()
                    .push(d.id.clone());
            }
            for n in &named.terms {
                ix.terms
                    .entry(n.key.clone())
                    .or_default()
                    .push(d.id.clone());
            }
            ix.entities.push(named);
        }
        fn sections(e: &TocEntry, path: &mut Vec<String>, out: &mut HashMap<String, Vec<String>>) {
            if let Some(id) = &e.document {
                out.insert(id.clone(), path.clone());
                return;
            }
            path.push(e.title.clone());
            for c in &e.children {
                sections(c, path, out);
            }
            path.pop();
        }
        for e in &volume.toc {
            sections(e, &mut Vec::new(), &mut ix.sections);
        }
        ix.persons_by_id = volume
            .persons
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        ix.terms_by_id = volume
            .terms
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        ix
    }

    /// Documents, footnotes, pages and dates of the volume.
    pub fn stats(&self) -> &VolumeStats {
        &self.stats
    }

    /// The people and terms document `id` names (empty for a document not in the volume).
    pub fn entities(&self, id: &str) -> Option<&Entities> {
        self.entities.get(*self.position.get(id)?)
    }

    /// The documents of the volume that name `n`, in volume order.
    pub fn mentions(&self, n: &Named) -> &[String] {
        let map = if n.person { &self.people } else { &self.terms };
        map.get(&n.key).map_or(&[], Vec::as_slice)
    }

    /// The front-matter entry of a person id (`p_BND1`).
    pub fn person<'v>(&self, volume: &'v Volume, id: &str) -> Option<&'v Entry> {
        volume.persons.get(*self.persons_by_id.get(id)?)
    }

    /// The front-matter entry of a term id (`t_UN_1`).
    pub fn term<'v>(&self, volume: &'v Volume, id: &str) -> Option<&'v Entry> {
        volume.terms.get(*self.terms_by_id.get(id)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_people_and_sections_of_a_volume() {
        let xml = r##"<TEI xml:id="frus1918x"><text><body>
<div type="chapter" xml:id="ch1"><head>Russia:</head>
<div type="document" xml:id="d1" n="1"><head>Mr. <persName corresp="#p_A1">Francis</persName> to Mr. Lansing</head><p>Text <pb n="2"/>more, <persName>Trotsky</persName>.</p></div>
<div type="document" xml:id="d2" n="2"><head>Mr. Lansing to Mr. <persName corresp="#p_A1">Francis</persName></head><p>See <gloss target="#t_X">X</gloss>.</p></div>
</div></body></text></TEI>"##;
        let v = crate::parse_volume("x.xml", xml.as_bytes()).unwrap();
        let ix = VolumeIndex::build(&v.volume, &v.documents);
        assert_eq!(ix.pages.get("2").map(String::as_str), Some("frus1918x-d1"));
        assert_eq!(ix.position["frus1918x-d2"], 1);
        assert_eq!(ix.sections["frus1918x-d2"], ["Russia"]);
        assert_eq!(
            ix.people[&EntityKey::Id("p_A1".into())],
            ["frus1918x-d1", "frus1918x-d2"]
        );
        assert_eq!(
            ix.people[&EntityKey::Name("trotsky".into())],
            ["frus1918x-d1"]
        );
        assert_eq!(ix.terms[&EntityKey::Id("t_X".into())], ["frus1918x-d2"]);
        let named = ix.entities("frus1918x-d1").unwrap();
        let people: Vec<&str> = named.people.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(people, ["Francis", "Trotsky"]);
        assert!(named.terms.is_empty());
        assert_eq!(
            ix.mentions(&named.people[0]),
            ["frus1918x-d1", "frus1918x-d2"]
        );
        let st = ix.stats();
        assert_eq!(
            (st.documents, st.footnotes, st.pages, st.dated),
            (2, 0, 1, 0)
        );
    }

    #[test]
    fn a_page_break_between_table_rows_is_walked() {
        let xml = r##"<TEI xml:id="frus1918x"><text><body>
<div type="document" xml:id="d1" n="1"><head>A to B</head><table><row><cell>a</cell></row><pb n="7"/><row><cell>b</cell><cell>c</cell></row></table></div>
</body></text></TEI>"##;
        let v = crate::parse_volume("x.xml", xml.as_bytes()).unwrap();
        let d = &v.documents[0];
        let pages: Vec<&Inline> = d
            .inlines()
            .filter(|i| matches!(i, Inline::Page(_)))
            .collect();
        assert_eq!(pages, [&Inline::Page("7".into())]);
        let texts = d
            .inlines()
            .filter(|i| matches!(i, Inline::Text(t) if t.trim() == "b"))
            .count();
        assert_eq!(
            texts, 1,
            "a cell's text once, not again from the row's inlines"
        );
        // A page that begins inside a cell is the cell's, walked once.
        let xml = r##"<TEI xml:id="frus1918x"><text><body>
<div type="document" xml:id="d1" n="1"><head>A to B</head><table><row><cell>a</cell></row><row><cell><pb n="8"/>b</cell></row></table></div>
</body></text></TEI>"##;
        let v = crate::parse_volume("x.xml", xml.as_bytes()).unwrap();
        let d = &v.documents[0];
        let pages = d.inlines().filter(|i| matches!(i, Inline::Page(_))).count();
        assert_eq!(pages, 1);
        assert!(d.blocks[1].pages_before_cells().is_empty());
    }

    #[test]
    fn entities_in_table_cells_are_found_once() {
        let xml = r##"<TEI xml:id="frus1918x"><text><body>
<div type="document" xml:id="d1" n="1"><head>A to B</head><table><row><cell><persName corresp="#p_A1">Francis</persName></cell><cell><gloss target="#t_Z">Z</gloss></cell></row></table><p><persName corresp="#p_A1">F.</persName></p></div>
</body></text></TEI>"##;
        let v = crate::parse_volume("x.xml", xml.as_bytes()).unwrap();
        let named = Entities::of(&v.documents[0]);
        assert_eq!(named.people.len(), 1);
        assert_eq!(named.people[0].text, "Francis");
        assert_eq!(named.terms[0].key, EntityKey::Id("t_Z".into()));
    }
}
