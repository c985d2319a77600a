//! The one popover of a document view and its controller: notes, people and terms open in
//! it. It knows nothing of what it shows (the document view passes the body), so every
//! component that opens it can import it without importing the others.
//!
//! Interaction rules: click, tap, Enter or Space opens it (and moves focus into it);
//! hovering with a mouse previews it; Escape, a click outside or the close button closes it
//! and returns focus to the button that opened it; only one is open at a time. An open
//! footnote is in the URL (`#fn2`), so a link can open a document at a note.

use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::urls::{ids, Fragment};

/// What a popover shows: footnote `index`, or the `k`-th person/term span of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pop {
    Note(u32),
    Entity(u32),
}

impl Pop {
    /// The id of the button the popover belongs to.
    pub fn anchor_id(self) -> String {
        match self {
            Pop::Note(k) => Fragment::Marker(k).id(),
            Pop::Entity(k) => ids::entity(k),
        }
    }
}

/// Which popover is open, and whether it was opened on purpose (pinned) or by hovering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Open {
    pub pop: Pop,
    pub pinned: bool,
}

impl Open {
    /// The footnote index, when a footnote is open.
    pub fn note(&self) -> Option<u32> {
        match self.pop {
            Pop::Note(k) => Some(k),
            Pop::Entity(_) => None,
        }
    }
}

/// The popover controller of one document view, shared by its markers, names and the
/// popover itself.
#[derive(Clone, Copy)]
pub struct Popover {
    pub open: RwSignal<Option<Open>>,
    /// Popover position in document coordinates (top, left, width), set after layout.
    pos: RwSignal<Option<(f64, f64, f64)>>,
    hovering_popover: RwSignal<bool>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
}

pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

pub fn focus_quietly(el: &web_sys::HtmlElement) {
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = el.focus_with_options(&opts);
}

/// Replaces the URL's fragment without a navigation (the open note is view state).
fn set_fragment(fragment: Option<&str>) {
    let win = window();
    let loc = win.location();
    let path = loc.pathname().unwrap_or_default() + &loc.search().unwrap_or_default();
    let url = match fragment {
        Some(f) => format!("{path}#{f}"),
        None => path,
    };
    if let Ok(history) = win.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

impl Popover {
    pub fn new() -> Self {
        Popover {
            open: RwSignal::new(None),
            pos: RwSignal::new(None),
            hovering_popover: RwSignal::new(false),
            timer: StoredValue::new_local(None),
        }
    }

    fn cancel_timer(&self) {
        self.timer.update_value(|t| {
            if let Some(t) = t.take() {
                t.cancel();
            }
        });
    }

    fn later(&self, ms: u32, f: impl FnOnce() + 'static) {
        self.cancel_timer();
        self.timer.set_value(Some(Timeout::new(ms, f)));
    }

    /// Opens a popover on purpose: it stays until closed, and takes the focus. An open
    /// footnote is in the URL (`#fn2`).
    pub fn open_pinned(&self, pop: Pop) {
        self.cancel_timer();
        self.pos.set(None);
        self.open.set(Some(Open { pop, pinned: true }));
        if let Pop::Note(index) = pop {
            set_fragment(Some(&Fragment::Note(index).id()));
        }
    }

    /// Closes the open note; focus goes back to its marker.
    pub fn close(&self, return_focus: bool) {
        self.cancel_timer();
        let Some(was) = self.open.get_untracked() else {
            return;
        };
        self.open.set(None);
        self.pos.set(None);
        self.hovering_popover.set(false);
        if was.pinned && was.note().is_some() {
            set_fragment(None);
        }
        if return_focus {
            if let Some(m) = element(&was.pop.anchor_id()) {
                focus_quietly(&m);
            }
        }
    }

    pub fn toggle(&self, pop: Pop) {
        match self.open.get_untracked() {
            Some(Open {
                pop: p,
                pinned: true,
            }) if p == pop => self.close(true),
            _ => self.open_pinned(pop),
        }
    }

    /// A mouse rests on a marker: show its note after a moment, unless one is pinned.
    pub fn hover_in(&self, pop: Pop) {
        if self.open.get_untracked().is_some_and(|o| o.pinned) {
            return;
        }
        let me = *self;
        self.later(180, move || {
            if !me.open.get_untracked().is_some_and(|o| o.pinned) {
                me.pos.set(None);
                me.open.set(Some(Open { pop, pinned: false }));
            }
        });
    }

    /// The mouse left a marker or the popover: hide a preview soon, unless it comes back.
    pub fn hover_out(&self) {
        let me = *self;
        match self.open.get_untracked() {
            Some(o) if !o.pinned => self.later(250, move || {
                if !me.hovering_popover.get_untracked()
                    && me.open.get_untracked().is_some_and(|o| !o.pinned)
                {
                    me.close(false);
                }
            }),
            None => self.cancel_timer(),
            _ => {}
        }
    }

    /// A marker's or name's click: toggles its popover (and is not a click outside).
    pub fn on_click(self, pop: Pop) -> impl Fn(ev::MouseEvent) + 'static {
        move |ev| {
            ev.stop_propagation();
            self.toggle(pop);
        }
    }

    /// A mouse (not a finger or pen) resting on it previews the popover.
    pub fn on_pointer_enter(self, pop: Pop) -> impl Fn(ev::PointerEvent) + 'static {
        move |ev| {
            if ev.pointer_type() == "mouse" {
                self.hover_in(pop);
            }
        }
    }

    pub fn on_pointer_leave(self) -> impl Fn(ev::PointerEvent) + 'static {
        move |ev| {
            if ev.pointer_type() == "mouse" {
                self.hover_out();
            }
        }
    }

    /// Places the popover next to its marker, inside the viewport (8 px margins).
    pub fn place(&self) {
        let Some(open) = self.open.get_untracked() else {
            return;
        };
        let (Some(marker), Some(pop)) = (element(&open.pop.anchor_id()), element(ids::POPOVER))
        else {
            return;
        };
        let win = window();
        let (vw, vh) = viewport();
        let (sx, sy) = (win.scroll_x().unwrap_or(0.0), win.scroll_y().unwrap_or(0.0));
        let r = marker.get_bounding_client_rect();
        let width = popover_width();
        let height = pop.offset_height() as f64;
        let left = (r.left() - 24.0).clamp(8.0, (vw - width - 8.0).max(8.0));
        let below = r.bottom() + 8.0;
        let top = if below + height > vh - 8.0 && r.top() - height - 8.0 >= 8.0 {
            r.top() - height - 8.0
        } else {
            below
        };
        self.pos.set(Some((top + sy, left + sx, width)));
    }
}

