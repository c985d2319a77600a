//! Inline elements: emphasis, names and terms, links, page and line breaks, gaps, margins;
//! the footnote markers among them are in [`super::notes`].

use super::super::tree::{collapse, Child, Node};
use super::Conv;
use crate::inline::InlineBuilder;
use crate::model::{plain_text, EntitySpan, Inline, Ref, RefSpan};

impl Conv<'_> {
    pub(super) fn inlines_of(&mut self, e: &Node<'_>) -> Vec<Inline> {
        let mut b = InlineBuilder::new();
        self.children_inline(e, &mut b);
        b.finish()
    }

    pub(super) fn children_inline(&mut self, e: &Node<'_>, b: &mut InlineBuilder) {
        for child in &e.children {
            match child {
                Child::Text(t) => b.text(t),
                Child::El(x) => self.inline(x, b),
            }
        }
    }

    fn wrapped(&mut self, e: &Node<'_>, wrap: fn(Vec<Inline>) -> Inline, b: &mut InlineBuilder) {
        let mut inner = InlineBuilder::new();
        // Whitespace at the edges of an element stays outside it.
        let lead = first_text(e).is_some_and(|t| t.starts_with(char::is_whitespace));
        let trail = last_text(e).is_some_and(|t| t.ends_with(char::is_whitespace));
        self.children_inline(e, &mut inner);
        let inl = inner.finish();
        if lead {
            b.text(" ");
        }
        if !inl.is_empty() {
            b.push(wrap(inl));
        }
        if trail {
            b.text(" ");
        }
    }

    pub(super) fn inline(&mut self, e: &Node<'_>, b: &mut InlineBuilder) {
        match e.name {
            "hi" => match e.attr("rend").unwrap_or("") {
                "italic" | "underline" | "italics" => self.wrapped(e, Inline::Em, b),
                "smallcaps" | "smallCaps" | "sc" => self.wrapped(e, Inline::Sc, b),
                "superscript" | "sup" => self.wrapped(e, Inline::Sup, b),
                _ => self.children_inline(e, b),
            },
            "persName" | "gloss" | "term" => {
                let is_person = e.is("persName");
                let raw = if is_person {
                    e.attr("corresp")
                } else {
                    e.attr("target")
                };
                let id = raw
                    .map(|r| r.trim_start_matches('#').to_string())
                    .filter(|r| !r.is_empty());
                if self.in_head {
                    self.head_names.push((
                        e.attr("type").map(str::to_string),
                        e.text(),
                        id.clone(),
                        is_person,
                    ));
                }
                // Every named person is a person span (the index finds them by name when
                // there is no id); a gloss without a target is an office, plain text.
                if id.is_some() || is_person {
                    let mut inner = InlineBuilder::new();
                    self.children_inline(e, &mut inner);
                    let inl = inner.finish();
                    if inl.is_empty() {
                        return;
                    }
                    let span = EntitySpan { id, inlines: inl };
                    b.push(if is_person {
                        Inline::Person(span)
                    } else {
                        Inline::Term(span)
                    });
                } else {
                    self.children_inline(e, b);
                }
            }
            "ref" => {
                let target = e.attr("target").map(normalise_target).unwrap_or_default();
                let mut inner = InlineBuilder::new();
                self.children_inline(e, &mut inner);
                let inl = inner.finish();
                if target.is_empty() || !is_safe_target(&target) {
                    for i in inl {
                        b.push(i);
                    }
                    return;
                }
                self.refs.push(Ref {
                    target: target.clone(),
                    text: collapse(&plain_text(&inl)),
                    in_footnote: self.in_note,
                });
                b.push(Inline::Ref(RefSpan {
                    target,
                    inlines: inl,
                }));
            }
            "note" if e.attr("n").is_some() && e.attr("rend") != Some("inline") => {
                self.footnote(e, b)
            }
            "note" => self.children_inline(e, b),
            "pb" => {
                if let Some(n) = page_number(e) {
                    self.pages.push(n.clone());
                    b.push(Inline::Page(n));
                }
            }
            "lb" => b.push(Inline::Br(true)),
            "seg" if e.attr("type") == Some("margin") => self.wrapped(e, Inline::Margin, b),
            "gap" => {
                let what = match (e.attr("quantity"), e.attr("unit")) {
                    (Some(q), Some(u)) => format!("[{q} {u} omitted]"),
                    _ => "[…]".to_string(),
                };
                b.text(&what);
            }
            "figure" => {
                b.text("[Figure]");
            }
            "p" | "item" => {
                // Paragraphs inside a footnote or a cell: keep them apart with a break.
                if !b.is_empty() {
                    b.push(Inline::Br(true));
                }
                self.children_inline(e, b);
            }
            "label" => {
                self.children_inline(e, b);
                b.text(" ");
            }
            "list" => {
                for item in e.elements() {
                    if !b.is_empty() {
                        b.push(Inline::Br(true));
                    }
                    self.inline(item, b);
                }
            }
            _ => self.children_inline(e, b),
        }
    }
}

fn first_text<'n>(e: &'n Node<'_>) -> Option<&'n str> {
    match e.children.first()? {
        Child::Text(t) => Some(t),
        Child::El(x) => first_text(x),
    }
}

fn last_text<'n>(e: &'n Node<'_>) -> Option<&'n str> {
    match e.children.last()? {
        Child::Text(t) => Some(t),
        Child::El(x) => last_text(x),
    }
}

pub(super) fn page_number(pb: &Node<'_>) -> Option<String> {
    let n = pb.attr("n")?.trim();
    let n = n.trim_start_matches('[').trim_end_matches(']').trim();
    (!n.is_empty()).then(|| n.to_string())
}

/// `#d73` → `d73`; `frus1933v05#pg_151` and URLs unchanged.
fn normalise_target(t: &str) -> String {
    let t = t.trim();
    t.strip_prefix('#').unwrap_or(t).to_string()
}

/// Links go only to places in the app or to http(s) URLs.
fn is_safe_target(t: &str) -> bool {
    if t.contains("://") || t.contains(':') {
        return t.starts_with("http://") || t.starts_with("https://");
    }
    !t.contains(char::is_whitespace)
}
