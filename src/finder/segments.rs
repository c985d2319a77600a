//! Building a segment in the page for an entry that came without one (the built-in
//! samples, a record kept before search), a document at a time.

use letterbook_search::{Segment, SegmentBuilder};

/// Builds a segment over `docs` in slices of about `slice_ms`, giving the page its turns:
/// `progress` (0.0 … 1.0) after each slice.
pub async fn build<D: std::borrow::Borrow<letterbook_core::Document>>(
    docs: &[D],
    slice_ms: f64,
    progress: impl Fn(f64),
) -> Segment {
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or_else(js_sys::Date::now, |p| p.now())
    };
    let mut b = SegmentBuilder::new();
    let mut started = now();
    let n = docs.len().max(1) as f64;
    for (k, d) in docs.iter().enumerate() {
        b.add(d.borrow());
        if now() - started > slice_ms {
            progress((k + 1) as f64 / n);
            gloo_timers::future::TimeoutFuture::new(0).await;
            started = now();
        }
    }
    b.finish()
}
