//! One `div type="document"` (as a small tree) → [`Document`]: blocks in order, footnotes
//! with their markers where they stand, page breaks, refs, parties, date and place.

use super::tree::{collapse, Child, Node};
use crate::heading;
use crate::inline::InlineBuilder;
use crate::model::{
    plain_text, Block, BlockKind, Cell, DateInfo, DateSource, Diagnostic, Document, EntitySpan,
    Footnote, FootnoteKind, Inline, Party, Precision, Ref, RefSpan,
};

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

struct DatelineFound {
    level: u8,
    when: Option<String>,
    date_text: String,
    place: Option<String>,
    text: String,
    offset: usize,
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
    let (date, place) = c.date_and_place(div);
    let doc = Document {
        id,
        volume: ctx.volume.map(str::to_string),
        n,
        title,
        head,
        kind,
        from,
        to,
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
    fn diag(&mut self, offset: usize, message: String) {
        self.diags.push(Pending {
            offset,
            diagnostic: Diagnostic::warning(message, None, None),
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

    fn block_element(&mut self, e: &Node<'_>, level: u8, rend: Option<&str>) {
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

    fn list(&mut self, e: &Node<'_>, level: u8, depth: u8, subject: bool) {
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

    fn paragraph_into(&mut self, p: &Node<'_>, acc: &mut InlineBuilder) {
        for child in &p.children {
            match child {
                Child::Text(t) => acc.text(t),
                Child::El(x) => self.inline(x, acc),
            }
        }
    }

    fn table(&mut self, e: &Node<'_>, level: u8) {
        let bordered = e.attr("rend").filter(|r| !r.is_empty()).map(str::to_string);
        for child in e.elements() {
            match child.name {
                "row" => {
                    let mut cells = Vec::new();
                    let mut flat = InlineBuilder::new();
                    for cell in child.elements().filter(|c| c.is("cell")) {
                        let inl = self.inlines_of(cell);
                        // The row's own inlines: the cells in a line, markers included.
                        flat.text(" ");
                        for i in &inl {
                            match i {
                                Inline::Text(t) => flat.text(t),
                                other => flat.push(other.clone()),
                            }
                        }
                        cells.push(Cell {
                            inlines: inl,
                            role: cell.attr("role").map(str::to_string),
                            rows: span(cell.attr("rows")),
                            cols: span(cell.attr("cols")),
                        });
                    }
                    for pb in child.elements().filter(|c| c.is("pb")) {
                        self.page_between(pb);
                    }
                    let mut b = Block::new(BlockKind::TableRow, flat.finish());
                    b.level = level;
                    b.cells = cells;
                    b.rend = bordered.clone();
                    self.push(b);
                }
                "head" => {
                    let inl = self.inlines_of(child);
                    self.block(BlockKind::Heading, inl, level, None);
                }
                "pb" => self.page_between(child),
                _ => self.block_element(child, level, None),
            }
        }
    }

    fn inlines_of(&mut self, e: &Node<'_>) -> Vec<Inline> {
        let mut b = InlineBuilder::new();
        self.children_inline(e, &mut b);
        b.finish()
    }

    fn children_inline(&mut self, e: &Node<'_>, b: &mut InlineBuilder) {
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

    fn inline(&mut self, e: &Node<'_>, b: &mut InlineBuilder) {
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

    fn footnote(&mut self, e: &Node<'_>, b: &mut InlineBuilder) {
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

    fn dateline_found(&mut self, e: &Node<'_>, level: u8) {
        let date = e.find(&|n| n.is("date"));
        let place = e
            .find(&|n| n.is("placeName"))
            .map(|p| p.text().trim_end_matches([',', ';', ':', ' ']).to_string())
            .filter(|p| !p.is_empty());
        self.datelines.push(DatelineFound {
            level,
            when: date.and_then(|d| d.attr("when")).map(str::to_string),
            date_text: date.map(|d| d.text()).unwrap_or_default(),
            place,
            text: e.text(),
            offset: e.offset,
        });
    }

    fn date_and_place(&mut self, div: &Node<'_>) -> (Option<DateInfo>, Option<String>) {
        let top: Vec<usize> = (0..self.datelines.len())
            .filter(|&i| self.datelines[i].level == 0)
            .collect();
        let place = top.iter().find_map(|&i| self.datelines[i].place.clone());
        // 1. The document's own dateline with a machine-readable date.
        for &i in &top {
            let d = &self.datelines[i];
            if let Some(when) = d.when.clone() {
                let text = if d.date_text.is_empty() {
                    d.text.clone()
                } else {
                    d.date_text.clone()
                };
                let offset = d.offset;
                if let Some(info) = self.trusted(&when, text, offset) {
                    return (Some(info), place);
                }
                return (None, place);
            }
        }
        // 2. The div's date range.
        if let Some(min) = div.attr("frus:doc-dateTime-min") {
            let max = div.attr("frus:doc-dateTime-max").unwrap_or(min);
            if let Some(info) = range(min, max) {
                if self.in_span(&info.iso) {
                    return (Some(info), place);
                }
                self.diag(
                    div.offset,
                    crate::dates::untrusted(
                        &format!("date range {min}–{max}"),
                        "is far from the volume's years",
                    ),
                );
            }
        }
        // 3. Any other date/@when of the document (not in footnotes or attachments).
        if let Some(d) = find_date(div) {
            let when = d.attr("when").unwrap_or("").to_string();
            if let Some(info) = self.trusted(&when, d.text(), d.offset) {
                return (Some(info), place);
            }
        }
        // 4. A dateline without @when: read its words.
        for &i in &top {
            let text = self.datelines[i].text.clone();
            let hint = self.ctx.years.map(|y| y.0);
            if let Some(found) = crate::dates::find_dates(&text, hint).into_iter().next() {
                if self.in_span(&found.iso) {
                    let shown = if self.datelines[i].date_text.is_empty() {
                        text
                    } else {
                        self.datelines[i].date_text.clone()
                    };
                    return (
                        Some(DateInfo {
                            iso: found.iso,
                            precision: found.precision,
                            source: DateSource::Dateline,
                            text: shown,
                        }),
                        place,
                    );
                }
            }
        }
        (None, place)
    }

    fn in_span(&self, iso: &str) -> bool {
        match (crate::dates::year_of(iso), self.ctx.years) {
            (Some(y), Some((lo, hi))) => y >= lo - 80 && y <= hi + 5,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    fn trusted(&mut self, when: &str, text: String, offset: usize) -> Option<DateInfo> {
        match parse_when(when) {
            Some((iso, precision)) if self.in_span(&iso) => Some(DateInfo {
                iso,
                precision,
                source: DateSource::Tei,
                text,
            }),
            Some(_) => {
                let span = self
                    .ctx
                    .years
                    .map(|(a, b)| {
                        if a == b {
                            format!("{a}")
                        } else {
                            format!("{a}–{b}")
                        }
                    })
                    .unwrap_or_default();
                self.diag(
                    offset,
                    crate::dates::untrusted(
                        &format!("date/@when=\"{when}\" (“{text}”)"),
                        &format!("is far from the volume's years {span}"),
                    ),
                );
                None
            }
            None => {
                self.diag(
                    offset,
                    crate::dates::untrusted(&format!("date/@when=\"{when}\""), "is not a date"),
                );
                None
            }
        }
    }
}

fn span(v: Option<&str>) -> u16 {
    v.and_then(|v| v.trim().parse::<u16>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
        .min(64)
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

/// "[Omitted here is …]" as a whole paragraph is the editors' voice, not the document's.
fn is_editorial(inl: &[Inline]) -> bool {
    let t = plain_text(inl);
    let t = t.trim();
    t.starts_with('[') && t.ends_with(']') && t.len() > 12 && !t[1..t.len() - 1].contains(']')
}

fn page_number(pb: &Node<'_>) -> Option<String> {
    let n = pb.attr("n")?.trim();
    let n = n.trim_start_matches('[').trim_end_matches(']').trim();
    (!n.is_empty()).then(|| n.to_string())
}

/// The first `date/@when` outside footnotes, attachments and nested documents.
fn find_date<'n, 'a>(e: &'n Node<'a>) -> Option<&'n Node<'a>> {
    for x in e.elements() {
        if x.is("date") && x.attr("when").is_some() {
            return Some(x);
        }
        if matches!(x.name, "note" | "attachment" | "div" | "quote") {
            continue;
        }
        if let Some(d) = find_date(x) {
            return Some(d);
        }
    }
    None
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

/// A TEI `@when` → ISO as the model writes it, with its precision. The time is kept as
/// printed (local); a zone suffix is dropped.
pub fn parse_when(when: &str) -> Option<(String, Precision)> {
    let w = when.trim();
    let (date, time) = match w.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (w, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let (iso, precision) = match parts.as_slice() {
        [y] if num(y, 4) => (y.to_string(), Precision::Year),
        [y, m] if num(y, 4) && num(m, 2) => (format!("{y}-{m}"), Precision::Month),
        [y, m, d] if num(y, 4) && num(m, 2) && num(d, 2) => {
            (format!("{y}-{m}-{d}"), Precision::Day)
        }
        _ => return None,
    };
    if precision >= Precision::Month {
        let m: u32 = parts[1].parse().ok()?;
        if !(1..=12).contains(&m) {
            return None;
        }
    }
    if precision == Precision::Day {
        let (y, m, d): (i32, u32, u32) = (
            parts[0].parse().ok()?,
            parts[1].parse().ok()?,
            parts[2].parse().ok()?,
        );
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    }
    if let (Some(t), Precision::Day) = (time, precision) {
        let hm = t
            .get(..5)
            .filter(|hm| hm.as_bytes().get(2) == Some(&b':'))?;
        if hm != "00:00" {
            return Some((format!("{iso}T{hm}"), Precision::Minute));
        }
    }
    Some((iso, precision))
}

/// `frus:doc-dateTime-min/max` → one date with the precision both ends share.
fn range(min: &str, max: &str) -> Option<DateInfo> {
    let (a, pa) = parse_when(min)?;
    let (b, _) = parse_when(max).unwrap_or((a.clone(), pa));
    let (a, b) = (
        a.get(..10).unwrap_or(&a).to_string(),
        b.get(..10).unwrap_or(&b).to_string(),
    );
    let (iso, precision) = if a == b {
        (a.clone(), pa.min(Precision::Day))
    } else if a.get(..7) == b.get(..7) {
        (a[..7].to_string(), Precision::Month)
    } else if a.get(..4) == b.get(..4) {
        (a[..4].to_string(), Precision::Year)
    } else {
        (a[..4.min(a.len())].to_string(), Precision::Year)
    };
    let text = if a == b { a } else { format!("{a} – {b}") };
    Some(DateInfo {
        iso,
        precision,
        source: DateSource::Tei,
        text,
    })
}
