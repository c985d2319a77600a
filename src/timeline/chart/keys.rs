//! The chart from the keyboard. On a mark: arrows go from one document to the next in date
//! order (or to the lane above or below), Enter opens it (a count: zooms in), Space
//! selects it, Home/End go to the first/last drawn, Escape returns to the frame.
//! Anywhere in the frame: `+`/`-` zoom, arrows pan, `0` shows everything.

use leptos::html;
use leptos::prelude::*;
use letterbook_core::timeline::view::{pan, zoom};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use super::context::{mark_of, ChartCtx};

pub fn on_keydown(cx: &ChartCtx) -> impl Fn(KeyboardEvent) + 'static {
    let cx = cx.clone();
    move |ev: KeyboardEvent| {
        let key = ev.key();
        if let Some((_, k)) = mark_of(&ev) {
            if on_mark(&cx, k, &key) {
                ev.prevent_default();
                ev.stop_propagation();
                return;
            }
        }
        // Zoom around the focused mark, else the middle.
        let at = mark_of(&ev)
            .and_then(|(_, k)| {
                let d = cx.drawn.borrow();
                d.marks.get(k).map(|m| (m.2 / d.width).clamp(0.0, 1.0))
            })
            .unwrap_or(0.5);
        let handled = match key.as_str() {
            "+" | "=" => {
                cx.set_view(zoom(cx.view_now(), 1.6, at));
                true
            }
            "-" | "_" => {
                cx.set_view(zoom(cx.view_now(), 1.0 / 1.6, at));
                true
            }
            "ArrowRight" => {
                cx.set_view(pan(cx.view_now(), 0.25));
                true
            }
            "ArrowLeft" => {
                cx.set_view(pan(cx.view_now(), -0.25));
                true
            }
            "0" => {
                cx.fit_all();
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    }
}

/// A key on drawn mark `k`; whether it was one of the mark's.
fn on_mark(cx: &ChartCtx, k: usize, key: &str) -> bool {
    match key {
        "ArrowRight" => move_focus(cx, k, 1, 0),
        "ArrowLeft" => move_focus(cx, k, -1, 0),
        "ArrowDown" => move_focus(cx, k, 0, 1),
        "ArrowUp" => move_focus(cx, k, 0, -1),
        "Enter" => {
            let many = cx.drawn.borrow().marks[k].1.count > 1;
            if many {
                cx.zoom_into(k);
            } else {
                cx.select_mark(k, true);
            }
        }
        " " => cx.select_mark(k, false),
        "Home" | "End" => {
            let d = cx.drawn.borrow();
            let t = if key == "Home" {
                d.order.first()
            } else {
                d.order.last()
            }
            .copied();
            drop(d);
            if let Some(t) = t {
                focus_mark(cx.rows, t);
            }
        }
        "Escape" => {
            if let Some(f) = cx.frame.get_untracked() {
                let _ = f.focus();
            }
        }
        _ => return false,
    }
    true
}

/// From drawn mark `from`, `step` marks on in date order, or to the nearest in time of the
/// lane `lane_step` away.
fn move_focus(cx: &ChartCtx, from: usize, step: i32, lane_step: i32) {
    let d = cx.drawn.borrow();
    let pos = d.order.iter().position(|&k| k == from).unwrap_or(0) as i32;
    let target = if lane_step != 0 {
        let (l, mk, _) = d.marks[from];
        let want = l as i32 + lane_step;
        d.marks
            .iter()
            .enumerate()
            .filter(|(_, (x, _, _))| *x as i32 == want)
            .min_by_key(|(_, (_, m, _))| (m.start - mk.start).abs())
            .map(|(k, _)| k)
    } else {
        let p = pos + step;
        if p >= 0 && (p as usize) < d.order.len() {
            Some(d.order[p as usize])
        } else {
            None
        }
    };
    match target {
        Some(k) => {
            let doc = d.docs(k)[0];
            let (_, _, x) = d.marks[k];
            let width = d.width;
            drop(d);
            cx.focus_doc.set_value(Some(doc));
            // Out of view: bring it in (the redraw focuses it).
            if x < 0.0 || x > width {
                let v = cx.view_now();
                let frac = if x < 0.0 {
                    x / width - 0.2
                } else {
                    (x - width) / width + 0.2
                };
                cx.set_view(pan(v, frac));
            } else {
                focus_mark(cx.rows, k);
            }
        }
        None if lane_step == 0 => {
            // Past the last mark drawn: the next document of the selection in that
            // direction, centred (the redraw focuses it).
            let (_, mk, _) = d.marks[from];
            drop(d);
            let m = cx.lib.model.get_untracked();
            let sel = cx.selection.get_untracked();
            let placed = &sel.0.placed;
            let start = |i: u32| m.corr.docs[i as usize].when.start;
            let next = if step > 0 {
                let p = placed.partition_point(|&i| start(i) <= mk.end);
                placed.get(p).copied()
            } else {
                let p = placed.partition_point(|&i| start(i) < mk.start);
                p.checked_sub(1).map(|p| placed[p])
            };
            if let Some(doc) = next {
                cx.focus_doc.set_value(Some(doc));
                let (s, e) = cx.view_now();
                let t = start(doc) as f64;
                cx.set_view((t - (e - s) / 2.0, t + (e - s) / 2.0));
            }
        }
        None => {}
    }
}

/// Focuses the button of drawn mark `k` (its position within its lane's track).
fn focus_mark(rows: NodeRef<html::Div>, k: usize) {
    let Some(r) = rows.get_untracked() else {
        return;
    };
    let Ok(Some(b)) = r.query_selector(&format!(".tl-mark[data-k=\"{k}\"]")) else {
        return;
    };
    if let Ok(old) = r.query_selector_all(".tl-mark[tabindex=\"0\"]") {
        for i in 0..old.length() {
            if let Some(e) = old.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = e.set_attribute("tabindex", "-1");
            }
        }
    }
    let _ = b.set_attribute("tabindex", "0");
    let b: HtmlElement = b.unchecked_into();
    let _ = b.focus();
}
