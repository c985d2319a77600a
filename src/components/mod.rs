//! Views of documents, built from the core's model.

pub mod document;
pub mod entities;
pub mod footnotes;
pub mod inlines;
pub mod open_files;
pub mod thread;
pub mod timeline;
