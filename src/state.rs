//! What the app holds: the collection of open documents and volumes, with their indexes,
//! and the files being opened. Shared through context; views read, loaders write.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::correspondence::Correspondence;
use letterbook_core::index::VolumeIndex;
use letterbook_core::timeline;
use letterbook_core::volumes::{destination, volume_label, Destination};
use letterbook_core::{parse_text, Document, Volume};

/// The built-in sample: FRUS 1981–88 vol. III, Document 74 (see `samples/README.md`).
pub const SAMPLE_FILE: &str = "frus1981-88v03-d74.txt";
pub const SAMPLE_TEXT: &str = include_str!("../samples/frus1981-88v03-d74.txt");

/// An opened TEI volume: its description, indexes and what went wrong while reading it.
pub struct OpenVolume {
    pub volume: Volume,
    pub index: VolumeIndex,
    pub file: String,
    /// Errors met while parsing ("file:line:column: message").
    pub errors: Vec<String>,
}

impl OpenVolume {
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

#[derive(Default)]
pub struct Collection {
    docs: Vec<Arc<Document>>,
    by_id: HashMap<String, usize>,
    volumes: Vec<Arc<OpenVolume>>,
}

impl Collection {
    fn insert(&mut self, doc: Arc<Document>) {
        match self.by_id.get(&doc.id) {
            Some(&i) => self.docs[i] = doc,
            None => {
                self.by_id.insert(doc.id.clone(), self.docs.len());
                self.docs.push(doc);
            }
        }
    }
}

/// One file being opened, or opened: shown in the library with its progress or errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Load {
    pub key: u32,
    pub name: String,
    pub bytes: f64,
    /// 0.0 … 1.0 while parsing.
    pub progress: f64,
    pub state: LoadState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Reading,
    Parsing,
    /// What was opened ("639 documents of Foreign Relations, 1934, Volume V"), errors kept.
    Done {
        summary: String,
        href: String,
        errors: Vec<String>,
    },
    Failed(String),
}

/// The correspondence model of everything open, and the timeline's search haystack.
/// Compared by identity: rebuilt only when the collection changes.
#[derive(Clone, Default)]
pub struct Model {
    pub corr: Arc<Correspondence>,
    pub titles: Arc<Vec<String>>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.corr, &other.corr)
    }
}

#[derive(Clone, Copy)]
pub struct Library {
    coll: RwSignal<Collection>,
    /// Built lazily (a memo): only a view that needs threads or the timeline pays for it.
    pub model: Memo<Model>,
    pub loads: RwSignal<Vec<Load>>,
    next_key: StoredValue<u32>,
}

impl Library {
    /// A library holding the built-in sample.
    pub fn with_sample() -> Self {
        let lib = Library::empty();
        match parse_text(SAMPLE_FILE, SAMPLE_TEXT.as_bytes()) {
            Ok(doc) => lib.add(doc),
            Err(e) => leptos::logging::error!("the built-in sample does not parse: {e}"),
        }
        lib
    }

    /// A library with nothing open.
    pub fn empty() -> Self {
        let coll = RwSignal::new(Collection::default());
        let model = Memo::new(move |_| {
            coll.with(|c| {
                let docs: Vec<&Document> = c.docs.iter().map(|d| d.as_ref()).collect();
                let vols: Vec<&Volume> = c.volumes.iter().map(|v| &v.volume).collect();
                let corr = Correspondence::build(&docs, &vols);
                let titles = timeline::titles(&corr);
                Model {
                    corr: Arc::new(corr),
                    titles: Arc::new(titles),
                }
            })
        });
        Library {
            coll,
            model,
            loads: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
        }
    }

    pub fn add(&self, doc: Document) {
        self.coll.update(|c| c.insert(Arc::new(doc)));
    }

    /// Adds documents in one step (one update for all views).
    pub fn add_many(&self, docs: Vec<Document>) {
        self.coll.update(|c| {
            for d in docs {
                c.insert(Arc::new(d));
            }
        });
    }

    /// Adds a volume and its documents in one step (one update for all views).
    pub fn add_volume(&self, volume: OpenVolume, docs: Vec<Document>) {
        self.coll.update(|c| {
            for d in docs {
                c.insert(Arc::new(d));
            }
            c.volumes.retain(|v| v.volume.id != volume.volume.id);
            c.volumes.push(Arc::new(volume));
        });
    }

    pub fn get(&self, id: &str) -> Option<Arc<Document>> {
        self.coll
            .with(|c| c.by_id.get(id).map(|&i| c.docs[i].clone()))
    }

    pub fn get_untracked(&self, id: &str) -> Option<Arc<Document>> {
        self.coll
            .with_untracked(|c| c.by_id.get(id).map(|&i| c.docs[i].clone()))
    }

