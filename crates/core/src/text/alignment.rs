//! Choosing the footnote markers: a whole-document alignment, not a greedy regex.
//!
//! Given every candidate place (`markers`), we score each pair of consecutive labels (1 → 2,
//! 75 → 75a, a restart at 1 after a page break, * → †, 99 → 1 in a running count), what
//! the footnote's own text says about the place (`affinity`), and pick, by dynamic
//! programming, the best assignment of footnotes 1..K to candidates in text order. A
//! footnote with no good place keeps no marker rather than a wrong one.

use std::collections::HashMap;

use crate::text::markers::{Candidate, OCR_ONE, SYMBOLS};

/// What the alignment needs to know about the document.
pub struct AlignInput<'a> {
    /// Byte offsets where a printed page begins (`[Page N]`).
    pub page_breaks: &'a [usize],
    /// Number of footnotes in the list.
    pub notes: usize,
    /// How the volume numbers its notes.
    pub numbering: Numbering,
    /// Per footnote, the candidates its own text points to and how strongly
    /// (see `affinity`); may be empty.
    pub affinity: &'a [Vec<(usize, f32)>],
    /// Per footnote, the earlier footnote whose text it repeats (it may be the same printed
    /// note cited again, under an earlier label); may be empty.
    pub repeats: &'a [Option<usize>],
    /// Per footnote: its marker likely stands where the page does not show it (a note on
    /// the whole telegram, printed at its dateline); may be empty.
    pub unshown: &'a [bool],
}

/// How a volume numbers its footnote markers. FRUS changed its practice twice: the
/// nineteenth-century and early-twentieth-century volumes start again on every printed
/// page (labels stay small: 1–5, * † ‡), the volumes of 1919–1944 run a count through a
/// chapter (up to 99, then 1 again), and those from 1945 on number 1..K per document as
/// the list does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// 1..K per document, as the footnote list.
    PerDocument,
    /// From 1 (or *) on every printed page.
    PerPage,
    /// A count that runs on across documents.
    Running,
    /// The volume is not known.
    Unknown,
}

/// Cost of each step of `split_rank` where labels run to 99.
const SPLIT_FIGURE: f32 = 0.1;

impl Numbering {
    /// What a label split from the end of a number costs beyond the longest split of that
    /// number (`split_rank` steps). Where the labels run to 99, note 19 is as likely as
    /// note 9, and prose cites short numbers more often than long ones: "telegram number
    /// 1619" is 16 and note 19 rather than 161 and note 9, "lines 10 and 1156" are lines 10
    /// and 11 and note 56. Where labels start again on each page, small labels are the
    /// likelier and `size` says so.
    pub fn split_cost(self, rank: u8) -> f32 {
        match self {
            Numbering::Running => SPLIT_FIGURE * f32::from(rank),
            _ => 0.0,
        }
    }

    /// The practice of a volume whose documents date from `year`; `numbered_heading`: the
    /// heading carries a document number ("74. Letter …"), as only modern volumes do.
    pub fn of(year: Option<i32>, numbered_heading: bool) -> Numbering {
        match year {
            Some(y) if y >= 1945 => Numbering::PerDocument,
            Some(y) if y >= 1919 => Numbering::Running,
            Some(_) => Numbering::PerPage,
            None if numbered_heading => Numbering::PerDocument,
            None => Numbering::Unknown,
        }
    }

    /// How plausible a label's size is under this practice.
    fn size(self, label: Label) -> f32 {
        match (self, label) {
            (Numbering::PerPage, Label::Num(n, _)) if n >= 10 => -2.0,
            _ => 0.0,
        }
    }

    /// How plausible a label is for the first marker of a document.
    fn first(self, label: Label) -> f32 {
        let restart = matches!(self, Numbering::PerPage | Numbering::Unknown) && is_restart(label);
        self.size(label) + if restart { 1.0 } else { 0.0 }
    }
}

/// Penalty for leaving a footnote without a marker (markers in datelines are not shown).
const SKIP: f32 = -4.0;
/// Leaving the first footnotes unplaced is likelier: a dateline's marker comes first.
const SKIP_LEAD: f32 = -3.5;
/// Leaving a note on the whole document without a marker: likely, so a small gain.
const UNSHOWN: f32 = 1.0;
/// Beyond this many (notes × candidates) cells the alignment degrades to a greedy pass.
const MAX_CELLS: usize = 4_000_000;
/// How many footnotes in a row may be skipped inside the text.
const MAX_GAP: usize = 4;

