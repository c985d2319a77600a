//! The encoded model: a volume's description and documents (or one page text's document)
//! as one record of bytes, for the browser's store and for a pack file alike.
//!
//! Layout: `LBKM`, the format version (u16, little-endian), the codec (u8), the payload's
//! length and its CRC-32 (u32 each), then the payload: the model as MessagePack with named
//! fields (so serde's `skip_serializing_if` and the recursive inlines and contents
//! round-trip, which bitcode 0.6's derive cannot do), compressed. Two codecs, both with a
//! small pure-Rust decoder in wasm: LZ4 for the browser's store (written on the reader's
//! machine, so its encoder must be fast), zstd for pack files (written once by
//! `letterbook pack`, sent over the network many times: LZ4 packs were larger than the XML
//! they came from once a host compressed both). Only the packer encodes zstd (the C
//! library, feature `zstd`); every build decodes it (ruzstd).
//! A record of another format version is refused, never read: its source is parsed again.
//! The checksum makes a flipped bit an error before anything is decoded.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Document, Volume};

/// The format every record written now carries. Bump it when the model or the layout
/// changes in a way an older reader would misread.
pub const FORMAT: u16 = 2;

const MAGIC: &[u8; 4] = b"LBKM";
const HEADER: usize = 4 + 2 + 1 + 4 + 4;
/// No volume's model comes near this once decompressed (the largest, ~15 MB of XML,
/// makes ~12 MB): a record that claims more is corrupt, and is not allocated for.
const MAX_MODEL_BYTES: usize = 256 * 1024 * 1024;

/// What a record holds: a TEI volume with its documents, or one page text's document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The volume's description (titles, editors, contents, persons, terms); `None` for a
    /// page text.
    pub volume: Option<Volume>,
    /// The documents, in volume order.
    pub documents: Vec<Document>,
    /// The file it was read from (`frus1934v05.xml`).
    #[serde(default)]
    pub file: String,
    /// Errors met while parsing it ("file:line:column: message"), shown again when it is
    /// read back.
    #[serde(default)]
    pub errors: Vec<String>,
    /// The line where the file ended before the volume did (`OpenVolume::ends_early`).
    #[serde(default)]
    pub ends_early: Option<u32>,
    /// The search index of its documents (a `letterbook-search` segment: opaque here),
    /// kept with them so that a visit does not build it again. Absent in records written
    /// before search, and in a site's packs (the site has its own index).
    #[serde(default, with = "serde_bytes")]
    pub index: Option<Vec<u8>>,
}

/// A record's parts as the app holds them (documents shared with its collection), to
/// encode without copying the model; decoded, it is a [`Record`].
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a, D> {
    /// As [`Record::volume`].
    pub volume: Option<&'a Volume>,
    /// As [`Record::documents`]: `Document`s or `Arc<Document>`s.
    pub documents: &'a [D],
    /// As [`Record::file`].
    pub file: &'a str,
    /// As [`Record::errors`].
    pub errors: &'a [String],
    /// As [`Record::ends_early`].
    pub ends_early: Option<u32>,
    /// As [`Record::index`].
    pub index: Option<&'a [u8]>,
}

impl<D: Borrow<Document>> Serialize for Parts<'_, D> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Docs<'a, D>(&'a [D]);
        impl<D: Borrow<Document>> Serialize for Docs<'_, D> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(Borrow::borrow))
            }
        }
        // The field names and order of `Record`: one encoding for both.
        let mut st = s.serialize_struct("Record", 6)?;
        st.serialize_field("volume", &self.volume)?;
        st.serialize_field("documents", &Docs(self.documents))?;
        st.serialize_field("file", self.file)?;
        st.serialize_field("errors", self.errors)?;
        st.serialize_field("ends_early", &self.ends_early)?;
        st.serialize_field("index", &self.index.map(serde_bytes::Bytes::new))?;
        st.end()
    }
}

