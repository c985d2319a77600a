//! The document model shared by every parser and every view.
//!
//! Its JSON form is a public contract (`../shared/docs/document-model.md`): field names are
//! fixed, absent values serialise as `null` or `[]`, never omitted.
//!
//! Over 500 lines because it is the whole JSON contract, each type beside its serde rules
//! and documented field by field, so that it reads against document-model.md in one place.

use serde::{Deserialize, Serialize};

/// One FRUS document, as every parser produces it: heading, parties, date, body, notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// `frus1981-88v03-d74` (`<volume>-d<n>`) when both are known, else `d<n>`, else the
    /// file stem.
    pub id: String,
    /// The FRUS volume id (`frus1981-88v03`), when known.
    pub volume: Option<String>,
    /// The document number as printed ("74").
    pub n: Option<String>,
    /// The heading without its number and footnote markers.
    pub title: String,
    /// The heading as rendered, with its footnote markers (no number).
    pub head: Vec<Inline>,
    /// What sort of document it is, from the heading grammar and the source note.
    pub kind: Kind,
    /// The senders.
    pub from: Vec<Party>,
    /// The recipients.
    pub to: Vec<Party>,
    /// Who else took part, as a memorandum of conversation names them (its author is in
    /// `from`); empty for other kinds.
    #[serde(default)]
    pub participants: Vec<Party>,
    /// When the document was written or sent.
    pub date: Option<DateInfo>,
    /// Where it was written ("Moscow").
    pub place: Option<String>,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// The footnotes, in order of their numbers.
    pub footnotes: Vec<Footnote>,
    /// Printed page numbers that begin inside the document, in order (`["222", "223"]`).
    pub pages: Vec<String>,
    /// Every cross-reference, in order of appearance.
    pub refs: Vec<Ref>,
    /// Relations to other documents opened together (filled by the correspondence model).
    pub links: Vec<Link>,
    /// What the parser noticed and could not resolve cleanly.
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
        for i in self.inlines() {
            if let Inline::Note(k) = i {
                if let Some(p) = placed.get_mut((*k as usize).wrapping_sub(1)) {
                    *p = true;
                }
            }
        }
        placed
    }

    /// Every region of the document that holds inlines, in reading order: the heading, each
    /// block, then each footnote (TEI allows a note inside a note: its marker stands in the
    /// outer note). A table row is read by its cells, since the row's own inlines repeat
    /// them, after the page breaks that stand in no cell ([`Block::pages_before_cells`]).
    pub fn regions(&self) -> impl Iterator<Item = (Region, &[Inline])> + '_ {
        let head = std::iter::once((Region::Head, self.head.as_slice()));
        let blocks = self.blocks.iter().enumerate().flat_map(|(b, block)| {
            let own = if block.cells.is_empty() {
                block.inlines.as_slice()
            } else {
                block.pages_before_cells()
            };
            let whole =
                (!own.is_empty() || block.cells.is_empty()).then_some((Region::Block(b), own));
            let cells = block
                .cells
                .iter()
                .enumerate()
                .map(move |(c, cell)| (Region::Cell(b, c), cell.inlines.as_slice()));
            whole.into_iter().chain(cells)
        });
        let notes = self
            .footnotes
            .iter()
            .enumerate()
            .map(|(f, n)| (Region::Footnote(f), n.inlines.as_slice()));
        head.chain(blocks).chain(notes)
    }

    /// Every inline of every region, depth first: the one walk over a whole document.
    pub fn inlines(&self) -> impl Iterator<Item = &Inline> + '_ {
        self.regions().flat_map(|(_, run)| Walk::new(run))
    }
}

/// Where a run of inlines stands in a [`Document`] (indices are 0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// The document's heading.
    Head,
    /// The inlines of block `n`.
    Block(usize),
    /// Cell `c` of table row `b` (a block).
    Cell(usize, usize),
    /// The text of footnote `n` (0-based, unlike [`Inline::Note`]).
    Footnote(usize),
}

/// Depth-first iterator over a run of inlines and everything nested in them.
pub struct Walk<'a> {
    stack: Vec<std::slice::Iter<'a, Inline>>,
}

