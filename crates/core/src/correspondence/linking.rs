//! Linking documents into threads: each document's phrases ("your letter of July 10",
//! "Department's telegram No. 10"), explicit references and notes resolved against the
//! open documents between the same correspondents, each link with its evidence.

use std::collections::HashMap;

use super::parties::PartyId;
use super::threads::{self, Mention, Side};
use super::when::{self, Minute};
use super::{Correspondence, Relation, ThreadLink, DAY};
use crate::doc_id::DocId;
use crate::model::{plain_text, Document};
use crate::presentation;
use crate::volumes::{destination, Destination};

impl Correspondence {
    pub(super) fn threads(&self, docs: &[&Document]) -> Vec<ThreadLink> {
        // Candidates by number and by day (their own, and a carried letter's).
        let mut by_serial: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut by_day: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
        for (i, f) in self.docs.iter().enumerate() {
            if let Some(s) = f.serial {
                by_serial.entry(s).or_default().push(i as u32);
            }
            let mut days = Vec::new();
            if f.when.certainty.placed() && f.when.end - f.when.start < DAY {
                days.push(f.when.start);
            }
            if let Some(d) = f.carried.as_ref().and_then(|c| c.day) {
                days.push(d);
            }
            for m in days {
                let t = when::datetime(m);
                use chrono::Datelike;
                by_day
                    .entry((t.month(), t.day()))
                    .or_default()
                    .push(i as u32);
            }
        }
        let mut links = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            let me = &self.docs[i];
            let at = me.when.certainty.placed().then(|| {
                use chrono::Datelike;
                let t = when::datetime(me.when.start);
                (t.year(), t.month())
            });
            let add = |links: &mut Vec<ThreadLink>, to: u32, relation, evidence: String| {
                if to as usize != i
                    && !links
                        .iter()
                        .any(|l: &ThreadLink| l.from == i as u32 && l.to == to)
                {
                    links.push(ThreadLink {
                        from: i as u32,
                        to,
                        relation,
                        evidence,
                    });
                }
            };
            for m in threads::mentions(d, at) {
                let relation = match self.side(i as u32, m.side) {
                    Side::Theirs => Relation::Answers,
                    _ => Relation::Cites,
                };
                // A footnote right after the phrase that names the document decides.
                if let Some((to, note)) = m.note.and_then(|n| self.note_target(d, n)) {
                    add(&mut links, to, relation, format!("{} + {note}", m.text));
                    continue;
                }
                if let Some(to) = self.resolve(i as u32, &m, &by_serial, &by_day) {
                    let t = &self.docs[to as usize];
                    let date = if t.when.certainty.placed() {
                        when::iso_day(t.when.start)
                    } else {
                        "undated".into()
                    };
                    let no = t.serial.map(|s| format!(" No. {s}")).unwrap_or_default();
                    add(
                        &mut links,
                        to,
                        relation,
                        format!(
                            "{}: {}{no} from {} to {}, {date}",
                            m.text,
                            presentation::kind(t.kind).to_lowercase(),
                            self.names(t.writers()),
                            self.names(t.addressees())
                        ),
                    );
                }
            }
            // Explicit references to documents that are open.
            for r in &d.refs {
                if let Some(to) = self.ref_target(d, &r.target) {
                    let evidence = match r.in_footnote.and_then(|k| d.footnote(k)) {
                        Some(f) => {
                            format!("footnote {}: {}", f.n, clip(&plain_text(&f.inlines), 90))
                        }
                        None => r.text.clone(),
                    };
                    add(&mut links, to, Relation::Cites, evidence);
                }
            }
        }
        links.sort_by_key(|l| (l.from, l.to));
        links
    }

    /// Which side a possessive names, from the writer's point of view.
    fn side(&self, i: u32, side: Side) -> Side {
        let me = &self.docs[i as usize];
        let dept = me.writers().iter().any(|&p| self.parties.is_department(p));
        match (side, dept) {
            (Side::Department, true) | (Side::Mission, false) => Side::Mine,
            (Side::Department, false) | (Side::Mission, true) => Side::Theirs,
            (s, _) => s,
        }
    }

    fn same_side(&self, a: &[PartyId], b: &[PartyId]) -> bool {
        a.iter().any(|x| b.contains(x))
            || (a.iter().any(|&x| self.parties.is_department(x))
                && b.iter().any(|&x| self.parties.is_department(x)))
    }

    fn resolve(
        &self,
        i: u32,
        m: &Mention,
        by_serial: &HashMap<u32, Vec<u32>>,
        by_day: &HashMap<(u32, u32), Vec<u32>>,
    ) -> Option<u32> {
        let me = &self.docs[i as usize];
        let theirs = self.side(i, m.side) == Side::Theirs;
        let (want_from, want_to) = if theirs {
            (me.addressees(), me.writers())
        } else {
            (me.writers(), me.addressees())
        };
        let empty = Vec::new();
        let pool = match (m.number, m.day) {
            (Some(n), _) => by_serial.get(&n).unwrap_or(&empty),
            (None, Some(d)) => by_day.get(&(d.month, d.day)).unwrap_or(&empty),
            _ => return None,
        };
        let my_time = me.when.certainty.placed().then_some(me.when.start);
        pool.iter()
            .copied()
            .filter(|&c| c != i)
            .filter(|&c| {
                let f = &self.docs[c as usize];
                let sides = (self.same_side(f.writers(), want_from)
                    && self.same_side(f.addressees(), want_to))
                    || (self.same_side(&f.from, want_from) && self.same_side(&f.to, want_to));
                if !sides {
                    return false;
                }
                let mut days: Vec<Minute> = Vec::new();
                if f.when.certainty.placed() {
                    days.push(f.when.start);
                }
                if let Some(d) = f.carried.as_ref().and_then(|c| c.day) {
                    days.push(d);
                }
                // Not after the document that mentions it (a day's grace for time zones).
                if let (Some(t), Some(&first)) = (my_time, days.iter().min()) {
                    if first > t + DAY {
                        return false;
                    }
                    if first < t - 3 * 366 * DAY {
                        return false;
                    }
                }
                match m.day {
                    None => true,
                    Some(want) => days.iter().any(|&x| {
                        use chrono::Datelike;
                        let t = when::datetime(x);
                        let same = t.month() == want.month && t.day() == want.day;
                        let near = m.number.is_some() && {
                            let guess = when::datetime(x - DAY);
                            let next = when::datetime(x + DAY);
                            (guess.month(), guess.day()) == (want.month, want.day)
                                || (next.month(), next.day()) == (want.month, want.day)
                        };
                        (same || near) && want.year.is_none_or(|y| t.year() == y)
                    }),
                }
            })
            .max_by_key(|&c| (self.docs[c as usize].when.start, c))
    }

    /// The open document a footnote names ("See Document 73"), with the evidence.
    fn note_target(&self, d: &Document, note: u32) -> Option<(u32, String)> {
        let f = d.footnote(note)?;
        d.refs
            .iter()
            .filter(|r| r.in_footnote == Some(note))
            .find_map(|r| self.ref_target(d, &r.target))
            .map(|to| {
                (
                    to,
                    format!("footnote {}: {}", f.n, clip(&plain_text(&f.inlines), 90)),
                )
            })
    }

    /// The open document an explicit reference names (by number within a known volume).
    fn ref_target(&self, d: &Document, target: &str) -> Option<u32> {
        match destination(d.volume.as_deref(), target) {
            Destination::Document {
                id,
                volume: Some(_),
                ..
            } if DocId::parse(&id)
                .is_some_and(|x| x.number().bytes().all(|b| b.is_ascii_digit())) =>
            {
                self.index_of(&id)
            }
            _ => None,
        }
    }
}

fn clip(s: &str, n: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
