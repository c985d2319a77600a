//! The filters above the timeline: person (a type-ahead over the correspondents), kind,
//! volume, dates and words (searched for, as search does); each writes one of the state's
//! signals.

use leptos::prelude::*;
use letterbook_core::correspondence::when::{iso_day, parse_day, Minute};
use letterbook_core::presentation;
use letterbook_core::timeline::query::{kind_named, KINDS};
use letterbook_core::volumes::volume_label;

use crate::state::Library;
use crate::timeline::state::TimelineState;

#[component]
pub fn Filters() -> impl IntoView {
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
    // Why the field does not filter by what was typed (no such correspondent).
    let person_note = RwSignal::new(String::new());
    // The text the filter itself last put in the field.
    let written = StoredValue::new(None::<String>);
    // Show the chosen person's label (from the URL too); cleared with the filter, unless
    // the reader is typing another name (which is what cleared it).
    Effect::new(move |_| match st.person.get() {
        Some(k) => {
            // A link's person that nothing open names shows as the link gives it.
            let shown = people
                .with(|p| p.iter().find(|x| x.0 == k).map(|x| x.1.clone()))
                .unwrap_or(k);
            written.set_value(Some(shown.clone()));
            person_text.set(shown);
        }
        None => {
            // What the filter put there goes with it (a label, or a link's key).
            let shown = person_text.get_untracked();
            if people.with_untracked(|p| p.iter().any(|x| x.1 == shown))
                || written.get_value().as_deref() == Some(shown.as_str())
            {
                person_text.set(String::new());
            }
        }
    });
    // "Clear filters" empties the field whatever it holds, and its note.
    Effect::new(move |first: Option<()>| {
        st.cleared.track();
        if first.is_some() {
            person_text.set(String::new());
            person_note.set(String::new());
        }
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
        person_note.set(String::new());
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
        match key {
            Some(k) => st.person.set(Some(k)),
            // The field never shows a name that does not filter: it is emptied, and says why.
            None => {
                st.person.set(None);
                person_text.set(String::new());
                person_note.set(format!(
                    "No correspondent is named “{t}”: pick a name from the list."
                ));
            }
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
            <div class="tl-person">
            <label>
                <span>"Person"</span>
                <input type="search" list="tl-people" autocomplete="off" placeholder="Type a name"
                    aria-describedby="tl-person-note"
                    prop:value=move || person_text.get()
                    on:change=move |ev| choose_person(event_target_value(&ev))
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        // A pick from the list arrives as input with an exact label.
                        if people.with(|p| p.iter().any(|x| x.1 == v)) || v.is_empty() {
                            choose_person(v);
                        } else {
                            // Another name is being typed: the old one no longer filters.
                            person_text.set(v);
                            person_note.set(String::new());
                            if st.person.get_untracked().is_some() {
                                st.person.set(None);
                            }
                        }
                    }/>

                <datalist id="tl-people">
                    {move || people.get().into_iter().take(800).map(|(_, label, n)| view! {
                        <option value=label.clone()>{presentation::count(n as u64, "document")}</option>
                    }).collect_view()}
                </datalist>
            </label>
            <span id="tl-person-note" class="tl-person-note" role="status">{move || person_note.get()}</span>
            </div>
            <label>
                <span>"Kind"</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    st.kind.set(kind_named(&v));
                }>
                    <option value="" selected=move || st.kind.get().is_none()>"All kinds"</option>
                    {move || kinds().into_iter().map(|k| view! {
                        <option value=k.as_str() selected=move || st.kind.get() == Some(k)>{presentation::kind(k)}</option>
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
                    // A link's volume that is not open still shows as what filters.
                    {move || st.volume.get().filter(|v| !volumes().contains(v)).map(|v| view! {
                        <option value=v.clone() selected=true>{format!("{} (not open)", volume_label(&v))}</option>
                    })}
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
                <span>"Words"</span>
                <input type="search" placeholder="Words, \"a phrase\", -not, in:heading" prop:value=move || st.text.get()
                    on:change=move |ev| st.text.set(event_target_value(&ev))/>
            </label>
            <button type="button" class="tl-clear" on:click=move |_| st.clear()>"Clear filters"</button>
        </form>
        </details>
    }
}