/// Why a record cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The bytes are not a record at all.
    NotARecord,
    /// A record written in another format (re-read its source instead).
    OtherFormat(u16),
    /// Shorter than its header says.
    Truncated {
        /// Bytes the header announces after it.
        expected: usize,
        /// Bytes there are.
        found: usize,
    },
    /// The checksum does not match, or the payload does not decode: damaged.
    Corrupt(String),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::NotARecord => write!(f, "not a Letterbook record"),
            RecordError::OtherFormat(v) => write!(
                f,
                "a record of format {v}, not {FORMAT}: it is read again from its source"
            ),
            RecordError::Truncated { expected, found } => write!(
                f,
                "the record is cut short: {found} of its {expected} bytes"
            ),
            RecordError::Corrupt(why) => write!(f, "the record is damaged: {why}"),
        }
    }
}

impl std::error::Error for RecordError {}

impl Record {
    /// The record's parts, borrowed (to encode it with a codec of choice).
    pub fn parts(&self) -> Parts<'_, Document> {
        Parts {
            volume: self.volume.as_ref(),
            documents: &self.documents,
            file: &self.file,
            errors: &self.errors,
            ends_early: self.ends_early,
            index: self.index.as_deref(),
        }
    }
}

/// Encodes a record for the browser's store (LZ4).
pub fn encode(record: &Record) -> Vec<u8> {
    encode_parts(record.parts())
}

/// Encodes a record from its parts (the same bytes as [`encode`] of the same record).
pub fn encode_parts<D: Borrow<Document>>(parts: Parts<'_, D>) -> Vec<u8> {
    encode_parts_with(parts, Codec::Lz4)
}

/// Encodes a record from its parts with `codec`.
pub fn encode_parts_with<D: Borrow<Document>>(parts: Parts<'_, D>, codec: Codec) -> Vec<u8> {
    // Serializing plain data to a Vec cannot fail: no map has non-string keys.
    let model = rmp_serde::to_vec_named(&parts).expect("the model serializes");
    frame(MAGIC, &model, codec)
}

/// How a record's payload is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// LZ4 blocks: fast both ways (the browser's store).
    Lz4,
    /// zstd at this level (1 to 22): small, for pack files; encoded only with the
    /// feature `zstd`, natively, decoded everywhere.
    #[cfg(all(feature = "zstd", not(target_arch = "wasm32")))]
    Zstd(i32),
}

const CODEC_LZ4: u8 = 0;
const CODEC_ZSTD: u8 = 1;

/// Frames serialized `model`: magic, format, codec, length and CRC-32 of the compressed
/// payload. Every file a pack site serves is framed so (records, the summary, the search
/// index's parts), each kind with its own magic.
pub fn frame(magic: &[u8; 4], model: &[u8], codec: Codec) -> Vec<u8> {
    let (tag, payload) = match codec {
        Codec::Lz4 => (CODEC_LZ4, lz4_flex::block::compress_prepend_size(model)),
        // Compressing a buffer in memory fails only on a level out of range, which the
        // library clamps: a failure here is a bug, not an input.
        #[cfg(all(feature = "zstd", not(target_arch = "wasm32")))]
        Codec::Zstd(level) => (
            CODEC_ZSTD,
            zstd::bulk::compress(model, level).expect("zstd compresses a buffer"),
        ),
    };
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.push(tag);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// The format version a record says it has, if it is one (to decide, without decoding,
/// whether to read its source again).
pub fn format_of(bytes: &[u8]) -> Option<u16> {
    (bytes.len() >= 6 && &bytes[..4] == MAGIC).then(|| u16::from_le_bytes([bytes[4], bytes[5]]))
}

/// Decodes a record; any damage is an error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Record, RecordError> {
    let model = unframe(MAGIC, bytes)?;
    rmp_serde::from_slice(&model).map_err(|e| RecordError::Corrupt(e.to_string()))
}

