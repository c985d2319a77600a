//! What the timeline shows, computed from the correspondence model: the filtered selection,
//! its lanes, and the marks of a view (documents, or counts where they would overlap).
//! Everything here is sorted arrays and binary searches, so a zoom or pan step costs
//! O(marks · log n), never O(documents).

pub mod axis;
pub mod query;
pub mod view;

pub use query::TimelineQuery;

use crate::correspondence::parties::PartyId;
use crate::correspondence::when::Minute;
use crate::correspondence::Correspondence;
use crate::model::Kind;
use crate::presentation;

/// What the timeline's lanes group documents by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaneMode {
    /// Gromyko ↔ Haig: both directions of one correspondence.
    #[default]
    Pair,
    /// One lane per writer.
    Sender,
    /// One lane per kind of document.
    Kind,
    /// One lane per volume.
    Volume,
}

impl LaneMode {
    /// Every mode, in the order the reader offers them.
    pub const ALL: [LaneMode; 4] = [
        LaneMode::Pair,
        LaneMode::Sender,
        LaneMode::Kind,
        LaneMode::Volume,
    ];

    /// The name in a timeline URL (`pair`, `sender`, `kind`, `volume`).
    pub fn as_str(self) -> &'static str {
        match self {
            LaneMode::Pair => "pair",
            LaneMode::Sender => "sender",
            LaneMode::Kind => "kind",
            LaneMode::Volume => "volume",
        }
    }

    /// The name the reader shows ("Correspondents", "Sender").
    pub fn label(self) -> &'static str {
        match self {
            LaneMode::Pair => "Correspondents",
            LaneMode::Sender => "Sender",
            LaneMode::Kind => "Kind",
            LaneMode::Volume => "Volume",
        }
    }

    /// The mode a URL names ([`LaneMode::as_str`]).
    pub fn parse(s: &str) -> Option<LaneMode> {
        LaneMode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// The reader's filters (all optional; they combine with AND).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Only documents this party wrote or received (a carried letter's parties count).
    pub person: Option<PartyId>,
    /// Only documents of this kind.
    pub kind: Option<Kind>,
    /// Only documents of this volume (an index into [`Correspondence::volumes`]).
    pub volume: Option<u16>,
    /// Only documents whose span ends at or after this minute.
    pub from: Option<Minute>,
    /// Only documents whose span starts at or before this minute.
    pub to: Option<Minute>,
}

/// The documents a filter keeps: placed ones by date, undated ones apart.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Documents placed in time, by start (indices into [`Correspondence::docs`]).
    pub placed: Vec<u32>,
    /// Documents not placed in time, in input order; none when a date range is set.
    pub undated: Vec<u32>,
    /// All documents, before filtering.
    pub total: usize,
}

impl Selection {
    /// How many documents the filter keeps.
    pub fn shown(&self) -> usize {
        self.placed.len() + self.undated.len()
    }
}

/// The documents `f` keeps, and of those only what `only` keeps when given (the
/// documents a search found: the timeline's words are search's).
pub fn select(c: &Correspondence, f: &Filter, only: Option<&dyn Fn(u32) -> bool>) -> Selection {
    let keep = |i: u32| -> bool {
        let d = &c.docs[i as usize];
        if f.kind.is_some_and(|k| d.kind != k) || f.volume.is_some_and(|v| d.volume != v) {
            return false;
        }
        if let Some(p) = f.person {
            let named = d.from.contains(&p)
                || d.to.contains(&p)
                || d.writers().contains(&p)
                || d.addressees().contains(&p);
            if !named {
                return false;
            }
        }
        only.is_none_or(|o| o(i))
    };
    let in_range = |i: u32| {
        let w = &c.docs[i as usize].when;
        f.from.is_none_or(|a| w.end >= a) && f.to.is_none_or(|b| w.start <= b)
    };
    let placed = c
        .by_time
        .iter()
        .copied()
        .filter(|&i| in_range(i) && keep(i))
        .collect();
    // A date range leaves out what has no date; without one the tray shows them.
    let undated = if f.from.is_some() || f.to.is_some() {
        Vec::new()
    } else {
        (0..c.docs.len() as u32)
            .filter(|&i| !c.docs[i as usize].when.certainty.placed() && keep(i))
            .collect()
    };
    Selection {
        placed,
        undated,
        total: c.docs.len(),
    }
}

