//! Builds inline runs the way the model wants them: adjacent text merged, whitespace
//! collapsed to single spaces, nothing empty.

use crate::model::Inline;

#[derive(Debug, Default)]
pub struct InlineBuilder {
    out: Vec<Inline>,
    /// Collapsing spans pushes: a run ending in a space must not be followed by another.
    pending_space: bool,
}

impl InlineBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn text(&mut self, s: &str) {
        // One pass over the bytes; only non-ASCII bytes are decoded to ask whether the
        // character is (Unicode) whitespace. Profiling showed `split(char::is_whitespace)`
        // as a quarter of a TEI volume's parse.
        // Runs of words separated by single ASCII spaces are already collapsed: they are
        // copied whole.
        let bytes = s.as_bytes();
        let ascii_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
        let mut i = 0;
        let mut run: Option<usize> = None;
        while i < bytes.len() {
            let b = bytes[i];
            let (space, len) = if b < 0x80 {
                (ascii_space(b), 1)
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                (is_space(c), c.len_utf8())
            };
            if !space {
                run.get_or_insert(i);
            } else if b == b' '
                && run.is_some()
                && bytes
                    .get(i + 1)
                    .is_some_and(|&n| n < 0x80 && !ascii_space(n))
            {
                // A single space inside a run: part of it.
            } else {
                if let Some(start) = run.take() {
                    self.word(&s[start..i]);
                }
                self.pending_space = true;
            }
            i += len;
        }
        if let Some(start) = run {
            self.word(&s[start..]);
        }
    }

    fn word(&mut self, word: &str) {
        let space = std::mem::take(&mut self.pending_space) && !self.out.is_empty();
        match self.out.last_mut() {
            Some(Inline::Text(t)) => {
                if space && !t.ends_with(' ') {
                    t.push(' ');
                }
                t.push_str(word);
            }
            _ => {
                let mut t = String::with_capacity(word.len() + 1);
                if space {
                    t.push(' ');
                }
                t.push_str(word);
                self.out.push(Inline::Text(t));
            }
        }
    }

    /// A non-text inline. Whitespace pending before it is kept as a trailing space of
    /// the text before ("deteriorated [Page 222] international" keeps both spaces).
    pub fn push(&mut self, inline: Inline) {
        if std::mem::take(&mut self.pending_space) {
            if let Some(Inline::Text(t)) = self.out.last_mut() {
                if !t.ends_with(' ') {
                    t.push(' ');
                }
            } else if !self.out.is_empty() {
                self.out.push(Inline::Text(" ".into()));
            }
        }
        self.out.push(inline);
    }

    /// A footnote marker: glued to the text before it ("Haig1", "1981.2"), as printed.
    pub fn push_glued(&mut self, inline: Inline) {
        self.pending_space = false;
        self.out.push(inline);
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The finished run, with leading and trailing whitespace trimmed.
    pub fn finish(mut self) -> Vec<Inline> {
        if let Some(Inline::Text(t)) = self.out.last_mut() {
            let trimmed = t.trim_end_matches(' ').len();
            t.truncate(trimmed);
            if t.is_empty() {
                self.out.pop();
            }
        }
        self.out
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Collapses every whitespace run to one space and trims the ends.
pub fn collapse(s: &str) -> String {
    let mut b = InlineBuilder::new();
    b.text(s);
    crate::model::plain_text(&b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_and_merges() {
        let mut b = InlineBuilder::new();
        b.text("  a \n b ");
        b.text(" c ");
        b.push(Inline::Page("2".into()));
        b.text(" d  ");
        assert_eq!(
            b.finish(),
            vec![
                Inline::Text("a b c ".into()),
                Inline::Page("2".into()),
                Inline::Text(" d".into())
            ]
        );
    }

    #[test]
    fn marker_glued_keeps_no_space() {
        let mut b = InlineBuilder::new();
        b.text("Haig");
        b.push(Inline::Note(1));
        assert_eq!(
            b.finish(),
            vec![Inline::Text("Haig".into()), Inline::Note(1)]
        );
    }
}
