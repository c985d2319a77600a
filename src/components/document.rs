//! One document, as a reader sees it: heading and particulars, the text, the notes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use letterbook_core::{dates, heading, volumes, Block, BlockKind, Document, Party, Severity};
use wasm_bindgen::JsCast;

use crate::components::footnotes::{marker_id, FootnoteList, FootnotePopover, Notes};
use crate::components::inlines::{inlines_view, InlineCtx};
use crate::state::Library;

fn party_text(p: &Party) -> String {
    match (&p.name, &p.role) {
        (Some(n), Some(r)) => format!("{n} ({r})"),
        _ => heading::short(p).to_string(),
    }
}

fn parties(ps: &[Party]) -> String {
    ps.iter().map(party_text).collect::<Vec<_>>().join("; ")
}

/// "July 21, 1981, from the source note", or why there is no date.
pub fn date_line(doc: &Document) -> (String, Option<String>) {
    match &doc.date {
        Some(d) => (
            format!("{}, {}", dates::display(&d.iso), d.source.describe()),
            Some(format!("As printed: “{}”", d.text)),
        ),
        None => ("Undated (the text gives no date)".to_string(), None),
    }
}

/// Responds to the URL fragment: `#fn2` opens note 2 at its marker, `#fnref2` focuses
/// marker 2, `#pg_222` brings page 222 into view.
fn follow_fragment(notes: Notes, fragment: &str, doc: &Document) {
    let frag = fragment.trim_start_matches('#');
    let scroll_to = |id: &str, focus: bool| {
        if let Some(el) = document().get_element_by_id(id) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            opts.set_behavior(web_sys::ScrollBehavior::Instant);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            if focus {
                if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
    };
    if let Some(n) = frag
        .strip_prefix("fnref")
        .and_then(|n| n.parse::<u32>().ok())
    {
        scroll_to(&marker_id(n), true);
    } else if let Some(n) = frag.strip_prefix("fn").and_then(|n| n.parse::<u32>().ok()) {
        if doc.footnote(n).is_some() && notes.open.get_untracked().is_none_or(|o| o.index != n) {
            scroll_to(&marker_id(n), false);
            notes.open_pinned(n);
        }
    } else if frag.starts_with("pg_") {
        scroll_to(frag, false);
    }
}

#[component]
pub fn DocumentView(doc: Arc<Document>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let notes = Notes::new();
    provide_context(notes);
    let ctx = InlineCtx::new(doc.clone(), lib, true);

    let location = use_location();
    let frag_doc = doc.clone();
    Effect::new(move |_| {
        let hash = location.hash.get();
        let doc = frag_doc.clone();
        // After the document is in the DOM.
        set_timeout(
            move || follow_fragment(notes, &hash, &doc),
            std::time::Duration::ZERO,
        );
    });
    let title = format!(
        "{} — {} · Letterbook",
        doc.n
            .as_ref()
            .map_or_else(|| doc.id.clone(), |n| format!("Document {n}")),
        doc.title
    );
    Effect::new(move |_| document().set_title(&title));

    let volume = doc.volume.as_deref().map(|v| {
        format!(
            "Foreign Relations of the United States, {}",
            volumes::volume_label(v)
        )
    });
    let number = doc.n.as_ref().map(|n| format!("Document {n}"));
    let (date_text, date_title) = date_line(&doc);
    let leading: Vec<AnyView> = doc
        .blocks
        .iter()
        .filter(|b| b.before_head)
        .map(|b| view! { <p class="source-line">{inlines_view(&b.inlines, &ctx)}</p> }.into_any())
        .collect();
    let body: Vec<Block> = doc
        .blocks
        .iter()
        .filter(|b| !b.before_head)
        .cloned()
        .collect();
    let warnings: Vec<String> = doc
        .diagnostics
        .iter()
        .map(|d| {
            let sev = if d.severity == Severity::Error {
                "Error"
            } else {
                "Note"
            };
            match d.line {
                Some(l) => format!("{sev}, line {l}: {}", d.message),
                None => format!("{sev}: {}", d.message),
            }
        })
        .collect();

    view! {
        <article class="document" aria-labelledby="doc-title">
            <header class="doc-header">
                {volume.map(|v| view! { <p class="doc-volume">{v}</p> })}
                {leading}
                {number.map(|n| view! { <p class="doc-number">{n}</p> })}
                <h1 id="doc-title" class="doc-title">{inlines_view(&doc.head, &ctx)}</h1>
                <dl class="doc-meta">
                    <div><dt>"Kind"</dt><dd class="doc-kind">{doc.kind.label()}</dd></div>
                    {(!doc.from.is_empty()).then(|| view! {
                        <div><dt>"From"</dt><dd class="doc-from">{parties(&doc.from)}</dd></div>
                    })}
                    {(!doc.to.is_empty()).then(|| view! {
                        <div><dt>"To"</dt><dd class="doc-to">{parties(&doc.to)}</dd></div>
                    })}
                    <div><dt>"Date"</dt><dd class="doc-date" title=date_title>{date_text}</dd></div>
                    {doc.place.clone().map(|p| view! { <div><dt>"Place"</dt><dd>{p}</dd></div> })}
                </dl>
            </header>
            <div class="doc-body">{blocks_view(&body, &ctx)}</div>
            <FootnoteList doc=doc.clone()/>
            {(!warnings.is_empty()).then(|| view! {
                <details class="diagnostics">
                    <summary>{format!("Parser notes ({})", warnings.len())}</summary>
                    <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </details>
            })}
        </article>
        <FootnotePopover doc=doc.clone()/>
    }
}

/// Blocks, with runs of list items, table rows and signature lines grouped, and nested
/// levels (attachments, embedded messages) set apart.
pub fn blocks_view(blocks: &[Block], ctx: &InlineCtx) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let level = blocks[i].level;
        if level > 0 {
            let end = i + blocks[i..].iter().take_while(|b| b.level >= level).count();
            let inner: Vec<Block> = blocks[i..end]
                .iter()
                .map(|b| Block {
                    level: b.level - 1,
                    ..b.clone()
                })
                .collect();
            out.push(view! { <div class="nested">{blocks_view(&inner, ctx)}</div> }.into_any());
            i = end;
            continue;
        }
        let kind = blocks[i].kind;
        let same = |b: &Block, k: BlockKind| b.level == 0 && b.kind == k;
        match kind {
            BlockKind::ListItem
            | BlockKind::Subject
            | BlockKind::TableRow
            | BlockKind::Signature => {
                let end = i + blocks[i..].iter().take_while(|b| same(b, kind)).count();
                let run = &blocks[i..end];
                out.push(match kind {
                    BlockKind::TableRow => view! {
                        <div class="rows">
                            {run.iter().map(|b| view! { <p class="row">{inlines_view(&b.inlines, ctx)}</p> }).collect_view()}
                        </div>
                    }
                    .into_any(),
                    BlockKind::Signature => view! {
                        <div class="signature">
                            {run.iter().map(|b| view! { <p>{inlines_view(&b.inlines, ctx)}</p> }).collect_view()}
                        </div>
                    }
                    .into_any(),
                    _ => {
                        let class = if kind == BlockKind::Subject { "list subject" } else { "list" };
                        view! {
                            <ul class=class>
                                {run.iter().map(|b| {
                                    let depth = format!("depth-{}", b.depth.max(1));
                                    view! {
                                        <li class=depth>
                                            {b.label.clone().map(|l| view! { <span class="item-label">{l}</span> " " })}
                                            {inlines_view(&b.inlines, ctx)}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                });
                i = end;
            }
            _ => {
                out.push(block_view(&blocks[i], ctx));
                i += 1;
            }
        }
    }
    out
}

fn block_view(b: &Block, ctx: &InlineCtx) -> AnyView {
    let content = inlines_view(&b.inlines, ctx);
    match b.kind {
        BlockKind::Heading => view! { <h2 class="inner-heading">{content}</h2> }.into_any(),
        BlockKind::Quote => view! { <blockquote><p>{content}</p></blockquote> }.into_any(),
        k => {
            let class = match k {
                BlockKind::Salutation => "salutation",
                BlockKind::Closing => "closing",
                BlockKind::Dateline => "dateline",
                BlockKind::Source => "source-note",
                BlockKind::Editorial => "editorial",
                _ => "para",
            };
            view! { <p class=class>{content}</p> }.into_any()
        }
    }
}
