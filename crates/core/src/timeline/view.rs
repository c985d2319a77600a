//! The timeline's visible span and how it moves: zoom about a point, pan, fit to documents,
//! and the `at=<start>~<end>` form it takes in the URL. A view is `(start, end)` in minutes
//! (fractional, so that zooming and panning stay smooth between whole minutes).

use crate::correspondence::when::{format_minute, parse_minute};
use crate::correspondence::Correspondence;

/// Six hours: closer than this, a day's documents no longer separate any further.
pub const MIN_SPAN: f64 = 360.0;
/// A thousand years (of 525,960 minutes, the Julian year).
pub const MAX_SPAN: f64 = 1000.0 * 525_960.0;

/// Zooms by `factor` (above 1 zooms in) about the point `at` (0 = left edge, 1 = right),
/// which stays where it is on screen; the span stays within [`MIN_SPAN`], [`MAX_SPAN`].
pub fn zoom(view: (f64, f64), factor: f64, at: f64) -> (f64, f64) {
    let (s, e) = view;
    let span = ((e - s) / factor).clamp(MIN_SPAN, MAX_SPAN);
    let centre = s + at * (e - s);
    (centre - at * span, centre - at * span + span)
}

/// Moves the view by `fraction` of its span (negative: earlier).
pub fn pan(view: (f64, f64), fraction: f64) -> (f64, f64) {
    let d = (view.1 - view.0) * fraction;
    (view.0 + d, view.1 + d)
}

/// The span that shows these documents (in date order), with a margin.
pub fn fit(c: &Correspondence, docs: &[u32]) -> Option<(f64, f64)> {
    let first = docs.first()?;
    let last = docs.iter().map(|&i| c.docs[i as usize].when.end).max()?;
    let a = c.docs[*first as usize].when.start as f64;
    let b = last as f64;
    let pad = ((b - a) * 0.04).max(2.0 * 1440.0);
    Some((a - pad, b + pad))
}

/// `1981-07-01T00:00~1981-08-01T00:00`, to the nearest minute.
pub fn format_at(a: f64, b: f64) -> String {
    let f = |m: f64| format_minute(m.round() as i64);
    format!("{}~{}", f(a), f(b))
}

