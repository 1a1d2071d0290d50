//! Tidying the items of a list found as a formulation's components (see [`super::expand()`]):
//! a list in running text carries the clause around it. Its first item often starts with
//! the clause's subject and verb (全面启动农村党建联合体、社区党建综合体… for 四体共创; 发动物业
//! 党支部、共建单位…), its last item often ends in 等 ("etc.") and the noun that sums the list
//! up (…小区业主等力量; …辅警等5个主体参与). Both are cut off, so that a component is the
//! thing listed; so is a long modifier ending in 的 that the clause puts before the first
//! item (分析…小微公共空间更新的专业赋能型和平台协同型两大典型路径).

mod ends;
mod frames;
mod opening;
use frames::wei_at;
pub(super) use frames::{cut_yi_wei, cut_zai_shang};
pub(super) use opening::cut_won_tail;
#[cfg(test)]
mod tests;
mod words;

use super::numerals::is_numeral;
pub(super) use ends::{
    common_ending, cut_duration, cut_etc, cut_name_modifier, cut_relation_tail, cut_relative,
};
use words::*;

/// True for a verb of two characters that opens a list's clause ([`LEAD_VERBS`],
/// [`BALANCED_LEADS`]): 深化, 推进, 打造 ….
pub(super) fn is_lead_verb(word: &str) -> bool {
    word.chars().count() == 2 && LEAD_VERBS.iter().chain(&BALANCED_LEADS).any(|v| *v == word)
}

/// Cuts the subject and lead verb off the first item when the other items are not verb
/// phrases of their own (茅箭区深化社区、业委会、物业公司 → 社区); at least two characters
/// must be left.
pub(super) fn strip_lead(items: &mut [String]) {
    if let Some((first, rest)) = items.split_first_mut() {
        strip_lead_against(first, rest);
    }
}

/// [`stripped_lead`], then [`strip_modifier_against`] on the first item: for a list in
/// running text before the formulation, which starts wherever the clause does. (A
/// definition after 即 or 指 starts at its first item, whose 的 belongs to it: “1”指省委和
/// 省政府制定出台的关于…的意见.)
pub(super) fn stripped_lead_and_modifier(mut items: Vec<String>) -> Vec<String> {
    strip_lead(&mut items);
    if let Some((first, rest)) = items.split_first_mut() {
        strip_modifier_against(first, rest);
    }
    items
}

/// At least this many characters must follow the 的 for [`strip_modifier_against`] to cut.
const AFTER_DE: usize = 3;

