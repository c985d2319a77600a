//! A person or term in the text: a button that opens the popover with what the volume
//! says of them (see `components::people`), numbered in the order the view renders them.

use leptos::prelude::*;
use letterbook_core::{plain_text, Inline, Walk};

use super::{inlines_view, InlineCtx};
use crate::components::popover::{Pop, Popover};
use crate::urls::ids;

/// One person or term span as rendered.
#[derive(Debug, Clone)]
pub struct EntityRef {
    pub person: bool,
    pub id: Option<String>,
    pub inlines: Vec<Inline>,
}

/// The spans of one document view, so a popover can say which one it belongs to.
#[derive(Clone, Copy)]
pub struct SpanRegistry {
    list: StoredValue<Vec<EntityRef>>,
}

impl SpanRegistry {
    pub fn new() -> Self {
        SpanRegistry {
            list: StoredValue::new(Vec::new()),
        }
    }

    fn register(&self, e: EntityRef) -> u32 {
        let mut k = 0;
        self.list.update_value(|l| {
            l.push(e);
            k = l.len() as u32;
        });
        k
    }

    /// The `k`-th span (1-based, as in [`Pop::Entity`]).
    pub fn get(&self, k: u32) -> Option<EntityRef> {
        self.list
            .with_value(|l| l.get((k as usize).checked_sub(1)?).cloned())
    }
}

impl Default for SpanRegistry {
    fn default() -> Self {
        Self::new()
    }
}

/// A button when it can say something, else a styled span.
pub fn entity_view(person: bool, id: Option<&str>, inlines: &[Inline], ctx: &InlineCtx) -> AnyView {
    let class = if person { "person" } else { "term" };
    let inner = inlines_view(inlines, ctx);
    // Buttons cannot hold buttons: a span with a footnote marker inside stays a span.
    let nested = Walk::new(inlines).any(|i| matches!(i, Inline::Note(_) | Inline::Ref(_)));
    let (Some(spans), Some(popover), false, false) = (
        use_context::<SpanRegistry>(),
        use_context::<Popover>(),
        nested,
        !ctx.markers,
    ) else {
        return view! { <span class=class>{inner}</span> }.into_any();
    };
    let text = plain_text(inlines);
    let k = spans.register(EntityRef {
        person,
        id: id.map(str::to_string),
        inlines: inlines.to_vec(),
    });
    let pop = Pop::Entity(k);
    let label = if person {
        format!("{text}: about this person")
    } else {
        format!("{text}: about this term")
    };
    view! {
        <button
            type="button"
            class=format!("entity {class}")
            id=ids::entity(k)
            aria-label=label
            aria-haspopup="dialog"
            aria-controls=ids::POPOVER
            aria-expanded=move || popover.open.get().is_some_and(|o| o.pop == pop && o.pinned).to_string()
            on:click=popover.on_click(pop)
            on:pointerenter=popover.on_pointer_enter(pop)
            on:pointerleave=popover.on_pointer_leave()
        >
            {inner}
        </button>
    }
    .into_any()
}
