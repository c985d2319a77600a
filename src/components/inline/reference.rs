//! A cross-reference: a link when it leads somewhere in the app or to an http(s) address,
//! else a span that says which volume to open.

use leptos::prelude::*;
use letterbook_core::{plain_text, RefSpan};

use super::{inlines_view, InlineCtx};
use crate::state::{missing_text, Followed};

pub fn ref_view(r: &RefSpan, ctx: &InlineCtx) -> AnyView {
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
