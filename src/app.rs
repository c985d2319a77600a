//! The application shell: collection, router, header and footer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::connection::ConnectionStatus;
use crate::components::open_files::{DropTarget, LoadToast};
use crate::components::shortcuts::Shortcuts;
use crate::kiosk::screens::KioskLayer;
use crate::routes::library::LibraryPage;
use crate::routes::not_found::NotFound;
use crate::routes::reader::ReaderPage;
use crate::routes::volume::{PagePage, VolumePage};
use crate::search::field::SearchField;
use crate::search::SearchPage;
use crate::state::Library;
use crate::timeline::TimelinePage;
use crate::urls::{LIBRARY, SEARCH, TIMELINE};

#[component]
pub fn App() -> impl IntoView {
    view! { <AppOn lib=Library::with_sample()/> }
}

/// The app with its storage, worker, kiosk mode and site over `lib`, which holds the
/// built-in sample already: the entry point reads the sample in a task of its own,
/// ahead of the first render, so that neither holds the page long.
#[component]
pub fn AppOn(lib: Library) -> impl IntoView {
    // What earlier visits kept is listed at once and opened again behind the page.
    crate::storage::restore(lib);
    // The service worker (offline, updates) and the connection's state.
    provide_context(crate::offline::Offline::start());
    // Kiosk mode, when the address asks for it or it was left on; a site's settings turn
    // it on when its manifest says so.
    let kiosk = crate::kiosk::Kiosk::start();
    provide_context(kiosk);
    // A collection served beside the app is listed from its manifest.
    crate::site::discover(lib, move |config| kiosk.from_site(config));
    // A site's collection kept offline: measured once the site is read.
    let keep = crate::keep_offline::KeepOffline::new();
    provide_context(keep);
    Effect::new(move |measured: Option<bool>| {
        if measured == Some(true) {
            return true;
        }
        let ready = lib.site.with(|s| matches!(s, crate::shelf::Site::Ready(_)));
        if ready {
            keep.measure(lib);
        }
        ready
    });
    view! { <AppWith lib=lib/> }
}

/// The app over a given library (the timeline benchmark fills one before mounting).
#[component]
pub fn AppWith(lib: Library) -> impl IntoView {
    provide_context(lib);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to the text"</a>
            <header class="app-bar">
                <a class="brand" href=LIBRARY>"Letterbook"</a>
                // One group, the current page marked (aria-current="page", set by the router).
                <nav class="app-nav" aria-label="Main">
                    <A href=LIBRARY exact=true>"Library"</A>
                    <A href=TIMELINE>"Timeline"</A>
                    <A href=SEARCH>"Search"</A>
                </nav>
                <SearchField/>
                <span class="tagline">"Foreign Relations of the United States, read closely"</span>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=LibraryPage/>
                    <Route path=path!("/read/:id") view=ReaderPage/>
                    <Route path=path!("/volume/:vol") view=VolumePage/>
                    <Route path=path!("/timeline") view=TimelinePage/>
                    <Route path=path!("/search") view=SearchPage/>
                    <Route path=path!("/volume/:vol/page/:page") view=PagePage/>
                </Routes>
            </main>
            <footer class="app-footer">
                <Shortcuts/>
                <p>
                    "Texts: "<cite>"Foreign Relations of the United States"</cite>
                    ", Office of the Historian, U.S. Department of State (public domain), from "
                    <a href="https://history.state.gov/" rel="noopener noreferrer">"history.state.gov"</a>"."
                </p>
            </footer>
            {move || (!crate::kiosk::on()).then(|| view! { <DropTarget/> })}
            <LoadToast/>
            <ConnectionStatus/>
            <KioskLayer/>
            <RouteFocus/>
        </Router>
    }
}

/// On every move to another page: focus goes to the new page's main heading (focusable,
/// not in the tab order), so the next Tab starts at its top and not at the old page's
/// control, and the page's title is announced. A move to a note or marker (`#fn2`)
/// leaves the focus to the reader, which puts it there.
#[component]
fn RouteFocus() -> impl IntoView {
    let location = use_location();
    let announce = RwSignal::new(String::new());
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _path = location.pathname.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        let hash = location.hash.get_untracked();
        // After the new page is in the DOM (and has set its title).
        set_timeout(
            move || {
                let doc = document();
                if hash.is_empty() && crate::focus::main_heading() {
                    // At once: the page is new, there is nothing to follow with the eye.
                    if let Some(w) = web_sys::window() {
                        let opts = web_sys::ScrollToOptions::new();
                        opts.set_top(0.0);
                        opts.set_behavior(web_sys::ScrollBehavior::Instant);
                        w.scroll_to_with_scroll_to_options(&opts);
                    }
                }
                announce.set(doc.title());
            },
            std::time::Duration::ZERO,
        );
    });
    view! { <p id="route-announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">{move || announce.get()}</p> }
}
