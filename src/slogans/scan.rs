//! The one pass over the bytes of a text that [`super::extract()`] starts with: where the
//! rules can start (opening quotation marks, and the triggers of the unquoted rules). The
//! text is not decoded into a table of characters: a character is looked at only where
//! the scan or a rule needs it.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// The candidate positions of a text, as byte offsets in order.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Candidates {
    /// The opening quotation marks (“ ‘ 「 『).
    pub(super) openers: Vec<u32>,
    /// The characters that can open an unquoted formulation (see [`TRIGGERS`]), but for
    /// the ASCII digits no formulation can start at (see [`ascii_triggers`]).
    pub(super) triggers: Vec<u32>,
}

/// The opening quotation marks (three bytes each in UTF-8).
const OPENERS: [char; 4] = ['“', '‘', '「', '『'];

/// The characters that can open an unquoted formulation: a numeral up to 十, 两, 双, 第, an
/// ASCII digit, `+`. All are ASCII or three bytes long in UTF-8.
pub(super) const TRIGGERS: [char; 24] = [
    '一', '二', '两', '双', '三', '四', '五', '六', '七', '八', '九', '十', '第', '+', '0', '1',
    '2', '3', '4', '5', '6', '7', '8', '9',
];

/// The bitmap over U+0000..U+FFFF of the non-ASCII [`OPENERS`] and [`TRIGGERS`].
static CANDIDATES: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < TRIGGERS.len() {
        let u = TRIGGERS[k] as usize;
        if u >= 0x80 {
            t[u / 64] |= 1 << (u % 64);
        }
        k += 1;
    }
    let mut k = 0;
    while k < OPENERS.len() {
        let u = OPENERS[k] as usize;
        t[u / 64] |= 1 << (u % 64);
        k += 1;
    }
    t
};

/// The byte length of the UTF-8 sequence that starts with byte `x`, by its top four bits
/// (a continuation byte, never a leading one, counts 1).
fn utf8_width(x: u8) -> usize {
    const WIDTH: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
    usize::from(WIDTH[usize::from(x >> 4)])
}

impl Candidates {
    /// Scans `text` (which must be shorter than 4 GiB) once, character by character, without
    /// decoding: an ASCII byte is tested directly, a three-byte sequence by one bit of
    /// [`CANDIDATES`] indexed by its code point bits, other sequences are skipped (no
    /// candidate has two or four bytes).
    pub(super) fn new(text: &str) -> Candidates {
        let Some(han) = han_searcher() else {
            return Candidates::by_bytes(text);
        };
        let mut out = Candidates::default();
        // The three-byte candidates by a packed (SIMD) search over the text.
        let mut plus = ascii_triggers(text).peekable();
        for m in han.find_iter(text) {
            let at = m.start() as u32;
            if m.pattern().as_usize() < OPENERS.len() {
                out.openers.push(at);
            } else {
                while let Some(p) = plus.next_if(|&p| p < at) {
                    out.triggers.push(p);
                }
                out.triggers.push(at);
            }
        }
        out.triggers.extend(plus);
        out
    }

    /// [`Candidates::new`] by a loop over the characters (when the searcher does not build).
    fn by_bytes(text: &str) -> Candidates {
        let mut out = Candidates::default();
        let b = text.as_bytes();
        let mut plus = ascii_triggers(text).peekable();
        let mut i = 0;
        while let Some(&x) = b.get(i) {
            if x & 0xF0 == 0xE0 {
                if let Some(&[y, z]) = b.get(i + 1..i + 3) {
                    // Code point bits: (x & 0F) << 12 | (y & 3F) << 6 | (z & 3F).
                    let row = usize::from(x & 0x0F) << 6 | usize::from(y & 0x3F);
                    if CANDIDATES[row] & (1 << (z & 0x3F)) != 0 {
                        // The openers are U+2018 to U+300E (leading bytes E2, E3), the
                        // triggers U+4E00 and above.
                        if x < 0xE4 {
                            out.openers.push(i as u32);
                        } else {
                            while let Some(p) = plus.next_if(|&p| p < i as u32) {
                                out.triggers.push(p);
                            }
                            out.triggers.push(i as u32);
                        }
                    }
                }
            }
            i += utf8_width(x);
        }
        out.triggers.extend(plus);
        out
    }
}

