//! Letterbook's core: the document model of FRUS correspondence and the parsers that
//! produce it. No web dependencies: compiled natively for the CLI, tests and benchmarks,
//! and to wasm32 for the app. Data flows one way: bytes → parser → model → indexes → views.
//!
//! The way in is [`open()`] (a file's name and bytes → a stepped parser, whatever the
//! format); the documents go into a [`Collection`], which indexes volumes and resolves
//! references; [`correspondence`] and [`timeline`] are built over everything open, and
//! [`presentation`] words it all for a reader. Parsing internals (the XML gate, the
//! document tree, the page-text passes, inference) are private.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod collection;
pub mod correspondence;
pub mod dates;
pub mod digest;
pub mod doc_id;
pub mod heading;
pub mod index;
mod infer;
mod inline;
mod input;
pub mod kiosk;
pub mod model;
pub mod open;
pub mod pack;
pub mod presentation;
mod refs;
pub mod register;
pub mod render;
pub mod tei;
pub mod text;
pub mod timeline;
pub mod volumes;

pub use collection::{Collection, OpenVolume, Resolved};
pub use doc_id::DocId;
pub use index::{Entities, EntityKey, Named, VolumeIndex, VolumeStats};
pub use input::{check_size, ParseError, ParseErrorKind, Position, MAX_BYTES};
pub use model::*;
pub use open::{open, parse_any, sniff, Format, Opened, Parsed};
pub use tei::{parse_volume, VolumeParse, VolumeParser};
pub use text::{parse_str, parse_text};
