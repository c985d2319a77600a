//! The time axis: which ticks to draw for a view, in units that suit the zoom (centuries →
//! years → months → days → hours), and how to label them.

use chrono::{Datelike, NaiveDate, Timelike};

use crate::correspondence::when::{datetime, minutes, Minute};
use crate::dates::month_name;

/// The step between two ticks of the time axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Every `n` years.
    Years(i32),
    /// Every `n` months.
    Months(u32),
    /// Every `n` days (steps of 7 and 14 start on a Monday).
    Days(u32),
    /// Every `n` hours.
    Hours(u32),
}

impl Unit {
    /// Roughly how many minutes one step is (to choose a step, not to place ticks).
    fn approx(self) -> f64 {
        match self {
            Unit::Years(n) => n as f64 * 525_960.0,
            Unit::Months(n) => n as f64 * 43_830.0,
            Unit::Days(n) => n as f64 * 1440.0,
            Unit::Hours(n) => n as f64 * 60.0,
        }
    }

    /// "years", "months", "days", "hours": what the axis counts in.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Years(n) if n >= 100 => "centuries",
            Unit::Years(n) if n >= 10 => "decades",
            Unit::Years(_) => "years",
            Unit::Months(_) => "months",
            Unit::Days(_) => "days",
            Unit::Hours(_) => "hours",
        }
    }
}

const STEPS: [Unit; 20] = [
    Unit::Hours(1),
    Unit::Hours(3),
    Unit::Hours(6),
    Unit::Hours(12),
    Unit::Days(1),
    Unit::Days(2),
    Unit::Days(7),
    Unit::Days(14),
    Unit::Months(1),
    Unit::Months(3),
    Unit::Months(6),
    Unit::Years(1),
    Unit::Years(2),
    Unit::Years(5),
    Unit::Years(10),
    Unit::Years(20),
    Unit::Years(50),
    Unit::Years(100),
    Unit::Years(200),
    Unit::Years(500),
];

/// One tick of the time axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    /// Where it stands, in minutes since 1970-01-01.
    pub at: Minute,
    /// Its label ("1982", "Jul", "Jul 4", "06:00").
    pub label: String,
    /// A tick that starts a larger unit (a year among months, a month among days).
    pub major: bool,
}

/// The step for a view `span` minutes wide drawn on `width` pixels, with ticks at least
/// `min_px` apart.
pub fn unit_for(span: f64, width: f64, min_px: f64) -> Unit {
    let per_px = span / width.max(1.0);
    STEPS
        .iter()
        .copied()
        .find(|u| u.approx() / per_px >= min_px)
        .unwrap_or(Unit::Years(1000))
}

/// The ticks in `[start, end]` for `width` pixels.
pub fn ticks(start: f64, end: f64, width: f64) -> (Unit, Vec<Tick>) {
    let unit = unit_for(end - start, width, 84.0);
    let mut out = Vec::new();
    let first = datetime(start.floor() as Minute);
    let mut t = align(first, unit);
    let mut guard = 0;
    while (minutes(t) as f64) <= end && guard < 400 {
        let m = minutes(t);
        if m as f64 >= start {
            out.push(label(t, unit));
        }
        t = match next(t, unit) {
            Some(n) => n,
            None => break,
        };
        guard += 1;
    }
    (unit, legible(out, start, end, width))
}

/// How wide a label of `chars` characters is drawn, in px, with the room kept beside it
/// (the axis's 0.75rem type: at most ~7 px a character, bold majors included).
fn label_px(chars: usize) -> f64 {
    chars as f64 * 7.0 + 10.0
}

/// The ticks whose labels can be read: none cut at an edge, none touching another. A
/// larger unit's tick (a month among days) is kept before a smaller one, then left to
/// right; a label that would touch one already kept is dropped ("Jul 31" beside "Aug
/// 1981" goes).
fn legible(ticks: Vec<Tick>, start: f64, end: f64, width: f64) -> Vec<Tick> {
    let x = |t: &Tick| (t.at as f64 - start) / (end - start).max(1.0) * width;
    let mut order: Vec<usize> = (0..ticks.len()).collect();
    order.sort_by_key(|&i| (!ticks[i].major, i));
    let mut kept: Vec<(f64, f64, usize)> = Vec::new();
    for i in order {
        let (c, half) = (x(&ticks[i]), label_px(ticks[i].label.chars().count()) / 2.0);
        let (a, b) = (c - half, c + half);
        let inside = a >= -5.0 && b <= width + 5.0;
        if inside && kept.iter().all(|&(ka, kb, _)| b <= ka || a >= kb) {
            kept.push((a, b, i));
        }
    }
    let mut keep = vec![false; ticks.len()];
    for (_, _, i) in kept {
        keep[i] = true;
    }
    ticks
        .into_iter()
        .zip(keep)
        .filter_map(|(t, k)| k.then_some(t))
        .collect()
}

fn align(t: chrono::NaiveDateTime, unit: Unit) -> chrono::NaiveDateTime {
    let d = t.date();
    let ymd = |y: i32, m: u32, day: u32| {
        NaiveDate::from_ymd_opt(y, m, day)
            .unwrap_or(d)
            .and_hms_opt(0, 0, 0)
            .expect("midnight")
    };
    match unit {
        Unit::Years(n) => ymd(d.year().div_euclid(n) * n, 1, 1),
        Unit::Months(n) => ymd(d.year(), (d.month0() / n) * n + 1, 1),
        Unit::Days(7) | Unit::Days(14) => {
            let back = d.weekday().num_days_from_monday() as i64;
            (d - chrono::Duration::days(back))
                .and_hms_opt(0, 0, 0)
                .expect("midnight")
        }
        Unit::Days(_) => ymd(d.year(), d.month(), 1).max(ymd(d.year(), d.month(), d.day())),
        Unit::Hours(n) => d.and_hms_opt((t.hour() / n) * n, 0, 0).expect("hour"),
    }
}

