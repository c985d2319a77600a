//! `/read/:id`: one document of the collection.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use letterbook_core::DocId;

use crate::arc_eq::ArcEq;
use crate::components::document::DocumentView;
use crate::routes::not_found::NotFound;
use crate::routes::volume::{NotOpen, Restoring};
use crate::state::Library;

#[component]
pub fn ReaderPage() -> impl IntoView {
    let params = use_params_map();
    let lib = expect_context::<Library>();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // The view is built again when this document changes, or the set of open volumes
    // (its references may lead into one now), not whenever a page text joins.
    let doc = Memo::new(move |_| {
        let volumes: Vec<String> = lib.volumes().iter().map(|v| v.volume.id.clone()).collect();
        (lib.get(&id.get()).map(ArcEq), volumes)
    });
    move || {
        let id = id.get();
        match doc.get().0 {
            Some(doc) => view! { <DocumentView doc=doc.0/> }.into_any(),
            // Kept in an earlier visit (its volume, or the page text itself): being opened.
            None if lib.shelf.with(|s| s.restoring(&id)) => view! { <Restoring id=id/> }.into_any(),
            None if DocId::parse(&id)
                .and_then(|d| d.volume().map(str::to_string))
                .is_some_and(|v| lib.shelf.with(|s| s.restoring(&v))) =>
            {
                let vol = DocId::parse(&id).and_then(|d| d.volume().map(str::to_string)).unwrap_or_default();
                view! { <Restoring id=vol/> }.into_any()
            }
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
