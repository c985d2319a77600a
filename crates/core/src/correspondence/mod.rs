//! The correspondence model: every open document placed in time with its certainty, its
//! correspondents normalised across documents and volumes, and the threads that link a
//! document to the one it answers or cites, each link with its evidence. Built once when
//! the set of open documents changes; views only read it.

pub mod carried;
mod linking;
pub mod parties;
pub mod threads;
pub mod when;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{plain_text, Document, Entry, Kind, Link, Volume};
use crate::presentation;
use parties::{Observation, Parties, PartyId};
use when::{Minute, When};

const DAY: Minute = 1440;

/// What the timeline knows of one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocFacts {
    /// The document's id (`frus1981-88v03-d74`).
    pub id: String,
    /// Index into `Correspondence::volumes`.
    pub volume: u16,
    /// The document number as printed ("74").
    pub n: Option<String>,
    /// What sort of document it is.
    pub kind: Kind,
    /// The heading without its number and footnote markers.
    pub title: String,
    /// Its span on the timeline, and how sure that is.
    pub when: When,
    /// Writers and addressees as the heading names them, resolved to parties.
    pub from: Vec<PartyId>,
    /// Addressees as the heading names them, resolved to parties.
    pub to: Vec<PartyId>,
    /// A letter the document carries (a telegram giving "text of a letter …").
    pub carried: Option<CarriedFacts>,
    /// Why a party was resolved the way it was (office → holder, signature).
    pub party_evidence: Vec<String>,
    /// The document's own number (despatch "No. 63", telegram "4.").
    pub serial: Option<u32>,
}

/// A carried letter ([`carried::Carried`]) with its parties resolved.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CarriedFacts {
    /// The letter's writers.
    pub from: Vec<PartyId>,
    /// Its addressees.
    pub to: Vec<PartyId>,
    /// First minute of the letter's own date, when printed at its head.
    pub day: Option<Minute>,
    /// The sentence that says the document carries it.
    pub evidence: String,
}

impl DocFacts {
    /// Every party the document names (writers, addressees, a carried letter's), each
    /// once, in id order: what a party's document count counts.
    pub fn parties(&self) -> Vec<PartyId> {
        let mut named: Vec<PartyId> = self.from.iter().chain(&self.to).copied().collect();
        if let Some(c) = &self.carried {
            named.extend(c.from.iter().chain(&c.to));
        }
        named.sort_unstable();
        named.dedup();
        named
    }

    /// Who wrote the letter it is about: the carried letter's writer when there is one.
    pub fn writers(&self) -> &[PartyId] {
        match &self.carried {
            Some(c) if !c.from.is_empty() => &c.from,
            _ => &self.from,
        }
    }

    /// Whom the letter it is about is addressed to: the carried letter's addressee when
    /// there is one.
    pub fn addressees(&self) -> &[PartyId] {
        match &self.carried {
            Some(c) if !c.to.is_empty() => &c.to,
            _ => &self.to,
        }
    }
}

pub use crate::model::Relation;

/// One line of a document's thread, from its point of view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadEntry {
    /// Whether one answers or cites the other.
    pub relation: Relation,
    /// The other document answers or cites this one (else this one answers or cites it).
    pub incoming: bool,
    /// The other document's index in [`Correspondence::docs`].
    pub other: u32,
    /// What shows the link ("your letter of July 10, 1981 + footnote 2: See Document 73").
    pub evidence: String,
}

/// A link between two documents: `from` answers or cites `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadLink {
    /// Index of the answering or citing document in [`Correspondence::docs`].
    pub from: u32,
    /// Index of the document answered or cited.
    pub to: u32,
    /// Answers or cites.
    pub relation: Relation,
    /// What shows the link ("your letter of July 10, 1981 + footnote 2: See Document 73").
    pub evidence: String,
}

/// The correspondence model over every open document.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Correspondence {
    /// One entry per document, in input order: a document's index is its place here.
    pub docs: Vec<DocFacts>,
    /// Volume ids (`frus1934v05`) by first appearance; [`DocFacts::volume`] indexes them.
    pub volumes: Vec<String>,
    /// Every correspondent, normalised across documents and volumes.
    pub parties: Parties,
    /// Sorted by `from`, then `to`.
    pub links: Vec<ThreadLink>,
    /// Placed documents by start time (ties by input order).
    pub by_time: Vec<u32>,
    /// Rebuilt after decoding (`reindexed`).
    #[serde(skip)]
    index: HashMap<String, u32>,
}

