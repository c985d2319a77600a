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
            // Not open here: the edition's own page, when a volume is known.
            match ctx.lib.online(&ctx.doc, &r.target) {
                Some(url) => view! {
                    <a class="ref missing external" href=url rel="external noopener" title=why>{inner}</a>
                }
                .into_any(),
                None => view! { <span class="ref missing" title=why>{inner}</span> }.into_any(),
            }
        }
    }
}
