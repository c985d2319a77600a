//! What this browser keeps: how much, how safely, what went wrong, and removing it all.

use leptos::prelude::*;
use letterbook_core::presentation;

use crate::shelf::Status;
use crate::state::Library;

#[component]
pub fn StorePanel() -> impl IntoView {
    let lib = expect_context::<Library>();
    let shelf = lib.shelf;
    let confirming = RwSignal::new(false);
    // Memos: the buttons are rebuilt when they change, not at every step of the store.
    let status = Memo::new(move |_| shelf.with(|s| s.status.clone()));
    let any_kept = Memo::new(move |_| shelf.with(|s| s.kept_count() > 0));
    let notices = Memo::new(move |_| shelf.with(|s| s.notices.clone()));
    let facts = move || {
        shelf.with(|s| {
            let n = s.kept_count();
            let mut out = if n == 0 {
                "Nothing is kept in this browser yet: what you open is kept here, so it is still here on your next visit.".to_string()
            } else {
                format!(
                    "Kept in this browser: {}, {}.",
                    presentation::count(n as u64, "file"),
                    presentation::bytes(s.kept_bytes() as u64)
                )
            };
            if let Some((used, quota)) = s.estimate {
                out.push_str(&format!(
                    " This site uses {} of the {} the browser allows it.",
                    presentation::bytes(used as u64),
                    presentation::bytes(quota as u64)
                ));
            }
            match s.persisted {
                Some(true) if n > 0 => out.push_str(" The browser keeps them until you remove them."),
                Some(false) if n > 0 => out.push_str(" The browser may clear them if it runs short of space."),
                _ => {}
            }
            out
        })
    };
    view! {
        <section class="store-panel" aria-labelledby="store-title">
            <h2 id="store-title">"Kept in this browser"</h2>
            {move || match status.get() {
                Status::Unavailable(why) => view! {
                    <p class="store-off" role="status">
                        {format!("This browser does not let Letterbook keep files ({why}). Everything works, but what you open stays open only until this page is closed.")}
                    </p>
                }.into_any(),
                Status::Opening => view! { <p class="store-facts" role="status">"Looking at what this browser keeps…"</p> }.into_any(),
                Status::Ready => view! {
                    <p class="store-facts" role="status">{facts}</p>
                    {move || any_kept.get().then(|| if confirming.get() {
                        view! {
                            <p class="store-confirm">
                                {move || match shelf.with(|s| s.kept_count()) {
                                    1 => "Remove the file kept in this browser?".to_string(),
                                    n => format!("Remove all {n} files kept in this browser?"),
                                }}
                                " "
                                <button type="button" class="remove-all-yes" on:click=move |_| {
                                    confirming.set(false);
                                    crate::storage::forget_all(lib);
                                    crate::focus::main_heading();
                                }>"Remove all"</button>
                                " "
                                <button type="button" class="remove-all-no" on:click=move |_| {
                                    confirming.set(false);
                                    crate::focus::later(".remove-all");
                                }>"Keep them"</button>
                            </p>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="remove-all" on:click=move |_| {
                                confirming.set(true);
                                // The safe answer has the focus.
                                crate::focus::later(".remove-all-no");
                            }>"Remove all from this browser…"</button>
                        }.into_any()
                    })}
                }.into_any(),
            }}
            {move || {
                let notices = notices.get();
                (!notices.is_empty()).then(|| view! {
                    <div role="status">
                        <ul class="store-notices">
                            {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                        </ul>
                    </div>
                    <button type="button" class="store-notices-dismiss" on:click=move |_| {
                        shelf.update(|s| s.notices.clear());
                        crate::focus::main_heading();
                    }>"Dismiss these messages"</button>
                })
            }}
        </section>
    }
}
