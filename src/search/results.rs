//! The results: every match in one list that scrolls through 50,000 as through 50 — only
//! the rows in view (and a few around them) are in the page, each of one height, the list
//! as tall as all of them. Each row: the document's number, heading (its hits marked),
//! date, correspondents and volume, and the lines around its hits (a hit in a footnote
//! says which). Arrow keys, Home and End move between results; Tab goes on past the
//! rows drawn.

use leptos::html;
use leptos::prelude::*;
use letterbook_core::correspondence::when;
use letterbook_core::presentation;
use letterbook_core::volumes::volume_label;
use letterbook_search::heading_marks;
use letterbook_search::passages::Field;
use std::sync::atomic::Ordering::Relaxed;

use wasm_bindgen::JsCast;

use crate::arc_eq::ArcEq;
use crate::finder::{self, Found, Lines};
use crate::state::Library;
use crate::urls::hits_href;

/// Rows drawn beyond the window, above and below.
const OVERSCAN: usize = 6;

/// Text with its hits marked.
fn marked(text: &str, marks: &[(usize, usize)]) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(a, b) in marks {
        if a < at || b > text.len() {
            continue;
        }
        if a > at {
            out.push(text[at..a].to_string().into_any());
        }
        out.push(view! { <mark>{text[a..b].to_string()}</mark> }.into_any());
        at = b;
    }
    if at < text.len() {
        out.push(text[at..].to_string().into_any());
    }
    out
}

fn lines_view(lines: Option<Lines>) -> AnyView {
    match lines {
        None => ().into_any(),
        Some(Lines::Missing(why)) => view! { <p class="result-lines missing">{format!("Its text cannot be shown: {why}")}</p> }.into_any(),
        Some(Lines::Shown(s)) => {
            let place = match (&s.note, s.field) {
                (Some(n), _) => Some(format!("In note {n}: ")),
                (None, Field::Source) => Some("In the source note: ".to_string()),
                (None, Field::Notes) => Some("In a note: ".to_string()),
                _ => None,
            };
            let pieces: Vec<AnyView> = s
                .pieces
                .iter()
                .map(|(t, hit)| {
                    if *hit {
                        view! { <mark>{t.clone()}</mark> }.into_any()
                    } else {
                        t.clone().into_any()
                    }
                })
                .collect();
            view! {
                <p class="result-lines">
                    {place.map(|p| view! { <span class="result-where">{p}</span> })}
                    {s.cut_before.then_some("…")}{pieces}{s.cut_after.then_some("…")}
                </p>
            }
            .into_any()
        }
    }
}

#[component]
fn ResultRow(found: ArcEq<Found>, i: usize, words: String) -> impl IntoView {
    let lib = expect_context::<Library>();
    let hit = found.results.hits[i];
    let corr = &found.model.corr;
    let d = &corr.docs[hit.doc as usize];
    let number = d.n.as_ref().map(|n| format!("No. {n}"));
    let date = if d.when.certainty.placed() {
        when::display(&d.when)
    } else {
        "Undated".to_string()
    };
    let route = corr.route(hit.doc);
    let volume = volume_label(
        corr.volumes
            .get(d.volume as usize)
            .map_or("", String::as_str),
    );
    let heading = marked(&d.title, &heading_marks(&d.title, &found.query));
    let href = hits_href(&d.id, &words);
    let total = found.results.hits.len();
    let lines = {
        let found = found.clone();
        let doc = hit.doc;
        LocalResource::new(move || {
            let found = found.clone();
            async move { finder::lines(lib, &found, doc).await }
        })
    };
    view! {
        <li class="result" aria-setsize=total aria-posinset=i + 1>
            <p class="result-meta">
                {number.map(|n| view! { <span class="result-n">{n}</span> })}
                <span class="result-date">{date}</span>
                {route.map(|r| view! { <span class="result-route">{r}</span> })}
                <span class="result-volume">{volume}</span>
            </p>
            <h2 class="result-title"><a href=href data-i=i>{heading}</a></h2>
            {move || lines_view(lines.get().flatten())}
        </li>
    }
}

