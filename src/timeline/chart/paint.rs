//! One frame of the chart, drawn imperatively into pooled elements: a row per lane, a
//! button per mark in view (a count where documents would overlap), the axis's ticks and
//! the selected document's thread arcs. Elements are reused from frame to frame and only
//! changed attributes are written, so a zoom or pan step touches only the marks in view.

use std::sync::atomic::Ordering;

use leptos::prelude::*;
use letterbook_core::correspondence::when::{self, iso_day, Certainty};
use letterbook_core::correspondence::{Correspondence, ThreadLink};
use letterbook_core::dates;
use letterbook_core::presentation;
use letterbook_core::timeline::{axis, bin_minutes, locate, marks, Lane, Mark};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCollection, HtmlElement};

use super::context::{ChartCtx, Drawn};
use crate::timeline::certainty;

fn el(tag: &str) -> HtmlElement {
    document()
        .create_element(tag)
        .expect("element")
        .unchecked_into()
}

/// The view being drawn: `[s, e]` minutes across `width` px.
#[derive(Clone, Copy)]
struct Span {
    s: f64,
    e: f64,
    width: f64,
}

impl Span {
    fn x(self, t: f64) -> f64 {
        (t - self.s) / (self.e - self.s) * self.width
    }
}

/// The marks drawn this frame: (lane, mark, x in px), lane after lane, and where each
/// lane's marks begin (a mark's button is its offset there in its lane's track).
struct Placed {
    out: Vec<(usize, Mark, f64)>,
    lane_first: Vec<usize>,
}

impl Placed {
    /// The drawn mark standing for a document: its lane's marks, by binary search.
    fn mark_of_doc(&self, c: &Correspondence, lanes: &[Lane], d: u32) -> Option<usize> {
        let (l, p) = locate(c, lanes, d)?;
        let range = self.lane_first[l]..self.lane_first[l + 1];
        let k = range.start
            + self.out[range.clone()].partition_point(|(_, mk, _)| mk.first + mk.count <= p);
        (k < range.end && self.out[k].1.covers(l, Some((l, p)))).then_some(k)
    }

    fn button(&self, row_nodes: &HtmlCollection, k: usize) -> Option<HtmlElement> {
        let (l, _, _) = self.out[k];
        let row = row_nodes.item(l as u32)?;
        let track = row.last_element_child()?;
        track
            .children()
            .item((k - self.lane_first[l]) as u32)
            .map(|e| e.unchecked_into())
    }
}

