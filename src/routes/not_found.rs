//! What a reader sees at an address the app does not know.

use leptos::prelude::*;

use crate::state::{doc_href, Library, SAMPLE_ID};
use crate::urls::LIBRARY;

#[component]
pub fn NotFound(#[prop(into, optional)] what: Option<String>) -> impl IntoView {
    let lib = expect_context::<Library>();
    // The sample letter while it is open (the reader may have put it away).
    let (back, back_text) = match lib.get_untracked(SAMPLE_ID) {
        Some(_) => (doc_href(SAMPLE_ID, None), "Open the sample letter"),
        None => (LIBRARY.to_string(), "Go to the library"),
    };
    Effect::new(move |_| document().set_title("Not found · Letterbook"));
    view! {
        <section class="not-found" aria-labelledby="nf-title">
            <h1 id="nf-title">"Nothing here"</h1>
            <p>{what.unwrap_or_else(|| "This address does not lead to a page of Letterbook.".to_string())}</p>
            <p><a href=back>{back_text}</a></p>
        </section>
    }
}
