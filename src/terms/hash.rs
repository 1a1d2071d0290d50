//! A small, fast, deterministic hasher for the per-document count maps (the Fx hash of
//! rustc / Firefox). Counting happens once per token, so SipHash's cost would show in the
//! throughput; the maps are never iterated into output unsorted.

use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher: multiply-rotate over 8-byte words.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(padded_le(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `BuildHasher` for [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// The first 8 bytes of `b` (all of it if shorter) as a little-endian word, zero-padded:
/// the word of `b` copied into `[0; 8]`, read with two overlapping loads instead of a copy
/// of variable length (a `memcpy` call; terms are mostly 3 to 12 bytes).
#[inline]
pub(crate) fn padded_le(b: &[u8]) -> u64 {
    let n = b.len();
    if let Some(w) = b.first_chunk::<8>() {
        return u64::from_le_bytes(*w);
    }
    if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        // 4..=7 bytes: the two loads overlap on equal bytes.
        let lo = u64::from(u32::from_le_bytes(*lo));
        let hi = u64::from(u32::from_le_bytes(*hi));
        return lo | (hi << ((n - 4) * 8));
    }
    match (b.first(), b.get(n / 2), b.last()) {
        // 1..=3 bytes: first, middle and last (the same byte twice when n < 3).
        (Some(&a), Some(&m), Some(&z)) => {
            u64::from(a) | (u64::from(m) << ((n / 2) * 8)) | (u64::from(z) << ((n - 1) * 8))
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition: copied into a zeroed word.
    fn copied(b: &[u8]) -> u64 {
        let mut w = [0u8; 8];
        let n = b.len().min(8);
        w[..n].copy_from_slice(&b[..n]);
        u64::from_le_bytes(w)
    }

    #[test]
    fn padded_words_by_hand() {
        assert_eq!(padded_le(b""), 0);
        assert_eq!(padded_le(b"\x01"), 1);
        assert_eq!(padded_le(b"\x01\x02\x03"), 0x03_02_01);
        assert_eq!(padded_le(b"\x01\x02\x03\x04\x05"), 0x05_04_03_02_01);
        assert_eq!(padded_le("党建".as_bytes()), 0xBA_BB_E5_9A_85_E5);
    }

    proptest! {
        #[test]
        fn padded_word_equals_the_copy(b in prop::collection::vec(any::<u8>(), 0..20)) {
            prop_assert_eq!(padded_le(&b), copied(&b));
        }
    }
}
