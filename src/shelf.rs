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

    /// Entries in the store but not yet back in the collection.
    pub fn restoring(&self, id: &str) -> bool {
        self.item(id)
            .is_some_and(|i| i.state == Keeping::Kept { open: false })
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
