//! Lists: items with their printed labels and depth; a subject list's items are `subject`
//! blocks.

use super::super::tree::{Child, Node};
use super::{is_block_element, Conv};
use crate::inline::InlineBuilder;
use crate::model::{Block, BlockKind, Inline};

impl Conv<'_> {
    pub(super) fn list(&mut self, e: &Node<'_>, level: u8, depth: u8, subject: bool) {
        let mut label: Option<String> = None;
        for child in e.elements() {
            match child.name {
                "head" => {
                    // A subject list's "SUBJECT" is a caption the page does not show.
                    if !subject {
                        let inl = self.inlines_of(child);
                        self.block(BlockKind::Paragraph, inl, level, None);
                    }
                }
                "label" => label = Some(child.text()),
                "pb" => self.page_between(child),
                "item" => self.item(child, level, depth, subject, label.take()),
                "list" => self.list(child, level, depth.saturating_add(1), subject),
                _ => self.block_element(child, level, None),
            }
        }
        if let Some(l) = label {
            // A label with no item after it still prints.
            self.block(BlockKind::Paragraph, vec![Inline::Text(l)], level, None);
        }
    }

    fn item(&mut self, e: &Node<'_>, level: u8, depth: u8, subject: bool, label: Option<String>) {
        let kind = if subject {
            BlockKind::Subject
        } else {
            BlockKind::ListItem
        };
        let mut acc = InlineBuilder::new();
        let mut label = label;
        let emit = |c: &mut Self, acc: &mut InlineBuilder, label: &mut Option<String>| {
            let done = std::mem::take(acc).finish();
            if !done.is_empty() || label.is_some() {
                let mut b = Block::new(kind, done);
                b.level = level;
                b.depth = depth;
                b.label = label.take().filter(|l| !l.is_empty());
                if b.inlines.is_empty() {
                    if let Some(l) = b.label.take() {
                        b.inlines.push(Inline::Text(l));
                    }
                }
                c.push(b);
            }
        };
        for child in &e.children {
            match child {
                Child::Text(t) => acc.text(t),
                Child::El(x) if x.is("list") => {
                    emit(self, &mut acc, &mut label);
                    self.list(x, level, depth.saturating_add(1), subject);
                }
                Child::El(x) if x.is("p") => {
                    emit(self, &mut acc, &mut label);
                    self.paragraph_into(x, &mut acc);
                    emit(self, &mut acc, &mut label);
                }
                Child::El(x) if is_block_element(x) => {
                    emit(self, &mut acc, &mut label);
                    self.block_element(x, level.saturating_add(1), None);
                }
                Child::El(x) => self.inline(x, &mut acc),
            }
        }
        emit(self, &mut acc, &mut label);
    }
}
