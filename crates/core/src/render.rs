//! Renderers kept apart from the parsers: the model back to the page-text format, and the
//! flat text a reader (or an accuracy check) sees.

use crate::dates;
use crate::model::{Block, BlockKind, Document, Inline};

/// Does the page show the document number before the heading? Modern volumes do.
pub fn numbered_heading(doc: &Document) -> bool {
    match doc.volume.as_deref().and_then(dates::volume_years) {
        Some((y, _)) => y >= 1945 && doc.n.is_some(),
        None => doc.n.is_some(),
    }
}

fn push_inlines(doc: &Document, inlines: &[Inline], out: &mut String, line_breaks: bool) {
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Note(k) => {
                let label = doc
                    .footnote(*k)
                    .map_or_else(|| k.to_string(), |f| f.n.clone());
                out.push_str(&label);
            }
            Inline::Page(n) => {
                out.push_str("[Page ");
                out.push_str(n);
                out.push(']');
            }
            // The page text glues a marginal summary into the sentence, as printed.
            Inline::Em(c) | Inline::Sc(c) | Inline::Sup(c) | Inline::Margin(c) => {
                push_inlines(doc, c, out, line_breaks)
            }
            Inline::Ref(r) => push_inlines(doc, &r.inlines, out, line_breaks),
            Inline::Person(e) | Inline::Term(e) => push_inlines(doc, &e.inlines, out, line_breaks),
            Inline::Br(_) => out.push(if line_breaks { '\n' } else { ' ' }),
        }
    }
}

/// The document in the history.state.gov page-text format that [`crate::parse_text`] reads.
pub fn to_page_text(doc: &Document) -> String {
    let mut out = String::new();
    for b in doc.blocks.iter().filter(|b| b.before_head) {
        push_inlines(doc, &b.inlines, &mut out, false);
        out.push_str("\n\n");
    }
    if numbered_heading(doc) {
        if let Some(n) = &doc.n {
            out.push_str(n);
            out.push_str(". ");
        }
    }
    push_inlines(doc, &doc.head, &mut out, true);
    let (mut prev, mut before_prev): (Option<&Block>, Option<&Block>) = (None, None);
    for b in doc.blocks.iter().filter(|b| !b.before_head) {
        // Lines printed without a blank between them. A lone table row before a signature
        // shared its group of lines with it (alone, it would have been a paragraph).
        let lone_row = before_prev.is_none_or(|bp| bp.kind != BlockKind::TableRow);
        let tight = prev.is_some_and(|p| {
            matches!(
                (p.kind, b.kind),
                (BlockKind::TableRow, BlockKind::TableRow)
                    | (BlockKind::ListItem, BlockKind::ListItem)
                    | (BlockKind::Subject, BlockKind::Subject)
                    | (BlockKind::Signature, BlockKind::Signature)
            ) || (p.kind == BlockKind::TableRow && b.kind == BlockKind::Signature && lone_row)
        });
        out.push_str(if tight { "\n" } else { "\n\n" });
        let mut inlines: &[Inline] = &b.inlines;
        while let Some((Inline::Page(n), rest)) = inlines.split_first() {
            out.push_str("[Page ");
            out.push_str(n);
            out.push_str("]\n");
            inlines = rest;
        }
        match (b.kind, &b.label) {
            (BlockKind::ListItem, Some(label)) => {
                let indent = "    ".repeat(b.depth.saturating_sub(1) as usize);
                out.push_str(&indent);
                out.push_str(label);
                if !inlines.is_empty() {
                    out.push('\n');
                    out.push_str(&indent);
                }
            }
            (BlockKind::ListItem | BlockKind::Subject, None) => {
                out.push_str(&"  ".repeat(b.depth.max(1) as usize));
                out.push_str("• ");
            }
            _ => {}
        }
        push_inlines(doc, inlines, &mut out, false);
        before_prev = prev;
        prev = Some(b);
    }
    if !doc.footnotes.is_empty() {
        out.push('\n');
        for f in &doc.footnotes {
            out.push_str(&format!("  {}. ", f.index));
            push_inlines(doc, &f.inlines, &mut out, false);
            out.push('\n');
        }
        out.pop();
    }
    out
}

/// The text a reader sees, whitespace collapsed, with `[Page N]` kept and markers left
/// out, and for each footnote the byte offset where its marker stands (if placed).
pub fn flat_text(doc: &Document) -> (String, Vec<Option<usize>>) {
    let mut out = String::new();
    let mut at = vec![None; doc.footnotes.len()];
    let add = |inlines: &[Inline], out: &mut String, at: &mut Vec<Option<usize>>| {
        if !out.is_empty() {
            out.push(' ');
        }
        flat_inlines(inlines, out, at);
    };
    for b in doc.blocks.iter().filter(|b| b.before_head) {
        add(&b.inlines, &mut out, &mut at);
    }
    add(&doc.head, &mut out, &mut at);
    for b in doc.blocks.iter().filter(|b| !b.before_head) {
        let mut inl = Vec::new();
        if let Some(l) = &b.label {
            inl.push(Inline::Text(format!("{l} ")));
        }
        inl.extend(b.inlines.iter().cloned());
        add(&inl, &mut out, &mut at);
    }
    // Collapse whitespace, keeping the marker offsets in step.
    let mut collapsed = String::with_capacity(out.len());
    let mut map = vec![0usize; out.len() + 1];
    let mut last_space = true;
    for (i, c) in out.char_indices() {
        map[i] = collapsed.len();
        if c.is_whitespace() {
            if !last_space {
                collapsed.push(' ');
            }
            last_space = true;
        } else {
            collapsed.push(c);
            last_space = false;
        }
    }
    map[out.len()] = collapsed.len();
    let at = at.into_iter().map(|o| o.map(|o| map[o])).collect();
    (collapsed, at)
}

fn flat_inlines(inlines: &[Inline], out: &mut String, at: &mut Vec<Option<usize>>) {
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Note(k) => {
                if let Some(slot) = at.get_mut((*k as usize).wrapping_sub(1)) {
                    *slot = Some(out.len());
                }
            }
            Inline::Page(n) => {
                out.push_str(" [Page ");
                out.push_str(n);
                out.push_str("] ");
            }
            Inline::Em(c) | Inline::Sc(c) | Inline::Sup(c) | Inline::Margin(c) => {
                flat_inlines(c, out, at)
            }
            Inline::Ref(r) => flat_inlines(&r.inlines, out, at),
            Inline::Person(e) | Inline::Term(e) => flat_inlines(&e.inlines, out, at),
            Inline::Br(_) => out.push(' '),
        }
    }
}