    pub fn first_id(&self) -> Option<String> {
        self.coll.with(|c| c.docs.first().map(|d| d.id.clone()))
    }

    pub fn volume(&self, id: &str) -> Option<Arc<OpenVolume>> {
        self.coll
            .with(|c| c.volumes.iter().find(|v| v.volume.id == id).cloned())
    }

    pub fn volume_untracked(&self, id: &str) -> Option<Arc<OpenVolume>> {
        self.coll
            .with_untracked(|c| c.volumes.iter().find(|v| v.volume.id == id).cloned())
    }

    pub fn volumes(&self) -> Vec<Arc<OpenVolume>> {
        self.coll.with(|c| c.volumes.clone())
    }

    /// Documents that belong to no open volume (page texts, the sample).
    pub fn loose_documents(&self) -> Vec<Arc<Document>> {
        self.coll.with(|c| {
            c.docs
                .iter()
                .filter(|d| {
                    !c.volumes.iter().any(|v| {
                        Some(&v.volume.id) == d.volume.as_ref()
                            && v.index.position.contains_key(&d.id)
                    })
                })
                .cloned()
                .collect()
        })
    }

    pub fn new_load(&self, name: String, bytes: f64) -> u32 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.loads.update(|l| {
            l.push(Load {
                key,
                name,
                bytes,
                progress: 0.0,
                state: LoadState::Reading,
            })
        });
        key
    }

    pub fn update_load(&self, key: u32, f: impl FnOnce(&mut Load)) {
        self.loads.update(|l| {
            if let Some(x) = l.iter_mut().find(|x| x.key == key) {
                f(x);
            }
        });
    }

    /// Where a reference of `from` leads in this collection.
    pub fn follow(&self, from: &Document, target: &str) -> Followed {
        match destination(from.volume.as_deref(), target) {
            Destination::Url(u) => Followed::External(u),
            Destination::Document { id, page } => match self.get_untracked(&id) {
                Some(d) => {
                    Followed::Internal(doc_href(&d.id, page.as_deref().map(page_anchor).as_deref()))
                }
                None => Followed::Missing(missing_volume(&id, from)),
            },
            Destination::Page { volume, page } => {
                let same_volume = volume.is_none() || from.volume == volume;
                if same_volume && from.pages.contains(&page) {
                    return Followed::Internal(format!("#{}", page_anchor(&page)));
                }
                let vol_id = volume.clone().or_else(|| from.volume.clone());
                if let Some(v) = vol_id.as_deref().and_then(|v| self.volume_untracked(v)) {
                    if let Some(id) = v.index.pages.get(&page) {
                        return Followed::Internal(doc_href(id, Some(&page_anchor(&page))));
                    }
                }
                let holder = self.coll.with_untracked(|c| {
                    c.docs
                        .iter()
                        .find(|d| d.volume == vol_id && d.pages.contains(&page))
                        .map(|d| d.id.clone())
                });
                match holder {
                    Some(id) => Followed::Internal(doc_href(&id, Some(&page_anchor(&page)))),
                    None => Followed::Missing(vol_id.filter(|v| Some(v) != from.volume.as_ref())),
                }
            }
            Destination::Volume(v) => match self.volume_untracked(&v) {
                Some(_) => Followed::Internal(volume_href(&v)),
                None => Followed::Missing(Some(v)),
            },
            Destination::Unknown => Followed::Missing(None),
        }
    }
}

/// The other volume a missing document belongs to, if it is another one.
fn missing_volume(id: &str, from: &Document) -> Option<String> {
    let vol = id.rsplit_once("-d").map(|(v, _)| v.to_string())?;
    (Some(&vol) != from.volume.as_ref()).then_some(vol)
}

/// A reference, as the reader can follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Followed {
    /// An in-app route (`/read/…`, `#pg_222`).
    Internal(String),
    /// An http(s) address.
    External(String),
    /// Not in this collection: shown, never linked; names the volume to open when known.
    Missing(Option<String>),
}

impl Followed {
    pub fn is_missing(&self) -> bool {
        matches!(self, Followed::Missing(_))
    }
}

/// "Document 73 is not in this collection." / "… is in Foreign Relations, 1933, Volume V,
/// which is not open."
pub fn missing_text(what: &str, volume: Option<&str>) -> String {
    match volume {
        Some(v) => format!(
            "{what} is in Foreign Relations, {}, which is not open.",
            volume_label(v)
        ),
        None => format!("{what} is not in this collection."),
    }
}

pub fn doc_href(id: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => format!("/read/{id}#{a}"),
        None => format!("/read/{id}"),
    }
}

pub fn volume_href(id: &str) -> String {
    format!("/volume/{id}")
}

pub fn page_anchor(page: &str) -> String {
    format!("pg_{page}")
}
