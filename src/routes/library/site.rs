//! The collection of the app's site in the library: what it holds, each volume not open
//! yet with its state (available, downloading n %, failed), in the library's order.

use leptos::prelude::*;
use letterbook_core::{dates, presentation};

use super::Order;
use crate::keep_offline::{KeepOffline, KeepState};
use crate::shelf::{Fetch, Site, SiteVolume};
use crate::state::{doc_href, volume_href, Library, Summary};
use crate::urls::TIMELINE;

#[component]
pub fn SitePanel(order: RwSignal<Order>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let waiting = move || {
        let mut vols: Vec<SiteVolume> = lib.site.with(|s| match s {
            Site::Ready(c) => c
                .volumes
                .iter()
                .filter(|v| {
                    let id = &v.entry.id;
                    // Open (or being opened from the store): listed with the volumes.
                    lib.volume(id).is_none_or(|o| lib.is_built_in(&o.volume.id))
                        && lib.get(id).is_none()
                        && !lib.shelf.with(|s| s.restoring(id))
                })
                .cloned()
                .collect(),
            _ => Vec::new(),
        });
        match order.get() {
            Order::Opened => {}
            Order::Date => vols.sort_by_cached_key(|v| {
                (
                    v.entry.from.is_none(),
                    v.entry.from.clone(),
                    v.entry.id.clone(),
                )
            }),
            Order::Title => vols.sort_by_cached_key(|v| v.entry.title.to_lowercase()),
        }
        vols
    };
    move || {
        match lib.site.get() {
        Site::None | Site::Asking => None,
        Site::Failed(why) => Some(
            view! {
                <section class="site-panel" aria-labelledby="site-title">
                    <h2 id="site-title">"On this site"</h2>
                    <p class="store-off" role="alert">{format!("This site's collection cannot be read: {why}")}</p>
                </section>
            }
            .into_any(),
        ),
        Site::Ready(c) => Some(
            view! {
                <section class="site-panel" aria-labelledby="site-title">
                    <h2 id="site-title">{format!("On this site: {}", c.title)}</h2>
                    <p class="store-facts">
                        {format!(
                            "{} with {}. A volume is downloaded when you open it or one of its documents, then kept in this browser.",
                            presentation::count(c.volumes.len() as u64, "volume"),
                            presentation::count(c.documents, "document")
                        )}
                    </p>
                    <SummaryState/>
                    <KeepPanel/>
                    <ul class="volume-list site-list">
                        {move || waiting().into_iter().map(|v| view! { <SiteCard v=v/> }).collect_view()}
                    </ul>
                </section>
            }
            .into_any(),
        ),
    }
    }
}

/// Where the collection's summary stands: the timeline over all of it, or why not (in a
/// live region that is there from the start, so that each change is said).
#[component]
fn SummaryState() -> impl IntoView {
    let lib = expect_context::<Library>();
    let state = move || {
        match lib.summary.get() {
        Summary::None => None,
        Summary::Loading => Some(
            view! { <p class="store-facts">"Reading the collection's summary for the timeline…"</p> }
                .into_any(),
        ),
        Summary::Ready(m) => Some(
            view! {
                <p class="store-facts">
                    <a href=TIMELINE>
                        {format!("All {} in the timeline", presentation::count(m.corr.docs.len() as u64, "document"))}
                    </a>
                    " (no volume needs downloading for it)"
                </p>
            }
            .into_any(),
        ),
        Summary::Failed(why) => Some(
            view! {
                <p class="store-off">
                    {format!("The timeline shows only what is open here: the collection's summary cannot be read ({why}).")}
                </p>
            }
            .into_any(),
        ),
    }
    };
    view! { <div class="summary-state" role="status">{state}</div> }
}

