//! What a reader sees at an address the app does not know.

use leptos::prelude::*;

use crate::state::{doc_href, Library};
use crate::urls::LIBRARY;

#[component]
pub fn NotFound(#[prop(into, optional)] what: Option<String>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let back = lib
        .first_id()
        .map(|id| doc_href(&id, None))
        .unwrap_or_else(|| LIBRARY.to_string());
    Effect::new(move |_| document().set_title("Not found · Letterbook"));
    view! {
        <section class="not-found" aria-labelledby="nf-title">
            <h1 id="nf-title">"Nothing here"</h1>
            <p>{what.unwrap_or_else(|| "This address does not lead to a page of Letterbook.".to_string())}</p>
            <p><a href=back>"Open the sample letter"</a></p>
        </section>
    }
}
