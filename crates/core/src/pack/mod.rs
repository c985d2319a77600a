//! Collections that last: the encoded model that the browser's store keeps and that a
//! pack's files hold (`codec`), a pack site's manifest (`manifest`, `collection.json`)
//! and its summary (`summary`: the correspondence model over the whole collection).

pub mod codec;
pub mod manifest;
pub mod summary;

pub use codec::{
    decode, encode, encode_parts, encode_parts_with, format_of, Codec, Parts, Record, RecordError,
    FORMAT,
};
pub use manifest::{Manifest, ManifestError, PackFile, PackedVolume, MANIFEST_FORMAT};
pub use summary::{decode_summary, encode_summary};

use crate::collection::OpenVolume;
use crate::model::Document;

/// What a record opens as.
#[derive(Debug)]
pub enum Reopened {
    /// A volume, its indexes built again, and its documents.
    Volume(Box<OpenVolume>, Vec<Document>),
    /// A page text's document.
    Text(Box<Document>),
}

impl Record {
    /// A volume's record from what its parser read (`Opened::finish`) and the documents it
    /// gave; the reader's message when the file holds no volume or no document.
    pub fn of_volume(
        file: &str,
        finished: crate::open::Finished,
        documents: Vec<Document>,
    ) -> Result<Record, String> {
        let errors: Vec<String> = finished.errors.iter().map(|e| e.to_string()).collect();
        let volume = finished
            .volume
            .ok_or_else(|| format!("{file}: not a volume"))?;
        if documents.is_empty() {
            return Err(errors
                .first()
                .cloned()
                .unwrap_or_else(|| format!("{file}: no documents in this volume")));
        }
        Ok(Record {
            volume: Some(volume),
            documents,
            file: file.to_string(),
            ends_early: crate::collection::ends_early(&finished.errors),
            errors,
            index: None,
        })
    }

    /// The record as the collection takes it; `None` when it holds nothing to open (a
    /// volume without documents, or a text record without its one document).
    pub fn reopen(mut self) -> Option<Reopened> {
        match self.volume {
            Some(volume) if !self.documents.is_empty() => {
                let mut open = OpenVolume::new(volume, &self.documents, self.file, self.errors);
                open.ends_early = self.ends_early;
                Some(Reopened::Volume(Box::new(open), self.documents))
            }
            Some(_) => None,
            None if self.documents.len() == 1 => {
                self.documents.pop().map(|d| Reopened::Text(Box::new(d)))
            }
            None => None,
        }
    }
}
