//! Everything open at once: documents by id, volumes with their indexes, and where a
//! reference or a printed page leads. The CLI and the app hold one each; lookups are by
//! hash, never by scanning the documents.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::index::{Entities, Named, VolumeIndex, VolumeStats};
use crate::model::{Document, Entry, Volume};
use crate::volumes::{destination, volume_label, Destination};

/// An opened volume: its description, indexes, and what went wrong while reading it.
#[derive(Debug, Clone)]
pub struct OpenVolume {
    /// The volume as its TEI describes it: titles, editors, contents, lists.
    pub volume: Volume,
    /// Lookups over its documents: by position, by printed page, by name.
    pub index: VolumeIndex,
    /// The file it was read from.
    pub file: String,
    /// Errors met while parsing ("file:line:column: message").
    pub errors: Vec<String>,
    /// The line where the file ended before the volume did (a cut or partial download):
    /// the volume holds only the documents before it.
    pub ends_early: Option<u32>,
}

/// The line where a file ended before its volume did, from its parse errors.
pub fn ends_early(errors: &[crate::ParseError]) -> Option<u32> {
    errors
        .iter()
        .find(|e| e.kind == crate::ParseErrorKind::Truncated)
        .map(|e| e.line.unwrap_or(0))
}

impl OpenVolume {
    /// Indexes `docs`, the documents of `volume`.
    pub fn new(volume: Volume, docs: &[Document], file: String, errors: Vec<String>) -> Self {
        let index = VolumeIndex::build(&volume, docs);
        OpenVolume {
            volume,
            index,
            file,
            errors,
            ends_early: None,
        }
    }

    /// The same, marked as read from a file that ends early, at `line`, when one of
    /// `errors` says so.
    pub fn ending_early(mut self, errors: &[crate::ParseError]) -> Self {
        self.ends_early = ends_early(errors);
        self
    }

    /// "1934, Volume V".
    pub fn label(&self) -> String {
        volume_label(&self.volume.id)
    }

    /// The documents before and after `id` in the volume.
    pub fn neighbours(&self, id: &str) -> (Option<&str>, Option<&str>) {
        let Some(&i) = self.index.position.get(id) else {
            return (None, None);
        };
        let docs = &self.volume.documents;
        (
            i.checked_sub(1).map(|p| docs[p].as_str()),
            docs.get(i + 1).map(String::as_str),
        )
    }
}

/// Where a reference leads in a collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A document of the collection, perhaps at a printed page.
    Document {
        /// The document's id (`frus1934v05-d12`).
        id: String,
        /// The printed page the reference names, if any.
        page: Option<String>,
    },
    /// A printed page of the document the reference stands in.
    Here {
        /// The printed page ("151").
        page: String,
    },
    /// An open volume's title page.
    Volume(String),
    /// An http(s) address.
    Url(String),
    /// Not in this collection; names the volume to open when it is another one.
    Missing {
        /// The volume to open, when it is not the referring document's own.
        volume: Option<String>,
    },
}

/// The open documents and volumes.
#[derive(Debug, Default)]
pub struct Collection {
    docs: Vec<Arc<Document>>,
    by_id: HashMap<String, usize>,
    volumes: Vec<Arc<OpenVolume>>,
    volume_by_id: HashMap<String, usize>,
    /// `volume#pg_page` → the ids of the documents holding that printed page.
    pages: HashMap<String, Vec<String>>,
    /// By document: replaced (a page text opened over a volume's document) since its
    /// volume indexed it, so that the index no longer describes it.
    replaced: Vec<bool>,
}

impl Collection {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    fn is_replaced(&self, id: &str) -> bool {
        self.by_id.get(id).is_some_and(|&i| self.replaced[i])
    }

    /// Adds a document, or replaces the one with its id (keeping its place); its position.
    pub fn insert(&mut self, doc: Arc<Document>) -> usize {
        let i = match self.by_id.get(&doc.id) {
            Some(&i) => {
                self.replaced[i] = true;
                self.docs[i] = doc;
                i
            }
            None => {
                let i = self.docs.len();
                self.by_id.insert(doc.id.clone(), i);
                self.docs.push(doc);
                self.replaced.push(false);
                i
            }
        };
        let d = &self.docs[i];
        for p in &d.pages {
            let holders = self
                .pages
                .entry(page_key(d.volume.as_deref(), p))
                .or_default();
            if !holders.contains(&d.id) {
                holders.push(d.id.clone());
            }
        }
        i
    }

