//! The XML gate: quick-xml events reduced to what the TEI reader needs, with the limits
//! that keep any input safe (element depth, no DTD entities) and errors that name the
//! byte offset, line and column.
//!
//! quick-xml's own end-name check is off: we keep the open-element stack ourselves, so
//! the error says which element was left open, and the reader can restart mid-file.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::input::ParseErrorKind;

/// Deeper than any real TEI (FRUS volumes nest ~12 levels); bounds recursion downstream.
pub const MAX_DEPTH: usize = 256;

/// An XML error at a byte offset of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    pub offset: usize,
    pub kind: ParseErrorKind,
    pub message: String,
}

/// A start or empty tag: its local name (prefix dropped: `frus:attachment` → `attachment`).
pub struct Tag<'a> {
    pub name: &'a str,
    pub offset: usize,
    raw: BytesStart<'a>,
    input: &'a str,
}

impl<'a> Tag<'a> {
    /// The value of the attribute with this qualified name (`n`, `xml:id`, `frus:doc-dateTime-min`).
    pub fn attr(&self, key: &str) -> Option<Cow<'a, str>> {
        self.raw
            .attributes()
            .with_checks(false)
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .map(|a| self.value(&a.value, &a))
    }

    /// Every attribute with a name the reader knows, for building a small tree.
    pub fn attrs(&self) -> Vec<(&'static str, Cow<'a, str>)> {
        self.raw
            .attributes()
            .with_checks(false)
            .flatten()
            .filter_map(|a| {
                let key = intern(a.key.as_ref());
                (!key.is_empty()).then(|| (key, self.value(&a.value, &a)))
            })
            .collect()
    }

    fn value(&self, raw: &str, a: &quick_xml::events::attributes::Attribute<'_>) -> Cow<'a, str> {
        if !raw.contains('&') {
            if let Some(v) = reslice(self.input, raw) {
                return Cow::Borrowed(v);
            }
        }
        Cow::Owned(
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| raw.to_string()),
        )
    }
}

/// `part` as a slice of `input` with its lifetime, when it points into `input`.
fn reslice<'a>(input: &'a str, part: &str) -> Option<&'a str> {
    let start = (part.as_ptr() as usize).checked_sub(input.as_ptr() as usize)?;
    input.get(start..start + part.len())
}

/// Attribute names are few; map them to static strings so tree nodes need no copies.
fn intern(key: &str) -> &'static str {
    match key {
        "n" => "n",
        "xml:id" => "xml:id",
        "type" => "type",
        "subtype" => "subtype",
        "rend" => "rend",
        "rendition" => "rendition",
        "when" => "when",
        "corresp" => "corresp",
        "target" => "target",
        "role" => "role",
        "rows" => "rows",
        "cols" => "cols",
        "unit" => "unit",
        "quantity" => "quantity",
        "url" => "url",
        "facs" => "facs",
        "frus:doc-dateTime-min" => "frus:doc-dateTime-min",
        "frus:doc-dateTime-max" => "frus:doc-dateTime-max",
        "notBefore" => "notBefore",
        "notAfter" => "notAfter",
        "from" => "from",
        "to" => "to",
        "reason" => "reason",
        _ => "",
    }
}

