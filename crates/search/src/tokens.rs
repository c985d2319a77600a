//! The tokeniser: text → words, each with the terms it is indexed and found by.
//!
//! A word is a run of letters and digits, folded ([`crate::fold`]), that may hold single
//! connectors between them: hyphens (`co-operation`), apostrophes (`O’Brien`), full stops
//! (`U.S.`, `711.00111`, `a.m.`), slashes (`7/21/81`) and a comma between digits
//! (`1,000`). A word is indexed by its parts joined (`cooperation`, `obrien`, `us`,
//! `71100111`) and, when it has several, by each part too, all at one position: so
//! `co-operation` is found by `co-operation`, `cooperation` and `operation`, and a phrase
//! counts it as one word however it is typed. A possessive `’s` is dropped
//! (`Department’s` → `department`). Parts of one letter are not indexed alone (`U.S.` is
//! not found by `s`). Numbers are words. No stemming: a historian searching `treaty` does
//! not want `treat`.

use crate::fold::fold_char;

/// The longest term kept, in bytes: a longer word is cut (at a character) the same way
/// when indexed and when searched, so it still matches itself.
pub const MAX_TERM: usize = 64;

/// A word of a text: where it stands (byte offsets into the text) and its terms.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Byte offset just past its last letter or digit (a possessive `’s` included).
    pub end: usize,
    whole: &'a str,
    buf: &'a str,
    parts: &'a [(usize, usize)],
}

impl<'a> Word<'a> {
    /// The whole word: its parts joined (`cooperation`).
    pub fn whole(&self) -> &'a str {
        self.whole
    }

    /// The parts it is also indexed by (none for a word of one part).
    pub fn parts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.terms().skip(1)
    }

    /// Every term of the word: the whole, then the parts, each once.
    pub fn terms(&self) -> impl Iterator<Item = &'a str> + '_ {
        let many = self.parts.len() > 1;
        let (buf, whole, parts) = (self.buf, self.whole, self.parts);
        let part = move |&(a, b): &(usize, usize)| &buf[a..b];
        std::iter::once(whole).chain(
            parts
                .iter()
                .enumerate()
                .filter(move |_| many)
                .filter(move |&(i, p)| {
                    let t = part(p);
                    !is_one_letter(t) && t != whole && !parts[..i].iter().any(|q| part(q) == t)
                })
                .map(move |(_, p)| part(p)),
        )
    }
}

fn is_one_letter(p: &str) -> bool {
    let mut c = p.chars();
    matches!((c.next(), c.next()), (Some(a), None) if a.is_alphabetic())
}

