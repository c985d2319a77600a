//! What the recovered page says about its kind and date: the evidence the rules of
//! [`infer`](crate::infer) weigh.

use crate::dates;
use crate::heading::Heading;
use crate::infer::{self, DateEvidence, KindEvidence};
use crate::model::{
    plain_text, Block, BlockKind, DateInfo, DateSource, Diagnostic, DiagnosticCode, Footnote,
    FootnoteKind, Kind,
};
use crate::text::lines;

pub(crate) fn kind(h: &Heading, blocks: &[Block]) -> Kind {
    let source_lines: Vec<String> = blocks
        .iter()
        .filter(|b| b.level == 0 && matches!(b.kind, BlockKind::Source | BlockKind::Editorial))
        .map(|b| plain_text(&b.inlines))
        .collect();
    let first = |k: BlockKind| {
        blocks
            .iter()
            .find(|b| b.kind == k)
            .map(|b| plain_text(&b.inlines))
    };
    let (salutation, first_paragraph) = (first(BlockKind::Salutation), first(BlockKind::Paragraph));
    infer::infer_kind(&KindEvidence {
        heading_kind: h.kind,
        source_lines: &source_lines,
        from: &h.from,
        to: &h.to,
        salutation: salutation.as_deref(),
        first_paragraph: first_paragraph.as_deref(),
    })
}

/// The date and the place, with what was found unusable.
pub(crate) fn date_and_place(
    h: &Heading,
    title: &str,
    blocks: &[Block],
    footnotes: &[Footnote],
    volume_years: Option<(i32, i32)>,
) -> (Option<DateInfo>, Option<String>, Vec<Diagnostic>) {
    let hint = volume_years.map(|(y, _)| y);
    let mut ev = DateEvidence::default();
    let mut place = None;
    // Datelines of enclosures and endorsements date other papers, not this one.
    let mut in_attachment = false;
    // The page text does not show the document's own dateline; a dateline it shows dates
    // the document when it opens the text (printed as a line of it) or closes it. One with
    // text on both sides dates a paper quoted or enclosed in it, a postscript, a decree.
    let is_text = |b: &Block| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::TableRow | BlockKind::Quote
        )
    };
    let first_text = blocks.iter().position(is_text).unwrap_or(blocks.len());
    let last_text = blocks.iter().rposition(is_text);
    let mut skipped = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let t = plain_text(&b.inlines);
        if b.kind == BlockKind::Source && b.level > 0 && lines::is_enclosure(&t) {
            in_attachment = true;
        }
        let framing = i < first_text || last_text.is_none_or(|l| i > l);
        if b.kind == BlockKind::Dateline && b.level == 0 && !framing {
            if let Some((d, _)) = dates::as_dateline(&t) {
                skipped.push(Diagnostic::info(
                    DiagnosticCode::OtherPaperDate,
                    format!(
                        "the dateline “{}” stands between paragraphs: it dates a paper quoted \
                         or enclosed, not this document",
                        &t[d.start..d.end]
                    ),
                ));
            }
            continue;
        }
        if b.kind == BlockKind::Dateline && !in_attachment {
            if let Some((d, p)) = dates::as_dateline(&t) {
                let shown = t[d.start..d.end].to_string();
                if b.level == 0 {
                    if ev.datelines.is_empty() {
                        place = p;
                    }
                    ev.datelines.push((d, shown));
                } else {
                    // "Begin text / July 10, 1981": the embedded message's date.
                    ev.body.push((d, shown));
                }
            }
        }
        // "[Received …]" dates the arrival, not the paper; a note below the text's start
        // belongs to what it follows.
        let sent_note = ["[Sent", "[Delivered", "[Handed"]
            .iter()
            .any(|p| t.starts_with(p));
        if matches!(b.kind, BlockKind::Source | BlockKind::Editorial)
            && b.level == 0
            && sent_note
            && i < first_text
        {
            let event = infer::sentence_event(&t);
            for d in dates::find_dates(&t, hint) {
                let shown = t[d.start..d.end].to_string();
                ev.source_notes.push((d, shown, event));
            }
        }
    }
    for f in footnotes.iter().filter(|f| f.kind == FootnoteKind::Source) {
        ev.source_notes
            .extend(infer::source_note_dates(&plain_text(&f.inlines), hint));
    }
    // A heading that is not "X to Y" may be dated ("Executive Order …, October 12, 1917");
    // "received at the Department August 20" dates the receipt, not the paper.
    // A bracketed heading ("[Extract from the Journal Officiel …, August 17, 1870.]") dates
    // its source.
    if h.to.is_empty() && !title.to_lowercase().contains("received") && !title.starts_with('[') {
        if let Some(d) = dates::heading_date(title, hint) {
            let shown = title[d.start..d.end].to_string();
            ev.title.push((d, shown));
        }
    }
    let (mut date, mut diags) = infer::choose_date(&ev, volume_years);
    if let Some(d) = date.as_mut().filter(|d| d.source == DateSource::Title) {
        // "Memorandum handed to Mr. Adee by …, September 17, 1900"
        d.event = infer::sentence_event(title);
    }
    if date.is_none() {
        diags.extend(skipped);
    }
    (date, place, diags)
}
