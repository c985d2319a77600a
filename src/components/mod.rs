//! Views of documents, built from the core's model.

pub mod document;
pub mod footnotes;
pub mod inlines;
