//! A footnote marker: the superscript button where the marker is printed.

use leptos::prelude::*;

use crate::components::popover::{Pop, Popover};
use crate::urls::{ids, Fragment};

/// The superscript button that stands where the marker is printed.
#[component]
pub fn FootnoteMarker(index: u32, label: String) -> impl IntoView {
    let notes = expect_context::<Popover>();
    let pop = Pop::Note(index);
    let expanded = move || notes.open.get().is_some_and(|o| o.pop == pop && o.pinned);
    view! {
        <sup class="fn-ref">
            <button
                type="button"
                class="fn-marker"
                id=Fragment::Marker(index).id()
                data-note=index
                aria-label=format!("Footnote {label}")
                aria-describedby=ids::note_text(index)
                aria-haspopup="dialog"
                aria-controls=ids::POPOVER
                aria-expanded=move || expanded().to_string()
                class:active=move || notes.open.get().is_some_and(|o| o.pop == pop)
                on:click=notes.on_click(pop)
                on:pointerenter=notes.on_pointer_enter(pop)
                on:pointerleave=notes.on_pointer_leave()
            >
                {label.clone()}
            </button>
        </sup>
    }
}
