//! What the browser's store keeps, as the views see it (written by `storage`).

/// What a kept entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A TEI volume, by volume id.
    Volume,
    /// A page text's one document, by document id.
    Text,
}

/// What the store says of one entry, without its bytes (listed at once on a visit).
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub id: String,
    pub kind: Kind,
    /// The title the library shows ("Foreign Relations, 1934, Volume V…").
    pub title: String,
    pub documents: u32,
    /// The file it was read from, and its size.
    pub file: String,
    pub source_bytes: f64,
    /// The encoded model's size.
    pub record_bytes: f64,
    /// When it was kept (ms since 1970).
    pub added: f64,
}

impl Kept {
    /// Bytes it takes in the store.
    pub fn bytes(&self) -> f64 {
        self.source_bytes + self.record_bytes
    }
}

/// Where one entry stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Keeping {
    /// Being written.
    Writing,
    /// In the store; `open` once it is in the collection again after a visit began.
    Kept { open: bool },
    /// Open for this visit only: the store refused it (the reason).
    NotKept(String),
}

/// Whether the store can be used.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Status {
    #[default]
    Opening,
    Ready,
    /// IndexedDB cannot be opened here (the reason): nothing will be kept.
    Unavailable(String),
}

/// One entry and its state.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kept: Kept,
    pub state: Keeping,
}

/// Everything the views know of the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shelf {
    pub status: Status,
    pub items: Vec<Item>,
    /// What went wrong with entries already kept (a record read again, one removed).
    pub notices: Vec<String>,
    /// `navigator.storage.persist()`'s answer, once asked (or `persisted()`'s).
    pub persisted: Option<bool>,
    /// `navigator.storage.estimate()`: bytes used and the quota, for this origin.
    pub estimate: Option<(f64, f64)>,
}

impl Shelf {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.kept.id == id)
    }

    /// Entries in the store but not yet back in the collection (any entry, while the
    /// store is still being opened: it may hold it).
    pub fn restoring(&self, id: &str) -> bool {
        self.status == Status::Opening
            || self
                .item(id)
                .is_some_and(|i| i.state == Keeping::Kept { open: false })
    }

    /// How many kept entries are still being opened again (`None` while the store itself
    /// is being opened).
    pub fn still_opening(&self) -> Option<usize> {
        (self.status != Status::Opening).then(|| {
            self.items
                .iter()
                .filter(|i| i.state == Keeping::Kept { open: false })
                .count()
        })
    }

    /// Bytes of everything kept.
    pub fn kept_bytes(&self) -> f64 {
        self.items
            .iter()
            .filter(|i| matches!(i.state, Keeping::Kept { .. }))
            .map(|i| i.kept.bytes())
            .sum()
    }

    pub fn kept_count(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i.state, Keeping::Kept { .. }))
            .count()
    }

    pub(crate) fn set(&mut self, kept: Kept, state: Keeping) {
        match self.items.iter_mut().find(|i| i.kept.id == kept.id) {
            Some(i) => {
                i.kept = kept;
                i.state = state;
            }
            None => self.items.push(Item { kept, state }),
        }
    }

    pub(crate) fn set_state(&mut self, id: &str, state: Keeping) {
        if let Some(i) = self.items.iter_mut().find(|i| i.kept.id == id) {
            i.state = state;
        }
    }

    pub(crate) fn remove(&mut self, id: &str) {
        self.items.retain(|i| i.kept.id != id);
    }
}

/// The collection the app's own site serves (`collection.json` beside the app), if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Site {
    /// Being asked (`collection.json` fetched): nothing to show yet.
    Asking,
    /// Not asked, or there is none: nothing to show.
    #[default]
    None,
    Ready(SiteCollection),
    /// There is a manifest, and it cannot be used (the reason).
    Failed(String),
}

/// A site's collection as the library lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteCollection {
    pub title: String,
    pub documents: u64,
    pub volumes: Vec<SiteVolume>,
    /// The correspondence model of all of it.
    pub summary: letterbook_core::pack::PackFile,
    /// Its search index's table of contents, when it was packed with one.
    pub search: Option<letterbook_core::pack::PackFile>,
}

/// One volume of the site, and where its pack stands.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteVolume {
    pub entry: letterbook_core::pack::PackedVolume,
    pub fetch: Fetch,
}

/// A pack's download.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetch {
    /// On the site, not fetched in this visit.
    Available,
    /// 0.0 … 1.0.
    Downloading(f64),
    /// Fetched and open.
    Done,
    /// The reason ("the pack does not match its hash").
    Failed(String),
}

impl Site {
    /// Volumes (and page texts) the site serves.
    pub fn volume_count(&self) -> usize {
        match self {
            Site::Ready(c) => c.volumes.len(),
            _ => 0,
        }
    }

    /// The ids of what it serves.
    pub fn ids(&self) -> std::collections::HashSet<String> {
        match self {
            Site::Ready(c) => c.volumes.iter().map(|v| v.entry.id.clone()).collect(),
            _ => Default::default(),
        }
    }

    /// Whether the site serves a collection.
    pub fn is_ready(&self) -> bool {
        matches!(self, Site::Ready(_))
    }

    /// The site's search index, when it has one.
    pub fn search_file(&self) -> Option<letterbook_core::pack::PackFile> {
        match self {
            Site::Ready(c) => c.search.clone(),
            _ => None,
        }
    }

    pub fn volume(&self, id: &str) -> Option<&SiteVolume> {
        match self {
            Site::Ready(c) => c.volumes.iter().find(|v| v.entry.id == id),
            _ => None,
        }
    }

    pub(crate) fn set_fetch(&mut self, id: &str, fetch: Fetch) {
        if let Site::Ready(c) = self {
            if let Some(v) = c.volumes.iter_mut().find(|v| v.entry.id == id) {
                v.fetch = fetch;
            }
        }
    }
}
