//! The ends of a list's items: what follows the thing listed and is cut off (等 "etc." and
//! the noun summing the list up, a duration, a relative clause closing with 的), and the
//! ending all items share.

use crate::slogans::numerals::is_numeral;

/// The ending (in characters, from the end) that all of `items` share: 取得新突破 of
/// 项目工作取得新突破 and 工业发展取得新突破; empty for no items.
pub(in crate::slogans) fn common_ending<S: AsRef<str>>(items: &[S]) -> String {
    let Some(first) = items.first() else {
        return String::new();
    };
    let mut tail: Vec<char> = first.as_ref().chars().rev().collect();
    for item in &items[1..] {
        let common = item
            .as_ref()
            .chars()
            .rev()
            .zip(&tail)
            .take_while(|(a, b)| a == *b)
            .count();
        tail.truncate(common);
    }
    tail.iter().rev().collect()
}

/// Characters that form a word with a following 等 (平等, 同等, 高等, 中等, 不等 …): there 等
/// is not "etc.".
const BEFORE_DENG_IN_WORDS: &str = "平均对同高初特中上下优相何超次劣不";

/// Characters that form a word with a 等 before them (等级, 等次, 等同, 等待 …): there 等
/// is not "etc." either (评再犯罪风险等级).
const AFTER_DENG_IN_WORDS: &str = "级次同待候值效量距";

/// At most this many characters may follow "etc." in an item (等力量, 等5个主体参与).
const AFTER_DENG: usize = 6;

/// `item` up to an "etc." (等) near its end: 小区业主等力量 → 小区业主. Unchanged when 等
/// is part of a word (平等协商, 中等收入, 风险等级), opens the item, or stands far from the
/// end.
pub(in crate::slogans) fn cut_etc(item: &str) -> &str {
    let Some(p) = item.rfind('等') else {
        return item;
    };
    let before = &item[..p];
    let tail = item[p + '等'.len_utf8()..].chars().count();
    let word = before
        .chars()
        .next_back()
        .is_none_or(|c| is_numeral(c) || BEFORE_DENG_IN_WORDS.contains(c))
        || item[p + '等'.len_utf8()..]
            .chars()
            .next()
            .is_some_and(|c| AFTER_DENG_IN_WORDS.contains(c));
    if word || before.chars().count() < 2 || tail > AFTER_DENG {
        return item;
    }
    before
}

/// `item` without a duration that ends it, 连续 ("in a row") and a count of years, months,
/// quarters or terms: 死亡人数连续9年 (…“双下降”) → 死亡人数; 满意度连续13年 → 满意度. The
/// count is digits or Chinese numerals; anything else after 连续 leaves the item as it is.
pub(in crate::slogans) fn cut_duration(item: &str) -> &str {
    let Some(p) = item.rfind("连续") else {
        return item;
    };
    let tail = &item[p + "连续".len()..];
    let count = tail
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || is_numeral(c)))
        .map_or(tail.len(), |(i, _)| i);
    let unit = &tail[count..];
    let head = &item[..p];
    if count > 0 && ["年", "个月", "季度", "届"].contains(&unit) && head.chars().count() >= 2
    {
        head
    } else {
        item
    }
}

/// Verbs of relation that close a clause modifying a formulation (自治、法治、德治相结合的
/// “三治融合”; 社工与义工合作的“两社联动”): the components stand before them.
const RELATION_VERBS: [&str; 8] = [
    "结合", "融合", "合作", "联动", "互动", "协同", "衔接", "并重",
];

/// Adverbs that may stand before one of the [`RELATION_VERBS`] (相结合, 深度融合).
const RELATION_ADVERBS: [&str; 6] = ["相互", "互相", "深度", "有机", "紧密", "相"];

/// The last item of a list that modifies the formulation, without the 的 that ends it and
/// without a verb of relation before that 的 ([`RELATION_VERBS`], with an adverb):
/// 德治相结合的 → 德治; 义工合作的 → 义工; 拍屁股走人的 → 拍屁股走人. Unchanged when nothing
/// would be left.
pub(in crate::slogans) fn cut_relative(item: &str) -> &str {
    let Some(head) = item.strip_suffix('的') else {
        return item;
    };
    let head = RELATION_VERBS
        .iter()
        .find_map(|v| head.strip_suffix(v))
        .map(|h| {
            RELATION_ADVERBS
                .iter()
                .find_map(|a| h.strip_suffix(a))
                .unwrap_or(h)
        })
        .unwrap_or(head);
    if head.is_empty() {
        item
    } else {
        head
    }
}

