//! Letterbook's core: the document model of FRUS correspondence and the parsers that
//! produce it. No web dependencies: compiled natively for the CLI, tests and benchmarks,
//! and to wasm32 for the app. Data flows one way: bytes → parser → model → views.

pub mod correspondence;
pub mod dates;
pub mod heading;
pub mod index;
pub mod infer;
pub mod inline;
pub mod input;
pub mod model;
pub mod refs;
pub mod render;
pub mod tei;
pub mod text;
pub mod timeline;
pub mod volumes;

pub use input::{ParseError, Position};
pub use model::*;
pub use tei::{parse_volume, VolumeParse, VolumeParser};
pub use text::{parse_str, parse_text};