/// A character that may join two parts of one word.
fn is_connector(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '.' | '\'' | '\u{2019}' | '\u{02BC}' | '/' | ','
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Splits texts into words, reusing its buffers from one text to the next.
#[derive(Debug, Default)]
pub struct Tokenizer {
    /// The current word's parts, folded, back to back.
    buf: String,
    /// Each part's range in `buf`.
    parts: Vec<(usize, usize)>,
    /// The whole word: the parts joined (cut to [`MAX_TERM`]).
    whole: String,
    /// A connector's folded form, to check it is only letters or digits.
    tmp: String,
}

impl Tokenizer {
    /// A tokeniser with empty buffers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Calls `f` with each word of `text`, in order.
    pub fn words(&mut self, text: &str, mut f: impl FnMut(Word<'_>)) {
        // The word under way: its start, the end of its last letter, and a connector met
        // after it that the next character confirms.
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut pending: Option<char> = None;
        let mut last_connector: Option<char> = None;
        let mut last_was_digit = false;
        self.buf.clear();
        self.parts.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII, the bulk of any FRUS text, is read byte by byte.
            let (c, len) = if b < 0x80 {
                (b as char, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or('\u{fffd}');
                (c, c.len_utf8())
            };
            let alnum = if b < 0x80 {
                b.is_ascii_alphanumeric()
            } else {
                self.tmp.clear();
                fold_char(c, &mut self.tmp);
                !self.tmp.is_empty() && self.tmp.chars().all(char::is_alphanumeric)
            };
            if alnum {
                match (start, pending) {
                    (None, _) => {
                        start = Some(i);
                        self.buf.clear();
                        self.parts.clear();
                        self.parts.push((0, 0));
                        last_connector = None;
                    }
                    (Some(_), Some(conn)) => {
                        let at = self.buf.len();
                        self.parts.push((at, at));
                        last_connector = Some(conn);
                        pending = None;
                    }
                    (Some(_), None) => {}
                }
                if b < 0x80 {
                    // The ASCII letters and digits that follow, at once.
                    let mut j = i + 1;
                    while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                        j += 1;
                    }
                    self.buf
                        .extend(bytes[i..j].iter().map(|b| b.to_ascii_lowercase() as char));
                    last_was_digit = bytes[j - 1].is_ascii_digit();
                    end = j;
                    i = j;
                } else {
                    self.buf.push_str(&self.tmp);
                    last_was_digit = false;
                    end = i + len;
                    i += len;
                }
                if let Some(p) = self.parts.last_mut() {
                    p.1 = self.buf.len();
                }
                continue;
            }
            if b >= 0x80 && self.tmp.is_empty() && start.is_some() && pending.is_none() {
                // A combining mark inside a word.
                end = i + len;
                i += len;
                continue;
            }
            if start.is_some() && pending.is_none() && is_connector(c) {
                let next = text[i + len..].chars().next();
                let next_joins = next.is_some_and(|n| {
                    // A comma joins digits only ("1,000", not "3,a").
                    if c == ',' {
                        return last_was_digit && n.is_ascii_digit();
                    }
                    if n.is_ascii() {
                        return n.is_ascii_alphanumeric();
                    }
                    self.tmp.clear();
                    fold_char(n, &mut self.tmp);
                    !self.tmp.is_empty() && self.tmp.chars().all(char::is_alphanumeric)
                });
                if next_joins {
                    pending = Some(c);
                    i += len;
                    continue;
                }
            }
            if let Some(s) = start.take() {
                self.emit(s, end, last_connector, &mut f);
            }
            pending = None;
            i += len;
        }
        if let Some(s) = start {
            self.emit(s, end, last_connector, &mut f);
        }
    }

    fn emit(
        &mut self,
        start: usize,
        end: usize,
        last_connector: Option<char>,
        f: &mut impl FnMut(Word<'_>),
    ) {
        // The common word: one part, short enough.
        if self.parts.len() == 1 && self.buf.len() <= MAX_TERM {
            f(Word {
                start,
                end,
                whole: &self.buf,
                buf: &self.buf,
                parts: &self.parts,
            });
            self.buf.clear();
            self.parts.clear();
            return;
        }
        // A possessive: "Department’s" is "department".
        if self.parts.len() > 1
            && last_connector.is_some_and(is_apostrophe)
            && self
                .parts
                .last()
                .is_some_and(|&(a, b)| &self.buf[a..b] == "s")
        {
            self.parts.pop();
        }
        for p in self.parts.iter_mut() {
            let mut e = p.1.min(p.0 + MAX_TERM);
            while !self.buf.is_char_boundary(e) {
                e -= 1;
            }
            p.1 = e;
        }
        let whole: &str = if self.parts.len() == 1 {
            let (a, b) = self.parts[0];
            &self.buf[a..b]
        } else {
            self.whole.clear();
            for &(a, b) in &self.parts {
                self.whole.push_str(&self.buf[a..b]);
            }
            cut(&mut self.whole);
            &self.whole
        };
        f(Word {
            start,
            end,
            whole,
            buf: &self.buf,
            parts: &self.parts,
        });
        self.buf.clear();
        self.parts.clear();
    }
}

/// Cuts a term to [`MAX_TERM`] bytes, at a character.
pub fn cut(term: &mut String) {
    if term.len() > MAX_TERM {
        let mut e = MAX_TERM;
        while !term.is_char_boundary(e) {
            e -= 1;
        }
        term.truncate(e);
    }
}

/// The words of `text` as (start, end, terms): for tests and for the query parser.
pub fn words(text: &str) -> Vec<(usize, usize, Vec<String>)> {
    let mut out = Vec::new();
    Tokenizer::new().words(text, |w| {
        out.push((w.start, w.end, w.terms().map(str::to_string).collect()));
    });
    out
}

#[cfg(test)]
mod tests {
    use super::words;

    fn terms(text: &str) -> Vec<Vec<String>> {
        words(text).into_iter().map(|(_, _, t)| t).collect()
    }

    fn v(xs: &[&[&str]]) -> Vec<Vec<String>> {
        xs.iter()
            .map(|w| w.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn plain_words_fold() {
        assert_eq!(
            terms("The Secretary of State, Señor PÉREZ."),
            v(&[
                &["the"],
                &["secretary"],
                &["of"],
                &["state"],
                &["senor"],
                &["perez"]
            ])
        );
    }

    #[test]
    fn apostrophes_possessives_and_names() {
        assert_eq!(
            terms("the Department’s view"),
            v(&[&["the"], &["department"], &["view"]])
        );
        assert_eq!(terms("Department's"), v(&[&["department"]]));
        assert_eq!(terms("O’Brien"), v(&[&["obrien", "brien"]]));
        assert_eq!(terms("don't"), v(&[&["dont", "don"]]));
        // A closing quote is not part of the word.
        assert_eq!(terms("‘peace’ and"), v(&[&["peace"], &["and"]]));
        assert_eq!(
            terms("the Powers’ notes"),
            v(&[&["the"], &["powers"], &["notes"]])
        );
    }

    #[test]
    fn hyphens_join_and_split() {
        assert_eq!(
            terms("co-operation"),
            v(&[&["cooperation", "co", "operation"]])
        );
        assert_eq!(
            terms("Soviet-American relations"),
            v(&[&["sovietamerican", "soviet", "american"], &["relations"]])
        );
        // A dash between words, or a hyphen at a line's end, is no connector.
        assert_eq!(terms("peace -- war"), v(&[&["peace"], &["war"]]));
        assert_eq!(terms("co- operation"), v(&[&["co"], &["operation"]]));
        assert_eq!(terms("1934–1936"), v(&[&["1934"], &["1936"]]));
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(terms("U.S."), v(&[&["us"]]));
        assert_eq!(terms("U.S.S.R. and"), v(&[&["ussr"], &["and"]]));
        assert_eq!(
            terms("711.00111/123"),
            v(&[&["71100111123", "711", "00111", "123"]])
        );
        assert_eq!(terms("1934"), v(&[&["1934"]]));
        assert_eq!(terms("$1,000,000."), v(&[&["1000000", "1", "000"]]));
        assert_eq!(terms("7/21/81"), v(&[&["72181", "7", "21", "81"]]));
        assert_eq!(terms("items 3,a"), v(&[&["items"], &["3"], &["a"]]));
        assert_eq!(terms("end.Next"), v(&[&["endnext", "end", "next"]]));
    }

    #[test]
    fn offsets_cover_the_word_as_printed() {
        let text = "See the Department’s note, co-operation.";
        let ws = words(text);
        let spans: Vec<&str> = ws.iter().map(|(a, b, _)| &text[*a..*b]).collect();
        assert_eq!(
            spans,
            ["See", "the", "Department’s", "note", "co-operation"]
        );
    }

    #[test]
    fn long_words_are_cut_alike() {
        let long = "a".repeat(1000);
        let t = terms(&long);
        assert_eq!(t[0][0].len(), super::MAX_TERM);
        let accents = "é".repeat(100);
        assert!(terms(&accents)[0][0].len() <= super::MAX_TERM);
    }

    #[test]
    fn punctuation_and_controls_are_separators() {
        assert_eq!(
            terms("a!b+c\"d(e)f:g\u{0}h"),
            v(&[
                &["a"],
                &["b"],
                &["c"],
                &["d"],
                &["e"],
                &["f"],
                &["g"],
                &["h"]
            ])
        );
        assert!(terms("!!! ((( ))) ::: \"\"\"").is_empty());
    }
}
