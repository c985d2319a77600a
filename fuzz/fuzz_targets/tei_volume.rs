//! A TEI volume: any bytes → the pull parser, to the end, then the volume's index and the
//! correspondence model over whatever parsed.
#![no_main]

use letterbook_core::correspondence::Correspondence;
use letterbook_core::{parse_volume, VolumeIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = parse_volume("frus1934v99.xml", data) {
        let _ = VolumeIndex::build(&v.volume, &v.documents);
        let docs: Vec<_> = v.documents.iter().collect();
        let _ = Correspondence::build(&docs, &[&v.volume]);
    }
});
