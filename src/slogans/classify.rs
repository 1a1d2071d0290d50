//! Classification of a candidate string and its normalisation (shapes: [`mod@super::shape`]).

use super::numerals::{digit_value, is_numeral};
use super::Kind;

/// True for a CJK unified ideograph (the Han characters of running text).
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Classifiers (量词) that turn numeral + noun into a numbered list: 两个全覆盖, 五项权利,
/// 四大体系, 五本台账, 十面红旗, 三件大事, 五步工作法 (a method of five steps), 两部条例 (of
/// laws and books).
pub(crate) const CLASSIFIERS: &[char] = &[
    '个', '项', '大', '本', '面', '条', '件', '支', '张', '步', '部',
];

/// Characters after 部 that make it the start of a word (三部门, 两部委, 四部分, 三部署),
/// no classifier.
pub(crate) const WORDS_OF_BU: &str = "门委分位署长队落件首属室级际";

/// True when `cl`, followed by `next`, is a classifier ([`CLASSIFIERS`]).
pub(crate) fn is_classifier(cl: char, next: Option<char>) -> bool {
    CLASSIFIERS.contains(&cl) && !(cl == '部' && next.is_some_and(|n| WORDS_OF_BU.contains(n)))
}

/// Units after a digit run that make it an amount, a time or a count, never a code.
const UNITS: &[&str] = &[
    "小时", "分钟", "年", "月", "日", "天", "周", "个", "万", "亿", "元", "%", "人", "户", "家",
    "名", "次", "岁", "平方", "公里", "米", "项", "号", "件", "余", "多",
];

/// Characters that end a quoted candidate as direct speech or a sentence.
const SENTENCE_PUNCT: &[char] = &['。', '？', '！', '；', '：', '?', '!', ';', ':', '《', '》'];

/// Classifies the content of a quotation; returns kind, normalised form and shape, or `None`
/// when the content is no formulation or slogan (too short, too long, a sentence). The
/// normalised form has no quotation marks: those of a quotation inside it go
/// ([`without_inner_quotes`]).
pub(crate) fn classify_quoted(content: &str) -> Option<(Kind, String)> {
    classify_marked(content).map(|(k, n)| (k, without_inner_quotes(n)))
}

/// The marks of a quotation inside a quotation (‘’, 『』), which the normalised form drops
/// (“办事不出村、群众‘零跑腿’” → 办事不出村、群众零跑腿).
const INNER_QUOTES: [char; 4] = ['‘', '’', '『', '』'];

/// `n` without the [`INNER_QUOTES`] (no copy when it has none).
pub(crate) fn without_inner_quotes(n: String) -> String {
    if n.contains(INNER_QUOTES) {
        n.replace(INNER_QUOTES, "")
    } else {
        n
    }
}

/// [`classify_quoted`] before the inner quotation marks are dropped.
fn classify_marked(content: &str) -> Option<(Kind, String)> {
    let c = content.trim();
    let c = list_with_stop(c).unwrap_or(c);
    // Every property the rules below ask for, in one pass over the characters.
    let mut han = 0usize;
    let mut alnum = 0usize;
    let (mut sentence, mut plus, mut we, mut all_han) = (false, false, false, true);
    let mut prev = '\0';
    for ch in c.chars() {
        if is_han(ch) {
            han += 1;
            // 我们, 你们, 咱们: direct speech.
            we |= ch == '们' && matches!(prev, '我' | '你' | '咱');
        } else {
            all_han = false;
            if ch.is_ascii_alphanumeric() {
                alnum += 1;
            } else {
                sentence |= ch == '\n' || SENTENCE_PUNCT.contains(&ch);
                plus |= ch == '+';
            }
        }
        prev = ch;
    }
    if c.is_empty() || sentence || has_enumerator(c) {
        return None;
    }
    if let Some(formula) = plus_lost(c) {
        return Some((Kind::Numeric, formula));
    }
    if let Some(r) = classify_numeric(c) {
        return Some(r);
    }
    if plus && han > 0 {
        return Some((Kind::Plus, c.to_string()));
    }
    if han + alnum > 16 && all_han_list(c) && !we {
        return Some((Kind::QuotedSlogan, c.to_string()));
    }
    if han + alnum < 2 || han + alnum > 16 || han == 0 {
        return None;
    }
    if (we && !is_our_title(c)) || is_direct_speech(c) {
        return None;
    }
    if han <= 3 && is_date_name(c) {
        return None;
    }
    if let Some(kind) = digit_led_kind(c) {
        return Some((kind, c.to_string()));
    }
    if all_han && c.chars().next().is_some_and(is_numeral) {
        // All Han, so at most 16 characters.
        let mut buf = ['\0'; 16];
        for (slot, ch) in buf.iter_mut().zip(c.chars()) {
            *slot = ch;
        }
        let kind = numeral_kind(&buf[..han]);
        return Some((kind, compound_name(kind, c)));
    }
    Some((Kind::QuotedSlogan, tidy_list_marks(c)))
}

