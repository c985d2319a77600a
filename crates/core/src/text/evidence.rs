//! What the recovered page says about its kind and date: the evidence the rules of
//! [`infer`](crate::infer) weigh.

use crate::dates;
use crate::heading::Heading;
use crate::infer::{self, DateEvidence, KindEvidence};
use crate::model::{
    plain_text, Block, BlockKind, DateInfo, Diagnostic, Footnote, FootnoteKind, Kind, Precision,
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
    for b in blocks {
        let t = plain_text(&b.inlines);
        if b.kind == BlockKind::Source && b.level > 0 && lines::is_enclosure(&t) {
            in_attachment = true;
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
        let sent_note = ["[Sent", "[Received", "[Delivered", "[Handed"]
            .iter()
            .any(|p| t.starts_with(p));
        if matches!(b.kind, BlockKind::Source | BlockKind::Editorial) && b.level == 0 && sent_note {
            for d in dates::find_dates(&t, hint) {
                let shown = t[d.start..d.end].to_string();
                ev.source_notes.push((d, shown));
            }
        }
    }
    for f in footnotes.iter().filter(|f| f.kind == FootnoteKind::Source) {
        ev.source_notes
            .extend(infer::source_note_dates(&plain_text(&f.inlines), hint));
    }
    // A heading that is not "X to Y" may be dated ("Executive Order …, October 12, 1917");
    // "received at the Department August 20" dates the receipt, not the paper.
    if h.to.is_empty() && !title.to_lowercase().contains("received") {
        for d in dates::find_dates(title, hint) {
            if d.precision >= Precision::Day {
                let shown = title[d.start..d.end].to_string();
                ev.title.push((d, shown));
            }
        }
    }
    let (date, diags) = infer::choose_date(&ev, volume_years);
    (date, place, diags)
}
