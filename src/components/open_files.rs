//! Opening files: the file picker, the drop target that covers the window, and the status
//! of each file being opened (progress while parsing, errors with their position).

use leptos::ev;
use leptos::prelude::*;

use crate::loader::{files_of, open_files};
use crate::state::{Library, LoadState};

/// A labelled file input for TEI volumes and page texts (several at once).
#[component]
pub fn OpenFiles(#[prop(into, optional)] label: Option<String>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let id = "open-files-input";
    let label = label.unwrap_or_else(|| "Open FRUS files…".to_string());
    view! {
        <div class="open-files">
            <label class="open-button" for=id>{label}</label>
            <input
                id=id
                class="file-input"
                type="file"
                multiple
                accept=".xml,.txt,application/xml,text/xml,text/plain"
                on:change=move |ev: ev::Event| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    let files = files_of(input.files());
                    // Cleared so that choosing the same file again opens it again.
                    input.set_value("");
                    if !files.is_empty() {
                        open_files(lib, files);
                    }
                }
            />
            <p class="open-hint">"TEI volumes (.xml) from the Office of the Historian, or page texts (.txt) from history.state.gov. You can also drop files anywhere on this page."</p>
            <LoadList/>
        </div>
    }
}

/// The files opened in this session: progress, then what they hold or why they failed
/// (`since`: only those from this load key on).
#[component]
pub fn LoadList(#[prop(optional, into)] since: Option<Signal<u32>>) -> impl IntoView {
    let lib = expect_context::<Library>();
    view! {
        <ul class="loads" aria-live="polite" aria-label="Opened files">
            // Keyed by the load alone: a row is not rebuilt at each step of its progress
            // (its Cancel button keeps the focus and the click).
            <For
                each=move || {
                    let from = since.map_or(0, |s| s.get());
                    lib.loads.with(|l| l.iter().map(|l| l.key).filter(|&k| k >= from).collect::<Vec<_>>())
                }
                key=|k| *k
                children=move |key| view! { <LoadRow key=key/> }
            />
        </ul>
    }
}

/// One file: waiting, parsing (progress and Cancel), opened, failed or cancelled.
#[component]
fn LoadRow(key: u32) -> impl IntoView {
    let lib = expect_context::<Library>();
    let name = lib
        .loads
        .with_untracked(|l| l.iter().find(|x| x.key == key).map(|x| x.name.clone()))
        .unwrap_or_default();
    let state = Memo::new(move |_| {
        lib.loads
            .with(|l| l.iter().find(|x| x.key == key).map(|x| x.state.clone()))
    });
    let pct = Memo::new(move |_| {
        lib.loads.with(|l| {
            l.iter()
                .find(|x| x.key == key)
                .map_or(0, |x| (x.progress * 100.0).round() as u32)
        })
    });
    let cancel = {
        let name = name.clone();
        move || {
            view! {
                <button type="button" class="load-cancel" aria-label=format!("Cancel opening {name}")
                    on:click=move |_| {
                        crate::loader::cancel(lib, key);
                        // The button goes with its state: the focus goes to the next file's
                        // Cancel, or to the page's heading.
                        crate::focus::later_or_main(".loads .load-cancel");
                    }>"Cancel"</button>
            }
        }
    };
    // Waiting and parsing are one row: its Cancel button stays the same element (and
    // keeps the focus) when the file's turn comes.
    let finished = Memo::new(move |_| state.get().filter(|s| !s.under_way()));
    let parsing = Memo::new(move |_| matches!(state.get(), Some(LoadState::Parsing)));
    move || {
        let name = name.clone();
        Some(match finished.get() {
            None => {
                let label = format!("Parsing {name}");
                view! {
                    <li class="load">
                        <span class="load-name">{name}</span>
                        {move || if parsing.get() {
                            view! {
                                <progress max="100" value=move || pct.get().to_string() aria-label=label.clone()></progress>
                                <span class="load-pct" aria-hidden="true">{move || format!("{} %", pct.get())}</span>
                            }.into_any()
                        } else {
                            " — waiting…".into_any()
                        }}
                        {cancel.clone()()}
                    </li>
                }.into_any()
            }
            Some(LoadState::Cancelled) => view! {
                <li class="load cancelled"><span class="load-name">{name}</span>" — cancelled: nothing of it was opened."</li>
            }.into_any(),
            Some(LoadState::Done { summary, href, errors }) => view! {
                <li class="load done">
                    <a href=href class="load-name">{name}</a>
                    {format!(" — {summary}")}
                    {(!errors.is_empty()).then(|| view! {
                        <ul class="load-errors">
                            {errors.into_iter().map(|e| view! { <li class="load-error">{e}</li> }).collect_view()}
                        </ul>
                    })}
                </li>
            }.into_any(),
            Some(LoadState::Failed(why)) => view! {
                <li class="load failed" role="alert">
                    <span class="load-name">{name}</span>" could not be opened: "
                    <span class="load-error">{why}</span>
                </li>
            }.into_any(),
            // Under way: handled above.
            Some(LoadState::Reading | LoadState::Parsing) => return None,
        })
    }
}

