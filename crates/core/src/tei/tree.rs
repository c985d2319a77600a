//! A small tree of one element (a document, the header, a head): the TEI reader streams
//! through the volume and builds a tree only for the part it is converting, so memory
//! stays proportional to one document, never to the volume.

use std::borrow::Cow;

use super::xml::{Ev, Tag, Xml, XmlError};

pub struct Node<'a> {
    pub name: &'a str,
    pub attrs: Vec<(&'static str, Cow<'a, str>)>,
    pub children: Vec<Child<'a>>,
    /// Byte offset of the start tag in the input.
    pub offset: usize,
}

pub enum Child<'a> {
    El(Node<'a>),
    Text(Cow<'a, str>),
}

impl<'a> Node<'a> {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_ref())
    }

    pub fn is(&self, name: &str) -> bool {
        self.name == name
    }

    pub fn elements(&self) -> impl Iterator<Item = &Node<'a>> {
        self.children.iter().filter_map(|c| match c {
            Child::El(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The first descendant (depth first) for which `f` holds.
    pub fn find(&self, f: &impl Fn(&Node<'a>) -> bool) -> Option<&Node<'a>> {
        for e in self.elements() {
            if f(e) {
                return Some(e);
            }
            if let Some(found) = e.find(f) {
                return Some(found);
            }
        }
        None
    }

    /// All text of the element, whitespace collapsed.
    pub fn text(&self) -> String {
        let mut raw = String::new();
        self.push_text(&mut raw);
        collapse(&raw)
    }

    fn push_text(&self, out: &mut String) {
        for c in &self.children {
            match c {
                Child::Text(t) => out.push_str(t),
                Child::El(e) if e.is("note") => {}
                Child::El(e) if e.is("lb") => out.push(' '),
                Child::El(e) => e.push_text(out),
            }
        }
    }
}

pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn node<'a>(tag: &Tag<'a>) -> Node<'a> {
    Node {
        name: tag.name,
        attrs: tag.attrs(),
        children: Vec::new(),
        offset: tag.offset,
    }
}

/// Reads the element whose start tag was just read (or an empty one) into a tree. Built
/// with an explicit stack: depth is bounded by the XML gate, not by the call stack.
pub fn read<'a>(xml: &mut Xml<'a>, start: Tag<'a>, empty: bool) -> Result<Node<'a>, XmlError> {
    let root = node(&start);
    if empty {
        return Ok(root);
    }
    let mut open: Vec<Node<'a>> = vec![root];
    loop {
        match xml.next()? {
            Ev::Start(t) => open.push(node(&t)),
            Ev::Empty(t) => {
                let n = node(&t);
                open.last_mut().expect("open").children.push(Child::El(n));
            }
            Ev::Text(t) => {
                let top = open.last_mut().expect("open");
                match top.children.last_mut() {
                    Some(Child::Text(prev)) => prev.to_mut().push_str(&t),
                    _ => top.children.push(Child::Text(t)),
                }
            }
            Ev::End => {
                let done = open.pop().expect("open");
                match open.last_mut() {
                    Some(parent) => parent.children.push(Child::El(done)),
                    None => return Ok(done),
                }
            }
            Ev::Eof => {
                return Err(XmlError {
                    offset: xml.offset(),
                    kind: crate::input::ParseErrorKind::Truncated,
                    message: format!("the file ends inside <{}>", start_name(&open)),
                })
            }
        }
    }
}

fn start_name(open: &[Node<'_>]) -> String {
    open.last().map(|n| n.name.to_string()).unwrap_or_default()
}