    /// Adds a volume with its documents, replacing an open volume of the same id.
    pub fn add_volume(
        &mut self,
        volume: OpenVolume,
        docs: impl IntoIterator<Item = impl Into<Arc<Document>>>,
    ) {
        for d in docs {
            let i = self.insert(d.into());
            self.replaced[i] = false;
        }
        let v = Arc::new(volume);
        match self.volume_by_id.get(&v.volume.id) {
            Some(&i) => {
                // The replaced volume leaves its place: the newest is listed last.
                self.volumes.remove(i);
                self.volumes.push(v);
                self.index_volumes();
            }
            None => {
                self.volume_by_id
                    .insert(v.volume.id.clone(), self.volumes.len());
                self.volumes.push(v);
            }
        }
    }

    /// Puts away an open volume and its documents (a copy opened over one of them goes
    /// too: it was read as part of the volume); false if it is not open.
    pub fn remove_volume(&mut self, id: &str) -> bool {
        let Some(&i) = self.volume_by_id.get(id) else {
            return false;
        };
        let v = self.volumes.remove(i);
        self.keep_documents(|d| !v.index.position.contains_key(&d.id));
        self.index_volumes();
        true
    }

    /// Puts away a document that belongs to no open volume; false if there is none such
    /// (a volume's documents go with their volume).
    pub fn remove_document(&mut self, id: &str) -> bool {
        match self.get(id) {
            Some(d) if self.volume_of(d).is_none() => {
                self.keep_documents(|d| d.id != id);
                true
            }
            _ => false,
        }
    }

    /// The volumes by id, after one left its place.
    fn index_volumes(&mut self) {
        self.volume_by_id = self
            .volumes
            .iter()
            .enumerate()
            .map(|(i, v)| (v.volume.id.clone(), i))
            .collect();
    }

    /// Keeps the documents `keep` accepts, in their order, and rebuilds the lookups.
    fn keep_documents(&mut self, keep: impl Fn(&Document) -> bool) {
        let (docs, replaced): (Vec<_>, Vec<_>) = std::mem::take(&mut self.docs)
            .into_iter()
            .zip(std::mem::take(&mut self.replaced))
            .filter(|(d, _)| keep(d))
            .unzip();
        self.by_id.clear();
        self.pages.clear();
        for (i, (d, r)) in docs.into_iter().zip(replaced).enumerate() {
            self.insert(d);
            self.replaced[i] = r;
        }
    }

    /// The document with this id (`frus1934v05-d12`).
    pub fn get(&self, id: &str) -> Option<&Arc<Document>> {
        self.by_id.get(id).map(|&i| &self.docs[i])
    }

    /// Every document, in the order it was added.
    pub fn documents(&self) -> &[Arc<Document>] {
        &self.docs
    }

    /// The open volume with this id (`frus1934v05`).
    pub fn volume(&self, id: &str) -> Option<&Arc<OpenVolume>> {
        self.volume_by_id.get(id).map(|&i| &self.volumes[i])
    }

    /// The open volumes, in the order they were opened.
    pub fn volumes(&self) -> &[Arc<OpenVolume>] {
        &self.volumes
    }

    /// The open volume a document belongs to.
    pub fn volume_of(&self, doc: &Document) -> Option<&Arc<OpenVolume>> {
        self.volume(doc.volume.as_deref()?)
            .filter(|v| v.index.position.contains_key(&doc.id))
    }