impl Correspondence {
    /// Builds the model over documents (in reading order) and the volumes they come from
    /// (for the persons lists).
    pub fn build(docs: &[&Document], volumes: &[&Volume]) -> Self {
        let persons: HashMap<&str, &[Entry]> = volumes
            .iter()
            .map(|v| (v.id.as_str(), v.persons.as_slice()))
            .collect();
        let mut volume_ids: Vec<String> = Vec::new();
        let mut volume_of = |v: &str| -> u16 {
            match volume_ids.iter().position(|x| x == v) {
                Some(i) => i as u16,
                None => {
                    volume_ids.push(v.to_string());
                    (volume_ids.len() - 1) as u16
                }
            }
        };
        // 1. Dates, carried letters, and every party as written.
        let mut observations = Vec::new();
        let mut spans = Vec::with_capacity(docs.len());
        let mut pre = Vec::with_capacity(docs.len());
        for d in docs {
            let w = when::of(d);
            let at = w.certainty.placed().then_some(w.start);
            let vol = d.volume.clone().unwrap_or_default();
            let signed = signature(d);
            let carried = carried::find(d);
            let mut push = |list: &[crate::model::Party], signed: Option<String>| {
                let a = observations.len();
                let sole = list.len() == 1;
                for p in list {
                    observations.push(Observation {
                        party: p.clone(),
                        volume: vol.clone(),
                        at,
                        signed: if sole && p.name.is_none() && personal_office(p) {
                            signed.clone()
                        } else {
                            None
                        },
                    });
                }
                a..observations.len()
            };
            let from = push(&d.from, signed);
            let to = push(&d.to, None);
            let (cfrom, cto) = match &carried {
                Some(c) => (push(c.from.as_slice(), None), push(c.to.as_slice(), None)),
                None => (0..0, 0..0),
            };
            spans.push((from, to, cfrom, cto));
            pre.push((w, volume_of(&vol), carried));
        }
        let (parties, resolved) = parties::resolve(&observations, &persons);
        // 2. The facts per document.
        let mut out = Correspondence {
            volumes: volume_ids,
            ..Default::default()
        };
        for (i, (d, ((w, vol, carried), (from, to, cfrom, cto)))) in
            docs.iter().zip(pre.into_iter().zip(spans)).enumerate()
        {
            let ids = |r: std::ops::Range<usize>| -> Vec<PartyId> {
                let mut v: Vec<PartyId> = resolved[r].iter().map(|x| x.id).collect();
                v.dedup();
                v
            };
            let party_evidence = resolved[from.start..cto.end.max(to.end)]
                .iter()
                .filter_map(|r| r.evidence.clone())
                .collect();
            let carried = carried.map(|c| CarriedFacts {
                from: ids(cfrom),
                to: ids(cto),
                day: c.date.as_deref().and_then(when::parse_day),
                evidence: c.evidence,
            });
            let from = ids(from);
            let to = ids(to);
            out.index.insert(d.id.clone(), i as u32);
            out.docs.push(DocFacts {
                id: d.id.clone(),
                volume: vol,
                n: d.n.clone(),
                kind: d.kind,
                title: d.title.clone(),
                when: w,
                from,
                to,
                carried,
                party_evidence,
                serial: threads::serial(d),
            });
        }
        let mut counted = vec![0u32; parties.len()];
        for f in &out.docs {
            for p in f.parties() {
                counted[p as usize] += 1;
            }
        }
        out.parties = parties;
        out.parties.seal();
        for (r, n) in out.parties.records.iter_mut().zip(counted) {
            r.documents = n;
        }
        out.by_time = (0..out.docs.len() as u32)
            .filter(|&i| out.docs[i as usize].when.certainty.placed())
            .collect();
        out.by_time
            .sort_by_key(|&i| (out.docs[i as usize].when.start, i));
        // 3. Threads.
        out.links = out.threads(docs);
        out
    }

