//! What makes a run of text before a formulation no list of its components ([`super`]): a
//! sibling formulation or a count, a series of named examples, a governing verb or
//! preposition, a destination of 融入, a clause ending in a function word.

use super::super::classify::{is_han, CLASSIFIERS};
use super::super::listed::ITEM_CHARS;
use super::super::numerals::is_numeral;

/// True when what stands right before the formulation is another formulation named beside
/// it or a count of it, no list of its components: a last item (`last`, quotes stripped) of
/// a numeral and at most three more characters (…投资、“两重”“两新”); a quotation ending
/// `run` of three characters or more that holds a numeral (“三大支撑、八项重点”“发展六仗”
/// “八大行动”; not fewer: a two-character place name may hold one, 建设武汉、宜昌、“襄十”
/// 三大算力圈); a last item of digits and a classifier (…示范区、4个“两山”实践创新基地).
pub(super) fn sibling_or_count(run: &str, last: &str) -> bool {
    let digits = last.chars().take_while(char::is_ascii_digit).count();
    let rest: Vec<char> = last.chars().skip(digits).collect();
    let short_name = digits == 0 && last.starts_with(is_numeral) && rest.len() <= 4;
    let count = digits > 0 && rest.len() == 1 && CLASSIFIERS.contains(&rest[0]);
    let quoted_name = run
        .strip_suffix('”')
        .and_then(|q| q.rfind('“').map(|open| &q[open + '“'.len_utf8()..]))
        .is_some_and(|q| {
            q.chars().count() >= 3 && q.chars().any(|c| c.is_ascii_digit() || is_numeral(c))
        });
    short_name || count || quoted_name
}

/// True when the items of `run` before the last each end in a quoted name after text of
/// their own and the last has no quotation: a series of named examples, of which the
/// formulation names the last (如陈塔村“1号议事日”、重兆村“二园式支部”、长超村“三色长超”).
/// Quoted items alone (“自治”、“法治”、“德治”“三治融合”) are still a list.
pub(super) fn named_examples(run: &str) -> bool {
    let pieces: Vec<&str> = run.split(['、', '，', ',']).collect();
    let Some((last, earlier)) = pieces.split_last() else {
        return false;
    };
    let named = |p: &&str| {
        p.strip_suffix('”')
            .and_then(|q| q.rfind('“'))
            .is_some_and(|open| open > 0)
    };
    !earlier.is_empty() && earlier.iter().all(named) && !last.contains(['“', '”'])
}

/// Verbs that take a formulation as their object. The last item of a list before the
/// formulation that ends in one of them holds no component but the verb (and what comes
/// before it): a row of verbs (坚持、落实“两个毫不动摇”; 共建“一带一路”; 自觉做到“两个维护”)
/// is no list of components. Common verbs of the genre, chosen by hand.
pub(super) const GOVERNING_VERBS: [&str; 44] = [
    "做到",
    "落实",
    "坚持",
    "共建",
    "坚定",
    "促进",
    "实现",
    "发挥",
    "推进",
    "打好",
    "贯彻",
    "增强",
    "深化",
    "推动",
    "开展",
    "打造",
    "加快",
    "围绕",
    "践行",
    "拥护",
    "领悟",
    "树立",
    "统筹",
    "聚焦",
    // Verbs of encouragement (鼓励和支持“两代表一委员”…; 引导和鼓励“五老人员”…) and of
    // focus (立足“两个维度”、着力“三个防止”).
    "支持",
    "鼓励",
    "引导",
    "倡导",
    "立足",
    "着力",
    "着力于",
    "致力于",
    "立足于",
    // Verbs with the result complement 好 ("do … well") and 争当 ("strive to be"), which
    // always take an object (走好第一方阵、当好“三个表率”).
    "当好",
    "做好",
    "走好",
    "守好",
    "建好",
    "管好",
    "争当",
    "争做",
    // The verbs of replacement ([`REPLACING_VERBS`]).
    "取代",
    "替代",
    "代替",
];

/// True when `s` is two or more quotations side by side, joined by nothing or 、
/// (“A”“B”、“C”).
pub(super) fn only_quotations(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('“').and_then(|r| r.strip_suffix('”')) else {
        return false;
    };
    inner.contains("”")
        && inner
            .split("”“")
            .flat_map(|p| p.split("”、“"))
            .all(|p| !p.is_empty() && !p.contains(['“', '”']))
}

/// The quotation that ends `before` followed by a comma (“班子形象”,), when it is a word of
/// as many Han characters as a listed item may have ([`ITEM_CHARS`]).
pub(super) fn quoted_before_comma(before: &str) -> Option<&str> {
    let inner = before.strip_suffix([',', '，'])?.strip_suffix('”')?;
    let item = &inner[inner.rfind('“')? + '“'.len_utf8()..];
    (ITEM_CHARS.contains(&item.chars().count()) && item.chars().all(is_han)).then_some(item)
}

/// Verbs of putting into (融入, 纳入 …) that end a list before its destination (see
/// [`list_before`](super::list_before)).
pub(super) const INTO_VERBS: [&str; 6] = ["融入", "纳入", "列入", "写入", "嵌入", "融进"];

/// Verbs of serving or supporting, which take the formulation after them as their object
/// when one stands alone as a list's last item (引导人才下沉、科技下乡、服务“三农”: 三农 is
/// what is served, not the list).
pub(super) const SERVING_VERBS: [&str; 5] = ["服务", "助力", "助推", "支持", "对接"];

/// Prepositions and aspect particles that end a clause before its object: a list whose
/// last item ends in one is no list of components (see [`list_before`](super::list_before)).
pub(super) const FUNCTION_TAILS: [char; 14] = [
    '从', '向', '以', '对', '在', '把', '将', '被', '由', '让', '使', '了', '着', '给',
];

/// Verbs of replacement: the list before one is what takes the formulation's place, also
/// after 等 (以“九二精神”“九二会谈”等字眼取代“九二共识”).
pub(super) const REPLACING_VERBS: [&str; 3] = ["取代", "替代", "代替"];

/// The [`GOVERNING_VERBS`] whose subject is what the formulation sums up (荒漠化、沙化土地
/// 面积实现“双缩减”), not who does it.
pub(super) const RESULT_VERBS: [&str; 1] = ["实现"];

/// Prepositions that take a formulation as their object (县、乡两级按照“六有六防”要求): what
/// stands before one is the clause's subject, never the formulation's components. (Verbs
/// such as 培育, 构建, 实施 are not added to [`GOVERNING_VERBS`]: they also end nouns of
/// action in lists of components, …新兴产业培育、…专精特新企业培育“三大行动”.)
pub(super) const GOVERNING_PREPOSITIONS: [&str; 8] = [
    "按照", "根据", "依据", "依照", "对照", "参照", "遵循", "通过",
];

/// `item` without the [`GOVERNING_VERBS`] entry it ends in, if it ends in one; the empty
/// string when it ends in one of the [`GOVERNING_PREPOSITIONS`] (nothing of it is a
/// component).
pub(super) fn strip_governing_verb(item: &str) -> Option<&str> {
    if GOVERNING_PREPOSITIONS.iter().any(|p| item.ends_with(p)) {
        return Some("");
    }
    GOVERNING_VERBS.iter().find_map(|v| item.strip_suffix(v))
}
