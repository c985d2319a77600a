//! The timeline's state: what the reader chose, one signal each, taken from the URL's
//! query and written back to it through the core's `TimelineQuery`.

use leptos::prelude::*;
use letterbook_core::correspondence::when::Minute;
use letterbook_core::timeline::{Filter, Lane, LaneMode, Selection, TimelineQuery};
use letterbook_core::Kind;

use crate::arc_eq::ArcEq;
use crate::state::Model;

/// The filtered selection (a memo's value, compared by identity).
pub type SelRef = ArcEq<Selection>;
/// The selection's lanes (a memo's value, compared by identity).
pub type LanesRef = ArcEq<Vec<Lane>>;

/// The timeline's state: what the reader chose.
#[derive(Clone, Copy)]
pub struct TimelineState {
    pub mode: RwSignal<LaneMode>,
    pub person: RwSignal<Option<String>>,
    pub kind: RwSignal<Option<Kind>>,
    pub volume: RwSignal<Option<String>>,
    pub from: RwSignal<Option<Minute>>,
    pub to: RwSignal<Option<Minute>>,
    /// The words searched for (full text, the search language).
    pub text: RwSignal<String>,
    /// Search's sender and recipient facets (party keys), and its order: kept in the URL,
    /// so that "Search" and "Show in timeline" carry the same query back and forth.
    pub sender: RwSignal<Option<String>>,
    pub recipient: RwSignal<Option<String>>,
    pub sort: RwSignal<Option<String>>,
    /// The selected document's id.
    pub selected: RwSignal<Option<String>>,
    /// The visible span in minutes (`None` until fitted to the data).
    pub view: RwSignal<Option<(f64, f64)>>,
    pub list: RwSignal<bool>,
    pub lane_limit: RwSignal<usize>,
    /// Counts "Clear filters": a field holding half-typed text clears with the filters.
    pub cleared: RwSignal<u32>,
}

impl TimelineState {
    pub fn new(q: &TimelineQuery) -> Self {
        let st = TimelineState {
            mode: RwSignal::new(LaneMode::default()),
            person: RwSignal::new(None),
            kind: RwSignal::new(None),
            volume: RwSignal::new(None),
            from: RwSignal::new(None),
            to: RwSignal::new(None),
            text: RwSignal::new(String::new()),
            sender: RwSignal::new(None),
            recipient: RwSignal::new(None),
            sort: RwSignal::new(None),
            selected: RwSignal::new(None),
            view: RwSignal::new(None),
            list: RwSignal::new(false),
            lane_limit: RwSignal::new(12),
            cleared: RwSignal::new(0),
        };
        st.apply(q);
        st
    }

    /// Takes the state from a URL's query (a link, Back, a reload); unchanged values are
    /// left alone so nothing redraws for nothing.
    pub fn apply(&self, q: &TimelineQuery) {
        fn put<T: PartialEq + Send + Sync + 'static>(s: RwSignal<T>, v: T) {
            if s.with_untracked(|x| *x != v) {
                s.set(v);
            }
        }
        put(self.mode, q.mode);
        put(self.person, q.person.clone());
        put(self.kind, q.kind);
        put(self.volume, q.volume.clone());
        put(self.from, q.from);
        put(self.to, q.to);
        put(self.text, q.text.clone());
        put(self.sender, q.sender.clone());
        put(self.recipient, q.recipient.clone());
        put(self.sort, q.sort.clone());
        put(self.selected, q.selected.clone());
        // A URL without a view keeps the one shown (it was fitted to the data).
        if let Some(v) = q.view {
            put(self.view, Some(v));
        }
        put(self.list, q.list);
    }

    /// The query of this state (tracked: an effect reading it reruns on every change).
    pub fn query(&self) -> TimelineQuery {
        TimelineQuery {
            mode: self.mode.get(),
            person: self.person.get(),
            kind: self.kind.get(),
            volume: self.volume.get(),
            from: self.from.get(),
            to: self.to.get(),
            text: self.text.get(),
            sender: self.sender.get(),
            recipient: self.recipient.get(),
            sort: self.sort.get(),
            selected: self.selected.get(),
            view: self.view.get(),
            list: self.list.get(),
        }
    }

    /// The URL of this state.
    pub fn href(&self) -> String {
        crate::urls::Route::Timeline(self.query()).href()
    }

    pub fn filter(&self, m: &Model) -> Filter {
        let c = &m.corr;
        Filter {
            person: self.person.get().and_then(|k| c.parties.find(&k)),
            kind: self.kind.get(),
            volume: self
                .volume
                .get()
                .and_then(|v| c.volumes.iter().position(|x| *x == v).map(|i| i as u16)),
            from: self.from.get(),
            to: self.to.get(),
        }
    }

    /// What search must find for the timeline: its words and search's own facets (the
    /// other filters the timeline applies itself); `None` when there are none.
    pub fn searched(&self) -> Option<TimelineQuery> {
        let (text, sender, recipient) = (self.text.get(), self.sender.get(), self.recipient.get());
        (!text.trim().is_empty() || sender.is_some() || recipient.is_some()).then(|| {
            TimelineQuery {
                text,
                sender,
                recipient,
                ..Default::default()
            }
        })
    }

    pub fn clear(&self) {
        self.person.set(None);
        self.kind.set(None);
        self.volume.set(None);
        self.from.set(None);
        self.to.set(None);
        self.text.set(String::new());
        self.sender.set(None);
        self.recipient.set(None);
        self.cleared.update(|n| *n += 1);
    }
}
