//! `/`: the library — what is open, and a way to open more.

use leptos::prelude::*;
use letterbook_core::{dates, presentation, volumes::volume_label};

use crate::components::open_files::OpenFiles;
use crate::state::{doc_href, volume_href, Library, SAMPLE_ID};

#[component]
pub fn LibraryPage() -> impl IntoView {
    let lib = expect_context::<Library>();
    Effect::new(move |_| document().set_title("Library · Letterbook"));
    let volumes = move || {
        lib.volumes()
            .into_iter()
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
                        <PutAway label=title on_put_away=move || lib.put_away_volume(&id)/>
                    </li>
                }
            })
            .collect_view()
    };
    let loose = move || {
        lib.loose_documents()
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
                        <PutAway label=title on_put_away=move || lib.put_away_document(&id)/>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">"Library"</h1>
            <p class="lede">"Letterbook reads the diplomatic papers of "<cite>"Foreign Relations of the United States"</cite>" in your browser. Nothing leaves this device."</p>
            <OpenFiles/>
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
            <h2>"Volumes"</h2>
            {move || {
                let v = volumes();
                if lib.volumes().is_empty() {
                    view! { <p class="empty">"No volume is open. Open a TEI volume (for example frus1934v05.xml) to browse all of its documents."</p> }.into_any()
                } else {
                    view! { <ul class="volume-list">{v}</ul> }.into_any()
                }
            }}
            // No heading over nothing: the sample joins its volume when the volume is opened.
            {move || (!lib.loose_documents().is_empty()).then(|| view! {
                <h2>"Single documents"</h2>
                <ul class="doc-list">{loose}</ul>
            })}
        </section>
    }
}

/// Takes a volume or document out of the collection (until it is opened again).
#[component]
fn PutAway(label: String, on_put_away: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="put-away" aria-label=format!("Put away {label}") on:click=move |_| {
            on_put_away();
            // The button is gone with its card: the focus goes back to the page's top.
            crate::focus::main_heading();
        }>
            "Put away"
        </button>
    }
}
