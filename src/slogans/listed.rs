//! A numeral formula named after the quoted list right before it, which it stands for:
//! “资源联享、更新联商、服务联动与活动联办”的四联增效 (四联增效, "four joint actions for
//! efficiency": four items, each holding 联). The list is its evidence, so the formula is
//! found unquoted where the unquoted rules ([`super::unquoted`]) see no formula (they know
//! 三员结对包企 by its verb 结对, not 四联增效); their matches win where both find one.
//!
//! Also the count of the list that ends the text before a count (三支队伍 after 村“三委”、
//! 党员和村民代表、志愿服务; 五级组织体系 after a quoted chain of five levels), which the
//! unquoted rules and the lists before a formulation ([`super::before`]) read.

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

// The list that ends the text before a count (三支队伍, 五级组织体系), for the unquoted
// rules ([`super::unquoted`]) and the lists before a formulation ([`super::before`]).

/// The most characters of a list that [`listed_before`] reads back.
const LISTED_SPAN: usize = 60;

/// Marks that chain the levels of a quoted hierarchy: “区—街道—社区”.
pub(super) const CHAIN_MARKS: [char; 3] = ['—', '－', '→'];

/// True for a chain of levels: [`CHAIN_MARKS`] and no 、 (in `s` without its brackets).
pub(super) fn is_chain(bare: &str) -> bool {
    !bare.contains('、') && bare.contains(CHAIN_MARKS)
}

/// `s` without what stands in round brackets (half or full width), the brackets included;
/// an unclosed bracket is kept.
pub(super) fn without_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut held = String::new();
    for c in s.chars() {
        match c {
            '(' | '（' => {
                depth += 1;
                held.push(c);
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    held.clear();
                } else {
                    held.push(c);
                }
            }
            _ if depth > 0 => held.push(c),
            _ => out.push(c),
        }
    }
    out.push_str(&held);
    out
}

/// The number of items of the 、-list that ends `before` (0 without one): a quotation
/// (“规划、施工、实景”, or a chain “区—街道—社区—小组(片区)”) or the run of Han characters
/// back to the clause's start, quotation marks aside (带好村“三委”、党员和村民代表、志愿服务);
/// at most [`LISTED_SPAN`] characters, every item but the first (which may hold the
/// clause's verb) of 1–10 Han characters; and whether the list is a quotation.
pub(super) fn listed_before(before: &str) -> (usize, bool) {
    // Only the last LISTED_SPAN + 1 characters are read (4 bytes each at most), so that a
    // text without punctuation is not searched back to its start at every trigger.
    let mut from = before.len().saturating_sub((LISTED_SPAN + 1) * 4);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    // A list joined by 的: “区—街道—社区—小组(片区)”的四级调解网络.
    let tail = before[from..].strip_suffix('的').unwrap_or(&before[from..]);
    let quoted = tail.ends_with('”');
    let run = match tail.strip_suffix('”') {
        Some(inner) => match inner.rfind('“') {
            Some(open) => &inner[open + '“'.len_utf8()..],
            None => return (0, false),
        },
        None => match tail.rfind([
            '，', ',', '。', '；', ';', '：', ':', '\n', '(', '（', '）', ')',
        ]) {
            Some(p) => &tail[p + tail[p..].chars().next().map_or(1, char::len_utf8)..],
            None if from == 0 => tail,
            None => return (0, false),
        },
    };
    // A quotation may chain its items and bracket a word (小组(片区)), or a list of its
    // own (党员联系户(党员楼栋长、党员先锋岗)).
    let bare = without_brackets(run);
    let chained = quoted && is_chain(&bare);
    let run = if chained { bare.as_str() } else { run };
    let listed = |c: char| {
        is_han(c)
            || matches!(c, '、' | '“' | '”')
            || (chained && (CHAIN_MARKS.contains(&c) || matches!(c, '(' | ')' | '（' | '）')))
    };
    if run.chars().count() > LISTED_SPAN || !run.chars().all(listed) {
        return (0, false);
    }
    let seps: &[char] = if chained { &CHAIN_MARKS } else { &['、'] };
    let items: Vec<usize> = run
        .split(seps)
        .map(|item| item.chars().filter(|&c| is_han(c)).count())
        .collect();
    if items.len() < 2 || items.iter().skip(1).any(|&len| !(1..=10).contains(&len)) || items[0] == 0
    {
        return (0, false);
    }
    (items.len(), quoted)
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
