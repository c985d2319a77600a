//! `/read/:id`: one document of the collection.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::document::DocumentView;
use crate::routes::not_found::NotFound;
use crate::state::Library;

#[component]
pub fn ReaderPage() -> impl IntoView {
    let params = use_params_map();
    let lib = expect_context::<Library>();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match lib.get(&id) {
            Some(doc) => view! { <DocumentView doc=doc/> }.into_any(),
            None => {
                view! { <NotFound what=format!("The document “{id}” is not in this collection.")/> }
                    .into_any()
            }
        }
    }
}
