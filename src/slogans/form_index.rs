//! The index of the corpus pass ([`super::recognise_known`]): which known form, if any,
//! starts at a position of a text.

use super::Kind;

/// The multiplier of the filter hash (a 64-bit golden-ratio constant).
const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Filter bits per bucket of a [`Level`]: the bucket of a key is its filter bit >> 4.
const BITS_PER_BUCKET_LOG2: u32 = 4;

/// The filter of a [`Level`] has 2^16 bits (8 KiB, in the L1 cache): for the 2,000-odd
/// forms of a corpus, 3% of the bits are set. A constant size lets the scan of
/// [`FormIndex::next_match`] test a key without a bounds check.
const FILTER_LOG2: u32 = 16;

/// The filter of a [`Level`], one bit per hashed key.
type Filter = [u64; 1 << (FILTER_LOG2 - 6)];

/// The searched forms, found from raw bytes: the text is never decoded.
///
/// A form is filed by its first `k` bytes in the level of the largest `k` in 8, 4, 2 that
/// its length reaches (in practice every form of three Han characters is in the 8-byte
/// level). At a position the next 8 bytes are loaded once as an integer; each level masks
/// them to its `k` bytes and tests the key's bit in the level's filter of hashed keys, so
/// that most positions cost a few integer operations. Past the filter, the bucket of the key
/// (the forms of 16 filter bits, longest first, then by index) is searched for the first
/// form that starts there; a form of up to 16 bytes is compared as two masked words. A form in a higher level is longer than any form in
/// a lower one, so the first match over the levels is the longest (then first) form.
#[derive(Debug, Clone)]
pub(super) struct FormIndex {
    /// The forms of 8 bytes or more, by their first 8 bytes.
    long: Level,
    /// The forms of 4 to 7 bytes, by their first 4 bytes.
    mid: Level,
    /// The forms of 2 or 3 bytes (two ASCII or Latin characters), by their first 2 bytes.
    short: Level,
}

/// The forms of one key length in [`FormIndex`].
#[derive(Debug, Clone)]
struct Level {
    /// The bytes of the loaded word that form the key (`k` low bytes, little-endian).
    mask: u64,
    /// Bit set when some form of the level has a key of that hash.
    bits: Box<Filter>,
    /// Bucket `b` is `cands[start[b]..start[b + 1]]`.
    start: Vec<u32>,
    /// The candidates of all buckets, each bucket longest first, then by index.
    cands: Vec<Candidate>,
}

/// One form in a bucket of a [`Level`]: its first 16 bytes as two masked words, so that
/// a form of up to 16 bytes (five Han characters) is compared without reading it.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The form's first (up to) 8 bytes, little-endian.
    first: u64,
    /// The bytes of `first` that belong to the form.
    first_mask: u64,
    /// The form's bytes 8 to 16 (as many as it has), little-endian.
    second: u64,
    /// The bytes of `second` that belong to the form.
    second_mask: u64,
    /// The form's length in bytes.
    len: usize,
    /// Index into the known list.
    form: usize,
}

/// The key length (bytes) of the middle level of [`FormIndex`].
const MID_KEY: usize = 4;

