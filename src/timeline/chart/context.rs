//! What the chart's painter and its pointer and keyboard handlers share: the state and the
//! elements drawn into, what the last frame drew, and the moves both pointer and keys make
//! (set the view, zoom into a count, select a mark).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use letterbook_core::correspondence::ThreadLink;
use letterbook_core::timeline::view::{fit, MIN_SPAN};
use letterbook_core::timeline::{Lane, Mark};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::arc_eq::ArcEq;
use crate::state::{doc_href, Library};
use crate::timeline::state::{LanesRef, SelRef, TimelineState};

/// The selected document's thread links (a memo's value, compared by identity).
pub type ThreadRef = ArcEq<Vec<ThreadLink>>;

/// What the last frame drew, for the event handlers.
#[derive(Default)]
pub struct Drawn {
    pub lanes: Option<Arc<Vec<Lane>>>,
    /// (lane, mark, x in px), in the order of the elements.
    pub marks: Vec<(usize, Mark, f64)>,
    /// Indices into `marks` in date order (then lane).
    pub order: Vec<usize>,
    pub width: f64,
    /// The selected document the last frame brought into view (done once a selection).
    pub revealed: Option<u32>,
}

impl Drawn {
    pub fn docs(&self, k: usize) -> &[u32] {
        let (l, m, _) = self.marks[k];
        let lanes = self.lanes.as_ref().expect("drawn");
        &lanes[l].docs[m.first as usize..(m.first + m.count) as usize]
    }
}

/// The router's `navigate`, kept from the component's setup for the handlers.
pub type Navigate = Rc<dyn Fn(&str, NavigateOptions)>;

/// The chart's handles; cloned into every handler (all but `drawn` and `navigate` are
/// copies of arena handles).
#[derive(Clone)]
pub struct ChartCtx {
    pub lib: Library,
    pub st: TimelineState,
    pub selection: Memo<SelRef>,
    pub lanes: Memo<LanesRef>,
    pub thread: Memo<ThreadRef>,
    pub frame: NodeRef<html::Div>,
    pub axis: NodeRef<html::Div>,
    pub rows: NodeRef<html::Div>,
    /// The lanes' scrolling area: the rows and the arcs scroll in it together.
    pub scroller: NodeRef<html::Div>,
    pub arcs: NodeRef<leptos::svg::Svg>,
    pub drawn: Rc<RefCell<Drawn>>,
    /// The screen reader's summary of the view, set once it rests.
    pub announce: RwSignal<String>,
    pub announce_timer: StoredValue<Option<TimeoutHandle>>,
    /// The document whose mark keeps the focus across redraws.
    pub focus_doc: StoredValue<Option<u32>>,
    /// Frames and timers may fire after the page is left: they check this first.
    pub alive: Arc<AtomicBool>,
    /// A touch screen: counts need bigger bubbles.
    pub coarse: bool,
    pub navigate: Navigate,
}

impl ChartCtx {
    pub fn set_view(&self, v: (f64, f64)) {
        self.st.view.set(Some(v));
    }

    pub fn view_now(&self) -> (f64, f64) {
        self.st.view.get_untracked().unwrap_or((0.0, 1.0))
    }

    /// Where a pointer is across the tracks, 0 (left) to 1 (right).
    pub fn fraction_at(&self, client_x: f64) -> f64 {
        self.rows
            .get_untracked()
            .map(|r| {
                let b = r.get_bounding_client_rect();
                ((client_x - b.left()) / b.width().max(1.0)).clamp(0.0, 1.0)
            })
            .unwrap_or(0.5)
    }

    pub fn fit_all(&self) {
        let m = self.lib.model.get_untracked();
        if let Some(v) = fit(&m.corr, &self.selection.get_untracked().0.placed) {
            self.set_view(v);
        }
    }

    /// Zooms to the days of drawn mark `k` (a count), with a margin.
    pub fn zoom_into(&self, k: usize) {
        let d = self.drawn.borrow();
        let (_, mk, _) = d.marks[k];
        let (a, b) = (mk.start as f64, mk.end as f64);
        let pad = ((b - a) * 0.15).max(MIN_SPAN);
        self.set_view((a - pad, b + pad));
    }

    /// A document's mark selects it (or, with `open`, opens it); a count zooms into its
    /// days.
    pub fn select_mark(&self, k: usize, open: bool) {
        let docs: Vec<u32> = self.drawn.borrow().docs(k).to_vec();
        if docs.len() == 1 {
            let m = self.lib.model.get_untracked();
            let id = m.corr.docs[docs[0] as usize].id.clone();
            self.focus_doc.set_value(Some(docs[0]));
            if open {
                (self.navigate)(&doc_href(&id, None), Default::default());
            } else {
                self.st.selected.set(Some(id));
            }
        } else {
            self.focus_doc.set_value(docs.first().copied());
            self.zoom_into(k);
        }
    }
}

/// The mark an event happened on: its button and its index in [`Drawn::marks`].
pub fn mark_of(ev: &web_sys::Event) -> Option<(HtmlElement, usize)> {
    let t: Element = ev.target()?.dyn_into().ok()?;
    let b = t.closest(".tl-mark").ok()??;
    let k = b.get_attribute("data-k")?.parse().ok()?;
    Some((b.unchecked_into(), k))
}
