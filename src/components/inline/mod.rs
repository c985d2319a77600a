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

use crate::finder::HitMap;
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
    /// A search's hits to mark, and whether these marks are the ones the hit bar goes to
    /// (the text and the list of notes; a popover repeats a note without them).
    pub hits: Option<(Arc<HitMap>, bool)>,
}

impl InlineCtx {
    pub fn new(doc: Arc<Document>, lib: Library, markers: bool) -> Self {
        let hits = use_context::<Hits>()
            .and_then(|h| h.0.get_untracked())
            .map(|h| (h, true));
        InlineCtx {
            doc,
            lib,
            markers,
            hits,
        }
    }

    /// The same, its hits marked without the ids the hit bar goes to (a popover's copy).
    pub fn repeated(mut self) -> Self {
        if let Some((_, ids)) = &mut self.hits {
            *ids = false;
        }
        self
    }
}

/// The search hits the reader shows (the document view's context).
#[derive(Clone, Copy)]
pub struct Hits(pub RwSignal<Option<Arc<HitMap>>>);

/// The element id of hit `k`.
pub fn hit_id(k: usize) -> String {
    format!("hit-{k}")
}

/// `t[a..b]`, its hits marked.
fn text_part(t: &str, a: usize, b: usize, ctx: &InlineCtx) -> AnyView {
    let Some((map, ids)) = &ctx.hits else {
        return t[a..b].to_string().into_any();
    };
    let Some(spans) = map.spans(t) else {
        return t[a..b].to_string().into_any();
    };
    let mut out: Vec<AnyView> = Vec::new();
    let mut at = a;
    for &(s, e, k) in spans {
        let (s2, e2) = (s.max(a), e.min(b));
        if s2 >= e2 || s2 < at {
            continue;
        }
        if s2 > at {
            out.push(t[at..s2].to_string().into_any());
        }
        // The id on the hit's first piece only.
        let id = (*ids && s2 == s).then(|| hit_id(k));
        out.push(
            view! { <mark class="hit" id=id data-hit=k>{t[s2..e2].to_string()}</mark> }.into_any(),
        );
        at = e2;
    }
    if at < b {
        out.push(t[at..b].to_string().into_any());
    }
    out.into_any()
}

/// A space a line may break at (U+00A0, U+2007 and U+202F forbid it).
fn breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// A character a line may break after within a word.
fn breaks_after(c: char) -> bool {
    matches!(c, '—' | '–' | '/')
}

/// A run of inlines. A name or a marker is a button, and a browser may break a line on
/// either side of a button as if there were a space there: "(⏎Sevier)", "word⏎¹". So each
/// button is set in one unbreakable group with the text it touches (up to the nearest
/// space on either side), and lines break only where the printed text has a space.
pub fn inlines_view(inlines: &[Inline], ctx: &InlineCtx) -> Vec<AnyView> {
    let atomic = |i: &Inline| matches!(i, Inline::Person(_) | Inline::Term(_) | Inline::Note(_));
    let mut out: Vec<AnyView> = Vec::with_capacity(inlines.len());
    // The group being gathered: its views, and whether it holds a button.
    let mut glue: Vec<AnyView> = Vec::new();
    let mut glued = false;
    let flush = |out: &mut Vec<AnyView>, glue: &mut Vec<AnyView>, glued: &mut bool| {
        if *glued {
            let group = std::mem::take(glue);
            out.push(view! { <span class="glue">{group}</span> }.into_any());
        } else {
            out.append(glue);
        }
        *glued = false;
    };
    for (k, i) in inlines.iter().enumerate() {
        match i {
            Inline::Text(t) => {
                let next_atomic = inlines.get(k + 1).is_some_and(atomic);
                // The text's first word joins the group before it; its last, the next one.
                // A word ends where a line may break: a breaking space (not a no-break
                // one), or after a dash or a slash.
                let head_end = if glued {
                    t.char_indices()
                        .find(|&(_, c)| breaks_after(c) || breaking_space(c))
                        .map_or(t.len(), |(p, c)| {
                            if breaking_space(c) {
                                p
                            } else {
                                p + c.len_utf8()
                            }
                        })
                } else {
                    0
                };
                let tail_start = if next_atomic {
                    t.char_indices()
                        .rev()
                        .find(|&(_, c)| breaks_after(c) || breaking_space(c))
                        .map_or(0, |(p, c)| p + c.len_utf8())
                } else {
                    t.len()
                };
                if !t.chars().any(|c| breaks_after(c) || breaking_space(c))
                    && (glued || next_atomic)
                {
                    // No break in the text: all of it touches buttons.
                    glue.push(text_part(t, 0, t.len(), ctx));
                    if !next_atomic {
                        flush(&mut out, &mut glue, &mut glued);
                    }
                    continue;
                }
                if head_end > 0 {
                    glue.push(text_part(t, 0, head_end, ctx));
                }
                flush(&mut out, &mut glue, &mut glued);
                out.push(text_part(t, head_end, tail_start, ctx));
                if tail_start < t.len() {
                    glue.push(text_part(t, tail_start, t.len(), ctx));
                }
            }
            i if atomic(i) => {
                glue.push(inline_view(i, ctx));
                glued = true;
            }
            other => {
                flush(&mut out, &mut glue, &mut glued);
                out.push(inline_view(other, ctx));
            }
        }
    }
    flush(&mut out, &mut glue, &mut glued);
    out
}

fn inline_view(inline: &Inline, ctx: &InlineCtx) -> AnyView {
    match inline {
        Inline::Text(t) => text_part(t, 0, t.len(), ctx),
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
