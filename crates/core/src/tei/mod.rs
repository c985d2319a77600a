//! The TEI parser: a whole FRUS volume → a [`Volume`] and its [`Document`]s.
//!
//! A pull parser: [`VolumeParser::next_document`] streams through the XML (quick-xml) and
//! builds a small tree only for the document it is converting, so a caller can parse a
//! volume in slices (the app yields to the browser between them) and memory follows one
//! document, not the file. Errors name the byte offset, line and column; after a broken
//! document the parser resynchronises at the next one, so the good documents survive.

mod document;
mod header;
mod tree;
pub(crate) mod xml;

pub use document::parse_when;
pub use xml::MAX_DEPTH;

use crate::input::{check_size, position_of, ParseError, ParseErrorKind};
use crate::model::{Document, TocEntry, Volume};
use document::VolumeContext;
use tree::Node;
use xml::{Ev, Tag, Xml, XmlError};

pub use crate::input::MAX_BYTES;

/// Everything a volume yields: the good documents even when some part was broken.
#[derive(Debug, Clone)]
pub struct VolumeParse {
    /// The volume's description: header, lists of persons and terms, contents.
    pub volume: Volume,
    /// The documents, in volume order.
    pub documents: Vec<Document>,
    /// Malformed XML: each names file, line, column and byte offset.
    pub errors: Vec<ParseError>,
}

/// Decodes and parses a whole volume. `Err` when the bytes are not text at all (binary,
/// invalid UTF-8, too large) or not a TEI file; XML errors inside are in `errors`.
pub fn parse_volume(file: &str, bytes: &[u8]) -> Result<VolumeParse, ParseError> {
    let text = decode(file, bytes)?;
    let mut p = VolumeParser::new(file, text)?;
    let mut documents = Vec::new();
    while let Some(d) = p.next_document() {
        documents.push(d);
    }
    let mut out = p.finish();
    out.documents = documents;
    Ok(out)
}