/// The searcher of the three-byte candidates, openers first (built once).
fn han_searcher() -> Option<&'static AhoCorasick> {
    static SEARCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    SEARCHER
        .get_or_init(|| {
            let marks = OPENERS
                .iter()
                .chain(TRIGGERS.iter().filter(|c| !c.is_ascii()));
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(marks.map(|c| c.to_string()))
                .ok()
        })
        .as_ref()
}

/// The ASCII triggers that can open a formulation, in order: every `+`, and the first digit
/// of each run of digits that a `+` follows. Other digits are left out: a digit formula
/// (`1+5+N`) needs a `+` after its digits, and the rules look at a run only from its first
/// digit. `+` is rare and found by `memchr`.
fn ascii_triggers(text: &str) -> impl Iterator<Item = u32> + '_ {
    let b = text.as_bytes();
    text.match_indices('+').flat_map(move |(q, _)| {
        let digits = b[..q]
            .iter()
            .rev()
            .take_while(|x| x.is_ascii_digit())
            .count();
        let run = (digits > 0).then_some((q - digits) as u32);
        run.into_iter().chain([q as u32])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slogans::numerals::is_numeral;

    fn is_opener(c: char) -> bool {
        OPENERS.contains(&c)
    }

    /// The reference: `char_indices`, and the candidates by their definitions.
    fn naive(text: &str) -> Candidates {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Candidates::default();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let digit_run_start = c.is_ascii_digit()
                && (k == 0 || !chars[k - 1].1.is_ascii_digit())
                && chars[k..]
                    .iter()
                    .find(|x| !x.1.is_ascii_digit())
                    .map(|x| x.1)
                    == Some('+');
            if is_opener(c) {
                out.openers.push(i as u32);
            } else if is_numeral(c) || c == '第' || c == '+' || digit_run_start {
                out.triggers.push(i as u32);
            }
        }
        out
    }

    fn agree(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        proptest::prop_assert_eq!(Candidates::new(text), naive(text));
        proptest::prop_assert_eq!(Candidates::by_bytes(text), naive(text));
        Ok(())
    }

    #[test]
    fn tables_are_exact() {
        // Over all of Unicode: the bitmap holds exactly the non-ASCII candidates, every
        // candidate is ASCII or three bytes long, and the width table is UTF-8's.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let u = c as usize;
            let bit = u < 0x10000 && CANDIDATES[u / 64] & (1 << (u % 64)) != 0;
            let trigger = is_numeral(c) || c == '第' || c.is_ascii_digit() || c == '+';
            assert_eq!(TRIGGERS.contains(&c), trigger, "{c:?}");
            assert_eq!(bit, (trigger || is_opener(c)) && !c.is_ascii(), "{c:?}");
            if trigger || is_opener(c) {
                assert!(matches!(c.len_utf8(), 1 | 3), "{c:?}");
                assert_eq!(is_opener(c), (0x2018..0x4E00).contains(&u), "{c:?}");
            }
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(utf8_width(s.as_bytes()[0]), c.len_utf8(), "{c:?}");
        }
    }

    #[test]
    fn scan_equals_definitions() -> Result<(), proptest::test_runner::TestCaseError> {
        agree("a“1+5+N”é中🙂\n三治融合。‘第’「一」『二』\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}")?;
        agree("12+3+45 2020年 +x 7+ 99")?;
        agree("")
    }

    proptest::proptest! {
        #[test]
        fn scan_equals_definitions_on_any_text(text in "\\PC{0,40}") {
            agree(&text)?;
        }

        #[test]
        fn scan_equals_definitions_on_candidates(
            text in "[一二两双三十百第+0-9a“”‘’「」『』中🙂é\n]{0,40}"
        ) {
            agree(&text)?;
        }
    }
}
