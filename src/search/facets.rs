//! The facets beside the results: how many of the documents found are of each volume,
//! kind, sender, recipient and year — counts that follow the result set — each a link
//! that narrows the search to it (or, chosen, widens it again).

use leptos::prelude::*;
use letterbook_core::correspondence::when::{iso_day, period};
use letterbook_core::presentation;
use letterbook_core::timeline::TimelineQuery;
use letterbook_core::volumes::volume_label;

use crate::arc_eq::ArcEq;
use crate::finder::Found;
use crate::urls::search_href;

/// How many values a facet shows before "More".
const SHOWN: usize = 8;

/// One value of a facet: its label, count, and the search with it chosen (or not).
struct Value {
    label: String,
    title: Option<String>,
    count: u32,
    chosen: bool,
    href: String,
}

#[component]
fn Facet(name: &'static str, values: Vec<Value>) -> impl IntoView {
    let all = RwSignal::new(false);
    let more = values.len().saturating_sub(SHOWN);
    let id = format!("facet-{}", name.to_lowercase());
    let values = std::sync::Arc::new(values);
    let list = {
        let values = values.clone();
        move || {
            let n = if all.get() { values.len() } else { SHOWN };
            values
                .iter()
                .take(n)
                .map(|v| {
                    let label = v.label.clone();
                    view! {
                        <li>
                            <a href=v.href.clone() class="facet-value" class:chosen=v.chosen
                                aria-current=v.chosen.then_some("true") title=v.title.clone()>
                                <span class="facet-label">{label}</span>
                                <span class="facet-count">{presentation::thousands(v.count as u64)}</span>
                                {v.chosen.then(|| view! { <span class="visually-hidden">" (chosen: remove)"</span> })}
                            </a>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let heading = id.clone();
    (!values.is_empty()).then(move || view! {
        <section class="facet" aria-labelledby=id>
            <h2 id=heading>{name}</h2>
            <ul>{list}</ul>
            {(more > 0).then(|| view! {
                <button type="button" class="facet-more" aria-expanded=move || all.get().to_string()
                    on:click=move |_| all.update(|a| *a = !*a)>
                    {move || if all.get() { "Fewer".to_string() } else { format!("{more} more") }}
                </button>
            })}
        </section>
    })
}

/// The facets of `found`, for the query `q` the page shows.
#[component]
pub fn Facets(found: ArcEq<Found>, q: TimelineQuery) -> impl IntoView {
    let corr = &found.model.corr;
    let f = &found.facets;
    let with = |edit: &dyn Fn(&mut TimelineQuery)| {
        let mut q = q.clone();
        edit(&mut q);
        search_href(&q)
    };
    let volumes: Vec<Value> = f
        .volumes
        .iter()
        .filter(|(v, _)| !v.is_empty())
        .map(|(v, n)| {
            let chosen = q.volume.as_deref() == Some(v.as_str());
            let v2 = v.clone();
            Value {
                label: volume_label(v),
                title: None,
                count: *n,
                chosen,
                href: with(&|q| q.volume = (!chosen).then(|| v2.clone())),
            }
        })
        .collect();
    let kinds: Vec<Value> = f
        .kinds
        .iter()
        .map(|(k, n)| {
            let chosen = q.kind == Some(*k);
            let k = *k;
            Value {
                label: presentation::kind(k).to_string(),
                title: None,
                count: *n,
                chosen,
                href: with(&|q| q.kind = (!chosen).then_some(k)),
            }
        })
        .collect();
    let party = |list: &[(u32, u32)],
                 chosen_key: Option<&str>,
                 set: fn(&mut TimelineQuery, Option<String>)|
     -> Vec<Value> {
        list.iter()
            .map(|(p, n)| {
                let r = corr.parties.get(*p);
                let chosen = chosen_key == Some(r.key.as_str());
                let key = r.key.clone();
                Value {
                    label: r.label.clone(),
                    title: r.full_name.clone().filter(|f| *f != r.label),
                    count: *n,
                    chosen,
                    href: with(&|q| set(q, (!chosen).then(|| key.clone()))),
                }
            })
            .collect()
    };
    let senders = party(&f.senders, q.sender.as_deref(), |q, k| q.sender = k);
    let recipients = party(&f.recipients, q.recipient.as_deref(), |q, k| {
        q.recipient = k
    });
    // A year chosen is the dates of that year.
    let chosen_year = match (q.from, q.to) {
        (Some(a), Some(b)) => f
            .years
            .iter()
            .map(|(y, _)| *y)
            .find(|y| period(&format!("{y:04}")).is_some_and(|(ya, yb)| ya == a && yb == b)),
        _ => None,
    };
    let years: Vec<Value> = f
        .years
        .iter()
        .map(|(y, n)| {
            let chosen = chosen_year == Some(*y);
            let span = period(&format!("{y:04}"));
            Value {
                label: y.to_string(),
                title: span.map(|(a, b)| format!("{} to {}", iso_day(a), iso_day(b))),
                count: *n,
                chosen,
                href: with(&|q| {
                    if chosen {
                        q.from = None;
                        q.to = None;
                    } else if let Some((a, b)) = span {
                        q.from = Some(a);
                        q.to = Some(b);
                    }
                }),
            }
        })
        .collect();
    view! {
        <Facet name="Volume" values=volumes/>
        <Facet name="Kind" values=kinds/>
        <Facet name="Sender" values=senders/>
        <Facet name="Recipient" values=recipients/>
        <Facet name="Year" values=years/>
    }
}
