//! Where a footnote marker could stand in a page text: every candidate place, with the
//! label it would carry and how plausible the place is on its own.
//!
//! The page text glues each marker to the text before it ("Haig1", "1981.2", "(Collier)9",
//! "January 294" = "January 29" + 4) and digits that belong to the text are far more common
//! than markers, so a place is only a candidate; the alignment (`alignment`) chooses among
//! them for the whole document. Both share one scale of scores.

/// A place where a footnote marker could stand.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte range of the label in the source text.
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// How plausible this place is on its own (log-odds-like).
    pub score: f32,
    /// For a label split from the end of a number: how many figures shorter it is than the
    /// longest split of that number with a label of at most two figures (0 otherwise).
    pub split_rank: u8,
}

/// The figure 1 as a scan often reads it.
pub(crate) const OCR_ONE: &str = "l";

pub(crate) const SYMBOLS: [char; 6] = ['*', '†', '‡', '§', '‖', '¶'];
/// Candidates scoring below this are not considered at all.
const FLOOR: f32 = -4.5;

pub(crate) fn is_symbol(c: char) -> bool {
    SYMBOLS.contains(&c)
}

fn is_quote_or_close(c: char) -> bool {
    matches!(c, ')' | '”' | '’' | '"' | '\'' | ']' | '»')
}

/// Lists every candidate place in the given ranges. `years`: the volume's, when known (a
/// year far from them is no year: "May 1838" in a 1934 volume is May 18 and note 38).
pub fn candidates(
    text: &str,
    ranges: &[(usize, usize)],
    years: Option<(i32, i32)>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    // One buffer of characters for every line: a fresh one per line showed in profiles.
    let mut chars = Vec::new();
    for &(rs, re) in ranges {
        let line = &text[rs..re];
        chars.clear();
        chars.reserve(line.len());
        if line.is_ascii() {
            // A counted iterator fills the buffer in one go; `char_indices` one by one.
            chars.extend(line.bytes().enumerate().map(|(i, b)| (i, char::from(b))));
        } else {
            chars.extend(line.char_indices());
        }
        scan_line(line, &chars, rs, years, &mut out);
    }
    // Letter labels ("board.a", "annexea") are a usage of the older volumes, whose labels
    // start again on each page; only there are they looked for.
    if years.is_some_and(|(lo, _)| lo < 1919) {
        stop_letters(text, ranges, &mut out);
        glued_letters(text, ranges, &mut out);
    }
    out.retain(|c| c.score > FLOOR);
    out
}

/// "the Whangpu River Conservancy board.a": a letter label, as some volumes mark the notes
/// of an inclosure; no word is a single letter glued to a stop. A pass of its own over the
/// bytes: asked inside the scan of every character, it slowed that loop by a tenth.
fn stop_letters(text: &str, ranges: &[(usize, usize)], out: &mut Vec<Candidate>) {
    let bytes = text.as_bytes();
    for &(rs, re) in ranges {
        let hay = &bytes[rs..re];
        let stops = memchr::memchr3_iter(b'.', b',', b';', hay)
            .chain(memchr::memchr2_iter(b':', b')', hay));
        for i in stops.map(|i| rs + i) {
            if i == rs
                || i + 1 >= re
                || !matches!(bytes[i + 1], b'a'..=b'e')
                || (i + 2 < re && !bytes[i + 2].is_ascii_whitespace())
                || !text[rs..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
            {
                continue;
            }
            out.push(Candidate {
                start: i + 1,
                end: i + 2,
                label: char::from(bytes[i + 1]).to_string(),
                score: 1.0,
                split_rank: 0,
            });
        }
    }
}

/// "… par un décret en date du 27 Décembre 1900 (annexea No. 1)": a letter label glued
/// to a word. The word with the letter occurs nowhere else in the document, the word
/// without it does (or is a roman numeral, as an article's number is). Only words ending
/// in "a" are asked, each with one byte search of the body per distinct word.
fn glued_letters(text: &str, ranges: &[(usize, usize)], out: &mut Vec<Candidate>) {
    let Some(&(_, body_end)) = ranges.last() else {
        return;
    };
    let body = &text[..body_end];
    let bytes = body.as_bytes();
    let letter_at = |i: usize| body[i..].chars().next().is_some_and(char::is_alphabetic);
    let mut asked: Vec<(&str, bool)> = Vec::new();
    for &(rs, re) in ranges {
        for i in memchr::memchr_iter(b'a', &bytes[rs..re]) {
            let at = rs + i;
            // Most a's stand inside a word: an ASCII letter next says so without decoding.
            if at + 1 < re && (bytes[at + 1].is_ascii_alphabetic() || letter_at(at + 1)) {
                continue;
            }
            let start = body[..at]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic())
                .last()
                .map_or(at, |(s, _)| s);
            let stem = &body[start..at];
            let roman = !stem.is_empty()
                && stem.len() <= 4
                && stem.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
            if stem.chars().count() < 4 && !roman {
                continue;
            }
            let word = &body[start..=at];
            let glued = match asked.iter().find(|(w, _)| *w == word) {
                Some(&(_, g)) => g,
                None => {
                    let g = occurrences(body, word) == 1 && (roman || occurrences(body, stem) > 0);
                    asked.push((word, g));
                    g
                }
            };
            if glued {
                out.push(Candidate {
                    start: at,
                    end: at + 1,
                    label: "a".to_string(),
                    score: 1.0,
                    split_rank: 0,
                });
            }
        }
    }
}

