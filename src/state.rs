//! What the app holds: the collection of open documents, shared through context.

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::volumes::{destination, Destination};
use letterbook_core::{parse_text, Document};

/// The built-in sample: FRUS 1981–88 vol. III, Document 74 (see `samples/README.md`).
pub const SAMPLE_FILE: &str = "frus1981-88v03-d74.txt";
pub const SAMPLE_TEXT: &str = include_str!("../samples/frus1981-88v03-d74.txt");

/// The documents open in this session, in the order they were opened.
#[derive(Clone, Copy)]
pub struct Library {
    docs: RwSignal<Vec<Arc<Document>>>,
}

impl Library {
    /// A library holding the built-in sample.
    pub fn with_sample() -> Self {
        let lib = Library {
            docs: RwSignal::new(Vec::new()),
        };
        match parse_text(SAMPLE_FILE, SAMPLE_TEXT.as_bytes()) {
            Ok(doc) => lib.add(doc),
            Err(e) => leptos::logging::error!("the built-in sample does not parse: {e}"),
        }
        lib
    }

    pub fn add(&self, doc: Document) {
        self.docs.update(|docs| {
            docs.retain(|d| d.id != doc.id);
            docs.push(Arc::new(doc));
        });
    }

    pub fn get(&self, id: &str) -> Option<Arc<Document>> {
        self.docs
            .with(|docs| docs.iter().find(|d| d.id == id).cloned())
    }

    pub fn first_id(&self) -> Option<String> {
        self.docs.with(|docs| docs.first().map(|d| d.id.clone()))
    }

    /// Where a reference of `from` leads in this collection.
    pub fn follow(&self, from: &Document, target: &str) -> Followed {
        match destination(from.volume.as_deref(), target) {
            Destination::Url(u) => Followed::External(u),
            Destination::Document { id, page } => match self.get(&id) {
                Some(d) => {
                    Followed::Internal(doc_href(&d.id, page.as_deref().map(page_anchor).as_deref()))
                }
                None => Followed::Missing,
            },
            Destination::Page { volume, page } => {
                let same_volume = volume.is_none() || from.volume == volume;
                if same_volume && from.pages.contains(&page) {
                    return Followed::Internal(format!("#{}", page_anchor(&page)));
                }
                let holder = self.docs.with(|docs| {
                    docs.iter()
                        .find(|d| d.volume == volume && d.pages.contains(&page))
                        .map(|d| d.id.clone())
                });
                match holder {
                    Some(id) => Followed::Internal(doc_href(&id, Some(&page_anchor(&page)))),
                    None => Followed::Missing,
                }
            }
            Destination::Volume(_) | Destination::Unknown => Followed::Missing,
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
    /// Not in this collection: shown, never linked.
    Missing,
}

pub fn doc_href(id: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => format!("/read/{id}#{a}"),
        None => format!("/read/{id}"),
    }
}

pub fn page_anchor(page: &str) -> String {
    format!("pg_{page}")
}