/// The serialized model inside a frame of `magic`, checked and decompressed.
pub fn unframe(magic: &[u8; 4], bytes: &[u8]) -> Result<Vec<u8>, RecordError> {
    if bytes.len() < 6 || &bytes[..4] != magic {
        return Err(RecordError::NotARecord);
    }
    let format = u16::from_le_bytes([bytes[4], bytes[5]]);
    if format != FORMAT {
        return Err(RecordError::OtherFormat(format));
    }
    if bytes.len() < HEADER {
        return Err(RecordError::Truncated {
            expected: HEADER,
            found: bytes.len(),
        });
    }
    let word =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let codec = bytes[6];
    let (len, crc) = (word(7) as usize, word(11));
    let payload = &bytes[HEADER..];
    if payload.len() < len {
        return Err(RecordError::Truncated {
            expected: len,
            found: payload.len(),
        });
    }
    if payload.len() > len {
        return Err(RecordError::Corrupt(format!(
            "{} bytes after its end",
            payload.len() - len
        )));
    }
    if crc32fast::hash(payload) != crc {
        return Err(RecordError::Corrupt("its checksum does not match".into()));
    }
    match codec {
        CODEC_LZ4 => {
            let size = payload
                .get(..4)
                .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
                .ok_or_else(|| RecordError::Corrupt("no payload".into()))?;
            if size > MAX_MODEL_BYTES {
                return Err(RecordError::Corrupt(format!(
                    "it claims {size} bytes of model"
                )));
            }
            lz4_flex::block::decompress_size_prepended(payload)
                .map_err(|e| RecordError::Corrupt(e.to_string()))
        }
        CODEC_ZSTD => unzstd(payload),
        other => Err(RecordError::Corrupt(format!("unknown codec {other}"))),
    }
}

