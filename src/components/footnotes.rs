//! Footnotes: the marker buttons in the text, the one popover that shows a note (or a
//! person or term, see [`crate::components::entities`]) next to its marker, and the list of
//! notes below the text.
//!
//! Interaction rules: click, tap, Enter or Space opens a note (and moves focus into it);
//! hovering with a mouse previews it; Escape, a click outside or the close button closes it
//! and returns focus to the marker; only one note is open at a time. The open note is in the
//! URL (`#fn2`), so a link can open a document at a note.

use std::sync::Arc;

use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::prelude::*;
use letterbook_core::{Document, FootnoteKind};
use wasm_bindgen::JsCast;

use crate::components::entities::{entity_popover_body, Entities};
use crate::components::inlines::{inlines_view, InlineCtx};
use crate::state::{missing_text, Followed, Library};

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
            Pop::Note(k) => marker_id(k),
            Pop::Entity(k) => entity_id(k),
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

/// The footnote controller of one document view, shared by its markers and popover.
#[derive(Clone, Copy)]
pub struct Notes {
    pub open: RwSignal<Option<Open>>,
    /// Popover position in document coordinates (top, left, width), set after layout.
    pos: RwSignal<Option<(f64, f64, f64)>>,
    hovering_popover: RwSignal<bool>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
}

pub const POPOVER_ID: &str = "fn-popover";

pub fn marker_id(index: u32) -> String {
    format!("fnref{index}")
}

pub fn entity_id(k: u32) -> String {
    format!("ent{k}")
}

pub fn note_id(index: u32) -> String {
    format!("note-{index}")
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

fn focus_quietly(el: &web_sys::HtmlElement) {
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

impl Notes {
    pub fn new() -> Self {
        Notes {
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
            set_fragment(Some(&format!("fn{index}")));
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
        let (Some(marker), Some(pop)) = (element(&open.pop.anchor_id()), element(POPOVER_ID))
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

impl Default for Notes {
    fn default() -> Self {
        Self::new()
    }
}

/// The superscript button that stands where the marker is printed.
#[component]
pub fn FootnoteMarker(index: u32, label: String) -> impl IntoView {
    let notes = expect_context::<Notes>();
    let pop = Pop::Note(index);
    let expanded = move || notes.open.get().is_some_and(|o| o.pop == pop && o.pinned);
    view! {
        <sup class="fn-ref">
            <button
                type="button"
                class="fn-marker"
                id=marker_id(index)
                data-note=index
                aria-label=format!("Footnote {label}")
                aria-describedby=format!("{}-text", note_id(index))
                aria-haspopup="dialog"
                aria-controls=POPOVER_ID
                aria-expanded=move || expanded().to_string()
                class:active=move || notes.open.get().is_some_and(|o| o.pop == pop)
                on:click=notes.on_click(pop)
                on:pointerenter=notes.on_pointer_enter(pop)
                on:pointerleave=notes.on_pointer_leave()
            >
                {label.clone()}
            </button>
        </sup>
    }
}

/// Lines saying which references of a note lead nowhere in this collection.
fn missing_refs(doc: &Document, lib: &Library, index: u32) -> Vec<String> {
    doc.refs
        .iter()
        .filter(|r| r.in_footnote == Some(index))
        .filter_map(|r| match lib.follow(doc, &r.target) {
            Followed::Missing(volume) => Some(missing_text(&r.text, volume.as_deref())),
            _ => None,
        })
        .collect()
}

/// The one popover of a document view.
#[component]
pub fn FootnotePopover(doc: Arc<Document>) -> impl IntoView {
    let notes = expect_context::<Notes>();
    let lib = expect_context::<Library>();

    // After each opening, once the popover is in the DOM: place it next to the marker
    // (reading its size forces layout) and take the focus if it was opened on purpose.
    Effect::new(move |_| {
        if let Some(open) = notes.open.get() {
            set_timeout(
                move || {
                    notes.place();
                    if open.pinned {
                        if let Some(p) = element(POPOVER_ID) {
                            focus_quietly(&p);
                        }
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    });
    let on_key = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" && notes.open.get_untracked().is_some() {
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
                el.closest(&format!("#{POPOVER_ID}, .fn-marker, .entity"))
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

    let entities = use_context::<Entities>();
    move || {
        let open = notes.open.get()?;
        let (title, body, missing) = match open.pop {
            Pop::Note(index) => {
                let note = doc.footnote(index)?.clone();
                let ctx = InlineCtx::new(doc.clone(), lib, false);
                let body =
                    view! { <p class="fn-popover-text">{inlines_view(&note.inlines, &ctx)}</p> }
                        .into_any();
                let title = if note.kind == FootnoteKind::Source {
                    format!("Footnote {} · Source note", note.n)
                } else {
                    format!("Footnote {}", note.n)
                };
                (title, body, missing_refs(&doc, &lib, index))
            }
            Pop::Entity(k) => {
                let (title, body) = entity_popover_body(entities?, &doc, lib, k)?;
                (title, body, Vec::new())
            }
        };
        let close_label = match open.pop {
            Pop::Note(_) => "Close footnote",
            Pop::Entity(_) => "Close",
        };
        let style = move || match notes.pos.get() {
            Some((top, left, width)) => format!("top:{top}px;left:{left}px;width:{width}px"),
            // Measured off-screen first (at its final width); still focusable, unlike
            // `visibility: hidden`.
            None => format!("top:0;left:-10000px;width:{}px", popover_width()),
        };
        Some(view! {
            <div
                id=POPOVER_ID
                class="fn-popover"
                class:preview=!open.pinned
                role="dialog"
                aria-modal="false"
                aria-labelledby="fn-popover-title"
                tabindex="-1"
                style=style
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

/// The notes below the text, each with a link back to its marker.
#[component]
pub fn FootnoteList(doc: Arc<Document>) -> impl IntoView {
    let lib = expect_context::<Library>();
    if doc.footnotes.is_empty() {
        return None;
    }
    let placed = doc.markers_placed();
    let ctx = InlineCtx::new(doc.clone(), lib, false);
    let items = doc
        .footnotes
        .iter()
        .map(|f| {
            let index = f.index;
            let has_marker = placed.get(index as usize - 1).copied().unwrap_or(false);
            let missing = missing_refs(&doc, &lib, index);
            view! {
                <li id=note_id(index) class="note" class:source=f.kind == FootnoteKind::Source>
                    <span class="note-label" aria-hidden="true">{f.n.clone()}</span>
                    <span class="visually-hidden">{format!("Note {}: ", f.n)}</span>
                    <span id=format!("{}-text", note_id(index))>{inlines_view(&f.inlines, &ctx)}</span>
                    {missing.into_iter().map(|m| view! { <span class="ref-status-inline">{format!(" ({m})")}</span> }).collect_view()}
                    {if has_marker {
                        view! {
                            <a class="fn-back" href=format!("#{}", marker_id(index))
                               aria-label=format!("Back to footnote {} in the text", f.n)>
                                "↩"
                            </a>
                        }.into_any()
                    } else {
                        view! { <span class="fn-unplaced">" (no marker in the text)"</span> }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="footnotes" aria-labelledby="footnotes-title">
            <h2 id="footnotes-title">"Notes"</h2>
            <ol class="note-list">{items}</ol>
        </section>
    })
}
