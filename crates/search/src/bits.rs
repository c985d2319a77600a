//! Bit-packed numbers, least significant bit first: a term's positions, each run of them
//! in the width its largest number needs (a word's first place in a field, then the gaps).

use crate::varint::Damaged;

/// The widest number written: 31 bits (a width fits in five bits).
pub const MAX_WIDTH: u32 = 31;

/// Appends numbers of chosen widths.
#[derive(Debug, Default, Clone)]
pub struct BitWriter {
    bytes: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    /// The low `w` bits of `v` (`w` ≤ 32).
    pub fn put(&mut self, v: u32, w: u32) {
        debug_assert!(w <= 32);
        let v = if w == 32 {
            u64::from(v)
        } else {
            u64::from(v) & ((1u64 << w) - 1)
        };
        // Fewer than 32 bits wait in `acc`; four bytes go out at a time.
        self.acc |= v << self.n;
        self.n += w;
        if self.n >= 32 {
            self.bytes
                .extend_from_slice(&(self.acc as u32).to_le_bytes());
            self.acc >>= 32;
            self.n -= 32;
        }
    }

    /// A run of numbers: its width (five bits), then each number in it.
    pub fn run(&mut self, values: &[u32]) {
        let w = width(values.iter().copied().max().unwrap_or(0));
        self.put(w, 5);
        for &v in values {
            self.put(v, w);
        }
    }

    /// Appends what was written to `out`, the last byte padded.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bytes);
        let tail = self.n.div_ceil(8) as usize;
        out.extend_from_slice(&self.acc.to_le_bytes()[..tail]);
    }

    /// Its bytes once written.
    pub fn len(&self) -> usize {
        self.bytes.len() + self.n.div_ceil(8) as usize
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The bits `v` needs (0 for 0), at most [`MAX_WIDTH`].
pub fn width(v: u32) -> u32 {
    (32 - v.leading_zeros()).min(MAX_WIDTH)
}

/// Reads numbers of known widths; reading past the end is an error.
#[derive(Debug, Clone)]
pub struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> BitReader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, at: 0 }
    }

    /// The next `w` bits (`w` ≤ 32).
    pub fn get(&mut self, w: u32) -> Result<u32, Damaged> {
        let end = self.at.checked_add(w as usize).ok_or(Damaged)?;
        if end > self.bytes.len() * 8 || w > 32 {
            return Err(Damaged);
        }
        let mut v: u64 = 0;
        let mut got = 0;
        while got < w {
            let byte = u64::from(self.bytes[self.at / 8]);
            let bit = (self.at % 8) as u32;
            let take = (8 - bit).min(w - got);
            v |= ((byte >> bit) & ((1 << take) - 1)) << got;
            got += take;
            self.at += take as usize;
        }
        Ok(v as u32)
    }

    /// A run's width, read.
    pub fn width(&mut self) -> Result<u32, Damaged> {
        let w = self.get(5)?;
        if w > MAX_WIDTH {
            return Err(Damaged);
        }
        Ok(w)
    }

    /// Skips `n` bits.
    pub fn skip(&mut self, n: usize) -> Result<(), Damaged> {
        let end = self.at.checked_add(n).ok_or(Damaged)?;
        if end > self.bytes.len() * 8 {
            return Err(Damaged);
        }
        self.at = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_round_trip_and_damage_is_an_error() {
        let mut w = BitWriter::default();
        let runs: Vec<Vec<u32>> = vec![
            vec![0],
            vec![300],
            vec![1, 2, 3, 1000],
            vec![(1 << 31) - 1, 5],
        ];
        for r in &runs {
            w.run(r);
        }
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        assert_eq!(bytes.len(), w.len());
        let mut r = BitReader::new(&bytes);
        for run in &runs {
            let width = r.width().unwrap();
            let got: Vec<u32> = (0..run.len()).map(|_| r.get(width).unwrap()).collect();
            assert_eq!(&got, run);
        }
        assert!(r.get(32).is_err());
        assert!(BitReader::new(&[0xff]).skip(9).is_err());
        assert_eq!(width(0), 0);
        assert_eq!(width(1), 1);
        assert_eq!(width(300), 9);
    }
}
