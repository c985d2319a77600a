//! Persons and terms: names in the text are buttons that open the same popover as
//! footnotes (same keys, same focus rules), with what the volume's front matter says and
//! where else the volume names them; and the "People and terms" panel of a document.

use std::sync::Arc;

use leptos::prelude::*;
use letterbook_core::index::EntityKey;
use letterbook_core::{plain_text, walk, Document, Entry, Inline};

use crate::components::footnotes::{entity_id, Notes, Pop, POPOVER_ID};
use crate::components::inlines::{inlines_view, InlineCtx};
use crate::state::{doc_href, Library, OpenVolume};

/// One person or term span as rendered, numbered in order of appearance in the view.
#[derive(Debug, Clone)]
pub struct EntityRef {
    pub person: bool,
    pub id: Option<String>,
    pub text: String,
}

/// The spans of one document view, so a popover can say which one it belongs to.
#[derive(Clone, Copy)]
pub struct Entities {
    list: StoredValue<Vec<EntityRef>>,
}

impl Entities {
    pub fn new() -> Self {
        Entities {
            list: StoredValue::new(Vec::new()),
        }
    }

    fn register(&self, e: EntityRef) -> u32 {
        let mut k = 0;
        self.list.update_value(|l| {
            l.push(e);
            k = l.len() as u32;
        });
        k
    }

    fn get(&self, k: u32) -> Option<EntityRef> {
        self.list
            .with_value(|l| l.get((k as usize).checked_sub(1)?).cloned())
    }
}

impl Default for Entities {
    fn default() -> Self {
        Self::new()
    }
}

/// An id may name another volume's list (`frus1917Supp02v01#p_LR1`).
fn split_id<'a>(id: &'a str, doc: &'a Document) -> (Option<&'a str>, &'a str) {
    match id.split_once('#') {
        Some((v, local)) => (Some(v), local),
        None => (doc.volume.as_deref(), id),
    }
}

fn entry_of(
    lib: Library,
    doc: &Document,
    person: bool,
    id: &str,
) -> Option<(Arc<OpenVolume>, Entry)> {
    let (vol, local) = split_id(id, doc);
    let v = lib.volume_untracked(vol?)?;
    let e = if person {
        v.index.person(&v.volume, local)
    } else {
        v.index.term(&v.volume, local)
    }?
    .clone();
    Some((v, e))
}

fn key_of(e: &EntityRef) -> EntityKey {
    match &e.id {
        Some(id) => EntityKey::Id(id.clone()),
        None => EntityKey::Name(
            e.text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        ),
    }
}

/// Documents of the volume that name the entity, this one first.
fn mentions(lib: Library, doc: &Document, e: &EntityRef) -> Vec<String> {
    let Some(v) = doc.volume.as_deref().and_then(|v| lib.volume_untracked(v)) else {
        return Vec::new();
    };
    let map = if e.person {
        &v.index.people
    } else {
        &v.index.terms
    };
    map.get(&key_of(e)).cloned().unwrap_or_default()
}

/// The title and body of the popover for span `k`.
pub fn entity_popover_body(
    entities: Entities,
    doc: &Arc<Document>,
    lib: Library,
    k: u32,
) -> Option<(String, AnyView)> {
    let e = entities.get(k)?;
    let what = if e.person { "Person" } else { "Term" };
    let entry =
        e.id.as_deref()
            .and_then(|id| entry_of(lib, doc, e.person, id));
    let ctx = InlineCtx::new(doc.clone(), lib, false);
    let about = match &entry {
        Some((_, en)) => view! {
            <p class="entity-name">{en.name.clone()}</p>
            <p class="entity-about">{inlines_view(&en.description, &ctx)}</p>
        }
        .into_any(),
        None if e.id.is_some() => view! {
            <p class="entity-about">"The volume's lists do not describe this name (its volume may not be open)."</p>
        }
        .into_any(),
        None => view! { <p class="entity-about">"Named in the text; the volume gives no list entry."</p> }.into_any(),
    };
    let docs: Vec<String> = mentions(lib, doc, &e)
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
            <p class="entity-mentions">{format!("Also named in {} other document{} of this volume:", docs.len(), if docs.len() == 1 { "" } else { "s" })}</p>
            <ul class="entity-docs">{shown}</ul>
            {(more > 0).then(|| view! { <p class="entity-more">{format!("and {more} more")}</p> })}
        }
        .into_any()
    };
    Some((
        format!("{what} · {}", e.text),
        view! { <div class="entity-body">{about}{elsewhere}</div> }.into_any(),
    ))
}

