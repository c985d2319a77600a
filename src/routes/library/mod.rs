//! `/`: the library — what is open, and a way to open more.

use leptos::prelude::*;
use letterbook_core::{dates, presentation, volumes::volume_label};

use crate::components::open_files::OpenFiles;
use crate::components::store_panel::StorePanel;
use crate::shelf::{Keeping, Kind};
use crate::state::{doc_href, volume_href, Library, SAMPLE_ID};

mod site;

use site::SitePanel;

/// How the volumes are listed (the site's too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Opened,
    Date,
    Title,
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let lib = expect_context::<Library>();
    Effect::new(move |_| document().set_title("Library · Letterbook"));
    let order = RwSignal::new(Order::Opened);
    let volumes = move || {
        let mut vols = lib.volumes();
        match order.get() {
            Order::Opened => {}
            // Undated volumes last; then by id, which runs in series order.
            Order::Date => vols.sort_by_cached_key(|v| {
                let first = lib.volume_stats(&v.volume.id).and_then(|s| s.first_date);
                (first.is_none(), first, v.volume.id.clone())
            }),
            Order::Title => vols.sort_by_cached_key(|v| v.label().to_lowercase()),
        }
        vols.into_iter()
            .map(|v| {
                let n = v.volume.documents.len();
                let title = if v.volume.title.is_empty() { volume_label(&v.volume.id) } else { v.volume.title.clone() };
                let id = v.volume.id.clone();
                let incomplete = v.ends_early.map(|line| presentation::ends_early(line, n as u64));
                view! {
                    <li class="volume-card">
                        <a class="volume-link" href=volume_href(&v.volume.id)>{title.clone()}</a>
                        <span class="volume-facts">{format!("{} · {} · from {}", v.volume.id, presentation::count(n as u64, "document"), v.file)}</span>
                        {incomplete.map(|t| view! { <span class="volume-incomplete">{t}</span> })}
                        <KeptState id=id.clone()/>
                        <PutAway label=title on_put_away=move || crate::storage::forget(lib, &id)/>
                    </li>
                }
            })
            .collect_view()
    };
    // Documents of no open volume, and page texts kept in this browser (one read over a
    // volume's copy of its document is that volume's document now, and kept apart).
    let singles = move || {
        let mut docs = lib.loose_documents();
        let kept: Vec<String> = lib.shelf.with(|s| {
            s.items
                .iter()
                .filter(|i| i.kept.kind == Kind::Text && i.state != (Keeping::Kept { open: false }))
                .map(|i| i.kept.id.clone())
                .collect()
        });
        for id in kept {
            if !docs.iter().any(|d| d.id == id) {
                docs.extend(lib.get(&id));
            }
        }
        docs
    };
    let loose = move || {
        singles()
            .into_iter()
            .map(|d| {
                let date = d.date.as_ref().map(|x| dates::display(&x.iso)).unwrap_or_default();
                let vol = d.volume.as_deref().map(volume_label).map(|v| format!("FRUS {v}")).unwrap_or_default();
                let n = d.n.as_ref().map(|n| format!("Document {n}: ")).unwrap_or_default();
                let title = format!("{n}{}", d.title);
                let id = d.id.clone();
                view! {
                    <li class="doc-card">
                        <a href=doc_href(&d.id, None)>{title.clone()}</a>
                        <span class="volume-facts">{[vol, date].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")}</span>
                        <KeptState id=id.clone()/>
                        <PutAway label=title on_put_away=move || crate::storage::forget(lib, &id)/>
                    </li>
                }
            })
            .collect_view()
    };
    // Kept in an earlier visit, and not open again yet.
    let restoring = move |kind: Kind| {
        lib.shelf.with(|s| {
            s.items
                .iter()
                .filter(|i| i.kept.kind == kind && i.state == (Keeping::Kept { open: false }))
                .map(|i| i.kept.clone())
                .collect::<Vec<_>>()
        })
    };
    let restoring_volumes = Memo::new(move |_| restoring(Kind::Volume));
    let restoring_texts = Memo::new(move |_| restoring(Kind::Text));
    let restoring_cards = move |kind: Kind| {
        match kind {
            Kind::Volume => restoring_volumes.get(),
            Kind::Text => restoring_texts.get(),
        }
            .into_iter()
            .map(|k| {
                let href = match kind {
                    Kind::Volume => volume_href(&k.id),
                    Kind::Text => doc_href(&k.id, None),
                };
                view! {
                    <li class="volume-card restoring">
                        <a class="volume-link" href=href>{k.title.clone()}</a>
                        <span class="volume-facts">{format!("{} · {} · from {}", k.id, presentation::count(k.documents as u64, "document"), k.file)}</span>
                        <span class="volume-state" role="status">"Opening from this browser…"</span>
                    </li>
                }
            })
            .collect_view()
    };
    // Memos: the list is built again when what it shows changes, not at every step of
    // the store (a keyboard user's focus stays on the button it is on).
    let no_volumes =
        Memo::new(move |_| lib.volumes().is_empty() && restoring(Kind::Volume).is_empty());
    view! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">"Library"</h1>
            <p class="lede">"Letterbook reads the diplomatic papers of "<cite>"Foreign Relations of the United States"</cite>" in your browser. Nothing leaves this device."</p>
            {move || (!crate::kiosk::on()).then(|| view! { <OpenFiles/> })}
            <p class="where-from">
                "FRUS volumes in TEI are published by the Office of the Historian in its public repository, "
                <a href="https://github.com/HistoryAtState/frus" rel="external noopener">"HistoryAtState/frus"</a>
                ": download a volume's file from its "<code>"volumes"</code>" folder (for example "<code>"frus1934v05.xml"</code>") and open it here. Built in: Documents 72–75 of the 1981–1988 volume on the Soviet Union, the exchange between Gromyko and Haig."
            </p>
            {move || lib.get(SAMPLE_ID).map(|d| view! {
                <p class="start-here">
                    "Start with a letter: "
                    <a href=doc_href(&d.id, None)>{format!("Document {}, {}", d.n.clone().unwrap_or_default(), d.title)}</a>
                    ", and follow its thread."
                </p>
            })}
            {move || (!crate::kiosk::on()).then(|| view! { <StorePanel/> })}
            <div class="list-head">
                <h2 id="volumes-title">"Volumes"</h2>
                {move || (lib.volumes().len() + lib.site.with(|s| s.volume_count()) > 1).then(|| view! {
                    <label class="order">
                        "Order "
                        <select on:change=move |e| order.set(match event_target_value(&e).as_str() {
                            "date" => Order::Date,
                            "title" => Order::Title,
                            _ => Order::Opened,
                        })>
                            <option value="opened" selected=move || order.get() == Order::Opened>"as opened"</option>
                            <option value="date" selected=move || order.get() == Order::Date>"by date"</option>
                            <option value="title" selected=move || order.get() == Order::Title>"by title"</option>
                        </select>
                    </label>
                })}
            </div>
            {move || {
                if no_volumes.get() {
                    view! { <p class="empty">"No volume is open. Open a TEI volume (for example frus1934v05.xml) to browse all of its documents."</p> }.into_any()
                } else {
                    view! { <ul class="volume-list" aria-labelledby="volumes-title">{volumes}{move || restoring_cards(Kind::Volume)}</ul> }.into_any()
                }
            }}
            // No heading over nothing: the sample joins its volume when the volume is opened.
            <SitePanel order=order/>
            {move || (!singles().is_empty() || !restoring_texts.with(Vec::is_empty)).then(|| view! {
                <h2>"Single documents"</h2>
                <ul class="doc-list">{loose}{move || restoring_cards(Kind::Text)}</ul>
            })}
        </section>
    }
}

