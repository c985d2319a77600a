//! Bytes to text: the first gate every file passes, with errors that name the place.

use std::fmt;

use crate::presentation::thousands;

/// Files above this size are refused before parsing, whatever their format: the largest
/// FRUS volume is ~15 MB, so anything near the limit is not an edition.
pub const MAX_BYTES: usize = 128 * 1024 * 1024;

/// What went wrong, for code (the message is for people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParseErrorKind {
    /// The file could not be read at all.
    Io,
    /// Larger than [`MAX_BYTES`]: refused before parsing.
    TooLarge,
    /// A NUL byte or control characters: not a text file.
    Binary,
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    /// Nothing to read: a blank page text, or XML without an element.
    Empty,
    /// Well-formed enough to see the root, and the root is not `<TEI>`.
    NotTei,
    /// A text with nothing of a FRUS page: no document heading, no `[Page N]` mark, no
    /// footnote list, no volume named.
    NotFrus,
    /// Not well-formed XML: bad syntax, text outside the root, a second root, or an end
    /// tag that closes the wrong element.
    Malformed,
    /// The file ends inside an element.
    Truncated,
    /// An entity that is not expanded (DTD entities never are) or a character reference
    /// to no character.
    Entity,
    /// Elements nested deeper than [`crate::tei::MAX_DEPTH`].
    TooDeep,
    /// Made by a caller that did not say (the two-argument [`ParseError::new`]).
    Other,
}

/// A file that cannot be parsed at all. Everything softer is a [`crate::Diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The file's name, as the caller gave it.
    pub file: String,
    /// What went wrong, for code.
    pub kind: ParseErrorKind,
    /// What went wrong, for people ("invalid UTF-8").
    pub message: String,
    /// 1-based line, when the error has one place.
    pub line: Option<u32>,
    /// 1-based column in characters, when the error has one place.
    pub column: Option<u32>,
    /// Byte offset into the input, when the error has one place.
    pub offset: Option<u64>,
}

impl ParseError {
    /// An error of a known kind: what every parser of the core makes.
    pub fn of(file: &str, kind: ParseErrorKind, message: impl Into<String>) -> Self {
        ParseError {
            file: file.to_string(),
            kind,
            message: message.into(),
            line: None,
            column: None,
            offset: None,
        }
    }