/// The most characters of a modifier between the last item's 的 and the formulation it
/// describes (…、营造一个好氛围的党建强“六好”标准: 党建强).
const NAME_MODIFIER: usize = 4;

/// `items` with the last cut before a 的 when what follows it is a short modifier of the
/// formulation, not part of the item: the list is as long as `n`, no other item has a 的,
/// what is left is as long as the others are (at least the shortest, at most the longest),
/// and the modifier does not end like another item (…、群众的幸福感“三感”: 幸福感 is the
/// item, as 获得感 and 安全感 are). Nor is 党的 cut (党的建设 is one item).
pub(in crate::slogans) fn cut_name_modifier(mut items: Vec<String>, n: usize) -> Vec<String> {
    let Some((last, others)) = items.split_last() else {
        return items;
    };
    if items.len() != n || n < 3 || others.iter().any(|o| o.contains('的')) {
        return items;
    }
    let Some(p) = last.rfind('的') else {
        return items;
    };
    let (head, tail) = (&last[..p], &last[p + '的'.len_utf8()..]);
    let lengths = others.iter().map(|o| o.chars().count());
    let (min, max) = (
        lengths.clone().min().unwrap_or(0),
        lengths.max().unwrap_or(0),
    );
    let tail_end = tail.chars().next_back();
    let fits = (2..=NAME_MODIFIER).contains(&tail.chars().count())
        && tail.chars().all(crate::slogans::classify::is_han)
        && (min.max(2)..=max).contains(&head.chars().count())
        && !head.ends_with('党')
        && !others.iter().any(|o| o.chars().next_back() == tail_end);
    if fits {
        let cut = head.to_string();
        if let Some(l) = items.last_mut() {
            *l = cut;
        }
    }
    items
}

/// The most characters of a head noun after 的 and a verb of relation that end a
/// definition (…社会慈善资源的联动机制).
const RELATION_HEAD: usize = 3;

/// `items` with the last cut before a 的 that a verb of relation and a short head noun
/// follow: the definition names the whole again (“五社联动”,即社区与社会组织、…、社会慈善
/// 资源的联动机制 → 社会慈善资源); or a head of a whole ([`WHOLES`]) when no other item
/// has a 的 or such a head (…以及衍生出N项养老服务的综合养老模式).
pub(in crate::slogans) fn cut_relation_tail(mut items: Vec<String>) -> Vec<String> {
    // The other items name no whole of their own (…的协调机制、…的联动机制: each item is one).
    let others_plain = items.len() >= 2
        && items[..items.len() - 1]
            .iter()
            .all(|i| !i.contains('的') && !WHOLES.iter().any(|w| i.ends_with(w)));
    if let Some(last) = items.last_mut() {
        if let Some(p) = last.rfind('的') {
            let tail = &last[p + '的'.len_utf8()..];
            let whole = others_plain
                && tail.chars().count() <= WHOLE_HEAD
                && tail.chars().all(crate::slogans::classify::is_han)
                && WHOLES.iter().any(|w| tail.ends_with(w));
            let tail = RELATION_ADVERBS
                .iter()
                .find_map(|a| tail.strip_prefix(a))
                .unwrap_or(tail);
            let head = RELATION_VERBS.iter().find_map(|v| tail.strip_prefix(v));
            if p > 0 && (whole || head.is_some_and(|h| h.chars().count() <= RELATION_HEAD)) {
                last.truncate(p);
            }
        }
    }
    items
}

/// Head nouns of a whole that a definition names again after its list and a 的
/// (…7个服务项目以及衍生出N项养老服务的综合养老模式): the list modifies it.
const WHOLES: [&str; 5] = ["模式", "体系", "格局", "机制", "架构"];

/// The most characters of such a head after the 的 (综合养老模式).
const WHOLE_HEAD: usize = 6;