    /// Documents that belong to no open volume (page texts, the sample).
    pub fn loose_documents(&self) -> impl Iterator<Item = &Arc<Document>> + '_ {
        self.docs.iter().filter(|d| self.volume_of(d).is_none())
    }

    /// The document where printed `page` of `volume` begins.
    pub fn page(&self, volume: Option<&str>, page: &str) -> Option<&str> {
        if let Some(id) = volume
            .and_then(|v| self.volume(v))
            .and_then(|v| v.index.pages.get(page))
        {
            return Some(id);
        }
        // The first added that still holds it (a replaced copy may not).
        self.pages
            .get(&page_key(volume, page))?
            .iter()
            .filter_map(|id| self.by_id.get(id).map(|&i| (i, &self.docs[i])))
            .filter(|(_, d)| d.pages.iter().any(|p| p == page))
            .min_by_key(|&(i, _)| i)
            .map(|(_, d)| d.id.as_str())
    }

    /// Where reference `target` of document `from` leads.
    pub fn resolve(&self, from: &Document, target: &str) -> Resolved {
        match destination(from.volume.as_deref(), target) {
            Destination::Url(u) => Resolved::Url(u),
            Destination::Document { id, volume, page } => match self.get(&id) {
                Some(d) => Resolved::Document {
                    id: d.id.clone(),
                    page,
                },
                None => Resolved::Missing {
                    volume: volume.filter(|v| Some(v) != from.volume.as_ref()),
                },
            },
            Destination::Page { volume, page } => {
                let same_volume = volume.is_none() || from.volume == volume;
                if same_volume && from.pages.contains(&page) {
                    return Resolved::Here { page };
                }
                let vol = volume.or_else(|| from.volume.clone());
                match self.page(vol.as_deref(), &page) {
                    Some(id) => Resolved::Document {
                        id: id.to_string(),
                        page: Some(page),
                    },
                    None => Resolved::Missing {
                        volume: vol.filter(|v| Some(v) != from.volume.as_ref()),
                    },
                }
            }
            Destination::Volume(v) => match self.volume(&v) {
                Some(_) => Resolved::Volume(v),
                None => Resolved::Missing { volume: Some(v) },
            },
            Destination::Unknown => Resolved::Missing { volume: None },
        }
    }

    /// Documents, footnotes, pages and dates of an open volume, as its documents are now.
    pub fn volume_stats(&self, id: &str) -> Option<Cow<'_, VolumeStats>> {
        let v = self.volume(id)?;
        let docs = &v.volume.documents;
        if !docs.iter().any(|d| self.is_replaced(d)) {
            return Some(Cow::Borrowed(v.index.stats()));
        }
        let mut current = docs.iter().filter_map(|d| self.get(d)).map(|d| d.as_ref());
        Some(Cow::Owned(VolumeStats::of(&mut current)))
    }

    /// The people and terms `doc` names: from its volume's index when the volume is open
    /// (and the index still describes this document).
    pub fn entities(&self, doc: &Document) -> Cow<'_, Entities> {
        let indexed = self
            .volume_of(doc)
            .filter(|_| !self.is_replaced(&doc.id))
            .and_then(|v| v.index.entities(&doc.id));
        match indexed {
            Some(e) => Cow::Borrowed(e),
            None => Cow::Owned(Entities::of(doc)),
        }
    }

    /// The list entry of a person or term id of `doc`, and the volume whose list has it.
    /// An id may name another volume's list (`frus1917Supp02v01#p_LR1`).
    pub fn entry(
        &self,
        doc: &Document,
        person: bool,
        id: &str,
    ) -> Option<(&Arc<OpenVolume>, &Entry)> {
        let (vol, local) = match id.split_once('#') {
            Some((v, local)) => (Some(v), local),
            None => (doc.volume.as_deref(), id),
        };
        let v = self.volume(vol?)?;
        let e = if person {
            v.index.person(&v.volume, local)
        } else {
            v.index.term(&v.volume, local)
        }?;
        Some((v, e))
    }

    /// The documents of `doc`'s volume that name `n` (`doc` among them), in volume order.
    pub fn mentions(&self, doc: &Document, n: &Named) -> &[String] {
        match doc.volume.as_deref().and_then(|v| self.volume(v)) {
            Some(v) => v.index.mentions(n),
            None => &[],
        }
    }
}