impl<'a> Walk<'a> {
    /// Walks `inlines` and their children.
    pub fn new(inlines: &'a [Inline]) -> Self {
        Walk {
            stack: vec![inlines.iter()],
        }
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = &'a Inline;

    fn next(&mut self) -> Option<&'a Inline> {
        loop {
            let top = self.stack.last_mut()?;
            let Some(i) = top.next() else {
                self.stack.pop();
                continue;
            };
            if let Some(children) = i.children() {
                self.stack.push(children.iter());
            }
            return Some(i);
        }
    }
}

/// Calls `f` on every inline, depth first.
pub fn walk(inlines: &[Inline], f: &mut impl FnMut(&Inline)) {
    Walk::new(inlines).for_each(f);
}

/// What sort of document a heading names (`kind` in the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A letter.
    Letter,
    /// A telegram, airgram or cablegram (incoming or outgoing).
    Telegram,
    /// A memorandum (action, information, for the record …).
    Memorandum,
    /// A memorandum of conversation: the record of what was said at a meeting.
    MemorandumOfConversation,
    /// Minutes, a record or a summary of conclusions of a meeting.
    Minutes,
    /// An editorial note written by the volume's editors.
    EditorialNote,
    /// A diplomatic note or aide-mémoire.
    Note,
    /// A message (oral, backchannel, or between heads of government).
    Message,
    /// A despatch: a mission's written report, sent by pouch.
    Despatch,
    /// An instruction: the Department's written orders to a mission.
    Instruction,
    /// A report, intelligence assessment or estimate.
    Report,
    /// A paper, study, talking points or statement.
    Paper,
    /// Anything else: a treaty, proclamation, transcript, diary entry ….
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
}

/// A sender or recipient as the heading names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The party as written in the heading ("Soviet Foreign Minister Gromyko").
    pub text: String,
    /// The person's name ("Gromyko", "Sevier"), when the heading gives one.
    pub name: Option<String>,
    /// The office or title ("Soviet Foreign Minister", "Ambassador in Chile"), when given.
    pub role: Option<String>,
    /// TEI `persName/@corresp` target (`p_GA_1`) when known.
    pub id: Option<String>,
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The year only (`YYYY`).
    Year,
    /// The month (`YYYY-MM`).
    Month,
    /// The day (`YYYY-MM-DD`).
    Day,
    /// The time of day as printed (`YYYY-MM-DDTHH:MM`).
    Minute,
}

/// Where a date came from, so a reader can see how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// The edition's encoding (`date/@when`, `frus:doc-dateTime-min`).
    Tei,
    /// The document's dateline ("Moscow, July 20, 1981").
    Dateline,
    /// A date in the text (a date line after "Begin text").
    Body,
    /// The source note ("Given to … 7/21/81").
    SourceNote,
    /// The heading.
    Title,
    /// Inferred from another document.
    Reference,
}

/// How sure a document's date is, as the timeline and the thread show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Certainty {
    /// The edition's encoding or the dateline names the day (or the minute).
    Exact,
    /// Read from elsewhere in the document, or from another document.
    Inferred(DateSource),
    /// Only a month, a year, or a range of days is known.
    Approximate,
    /// No date at all.
    Undated,
    /// The encoded date is impossible for the volume (`0201-11-11`): never placed.
    Suspect,
}

impl Certainty {
    /// Whether a document with this certainty has a place in time.
    pub fn placed(self) -> bool {
        !matches!(self, Certainty::Undated | Certainty::Suspect)
    }
}

/// How one document relates to another it names ([`Link::relation`] as a type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Relation {
    /// A reply to the other document.
    Answers,
    /// Mentions the other document.
    Cites,
}

impl Relation {
    /// The JSON name (`answers`).
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Answers => "answers",
            Relation::Cites => "cites",
        }
    }
}

/// When a document was written or sent, and how that is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateInfo {
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (local time as printed).
    pub iso: String,
    /// How much of `iso` is known.
    pub precision: Precision,
    /// Where the date was read.
    pub source: DateSource,
    /// The evidence as printed ("7/21/81").
    pub text: String,
    /// What happened on that date: the writing, or (a source note's "Given to … 7/21/81")
    /// the handing over, sending or receipt, so the paper was written on or before it.
    #[serde(default)]
    pub event: DateEvent,
}

