//! The selected document's card: its date and how sure it is, its route, its thread, and
//! the way to read it.

use leptos::prelude::*;
use letterbook_core::correspondence::when;
use letterbook_core::presentation;

use crate::state::{doc_href, Library};
use crate::timeline::state::TimelineState;

/// The selected document's card.
#[component]
pub fn Card() -> impl IntoView {
    let lib = expect_context::<Library>();
    let st = expect_context::<TimelineState>();
    move || {
        let id = st.selected.get()?;
        let m = lib.model.get();
        let c = &m.corr;
        let i = c.index_of(&id)?;
        let d = &c.docs[i as usize];
        let route = c.route(i);
        let date = if d.when.certainty.placed() {
            format!(
                "{} ({})",
                when::display(&d.when),
                presentation::certainty(d.when.certainty)
            )
        } else {
            presentation::certainty(d.when.certainty)
        };
        let thread: Vec<String> = c
            .thread_entries(i)
            .into_iter()
            .map(|e| {
                format!(
                    "{} {}",
                    presentation::thread_verb(e.relation, e.incoming),
                    c.label(e.other)
                )
            })
            .collect();
        let number = d.n.as_ref().map(|n| format!("Document {n}"));
        let href = doc_href(&d.id, None);
        Some(view! {
            <aside class="tl-card" aria-labelledby="tl-card-title" aria-live="polite">
                {number.map(|n| view! { <p class="tl-card-number">{n}</p> })}
                <h2 id="tl-card-title">{d.title.clone()}</h2>
                <p class="tl-card-date">{date}</p>
                {route.map(|r| view! { <p class="tl-card-route">{r}</p> })}
                {(!thread.is_empty()).then(|| view! {
                    <ul class="tl-card-thread">{thread.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                })}
                <a class="tl-card-open" href=href>"Read the document"</a>
                <button type="button" class="tl-card-close" on:click=move |_| st.selected.set(None)>"Close"</button>
            </aside>
        })
    }
}