/// Cuts the clause's modifier off `first` when `first` is more than twice as long as the
/// longest of `others`: at its last 的 when at least [`AFTER_DE`] characters follow, or two
/// or more and as many as the others have (分析当下党建引领小微公共空间更新的专业赋能型
/// beside 平台协同型 → 专业赋能型; 上海民政部门提出的社区 beside 社团、社工 → 社区); without
/// such a 的, only where at least two others all have the same length, of at least three
/// characters (or two, all ending in the character `first` ends in), and then to that
/// length (农村党支部书记任职形式 beside 履职行为、补贴待遇 → 任职形式: the genre's lists of
/// parallel four-character items). A component that holds
/// 的 itself is about as long as the others (党的建设 beside 组织建设) and stays.
pub(super) fn strip_modifier_against(first: &mut String, others: &[String]) {
    let Some(longest) = others.iter().map(|o| o.chars().count()).max() else {
        return;
    };
    let chars = first.chars().count();
    let alike = others.len() >= 2 && others.iter().all(|o| o.chars().count() == longest);
    let last = |s: &str| s.chars().next_back();
    let same_end = others.iter().all(|o| last(o) == last(first));
    // Or opening as the last `longest` characters of `first` do (辖区小商店 beside 小餐馆、
    // 小诊所、小作坊 → 小商店).
    let same_start = || {
        let cut_first = first.chars().nth(chars.saturating_sub(longest));
        others.iter().all(|o| o.chars().next() == cut_first)
    };
    // Three or more others alike and ending or opening as `first` does are evidence enough
    // for a shorter modifier (网格员政策宣传员 beside 信息采集员、治安巡查员、… → 政策宣传员).
    // Two others of two characters are, when all three end alike (村庄洁化 beside 绿化、
    // 美化 → 洁化).
    let parallel = alike
        && chars > longest
        && ((others.len() >= 3 && (same_end || same_start()))
            || (longest == 2 && others.len() == 2 && same_end));
    if chars <= 2 * longest && !parallel {
        return;
    }
    let shortest = others.iter().map(|o| o.chars().count()).min().unwrap_or(0);
    if let Some(p) = first.rfind('的').filter(|_| !parallel) {
        let tail = &first[p + '的'.len_utf8()..];
        let t = tail.chars().count();
        if t >= AFTER_DE || (t >= 2 && (shortest..=longest).contains(&t)) {
            *first = tail.to_string();
            return;
        }
    }
    // Items of two characters are cut to only when all end in the same character
    // (…提出要打造一城三带文旅集聚区和探索景区 beside 街区、社区 → 景区), or when three or
    // more are (产业发展生产 beside 加工、科技、营销 → 生产). Others of unequal lengths, two
    // or more, all ending as `first` does, cut it to the longest of them (村党组织领办农用地
    // beside 闲散地、飞地 → 农用地).
    let ending = others.len() >= 2 && longest >= 3 && same_end;
    if (alike && (longest >= 3 || (longest == 2 && (same_end || others.len() >= 3)))) || ending {
        let start = first
            .char_indices()
            .nth(chars - longest)
            .map_or(0, |(i, _)| i);
        // Not inside a bracket: 村规民约(社区公约) is one item.
        let tail = &first[start..];
        if tail.matches([')', '）']).count() > tail.matches(['(', '（']).count() {
            return;
        }
        *first = first[start..].to_string();
    }
}

/// [`strip_lead`] on a list, returned; and the preposition 将 or 把 that opens every item
/// of two or more, each a phrase of its own (即将基层党员培养成致富带头人、把致富带头人培养成
/// 党员 → 基层党员培养成致富带头人, 致富带头人培养成党员).
pub(super) fn stripped_lead(mut items: Vec<String>) -> Vec<String> {
    let object_first = |i: &String| {
        i.starts_with(['将', '把'])
            && !NOT_LEADS.iter().any(|w| i.starts_with(w))
            && i.chars().count() >= 4
    };
    if items.len() >= 2 && items.iter().all(object_first) {
        for i in items.iter_mut() {
            // 将 and 把 have the same width.
            *i = i['将'.len_utf8()..].to_string();
        }
        return items;
    }
    strip_lead(&mut items);
    items
}

/// Keeps the items from the last one led by a lead verb, that verb cut off, when `items`
/// are more than `n` and exactly `n` remain so: the list restarts there, and what stands
/// before it belongs to the clause before (…专业技术人才的技术创新能力、农村人才示范推广
/// 能力、全区组织实施高素质农民、优秀企业经营管理人才、专业镇区产业领军人才、乡村振兴实用
/// 人才四大工程 → 高素质农民 and the three after it).
pub(super) fn restart_at_lead(items: &mut Vec<String>, n: usize) {
    if items.len() <= n || n < 2 {
        return;
    }
    let from = items.len() - n;
    if from == 0 || lead_verb_at(&items[from]).is_none() {
        return;
    }
    if items[from + 1..].iter().any(|i| lead_verb_at(i).is_some()) {
        return;
    }
    items.drain(..from);
    strip_lead(items);
}

/// Cuts the subject and lead verb off `first` when none of `others` (the other components,
/// at least one) starts with a lead verb, as often as one starts it again.
pub(super) fn strip_lead_against(first: &mut String, others: &[String]) {
    opening::cut_opening(first, others);
    strip_clause_lead(first, others);
    cut_to_single(first, others);
}

