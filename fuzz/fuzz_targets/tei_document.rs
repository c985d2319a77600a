//! A TEI document body inside a fixed, valid volume: the input is the content of one
//! `<div type="document">`, so the fuzzer spends its time inside the document grammar
//! (heading, datelines, notes, lists, tables, pages) rather than on the envelope.
#![no_main]

use letterbook_core::correspondence::Correspondence;
use letterbook_core::parse_volume;
use libfuzzer_sys::fuzz_target;

const BEFORE: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" ",
    "xmlns:frus=\"http://history.state.gov/frus/ns/1.0\" xml:id=\"frus1934v99\">",
    "<teiHeader><fileDesc><titleStmt><title type=\"complete\">Fuzz volume</title>",
    "</titleStmt></fileDesc></teiHeader><text><body>",
    "<div type=\"chapter\" xml:id=\"ch1\"><head>Chapter</head>",
    "<div type=\"document\" xml:id=\"d1\" n=\"1\" subtype=\"historical-document\">",
);
const AFTER: &str = "</div></div></body></text></TEI>\n";

fuzz_target!(|data: &[u8]| {
    let mut bytes = Vec::with_capacity(BEFORE.len() + data.len() + AFTER.len());
    bytes.extend_from_slice(BEFORE.as_bytes());
    bytes.extend_from_slice(data);
    bytes.extend_from_slice(AFTER.as_bytes());
    if let Ok(v) = parse_volume("frus1934v99.xml", &bytes) {
        let docs: Vec<_> = v.documents.iter().collect();
        let _ = Correspondence::build(&docs, &[&v.volume]);
    }
});
