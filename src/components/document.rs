//! One document, as a reader sees it: heading and particulars, the text, the notes.

use std::sync::Arc;

use leptos::prelude::*;

use leptos_router::hooks::use_location;
use letterbook_core::{
    dates, heading, presentation, volumes, Block, BlockKind, DiagnosticCode, Document, Party,
    Severity,
};
use wasm_bindgen::JsCast;

use crate::components::hits::HitBar;
use crate::components::inline::{inlines_view, Hits, InlineCtx, SpanRegistry};
use crate::components::notes::{note_body, FootnoteList};
use crate::components::people::{entity_body, PeoplePanel};
use crate::components::popover::{Pop, Popover, PopoverShell};
use crate::components::thread::ThreadPanel;
use crate::state::{doc_href, volume_href, Library, OpenVolume};
use crate::urls::{Fragment, LIBRARY};

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
            presentation::date_phrase(&dates::display(&d.iso), d.source, d.event),
            Some(format!("As printed: “{}”", d.text)),
        ),
        None => ("Undated (the text gives no date)".to_string(), None),
    }
}

/// Responds to the URL fragment: `#fn2` opens note 2 at its marker, `#fnref2` focuses
/// marker 2, `#pg_222` brings page 222 into view.
fn follow_fragment(notes: Popover, fragment: &str, doc: &Document) {
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
    match Fragment::parse(fragment) {
        Some(Fragment::Marker(n)) => scroll_to(&Fragment::Marker(n).id(), true),
        Some(Fragment::Note(n)) => {
            if doc.footnote(n).is_some()
                && notes
                    .open
                    .get_untracked()
                    .is_none_or(|o| o.note() != Some(n))
            {
                scroll_to(&Fragment::Marker(n).id(), false);
                notes.open_pinned(Pop::Note(n));
            }
        }
        Some(page @ Fragment::Page(_)) => scroll_to(&page.id(), false),
        Some(Fragment::Contents(_)) | None => {}
    }
}

/// One document; with `words`, a search's hits are marked and the hit bar goes to them.
#[component]
pub fn DocumentView(doc: Arc<Document>, #[prop(optional)] words: Option<String>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let notes = Popover::new();
    provide_context(notes);
    let spans = SpanRegistry::new();
    provide_context(spans);
    let hits = words
        .as_deref()
        .map(|w| Arc::new(crate::finder::hits(&doc, w)));
    provide_context(Hits(RwSignal::new(hits.clone())));
    let ctx = InlineCtx::new(doc.clone(), lib, true);
    let hit_bar = words.zip(hits).map(|(words, hits)| {
        view! { <HitBar doc=doc.clone() words=words hits=hits/> }
    });
    let open_volume = doc.volume.as_deref().and_then(|v| lib.volume_untracked(v));

    let location = use_location();
    let frag_doc = doc.clone();
    Effect::new(move |_| {
        let hash = location.hash.get();
        let doc = frag_doc.clone();
        // After the document is in the DOM.
        set_timeout(
            move || {
                // Not if the view was taken down before its turn came.
                if !notes.open.is_disposed() {
                    follow_fragment(notes, &hash, &doc)
                }
            },
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

    // Inside an open volume the breadcrumbs name it; a loose document says its volume.
    let volume = match &open_volume {
        Some(_) => None,
        None => doc.volume.as_deref().map(|v| {
            format!(
                "Foreign Relations of the United States, {}",
                volumes::volume_label(v)
            )
        }),
    };
    let trail = open_volume
        .clone()
        .map(|v| view! { <Breadcrumbs volume=v doc=doc.clone()/> });
    let pager = open_volume
        .clone()
        .map(|v| view! { <PrevNext volume=v doc=doc.clone()/> });
    let number = doc.n.as_ref().map(|n| format!("Document {n}"));
    let (date_text, date_title) = date_line(&doc);
    // The edition's own page, for the printed facsimile and citing (an https address the
    // core builds from a checked id, never from the document's text).
    let online = volumes::document_online(&doc.id);
    // What the register of office-holders says against the date, beside the date itself.
    let doubt = doc
        .diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::DateOutsideOffice)
        .map(|d| format!("Doubtful: {}", d.message));
    let leading: Vec<AnyView> = doc
        .blocks
        .iter()
        .filter(|b| b.before_head)
        .map(|b| view! { <p class="source-line">{inlines_view(&b.inlines, &ctx)}</p> }.into_any())
        .collect();
    // The document's own blocks, not copies: a search's hits are marked in the text runs
    // they were found in.
    let body: Vec<&Block> = doc.blocks.iter().filter(|b| !b.before_head).collect();
    let warnings: Vec<String> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code != DiagnosticCode::DateOutsideOffice)
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
        <div class="reader-layout">
        <article class="document" aria-labelledby="doc-title">
            {trail}
            {hit_bar}
            <header class="doc-header">
                {volume.map(|v| view! { <p class="doc-volume">{v}</p> })}
                {leading}
                {number.map(|n| view! { <p class="doc-number">{n}</p> })}
                <h1 id="doc-title" class="doc-title">{inlines_view(&doc.head, &ctx)}</h1>
                <dl class="doc-meta">
                    <div><dt>"Kind"</dt><dd class="doc-kind">{presentation::kind(doc.kind)}</dd></div>
                    {(!doc.from.is_empty()).then(|| view! {
                        <div><dt>"From"</dt><dd class="doc-from">{parties(&doc.from)}</dd></div>
                    })}
                    {(!doc.to.is_empty()).then(|| view! {
                        <div><dt>"To"</dt><dd class="doc-to">{parties(&doc.to)}</dd></div>
                    })}
                    {(!doc.participants.is_empty()).then(|| view! {
                        <div>
                            <dt>"With"</dt>
                            <dd class="doc-with">{parties(&doc.participants)}</dd>
                        </div>
                    })}
                    <div>
                        <dt>"Date"</dt>
                        <dd class="doc-date" title=date_title>
                            {date_text}
                            {doubt.map(|d| view! { <p class="date-doubt" role="note">{d}</p> })}
                        </dd>
                    </div>
                    {doc.place.clone().map(|p| view! { <div><dt>"Place"</dt><dd>{p}</dd></div> })}
                    {online.map(|href| view! {
                        <div>
                            <dt>"Online"</dt>
                            <dd><a class="doc-online" href=href rel="external noopener">"This document on history.state.gov"</a></dd>
                        </div>
                    })}
                </dl>
            </header>
            <div class="doc-body">{blocks_view(&body, 0, &ctx)}</div>
            <FootnoteList doc=doc.clone()/>
            <ThreadPanel id=doc.id.clone()/>
            {(!warnings.is_empty()).then(|| view! {
                <details class="diagnostics">
                    <summary>{format!("Parser notes ({})", warnings.len())}</summary>
                    <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </details>
            })}
            {pager}
        </article>
        <PeoplePanel doc=doc.clone()/>
        </div>
        <PopoverShell body=Callback::new({
            let doc = doc.clone();
            move |pop| match pop {
                Pop::Note(index) => note_body(&doc, lib, index),
                Pop::Entity(k) => entity_body(spans, &doc, lib, k),
            }
        })/>
    }
}