/// The lead verbs, adverbs, copulas and prepositions of [`strip_lead_against`].
fn strip_clause_lead(first: &mut String, others: &[String]) {
    // (A verb ending an item is its noun of action: 资源整合, 工作联动.)
    let led = |i: &String| lead_verb_at(i).is_some_and(|end| end < i.len());
    if others.is_empty() {
        return;
    }
    if others.iter().any(led) {
        strip_parallel_lead(first, others);
        return;
    }
    // Again after each cut: 我们将|聚力实施|产业能级跃升 has two leads. What is left has
    // two characters, or one when another item has one (构建县、乡、村).
    let floor = others
        .iter()
        .map(|o| o.chars().count())
        .min()
        .unwrap_or(2)
        .clamp(1, 2);
    while let Some(end) = lead_verb_at(first) {
        // An administrative level of one character is a whole item (采取区、镇街、社区).
        let level = first[end..].chars().count() == 1
            && super::before::ADMIN_LEVELS.contains(&first[end..]);
        if first[end..].chars().count() < floor && !level {
            break;
        }
        *first = first[end..].to_string();
    }
    strip_balanced_lead(first, others);
    strip_copula(first, others);
    strip_preposition(first, others);
}

/// Cuts the lead verb off `first` when the others are verb phrases of their own, but most
/// of them, three or more, have the length that the verb leaves: the genre's parallel
/// items (找准|优化营商环境 beside 维护公平竞争、防范市场风险、强化消费维权、实施综合执法、
/// 推动高质量发展).
fn strip_parallel_lead(first: &mut String, others: &[String]) {
    let Some(end) = lead_verb_at(first) else {
        return;
    };
    let rest = &first[end..];
    let left = rest.chars().count();
    let alike = others.iter().filter(|o| o.chars().count() == left).count();
    // Or every other item is as long as what is left and opens with its first character
    // (通过|把业务骨干培养成党员 beside 把党员培养成业务骨干).
    let opener = rest.chars().next();
    let same_opening = alike == others.len()
        && !others.is_empty()
        && others.iter().all(|o| o.chars().next() == opener);
    // Or an adverb stands right before the verb, as before no other item: the clause's
    // verb, not an item's (大力实施|铸牢中华民族共同体意识 beside 带领群众致富、…、开展反
    // 分裂斗争).
    let adverb = |i: &str| LEAD_ADVERBS.iter().any(|a| i.starts_with(a));
    let adverbial = LEAD_ADVERBS.iter().any(|a| {
        first[..end]
            .strip_prefix(a)
            .is_some_and(|v| LEAD_VERBS.iter().any(|l| v.starts_with(l)))
    }) && !others.iter().any(|o| adverb(o));
    if left >= 2 && ((alike >= 3 && 2 * alike > others.len()) || same_opening || adverbial) {
        *first = rest.to_string();
    }
}

/// The fewest characters of a first item that [`cut_to_single`] cuts.
const RUN_IN: usize = 4;

/// Cuts `first` to its last character when every other item, two or more, is one Han
/// character and `first` has [`RUN_IN`] or more: the clause runs into a list of single characters (满洲里口岸…唯一集公、铁、
/// 空“三位一体” → 公; …以演、教、展 → 演).
fn cut_to_single(first: &mut String, others: &[String]) {
    let single = |s: &str| s.chars().count() == 1 && s.chars().all(super::classify::is_han);
    // A first item of two or three characters is a word of its own (国家 beside 省、市、县),
    // unless it ends in a level, as the others are (从市 beside 县、乡 → 市).
    let levels = super::before::ADMIN_LEVELS;
    let level_run = first
        .chars()
        .next_back()
        .is_some_and(|c| levels.contains(c))
        && others.iter().all(|o| levels.contains(o.as_str()));
    if others.len() < 2
        || !others.iter().all(|o| single(o))
        || (first.chars().count() < RUN_IN && !level_run)
    {
        return;
    }
    if let Some(last) = first
        .chars()
        .next_back()
        .filter(|c| super::classify::is_han(*c))
    {
        *first = last.to_string();
    }
}

