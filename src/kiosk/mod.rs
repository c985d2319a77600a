//! Kiosk mode: one build, turned on by the site (`letterbook pack --kiosk`) or by `?kiosk`
//! for a try-out, and on across reloads until a member of staff leaves it. This module
//! holds its state and its doors to the browser (storage, timers, input, the panic hook);
//! the screens are in `screens.rs`, `staff.rs` and `keyboard.rs`, the QR code in `qr.rs`.
//! The rules themselves (settings, PIN, the idle clock) are the core's `kiosk`.

pub mod keyboard;
pub mod qr;
pub mod screens;
pub mod staff;

use leptos::prelude::*;
use letterbook_core::kiosk::{IdleClock, KioskConfig, Phase};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where kiosk mode is remembered: the settings (JSON) while it is on.
const ON_KEY: &str = "letterbook-kiosk";
/// Set when staff leave a site's kiosk mode, so the site's settings do not turn it on again.
const LEFT_KEY: &str = "letterbook-kiosk-left";
/// The last errors (and panics), for the staff panel.
const ERRORS_KEY: &str = "letterbook-kiosk-errors";

/// The staff side: closed, asking for the PIN, or open until a time (ms).
#[derive(Debug, Clone, PartialEq)]
pub enum Staff {
    Closed,
    Pin { entered: String, wrong: bool },
    Open { until_ms: f64 },
}

/// Kiosk mode's state, in the shell's context.
#[derive(Debug, Clone, Copy)]
pub struct Kiosk {
    pub on: RwSignal<bool>,
    pub config: RwSignal<KioskConfig>,
    pub phase: RwSignal<Phase>,
    pub staff: RwSignal<Staff>,
    /// A link out the visitor chose: shown as a QR code to take home.
    pub qr: RwSignal<Option<String>>,
    /// The text size, in steps of 10 % from 100 %.
    pub text_step: RwSignal<u8>,
    /// The search field has the focus: the on-screen keyboard shows.
    pub keyboard: RwSignal<bool>,
    clock: StoredValue<IdleClock>,
}

use crate::storage::local as storage;

fn now() -> f64 {
    js_sys::Date::now()
}

impl Kiosk {
    /// Reads whether kiosk mode is on (the address's `?kiosk`, or what was remembered)
    /// and, when it is, starts its clock, its guards and its recovery.
    pub fn start() -> Kiosk {
        let remembered = storage()
            .and_then(|s| s.get_item(ON_KEY).ok().flatten())
            .and_then(|j| serde_json::from_str::<KioskConfig>(&j).ok());
        let asked = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .is_some_and(|q| {
                q.trim_start_matches('?')
                    .split('&')
                    .any(|p| p == "kiosk" || p.starts_with("kiosk="))
            });
        let config = remembered.clone().unwrap_or_default();
        let this = Kiosk {
            on: RwSignal::new(false),
            config: RwSignal::new(config.clone()),
            phase: RwSignal::new(Phase::Attract),
            staff: RwSignal::new(Staff::Closed),
            qr: RwSignal::new(None),
            text_step: RwSignal::new(0),
            keyboard: RwSignal::new(false),
            clock: StoredValue::new(IdleClock::new(config.clone())),
        };
        if remembered.is_some() || asked {
            this.turn_on(config);
        }
        this
    }

    /// The site's settings (from collection.json): on, unless staff left it on this device.
    pub fn from_site(self, config: KioskConfig) {
        let left = storage()
            .and_then(|s| s.get_item(LEFT_KEY).ok().flatten())
            .is_some();
        if left || config.check().is_err() {
            return;
        }
        if self.on.get_untracked() {
            // The site's settings win over a try-out's, the phase stays as it is.
            self.remember(&config);
            self.clock
                .update_value(|c| *c = IdleClock::new(config.clone()));
            self.config.set(config);
        } else {
            self.turn_on(config);
        }
    }

    fn remember(&self, config: &KioskConfig) {
        if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(config)) {
            let _ = s.set_item(ON_KEY, &json);
        }
    }

    fn turn_on(self, config: KioskConfig) {
        self.remember(&config);
        self.clock.set_value(IdleClock::new(config.clone()));
        self.config.set(config);
        self.on.set(true);
        self.phase.set(Phase::Attract);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("kiosk");
        }
        install_guards(self);
        start_ticking(self);
        record_failures();
    }

    /// The visitor touched "Touch to begin", or answered "Are you still reading?".
    pub fn touched(self) {
        self.clock.update_value(|c| c.input(now()));
        self.refresh();
    }

    /// The phase now, from the clock (after input or on a tick).
    fn refresh(self) {
        let reading = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .is_some_and(|p| p.starts_with("/read/"));
        let phase = self.clock.with_value(|c| c.phase(now(), reading));
        if phase == Phase::Reset {
            self.reset();
            return;
        }
        if self.phase.get_untracked() != phase {
            self.phase.set(phase);
        }
        if let Staff::Open { until_ms } = self.staff.get_untracked() {
            if now() >= until_ms {
                self.staff.set(Staff::Closed);
            }
        }
    }

    /// Everything back to the attract screen: the page is loaded afresh at the library
    /// (popovers, scroll positions, the search field, what the visitor opened: all gone),
    /// and kiosk mode, remembered, starts it at the attract screen.
    pub fn reset(self) {
        self.clock.update_value(IdleClock::attract);
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace("/");
        }
    }

    /// Staff leave kiosk mode on this device.
    pub fn leave(self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(ON_KEY);
            let _ = s.set_item(LEFT_KEY, "1");
        }
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace("/");
        }
    }

    /// The staff panel is open (and stays so while staff use it).
    pub fn staff_open(self) {
        let secs = self.config.with_untracked(|c| c.staff_lock_secs) as f64;
        self.staff.set(Staff::Open {
            until_ms: now() + secs * 1000.0,
        });
    }
}

