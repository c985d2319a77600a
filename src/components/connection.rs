//! The connection line: offline (quietly, in a corner), a link out that needs the network,
//! and a new version that waits for the reader's reload. Reads `Offline`; never reloads
//! by itself.

use leptos::prelude::*;

use crate::offline::Offline;

#[component]
pub fn ConnectionStatus() -> impl IntoView {
    let Some(off) = use_context::<Offline>() else {
        return ().into_any();
    };
    view! {
        <div class="connection" role="status" aria-live="polite">
            <Show when=move || !off.online.get()>
                <p class="connection-offline">
                    <span class="connection-dot" aria-hidden="true"></span>
                    "Offline — what is kept here still opens and searches."
                </p>
            </Show>
            {move || off.notice.get().map(|n| view! { <p class="connection-notice">{n}</p> })}
            <Show when=move || off.update_ready.get()>
                <p class="connection-update">
                    "A new version of Letterbook is ready. "
                    <button type="button" class="connection-reload" on:click=move |_| off.take_update()>
                        "Reload"
                    </button>
                </p>
            </Show>
        </div>
    }
    .into_any()
}
