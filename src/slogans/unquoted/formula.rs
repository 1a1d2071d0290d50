//! The unquoted formulas written with `+`: digit codes (`1+5+N`, `3+`) and Han terms
//! (党建+文化, 中央+地方).

use super::{plain, plain_at, starts_with_at, ACTIONS, TAILS};
use crate::slogans::classify::is_han;
use crate::slogans::numerals::is_numeral;
use crate::slogans::Kind;

/// `1+5+N`, `1+N`: digits then `+`-joined digit/letter terms.
pub(super) fn digit_formula(chars: &[(u32, char)], i: usize) -> Option<(usize, usize, Kind)> {
    let mut k = i;
    while k < chars.len() && chars[k].1.is_ascii_digit() {
        k += 1;
    }
    let mut terms = 0;
    while chars.get(k).map(|x| x.1) == Some('+') {
        let s = k + 1;
        let mut e = s;
        while e < chars.len() && chars[e].1.is_ascii_alphanumeric() && e - s < 3 {
            e += 1;
        }
        if e == s {
            break;
        }
        terms += 1;
        k = e;
    }
    // Arithmetic goes on after a comparison or another operator (1+1>2): no formula.
    let arithmetic = chars.get(k).is_some_and(|x| {
        matches!(
            x.1,
            '>' | '<' | '=' | '＞' | '＜' | '＝' | '-' | '×' | '*' | '/'
        )
    });
    (terms > 0 && !arithmetic && chars.get(k).is_none_or(|x| !x.1.is_ascii_alphanumeric()))
        .then_some((i, k, Kind::Numeric))
}

/// The start of a term of Latin letters and digits (two to four, a letter among them) right
/// before the `+` at `i`, standing alone, when a Han term follows the `+`: 5G+智慧农业.
fn latin_term_before(chars: &[(u32, char)], i: usize) -> Option<usize> {
    let mut s = i;
    while s > 0 && i - s < 4 && chars[s - 1].1.is_ascii_alphanumeric() {
        s -= 1;
    }
    let term = &chars[s..i];
    let alone = s == 0 || !chars[s - 1].1.is_ascii_alphanumeric();
    // A grade of scenic spots (3A+, 5A) is no term.
    let grade = term.len() == 2 && term[0].1.is_ascii_digit() && term[1].1 == 'A';
    if grade {
        return None;
    }
    let han_after = chars.get(i + 1).is_some_and(|c| plain(c.1));
    (term.len() >= 2 && alone && han_after && term.iter().any(|c| c.1.is_ascii_alphabetic()))
        .then_some(s)
}

/// 党建+文化, 社区大党委+小区党支部+楼栋党小组, 互联网+, 5G+智慧农业: terms around `+`.
pub(super) fn plus(chars: &[(u32, char)], i: usize) -> Option<(usize, usize, Kind)> {
    let mut s = i;
    while s > 0 && i - s < 4 && chars[s - 1].1 != '+' && plain_at(chars, s - 1) {
        s -= 1;
    }
    if s == i {
        s = latin_term_before(chars, i)?;
    }
    if s > 0 && chars[s - 1].1 == '+' {
        return None;
    }
    // An amount after the `+` (开辟10个实训基地+100部红色影片): counts added up, no formula.
    let mut d = i + 1;
    while chars.get(d).is_some_and(|c| c.1.is_ascii_digit()) {
        d += 1;
    }
    if d > i + 1 && chars.get(d).is_some_and(|c| is_han(c.1)) {
        return None;
    }
    // A verb before a term of two characters is none of it: 深化|党建+网格.
    if i - s == 4 {
        let verb: String = chars[s..s + 2].iter().map(|c| c.1).collect();
        if crate::slogans::tidy::is_lead_verb(&verb) {
            s += 2;
        }
    }
    // Nor the last character of a verb before the term (推|进互联网+智慧农业).
    if s > 0 && i - s >= 3 && !chars[s].1.is_ascii() {
        let verb: String = chars[s - 1..s + 1].iter().map(|c| c.1).collect();
        if crate::slogans::tidy::is_lead_verb(&verb) {
            s += 1;
        }
    }
    let mut e = i;
    while chars.get(e).map(|x| x.1) == Some('+') {
        let t = e + 1;
        let mut k = t;
        // A numeral may open or stand in a term (林长+三长, 党建+三治), and Latin letters
        // (法庭+e站); a tail word or a verb of joint action ends it (林长+三长|协作机制),
        // unless the verb closes the phrase (全面覆盖+学用贯通、…).
        let closing_action = |k: usize| {
            ACTIONS.iter().any(|w| {
                starts_with_at(chars, k, w)
                    && chars
                        .get(k + w.chars().count())
                        .is_none_or(|c| !plain_at(chars, k + w.chars().count()) && c.1 != '+')
            })
        };
        while k < chars.len()
            && k - t < 6
            && (plain(chars[k].1) || is_numeral(chars[k].1) || chars[k].1.is_ascii_alphabetic())
            && !(k > t
                && (TAILS.iter().any(|w| starts_with_at(chars, k, w))
                    || (ACTIONS.iter().any(|w| starts_with_at(chars, k, w)) && !closing_action(k))))
        {
            k += 1;
        }
        // A term of six characters that goes on (5G+工业互联网大|会) has no end to be found:
        // no formula (precision first).
        if k - t == 6 && chars.get(k).is_some_and(|c| plain(c.1)) {
            return None;
        }
        e = k;
        if k == t {
            break;
        }
    }
    Some((s, e, Kind::Plus))
}
