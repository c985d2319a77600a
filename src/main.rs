//! The browser entry point (Trunk builds this binary to wasm32).

use std::time::Duration;

use leptos::prelude::*;
use letterbook_app::{shell, state::Library, AppOn};

fn main() {
    console_error_panic_hook::set_once();
    // The page's light shell (index.html) is painted before the app takes the page over.
    // The sample is read in one task and the app rendered in the next (each holds the
    // page for less time); the shell goes in the same task as the first render, so no
    // frame shows both or neither.
    shell::after_paint(|| {
        let lib = Library::with_sample();
        set_timeout(
            move || {
                leptos::mount::mount_to_body(move || view! { <AppOn lib=lib/> });
                shell::remove();
            },
            Duration::ZERO,
        );
    });
}
