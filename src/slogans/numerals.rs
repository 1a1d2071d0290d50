//! Chinese numerals (一 … 十, 两 and 双 = 2) and their values.

/// The value of a single Chinese numeral character used in formulations, or `None`.
///
/// 两 (liǎng) and 双 (shuāng) both mean "two (of a pair)" and have the value 2.
pub fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' | '两' | '双' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10000,
        _ => return None,
    })
}

/// True for a numeral character that can open a formulation (一 … 十, 两, 双).
pub fn is_numeral(c: char) -> bool {
    matches!(digit_value(c), Some(v) if v <= 10)
}

/// The values of the Chinese numerals in `s`, in order; `十五` counts as one numeral (15).
pub fn values(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    each_value(s, |v| out.push(v));
    out
}

/// Calls `f` with each value [`values`] gives for `s`, in order, without collecting them.
pub(crate) fn each_value(s: &str, mut f: impl FnMut(u32)) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(v) = digit_value(c).filter(|v| *v <= 10) {
            // 十五 = 15, 二十 = 20: one numeral.
            let next = chars.peek().copied().and_then(digit_value);
            match (v, next) {
                (10, Some(n)) if n < 10 => {
                    f(10 + n);
                    chars.next();
                }
                (v, Some(10)) if v < 10 && v > 1 => {
                    f(v * 10);
                    chars.next();
                }
                _ => f(v),
            }
        } else if c.is_ascii_digit() {
            let mut n: u32 = c.to_digit(10).unwrap_or(0);
            while let Some(d) = chars
                .peek()
                .filter(|c| c.is_ascii_digit())
                .and_then(|c| c.to_digit(10))
            {
                n = n.saturating_mul(10).saturating_add(d);
                chars.next();
            }
            f(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_compounds() {
        assert_eq!(values("六联六促"), vec![6, 6]);
        assert_eq!(values("两区一中心"), vec![2, 1]);
        assert_eq!(values("双找双带"), vec![2, 2]);
        assert_eq!(values("十五五"), vec![15, 5]);
        assert_eq!(values("1+5+N"), vec![1, 5]);
        assert!(values("红色物业").is_empty());
        assert_eq!(values("二十三十一两百"), vec![20, 30, 1, 2]);
        assert_eq!(values("99999999999五"), vec![u32::MAX, 5]);
    }

    /// The reference of [`values`]: the characters collected, then walked by index.
    fn values_naive(s: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if let Some(v) = digit_value(chars[i]).filter(|v| *v <= 10) {
                let next = chars.get(i + 1).copied().and_then(digit_value);
                match (v, next) {
                    (10, Some(n)) if n < 10 => {
                        out.push(10 + n);
                        i += 2;
                    }
                    (v, Some(10)) if v < 10 && v > 1 => {
                        out.push(v * 10);
                        i += 2;
                    }
                    _ => {
                        out.push(v);
                        i += 1;
                    }
                }
            } else if chars[i].is_ascii_digit() {
                let mut n: u32 = 0;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    n = n
                        .saturating_mul(10)
                        .saturating_add(chars[i].to_digit(10).unwrap_or(0));
                    i += 1;
                }
                out.push(n);
            } else {
                i += 1;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn values_equal_naive(s in "[一二两双三四五六七八九十百千万0-9a+联区]{0,16}") {
            proptest::prop_assert_eq!(values(&s), values_naive(&s));
        }
    }
}
