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

/// What a printed timeline lists below its chart: the documents in the chart's view, in
/// date order. Built when the browser prepares to print (not on every pan), as text
/// nodes only; the screen never shows it.
#[component]
pub fn PrintList(selection: Memo<SelRef>) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let lib = expect_context::<Library>();
    let st = expect_context::<crate::timeline::state::TimelineState>();
    let holder = NodeRef::<leptos::html::Div>::new();
    let build = move || {
        let Some(el) = holder.get_untracked() else {
            return;
        };
        el.set_text_content(None);
        let doc = document();
        let s = selection.get_untracked();
        let m = lib.model.get_untracked();
        let c = &m.corr;
        let (a, b) = st.view.get_untracked().unwrap_or((f64::MIN, f64::MAX));
        let in_view: Vec<u32> =
            s.0.placed
                .iter()
                .copied()
                .filter(|&i| {
                    let w = &c.docs[i as usize].when;
                    (w.end as f64) >= a && (w.start as f64) <= b
                })
                .collect();
        let add = |parent: &web_sys::Element, tag: &str, text: &str| -> Option<web_sys::Element> {
            let e = doc.create_element(tag).ok()?;
            e.set_text_content(Some(text));
            parent.append_child(&e).ok()?;
            Some(e)
        };
        let _ = add(
            &el,
            "h2",
            &format!(
                "In this view: {}",
                presentation::count(in_view.len() as u64, "document")
            ),
        );
        let Ok(ol) = doc.create_element("ol") else {
            return;
        };
        for &i in &in_view {
            let d = &c.docs[i as usize];
            let n = d.n.as_ref().map(|n| format!("{n}. ")).unwrap_or_default();
            let route = c.route(i).map(|r| format!(" — {r}")).unwrap_or_default();
            let _ = add(
                &ol,
                "li",
                &format!("{} · {n}{}{route}", when::display(&d.when), d.title),
            );
        }
        let _ = el.append_child(&ol);
    };
    let before = window_event_listener_untyped("beforeprint", move |_| build());
    let after = window_event_listener_untyped("afterprint", move |_| {
        if let Some(el) = holder.get_untracked() {
            el.unchecked_ref::<web_sys::Node>().set_text_content(None);
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    view! { <div class="tl-print-list" node_ref=holder></div> }
}
