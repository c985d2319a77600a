//! The timeline chart. Lanes, marks, axis and thread arcs are drawn imperatively into a
//! pool of elements once per animation frame: a zoom or pan step touches only the marks
//! in view (aggregated into counts where they would overlap), never the whole selection.
//! Leptos owns the controls around it; the core computes the marks (timeline::marks).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use letterbook_core::correspondence::when::{
    self, format_minute, iso_day, parse_minute, Certainty,
};
use letterbook_core::correspondence::ThreadLink;
use letterbook_core::dates;
use letterbook_core::timeline::{axis, bin_minutes, locate, marks, Lane, Mark};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::routes::timeline::{LanesRef, SelRef, TimelineState};
use crate::state::{doc_href, Library};

const MIN_SPAN: f64 = 360.0; // six hours
const MAX_SPAN: f64 = 1000.0 * 525_960.0;

pub fn format_at(a: f64, b: f64) -> String {
    let f = |m: f64| format_minute(m.round() as i64);
    format!("{}~{}", f(a), f(b))
}

pub fn parse_at(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once('~')?;
    let p = |x: &str| parse_minute(x).map(|m| m as f64);
    let (a, b) = (p(a)?, p(b)?);
    (b - a >= MIN_SPAN).then_some((a, b))
}

/// The selected document's thread links (compared by identity: a memo's value).
#[derive(Clone)]
struct ThreadRef(Arc<Vec<ThreadLink>>);
impl PartialEq for ThreadRef {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.0, &o.0)
    }
}

/// What the last frame drew, for the event handlers.
#[derive(Default)]
struct Drawn {
    lanes: Option<Arc<Vec<Lane>>>,
    /// (lane, mark, x in px), in the order of the elements.
    marks: Vec<(usize, Mark, f64)>,
    /// Indices into `marks` in date order (then lane).
    order: Vec<usize>,
    width: f64,
}

impl Drawn {
    fn docs(&self, k: usize) -> &[u32] {
        let (l, m, _) = self.marks[k];
        let lanes = self.lanes.as_ref().expect("drawn");
        &lanes[l].docs[m.first as usize..(m.first + m.count) as usize]
    }
}

fn zoom(view: (f64, f64), factor: f64, at: f64) -> (f64, f64) {
    let (s, e) = view;
    let span = ((e - s) / factor).clamp(MIN_SPAN, MAX_SPAN);
    let centre = s + at * (e - s);
    (centre - at * span, centre - at * span + span)
}

fn pan(view: (f64, f64), fraction: f64) -> (f64, f64) {
    let d = (view.1 - view.0) * fraction;
    (view.0 + d, view.1 + d)
}

/// The span that shows these documents, with a margin.
fn fit(c: &letterbook_core::correspondence::Correspondence, docs: &[u32]) -> Option<(f64, f64)> {
    let first = docs.first()?;
    let last = docs.iter().map(|&i| c.docs[i as usize].when.end).max()?;
    let a = c.docs[*first as usize].when.start as f64;
    let b = last as f64;
    let pad = ((b - a) * 0.04).max(2.0 * 1440.0);
    Some((a - pad, b + pad))
}

fn el(tag: &str) -> HtmlElement {
    document()
        .create_element(tag)
        .expect("element")
        .unchecked_into()
}

