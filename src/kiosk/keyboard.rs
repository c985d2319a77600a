//! An on-screen QWERTY keyboard for text fields: kiosk browsers hide the system's. Its
//! keys keep the focus in the field (they act on pointer down without taking it), type
//! where the caret is and tell the field as typing would (an `input` event; Enter as a
//! key press), so the field's own handlers do the rest.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Kiosk;

const ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm-'"];

/// The text field the keys type into: the focused one, else the header's search field.
fn field() -> Option<web_sys::HtmlInputElement> {
    let doc = document();
    doc.active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .or_else(|| {
            doc.get_element_by_id("search-input")
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        })
}

fn tell(input: &web_sys::HtmlInputElement) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(e) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = input.dispatch_event(&e);
    }
}

fn type_text(text: &str) {
    let Some(input) = field() else { return };
    let value = input.value();
    let chars: Vec<char> = value.chars().collect();
    let (a, b) = (
        input
            .selection_start()
            .ok()
            .flatten()
            .map_or(chars.len(), |v| v as usize),
        input
            .selection_end()
            .ok()
            .flatten()
            .map_or(chars.len(), |v| v as usize),
    );
    let (a, b) = (
        a.min(chars.len()),
        b.min(chars.len()).max(a.min(chars.len())),
    );
    let new: String = chars[..a]
        .iter()
        .chain(text.chars().collect::<Vec<_>>().iter())
        .chain(chars[b..].iter())
        .collect();
    input.set_value(&new);
    let caret = (a + text.chars().count()) as u32;
    let _ = input.set_selection_range(caret, caret);
    let _ = input.focus();
    tell(&input);
}

fn backspace() {
    let Some(input) = field() else { return };
    let chars: Vec<char> = input.value().chars().collect();
    let a = input
        .selection_start()
        .ok()
        .flatten()
        .map_or(chars.len(), |v| v as usize)
        .min(chars.len());
    let b = input
        .selection_end()
        .ok()
        .flatten()
        .map_or(chars.len(), |v| v as usize)
        .min(chars.len())
        .max(a);
    let from = if a == b { a.saturating_sub(1) } else { a };
    let new: String = chars[..from].iter().chain(chars[b..].iter()).collect();
    input.set_value(&new);
    let _ = input.set_selection_range(from as u32, from as u32);
    let _ = input.focus();
    tell(&input);
}

fn enter() {
    let Some(input) = field() else { return };
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    if let Ok(e) = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init) {
        let _ = input.dispatch_event(&e);
    }
}

/// A key: acts on pointer down (the field keeps the focus), and on click for a keyboard
/// or switch user who reached it with Tab.
fn key(
    label: String,
    name: String,
    act: impl Fn() + Copy + Send + Sync + 'static,
    class: &'static str,
) -> impl IntoView {
    let pressed = StoredValue::new(false);
    view! {
        <button type="button" class=class aria-label=name
            on:pointerdown=move |e| {
                e.prevent_default();
                pressed.set_value(true);
                act();
            }
            on:click=move |_| {
                if !std::mem::replace(&mut *pressed.write_value(), false) {
                    act();
                }
            }>
            {label}
        </button>
    }
}

#[component]
pub fn OnScreenKeyboard() -> impl IntoView {
    let k = expect_context::<Kiosk>();
    let rows = ROWS.map(|row| {
        view! {
            <div class="kiosk-keys-row">
                {row.chars().map(|c| {
                    let s = c.to_string();
                    let name = match c { '-' => "hyphen".into(), '\'' => "apostrophe".into(), _ => s.clone() };
                    key(s, name, move || type_text(&c.to_string()), "kiosk-key")
                }).collect_view()}
            </div>
        }
    });
    view! {
        <div class="kiosk-keyboard" role="group" aria-label="On-screen keyboard">
            {rows}
            <div class="kiosk-keys-row">
                {key("⌫".into(), "Backspace".into(), backspace, "kiosk-key kiosk-key-wide")}
                {key("space".into(), "Space".into(), || type_text(" "), "kiosk-key kiosk-key-space")}
                {key("Search".into(), "Search".into(), enter, "kiosk-key kiosk-key-wide")}
                <button type="button" class="kiosk-key kiosk-key-wide" on:click=move |_| k.keyboard.set(false)>
                    "Hide"
                </button>
            </div>
        </div>
    }
}
