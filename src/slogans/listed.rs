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
use super::unquoted::{ends_name, plain};

/// Items of the list, in characters: shortest and longest.
pub(super) const ITEM_CHARS: std::ops::RangeInclusive<usize> = 2..=10;

/// Characters the formula may take after its numeral and key character (四联 + 增效).
const TAIL_CHARS: usize = 2;

/// The formula named by the quotation `content`, in `after` (the text right after its
/// closing mark): the byte range `(start, end)` within `after`, past an optional 的. The
/// quotation lists n items (n ≥ 2, at 、 or along a chain “联排——联调——联办”) and the
/// formula is the numeral n followed by
///
/// * a key character that every item holds and up to [`TAIL_CHARS`] more characters of a
///   word (items of [`ITEM_CHARS`], the last split at 与, 和 or 及 when both sides hold
///   the key): 四联增效 after “资源联享、更新联商、服务联动与活动联办”;
/// * or, without a key, one or two characters that close the name ([`closes_name`]):
///   “进乡村、进社区、进网格”三进工作, “管理、技术、服务、人员”四下沉, “听、讲、读”三字法;
///   after items of one character each, one character (“红、灰、黑”三色干部名单); after
///   items that share a head noun, one character and that noun (“智慧工地、…、红色工地”
///   四色工地).
///
/// Items are split at 、 and at commas.
///
/// A tail word or a generic head after the name is none of it (三联|机制, 三进|工作).
pub(super) fn named_by_list(content: &str, after: &str) -> Option<(usize, usize)> {
    let start = if after.starts_with('的') {
        '的'.len_utf8()
    } else {
        0
    };
    let rest = &after[start..];
    let mut chars = rest.chars();
    let numeral = chars.next()?;
    let n = digit_value(numeral).filter(|&n| n >= 2)? as usize;
    let key = chars.next()?;
    let name_from = numeral.len_utf8();
    if CLASSIFIERS.contains(&key) {
        return None;
    }
    let bare = without_brackets(content);
    let items: Vec<&str> = if is_chain(&bare) {
        chain_items(content).collect()
    } else if content.contains('+') && !content.contains('、') {
        // A formula of terms: “组织联建+资源联用+发展联动”三联机制.
        content.split('+').collect()
    } else {
        // Items at 、 and at commas (“企业找政策,政策找企业”两找机制; “联合踏勘、审图、验收,
        // 走访、会商、审批”六联机制).
        content.split(['、', '，', ',']).collect()
    };
    let all_han = items.iter().all(|item| item.chars().all(is_han));
    // Items of one character each (colours, “红、灰、黑”三色干部名单) are named by the
    // numeral and one character, whatever follows.
    let single = || {
        (items.iter().all(|item| item.chars().count() == 1)
            && plain(key)
            && !NOT_NAMES.contains(key))
        .then_some(key.len_utf8())
    };
    // Items that share a head noun of two characters or more name the numeral, one
    // character and that noun (“智慧工地、安心工地、绿色工地、红色工地”四色工地).
    let headed = || {
        let ending = super::tidy::common_ending(&items);
        let name = &rest[name_from + key.len_utf8()..];
        (ending.chars().count() >= 2
            && items.iter().all(|i| i.len() > ending.len())
            && plain(key)
            && !NOT_NAMES.contains(key)
            && name.starts_with(&ending))
        .then_some(key.len_utf8() + ending.len())
    };
    let keyless = || {
        closes_name(&rest[name_from..])
            .or_else(single)
            .or_else(headed)
            .filter(|_| items.len() == n && all_han)
            .map(|len| (start, start + name_from + len))
    };
    let Some(len) = keyed_name(&items, n, key, &rest[name_from..]) else {
        return keyless();
    };
    Some((start, start + name_from + len))
}

/// The length in bytes of the name after the numeral (at the start of `s`) when every one
/// of the n `items` holds `key`, the name's first character: the key and up to
/// [`TAIL_CHARS`] more characters of a word.
fn keyed_name(items: &[&str], n: usize, key: char, s: &str) -> Option<usize> {
    let mut items = items.to_vec();
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
    if !plain(key) || items.len() != n || !items.iter().all(fits) {
        return None;
    }
    let mut end = key.len_utf8();
    for (i, c) in s.char_indices().skip(1).take(TAIL_CHARS) {
        if !plain(c) || is_numeral(c) || ends_name(&s[i..]) {
            break;
        }
        end = i + c.len_utf8();
    }
    Some(end)
}

/// First characters after the numeral that make a count of a list, not its name: 三者, 三方
/// (面), 两人, 三家, 三位, 三次, 三种, 三类, 两年 ….
const NOT_NAMES: &str = "者方人家位次种类年月日天批层名户所处是的和与及等在为了";

