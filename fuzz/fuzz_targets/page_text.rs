//! Page text: any bytes → decoding → the plain-text parser → the page text it renders,
//! parsed again. No input may panic, hang or exhaust memory.
#![no_main]

use letterbook_core::render::{flat_text, to_page_text};
use letterbook_core::{parse_str, parse_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = parse_text("fuzz-d1.txt", data) {
        let _ = flat_text(&doc);
        let again = parse_str("fuzz-d1.txt", &to_page_text(&doc));
        let _ = flat_text(&again);
    }
});