/// What a document's date marks (`event` in the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateEvent {
    /// The paper was written (or signed) then.
    #[default]
    Written,
    /// It was sent or transmitted then.
    Sent,
    /// It was handed over or delivered then ("Given to Ambassador Stoessel by
    /// Bessmertnykh, 7/21/81").
    HandedOver,
    /// It was received then.
    Received,
}

impl DateEvent {
    /// A date of handing over, sending or receipt bounds the writing from above.
    pub fn on_or_before(self) -> bool {
        self != DateEvent::Written
    }
}

/// What a block of a document's body is (`type` in the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A paragraph of the text.
    Paragraph,
    /// The salutation ("Dear Mr. Secretary,").
    Salutation,
    /// The complimentary close ("Sincerely,").
    Closing,
    /// The signer's name printed below the text.
    Signature,
    /// The dateline: place and date as printed ("Moscow, July 20, 1981.").
    Dateline,
    /// An item of a subject list before the first paragraph ("SUBJECT: …").
    Subject,
    /// An item of a list, bulleted or labelled.
    ListItem,
    /// A paragraph of quoted text (TEI `quote`).
    Quote,
    /// An inline source note (old volumes' file numbers "825.5151/132: Telegram").
    Source,
    /// Bracketed editors' text ("[Omitted here is …]").
    Editorial,
    /// A heading inside the body (an attachment's).
    Heading,
    /// One row of a table (its cells in [`Block::cells`]).
    TableRow,
}

/// One block of a document's body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    #[serde(rename = "type")]
    pub kind: BlockKind,
    /// The block's text.
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

/// The label a list item prints at the start of its text ("1. The balance …", "(a) …",
/// "a) …", "IV. …", "1st. …"): a first word of at most six bytes ending in "." or ")" that
/// is a number, a roman numeral or one letter ("C. H. Haskins" and "Q. Is it …" qualify
/// too). The reader's rule for dropping an item's bullet, kept here so it is one rule.
/// [`crate::Block::label`] holds only labels printed apart (a TEI `<label>`, a page text's
/// label line): the renderers print it before the text, so one in the text would show twice.
pub fn printed_label(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?;
    let core = first
        .trim_start_matches('(')
        .trim_end_matches(['.', ')', ':']);
    let roman = !core.is_empty() && core.chars().all(|c| "IVXLivxl".contains(c));
    let marked = first.ends_with('.') || first.ends_with(')');
    let labelled = marked
        && first.len() <= 6
        && (roman
            || core.starts_with(|c: char| c.is_ascii_digit())
            || (core.len() == 1 && core.chars().all(|c| c.is_ascii_alphabetic())));
    labelled.then_some(first)
}

/// One table cell, with its spans and role (`num` for figures, `brace` for a printed brace).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The cell's text.
    pub inlines: Vec<Inline>,
    /// `num` for figures, `brace` for a printed brace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Rows the cell spans (TEI `@rows`; 1 when absent).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rows: u16,
    /// Columns the cell spans (TEI `@cols`; 1 when absent).
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
    /// The page breaks of a table row that stand in none of its cells: a page that begins
    /// before the row (between rows, or before the table) leads the row's own inlines,
    /// ahead of the first cell's text (whose own leading pages are the cell's).
    pub fn pages_before_cells(&self) -> &[Inline] {
        let leading = |inl: &[Inline]| {
            inl.iter()
                .take_while(|i| matches!(i, Inline::Page(_)))
                .count()
        };
        let row = leading(&self.inlines);
        let in_cell = self.cells.first().map_or(0, |c| leading(&c.inlines));
        &self.inlines[..row.saturating_sub(in_cell)]
    }

    /// Whether a list item or subject line prints its own label (apart, or at the start of
    /// its text), so the reader shows no bullet before it.
    pub fn is_labelled(&self) -> bool {
        self.label.is_some() || printed_label(&plain_text(&self.inlines)).is_some()
    }

    /// A block of this kind and text, at level 0, with no label, depth, rend or cells.
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
    /// A run of text, its whitespace collapsed to single spaces.
    Text(String),
    /// A footnote marker: the footnote's 1-based `index`.
    Note(u32),
    /// A printed page begins here.
    Page(String),
    /// Italic or underlined text.
    Em(Vec<Inline>),
    /// Small capitals.
    Sc(Vec<Inline>),
    /// Superscript.
    Sup(Vec<Inline>),
    /// A cross-reference to a document, a page or a URL.
    Ref(RefSpan),
    /// A person named in the text (TEI `persName`).
    Person(EntitySpan),
    /// A term or abbreviation of the front matter's list (TEI `gloss`, `term`).
    Term(EntitySpan),
    /// A line break (TEI `lb`); always `true`, for the JSON form `{"br": true}`.
    Br(bool),
    /// A printed marginal summary (TEI `seg type="margin"`): set in the margin, not part
    /// of the sentence it interrupts.
    Margin(Vec<Inline>),
}