/// Decompresses a zstd frame, refusing more than [`MAX_MODEL_BYTES`] of output.
fn unzstd(payload: &[u8]) -> Result<Vec<u8>, RecordError> {
    use std::io::Read;
    let corrupt = |e: &dyn std::fmt::Display| RecordError::Corrupt(format!("zstd: {e}"));
    let mut decoder = ruzstd::decoding::StreamingDecoder::new(payload).map_err(|e| corrupt(&e))?;
    // The frame says how large it is (the packer writes it): one allocation, not a
    // doubling series that leaves the wasm memory at twice the model's size.
    // Never more than a generous ratio of the payload, whatever a damaged header claims.
    let size = (decoder.decoder.content_size() as usize).min(payload.len().saturating_mul(64));
    let mut out = Vec::with_capacity(size.min(MAX_MODEL_BYTES));
    (&mut decoder)
        .take(MAX_MODEL_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| corrupt(&e))?;
    if out.len() > MAX_MODEL_BYTES {
        return Err(RecordError::Corrupt(format!(
            "more than {MAX_MODEL_BYTES} bytes of model"
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_str, parse_volume};

    fn sample() -> Record {
        let xml = r##"<TEI xml:id="frus1918x"><text><body><div type="chapter" xml:id="ch1"><head>Russia</head>
<div type="document" xml:id="d1" n="1"><head>The Ambassador (<persName type="from">Francis</persName>) to the Secretary of State</head>
<p>Text <hi rend="italic">with <hi rend="smallcaps">nested</hi> runs</hi> <pb n="2"/>more.<note n="1">See <ref target="#d2">No. 2</ref>.</note></p></div>
<div type="document" xml:id="d2" n="2"><head>B to A</head><p>x</p></div></div>
</body></text></TEI>"##;
        let v = parse_volume("x.xml", xml.as_bytes()).unwrap();
        Record {
            volume: Some(v.volume),
            documents: v.documents,
            ..Default::default()
        }
    }

    #[test]
    fn a_record_round_trips() {
        let r = sample();
        assert_eq!(decode(&encode(&r)).unwrap(), r);
        let text = Record {
            volume: None,
            documents: vec![parse_str(
                "frus1999v01-d4.txt",
                "4. Letter From A to B1\n\nText.\n\n  1. Source note.\n",
            )],
            ..Default::default()
        };
        assert_eq!(decode(&encode(&text)).unwrap(), text);
    }

    #[test]
    fn a_record_written_before_search_reads_without_an_index() {
        // The record as format 2 wrote it before the index was kept beside the model.
        #[derive(Serialize)]
        struct Before<'a> {
            volume: Option<&'a Volume>,
            documents: &'a [Document],
            file: &'a str,
            errors: &'a [String],
            ends_early: Option<u32>,
        }
        let r = sample();
        let model = rmp_serde::to_vec_named(&Before {
            volume: r.volume.as_ref(),
            documents: &r.documents,
            file: &r.file,
            errors: &r.errors,
            ends_early: r.ends_early,
        })
        .unwrap();
        let old = frame(MAGIC, &model, Codec::Lz4);
        let back = decode(&old).unwrap();
        assert_eq!(back.index, None);
        assert_eq!(back, r);
    }

    #[test]
    fn parts_shared_with_a_collection_encode_as_their_record() {
        let mut r = sample();
        r.file = "x.xml".into();
        r.errors = vec!["x.xml:3:1: a slip".into()];
        r.ends_early = Some(3);
        r.index = Some(vec![0, 1, 2, 255, 128]);
        let shared: Vec<std::sync::Arc<Document>> = r
            .documents
            .iter()
            .cloned()
            .map(std::sync::Arc::new)
            .collect();
        let bytes = encode_parts(Parts {
            volume: r.volume.as_ref(),
            documents: &shared,
            file: &r.file,
            errors: &r.errors,
            ends_early: r.ends_early,
            index: r.index.as_deref(),
        });
        assert_eq!(bytes, encode(&r));
        assert_eq!(decode(&bytes).unwrap(), r);
        match decode(&bytes).unwrap().reopen() {
            Some(crate::pack::Reopened::Volume(open, docs)) => {
                assert_eq!(docs.len(), 2);
                assert_eq!(open.ends_early, Some(3));
                assert_eq!(open.file, "x.xml");
                assert_eq!(open.index.position.len(), 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_zstd_record_round_trips() {
        let r = sample();
        let z = encode_parts_with(r.parts(), Codec::Zstd(19));
        assert_eq!(decode(&z).unwrap(), r);
        assert_eq!(z[6], CODEC_ZSTD);
        let mut unknown = z.clone();
        unknown[6] = 7;
        assert_eq!(
            decode(&unknown),
            Err(RecordError::Corrupt("unknown codec 7".into()))
        );
        for k in 0..z.len() {
            let mut b = z.clone();
            b[k] ^= 0xFF;
            assert!(decode(&b).is_err(), "byte {k} flipped");
        }
        for cut in 0..z.len() {
            assert!(decode(&z[..cut]).is_err(), "cut at {cut}");
        }
    }

    /// Damage the checksum cannot see (the payload changed and its CRC written anew, as a
    /// buggy writer would): the decoders and the model's reader answer with an error or a
    /// model, never a panic.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn damage_behind_a_good_checksum_never_panics() {
        let r = sample();
        let docs: Vec<&Document> = r.documents.iter().collect();
        let corr = crate::correspondence::Correspondence::build(&docs, &[]);
        for bytes in [
            encode(&r),
            encode_parts_with(r.parts(), Codec::Zstd(19)),
            super::super::encode_summary(&corr, Codec::Lz4),
            super::super::encode_summary(&corr, Codec::Zstd(19)),
        ] {
            for k in HEADER..bytes.len() {
                for mask in [0x01u8, 0x80, 0xFF] {
                    let mut b = bytes.clone();
                    b[k] ^= mask;
                    let crc = crc32fast::hash(&b[HEADER..]).to_le_bytes();
                    b[11..15].copy_from_slice(&crc);
                    let _ = decode(&b);
                    let _ = super::super::decode_summary(&b);
                }
            }
        }
    }

    #[test]
    fn another_format_and_damage_are_errors() {
        let bytes = encode(&sample());
        assert_eq!(format_of(&bytes), Some(FORMAT));
        let mut other = bytes.clone();
        other[4] = 9;
        assert_eq!(decode(&other), Err(RecordError::OtherFormat(9)));
        assert_eq!(decode(b"<TEI>"), Err(RecordError::NotARecord));
        assert!(matches!(
            decode(&bytes[..bytes.len() - 3]),
            Err(RecordError::Truncated { .. })
        ));
        let mut flipped = bytes.clone();
        let k = bytes.len() / 2;
        flipped[k] ^= 0x10;
        assert!(matches!(decode(&flipped), Err(RecordError::Corrupt(_))));
        // Every cut and every flipped byte: an error, never a panic.
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for k in 0..bytes.len() {
            let mut b = bytes.clone();
            b[k] ^= 0xFF;
            assert!(decode(&b).is_err(), "byte {k} flipped");
        }
    }
}
