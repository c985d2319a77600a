//! Facet counts that follow a result set: how many of the matching documents are of each
//! volume, kind, sender, recipient and year. Read from the correspondence model, as the
//! timeline's filters are, so a facet chosen here is the same filter there.

use letterbook_core::correspondence::parties::PartyId;
use letterbook_core::correspondence::when::datetime;
use letterbook_core::correspondence::Correspondence;
use letterbook_core::model::Kind;
use roaring::RoaringBitmap;
use rustc_hash::FxHashMap;

/// The counts of one result set, each list most documents first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Volume ids.
    pub volumes: Vec<(String, u32)>,
    /// Kinds.
    pub kinds: Vec<(Kind, u32)>,
    /// Writers (a carried letter's writer for the document carrying it).
    pub senders: Vec<(PartyId, u32)>,
    /// Addressees.
    pub recipients: Vec<(PartyId, u32)>,
    /// Years, in order (not by count).
    pub years: Vec<(i32, u32)>,
    /// Documents with no place in time.
    pub undated: u32,
}

fn sorted<K: Ord + Clone>(m: FxHashMap<K, u32>) -> Vec<(K, u32)> {
    let mut v: Vec<(K, u32)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// The facets of the documents in `set`.
pub fn facets(corr: &Correspondence, set: &RoaringBitmap) -> Facets {
    let mut volumes: FxHashMap<u16, u32> = Default::default();
    let mut kinds: FxHashMap<usize, u32> = Default::default();
    let mut senders: FxHashMap<PartyId, u32> = Default::default();
    let mut recipients: FxHashMap<PartyId, u32> = Default::default();
    let mut years: FxHashMap<i32, u32> = Default::default();
    let mut undated = 0;
    let kind_list = letterbook_core::timeline::query::KINDS;
    for g in set.iter() {
        let Some(d) = corr.docs.get(g as usize) else {
            continue;
        };
        *volumes.entry(d.volume).or_default() += 1;
        let k = kind_list
            .iter()
            .position(|k| *k == d.kind)
            .unwrap_or(kind_list.len() - 1);
        *kinds.entry(k).or_default() += 1;
        let mut w: Vec<PartyId> = d.writers().to_vec();
        w.sort_unstable();
        w.dedup();
        for p in w {
            *senders.entry(p).or_default() += 1;
        }
        let mut a: Vec<PartyId> = d.addressees().to_vec();
        a.sort_unstable();
        a.dedup();
        for p in a {
            *recipients.entry(p).or_default() += 1;
        }
        if d.when.certainty.placed() {
            use chrono::Datelike;
            *years.entry(datetime(d.when.start).year()).or_default() += 1;
        } else {
            undated += 1;
        }
    }
    let mut years: Vec<(i32, u32)> = years.into_iter().collect();
    years.sort();
    Facets {
        volumes: sorted(volumes)
            .into_iter()
            .map(|(v, n)| (corr.volumes.get(v as usize).cloned().unwrap_or_default(), n))
            .collect(),
        kinds: sorted(kinds)
            .into_iter()
            .map(|(k, n)| (kind_list[k], n))
            .collect(),
        senders: sorted(senders),
        recipients: sorted(recipients),
        years,
        undated,
    }
}