/// Parsed label: numeric value with an optional letter ("75a"), or a symbol run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Label {
    Num(u32, Option<char>),
    Sym(usize, usize),
    Other,
}

fn parse_label(s: &str) -> Label {
    if s == OCR_ONE {
        return Label::Num(1, None);
    }
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        let rest = &s[digits.len()..];
        let n = digits.parse().unwrap_or(0);
        return match rest.chars().next() {
            None => Label::Num(n, None),
            Some(c) if rest.len() == 1 => Label::Num(n, Some(c)),
            _ => Label::Other,
        };
    }
    let mut chars = s.chars();
    if let Some(first) = chars.next() {
        if let Some(i) = SYMBOLS.iter().position(|&c| c == first) {
            let count = s.chars().count();
            if s.chars().all(|c| c == first) {
                return Label::Sym(i, count);
            }
        }
    }
    Label::Other
}

/// A running count starts again at 1 after 99.
const WRAP: u32 = 99;

/// The labels that may directly precede `label`, `gap` footnotes earlier.
fn predecessors(label: Label, gap: u32, numbering: Numbering) -> Vec<Label> {
    match label {
        Label::Num(n, None) if n > gap => vec![
            Label::Num(n - gap, None),
            Label::Num(n - gap, Some('a')),
            Label::Num(n - gap, Some('b')),
        ],
        Label::Num(n, None) if numbering == Numbering::Running && gap - n < WRAP => {
            vec![Label::Num(WRAP - (gap - n), None)]
        }
        Label::Num(n, Some(c)) if gap == 1 => {
            if c == 'a' {
                vec![Label::Num(n, None)]
            } else {
                vec![Label::Num(n, Some((c as u8 - 1) as char))]
            }
        }
        Label::Sym(i, count) => {
            // * † ‡ § ‖ ¶, then ** †† …; or * ** *** (one symbol, doubled).
            let pos = (count - 1) * SYMBOLS.len() + i;
            let g = gap as usize;
            let mut v = Vec::new();
            if pos >= g {
                let p = pos - g;
                v.push(Label::Sym(p % SYMBOLS.len(), p / SYMBOLS.len() + 1));
            }
            if count > g {
                v.push(Label::Sym(i, count - g));
            }
            v
        }
        _ => vec![],
    }
}

/// Does `a` come before `b` in a label sequence (a number, or a symbol, before)?
fn earlier(a: Label, b: Label) -> bool {
    match (a, b) {
        (Label::Num(x, _), Label::Num(y, _)) => x < y,
        (Label::Sym(i, n), Label::Sym(j, m)) => (n, i) < (m, j),
        _ => false,
    }
}

fn is_restart(label: Label) -> bool {
    matches!(label, Label::Num(1, None) | Label::Sym(0, 1))
}

const SUCC: f32 = 2.0;
const REPEAT: f32 = 0.3;
const RESTART: f32 = 1.5;
/// A label a little ahead of the expected one ("2" then "4").
const JUMP: f32 = -1.0;
/// Any label on a new printed page (numbering may restart anywhere).
const NEW_PAGE: f32 = -1.0;
const OTHER: f32 = -4.0;
/// A repeated note cited again under an earlier label (41, 43, 41): the sequence goes on
/// from the label before it.
const CITED_AGAIN: f32 = -0.5;
/// Two neighbouring labels printed in each other's place (22 before 21: the edition's
/// slip); the sequence goes on from the larger. Never twice in a row.
const TRANSPOSED: f32 = -1.0;
/// Going on with the other sequence (a number after symbols, a symbol after numbers).
const SWITCH: f32 = -0.5;
/// A * among numbers (or a 1 among symbols): the other sequence starting again, on a page
/// the alignment cannot see began.
const OTHER_KIND_RESTART: f32 = RESTART + SWITCH - 1.0;
/// No label (a cell's `other` before both kinds were seen).
const NONE: u16 = u16::MAX;