/// How often `word` stands in `text` as a whole word.
fn occurrences(text: &str, word: &str) -> usize {
    let letter_before = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    };
    let letter_after = |i: usize| text[i..].chars().next().is_some_and(char::is_alphabetic);
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes())
        .filter(|&i| !letter_before(i) && !letter_after(i + word.len()))
        .count()
}

fn scan_line(
    line: &str,
    chars: &[(usize, char)],
    base: usize,
    years: Option<(i32, i32)>,
    out: &mut Vec<Candidate>,
) {
    let trimmed = line.trim();
    // A line holding nothing but a label ("64"): a marker whose text was not shown.
    if !trimmed.is_empty()
        && trimmed.len() <= 3
        && (trimmed.chars().all(|c| c.is_ascii_digit())
            || trimmed.chars().all(is_symbol)
            || trimmed == OCR_ONE)
        && !trimmed.starts_with('0')
    {
        let start = base + line.find(trimmed).unwrap_or(0);
        out.push(Candidate {
            start,
            end: start + trimmed.len(),
            label: trimmed.to_string(),
            score: 1.0,
            split_rank: 0,
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
            let run = Run {
                start: run_start,
                end: run_end,
                end_off,
            };
            digit_candidates(chars, line, &run, next, base, years, out);
            if let Some(s) = suffix {
                // "75a": the letter is part of the label.
                let after = chars.get(run_end + 1).map(|&(_, n)| n);
                let suffix_end = end_off + s.len_utf8();
                let mut extra = Vec::new();
                digit_candidates(chars, line, &run, after, base, years, &mut extra);
                for mut c in extra {
                    c.label.push(s);
                    c.end = base + suffix_end;
                    c.score -= 1.0;
                    out.push(c);
                }
            }
            continue;
        }
        if c == 'l'
            && i > 0
            && matches!(
                chars[i - 1].1,
                '.' | ',' | ';' | ':' | ')' | ']' | '”' | '’'
            )
            && chars.get(i + 1).is_none_or(|&(_, n)| n.is_whitespace())
        {
            // "my despatch No. 134, May 29.l I have": the scan read the figure 1 as "l".
            out.push(Candidate {
                start: base + off,
                end: base + off + 1,
                label: OCR_ONE.to_string(),
                score: 0.5,
                split_rank: 0,
            });
            i += 1;
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
                split_rank: 0,
            });
            if i - run_start > 1 && chars[i - 1].1 == chars[i - 2].1 && !prev.is_whitespace() {
                // "it.**": a printed asterisk of the text (OCR) and the marker "*".
                let (last, _) = chars[i - 1];
                out.push(Candidate {
                    start: base + last,
                    end: base + end_off,
                    label: line[last..end_off].to_string(),
                    score: score - 1.0,
                    split_rank: 0,
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
            // "February 29, 1936": the day of a date, never a marker of its own.
            let prev_word: String = chars[..run_start]
                .iter()
                .rev()
                .skip_while(|(_, c)| c.is_whitespace())
                .map(|&(_, c)| c)
                .take_while(|c| c.is_alphabetic() || *c == '.')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if crate::dates::month_number(&prev_word).is_some() {
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
        // "Annex No.7", "vol.ii p.24": the number an abbreviation asks for, spaceless.
        '.' if takes_number(chars, run_start - 1) => return None,
        '.' | ',' | ';' | ':' | '?' | '!' => match run_start.checked_sub(2).map(|p| chars[p].1) {
            // "1934,67": a comma in a number has three figures after it.
            Some(d) if d.is_ascii_digit() && before == ',' && run_len < 3 => 2.0,
            // "25.8 grains", "6.56 for", "At 10:15 a.m.": a decimal or a time goes on
            // in lower case; a sentence a marker ends does not.
            Some(d)
                if d.is_ascii_digit() && matches!(before, '.' | ':') && {
                    let mut after = chars[run_start + run_len..].iter().map(|&(_, c)| c);
                    after.next().is_some_and(char::is_whitespace)
                        && after
                            .find(|c| !c.is_whitespace())
                            .is_some_and(char::is_lowercase)
                } =>
            {
                return None
            }
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

/// Is the word ending at the stop `dot` an abbreviation a number follows ("No.", "p.")?
fn takes_number(chars: &[(usize, char)], dot: usize) -> bool {
    // The longest such abbreviation has four letters: read at most five, without allocating.
    let mut word = [0u8; 5];
    let mut n = 0;
    for &(_, c) in chars[..dot].iter().rev() {
        if !c.is_ascii_alphabetic() {
            if c.is_alphabetic() {
                return false;
            }
            break;
        }
        if n == word.len() {
            return false;
        }
        word[n] = c as u8;
        n += 1;
    }
    word[..n].reverse();
    matches!(
        &word[..n],
        b"No"
            | b"Nos"
            | b"no"
            | b"nos"
            | b"p"
            | b"pp"
            | b"Art"
            | b"art"
            | b"Arts"
            | b"vol"
            | b"Vol"
            | b"sec"
            | b"Sec"
            | b"par"
            | b"Par"
            | b"ch"
            | b"Ch"
            | b"chap"
            | b"Chap"
            | b"fol"
            | b"Doc"
            | b"doc"
    )
}

/// A run of figures in a line: char indices `start..end`, and the byte offset of its end.
struct Run {
    start: usize,
    end: usize,
    end_off: usize,
}

fn digit_candidates(
    chars: &[(usize, char)],
    line: &str,
    run: &Run,
    next: Option<char>,
    base: usize,
    years: Option<(i32, i32)>,
    out: &mut Vec<Candidate>,
) {
    let (run_start, run_end, end_off) = (run.start, run.end, run.end_off);
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
    // The longest label of at most two figures a split of this run can have.
    let two_figure_split = (1..=len.saturating_sub(1).min(2))
        .rev()
        .find(|&l| chars[run_end - l].1 != '0')
        .unwrap_or(0);
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
        let mut split_rank = 0;
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
            // Prose cites short numbers more often than long ones: the alignment weighs the
            // splits of one run by `split_rank` where the volume's labels run to 99.
            split_rank = two_figure_split.saturating_sub(label_len) as u8;
            if prefix.starts_with('0') {
                score -= 1.0;
            }
            // "No. 1025" alone on its line is the paper's own serial number: whole.
            if crate::text::lines::is_paper_number(line) {
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
            let year_far = whole
                .parse::<i32>()
                .is_ok_and(|y| !crate::dates::plausible_year(y, years));
            if whole_date && prefix_date && whole.len() == 4 && prefix.len() <= 2 {
                // "April 1796": the year 1796, or April 17 and note 96; the labels decide,
                // unless the year is far from the volume's.
                score += if year_far { 1.5 } else { -1.0 };
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
            split_rank,
        });
    }
}

/// Is `prefix` a whole day of the month ("June 19") or a year ("June 30, 1934"), given
/// the text before it? Then a figure glued after it is more likely a marker.
fn is_date_part(prefix: &str, before: &str) -> bool {
    let Ok(n) = prefix.parse::<u32>() else {
        return false;
    };
    // Only a day or a year can be part of a date: ask nothing else of other numbers.
    let day_like = prefix.len() <= 2 && (1..=31).contains(&n);
    let year_like = prefix.len() == 4 && (1500..2100).contains(&n);
    if !day_like && !year_like {
        return false;
    }
    // The editors' corrections ("March 29 [26], 1934") stand between a day and its year.
    // Only the last few words matter.
    let before = match before.char_indices().rev().nth(60) {
        Some((i, _)) => &before[i..],
        None => before,
    };
    if !before.contains(" [") {
        return date_context(before, day_like, year_like);
    }
    let mut plain = String::with_capacity(before.len());
    let mut rest = before;
    while let Some(open) = rest.find(" [") {
        match rest[open..].find(']') {
            Some(close) if close <= 12 => {
                plain.push_str(&rest[..open]);
                rest = &rest[open + close + 1..];
            }
            _ => {
                plain.push_str(&rest[..open + 2]);
                rest = &rest[open + 2..];
            }
        }
    }
    plain.push_str(rest);
    date_context(&plain, day_like, year_like)
}

/// Do the words before a day-like or year-like number make it part of a date?
fn date_context(plain: &str, day_like: bool, year_like: bool) -> bool {
    let mut words = plain.split_whitespace().rev();
    let word = words.next().unwrap_or("");
    let after_month = crate::dates::month_number(word).is_some();
    // "28th," → 28
    let day = |w: &str| {
        let w = w.trim_end_matches(',');
        let w = ["st", "nd", "rd", "th", "d"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
            .unwrap_or(w);
        w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    // "June 30, 1934", "February 28th, 1934", "July 1981", "in 1934"
    let year_context = after_month
        || matches!(word, "in" | "of" | "since" | "until" | "year")
        || (word.ends_with(',')
            && day(word)
            && words
                .next()
                .is_some_and(|m| crate::dates::month_number(m).is_some()));
    (day_like && after_month) || (year_like && year_context)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels_after(text: &str, after: &str) -> Vec<String> {
        let at = text.find(after).expect("in text") + after.len();
        candidates(text, &[(0, text.len())], None)
            .into_iter()
            .filter(|c| c.start == at)
            .map(|c| c.label)
            .collect()
    }

    #[test]
    fn decimals_times_and_days_are_no_places() {
        let t = "a gold contents of 25.8 grains, at 10:15 a.m. on February 29, 1936.";
        assert!(labels_after(t, "25.").is_empty());
        assert!(labels_after(t, "10:").is_empty());
        assert!(labels_after(t, "February ").is_empty());
        // A sentence a marker ends goes on in capitals.
        assert_eq!(labels_after("tons in 1981.2 We have", "1981."), ["2"]);
    }

    #[test]
    fn an_abbreviation_keeps_its_number() {
        let t = "G. Bohlen-Halbach. Annex No.7 and see p.24 of the report.3";
        assert!(labels_after(t, "No.").is_empty());
        assert!(labels_after(t, "p.").is_empty());
        assert_eq!(labels_after(t, "report."), ["3"]);
    }

    #[test]
    fn letter_labels() {
        // Glued to a stop: no word is one letter after a full stop.
        let t = "the Whangpu River Conservancy board.a The regulations";
        let old = candidates(t, &[(0, t.len())], Some((1901, 1901)));
        let at = t.find("board.").unwrap() + "board.".len();
        assert!(
            old.iter().any(|c| c.start == at && c.label == "a"),
            "{old:?}"
        );
        // Glued to a word, in the older volumes: the word without the letter is the
        // document's, the word with it is not.
        let t = "en date du 27 Décembre 1900 (annexea No. 1). Voir l'annexe No. 2 et l'annexe.";
        let old = candidates(t, &[(0, t.len())], Some((1901, 1901)));
        let at = t.find("(annexe").unwrap() + "(annexe".len();
        assert!(
            old.iter().any(|c| c.start == at && c.label == "a"),
            "{old:?}"
        );
        let modern = candidates(t, &[(0, t.len())], Some((1934, 1934)));
        assert!(!modern.iter().any(|c| c.label == "a"));
        // "idea", "China": no shorter word of the document.
        let t = "the idea of China";
        assert!(candidates(t, &[(0, t.len())], Some((1901, 1901))).is_empty());
    }

    #[test]
    fn a_papers_own_number_is_whole() {
        let line = "No. 1025";
        let split = candidates(line, &[(0, line.len())], None);
        let prose = "despatches Nos. 1025 and 2301";
        let in_prose = candidates(prose, &[(0, prose.len())], None);
        let score =
            |cs: &[Candidate], label: &str| cs.iter().find(|c| c.label == label).map(|c| c.score);
        assert!(score(&split, "25").unwrap() < score(&in_prose, "25").unwrap());
    }
}
