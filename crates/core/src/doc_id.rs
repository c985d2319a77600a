//! Document ids: `frus1934v05-d127` is document 127 of volume `frus1934v05`; `d12` is a
//! document whose volume is unknown. Every adapter reads and writes ids through this type,
//! so the grammar lives in one place.

use std::fmt;

/// A document id split into its volume and number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId {
    volume: Option<String>,
    number: String,
}

impl DocId {
    /// The id of document `number` of `volume` (`None`: a volume we do not know).
    pub fn new(volume: Option<&str>, number: &str) -> Self {
        DocId {
            volume: volume.map(str::to_string),
            number: number.to_string(),
        }
    }

    /// `frus1934v05-d127` → volume `frus1934v05`, number `127`; `d12` → number `12`.
    /// `None` for anything else (a file stem without a number, say): such ids stay opaque.
    pub fn parse(id: &str) -> Option<DocId> {
        let (volume, number) = match id.rfind("-d") {
            Some(i) => (Some(&id[..i]), &id[i + 2..]),
            None => (None, id.strip_prefix('d')?),
        };
        // Volume ids are `frus…`; a `-d` elsewhere (a file named `my-draft`) is no id.
        if volume.is_some_and(|v| !v.starts_with("frus") || v.len() <= 4) {
            return None;
        }
        let number_ok = !number.is_empty() && number.chars().all(|c| c.is_ascii_alphanumeric());
        number_ok.then(|| DocId::new(volume, number))
    }

    /// The volume id (`frus1934v05`), when the id names one.
    pub fn volume(&self) -> Option<&str> {
        self.volume.as_deref()
    }

    /// The document's number in its volume as printed in the id (`127`, `75a`).
    pub fn number(&self) -> &str {
        &self.number
    }

    /// The id of the document within its volume (`d127`): the TEI `xml:id`, and the anchor
    /// of its line in the volume's contents.
    pub fn local(&self) -> String {
        format!("d{}", self.number)
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.volume {
            Some(v) => write!(f, "{v}-d{}", self.number),
            None => write!(f, "d{}", self.number),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_format_round_trip() {
        for id in [
            "frus1934v05-d127",
            "frus1981-88v03-d74",
            "d12",
            "frus1861-d75a",
        ] {
            assert_eq!(DocId::parse(id).unwrap().to_string(), id);
        }
        let d = DocId::parse("frus1981-88v03-d74").unwrap();
        assert_eq!((d.volume(), d.number()), (Some("frus1981-88v03"), "74"));
        assert_eq!(d.local(), "d74");
        assert_eq!(DocId::parse("d12").unwrap().volume(), None);
    }

    #[test]
    fn not_ids() {
        for id in [
            "",
            "d",
            "frus1934v05",
            "frus1934v05-d",
            "my-draft",
            "notes",
            "frus-d1",
            "x-d1",
        ] {
            assert_eq!(DocId::parse(id), None, "{id}");
        }
    }
}