/// The mask of the first `n` (at most 8) bytes of a little-endian word.
const fn low_bytes(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

impl Candidate {
    fn new(form: usize, bytes: &[u8]) -> Candidate {
        let first_mask = low_bytes(bytes.len());
        let second_mask = low_bytes(bytes.len().saturating_sub(8));
        Candidate {
            first: load8(bytes, 0) & first_mask,
            first_mask,
            second: load8(bytes, 8) & second_mask,
            second_mask,
            len: bytes.len(),
            form,
        }
    }

    /// True when the form starts `rest`, whose first 8 bytes (zero-padded) are `word`.
    #[inline]
    fn starts(&self, rest: &[u8], word: u64, known: &[(String, Kind)]) -> bool {
        word & self.first_mask == self.first
            && rest.len() >= self.len
            && (self.len <= 8 || load8(rest, 8) & self.second_mask == self.second)
            && (self.len <= 16 || rest.starts_with(known[self.form].0.as_bytes()))
    }
}

/// The filter bit of a masked key: its hash's top [`FILTER_LOG2`] bits.
#[inline]
fn key_bit(key: u64) -> usize {
    (key.wrapping_mul(MUL) >> (64 - FILTER_LOG2)) as usize
}

/// Up to 8 bytes of `b` from `from` (little-endian, zero-padded past the end).
#[inline]
fn load8(b: &[u8], from: usize) -> u64 {
    let s = b.get(from..).unwrap_or(&[]);
    match s.first_chunk::<8>() {
        Some(w) => u64::from_le_bytes(*w),
        None => {
            let mut buf = [0u8; 8];
            buf[..s.len()].copy_from_slice(s);
            u64::from_le_bytes(buf)
        }
    }
}

impl Level {
    /// The level of key length `k` (bytes) over `forms` (indices into `known`).
    fn new(k: usize, forms: &[usize], known: &[(String, Kind)]) -> Level {
        let mask = low_bytes(k);
        let mut bits = Box::new([0u64; 1 << (FILTER_LOG2 - 6)]);
        let mut by_bucket: Vec<(usize, Candidate)> = Vec::with_capacity(forms.len());
        for &form in forms {
            let cand = Candidate::new(form, known[form].0.as_bytes());
            let bit = key_bit(cand.first & mask);
            bits[bit / 64] |= 1 << (bit % 64);
            by_bucket.push((bit >> BITS_PER_BUCKET_LOG2, cand));
        }
        by_bucket.sort_by(|(ba, a), (bb, b)| {
            ba.cmp(bb)
                .then(known[b.form].0.len().cmp(&known[a.form].0.len()))
                .then(a.form.cmp(&b.form))
        });
        let mut start = vec![0u32; (1 << (FILTER_LOG2 - BITS_PER_BUCKET_LOG2)) + 1];
        for &(b, _) in &by_bucket {
            start[b + 1] += 1;
        }
        for b in 1..start.len() {
            start[b] += start[b - 1];
        }
        let cands = by_bucket.into_iter().map(|(_, c)| c).collect();
        Level {
            mask,
            bits,
            start,
            cands,
        }
    }

    /// The filter bit of the key in `word` (the next 8 bytes of the text).
    #[inline]
    fn bit(&self, word: u64) -> usize {
        key_bit(word & self.mask)
    }

    /// True when some form of the level may have the key of filter bit `bit`.
    #[inline]
    fn admits(&self, bit: usize) -> bool {
        // `bit` comes from `key_bit` (fewer than 2^16); `get` keeps a stray one harmless.
        self.bits
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// The longest (then first) form of the level at the start of `rest`, whose first 8
    /// bytes (zero-padded) are `word` and whose key has filter bit `bit`.
    #[inline]
    fn find(&self, bit: usize, rest: &[u8], word: u64, known: &[(String, Kind)]) -> Option<usize> {
        if !self.admits(bit) {
            return None;
        }
        let b = bit >> BITS_PER_BUCKET_LOG2;
        let lo = *self.start.get(b)? as usize;
        let hi = *self.start.get(b + 1)? as usize;
        self.cands
            .get(lo..hi)?
            .iter()
            .find_map(|c| c.starts(rest, word, known).then_some(c.form))
    }
}

impl FormIndex {
    /// The index of the forms of `known` (those of at least two characters).
    pub(super) fn new(known: &[(String, Kind)]) -> FormIndex {
        let (mut long, mut mid, mut short) = (Vec::new(), Vec::new(), Vec::new());
        for (i, (form, _)) in known.iter().enumerate() {
            if form.chars().nth(1).is_none() {
                continue;
            }
            // A form of two characters has at least two bytes.
            match form.len() {
                8.. => long.push(i),
                4..=7 => mid.push(i),
                _ => short.push(i),
            }
        }
        FormIndex {
            long: Level::new(8, &long, known),
            mid: Level::new(MID_KEY, &mid, known),
            short: Level::new(2, &short, known),
        }
    }

    /// The first character boundary at or after `from` (itself a boundary) where some form
    /// starts, with the longest form there (then the first in `known`), as
    /// [`FormIndex::longest_at`] gives it.
    ///
    /// The hot loop of the corpus pass: at most positions both filters reject the next 8
    /// bytes, and only the rare others go on to the buckets.
    pub(super) fn next_match(
        &self,
        bytes: &[u8],
        from: usize,
        known: &[(String, Kind)],
    ) -> Option<(usize, usize)> {
        let mut at = from;
        if self.short.cands.is_empty() {
            // While 8 bytes remain: one word, two filter bits, no call.
            let (long, mid) = (&*self.long.bits, &*self.mid.bits);
            let mid_mask = low_bytes(MID_KEY);
            while let Some(w) = bytes.get(at..).and_then(|r| r.first_chunk::<8>()) {
                let word = u64::from_le_bytes(*w);
                let (l, m) = (key_bit(word), key_bit(word & mid_mask));
                let hit = (long[l / 64] >> (l % 64)) | (mid[m / 64] >> (m % 64));
                if hit & 1 != 0 {
                    if let Some(f) = self.longest_at(bytes, at, known) {
                        return Some((at, f));
                    }
                }
                // The leading byte from the word: one load for both.
                at += utf8_width(word as u8);
            }
        }
        while let Some(&x) = bytes.get(at) {
            if let Some(f) = self.longest_at(bytes, at, known) {
                return Some((at, f));
            }
            at += utf8_width(x);
        }
        None
    }

    /// The longest form (then the first in `known`) that starts at byte `at` of `bytes`;
    /// `at` must be a character boundary of the text.
    #[inline]
    pub(super) fn longest_at(
        &self,
        bytes: &[u8],
        at: usize,
        known: &[(String, Kind)],
    ) -> Option<usize> {
        let rest = bytes.get(at..)?;
        let word = load8(bytes, at);
        // Both filters are tested without a branch between them: at most positions both
        // reject, and one branch is cheaper than two.
        let (l, m) = (self.long.bit(word), self.mid.bit(word));
        if self.long.admits(l) | self.mid.admits(m) {
            if let Some(f) = self.long.find(l, rest, word, known) {
                return Some(f);
            }
            if let Some(f) = self.mid.find(m, rest, word, known) {
                return Some(f);
            }
        }
        if self.short.cands.is_empty() {
            return None;
        }
        self.short.find(self.short.bit(word), rest, word, known)
    }
}

/// The byte length of the UTF-8 sequence that starts with byte `x` (a leading byte).
#[inline]
fn utf8_width(x: u8) -> usize {
    // By the top four bits: 0-7 ASCII, 8-B continuation (never a leading byte; 2 as
    // before), C-D two bytes, E three, F four.
    const WIDTH: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 4];
    usize::from(WIDTH[usize::from(x >> 4)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reference: every form of at least two characters starting at `at`, the longest
    /// (then the first in the list).
    fn longest_at_naive(text: &str, at: usize, known: &[(String, Kind)]) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, (form, _)) in known.iter().enumerate() {
            if form.chars().count() >= 2
                && text[at..].starts_with(form.as_str())
                && best.is_none_or(|b| form.len() > known[b].0.len())
            {
                best = Some(i);
            }
        }
        best
    }

    /// The index against the reference at every position of `text`.
    fn agree(text: &str, known: &[(String, Kind)]) -> Result<(), TestCaseError> {
        let index = FormIndex::new(known);
        // next_match: the first position at or after each boundary with a form.
        let starts: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        for &from in starts.iter().chain([text.len()].iter()) {
            let want = starts
                .iter()
                .filter(|&&at| at >= from)
                .find_map(|&at| longest_at_naive(text, at, known).map(|f| (at, f)));
            prop_assert_eq!(index.next_match(text.as_bytes(), from, known), want);
        }
        for (at, c) in text.char_indices() {
            prop_assert_eq!(utf8_width(text.as_bytes()[at]), c.len_utf8());
            prop_assert_eq!(
                index.longest_at(text.as_bytes(), at, known),
                longest_at_naive(text, at, known),
                "at {} of {:?}",
                at,
                text
            );
        }
        Ok(())
    }

    fn forms(v: &[&str]) -> Vec<(String, Kind)> {
        v.iter()
            .map(|f| (f.to_string(), Kind::QuotedSlogan))
            .collect()
    }

    #[test]
    fn shared_buckets_and_prefixes() -> Result<(), TestCaseError> {
        // 400 first characters, each with forms that share prefixes, in all three levels:
        // many buckets hold the forms of several heads.
        // (Pseudo-random characters: the multiplicative hash spreads evenly spaced ones.)
        let mut r = 1u32;
        let mut firsts: Vec<char> = (0..400)
            .filter_map(|_| {
                r = r.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from_u32(0x4E00 + (r >> 8) % 0x5000)
            })
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut known = Vec::new();
        let mut text = String::new();
        for (n, &a) in firsts.iter().enumerate() {
            for tail in [
                "物业服务站点建设",
                "物业",
                "物业服务站点建设工作",
                "物",
                "",
                "物",
            ] {
                known.push((format!("{a}{tail}"), Kind::QuotedSlogan));
            }
            text.push(a);
            text.push_str(["物业服务站点建设工作,", "物业服务站,", "物,", "物业"][n % 4]);
        }
        for f in [
            "红色物业",
            "红色物业服务",
            "红色物业服务",
            "a",
            "ab🙂",
            "ab",
            "abc",
            "aé",
        ] {
            known.push((f.to_string(), Kind::QuotedSlogan));
        }
        text.push_str("ab🙂红色物业服务站,红色物业aébabcab");
        let index = FormIndex::new(&known);
        assert!(!index.short.cands.is_empty() && !index.mid.cands.is_empty());
        let shared = index.long.start.windows(2).any(|w| {
            let heads = index.long.cands[w[0] as usize..w[1] as usize]
                .iter()
                .map(|c| c.first & index.long.mask);
            heads.clone().any(|h| heads.clone().any(|g| g != h))
        });
        assert!(shared, "no bucket with two heads");
        agree(&text, &known)?;
        agree("", &known)?;
        agree("红色物业", &forms(&[]))
    }

    proptest! {
        #[test]
        fn index_equals_naive(
            text in "[红色物业服务站ab🙂，]{0,40}",
            known in proptest::collection::vec("[红色物业服务站ab🙂]{0,12}", 0..12),
        ) {
            let known: Vec<(String, Kind)> =
                known.into_iter().map(|f| (f, Kind::QuotedSlogan)).collect();
            agree(&text, &known)?;
        }
    }
}