/// Errors and panics recorded for the staff panel, newest first.
pub fn last_errors() -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(ERRORS_KEY).ok().flatten())
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}

fn record_error(what: String) {
    let mut all = last_errors();
    let at = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    all.insert(0, format!("{at} {what}"));
    all.truncate(10);
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&all)) {
        let _ = s.set_item(ERRORS_KEY, &json);
    }
}

/// A panic or an unhandled error: recorded, then the kiosk starts again at the attract
/// screen (a kiosk has nobody to reload it).
fn record_failures() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        record_error(format!("panic: {info}"));
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace("/");
        }
        previous(info);
    }));
    let Some(w) = web_sys::window() else { return };
    for event in ["error", "unhandledrejection"] {
        let cb = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let what = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .or_else(|| {
                    js_sys::Reflect::get(&e, &"reason".into())
                        .ok()
                        .map(|r| format!("{r:?}"))
                })
                .unwrap_or_else(|| e.type_());
            record_error(format!("{}: {what}", e.type_()));
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace("/");
            }
        });
        let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        cb.forget();
    }
}

/// Every input counts as the visitor being there; nothing leaves the app.
fn install_guards(k: Kiosk) {
    let Some(w) = web_sys::window() else { return };
    let capture = web_sys::AddEventListenerOptions::new();
    capture.set_capture(true);
    let input = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        // At the attract screen only "Touch to begin" starts a visit. While the question
        // shows, a key answers it, and a tap anywhere does through the question's own
        // click (answered on pointer down, the tap's click would land on what is beneath).
        match k.phase.get_untracked() {
            Phase::Active => k.clock.update_value(|c| c.input(now())),
            Phase::Asking { .. } if e.type_() == "keydown" => k.touched(),
            Phase::Asking { .. } | Phase::Attract | Phase::Reset => {}
        }
        if let Staff::Open { .. } = k.staff.get_untracked() {
            k.staff_open();
        }
    });
    for event in ["pointerdown", "keydown", "wheel", "touchstart", "input"] {
        let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            input.as_ref().unchecked_ref(),
            &capture,
        );
    }
    input.forget();
    // A link out of the app becomes a QR code to take home.
    let origin = w.location().origin().unwrap_or_default();
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
        let Some(link) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let href = link.href();
        if !href.starts_with(&format!("{origin}/")) {
            e.prevent_default();
            if href.starts_with("http://") || href.starts_with("https://") {
                k.qr.set(Some(href));
            }
        }
    });
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
        "click",
        click.as_ref().unchecked_ref(),
        &capture,
    );
    click.forget();
    // No context menu, no history navigation or browser keys out of the app.
    let menu = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    let _ = w.add_event_listener_with_callback("contextmenu", menu.as_ref().unchecked_ref());
    menu.forget();
    let keys = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
        let key = e.key();
        let out = (e.alt_key() && matches!(key.as_str(), "ArrowLeft" | "ArrowRight" | "Home"))
            || matches!(
                key.as_str(),
                "BrowserBack" | "BrowserForward" | "BrowserHome" | "F5"
            )
            || ((e.ctrl_key() || e.meta_key())
                && matches!(key.as_str(), "o" | "s" | "p" | "n" | "t" | "w" | "r" | "l"));
        if out {
            e.prevent_default();
        }
    });
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
        "keydown",
        keys.as_ref().unchecked_ref(),
        &capture,
    );
    keys.forget();
    // A file dropped on a kiosk opens nothing (nor does the browser show it).
    let no_drop = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    for event in ["dragover", "drop"] {
        let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            no_drop.as_ref().unchecked_ref(),
            &capture,
        );
    }
    no_drop.forget();
    // The on-screen keyboard comes with a text field's focus.
    let focus = Closure::<dyn Fn(web_sys::FocusEvent)>::new(move |e: web_sys::FocusEvent| {
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|i| matches!(i.type_().as_str(), "search" | "text"));
        if e.type_() == "focusin" && typing {
            k.keyboard.set(true);
        } else if e.type_() == "focusout" {
            let to_keys = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".kiosk-keyboard").ok().flatten().is_some());
            if typing && !to_keys {
                k.keyboard.set(false);
            }
        }
    });
    for event in ["focusin", "focusout"] {
        let _ = w.add_event_listener_with_callback(event, focus.as_ref().unchecked_ref());
    }
    focus.forget();
    // Pinch-zooming the page is off by CSS (html.kiosk's touch-action), which leaves the
    // timeline its own pinch; the text-size control is the visitor's zoom.
}

/// Once a second, the clock says where the visitor is. A `setInterval`, so a test's
/// clock moves it.
fn start_ticking(k: Kiosk) {
    let Some(w) = web_sys::window() else { return };
    let tick = Closure::<dyn Fn()>::new(move || k.refresh());
    let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        1000,
    );
    tick.forget();
}

/// Whether kiosk mode is on, tracked: what a visitor may not do (open files, drop them,
/// remove what is kept) is drawn only when it is off.
pub fn on() -> bool {
    use_context::<Kiosk>().is_some_and(|k| k.on.get())
}
