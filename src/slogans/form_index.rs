//! The index of the corpus pass ([`super::recognise_known`]): which known form, if any,
//! starts at a position of a text.

use super::Kind;

/// Size of the pair filter of [`FormIndex`], in bits.
const PAIR_BITS: usize = 1 << 16;

/// The filter bit of a character pair: a multiplicative hash folded to 16 bits.
fn pair_bit(c: char, d: char) -> usize {
    let h = (u64::from(c) << 21 | u64::from(d)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 48) as usize % PAIR_BITS
}

/// The searched forms by their first two characters, longest first, with a 65,536-bit filter
/// of hashed character pairs so that most positions cost one bit test, not a map look-up.
///
/// The forms are stored in buckets by the same hash ([`pair_bit`]): a bucket may hold the
/// forms of several pairs, but only forms of the pair at the position can start there, so
/// the first match in the bucket (longest first, then in list order) is the one of the pair
/// list. Each candidate carries the (up to) 8 bytes after its first two characters, so that
/// most candidates that do not start at the position are rejected with one integer compare
/// before the full comparison.
#[derive(Debug, Clone)]
pub(super) struct FormIndex {
    /// Bit [`pair_bit`]`(c, d)` set when some form starts with `c` then `d`.
    pairs: Vec<u64>,
    /// Bucket `b` is `cands[start[b]..start[b + 1]]` (`PAIR_BITS + 1` entries).
    start: Vec<u32>,
    /// The candidates of all buckets, each bucket longest first, then by index.
    cands: Vec<Candidate>,
}

/// One form in a bucket of [`FormIndex`].
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// Index into the known list.
    form: usize,
    /// Byte length of the first two characters.
    skip: usize,
    /// The bytes of the form after them (at most 8, little-endian, zero-padded).
    key: u64,
    /// The bytes of `key` that belong to the form.
    mask: u64,
}

/// Up to 8 bytes of `b` from `from` (little-endian, zero-padded past the end).
#[inline]
fn load8(b: &[u8], from: usize) -> u64 {
    let s = b.get(from..).unwrap_or(&[]);
    match s.get(..8) {
        Some(w) => {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(w);
            u64::from_le_bytes(buf)
        }
        None => {
            let mut buf = [0u8; 8];
            buf[..s.len()].copy_from_slice(s);
            u64::from_le_bytes(buf)
        }
    }
}

impl FormIndex {
    /// The index of the forms of `known` (those of at least two characters).
    pub(super) fn new(known: &[(String, Kind)]) -> FormIndex {
        let mut pairs = vec![0u64; PAIR_BITS / 64];
        let mut by_bit: Vec<(usize, Candidate)> = Vec::new();
        for (i, (form, _)) in known.iter().enumerate() {
            let mut cs = form.chars();
            if let (Some(c), Some(d)) = (cs.next(), cs.next()) {
                let b = pair_bit(c, d);
                if let Some(w) = pairs.get_mut(b / 64) {
                    *w |= 1 << (b % 64);
                }
                let skip = c.len_utf8() + d.len_utf8();
                let n = (form.len() - skip).min(8);
                let mask = if n == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * n)) - 1
                };
                let key = load8(form.as_bytes(), skip) & mask;
                by_bit.push((
                    b,
                    Candidate {
                        form: i,
                        skip,
                        key,
                        mask,
                    },
                ));
            }
        }
        by_bit.sort_by(|(ba, a), (bb, b)| {
            ba.cmp(bb)
                .then(known[b.form].0.len().cmp(&known[a.form].0.len()))
                .then(a.form.cmp(&b.form))
        });
        let mut start = vec![0u32; PAIR_BITS + 1];
        for &(b, _) in &by_bit {
            if let Some(x) = start.get_mut(b + 1) {
                *x += 1;
            }
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let cands = by_bit.into_iter().map(|(_, c)| c).collect();
        FormIndex {
            pairs,
            start,
            cands,
        }
    }

    /// The longest form starting at byte `at` of `text`, which starts there with the
    /// characters `c` then `d`.
    #[inline]
    pub(super) fn longest_at(
        &self,
        text: &str,
        at: usize,
        c: char,
        d: char,
        known: &[(String, Kind)],
    ) -> Option<usize> {
        let b = pair_bit(c, d);
        if self
            .pairs
            .get(b / 64)
            .is_none_or(|w| w & (1 << (b % 64)) == 0)
        {
            return None;
        }
        let lo = *self.start.get(b)? as usize;
        let hi = *self.start.get(b + 1)? as usize;
        let bytes = text.as_bytes();
        let rest = bytes.get(at..)?;
        // Forms of one pair share `skip`: the text's next 8 bytes are loaded once per run.
        let mut loaded: Option<(usize, u64)> = None;
        for cand in self.cands.get(lo..hi)? {
            let next = match loaded {
                Some((skip, w)) if skip == cand.skip => w,
                _ => {
                    let w = load8(bytes, at + cand.skip);
                    loaded = Some((cand.skip, w));
                    w
                }
            };
            if next & cand.mask == cand.key && rest.starts_with(known[cand.form].0.as_bytes()) {
                return Some(cand.form);
            }
        }
        None
    }
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

    /// The index against the reference at every position of `text` with two characters.
    fn agree(text: &str, known: &[(String, Kind)]) -> Result<(), TestCaseError> {
        let index = FormIndex::new(known);
        let cs: Vec<(usize, char)> = text.char_indices().collect();
        for w in cs.windows(2) {
            let (at, c) = w[0];
            prop_assert_eq!(
                index.longest_at(text, at, c, w[1].1, known),
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

    /// Two character pairs with the same filter bit, so that their forms share a bucket.
    fn colliding_pairs() -> ((char, char), (char, char)) {
        let mut seen = std::collections::HashMap::new();
        for c in '一'..='龥' {
            for d in ['党', '建', '红'] {
                if let Some(&p) = seen.get(&pair_bit(c, d)) {
                    return (p, (c, d));
                }
                seen.insert(pair_bit(c, d), (c, d));
            }
        }
        panic!("no colliding pairs");
    }

    #[test]
    fn shared_buckets_and_prefixes() -> Result<(), TestCaseError> {
        let ((a, b), (c, d)) = colliding_pairs();
        assert_eq!(pair_bit(a, b), pair_bit(c, d));
        let known: Vec<(String, Kind)> = [
            format!("{a}{b}"),
            format!("{a}{b}物业服务站点建设"),
            format!("{c}{d}物业"),
            format!("{a}{b}物业"),
            format!("{c}{d}物业服务站点建设工作"),
            format!("{a}{b}物"),
            "红色物业".to_string(),
            "红色物业服务".to_string(),
            "红色物业服务".to_string(),
            "a".to_string(),
            "ab🙂".to_string(),
        ]
        .into_iter()
        .map(|f| (f, Kind::QuotedSlogan))
        .collect();
        let text = format!(
            "{a}{b}物业服务站点建设工作,{c}{d}物业服务站点建设工作。{c}{d}物{a}{b}物业ab🙂红色物业服务站,红色物业"
        );
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
