//! Recovering footnote markers: a whole-document alignment, not a greedy regex.
//!
//! The page text glues each marker to the text before it ("Haig1", "1981.2", "(Collier)9",
//! "January 294" = "January 29" + 4) and digits that belong to the text are far more common
//! than markers. We list every place a marker could stand (a candidate, with the label it
//! would carry), score each place on its own (what precedes and follows it), score each
//! pair of consecutive labels (1 → 2, 75 → 75a, a restart at 1 after a page break, * → †),
//! and pick, by dynamic programming, the best assignment of footnotes 1..K to candidates in
//! text order. A footnote with no good place keeps no marker rather than a wrong one.
//!
//! Over 500 lines with its unit tests: the candidates and the alignment that scores them
//! share one scale, so they stay in one file.

use std::collections::HashMap;

/// A place where a footnote marker could stand.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte range of the label in the source text.
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// How plausible this place is on its own (log-odds-like).
    pub score: f32,
}

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

impl Numbering {
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

const SYMBOLS: [char; 6] = ['*', '†', '‡', '§', '‖', '¶'];

/// Penalty for leaving a footnote without a marker (markers in datelines are not shown).
const SKIP: f32 = -4.0;
/// Leaving the first footnotes unplaced is likelier: a dateline's marker comes first.
const SKIP_LEAD: f32 = -3.5;
/// Leaving a note on the whole document without a marker: likely, so a small gain.
const UNSHOWN: f32 = 1.0;
/// Candidates scoring below this are not considered at all.
const FLOOR: f32 = -4.5;
/// Beyond this many (notes × candidates) cells the alignment degrades to a greedy pass.
const MAX_CELLS: usize = 4_000_000;
/// How many footnotes in a row may be skipped inside the text.
const MAX_GAP: usize = 4;

fn is_symbol(c: char) -> bool {
    SYMBOLS.contains(&c)
}

fn is_quote_or_close(c: char) -> bool {
    matches!(c, ')' | '”' | '’' | '"' | '\'' | ']' | '»')
}

/// Lists every candidate place in the given ranges.
pub fn candidates(text: &str, ranges: &[(usize, usize)]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for &(rs, re) in ranges {
        let line = &text[rs..re];
        scan_line(line, rs, &mut out);
    }
    out.retain(|c| c.score > FLOOR);
    out
}

fn scan_line(line: &str, base: usize, out: &mut Vec<Candidate>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let trimmed = line.trim();
    // A line holding nothing but a label ("64"): a marker whose text was not shown.
    if !trimmed.is_empty()
        && trimmed.len() <= 3
        && (trimmed.chars().all(|c| c.is_ascii_digit()) || trimmed.chars().all(is_symbol))
        && !trimmed.starts_with('0')
    {
        let start = base + line.find(trimmed).unwrap_or(0);
        out.push(Candidate {
            start,
            end: start + trimmed.len(),
            label: trimmed.to_string(),
            score: 1.0,
        });
        return;
    }
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        if c.is_ascii_digit() {
            let run_start = i;
            while i < chars.len() && chars[i].1.is_ascii_digit() {
                i += 1;
            }
            let run_end = i; // exclusive index
            let mut suffix = None;
            if i < chars.len()
                && matches!(chars[i].1, 'a' | 'b' | 'c')
                && chars.get(i + 1).is_none_or(|&(_, n)| !n.is_alphanumeric())
            {
                suffix = Some(chars[i].1);
            }
            let next = chars.get(run_end).map(|&(_, n)| n);
            let end_off = chars.get(run_end).map_or(line.len(), |&(o, _)| o);
            digit_candidates(&chars, line, run_start, run_end, end_off, next, base, out);
            if let Some(s) = suffix {
                // "75a": the letter is part of the label.
                let after = chars.get(run_end + 1).map(|&(_, n)| n);
                let suffix_end = end_off + s.len_utf8();
                let mut extra = Vec::new();
                digit_candidates(
                    &chars, line, run_start, run_end, end_off, after, base, &mut extra,
                );
                for mut c in extra {
                    c.label.push(s);
                    c.end = base + suffix_end;
                    c.score -= 1.0;
                    out.push(c);
                }
            }
            continue;
        }
        if is_symbol(c) {
            let run_start = i;
            while i < chars.len() && is_symbol(chars[i].1) && i - run_start < 3 {
                i += 1;
            }
            let prev = run_start.checked_sub(1).map(|p| chars[p].1);
            let next = chars.get(i).map(|&(_, n)| n);
            let Some(prev) = prev else { continue };
            if is_symbol(prev) {
                continue;
            }
            let mut score = 1.5;
            if prev.is_whitespace() {
                // "instant, †": a spaced symbol after a word or comma is still a marker;
                // "* * * * *" (an omission) is not.
                let before = chars[..run_start - 1]
                    .iter()
                    .rev()
                    .map(|&(_, c)| c)
                    .find(|c| !c.is_whitespace());
                let after = chars[i..]
                    .iter()
                    .map(|&(_, c)| c)
                    .find(|c| !c.is_whitespace());
                let glued_star = run_start >= 3
                    && i - run_start == 1
                    && chars[run_start - 2].1 == c
                    && !chars[run_start - 3].1.is_whitespace()
                    && !is_symbol(chars[run_start - 3].1);
                if glued_star && after.is_none_or(|a| !is_symbol(a)) {
                    // "asking for it.* *": the OCR's copy of the printed star, then the
                    // marker itself.
                    score += 2.0;
                } else if before.is_none_or(is_symbol) || after.is_some_and(is_symbol) {
                    continue;
                }
                score -= 1.0;
            }
            let end_off = chars.get(i).map_or(line.len(), |&(o, _)| o);
            // The end of a line and a space read alike (a page text's lines are not sacred).
            match next {
                None => score += 0.5,
                Some(n) if n.is_whitespace() => score += 0.5,
                Some(',' | '.' | ';' | ':' | ')') => {}
                Some(_) => score -= 3.0,
            }
            out.push(Candidate {
                start: base + off,
                end: base + end_off,
                label: line[off..end_off].to_string(),
                score,
            });
            if i - run_start > 1 && chars[i - 1].1 == chars[i - 2].1 && !prev.is_whitespace() {
                // "it.**": a printed asterisk of the text (OCR) and the marker "*".
                let (last, _) = chars[i - 1];
                out.push(Candidate {
                    start: base + last,
                    end: base + end_off,
                    label: line[last..end_off].to_string(),
                    score: score - 1.0,
                });
            }
            continue;
        }
        i += 1;
    }
}