#[component]
fn SiteCard(v: SiteVolume) -> impl IntoView {
    let lib = expect_context::<Library>();
    let e = &v.entry;
    let href = if e.kind == "text" {
        doc_href(&e.id, None)
    } else {
        volume_href(&e.id)
    };
    // Days only: a span of a volume is no place for an hour.
    let day = |iso: &String| dates::display(iso.get(..10).unwrap_or(iso));
    let span = match (&e.from, &e.to) {
        (Some(a), Some(b)) if day(a) != day(b) => format!("{}–{}", day(a), day(b)),
        (Some(a), _) => day(a),
        _ => String::new(),
    };
    let facts = [
        e.id.clone(),
        presentation::count(e.documents, "document"),
        span,
        presentation::bytes(e.pack.bytes),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let id = e.id.clone();
    let state = match v.fetch {
        Fetch::Available | Fetch::Done => {
            let offline = use_context::<KeepOffline>();
            let vid = e.id.clone();
            view! {
                <span class="volume-state">{move || {
                    if offline.is_some_and(|k| k.volumes.with(|s| s.contains(&vid))) {
                        "Available from this site, and offline"
                    } else {
                        "Available from this site"
                    }
                }}</span>
            }
            .into_any()
        }
        Fetch::Downloading(p) => view! {
            <span class="volume-state" role="status">{format!("Downloading {:.0} %", p * 100.0)}</span>
            <progress max="1" value=p aria-label=format!("Downloading {}", e.title)></progress>
        }
        .into_any(),
        Fetch::Failed(why) => view! {
            <span class="volume-state not-kept" role="alert">{format!("Not downloaded: {why}")}</span>
            <button type="button" class="fetch-retry" aria-label=format!("Try downloading {} again", e.title) on:click=move |_| {
                crate::site::open(lib, &id);
                crate::focus::main_heading();
            }>"Try again"</button>
        }
        .into_any(),
    };
    view! {
        <li class="volume-card site">
            <a class="volume-link" href=href>{e.title.clone()}</a>
            <span class="volume-facts">{facts}</span>
            {state}
        </li>
    }
}

/// "Keep this collection offline": what it needs first, then one progress bar, pause and
/// go on; the browser's room said before anything is downloaded.
#[component]
fn KeepPanel() -> impl IntoView {
    let lib = expect_context::<Library>();
    let Some(keep) = use_context::<KeepOffline>() else {
        return ().into_any();
    };
    let mb = |n: u64| presentation::bytes(n);
    view! {
        <div class="keep-offline" role="group" aria-labelledby="keep-title">
            <h3 id="keep-title">"Offline"</h3>
            <div role="status">{move || match keep.state.get() {
                KeepState::Unknown => view! { <p class="store-facts">"Measuring what keeping this collection offline needs…"</p> }.into_any(),
                KeepState::Ready { need, missing, free } => {
                    let room = free.is_none_or(|f| f >= missing);
                    let says = match free {
                        Some(f) if !room => format!(
                            "Keeping the whole collection offline needs {} more; this browser has room for {}. Free some space, or read volumes one at a time (each is kept when opened).",
                            mb(missing), mb(f)
                        ),
                        Some(f) => format!(
                            "Keeping the whole collection offline (every volume and the search index) needs {} ({} of it not kept yet); this browser has room for {}.",
                            mb(need), mb(missing), mb(f)
                        ),
                        None => format!(
                            "Keeping the whole collection offline (every volume and the search index) needs {} ({} not kept yet).",
                            mb(need), mb(missing)
                        ),
                    };
                    view! {
                        <p class="store-facts">{says}</p>
                        <button type="button" class="keep-start" disabled=move || !room on:click=move |_| keep.start(lib)>
                            "Keep this collection offline"
                        </button>
                    }.into_any()
                }
                KeepState::Running { done, total } => view! {
                    <p class="store-facts">{format!("Keeping offline: {} of {}", mb(done), mb(total))}</p>
                    <progress class="keep-progress" max=total.max(1) as f64 value=done as f64 aria-label="Keeping the collection offline"></progress>
                    <button type="button" class="keep-pause" on:click=move |_| keep.pause()>"Pause"</button>
                }.into_any(),
                KeepState::Paused { done, total } => view! {
                    <p class="store-facts">{format!("Paused: {} of {} kept offline.", mb(done), mb(total))}</p>
                    <progress class="keep-progress" max=total.max(1) as f64 value=done as f64 aria-label="Kept offline so far"></progress>
                    <button type="button" class="keep-start" on:click=move |_| keep.start(lib)>"Go on"</button>
                }.into_any(),
                KeepState::Done { total } => view! {
                    <p class="store-facts keep-done">{format!("The whole collection is kept offline ({}): every volume and search work without a connection.", mb(total))}</p>
                }.into_any(),
                KeepState::Failed(why) => view! {
                    <p class="store-off" role="alert">{format!("The collection cannot be kept offline: {why}")}</p>
                    <button type="button" class="keep-start" on:click=move |_| keep.start(lib)>"Try again"</button>
                }.into_any(),
            }}</div>
        </div>
    }
    .into_any()
}
