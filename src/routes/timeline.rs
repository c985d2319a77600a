//! `/timeline`: every open document in time. The filters, lane choice, view and selection
//! live in signals mirrored to the URL (`?lane=pair&person=haig|a&kind=letter&vol=…&from=
//! 1981-07-01&to=…&q=…&sel=<id>&at=<start>~<end>&view=list`), so a reload or a shared link
//! shows the same thing.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use letterbook_core::correspondence::when::{self, iso_day, parse_day, Minute};
use letterbook_core::timeline::{self, Filter, Lane, LaneMode, Selection};
use letterbook_core::volumes::volume_label;
use letterbook_core::Kind;

use crate::components::timeline::{parse_at, Chart};
use crate::state::{doc_href, Library, Model};

pub const KINDS: [Kind; 13] = [
    Kind::Letter,
    Kind::Telegram,
    Kind::Memorandum,
    Kind::MemorandumOfConversation,
    Kind::Minutes,
    Kind::EditorialNote,
    Kind::Note,
    Kind::Message,
    Kind::Despatch,
    Kind::Instruction,
    Kind::Report,
    Kind::Paper,
    Kind::Other,
];

pub fn timeline_href_for(id: &str) -> String {
    format!("/timeline?sel={}", encode(id))
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .map(String::from)
        .unwrap_or_else(|_| s.to_string())
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The timeline's state: what the reader chose.
#[derive(Clone, Copy)]
pub struct TimelineState {
    pub mode: RwSignal<LaneMode>,
    pub person: RwSignal<Option<String>>,
    pub kind: RwSignal<Option<Kind>>,
    pub volume: RwSignal<Option<String>>,
    pub from: RwSignal<Option<Minute>>,
    pub to: RwSignal<Option<Minute>>,
    pub text: RwSignal<String>,
    /// The selected document's id.
    pub selected: RwSignal<Option<String>>,
    /// The visible span in minutes (`None` until fitted to the data).
    pub view: RwSignal<Option<(f64, f64)>>,
    pub list: RwSignal<bool>,
    pub lane_limit: RwSignal<usize>,
}

#[derive(Clone)]
pub struct SelRef(pub Arc<Selection>);
impl PartialEq for SelRef {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.0, &o.0)
    }
}

#[derive(Clone)]
pub struct LanesRef(pub Arc<Vec<Lane>>);
impl PartialEq for LanesRef {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.0, &o.0)
    }
}

impl TimelineState {
    fn from_query(q: &leptos_router::params::ParamsMap) -> Self {
        let st = TimelineState {
            mode: RwSignal::new(LaneMode::default()),
            person: RwSignal::new(None),
            kind: RwSignal::new(None),
            volume: RwSignal::new(None),
            from: RwSignal::new(None),
            to: RwSignal::new(None),
            text: RwSignal::new(String::new()),
            selected: RwSignal::new(None),
            view: RwSignal::new(None),
            list: RwSignal::new(false),
            lane_limit: RwSignal::new(12),
        };
        st.apply(q);
        st
    }

