//! Footnotes: what the popover shows for a note, and the list of notes below the text.

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::{Document, FootnoteKind};

use crate::components::inline::{inlines_view, InlineCtx};
use crate::components::popover::PopBody;
use crate::state::{Followed, Library};
use crate::urls::{ids, Fragment};
use letterbook_core::presentation;

/// Lines saying which references of a note lead nowhere in this collection: one line for
/// each volume that is not open (and one for what is nowhere), however many refer to it.
fn missing_refs(doc: &Document, lib: &Library, index: u32) -> Vec<String> {
    let mut by_volume: Vec<(Option<String>, Vec<&str>)> = Vec::new();
    for r in doc.refs.iter().filter(|r| r.in_footnote == Some(index)) {
        if let Followed::Missing(volume) = lib.follow(doc, &r.target) {
            match by_volume.iter_mut().find(|(v, _)| *v == volume) {
                Some((_, whats)) => whats.push(&r.text),
                None => by_volume.push((volume, vec![&r.text])),
            }
        }
    }
    by_volume
        .into_iter()
        .map(|(v, whats)| presentation::missing(&whats, v.as_deref()))
        .collect()
}

/// The popover's content for footnote `index`.
pub fn note_body(doc: &Arc<Document>, lib: Library, index: u32) -> Option<PopBody> {
    let note = doc.footnote(index)?;
    let ctx = InlineCtx::new(doc.clone(), lib, false).repeated();
    let body =
        view! { <p class="fn-popover-text">{inlines_view(&note.inlines, &ctx)}</p> }.into_any();
    let title = if note.kind == FootnoteKind::Source {
        format!("Footnote {} · Source note", note.n)
    } else {
        format!("Footnote {}", note.n)
    };
    Some(PopBody {
        title,
        body,
        notes: missing_refs(doc, &lib, index),
    })
}

/// The notes below the text, each with a link back to its marker.
#[component]
pub fn FootnoteList(doc: Arc<Document>) -> impl IntoView {
    let lib = expect_context::<Library>();
    if doc.footnotes.is_empty() {
        return None;
    }
    let placed = doc.markers_placed();
    let ctx = InlineCtx::new(doc.clone(), lib, false);
    let items = doc
        .footnotes
        .iter()
        .map(|f| {
            let index = f.index;
            let has_marker = placed.get(index as usize - 1).copied().unwrap_or(false);
            let missing = missing_refs(&doc, &lib, index);
            view! {
                <li id=ids::note(index) class="note" class:source=f.kind == FootnoteKind::Source>
                    <span class="note-label" aria-hidden="true">{f.n.clone()}</span>
                    <span class="visually-hidden">{format!("Note {}: ", f.n)}</span>
                    <span id=ids::note_text(index)>{inlines_view(&f.inlines, &ctx)}</span>
                    {missing.into_iter().map(|m| view! { <span class="ref-status-inline">{format!(" ({m})")}</span> }).collect_view()}
                    {if has_marker {
                        view! {
                            <a class="fn-back" href=Fragment::Marker(index).href()
                               aria-label=format!("Back to footnote {} in the text", f.n)>
                                "↩"
                            </a>
                        }.into_any()
                    } else {
                        view! { <span class="fn-unplaced">" (no marker in the text)"</span> }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="footnotes" aria-labelledby="footnotes-title">
            <h2 id="footnotes-title">"Notes"</h2>
            <ol class="note-list">{items}</ol>
        </section>
    })
}
