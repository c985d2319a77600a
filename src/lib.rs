//! Letterbook's browser app: renders documents the core parsed and lets people read them.
//! It only renders and interacts; parsing and indexing live in `letterbook-core`.

pub mod app;
pub mod arc_eq;
pub mod components;
pub mod finder;
pub mod focus;
pub mod indexed;
pub mod keep_offline;
pub mod kiosk;
pub mod loader;
pub mod net;
pub mod offline;
pub mod register;
pub mod routes;
pub mod search;
pub mod shelf;
pub mod shell;
pub mod site;
pub mod state;
pub mod storage;
pub mod timeline;
pub mod urls;

pub use app::{App, AppOn, AppWith};