    /// Takes the state from a URL's query (a link, Back, a reload); unchanged values are
    /// left alone so nothing redraws for nothing.
    fn apply(&self, q: &leptos_router::params::ParamsMap) {
        fn put<T: PartialEq + Send + Sync + 'static>(s: RwSignal<T>, v: T) {
            if s.with_untracked(|x| *x != v) {
                s.set(v);
            }
        }
        let get = |k: &str| q.get(k).filter(|v| !v.is_empty());
        put(
            self.mode,
            get("lane")
                .and_then(|l| LaneMode::parse(&l))
                .unwrap_or_default(),
        );
        put(self.person, get("person"));
        put(
            self.kind,
            get("kind").and_then(|k| KINDS.into_iter().find(|x| x.as_str() == k)),
        );
        put(self.volume, get("vol"));
        put(self.from, get("from").and_then(|d| parse_day(&d)));
        put(
            self.to,
            get("to").and_then(|d| parse_day(&d)).map(|m| m + 1439),
        );
        put(self.text, get("q").unwrap_or_default());
        put(self.selected, get("sel"));
        if let Some(v) = get("at").and_then(|a| parse_at(&a)) {
            put(self.view, Some(v));
        }
        put(self.list, get("view").as_deref() == Some("list"));
    }

    /// The URL of this state.
    pub fn href(&self) -> String {
        let mut q: Vec<(String, String)> = Vec::new();
        let mode = self.mode.get();
        if mode != LaneMode::Pair {
            q.push(("lane".into(), mode.as_str().into()));
        }
        if let Some(p) = self.person.get() {
            q.push(("person".into(), p));
        }
        if let Some(k) = self.kind.get() {
            q.push(("kind".into(), k.as_str().into()));
        }
        if let Some(v) = self.volume.get() {
            q.push(("vol".into(), v));
        }
        if let Some(f) = self.from.get() {
            q.push(("from".into(), iso_day(f)));
        }
        if let Some(t) = self.to.get() {
            q.push(("to".into(), iso_day(t)));
        }
        let text = self.text.get();
        if !text.trim().is_empty() {
            q.push(("q".into(), text));
        }
        if let Some(s) = self.selected.get() {
            q.push(("sel".into(), s));
        }
        if let Some((a, b)) = self.view.get() {
            q.push(("at".into(), crate::components::timeline::format_at(a, b)));
        }
        if self.list.get() {
            q.push(("view".into(), "list".into()));
        }
        let qs: Vec<String> = q
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        if qs.is_empty() {
            "/timeline".into()
        } else {
            format!("/timeline?{}", qs.join("&"))
        }
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
            text: self.text.get(),
        }
    }

    fn clear(&self) {
        self.person.set(None);
        self.kind.set(None);
        self.volume.set(None);
        self.from.set(None);
        self.to.set(None);
        self.text.set(String::new());
    }
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let lib = expect_context::<Library>();
    let query = use_query_map();
    let st = TimelineState::from_query(&query.get_untracked());
    provide_context(st);
    Effect::new(move |_| document().set_title("Timeline · Letterbook"));

    // Mirror the state to the URL; the view only after it rests (a pan is many frames).
    let navigate = use_navigate();
    let last = StoredValue::new(String::new());
    let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    Effect::new(move |_| {
        let href = st.href();
        if last.get_value() == href {
            return;
        }
        last.set_value(href.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let navigate = navigate.clone();
        let h = set_timeout_with_handle(
            move || {
                // Not after the page was left (the timer outlives it).
                if window().location().pathname().ok().as_deref() == Some("/timeline") {
                    navigate(
                        &href,
                        leptos_router::NavigateOptions {
                            replace: true,
                            scroll: false,
                            ..Default::default()
                        },
                    );
                }
            },
            std::time::Duration::from_millis(250),
        )
        .ok();
        pending.set_value(h);
    });

    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
    // A URL we did not write (a link to another selection, Back/Forward) is applied.
    Effect::new(move |_| {
        let q = query.get();
        let loc = window().location();
        let now = format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        );
        if decode(&now) != decode(&last.get_value()) {
            st.apply(&q);
        }
    });
    let selection = Memo::new(move |_| {
        let m = lib.model.get();
        let f = st.filter(&m);
        SelRef(Arc::new(timeline::select(&m.corr, &f, &m.titles)))
    });
    let lanes = Memo::new(move |_| {
        let m = lib.model.get();
        let sel = selection.get();
        LanesRef(Arc::new(timeline::lanes(
            &m.corr,
            &sel.0,
            st.mode.get(),
            st.lane_limit.get(),
            &|v| volume_label(v),
        )))
    });

    let count = move || {
        let s = selection.get();
        let (shown, total) = (s.0.shown(), s.0.total);
        let undated = s.0.undated.len();
        let mut t = format!(
            "Showing {} of {} documents",
            thousands(shown),
            thousands(total)
        );
        if undated > 0 {
            t.push_str(&format!(" ({} undated)", thousands(undated)));
        }
        t
    };
    let empty = move || lib.model.with(|m| m.corr.docs.is_empty());

    view! {
        <section class="timeline-page" aria-labelledby="tl-title">
            <header class="tl-head">
                <h1 id="tl-title">"Timeline of the correspondence"</h1>
                <p class="tl-count" id="tl-count">{count}</p>
            </header>
            <Filters/>
            <div class="tl-switch" role="group" aria-label="Show as">
                <button type="button" aria-pressed=move || (!st.list.get()).to_string()
                    on:click=move |_| st.list.set(false)>"Timeline"</button>
                <button type="button" aria-pressed=move || st.list.get().to_string()
                    on:click=move |_| st.list.set(true)>"List"</button>
                <label class="tl-lanes-choice">
                    "Lanes by "
                    <select on:change=move |ev| {
                        if let Some(m) = LaneMode::parse(&event_target_value(&ev)) {
                            st.mode.set(m);
                        }
                    }>
                        {LaneMode::ALL.into_iter().map(|m| view! {
                            <option value=m.as_str() selected=move || st.mode.get() == m>{m.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Show when=move || !empty() fallback=|| view! {
                <p class="tl-empty">"Nothing is open yet. Open a volume or a page text in the "<a href="/">"library"</a>"."</p>
            }>
                <Brush/>
                <Show when=move || !st.list.get() fallback=move || view! { <ListView selection=selection/> }>
                    <Chart selection=selection lanes=lanes/>
                    <MoreLanes lanes=lanes/>
                </Show>
                <Card/>
                <Undated selection=selection/>
            </Show>
        </section>
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[component]
fn MoreLanes(lanes: Memo<LanesRef>) -> impl IntoView {
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

#[component]
fn Filters() -> impl IntoView {
    let lib = expect_context::<Library>();
    let st = expect_context::<TimelineState>();
    // Correspondents for the type-ahead, most documents first.
    let people = Memo::new(move |_| {
        let m = lib.model.get();
        let mut v: Vec<(String, String, u32)> = m
            .corr
            .parties
            .records
            .iter()
            .filter(|r| r.documents > 0)
            .map(|r| {
                let label = match &r.full_name {
                    Some(f) if f != &r.label => format!("{} ({f})", r.label),
                    _ => r.label.clone(),
                };
                (r.key.clone(), label, r.documents)
            })
            .collect();
        v.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
        v
    });
    let person_text = RwSignal::new(String::new());
    // Show the chosen person's label (from the URL too); cleared with the filter.
    Effect::new(move |_| match st.person.get() {
        Some(k) => {
            if let Some(l) = people.with(|p| p.iter().find(|x| x.0 == k).map(|x| x.1.clone())) {
                person_text.set(l);
            }
        }
        None => person_text.set(String::new()),
    });
    // Open on wide screens; on a phone the chart comes first.
    let wide = window()
        .match_media("(min-width: 48rem)")
        .ok()
        .flatten()
        .is_some_and(|q| q.matches());
    let active = move || {
        [
            st.person.get().is_some(),
            st.kind.get().is_some(),
            st.volume.get().is_some(),
            st.from.get().is_some() || st.to.get().is_some(),
            !st.text.get().trim().is_empty(),
        ]
        .into_iter()
        .filter(|x| *x)
        .count()
    };
    let choose_person = move |text: String| {
        let t = text.trim().to_string();
        person_text.set(t.clone());
        if t.is_empty() {
            st.person.set(None);
            return;
        }
        let key = people.with(|p| {
            p.iter()
                .find(|x| x.1 == t)
                .or_else(|| {
                    p.iter()
                        .find(|x| x.1.to_lowercase().starts_with(&t.to_lowercase()))
                })
                .map(|x| x.0.clone())
        });
        if key.is_some() {
            st.person.set(key);
        }
    };
    let kinds = move || {
        lib.model.with(|m| {
            KINDS
                .into_iter()
                .filter(|k| m.corr.docs.iter().any(|d| d.kind == *k))
                .collect::<Vec<_>>()
        })
    };
    let volumes = move || lib.model.with(|m| m.corr.volumes.clone());
    let day_value = |m: Option<Minute>| m.map(iso_day).unwrap_or_default();
    view! {
        <details class="tl-filter-box" open=wide>
        <summary>{move || match active() {
            0 => "Filters".to_string(),
            n => format!("Filters ({n} active)"),
        }}</summary>
        <form class="tl-filters" role="search" aria-label="Filter the documents" on:submit=|ev| ev.prevent_default()>
            <label>
                <span>"Person"</span>
                <input type="search" list="tl-people" autocomplete="off" placeholder="Type a name"
                    prop:value=move || person_text.get()
                    on:change=move |ev| choose_person(event_target_value(&ev))
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        // A pick from the list arrives as input with an exact label.
                        if people.with(|p| p.iter().any(|x| x.1 == v)) || v.is_empty() {
                            choose_person(v);
                        } else {
                            person_text.set(v);
                        }
                    }/>
                <datalist id="tl-people">
                    {move || people.get().into_iter().take(800).map(|(_, label, n)| view! {
                        <option value=label.clone()>{format!("{n} documents")}</option>
                    }).collect_view()}
                </datalist>
            </label>
            <label>
                <span>"Kind"</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    st.kind.set(KINDS.into_iter().find(|k| k.as_str() == v));
                }>
                    <option value="" selected=move || st.kind.get().is_none()>"All kinds"</option>
                    {move || kinds().into_iter().map(|k| view! {
                        <option value=k.as_str() selected=move || st.kind.get() == Some(k)>{k.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>"Volume"</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    st.volume.set((!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=move || st.volume.get().is_none()>"All volumes"</option>
                    {move || volumes().into_iter().filter(|v| !v.is_empty()).map(|v| {
                        let v2 = v.clone();
                        view! {
                            <option value=v.clone() selected=move || st.volume.get().as_deref() == Some(v2.as_str())>{volume_label(&v)}</option>
                        }
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>"From"</span>
                <input type="date" prop:value=move || day_value(st.from.get())
                    on:change=move |ev| st.from.set(parse_day(&event_target_value(&ev)))/>
            </label>
            <label>
                <span>"To"</span>
                <input type="date" prop:value=move || day_value(st.to.get())
                    on:change=move |ev| st.to.set(parse_day(&event_target_value(&ev)).map(|m| m + 1439))/>
            </label>
            <label>
                <span>"Heading"</span>
                <input type="search" placeholder="Words in the heading" prop:value=move || st.text.get()
                    on:input=move |ev| st.text.set(event_target_value(&ev))/>
            </label>
            <button type="button" class="tl-clear" on:click=move |_| st.clear()>"Clear filters"</button>
        </form>
        </details>
    }
}

/// The selected document's card.
#[component]
fn Card() -> impl IntoView {
    let lib = expect_context::<Library>();
    let st = expect_context::<TimelineState>();
    move || {
        let id = st.selected.get()?;
        let m = lib.model.get();
        let c = &m.corr;
        let i = c.index_of(&id)?;
        let d = &c.docs[i as usize];
        let route = c.route(i);
        let date = if d.when.certainty.placed() {
            format!(
                "{} ({})",
                when::display(&d.when),
                d.when.certainty.describe()
            )
        } else {
            d.when.certainty.describe()
        };
        let thread: Vec<String> = c
            .thread_entries(i)
            .into_iter()
            .map(|e| format!("{} {}", e.verb, c.label(e.other)))
            .collect();
        let number = d.n.as_ref().map(|n| format!("Document {n}"));
        let href = doc_href(&d.id, None);
        Some(view! {
            <aside class="tl-card" aria-labelledby="tl-card-title" aria-live="polite">
                {number.map(|n| view! { <p class="tl-card-number">{n}</p> })}
                <h2 id="tl-card-title">{d.title.clone()}</h2>
                <p class="tl-card-date">{date}</p>
                {route.map(|r| view! { <p class="tl-card-route">{r}</p> })}
                {(!thread.is_empty()).then(|| view! {
                    <ul class="tl-card-thread">{thread.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                })}
                <a class="tl-card-open" href=href>"Read the document"</a>
                <button type="button" class="tl-card-close" on:click=move |_| st.selected.set(None)>"Close"</button>
            </aside>
        })
    }
}

/// The filtered selection as a list: what screen readers get, and a way to read in order.
#[component]
fn ListView(selection: Memo<SelRef>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let limit = RwSignal::new(300usize);
    move || {
        let s = selection.get();
        let m = lib.model.get();
        let c = &m.corr;
        let n = s.0.placed.len();
        let items =
            s.0.placed
                .iter()
                .take(limit.get())
                .map(|&i| {
                    let d = &c.docs[i as usize];
                    let route = c.route(i).map(|r| format!(" — {r}")).unwrap_or_default();
                    let date = when::display(&d.when);
                    let cls = format!("tl-list-date {}", d.when.certainty.class());
                    let cert = d.when.certainty.describe();
                    let n = d.n.as_ref().map(|n| format!("{n}. ")).unwrap_or_default();
                    view! {
                        <li>
                            <span class=cls title=cert.clone()>{date}</span>
                            " "<a href=doc_href(&d.id, None)>{format!("{n}{}", d.title)}</a>
                            <span class="tl-list-route">{route}</span>
                            <span class="visually-hidden">{format!(" (date {cert})")}</span>
                        </li>
                    }
                })
                .collect_view();
        view! {
            <ol class="tl-list" aria-label="Documents in date order">{items}</ol>
            {(n > limit.get()).then(|| view! {
                <button type="button" class="tl-list-more" on:click=move |_| limit.update(|l| *l += 300)>
                    {format!("Show more ({} not shown)", n - limit.get())}
                </button>
            })}
        }
    }
}

#[component]
fn Undated(selection: Memo<SelRef>) -> impl IntoView {
    let lib = expect_context::<Library>();
    move || {
        let s = selection.get();
        if s.0.undated.is_empty() {
            return None;
        }
        let m = lib.model.get();
        let c = &m.corr;
        let n = s.0.undated.len();
        let items = s
            .0
            .undated
            .iter()
            .take(200)
            .map(|&i| {
                let d = &c.docs[i as usize];
                let label = match &d.n {
                    Some(n) => format!("{n}. {}", d.title),
                    None => d.title.clone(),
                };
                let why = d.when.certainty.describe();
                view! { <li><a href=doc_href(&d.id, None)>{label}</a>" "<span class="tl-undated-why">{format!("({why})")}</span></li> }
            })
            .collect_view();
        Some(view! {
            <details class="tl-undated">
                <summary>{format!("{} undated document{} (not on the axis)", thousands(n), if n == 1 { "" } else { "s" })}</summary>
                <ul>{items}</ul>
                {(n > 200).then(|| view! { <p>{format!("and {} more: see the list view.", n - 200)}</p> })}
            </details>
        })
    }
}

/// The date-range brush: the density of the whole collection over its years; dragging
/// across it sets the From/To filter (the date fields are its keyboard equivalent).
#[component]
fn Brush() -> impl IntoView {
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
    view! {
        {move || density.get().map(|(a, b, bars)| {
            let max = bars.iter().copied().max().unwrap_or(1).max(1) as f64;
            let years = format!("{} – {}", &iso_day(a)[..4], &iso_day(b)[..4]);
            view! {
                <div class="tl-brush" aria-hidden="true" node_ref=strip title="Drag across the years to choose a date range"
                    on:pointerdown=move |ev| {
                        if let Some(f) = at(ev.client_x() as f64) {
                            drag.set_value(Some(f));
                            live.set(Some((f, f)));
                            if let Some(s) = strip.get_untracked() {
                                let _ = s.set_pointer_capture(ev.pointer_id());
                            }
                        }
                    }
                    on:pointermove=move |ev| {
                        if let (Some(start), Some(f)) = (drag.get_value(), at(ev.client_x() as f64)) {
                            live.set(Some((start.min(f), start.max(f))));
                        }
                    }
                    on:pointerup=move |_| {
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
                        view! { <span class="tl-bar" style=format!("height:{h:.0}%")></span> }
                    }).collect_view()}
                    {move || selected().map(|(x, y)| view! {
                        <span class="tl-brush-range" style=format!("left:{:.2}%;width:{:.2}%", x * 100.0, (y - x) * 100.0)></span>
                    })}
                    <span class="tl-brush-years">{years}</span>
                </div>
            }
        })}
    }
}
