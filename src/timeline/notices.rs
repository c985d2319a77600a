//! What the timeline says when it has nothing to draw for the reader's filters: which
//! volumes a shared link needs (and how to open them), or why nothing matches (and how to
//! widen or clear).

use leptos::prelude::*;
use letterbook_core::volumes::volume_label;
use letterbook_core::DocId;

use crate::components::open_files::OpenFiles;
use crate::state::Library;
use crate::timeline::state::{SelRef, TimelineState};

/// After a notice's button removed the notice: the focus goes to the chart.
fn focus_chart() {
    if let Some(f) = document()
        .get_element_by_id("tl-frame")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = f.focus();
    }
}

/// The volumes the view's filters and selection name that are not open; and a person the
/// open documents do not have.
fn needs(lib: &Library, st: &TimelineState) -> (Vec<String>, Option<String>) {
    let m = lib.model.get();
    let c = &m.corr;
    let mut vols: Vec<String> = Vec::new();
    if let Some(v) = st.volume.get() {
        if !c.volumes.contains(&v) {
            vols.push(v);
        }
    }
    // The selected document's volume, when that volume is not open (an open volume that
    // lacks the document is not a volume to open).
    if let Some(id) = st.selected.get() {
        if c.index_of(&id).is_none() {
            if let Some(v) = DocId::parse(&id).and_then(|d| d.volume().map(str::to_string)) {
                if !vols.contains(&v) && !c.volumes.contains(&v) {
                    vols.push(v);
                }
            }
        }
    }
    let person = st.person.get().filter(|k| c.parties.find(k).is_none());
    (vols, person)
}

/// A link made where other volumes were open: what it needs, and the file picker.
#[component]
pub fn LinkNeeds() -> impl IntoView {
    let lib = expect_context::<Library>();
    let st = expect_context::<TimelineState>();
    move || {
        let (vols, person) = needs(&lib, &st);
        if vols.is_empty() && person.is_none() {
            return None;
        }
        let named: Vec<String> = vols
            .iter()
            .map(|v| format!("Foreign Relations, {} ({v}.xml)", volume_label(v)))
            .collect();
        let what = match named.as_slice() {
            [] => String::new(),
            [one] => format!("This view is of {one}, which is not open."),
            [init @ .., last] => format!(
                "This view is of {} and {last}, which are not open.",
                init.join(", ")
            ),
        };
        let who = person.map(|p| {
            format!(" It follows a correspondent (“{p}”) that none of the open documents names.")
        });
        let label = match vols.as_slice() {
            [one] => format!("Open {one}.xml…"),
            _ => "Open the volumes…".to_string(),
        };
        Some(view! {
            <div class="tl-notice tl-needs" role="status">
                <p>
                    {what}{who}
                    " Open the file here or drop it on the page, and the view appears; or "
                    <button type="button" class="tl-notice-action" on:click=move |_| { st.clear(); st.selected.set(None); focus_chart(); }>"clear the filters"</button>
                    "."
                </p>
                {(!crate::kiosk::on()).then(|| view! { <OpenFiles label=label/> })}
            </div>
        })
    }
}

/// Filters that keep nothing: said, with the ways out.
#[component]
pub fn NoneMatch(selection: Memo<SelRef>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let st = expect_context::<TimelineState>();
    move || {
        let sel = selection.get();
        if sel.0.shown() > 0 || sel.0.total == 0 {
            return None;
        }
        // A link that needs what is not open says so itself.
        let (vols, person) = needs(&lib, &st);
        if !vols.is_empty() || person.is_some() {
            return None;
        }
        let dated = st.from.get().is_some() || st.to.get().is_some();
        let others = st.person.get().is_some()
            || st.kind.get().is_some()
            || st.volume.get().is_some()
            || !st.text.get().trim().is_empty();
        let why = match (dated, others) {
            (true, false) => "No document falls between these dates.",
            (true, true) => "No document falls between these dates with these filters.",
            _ => "No document matches these filters.",
        };
        Some(view! {
            <div class="tl-notice tl-none" role="status">
                <p>{why}</p>
                {dated.then(|| view! {
                    <button type="button" class="tl-notice-action" on:click=move |_| { st.from.set(None); st.to.set(None); focus_chart(); }>"Any date"</button>
                })}
                <button type="button" class="tl-notice-action" on:click=move |_| { st.clear(); focus_chart(); }>"Clear filters"</button>
            </div>
        })
    }
}

/// While the site collection's summary is read, or when it cannot be: the timeline shows
/// what is open until then, or only that (a live region there from the start).
#[component]
pub fn SummaryNotice() -> impl IntoView {
    use crate::state::Summary;
    let lib = expect_context::<Library>();
    let text = move || match lib.summary.get() {
        Summary::Loading => Some(
            "Reading this site's collection: all its documents appear in a moment.".to_string(),
        ),
        Summary::Failed(why) => Some(format!(
            "Only what is open is shown: this site's collection summary cannot be read ({why})."
        )),
        _ => None,
    };
    view! { <p class="tl-summary" role="status">{text}</p> }
}
