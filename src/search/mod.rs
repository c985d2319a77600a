//! `/search?q=…`: every word of every open and kept document, and of the site's whole
//! collection, found on the reader's machine. The query and its facets live in the URL
//! (the timeline's query: one model), so a search is a link; results are counted whole,
//! never capped, and listed in one scrolling list; "Show in timeline" takes the same
//! query there.

mod facets;
pub mod field;
mod results;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use letterbook_core::presentation;
use letterbook_core::timeline::TimelineQuery;
use letterbook_search::query::reader_query;

use crate::finder;
use crate::state::Library;
use crate::urls::{search_href, timeline_href_of};
use facets::Facets;
use results::ResultList;

/// What the page says while its index is being built.
#[component]
fn Indexing() -> impl IntoView {
    let lib = expect_context::<Library>();
    move || {
        lib.indexed.indexing.get().map(|i| {
            let pct = (i.progress * 100.0).round() as u32;
            view! {
                <p class="search-indexing">
                    {format!("Indexing {} for search… ", i.title)}
                    <progress max="100" value=pct aria-label=format!("Indexing {}", i.title)>{format!("{pct} %")}</progress>
                </p>
            }
        })
    }
}

/// How to ask, with examples that work on the built-in sample.
#[component]
fn Help() -> impl IntoView {
    let ex = |q: &'static str, what: &'static str| {
        let href = search_href(&TimelineQuery {
            text: q.to_string(),
            ..Default::default()
        });
        view! { <li><a href=href><code>{q}</code></a>" — "{what}</li> }
    };
    view! {
        <div class="search-help">
            <p>"Type in the field above and press Enter. Everything open or kept in this browser is searched, and a site's whole collection, here, without a server; every match is counted."</p>
            <ul>
                {ex("restraint Cuba", "documents with both words")}
                {ex("\"Indian Ocean\"", "the exact phrase")}
                {ex("Afghanistan OR Kampuchea", "either word")}
                {ex("restraint -China", "the first word, not the second")}
                {ex("restr*", "words beginning so")}
                {ex("in:notes typed signature", "only in footnotes (also heading, body, source)")}
                {ex("from:gromyko to:haig", "by sender and recipient")}
                {ex("kind:telegram 1981-07..1981-08", "a kind of document, a range of dates")}
            </ul>
            <p>"Case and accents do not matter; other characters are read as text."</p>
        </div>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let lib = expect_context::<Library>();
    let params = use_query_map();
    let q = Memo::new(move |_| TimelineQuery::from_pairs(params.get().latest_values()));
    let asked = Memo::new(move |_| q.with(|q| !reader_query(q).is_empty()));
    Effect::new(move |_| {
        let t = q.with(|q| q.text.trim().to_string());
        document().set_title(&if t.is_empty() {
            "Search · Letterbook".to_string()
        } else {
            format!("{t} · Search · Letterbook")
        });
    });
    let found = LocalResource::new(move || {
        let q = q.get();
        let asked = asked.get();
        lib.model.track();
        async move {
            if asked {
                Some(finder::run(lib, q).await)
            } else {
                None
            }
        }
    });
    // Only a result for this page's model is shown (an older one is being replaced).
    let current = move || {
        found.get().flatten().and_then(|r| match r {
            Ok(f) if lib.model.with(|m| f.model == *m) => Some(Ok(f)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
    };
    let count = move || {
        if !asked.get() {
            return String::new();
        }
        let words = q.with(|q| q.text.trim().to_string());
        let of = if words.is_empty() {
            String::new()
        } else {
            format!(" for “{words}”")
        };
        match current() {
            None => "Searching…".to_string(),
            Some(Err(e)) => format!("The search could not be run: {e}"),
            Some(Ok(f)) => {
                let n = f.results.hits.len();
                let order = match q.with(|q| q.sort.clone()).as_deref() {
                    Some("date") => "oldest first",
                    Some("date-desc") => "newest first",
                    _ => "best first",
                };
                // Kept volumes still coming back: what is found so far, and says so.
                let more = match lib.shelf.with(|s| s.still_opening()) {
                    None => "; the volumes kept in this browser are being opened".to_string(),
                    Some(0) => String::new(),
                    Some(k) => format!(
                        "; {} kept in this browser still being opened",
                        presentation::count(k as u64, "volume")
                    ),
                };
                format!(
                    "{}{of}, {order}{more}",
                    presentation::count(n as u64, "document")
                )
            }
        }
    };
    let sort_href = move |s: Option<&str>| {
        let mut q = q.get();
        q.sort = s.map(str::to_string);
        search_href(&q)
    };
    let cleared = move || {
        search_href(&TimelineQuery {
            text: q.with(|q| q.text.clone()),
            sort: q.with(|q| q.sort.clone()),
            ..Default::default()
        })
    };
    let wide = window()
        .match_media("(min-width: 56rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let filtered = move || {
        q.with(|q| {
            q.person.is_some()
                || q.sender.is_some()
                || q.recipient.is_some()
                || q.kind.is_some()
                || q.volume.is_some()
                || q.from.is_some()
                || q.to.is_some()
        })
    };
    view! {
        <section class="search-page" aria-labelledby="search-title">
            <header class="search-head">
                <h1 id="search-title">"Search"</h1>
                <p class="search-count" id="search-count" role="status">{count}</p>
                <Indexing/>
                {move || current().and_then(|r| r.ok()).map(|f| {
                    f.results.notices.iter().map(|n| view! { <p class="search-notice" role="note">{n.clone()}</p> }).collect_view()
                })}
            </header>
            <Show when=move || asked.get() fallback=|| view! { <Help/> }>
                <div class="search-tools">
                    <nav class="search-sort" aria-label="Order">
                        <a href=move || sort_href(None) aria-current=move || q.with(|q| q.sort.is_none()).then_some("true")>"Best first"</a>
                        <a href=move || sort_href(Some("date")) aria-current=move || q.with(|q| q.sort.as_deref() == Some("date")).then_some("true")>"Oldest first"</a>
                        <a href=move || sort_href(Some("date-desc")) aria-current=move || q.with(|q| q.sort.as_deref() == Some("date-desc")).then_some("true")>"Newest first"</a>
                    </nav>
                    <a class="search-timeline" href=move || timeline_href_of(&q.get())>"Show in timeline"</a>
                    <Show when=filtered>
                        <a class="search-clear" href=cleared>"Clear filters"</a>
                    </Show>
                </div>
                <div class="search-layout">
                    // Beside the results on a wide screen; on a phone, after a tap.
                    <details class="facets-box" open=wide>
                        <summary>"Narrow the results"</summary>
                        <aside class="facets" aria-label="Narrow the results">
                            {move || current().and_then(|r| r.ok()).map(|f| view! { <Facets found=f q=q.get()/> })}
                        </aside>
                    </details>
                    <div class="search-results">
                        {move || current().and_then(|r| r.ok()).map(|f| {
                            let words = q.with(|q| q.text.clone());
                            view! { <ResultList found=f words=words/> }
                        })}
                    </div>
                </div>
            </Show>
        </section>
    }
}