/// The viewport's width and height in CSS pixels.
fn viewport() -> (f64, f64) {
    let win = window();
    let px = |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>, default| {
        v.ok().and_then(|v| v.as_f64()).unwrap_or(default)
    };
    (px(win.inner_width(), 1024.0), px(win.inner_height(), 768.0))
}

/// 28rem at most (the root font grows on large screens), 8 px clear of each edge.
fn popover_width() -> f64 {
    let win = window();
    let (vw, _) = viewport();
    let rem = document()
        .document_element()
        .and_then(|root| win.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|size| size.trim_end_matches("px").parse::<f64>().ok())
        .unwrap_or(16.0);
    (vw - 16.0).min(28.0 * rem)
}

impl Default for Popover {
    fn default() -> Self {
        Self::new()
    }
}

/// What a popover shows: its title, its body, and lines below it (references that lead
/// nowhere in this collection).
pub struct PopBody {
    pub title: String,
    pub body: AnyView,
    pub notes: Vec<String>,
}

/// The one popover of a document view; `body` says what it shows for each [`Pop`] (the
/// document view knows notes, people and terms; the popover knows none of them).
#[component]
pub fn PopoverShell(body: Callback<Pop, Option<PopBody>>) -> impl IntoView {
    let notes = expect_context::<Popover>();

    // After each opening, once the popover is in the DOM: place it next to the marker
    // (reading its size forces layout) and take the focus if it was opened on purpose.
    Effect::new(move |_| {
        if let Some(open) = notes.open.get() {
            set_timeout(
                move || {
                    // Not if the document view was taken down before this turn.
                    if notes.open.is_disposed() {
                        return;
                    }
                    notes.place();
                    if open.pinned {
                        if let Some(p) = element(ids::POPOVER) {
                            focus_quietly(&p);
                        }
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    });
    let on_key = window_event_listener(ev::keydown, move |ev| {
        // Not while a modal dialog is over the note: Escape is the dialog's.
        if ev.key() == "Escape"
            && notes.open.get_untracked().is_some()
            && !crate::focus::modal_open()
        {
            ev.prevent_default();
            notes.close(true);
        }
    });
    // On `click`, not `pointerdown`: the browser moves the focus on mouse down, and the
    // focus must end on the marker.
    let on_down = window_event_listener(ev::click, move |ev| {
        let Some(open) = notes.open.get_untracked() else {
            return;
        };
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| {
                el.closest(&format!("#{}, .fn-marker, .entity", ids::POPOVER))
                    .ok()
                    .flatten()
            })
            .is_some();
        if !inside && open.pinned {
            notes.close(true);
        }
    });
    let on_resize = window_event_listener(ev::resize, move |_| notes.place());
    on_cleanup(move || {
        on_key.remove();
        on_down.remove();
        on_resize.remove();
    });

    move || {
        let open = notes.open.get()?;
        let PopBody {
            title,
            body,
            notes: missing,
        } = body.run(open.pop)?;
        let close_label = match open.pop {
            Pop::Note(_) => "Close footnote",
            Pop::Entity(_) => "Close",
        };
        // Set through the style object, not a style attribute: the page's policy refuses
        // inline style attributes.
        let place = move || match notes.pos.get() {
            Some((top, left, width)) => (top, left, width),
            // Measured off-screen first (at its final width); still focusable, unlike
            // `visibility: hidden`.
            None => (0.0, -10000.0, popover_width()),
        };
        Some(view! {
            <div
                id=ids::POPOVER
                class="fn-popover"
                class:preview=!open.pinned
                role="dialog"
                aria-modal="false"
                aria-labelledby="fn-popover-title"
                tabindex="-1"
                style:top=move || format!("{}px", place().0)
                style:left=move || format!("{}px", place().1)
                style:width=move || format!("{}px", place().2)
                on:pointerenter=move |_| notes.hovering_popover.set(true)
                on:pointerleave=move |_| {
                    notes.hovering_popover.set(false);
                    notes.hover_out();
                }
            >
                <div class="fn-popover-head">
                    <h2 id="fn-popover-title" class="fn-popover-title">{title}</h2>
                    <button
                        type="button"
                        class="fn-close"
                        aria-label=close_label
                        on:click=move |_| notes.close(true)
                    >
                        "×"
                    </button>
                </div>
                {body}
                {(!missing.is_empty()).then(|| view! {
                    <ul class="ref-status">
                        {missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                })}
            </div>
        })
    }
}
