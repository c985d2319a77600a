//! One module a route: what the URL names, the page shows.

pub mod library;
pub mod not_found;
pub mod reader;
pub mod volume;