/// The list of results, drawn around the window.
#[component]
pub fn ResultList(found: ArcEq<Found>, words: String) -> impl IntoView {
    let n = found.results.hits.len();
    // Frames and listeners may come after the list was taken down (a new search): they
    // do nothing then.
    let alive = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let list: NodeRef<html::Ol> = NodeRef::new();
    let row_h = RwSignal::new(150.0f64);
    let range = RwSignal::new((0usize, n.min(20)));
    let seen = RwSignal::new((0usize, n.min(10)));
    // The row holding the focus stays drawn, whatever the scroll.
    let focused = RwSignal::new(None::<usize>);
    let live = alive.clone();
    let measure = move || {
        if !live.load(Relaxed) {
            return;
        }
        let Some(el) = list.get_untracked() else {
            return;
        };
        let top = el.get_bounding_client_rect().top();
        let view_h = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let h = row_h.get_untracked().max(1.0);
        let first = ((-top) / h).floor().max(0.0) as usize;
        let last = (((-top) + view_h) / h).ceil().max(0.0) as usize;
        let (first, last) = (first.min(n), last.min(n));
        seen.set((first, last));
        let mut a = first.saturating_sub(OVERSCAN);
        let mut b = (last + OVERSCAN).min(n);
        if let Some(f) = focused.get_untracked() {
            a = a.min(f.saturating_sub(1));
            b = b.max((f + 2).min(n));
        }
        if range.get_untracked() != (a, b) {
            range.set((a, b));
        }
    };
    let ticking = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let on_scroll = {
        let measure = measure.clone();
        move || {
            if !ticking.swap(true, Relaxed) {
                let (ticking, measure) = (ticking.clone(), measure.clone());
                request_animation_frame(move || {
                    ticking.store(false, Relaxed);
                    measure();
                });
            }
        }
    };
    let on_resize = on_scroll.clone();
    let scroll = window_event_listener(leptos::ev::scroll, move |_| on_scroll());
    let resize = window_event_listener(leptos::ev::resize, move |_| on_resize());
    let live = alive.clone();
    on_cleanup(move || {
        live.store(false, Relaxed);
        scroll.remove();
        resize.remove();
    });
    // The rows' height, as the style sheet sets it, measured once they are drawn.
    let (live, measure2) = (alive.clone(), measure.clone());
    Effect::new(move |_| {
        range.track();
        let (live, measure) = (live.clone(), measure2.clone());
        request_animation_frame(move || {
            if !live.load(Relaxed) {
                return;
            }
            let Some(el) = list.get_untracked() else {
                return;
            };
            if let Ok(Some(row)) = el.query_selector(".result") {
                let h = row
                    .dyn_into::<web_sys::HtmlElement>()
                    .map(|r| r.offset_height() as f64)
                    .unwrap_or(0.0);
                if h > 0.0 && (h - row_h.get_untracked()).abs() > 0.5 {
                    row_h.set(h);
                    measure();
                }
            }
        });
    });
    // Moves the focus to result `i`: drawn, brought into view, then focused.
    let focus_row = move |i: usize| {
        let measure = measure.clone();
        focused.set(Some(i));
        let Some(el) = list.get_untracked() else {
            return;
        };
        let h = row_h.get_untracked();
        let top = el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
        let view_h = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let y = top + i as f64 * h;
        let now = window().scroll_y().unwrap_or(0.0);
        if y < now || y + h > now + view_h {
            let opts = web_sys::ScrollToOptions::new();
            opts.set_top((y - view_h / 3.0).max(0.0));
            opts.set_behavior(web_sys::ScrollBehavior::Instant);
            window().scroll_to_with_scroll_to_options(&opts);
        }
        measure();
        request_animation_frame(move || {
            if let Some(a) = document()
                .query_selector(&format!(".results a[data-i='{i}']"))
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = a.focus();
            }
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(i) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("data-i"))
            .and_then(|s| s.parse::<usize>().ok())
        else {
            return;
        };
        let (a, b) = range.get_untracked();
        let to = match ev.key().as_str() {
            "ArrowDown" => (i + 1 < n).then_some(i + 1),
            "ArrowUp" => i.checked_sub(1),
            "Home" => Some(0),
            "End" => n.checked_sub(1),
            // Tab goes on past the rows drawn, to the next result.
            "Tab" if !ev.shift_key() && i + 1 == b && b < n => Some(i + 1),
            "Tab" if ev.shift_key() && i == a && a > 0 => Some(i - 1),
            _ => None,
        };
        if let Some(to) = to {
            ev.prevent_default();
            focus_row(to);
        }
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let i = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("data-i"))
            .and_then(|s| s.parse::<usize>().ok());
        if i.is_some() {
            focused.set(i);
        }
    };
    let found2 = found.clone();
    view! {
        <p class="results-window" aria-hidden="true">{move || {
            let (a, b) = seen.get();
            if n == 0 {
                String::new()
            } else {
                format!("Showing {}–{} of {}", presentation::thousands(a as u64 + 1), presentation::thousands(b.max(a + 1) as u64), presentation::thousands(n as u64))
            }
        }}</p>
        <ol class="results" node_ref=list aria-label="Results"
            style:height=move || format!("{}px", n as f64 * row_h.get())
            style:padding-top=move || format!("{}px", range.get().0 as f64 * row_h.get())
            on:keydown=on_key on:focusin=on_focus>
            <For each=move || { let (a, b) = range.get(); a..b } key=|i| *i let:i>
                <ResultRow found=found2.clone() i=i words=words.clone()/>
            </For>
        </ol>
    }
}
