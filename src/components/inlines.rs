//! Inline content: text (always as text nodes, never as HTML), footnote markers, page
//! breaks, emphasis, references. Links go only to in-app routes or http(s) addresses.

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::{plain_text, Document, Inline, RefSpan};

use crate::components::entities::entity_view;
use crate::components::footnotes::FootnoteMarker;
use crate::state::{missing_text, page_anchor, Followed, Library};

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
        Inline::Ref(r) => ref_view(r, ctx),
        Inline::Person(e) => entity_view(true, e.id.as_deref(), &e.inlines, ctx),
        Inline::Term(e) => entity_view(false, e.id.as_deref(), &e.inlines, ctx),
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

fn ref_view(r: &RefSpan, ctx: &InlineCtx) -> AnyView {
    let inner = inlines_view(&r.inlines, ctx);
    match ctx.lib.follow(&ctx.doc, &r.target) {
        Followed::Internal(href) => view! { <a class="ref" href=href>{inner}</a> }.into_any(),
        Followed::External(url) => view! {
            <a class="ref external" href=url rel="noopener noreferrer" target="_blank">{inner}</a>
        }
        .into_any(),
        Followed::Missing(volume) => {
            let why = missing_text(&plain_text(&r.inlines), volume.as_deref());
            view! { <span class="ref missing" title=why>{inner}</span> }.into_any()
        }
    }
}

/// A printed page begins here: a quiet label in the margin, with its own anchor.
#[component]
pub fn PageMarker(page: String) -> impl IntoView {
    let anchor = page_anchor(&page);
    view! {
        <span class="pb">
            <a id=anchor.clone() class="pb-label" href=format!("#{anchor}") title=format!("Printed page {page} begins here")>
                {format!("[Page {page}]")}
            </a>
        </span>
    }
}
