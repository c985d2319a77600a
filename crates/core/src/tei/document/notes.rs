//! Footnotes: the note is read where it stands, its marker left in the text there.

use super::super::tree::Node;
use super::Conv;
use crate::inline::InlineBuilder;
use crate::model::{Footnote, FootnoteKind, Inline};

impl Conv<'_> {
    pub(super) fn footnote(&mut self, e: &Node<'_>, b: &mut InlineBuilder) {
        let index = self.footnotes.len() as u32 + 1;
        let label = e.attr("n").unwrap_or("").trim().to_string();
        let kind = if e.attr("type") == Some("source") {
            FootnoteKind::Source
        } else {
            FootnoteKind::Note
        };
        // Reserve the slot first: a note inside a note keeps document order.
        self.footnotes.push(Footnote {
            index,
            n: label,
            kind,
            inlines: Vec::new(),
        });
        let outer = self.in_note.replace(index);
        let in_head = std::mem::replace(&mut self.in_head, false);
        let inl = self.inlines_of(e);
        self.in_head = in_head;
        self.in_note = outer;
        self.footnotes[index as usize - 1].inlines = inl;
        b.push_glued(Inline::Note(index));
    }
}