/// A person or term in the text: a button when it can say something, else a styled span.
pub fn entity_view(person: bool, id: Option<&str>, inlines: &[Inline], ctx: &InlineCtx) -> AnyView {
    let class = if person { "person" } else { "term" };
    let inner = inlines_view(inlines, ctx);
    // Buttons cannot hold buttons: a span with a footnote marker inside stays a span.
    let mut nested = false;
    walk(inlines, &mut |i| {
        nested |= matches!(i, Inline::Note(_) | Inline::Ref(_))
    });
    let (Some(entities), Some(notes), false, false) = (
        use_context::<Entities>(),
        use_context::<Notes>(),
        nested,
        !ctx.markers,
    ) else {
        return view! { <span class=class>{inner}</span> }.into_any();
    };
    let text = plain_text(inlines);
    let k = entities.register(EntityRef {
        person,
        id: id.map(str::to_string),
        text: text.clone(),
    });
    let pop = Pop::Entity(k);
    let label = if person {
        format!("{text}: about this person")
    } else {
        format!("{text}: about this term")
    };
    view! {
        <button
            type="button"
            class=format!("entity {class}")
            id=entity_id(k)
            aria-label=label
            aria-haspopup="dialog"
            aria-controls=POPOVER_ID
            aria-expanded=move || notes.open.get().is_some_and(|o| o.pop == pop && o.pinned).to_string()
            on:click=notes.on_click(pop)
            on:pointerenter=notes.on_pointer_enter(pop)
            on:pointerleave=notes.on_pointer_leave()
        >
            {inner}
        </button>
    }
    .into_any()
}

/// Every person and term of a document, once each, in order of first appearance.
fn entities_of(doc: &Document) -> (Vec<EntityRef>, Vec<EntityRef>) {
    let (mut people, mut terms): (Vec<EntityRef>, Vec<EntityRef>) = (Vec::new(), Vec::new());
    let mut visit = |i: &Inline| {
        let (person, e) = match i {
            Inline::Person(e) => (true, e),
            Inline::Term(e) => (false, e),
            _ => return,
        };
        let r = EntityRef {
            person,
            id: e.id.clone(),
            text: plain_text(&e.inlines),
        };
        let list = if person { &mut people } else { &mut terms };
        if !list.iter().any(|x| key_of(x) == key_of(&r)) {
            list.push(r);
        }
    };
    walk(&doc.head, &mut visit);
    for b in &doc.blocks {
        walk(&b.inlines, &mut visit);
    }
    for f in &doc.footnotes {
        walk(&f.inlines, &mut visit);
    }
    (people, terms)
}

/// "People and terms in this document", like history.state.gov's sidebar.
#[component]
pub fn PeoplePanel(doc: Arc<Document>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let (people, terms) = entities_of(&doc);
    if people.is_empty() && terms.is_empty() {
        return None;
    }
    let ctx = InlineCtx::new(doc.clone(), lib, false);
    let item = move |e: EntityRef| {
        let entry =
            e.id.as_deref()
                .and_then(|id| entry_of(lib, &doc, e.person, id));
        let others = mentions(lib, &doc, &e).len().saturating_sub(1);
        let name = entry
            .as_ref()
            .map(|(_, en)| en.name.clone())
            .unwrap_or_else(|| e.text.clone());
        let about = entry.map(|(_, en)| inlines_view(&en.description, &ctx));
        view! {
            <li>
                <span class="panel-name">{name}</span>
                {about.map(|a| view! { <span class="panel-about">{a}</span> })}
                {(others > 0).then(|| view! {
                    <span class="panel-count">{format!("named in {others} other document{}", if others == 1 { "" } else { "s" })}</span>
                })}
            </li>
        }
    };
    let people_list = (!people.is_empty()).then(|| {
        let items = people.into_iter().map(item.clone()).collect_view();
        view! { <h3>"People"</h3><ul class="panel-list">{items}</ul> }
    });
    let terms_list = (!terms.is_empty()).then(|| {
        let items = terms.into_iter().map(item).collect_view();
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
