//! Character windows as slices: the first or last `n` characters of a text without
//! collecting them into a new `String` (the expansion strategies look at windows of up to
//! 3,000 characters around every mention they try), and the clauses of a window, cut at
//! separators found by a byte scan rather than by decoding every character.

use crate::clean::find3;

/// Bytes counted at once by [`head_chars`] and [`tail_chars`].
const BLOCK: usize = 64;

/// The number of bytes of `w` that start a character (that are no UTF-8 continuation
/// byte `10xxxxxx`, i.e. no byte from -128 to -65 as `i8`). A loop the compiler vectorises
/// over the fixed-size block (a popcount is no baseline x86-64 instruction).
fn starts_in(w: &[u8; BLOCK]) -> usize {
    let mut c: u8 = 0;
    for &b in w {
        c += u8::from((b as i8) >= -64);
    }
    usize::from(c)
}

/// The block of `b` at `i`, if `b` has [`BLOCK`] bytes from there.
fn block_at(b: &[u8], i: usize) -> Option<&[u8; BLOCK]> {
    b.get(i..i.checked_add(BLOCK)?)?.try_into().ok()
}

/// The first `n` characters of `s` (all of `s` if it is shorter): the slice equal to
/// `s.chars().take(n).collect::<String>()`.
pub(super) fn head_chars(s: &str, n: usize) -> &str {
    // A character takes at least one byte: a text of at most `n` bytes is taken whole.
    if s.len() <= n {
        return s;
    }
    let b = s.as_bytes();
    // Characters started before byte `i`; whole blocks are skipped while the character at
    // position `n` cannot start in them, then the bytes are looked at one by one.
    let mut seen = 0;
    let mut i = 0;
    while let Some(w) = block_at(b, i) {
        let k = starts_in(w);
        if seen + k > n {
            break;
        }
        seen += k;
        i += BLOCK;
    }
    for (j, &c) in b.iter().enumerate().skip(i) {
        // A byte that is no UTF-8 continuation byte starts a character.
        if c & 0xC0 != 0x80 {
            if seen == n {
                return s.get(..j).unwrap_or(s);
            }
            seen += 1;
        }
    }
    s
}

/// The last `n` characters of `s` (all of `s` if it is shorter): the slice equal to
/// `s.chars().rev().take(n)` put back in text order.
pub(super) fn tail_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    if n == 0 {
        return "";
    }
    let b = s.as_bytes();
    // Characters started at or after byte `end`; whole blocks are skipped while fewer than
    // `n` characters start in them and after them.
    let mut seen = 0;
    let mut end = b.len();
    while let Some(w) = end.checked_sub(BLOCK).and_then(|i| block_at(b, i)) {
        let k = starts_in(w);
        if seen + k >= n {
            break;
        }
        seen += k;
        end -= BLOCK;
    }
    for (i, &c) in b[..end].iter().enumerate().rev() {
        if c & 0xC0 != 0x80 {
            seen += 1;
            if seen == n {
                return s.get(i..).unwrap_or(s);
            }
        }
    }
    s
}
/// The byte offset of the first `c` in `s`, as `s.find(c)`, found by a search for its bytes
/// (in a text, the encoding of a character can only start at a character): a SIMD search
/// ([`memchr::memmem`]) in a text of 256 bytes or more, else, for a character of three bytes
/// (every Han character, the Chinese quotation marks), a byte scan of 32 bytes at a time
/// ([`find3`]). `str::find` stops at every byte equal to the character's last byte, a common
/// continuation byte.
pub(super) fn find_char(s: &str, c: char) -> Option<usize> {
    let mut buf = [0u8; 4];
    let e = c.encode_utf8(&mut buf).as_bytes();
    match *e {
        _ if s.len() >= 256 => memchr::memmem::find(s.as_bytes(), e),
        [x, y, z] => find3(s.as_bytes(), 0, |p, q, r| (p == x) & (q == y) & (r == z)),
        _ => s.find(c),
    }
}