/// How plausible a marker is right after what precedes the figures at `run_start`
/// ("Haig1", "1981.2", "(Collier)9", "Reagan 1"); `None` where no marker can stand.
fn glued_score(chars: &[(usize, char)], run_start: usize, next: Option<char>) -> Option<f32> {
    let before = run_start.checked_sub(1).map(|p| chars[p].1)?;
    let run_len = chars[run_start..]
        .iter()
        .take_while(|(_, c)| c.is_ascii_digit())
        .count();
    Some(match before {
        b if b.is_whitespace() => {
            // "Reagan 1": rare; only a short figure after a word, at a clause end.
            let prev_word_end = chars[..run_start]
                .iter()
                .rev()
                .skip_while(|(_, c)| c.is_whitespace())
                .map(|&(_, c)| c)
                .next();
            let clause_end = next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | ';'));
            if run_len > 2 || !clause_end || !prev_word_end.is_some_and(|c| c.is_alphabetic()) {
                return None;
            }
            -3.5
        }
        b if b.is_lowercase() => 2.0,
        b if b.is_uppercase() => {
            // "Lot 96D262", "A15", "SS20": codes; "USSR1" may be a marker.
            let word: Vec<char> = chars[..run_start]
                .iter()
                .rev()
                .map(|&(_, c)| c)
                .take_while(|c| !c.is_whitespace())
                .collect();
            let letters = word.iter().take_while(|c| c.is_alphabetic()).count();
            let has_digit = word.iter().any(|c| c.is_ascii_digit());
            let has_lower = word.iter().any(|c| c.is_lowercase());
            if has_digit || letters <= 2 && !has_lower {
                -3.0
            } else if letters == 3 && !has_lower {
                -1.0
            } else {
                1.5
            }
        }
        b if is_quote_or_close(b) => 2.5,
        // "to-day.…31": an omission the note explains.
        '…' => 2.0,
        '.' | ',' | ';' | ':' | '?' | '!' => match run_start.checked_sub(2).map(|p| chars[p].1) {
            // "1981.2", "Moscow 1088.2": a decimal reads the same way.
            Some(d) if d.is_ascii_digit() => 0.5,
            Some(d) if d.is_whitespace() => -2.0,
            None => -2.0,
            _ => 2.5,
        },
        '/' | '-' | '–' | '—' | '#' | '$' | '£' | '(' | '[' | '+' | '=' | '×' => return None,
        _ => -2.0,
    })
}