/// True when `c` holds a bracketed number, the enumerator of a list item ((1), （2）): a
/// quotation holding one was left open and closed by the next opening mark (1、“三会一课制度
/// (1)“三会一课制度包括…), no formulation.
fn has_enumerator(c: &str) -> bool {
    c.match_indices(['(', '（']).any(|(i, open)| {
        let rest = &c[i + open.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with([')', '）'])
    })
}

/// A quoted list with a comma doubled before another mark by a scraper (“人,、治,、物、效”)
/// named with the one mark: 人、治、物、效.
fn tidy_list_marks(c: &str) -> String {
    let mut out = String::with_capacity(c.len());
    let mut chars = c.chars().peekable();
    while let Some(ch) = chars.next() {
        let doubled = matches!(ch, ',' | '，')
            && chars
                .peek()
                .is_some_and(|n| matches!(n, ',' | '，' | '、' | '·'));
        if !doubled {
            out.push(ch);
        }
    }
    out
}

/// True for a title of the form 我们的 + a noun, five Han characters or six (我们的节日, the
/// national campaign of the traditional festivals; 我们的家园): a name, no speech.
pub(crate) fn is_our_title(c: &str) -> bool {
    c.strip_prefix("我们的")
        .is_some_and(|n| (2..=3).contains(&n.chars().count()) && n.chars().all(is_han))
}

/// A quoted list of short parallel phrases closed by a full stop inside the quotation
/// (“党组织领、党员带、群众跟。”): the list without the stop. Two phrases or more, joined by
/// 、 or commas, each of 2–7 Han characters.
pub(crate) fn list_with_stop(c: &str) -> Option<&str> {
    let list = c.strip_suffix(['。', '！', '!'])?;
    let mut phrases = 0;
    for p in list.split(['、', '，', ',']) {
        if !(2..=7).contains(&p.chars().count()) || !p.chars().all(is_han) {
            return None;
        }
        phrases += 1;
    }
    (phrases >= 2).then_some(list)
}

/// True for a quoted list of parallel phrases, the genre's long slogans (“分组共建聚合力、
/// 点面结合解难题、典型回响促深化”; “党组织建在产业链上、党员聚在产业链上、群众富在产业链
/// 上”): three phrases or more joined by 、 or commas, each of 3–12 Han characters and none
/// more than twice as long as another, 48 Han characters at most, with no marks of speech
/// ([`SPEECH_MARKS`]); not a list of numbered
/// formulations (“两个确立、做到两个维护、…”, “一年一规划、一乡一台账、…”: two phrases or more
/// holding a numeral other than 一, or 一 twice in six characters at most), which are found
/// one by one.
pub(crate) fn all_han_list(c: &str) -> bool {
    let mut lengths = Vec::new();
    let mut numbered = 0;
    for p in c.split(['、', '，', ',']) {
        if !p.chars().all(is_han) || p.contains(SPEECH_MARKS) {
            return false;
        }
        lengths.push(p.chars().count());
        let ones = p.chars().filter(|&ch| ch == '一').count();
        let alternation = ones >= 2 && p.chars().count() <= 6;
        numbered += usize::from(alternation || p.chars().any(|ch| is_numeral(ch) && ch != '一'));
    }
    if numbered >= 2 && !is_graded(c) {
        return false;
    }
    let (Some(&min), Some(&max)) = (lengths.iter().min(), lengths.iter().max()) else {
        return false;
    };
    lengths.len() >= 3
        && min >= 3
        && max <= 12
        && max <= 2 * min
        && lengths.iter().sum::<usize>() <= 48
}

/// True when the items of the list `c` open with the numerals 一, 二, 三 … in turn, each
/// followed by the same character (一级网格明责任、二级网格定任务、三级网格抓落实): the grades
/// of one slogan, not a list of numbered formulations.
fn is_graded(c: &str) -> bool {
    let mut unit = None;
    c.split(['、', '，', ',']).enumerate().all(|(i, p)| {
        let mut chars = p.chars();
        let (Some(n), Some(u)) = (chars.next(), chars.next()) else {
            return false;
        };
        let step = digit_value(n) == u32::try_from(i + 1).ok();
        step && !is_numeral(u) && *unit.get_or_insert(u) == u
    })
}

/// Particles and demonstratives of speech, which a long slogan does not use (“有了这个歇脚地，
/// 天气再冷，心里也是暖的”: a rider's words).
const SPEECH_MARKS: [char; 10] = ['了', '这', '那', '也', '很', '吧', '呢', '吗', '啊', '呀'];

/// Han numerals for the digits 0–9.
const HAN_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The kind of a quotation of one digit (2–9) and 2–6 Han characters, read as if the digit
/// were a Han numeral (“3屏办理” as 三屏办理: a numeral compound), unless a unit follows the
/// digit (“3天”, “2号楼”: amounts and places).
pub(crate) fn digit_led_kind(c: &str) -> Option<Kind> {
    let mut cs = c.chars();
    let d = cs.next()?.to_digit(10).filter(|d| (2..=9).contains(d))?;
    let rest = cs.as_str();
    let n = rest.chars().count();
    if !(2..=6).contains(&n)
        || !rest.chars().all(is_han)
        || UNITS.iter().any(|u| rest.starts_with(u))
    {
        return None;
    }
    let mut buf = ['\0'; 7];
    buf[0] = HAN_DIGITS[d as usize];
    for (slot, ch) in buf[1..].iter_mut().zip(rest.chars()) {
        *slot = ch;
    }
    Some(numeral_kind(&buf[..=n]))
}

/// A digit formula whose `+` signs became spaces (a `+` in a web address's query decodes to
/// a space, so scraped pages lose them: “1 6 N”, “1 16 n”, “1 2 6”), with the signs back:
/// three terms or more, each one or two digits or one Latin letter, the first digits. Digits
/// counting up from 1 (“1 2 3 4”: one organisation, two rules, three activities, four tasks)
/// are a code spaced out, joined without signs (1234).
pub(crate) fn plus_lost(c: &str) -> Option<String> {
    let terms: Vec<&str> = c.split([' ', '\u{a0}']).collect();
    let digits = |t: &str| (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let letter = |t: &str| t.len() == 1 && t.bytes().all(|b| b.is_ascii_alphabetic());
    if terms.len() < 3 || !digits(terms[0]) || !terms.iter().all(|t| digits(t) || letter(t)) {
        return None;
    }
    let counting = terms
        .iter()
        .zip(1..)
        .all(|(t, k)| t.parse::<u32>() == Ok(k));
    Some(terms.join(if counting { "" } else { "+" }))
}

/// Holidays and anniversaries named by their month and day in numerals: 五一 (1 May,
/// Labour Day), 五四 (4 May, Youth Day), 六一 (1 June, Children's Day), 七一 (1 July, the
/// Party's founding day), 八一 (1 August, Army Day), 十一 (1 October, National Day), 三八
/// (8 March, Women's Day), 七七 (7 July 1937), 九一八 (18 September 1931). Quoted (庆“七一”)
/// they name a day, not a formulation. Only these: other numeral pairs are formulations
/// (“九五”普法规划, the ninth five-year plan of legal education).
pub(crate) const HOLIDAYS: &[&str] = &[
    "五一",
    "五四",
    "六一",
    "七一",
    "八一",
    "十一",
    "三八",
    "七七",
    "九一八",
];

/// True for one of the [`HOLIDAYS`].
fn is_date_name(c: &str) -> bool {
    HOLIDAYS.contains(&c)
}

/// Pronouns and particles that mark quoted direct speech rather than a slogan (besides
/// 我们, 你们 and 咱们 anywhere, which [`classify_quoted`] finds in its pass). A campaign
/// named 我为… ("I [do something] for …": 我为群众办实事, the national practice campaign of
/// 2021) is a slogan; speech that starts so follows a verb of saying, which
/// `direct_speech_before` in the extractor catches.
fn is_direct_speech(c: &str) -> bool {
    let first = c.chars().next();
    (matches!(first, Some('我' | '你' | '咱' | '他' | '她'))
        && !c.starts_with("我为")
        && !is_our_title(c))
        || ["吗", "呢", "吧", "啊"].iter().any(|m| c.ends_with(m))
}

/// Tail words that a quoted numeral compound is named without (“三联机制” → 三联), as when
/// they follow the quotation (“三联”机制).
const COMPOUND_TAILS: [&str; 3] = ["机制", "模式", "工作"];

/// The name of the quoted numeral compound `c` of kind `kind`: without one of
/// [`COMPOUND_TAILS`] when what is left is a compound of two characters or more.
fn compound_name(kind: Kind, c: &str) -> String {
    if kind == Kind::NumeralCompound {
        for tail in COMPOUND_TAILS {
            if let Some(rest) = c.strip_suffix(tail) {
                let chars: Vec<char> = rest.chars().collect();
                if chars.len() >= 2 && is_compound(&chars) {
                    return rest.to_string();
                }
            }
        }
    }
    c.to_string()
}

/// The kind of an all-Han string that starts with a numeral.
fn numeral_kind(chars: &[char]) -> Kind {
    match chars.get(1) {
        // (部 is also a noun, "department": 一部一基地六中心 is a compound.)
        Some(&cl)
            if is_classifier(cl, chars.get(2).copied())
                && chars.len() >= 3
                && !(cl == '部' && is_compound(chars)) =>
        {
            Kind::NumberedList
        }
        _ if is_compound(chars) => Kind::NumeralCompound,
        _ => Kind::QuotedSlogan,
    }
}

/// True when `chars` is a numeral compound: at least two numeral-led segments of 1–4
/// characters (两区一中心, 一网三治五心), or a numeral other than 一 with 1–3 characters
/// (五星, 三治融合 in quotes), or numerals only (十五五).
pub(crate) fn is_compound(chars: &[char]) -> bool {
    if chars.is_empty() || !is_numeral(chars[0]) || chars.len() > 12 {
        return false;
    }
    let mut groups = 0;
    let mut seg = 0;
    let mut prev_num = false;
    for &ch in chars {
        if is_numeral(ch) {
            if !prev_num {
                if groups > 0 && !(1..=4).contains(&seg) {
                    return false;
                }
                groups += 1;
                seg = 0;
            }
            prev_num = true;
        } else {
            seg += 1;
            prev_num = false;
        }
    }
    if seg > 4 {
        return false;
    }
    if groups >= 2 || seg == 0 {
        return true;
    }
    chars[0] != '一' && chars.len() <= 4
}

/// Head nouns that name what a digit code stands for, after which the code may carry a
/// longer description in the same quotation: “1446城市基层党建体系” is the code 1446.
const CODE_HEADS: &[&str] = &[
    "体系",
    "模式",
    "机制",
    "工作法",
    "工程",
    "格局",
    "品牌",
    "行动",
    "计划",
    "战略",
];

/// The most Han characters a quotation may hold after a digit formula or code and still
/// be named by it (a description ending in one of [`CODE_HEADS`] for a bare code).
const CODE_TAIL: usize = 8;

/// Digit formulas and codes: `1+5+N`, `136`, `365工作法` (named `365`), `3个1`; a formula
/// or a code of three digits or more quoted with its head noun is named by the formula
/// or code (`1+3+N模式` → `1+3+N`, `1446城市基层党建体系` → `1446`), as when the head
/// noun follows the quotation (“136”工作体系).
pub(crate) fn classify_numeric(c: &str) -> Option<(Kind, String)> {
    let b = c.as_bytes();
    let digits = b.iter().take_while(|x| x.is_ascii_digit()).count();
    // N first: “N+1” (many plus one), quoted alone.
    if digits == 0 {
        let n_first = c.strip_prefix("N+").is_some_and(|r| {
            !r.is_empty() && r.len() <= 3 && r.bytes().all(|x| x.is_ascii_digit())
        });
        return n_first.then(|| (Kind::Numeric, c.to_string()));
    }
    if is_digit_formula(c) {
        return Some((Kind::Numeric, c.to_string()));
    }
    let ascii = b.iter().take_while(|x| x.is_ascii()).count();
    let tail = &c[ascii..];
    let han_tail = (1..=CODE_TAIL).contains(&tail.chars().count()) && tail.chars().all(is_han);
    if ascii > digits && han_tail && is_digit_formula(&c[..ascii]) {
        return Some((Kind::Numeric, c[..ascii].to_string()));
    }
    let rest = &c[digits..];
    // A count with more to come, quoted alone: “3+”司法服务模式.
    if rest == "+" && digits <= 2 {
        return Some((Kind::Numeric, c.to_string()));
    }
    if rest.is_empty() {
        return (digits >= 2).then(|| (Kind::Numeric, c.to_string()));
    }
    // 3个1: a count of ones.
    if let Some(tail) = rest.strip_prefix('个') {
        if !tail.is_empty() && tail.bytes().all(|x| x.is_ascii_digit()) && digits == 1 {
            return Some((Kind::Numeric, c.to_string()));
        }
        return None;
    }
    if digits >= 3 && !UNITS.iter().any(|u| rest.starts_with(u)) {
        let suffix = rest.chars().count();
        let named = suffix <= 4 || CODE_HEADS.iter().any(|h| rest.ends_with(h));
        if named && (1..=CODE_TAIL).contains(&suffix) && rest.chars().all(is_han) {
            return Some((Kind::Numeric, c[..digits].to_string()));
        }
    }
    None
}

/// `1+5+N`: digit/letter terms joined by `+`, starting with a digit, at least one `+`.
pub(crate) fn is_digit_formula(c: &str) -> bool {
    let mut parts = c.split('+');
    let first = parts.next().unwrap_or("");
    if first.is_empty() || !first.bytes().all(|x| x.is_ascii_digit()) {
        return false;
    }
    let mut n = 0;
    for p in parts {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|x| x.is_ascii_alphanumeric()) {
            return false;
        }
        n += 1;
    }
    n >= 1
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;
