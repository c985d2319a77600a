//! Where the keyboard is: the page's main heading as the place focus returns to (after a
//! move to another page, or when the control that had it disappears), whether the reader
//! is typing, and whether a modal dialog has the keys.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Puts the focus on the page's main heading (made focusable, not in the tab order);
/// false when the page has none yet.
pub fn main_heading() -> bool {
    let Some(h) = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    if !h.has_attribute("tabindex") {
        let _ = h.set_attribute("tabindex", "-1");
    }
    let _ = h.focus();
    true
}

/// Whether the focus is in a field, where keys are characters, not shortcuts.
pub fn is_typing() -> bool {
    document().active_element().is_some_and(|e| {
        matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || e.has_attribute("contenteditable")
    })
}

/// Whether a modal dialog is open: the page's own keys wait until it closes.
pub fn modal_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

/// Focuses the element `selector` names once the view has drawn it (a control that
/// takes the place of the one that had the focus).
pub fn later(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// As [`later`], or the page's main heading when no such element is drawn.
pub fn later_or_main(selector: &'static str) {
    request_animation_frame(move || {
        match document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(el) => {
                let _ = el.focus();
            }
            None => {
                main_heading();
            }
        }
    });
}