#[allow(clippy::too_many_arguments)]
fn digit_candidates(
    chars: &[(usize, char)],
    line: &str,
    run_start: usize,
    run_end: usize,
    end_off: usize,
    next: Option<char>,
    base: usize,
    out: &mut Vec<Candidate>,
) {
    // What follows the label: a letter or another figure makes it part of a word or number.
    let next_score = match next {
        None => 0.5,
        Some(n) if n.is_whitespace() => 0.5,
        Some(',' | ';' | ':' | ')' | '.' | '”' | '’') => 0.0,
        // "Your 34 [33]": a correction in brackets, not a marker.
        Some(']') => -1.5,
        Some('/' | '%' | '$' | '½' | '¼' | '¾' | '-' | '–') => return,
        Some(n) if n.is_alphanumeric() => return,
        Some(_) => -0.5,
    };
    let before = run_start.checked_sub(1).map(|p| chars[p].1);
    let len = run_end - run_start;
    // Every way to split the run into text + label (label at most 3 figures).
    for label_len in 1..=len.min(3) {
        let label_start = run_end - label_len;
        let (loff, _) = chars[label_start];
        if chars[label_start].1 == '0' {
            continue;
        }
        let label = &line[loff..end_off];
        let value: u32 = label.parse().unwrap_or(u32::MAX);
        if value > 400 {
            continue;
        }
        let mut score = next_score;
        let glued = glued_score(chars, run_start, next);
        let whole = &line[chars[run_start].0..end_off];
        let doubled = label_start > run_start && whole.len() == 2 && whole[..1] == whole[1..];
        if doubled && glued.is_some() && before.is_some_and(|b| !b.is_whitespace()) {
            // "Buchanan.11": a printed superscript 1 and the note's own label 1, or the
            // label 11; the volume's practice decides (`Numbering::prior`).
            score += glued.unwrap_or(0.0) - 1.0;
        } else if label_start > run_start {
            if before.is_none() && next == Some('.') {
                // "161. Secret for the President": a telegram's or paragraph's number.
                continue;
            }
            // Split inside a number: "January 294" → "January 29" + 4.
            score -= 3.0;
            let prefix: &str = &line[chars[run_start].0..loff];
            if prefix.starts_with('0') {
                score -= 1.0;
            }
            // "Your 34 [33]": a number the editors correct is whole.
            let after = &line[end_off..];
            if after.starts_with(char::is_whitespace) && after.trim_start().starts_with('[') {
                score -= 1.5;
            }
            let before_run = &line[..chars[run_start].0];
            let (whole_date, prefix_date) = (
                is_date_part(whole, before_run),
                is_date_part(prefix, before_run),
            );
            if whole_date && prefix_date && whole.len() == 4 && prefix.len() <= 2 {
                // "April 1796": the year 1796, or April 17 and note 96; the labels decide.
                score -= 1.0;
            } else if whole_date {
                // "November 14" is a date, not "November 1" + 4.
                score -= 3.0;
            } else if prefix_date {
                score += 1.5;
            }
        } else {
            match glued {
                Some(g) => score += g,
                None => continue,
            }
        }
        if value >= 100 {
            score -= 1.5;
        }
        out.push(Candidate {
            start: base + loff,
            end: base + end_off,
            label: label.to_string(),
            score,
        });
    }
}

