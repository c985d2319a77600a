//! The reader's "Thread" box: what this document answers or cites, what answers or cites
//! it (from the correspondence model, with the evidence), and the way to the timeline.

use leptos::prelude::*;
use letterbook_core::correspondence::when::{self, Certainty};
use letterbook_core::presentation;

use crate::state::{doc_href, Library};
use crate::urls::timeline_href_for;

#[component]
pub fn ThreadPanel(id: String) -> impl IntoView {
    let lib = expect_context::<Library>();
    let timeline = timeline_href_for(&id);
    // The model may need building (the first reader after volumes open): the document
    // paints first, the thread right after.
    let ready = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(
            move || {
                ready.try_set(true);
            },
            std::time::Duration::ZERO,
        )
    });
    move || {
        if !ready.get() {
            return None;
        }
        let m = lib.model.get();
        let c = &m.corr;
        let i = c.index_of(&id)?;
        let d = &c.docs[i as usize];
        let certainty = match d.when.certainty {
            Certainty::Exact | Certainty::Undated => None,
            c => Some(format!("Date {}.", presentation::certainty(c))),
        };
        let carried = d.carried.as_ref().map(|k| {
            format!(
                "Carries a letter from {} to {}{}.",
                c.names(d.writers()),
                c.names(d.addressees()),
                k.day
                    .map(|t| format!(" of {}", letterbook_core::dates::display(&when::iso_day(t))))
                    .unwrap_or_default()
            )
        });
        let list = c
            .thread_entries(i)
            .into_iter()
            .map(|e| {
                let href = doc_href(&c.docs[e.other as usize].id, None);
                view! {
                    <li>
                        {presentation::thread_verb(e.relation, e.incoming)}" "<a href=href>{c.label(e.other)}</a>
                        <span class="thread-evidence">{format!("Evidence: {}", e.evidence)}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="thread" aria-labelledby="thread-heading">
                <h2 id="thread-heading">"Thread"</h2>
                {carried.map(|t| view! { <p class="thread-carried">{t}</p> })}
                {certainty.map(|t| view! { <p class="thread-certainty">{t}</p> })}
                <ul class="thread-links">{list}</ul>
                <a class="thread-timeline" href=timeline.clone()>"In the timeline"</a>
            </section>
        })
    }
}
