//! `/read/:id`: one document of the collection.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use letterbook_core::DocId;

use crate::arc_eq::ArcEq;
use crate::components::document::DocumentView;
use crate::routes::not_found::NotFound;
use crate::routes::volume::{Fetching, NotOpen, Restoring};
use crate::state::Library;

#[component]
pub fn ReaderPage() -> impl IntoView {
    let params = use_params_map();
    let query = leptos_router::hooks::use_query_map();
    let lib = expect_context::<Library>();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // A search's words (`?q=`): their hits are marked.
    let words = Memo::new(move |_| query.with(|q| q.get("q")).filter(|w| !w.trim().is_empty()));
    // The view is built again only when this document changes: not when another file
    // joins the library (each kept volume opened again behind a deep link would reset
    // its open note and its scroll).
    let doc = Memo::new(move |_| lib.get(&id.get()).map(ArcEq));
    move || {
        let id = id.get();
        if let Some(doc) = doc.get() {
            return match words.get() {
                Some(w) => view! { <DocumentView doc=doc.0 words=w/> }.into_any(),
                None => view! { <DocumentView doc=doc.0/> }.into_any(),
            };
        }
        // `frus1934v05-d12` names its volume.
        let parsed = DocId::parse(&id);
        let vol = parsed.as_ref().and_then(|d| d.volume().map(str::to_string));
        // Kept in an earlier visit (the page text itself, or its volume): being opened.
        if let Some(v) = vol.as_ref().filter(|v| lib.shelf.with(|s| s.restoring(v))) {
            return view! { <Restoring id=v.clone()/> }.into_any();
        }
        if lib.shelf.with(|s| s.restoring(&id)) {
            return view! { <Restoring id=id/> }.into_any();
        }
        // In the site's collection: its pack is fetched.
        if lib.on_site(&id) {
            return view! { <Fetching id=id/> }.into_any();
        }
        if let Some(v) = vol.as_ref().filter(|v| lib.on_site(v)) {
            return view! { <Fetching id=v.clone()/> }.into_any();
        }
        match (parsed, vol) {
            // Offer to open its volume (after a reload, say).
            (Some(d), Some(vol)) if lib.volume(&vol).is_none() => {
                view! { <NotOpen volume=vol what=format!("Document {} is in this volume.", d.number()) doc_local=d.local()/> }.into_any()
            }
            _ => view! { <NotFound what=format!("The document “{id}” is not in this collection.")/> }.into_any(),
        }
    }
}
