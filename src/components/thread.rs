//! The reader's "Thread" box: what this document answers or cites, what answers or cites
//! it (from the correspondence model, with the evidence), and the way to the timeline.

use leptos::prelude::*;
use letterbook_core::correspondence::{when::Certainty, Correspondence, Relation};

use crate::routes::timeline::timeline_href_for;
use crate::state::{doc_href, Library};

/// "Document 73 (Telegram, July 11, 1981)".
pub fn doc_label(c: &Correspondence, i: u32) -> String {
    let d = &c.docs[i as usize];
    let name = match &d.n {
        Some(n) => format!("Document {n}"),
        None => d.title.clone(),
    };
    let date = if d.when.certainty.placed() {
        crate::components::timeline::when_text(&d.when)
    } else {
        "undated".into()
    };
    format!("{name} ({}, {date})", d.kind.label())
}

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
        let mut items = Vec::new();
        for l in c.links_from(i) {
            let verb = match l.relation {
                Relation::Answers => "Answers",
                Relation::Cites => "Cites",
            };
            items.push((verb, l.to, l.evidence.clone()));
        }
        for l in c.links_to(i) {
            let verb = match l.relation {
                Relation::Answers => "Answered by",
                Relation::Cites => "Cited by",
            };
            items.push((verb, l.from, l.evidence.clone()));
        }
        let certainty = match d.when.certainty {
            Certainty::Exact | Certainty::Undated => None,
            c => Some(format!("Date {}.", c.describe())),
        };
        let carried = d.carried.as_ref().map(|k| {
            let who = |ps: &[u32]| {
                ps.iter()
                    .map(|&p| c.parties.get(p).label.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            format!(
                "Carries a letter from {} to {}{}.",
                who(d.writers()),
                who(d.addressees()),
                k.day
                    .map(|t| format!(
                        " of {}",
                        letterbook_core::dates::display(
                            &letterbook_core::correspondence::when::iso_day(t)
                        )
                    ))
                    .unwrap_or_default()
            )
        });
        let list = items
            .into_iter()
            .map(|(verb, j, evidence)| {
                let href = doc_href(&c.docs[j as usize].id, None);
                let label = doc_label(c, j);
                view! {
                    <li>
                        {verb}" "<a href=href>{label}</a>
                        <span class="thread-evidence">{format!("Evidence: {evidence}")}</span>
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