/// Is `prefix` a whole day of the month ("June 19") or a year ("June 30, 1934"), given
/// the text before it? Then a figure glued after it is more likely a marker.
fn is_date_part(prefix: &str, before: &str) -> bool {
    let Ok(n) = prefix.parse::<u32>() else {
        return false;
    };
    let mut words = before.split_whitespace().rev();
    let word = words.next().unwrap_or("");
    let after_month = crate::dates::month_number(word).is_some();
    // "June 30, 1934", "July 1981", "in 1934"
    let year_context = after_month
        || matches!(word, "in" | "of" | "since" | "until" | "year")
        || (word.ends_with(',')
            && word
                .trim_end_matches(',')
                .parse::<u32>()
                .is_ok_and(|d| (1..=31).contains(&d))
            && words
                .next()
                .is_some_and(|m| crate::dates::month_number(m).is_some()));
    (prefix.len() <= 2 && (1..=31).contains(&n) && after_month)
        || (prefix.len() == 4 && (1500..2100).contains(&n) && year_context)
}

/// Parsed label: numeric value with an optional letter ("75a"), or a symbol run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Label {
    Num(u32, Option<char>),
    Sym(usize, usize),
    Other,
}

fn parse_label(s: &str) -> Label {
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
    if k_total == 0 || cands.is_empty() {
        return vec![None; k_total];
    }
    if k_total.saturating_mul(cands.len()) > MAX_CELLS {
        return greedy(input, cands);
    }
    let labels: Vec<Label> = cands.iter().map(|c| parse_label(&c.label)).collect();
    // Candidates in order of start; an earlier one may precede a later one if it ends first.
    let mut by_start: Vec<usize> = (0..cands.len()).collect();
    by_start.sort_by_key(|&i| (cands[i].start, cands[i].end));
    let mut by_end: Vec<usize> = (0..cands.len()).collect();
    by_end.sort_by_key(|&i| (cands[i].end, cands[i].start));
    let ends: Vec<usize> = by_end.iter().map(|&i| cands[i].end).collect();

    let last_break_before = |pos: usize| -> Option<usize> {
        let i = input.page_breaks.partition_point(|&p| p < pos);
        i.checked_sub(1).map(|i| input.page_breaks[i])
    };

    const NEG: f32 = f32::NEG_INFINITY;
    // dp[k][c]: best score with footnote k+1 at candidate c; back[k][c]: (prev k, prev c).
    let mut dp: Vec<Vec<f32>> = vec![vec![NEG; cands.len()]; k_total];
    let mut back: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; cands.len()]; k_total];
    // The label the sequence goes on from: the candidate's own, or, for a note cited again
    // under an earlier label, the one before it.
    let mut eff: Vec<Vec<Label>> = vec![labels.clone(); k_total];
    let mut near = vec![0f32; cands.len()];
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

    for k in 0..k_total {
        let strict = input.numbering == Numbering::PerDocument;
        near.iter_mut().for_each(|v| *v = 0.0);
        for &(c, w) in input.affinity.get(k).into_iter().flatten() {
            near[c] = w;
        }
        let repeated = input.repeats.get(k).copied().flatten().is_some();
        // Start: footnotes before k skipped.
        for (c, cand) in cands.iter().enumerate() {
            let s = lead[k]
                + cand.score
                + near[c]
                + input.numbering.first(labels[c])
                + index_bonus(labels[c], k + 1, strict);
            if s > dp[k][c] {
                dp[k][c] = s;
                back[k][c] = None;
            }
        }
        for gap in 1..=MAX_GAP.min(k) {
            let pk = k - gap;
            // Prefix maxima over candidates sorted by end, and best per label.
            let mut prefix: Vec<(f32, usize)> = Vec::with_capacity(cands.len());
            let mut best = (NEG, usize::MAX);
            for &i in &by_end {
                if dp[pk][i] > best.0 {
                    best = (dp[pk][i], i);
                }
                prefix.push(best);
            }
            let mut per_label: HashMap<Label, (f32, usize)> = HashMap::new();
            let mut inserted = 0;
            for &j in &by_start {
                let start = cands[j].start;
                while inserted < by_end.len() && ends[inserted] <= start {
                    let i = by_end[inserted];
                    if dp[pk][i] > NEG {
                        let e = per_label.entry(eff[pk][i]).or_insert((NEG, usize::MAX));
                        if dp[pk][i] > e.0 {
                            *e = (dp[pk][i], i);
                        }
                    }
                    inserted += 1;
                }
                if inserted == 0 {
                    continue;
                }
                let own = cands[j].score
                    + near[j]
                    + size[j]
                    + index_bonus(labels[j], k + 1, strict)
                    + (mid[k] - mid[pk + 1]);
                let mut options: Vec<(f32, usize)> = Vec::with_capacity(6);
                let any = prefix[inserted - 1];
                options.push((any.0 + OTHER, any.1));
                if repeated && gap == 1 && any.1 != usize::MAX && earlier(labels[j], eff[pk][any.1])
                {
                    let total = any.0 + CITED_AGAIN + own;
                    if total > dp[k][j] {
                        dp[k][j] = total;
                        back[k][j] = Some((pk, any.1));
                        eff[k][j] = eff[pk][any.1];
                    }
                }
                for p in predecessors(labels[j], gap as u32, input.numbering) {
                    if let Some(&(s, i)) = per_label.get(&p) {
                        options.push((s + SUCC, i));
                    }
                }
                if gap == 1 {
                    if let Some(&(s, i)) = per_label.get(&labels[j]) {
                        options.push((s + REPEAT, i));
                    }
                }
                if gap == 1 {
                    if let Label::Num(b, None) = labels[j] {
                        for d in 2..=3 {
                            if b > d {
                                if let Some(&(s, i)) = per_label.get(&Label::Num(b - d, None)) {
                                    options.push((s + JUMP, i));
                                }
                            }
                        }
                    }
                }
                if let Some(pb) = last_break_before(start) {
                    let n = ends.partition_point(|&e| e <= pb);
                    if n > 0 {
                        let (s, i) = prefix[n - 1];
                        match labels[j] {
                            l if is_restart(l) => options.push((s + RESTART, i)),
                            Label::Num(2..=3, _) | Label::Sym(..) => {
                                options.push((s + NEW_PAGE, i))
                            }
                            _ => {}
                        }
                    }
                }
                for (s, i) in options {
                    if i == usize::MAX || s == NEG {
                        continue;
                    }
                    let total = s + own;
                    if total > dp[k][j] {
                        dp[k][j] = total;
                        back[k][j] = Some((pk, i));
                        eff[k][j] = labels[j];
                    }
                }
            }
        }
    }

    // End: trailing footnotes skipped.
    let mut best: (f32, Option<(usize, usize)>) = (mid[k_total], None);
    for (k, row) in dp.iter().enumerate() {
        for (c, &s) in row.iter().enumerate() {
            let total = s + (mid[k_total] - mid[k + 1]);
            if total > best.0 {
                best = (total, Some((k, c)));
            }
        }
    }
    let mut out = vec![None; k_total];
    let mut cur = best.1;
    while let Some((k, c)) = cur {
        out[k] = Some(c);
        cur = back[k][c];
    }
    out
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

    fn place(text: &str, notes: usize, strict: bool) -> Vec<Option<String>> {
        let numbering = if strict {
            Numbering::PerDocument
        } else {
            Numbering::PerPage
        };
        let ranges = vec![(0, text.len())];
        let breaks: Vec<usize> = text.match_indices("[Page").map(|(i, _)| i).collect();
        let cands = candidates(text, &ranges);
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
            "Haig1 in 1981.2 from Moscow 1088.3 of January 294 and 1,500 tons",
            4,
            true,
        );
        assert_eq!(
            got[2].as_deref(),
            Some("Haig1 in 1981.2 from Moscow 1088.|3")
        );
        assert_eq!(
            got[3].as_deref(),
            Some("Haig1 in 1981.2 from Moscow 1088.3 of January 29|4")
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
    fn missing_marker_is_left_unplaced() {
        let got = place("Nothing here at all.", 2, false);
        assert_eq!(got, vec![None, None]);
    }
}
