//! Kiosk mode's screens over the app: the attract screen, "Are you still reading?", the
//! QR code of a link out, the text size. They read `Kiosk` and the Library; the clock and
//! the guards are in `mod.rs`.

use std::time::Duration;

use leptos::prelude::*;
use letterbook_core::kiosk::Phase;

use super::keyboard::OnScreenKeyboard;
use super::qr;
use super::staff::{StaffCorner, StaffScreens};
use super::Kiosk;
use crate::shelf::Site;
use crate::state::Library;

/// Everything kiosk mode adds to the shell (nothing when it is off).
#[component]
pub fn KioskLayer() -> impl IntoView {
    let Some(k) = use_context::<Kiosk>() else {
        return ().into_any();
    };
    // The text size, through the style object (the page's policy refuses style attributes).
    Effect::new(move |_| {
        let scale = 1.0 + f64::from(k.text_step.get()) * 0.1;
        if let Some(root) = document()
            .document_element()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = root
                .style()
                .set_property("--kiosk-scale", &format!("{scale}"));
        }
    });
    view! {
        <Show when=move || k.on.get()>
            <TextSize/>
            <StaffCorner/>
            <Show when=move || matches!(k.phase.get(), Phase::Asking { .. })>
                <StillThere/>
            </Show>
            {move || k.qr.get().map(|url| view! { <QrDialog url=url/> })}
            <Show when=move || k.keyboard.get()>
                <OnScreenKeyboard/>
            </Show>
            <Show when=move || k.phase.get() == Phase::Attract>
                <Attract/>
            </Show>
            <StaffScreens/>
        </Show>
    }
    .into_any()
}

/// The collection's title and a slow cycle of featured letters; "Touch to begin".
#[component]
fn Attract() -> impl IntoView {
    let k = expect_context::<Kiosk>();
    let lib = expect_context::<Library>();
    let cards = Memo::new(move |_| k.config.with(|c| lib.featured(c)));
    let at = RwSignal::new(0usize);
    let secs = k.config.with_untracked(|c| c.attract_secs).max(3);
    if let Ok(handle) = set_interval_with_handle(
        move || at.update(|i| *i += 1),
        Duration::from_secs(u64::from(secs)),
    ) {
        on_cleanup(move || handle.clear());
    }
    let title = move || {
        lib.site.with(|s| match s {
            Site::Ready(c) => c.title.clone(),
            _ => "Letterbook".to_string(),
        })
    };
    let begin = move |_| k.touched();
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="kiosk-attract" role="dialog" aria-modal="true" aria-labelledby="attract-title" on:click=begin>
            <h1 id="attract-title" class="kiosk-attract-title">{title}</h1>
            <p class="kiosk-attract-sub">"Letters from "<cite>"Foreign Relations of the United States"</cite></p>
            {move || {
                let all = cards.get();
                (!all.is_empty()).then(|| {
                    let c = all[at.get() % all.len()].clone();
                    view! {
                        <figure class="kiosk-card" aria-live="off">
                            <p class="kiosk-card-meta">
                                {c.date.map(|d| view! { <span>{d}</span> })}
                                {c.route.map(|r| view! { <span>{r}</span> })}
                            </p>
                            <h2 class="kiosk-card-title">{c.title}</h2>
                            <blockquote class="kiosk-card-line"><p>{c.line}</p></blockquote>
                        </figure>
                    }
                })
            }}
            <button type="button" class="kiosk-begin" node_ref=button>"Touch to begin"</button>
        </div>
    }
}

/// "Are you still reading?", the seconds left, and a large Continue.
#[component]
fn StillThere() -> impl IntoView {
    let k = expect_context::<Kiosk>();
    let left = move || match k.phase.get() {
        Phase::Asking { left_secs } => left_secs,
        _ => 0,
    };
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="kiosk-scrim" on:click=move |_| k.touched()>
            <div class="kiosk-dialog kiosk-still" role="alertdialog" aria-modal="true"
                aria-labelledby="still-title" aria-describedby="still-left">
                <h2 id="still-title">"Are you still reading?"</h2>
                <p id="still-left">{move || format!("The exhibit starts again in {} seconds.", left())}</p>
                <button type="button" class="kiosk-continue" node_ref=button on:click=move |_| k.touched()>
                    "Continue"
                </button>
            </div>
        </div>
    }
}

/// A link out of the app, as a QR code to take home.
#[component]
fn QrDialog(url: String) -> impl IntoView {
    let k = expect_context::<Kiosk>();
    let drawing = qr::draw(&url);
    let close = move |_| k.qr.set(None);
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    let on_key = move |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" {
            k.qr.set(None);
        }
    };
    view! {
        <div class="kiosk-scrim">
            <div class="kiosk-dialog kiosk-qr" role="dialog" aria-modal="true" aria-labelledby="qr-title" on:keydown=on_key>
                <h2 id="qr-title">"Take this link with you"</h2>
                <p>"Scan the code with your phone's camera to open:"</p>
                {drawing.map(|d| view! {
                    <svg class="kiosk-qr-code" viewBox=format!("0 0 {0} {0}", d.side) role="img" aria-label=format!("QR code of {url}")>
                        <rect width=d.side.to_string() height=d.side.to_string() fill="#fff"/>
                        <path d=d.path fill="#000"/>
                    </svg>
                })}
                <p class="kiosk-qr-url">{url.clone()}</p>
                <button type="button" class="kiosk-close" node_ref=button on:click=close>"Close"</button>
            </div>
        </div>
    }
}

/// Larger or smaller text, in four steps.
#[component]
fn TextSize() -> impl IntoView {
    let k = expect_context::<Kiosk>();
    view! {
        <aside class="kiosk-text-size" aria-label="Text size">
            <button type="button" disabled=move || { k.text_step.get() == 0 }
                on:click=move |_| k.text_step.update(|s| *s = s.saturating_sub(1))>
                "A−"<span class="visually-hidden">" Smaller text"</span>
            </button>
            <button type="button" disabled=move || { k.text_step.get() >= 4 }
                on:click=move |_| k.text_step.update(|s| *s = (*s + 1).min(4))>
                "A+"<span class="visually-hidden">" Larger text"</span>
            </button>
        </aside>
    }
}
