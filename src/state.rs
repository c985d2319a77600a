//! What the app holds: the collection of open documents and volumes, with their indexes,
//! and the files being opened. Shared through context; views read, loaders write.

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::correspondence::Correspondence;
use letterbook_core::{
    parse_any, parse_text, Collection, Document, Entities, Entry, Named, Parsed, Resolved, Volume,
    VolumeStats,
};

pub use letterbook_core::OpenVolume;

use crate::arc_eq::ArcEq;
use crate::shelf::{Shelf, Site};
use crate::urls::Fragment;
pub use crate::urls::{doc_href, volume_href};

/// The built-in sample letter: FRUS 1981–88 vol. III, Document 74 (see `samples/README.md`).
pub const SAMPLE_FILE: &str = "frus1981-88v03-d74.txt";
pub const SAMPLE_TEXT: &str = include_str!("../samples/frus1981-88v03-d74.txt");
/// The sample letter's id (as its file's name gives it).
pub const SAMPLE_ID: &str = "frus1981-88v03-d74";
/// The built-in excerpt of that volume's TEI, Documents 72–75: a thread to follow (d74
/// answers d73, which carries Haig's letter) and a timeline to draw without any file.
pub const EXCERPT_FILE: &str = "frus1981-88v03-d72-d75.xml";
pub const EXCERPT_XML: &str = include_str!("../samples/frus1981-88v03-d72-d75.xml");

/// How the built-in excerpt's file is named in the library.
const BUILT_IN: &str = " (built in)";

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
    /// Stopped by the reader: nothing of it was opened.
    Cancelled,
}

impl LoadState {
    /// Still being read or parsed (it can be cancelled).
    pub fn under_way(&self) -> bool {
        matches!(self, LoadState::Reading | LoadState::Parsing)
    }
}

/// The correspondence model of everything open.
pub struct Built {
    pub corr: Correspondence,
}

impl Built {
    pub fn new(corr: Correspondence) -> Self {
        Built { corr }
    }
}

/// Compared by identity: rebuilt only when the collection changes.
pub type Model = ArcEq<Built>;

/// The site collection's summary: the correspondence model over all of it, which the
/// timeline draws before (and without) any of its packs.
#[derive(Clone, Default, PartialEq)]
pub enum Summary {
    /// No site collection, or not asked yet.
    #[default]
    None,
    /// Being fetched and read.
    Loading,
    Ready(Model),
    /// It cannot be used (the reason); the timeline shows what is open.
    Failed(String),
}

impl Summary {
    fn model(&self) -> Option<Model> {
        match self {
            Summary::Ready(m) => Some(m.clone()),
            _ => None,
        }
    }
}

/// What the model is built from: the summary, and the open documents it does not cover
/// (dropped files, the samples), compared by identity so that opening one of the site's
/// own volumes builds nothing.
#[derive(Clone)]
struct Sources {
    summary: Option<Model>,
    docs: Vec<Arc<Document>>,
    volumes: Vec<Arc<OpenVolume>>,
}

impl PartialEq for Sources {
    fn eq(&self, o: &Self) -> bool {
        fn same<T>(a: &[Arc<T>], b: &[Arc<T>]) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
        }
        self.summary == o.summary && same(&self.docs, &o.docs) && same(&self.volumes, &o.volumes)
    }
}

impl Sources {
    fn build(&self) -> Model {
        if let Some(s) = self.summary.as_ref().filter(|_| self.docs.is_empty()) {
            return s.clone();
        }
        let docs: Vec<&Document> = self.docs.iter().map(|d| d.as_ref()).collect();
        let vols: Vec<&Volume> = self.volumes.iter().map(|v| &v.volume).collect();
        let mine = Correspondence::build(&docs, &vols);
        ArcEq::new(Built::new(match &self.summary {
            None => mine,
            Some(s) => s.corr.merged(&mine),
        }))
    }
}

#[derive(Clone, Copy)]
pub struct Library {
    coll: RwSignal<Collection>,
    /// Built lazily (a memo): only a view that needs threads or the timeline pays for it.
    pub model: Memo<Model>,
    pub loads: RwSignal<Vec<Load>>,
    /// What the browser's store keeps (written by `storage`).
    pub shelf: RwSignal<Shelf>,
    /// The collection the app's site serves (written by `site`).
    pub site: RwSignal<Site>,
    /// Its summary (written by `site`).
    pub summary: RwSignal<Summary>,
    /// The ids it serves: a page that only asks "is it on the site?" is not built again
    /// at every tick of a download.
    site_ids: Memo<std::collections::HashSet<String>>,
    next_key: StoredValue<u32>,
    /// Search: what is indexed (written by the loader, the store and the finder).
    pub indexed: crate::indexed::Indexed,
}

