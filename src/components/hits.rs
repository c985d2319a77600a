//! A search's hits in the document read: marked where they are printed, and a bar to go
//! from one to the next (the `n` key) and back (`N`); a hit in a footnote opens that note.

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::model::Region;
use letterbook_core::Document;
use wasm_bindgen::JsCast;

use crate::components::inline::hit_id;
use crate::components::popover::{Pop, Popover};
use crate::finder::HitMap;
use crate::urls::doc_href;

const CURRENT: &str = "hit-current";

#[component]
pub fn HitBar(doc: Arc<Document>, words: String, hits: Arc<HitMap>) -> impl IntoView {
    let notes = expect_context::<Popover>();
    let n = hits.len();
    let current = RwSignal::new(None::<usize>);
    let regions: Vec<Region> = hits.regions.clone();
    let doc2 = doc.clone();
    let go = move |k: usize| {
        let Some(region) = regions.get(k).copied() else {
            return;
        };
        if let Ok(list) = document().query_selector_all(&format!(".{CURRENT}")) {
            for i in 0..list.length() {
                if let Some(e) = list
                    .item(i)
                    .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = e.class_list().remove_1(CURRENT);
                }
            }
        }
        current.set(Some(k));
        if let Some(el) = document().get_element_by_id(&hit_id(k)) {
            let _ = el.class_list().add_1(CURRENT);
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            opts.set_behavior(web_sys::ScrollBehavior::Instant);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
        // A hit in a note: the note opens at its marker, the hit marked inside.
        if let Region::Footnote(f) = region {
            if let Some(note) = doc2.footnotes.get(f) {
                let marker = crate::urls::Fragment::Marker(note.index).id();
                if document().get_element_by_id(&marker).is_some()
                    && notes.open.get_untracked().and_then(|o| o.note()) != Some(note.index)
                {
                    notes.open_pinned(Pop::Note(note.index));
                }
            }
        } else if notes.open.get_untracked().is_some() {
            notes.close(false);
        }
    };
    let next = {
        let go = go.clone();
        move || go(current.get_untracked().map_or(0, |k| (k + 1) % n.max(1)))
    };
    let prev = {
        let go = go.clone();
        move || {
            go(current
                .get_untracked()
                .map_or(n.saturating_sub(1), |k| (k + n - 1) % n.max(1)))
        }
    };
    let (next_key, prev_key) = (next.clone(), prev.clone());
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() || n == 0 {
            return;
        }
        if crate::focus::is_typing() || crate::focus::modal_open() {
            return;
        }
        match ev.key().as_str() {
            "n" => {
                ev.prevent_default();
                next_key();
            }
            "N" => {
                ev.prevent_default();
                prev_key();
            }
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
    let where_ = {
        let doc = doc.clone();
        let regions = hits.regions.clone();
        move |k: usize| match regions.get(k) {
            Some(Region::Footnote(f)) => doc
                .footnotes
                .get(*f)
                .map(|n| format!(", in note {}", n.n))
                .unwrap_or_default(),
            Some(Region::Head) => ", in the heading".to_string(),
            _ => String::new(),
        }
    };
    let status = move || match (n, current.get()) {
        (0, _) => format!("No hit of “{words}” in this document."),
        (n, None) => format!(
            "{} of “{words}”: n for the next, N for the one before.",
            letterbook_core::presentation::count(n as u64, "hit")
        ),
        (n, Some(k)) => format!("Hit {} of {n}{}", k + 1, where_(k)),
    };
    view! {
        <div class="hit-bar" role="region" aria-label="Search hits">
            <p class="hit-status" role="status">{status}</p>
            <button type="button" class="hit-prev" aria-keyshortcuts="Shift+N" disabled=n == 0
                on:click=move |_| prev()>"Previous hit"</button>
            <button type="button" class="hit-next" aria-keyshortcuts="N" disabled=n == 0
                on:click=move |_| next()>"Next hit"</button>
            <a class="hit-clear" href=doc_href(&doc.id, None)>"Clear"</a>
        </div>
    }
}