impl Inline {
    /// The inlines nested in this one (emphasis, a reference's text, a name, a margin note).
    pub fn children(&self) -> Option<&[Inline]> {
        match self {
            Inline::Em(c) | Inline::Sc(c) | Inline::Sup(c) | Inline::Margin(c) => Some(c),
            Inline::Ref(r) => Some(&r.inlines),
            Inline::Person(e) | Inline::Term(e) => Some(&e.inlines),
            Inline::Text(_) | Inline::Note(_) | Inline::Page(_) | Inline::Br(_) => None,
        }
    }
}

/// A cross-reference as it stands in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefSpan {
    /// Where it points, in the forms of [`Ref::target`].
    pub target: String,
    /// Its text as printed ("Document 73").
    pub inlines: Vec<Inline>,
}

/// A person or a term as it stands in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntitySpan {
    /// The front matter entry it names (`p_GA_1`, `t_UN_1`), when the edition links one.
    pub id: Option<String>,
    /// The name as printed.
    pub inlines: Vec<Inline>,
}

/// Whether a footnote is the source note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FootnoteKind {
    /// The source note: where the original is filed (footnote 1 of modern documents).
    Source,
    /// Any other footnote.
    Note,
}

/// One footnote of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    /// 1-based position in the document's footnote list (what `Inline::Note` holds).
    pub index: u32,
    /// The label printed at the marker ("9", "*", "75a"); may differ from `index`.
    pub n: String,
    /// Source note or ordinary note.
    pub kind: FootnoteKind,
    /// The note's text.
    pub inlines: Vec<Inline>,
}

/// A cross-reference of a document, as listed in [`Document::refs`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ref {
    /// `d73`, `pg_9`, `frus1933v05#pg_151`, `frus1933v05`, or an http(s) URL.
    pub target: String,
    /// Its text as printed ("Document 73").
    pub text: String,
    /// The `index` of the footnote it stands in; `None` in the heading or body.
    pub in_footnote: Option<u32>,
}

/// A relation to another document opened together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The other document's id (`frus1981-88v03-d73`).
    pub target: String,
    /// `answers` or `cites` ([`Relation::as_str`]).
    pub relation: String,
    /// The text that shows it ("your letter of July 10, 1981 + footnote 2: See Document 73").
    pub evidence: String,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Part of the input could not be read correctly.
    Error,
    /// Something the parser could not resolve cleanly.
    Warning,
    /// A remark only; nothing is wrong.
    Info,
}

/// What a [`Diagnostic`] is about, for code: messages are for people and may be reworded,
/// codes are not. Serialised as the snake_case string of [`DiagnosticCode::as_str`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticCode {
    /// The page text has no heading line.
    NoHeading,
    /// A footnote of the list has no marker in the text.
    MarkerNotPlaced,
    /// The text carries a marker past the last note of the footnote list.
    MarkerWithoutNote,
    /// No footnote list, although the text seems to carry markers 1, 2, ….
    MarkersWithoutList,
    /// A date far from the volume's years: not used, so the document is not placed in time.
    SuspectDate,
    /// An encoded date (`@when`) that is no date at all: not used either.
    InvalidDate,
    /// A date in the text that dates another paper (a dateline between the paragraphs: a
    /// telegram quoted, a postscript, an enclosed decree): not used as the document's.
    OtherPaperDate,
    /// The date lies outside every term of office the register of office-holders (POCOM)
    /// gives the document's own people: the date, or the heading, may be wrong. The date
    /// is kept.
    DateOutsideOffice,
    /// JSON written before codes existed, or a code this version does not know.
    #[default]
    #[serde(other)]
    Unknown,
}

