//! Collections that last: what is opened is kept in the browser's IndexedDB, its source
//! bytes (so that a newer parser can read it again) beside its encoded model (the core's
//! pack record), and read back on the next visit. This module is the app's one door to
//! that store: the rest of the app sees `Shelf` (what is kept, in which state) and the
//! actions `restore`, `keep`, `forget`, `forget_all`.
//!
//! The store is a convenience, never a condition: when it cannot be opened (private
//! modes, a blocked origin) or refuses a write (quota), the app works as without it and
//! says what will not last. A record that does not decode is read again from its source.

mod db;
mod keeper;
mod quota;
mod tabs;

pub use keeper::{forget, forget_all, keep, keep_index, restore, KeepJob};
pub use quota::estimate;

/// The browser's small key-value store, for a setting or two (kiosk mode, a download to go
/// on with); None in private modes or where it is refused.
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub use crate::shelf::{Item, Keeping, Kept, Kind, Shelf, Status};
