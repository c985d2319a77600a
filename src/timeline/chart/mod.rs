//! The timeline chart. Lanes, marks, axis and thread arcs are drawn imperatively into a
//! pool of elements once per animation frame (`paint`): a zoom or pan step touches only
//! the marks in view (aggregated into counts where they would overlap), never the whole
//! selection. Leptos owns the controls around it; the core computes the marks and the
//! view's moves (`timeline::marks`, `timeline::view`).

mod context;
mod gestures;
mod keys;
mod paint;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use letterbook_core::timeline::view::{fit, pan, zoom};

use crate::arc_eq::ArcEq;
use crate::state::Library;
use crate::timeline::state::{LanesRef, SelRef, TimelineState};
use context::{ChartCtx, Drawn};
use gestures::Gestures;

#[component]
pub fn Chart(selection: Memo<SelRef>, lanes: Memo<LanesRef>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let st = expect_context::<TimelineState>();
    let frame = NodeRef::<html::Div>::new();
    let axis_ref = NodeRef::<html::Div>::new();
    let rows = NodeRef::<html::Div>::new();
    let scroller = NodeRef::<html::Div>::new();
    let arcs = NodeRef::<leptos::svg::Svg>::new();
    let drawn: Rc<RefCell<Drawn>> = Rc::default();
    let announce = RwSignal::new(String::new());
    let scheduled = StoredValue::new(false);
    let focus_doc = StoredValue::new(None::<u32>);
    let announce_timer = StoredValue::new(None::<TimeoutHandle>);
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || {
            alive.store(false, Ordering::Relaxed);
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
        ArcEq::new(links)
    });
    let cx = ChartCtx {
        lib,
        st,
        selection,
        lanes,
        thread,
        frame,
        axis: axis_ref,
        rows,
        scroller,
        arcs,
        drawn,
        announce,
        announce_timer,
        focus_doc,
        alive,
        coarse,
        navigate: Rc::new(leptos_router::hooks::use_navigate()),
    };

    // One paint a frame, however many changes came before it.
    let schedule = {
        let cx = cx.clone();
        move || {
            if scheduled.get_value() {
                return;
            }
            scheduled.set_value(true);
            let cx = cx.clone();
            request_animation_frame(move || {
                if scheduled.try_set_value(false).is_none() {
                    paint::paint(&cx);
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

    let gestures = Gestures::new(&cx);
    let button = move |label: &'static str, text: &'static str, f: Rc<dyn Fn()>| {
        view! { <button type="button" class="tl-btn" aria-label=label title=label on:click=move |_| f()>{text}</button> }
    };
    let act = |f: fn(&ChartCtx)| -> Rc<dyn Fn()> {
        let cx = cx.clone();
        Rc::new(move || f(&cx))
    };
    let controls = view! {
        <div class="tl-controls" role="toolbar" aria-label="Zoom and move" aria-controls="tl-frame">
            {button("Zoom in", "+", act(|cx| cx.set_view(zoom(cx.view_now(), 2.0, 0.5))))}
            {button("Zoom out", "−", act(|cx| cx.set_view(zoom(cx.view_now(), 0.5, 0.5))))}
            {button("Earlier", "←", act(|cx| cx.set_view(pan(cx.view_now(), -0.5))))}
            {button("Later", "→", act(|cx| cx.set_view(pan(cx.view_now(), 0.5))))}
            <button type="button" class="tl-btn" on:click={
                let fit_all = act(ChartCtx::fit_all);
                move |_| fit_all()
            }>"Show all"</button>
        </div>
    };
    view! {
        <div class="tl">
            {controls}
            <div id="tl-frame" class="tl-frame" tabindex="0" node_ref=frame role="group"
                aria-roledescription="timeline"
                aria-label="Timeline: + and − zoom, arrow keys move in time, Tab reaches the documents, arrow keys then go from one to the next, Enter opens it"
                aria-describedby="tl-help"
                on:pointerdown=gestures.on_down() on:pointermove=gestures.on_move()
                on:pointerup=gestures.on_up() on:pointercancel=gestures.on_cancel()
                on:wheel=gestures.on_wheel() on:dblclick=gestures.on_dblclick()
                on:click=gestures.on_click() on:keydown=keys::on_keydown(&cx)>
                <div class="tl-axis" node_ref=axis_ref aria-hidden="true"></div>
                // The arcs are drawn in the lanes' own scrolling layer, so they move with them.
                <div class="tl-rows" node_ref=scroller>
                    <div class="tl-lanes" node_ref=rows></div>
                    <svg class="tl-arcs" node_ref=arcs aria-hidden="true" focusable="false"></svg>
                </div>
            </div>
            <p id="tl-help" class="visually-hidden">"The List button above the timeline gives the same documents as a list in date order."</p>
            <p class="visually-hidden" aria-live="polite" role="status">{move || announce.get()}</p>
        </div>
    }
}

/// Below the chart when lanes were grouped: room for twelve more.
#[component]
pub fn MoreLanes(lanes: Memo<LanesRef>) -> impl IntoView {
    let st = expect_context::<TimelineState>();
    move || {
        let l = lanes.get();
        let merged = l.0.last().map_or(0, |x| x.merged);
        (merged > 0).then(|| view! {
            <button type="button" class="tl-more-lanes" on:click=move |_| st.lane_limit.update(|n| *n += 12)>
                {format!("Show more lanes ({merged} are grouped in the last one)")}
            </button>
        })
    }
}