/// Bytes → XML text: size limit, no NUL bytes, valid UTF-8, BOM dropped.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ParseError> {
    check_size(file, bytes.len() as u64)?;
    if let Some(i) = memchr0(bytes) {
        return Err(ParseError::of(
            file,
            ParseErrorKind::Binary,
            "binary data (a NUL byte), not XML text",
        )
        .at(position_of(bytes, i)));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ParseError::of(file, ParseErrorKind::InvalidUtf8, "invalid UTF-8")
            .at(position_of(bytes, e.valid_up_to()))
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn memchr0(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// What one [`VolumeParser::step`] reached.
pub enum Step {
    /// The next document, read whole.
    Document(Box<Document>),
    /// The event budget ran out between documents; call again.
    Pending,
    /// The end of the volume: nothing more to read.
    Done,
}

/// A section of the table of contents still open.
struct OpenDiv {
    depth: usize,
    entry: TocEntry,
    /// Whether its head has been read.
    headed: bool,
}

/// A pull parser over one TEI volume: its documents one at a time, in volume order.
pub struct VolumeParser<'a> {
    file: String,
    xml: Xml<'a>,
    volume: Volume,
    years: Option<(i32, i32)>,
    errors: Vec<ParseError>,
    open: Vec<OpenDiv>,
    /// Top-level entries, in order.
    toc: Vec<TocEntry>,
    lines: Option<Vec<usize>>,
    done: bool,
    count: usize,
    /// The open elements around the last document start, to resume after an error.
    around_document: Vec<&'a str>,
}

impl<'a> VolumeParser<'a> {
    /// Reads up to the body: the header gives the volume's id and titles. Fails when the
    /// file is not XML or not TEI.
    pub fn new(file: &str, text: &'a str) -> Result<Self, ParseError> {
        let mut p = VolumeParser {
            file: file.to_string(),
            xml: Xml::new(text),
            volume: Volume::default(),
            years: None,
            errors: Vec::new(),
            open: Vec::new(),
            toc: Vec::new(),
            lines: None,
            done: false,
            count: 0,
            around_document: Vec::new(),
        };
        p.volume.id = stem(file);
        // The root must be TEI: anything else is refused with its name.
        loop {
            match p.xml.next() {
                Ok(Ev::Start(t)) | Ok(Ev::Empty(t)) if p.xml.depth() <= 1 => {
                    if t.name != "TEI" && t.name != "teiCorpus" {
                        let at = p.position(t.offset);
                        return Err(ParseError::of(
                            file,
                            ParseErrorKind::NotTei,
                            format!(
                                "not a TEI file: the root element is <{}>, not <TEI>",
                                t.name
                            ),
                        )
                        .at(at));
                    }
                    if let Some(id) = t.attr("xml:id") {
                        p.volume.id = id.to_string();
                    }
                    break;
                }
                Ok(Ev::Eof) => {
                    return Err(ParseError::of(
                        file,
                        ParseErrorKind::Empty,
                        "no XML element in the file",
                    ))
                }
                Ok(_) => {}
                Err(e) => {
                    let at = p.position(e.offset);
                    return Err(ParseError::of(file, e.kind, e.message).at(at));
                }
            }
        }
        p.years = crate::dates::volume_years(&p.volume.id);
        Ok(p)
    }

    /// Byte offset reached, for progress.
    pub fn offset(&self) -> usize {
        self.xml.offset()
    }

    /// The input's length in bytes.
    pub fn len(&self) -> usize {
        self.xml.input().len()
    }

    /// Whether the input has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The volume as read so far (its contents come with [`finish`](Self::finish)).
    pub fn volume(&self) -> &Volume {
        &self.volume
    }

    fn position(&mut self, offset: usize) -> crate::Position {
        let input = self.xml.input();
        let lines = self.lines.get_or_insert_with(|| {
            input
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect()
        });
        let line = lines.partition_point(|&nl| nl < offset);
        let start = if line == 0 { 0 } else { lines[line - 1] + 1 };
        let offset = offset.min(input.len());
        let column = input.as_bytes()[start.min(offset)..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        crate::Position {
            line: line as u32 + 1,
            column: column as u32 + 1,
            offset: offset as u64,
        }
    }

    fn error(&mut self, e: XmlError) {
        let at = self.position(e.offset);
        self.errors
            .push(ParseError::of(&self.file, e.kind, e.message).at(at));
    }

    /// The next document of the volume, or `None` at the end (or after an error that
    /// leaves nothing to resynchronise on).
    pub fn next_document(&mut self) -> Option<Document> {
        loop {
            match self.step(usize::MAX) {
                Step::Document(d) => return Some(*d),
                Step::Done => return None,
                Step::Pending => {}
            }
        }
    }

    /// Reads at most `max_events` XML events outside documents (a document is read whole):
    /// the front matter of a volume is long, and a caller slicing its time needs to get
    /// control back before the first document.
    pub fn step(&mut self, max_events: usize) -> Step {
        let mut events = 0usize;
        while !self.done {
            if events >= max_events {
                return Step::Pending;
            }
            events += 1;
            let ev = match self.xml.next() {
                Ok(ev) => ev,
                Err(e) => {
                    self.error(e);
                    self.resync();
                    continue;
                }
            };
            match ev {
                Ev::Eof => {
                    self.done = true;
                }
                Ev::End => {
                    let depth = self.xml.depth();
                    while self.open.last().is_some_and(|d| d.depth > depth) {
                        self.close_div();
                    }
                }
                Ev::Start(t) => {
                    if let Some(doc) = self.start(t, false) {
                        return Step::Document(Box::new(doc));
                    }
                }
                Ev::Empty(t) => {
                    if let Some(doc) = self.start(t, true) {
                        return Step::Document(Box::new(doc));
                    }
                }
                Ev::Text(_) => {}
            }
        }
        Step::Done
    }

    fn start(&mut self, t: Tag<'a>, empty: bool) -> Option<Document> {
        let depth = self.xml.depth();
        match t.name {
            "teiHeader" => {
                let node = self.subtree(t, empty)?;
                header::read(&node, &mut self.volume);
                self.years = crate::dates::volume_years(&self.volume.id).or(self.years);
            }
            "div" if t.attr("type").as_deref() == Some("document") => {
                let stack = self.xml.stack();
                self.around_document =
                    stack[..stack.len().saturating_sub(usize::from(!empty))].to_vec();
                let node = self.subtree(t, empty)?;
                return Some(self.document(&node));
            }
            "div" if matches!(t.attr("xml:id").as_deref(), Some("persons") | Some("terms")) => {
                let persons = t.attr("xml:id").as_deref() == Some("persons");
                let node = self.subtree(t, empty)?;
                let entries = header::entries(&node);
                if persons {
                    self.volume.persons.extend(entries);
                } else {
                    self.volume.terms.extend(entries);
                }
            }
            "div" if !empty => {
                self.open.push(OpenDiv {
                    depth,
                    entry: TocEntry {
                        kind: t
                            .attr("type")
                            .map(|s| s.to_string())
                            .unwrap_or_else(|| "section".into()),
                        id: t.attr("xml:id").map(|s| s.to_string()),
                        title: String::new(),
                        document: None,
                        children: Vec::new(),
                    },
                    headed: false,
                });
            }
            "head"
                if self
                    .open
                    .last()
                    .is_some_and(|d| !d.headed && d.depth + 1 == depth) =>
            {
                let node = self.subtree(t, empty)?;
                let title = node.text();
                let title = title.trim_end_matches(':').trim().to_string();
                if let Some(d) = self.open.last_mut() {
                    d.entry.title = title;
                    d.headed = true;
                }
            }
            _ => {}
        }
        None
    }

    fn subtree(&mut self, t: Tag<'a>, empty: bool) -> Option<Node<'a>> {
        match tree::read(&mut self.xml, t, empty) {
            Ok(n) => Some(n),
            Err(e) => {
                self.error(e);
                self.resync();
                None
            }
        }
    }

    fn document(&mut self, node: &Node<'_>) -> Document {
        self.count += 1;
        let xml_id = node.attr("xml:id").map(str::to_string);
        let n = node.attr("n").map(str::to_string);
        let local = xml_id
            .clone()
            .or_else(|| n.as_ref().map(|n| format!("d{n}")))
            .unwrap_or_else(|| format!("doc{}", self.count));
        let id = format!("{}-{}", self.volume.id, local);
        let ctx = VolumeContext {
            volume: Some(&self.volume.id),
            years: self.years,
        };
        let (mut doc, pending) = document::convert(node, id.clone(), &ctx);
        for p in pending {
            let at = self.position(p.offset);
            let mut d = p.diagnostic;
            d.line = Some(at.line);
            d.column = Some(at.column);
            doc.diagnostics.push(d);
        }
        self.volume.documents.push(id.clone());
        let entry = TocEntry {
            kind: "document".into(),
            id: xml_id,
            title: doc.title.clone(),
            document: Some(id),
            children: Vec::new(),
        };
        match self.open.last_mut() {
            Some(d) => d.entry.children.push(entry),
            None => self.toc.push(entry),
        }
        doc
    }

    fn close_div(&mut self) {
        let Some(done) = self.open.pop() else { return };
        // Sections without documents (preface, index, lists) are not part of the contents.
        if done.entry.children.is_empty() {
            return;
        }
        match self.open.last_mut() {
            Some(parent) => parent.entry.children.push(done.entry),
            None => self.toc.push(done.entry),
        }
    }

    /// After an error: skip to the next document start and carry on with the divs that
    /// were open around it; if there is none, stop.
    fn resync(&mut self) {
        let input = self.xml.input();
        let from = self
            .xml
            .offset()
            .max(self.errors.last().and_then(|e| e.offset).unwrap_or(0) as usize + 1);
        let next = find_document_start(input, from);
        match next {
            Some(at) => {
                let keep: Vec<&'a str> = if self.around_document.is_empty() {
                    self.xml.stack().iter().take(1).copied().collect()
                } else {
                    self.around_document.clone()
                };
                let depth = keep.len();
                while self.open.last().is_some_and(|d| d.depth > depth) {
                    self.close_div();
                }
                self.xml = Xml::at(input, at, keep);
            }
            None => {
                while !self.open.is_empty() {
                    self.close_div();
                }
                self.done = true;
            }
        }
    }

    /// The volume with its contents, the documents parsed, and the errors met.
    pub fn finish(mut self) -> VolumeParse {
        while !self.open.is_empty() {
            self.close_div();
        }
        self.volume.toc = std::mem::take(&mut self.toc);
        VolumeParse {
            volume: self.volume,
            documents: Vec::new(),
            errors: self.errors,
        }
    }

    /// Like [`finish`](Self::finish), for callers that kept the documents themselves.
    pub fn errors(&self) -> &[ParseError] {
        &self.errors
    }
}

/// Byte offset of the next `<div … type="document"` at or after `from`.
fn find_document_start(input: &str, from: usize) -> Option<usize> {
    let bytes = input.as_bytes();
    let mut i = from.min(bytes.len());
    while let Some(rel) = input.get(i..)?.find("<div") {
        let at = i + rel;
        let end = input[at..].find('>').map(|e| at + e).unwrap_or(input.len());
        if input[at..end].contains("type=\"document\"") {
            return Some(at);
        }
        i = at + 4;
    }
    None
}

fn stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.strip_suffix(".xml").unwrap_or(name).to_string()
}
