//! Rules for formulations that stand without quotation marks: 三治融合, 四大体系,
//! 中央八项规定, 第二个百年奋斗目标, 一村一品, `1+5+N`, 党建+文化.

use super::before::ADMIN_LEVELS;
use super::classify::{is_han, CLASSIFIERS};
use super::listed::listed_before;
use super::numerals::{digit_value, is_numeral};
use super::Kind;

/// Verbs of joint action that make numeral + one character a formula: 三治融合 ("the three
/// governances fuse"), 四体共创, 四学联动, 三点发力, 三员结对; and 公开 of the openness
/// rules (村务、党务、财务三务公开).
pub(super) const ACTIONS: &[&str] = &[
    "融合", "联动", "共创", "联建", "发力", "一体", "并举", "共治", "联创", "共建", "结对", "协同",
    "互促", "同步", "合一", "齐抓", "联席", "贯通", "公开", "协作",
];

/// Words that end a formula when they follow it (the formula is named without them).
const TAILS: &[&str] = &[
    "精神",
    "要求",
    "建设",
    "工作",
    "发展",
    "机制",
    "模式",
    "格局",
    "行动",
    "作用",
    "任务",
    "进军",
    "体制",
    "水平",
    "战略",
    "方针",
    "目标任务",
    // A dummy verb opening the clause's predicate: 从三个维度|进行观察.
    "进行",
];

/// The [`TAILS`] that are head nouns: a numbered list's noun may end in one (两大核心任务,
/// 六大文明引导行动, 四项改革机制).
const NOUN_TAILS: &[&str] = &[
    "任务", "行动", "机制", "模式", "战略", "格局", "体制", "方针",
];

/// Generic nouns that a formula of joint action modifies (三区融合|思路, 做好三区融合|文章):
/// two characters after it that close the phrase are part of the name (五级联动体系, 三员
/// 结对包企) unless they are one of these or of the [`TAILS`].
const GENERIC_HEADS: &[&str] = &[
    "思路", "文章", "理念", "路径", "方式", "举措", "经验", "做法", "成效", "品牌", "新路", "实践",
    "探索", "改革", "试点", "项目", "成果", "效应", "局面", "态势", "制度", "网络", "架构", "平台",
];

/// Verbs that end the noun of an unquoted numbered list, like the joint-action verbs of
/// [`ACTIONS`]: 五大片区|共兴发展 and 六大优势产业|提升 were taken whole on the 四川 held-out
/// report. The noun stops before them; as the phrase does not close there, the candidate is
/// then dropped (precision first).
const VERBS: &[&str] = &[
    "共兴", "提升", "升级", "推进", "实施", "加快", "深入", "出台",
];

/// Particles and conjunctions that never end a word of an unquoted formula, and suffixes
/// that make a longer word of what stands before them (长三角一体化, 三强度).
const PARTICLES: &str = "的了着和与及等在是为或并而也都就化性度率";

/// Characters that never belong inside an unquoted formula (function words).
const FUNCTION: &[char] = &[
    '的', '和', '与', '及', '等', '在', '是', '为', '了', '中', '把', '将', '对', '以', '向', '从',
    '要', '到', '着', '并', '或', '上', '下', '而', '于', '来', '去', '个', '有', '被', '让', '使',
    '由', '之', '其', '也', '都', '就', '再', '已', '不', '该', '这', '那', '此', '每',
];

/// Nouns after numeral + classifier that make a plain count, not a formulation (三个村).
const COUNT_HEADS: &[&str] = &[
    "村",
    "乡",
    "镇",
    "县",
    "市",
    "区",
    "省",
    "人",
    "户",
    "家",
    "月",
    "年",
    "天",
    "日",
    "小时",
    "方面",
    "层面",
    "层次",
    "环节",
    "阶段",
    "部门",
    "单位",
    "社区",
    "片区",
    "项目",
    "批",
    "类",
    "量",
    "多",
    "型",
    "幅",
    "部分",
    "措施",
    "政策",
    "百分点",
    "工作日",
    "问题",
    "领域",
    "行业",
    "企业",
    "学校",
    "点",
    "支部",
    "组",
    "队",
    "产业",
    "国家",
    "城市",
    "地区",
    "群众",
    "党员",
    "亿",
    "万",
    "倍",
    "早",
    "半",
];

