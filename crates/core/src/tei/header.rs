//! The volume's own description: the teiHeader (ids, titles, editors, date) and the front
//! matter's lists of persons and terms.

use super::tree::{collapse, Child, Node};
use crate::inline::InlineBuilder;
use crate::model::{Editor, Entry, Inline, Volume, VolumeTitle};

pub fn read(header: &Node<'_>, volume: &mut Volume) {
    if let Some(stmt) = header.find(&|n| n.is("titleStmt")) {
        for e in stmt.elements() {
            match e.name {
                "title" => {
                    let text = e.text();
                    if text.is_empty() {
                        continue;
                    }
                    let kind = e.attr("type").unwrap_or("main").to_string();
                    if kind == "complete" || volume.title.is_empty() {
                        volume.title = text.clone();
                    }
                    volume.titles.push(VolumeTitle { kind, text });
                }
                "editor" => {
                    let name = e.text();
                    if !name.is_empty() {
                        volume.editors.push(Editor {
                            role: e.attr("role").map(str::to_string),
                            name,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(publication) = header.find(&|n| n.is("publicationStmt")) {
        for e in publication.elements() {
            match e.name {
                "date" => {
                    let d = e.text();
                    if !d.is_empty() {
                        volume.published = Some(d);
                    }
                }
                "idno" if e.attr("type") == Some("frus") => {
                    let id = e.text();
                    if !id.is_empty() {
                        volume.id = id;
                    }
                }
                _ => {}
            }
        }
    }
}

/// `<item><persName xml:id="p_BND1">Baker, Newton D.</persName>, Secretary of War.</item>`
/// → id, name and description; the same shape for terms.
pub fn entries(div: &Node<'_>) -> Vec<Entry> {
    let mut out = Vec::new();
    collect(div, &mut out);
    out
}

fn collect(n: &Node<'_>, out: &mut Vec<Entry>) {
    for e in n.elements() {
        if e.is("item") {
            if let Some(entry) = entry(e) {
                out.push(entry);
                continue;
            }
        }
        collect(e, out);
    }
}

fn entry(item: &Node<'_>) -> Option<Entry> {
    // The name may be wrapped (`<hi rend="strong"><term xml:id="t_UN_1">UN</term></hi>`):
    // the first element with an id, at any depth; the description is what follows it.
    let named = item.find(&|e| e.attr("xml:id").is_some())?;
    let id = named.attr("xml:id")?.to_string();
    let name = named.text();
    let mut b = InlineBuilder::new();
    let mut after = false;
    after_named(item, named, &mut after, &mut b);
    let mut description = b.finish();
    // The description follows ", " after the name.
    if let Some(Inline::Text(t)) = description.first_mut() {
        let trimmed = t.trim_start_matches([',', ':', ' ', '—', '-']).to_string();
        *t = trimmed;
        if t.is_empty() {
            description.remove(0);
        }
    }
    Some(Entry {
        id,
        name: collapse(&name),
        description,
    })
}

/// Appends to `b` everything of `n` that comes after the element `named`.
fn after_named(n: &Node<'_>, named: &Node<'_>, after: &mut bool, b: &mut InlineBuilder) {
    for c in &n.children {
        match c {
            Child::El(e) if std::ptr::eq(e, named) => *after = true,
            Child::Text(t) if *after => b.text(t),
            Child::El(e) if *after => describe(e, b),
            Child::El(e) => after_named(e, named, after, b),
            Child::Text(_) => {}
        }
    }
}

fn describe(e: &Node<'_>, b: &mut InlineBuilder) {
    let mut inner = InlineBuilder::new();
    for c in &e.children {
        match c {
            Child::Text(t) => inner.text(t),
            Child::El(x) => describe(x, &mut inner),
        }
    }
    let inl = inner.finish();
    if inl.is_empty() {
        return;
    }
    match (e.name, e.attr("rend")) {
        ("hi", Some("italic")) => b.push(Inline::Em(inl)),
        ("hi", Some("smallcaps")) => b.push(Inline::Sc(inl)),
        _ => {
            for i in inl {
                match i {
                    Inline::Text(t) => b.text(&t),
                    other => b.push(other),
                }
            }
        }
    }
}
