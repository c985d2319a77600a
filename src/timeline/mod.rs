//! `/timeline`: every open document in time. The filters, lane choice, view and selection
//! live in signals mirrored to the URL (see the core's `TimelineQuery`), so a reload or a
//! shared link shows the same thing.

mod brush;
mod card;
mod certainty;
mod chart;
mod count;
mod filters;
mod list;
mod notices;
mod state;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use letterbook_core::timeline::{self, LaneMode, TimelineQuery};
use letterbook_core::volumes::volume_label;

use crate::arc_eq::ArcEq;
use crate::state::Library;
use crate::urls::LIBRARY;
use brush::Brush;
use card::Card;
use chart::{Chart, MoreLanes};
use filters::Filters;
use list::{ListView, PrintList, Undated};
use notices::{LinkNeeds, NoneMatch, SummaryNotice};
use state::TimelineState;

/// The query as the router decoded it.
fn query_of(q: &leptos_router::params::ParamsMap) -> TimelineQuery {
    TimelineQuery::from_pairs(q.latest_values())
}

/// The URL as it will be compared: a location's `search` comes percent-encoded.
fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .map(String::from)
        .unwrap_or_else(|_| s.to_string())
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let lib = expect_context::<Library>();
    let query = use_query_map();
    let st = TimelineState::new(&query_of(&query.get_untracked()));
    provide_context(st);
    Effect::new(move |_| document().set_title("Timeline · Letterbook"));

    // Mirror the state to the URL; the view only after it rests (a pan is many frames).
    let navigate = use_navigate();
    let last = StoredValue::new(String::new());
    let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    Effect::new(move |_| {
        let href = st.href();
        if last.get_value() == href {
            return;
        }
        last.set_value(href.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let navigate = navigate.clone();
        let h = set_timeout_with_handle(
            move || {
                // Not after the page was left (the timer outlives it).
                if window().location().pathname().ok().as_deref() == Some(crate::urls::TIMELINE) {
                    navigate(
                        &href,
                        leptos_router::NavigateOptions {
                            replace: true,
                            scroll: false,
                            ..Default::default()
                        },
                    );
                }
            },
            std::time::Duration::from_millis(250),
        )
        .ok();
        pending.set_value(h);
    });

    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
    // A URL we did not write (a link to another selection, Back/Forward) is applied.
    Effect::new(move |_| {
        let q = query.get();
        let loc = window().location();
        let now = format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        );
        if decode(&now) != decode(&last.get_value()) {
            st.apply(&query_of(&q));
        }
    });
    // Words (and search's facets) are searched for; the timeline keeps what is found.
    let searched = Memo::new(move |_| st.searched());
    let found = LocalResource::new(move || {
        let q = searched.get();
        lib.model.track();
        async move {
            match q {
                Some(q) => Some(crate::finder::run(lib, q).await),
                None => None,
            }
        }
    });
    // Searching (or its model is not the one shown yet): nothing to draw yet.
    let pending = Memo::new(move |_| {
        searched.with(Option::is_some)
            && !found
                .with(|f| matches!(f, Some(Some(Ok(fd))) if lib.model.with(|m| fd.model == *m)))
    });
    let selection = Memo::new(move |_| {
        let m = lib.model.get();
        let f = st.filter(&m);
        if searched.with(Option::is_none) {
            return ArcEq::new(timeline::select(&m.corr, &f, None));
        }
        found.with(|fd| match fd {
            Some(Some(Ok(fd))) if fd.model == m => {
                let set = &fd.results.set;
                ArcEq::new(timeline::select(&m.corr, &f, Some(&|i| set.contains(i))))
            }
            _ => ArcEq::new(timeline::Selection {
                total: m.corr.docs.len(),
                ..Default::default()
            }),
        })
    });
    let lanes = Memo::new(move |_| {
        let m = lib.model.get();
        let sel = selection.get();
        ArcEq::new(timeline::lanes(
            &m.corr,
            &sel.0,
            st.mode.get(),
            st.lane_limit.get(),
            &|v| volume_label(v),
        ))
    });

    let count = move || {
        if pending.get() {
            "Searching…".to_string()
        } else {
            count::showing(&selection.get())
        }
    };
    let empty = move || lib.model.with(|m| m.corr.docs.is_empty());

    view! {
        <section class="timeline-page" aria-labelledby="tl-title">
            <header class="tl-head">
                <h1 id="tl-title">"Timeline of the correspondence"</h1>
                <p class="tl-count" id="tl-count">{count}</p>
                <SummaryNotice/>
            </header>
            <Filters/>
            <div class="tl-switch" role="group" aria-label="Show as">
                <button type="button" aria-pressed=move || (!st.list.get()).to_string()
                    on:click=move |_| st.list.set(false)>"Timeline"</button>
                <button type="button" aria-pressed=move || st.list.get().to_string()
                    on:click=move |_| st.list.set(true)>"List"</button>
                <label class="tl-lanes-choice">
                    "Lanes by "
                    <select on:change=move |ev| {
                        if let Some(m) = LaneMode::parse(&event_target_value(&ev)) {
                            st.mode.set(m);
                        }
                    }>
                        {LaneMode::ALL.into_iter().map(|m| view! {
                            <option value=m.as_str() selected=move || st.mode.get() == m>{m.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Show when=move || !empty() fallback=|| view! {
                <p class="tl-empty">"Nothing is open yet. Open a volume or a page text in the "<a href=LIBRARY>"library"</a>"."</p>
            }>
                <LinkNeeds/>
                <Brush/>
                <NoneMatch selection=selection/>
                <Show when=move || !st.list.get() fallback=move || view! { <ListView selection=selection/> }>
                    <Chart selection=selection lanes=lanes/>
                    <MoreLanes lanes=lanes/>
                    <PrintList selection=selection/>
                </Show>
                <Card/>
                <Undated selection=selection/>
            </Show>
        </section>
    }
}