/// Files dropped anywhere on the window are opened; an overlay shows while dragging.
#[component]
pub fn DropTarget() -> impl IntoView {
    let lib = expect_context::<Library>();
    let dragging = RwSignal::new(false);
    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .map(|dt| {
                dt.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            })
            .unwrap_or(false)
    };
    let over = window_event_listener(ev::dragover, move |ev| {
        if has_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |ev| {
        // Leaving the window (no element under the pointer any more).
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |ev| {
        dragging.set(false);
        if !has_files(&ev) {
            return;
        }
        ev.prevent_default();
        let files = files_of(ev.data_transfer().and_then(|dt| dt.files()));
        if !files.is_empty() {
            open_files(lib, files);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <div class="drop-overlay" class:shown=move || dragging.get() aria-hidden="true">
            <p>"Drop FRUS files to open them"</p>
        </div>
    }
}

/// Files dropped or opened on a page without the library's list: the result in a panel at
/// the bottom of the window (what was opened, with its link, or why not), until dismissed.
#[component]
pub fn LoadToast() -> impl IntoView {
    let lib = expect_context::<Library>();
    let location = leptos_router::hooks::use_location();
    // Loads before this key were seen (or dismissed).
    let since = RwSignal::new(0u32);
    // Seen so far: everything up to the first file still being read or parsed, whose
    // result is yet to be seen.
    let seen_now = move || {
        lib.loads.with_untracked(|l| {
            l.iter()
                .find(|x| x.state.under_way())
                .or(l.last())
                .map_or(0, |x| {
                    if x.state.under_way() {
                        x.key
                    } else {
                        x.key + 1
                    }
                })
        })
    };
    // What the library page showed is seen: on leaving it, only later files come here.
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.as_deref() == Some(crate::urls::LIBRARY) || path == crate::urls::LIBRARY {
            since.set(
                lib.loads
                    .with_untracked(|l| l.last().map_or(0, |x| x.key + 1)),
            );
        }
        path
    });
    // Not where the page has its own list (the library, a "not open" page, the timeline's
    // notice of what a link needs): asked when a load changes, which is when it matters.
    let shown = move || {
        let any = lib.loads.with(|l| l.iter().any(|x| x.key >= since.get()));
        let _ = location.pathname.get();
        any && document()
            .query_selector("main .open-files")
            .ok()
            .flatten()
            .is_none()
    };
    view! {
        <Show when=shown>
            <section class="load-toast" aria-label="Files opened">
                <LoadList since=Signal::derive(move || since.get())/>
                <button type="button" class="load-toast-close"
                    on:click=move |_| {
                        since.set(seen_now());
                        // The panel goes with its button: the focus returns to the page.
                        crate::focus::main_heading();
                    }>
                    "Dismiss"
                </button>
            </section>
        </Show>
    }
}
