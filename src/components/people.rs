//! People and terms: what the popover shows for a name in the text (the volume's list
//! entry and the other documents that name them), and the "People and terms in this
//! document" panel. The core's indexes answer; this module only renders.

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::{plain_text, presentation, Document, EntityKey, Named};

use crate::components::inline::{inlines_view, InlineCtx, SpanRegistry};
use crate::components::popover::PopBody;
use crate::state::{doc_href, Library};

/// The popover's content for the `k`-th name span of the view.
pub fn entity_body(
    spans: SpanRegistry,
    doc: &Arc<Document>,
    lib: Library,
    k: u32,
) -> Option<PopBody> {
    let e = spans.get(k)?;
    let named = Named {
        person: e.person,
        key: EntityKey::of(e.id.as_deref(), &e.inlines),
        id: e.id.clone(),
        text: plain_text(&e.inlines),
    };
    let what = if named.person { "Person" } else { "Term" };
    let entry = named
        .id
        .as_deref()
        .and_then(|id| lib.entry(doc, named.person, id));
    let ctx = InlineCtx::new(doc.clone(), lib, false);
    let about = match &entry {
        Some((_, en)) => view! {
            <p class="entity-name">{en.name.clone()}</p>
            <p class="entity-about">{inlines_view(&en.description, &ctx)}</p>
        }
        .into_any(),
        None if named.id.is_some() => view! {
            <p class="entity-about">"The volume's lists do not describe this name (its volume may not be open)."</p>
        }
        .into_any(),
        None => view! { <p class="entity-about">"Named in the text; the volume gives no list entry."</p> }.into_any(),
    };
    let docs: Vec<String> = lib
        .mentions(doc, &named)
        .into_iter()
        .filter(|d| d != &doc.id)
        .collect();
    let shown: Vec<AnyView> = docs
        .iter()
        .take(6)
        .filter_map(|id| lib.get_untracked(id))
        .map(|d| {
            let label = format!(
                "{}: {}",
                d.n.as_deref()
                    .map(|n| format!("No. {n}"))
                    .unwrap_or_default(),
                d.title
            );
            view! { <li><a href=doc_href(&d.id, None)>{label}</a></li> }.into_any()
        })
        .collect();
    let more = docs.len().saturating_sub(6);
    let elsewhere = if docs.is_empty() {
        view! { <p class="entity-mentions">"Named in no other document of this collection."</p> }
            .into_any()
    } else {
        view! {
            <p class="entity-mentions">{format!("Also named in {} of this volume:", presentation::count(docs.len() as u64, "other document"))}</p>
            <ul class="entity-docs">{shown}</ul>
            {(more > 0).then(|| view! { <p class="entity-more">{format!("and {more} more")}</p> })}
        }
        .into_any()
    };
    Some(PopBody {
        title: format!("{what} · {}", named.text),
        body: view! { <div class="entity-body">{about}{elsewhere}</div> }.into_any(),
        notes: Vec::new(),
    })
}

/// "People and terms in this document", like history.state.gov's sidebar.
#[component]
pub fn PeoplePanel(doc: Arc<Document>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let named = lib.entities(&doc);
    if named.is_empty() {
        return None;
    }
    let ctx = InlineCtx::new(doc.clone(), lib, false);
    let item = move |n: Named| {
        let entry = n.id.as_deref().and_then(|id| lib.entry(&doc, n.person, id));
        let others = lib.mentions(&doc, &n).len().saturating_sub(1);
        let name = entry
            .as_ref()
            .map(|(_, en)| en.name.clone())
            .unwrap_or_else(|| n.text.clone());
        let about = entry.map(|(_, en)| inlines_view(&en.description, &ctx));
        view! {
            <li>
                <span class="panel-name">{name}</span>
                {about.map(|a| view! { <span class="panel-about">{a}</span> })}
                {(others > 0).then(|| view! {
                    <span class="panel-count">{format!("named in {}", presentation::count(others as u64, "other document"))}</span>
                })}
            </li>
        }
    };
    let people_list = (!named.people.is_empty()).then(|| {
        let items = named.people.into_iter().map(item.clone()).collect_view();
        view! { <h3>"People"</h3><ul class="panel-list">{items}</ul> }
    });
    let terms_list = (!named.terms.is_empty()).then(|| {
        let items = named.terms.into_iter().map(item).collect_view();
        view! { <h3>"Terms"</h3><ul class="panel-list">{items}</ul> }
    });
    Some(view! {
        <aside class="people-panel" aria-labelledby="people-title">
            <h2 id="people-title">"People and terms in this document"</h2>
            {people_list}
            {terms_list}
        </aside>
    })
}
