//! Collections that last: the encoded model that the browser's store keeps and that a
//! pack's files hold (`codec`). Later here: the pack's manifest and summary.

pub mod codec;

pub use codec::{decode, encode, format_of, Record, RecordError, FORMAT};
