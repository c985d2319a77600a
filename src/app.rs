//! The application shell: collection, router, header and footer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::open_files::DropTarget;
use crate::routes::library::LibraryPage;
use crate::routes::not_found::NotFound;
use crate::routes::reader::ReaderPage;
use crate::routes::volume::{PagePage, VolumePage};
use crate::state::Library;
use crate::timeline::TimelinePage;
use crate::urls::{LIBRARY, TIMELINE};

#[component]
pub fn App() -> impl IntoView {
    view! { <AppWith lib=Library::with_sample()/> }
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
                </nav>
                <span class="tagline">"Foreign Relations of the United States, read closely"</span>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=LibraryPage/>
                    <Route path=path!("/read/:id") view=ReaderPage/>
                    <Route path=path!("/volume/:vol") view=VolumePage/>
                    <Route path=path!("/timeline") view=TimelinePage/>
                    <Route path=path!("/volume/:vol/page/:page") view=PagePage/>
                </Routes>
            </main>
            <footer class="app-footer">
                <p>
                    "Texts: "<cite>"Foreign Relations of the United States"</cite>
                    ", Office of the Historian, U.S. Department of State (public domain), from "
                    <a href="https://history.state.gov/" rel="noopener noreferrer">"history.state.gov"</a>"."
                </p>
            </footer>
            <DropTarget/>
        </Router>
    }
}
