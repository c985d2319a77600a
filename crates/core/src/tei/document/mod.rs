//! One `div type="document"` (as a small tree) → [`Document`]: blocks in order, footnotes
//! with their markers where they stand, page breaks, refs, parties, date and place.
//!
//! The conversion is one walk over the tree by [`Conv`], split by job: this file drives it
//! (containers, pending page breaks, the heading and parties), [`blocks`], [`lists`] and
//! [`tables`] turn block elements into blocks, [`inlines`] and [`notes`] build the runs of
//! text, and [`dates`] weighs the evidence of date and place.

mod blocks;
mod dates;
mod inlines;
mod lists;
mod notes;
mod tables;

pub use dates::parse_when;

use super::tree::{collapse, Child, Node};
use crate::heading;
use crate::inline::InlineBuilder;
use crate::model::{
    plain_text, Block, BlockKind, Diagnostic, DiagnosticCode, Document, Footnote, Inline, Party,
    Ref,
};
use dates::DatelineFound;
use inlines::page_number;

/// What a document needs from its volume.
pub struct VolumeContext<'v> {
    pub volume: Option<&'v str>,
    pub years: Option<(i32, i32)>,
}

/// A diagnostic before its line is known: the byte offset it refers to.
pub struct Pending {
    pub offset: usize,
    pub diagnostic: Diagnostic,
}

struct Conv<'v> {
    ctx: &'v VolumeContext<'v>,
    blocks: Vec<Block>,
    footnotes: Vec<Footnote>,
    refs: Vec<Ref>,
    pages: Vec<String>,
    diags: Vec<Pending>,
    /// The footnote being read, for `Ref::in_footnote`.
    in_note: Option<u32>,
    /// Page breaks between blocks wait for the next block.
    pending_pages: Vec<Inline>,
    head: Option<Vec<Inline>>,
    /// `persName`/`gloss` of the heading: (type, text, id).
    head_names: Vec<(Option<String>, String, Option<String>, bool)>,
    in_head: bool,
    datelines: Vec<DatelineFound>,
}

/// Converts a document div. `number` is `@n`; ids come from the caller.
pub fn convert(div: &Node<'_>, id: String, ctx: &VolumeContext<'_>) -> (Document, Vec<Pending>) {
    let mut c = Conv {
        ctx,
        blocks: Vec::new(),
        footnotes: Vec::new(),
        refs: Vec::new(),
        pages: Vec::new(),
        diags: Vec::new(),
        in_note: None,
        pending_pages: Vec::new(),
        head: None,
        head_names: Vec::new(),
        in_head: false,
        datelines: Vec::new(),
    };
    c.container(div, 0, None);
    c.flush_pages();
    let n = div.attr("n").map(str::to_string).filter(|n| !n.is_empty());
    let mut head = c.head.take().unwrap_or_default();
    if let Some(n) = &n {
        strip_number(&mut head, n);
    }
    let mut title = collapse(&plain_text(&head));
    if title.is_empty() {
        title = "[Untitled]".to_string();
    }
    let h = heading::parse(&title);
    let (from, to) = parties(&h, &c.head_names);
    let kind = crate::text::kind_of(&h, &c.blocks);
    let (date, place) = c.date_and_place(div, &title, &h);
    let doc = Document {
        id,
        volume: ctx.volume.map(str::to_string),
        n,
        title,
        head,
        kind,
        from,
        to,
        participants: h.participants.clone(),
        date,
        place,
        blocks: c.blocks,
        footnotes: c.footnotes,
        pages: c.pages,
        refs: c.refs,
        links: Vec::new(),
        diagnostics: Vec::new(),
    };
    (doc, c.diags)
}

/// Modern heads carry their number ("74. Letter From …"); the model keeps it apart.
fn strip_number(head: &mut Vec<Inline>, n: &str) {
    let Some(i) = head.iter().position(|x| !matches!(x, Inline::Page(_))) else {
        return;
    };
    if let Inline::Text(t) = &mut head[i] {
        let trimmed = t.trim_start();
        if let Some(rest) = trimmed.strip_prefix(n).and_then(|r| r.strip_prefix('.')) {
            *t = rest.trim_start().to_string();
            if t.is_empty() {
                head.remove(i);
            }
        }
    }
}