/// The label printed at footnote `k` (1-based) in a numbered-per-document volume.
fn index_bonus(label: Label, k: usize, strict: bool) -> f32 {
    let matches = matches!(label, Label::Num(n, None) if n as usize == k);
    match (strict, matches) {
        (true, true) => 3.0,
        (true, false) => -4.0,
        (false, true) => 0.0,
        (false, false) => 0.0,
    }
}

/// For each footnote 1..K, the chosen candidate (index into `cands`), or `None`.
pub fn align(input: &AlignInput<'_>, cands: &[Candidate]) -> Vec<Option<usize>> {
    let k_total = input.notes;
    let n = cands.len();
    if k_total == 0 || n == 0 {
        return vec![None; k_total];
    }
    if k_total.saturating_mul(n) > MAX_CELLS {
        return greedy(input, cands);
    }
    let labels: Vec<Label> = cands.iter().map(|c| parse_label(&c.label)).collect();
    let own_score: Vec<f32> = cands
        .iter()
        .map(|c| c.score - input.numbering.split_cost(c.split_rank))
        .collect();
    // Labels by number, so each cell stores two small ids.
    let mut table: Vec<Label> = Vec::new();
    let mut id_of: HashMap<Label, u16> = HashMap::new();
    let ids: Vec<u16> = labels
        .iter()
        .map(|&l| {
            *id_of.entry(l).or_insert_with(|| {
                table.push(l);
                (table.len() - 1) as u16
            })
        })
        .collect();
    if table.len() >= NONE as usize {
        return greedy(input, cands);
    }
    // For each candidate numbered n, the id of n + 1 (a transposed pair's first label),
    // looked up once rather than in every cell.
    let next_id: Vec<Option<u16>> = labels
        .iter()
        .map(|&l| match l {
            Label::Num(n, None) => id_of.get(&Label::Num(n + 1, None)).copied(),
            _ => None,
        })
        .collect();
    // Candidates in order of start; an earlier one may precede a later one if it ends first.
    let mut by_start: Vec<usize> = (0..n).collect();
    by_start.sort_by_key(|&i| (cands[i].start, cands[i].end));
    let mut by_end: Vec<usize> = (0..n).collect();
    by_end.sort_by_key(|&i| (cands[i].end, cands[i].start));
    let ends: Vec<usize> = by_end.iter().map(|&i| cands[i].end).collect();
    // A label printed with confidence earlier in the text: one a note cited again may carry.
    let mut printed_before = vec![false; n];
    let mut seen: std::collections::HashSet<u16> = std::collections::HashSet::new();
    for &j in &by_start {
        printed_before[j] = seen.contains(&ids[j]);
        if cands[j].score >= 1.0 {
            seen.insert(ids[j]);
        }
    }

    let last_break_before = |pos: usize| -> Option<usize> {
        let i = input.page_breaks.partition_point(|&p| p < pos);
        i.checked_sub(1).map(|i| input.page_breaks[i])
    };

    const NEG: f32 = f32::NEG_INFINITY;
    let cell = |k: usize, c: usize| k * n + c;
    // dp: best score with footnote k+1 at candidate c; back_gap/back_c: the footnote and
    // candidate before it (gap 0: none). eff: the label the sequence goes on from (the
    // candidate's own, or for a note cited again the one before it); other: the last label
    // of the other kind (numbers and symbols run as two sequences: a memorandum's own
    // notes * † beside the editors' 4, 5, 6).
    let mut dp = vec![NEG; k_total * n];
    let mut back_gap = vec![0u8; k_total * n];
    let mut back_c = vec![0u32; k_total * n];
    let mut eff = vec![NONE; k_total * n];
    let mut other = vec![NONE; k_total * n];
    // The cell's label stands where its predecessor's should (`TRANSPOSED`).
    let mut swapped = vec![false; k_total * n];
    let mut near = vec![0f32; n];
    // What leaving footnotes unplaced costs: `lead[k]` for the first k, `mid[b] - mid[a]`
    // for footnotes a..b.
    let unshown = |k: usize| input.unshown.get(k).copied().unwrap_or(false);
    let sums = |cost: f32| -> Vec<f32> {
        let mut v = vec![0.0];
        for k in 0..k_total {
            v.push(v[k] + if unshown(k) { UNSHOWN } else { cost });
        }
        v
    };
    let lead = sums(SKIP_LEAD);
    let mid = sums(SKIP);
    let size: Vec<f32> = labels.iter().map(|&l| input.numbering.size(l)).collect();
    let strict = input.numbering == Numbering::PerDocument;
    let mut per_own = vec![(NEG, usize::MAX); table.len()];
    let mut per_other = vec![(NEG, usize::MAX); table.len()];
    let mut options: Vec<(f32, usize)> = Vec::with_capacity(16);

    for k in 0..k_total {
        near.iter_mut().for_each(|v| *v = 0.0);
        for &(c, w) in input.affinity.get(k).into_iter().flatten() {
            near[c] = w;
        }
        let repeated = input.repeats.get(k).copied().flatten().is_some();
        // Start: footnotes before k skipped.
        for c in 0..cands.len() {
            let s = lead[k]
                + own_score[c]
                + near[c]
                + input.numbering.first(labels[c])
                + index_bonus(labels[c], k + 1, strict);
            let x = cell(k, c);
            if s > dp[x] {
                dp[x] = s;
                back_gap[x] = 0;
                eff[x] = ids[c];
                other[x] = NONE;
            }
        }
        for gap in 1..=MAX_GAP.min(k) {
            let pk = k - gap;
            // Prefix maxima over candidates sorted by end, and the best state per label the
            // sequence goes on from, of either kind.
            let mut prefix: Vec<(f32, usize)> = Vec::with_capacity(n);
            let mut best = (NEG, usize::MAX);
            for &i in &by_end {
                if dp[cell(pk, i)] > best.0 {
                    best = (dp[cell(pk, i)], i);
                }
                prefix.push(best);
            }
            // Indexed by label id: the best state ending before the candidate whose own
            // (or other) sequence stands at that label.
            per_own.iter_mut().for_each(|e| *e = (NEG, usize::MAX));
            per_other.iter_mut().for_each(|e| *e = (NEG, usize::MAX));
            let keep = |m: &mut [(f32, usize)], key: u16, s: f32, i: usize| {
                let e = &mut m[key as usize];
                if s > e.0 {
                    *e = (s, i);
                }
            };
            // The best state whose sequence is of each kind (a symbol sequence may start
            // again at * among the numbers of a later page).
            let mut per_kind = [(NEG, usize::MAX); 3];
            let mut inserted = 0;
            for &j in &by_start {
                let start = cands[j].start;
                while inserted < n && ends[inserted] <= start {
                    let i = by_end[inserted];
                    let x = cell(pk, i);
                    if dp[x] > NEG {
                        keep(&mut per_own, eff[x], dp[x], i);
                        if other[x] != NONE {
                            keep(&mut per_other, other[x], dp[x], i);
                        }
                        let kd = kind(table[eff[x] as usize]) as usize;
                        if dp[x] > per_kind[kd].0 {
                            per_kind[kd] = (dp[x], i);
                        }
                    }
                    inserted += 1;
                }
                if inserted == 0 {
                    continue;
                }
                let own = own_score[j]
                    + near[j]
                    + size[j]
                    + index_bonus(labels[j], k + 1, strict)
                    + (mid[k] - mid[pk + 1]);
                let here = cell(k, j);
                // A note cited again under a label printed before: the sequences go on
                // from where they were.
                let any = prefix[inserted - 1];
                if repeated && gap == 1 && any.1 != usize::MAX && printed_before[j] {
                    let x = cell(pk, any.1);
                    if earlier(labels[j], table[eff[x] as usize]) {
                        let total = any.0 + CITED_AGAIN + own;
                        if total > dp[here] {
                            dp[here] = total;
                            back_gap[here] = gap as u8;
                            back_c[here] = any.1 as u32;
                            eff[here] = eff[x];
                            other[here] = other[x];
                            swapped[here] = false;
                        }
                    }
                }
                // 22 then 21: the larger label printed first; the sequence goes on from 22.
                if gap == 1 {
                    if let Some(p) = next_id[j] {
                        let (s, i) = per_own[p as usize];
                        if i != usize::MAX && !swapped[cell(pk, i)] {
                            let total = s + TRANSPOSED + own;
                            if total > dp[here] {
                                let x = cell(pk, i);
                                dp[here] = total;
                                back_gap[here] = 1;
                                back_c[here] = i as u32;
                                eff[here] = eff[x];
                                other[here] = other[x];
                                swapped[here] = true;
                            }
                        }
                    }
                }
                options.clear();
                options.push((any.0 + OTHER, any.1));
                for p in predecessors(labels[j], gap as u32, input.numbering) {
                    let Some(&p) = id_of.get(&p) else { continue };
                    options.push((per_own[p as usize].0 + SUCC, per_own[p as usize].1));
                    options.push((
                        per_other[p as usize].0 + SUCC + SWITCH,
                        per_other[p as usize].1,
                    ));
                }
                if gap == 1 {
                    let (s, i) = per_own[ids[j] as usize];
                    options.push((s + REPEAT, i));
                    if let Label::Num(b, None) = labels[j] {
                        for d in 2..=3 {
                            let Some(p) = b.checked_sub(d).filter(|&p| p > 0) else {
                                continue;
                            };
                            let Some(&p) = id_of.get(&Label::Num(p, None)) else {
                                continue;
                            };
                            let (s, i) = per_own[p as usize];
                            options.push((s + JUMP, i));
                        }
                    }
                }
                if is_restart(labels[j]) {
                    for (kd, &(s, i)) in per_kind.iter().enumerate() {
                        if kd != kind(labels[j]) as usize && i != usize::MAX {
                            options.push((s + OTHER_KIND_RESTART, i));
                        }
                    }
                } else if input.numbering == Numbering::Running && kind(labels[j]) == 0 {
                    // A running count may begin anywhere: after a memorandum's own * the
                    // editors' 49 is the first of its sequence, not a break in the stars'.
                    for (kd, &(s, i)) in per_kind.iter().enumerate() {
                        if kd != 0 && i != usize::MAX && other[cell(pk, i)] == NONE {
                            options.push((s + SWITCH, i));
                        }
                    }
                }
                // Only a count that starts again on every page restarts at a page break.
                let per_page = matches!(input.numbering, Numbering::PerPage | Numbering::Unknown);
                if let Some(pb) = last_break_before(start).filter(|_| per_page) {
                    let m = ends.partition_point(|&e| e <= pb);
                    if m > 0 {
                        let (s, i) = prefix[m - 1];
                        match labels[j] {
                            l if is_restart(l) => options.push((s + RESTART, i)),
                            Label::Num(2..=3, _) | Label::Sym(..) => {
                                options.push((s + NEW_PAGE, i))
                            }
                            _ => {}
                        }
                    }
                }
                for &(s, i) in &options {
                    if i == usize::MAX || s == NEG {
                        continue;
                    }
                    let total = s + own;
                    if total > dp[here] {
                        let x = cell(pk, i);
                        dp[here] = total;
                        back_gap[here] = gap as u8;
                        back_c[here] = i as u32;
                        swapped[here] = false;
                        eff[here] = ids[j];
                        other[here] = if kind(labels[j]) == kind(table[eff[x] as usize]) {
                            other[x]
                        } else {
                            eff[x]
                        };
                    }
                }
            }
        }
    }

    // End: trailing footnotes skipped.
    let mut best: (f32, Option<(usize, usize)>) = (mid[k_total], None);
    for k in 0..k_total {
        for c in 0..n {
            let total = dp[cell(k, c)] + (mid[k_total] - mid[k + 1]);
            if total > best.0 {
                best = (total, Some((k, c)));
            }
        }
    }
    let mut out = vec![None; k_total];
    let mut cur = best.1;
    while let Some((k, c)) = cur {
        out[k] = Some(c);
        let x = cell(k, c);
        cur = (back_gap[x] > 0).then(|| (k - back_gap[x] as usize, back_c[x] as usize));
    }
    out
}

