//! A collection's summary: the correspondence model over every document of a pack site
//! (dates with their certainty, parties, kinds, threads), built once when the site is
//! packed, so that the library and the timeline need no pack to show the collection.
//! Framed as a record is (`LBKS`, the same format version, codec, length, CRC-32).

use super::codec::{frame, unframe, Codec, RecordError};
use crate::correspondence::Correspondence;

const MAGIC: &[u8; 4] = b"LBKS";

/// Encodes the summary of a collection with `codec`.
pub fn encode_summary(corr: &Correspondence, codec: Codec) -> Vec<u8> {
    // Fields by position, not by name: over a third of a named summary, decompressed,
    // was its field names, repeated for each of a series' 300,000 documents. The correspondence model skips
    // no field on serializing, so positions read back as they were written.
    // Plain data with string keys only: serializing to a Vec cannot fail.
    let model = rmp_serde::to_vec(corr).expect("the summary serializes");
    frame(MAGIC, &model, codec)
}

/// Decodes a summary; damage is an error, never a panic.
pub fn decode_summary(bytes: &[u8]) -> Result<Correspondence, RecordError> {
    let model = unframe(MAGIC, bytes)?;
    let corr: Correspondence =
        rmp_serde::from_slice(&model).map_err(|e| RecordError::Corrupt(e.to_string()))?;
    let corr = corr.reindexed();
    corr.check().map_err(RecordError::Corrupt)?;
    Ok(corr)
}
