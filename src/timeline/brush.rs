//! The date-range brush over the whole collection's years.

use leptos::prelude::*;
use letterbook_core::correspondence::when::{iso_day, Minute};

use crate::state::Library;
use crate::timeline::state::TimelineState;

/// The date-range brush: the density of the whole collection over its years; dragging
/// across it sets the From/To filter (the date fields are its keyboard equivalent).
#[component]
pub fn Brush() -> impl IntoView {
    const BARS: usize = 120;
    let lib = expect_context::<Library>();
    let st = expect_context::<TimelineState>();
    let strip = NodeRef::<leptos::html::Div>::new();
    // The span of every placed document, and how many fall in each bar.
    let density = Memo::new(move |_| {
        let m = lib.model.get();
        let c = &m.corr;
        let (Some(&a), Some(&b)) = (c.by_time.first(), c.by_time.last()) else {
            return None;
        };
        let (a, b) = (
            c.docs[a as usize].when.start,
            c.docs[b as usize].when.start + 1440,
        );
        let mut bars = vec![0u32; BARS];
        for &i in &c.by_time {
            let t = c.docs[i as usize].when.start;
            let k = (((t - a) as f64 / (b - a) as f64) * BARS as f64) as usize;
            bars[k.min(BARS - 1)] += 1;
        }
        Some((a, b, bars))
    });
    let drag = StoredValue::new(None::<f64>);
    let live = RwSignal::new(None::<(f64, f64)>);
    let at = move |x: f64| -> Option<f64> {
        let r = strip.get_untracked()?.get_bounding_client_rect();
        Some(((x - r.left()) / r.width().max(1.0)).clamp(0.0, 1.0))
    };
    let to_minute = move |f: f64| {
        density.with_untracked(|d| {
            d.as_ref()
                .map(|(a, b, _)| *a + ((b - a) as f64 * f) as Minute)
        })
    };
    let selected = move || {
        if let Some(l) = live.get() {
            return Some(l);
        }
        let (a, b, _) = density.get()?;
        let span = (b - a) as f64;
        let from = st
            .from
            .get()
            .map(|f| ((f - a) as f64 / span).clamp(0.0, 1.0));
        let to = st.to.get().map(|t| ((t - a) as f64 / span).clamp(0.0, 1.0));
        (from.is_some() || to.is_some()).then(|| (from.unwrap_or(0.0), to.unwrap_or(1.0)))
    };
    // The chart's view on the strip: where it sits among the years; dragged, it pans.
    let pan = StoredValue::new(None::<(f64, (f64, f64))>);
    let window_at = move || {
        let (a, b, _) = density.get()?;
        let (s, e) = st.view.get()?;
        let span = (b - a) as f64;
        let x = ((s - a as f64) / span).clamp(0.0, 1.0);
        let y = ((e - a as f64) / span).clamp(0.0, 1.0);
        // A view of everything has nothing to mark.
        (y > x && (x > 0.005 || y < 0.995)).then_some((x, y))
    };
    let on_window = |ev: &web_sys::PointerEvent| {
        use wasm_bindgen::JsCast;
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".tl-brush-window").ok().flatten())
            .is_some()
    };
    view! {
        {move || density.get().map(|(a, b, bars)| {
            let max = bars.iter().copied().max().unwrap_or(1).max(1) as f64;
            let years = format!("{} – {}", &iso_day(a)[..4], &iso_day(b)[..4]);
            view! {
                <div class="tl-brush" aria-hidden="true" node_ref=strip title="Drag across the years to choose a date range"
                    on:pointerdown=move |ev| {
                        if ev.button() != 0 {
                            return;
                        }
                        let Some(f) = at(ev.client_x() as f64) else { return };
                        if let Some(s) = strip.get_untracked() {
                            let _ = s.set_pointer_capture(ev.pointer_id());
                        }
                        if on_window(&ev) {
                            if let Some(v) = st.view.get_untracked() {
                                pan.set_value(Some((f, v)));
                            }
                            return;
                        }
                        drag.set_value(Some(f));
                        live.set(Some((f, f)));
                    }
                    on:pointermove=move |ev| {
                        // The button was let go where we did not hear it (a menu, a re-render).
                        if ev.buttons() & 1 == 0 {
                            pan.set_value(None);
                            if drag.get_value().is_some() {
                                drag.set_value(None);
                                live.set(None);
                            }
                            return;
                        }
                        let Some(f) = at(ev.client_x() as f64) else { return };
                        if let Some((f0, (s, e))) = pan.get_value() {
                            let shift = (f - f0) * (b - a) as f64;
                            st.view.set(Some((s + shift, e + shift)));
                        } else if let Some(start) = drag.get_value() {
                            live.set(Some((start.min(f), start.max(f))));
                        }
                    }
                    on:pointercancel=move |_| {
                        pan.set_value(None);
                        drag.set_value(None);
                        live.set(None);
                    }
                    on:pointerup=move |_| {
                        if pan.get_value().is_some() {
                            pan.set_value(None);
                            return;
                        }
                        if let (Some(_), Some((x, y))) = (drag.get_value(), live.get_untracked()) {
                            if y - x > 0.002 {
                                st.from.set(to_minute(x));
                                st.to.set(to_minute(y));
                            }
                        }
                        drag.set_value(None);
                        live.set(None);
                    }>
                    {bars.into_iter().map(|n| {
                        let h = if n == 0 { 0.0 } else { 12.0 + 88.0 * (n as f64).ln_1p() / max.ln_1p() };
                        view! { <span class="tl-bar" style:height=format!("{h:.0}%")></span> }
                    }).collect_view()}
                    {move || selected().map(|(x, y)| view! {
                        <span class="tl-brush-range" style:left=format!("{:.2}%", x * 100.0) style:width=format!("{:.2}%", (y - x) * 100.0)></span>
                    })}
                    {move || window_at().map(|(x, y)| view! {
                        <span class="tl-brush-window" title="The chart's view: drag it to move in time"
                            style:left=format!("{:.2}%", x * 100.0) style:width=format!("{:.2}%", (y - x) * 100.0)></span>
                    })}
                    <span class="tl-brush-years">{years}</span>
                </div>
            }
        })}
    }
}