/// Numbers, symbols and anything else: the two sequences a document may interleave.
fn kind(l: Label) -> u8 {
    match l {
        Label::Num(..) => 0,
        Label::Sym(..) => 1,
        Label::Other => 2,
    }
}

/// The fallback for enormous inputs: each footnote takes the next plausible place.
fn greedy(input: &AlignInput<'_>, cands: &[Candidate]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].score >= 1.0)
        .collect();
    order.sort_by_key(|&i| cands[i].start);
    let mut out = vec![None; input.notes];
    let mut pos = 0;
    let mut it = order.into_iter();
    for slot in out.iter_mut() {
        for i in it.by_ref() {
            if cands[i].start >= pos {
                *slot = Some(i);
                pos = cands[i].end;
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markers::candidates;

    fn place(text: &str, notes: usize, strict: bool) -> Vec<Option<String>> {
        let numbering = if strict {
            Numbering::PerDocument
        } else {
            Numbering::PerPage
        };
        place_numbered(text, notes, numbering)
    }

    fn place_numbered(text: &str, notes: usize, numbering: Numbering) -> Vec<Option<String>> {
        let ranges = vec![(0, text.len())];
        let breaks: Vec<usize> = text.match_indices("[Page").map(|(i, _)| i).collect();
        let cands = candidates(text, &ranges, None);
        let input = AlignInput {
            page_breaks: &breaks,
            notes,
            numbering,
            affinity: &[],
            repeats: &[],
            unshown: &[],
        };
        align(&input, &cands)
            .into_iter()
            .map(|c| c.map(|c| format!("{}|{}", &text[..cands[c].start], cands[c].label)))
            .collect()
    }

    #[test]
    fn seed_like() {
        let t = "Letter to Secretary of State Haig1 I gave careful attention to your letter of July 10, 1981.2 We have 8 million tons in 1981. A. Gromyko3";
        let got = place(t, 3, true);
        assert!(got[0].as_ref().unwrap().ends_with("Haig|1"));
        assert!(got[1].as_ref().unwrap().ends_with("July 10, 1981.|2"));
        assert!(got[2].as_ref().unwrap().ends_with("A. Gromyko|3"));
    }

    #[test]
    fn glued_to_a_number() {
        let got = place(
            "Haig1 in 1981.2 from Moscow 1088.3 On January 294 and 1,500 tons",
            4,
            true,
        );
        assert_eq!(
            got[2].as_deref(),
            Some("Haig1 in 1981.2 from Moscow 1088.|3")
        );
        assert_eq!(
            got[3].as_deref(),
            Some("Haig1 in 1981.2 from Moscow 1088.3 On January 29|4")
        );
    }

    #[test]
    fn labels_restart_after_page_breaks() {
        let t = "raised yesterday.1 survey in the memorandum1 handed [Page 2] confidential.1 the tons,1 excluding";
        let got = place(t, 4, false);
        assert!(got.iter().all(|g| g.is_some()), "{got:?}");
    }

    #[test]
    fn symbols_in_order() {
        let t = "the Commissions.* in legal tender,† and charge.‡ delayed,§ end";
        let got = place(t, 4, false);
        assert_eq!(
            got[3].as_deref().map(|s| s.ends_with("delayed,|§")),
            Some(true)
        );
    }

    #[test]
    fn a_running_count_splits_the_shorter_number() {
        // The label is unknown (the page renumbers the list from 1): 16 and note 19, not
        // 161 and note 9.
        let t = "In your announcement quoted in your telegram number 1619 you state";
        let got = place_numbered(t, 1, Numbering::Running);
        assert!(
            got[0].as_deref().unwrap().ends_with("number 16|19"),
            "{got:?}"
        );
        // Where labels start again on each page, the small label is the likelier.
        let got = place_numbered(t, 1, Numbering::PerPage);
        assert!(
            got[0].as_deref().unwrap().ends_with("number 161|9"),
            "{got:?}"
        );
    }

    #[test]
    fn a_running_count_may_begin_after_a_star() {
        // The memorandum's own *, then the editors' running count at 49.
        let t = "folk, viz. the Morlacchi* amounting to about 93,000, an immigration started towards 1848. Colonel House49 Sir: the address of November 5, 1918,50 agreement";
        let got = place_numbered(t, 3, Numbering::Running);
        assert!(
            got[0].as_deref().unwrap().ends_with("Morlacchi|*"),
            "{got:?}"
        );
        assert!(got[1].as_deref().unwrap().ends_with("House|49"), "{got:?}");
        assert!(got[2].as_deref().unwrap().ends_with("1918,|50"), "{got:?}");
    }

    #[test]
    fn missing_marker_is_left_unplaced() {
        let got = place("Nothing here at all.", 2, false);
        assert_eq!(got, vec![None, None]);
    }
}
