//! A printed page break: a quiet label in the margin, with its own anchor (`#pg_222`).

use leptos::prelude::*;

use crate::urls::Fragment;

#[component]
pub fn PageMarker(page: String) -> impl IntoView {
    let anchor = Fragment::Page(page.clone());
    view! {
        <span class="pb">
            <a id=anchor.id() class="pb-label" href=anchor.href() title=format!("Printed page {page} begins here")>
                {format!("[Page {page}]")}
            </a>
        </span>
    }
}
