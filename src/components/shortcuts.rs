//! "Keyboard shortcuts": every key of the reader, the timeline and search, in one dialog
//! that `?` opens anywhere (not while typing) and the footer's button opens too. A native
//! modal `<dialog>`: it keeps the focus inside, closes on Escape and gives the focus back.
//! `/` anywhere goes to the search field.

use leptos::html;
use leptos::prelude::*;

use crate::focus::{is_typing, modal_open};

/// (keys, what they do), by page.
const READER: &[(&str, &str)] = &[
    ("[  ]", "Previous / next document of the volume"),
    ("Tab", "The next footnote marker, name or link"),
    (
        "Enter or Space",
        "On a footnote marker or a name: open its note",
    ),
    (
        "Escape",
        "Close the note; the focus goes back to its marker",
    ),
    ("n  N", "After a search: the next / previous hit"),
];
const SEARCH: &[(&str, &str)] = &[
    ("/", "Go to the search field"),
    ("↑  ↓", "In the field: choose a suggestion (Enter takes it)"),
    (
        "Escape",
        "In the field: close the suggestions, then empty it",
    ),
    (
        "↑  ↓  Home  End",
        "On a result: the next, previous, first or last",
    ),
];
const TIMELINE: &[(&str, &str)] = &[
    ("+  −", "Zoom in / out"),
    ("←  →", "Earlier / later (on the chart)"),
    ("0", "Show everything"),
    ("Tab", "From the chart to its documents"),
    (
        "←  →  ↑  ↓",
        "On a document: the next in date order, or the lane above or below",
    ),
    ("Home  End", "The first / last document drawn"),
    ("Space", "Select the document (its card and thread)"),
    (
        "Enter",
        "Open the document (on a count: zoom into its days)",
    ),
    ("Escape", "Back to the chart"),
];
const EVERYWHERE: &[(&str, &str)] = &[
    ("?", "This list"),
    ("/", "Search"),
    ("Tab at the top", "“Skip to the text”"),
];

#[component]
pub fn Shortcuts() -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let open = move || {
        if let Some(d) = dialog.get_untracked() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    };
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || is_typing() || modal_open() {
            return;
        }
        match ev.key().as_str() {
            "?" => {
                ev.prevent_default();
                open();
            }
            // The header's search field, from anywhere.
            "/" => {
                ev.prevent_default();
                if let Some(field) = document()
                    .get_element_by_id("search-input")
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = field.focus();
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
    let table = |caption: &'static str, rows: &'static [(&'static str, &'static str)]| {
        view! {
            <table class="shortcuts-table">
                <caption>{caption}</caption>
                <tbody>
                    {rows.iter().map(|(k, what)| view! {
                        <tr><th scope="row"><kbd>{*k}</kbd></th><td>{*what}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <button type="button" class="shortcuts-button" aria-keyshortcuts="?" on:click=move |_| open()>
            "Keyboard shortcuts"
        </button>
        <dialog class="shortcuts" node_ref=dialog aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            {table("Reading a document", READER)}
            {table("The timeline", TIMELINE)}
            {table("Search", SEARCH)}
            {table("Everywhere", EVERYWHERE)}
            <form method="dialog">
                <button type="submit" class="shortcuts-close" autofocus>"Close"</button>
            </form>
        </dialog>
    }
}
