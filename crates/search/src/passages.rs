//! A document as the index reads it: passages of plain text, each in one field and one
//! region of the document (its heading, a block, a table cell, a note), with where each
//! run of text came from, so that a word found can be marked where it is printed.

use letterbook_core::model::{Block, BlockKind, Document, FootnoteKind, Inline, Party, Region};

/// Where in a document a word stands: what `in:` names and what ranking weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Field {
    /// The heading.
    Heading = 0,
    /// The text: paragraphs, lists, tables, quoted and embedded messages.
    Body = 1,
    /// The footnotes other than the source note.
    Notes = 2,
    /// The source note (where the original is filed) and old volumes' file numbers.
    Source = 3,
    /// The senders, as the heading names them.
    From = 4,
    /// The recipients, as the heading names them.
    To = 5,
}

/// How many fields there are.
pub const FIELDS: usize = 6;

impl Field {
    /// Every field, in the order their positions are numbered.
    pub const ALL: [Field; FIELDS] = [
        Field::Heading,
        Field::Body,
        Field::Notes,
        Field::Source,
        Field::From,
        Field::To,
    ];

    /// The field with this number.
    pub fn from_index(i: usize) -> Option<Field> {
        Field::ALL.get(i).copied()
    }

    /// Its bit in a field mask.
    pub fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The name `in:` takes (`in:notes`); a few other spellings are read too.
    pub fn named(name: &str) -> Option<Field> {
        Some(match name {
            "heading" | "head" | "title" | "headings" | "titles" => Field::Heading,
            "body" | "text" => Field::Body,
            "notes" | "note" | "footnotes" | "footnote" | "fn" => Field::Notes,
            "source" | "sources" | "source-note" => Field::Source,
            "from" | "sender" | "senders" => Field::From,
            "to" | "recipient" | "recipients" => Field::To,
            _ => return None,
        })
    }

    /// Its name, as `in:` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Heading => "heading",
            Field::Body => "body",
            Field::Notes => "notes",
            Field::Source => "source",
            Field::From => "from",
            Field::To => "to",
        }
    }
}

/// One run of plain text of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// The field it belongs to.
    pub field: Field,
    /// Where it is printed (`None` for the senders and recipients, which are the
    /// heading's words read again).
    pub region: Option<Region>,
    /// Its text: the region's text runs joined; a footnote marker, a line break or a
    /// margin's edge is a space.
    pub text: String,
    /// Each text run: its start in `text` and its inline's number in the region's
    /// depth-first walk ([`letterbook_core::model::Walk`]).
    pub runs: Vec<Run>,
}

/// A run of a passage's text: one [`Inline::Text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Byte offset of its start in the passage's text.
    pub at: u32,
    /// Byte offset of its end.
    pub end: u32,
    /// The inline's number in its region's depth-first walk.
    pub inline: u32,
}

impl Passage {
    /// The runs a span of the passage's text (`start..end`) lies in, each as (the
    /// inline's number, the span's start and end within that inline's text).
    pub fn locate(&self, start: usize, end: usize) -> Vec<(u32, usize, usize)> {
        self.runs
            .iter()
            .filter_map(|run| {
                let (a, b) = (run.at as usize, run.end as usize);
                let (s, e) = (start.max(a), end.min(b));
                (s < e).then(|| (run.inline, s - a, e - a))
            })
            .collect()
    }
}

/// Every passage of `doc`, field by field in [`Field::ALL`]'s order, each field's in
/// reading order.
pub fn passages(doc: &Document) -> Vec<Passage> {
    let mut by_field: [Vec<Passage>; FIELDS] = Default::default();
    let mut scratch = Passage::empty();
    each(doc, &mut scratch, |p| {
        by_field[p.field as usize].push(p.clone())
    });
    by_field.into_iter().flatten().collect()
}

impl Passage {
    fn empty() -> Passage {
        Passage {
            field: Field::Body,
            region: None,
            text: String::new(),
            runs: Vec::new(),
        }
    }
}

/// Calls `f` with each passage of `doc` in the document's order (not grouped by field),
/// filling `scratch` anew for each: what the index builder reads without a copy.
pub fn each(doc: &Document, scratch: &mut Passage, mut f: impl FnMut(&Passage)) {
    for (region, run) in doc.regions() {
        let field = match region {
            Region::Head => Field::Heading,
            Region::Block(b) | Region::Cell(b, _) => match doc.blocks.get(b) {
                Some(block) if is_source(block) => Field::Source,
                _ => Field::Body,
            },
            Region::Footnote(f) => match doc.footnotes.get(f).map(|n| n.kind) {
                Some(FootnoteKind::Source) => Field::Source,
                _ => Field::Notes,
            },
        };
        scratch.field = field;
        scratch.region = Some(region);
        scratch.text.clear();
        scratch.runs.clear();
        let mut n = 0;
        flatten(run, scratch, &mut n);
        if !scratch.text.trim().is_empty() {
            f(scratch);
        }
    }
    for (field, parties) in [(Field::From, &doc.from), (Field::To, &doc.to)] {
        for party in parties.iter() {
            scratch.field = field;
            scratch.region = None;
            scratch.text.clear();
            scratch.runs.clear();
            party_text(party, &mut scratch.text);
            f(scratch);
        }
    }
}

fn is_source(block: &Block) -> bool {
    block.before_head || block.kind == BlockKind::Source
}

/// A party's words: as written, and its name when the heading gives it apart.
fn party_text(party: &Party, out: &mut String) {
    out.push_str(&party.text);
    if let Some(name) = party.name.as_deref().filter(|n| !party.text.contains(n)) {
        out.push(' ');
        out.push_str(name);
    }
}

/// Appends a run of inlines, numbering each inline as the depth-first walk does.
fn flatten(inlines: &[Inline], p: &mut Passage, n: &mut u32) {
    for inline in inlines {
        let me = *n;
        *n += 1;
        match inline {
            Inline::Text(t) => {
                let at = p.text.len() as u32;
                p.text.push_str(t);
                p.runs.push(Run {
                    at,
                    end: p.text.len() as u32,
                    inline: me,
                });
            }
            // A marker or a line break parts the words on either side.
            Inline::Note(_) | Inline::Br(_) => p.text.push(' '),
            Inline::Page(_) => {}
            Inline::Margin(c) => {
                p.text.push(' ');
                flatten(c, p, n);
                p.text.push(' ');
            }
            Inline::Em(c) | Inline::Sc(c) | Inline::Sup(c) => flatten(c, p, n),
            Inline::Ref(r) => flatten(&r.inlines, p, n),
            Inline::Person(e) | Inline::Term(e) => flatten(&e.inlines, p, n),
        }
    }
}