/// The [`COUNT_HEADS`] that name a formulation after a list of as many items
/// ([`listed_before`]): its teams, groups, measures, stages, fields and industries
/// (三支队伍), not its places, people, times or amounts (东村、西村、南村三个村).
const LISTED_HEADS: &[&str] = &["队", "组", "措施", "环节", "领域", "产业"];

/// The [`COUNT_HEADS`] that stay counts even after a quoted list: aspects of a matter
/// (围绕“自身优势是什么、…、创建措施是什么”五个方面).
const ASPECT_HEADS: &[&str] = &["方面", "层面", "层次"];

/// Idioms and ordinary words of the numeral-alternation pattern (一心一意).
const IDIOMS: &[&str] = &[
    "一心一意",
    "一模一样",
    "一点一滴",
    "一草一木",
    "一言一行",
    "一朝一夕",
    "一生一世",
    "一针一线",
    "一举一动",
    "一分一秒",
    "一五一十",
    "三心二意",
    "七上八下",
    "四面八方",
    "一干二净",
    "一清二楚",
    "五颜六色",
    "七嘴八舌",
    "十全十美",
    "一丝一毫",
    "一砖一瓦",
    "一来二去",
    "三番五次",
    "千方百计",
    "一字一句",
    "一笔一划",
    "一笔一画",
    "一张一弛",
    "一时一事",
    "一举多得",
    "一题多解",
    "一字多义",
    "一词多义",
];

/// Units of a count that never close a one-character alternation: 一行七人 ("a party of
/// seven"), 一栋两层 ("one building of two storeys") are amounts, not formulations
/// (一户一策, 一村一品 end in what each unit gets).
const COUNT_UNITS: &[char] = &['人', '名', '层', '栋', '辆', '岁', '元', '斤', '亩'];

/// Time units: 一年一度, 一月一调度 are schedules, not formulations.
const TIME_UNITS: &[char] = &[
    '年', '月', '日', '天', '周', '季', '次', '时', '分', '秒', '刻', '期', '轮',
];

/// The number of administrative levels of one character ([`ADMIN_LEVELS`]) run together at the end of `before`, two or more,
/// after a character that is none (建起县乡村三级路长 → 3); 0 otherwise.
fn run_of_levels(before: &str) -> usize {
    let run = before
        .chars()
        .rev()
        .take_while(|c| ADMIN_LEVELS.contains(*c))
        .count();
    if run >= 2 {
        run
    } else {
        0
    }
}

fn han_at(chars: &[(u32, char)], i: usize) -> Option<char> {
    chars.get(i).map(|c| c.1).filter(|c| is_han(*c))
}

fn starts_with_at(chars: &[(u32, char)], i: usize, w: &str) -> bool {
    let mut k = i;
    for wc in w.chars() {
        match chars.get(k) {
            Some(&(_, c)) if c == wc => k += 1,
            _ => return false,
        }
    }
    true
}

/// Words of two characters, one of them a function word ([`FUNCTION`]), that stand inside
/// a noun all the same: 三级矛调中心, 中央+地方, 两个导向, 三个到位, 四下沉 ….
const WORDS_WITH_FUNCTION: [&str; 10] = [
    "中心", "中央", "导向", "到位", "方向", "面向", "下沉", "对接", "对标", "为民",
];

/// True for the character at `k` when it may stand inside a noun: a plain character
/// ([`plain`]), or a function word inside one of the [`WORDS_WITH_FUNCTION`].
fn plain_at(chars: &[(u32, char)], k: usize) -> bool {
    let c = chars[k].1;
    if plain(c) {
        return true;
    }
    let word_at = |a: usize| {
        WORDS_WITH_FUNCTION
            .iter()
            .any(|w| k >= a && k - a < 2 && starts_with_at(chars, a, w))
    };
    word_at(k) || (k > 0 && word_at(k - 1))
}

/// A Han character that may stand inside an unquoted formula: no numeral, no function word.
pub(super) fn plain(ch: char) -> bool {
    is_han(ch) && !is_numeral(ch) && !FUNCTION.contains(&ch)
}

/// Characters that make a tail word the head of a noun (专项工作组, 建设局): 工作 is no
/// tail of 八个专项工作组.
const NOUN_SUFFIXES: &str = "组队室站局处";

