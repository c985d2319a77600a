//! The search field in the header, on every page (`/` focuses it): a combobox whose list
//! suggests words of the index and correspondents as a word is typed; Enter searches.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use letterbook_core::presentation;
use letterbook_core::timeline::TimelineQuery;

use crate::finder::{self, Suggestion};
use crate::state::Library;
use crate::urls::{search_href, SEARCH};

const LIST: &str = "search-suggestions";

fn option_id(i: usize) -> String {
    format!("search-suggestion-{i}")
}

/// The query as the search page's URL has it.
fn query_here(search: &str) -> TimelineQuery {
    TimelineQuery::parse(search)
}

#[component]
pub fn SearchField() -> impl IntoView {
    let lib = expect_context::<Library>();
    let location = use_location();
    let navigate = use_navigate();
    let text = RwSignal::new(String::new());
    // On the search page, the field holds what was searched for.
    Effect::new(move |_| {
        if location.pathname.get() == SEARCH {
            text.set(query_here(&location.search.get()).text);
        }
    });
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let suggestions = LocalResource::new(move || {
        let t = text.get();
        async move { finder::suggest(lib, &t, 8).await }
    });
    let items = move || suggestions.get().unwrap_or_default();
    let expanded = move || open.get() && !items().is_empty();
    let go = {
        let navigate = navigate.clone();
        move |q: TimelineQuery| {
            open.set(false);
            active.set(None);
            navigate(&search_href(&q), Default::default());
        }
    };
    let submit = {
        let go = go.clone();
        move || {
            let mut q = if location.pathname.get_untracked() == SEARCH {
                query_here(&location.search.get_untracked())
            } else {
                TimelineQuery::default()
            };
            q.text = text.get_untracked();
            go(q)
        }
    };
    // A suggestion chosen: a word takes the place of the word being typed; a
    // correspondent becomes the sender-or-recipient filter.
    let choose = {
        let go = go.clone();
        move |s: Suggestion| {
            let typed = text.get_untracked();
            let head = typed
                .trim_end()
                .rsplit_once(char::is_whitespace)
                .map_or("", |(h, _)| h)
                .to_string();
            let last = typed
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let sign = if last.starts_with('-') { "-" } else { "" };
            match s {
                Suggestion::Word(w, _) => {
                    let t = if head.is_empty() {
                        format!("{sign}{w} ")
                    } else {
                        format!("{head} {sign}{w} ")
                    };
                    text.set(t);
                    open.set(false);
                    active.set(None);
                }
                Suggestion::Person(key, _, _) => {
                    go(TimelineQuery {
                        text: head,
                        person: Some(key),
                        ..Default::default()
                    });
                }
            }
        }
    };
    let on_key = {
        let choose = choose.clone();
        let submit = submit.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let n = items().len();
            match ev.key().as_str() {
                "ArrowDown" if n > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
                }
                "ArrowUp" if n > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
                }
                "Enter" => {
                    ev.prevent_default();
                    match active
                        .get_untracked()
                        .filter(|_| expanded())
                        .and_then(|i| items().get(i).cloned())
                    {
                        Some(s) => choose(s),
                        None => submit(),
                    }
                }
                "Escape" if expanded() => {
                    ev.prevent_default();
                    ev.stop_propagation();
                    open.set(false);
                    active.set(None);
                }
                "Escape" => text.set(String::new()),
                _ => {}
            }
        }
    };
    let submit_form = submit.clone();
    view! {
        <form class="app-search" role="search" aria-label="Search the documents"
            on:submit=move |ev| { ev.prevent_default(); submit_form(); }>
            <label for="search-input" class="visually-hidden">"Search the documents"</label>
            <input id="search-input" type="search" autocomplete="off" spellcheck="false"
                placeholder="Search  /"
                role="combobox" aria-autocomplete="list" aria-controls=LIST
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                aria-keyshortcuts="/"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_key
                on:blur=move |_| open.set(false)/>
            <ul id=LIST role="listbox" aria-label="Suggestions" class="search-suggestions"
                hidden=move || !expanded()>
                {move || items().into_iter().enumerate().map(|(i, s)| {
                    let (label, note, kind) = match &s {
                        Suggestion::Word(w, n) => (w.clone(), presentation::count(*n as u64, "document"), "word"),
                        Suggestion::Person(_, label, n) => (label.clone(), format!("correspondent, {}", presentation::count(*n as u64, "document")), "person"),
                    };
                    let choose = choose.clone();
                    view! {
                        <li role="option" id=option_id(i) class=format!("suggestion {kind}")
                            aria-selected=move || (active.get() == Some(i)).to_string()
                            // Before the field's blur: the choice is made, then the list closes.
                            on:mousedown=move |ev| { ev.prevent_default(); choose(s.clone()); }>
                            <span class="suggestion-text">{label}</span>
                            <span class="suggestion-note">{note}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="submit" class="search-go">"Search"</button>
        </form>
    }
}