    /// The model read back from a pack's summary: its lookup by id built again.
    pub fn reindexed(mut self) -> Self {
        self.parties = std::mem::take(&mut self.parties).reindexed();
        self.index = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i as u32))
            .collect();
        self
    }

    /// This model with `other`'s documents after its own (a pack site's summary and the
    /// documents opened from elsewhere): `other`'s parties are found by key or added, its
    /// documents whose id this model has already are left out. Threads stay within each
    /// side (they were found when each was built); a document of one side that cites the
    /// other is not linked.
    pub fn merged(&self, other: &Correspondence) -> Correspondence {
        let mut out = Correspondence {
            docs: self.docs.clone(),
            volumes: self.volumes.clone(),
            parties: self.parties.clone(),
            links: self.links.clone(),
            by_time: Vec::new(),
            index: self.index.clone(),
        };
        let volume: Vec<u16> = other
            .volumes
            .iter()
            .map(|v| match out.volumes.iter().position(|x| x == v) {
                Some(i) => i as u16,
                None => {
                    out.volumes.push(v.clone());
                    (out.volumes.len() - 1) as u16
                }
            })
            .collect();
        // `other`'s parties are taken when a document kept from it names them, and counted
        // by those documents (as `build` counts), not by the ones left out.
        let mut party: Vec<Option<PartyId>> = vec![None; other.parties.len()];
        let mut map_one = |p: PartyId, parties: &mut Parties| -> PartyId {
            *party[p as usize].get_or_insert_with(|| parties.merge(other.parties.get(p)))
        };
        let mut new_index = vec![None; other.docs.len()];
        for (i, d) in other.docs.iter().enumerate() {
            if out.index.contains_key(&d.id) {
                continue;
            }
            let at = out.docs.len() as u32;
            new_index[i] = Some(at);
            out.index.insert(d.id.clone(), at);
            let mut map = |ids: &[PartyId]| -> Vec<PartyId> {
                ids.iter().map(|&p| map_one(p, &mut out.parties)).collect()
            };
            let fact = DocFacts {
                volume: volume[d.volume as usize],
                from: map(&d.from),
                to: map(&d.to),
                carried: d.carried.as_ref().map(|c| CarriedFacts {
                    from: map(&c.from),
                    to: map(&c.to),
                    ..c.clone()
                }),
                ..d.clone()
            };
            for p in fact.parties() {
                out.parties.records[p as usize].documents += 1;
            }
            out.docs.push(fact);
        }
        out.links.extend(other.links.iter().filter_map(|l| {
            Some(ThreadLink {
                from: new_index[l.from as usize]?,
                to: new_index[l.to as usize]?,
                ..l.clone()
            })
        }));
        out.links.sort_by_key(|l| (l.from, l.to));
        // Both are sorted by start; merged, ties keep input order (this model's first).
        let theirs: Vec<u32> = other
            .by_time
            .iter()
            .filter_map(|&i| new_index[i as usize])
            .collect();
        let start = |i: &u32| (out.docs[*i as usize].when.start, *i);
        let (mut a, mut b) = (self.by_time.iter().peekable(), theirs.iter().peekable());
        let mut by_time = Vec::with_capacity(self.by_time.len() + theirs.len());
        loop {
            match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if start(x) <= start(y) => by_time.push(*a.next().unwrap()),
                (_, Some(_)) => by_time.push(*b.next().unwrap()),
                (Some(_), None) => by_time.push(*a.next().unwrap()),
                (None, None) => break,
            }
        }
        out.by_time = by_time;
        out.parties.seal();
        out
    }

    /// Whether every index the model holds points inside it (a summary read from a file:
    /// one that does not would panic in the views).
    pub fn check(&self) -> Result<(), String> {
        let (docs, parties, volumes) = (self.docs.len(), self.parties.len(), self.volumes.len());
        for d in &self.docs {
            if d.volume as usize >= volumes || d.parties().iter().any(|&p| p as usize >= parties) {
                return Err(format!(
                    "{} names a volume or a party it does not hold",
                    d.id
                ));
            }
        }
        if self.by_time.iter().any(|&i| i as usize >= docs)
            || self
                .links
                .iter()
                .any(|l| l.from as usize >= docs || l.to as usize >= docs)
            || !self
                .links
                .windows(2)
                .all(|w| (w[0].from, w[0].to) <= (w[1].from, w[1].to))
        {
            return Err("its time order or its threads point outside it".into());
        }
        Ok(())
    }

    /// The index of the document with this id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// The volume id of document `i` (empty when it has none).
    pub fn volume_of(&self, i: u32) -> &str {
        &self.volumes[self.docs[i as usize].volume as usize]
    }

    /// The links from a document (what it answers or cites).
    pub fn links_from(&self, i: u32) -> &[ThreadLink] {
        let a = self.links.partition_point(|l| l.from < i);
        let b = self.links.partition_point(|l| l.from <= i);
        &self.links[a..b]
    }

    /// The links to a document (what answers or cites it).
    pub fn links_to(&self, i: u32) -> impl Iterator<Item = &ThreadLink> {
        self.links.iter().filter(move |l| l.to == i)
    }

    /// What a document answers or cites, then what answers or cites it.
    pub fn thread_entries(&self, i: u32) -> Vec<ThreadEntry> {
        let out = self.links_from(i).iter().map(|l| ThreadEntry {
            relation: l.relation,
            incoming: false,
            other: l.to,
            evidence: l.evidence.clone(),
        });
        let back = self.links_to(i).map(|l| ThreadEntry {
            relation: l.relation,
            incoming: true,
            other: l.from,
            evidence: l.evidence.clone(),
        });
        out.chain(back).collect()
    }

    /// The parties' labels, comma-separated ("Gromyko", "Hull, Phillips").
    pub fn names(&self, parties: &[PartyId]) -> String {
        parties
            .iter()
            .map(|&p| self.parties.get(p).label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "Gromyko → Haig" (the carried letter's writer and addressee when there is one).
    pub fn route(&self, i: u32) -> Option<String> {
        let d = &self.docs[i as usize];
        (!d.writers().is_empty() || !d.addressees().is_empty()).then(|| {
            format!(
                "{} → {}",
                self.names(d.writers()),
                self.names(d.addressees())
            )
        })
    }

    /// "Document 73 (Telegram, July 11, 1981, 6:58 p.m.)".
    pub fn label(&self, i: u32) -> String {
        let d = &self.docs[i as usize];
        let name = match &d.n {
            Some(n) => format!("Document {n}"),
            None => d.title.clone(),
        };
        format!(
            "{name} ({}, {})",
            presentation::kind(d.kind),
            when::display(&d.when)
        )
    }

    /// The whole thread a document belongs to (itself included), in date order.
    pub fn thread(&self, i: u32) -> Vec<u32> {
        let mut seen = vec![i];
        let mut k = 0;
        while k < seen.len() && seen.len() < 200 {
            let d = seen[k];
            for l in self.links.iter().filter(|l| l.from == d || l.to == d) {
                for x in [l.from, l.to] {
                    if !seen.contains(&x) {
                        seen.push(x);
                    }
                }
            }
            k += 1;
        }
        seen.sort_by_key(|&d| (self.docs[d as usize].when.start, d));
        seen
    }

    /// The links among the documents of a document's thread (what the timeline draws).
    pub fn thread_links(&self, i: u32) -> Vec<ThreadLink> {
        let docs = self.thread(i);
        self.links
            .iter()
            .filter(|l| docs.contains(&l.from) && docs.contains(&l.to))
            .cloned()
            .collect()
    }

    /// The model's `links` of a document (document-model.md).
    pub fn model_links(&self, i: u32) -> Vec<Link> {
        self.links_from(i)
            .iter()
            .map(|l| Link {
                target: self.docs[l.to as usize].id.clone(),
                relation: l.relation.as_str().into(),
                evidence: l.evidence.clone(),
            })
            .collect()
    }
}

/// The writer's name from a short signature ("Hull", "Kellogg", "A. Gromyko").
fn signature(d: &Document) -> Option<String> {
    let b = d
        .blocks
        .iter()
        .rev()
        .find(|b| b.kind == crate::model::BlockKind::Signature && b.level == 0)?;
    // "C[ordell] H[ull]": the editors complete a signature in brackets; the name is whole.
    let t = plain_text(&b.inlines).replace(['[', ']'], "");
    let t = t.trim().trim_end_matches(['.', ',']);
    // Only a person signs: a bare "Department of State" or "Embassy" keeps its office.
    let words = t.split_whitespace().count();
    ((1..=4).contains(&words) && t.len() < 40 && !t.bytes().any(|c| c.is_ascii_digit()))
        .then(|| t.to_string())
}

/// An office one person holds ("the Secretary of State"), not a body ("the Department
/// of State", "the Embassy in the Soviet Union", "the Haitian Legation").
fn personal_office(p: &crate::model::Party) -> bool {
    let role = p.role.as_deref().unwrap_or(&p.text).to_lowercase();
    ![
        "department",
        "embassy",
        "legation",
        "government",
        "office",
        "delegation",
        "commission",
        "ministry",
        "consulate",
    ]
    .iter()
    .any(|w| role.contains(w))
}
