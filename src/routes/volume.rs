//! `/volume/:vol`: a volume's title page and its table of contents;
//! `/volume/:vol/page/:page`: the document where a printed page begins.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use letterbook_core::{dates, presentation, volumes, volumes::volume_label, TocEntry};

use crate::arc_eq::ArcEq;
use crate::components::open_files::OpenFiles;
use crate::shelf::Fetch;
use crate::state::{doc_href, Library, OpenVolume};
use crate::urls::{Fragment, LIBRARY};

#[component]
pub fn VolumePage() -> impl IntoView {
    let params = use_params_map();
    let lib = expect_context::<Library>();
    let id = Memo::new(move |_| params.with(|p| p.get("vol").unwrap_or_default()));
    // Built again only when this volume changes (as the reader's page).
    let volume = Memo::new(move |_| lib.volume(&id.get()).map(ArcEq));
    move || {
        let id = id.get();
        match volume.get() {
            Some(v) => view! { <VolumeView volume=v.0/> }.into_any(),
            None if lib.shelf.with(|s| s.restoring(&id)) => view! { <Restoring id=id/> }.into_any(),
            None if lib.on_site(&id) => view! { <Fetching id=id/> }.into_any(),
            None => view! { <NotOpen volume=id/> }.into_any(),
        }
    }
}

/// A volume or page text kept in an earlier visit, not open again yet: this page shows it
/// once it is (its route reads the library).
#[component]
pub fn Restoring(id: String) -> impl IntoView {
    let lib = expect_context::<Library>();
    let title = lib
        .shelf
        .with_untracked(|s| s.item(&id).map(|i| i.kept.title.clone()))
        .unwrap_or_else(|| volume_label(&id));
    Effect::new(move |_| document().set_title("Opening… · Letterbook"));
    view! {
        <section class="not-open" aria-labelledby="restoring-title">
            <h1 id="restoring-title">{title}</h1>
            <p role="status">"Opening it from this browser’s store…"</p>
        </section>
    }
}

/// A volume of the site's collection, not open yet: its pack is fetched (progress shown),
/// and this page shows it once it is open; a failure says why and offers to try again.
#[component]
pub fn Fetching(id: String) -> impl IntoView {
    let lib = expect_context::<Library>();
    let title = lib
        .site
        .with_untracked(|s| s.volume(&id).map(|v| v.entry.title.clone()))
        .unwrap_or_else(|| volume_label(&id));
    {
        let id = id.clone();
        // Once: after a failure, only "Try again" fetches again.
        Effect::new(move |_| {
            let fresh = lib.site.with_untracked(|s| {
                s.volume(&id)
                    .is_some_and(|v| matches!(v.fetch, Fetch::Available | Fetch::Done))
            });
            if fresh {
                crate::site::open(lib, &id);
            }
        });
    }
    Effect::new(move |_| document().set_title("Downloading… · Letterbook"));
    let fetch = {
        let id = id.clone();
        Memo::new(move |_| lib.site.with(|s| s.volume(&id).map(|v| v.fetch.clone())))
    };
    let failed = move || match fetch.get() {
        Some(Fetch::Failed(why)) => Some(why),
        _ => None,
    };
    let progress = move || match fetch.get() {
        Some(Fetch::Downloading(p)) => Some(p),
        _ => None,
    };
    // One live region, said again in steps of ten percent (not at every chunk).
    let status = move || match fetch.get() {
        Some(Fetch::Downloading(p)) => format!(
            "Downloading it from this site… {} %",
            (p * 10.0).floor() as u32 * 10
        ),
        Some(Fetch::Failed(_)) => String::new(),
        _ => "Opening it…".to_string(),
    };
    view! {
        <section class="not-open" aria-labelledby="fetching-title">
            <h1 id="fetching-title">{title}</h1>
            <p role="status">{status}</p>
            {move || progress().map(|p| view! { <progress max="1" value=p aria-label="Download"></progress> })}
            {move || failed().map(|why| {
                let id = id.clone();
                view! {
                    <p class="fetch-failed" role="alert">{format!("It could not be downloaded: {why}.")}</p>
                    <button type="button" class="fetch-retry" on:click=move |_| {
                        crate::site::open(lib, &id);
                        // The button goes with the failure: the focus stays on the page.
                        crate::focus::main_heading();
                    }>"Try again"</button>
                }
            })}
        </section>
    }
}