impl DiagnosticCode {
    /// Every code, in declaration order.
    pub const ALL: [DiagnosticCode; 9] = [
        DiagnosticCode::NoHeading,
        DiagnosticCode::MarkerNotPlaced,
        DiagnosticCode::MarkerWithoutNote,
        DiagnosticCode::MarkersWithoutList,
        DiagnosticCode::SuspectDate,
        DiagnosticCode::InvalidDate,
        DiagnosticCode::OtherPaperDate,
        DiagnosticCode::DateOutsideOffice,
        DiagnosticCode::Unknown,
    ];

    /// The JSON name (`marker_not_placed`).
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::NoHeading => "no_heading",
            DiagnosticCode::MarkerNotPlaced => "marker_not_placed",
            DiagnosticCode::MarkerWithoutNote => "marker_without_note",
            DiagnosticCode::MarkersWithoutList => "markers_without_list",
            DiagnosticCode::SuspectDate => "suspect_date",
            DiagnosticCode::InvalidDate => "invalid_date",
            DiagnosticCode::OtherPaperDate => "other_paper_date",
            DiagnosticCode::DateOutsideOffice => "date_outside_office",
            DiagnosticCode::Unknown => "unknown",
        }
    }

    /// A date the parser read and rejected: a document without a date that has one is
    /// suspect, not merely undated, and is never placed on a timeline.
    pub fn is_untrusted_date(self) -> bool {
        matches!(
            self,
            DiagnosticCode::SuspectDate | DiagnosticCode::InvalidDate
        )
    }
}

impl std::fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something the parser noticed and could not resolve cleanly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// What it is about, for programs.
    #[serde(default)]
    pub code: DiagnosticCode,
    /// What it is about, for people ("footnote 4 has no marker in the text").
    pub message: String,
    /// 1-based line in the input, when known.
    pub line: Option<u32>,
    /// 1-based column in the input, when known.
    pub column: Option<u32>,
}

impl Diagnostic {
    /// A remark with this code and message (nothing is wrong; the parser says what it
    /// chose not to use).
    pub fn info(code: DiagnosticCode, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            code,
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// A warning with this code and message, at this line and column when known.
    pub fn warning(
        code: DiagnosticCode,
        message: impl Into<String>,
        line: Option<u32>,
        column: Option<u32>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code,
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
    /// Every `titleStmt/editor`, with its role.
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

/// One `titleStmt/title` of a volume.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeTitle {
    /// Its `@type` (`series`, `volume`, `complete` …; `main` when untyped).
    #[serde(rename = "type")]
    pub kind: String,
    /// The title as printed.
    pub text: String,
}

/// An editor named in the volume's `titleStmt`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Editor {
    /// The `@role` (`primary`, `general`), when given.
    pub role: Option<String>,
    /// The editor's name as printed.
    pub name: String,
}

/// One `div` of the volume's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// The div type: `compilation`, `chapter`, `section`, `subchapter`, or `document`.
    pub kind: String,
    /// The div's `xml:id` (`ch1`, `d12`).
    pub id: Option<String>,
    /// The div's heading as printed.
    pub title: String,
    /// For a document: its id in the collection (`frus1934v05-d12`).
    pub document: Option<String>,
    /// The divs inside it, in order.
    pub children: Vec<TocEntry>,
}

/// A person or a term of the front matter: `p_GA_1` → "Gromyko, Andrei A., Soviet Foreign Minister".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The entry's `xml:id` (`p_GA_1`, `t_UN_1`).
    pub id: String,
    /// The name or term as listed ("Gromyko, Andrei A.").
    pub name: String,
    /// What follows the name ("Soviet Foreign Minister").
    pub description: Vec<Inline>,
}
