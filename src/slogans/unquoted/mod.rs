//! Rules for formulations that stand without quotation marks: 三治融合, 四大体系,
//! 中央八项规定, 第二个百年奋斗目标, 一村一品, `1+5+N`, 党建+文化.

use super::before::ADMIN_LEVELS;
use super::classify::{is_classifier, is_han, CLASSIFIERS};
use super::listed::listed_before;
use super::numerals::{digit_value, is_numeral};
use super::Kind;
use formula::{digit_formula, plus};
pub(super) use words::ACTIONS;
use words::{
    ASPECT_HEADS, CAMPAIGNS, COUNT_HEADS, COUNT_UNITS, FUNCTION, GENERIC_HEADS, IDIOMS,
    LISTED_HEADS, MAJOR_NAMES, NOUN_SUFFIXES, NOUN_TAILS, PARTICLES, SYSTEMS, TAILS, TIME_UNITS,
    VERBS, WORDS_WITH_FUNCTION, YEARS_BEFORE, ZONES,
};

mod formula;
mod words;

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

/// True when the noun at `s` (three to six characters) ends in one of the [`SYSTEMS`]:
/// levels of a system need no list before them (建立四级林长体系), though a list of another
/// length still makes them none (县、乡、村两级服务网络).
fn names_a_system(chars: &[(u32, char)], s: usize) -> bool {
    let e = noun_end(chars, s, 6);
    let noun: String = chars[s..e].iter().map(|x| x.1).collect();
    e - s >= 3 && SYSTEMS.iter().any(|h| noun.ends_with(h))
}

/// Campaigns of a number of years (三年行动, 三年攻坚行动, 三年集中攻坚, 五年行动计划): the
/// numeral at `i`, 年, at most two characters of manner (集中, 专项), one of the [`CAMPAIGNS`], closing
/// the phrase. Not after an amount or a word of time (近三年, 每三年, 2023年): there the
/// years are a period. Returns the end (exclusive).
fn campaign_of_years(chars: &[(u32, char)], i: usize) -> Option<usize> {
    if chars.get(i + 1)?.1 != '年'
        || (i > 0 && matches!(chars[i - 1].1, '万' | '亿' | '千' | '百' | '0'..='9'))
        || (i > 0 && YEARS_BEFORE.contains(chars[i - 1].1))
    {
        return None;
    }
    (0..=2)
        .take_while(|&m| {
            (i + 2..i + 2 + m)
                .all(|k| han_at(chars, k).is_some_and(|x| !is_numeral(x) && !PARTICLES.contains(x)))
        })
        .find_map(|m| {
            let s = i + 2 + m;
            CAMPAIGNS
                .iter()
                .find(|w| starts_with_at(chars, s, w))
                .map(|w| s + w.chars().count())
                .filter(|&e| boundary(chars, e))
        })
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
    // Up and down rounds of a procedure, N上N下 (四上四下, 两上两下; 一上一下 is motion), though
    // 上 and 下 are function words.
    if c != '一'
        && han_at(chars, i + 1) == Some('上')
        && chars.get(i + 2).is_some_and(|x| x.1 == c)
        && han_at(chars, i + 3) == Some('下')
    {
        return Some((i, i + 4, Kind::NumeralCompound));
    }
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
            // A suffix after it makes a longer word (长三角一体化: no 三角一体; 开一备三强度:
            // no 一备三强).
            if chars
                .get(e)
                .is_some_and(|c| matches!(c.1, '化' | '性' | '度'))
            {
                return None;
            }
            let s: String = chars[i..e].iter().map(|x| x.1).collect();
            let first = chars[a].1;
            let same = chars[a..a + w]
                .iter()
                .map(|x| x.1)
                .eq(chars[n2 + 1..n2 + 1 + w].iter().map(|x| x.1));
            // Magnitudes make a number of it (七千三百亩), no alternation.
            let magnitude = |x: char| "十百千万亿".contains(x);
            if IDIOMS.contains(&s.as_str())
                || magnitude(first)
                || magnitude(chars[n2 + 1].1)
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
    if let Some(e) = campaign_of_years(chars, i) {
        return Some((i, e, Kind::NumberedList));
    }
    // N + classifier + noun: 四大体系, 中央八项规定, 四项基本原则, 三件大事; and N levels
    // right after a list of as many (区、街道、社区、网格四级组织架构), not a formula of
    // joint action (五级联动, below).
    if let Some(&(_, cl)) = chars.get(i + 1) {
        let levels = || {
            cl == '级'
                && !ACTIONS.iter().any(|a| starts_with_at(chars, i + 2, a))
                && (digit_value(c).is_some_and(|n| {
                    listed_before(before).0 == n as usize || run_of_levels(before) == n as usize
                }) || (listed_before(before).0 == 0 && names_a_system(chars, i + 2)))
        };
        if is_classifier(cl, chars.get(i + 2).map(|x| x.1)) || levels() {
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
            // A park or zone is no district (九大农业园区, 三大示范区).
            let zone = ZONES.iter().any(|z| noun.ends_with(z));
            let heads = || {
                COUNT_HEADS.iter().filter(|h| {
                    (noun.starts_with(*h) || noun.ends_with(*h)) && !(zone && **h == "区")
                })
            };
            // After 大 ("major") only places, people, times and amounts count: 八大产业,
            // 四大领域, 十大项目 are formulations.
            let mut count = heads().any(|h| cl != '大' || !MAJOR_NAMES.contains(h));
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
                    // A space ends a phrase of a title (坚持两个导向 聚焦四个强化).
                    chars.get(e).is_some_and(|x| {
                        matches!(
                            x.1,
                            '，' | ','
                                | '。'
                                | '、'
                                | '”'
                                | '；'
                                | ';'
                                | '('
                                | '（'
                                | ' '
                                | '\u{3000}'
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
    // (轮 is a wheel here, no round of time: 双轮驱动.)
    han_at(chars, i + 1).filter(|x| {
        plain(*x) && !CLASSIFIERS.contains(x) && (!TIME_UNITS.contains(x) || *x == '轮')
    })?;
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