/// Cuts one of the [`PREPOSITIONS`] off the start of `first` (the clause's first word,
/// before a list of other items) when two characters or more are left.
fn strip_preposition(first: &mut String, others: &[String]) {
    strip_inner_yi(first, others);
    let Some(rest) = first.strip_prefix(PREPOSITIONS) else {
        return;
    };
    // 以 opening a frame 以…为X the last item closes is left whole for [`cut_yi_wei`],
    // which cuts both ends (以抢先一步、上前一步、提升一步为主要内容).
    let framed = first.starts_with('以') && others.last().is_some_and(|l| wei_at(l).is_some());
    if others.is_empty()
        || framed
        || rest.chars().count() < 2
        || NOT_PREPOSITIONS.iter().any(|w| first.starts_with(w))
    {
        return;
    }
    *first = rest.to_string();
}

/// Cuts a subject and the preposition 以 inside `first` when what follows it is as long as
/// the other items (该行党委以红色引擎领航定向 beside 红色堡垒扎根产业 … → 红色引擎领航定向).
fn strip_inner_yi(first: &mut String, others: &[String]) {
    let lengths = others.iter().map(|o| o.chars().count());
    let (Some(min), Some(max)) = (lengths.clone().min(), lengths.max()) else {
        return;
    };
    let cut = first.char_indices().skip(1).find_map(|(p, c)| {
        let rest = &first[p + c.len_utf8()..];
        let before = first[..p].chars().next_back()?;
        let after = rest.chars().next()?;
        (c == '以'
            && !YI_BEFORE.contains(before)
            && !YI_AFTER.contains(after)
            && (min.max(2)..=max).contains(&rest.chars().count()))
        .then(|| rest.to_string())
    });
    if let Some(rest) = cut {
        *first = rest;
    }
}

/// Cuts the subject and the copula 是 off `first` when what follows it is as long as the
/// other items (越丰村是沪杭高铁 beside 沪杭高速 → 沪杭高铁, of 是…的“双出口”); 是 that ends
/// a word leaves nothing to balance (坚持实事求是) and stays. Likewise a clause ending in
/// the perfective 了 (乡镇党委根据第一书记工作情况建立了成绩、任务、责任、问题“四个清单” →
/// 成绩), not the 了 of 了解.
fn strip_copula(first: &mut String, others: &[String]) {
    // 是, or 在于 ("lies in": 症结在于权责不明、考核过滥、数据壁垒三大梗阻).
    // 到 after a verb of reaching is one too (拓展到产业协作、人才共育等六大领域).
    // 成为 ("become") too (…小区成为零重大安全事故、零重大社会舆情、零投诉“三零小区”).
    let copula = first
        .rfind("在于")
        .map(|p| (p + '在'.len_utf8(), '于'))
        .or_else(|| first.rfind("成为").map(|p| (p + '成'.len_utf8(), '为')))
        .or_else(|| first.rfind('是').map(|p| (p, '是')))
        .or_else(|| first.rfind('到').map(|p| (p, '到')));
    let perfective = first
        .rmatch_indices('了')
        .find(|&(p, _)| !first[p..].starts_with("了解"))
        .map(|(p, _)| (p, '了'));
    for (p, mark) in [copula, perfective].into_iter().flatten() {
        if p == 0 {
            continue;
        }
        let rest = &first[p + mark.len_utf8()..];
        let lengths = others.iter().map(|o| o.chars().count());
        let (Some(min), Some(max)) = (lengths.clone().min(), lengths.max()) else {
            return;
        };
        // 了 surely ends a verb: what follows it need only be no longer than the others
        // (理顺了区、街道、社区、网格四级组织架构 → 区).
        let shortest = if mark == '了' { 1 } else { min };
        if min >= 2 && (shortest..=max).contains(&rest.chars().count()) {
            *first = rest.to_string();
            return;
        }
    }
}

