//! The staff's way out: hold the top-left corner for three seconds, then a four-digit PIN
//! on a keypad; the panel (leave kiosk mode, reload, test the recovery, the last errors,
//! the storage used) locks again after two minutes without a touch.

use std::time::Duration;

use leptos::prelude::*;
use letterbook_core::presentation;

use super::{last_errors, Kiosk, Staff};

/// How long the corner is held.
const HOLD: Duration = Duration::from_secs(3);

/// The corner: invisible to visitors, held by staff.
#[component]
pub fn StaffCorner() -> impl IntoView {
    let k = expect_context::<Kiosk>();
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        timer.set_value(None);
    };
    let down = move |_| {
        cancel();
        if let Ok(t) = set_timeout_with_handle(
            move || {
                k.staff.set(Staff::Pin {
                    entered: String::new(),
                    wrong: false,
                })
            },
            HOLD,
        ) {
            timer.set_value(Some(t));
        }
    };
    view! {
        <div class="kiosk-corner" aria-hidden="true"
            on:pointerdown=down
            on:pointerup=move |_| cancel()
            on:pointerleave=move |_| cancel()
            on:pointercancel=move |_| cancel()></div>
    }
}

/// The keypad or the panel, when staff have asked for them.
#[component]
pub fn StaffScreens() -> impl IntoView {
    let k = expect_context::<Kiosk>();
    move || match k.staff.get() {
        Staff::Closed => ().into_any(),
        Staff::Pin { entered, wrong } => view! { <PinPad entered=entered wrong=wrong/> }.into_any(),
        Staff::Open { .. } => view! { <StaffPanel/> }.into_any(),
    }
}

#[component]
fn PinPad(entered: String, wrong: bool) -> impl IntoView {
    let k = expect_context::<Kiosk>();
    let n = entered.len();
    let press = move |digit: char| {
        let Staff::Pin { mut entered, .. } = k.staff.get_untracked() else {
            return;
        };
        entered.push(digit);
        if entered.len() < 4 {
            k.staff.set(Staff::Pin {
                entered,
                wrong: false,
            });
        } else if k.config.with_untracked(|c| c.pin_matches(&entered)) {
            k.staff_open();
        } else {
            k.staff.set(Staff::Pin {
                entered: String::new(),
                wrong: true,
            });
        }
    };
    let delete = move |_| {
        if let Staff::Pin { mut entered, .. } = k.staff.get_untracked() {
            entered.pop();
            k.staff.set(Staff::Pin {
                entered,
                wrong: false,
            });
        }
    };
    let first = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = first.get() {
            let _ = b.focus();
        }
    });
    let key = move |d: char| {
        view! { <button type="button" class="kiosk-key" on:click=move |_| press(d)>{d.to_string()}</button> }
    };
    view! {
        <div class="kiosk-scrim">
            <div class="kiosk-dialog kiosk-pin" role="dialog" aria-modal="true" aria-labelledby="pin-title">
                <h2 id="pin-title">"Staff PIN"</h2>
                <p class="kiosk-pin-dots" aria-live="polite">
                    {format!("{} of 4 digits", n)}
                    <span aria-hidden="true">{" ●".repeat(n)}{" ○".repeat(4 - n)}</span>
                </p>
                {wrong.then(|| view! { <p class="kiosk-pin-wrong" role="alert">"Wrong PIN"</p> })}
                <div class="kiosk-keypad">
                    <button type="button" class="kiosk-key" node_ref=first on:click=move |_| press('1')>"1"</button>
                    {['2', '3', '4', '5', '6', '7', '8', '9'].map(key)}
                    <button type="button" class="kiosk-key" on:click=delete>"Delete"</button>
                    {key('0')}
                    <button type="button" class="kiosk-key" on:click=move |_| k.staff.set(Staff::Closed)>"Cancel"</button>
                </div>
            </div>
        </div>
    }
}

#[component]
fn StaffPanel() -> impl IntoView {
    let k = expect_context::<Kiosk>();
    let errors = last_errors();
    let used = LocalResource::new(crate::storage::estimate);
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <div class="kiosk-scrim">
            <div class="kiosk-dialog kiosk-staff" role="dialog" aria-modal="true" aria-labelledby="staff-title">
                <h2 id="staff-title" tabindex="-1" node_ref=heading>"Staff"</h2>
                <p>"This panel locks again after two minutes without a touch."</p>
                <div class="kiosk-staff-actions">
                    <button type="button" on:click=move |_| k.leave()>"Leave kiosk mode"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                    }>"Reload"</button>
                    // Staff can check that a failure brings the kiosk back by itself.
                    <button type="button" on:click=move |_| panic!("a test of the recovery, asked for by staff")>
                        "Test the recovery"
                    </button>
                    <button type="button" on:click=move |_| k.staff.set(Staff::Closed)>"Lock"</button>
                </div>
                <h3>"Storage used"</h3>
                <p class="kiosk-storage">{move || match used.get() {
                    Some(Some((usage, quota))) => format!(
                        "{} of {}",
                        presentation::bytes(usage as u64),
                        presentation::bytes(quota as u64)
                    ),
                    Some(None) => "This browser does not say.".to_string(),
                    None => "Asking the browser…".to_string(),
                }}</p>
                <h3>"Last errors"</h3>
                {if errors.is_empty() {
                    view! { <p class="kiosk-errors-none">"None."</p> }.into_any()
                } else {
                    view! { <ol class="kiosk-errors">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ol> }.into_any()
                }}
            </div>
        </div>
    }
}
