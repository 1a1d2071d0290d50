//! Character windows as slices: the first or last `n` characters of a text without
//! collecting them into a new `String` (the expansion strategies look at windows of up to
//! 3,000 characters around every mention they try).

/// The first `n` characters of `s` (all of `s` if it is shorter): the slice equal to
/// `s.chars().take(n).collect::<String>()`.
pub(super) fn head_chars(s: &str, n: usize) -> &str {
    // A character takes at least one byte: a text of at most `n` bytes is taken whole.
    if s.len() <= n {
        return s;
    }
    let mut seen = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // A byte that is no UTF-8 continuation byte starts a character.
        if b & 0xC0 != 0x80 {
            if seen == n {
                return s.get(..i).unwrap_or(s);
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
    let mut seen = 0;
    for (i, &b) in s.as_bytes().iter().enumerate().rev() {
        if b & 0xC0 != 0x80 {
            seen += 1;
            if seen == n {
                return s.get(i..).unwrap_or(s);
            }
        }
    }
    s
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

    proptest! {
        #[test]
        fn windows_equal_collected_chars_on_any_text(s in "\\PC{0,30}", n in 0usize..40) {
            prop_assert_eq!(head_chars(&s, n), head_naive(&s, n));
            prop_assert_eq!(tail_chars(&s, n), tail_naive(&s, n));
        }
    }
}