/// A volume that is not open (after a reload, or from a link): say so and offer to open it.
#[component]
pub fn NotOpen(
    volume: String,
    #[prop(optional, into)] what: Option<String>,
    /// The document asked for (`d12`), to link to its page online.
    #[prop(optional, into)]
    doc_local: Option<String>,
) -> impl IntoView {
    let label = volume_label(&volume);
    let online = volumes::online(&volume, doc_local.as_deref());
    Effect::new(move |_| document().set_title("Volume not open · Letterbook"));
    view! {
        <section class="not-open" aria-labelledby="not-open-title">
            <h1 id="not-open-title">{format!("Foreign Relations, {label}, is not open")}</h1>
            <p>{what.unwrap_or_default()}{format!(" Open the file {volume}.xml and this page will show it.")}</p>
            {(!crate::kiosk::on()).then(|| view! { <OpenFiles label=format!("Open {volume}.xml…")/> })}
            {online.map(|href| view! {
                <p class="not-open-online">
                    "Or read it on "
                    <a class="online-link" href=href rel="external noopener">"history.state.gov"</a>
                    "."
                </p>
            })}
        </section>
    }
}

#[component]
fn VolumeView(volume: Arc<OpenVolume>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let v = &volume.volume;
    let title = if v.title.is_empty() {
        volume_label(&v.id)
    } else {
        v.title.clone()
    };
    let page_title = format!("{title} · Letterbook");
    Effect::new(move |_| document().set_title(&page_title));
    let editors = v
        .editors
        .iter()
        .map(|e| match &e.role {
            Some(r) => format!("{} ({r} editor)", e.name),
            None => e.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let st = lib
        .volume_stats(&v.id)
        .unwrap_or_else(|| volume.index.stats().clone());
    let span = match (&st.first_date, &st.last_date) {
        (Some(a), Some(b)) => format!("{} – {}", dates::display(a), dates::display(b)),
        _ => "undated".to_string(),
    };
    let facts = format!(
        "{} · {} · {span}",
        presentation::count(st.documents as u64, "document"),
        presentation::count(st.footnotes as u64, "footnote")
    );
    let toc_open = RwSignal::new(true);
    let entries = v.toc.clone();
    let people = (!v.persons.is_empty() || !v.terms.is_empty()).then(|| {
        let list = |entries: &[letterbook_core::Entry]| {
            entries.iter().map(|e| view! {
                <li><span class="panel-name">{e.name.clone()}</span>" "<span class="panel-about">{letterbook_core::plain_text(&e.description)}</span></li>
            }).collect_view()
        };
        view! {
            <details class="volume-people">
                <summary>{format!("Persons ({}) and terms ({})", v.persons.len(), v.terms.len())}</summary>
                <ul class="panel-list">{list(&v.persons)}{list(&v.terms)}</ul>
            </details>
        }
    });
    view! {
        <section class="volume" aria-labelledby="volume-title">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <ol>
                    <li><a href=LIBRARY>"Library"</a></li>
                    <li aria-current="page">{format!("FRUS {}", volume.label())}</li>
                </ol>
            </nav>
            <p class="doc-volume">"Foreign Relations of the United States"</p>
            <h1 id="volume-title">{title}</h1>
            <p class="volume-facts">{facts}</p>
            {volume.ends_early.map(|line| view! {
                <p class="volume-incomplete" role="note">{presentation::ends_early(line, v.documents.len() as u64)}</p>
            })}
            {(!editors.is_empty()).then(|| view! { <p class="volume-facts">{format!("Edited by {editors}")}</p> })}
            {v.published.clone().map(|p| view! { <p class="volume-facts">{format!("Published {p}")}</p> })}
            {(!volume.errors.is_empty()).then(|| view! {
                <details class="diagnostics" open>
                    <summary>{format!("Problems in the file ({})", volume.errors.len())}</summary>
                    <ul>{volume.errors.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
                </details>
            })}
            {people}
            <div class="toc-head">
                <h2 id="toc-title">"Contents"</h2>
                <button type="button" class="toc-toggle" on:click=move |_| {
                    let open = !toc_open.get_untracked();
                    toc_open.set(open);
                    set_all_details(open);
                }>{move || if toc_open.get() { "Collapse all" } else { "Expand all" }}</button>
            </div>
            <nav class="toc" aria-labelledby="toc-title">
                <ul class="toc-list">{entries.iter().map(|e| toc_entry(e, &lib, 0)).collect_view()}</ul>
            </nav>
        </section>
    }
}

fn set_all_details(open: bool) {
    if let Ok(list) = document().query_selector_all(".toc details") {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(n).ok())
            {
                el.set_open(open);
            }
        }
    }
}

fn toc_entry(e: &TocEntry, lib: &Library, depth: usize) -> AnyView {
    if let Some(id) = &e.document {
        let d = lib.get_untracked(id);
        let n = d.as_ref().and_then(|d| d.n.clone()).unwrap_or_default();
        let date = d
            .as_ref()
            .and_then(|d| d.date.as_ref())
            .map(|x| dates::display(&x.iso))
            .unwrap_or_else(|| "undated".to_string());
        return view! {
            <li class="toc-doc-item" id=Fragment::contents_of(id).id()>
                <a class="toc-doc" href=doc_href(id, None)>
                    <span class="toc-n">{if n.is_empty() { String::new() } else { format!("{n}.") }}</span>
                    <span class="toc-title">{e.title.clone()}</span>
                    <span class="toc-date">{date}</span>
                </a>
            </li>
        }
        .into_any();
    }
    let count = count_docs(e);
    let title = if e.title.is_empty() {
        "[Untitled section]".to_string()
    } else {
        e.title.clone()
    };
    view! {
        <li class=format!("toc-section depth-{depth}")>
            <details open=true>
                <summary>
                    <span class="toc-section-title">{title}</span>
                    <span class="toc-count">{format!("{count} document{}", if count == 1 { "" } else { "s" })}</span>
                </summary>
                <ul class="toc-list">
                    {e.children.iter().map(|c| toc_entry(c, lib, depth + 1)).collect_view()}
                </ul>
            </details>
        </li>
    }
    .into_any()
}

fn count_docs(e: &TocEntry) -> usize {
    usize::from(e.document.is_some()) + e.children.iter().map(count_docs).sum::<usize>()
}

/// `/volume/:vol/page/:page` → the document where that page begins, at the page.
#[component]
pub fn PagePage() -> impl IntoView {
    let params = use_params_map();
    let lib = expect_context::<Library>();
    move || {
        let (vol, page) = params.with(|p| {
            (
                p.get("vol").unwrap_or_default(),
                p.get("page").unwrap_or_default(),
            )
        });
        match lib.volume(&vol) {
            Some(v) => match lib.page(&vol, &page) {
                Some(id) => view! { <Redirect path=doc_href(&id, Some(&page))/> }.into_any(),
                None => view! { <crate::routes::not_found::NotFound what=format!("Foreign Relations, {}, has no page {page}.", v.label())/> }.into_any(),
            },
            None if lib.shelf.with(|s| s.restoring(&vol)) => view! { <Restoring id=vol/> }.into_any(),
            None if lib.on_site(&vol) => view! { <Fetching id=vol/> }.into_any(),
            None => view! { <NotOpen volume=vol what=format!("Page {page} is in this volume.")/> }.into_any(),
        }
    }
}