/// The end (exclusive) of a noun starting at `i`: plain Han characters, at most `max`,
/// stopping before a tail word (unless one of the [`NOUN_SUFFIXES`] closes the noun after
/// it).
fn noun_end(chars: &[(u32, char)], i: usize, max: usize) -> usize {
    let mut k = i;
    while k < chars.len() && k - i < max && plain_at(chars, k) {
        let tail = TAILS.iter().find(|t| starts_with_at(chars, k, t));
        let suffixed = tail.is_some_and(|t| {
            let after = k + t.chars().count();
            chars
                .get(after)
                .is_some_and(|c| NOUN_SUFFIXES.contains(c.1))
                && chars.get(after + 1).is_none_or(|c| !plain(c.1))
                && after + 1 - i <= max
        });
        if k > i
            && !suffixed
            && (tail.is_some()
                || VERBS
                    .iter()
                    .chain(ACTIONS)
                    .any(|t| starts_with_at(chars, k, t)))
        {
            break;
        }
        k += 1;
        if k - i >= 2 && chars[k - 2].1 == '目' && chars[k - 1].1 == '标' {
            break;
        }
    }
    k
}

/// True when `s` starts with a tail word ([`TAILS`]) or a generic head ([`GENERIC_HEADS`]):
/// a word that follows a formula's name and is none of it (三联|机制, 四级联动|网络).
pub(super) fn ends_name(s: &str) -> bool {
    TAILS.iter().chain(GENERIC_HEADS).any(|t| s.starts_with(t))
}

/// True when `i` is past the end or at a character that is not a plain Han character.
fn boundary(chars: &[(u32, char)], i: usize) -> bool {
    chars.get(i).is_none_or(|c| !plain(c.1)) || TAILS.iter().any(|t| starts_with_at(chars, i, t))
}

/// Tries the unquoted rules at char index `i` (a numeral, `第`, a digit or `+`); returns
/// `(start, end, kind)` as char indices. `before` is the text before the trigger (for the
/// list a numbered list may follow: [`listed_before`]).
pub(crate) fn at(chars: &[(u32, char)], i: usize, before: &str) -> Option<(usize, usize, Kind)> {
    let c = chars.get(i)?.1;
    let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
    if c.is_ascii_digit() {
        if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '+' || p == '.') {
            return None;
        }
        return digit_formula(chars, i);
    }
    if c == '+' {
        return plus(chars, i);
    }
    if c == '第' {
        let n = i + 1;
        if chars.get(n).is_some_and(|x| is_numeral(x.1))
            && chars.get(n + 1).map(|x| x.1) == Some('个')
        {
            let e = noun_end(chars, n + 2, 8);
            // An ordinal (第一个农村基层党支部, 第三个货车司机群体党建样板点) but for the
            // centenary goals (第一个百年奋斗目标, 第二个百年奋斗目标).
            let centenary = starts_with_at(chars, n + 2, "百年");
            if e - (n + 2) >= 4 && centenary {
                return Some((i, e, Kind::NumberedList));
            }
        }
        return None;
    }
    // A numeral after 周 or 星期 names a weekday (周五大学堂, "the Friday study hall").
    let weekday = prev == Some('周') || (i >= 2 && chars[i - 2].1 == '星' && prev == Some('期'));
    if !is_numeral(c) || weekday || prev.is_some_and(|p| digit_value(p).is_some() || p == '第') {
        return None;
    }
    numeral(chars, i, before)
}