/// The pieces of `s` between the separators whose UTF-8 encoding starts with the bytes
/// `x y z` for which `sep(x, y, z)` holds: the items of `s.split(seps)` when `sep` is true
/// exactly at the first bytes of the characters `seps` (each ASCII or of three bytes: a
/// three-byte encoding found in a text starts a character there). `sep` must be false for
/// `x = 0` and should be branch-free (see [`find3`]).
pub(super) fn split_at_bytes<F>(s: &str, sep: F) -> impl Iterator<Item = &str>
where
    F: Fn(u8, u8, u8) -> bool,
{
    let b = s.as_bytes();
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        match find3(b, start, &sep) {
            Some(j) => {
                from = Some(j + if b[j] < 0x80 { 1 } else { 3 });
                s.get(start..j)
            }
            None => {
                from = None;
                s.get(start..)
            }
        }
    })
}

/// The pieces of [`split_at_bytes`]`(s, sep)` that hold `c`, in order, and possibly others
/// (only when `c` is itself a separator): a piece is found from an occurrence of `c`
/// ([`find_char`]) by looking back for the separator before it and on for the one after,
/// so that the pieces without `c` (most clauses of a window) are not cut at all.
pub(super) fn split_holding<F>(s: &str, sep: F, c: char) -> impl Iterator<Item = &str>
where
    F: Fn(u8, u8, u8) -> bool,
{
    let b = s.as_bytes();
    let at = move |j: usize| b.get(j).copied().unwrap_or(0);
    let len = move |j: usize| if at(j) < 0x80 { 1 } else { 3 };
    // The start of the pieces not yet looked at.
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let lo = from?;
        let Some(p) = s.get(lo..).and_then(|r| find_char(r, c)).map(|p| lo + p) else {
            from = None;
            return None;
        };
        // A separator found before a character start `p` ends at or before it (its bytes
        // form a whole character), and bytes that match none start no separator.
        let start = (lo..p)
            .rev()
            .find(|&j| sep(at(j), at(j + 1), at(j + 2)))
            .map_or(lo, |j| j + len(j));
        match find3(b, p, &sep) {
            Some(e) => {
                from = Some(e + len(e));
                s.get(start..e)
            }
            None => {
                from = None;
                s.get(start..)
            }
        }
    })
}

/// The first bytes of the clause separators `，` `,` `。` `；` `;` `\n` `、` `：` `—`.
pub(super) fn clause_sep(x: u8, y: u8, z: u8) -> bool {
    (x == b',')
        | (x == b';')
        | (x == b'\n')
        | ((x == 0xEF) & (y == 0xBC) & ((z == 0x8C) | (z == 0x9B) | (z == 0x9A)))
        | ((x == 0xE3) & (y == 0x80) & ((z == 0x82) | (z == 0x81)))
        | ((x == 0xE2) & (y == 0x80) & (z == 0x94))
}