impl Library {
    /// A library holding the built-in samples: the excerpt of the letter's volume, then the
    /// letter as page text, which takes the place of the excerpt's copy (as a page text
    /// opened over a volume's document does), so that the reference text is what is read.
    pub fn with_sample() -> Self {
        let lib = Library::empty();
        match parse_any(EXCERPT_FILE, EXCERPT_XML.as_bytes()) {
            Ok(Parsed::Volume(v)) => {
                let file = format!("{EXCERPT_FILE}{BUILT_IN}");
                let errors = v.errors.iter().map(|e| e.to_string()).collect();
                let open =
                    OpenVolume::new(v.volume, &v.documents, file, errors).ending_early(&v.errors);
                lib.add_volume(open, v.documents);
            }
            Ok(Parsed::Text(_)) => leptos::logging::error!("the built-in excerpt is not a volume"),
            Err(e) => leptos::logging::error!("the built-in excerpt does not parse: {e}"),
        }
        match parse_text(SAMPLE_FILE, SAMPLE_TEXT.as_bytes()) {
            Ok(doc) => lib.add(doc),
            Err(e) => leptos::logging::error!("the built-in sample does not parse: {e}"),
        }
        lib
    }

    /// The record of open volume or loose document `id`, encoded from the documents the
    /// collection holds (no copy of the model), with its search index when it has one;
    /// `None` if it is not open.
    pub fn encode(&self, id: &str) -> Option<Vec<u8>> {
        self.encode_with(id, None)
    }

    /// [`Library::encode`] with search index bytes `index`.
    pub fn encode_with(&self, id: &str, index: Option<&[u8]>) -> Option<Vec<u8>> {
        use letterbook_core::pack::{encode_parts, Parts};
        self.coll.with_untracked(|c| {
            if let Some(v) = c.volume(id) {
                let docs: Vec<Arc<Document>> = v
                    .volume
                    .documents
                    .iter()
                    .filter_map(|d| c.get(d).cloned())
                    .collect();
                return Some(encode_parts(Parts {
                    volume: Some(&v.volume),
                    documents: &docs,
                    file: &v.file,
                    errors: &v.errors,
                    ends_early: v.ends_early,
                    index,
                }));
            }
            let doc = c.get(id)?;
            Some(encode_parts(Parts {
                volume: None,
                documents: std::slice::from_ref(doc),
                file: "",
                errors: &[],
                ends_early: None,
                index,
            }))
        })
    }

    /// Whether open volume `id` is the built-in excerpt (a kept volume of that id takes its
    /// place).
    pub fn is_built_in(&self, id: &str) -> bool {
        self.volume_untracked(id)
            .is_some_and(|v| v.file.ends_with(BUILT_IN))
    }

    /// Whether the app's site serves volume (or page text) `id`.
    pub fn on_site(&self, id: &str) -> bool {
        self.site_ids.with(|ids| ids.contains(id))
    }

    /// Puts away an open volume and its documents (the built-in sample too).
    pub fn put_away_volume(&self, id: &str) {
        self.coll.update(|c| {
            c.remove_volume(id);
        });
        self.indexed.remove(id);
    }

    /// Puts away a document that belongs to no open volume.
    pub fn put_away_document(&self, id: &str) {
        self.coll.update(|c| {
            c.remove_document(id);
        });
        self.indexed.remove(id);
    }

    /// A library with nothing open.
    pub fn empty() -> Self {
        let coll = RwSignal::new(Collection::default());
        let site = RwSignal::new(Site::default());
        let summary = RwSignal::new(Summary::default());
        let sources = Memo::new(move |_| {
            let summary = summary.with(Summary::model);
            let covered = |id: &str| {
                summary
                    .as_ref()
                    .is_some_and(|s| s.corr.index_of(id).is_some())
            };
            let (docs, volumes) = coll.with(|c| {
                // Beside a site's collection, the built-in samples (the excerpt's
                // documents, the sample letter among them) stay out of its model: merged
                // in, they would make a second copy of a series' summary for four
                // documents that are not the site's. A page text the reader opens is not
                // one of them, even of the same volume.
                let built_in: Vec<&OpenVolume> = c
                    .volumes()
                    .iter()
                    .filter(|v| summary.is_some() && v.file.ends_with(BUILT_IN))
                    .map(|v| v.as_ref())
                    .collect();
                let samples: std::collections::HashSet<&str> = built_in
                    .iter()
                    .flat_map(|v| v.volume.documents.iter().map(String::as_str))
                    .collect();
                let docs = c
                    .documents()
                    .iter()
                    .filter(|d| !covered(&d.id) && !samples.contains(d.id.as_str()))
                    .cloned()
                    .collect();
                let volumes = c
                    .volumes()
                    .iter()
                    .filter(|v| {
                        !built_in.iter().any(|b| b.volume.id == v.volume.id)
                            && !summary
                                .as_ref()
                                .is_some_and(|s| s.corr.volumes.contains(&v.volume.id))
                    })
                    .cloned()
                    .collect();
                (docs, volumes)
            });
            Sources {
                summary,
                docs,
                volumes,
            }
        });
        let model = Memo::new(move |_| sources.with(Sources::build));
        Library {
            coll,
            model,
            loads: RwSignal::new(Vec::new()),
            shelf: RwSignal::new(Shelf::default()),
            site,
            summary,
            site_ids: Memo::new(move |_| site.with(|s| s.ids())),
            next_key: StoredValue::new(0),
            indexed: crate::indexed::Indexed::new(),
        }
    }

