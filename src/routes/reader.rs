//! `/read/:id`: one document of the collection.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use letterbook_core::DocId;

use crate::components::document::DocumentView;
use crate::routes::not_found::NotFound;
use crate::routes::volume::NotOpen;
use crate::state::Library;

#[component]
pub fn ReaderPage() -> impl IntoView {
    let params = use_params_map();
    let lib = expect_context::<Library>();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match lib.get(&id) {
            Some(doc) => view! { <DocumentView doc=doc/> }.into_any(),
            // `frus1934v05-d12` names its volume: offer to open it (after a reload, say).
            None => match DocId::parse(&id) {
                Some(d) if d.volume().is_some_and(|v| lib.volume(v).is_none()) => {
                    let vol = d.volume().unwrap_or_default().to_string();
                    view! { <NotOpen volume=vol what=format!("Document {} is in this volume.", d.number()) doc_local=d.local()/> }.into_any()
                }
                _ => view! { <NotFound what=format!("The document “{id}” is not in this collection.")/> }.into_any(),
            },
        }
    }
}