/// The first bytes of the sentence separators `。` `；` `;` `\n` `—`.
pub(super) fn sentence_sep(x: u8, y: u8, z: u8) -> bool {
    (x == b';')
        | (x == b'\n')
        | ((x == 0xEF) & (y == 0xBC) & (z == 0x9B))
        | ((x == 0xE3) & (y == 0x80) & (z == 0x82))
        | ((x == 0xE2) & (y == 0x80) & (z == 0x94))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn head_naive(s: &str, n: usize) -> String {
        s.chars().take(n).collect()
    }

    fn tail_naive(s: &str, n: usize) -> String {
        let v: Vec<char> = s.chars().rev().take(n).collect();
        v.into_iter().rev().collect()
    }

    #[test]
    fn windows_equal_collected_chars() {
        for s in ["", "a", "三治融合", "a“1+5+N”é中🙂\n三", "🙂🙂🙂"] {
            for n in 0..12 {
                assert_eq!(head_chars(s, n), head_naive(s, n), "{s:?} {n}");
                assert_eq!(tail_chars(s, n), tail_naive(s, n), "{s:?} {n}");
            }
        }
    }

    const CLAUSE: [char; 9] = ['，', ',', '。', '；', ';', '\n', '、', '：', '—'];
    const SENTENCE: [char; 5] = ['。', '；', ';', '\n', '—'];

    #[test]
    fn splits_like_str_split() {
        let t = "一，二,三。四；五;六\n七、八：九—十“，”";
        let got: Vec<&str> = split_at_bytes(t, clause_sep).collect();
        assert_eq!(
            got,
            ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十“", "”"]
        );
        let got: Vec<&str> = split_at_bytes("甲。乙，丙—", sentence_sep).collect();
        assert_eq!(got, ["甲", "乙，丙", ""]);
        assert_eq!(split_at_bytes("", clause_sep).collect::<Vec<_>>(), [""]);
    }

    proptest! {
        /// `find_char` finds what `str::find` finds, for characters of one to four bytes.
        #[test]
        fn find_char_equals_str_find(
            s in "[a三二“”化治中🙂é\\n]{0,150}",
            c in prop::sample::select(vec!['三', '化', 'a', '🙂', 'é', '“', '”', '中']),
        ) {
            prop_assert_eq!(find_char(&s, c), s.find(c));
        }

        /// The pieces holding a character are those of the byte split that hold it.
        #[test]
        fn split_holding_keeps_the_pieces_with_the_character(
            s in "[a，,。；;\\n、：—“”联促中🙂 ]{0,120}",
            c in prop::sample::select(vec!['联', '促', 'a', '🙂', '“', '，', '\n']),
        ) {
            let got: Vec<&str> = split_holding(&s, clause_sep, c).filter(|p| p.contains(c)).collect();
            let want: Vec<&str> = split_at_bytes(&s, clause_sep).filter(|p| p.contains(c)).collect();
            prop_assert_eq!(got, want);
            if c != '，' && c != '\n' {
                // Without the filter: nothing else for a character that is no separator.
                let got: Vec<&str> = split_holding(&s, sentence_sep, c).collect();
                let want: Vec<&str> =
                    split_at_bytes(&s, sentence_sep).filter(|p| p.contains(c)).collect();
                prop_assert_eq!(got, want);
            }
        }

        /// The byte split gives the pieces of `str::split` at the same characters, on texts
        /// holding the separators, characters sharing their first bytes (“ ” ： ‘ ’) and
        /// others.
        #[test]
        fn byte_split_equals_str_split(
            s in "[a-z，,。；;\\n、：—“”‘’！｜中国🙂 ]{0,120}",
        ) {
            let got: Vec<&str> = split_at_bytes(&s, clause_sep).collect();
            let want: Vec<&str> = s.split(CLAUSE).collect();
            prop_assert_eq!(got, want);
            let got: Vec<&str> = split_at_bytes(&s, sentence_sep).collect();
            let want: Vec<&str> = s.split(SENTENCE).collect();
            prop_assert_eq!(got, want);
        }

        #[test]
        fn windows_equal_collected_chars_on_any_text(s in "\\PC{0,30}", n in 0usize..40) {
            prop_assert_eq!(head_chars(&s, n), head_naive(&s, n));
            prop_assert_eq!(tail_chars(&s, n), tail_naive(&s, n));
        }

        /// Longer texts, mostly Han with some ASCII and four-byte characters, so that
        /// whole blocks are skipped and the window ends anywhere in them.
        #[test]
        fn windows_equal_collected_chars_on_long_texts(
            s in "[a-z0-9，。“”\\n中国社会治理🙂]{0,200}",
            n in 0usize..260,
        ) {
            prop_assert_eq!(head_chars(&s, n), head_naive(&s, n));
            prop_assert_eq!(tail_chars(&s, n), tail_naive(&s, n));
        }
    }
}
