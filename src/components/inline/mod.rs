//! Inline content: text (always as text nodes, never as HTML), footnote markers, page
//! breaks, emphasis, names, references. Links go only to in-app routes or http(s)
//! addresses. The buttons here open the document view's one popover.

mod entity;
mod marker;
mod page;
mod reference;

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::{Document, Inline};

use crate::state::Library;

pub use entity::{EntityRef, SpanRegistry};
pub use marker::FootnoteMarker;
pub use page::PageMarker;

/// What rendering an inline run needs to know.
#[derive(Clone)]
pub struct InlineCtx {
    pub doc: Arc<Document>,
    pub lib: Library,
    /// Markers are buttons in the text; inside a note's own text they are plain labels.
    pub markers: bool,
}

impl InlineCtx {
    pub fn new(doc: Arc<Document>, lib: Library, markers: bool) -> Self {
        InlineCtx { doc, lib, markers }
    }
}

pub fn inlines_view(inlines: &[Inline], ctx: &InlineCtx) -> Vec<AnyView> {
    inlines.iter().map(|i| inline_view(i, ctx)).collect()
}

fn inline_view(inline: &Inline, ctx: &InlineCtx) -> AnyView {
    match inline {
        Inline::Text(t) => t.clone().into_any(),
        Inline::Note(k) => {
            let label = ctx
                .doc
                .footnote(*k)
                .map_or_else(|| k.to_string(), |f| f.n.clone());
            if ctx.markers {
                view! { <FootnoteMarker index=*k label=label/> }.into_any()
            } else {
                view! { <sup>{label}</sup> }.into_any()
            }
        }
        Inline::Page(n) => view! { <PageMarker page=n.clone()/> }.into_any(),
        Inline::Em(c) => view! { <em>{inlines_view(c, ctx)}</em> }.into_any(),
        Inline::Sc(c) => view! { <span class="sc">{inlines_view(c, ctx)}</span> }.into_any(),
        Inline::Sup(c) => view! { <sup>{inlines_view(c, ctx)}</sup> }.into_any(),
        Inline::Ref(r) => reference::ref_view(r, ctx),
        Inline::Person(e) => entity::entity_view(true, e.id.as_deref(), &e.inlines, ctx),
        Inline::Term(e) => entity::entity_view(false, e.id.as_deref(), &e.inlines, ctx),
        Inline::Br(_) => view! { <br/> }.into_any(),
        // A printed marginal summary: set in the margin, announced as such.
        Inline::Margin(c) => view! {
            <span class="margin-note" role="note">
                <span class="visually-hidden">"Marginal note: "</span>
                {inlines_view(c, ctx)}
            </span>
        }
        .into_any(),
    }
}