/// The length in bytes of a name of one or two characters at the start of `s` (after the
/// numeral) that closes: a non-Han character, a tail word or a generic head follows
/// ([`ends_name`]), or it ends in 法 ("method": 七字法). `None` otherwise, or when its first
/// character is one of [`NOT_NAMES`], a numeral or a classifier.
fn closes_name(s: &str) -> Option<usize> {
    let first = s.chars().next()?;
    if !is_han(first) || is_numeral(first) || NOT_NAMES.contains(first) {
        return None;
    }
    let mut end = 0;
    for (i, c) in s.char_indices().take(2) {
        if i > 0 && (!is_han(c) || is_numeral(c) || ends_name(&s[i..])) {
            break;
        }
        end = i + c.len_utf8();
    }
    let next = s[end..].chars().next();
    let closed =
        next.is_none_or(|c| !is_han(c)) || ends_name(&s[end..]) || s[..end].ends_with('法');
    closed.then_some(end)
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

/// The items of a chain of levels (“区—街道—社区”); a dash of two marks (联排——联调)
/// leaves no item between them.
pub(super) fn chain_items(s: &str) -> impl Iterator<Item = &str> {
    s.split(CHAIN_MARKS).filter(|item| !item.is_empty())
}

/// `s` without the words in round brackets right after a Han character (县(市区)): Han
/// characters only, not numerals alone (an enumerator, (一), is kept), brackets included.
fn without_glosses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find(['(', '（']) {
        let inner_at = open + rest[open..].chars().next().map_or(1, char::len_utf8);
        let close = rest[inner_at..].find([')', '）']).map(|c| inner_at + c);
        let after_han = rest[..open].chars().next_back().is_some_and(is_han);
        match close {
            Some(close)
                if after_han
                    && close > inner_at
                    && rest[inner_at..close].chars().all(is_han)
                    && !rest[inner_at..close].chars().all(is_numeral) =>
            {
                out.push_str(&rest[..open]);
                rest = &rest[close + rest[close..].chars().next().map_or(1, char::len_utf8)..];
            }
            _ => {
                out.push_str(&rest[..inner_at]);
                rest = &rest[inner_at..];
            }
        }
    }
    out.push_str(rest);
    out
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
    // A word in brackets after an item stands in it (自治区、设区市、县(市区)、乡镇、行政村
    // 五级田长制).
    let unbracketed;
    let tail = if !quoted && tail.contains([')', '）']) {
        unbracketed = without_glosses(tail);
        unbracketed.as_str()
    } else {
        tail
    };
    let run = match tail.strip_suffix('”') {
        Some(inner) => match inner.rfind('“') {
            Some(open) => &inner[open + '“'.len_utf8()..],
            None => return (0, false),
        },
        // Back to the clause's start or the last character that can stand in no item
        // (a digit: 2020年实现县、乡镇、村社三级…).
        None => match tail.rfind(|c: char| !(is_han(c) || matches!(c, '、' | '“' | '”'))) {
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
    fn glosses_in_brackets_stand_in_their_item() {
        assert_eq!(
            listed_before("确立自治区、设区市、县(市区)、乡镇、行政村"),
            (5, false)
        );
        assert_eq!(without_glosses("县(市区)、（一）乡(镇)"), "县、（一）乡");
    }

    #[test]
    fn the_list_names_the_formula_after_it() {
        let list = "资源联享、更新联商、服务联动与活动联办";
        assert_eq!(named(list, "的四联增效措施"), Some("四联增效"));
        assert_eq!(named("自治、法治、德治", "三治融合"), Some("三治融合"));
        assert_eq!(named("自治、法治和德治", "的三治,"), Some("三治"));
        // A chain; a tail word is no part of the name (b10 batch).
        assert_eq!(named("联排——联调——联办", "三联机制,"), Some("三联"));
        assert_eq!(
            named("组织联建+资源联用+发展联动", "三联机制"),
            Some("三联")
        );
        // Without a key: a name of one or two characters that closes (b9, b10, b11).
        assert_eq!(named("进乡村、进社区、进网格", "三进工作"), Some("三进"));
        assert_eq!(
            named("管理、技术、服务、人员", "四下沉,通过"),
            Some("四下沉")
        );
        assert_eq!(
            named("听、讲、读、看、验、赛、督", "七字法扎实推进"),
            Some("七字法")
        );
        // Items at commas too (b35); items of one character each name the numeral and one
        // character (b36, b31).
        assert_eq!(named("企业找政策,政策找企业", "两找机制"), Some("两找"));
        assert_eq!(
            named("联合踏勘、审图、验收,走访、会商、审批", "六联机制。"),
            Some("六联")
        );
        assert_eq!(named("红、灰、黑", "三色干部名单"), Some("三色"));
        assert_eq!(named("红、灰、黑", "三者"), None);
        // Items sharing a head noun name the numeral, one character and the noun (b44); not
        // a count (三家工地), nor a name whose noun is another.
        let sites = "智慧工地、安心工地、绿色工地、红色工地";
        assert_eq!(named(sites, "四色工地建设"), Some("四色工地"));
        assert_eq!(named(sites, "四家工地"), None);
        assert_eq!(named(sites, "四色工程"), None);
        assert_eq!(named(sites, "三色工地"), None);
        // A count of the list, or a name that runs on.
        assert_eq!(named("党委、政府、企业", "三方共同"), None);
        assert_eq!(named("党委、政府、企业", "三者,"), None);
        assert_eq!(named("党委、政府、企业", "三同步推进"), None);
    }

    #[test]
    fn no_formula_without_the_evidence() {
        let list = "资源联享、更新联商、服务联动与活动联办";
        // The count differs, the key is not in every item, or a classifier follows.
        assert_eq!(named(list, "的三联增效"), None);
        assert_eq!(named("资源共享、更新联商", "两联增效"), None);
        assert_eq!(named("资源联享、更新联商", "两个联"), None);
        assert_eq!(named(list, "一联"), None);
        assert_eq!(named("", "四联"), None);
        assert_eq!(named(list, ""), None);
    }
}
