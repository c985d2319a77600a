//! A pack site's `collection.json`: what the collection holds, per volume (or page text),
//! with its counts, date span, the size and content hash of its pack file, and the
//! summary's file. The app lists a collection from this file alone.

use serde::{Deserialize, Serialize};

/// The manifest format written now; a manifest of another is refused (its site was
/// packed by another Letterbook).
pub const MANIFEST_FORMAT: u16 = 1;

/// `collection.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`MANIFEST_FORMAT`].
    pub format: u16,
    /// The format of the pack files and the summary ([`super::FORMAT`]).
    pub record_format: u16,
    /// The collection's title, as the library shows it.
    pub title: String,
    /// What wrote it ("letterbook 0.1.0").
    pub generator: String,
    /// Documents in the whole collection.
    pub documents: u64,
    /// In the order given to `letterbook pack`.
    pub volumes: Vec<PackedVolume>,
    /// The correspondence model over every document (`summary/<hash>.lbs`).
    pub summary: PackFile,
    /// The search index's table of contents (`search/<hash>.lbx`), which names its other
    /// files; absent for a site packed before search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<PackFile>,
    /// Kiosk mode's settings when the site is a kiosk (`letterbook pack --kiosk`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiosk: Option<crate::kiosk::KioskConfig>,
}

/// One volume (or page text) of a pack site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackedVolume {
    /// Volume id (`frus1934v05`), or the page text's document id.
    pub id: String,
    /// `volume` or `text`.
    pub kind: String,
    /// The volume's title (or the document's heading).
    pub title: String,
    /// The source file it was packed from.
    pub source: String,
    /// The source file's size.
    pub source_bytes: u64,
    /// The earliest and latest dates of its documents (ISO).
    pub from: Option<String>,
    /// The latest date (ISO).
    pub to: Option<String>,
    /// Documents in it.
    pub documents: u64,
    /// Footnotes across its documents.
    pub footnotes: u64,
    /// Printed page breaks.
    pub pages: u64,
    /// Its pack file: the record, named by its content hash.
    pub pack: PackFile,
    /// The line where its source ends before the volume does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_early: Option<u32>,
}

/// A file of the site, with what it must be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackFile {
    /// Relative to `collection.json` (`packs/3f2a….lbk`).
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// SHA-256 of its bytes, in hex.
    pub sha256: String,
}

/// Why a manifest cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestError {
    /// Not JSON, or not a manifest's shape (serde's message).
    Invalid(String),
    /// Written by a Letterbook of another manifest or record format.
    OtherFormat {
        /// The manifest's format.
        manifest: u16,
        /// Its packs' format.
        record: u16,
    },
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManifestError::Invalid(why) => write!(f, "collection.json is not a collection: {why}"),
            ManifestError::OtherFormat { manifest, record } => write!(
                f,
                "collection.json was written in format {manifest} (packs in format {record}); this Letterbook reads format {MANIFEST_FORMAT} (packs in format {}): pack the collection again",
                super::FORMAT
            ),
        }
    }
}

impl std::error::Error for ManifestError {}

impl Manifest {
    /// Reads `collection.json`, refusing one of another format before trusting its shape.
    pub fn parse(json: &[u8]) -> Result<Manifest, ManifestError> {
        #[derive(Deserialize)]
        struct Formats {
            format: u16,
            #[serde(default)]
            record_format: u16,
        }
        let f: Formats =
            serde_json::from_slice(json).map_err(|e| ManifestError::Invalid(e.to_string()))?;
        if f.format != MANIFEST_FORMAT || f.record_format != super::FORMAT {
            return Err(ManifestError::OtherFormat {
                manifest: f.format,
                record: f.record_format,
            });
        }
        let m: Manifest =
            serde_json::from_slice(json).map_err(|e| ManifestError::Invalid(e.to_string()))?;
        // Every file it names must lie beside it: a path of another origin or folder
        // (`/x`, `//host/x`, `../x`, `c:x`) is never fetched.
        let paths = m
            .volumes
            .iter()
            .map(|v| &v.pack.path)
            .chain([&m.summary.path])
            .chain(m.search.as_ref().map(|s| &s.path));
        for p in paths {
            if !is_site_path(p) {
                return Err(ManifestError::Invalid(format!(
                    "the file {p:?} is not a path inside the site"
                )));
            }
        }
        Ok(m)
    }

    /// The manifest as the site serves it (pretty: curators read it).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the manifest serializes")
    }
}

/// A relative path of plain segments (letters, digits, `.`, `_`, `-`), none of them `.`
/// or `..`: a file inside the site's folder, whatever the host.
pub fn is_site_path(p: &str) -> bool {
    !p.is_empty()
        && p.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        })
}

/// Kept here too: packs and the site's files are named by it.
pub use crate::digest::sha256_hex;

/// Where a file of `kind` (`packs`, `summary`) with this hash lives: named by the first
/// 20 hex digits of its hash (80 bits), so a changed file is a new name and the old one
/// can be cached forever.
pub fn hashed_path(dir: &str, hash: &str, ext: &str) -> String {
    format!("{dir}/{}.{ext}", &hash[..20.min(hash.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_named_by_its_hash_s_first_20_digits() {
        assert_eq!(
            hashed_path("packs", &sha256_hex(b"abc"), "lbk"),
            "packs/ba7816bf8f01cfea4141.lbk"
        );
    }

    #[test]
    fn only_paths_inside_the_site_are_files_of_it() {
        for ok in ["packs/ba7816bf8f01cfea4141.lbk", "summary/x.lbs", "a"] {
            assert!(is_site_path(ok), "{ok}");
        }
        for bad in [
            "",
            "/packs/x.lbk",
            "//evil.example/x",
            "../x",
            "packs/../../x",
            "packs//x",
            "https://evil.example/x",
            "c:x",
            "packs\\x",
            "./x",
            "packs/x?y",
            "packs/ x",
        ] {
            assert!(!is_site_path(bad), "{bad}");
        }
    }

    #[test]
    fn another_format_is_refused_before_its_shape() {
        let e = Manifest::parse(br#"{"format": 2, "record_format": 1, "other": true}"#);
        assert_eq!(
            e,
            Err(ManifestError::OtherFormat {
                manifest: 2,
                record: 1
            })
        );
        assert!(matches!(
            Manifest::parse(b"<html>"),
            Err(ManifestError::Invalid(_))
        ));
        assert!(matches!(
            Manifest::parse(
                format!(
                    r#"{{"format": 1, "record_format": {}}}"#,
                    super::super::FORMAT
                )
                .as_bytes()
            ),
            Err(ManifestError::Invalid(_))
        ));
        // Packs of the format before: the manifest is refused as a whole.
        assert!(matches!(
            Manifest::parse(br#"{"format": 1, "record_format": 1}"#),
            Err(ManifestError::OtherFormat {
                manifest: 1,
                record: 1
            })
        ));
    }
}
