//! Sorting a document's distinct terms in byte order, by their first 6 bytes first.
//!
//! A document has thousands of distinct terms (2,800 per 57 KB report); a comparison sort
//! of the strings spends about twelve string comparisons on each. Most Chinese terms are
//! told apart by their first 6 bytes (two characters), so the terms are sorted by those as
//! integers, with the term's index in the low 16 bits (plain integer comparisons, no
//! indirection), and only the terms that share their first 6 bytes are then compared as
//! strings.

use super::hash::padded_le;

/// The first 8 bytes of `s` as a big-endian integer, zero-padded: `prefix_key(a) <
/// prefix_key(b)` implies `a < b` in byte order, and equal keys leave the order to a full
/// comparison (zero padding ranks a shorter string no higher than any extension of it).
pub(super) fn prefix_key(s: &str) -> u64 {
    padded_le(s.as_bytes()).swap_bytes()
}

/// The most terms whose index fits in the low 16 bits of a sort key.
const INDEX_MAX: usize = 1 << 16;

/// The terms of `terms` (distinct) with their counts, sorted by term in byte order.
pub(super) fn sorted<'t>(terms: &[(&'t str, u64)]) -> Vec<(&'t str, u64)> {
    if terms.len() > INDEX_MAX {
        let mut v = terms.to_vec();
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        return v;
    }
    // The first 6 bytes and the index in one integer: the sort compares integers only.
    let mut keyed: Vec<u64> = terms
        .iter()
        .enumerate()
        .map(|(i, (t, _))| (prefix_key(t) & !0xFFFF) | i as u64)
        .collect();
    keyed.sort_unstable();
    let index = |k: u64| (k & 0xFFFF) as usize;
    let term = |k: u64| terms[index(k)].0;
    // Terms sharing their first 6 bytes are adjacent now; order each such run.
    let mut start = 0;
    while start < keyed.len() {
        let key = keyed[start] >> 16;
        let end = start
            + keyed[start..]
                .iter()
                .take_while(|&&k| k >> 16 == key)
                .count();
        if end - start > 1 {
            keyed[start..end].sort_unstable_by(|&a, &b| term(a).cmp(term(b)));
        }
        start = end;
    }
    keyed.iter().map(|&k| terms[index(k)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition: sorted by the strings.
    fn by_strings<'t>(terms: &[(&'t str, u64)]) -> Vec<(&'t str, u64)> {
        let mut v = terms.to_vec();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }

    #[test]
    fn prefix_key_order_agrees_with_byte_order() {
        // Pairs chosen by hand: shared prefixes longer and shorter than 8 bytes, a prefix of
        // the other, NUL bytes, multi-byte characters.
        let words = [
            "",
            "a",
            "ab",
            "ab\0",
            "ab\0\0",
            "abcdefgh",
            "abcdefghi",
            "abcdefgha",
            "abcdefgz",
            "b",
            "\u{0}",
            "党",
            "党建",
            "党建引领",
            "党建+",
            "三治融合",
            "三治",
            "1+5+N",
        ];
        for a in words {
            for b in words {
                let (ka, kb) = (prefix_key(a), prefix_key(b));
                if ka != kb {
                    assert_eq!(ka < kb, a < b, "{a:?} {b:?}");
                }
            }
        }
        assert_eq!(prefix_key("ab"), prefix_key("ab\0"));
        assert_eq!(prefix_key("ab"), 0x6162_0000_0000_0000);
    }

    #[test]
    fn more_terms_than_the_index_holds() {
        let words: Vec<String> = (0..INDEX_MAX + 10)
            .map(|i| {
                format!(
                    "党{}",
                    (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) % 1_000_003
                )
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(words.len() > INDEX_MAX);
        let terms: Vec<(&str, u64)> = words.iter().map(|w| (w.as_str(), 1)).collect();
        assert_eq!(sorted(&terms), by_strings(&terms));
        // Exactly INDEX_MAX terms: the keyed path, every 16-bit index used.
        assert_eq!(sorted(&terms[..INDEX_MAX]), by_strings(&terms[..INDEX_MAX]));
    }

    proptest! {
        /// Terms sharing long prefixes (so that many first 8 bytes are equal), NUL bytes,
        /// short and empty terms, from none to hundreds.
        #[test]
        fn sorted_equals_sorting_the_strings(
            words in prop::collection::btree_set("(党建引领|党建|a\0|ab){0,3}[党a\0b-d]{0,3}", 0..400),
            seed in 0u64..1000,
        ) {
            let mut terms: Vec<(&str, u64)> =
                words.iter().enumerate().map(|(i, w)| (w.as_str(), i as u64 ^ seed)).collect();
            // An input order other than sorted.
            terms.sort_by_key(|&(_, c)| c.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            prop_assert_eq!(sorted(&terms), by_strings(&terms));
        }
    }
}