/// Senders and recipients: the heading grammar (shared with the plain-text parser), with
/// the ids of the heading's `persName`s; the TEI's typed names when the grammar finds none.
fn parties(
    h: &heading::Heading,
    names: &[(Option<String>, String, Option<String>, bool)],
) -> (Vec<Party>, Vec<Party>) {
    let attach = |parties: &[Party], side: &str| -> Vec<Party> {
        let mut out = parties.to_vec();
        for p in &mut out {
            let hit = names.iter().find(|(ty, text, id, _)| {
                id.is_some()
                    && (ty.as_deref() == Some(side) || ty.is_none())
                    && (p.name.as_deref() == Some(text.as_str()) || p.text.ends_with(text.as_str()))
            });
            if let Some((_, _, id, _)) = hit {
                p.id = id.clone();
            }
        }
        out
    };
    let typed = |side: &str| -> Vec<Party> {
        names
            .iter()
            .filter(|(ty, ..)| ty.as_deref() == Some(side))
            .map(|(_, text, id, is_person)| Party {
                text: text.clone(),
                name: is_person.then(|| text.clone()),
                role: (!is_person).then(|| text.clone()),
                id: id.clone(),
            })
            .collect()
    };
    let from = if h.from.is_empty() {
        typed("from")
    } else {
        attach(&h.from, "from")
    };
    let to = if h.to.is_empty() {
        typed("to")
    } else {
        attach(&h.to, "to")
    };
    (from, to)
}

fn is_block_element(n: &Node<'_>) -> bool {
    matches!(
        n.name,
        "p" | "list"
            | "table"
            | "closer"
            | "opener"
            | "postscript"
            | "attachment"
            | "div"
            | "figure"
            | "dateline"
            | "signed"
            | "salute"
            | "head"
    ) || (n.is("quote") && n.elements().any(|e| e.is("p")))
        || (n.is("quote") && n.attr("rend") == Some("blockquote"))
        || (n.is("note") && n.attr("rend") == Some("inline"))
}
impl Conv<'_> {
    fn diag(&mut self, offset: usize, code: DiagnosticCode, message: String) {
        self.diags.push(Pending {
            offset,
            diagnostic: Diagnostic::warning(code, message, None, None),
        });
    }

    fn push(&mut self, mut block: Block) {
        if !self.pending_pages.is_empty() {
            let mut inl = std::mem::take(&mut self.pending_pages);
            if !block.inlines.is_empty() {
                inl.push(Inline::Text(String::new()));
            }
            inl.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
            inl.append(&mut block.inlines);
            block.inlines = inl;
        }
        if block.inlines.is_empty() && block.cells.is_empty() {
            return;
        }
        self.blocks.push(block);
    }

    /// Page breaks at the very end of the document join its last block.
    fn flush_pages(&mut self) {
        if self.pending_pages.is_empty() {
            return;
        }
        let pages = std::mem::take(&mut self.pending_pages);
        match self.blocks.last_mut() {
            Some(b) => b.inlines.extend(pages),
            None => {
                let mut b = Block::new(BlockKind::Paragraph, pages);
                b.rend = Some("page".into());
                self.blocks.push(b)
            }
        }
    }

    fn block(&mut self, kind: BlockKind, inlines: Vec<Inline>, level: u8, rend: Option<&str>) {
        let mut b = Block::new(kind, inlines);
        b.level = level;
        b.rend = rend.map(str::to_string);
        self.push(b);
    }

    /// The children of a container (document, attachment, quote, postscript, item…) as
    /// blocks; loose text and inline elements between them gather into paragraphs.
    fn container(&mut self, node: &Node<'_>, level: u8, rend: Option<&str>) {
        let mut acc = InlineBuilder::new();
        for child in &node.children {
            match child {
                Child::Text(t) => acc.text(t),
                Child::El(e) if e.is("pb") && acc.is_empty() => self.page_between(e),
                Child::El(e) if e.is("note") && e.attr("n").is_some() && acc.is_empty() => {
                    // A footnote standing between blocks belongs to what precedes it.
                    let mut b = InlineBuilder::new();
                    self.footnote(e, &mut b);
                    let marker = b.finish();
                    match self.blocks.last_mut() {
                        Some(last) => last.inlines.extend(marker),
                        _ => match &mut self.head {
                            Some(h) => h.extend(marker),
                            None => acc.push(marker.into_iter().next().unwrap_or(Inline::Br(true))),
                        },
                    }
                }
                Child::El(e) if is_block_element(e) => {
                    self.flush(&mut acc, BlockKind::Paragraph, level, rend);
                    self.block_element(e, level, rend);
                }
                Child::El(e) => self.inline(e, &mut acc),
            }
        }
        self.flush(&mut acc, BlockKind::Paragraph, level, rend);
    }

    fn flush(&mut self, acc: &mut InlineBuilder, kind: BlockKind, level: u8, rend: Option<&str>) {
        let done = std::mem::take(acc).finish();
        if !done.is_empty() {
            self.block(kind, done, level, rend);
        }
    }

    fn page_between(&mut self, pb: &Node<'_>) {
        if let Some(n) = page_number(pb) {
            self.pages.push(n.clone());
            self.pending_pages.push(Inline::Page(n));
        }
    }
}
