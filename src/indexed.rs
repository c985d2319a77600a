//! What is indexed for search: a segment per open volume or page text, by the entry's id
//! (written by the loader and the store when a record brings one, by the finder when it
//! builds one), and what is being indexed now. Signals only: the finder reads them.

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_search::Segment;

/// The segments of the entries open now.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// (entry id, its segment), in the order they came: a later one is searched first
    /// for a document both hold (a page text read over its volume's copy).
    items: Vec<(String, Arc<Segment>)>,
}

impl PartialEq for Segments {
    fn eq(&self, o: &Self) -> bool {
        self.items.len() == o.items.len()
            && self
                .items
                .iter()
                .zip(&o.items)
                .all(|(a, b)| a.0 == b.0 && Arc::ptr_eq(&a.1, &b.1))
    }
}

impl Segments {
    /// Sets entry `id`'s segment (a newer one replaces it, and comes last).
    pub fn set(&mut self, id: &str, seg: Arc<Segment>) {
        self.items.retain(|(k, _)| k != id);
        self.items.push((id.to_string(), seg));
    }

    /// Forgets entry `id`'s segment.
    pub fn remove(&mut self, id: &str) {
        self.items.retain(|(k, _)| k != id);
    }

    /// Whether entry `id` has one.
    pub fn has(&self, id: &str) -> bool {
        self.items.iter().any(|(k, _)| k == id)
    }

    /// Every segment, the newest first (the order of precedence).
    pub fn newest_first(&self) -> impl Iterator<Item = &Arc<Segment>> {
        self.items.iter().rev().map(|(_, s)| s)
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// An entry being indexed: its title, and how far (0.0 … 1.0).
#[derive(Debug, Clone, PartialEq)]
pub struct Indexing {
    pub title: String,
    pub progress: f64,
}

/// What is indexed for search, in the library.
#[derive(Clone, Copy)]
pub struct Indexed {
    pub segments: RwSignal<Segments>,
    /// What is being indexed now, for the reader to see.
    pub indexing: RwSignal<Option<Indexing>>,
}

impl Default for Indexed {
    fn default() -> Self {
        Self::new()
    }
}

impl Indexed {
    pub fn new() -> Self {
        Indexed {
            segments: RwSignal::new(Segments::default()),
            indexing: RwSignal::new(None),
        }
    }

    /// Takes entry `id`'s segment from its record's bytes; bytes that do not read (another
    /// format, damage) are dropped: the segment is built again when a query needs it.
    pub fn add_bytes(&self, id: &str, bytes: Option<&[u8]>) {
        match bytes.map(Segment::from_bytes) {
            Some(Ok(seg)) => self.segments.update(|s| s.set(id, Arc::new(seg))),
            Some(Err(e)) => {
                leptos::logging::warn!("{id}: {e}");
                self.segments.update(|s| s.remove(id));
            }
            None => self.segments.update(|s| s.remove(id)),
        }
    }

    /// Forgets entry `id`'s segment (put away).
    pub fn remove(&self, id: &str) {
        self.segments.update(|s| s.remove(id));
    }

    /// How many entries are indexed (tracked).
    pub fn indexed(&self) -> usize {
        self.segments.with(Segments::len)
    }
}
