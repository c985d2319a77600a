//! Records and summaries: any bytes as the serialized model, framed with a good checksum
//! (so that the decompressors and the model's reader are reached, not only the CRC check)
//! as LZ4, and taken as a zstd frame, for a record and for a summary → decode, reopen.
//! No input may panic, hang or exhaust memory.
#![no_main]

use letterbook_core::pack::{self, FORMAT};
use libfuzzer_sys::fuzz_target;

fn framed(magic: &[u8; 4], codec: u8, payload: &[u8]) -> Vec<u8> {
    let mut b = magic.to_vec();
    b.extend(FORMAT.to_le_bytes());
    b.push(codec);
    b.extend((payload.len() as u32).to_le_bytes());
    b.extend(crc32fast::hash(payload).to_le_bytes());
    b.extend(payload);
    b
}

fuzz_target!(|data: &[u8]| {
    let lz4 = lz4_flex::block::compress_prepend_size(data);
    for (codec, payload) in [(0u8, &lz4[..]), (1u8, data)] {
        let _ = pack::decode(&framed(b"LBKM", codec, payload)).map(pack::Record::reopen);
        let _ = pack::decode_summary(&framed(b"LBKS", codec, payload));
    }
});
