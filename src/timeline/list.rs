//! The timeline's documents as text: the list view (what screen readers get, and a way to
//! read in order) and the tray of undated documents, which have no place on the axis.

use leptos::prelude::*;
use letterbook_core::correspondence::when;
use letterbook_core::presentation;

use crate::state::{doc_href, Library};
use crate::timeline::certainty;
use crate::timeline::count::thousands;
use crate::timeline::state::SelRef;

/// The filtered selection as a list: what screen readers get, and a way to read in order.
#[component]
pub fn ListView(selection: Memo<SelRef>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let limit = RwSignal::new(300usize);
    move || {
        let s = selection.get();
        let m = lib.model.get();
        let c = &m.corr;
        let n = s.0.placed.len();
        let items =
            s.0.placed
                .iter()
                .take(limit.get())
                .map(|&i| {
                    let d = &c.docs[i as usize];
                    let route = c.route(i).map(|r| format!(" — {r}")).unwrap_or_default();
                    let date = when::display(&d.when);
                    let cls = format!("tl-list-date {}", certainty::class(d.when.certainty));
                    let cert = presentation::certainty(d.when.certainty);
                    let n = d.n.as_ref().map(|n| format!("{n}. ")).unwrap_or_default();
                    view! {
                        <li>
                            <span class=cls title=cert.clone()>{date}</span>
                            " "<a href=doc_href(&d.id, None)>{format!("{n}{}", d.title)}</a>
                            <span class="tl-list-route">{route}</span>
                            <span class="visually-hidden">{format!(" (date {cert})")}</span>
                        </li>
                    }
                })
                .collect_view();
        view! {
            <ol class="tl-list" aria-label="Documents in date order">{items}</ol>
            {(n > limit.get()).then(|| view! {
                <button type="button" class="tl-list-more" on:click=move |_| limit.update(|l| *l += 300)>
                    {format!("Show more ({} not shown)", n - limit.get())}
                </button>
            })}
        }
    }
}

#[component]
pub fn Undated(selection: Memo<SelRef>) -> impl IntoView {
    let lib = expect_context::<Library>();
    move || {
        let s = selection.get();
        if s.0.undated.is_empty() {
            return None;
        }
        let m = lib.model.get();
        let c = &m.corr;
        let n = s.0.undated.len();
        let items = s
            .0
            .undated
            .iter()
            .take(200)
            .map(|&i| {
                let d = &c.docs[i as usize];
                let label = match &d.n {
                    Some(n) => format!("{n}. {}", d.title),
                    None => d.title.clone(),
                };
                let why = presentation::certainty(d.when.certainty);
                view! { <li><a href=doc_href(&d.id, None)>{label}</a>" "<span class="tl-undated-why">{format!("({why})")}</span></li> }
            })
            .collect_view();
        Some(view! {
            <details class="tl-undated">
                <summary>{format!("{} undated document{} (not on the axis)", thousands(n), if n == 1 { "" } else { "s" })}</summary>
                <ul>{items}</ul>
                {(n > 200).then(|| view! { <p>{format!("and {} more: see the list view.", n - 200)}</p> })}
            </details>
        })
    }
}