/// The key of a printed page of a volume (or of no known volume), as a target writes it.
fn page_key(volume: Option<&str>, page: &str) -> String {
    format!("{}#pg_{page}", volume.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_volume, text::parse_str};

    fn volume() -> Collection {
        let xml = r##"<TEI xml:id="frus1918x"><text><body>
<div type="document" xml:id="d1" n="1"><head>A to B</head><p>Text <pb n="2"/>more; see <ref target="#pg_3">page 3</ref>.</p></div>
<div type="document" xml:id="d2" n="2"><head>B to A</head><p><pb n="3"/>x <ref target="frus1933v05#pg_151">y</ref> <ref target="#d9">z</ref></p></div>
</body></text></TEI>"##;
        let v = parse_volume("x.xml", xml.as_bytes()).unwrap();
        let mut c = Collection::new();
        let open = OpenVolume::new(v.volume, &v.documents, "x.xml".into(), Vec::new());
        c.add_volume(open, v.documents);
        c
    }

    #[test]
    fn references_and_pages_resolve() {
        let c = volume();
        let d1 = c.get("frus1918x-d1").unwrap().clone();
        let d2 = c.get("frus1918x-d2").unwrap().clone();
        assert_eq!(
            c.resolve(&d1, "pg_3"),
            Resolved::Document {
                id: "frus1918x-d2".into(),
                page: Some("3".into())
            }
        );
        assert_eq!(c.resolve(&d1, "pg_2"), Resolved::Here { page: "2".into() });
        assert_eq!(
            c.resolve(&d2, "frus1933v05#pg_151"),
            Resolved::Missing {
                volume: Some("frus1933v05".into())
            }
        );
        assert_eq!(c.resolve(&d2, "d9"), Resolved::Missing { volume: None });
        // Any volume a target names is the one to open, `frus…` or not.
        assert_eq!(
            c.resolve(&d2, "othervol#d3"),
            Resolved::Missing {
                volume: Some("othervol".into())
            }
        );
        assert_eq!(
            c.resolve(&d2, "d1"),
            Resolved::Document {
                id: "frus1918x-d1".into(),
                page: None
            }
        );
        assert_eq!(
            c.resolve(&d2, "frus1918x"),
            Resolved::Volume("frus1918x".into())
        );
        assert_eq!(
            c.resolve(&d2, "https://history.state.gov/"),
            Resolved::Url("https://history.state.gov/".into())
        );
        assert_eq!(c.page(Some("frus1918x"), "3"), Some("frus1918x-d2"));
        assert_eq!(c.loose_documents().count(), 0);
    }

    #[test]
    fn loose_documents_and_their_pages() {
        let mut c = volume();
        let mut d = parse_str("frus1999v01-d4.txt", "4. Letter From A to B\n\nText.\n");
        d.pages = vec!["12".into()];
        c.insert(Arc::new(d));
        let loose: Vec<&str> = c.loose_documents().map(|d| d.id.as_str()).collect();
        assert_eq!(loose, ["frus1999v01-d4"]);
        assert_eq!(c.page(Some("frus1999v01"), "12"), Some("frus1999v01-d4"));
        let d1 = c.get("frus1918x-d1").unwrap().clone();
        assert_eq!(
            c.resolve(&d1, "frus1999v01#pg_12"),
            Resolved::Document {
                id: "frus1999v01-d4".into(),
                page: Some("12".into())
            }
        );
        // A new copy without that page no longer holds it.
        c.insert(Arc::new(parse_str(
            "frus1999v01-d4.txt",
            "4. Letter From A to B\n\nText.\n",
        )));
        assert_eq!(c.page(Some("frus1999v01"), "12"), None);
    }

    #[test]
    fn a_replaced_document_is_described_as_it_is_now() {
        let mut c = volume();
        assert_eq!(c.volume_stats("frus1918x").unwrap().pages, 2);
        let mut d = parse_str("frus1918x-d1.txt", "1. Letter From A to B\n\nText.\n");
        d.volume = Some("frus1918x".into());
        c.insert(Arc::new(d));
        let d1 = c.get("frus1918x-d1").unwrap().clone();
        assert_eq!(c.entities(&d1).into_owned(), Entities::of(&d1));
        let st = c.volume_stats("frus1918x").unwrap();
        assert_eq!((st.documents, st.pages), (2, 1));
        // Opening the volume again describes its own copy again.
        let v = c.volume("frus1918x").unwrap().as_ref().clone();
        let xml = r##"<TEI xml:id="frus1918x"><text><body><div type="document" xml:id="d1" n="1"><head>A to B</head><p>Text <pb n="2"/>more.</p></div></body></text></TEI>"##;
        let again = parse_volume("x.xml", xml.as_bytes()).unwrap();
        c.add_volume(v, again.documents);
        assert_eq!(c.volume_stats("frus1918x").unwrap().pages, 2);
    }

    #[test]
    fn reopening_a_volume_replaces_it() {
        let mut c = volume();
        let v = c.volume("frus1918x").unwrap().as_ref().clone();
        c.add_volume(v, Vec::<Document>::new());
        assert_eq!(c.volumes().len(), 1);
        assert_eq!(c.documents().len(), 2);
    }

    #[test]
    fn volumes_and_loose_documents_are_put_away() {
        let mut c = volume();
        let d = parse_str("frus1999v01-d4.txt", "4. Letter From A to B\n\nText.\n");
        c.insert(Arc::new(d));
        let mut d = parse_str("frus1999v01-d5.txt", "5. Letter From B to A\n\nText.\n");
        d.pages = vec!["13".into()];
        c.insert(Arc::new(d));
        // A volume's document is not loose: it goes only with its volume.
        assert!(!c.remove_document("frus1918x-d1"));
        assert!(c.remove_document("frus1999v01-d4"));
        assert!(!c.remove_document("frus1999v01-d4"));
        assert_eq!(c.page(Some("frus1999v01"), "13"), Some("frus1999v01-d5"));
        assert!(c.remove_volume("frus1918x"));
        assert!(!c.remove_volume("frus1918x"));
        assert!(c.volumes().is_empty() && c.volume("frus1918x").is_none());
        let ids: Vec<&str> = c.documents().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["frus1999v01-d5"]);
        assert!(c.get("frus1918x-d2").is_none());
        assert_eq!(c.page(Some("frus1918x"), "3"), None);
        assert_eq!(c.page(Some("frus1999v01"), "13"), Some("frus1999v01-d5"));
    }
}
