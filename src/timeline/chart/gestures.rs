//! The chart under a pointer: drag to pan (with momentum after a swipe on touch), two
//! fingers to pinch, double tap or double click to zoom, the wheel to zoom or pan, and a
//! click to select a mark.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use letterbook_core::timeline::view::{pan, zoom};
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent, PointerEvent, WheelEvent};

use super::context::{mark_of, ChartCtx};
use crate::timeline::state::TimelineState;

/// The gesture under way.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64)>,
    start_view: (f64, f64),
    start_x: f64,
    moved: bool,
    velocity: f64,
    last: (f64, f64),
    pinch_start: f64,
    last_tap: (f64, f64),
    /// A drag ends with a click on what it started on: that click is not a selection.
    suppress_click: bool,
}

/// The pointer handlers of one chart, sharing its gesture.
pub struct Gestures {
    cx: ChartCtx,
    g: Rc<RefCell<Gesture>>,
    /// Bumped by each touch: a glide still running from an earlier swipe stops.
    glide_token: StoredValue<u32>,
}

impl Gestures {
    pub fn new(cx: &ChartCtx) -> Self {
        Gestures {
            cx: cx.clone(),
            g: Rc::new(RefCell::new(Gesture::default())),
            glide_token: StoredValue::new(0u32),
        }
    }

    pub fn on_down(&self) -> impl Fn(PointerEvent) + 'static {
        let (g, cx, glide_token) = (self.g.clone(), self.cx.clone(), self.glide_token);
        move |ev: PointerEvent| {
            let mut g = g.borrow_mut();
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), ev.client_x() as f64));
            g.start_view = cx.view_now();
            g.start_x = ev.client_x() as f64;
            g.moved = false;
            g.velocity = 0.0;
            g.last = (ev.client_x() as f64, ev.time_stamp());
            glide_token.update_value(|t| *t += 1);
            if g.pointers.len() == 2 {
                g.pinch_start = (g.pointers[0].1 - g.pointers[1].1).abs().max(1.0);
            }
        }
    }

    pub fn on_move(&self) -> impl Fn(PointerEvent) + 'static {
        let (g, cx) = (self.g.clone(), self.cx.clone());
        move |ev: PointerEvent| {
            let mut g = g.borrow_mut();
            let Some(p) = g.pointers.iter_mut().find(|p| p.0 == ev.pointer_id()) else {
                return;
            };
            p.1 = ev.client_x() as f64;
            let width = track_width(cx.rows);
            if g.pointers.len() >= 2 {
                let d = (g.pointers[0].1 - g.pointers[1].1).abs().max(1.0);
                let mid = (g.pointers[0].1 + g.pointers[1].1) / 2.0;
                g.moved = true;
                cx.set_view(zoom(g.start_view, d / g.pinch_start, cx.fraction_at(mid)));
                return;
            }
            let dx = ev.client_x() as f64 - g.start_x;
            if !g.moved && dx.abs() < 4.0 {
                return;
            }
            if !g.moved {
                g.moved = true;
                if let Some(f) = cx.frame.get_untracked() {
                    let _ = f.set_pointer_capture(ev.pointer_id());
                }
            }
            let (s, e) = g.start_view;
            let shift = -dx / width * (e - s);
            let now = ev.time_stamp();
            let dt = (now - g.last.1).max(1.0);
            g.velocity = (ev.client_x() as f64 - g.last.0) / dt;
            g.last = (ev.client_x() as f64, now);
            cx.set_view((s + shift, e + shift));
        }
    }

    pub fn on_up(&self) -> impl Fn(PointerEvent) + 'static {
        let (g, cx, glide_token) = (self.g.clone(), self.cx.clone(), self.glide_token);
        move |ev: PointerEvent| {
            let mut g = g.borrow_mut();
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            let touch = ev.pointer_type() == "touch";
            if g.moved {
                g.suppress_click = true;
                if touch && g.velocity.abs() > 0.05 {
                    glide(
                        g.velocity,
                        glide_token.get_value(),
                        glide_token,
                        cx.rows,
                        cx.st,
                    );
                }
            } else if touch {
                let now = ev.time_stamp();
                if now - g.last_tap.0 < 320.0 && (ev.client_x() as f64 - g.last_tap.1).abs() < 30.0
                {
                    cx.set_view(zoom(
                        cx.view_now(),
                        2.0,
                        cx.fraction_at(ev.client_x() as f64),
                    ));
                    g.last_tap = (0.0, 0.0);
                } else {
                    g.last_tap = (now, ev.client_x() as f64);
                }
            }
        }
    }

    pub fn on_cancel(&self) -> impl Fn(PointerEvent) + 'static {
        let g = self.g.clone();
        move |ev: PointerEvent| g.borrow_mut().pointers.retain(|p| p.0 != ev.pointer_id())
    }

    /// A click selects a mark (a count zooms into its days), unless it ends a drag.
    pub fn on_click(&self) -> impl Fn(MouseEvent) + 'static {
        let (g, cx) = (self.g.clone(), self.cx.clone());
        move |ev: MouseEvent| {
            if std::mem::take(&mut g.borrow_mut().suppress_click) {
                return;
            }
            if let Some((_, k)) = mark_of(&ev) {
                cx.select_mark(k, false);
            }
        }
    }

    /// Sideways scrolling pans; vertical scrolling zooms about the pointer.
    pub fn on_wheel(&self) -> impl Fn(WheelEvent) + 'static {
        let cx = self.cx.clone();
        move |ev: WheelEvent| {
            ev.prevent_default();
            let (dx, dy) = (ev.delta_x(), ev.delta_y());
            if dx.abs() > dy.abs() {
                let width = track_width(cx.rows);
                cx.set_view(pan(cx.view_now(), dx / width));
            } else {
                let f = (-dy * 0.002).exp();
                cx.set_view(zoom(cx.view_now(), f, cx.fraction_at(ev.client_x() as f64)));
            }
        }
    }

    /// A double click off the marks zooms in about the pointer (with Shift, out).
    pub fn on_dblclick(&self) -> impl Fn(MouseEvent) + 'static {
        let cx = self.cx.clone();
        move |ev: MouseEvent| {
            if ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| t.closest(".tl-mark").ok().flatten().is_some())
            {
                return;
            }
            let f = if ev.shift_key() { 0.5 } else { 2.0 };
            cx.set_view(zoom(cx.view_now(), f, cx.fraction_at(ev.client_x() as f64)));
        }
    }
}

fn track_width(rows: NodeRef<html::Div>) -> f64 {
    rows.get_untracked()
        .map_or(1000.0, |r| (r.client_width() as f64).max(100.0))
}

/// Momentum after a swipe: the view keeps moving, slowing, until it stops or is touched.
fn glide(
    v: f64,
    token: u32,
    tokens: StoredValue<u32>,
    rows: NodeRef<html::Div>,
    st: TimelineState,
) {
    if tokens.try_get_value() != Some(token) || v.abs() < 0.02 {
        return;
    }
    if let Some((s, e)) = st.view.get_untracked() {
        let shift = -v * 16.0 / track_width(rows) * (e - s);
        st.view.set(Some((s + shift, e + shift)));
    }
    request_animation_frame(move || glide(v * 0.94, token, tokens, rows, st));
}