/// Cuts one of the [`BALANCED_LEADS`] off the start of `first` when that balances it with
/// `others` (see there).
fn strip_balanced_lead(first: &mut String, others: &[String]) {
    let starts = |item: &str| {
        // An adverb may stand before the verb (着力|防控生产安全), and the modal 要 before
        // the adverb (要牢牢守好|发展).
        let modal = if item
            .strip_prefix(MODAL)
            .is_some_and(|r| LEAD_ADVERBS.iter().any(|a| r.starts_with(a)))
        {
            MODAL.len()
        } else {
            0
        };
        let adverb = modal
            + LEAD_ADVERBS
                .iter()
                .find(|a| item[modal..].starts_with(*a))
                .map_or(0, |a| a.len());
        BALANCED_LEADS
            .iter()
            .find(|v| item[adverb..].starts_with(*v))
            .map(|v| adverb + v.len())
            .or_else(|| resultative(item))
    };
    if others
        .iter()
        .any(|o| starts(o).is_some_and(|v| o.len() > v))
    {
        return;
    }
    let Some(verb) = starts(first) else { return };
    let lengths = others.iter().map(|o| o.chars().count());
    let (Some(min), Some(max)) = (lengths.clone().min(), lengths.max()) else {
        return;
    };
    let left = first[verb..].chars().count();
    // After an adverb the verb is surely one: what it leaves need only be a word
    // (牢牢守住|粮食安全 beside 不发生规模性返贫).
    let bare = first.strip_prefix(MODAL).unwrap_or(first);
    if LEAD_ADVERBS.iter().any(|a| bare.starts_with(a)) && left >= 2 {
        *first = first[verb..].to_string();
        return;
    }
    // A verb with 好 is no noun's start: what it leaves need not be as long as the
    // shortest other item, only a word (带好|村三委、党员和村民代表、志愿服务三支队伍).
    let min = if resultative(first).is_some() {
        min.min(2)
    } else {
        min
    };
    if left >= 1 && (min..=max).contains(&left) {
        *first = first[verb..].to_string();
    }
}

/// The byte length of a verb with the result complement 好 opening `item` (织好党建网格,
/// 建好…: "weave well"), if it opens with one.
fn resultative(item: &str) -> Option<usize> {
    let mut cs = item.char_indices();
    let (_, v) = cs.next()?;
    let (i, h) = cs.next()?;
    let verb = super::classify::is_han(v) && !NOT_RESULTATIVE.contains(v);
    (h == '好' && verb).then_some(i + h.len_utf8())
}

/// The byte offset just after the first [`LEAD_VERBS`] entry starting among the first
/// [`LEAD_WITHIN`] characters of `item` (not the start of one of the [`NOT_LEADS`]).
fn lead_verb_at(item: &str) -> Option<usize> {
    item.char_indices().take(LEAD_WITHIN).find_map(|(i, _)| {
        let at = &item[i..];
        if NOT_LEADS.iter().any(|w| at.starts_with(w)) {
            return None;
        }
        // The aspect particle 了 and the result complement 好 after the verb go with it
        // (建立了村规民约…; 发挥好网格员…).
        LEAD_VERBS.iter().find(|v| at.starts_with(*v)).map(|v| {
            let particle = at[v.len()..].starts_with(['了', '好']);
            i + v.len() + if particle { '了'.len_utf8() } else { 0 }
        })
    })
}

/// True for an item of numerals or digits only (一, 十一, 3): a heading's enumerator (一、
/// 筑牢…; 3、***镇消防“一队一中心”), never a component.
pub(super) fn is_enumerator(item: &str) -> bool {
    !item.is_empty() && item.chars().all(|c| is_numeral(c) || c.is_ascii_digit())
}
