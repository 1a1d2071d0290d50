//! Character classes shared by the cleaning steps (no regex: every test is a `match`).

/// True for a Han (CJK ideograph) character, including the extension blocks up to
/// extension H (t2s maps some rare characters there, e.g. 菕 → U+30C28).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// The ASCII form of a full-width digit, Latin letter or `＋`, the full-width form of
/// a small punctuation mark (U+FE50.., typed in Big5-era text: `﹔` → `；`, `﹐` → `，`, `﹑` →
/// `、`, `﹢` → `+`), and the curly quotation mark of a double-prime quotation mark (word
/// processors' `“三八〞红旗手`: `〝` → `“`, `〞` and `〟` → `”`); `None` for everything else
/// (full-width Chinese punctuation such as `，。：` is left alone on purpose).
pub(crate) fn fold_width(c: char) -> Option<char> {
    match c as u32 {
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0xFF0B => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        _ => match c {
            '﹐' => Some('，'),
            '﹑' => Some('、'),
            '﹔' => Some('；'),
            '﹕' => Some('：'),
            '﹖' => Some('？'),
            '﹗' => Some('！'),
            '﹙' => Some('（'),
            '﹚' => Some('）'),
            '﹢' => Some('+'),
            '〝' => Some('“'),
            '〞' | '〟' => Some('”'),
            _ => None,
        },
    }
}

/// Whitespace inside a line: ASCII and Unicode spaces, including the ideographic space
/// U+3000, plus zero-width spaces and a stray byte-order mark.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Punctuation that ends a sentence (or a list item: `；` and `：` end a line that
/// must not be glued to the next one).
pub(crate) fn is_final(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '…' | '；' | ';' | '：' | ':' | '．'
    )
}

/// Punctuation that ends a sentence for sentence splitting (not `；`/`：`).
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…')
}

/// Closing quotes and brackets that may follow sentence-final punctuation.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '"' | '\''
    )
}

/// Punctuation inside a sentence that marks running prose (a clause break), as opposed
/// to a heading: `，` `,` `；` `;`. The enumeration comma `、` does not count (captions
/// and headings use it).
pub(crate) fn is_clause(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';')
}

/// True when `s`, ignoring trailing closing quotes and brackets, ends with final
/// punctuation.
pub(crate) fn ends_final(s: &str) -> bool {
    s.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_final)
}

/// Bytes tested at once by [`find3`].
const BLOCK: usize = 32;

/// The first offset `j >= i` of `b` where `hit(b[j], b[j + 1], b[j + 2])` holds (bytes
/// past the end read as 0). Blocks of [`BLOCK`] bytes are tested at once, the last one
/// padded with zeros, so `hit(0, _, _)` must be false. `hit` should be branch-free (`&`,
/// `|` on comparisons) so that the compiler vectorises the block test; a block without a
/// hit, most blocks of prose, costs a few instructions. A byte scan rather than decoding
/// every character: callers look for the few characters that matter and stop only there.
///
/// On x86-64 processors with AVX2 (detected at run time, as memchr does) the same code is
/// compiled for 32-byte vectors, which test a block in half the instructions.
#[inline(always)]
pub(crate) fn find3(b: &[u8], i: usize, hit: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2 (checked just above).
        return unsafe { find3_avx2(b, i, hit) };
    }
    find3_generic(b, i, hit)
}

/// [`find3`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn find3_avx2(b: &[u8], i: usize, hit: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
    find3_generic(b, i, hit)
}

/// [`find3`] for any processor.
#[inline(always)]
fn find3_generic(b: &[u8], mut i: usize, hit: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
    let mut pad = [0u8; BLOCK + 2];
    while i < b.len() {
        let w: &[u8; BLOCK + 2] = match b.get(i..i + BLOCK + 2).map(<&[u8; BLOCK + 2]>::try_from) {
            Some(Ok(w)) => w,
            _ => {
                let rest = b.get(i..).unwrap_or_default();
                pad.fill(0);
                pad.get_mut(..rest.len())?.copy_from_slice(rest);
                &pad
            }
        };
        // One flag byte per position (vectorised), then the first set one, 8 at a time.
        let mut flags = [0u8; BLOCK];
        for (j, f) in flags.iter_mut().enumerate() {
            *f = u8::from(hit(w[j], w[j + 1], w[j + 2]));
        }
        for (k, c) in flags.chunks_exact(8).enumerate() {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            if word != 0 {
                return Some(i + 8 * k + (word.trailing_zeros() / 8) as usize);
            }
        }
        i += BLOCK;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_digits_letters_plus_and_small_marks() {
        // １＋５＋Ｎ → 1+5+N; ，。：“” stay.
        let folded: String = "１＋５＋Ｎｚ，。：“”"
            .chars()
            .map(|c| fold_width(c).unwrap_or(c))
            .collect();
        assert_eq!(folded, "1+5+Nz，。：“”");
        let small: String = "两听﹐指倾听﹑回访﹔两说﹕1﹢N﹙试行﹚﹖﹗"
            .chars()
            .map(|c| fold_width(c).unwrap_or(c))
            .collect();
        assert_eq!(small, "两听，指倾听、回访；两说：1+N（试行）？！");
    }

    /// The definition of [`find3`]: every offset in turn.
    fn find3_by_offset(b: &[u8], i: usize, hit: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
        let at = |j: usize| b.get(j).copied().unwrap_or(0);
        (i..b.len()).find(|&j| hit(at(j), at(j + 1), at(j + 2)))
    }

    proptest::proptest! {
        #[test]
        fn block_scan_finds_what_an_offset_scan_finds(
            // Mostly zeros: sparse hits, pairs and triples straddling block edges.
            b in proptest::collection::vec(
                proptest::prop_oneof![20 => proptest::strategy::Just(0u8), 1 => 1u8..4],
                0..200,
            ),
            i in 0usize..210,
        ) {
            // False for x == 0, as `find3` requires.
            let hit = |x: u8, y: u8, z: u8| (x == 3) | ((x == 1) & (y == 2)) | ((x == 2) & (z == 2));
            proptest::prop_assert_eq!(find3(&b, i, hit), find3_by_offset(&b, i, hit));
            proptest::prop_assert_eq!(find3_generic(&b, i, hit), find3_by_offset(&b, i, hit));
        }
    }

    #[test]
    fn final_punctuation_behind_quotes() {
        assert!(ends_final("他说:“好。”"));
        assert!(!ends_final("唱响乡村振兴“最强音”"));
        assert!(!ends_final(""));
        assert!(is_han('黨') && is_han('党') && !is_han('，'));
    }
}