/// One row of the timeline: the documents of one correspondence, sender, kind or volume.
#[derive(Debug, Clone)]
pub struct Lane {
    /// A stable key for the lane (party ids `3-17`, a kind, a volume id, `other`).
    pub key: String,
    /// What the lane is called ("Gromyko ↔ Haig", "Telegram", "12 other senders").
    pub label: String,
    /// Documents in date order, and their start minutes (for binary search).
    pub docs: Vec<u32>,
    /// The start minute of each of `docs`, in the same order.
    pub starts: Vec<Minute>,
    /// Lanes merged into this one ("Other": how many).
    pub merged: usize,
}

/// The lanes of a selection, largest first; beyond `limit`, the rest share one "Other" lane
/// (nothing is dropped).
pub fn lanes(
    c: &Correspondence,
    sel: &Selection,
    mode: LaneMode,
    limit: usize,
    volume_label: &dyn Fn(&str) -> String,
) -> Vec<Lane> {
    use std::collections::HashMap;
    // Grouped by ids (no string per document); keys and labels are made once per lane.
    #[derive(Hash, PartialEq, Eq, Clone, Copy)]
    enum Key {
        Pair(PartyId, PartyId),
        One(PartyId),
        Nobody,
        Kind(Kind),
        Volume(u16),
    }
    let name = |p: PartyId| c.parties.get(p).label.as_str();
    let mut by_key: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<Lane> = Vec::new();
    // The lane of each placed document, to gather the grouped ones in time order again.
    let mut lane_of: Vec<u32> = Vec::with_capacity(sel.placed.len());
    for &i in &sel.placed {
        let d = &c.docs[i as usize];
        let key = match mode {
            LaneMode::Pair => match (d.writers().first(), d.addressees().first()) {
                (Some(&a), Some(&b)) if a != b => {
                    if name(a) <= name(b) {
                        Key::Pair(a, b)
                    } else {
                        Key::Pair(b, a)
                    }
                }
                (Some(&a), _) | (None, Some(&a)) => Key::One(a),
                (None, None) => Key::Nobody,
            },
            LaneMode::Sender => d.writers().first().map_or(Key::Nobody, |&a| Key::One(a)),
            LaneMode::Kind => Key::Kind(d.kind),
            LaneMode::Volume => Key::Volume(d.volume),
        };
        let k = *by_key.entry(key).or_insert_with(|| {
            let (key, label) = match key {
                Key::Pair(x, y) => (format!("{x}-{y}"), format!("{} ↔ {}", name(x), name(y))),
                Key::One(a) => (format!("{a}"), name(a).to_string()),
                Key::Nobody if mode == LaneMode::Sender => ("-".into(), "No sender named".into()),
                Key::Nobody => ("-".into(), "No correspondents named".into()),
                Key::Kind(k) => (k.as_str().into(), presentation::kind(k).into()),
                Key::Volume(_) => {
                    let v = c.volume_of(i);
                    (v.to_string(), volume_label(v))
                }
            };
            out.push(Lane {
                key,
                label,
                docs: Vec::new(),
                starts: Vec::new(),
                merged: 0,
            });
            out.len() - 1
        });
        out[k].docs.push(i);
        lane_of.push(k as u32);
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&out[a], &out[b]);
        b.docs.len().cmp(&a.docs.len()).then(a.label.cmp(&b.label))
    });
    let mut rank = vec![0usize; out.len()];
    for (r, &k) in order.iter().enumerate() {
        rank[k] = r;
    }
    let mut lanes: Vec<Option<Lane>> = out.into_iter().map(Some).collect();
    let mut out: Vec<Lane> = order.iter().filter_map(|&k| lanes[k].take()).collect();
    if out.len() > limit.max(1) {
        let keep = limit.max(1) - 1;
        let rest = out.split_off(keep);
        // `placed` is in time order (ties by index): so are the grouped ones, taken from it
        // (a sort of most of a series' documents otherwise).
        let docs: Vec<u32> = sel
            .placed
            .iter()
            .zip(&lane_of)
            .filter(|&(_, &k)| rank[k as usize] >= keep)
            .map(|(&i, _)| i)
            .collect();
        out.push(Lane {
            key: "other".into(),
            label: format!(
                "{} other {}",
                rest.len(),
                match mode {
                    LaneMode::Pair => "correspondences",
                    LaneMode::Sender => "senders",
                    LaneMode::Kind => "kinds",
                    LaneMode::Volume => "volumes",
                }
            ),
            docs,
            starts: Vec::new(),
            merged: rest.len(),
        });
    }
    for l in &mut out {
        l.starts = l
            .docs
            .iter()
            .map(|&i| c.docs[i as usize].when.start)
            .collect();
    }
    out
}