    /// An error of no particular kind ([`ParseErrorKind::Other`]), for callers outside the
    /// core that have not said; prefer [`ParseError::of`] or [`ParseError::io`].
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        Self::of(file, ParseErrorKind::Other, message)
    }

    /// The file could not be read.
    pub fn io(file: &str, e: &std::io::Error) -> Self {
        Self::of(file, ParseErrorKind::Io, format!("cannot read: {e}"))
    }

    /// The same error, placed at `pos`.
    pub fn at(mut self, pos: Position) -> Self {
        self.line = Some(pos.line);
        self.column = Some(pos.column);
        self.offset = Some(pos.offset);
        self
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{}:{}: {}", self.file, l, c, self.message),
            (Some(l), None) => write!(f, "{}:{}: {}", self.file, l, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ParseError {}

/// A place in the input: 1-based line and column (in characters), and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// Byte offset from the start of the input.
    pub offset: u64,
}

/// The line and column of byte `offset` in `bytes`; columns count UTF-8 characters
/// (continuation bytes are skipped), so they match what an editor shows.
pub fn position_of(bytes: &[u8], offset: usize) -> Position {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let column = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count() as u32
        + 1;
    Position {
        line,
        column,
        offset: offset as u64,
    }
}

/// Refuses a file of `len` bytes above [`MAX_BYTES`], with a message whose numbers never
/// round to the limit: "the file is 128.7 MiB (134,951,731 bytes); the limit is 128 MiB
/// (134,217,728 bytes)". A file of exactly the limit is accepted.
pub fn check_size(file: &str, len: u64) -> Result<(), ParseError> {
    let limit = MAX_BYTES as u64;
    if len <= limit {
        return Ok(());
    }
    Err(ParseError::of(
        file,
        ParseErrorKind::TooLarge,
        format!(
            "the file is {} ({} bytes); the limit is {} ({} bytes)",
            mib_above(len, limit),
            thousands(len),
            mib(limit),
            thousands(limit)
        ),
    ))
}

/// `len` in MiB with the fewest decimals (at least one) that show it above `limit`: one
/// byte over 128 MiB reads "128.000001 MiB", never "128.0 MiB".
fn mib_above(len: u64, limit: u64) -> String {
    let (value, limit) = (len as f64 / MIB, limit as f64 / MIB);
    let mut shown = String::new();
    for decimals in 1..=6 {
        shown = format!("{value:.decimals$}");
        if shown.parse::<f64>().is_ok_and(|v| v > limit) {
            break;
        }
    }
    format!("{shown} MiB")
}

const MIB: f64 = 1024.0 * 1024.0;

fn mib(n: u64) -> String {
    if n.is_multiple_of(1024 * 1024) {
        format!("{} MiB", n / (1024 * 1024))
    } else {
        format!("{:.1} MiB", n as f64 / MIB)
    }
}

/// Decodes a plain-text page: refuses one over the size limit, rejects binary and invalid
/// UTF-8 with the exact place, drops a byte-order mark and normalises line ends to `\n`.
pub fn decode_text(file: &str, bytes: &[u8]) -> Result<String, ParseError> {
    check_size(file, bytes.len() as u64)?;
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(ParseError::of(
            file,
            ParseErrorKind::Binary,
            "binary data (a NUL byte): not a text file",
        )
        .at(position_of(bytes, i)));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(ParseError::of(
                file,
                ParseErrorKind::InvalidUtf8,
                format!("invalid UTF-8 (byte 0x{:02X})", bytes[at]),
            )
            .at(position_of(bytes, at)));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(i) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .map(|(i, _)| i)
    {
        let bom = bytes.len() - text.len();
        return Err(ParseError::of(
            file,
            ParseErrorKind::Binary,
            "control characters: this looks like a binary file, not a page text",
        )
        .at(position_of(bytes, i + bom)));
    }
    if text.trim().is_empty() {
        return Err(ParseError::of(
            file,
            ParseErrorKind::Empty,
            "the file is empty",
        ));
    }
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode_text("x.txt", b"ab\ncd\xffe").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(3)));
        assert_eq!(err.to_string(), "x.txt:2:3: invalid UTF-8 (byte 0xFF)");
        assert_eq!(err.kind, ParseErrorKind::InvalidUtf8);
    }

    #[test]
    fn binary_and_empty_are_errors() {
        let e = decode_text("b", b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(e.message.contains("binary"));
        assert_eq!(e.kind, ParseErrorKind::Binary);
        let e = decode_text("e", b"  \n\n").unwrap_err();
        assert!(e.message.contains("empty"));
        assert_eq!(e.kind, ParseErrorKind::Empty);
    }

    #[test]
    fn sizes_over_the_limit_are_refused_with_exact_numbers() {
        let e = check_size("big.xml", 134_951_731).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::TooLarge);
        assert_eq!(
            e.message,
            "the file is 128.7 MiB (134,951,731 bytes); the limit is 128 MiB (134,217,728 bytes)"
        );
        let e = check_size("x", MAX_BYTES as u64 + 1).unwrap_err();
        assert!(
            e.message
                .starts_with("the file is 128.000001 MiB (134,217,729 bytes)"),
            "{e}"
        );
        let e = check_size("x", 200 * 1024 * 1024).unwrap_err();
        assert!(
            e.message
                .starts_with("the file is 200.0 MiB (209,715,200 bytes)"),
            "{e}"
        );
        assert!(check_size("x", MAX_BYTES as u64).is_ok());
        assert!(check_size("x", 0).is_ok());
    }

    #[test]
    fn columns_count_characters() {
        let pos = position_of("é€x\ny".as_bytes(), 5);
        assert_eq!((pos.line, pos.column), (1, 3));
    }
}
