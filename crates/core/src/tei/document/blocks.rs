//! Block elements of a document: paragraphs and their kin (opener, closer, salute, signed,
//! dateline), quotes, attachments and figures, each to the blocks it prints as.

use super::super::tree::{Child, Node};
use super::{is_block_element, Conv};
use crate::inline::InlineBuilder;
use crate::model::{plain_text, Block, BlockKind, Inline};

impl Conv<'_> {
    pub(super) fn block_element(&mut self, e: &Node<'_>, level: u8, rend: Option<&str>) {
        match e.name {
            "head" if level == 0 && self.head.is_none() => {
                self.in_head = true;
                let mut inl = std::mem::take(&mut self.pending_pages);
                inl.extend(self.inlines_of(e));
                self.in_head = false;
                self.head = Some(inl);
            }
            "head" => {
                let inl = self.inlines_of(e);
                self.block(BlockKind::Heading, inl, level, None);
            }
            "note" => {
                let inl = self.inlines_of(e);
                let mut b = Block::new(BlockKind::Source, inl);
                b.level = level;
                b.before_head = level == 0 && self.head.is_none();
                self.push(b);
            }
            "p" => {
                let r = e.attr("rend").or(rend);
                self.paragraph(e, BlockKind::Paragraph, level, r);
            }
            "opener" => self.container(e, level, rend),
            "dateline" => {
                let inl = self.inlines_of(e);
                self.dateline_found(e, level);
                self.block(
                    BlockKind::Dateline,
                    inl,
                    level,
                    e.attr("rendition").map(|r| r.trim_start_matches('#')),
                );
            }
            "salute" => {
                let kind = if self
                    .blocks
                    .iter()
                    .any(|b| b.level == level && b.kind == BlockKind::Paragraph)
                {
                    BlockKind::Closing
                } else {
                    BlockKind::Salutation
                };
                self.paragraph(e, kind, level, None);
            }
            "signed" => self.paragraph(e, BlockKind::Signature, level, None),
            "closer" => self.closer(e, level),
            "postscript" => self.container(e, level, Some("postscript")),
            "quote" => self.quote(e, level),
            "list" => self.list(e, level, 1, e.attr("type") == Some("subject")),
            "table" => self.table(e, level),
            "attachment" | "div" => self.container(e, level.saturating_add(1), None),
            "figure" => {
                let mut b = InlineBuilder::new();
                b.text("[Figure");
                let caption = e.text();
                if !caption.is_empty() {
                    b.text(": ");
                    b.text(&caption);
                }
                b.text("]");
                self.block(BlockKind::Editorial, b.finish(), level, None);
            }
            _ => self.paragraph(e, BlockKind::Paragraph, level, rend),
        }
    }

    /// A paragraph-like element; block elements inside it (a blockquote, a list) split it.
    fn paragraph(&mut self, e: &Node<'_>, kind: BlockKind, level: u8, rend: Option<&str>) {
        let mut acc = InlineBuilder::new();
        for child in &e.children {
            match child {
                Child::Text(t) => acc.text(t),
                Child::El(x)
                    if is_block_element(x)
                        && !x.is("head")
                        && !x.is("signed")
                        && !x.is("dateline") =>
                {
                    self.flush(&mut acc, kind, level, rend);
                    self.block_element(x, level, rend);
                }
                Child::El(x) => self.inline(x, &mut acc),
            }
        }
        let done = acc.finish();
        if !done.is_empty() {
            let bracketed = kind == BlockKind::Paragraph && is_editorial(&done);
            let kind = if bracketed {
                BlockKind::Editorial
            } else {
                kind
            };
            self.block(kind, done, level, rend);
        }
    }

    fn closer(&mut self, e: &Node<'_>, level: u8) {
        let mut acc = InlineBuilder::new();
        for child in &e.children {
            match child {
                Child::Text(t) => acc.text(t),
                Child::El(x) if x.is("signed") => {
                    self.flush(&mut acc, BlockKind::Closing, level, None);
                    self.paragraph(x, BlockKind::Signature, level, None);
                }
                Child::El(x) if x.is("dateline") => {
                    self.flush(&mut acc, BlockKind::Closing, level, None);
                    self.block_element(x, level, None);
                }
                Child::El(x) if x.is("salute") || x.is("p") => {
                    self.flush(&mut acc, BlockKind::Closing, level, None);
                    self.paragraph(x, BlockKind::Closing, level, None);
                }
                Child::El(x) if x.is("pb") && acc.is_empty() => self.page_between(x),
                Child::El(x) if is_block_element(x) => {
                    self.flush(&mut acc, BlockKind::Closing, level, None);
                    self.block_element(x, level, None);
                }
                Child::El(x) => self.inline(x, &mut acc),
            }
        }
        self.flush(&mut acc, BlockKind::Closing, level, None);
    }

    fn quote(&mut self, e: &Node<'_>, level: u8) {
        let inner = level.saturating_add(1);
        let start = self.blocks.len();
        self.container(e, inner, None);
        for b in &mut self.blocks[start..] {
            if b.level == inner && b.kind == BlockKind::Paragraph {
                b.kind = BlockKind::Quote;
            }
        }
    }

    pub(super) fn paragraph_into(&mut self, p: &Node<'_>, acc: &mut InlineBuilder) {
        for child in &p.children {
            match child {
                Child::Text(t) => acc.text(t),
                Child::El(x) => self.inline(x, acc),
            }
        }
    }
}

/// "[Omitted here is …]" as a whole paragraph is the editors' voice, not the document's.
fn is_editorial(inl: &[Inline]) -> bool {
    let t = plain_text(inl);
    let t = t.trim();
    t.starts_with('[') && t.ends_with(']') && t.len() > 12 && !t[1..t.len() - 1].contains(']')
}