/// Where a document is among the lanes: (lane, position in its `docs`), found by binary
/// search on its start (no scan of the marks).
pub fn locate(c: &Correspondence, lanes: &[Lane], doc: u32) -> Option<(usize, u32)> {
    let start = c.docs.get(doc as usize)?.when.start;
    lanes.iter().enumerate().find_map(|(li, l)| {
        let a = l.starts.partition_point(|&t| t < start);
        let b = a + l.starts[a..].partition_point(|&t| t == start);
        l.docs[a..b]
            .iter()
            .position(|&d| d == doc)
            .map(|p| (li, (a + p) as u32))
    })
}

impl Mark {
    /// Does this mark of lane `lane` stand for the document at `at` (from [`locate`])?
    pub fn covers(&self, lane: usize, at: Option<(usize, u32)>) -> bool {
        at.is_some_and(|(l, p)| l == lane && p >= self.first && p < self.first + self.count)
    }
}

/// One thing drawn on a lane: a document, or a count of documents too close to tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Range in the lane's `docs`.
    pub first: u32,
    /// How many documents it stands for (1 for a single document).
    pub count: u32,
    /// Earliest start and latest start of its documents.
    pub start: Minute,
    /// Latest start of its documents.
    pub end: Minute,
}

/// The bin width for a view: about `min_px` pixels, rounded to a power of two minutes so
/// that counts split in two as the reader zooms in (and pans keep the same bins).
pub fn bin_minutes(span: f64, width: f64, min_px: f64) -> i64 {
    let want = (span / width.max(1.0) * min_px).max(1.0);
    let p = want.log2().ceil().clamp(0.0, 40.0) as u32;
    1i64 << p
}

/// The marks of one lane in `[start, end]` (plus one bin either side, so marks slide in
/// rather than pop in when panning).
pub fn marks(lane: &Lane, start: f64, end: f64, bin: i64, out: &mut Vec<Mark>) {
    let s = &lane.starts;
    let lo = (start.floor() as i64).div_euclid(bin) * bin - bin;
    let hi = (end.ceil() as i64).div_euclid(bin) * bin + 2 * bin;
    let mut i = s.partition_point(|&t| t < lo);
    let stop = s.partition_point(|&t| t < hi);
    while i < stop {
        let b = s[i].div_euclid(bin);
        let j = i + s[i..stop].partition_point(|&t| t.div_euclid(bin) == b);
        out.push(Mark {
            first: i as u32,
            count: (j - i) as u32,
            start: s[i],
            end: s[j - 1],
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lane(starts: &[Minute]) -> Lane {
        Lane {
            key: "k".into(),
            label: "k".into(),
            docs: (0..starts.len() as u32).collect(),
            starts: starts.to_vec(),
            merged: 0,
        }
    }

    #[test]
    fn marks_keep_every_document_and_split_when_zooming() {
        let starts: Vec<Minute> = (0..1000).map(|i| i * 37 % 100_000).collect::<Vec<_>>();
        let mut sorted = starts.clone();
        sorted.sort();
        let l = lane(&sorted);
        let mut prev = 0;
        for width in [10_000.0, 100_000.0, 1_000_000.0] {
            let bin = bin_minutes(100_000.0, width / 100.0, 12.0);
            let mut m = Vec::new();
            marks(&l, 0.0, 100_000.0, bin, &mut m);
            let total: u32 = m.iter().map(|m| m.count).sum();
            assert_eq!(total, 1000, "no document dropped at bin {bin}");
            assert!(m.len() >= prev, "zooming in never merges");
            prev = m.len();
        }
        assert_eq!(bin_minutes(1024.0, 1024.0, 1.0), 1);
        assert_eq!(bin_minutes(1000.0, 10.0, 12.0), 2048);
    }
}
