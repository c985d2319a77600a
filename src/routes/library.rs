//! `/`: the library — what is open, and a way to open more.

use leptos::prelude::*;
use letterbook_core::{dates, presentation, volumes::volume_label};

use crate::components::open_files::OpenFiles;
use crate::state::{doc_href, volume_href, Library};

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
                view! {
                    <li class="volume-card">
                        <a class="volume-link" href=volume_href(&v.volume.id)>{title}</a>
                        <span class="volume-facts">{format!("{} · {} · from {}", v.volume.id, presentation::count(n as u64, "document"), v.file)}</span>
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
                view! {
                    <li class="doc-card">
                        <a href=doc_href(&d.id, None)>{format!("{n}{}", d.title)}</a>
                        <span class="volume-facts">{[vol, date].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")}</span>
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
            <h2>"Volumes"</h2>
            {move || {
                let v = volumes();
                if lib.volumes().is_empty() {
                    view! { <p class="empty">"No volume is open yet. Open a TEI volume (for example frus1934v05.xml) to browse all of its documents."</p> }.into_any()
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
