//! A document's length in one byte, as ranking weighs it (the way Lucene keeps its norms):
//! exact up to 63 words, then in steps of 4 %, up to about 115,000 words. One byte per
//! document keeps a whole series' lengths small enough to fetch with a site's index.

const EXACT: u32 = 64;
const STEP: f64 = 1.04;

/// The byte for a length of `words`.
pub fn encode(words: u32) -> u8 {
    if words < EXACT {
        return words as u8;
    }
    let steps = (f64::from(words) / f64::from(EXACT)).ln() / STEP.ln();
    (f64::from(EXACT) + steps.round()).min(255.0) as u8
}

/// The length a byte stands for.
pub fn decode(b: u8) -> f64 {
    if u32::from(b) < EXACT {
        return f64::from(b);
    }
    f64::from(EXACT) * STEP.powi(i32::from(b) - EXACT as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_round_trip_within_two_percent() {
        for w in [0, 1, 63, 64, 65, 100, 1000, 5000, 100_000] {
            let d = decode(encode(w));
            assert!(
                (d - f64::from(w)).abs() <= f64::from(w) * 0.021,
                "{w} → {d}"
            );
        }
        assert_eq!(encode(u32::MAX), 255);
    }
}