/// Draws the current view; a no-op until the elements exist and the view is known.
pub fn paint(cx: &ChartCtx) {
    if !cx.alive.load(Ordering::Relaxed) {
        return;
    }
    let (Some(frame_el), Some(rows_el), Some(axis_el)) = (
        cx.frame.get_untracked(),
        cx.rows.get_untracked(),
        cx.axis.get_untracked(),
    ) else {
        return;
    };
    let Some((s, e)) = cx.st.view.get_untracked() else {
        return;
    };
    let lanes = cx.lanes.get_untracked().0;
    let m = cx.lib.model.get_untracked();
    let c = &m.corr;
    let width = (rows_el.client_width() as f64).max(100.0);
    let span = Span { s, e, width };
    let selected = cx
        .st
        .selected
        .get_untracked()
        .and_then(|id| c.index_of(&id));
    let active = document().active_element();
    let had_focus = active
        .as_ref()
        .is_some_and(|a| a.class_list().contains("tl-mark") && rows_el.contains(Some(a)));

    sync_rows(&rows_el, lanes.len());
    let row_nodes = rows_el.children();
    let placed = paint_lanes(cx, c, &lanes, &row_nodes, span, selected);
    let out = &placed.out;
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&k| (out[k].1.start, out[k].0));

    // Roving focus: the mark holding the focused (or selected) document, else the first
    // in view, is the one Tab reaches.
    let want = cx.focus_doc.get_value().or(selected);
    let holder = want.and_then(|d| placed.mark_of_doc(c, &lanes, d));
    let visible_first = order
        .iter()
        .copied()
        .find(|&k| out[k].2 >= 0.0 && out[k].2 <= width);
    if let Some(k) = holder.or(visible_first) {
        if let Some(b) = placed.button(&row_nodes, k) {
            let _ = b.set_attribute("tabindex", "0");
            if had_focus {
                let _ = b.focus();
            }
        }
    }

    paint_axis(&axis_el, span);

    // A new selection is brought into view once: its lane scrolled to within the lanes'
    // area, and the lanes' area to within the window (a mark below the fold, or hidden in
    // the inner scroll, is not a selection the reader can see).
    let mut revealed = cx.drawn.borrow().revealed;
    if selected != revealed {
        if selected.is_some() {
            // After the page has settled: a new page scrolls to its top first.
            let cx = cx.clone();
            set_timeout(
                move || {
                    if let Some(b) = document()
                        .query_selector(".tl-frame .tl-mark.selected")
                        .ok()
                        .flatten()
                    {
                        reveal(&cx, b.unchecked_ref());
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        revealed = selected;
    }

    if let Some(svg) = cx.arcs.get_untracked() {
        svg.set_inner_html("");
        let links = cx.thread.get_untracked().0;
        if !links.is_empty() {
            let base = rows_el.get_bounding_client_rect();
            let pos = |d: u32| -> Option<(f64, f64)> {
                let b = placed.button(&row_nodes, placed.mark_of_doc(c, &lanes, d)?)?;
                let r = b.get_bounding_client_rect();
                Some((
                    r.left() - base.left() + r.width() / 2.0,
                    r.top() - base.top() + r.height() / 2.0,
                ))
            };
            paint_arcs(&svg, &links, pos);
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
    *cx.drawn.borrow_mut() = Drawn {
        lanes: Some(lanes),
        marks: placed.out,
        order,
        width,
        revealed,
    };
    announce_later(cx, span, in_view);
}

/// Scrolls mark `b` into view: within the lanes' area, then the area within the window.
fn reveal(cx: &ChartCtx, b: &HtmlElement) {
    if let Some(sc) = cx.scroller.get_untracked() {
        let (r, area) = (b.get_bounding_client_rect(), sc.get_bounding_client_rect());
        let margin = 24.0;
        if r.top() < area.top() + margin || r.bottom() > area.bottom() - margin {
            let target = sc.scroll_top() as f64 + (r.top() - area.top()) - area.height() / 3.0;
            sc.set_scroll_top(target.max(0.0) as i32);
        }
    }
    let r = b.get_bounding_client_rect();
    let h = window()
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0);
    // The selection's card rides the bottom of the window (at most 40 % of it): a mark
    // under it is not in view. Centred, a mark is always above it.
    let card_top = document()
        .query_selector(".tl-card")
        .ok()
        .flatten()
        .map_or(h, |c| c.get_bounding_client_rect().top().min(h));
    if r.top() < 0.0 || r.bottom() > card_top {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_behavior(web_sys::ScrollBehavior::Instant);
        b.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// One row a lane: a label and a track, added or removed to match.
fn sync_rows(rows_el: &HtmlElement, lanes: usize) {
    let row_nodes = rows_el.children();
    while row_nodes.length() as usize > lanes {
        if let Some(last) = rows_el.last_element_child() {
            last.remove();
        }
    }
    while (row_nodes.length() as usize) < lanes {
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
}

/// Each lane's label and its marks in view.
fn paint_lanes(
    cx: &ChartCtx,
    c: &Correspondence,
    lanes: &[Lane],
    row_nodes: &HtmlCollection,
    span: Span,
    selected: Option<u32>,
) -> Placed {
    // Counts sit at their bin's middle, so bins wider than a count's bubble never overlap;
    // a single document sits at its own time.
    let min_px = if cx.coarse { 52.0 } else { 36.0 };
    let bin = bin_minutes(span.e - span.s, span.width, min_px);
    let selected_at = selected.and_then(|d| locate(c, lanes, d));
    let mut out: Vec<(usize, Mark, f64)> = Vec::new();
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
        marks(lane, span.s, span.e, bin, &mut buf);
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
                span.x(mk.start as f64)
            } else {
                span.x((mk.start.div_euclid(bin) * bin) as f64 + bin as f64 / 2.0)
            };
            let idx = out.len();
            let (class, label, w) = if mk.count == 1 {
                one_mark(c, lane.docs[mk.first as usize], x, span, selected)
            } else {
                let class = if mk.covers(li, selected_at) {
                    "tl-mark many selected"
                } else {
                    "tl-mark many"
                };
                (class.to_string(), count_label(mk, lane), 0.0)
            };
            b.set_class_name(&class);
            let _ = b.set_attribute("aria-label", &label);
            let _ = b.set_attribute("data-k", &idx.to_string());
            let style = b.style();
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
    Placed { out, lane_first }
}

/// A single document's mark at `x`: its class, its label, and its width (a range of days;
/// 0 for a point).
fn one_mark(
    c: &Correspondence,
    i: u32,
    x: f64,
    span: Span,
    selected: Option<u32>,
) -> (String, String, f64) {
    let d = &c.docs[i as usize];
    let range = d.when.end - d.when.start > 1440;
    let w = if range {
        (span.x(d.when.end as f64) - x).max(10.0)
    } else {
        0.0
    };
    let mut class = format!("tl-mark one {}", certainty::class(d.when.certainty));
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
        c => format!(" ({})", presentation::certainty(c)),
    };
    (
        class,
        format!("{n}{}, {}{cert}", d.title, when::display(&d.when)),
        w,
    )
}

/// "3 documents, July 10 – July 20, 1981, Gromyko ↔ Haig: zoom in".
fn count_label(mk: &Mark, lane: &Lane) -> String {
    let span = if iso_day(mk.start) == iso_day(mk.end) {
        dates::display(&iso_day(mk.start))
    } else {
        format!(
            "{} – {}",
            dates::display(&iso_day(mk.start)),
            dates::display(&iso_day(mk.end))
        )
    };
    format!(
        "{}, {span}, {}: zoom in",
        presentation::count(u64::from(mk.count), "document"),
        lane.label
    )
}

fn paint_axis(axis_el: &HtmlElement, span: Span) {
    let (unit, ticks) = axis::ticks(span.s, span.e, span.width);
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
            .set_property("left", &format!("{:.1}px", span.x(t.at as f64)));
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
}

/// The thread's links as arcs between the marks' centres (`pos`; a link with an end out of
/// view is left out).
fn paint_arcs(
    svg: &web_sys::SvgElement,
    links: &[ThreadLink],
    pos: impl Fn(u32) -> Option<(f64, f64)>,
) {
    let ns = Some("http://www.w3.org/2000/svg");
    for l in links {
        if let (Some((x1, y1)), Some((x2, y2))) = (pos(l.from), pos(l.to)) {
            let lift = ((x1 - x2).abs() / 3.0).clamp(18.0, 90.0);
            let d = format!(
                "M{x1:.1},{y1:.1} Q{:.1},{:.1} {x2:.1},{y2:.1}",
                (x1 + x2) / 2.0,
                y1.min(y2) - lift
            );
            if let Ok(p) = document().create_element_ns(ns, "path") {
                let _ = p.set_attribute("d", &d);
                let _ = p.set_attribute("class", &format!("tl-arc {}", l.relation.as_str()));
                let _ = svg.append_child(&p);
            }
        }
    }
}

/// Announces the range once the view rests (each frame restarts the wait).
fn announce_later(cx: &ChartCtx, span: Span, in_view: u32) {
    if let Some(h) = cx.announce_timer.get_value() {
        h.clear();
    }
    let text = format!(
        "Showing {} to {}: {} in view.",
        dates::display(&iso_day(span.s as i64)),
        dates::display(&iso_day(span.e as i64)),
        presentation::count(u64::from(in_view), "document")
    );
    let announce = cx.announce;
    cx.announce_timer.set_value(
        set_timeout_with_handle(
            move || {
                announce.try_set(text);
            },
            std::time::Duration::from_millis(700),
        )
        .ok(),
    );
}
