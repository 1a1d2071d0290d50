//! A numeral formula named after the quoted list right before it, which it stands for:
//! “资源联享、更新联商、服务联动与活动联办”的四联增效 (四联增效, "four joint actions for
//! efficiency": four items, each holding 联). The list is its evidence, so the formula is
//! found unquoted where the unquoted rules ([`super::unquoted`]) see no formula (they know
//! 三员结对包企 by its verb 结对, not 四联增效); their matches win where both find one.

use super::classify::{is_han, CLASSIFIERS};
use super::numerals::{digit_value, is_numeral};
use super::unquoted::plain;

/// Items of the list, in characters: shortest and longest.
const ITEM_CHARS: std::ops::RangeInclusive<usize> = 2..=10;

/// Characters the formula may take after its numeral and key character (四联 + 增效).
const TAIL_CHARS: usize = 2;

/// The formula named by the quotation `content`, in `after` (the text right after its
/// closing mark): the byte range `(start, end)` within `after`, past an optional 的. The
/// formula is a numeral n (two or more), a key character, and up to [`TAIL_CHARS`] more
/// characters of a word; the quotation must list n items (at 、, and the last one at 与, 和
/// or 及 when both sides hold the key), each of [`ITEM_CHARS`] characters holding the key.
pub(super) fn named_by_list(content: &str, after: &str) -> Option<(usize, usize)> {
    let start = if after.starts_with('的') {
        '的'.len_utf8()
    } else {
        0
    };
    let mut rest = after[start..].char_indices();
    let (_, numeral) = rest.next()?;
    let n = digit_value(numeral).filter(|&n| n >= 2)? as usize;
    let (_, key) = rest.next()?;
    if !plain(key) || CLASSIFIERS.contains(&key) {
        return None;
    }
    let mut items: Vec<&str> = content.split('、').collect();
    if let Some(last) = items.pop() {
        match and_split(last) {
            Some((a, b)) if a.contains(key) && b.contains(key) => {
                items.push(a);
                items.push(b);
            }
            _ => items.push(last),
        }
    }
    let fits = |item: &&str| {
        ITEM_CHARS.contains(&item.chars().count()) && item.chars().all(is_han) && item.contains(key)
    };
    if items.len() != n || !items.iter().all(fits) {
        return None;
    }
    let mut end = start + numeral.len_utf8() + key.len_utf8();
    for (i, c) in rest.take(TAIL_CHARS) {
        if !plain(c) || is_numeral(c) {
            break;
        }
        end = start + i + c.len_utf8();
    }
    Some((start, end))
}

/// `item` split at its first 与, 和 or 及 (not its first character).
fn and_split(item: &str) -> Option<(&str, &str)> {
    item.char_indices()
        .find(|&(i, c)| i > 0 && matches!(c, '与' | '和' | '及'))
        .map(|(i, c)| (&item[..i], &item[i + c.len_utf8()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named<'a>(content: &str, after: &'a str) -> Option<&'a str> {
        named_by_list(content, after).map(|(s, e)| &after[s..e])
    }

    #[test]
    fn the_list_names_the_formula_after_it() {
        let list = "资源联享、更新联商、服务联动与活动联办";
        assert_eq!(named(list, "的四联增效措施"), Some("四联增效"));
        assert_eq!(named("自治、法治、德治", "三治融合"), Some("三治融合"));
        assert_eq!(named("自治、法治和德治", "的三治,"), Some("三治"));
    }

    #[test]
    fn no_formula_without_the_evidence() {
        let list = "资源联享、更新联商、服务联动与活动联办";
        // The count differs, the key is not in every item, or a classifier follows.
        assert_eq!(named(list, "的三联增效"), None);
        assert_eq!(named("资源共享、更新联商", "两联"), None);
        assert_eq!(named("资源联享、更新联商", "两个联"), None);
        assert_eq!(named(list, "一联"), None);
        assert_eq!(named("", "四联"), None);
        assert_eq!(named(list, ""), None);
    }
}