    pub fn add(&self, doc: Document) {
        self.coll.update(|c| {
            c.insert(Arc::new(doc));
        });
    }

    /// Adds documents in one step (one update for all views).
    pub fn add_many(&self, docs: Vec<Document>) {
        self.coll.update(|c| {
            for d in docs {
                c.insert(Arc::new(d));
            }
        });
    }

    /// Adds what the store gave back, volumes and page texts, in one step.
    pub fn add_all(&self, items: impl IntoIterator<Item = letterbook_core::pack::Reopened>) {
        use letterbook_core::pack::Reopened;
        let mut items = items.into_iter().peekable();
        if items.peek().is_none() {
            return;
        }
        self.coll.update(|c| {
            for r in items {
                match r {
                    Reopened::Volume(open, docs) => c.add_volume(*open, docs),
                    Reopened::Text(doc) => {
                        c.insert(Arc::new(*doc));
                    }
                }
            }
        });
    }

    /// Adds a volume and its documents in one step (one update for all views).
    pub fn add_volume(&self, volume: OpenVolume, docs: Vec<Document>) {
        self.coll.update(|c| c.add_volume(volume, docs));
    }

    pub fn get(&self, id: &str) -> Option<Arc<Document>> {
        self.coll.with(|c| c.get(id).cloned())
    }

    /// The kiosk's attract screen's letters, from what is open.
    pub fn featured(
        &self,
        config: &letterbook_core::kiosk::KioskConfig,
    ) -> Vec<letterbook_core::kiosk::FeaturedCard> {
        self.coll.with(|c| {
            letterbook_core::kiosk::featured(
                config,
                |id| c.get(id).map(|d| &**d),
                c.documents().iter().map(|d| &**d),
            )
        })
    }

    pub fn get_untracked(&self, id: &str) -> Option<Arc<Document>> {
        self.coll.with_untracked(|c| c.get(id).cloned())
    }

    pub fn volume(&self, id: &str) -> Option<Arc<OpenVolume>> {
        self.coll.with(|c| c.volume(id).cloned())
    }

    pub fn volume_untracked(&self, id: &str) -> Option<Arc<OpenVolume>> {
        self.coll.with_untracked(|c| c.volume(id).cloned())
    }

    pub fn volumes(&self) -> Vec<Arc<OpenVolume>> {
        self.coll.with(|c| c.volumes().to_vec())
    }

    pub fn volumes_untracked(&self) -> Vec<Arc<OpenVolume>> {
        self.coll.with_untracked(|c| c.volumes().to_vec())
    }

    pub fn loose_documents_untracked(&self) -> Vec<Arc<Document>> {
        self.coll
            .with_untracked(|c| c.loose_documents().cloned().collect())
    }

    /// Documents that belong to no open volume (page texts, the sample).
    pub fn loose_documents(&self) -> Vec<Arc<Document>> {
        self.coll.with(|c| c.loose_documents().cloned().collect())
    }

    /// The document where printed `page` of volume `vol` begins.
    pub fn page(&self, vol: &str, page: &str) -> Option<String> {
        self.coll
            .with(|c| c.page(Some(vol), page).map(str::to_string))
    }

    /// Documents, footnotes, pages and dates of open volume `id`.
    pub fn volume_stats(&self, id: &str) -> Option<VolumeStats> {
        self.coll
            .with_untracked(|c| c.volume_stats(id).map(|s| s.into_owned()))
    }

    /// The people and terms `doc` names, each once.
    pub fn entities(&self, doc: &Document) -> Entities {
        self.coll.with_untracked(|c| c.entities(doc).into_owned())
    }

    /// The list entry of person or term `id` of `doc`, with the volume whose list has it.
    pub fn entry(
        &self,
        doc: &Document,
        person: bool,
        id: &str,
    ) -> Option<(Arc<OpenVolume>, Entry)> {
        self.coll.with_untracked(|c| {
            c.entry(doc, person, id)
                .map(|(v, e)| (v.clone(), e.clone()))
        })
    }

    /// The documents of `doc`'s volume that name `n`, in volume order.
    pub fn mentions(&self, doc: &Document, n: &Named) -> Vec<String> {
        self.coll.with_untracked(|c| c.mentions(doc, n).to_vec())
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

    /// A reference's place on history.state.gov (for one that is not open here).
    pub fn online(&self, from: &Document, target: &str) -> Option<String> {
        letterbook_core::volumes::target_online(from.volume.as_deref(), target)
    }

    /// Where a reference of `from` leads in this collection.
    pub fn follow(&self, from: &Document, target: &str) -> Followed {
        match self.coll.with_untracked(|c| c.resolve(from, target)) {
            Resolved::Url(u) => Followed::External(u),
            Resolved::Document { id, page } => Followed::Internal(doc_href(&id, page.as_deref())),
            Resolved::Here { page } => Followed::Internal(Fragment::Page(page).href()),
            Resolved::Volume(v) => Followed::Internal(volume_href(&v)),
            Resolved::Missing { volume } => Followed::Missing(volume),
        }
    }
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
    letterbook_core::presentation::missing(&[what], volume)
}
