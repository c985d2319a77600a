//! The application shell: collection, router, header and footer.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::routes::not_found::NotFound;
use crate::routes::reader::ReaderPage;
use crate::state::{doc_href, Library};

#[component]
pub fn App() -> impl IntoView {
    let lib = Library::with_sample();
    provide_context(lib);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to the text"</a>
            <header class="app-bar">
                <a class="brand" href="/">"Letterbook"</a>
                <span class="tagline">"Foreign Relations of the United States, read closely"</span>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/read/:id") view=ReaderPage/>
                </Routes>
            </main>
            <footer class="app-footer">
                <p>
                    "Texts: "<cite>"Foreign Relations of the United States"</cite>
                    ", Office of the Historian, U.S. Department of State (public domain), from "
                    <a href="https://history.state.gov/" rel="noopener noreferrer">"history.state.gov"</a>"."
                </p>
            </footer>
        </Router>
    }
}

/// `/`: the app opens on its built-in sample.
#[component]
fn Home() -> impl IntoView {
    let lib = expect_context::<Library>();
    match lib.first_id() {
        Some(id) => view! { <Redirect path=doc_href(&id, None)/> }.into_any(),
        None => view! { <NotFound what="The collection is empty."/> }.into_any(),
    }
}
