//! Letterbook's full-text search: every word of every open and kept document, and of a
//! pack site's whole collection, found on the reader's own machine. No web dependency:
//! the app, the file worker, the CLI and the packer run the same code.
//!
//! Text flows one way: a [`Document`](letterbook_core::Document) → its
//! [`passages`](passages::passages) (fields: heading, body, notes, source, senders,
//! recipients) → words ([`tokens`]) → a [`Segment`] per volume (built a document at a
//! time) → an [`Index`] over the segments (and a site's [`Table`]s) numbered as the
//! correspondence model numbers documents → [`search`] a [`Query`] ([`query::parse`]) →
//! [`Results`], with [`facets`] and [`snippet`]s.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod bits;
pub mod facets;
pub mod fold;
pub mod norm;
pub mod passages;
pub mod query;
pub mod search;
pub mod segment;
pub mod site;
pub mod snippet;
pub mod table;
pub mod tokens;
pub mod varint;

pub use facets::{facets, Facets};
pub use passages::Field;
pub use query::{parse, Node, Query};
pub use search::{search, Hit, Index, Results, Sort, Source};
pub use segment::{Segment, SegmentBuilder, SegmentError};
pub use snippet::{heading_marks, marks, opening, snippet, Mark, Snippet};
pub use table::Table;
