//! Reading a file in the page, when the browser gives no worker: the TEI parser is a pull
//! parser, so it runs in slices of ~10 ms with a turn for the browser between them
//! (progress is painted, input is handled). Measured by `scripts/bench-browser.mjs`: one
//! document never takes more than ~4 ms.

use gloo_timers::future::TimeoutFuture;
use letterbook_core::pack::Record;
use letterbook_core::tei::Step;
use letterbook_core::Format;

use super::is_cancelled;
use crate::state::Library;

/// Time budget of one parsing slice, in milliseconds.
const SLICE_MS: f64 = 10.0;

/// Between documents, how many XML events to read before looking at the clock again
/// (~1 ms: the front matter before the first document is long).
const EVENTS_PER_CHECK: usize = 5_000;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// The file as a record, its documents flagged against the register; `None` when it was
/// cancelled.
pub async fn read(
    lib: Library,
    key: u32,
    name: &str,
    bytes: &[u8],
) -> Result<Option<Record>, String> {
    let mut parser = letterbook_core::open(name, bytes).map_err(|e| e.to_string())?;
    if parser.format() == Format::PageText {
        let doc = parser
            .next_document()
            .ok_or_else(|| format!("{name}: no document in this file"))?;
        let mut docs = vec![doc];
        crate::register::flag_all(&mut docs).await;
        return Ok(Some(Record {
            documents: docs,
            file: name.to_string(),
            ..Default::default()
        }));
    }
    let total = parser.len().max(1) as f64;
    let mut docs = Vec::new();
    loop {
        let start = now();
        let mut more = true;
        while now() - start < SLICE_MS {
            match parser.step(EVENTS_PER_CHECK) {
                Step::Document(d) => docs.push(*d),
                Step::Pending => {}
                Step::Done => {
                    more = false;
                    break;
                }
            }
        }
        let progress = parser.offset() as f64 / total;
        lib.update_load(key, |l| l.progress = progress);
        if !more {
            break;
        }
        TimeoutFuture::new(0).await;
        if is_cancelled(key) {
            return Ok(None);
        }
    }
    let mut record = Record::of_volume(name, parser.finish(), docs)?;
    crate::register::flag_all(&mut record.documents).await;
    // Indexing and showing the volume are turns of their own, after the last slice.
    TimeoutFuture::new(0).await;
    Ok(Some(record))
}
