//! The document model shared by every parser and every view.
//!
//! Its JSON form is a public contract (`../shared/docs/document-model.md`): field names are
//! fixed, absent values serialise as `null` or `[]`, never omitted.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub volume: Option<String>,
    pub n: Option<String>,
    pub title: String,
    pub head: Vec<Inline>,
    pub kind: Kind,
    pub from: Vec<Party>,
    pub to: Vec<Party>,
    pub date: Option<DateInfo>,
    pub place: Option<String>,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    pub pages: Vec<String>,
    pub refs: Vec<Ref>,
    pub links: Vec<Link>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The footnote with this 1-based index, as used by `Inline::Note`.
    pub fn footnote(&self, index: u32) -> Option<&Footnote> {
        self.footnotes.get((index as usize).checked_sub(1)?)
    }

    /// For each footnote, whether its marker stands somewhere in the heading, body or notes.
    pub fn markers_placed(&self) -> Vec<bool> {
        let mut placed = vec![false; self.footnotes.len()];
        let mut mark = |i: &Inline| {
            if let Inline::Note(k) = i {
                if let Some(p) = placed.get_mut((*k as usize).wrapping_sub(1)) {
                    *p = true;
                }
            }
        };
        walk(&self.head, &mut mark);
        for b in &self.blocks {
            walk(&b.inlines, &mut mark);
        }
        // TEI allows a note inside a note: its marker stands in the outer note's text.
        for f in &self.footnotes {
            walk(&f.inlines, &mut mark);
        }
        placed
    }
}

/// Calls `f` on every inline, depth first.
pub fn walk(inlines: &[Inline], f: &mut impl FnMut(&Inline)) {
    for i in inlines {
        f(i);
        match i {
            Inline::Em(c) | Inline::Sc(c) | Inline::Sup(c) | Inline::Margin(c) => walk(c, f),
            Inline::Ref(r) => walk(&r.inlines, f),
            Inline::Person(e) | Inline::Term(e) => walk(&e.inlines, f),
            _ => {}
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Letter,
    Telegram,
    Memorandum,
    MemorandumOfConversation,
    Minutes,
    EditorialNote,
    Note,
    Message,
    Despatch,
    Instruction,
    Report,
    Paper,
    Other,
}

impl Kind {
    /// The JSON name (`memorandum-of-conversation`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Letter => "letter",
            Kind::Telegram => "telegram",
            Kind::Memorandum => "memorandum",
            Kind::MemorandumOfConversation => "memorandum-of-conversation",
            Kind::Minutes => "minutes",
            Kind::EditorialNote => "editorial-note",
            Kind::Note => "note",
            Kind::Message => "message",
            Kind::Despatch => "despatch",
            Kind::Instruction => "instruction",
            Kind::Report => "report",
            Kind::Paper => "paper",
            Kind::Other => "other",
        }
    }

    /// A reader-facing label ("Memorandum of conversation").
    pub fn label(self) -> &'static str {
        match self {
            Kind::Letter => "Letter",
            Kind::Telegram => "Telegram",
            Kind::Memorandum => "Memorandum",
            Kind::MemorandumOfConversation => "Memorandum of conversation",
            Kind::Minutes => "Minutes",
            Kind::EditorialNote => "Editorial note",
            Kind::Note => "Diplomatic note",
            Kind::Message => "Message",
            Kind::Despatch => "Despatch",
            Kind::Instruction => "Instruction",
            Kind::Report => "Report",
            Kind::Paper => "Paper",
            Kind::Other => "Document",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The party as written in the heading ("Soviet Foreign Minister Gromyko").
    pub text: String,
    pub name: Option<String>,
    pub role: Option<String>,
    /// TEI `persName/@corresp` target (`p_GA_1`) when known.
    pub id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
}

/// Where a date came from, so a reader can see how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    Tei,
    Dateline,
    Body,
    SourceNote,
    Title,
    Reference,
}

