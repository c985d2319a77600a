//! LEB128 variable-length integers: the index's postings and tables.

/// Appends `v` to `out`.
pub fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads bytes in order; every read past the end or of an overlong number is an error.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Bytes that do not read as what they should: the index is damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damaged;

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// Where it stands.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Whether everything was read.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The next number.
    pub fn get(&mut self) -> Result<u64, Damaged> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.pos).ok_or(Damaged)?;
            self.pos += 1;
            if shift == 63 && b > 1 {
                return Err(Damaged);
            }
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return Err(Damaged);
            }
        }
    }

    /// The next number, which must fit in a u32.
    pub fn get32(&mut self) -> Result<u32, Damaged> {
        u32::try_from(self.get()?).map_err(|_| Damaged)
    }

    /// The next number, as a length no larger than what is left to read.
    pub fn len(&mut self) -> Result<usize, Damaged> {
        let n = self.get()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(Damaged);
        }
        Ok(n as usize)
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Damaged> {
        let end = self.pos.checked_add(n).ok_or(Damaged)?;
        let s = self.bytes.get(self.pos..end).ok_or(Damaged)?;
        self.pos = end;
        Ok(s)
    }

    /// Skips `n` numbers.
    pub fn skip(&mut self, n: usize) -> Result<(), Damaged> {
        for _ in 0..n {
            loop {
                let b = *self.bytes.get(self.pos).ok_or(Damaged)?;
                self.pos += 1;
                if b < 0x80 {
                    break;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            put(&mut out, v);
        }
        let mut r = Reader::new(&out);
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            assert_eq!(r.get(), Ok(v));
        }
        assert!(r.is_empty());
        assert_eq!(r.get(), Err(Damaged));
        assert_eq!(Reader::new(&[0xff; 11]).get(), Err(Damaged));
        assert_eq!(Reader::new(&[0x80]).get(), Err(Damaged));
        assert_eq!(Reader::new(&[5, 1]).len(), Err(Damaged));
    }
}
