//! Bytes to text: the first gate every file passes, with errors that name the place.

use std::fmt;

/// A file that cannot be parsed at all. Everything softer is a [`crate::Diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub message: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// Byte offset into the input, when the error has one place.
    pub offset: Option<u64>,
}

impl ParseError {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        ParseError {
            file: file.to_string(),
            message: message.into(),
            line: None,
            column: None,
            offset: None,
        }
    }

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
    pub line: u32,
    pub column: u32,
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

/// Decodes a plain-text page: rejects binary and invalid UTF-8 with the exact place,
/// drops a byte-order mark and normalises line ends to `\n`.
pub fn decode_text(file: &str, bytes: &[u8]) -> Result<String, ParseError> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(
            ParseError::new(file, "binary data (a NUL byte): not a text file")
                .at(position_of(bytes, i)),
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(
                ParseError::new(file, format!("invalid UTF-8 (byte 0x{:02X})", bytes[at]))
                    .at(position_of(bytes, at)),
            );
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(i) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .map(|(i, _)| i)
    {
        let bom = bytes.len() - text.len();
        return Err(ParseError::new(
            file,
            "control characters: this looks like a binary file, not a page text",
        )
        .at(position_of(bytes, i + bom)));
    }
    if text.trim().is_empty() {
        return Err(ParseError::new(file, "the file is empty"));
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
    }

    #[test]
    fn binary_and_empty_are_errors() {
        assert!(decode_text("b", b"PK\x03\x04\x00\x00")
            .unwrap_err()
            .message
            .contains("binary"));
        assert!(decode_text("e", b"  \n\n")
            .unwrap_err()
            .message
            .contains("empty"));
    }

    #[test]
    fn columns_count_characters() {
        let pos = position_of("é€x\ny".as_bytes(), 5);
        assert_eq!((pos.line, pos.column), (1, 3));
    }
}
