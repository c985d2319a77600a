//! A link as a QR code a visitor's phone reads: the modules as one SVG path (drawn by the
//! QR dialog), with the four-module quiet zone readers need.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code's drawing: its side in modules (quiet zone included) and the path of its
/// dark modules, one unit square each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrDrawing {
    pub side: usize,
    pub path: String,
}

/// The drawing of `text`, or None when it is too long for a QR code.
pub fn draw(text: &str) -> Option<QrDrawing> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    const QUIET: usize = 4;
    let mut path = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some(QrDrawing {
        side: width + 2 * QUIET,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_draws_and_a_novel_does_not() {
        let d = draw("https://history.state.gov/historicaldocuments/frus1934v05/d127").unwrap();
        // Version 4 (33 modules) or so at level M, with its quiet zone.
        assert!(d.side >= 29 + 8 && d.side <= 41 + 8, "{}", d.side);
        assert!(d.path.starts_with('M') && d.path.matches('z').count() > 100);
        assert!(draw(&"x".repeat(5000)).is_none());
    }
}
