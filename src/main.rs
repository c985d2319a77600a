//! The browser entry point (Trunk builds this binary to wasm32).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(letterbook_app::App);
}