fn numeral(chars: &[(u32, char)], i: usize, before: &str) -> Option<(usize, usize, Kind)> {
    let c = chars[i].1;
    // Ascending numeral run 一二三 + up to 3 characters: 一二三产融合.
    let mut k = i;
    while k < chars.len() && is_numeral(chars[k].1) {
        k += 1;
    }
    if k - i >= 3 {
        let vals: Vec<u32> = chars[i..k]
            .iter()
            .filter_map(|x| digit_value(x.1))
            .collect();
        if vals.windows(2).all(|w| w[1] == w[0] + 1) {
            // 一二三产融合, 一二三产业融合; else two characters (一二三产业).
            let fuse = (k + 1..=k + 2).find(|&x| starts_with_at(chars, x, "融合"));
            let industry = if starts_with_at(chars, k, "产业") {
                k + 2
            } else if starts_with_at(chars, k, "产") {
                k + 1
            } else {
                noun_end(chars, k, 2)
            };
            let e = fuse.map_or(industry, |x| x + 2);
            if e > k {
                return Some((i, e, Kind::NumeralCompound));
            }
        }
        return None;
    }
    // Alternation: N a N b (N c), N ab N cd: 一村一品, 三会一课, 三培养三引领; and one
    // against many, 一 a 多 b: 一核多点, 一岗多责.
    for w in [1usize, 2] {
        let a = i + 1;
        let n2 = a + w;
        let many = c == '一' && w == 1 && chars.get(n2).is_some_and(|x| x.1 == '多');
        if (a..n2).all(|x| han_at(chars, x).is_some_and(plain))
            && (many || chars.get(n2).is_some_and(|x| is_numeral(x.1)))
            && (n2 + 1..n2 + 1 + w).all(|x| han_at(chars, x).is_some_and(plain))
        {
            let mut e = n2 + 1 + w;
            if !many
                && chars.get(e).is_some_and(|x| is_numeral(x.1))
                && (e + 1..e + 1 + w).all(|x| han_at(chars, x).is_some_and(plain))
                && boundary(chars, e + 1 + w)
            {
                e += 1 + w;
            }
            // A suffix after it makes a longer word (长三角一体化: no 三角一体).
            if chars.get(e).is_some_and(|c| matches!(c.1, '化' | '性')) {
                return None;
            }
            let s: String = chars[i..e].iter().map(|x| x.1).collect();
            let first = chars[a].1;
            let same = chars[a..a + w]
                .iter()
                .map(|x| x.1)
                .eq(chars[n2 + 1..n2 + 1 + w].iter().map(|x| x.1));
            if IDIOMS.contains(&s.as_str())
                || TIME_UNITS.contains(&first)
                || TIME_UNITS.contains(&chars[n2 + 1].1)
                || (w == 1 && COUNT_UNITS.contains(&chars[n2 + 1].1))
                || same
                || first == '个'
            {
                return None;
            }
            // One character, then two, closing the phrase: 一乡一台账, 一人一档册, 一人一结对
            // (a word's second character may be a function word's: 对), not a particle after
            // the formula (一村一品的).
            let lopsided = w == 1
                && e == n2 + 2
                && han_at(chars, e).is_some_and(|x| !is_numeral(x) && !PARTICLES.contains(x))
                && boundary(chars, e + 1)
                && !TAILS.iter().any(|t| starts_with_at(chars, e, t));
            if lopsided {
                return Some((i, e + 1, Kind::NumeralCompound));
            }
            if w == 1 || boundary(chars, e) {
                return Some((i, e, Kind::NumeralCompound));
            }
        }
    }
    if c == '一' {
        return None;
    }
    // N + classifier + noun: 四大体系, 中央八项规定, 四项基本原则, 三件大事; and N levels
    // right after a list of as many (区、街道、社区、网格四级组织架构), not a formula of
    // joint action (五级联动, below).
    if let Some(&(_, cl)) = chars.get(i + 1) {
        let levels = || {
            cl == '级'
                && !ACTIONS.iter().any(|a| starts_with_at(chars, i + 2, a))
                && digit_value(c).is_some_and(|n| {
                    listed_before(before).0 == n as usize || run_of_levels(before) == n as usize
                })
        };
        if CLASSIFIERS.contains(&cl) || levels() {
            let s = i + 2;
            let mut e = noun_end(chars, s, 6);
            // A tail word that is the head noun of the list closes its name (两大核心任务,
            // 六大文明引导行动), not one that is work or growth (三大任务|工作).
            if let Some(t) = NOUN_TAILS
                .iter()
                .find(|t| e > s && starts_with_at(chars, e, t))
            {
                let past = e + t.chars().count();
                if past - s <= 8 && boundary(chars, past) {
                    e = past;
                }
            }
            // Levels name a noun of three characters or more (四级组织架构), not a verb
            // (省、市、县三级接入).
            if cl == '级' && e - s < 3 {
                return None;
            }
            let noun: String = chars[s..e].iter().map(|x| x.1).collect();
            let heads = || {
                COUNT_HEADS
                    .iter()
                    .filter(|h| noun.starts_with(*h) || noun.ends_with(*h))
            };
            let mut count = heads().next().is_some();
            let mut ok_len = (2..=6).contains(&(e - s));
            // Right after a list of as many items, the phrase names that list: a noun of
            // one character (“规划、施工、实景”三张图) or of a kind that mostly counts
            // (村“三委”、党员和村民代表、志愿服务三支队伍) is a formulation then.
            // After a quoted list (“兴边富民、…、民族团结进步”三个示范县), whose items are no
            // places, any head names it.
            if !ok_len || count {
                let (listed, quoted) = listed_before(before);
                // A partial list closed by 等 names it too (产业协作、人才共育等六大领域).
                let partial = |n: usize| before.ends_with('等') && (2..n).contains(&listed);
                if e > s
                    && digit_value(c).is_some_and(|n| listed == n as usize || partial(n as usize))
                {
                    ok_len = e - s <= 6;
                    // A head still counts unless it is listed, or the list is quoted and
                    // the head no aspect.
                    let named = |h: &&str| {
                        LISTED_HEADS.contains(h) || (quoted && !ASPECT_HEADS.contains(h))
                    };
                    count = heads().any(|h| !named(h));
                }
            }
            let ends_well = boundary(chars, e);
            let allowed = match cl {
                '大' | '项' | '件' => true,
                // 个, 条 … are mostly plain counts: only a noun that closes the phrase
                // (三条文化带建设, 两个确立,), never after an amount (万亿两个台阶).
                // Levels after a list also before a bracket (三级矛调中心(站)).
                '级' if chars.get(e).is_some_and(|x| matches!(x.1, '(' | '（')) => true,
                _ => {
                    // A bracket after the noun holds its parts (制定两个制度(…、…)).
                    chars.get(e).is_some_and(|x| {
                        matches!(
                            x.1,
                            '，' | ',' | '。' | '、' | '”' | '；' | ';' | '(' | '（'
                        )
                    }) || TAILS.iter().any(|t| starts_with_at(chars, e, t))
                }
            } && !(i > 0
                && matches!(chars[i - 1].1, '万' | '亿' | '千' | '百' | '0'..='9'));
            if ok_len && ends_well && !count && allowed {
                let start = if i >= 2 && chars[i - 2].1 == '中' && chars[i - 1].1 == '央' {
                    i - 2
                } else {
                    i
                };
                return Some((start, e, Kind::NumberedList));
            }
        }
    }
    // N + one character + joint-action verb: 三治融合, 四体共创, 五级联动体系.
    han_at(chars, i + 1)
        .filter(|x| plain(*x) && !CLASSIFIERS.contains(x) && !TIME_UNITS.contains(x))?;
    let v = ACTIONS.iter().find(|a| starts_with_at(chars, i + 2, a))?;
    let mut e = i + 2 + v.chars().count();
    // A suffix after the verb makes a longer word of it (长三角一体化: no 三角一体).
    if chars.get(e).is_some_and(|c| matches!(c.1, '化' | '性')) {
        return None;
    }
    // 五级联动体系; 三员结对包企, (two more characters closing the phrase).
    let closes_phrase = han_at(chars, e).is_some_and(plain)
        && han_at(chars, e + 1).is_some_and(plain)
        && chars.get(e + 2).is_none_or(|x| !is_han(x.1))
        && !TAILS
            .iter()
            .chain(GENERIC_HEADS)
            .any(|t| starts_with_at(chars, e, t));
    if starts_with_at(chars, e, "体系") || closes_phrase {
        e += 2;
    }
    Some((i, e, Kind::NumeralCompound))
}