impl DateSource {
    /// How the reader phrases the provenance: "July 21, 1981, from the source note".
    pub fn describe(self) -> &'static str {
        match self {
            DateSource::Tei => "from the edition's encoding",
            DateSource::Dateline => "from the dateline",
            DateSource::Body => "from a date in the text",
            DateSource::SourceNote => "from the source note",
            DateSource::Title => "from the heading",
            DateSource::Reference => "inferred from another document",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateInfo {
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (local time as printed).
    pub iso: String,
    pub precision: Precision,
    pub source: DateSource,
    /// The evidence as printed ("7/21/81").
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Paragraph,
    Salutation,
    Closing,
    Signature,
    Dateline,
    Subject,
    ListItem,
    Quote,
    Source,
    Editorial,
    Heading,
    TableRow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    #[serde(rename = "type")]
    pub kind: BlockKind,
    pub inlines: Vec<Inline>,
    /// Nesting: 1 inside an attachment or an embedded message ("Begin text" … "End text").
    #[serde(default, skip_serializing_if = "is_zero")]
    pub level: u8,
    /// The printed label of a labelled list item ("1.", "(a)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// List nesting of a list item or subject line (1 = top level).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub depth: u8,
    /// An inline source note printed above the heading (old volumes' file numbers).
    #[serde(default, skip_serializing_if = "is_false")]
    pub before_head: bool,
    /// How the edition sets the block: TEI `p/@rend` (`center`, `right`, `flushleft`),
    /// `postscript` for a postscript's paragraphs, `bordered` for a ruled table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rend: Option<String>,
    /// The cells of a `table-row` (its `inlines` hold the same text for plain consumers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<Cell>,
}

/// One table cell, with its spans and role (`num` for figures, `brace` for a printed brace).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub inlines: Vec<Inline>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rows: u16,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub cols: u16,
}

fn one() -> u16 {
    1
}

fn is_one(n: &u16) -> bool {
    *n == 1
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Block {
    pub fn new(kind: BlockKind, inlines: Vec<Inline>) -> Self {
        Block {
            kind,
            inlines,
            level: 0,
            label: None,
            depth: 0,
            before_head: false,
            rend: None,
            cells: Vec::new(),
        }
    }
}

/// One inline element; its JSON form is an object with exactly one key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Inline {
    Text(String),
    /// A footnote marker: the footnote's 1-based `index`.
    Note(u32),
    /// A printed page begins here.
    Page(String),
    Em(Vec<Inline>),
    Sc(Vec<Inline>),
    Sup(Vec<Inline>),
    Ref(RefSpan),
    Person(EntitySpan),
    Term(EntitySpan),
    Br(bool),
    /// A printed marginal summary (TEI `seg type="margin"`): set in the margin, not part
    /// of the sentence it interrupts.
    Margin(Vec<Inline>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefSpan {
    pub target: String,
    pub inlines: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntitySpan {
    pub id: Option<String>,
    pub inlines: Vec<Inline>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FootnoteKind {
    Source,
    Note,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    pub index: u32,
    /// The label printed at the marker ("9", "*", "75a"); may differ from `index`.
    pub n: String,
    pub kind: FootnoteKind,
    pub inlines: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ref {
    /// `d73`, `pg_9`, `frus1933v05#pg_151`, `frus1933v05`, or an http(s) URL.
    pub target: String,
    pub text: String,
    pub in_footnote: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub target: String,
    pub relation: String,
    pub evidence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

impl Diagnostic {
    pub fn warning(message: impl Into<String>, line: Option<u32>, column: Option<u32>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            line,
            column,
        }
    }
}

/// Plain text of a run of inlines, without markers or page breaks (for titles, search, tests).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out, &mut Vec::new());
    out
}

/// [`plain_text`] appended to `out`, with where each footnote marker stands in it
/// (byte offset, footnote index): what phrase matching needs to see the note after a phrase.
pub fn push_plain(inlines: &[Inline], out: &mut String, notes: &mut Vec<(usize, u32)>) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Note(k) => notes.push((out.len(), *k)),
            Inline::Em(c) | Inline::Sc(c) | Inline::Sup(c) => push_plain(c, out, notes),
            Inline::Ref(r) => push_plain(&r.inlines, out, notes),
            Inline::Person(e) | Inline::Term(e) => push_plain(&e.inlines, out, notes),
            Inline::Br(_) => out.push(' '),
            Inline::Page(_) | Inline::Margin(_) => {}
        }
    }
}

/// A whole FRUS volume as its TEI describes it; its documents are [`Document`]s.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Volume {
    /// `frus1934v05`: `idno type="frus"`, else the TEI `xml:id`, else the file stem.
    pub id: String,
    /// The complete title ("Foreign Relations of the United States …, Volume V").
    pub title: String,
    /// Every `titleStmt/title` with its type (`series`, `volume`, `volume-number`…).
    pub titles: Vec<VolumeTitle>,
    pub editors: Vec<Editor>,
    /// `publicationStmt/date` ("1952").
    pub published: Option<String>,
    /// The `div` hierarchy (compilations, chapters) down to documents.
    pub toc: Vec<TocEntry>,
    /// The front matter's list of persons (`div xml:id="persons"`).
    pub persons: Vec<Entry>,
    /// The front matter's list of terms and abbreviations (`div xml:id="terms"`).
    pub terms: Vec<Entry>,
    /// Document ids (`frus1934v05-d1`) in volume order.
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeTitle {
    #[serde(rename = "type")]
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Editor {
    pub role: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// The div type: `compilation`, `chapter`, `section`, `subchapter`, or `document`.
    pub kind: String,
    /// The div's `xml:id` (`ch1`, `d12`).
    pub id: Option<String>,
    pub title: String,
    /// For a document: its id in the collection (`frus1934v05-d12`).
    pub document: Option<String>,
    pub children: Vec<TocEntry>,
}

/// A person or a term of the front matter: `p_GA_1` → "Gromyko, Andrei A., Soviet Foreign Minister".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub description: Vec<Inline>,
}