pub enum Ev<'a> {
    Start(Tag<'a>),
    Empty(Tag<'a>),
    End,
    Text(Cow<'a, str>),
    Eof,
}

pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    input: &'a str,
    /// Names of the open elements.
    stack: Vec<&'a str>,
    /// Offset of the first byte `reader` sees (non-zero after a restart).
    base: usize,
    saw_root: bool,
    /// After a restart the open stack is a guess: end tags that do not fit are absorbed.
    lenient: bool,
}

impl<'a> Xml<'a> {
    pub fn new(input: &'a str) -> Self {
        Self::at(input, 0, Vec::new())
    }

    /// A reader that starts at `offset` with `stack` already open (resynchronising after
    /// a broken document).
    pub fn at(input: &'a str, offset: usize, stack: Vec<&'a str>) -> Self {
        let mut reader = Reader::from_str(&input[offset..]);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        let saw_root = !stack.is_empty();
        Xml {
            reader,
            input,
            stack,
            base: offset,
            saw_root,
            lenient: offset > 0,
        }
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    pub fn stack(&self) -> &[&'a str] {
        &self.stack
    }

    /// Byte offset in the whole input of the next unread byte.
    pub fn offset(&self) -> usize {
        self.base + self.reader.buffer_position() as usize
    }

    pub fn input(&self) -> &'a str {
        self.input
    }

    fn err(&self, offset: usize, kind: ParseErrorKind, message: impl Into<String>) -> XmlError {
        XmlError {
            offset,
            kind,
            message: message.into(),
        }
    }

    pub fn next(&mut self) -> Result<Ev<'a>, XmlError> {
        loop {
            let before = self.offset();
            let ev = match self.reader.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    let at = self.base + self.reader.error_position() as usize;
                    return Err(self.err(
                        at,
                        ParseErrorKind::Malformed,
                        format!("malformed XML: {e}"),
                    ));
                }
            };
            match ev {
                Event::Start(s) => {
                    let tag = self.tag(s, before)?;
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(self.err(
                            before,
                            ParseErrorKind::TooDeep,
                            format!("elements nested deeper than {MAX_DEPTH} levels"),
                        ));
                    }
                    self.stack.push(tag.name);
                    return Ok(Ev::Start(tag));
                }
                Event::Empty(s) => {
                    let tag = self.tag(s, before)?;
                    return Ok(Ev::Empty(tag));
                }
                Event::End(e) => {
                    let name = local(e.name().into_inner());
                    if self.lenient && self.stack.last().is_none_or(|open| local(open) != name) {
                        if let Some(i) = self.stack.iter().rposition(|open| local(open) == name) {
                            self.stack.truncate(i);
                            return Ok(Ev::End);
                        }
                        continue;
                    }
                    match self.stack.pop() {
                        Some(open) if local(open) == name => return Ok(Ev::End),
                        Some(open) => {
                            return Err(self.err(
                                before,
                                ParseErrorKind::Malformed,
                                format!("</{name}> closes <{open}>, which is still open"),
                            ))
                        }
                        None => {
                            return Err(self.err(
                                before,
                                ParseErrorKind::Malformed,
                                format!("</{name}> has no matching start tag"),
                            ))
                        }
                    }
                }
                Event::Text(t) => {
                    if self.stack.is_empty() {
                        if !t.trim().is_empty() {
                            return Err(self.err(
                                before,
                                ParseErrorKind::Malformed,
                                "text outside the root element",
                            ));
                        }
                        continue;
                    }
                    return Ok(Ev::Text(t.into_inner()));
                }
                Event::CData(t) => {
                    if !self.stack.is_empty() {
                        return Ok(Ev::Text(t.into_inner()));
                    }
                }
                Event::GeneralRef(r) => {
                    if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => return Ok(Ev::Text(Cow::Owned(c.to_string()))),
                            _ => {
                                return Err(self.err(
                                    before,
                                    ParseErrorKind::Entity,
                                    format!("invalid character reference &{};", &*r),
                                ))
                            }
                        }
                    }
                    let s: &str = &r;
                    let text = match s {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => {
                            // Custom entities come from a DTD; expanding them is how
                            // billion-laughs attacks work, so none is ever expanded.
                            return Err(self.err(
                                before,
                                ParseErrorKind::Entity,
                                format!(
                                    "entity &{s}; is not defined (DTD entities are not expanded)"
                                ),
                            ));
                        }
                    };
                    return Ok(Ev::Text(Cow::Borrowed(text)));
                }
                Event::Eof => {
                    if self.lenient {
                        self.stack.clear();
                        return Ok(Ev::Eof);
                    }
                    if let Some(open) = self.stack.last() {
                        return Err(self.err(
                            self.input.len(),
                            ParseErrorKind::Truncated,
                            format!("the file ends inside <{open}> (truncated?)"),
                        ));
                    }
                    if !self.saw_root {
                        return Err(self.err(
                            self.input.len(),
                            ParseErrorKind::Empty,
                            "no XML element in the file",
                        ));
                    }
                    return Ok(Ev::Eof);
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    fn tag(&mut self, s: BytesStart<'a>, offset: usize) -> Result<Tag<'a>, XmlError> {
        if self.stack.is_empty() {
            if self.saw_root {
                return Err(self.err(offset, ParseErrorKind::Malformed, "a second root element"));
            }
            self.saw_root = true;
        }
        // The name borrows the event; re-slice it from the input so it lives for 'a.
        let name = reslice(self.input, s.name().into_inner()).unwrap_or("");
        Ok(Tag {
            name: local(name),
            offset,
            raw: s,
            input: self.input,
        })
    }
}

fn local(qname: &str) -> &str {
    match qname.rfind(':') {
        Some(i) => &qname[i + 1..],
        None => qname,
    }
}