#[component]
pub fn Chart(selection: Memo<SelRef>, lanes: Memo<LanesRef>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let st = expect_context::<TimelineState>();
    let frame = NodeRef::<html::Div>::new();
    let axis_ref = NodeRef::<html::Div>::new();
    let rows = NodeRef::<html::Div>::new();
    let arcs = NodeRef::<leptos::svg::Svg>::new();
    let drawn: Rc<RefCell<Drawn>> = Rc::default();
    let announce = RwSignal::new(String::new());
    let scheduled = StoredValue::new(false);
    let focus_doc = StoredValue::new(None::<u32>);
    let announce_timer = StoredValue::new(None::<TimeoutHandle>);
    // Frames and timers may fire after the page is left: they check this first.
    let alive = Arc::new(std::sync::atomic::AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || {
            alive.store(false, std::sync::atomic::Ordering::Relaxed);
            if let Some(Some(h)) = announce_timer.try_get_value() {
                h.clear();
            }
        });
    }

    // The first view: the selected document centred, else everything shown.
    Effect::new(move |_| {
        let sel = selection.get();
        if st.view.get_untracked().is_some() {
            return;
        }
        let m = lib.model.get_untracked();
        let c = &m.corr;
        let centred = st
            .selected
            .get_untracked()
            .and_then(|id| c.index_of(&id))
            .and_then(|i| {
                let w = c.docs[i as usize].when;
                w.certainty.placed().then(|| {
                    let mid = (w.start + w.end) as f64 / 2.0;
                    (mid - 12.0 * 1440.0, mid + 12.0 * 1440.0)
                })
            });
        if let Some(v) = centred.or_else(|| fit(c, &sel.0.placed)) {
            st.view.set(Some(v));
        }
    });

    // A new filter shows its whole selection (the lane choice keeps the view).
    Effect::new(move |first: Option<()>| {
        st.person.track();
        st.kind.track();
        st.volume.track();
        st.from.track();
        st.to.track();
        st.text.track();
        if first.is_some() {
            let sel = selection.get_untracked();
            let m = lib.model.get_untracked();
            if let Some(v) = fit(&m.corr, &sel.0.placed) {
                st.view.set(Some(v));
            }
        }
    });

    // The device's pointer does not change while the page is open.
    let coarse = window()
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|q| q.matches());
    // The selected document's thread: computed when the selection changes, not per frame.
    let thread = Memo::new(move |_| {
        let m = lib.model.get();
        let links = st
            .selected
            .get()
            .and_then(|id| m.corr.index_of(&id))
            .map(|i| m.corr.thread_links(i))
            .unwrap_or_default();
        ThreadRef(Arc::new(links))
    });

    let draw = {
        let drawn = drawn.clone();
        let alive = alive.clone();
        move || {
            if !alive.load(std::sync::atomic::Ordering::Relaxed) {
                return;
            }
            let (Some(frame_el), Some(rows_el), Some(axis_el)) = (
                frame.get_untracked(),
                rows.get_untracked(),
                axis_ref.get_untracked(),
            ) else {
                return;
            };
            let Some((s, e)) = st.view.get_untracked() else {
                return;
            };
            let lanes = lanes.get_untracked().0;
            let m = lib.model.get_untracked();
            let c = &m.corr;
            let width = (rows_el.client_width() as f64).max(100.0);
            // Counts sit at their bin's middle, so bins wider than a count's bubble never
            // overlap; a single document sits at its own time.
            let min_px = if coarse { 52.0 } else { 36.0 };
            let bin = bin_minutes(e - s, width, min_px);
            let x_of = |t: f64| (t - s) / (e - s) * width;
            let selected = st.selected.get_untracked().and_then(|id| c.index_of(&id));
            let selected_at = selected.and_then(|d| locate(c, &lanes, d));
            let active = document().active_element();
            let had_focus = active
                .as_ref()
                .is_some_and(|a| a.class_list().contains("tl-mark") && rows_el.contains(Some(a)));

            // Rows: one per lane.
            let row_nodes = rows_el.children();
            while row_nodes.length() as usize > lanes.len() {
                if let Some(last) = rows_el.last_element_child() {
                    last.remove();
                }
            }
            while (row_nodes.length() as usize) < lanes.len() {
                let row = el("div");
                row.set_class_name("tl-row");
                let _ = row.set_attribute("role", "group");
                let label = el("div");
                label.set_class_name("tl-row-label");
                let _ = label.set_attribute("aria-hidden", "true");
                let track = el("div");
                track.set_class_name("tl-track");
                let _ = row.append_child(&label);
                let _ = row.append_child(&track);
                let _ = rows_el.append_child(&row);
            }
            let mut out: Vec<(usize, Mark, f64)> = Vec::new();
            // Where each lane's marks begin in `out` (a mark's button is its offset there).
            let mut lane_first: Vec<usize> = Vec::with_capacity(lanes.len() + 1);
            let mut buf = Vec::new();
            for (li, lane) in lanes.iter().enumerate() {
                let row: Element = row_nodes.item(li as u32).expect("row");
                let label_text = format!(
                    "{} · {} document{}",
                    lane.label,
                    lane.docs.len(),
                    if lane.docs.len() == 1 { "" } else { "s" }
                );
                let _ = row.set_attribute("aria-label", &label_text);
                let _ = row.set_attribute("data-lane", &lane.key);
                let label = row.first_element_child().expect("label");
                if label.text_content().as_deref() != Some(label_text.as_str()) {
                    label.set_text_content(Some(&label_text));
                }
                let track = row.last_element_child().expect("track");
                buf.clear();
                marks(lane, s, e, bin, &mut buf);
                lane_first.push(out.len());
                let kids = track.children();
                for (k, mk) in buf.iter().enumerate() {
                    let b: HtmlElement = match kids.item(k as u32) {
                        Some(b) => b.unchecked_into(),
                        None => {
                            let b = el("button");
                            let _ = b.set_attribute("type", "button");
                            let _ = track.append_child(&b);
                            b
                        }
                    };
                    let x = if mk.count == 1 {
                        x_of(mk.start as f64)
                    } else {
                        x_of((mk.start.div_euclid(bin) * bin) as f64 + bin as f64 / 2.0)
                    };
                    let idx = out.len();
                    let style = b.style();
                    let (class, label, w) = if mk.count == 1 {
                        let i = lane.docs[mk.first as usize];
                        let d = &c.docs[i as usize];
                        let range = d.when.end - d.when.start > 1440;
                        let w = if range {
                            (x_of(d.when.end as f64) - x).max(10.0)
                        } else {
                            0.0
                        };
                        let mut class = format!("tl-mark one {}", d.when.certainty.class());
                        if range {
                            class.push_str(" range");
                        }
                        if Some(i) == selected {
                            class.push_str(" selected");
                        }
                        let n =
                            d.n.as_ref()
                                .map(|n| format!("Document {n}: "))
                                .unwrap_or_default();
                        let cert = match d.when.certainty {
                            Certainty::Exact => String::new(),
                            c => format!(" ({})", c.describe()),
                        };
                        (
                            class,
                            format!("{n}{}, {}{cert}", d.title, when::display(&d.when)),
                            w,
                        )
                    } else {
                        let span = if iso_day(mk.start) == iso_day(mk.end) {
                            dates::display(&iso_day(mk.start))
                        } else {
                            format!(
                                "{} – {}",
                                dates::display(&iso_day(mk.start)),
                                dates::display(&iso_day(mk.end))
                            )
                        };
                        let class = if mk.covers(li, selected_at) {
                            "tl-mark many selected"
                        } else {
                            "tl-mark many"
                        };
                        (
                            class.to_string(),
                            format!("{} documents, {span}, {}: zoom in", mk.count, lane.label),
                            0.0,
                        )
                    };
                    b.set_class_name(&class);
                    let _ = b.set_attribute("aria-label", &label);
                    let _ = b.set_attribute("data-k", &idx.to_string());
                    let _ = style.set_property("left", &format!("{x:.1}px"));
                    if w > 0.0 {
                        let _ = style.set_property("width", &format!("{w:.1}px"));
                    } else {
                        let _ = style.remove_property("width");
                    }
                    let text = if mk.count > 1 {
                        mk.count.to_string()
                    } else {
                        String::new()
                    };
                    if b.text_content().unwrap_or_default() != text {
                        b.set_text_content(Some(&text));
                    }
                    let _ = b.set_attribute("tabindex", "-1");
                    out.push((li, *mk, x));
                }
                while kids.length() as usize > buf.len() {
                    if let Some(last) = track.last_element_child() {
                        last.remove();
                    }
                }
            }
            lane_first.push(out.len());
            let mut order: Vec<usize> = (0..out.len()).collect();
            order.sort_by_key(|&k| (out[k].1.start, out[k].0));

            // Roving focus: the mark holding the focused (or selected) document, else the
            // first in view, is the one Tab reaches.
            // The drawn mark standing for a document: its lane's marks, by binary search.
            let mark_of_doc = |d: u32| -> Option<usize> {
                let (l, p) = locate(c, &lanes, d)?;
                let range = lane_first[l]..lane_first[l + 1];
                let k = range.start
                    + out[range.clone()].partition_point(|(_, mk, _)| mk.first + mk.count <= p);
                (k < range.end && out[k].1.covers(l, Some((l, p)))).then_some(k)
            };
            let want = focus_doc.get_value().or(selected);
            let holder = want.and_then(mark_of_doc);
            let visible_first = order
                .iter()
                .copied()
                .find(|&k| out[k].2 >= 0.0 && out[k].2 <= width);
            let roving = holder.or(visible_first);
            let all_buttons = |k: usize| -> Option<HtmlElement> {
                let (l, _, _) = out[k];
                let row = row_nodes.item(l as u32)?;
                let track = row.last_element_child()?;
                track
                    .children()
                    .item((k - lane_first[l]) as u32)
                    .map(|e| e.unchecked_into())
            };
            if let Some(k) = roving {
                if let Some(b) = all_buttons(k) {
                    let _ = b.set_attribute("tabindex", "0");
                    if had_focus {
                        let _ = b.focus();
                    }
                }
            }

            // Axis.
            let (unit, ticks) = axis::ticks(s, e, width);
            let tick_nodes = axis_el.children();
            for (k, t) in ticks.iter().enumerate() {
                let n: HtmlElement = match tick_nodes.item(k as u32) {
                    Some(n) => n.unchecked_into(),
                    None => {
                        let n = el("span");
                        let _ = axis_el.append_child(&n);
                        n
                    }
                };
                n.set_class_name(if t.major { "tl-tick major" } else { "tl-tick" });
                let _ = n
                    .style()
                    .set_property("left", &format!("{:.1}px", x_of(t.at as f64)));
                if n.text_content().as_deref() != Some(t.label.as_str()) {
                    n.set_text_content(Some(&t.label));
                }
            }
            while tick_nodes.length() as usize > ticks.len() {
                if let Some(last) = axis_el.last_element_child() {
                    last.remove();
                }
            }
            let _ = axis_el.set_attribute("data-unit", unit.name());

            // Thread arcs of the selected document.
            if let Some(svg) = arcs.get_untracked() {
                svg.set_inner_html("");
                let links = thread.get_untracked().0;
                if !links.is_empty() {
                    let base = rows_el.get_bounding_client_rect();
                    let pos = |d: u32| -> Option<(f64, f64)> {
                        let b = all_buttons(mark_of_doc(d)?)?;
                        let r = b.get_bounding_client_rect();
                        Some((
                            r.left() - base.left() + r.width() / 2.0,
                            r.top() - base.top() + r.height() / 2.0,
                        ))
                    };
                    let ns = Some("http://www.w3.org/2000/svg");
                    for l in links.iter() {
                        if let (Some((x1, y1)), Some((x2, y2))) = (pos(l.from), pos(l.to)) {
                            let lift = ((x1 - x2).abs() / 3.0).clamp(18.0, 90.0);
                            let d = format!(
                                "M{x1:.1},{y1:.1} Q{:.1},{:.1} {x2:.1},{y2:.1}",
                                (x1 + x2) / 2.0,
                                y1.min(y2) - lift
                            );
                            if let Ok(p) = document().create_element_ns(ns, "path") {
                                let _ = p.set_attribute("d", &d);
                                let _ = p.set_attribute(
                                    "class",
                                    &format!("tl-arc {}", l.relation.as_str()),
                                );
                                let _ = svg.append_child(&p);
                            }
                        }
                    }
                }
                let h = rows_el.scroll_height();
                let _ = svg.set_attribute("width", &format!("{width}"));
                let _ = svg.set_attribute("height", &format!("{h}"));
            }
            let in_view: u32 = out
                .iter()
                .filter(|(_, _, x)| *x >= 0.0 && *x <= width)
                .map(|(_, mk, _)| mk.count)
                .sum();
            let _ = frame_el.set_attribute("data-in-view", &in_view.to_string());
            let mut d = drawn.borrow_mut();
            *d = Drawn {
                lanes: Some(lanes),
                marks: out,
                order,
                width,
            };
            drop(d);
            // Announce the range once the view rests.
            if let Some(h) = announce_timer.get_value() {
                h.clear();
            }
            let text = format!(
                "Showing {} to {}: {} documents in view.",
                dates::display(&iso_day(s as i64)),
                dates::display(&iso_day(e as i64)),
                in_view
            );
            announce_timer.set_value(
                set_timeout_with_handle(
                    move || {
                        announce.try_set(text);
                    },
                    std::time::Duration::from_millis(700),
                )
                .ok(),
            );
        }
    };
    let draw = Rc::new(draw);
    let schedule = {
        let draw = draw.clone();
        move || {
            if scheduled.get_value() {
                return;
            }
            scheduled.set_value(true);
            let draw = draw.clone();
            request_animation_frame(move || {
                if scheduled.try_set_value(false).is_none() {
                    draw();
                }
            });
        }
    };
    let schedule = Rc::new(schedule);
    {
        let schedule = schedule.clone();
        Effect::new(move |_| {
            lanes.track();
            st.view.track();
            st.selected.track();
            thread.track();
            schedule();
        });
    }
    {
        let schedule = schedule.clone();
        let handle = window_event_listener(leptos::ev::resize, move |_| schedule());
        on_cleanup(move || handle.remove());
    }

    let set_view = move |v: (f64, f64)| st.view.set(Some(v));
    let view_now = move || st.view.get_untracked().unwrap_or((0.0, 1.0));
    let fraction_at = move |client_x: f64| -> f64 {
        rows.get_untracked()
            .map(|r| {
                let b = r.get_bounding_client_rect();
                ((client_x - b.left()) / b.width().max(1.0)).clamp(0.0, 1.0)
            })
            .unwrap_or(0.5)
    };
    let fit_all = move || {
        let m = lib.model.get_untracked();
        if let Some(v) = fit(&m.corr, &selection.get_untracked().0.placed) {
            set_view(v);
        }
    };

    // Pointer gestures: drag to pan (momentum on touch), two fingers to pinch, double tap.
    let gesture = Rc::new(RefCell::new(Gesture::default()));
    let glide_token = StoredValue::new(0u32);
    let on_down = {
        let g = gesture.clone();
        move |ev: web_sys::PointerEvent| {
            let mut g = g.borrow_mut();
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), ev.client_x() as f64));
            g.start_view = view_now();
            g.start_x = ev.client_x() as f64;
            g.moved = false;
            g.velocity = 0.0;
            g.last = (ev.client_x() as f64, ev.time_stamp());
            glide_token.update_value(|t| *t += 1);
            if g.pointers.len() == 2 {
                g.pinch_start = (g.pointers[0].1 - g.pointers[1].1).abs().max(1.0);
            }
        }
    };
    let on_move = {
        let g = gesture.clone();
        move |ev: web_sys::PointerEvent| {
            let mut g = g.borrow_mut();
            let Some(p) = g.pointers.iter_mut().find(|p| p.0 == ev.pointer_id()) else {
                return;
            };
            p.1 = ev.client_x() as f64;
            let width = track_width(rows);
            if g.pointers.len() >= 2 {
                let d = (g.pointers[0].1 - g.pointers[1].1).abs().max(1.0);
                let mid = (g.pointers[0].1 + g.pointers[1].1) / 2.0;
                g.moved = true;
                set_view(zoom(g.start_view, d / g.pinch_start, fraction_at(mid)));
                return;
            }
            let dx = ev.client_x() as f64 - g.start_x;
            if !g.moved && dx.abs() < 4.0 {
                return;
            }
            if !g.moved {
                g.moved = true;
                if let Some(f) = frame.get_untracked() {
                    let _ = f.set_pointer_capture(ev.pointer_id());
                }
            }
            let (s, e) = g.start_view;
            let shift = -dx / width * (e - s);
            let now = ev.time_stamp();
            let dt = (now - g.last.1).max(1.0);
            g.velocity = (ev.client_x() as f64 - g.last.0) / dt;
            g.last = (ev.client_x() as f64, now);
            set_view((s + shift, e + shift));
        }
    };
    let on_up = {
        let g = gesture.clone();
        move |ev: web_sys::PointerEvent| {
            let mut g = g.borrow_mut();
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            let touch = ev.pointer_type() == "touch";
            if g.moved {
                g.suppress_click = true;
                if touch && g.velocity.abs() > 0.05 {
                    glide(g.velocity, glide_token.get_value(), glide_token, rows, st);
                }
            } else if touch {
                let now = ev.time_stamp();
                if now - g.last_tap.0 < 320.0 && (ev.client_x() as f64 - g.last_tap.1).abs() < 30.0
                {
                    set_view(zoom(view_now(), 2.0, fraction_at(ev.client_x() as f64)));
                    g.last_tap = (0.0, 0.0);
                } else {
                    g.last_tap = (now, ev.client_x() as f64);
                }
            }
        }
    };
    let on_cancel = {
        let g = gesture.clone();
        move |ev: web_sys::PointerEvent| g.borrow_mut().pointers.retain(|p| p.0 != ev.pointer_id())
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let (dx, dy) = (ev.delta_x(), ev.delta_y());
        if dx.abs() > dy.abs() {
            let width = track_width(rows);
            set_view(pan(view_now(), dx / width));
        } else {
            let f = (-dy * 0.002).exp();
            set_view(zoom(view_now(), f, fraction_at(ev.client_x() as f64)));
        }
    };
    let on_dblclick = move |ev: web_sys::MouseEvent| {
        if ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.closest(".tl-mark").ok().flatten().is_some())
        {
            return;
        }
        let f = if ev.shift_key() { 0.5 } else { 2.0 };
        set_view(zoom(view_now(), f, fraction_at(ev.client_x() as f64)));
    };

    // Marks: click selects (a count zooms into its days); keys move in date order.
    let mark_of = |ev: &web_sys::Event| -> Option<(HtmlElement, usize)> {
        let t: Element = ev.target()?.dyn_into().ok()?;
        let b = t.closest(".tl-mark").ok()??;
        let k = b.get_attribute("data-k")?.parse().ok()?;
        Some((b.unchecked_into(), k))
    };
    let zoom_into = {
        let drawn = drawn.clone();
        move |k: usize| {
            let d = drawn.borrow();
            let (_, mk, _) = d.marks[k];
            let (a, b) = (mk.start as f64, mk.end as f64);
            let pad = ((b - a) * 0.15).max(MIN_SPAN);
            set_view((a - pad, b + pad));
        }
    };
    let navigate = leptos_router::hooks::use_navigate();
    let select_mark = {
        let drawn = drawn.clone();
        let zoom_into = zoom_into.clone();
        move |k: usize, open: bool| {
            let docs: Vec<u32> = drawn.borrow().docs(k).to_vec();
            if docs.len() == 1 {
                let m = lib.model.get_untracked();
                let id = m.corr.docs[docs[0] as usize].id.clone();
                focus_doc.set_value(Some(docs[0]));
                if open {
                    navigate(&doc_href(&id, None), Default::default());
                } else {
                    st.selected.set(Some(id));
                }
            } else {
                focus_doc.set_value(docs.first().copied());
                zoom_into(k);
            }
        }
    };
    let on_click = {
        let g = gesture.clone();
        let select_mark = select_mark.clone();
        move |ev: web_sys::MouseEvent| {
            if std::mem::take(&mut g.borrow_mut().suppress_click) {
                return;
            }
            if let Some((_, k)) = mark_of(&ev) {
                select_mark(k, false);
            }
        }
    };
    let move_focus = {
        let drawn = drawn.clone();
        move |from: usize, step: i32, lane_step: i32| {
            let d = drawn.borrow();
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
                    focus_doc.set_value(Some(doc));
                    // Out of view: bring it in (the redraw focuses it).
                    if x < 0.0 || x > width {
                        let v = view_now();
                        let frac = if x < 0.0 {
                            x / width - 0.2
                        } else {
                            (x - width) / width + 0.2
                        };
                        set_view(pan(v, frac));
                    } else {
                        focus_mark(rows, k);
                    }
                }
                None if lane_step == 0 => {
                    // Past the last mark drawn: the next document of the selection in that
                    // direction, centred (the redraw focuses it).
                    let (_, mk, _) = d.marks[from];
                    drop(d);
                    let m = lib.model.get_untracked();
                    let sel = selection.get_untracked();
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
                        focus_doc.set_value(Some(doc));
                        let (s, e) = view_now();
                        let t = start(doc) as f64;
                        set_view((t - (e - s) / 2.0, t + (e - s) / 2.0));
                    }
                }
                None => {}
            }
        }
    };
    let on_keydown = {
        let select_mark = select_mark.clone();
        let zoom_into = zoom_into.clone();
        let drawn = drawn.clone();
        move |ev: web_sys::KeyboardEvent| {
            let key = ev.key();
            if let Some((_, k)) = mark_of(&ev) {
                let handled = match key.as_str() {
                    "ArrowRight" => {
                        move_focus(k, 1, 0);
                        true
                    }
                    "ArrowLeft" => {
                        move_focus(k, -1, 0);
                        true
                    }
                    "ArrowDown" => {
                        move_focus(k, 0, 1);
                        true
                    }
                    "ArrowUp" => {
                        move_focus(k, 0, -1);
                        true
                    }
                    "Enter" => {
                        let many = drawn.borrow().marks[k].1.count > 1;
                        if many {
                            zoom_into(k);
                        } else {
                            select_mark(k, true);
                        }
                        true
                    }
                    " " => {
                        select_mark(k, false);
                        true
                    }
                    "Home" | "End" => {
                        let d = drawn.borrow();
                        let t = if key == "Home" {
                            d.order.first()
                        } else {
                            d.order.last()
                        }
                        .copied();
                        drop(d);
                        if let Some(t) = t {
                            focus_mark(rows, t);
                        }
                        true
                    }
                    "Escape" => {
                        if let Some(f) = frame.get_untracked() {
                            let _ = f.focus();
                        }
                        true
                    }
                    _ => false,
                };
                if handled {
                    ev.prevent_default();
                    ev.stop_propagation();
                    return;
                }
            }
            // Zoom around the focused mark, else the middle.
            let at = mark_of(&ev)
                .and_then(|(_, k)| {
                    let d = drawn.borrow();
                    d.marks.get(k).map(|m| (m.2 / d.width).clamp(0.0, 1.0))
                })
                .unwrap_or(0.5);
            let handled = match key.as_str() {
                "+" | "=" => {
                    set_view(zoom(view_now(), 1.6, at));
                    true
                }
                "-" | "_" => {
                    set_view(zoom(view_now(), 1.0 / 1.6, at));
                    true
                }
                "ArrowRight" => {
                    set_view(pan(view_now(), 0.25));
                    true
                }
                "ArrowLeft" => {
                    set_view(pan(view_now(), -0.25));
                    true
                }
                "0" => {
                    fit_all();
                    true
                }
                _ => false,
            };
            if handled {
                ev.prevent_default();
            }
        }
    };
    let button = move |label: &'static str, text: &'static str, f: Rc<dyn Fn()>| {
        view! { <button type="button" class="tl-btn" aria-label=label title=label on:click=move |_| f()>{text}</button> }
    };
    let controls = view! {
        <div class="tl-controls" role="toolbar" aria-label="Zoom and move" aria-controls="tl-frame">
            {button("Zoom in", "+", Rc::new(move || set_view(zoom(view_now(), 2.0, 0.5))))}
            {button("Zoom out", "−", Rc::new(move || set_view(zoom(view_now(), 0.5, 0.5))))}
            {button("Earlier", "←", Rc::new(move || set_view(pan(view_now(), -0.5))))}
            {button("Later", "→", Rc::new(move || set_view(pan(view_now(), 0.5))))}
            <button type="button" class="tl-btn" on:click=move |_| fit_all()>"Show all"</button>
        </div>
    };
    view! {
        <div class="tl">
            {controls}
            <div id="tl-frame" class="tl-frame" tabindex="0" node_ref=frame role="group"
                aria-roledescription="timeline"
                aria-label="Timeline: + and − zoom, arrow keys move in time, Tab reaches the documents, arrow keys then go from one to the next, Enter opens it"
                aria-describedby="tl-help"
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_cancel
                on:wheel=on_wheel on:dblclick=on_dblclick on:click=on_click on:keydown=on_keydown>
                <div class="tl-axis" node_ref=axis_ref aria-hidden="true"></div>
                <div class="tl-rows" node_ref=rows>
                </div>
                <svg class="tl-arcs" node_ref=arcs aria-hidden="true" focusable="false"></svg>
            </div>
            <p id="tl-help" class="visually-hidden">"The List button above the timeline gives the same documents as a list in date order."</p>
            <p class="visually-hidden" aria-live="polite" role="status">{move || announce.get()}</p>
        </div>
    }
}

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
    suppress_click: bool,
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