/// Reads [`format_at`]'s form; a span under [`MIN_SPAN`] (or reversed) is refused, since
/// the chart could never show it.
pub fn parse_at(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once('~')?;
    let p = |x: &str| parse_minute(x).map(|m| m as f64);
    let (a, b) = (p(a)?, p(b)?);
    (b - a >= MIN_SPAN).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correspondence::when::parse_day;
    use crate::model::Document;

    const DAY: f64 = 1440.0;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let v = (1000.0, 101_000.0);
        for at in [0.0, 0.25, 0.5, 0.9, 1.0] {
            for factor in [2.0, 0.5, 1.6, 1.0 / 1.6] {
                let (s, e) = zoom(v, factor, at);
                let before = v.0 + at * (v.1 - v.0);
                let after = s + at * (e - s);
                assert!(
                    close(before, after),
                    "at {at}, x{factor}: {before} → {after}"
                );
                assert!(close(e - s, (v.1 - v.0) / factor), "at {at}, x{factor}");
            }
        }
        // In the middle, both edges move by the same amount.
        let (s, e) = zoom(v, 2.0, 0.5);
        assert!(close(s, 26_000.0) && close(e, 76_000.0), "{s}..{e}");
    }

    #[test]
    fn zoom_clamps_to_the_span_limits() {
        let (s, e) = zoom((0.0, 1000.0), 100.0, 0.5);
        assert!(close(e - s, MIN_SPAN), "{}", e - s);
        assert!(close(s + (e - s) / 2.0, 500.0), "still about the middle");
        let (s, e) = zoom((0.0, MAX_SPAN / 2.0), 1e-3, 0.0);
        assert!(close(e - s, MAX_SPAN), "{}", e - s);
        assert_eq!(s, 0.0, "about the left edge, it stays put");
        // Already at a limit, zooming further past it changes nothing.
        let (s, e) = zoom((0.0, MIN_SPAN), 2.0, 0.3);
        assert!(close(s, 0.0) && close(e, MIN_SPAN), "{s}..{e}");
    }

    #[test]
    fn pan_moves_by_a_fraction_of_the_span() {
        assert_eq!(pan((100.0, 500.0), 0.25), (200.0, 600.0));
        assert_eq!(pan((100.0, 500.0), -0.5), (-100.0, 300.0));
        assert_eq!(pan((100.0, 500.0), 0.0), (100.0, 500.0));
    }

    fn doc(id: &str, date: &str) -> Document {
        let json = format!(
            r#"{{"id":"{id}","volume":null,"n":null,"title":"","head":[],"kind":"telegram","from":[],"to":[],"date":{{"iso":"{date}","precision":"day","source":"tei","text":"{date}"}},"place":null,"blocks":[],"footnotes":[],"pages":[],"refs":[],"links":[],"diagnostics":[]}}"#
        );
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn fit_pads_by_four_percent_or_two_days() {
        let docs = [
            doc("a", "1981-01-01"),
            doc("b", "1981-07-20"),
            doc("c", "1990-12-31"),
        ];
        let refs: Vec<&Document> = docs.iter().collect();
        let c = Correspondence::build(&refs, &[]);
        let day = |s: &str| parse_day(s).unwrap() as f64;
        let ix = |id: &str| c.index_of(id).unwrap();

        // Years apart: 4 % of the span either side (the span ends with the last day).
        let (s, e) = fit(&c, &c.by_time).unwrap();
        let (a, b) = (day("1981-01-01"), day("1991-01-01") - 1.0);
        let pad = (b - a) * 0.04;
        assert!(pad > 2.0 * DAY);
        assert!(close(s, a - pad) && close(e, b + pad), "{s}..{e}");

        // One day: at least two days either side.
        let (s, e) = fit(&c, &[ix("b")]).unwrap();
        let (a, b) = (day("1981-07-20"), day("1981-07-21") - 1.0);
        assert!(
            close(s, a - 2.0 * DAY) && close(e, b + 2.0 * DAY),
            "{s}..{e}"
        );

        // Nothing to show: no view.
        assert_eq!(fit(&c, &[]), None);
    }

    #[test]
    fn at_round_trips_to_the_minute() {
        let (a, b) = (
            parse_minute("1981-07-01T00:00").unwrap() as f64,
            parse_minute("1981-08-01T12:30").unwrap() as f64,
        );
        let s = format_at(a, b);
        assert_eq!(s, "1981-07-01T00:00~1981-08-01T12:30");
        assert_eq!(parse_at(&s), Some((a, b)));
        // Fractions of a minute round to the nearest.
        assert_eq!(
            format_at(a + 0.4, b + 0.6),
            "1981-07-01T00:00~1981-08-01T12:31"
        );
        let (a, b) = (
            parse_minute("1800-01-01T00:00").unwrap() as f64,
            parse_minute("2000-01-01T00:00").unwrap() as f64,
        );
        assert_eq!(parse_at(&format_at(a, b)), Some((a, b)));
    }

    #[test]
    fn at_refuses_what_the_chart_cannot_show() {
        assert_eq!(
            parse_at("1981-07-20T00:00~1981-07-20T05:59"),
            None,
            "under six hours"
        );
        assert!(
            parse_at("1981-07-20T00:00~1981-07-20T06:00").is_some(),
            "six hours"
        );
        assert_eq!(
            parse_at("1981-07-21T00:00~1981-07-20T00:00"),
            None,
            "reversed"
        );
        assert_eq!(parse_at("1981-07-20T00:00"), None, "one end");
        assert_eq!(parse_at("1981-07-20~1981-07-22"), None, "days, not minutes");
        assert_eq!(parse_at("soon~later"), None);
        assert_eq!(parse_at(""), None);
    }
}