/// `1+5+N`, `1+N`: digits then `+`-joined digit/letter terms.
fn digit_formula(chars: &[(u32, char)], i: usize) -> Option<(usize, usize, Kind)> {
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

/// 党建+文化, 社区大党委+小区党支部+楼栋党小组, 互联网+: Han terms around `+`.
fn plus(chars: &[(u32, char)], i: usize) -> Option<(usize, usize, Kind)> {
    let mut s = i;
    while s > 0 && i - s < 4 && chars[s - 1].1 != '+' && plain_at(chars, s - 1) {
        s -= 1;
    }
    if s == i || (s > 0 && chars[s - 1].1 == '+') {
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
        if super::tidy::is_lead_verb(&verb) {
            s += 2;
        }
    }
    let mut e = i;
    while chars.get(e).map(|x| x.1) == Some('+') {
        let t = e + 1;
        let mut k = t;
        // A numeral may open or stand in a term (林长+三长, 党建+三治), and Latin letters
        // (法庭+e站); a tail word or a verb of joint action ends it (林长+三长|协作机制).
        while k < chars.len()
            && k - t < 6
            && (plain(chars[k].1) || is_numeral(chars[k].1) || chars[k].1.is_ascii_alphabetic())
            && !TAILS
                .iter()
                .chain(ACTIONS)
                .any(|w| k > t && starts_with_at(chars, k, w))
        {
            k += 1;
        }
        e = k;
        if k == t {
            break;
        }
    }
    Some((s, e, Kind::Plus))
}
