//! The light shell: `index.html` carries the app's first screen for a few routes
//! (`shell.html`, written by `node scripts/prerender.mjs` from this app's own rendering)
//! so that a slow network paints something readable long before the wasm has arrived.
//! It is inert (nothing in it can be used) and is removed once the app has rendered.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Runs `then` once the shell has been painted: after the next frame (or a tenth of a
/// second in a hidden tab, which paints none); at once when the page has no shell. A
/// fast load would otherwise render the app before the browser ever painted the shell,
/// and the page's largest paint would wait for the app.
pub fn after_paint(then: impl FnOnce() + 'static) {
    let has_shell = document()
        .and_then(|d| d.query_selector("#shell").ok().flatten())
        .is_some();
    if !has_shell {
        then();
        return;
    }
    let then = Rc::new(Cell::new(Some(then)));
    let by_timer = then.clone();
    request_animation_frame(move || {
        set_timeout(
            move || {
                if let Some(f) = then.take() {
                    f();
                }
            },
            Duration::ZERO,
        )
    });
    set_timeout(
        move || {
            if let Some(f) = by_timer.take() {
                f();
            }
        },
        Duration::from_millis(100),
    );
}

/// Removes the shell and its templates.
pub fn remove() {
    let Some(doc) = document() else {
        return;
    };
    if let Ok(found) = doc.query_selector_all("#shell, template[data-route]") {
        for i in 0..found.length() {
            if let Some(node) = found.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
}
