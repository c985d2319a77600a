//! The one door for input: a file's name and bytes → its format → a stepped parser. The
//! app's loader and the CLI both come through here, so a file is read the same way by
//! both (and a pack format, later, is one more arm of [`Format`]).

use crate::input::{ParseError, ParseErrorKind};
use crate::model::{Document, Volume};
use crate::tei::{self, Step, VolumeParse, VolumeParser};
use crate::text::parse_text;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A TEI XML volume (or document) of the Office of the Historian.
    Tei,
    /// The plain text of a history.state.gov document page.
    PageText,
}

/// The format of a file, by its name (`.xml`) or its first bytes (markup after an optional
/// byte-order mark and white space).
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    let xml_name = name
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("xml"));
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let markup = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    if xml_name || markup {
        Format::Tei
    } else {
        Format::PageText
    }
}

/// A parser over one file, whatever its format, stepped by the caller: the app gives it
/// time slices, the CLI runs it to the end with a progress bar.
pub struct Opened<'a> {
    file: String,
    inner: Inner<'a>,
}

enum Inner<'a> {
    Tei(Box<VolumeParser<'a>>),
    /// A page text is one small document (and under the size rule): parsed at open.
    Text {
        doc: Option<Box<Document>>,
        len: usize,
    },
}

/// Sniffs the format and opens the file. `Err` when the file cannot be read at all (too
/// large, binary, invalid UTF-8, empty, not TEI); softer problems come as diagnostics or
/// in [`Finished::errors`].
pub fn open<'a>(name: &str, bytes: &'a [u8]) -> Result<Opened<'a>, ParseError> {
    let inner = match sniff(name, bytes) {
        Format::Tei => {
            let text = tei::decode(name, bytes)?;
            Inner::Tei(Box::new(VolumeParser::new(name, text)?))
        }
        Format::PageText => Inner::Text {
            doc: Some(Box::new(parse_text(name, bytes)?)),
            len: bytes.len(),
        },
    };
    Ok(Opened {
        file: name.to_string(),
        inner,
    })
}

/// What is left when a parser has run: the volume (for TEI) and the errors met on the way.
#[derive(Debug, Clone)]
pub struct Finished {
    /// The volume with its contents, for TEI; `None` for a page text.
    pub volume: Option<Volume>,
    /// Malformed parts that were skipped (the good documents around them were kept).
    pub errors: Vec<ParseError>,
}

impl<'a> Opened<'a> {
    /// The format the file was sniffed as.
    pub fn format(&self) -> Format {
        match self.inner {
            Inner::Tei(_) => Format::Tei,
            Inner::Text { .. } => Format::PageText,
        }
    }

    /// Reads on until the next document or until about `max_events` XML events are read.
    pub fn step(&mut self, max_events: usize) -> Step {
        match &mut self.inner {
            Inner::Tei(p) => p.step(max_events),
            Inner::Text { doc, .. } => match doc.take() {
                Some(d) => Step::Document(d),
                None => Step::Done,
            },
        }
    }

    /// The next document, however long it takes.
    pub fn next_document(&mut self) -> Option<Document> {
        match &mut self.inner {
            Inner::Tei(p) => p.next_document(),
            Inner::Text { doc, .. } => doc.take().map(|d| *d),
        }
    }

    /// How far the parser has read, in bytes (for progress).
    pub fn offset(&self) -> usize {
        match &self.inner {
            Inner::Tei(p) => p.offset(),
            Inner::Text { doc, len } => {
                if doc.is_some() {
                    0
                } else {
                    *len
                }
            }
        }
    }

    /// The input's length in bytes.
    pub fn len(&self) -> usize {
        match &self.inner {
            Inner::Tei(p) => p.len(),
            Inner::Text { len, .. } => *len,
        }
    }

    /// Whether the input has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The volume (for TEI) and the errors met; call after the last document.
    pub fn finish(self) -> Finished {
        match self.inner {
            Inner::Tei(p) => {
                let parsed = p.finish();
                Finished {
                    volume: Some(parsed.volume),
                    errors: parsed.errors,
                }
            }
            Inner::Text { .. } => Finished {
                volume: None,
                errors: Vec::new(),
            },
        }
    }
}

/// A whole file, parsed.
#[derive(Debug, Clone)]
pub enum Parsed {
    /// A TEI volume: its description, documents and errors.
    Volume(VolumeParse),
    /// A page text: one document.
    Text(Document),
}

impl Parsed {
    /// Runs `opened` to the end; `progress` is told the byte offset after each document.
    /// `Err` only for a page text whose document a caller already took.
    pub fn read(
        mut opened: Opened<'_>,
        mut progress: impl FnMut(usize),
    ) -> Result<Parsed, ParseError> {
        let mut documents = Vec::new();
        while let Some(d) = opened.next_document() {
            documents.push(d);
            progress(opened.offset());
        }
        let file = opened.file.clone();
        let finished = opened.finish();
        match (finished.volume, documents.pop()) {
            (Some(volume), last) => {
                documents.extend(last);
                Ok(Parsed::Volume(VolumeParse {
                    volume,
                    documents,
                    errors: finished.errors,
                }))
            }
            (None, Some(doc)) => Ok(Parsed::Text(doc)),
            (None, None) => Err(ParseError::of(
                &file,
                ParseErrorKind::Other,
                "the page text's document was already taken",
            )),
        }
    }
}

/// Opens and parses a whole file in one go.
pub fn parse_any(name: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    Parsed::read(open(name, bytes)?, |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_name_and_by_content() {
        assert_eq!(sniff("v.XML", b"hello"), Format::Tei);
        assert_eq!(sniff("v.txt", b"\xEF\xBB\xBF  \n<TEI/>"), Format::Tei);
        assert_eq!(sniff("v", b"  <TEI/>"), Format::Tei);
        assert_eq!(
            sniff("d74.txt", b"74. Letter From A to B"),
            Format::PageText
        );
        assert_eq!(sniff("d74", b""), Format::PageText);
    }

    #[test]
    fn a_page_text_steps_once() {
        let text =
            "74. Letter From Gromyko to Haig\n\nMoscow, July 20, 1981\n\nDear Mr. Secretary,\n";
        let mut o = open("frus1981-88v03-d74.txt", text.as_bytes()).unwrap();
        assert_eq!(o.format(), Format::PageText);
        assert_eq!(o.offset(), 0);
        assert!(matches!(o.step(10), Step::Document(d) if d.id == "frus1981-88v03-d74"));
        assert_eq!(o.offset(), text.len());
        assert!(matches!(o.step(10), Step::Done));
        assert!(o.finish().volume.is_none());
        // A page text already stepped through is an error, not a panic.
        let mut o = open("d74.txt", text.as_bytes()).unwrap();
        assert!(o.next_document().is_some());
        assert!(Parsed::read(o, |_| {}).is_err());
    }

    #[test]
    fn a_volume_steps_to_its_documents() {
        let xml = r#"<TEI xml:id="frus1918x"><text><body><div type="document" xml:id="d1" n="1"><head>A to B</head><p>x</p></div></body></text></TEI>"#;
        match parse_any("x.xml", xml.as_bytes()).unwrap() {
            Parsed::Volume(v) => {
                assert_eq!(v.volume.id, "frus1918x");
                assert_eq!(v.documents.len(), 1);
            }
            Parsed::Text(_) => panic!("a volume"),
        }
        assert!(open("feed.xml", b"<rss/>").is_err());
    }
}
