//! Views of documents, built from the core's model.

pub mod connection;
pub mod document;
pub mod hits;
pub mod inline;
pub mod notes;
pub mod open_files;
pub mod people;
pub mod popover;
pub mod shortcuts;
pub mod store_panel;
pub mod thread;