/// Whether the browser keeps open volume or document `id` (nothing for the built-in
/// samples, nor when the store cannot be used: the panel says so once).
#[component]
fn KeptState(id: String) -> impl IntoView {
    let lib = expect_context::<Library>();
    move || {
        lib.shelf.with(|s| s.item(&id).map(|i| i.state.clone())).map(|state| match state {
            Keeping::Writing => view! { <span class="volume-state" role="status">"Keeping in this browser…"</span> }.into_any(),
            Keeping::Kept { .. } => view! { <span class="volume-state kept" role="status">"Kept in this browser"</span> }.into_any(),
            Keeping::NotKept(why) => view! { <span class="volume-state not-kept" role="status">{why}</span> }.into_any(),
        })
    }
}

/// Takes a volume or document out of the collection and out of the browser's store.
#[component]
fn PutAway(label: String, on_put_away: impl Fn() + 'static) -> impl IntoView {
    // A kiosk's visitors keep what the curator put there.
    (!crate::kiosk::on()).then(|| view! {
        <button type="button" class="put-away" aria-label=format!("Remove {label}") on:click=move |_| {
            on_put_away();
            // The button is gone with its card: the focus goes back to the page's top.
            crate::focus::main_heading();
        }>
            "Remove"
        </button>
    })
}
