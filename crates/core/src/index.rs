//! Indexes over one opened volume, computed once when it is opened: where each printed
//! page is, each document's place in the contents (breadcrumbs, previous/next), and which
//! documents mention each person and term. Views read these; they never rescan documents.

use std::collections::HashMap;

use crate::model::{plain_text, walk, Document, Entry, Inline, TocEntry, Volume};

/// A person or term as the index knows it: by its TEI id, else by its name as printed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKey {
    Id(String),
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
    pub terms: HashMap<EntityKey, Vec<String>>,
    persons_by_id: HashMap<String, usize>,
    terms_by_id: HashMap<String, usize>,
}

impl VolumeIndex {
    pub fn build(volume: &Volume, docs: &[Document]) -> Self {
        let mut ix = VolumeIndex::default();
        for (i, d) in docs.iter().enumerate() {
            ix.position.insert(d.id.clone(), i);
            for p in &d.pages {
                ix.pages.entry(p.clone()).or_insert_with(|| d.id.clone());
            }
            let mut seen_p: Vec<EntityKey> = Vec::new();
            let mut seen_t: Vec<EntityKey> = Vec::new();
            let mut visit = |inl: &Inline| match inl {
                Inline::Person(e) => {
                    let k = EntityKey::of(e.id.as_deref(), &e.inlines);
                    if !seen_p.contains(&k) {
                        seen_p.push(k);
                    }
                }
                Inline::Term(e) => {
                    let k = EntityKey::of(e.id.as_deref(), &e.inlines);
                    if !seen_t.contains(&k) {
                        seen_t.push(k);
                    }
                }
                _ => {}
            };
            walk(&d.head, &mut visit);
            for b in &d.blocks {
                walk(&b.inlines, &mut visit);
                for c in &b.cells {
                    walk(&c.inlines, &mut visit);
                }
            }
            for f in &d.footnotes {
                walk(&f.inlines, &mut visit);
            }
            for k in seen_p {
                ix.people.entry(k).or_default().push(d.id.clone());
            }
            for k in seen_t {
                ix.terms.entry(k).or_default().push(d.id.clone());
            }
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

    /// The front-matter entry of a person id (`p_BND1`).
    pub fn person<'v>(&self, volume: &'v Volume, id: &str) -> Option<&'v Entry> {
        volume.persons.get(*self.persons_by_id.get(id)?)
    }

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
    }
}