fn next(t: chrono::NaiveDateTime, unit: Unit) -> Option<chrono::NaiveDateTime> {
    let d = t.date();
    Some(match unit {
        Unit::Years(n) => NaiveDate::from_ymd_opt(d.year() + n, 1, 1)?.and_hms_opt(0, 0, 0)?,
        Unit::Months(n) => {
            let m0 = d.month0() + n;
            NaiveDate::from_ymd_opt(d.year() + (m0 / 12) as i32, m0 % 12 + 1, 1)?
                .and_hms_opt(0, 0, 0)?
        }
        Unit::Days(n) => {
            let n2 = t + chrono::Duration::days(n as i64);
            // Two-day steps restart on the 1st so labels stay regular.
            if n == 2 && n2.month() != t.month() {
                NaiveDate::from_ymd_opt(n2.year(), n2.month(), 1)?.and_hms_opt(0, 0, 0)?
            } else {
                n2
            }
        }
        Unit::Hours(n) => t + chrono::Duration::hours(n as i64),
    })
}

fn short_month(m: u32) -> &'static str {
    &month_name(m)[..3]
}

fn label(t: chrono::NaiveDateTime, unit: Unit) -> Tick {
    let at = minutes(t);
    let (label, major) = match unit {
        Unit::Years(_) => (t.year().to_string(), t.year() % 10 == 0),
        Unit::Months(_) if t.month() == 1 => (t.year().to_string(), true),
        Unit::Months(_) => (short_month(t.month()).to_string(), false),
        Unit::Days(_) if t.day() == 1 => (format!("{} {}", short_month(t.month()), t.year()), true),
        Unit::Days(_) => (format!("{} {}", short_month(t.month()), t.day()), false),
        Unit::Hours(_) if t.hour() == 0 => (
            format!("{} {}, {}", short_month(t.month()), t.day(), t.year()),
            true,
        ),
        Unit::Hours(_) => (format!("{:02}:00", t.hour()), false),
    };
    Tick { at, label, major }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correspondence::when::parse_day;

    fn view(a: &str, b: &str) -> (f64, f64) {
        (parse_day(a).unwrap() as f64, parse_day(b).unwrap() as f64)
    }

    #[test]
    fn units_adapt_to_the_zoom() {
        let w = 1000.0;
        let cases = [
            (("1800", "2000"), "decades"),
            (("1861", "1871"), "years"),
            (("1981", "1983"), "months"),
            (("1981-07-01", "1981-08-01"), "days"),
            (("1981-07-10", "1981-07-12"), "hours"),
        ];
        for ((a, b), name) in cases {
            let (s, e) = view(a, b);
            let (u, t) = ticks(s, e, w);
            assert_eq!(u.name(), name, "{a}..{b}: {u:?}");
            assert!(t.len() >= 3 && t.len() <= 14, "{a}..{b}: {} ticks", t.len());
            assert!(t.windows(2).all(|p| p[0].at < p[1].at));
        }
        let (s, e) = view("1981-07-01", "1981-08-01");
        let (_, t) = ticks(s, e, w);
        assert!(t.iter().all(|t| t.label.starts_with("Jul ")), "{t:?}");
        let (s, e) = view("1981-07-01", "1981-07-08");
        let (_, t) = ticks(s, e, w);
        assert!(t.iter().any(|t| t.label == "Jul 4"), "{t:?}");
        let (s, e) = view("1981-01-01", "1982-06-01");
        let (_, t) = ticks(s, e, w);
        assert!(t.iter().any(|t| t.label == "1982" && t.major), "{t:?}");
    }

    #[test]
    fn labels_never_touch_nor_run_off_the_edges() {
        // Every zoom from a fortnight to two centuries, on a phone and a wall.
        for width in [320.0, 700.0, 1280.0, 1920.0] {
            for (a, b) in [
                ("1981-07-20", "1981-08-10"),
                ("1981-07-01", "1981-09-01"),
                ("1981-06-15", "1981-08-15"),
                ("1894-12-01", "1895-03-01"),
                ("1870", "1872"),
                ("1861", "1936"),
                ("1800", "2000"),
            ] {
                let (s, e) = view(a, b);
                // Views that end mid-label too: shifted by a fraction of a day.
                for shift in [0.0, 700.0, 3000.0] {
                    let (_, t) = ticks(s + shift, e + shift, width);
                    assert!(!t.is_empty(), "{a}..{b} at {width}: no tick");
                    let boxes: Vec<(f64, f64)> = t
                        .iter()
                        .map(|t| {
                            let c = (t.at as f64 - s - shift) / (e - s) * width;
                            let h = (t.label.chars().count() as f64 * 7.0 + 10.0) / 2.0;
                            (c - h, c + h)
                        })
                        .collect();
                    for (k, &(l, r)) in boxes.iter().enumerate() {
                        assert!(
                            l >= -5.0 && r <= width + 5.0,
                            "{a}..{b} at {width}: {:?} cut",
                            t[k]
                        );
                    }
                    for p in boxes.windows(2) {
                        assert!(p[0].1 <= p[1].0, "{a}..{b} at {width}: labels touch: {t:?}");
                    }
                }
            }
        }
        // The month's first day is kept over the last day of the month before.
        let (s, e) = view("1981-07-20", "1981-08-12");
        let (u, t) = ticks(s, e, 1280.0);
        assert_eq!(u, Unit::Days(2));
        assert!(t.iter().any(|t| t.label == "Aug 1981"), "{t:?}");
        assert!(!t.iter().any(|t| t.label == "Jul 31"), "{t:?}");
    }
}