/// Blocks, with runs of list items, table rows and signature lines grouped, and nested
/// levels (attachments, embedded messages) set apart; `depth` is the level these blocks
/// stand at.
pub fn blocks_view(blocks: &[&Block], depth: u8, ctx: &InlineCtx) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let level = blocks[i].level.saturating_sub(depth);
        if level > 0 {
            let end = i + blocks[i..]
                .iter()
                .take_while(|b| b.level.saturating_sub(depth) >= level)
                .count();
            out.push(
                view! { <div class="nested">{blocks_view(&blocks[i..end], depth + 1, ctx)}</div> }
                    .into_any(),
            );
            i = end;
            continue;
        }
        let kind = blocks[i].kind;
        let same = |b: &Block, k: BlockKind| b.level <= depth && b.kind == k;
        match kind {
            BlockKind::ListItem
            | BlockKind::Subject
            | BlockKind::TableRow
            | BlockKind::Signature => {
                let end = i + blocks[i..].iter().take_while(|b| same(b, kind)).count();
                let run = &blocks[i..end];
                out.push(match kind {
                    BlockKind::TableRow if run.iter().any(|b| !b.cells.is_empty()) => table_view(run, ctx),
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
                                    // A printed label ("1.", "(a)") replaces the bullet.
                                    let labelled = b.is_labelled();
                                    let class = format!("depth-{}{}", b.depth.max(1), if labelled { " labelled" } else { "" });
                                    view! {
                                        <li class=class>
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
                out.push(block_view(blocks[i], ctx));
                i += 1;
            }
        }
    }
    out
}

fn block_view(b: &Block, ctx: &InlineCtx) -> AnyView {
    let content = inlines_view(&b.inlines, ctx);
    // The edition's setting (centred, right, flush left, postscript) as a class.
    let rend = b
        .rend
        .as_deref()
        .filter(|r| r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(|r| format!(" rend-{r}"))
        .unwrap_or_default();
    match b.kind {
        BlockKind::Heading => view! { <h2 class="inner-heading">{content}</h2> }.into_any(),
        BlockKind::Quote => {
            view! { <blockquote class=format!("quote{rend}")><p>{content}</p></blockquote> }
                .into_any()
        }
        k => {
            let class = match k {
                BlockKind::Salutation => "salutation",
                BlockKind::Closing => "closing",
                BlockKind::Dateline => "dateline",
                BlockKind::Source => "source-note",
                BlockKind::Editorial => "editorial",
                _ => "para",
            };
            view! { <p class=format!("{class}{rend}")>{content}</p> }.into_any()
        }
    }
}

/// Table rows with cells as a table: spans, figures right-aligned, braces kept.
fn table_view(rows: &[&Block], ctx: &InlineCtx) -> AnyView {
    let bordered = rows.iter().any(|b| b.rend.as_deref() == Some("bordered"));
    view! {
        <div class="table-wrap">
            <table class="doc-table" class:bordered=bordered>
                <tbody>
                    {rows.iter().map(|r| {
                        let cells = if r.cells.is_empty() {
                            vec![view! { <td>{inlines_view(&r.inlines, ctx)}</td> }.into_any()]
                        } else {
                            // A page that begins at this row stands in its first cell.
                            let pages = r.pages_before_cells();
                            r.cells.iter().enumerate().map(|(k, c)| {
                                let class = match c.role.as_deref() {
                                    Some("num") => "num",
                                    Some("brace") => "brace",
                                    _ => "",
                                };
                                view! {
                                    <td class=class rowspan=c.rows.to_string() colspan=c.cols.to_string()>
                                        {(k == 0).then(|| inlines_view(pages, ctx))}
                                        {inlines_view(&c.inlines, ctx)}
                                    </td>
                                }.into_any()
                            }).collect()
                        };
                        view! { <tr>{cells}</tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Volume › sections › document.
#[component]
fn Breadcrumbs(volume: Arc<OpenVolume>, doc: Arc<Document>) -> impl IntoView {
    let sections = volume
        .index
        .sections
        .get(&doc.id)
        .map(|s| letterbook_core::presentation::crumbs(s))
        .unwrap_or_default();
    let here = doc
        .n
        .as_ref()
        .map_or_else(|| doc.title.clone(), |n| format!("Document {n}"));
    let contents = crate::urls::Route::Volume {
        id: volume.volume.id.clone(),
        at: Some(Fragment::contents_of(&doc.id)),
    }
    .href();
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <ol>
                <li><a href=LIBRARY>"Library"</a></li>
                <li><a href=volume_href(&volume.volume.id)>{format!("FRUS {}", volume.label())}</a></li>
                {sections.into_iter().map(|s| {
                    let short = shorten(&s, 60);
                    let title = (short != s).then_some(s);
                    view! {
                        <li><a href=contents.clone() title=title>{short}</a></li>
                    }
                }).collect_view()}
                <li aria-current="page">{here}</li>
            </ol>
        </nav>
    }
}

/// At most `max` characters, cut at a word, with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

/// Previous and next document of the volume.
#[component]
fn PrevNext(volume: Arc<OpenVolume>, doc: Arc<Document>) -> impl IntoView {
    let lib = expect_context::<Library>();
    let (prev, next) = volume.neighbours(&doc.id);
    let (prev, next) = (
        prev.and_then(|id| lib.get_untracked(id)),
        next.and_then(|id| lib.get_untracked(id)),
    );
    // "[" and "]" go to the previous and next document, as the pager's links do; never
    // while typing, with a modifier, or while a note is open (its keys are its own).
    let hrefs = (
        prev.as_ref().map(|d| doc_href(&d.id, None)),
        next.as_ref().map(|d| doc_href(&d.id, None)),
    );
    let navigate = leptos_router::hooks::use_navigate();
    let notes = use_context::<crate::components::popover::Popover>();
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        if notes.is_some_and(|n| n.open.get_untracked().is_some()) {
            return;
        }
        // The shortcuts dialog (modal) has the keys while it is open.
        if crate::focus::modal_open() {
            return;
        }
        let typing = crate::focus::is_typing();
        let target = match ev.key().as_str() {
            "[" => hrefs.0.as_deref(),
            "]" => hrefs.1.as_deref(),
            _ => None,
        };
        if let (false, Some(href)) = (typing, target) {
            ev.prevent_default();
            navigate(href, Default::default());
        }
    });
    on_cleanup(move || on_key.remove());
    let link = |d: Option<Arc<Document>>, rel: &'static str, arrow: &'static str| {
        let d = d?;
        let label =
            d.n.as_ref()
                .map_or_else(|| d.title.clone(), |n| format!("Document {n}"));
        let text = if rel == "prev" {
            format!("{arrow} {label}")
        } else {
            format!("{label} {arrow}")
        };
        Some(view! {
            <a class=format!("pager-{rel}") rel=rel href=doc_href(&d.id, None) title=d.title.clone()
                aria-keyshortcuts=if rel == "prev" { "[" } else { "]" }>{text}</a>
        })
    };
    view! {
        <nav class="pager" aria-label="Previous and next document ([ and ] keys)">
            {link(prev, "prev", "←")}
            {link(next, "next", "→")}
        </nav>
    }
}
