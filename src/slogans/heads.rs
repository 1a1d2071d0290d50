//! Expansion strategies that read the heads of what follows a formulation (see
//! [`super::expand()`]): of the next paragraphs, of the semicolon parts of the next
//! sentence, of items enumerated by 一是, 二是 …, each holding the key morpheme
//! ([`super::components::key`]) or as many as the numeral.

use super::classify::{is_han, CLASSIFIERS};
use super::components::{key, QUOTE_WINDOW};
use super::numerals::is_numeral;
use super::window::{find_char, head_chars};
use super::{Kind, Mention};

/// The heads of the paragraphs after the occurrence (up to the first comma, colon or full
/// stop, 2–8 Han characters) that hold the key morpheme, exactly as many as the numeral:
/// 三点发力 → 夯实基点, 突出重点, 建强支点 (section heads in the next paragraphs).
pub(super) fn paragraph_heads(after: &str, m: &Mention) -> Vec<String> {
    // A list of ones (三个一) takes longer heads, each holding 一 and a classifier (实施一批
    // 社会宣传项目, 开发一批家庭教育专题课程).
    let ones = key(m).is_none() && ones_key(m).is_some();
    let (Some(k), Some(&n)) = (key(m).or_else(|| ones_key(m)), m.value.first()) else {
        return Vec::new();
    };
    let longest = if ones { ONES_HEAD } else { 8 };
    if n < 2 {
        return Vec::new();
    }
    let window = head_chars(after, QUOTE_WINDOW * 2);
    // Every head holds the key morpheme.
    if find_char(window, k).is_none() {
        return Vec::new();
    }
    // The name after the numeral, when it has two characters or more: the heads may open
    // with it (三强化 → 强化党建引领, 强化平台建设, 强化能力提升).
    let name = name_after_numeral(m);
    let mut out: Vec<(String, bool)> = Vec::new();
    // The first line is the rest of the occurrence's own paragraph.
    for line in window.split('\n').skip(1) {
        let head = paragraph_head(line);
        let len = head.chars().count();
        let holds = if ones {
            holds_one(head)
        } else {
            head.chars().skip(1).any(|c| c == k) || opens_with_name(head, &name)
        };
        if (2..=longest).contains(&len)
            && head.chars().all(is_han)
            && holds
            && !out.iter().any(|h| h.0 == head)
        {
            out.push((head.to_string(), is_heading_line(line)));
        }
    }
    choose_heads(out, window, k, n as usize)
}

/// The most characters of a head of a list of ones ([`paragraph_heads`]).
pub(super) const ONES_HEAD: usize = 12;

/// Measure words after 一 in the items of a list of ones (一个文件, 一次会议, 一批项目,
/// 一份协议, 一套标准).
const ONE_MEASURES: &str = "个项本面条件支张步部批份套次场名位种类家座所间台块片堂封篇句道队组户";

/// True when `head` holds 一 and a measure word after its first character (出台了一个文件,
/// 召开了一次会议, 实施一批社会宣传项目): an item of a list of ones (四个一, 三个一).
pub(super) fn holds_one(head: &str) -> bool {
    let cs: Vec<char> = head.chars().collect();
    cs.windows(2)
        .skip(1)
        .any(|w| w[0] == '一' && ONE_MEASURES.contains(w[1]))
}

/// True when `line` is a heading of its own: no full stop and at most [`HEADING_LINE`]
/// characters (利用红色资源,提升党史学习教育吸引力), not a paragraph opening with a short
/// sentence (挖掘好红色资源。利用…).
pub(super) fn is_heading_line(line: &str) -> bool {
    !line.contains('。') && line.trim().chars().count() <= HEADING_LINE
}

/// The heads of [`paragraph_heads`] from the candidates found (each with whether its line
/// is a heading of its own): all of them when they are `n`, else those of heading lines
/// when those are `n` (a section's heads, not the short sentences opening its paragraphs),
/// else the second clauses of heading lines ([`heading_second_clauses`]).
pub(super) fn choose_heads(
    found: Vec<(String, bool)>,
    window: &str,
    k: char,
    n: usize,
) -> Vec<String> {
    if found.len() == n {
        return found.into_iter().map(|h| h.0).collect();
    }
    let headings: Vec<String> = found.into_iter().filter(|h| h.1).map(|h| h.0).collect();
    if headings.len() == n {
        headings
    } else {
        heading_second_clauses(window, k, n)
    }
}

/// The most characters of a heading line read by [`heading_second_clauses`].
const HEADING_LINE: usize = 30;

/// The second clauses of heading lines after the occurrence, when those hold the key
/// morpheme and the first clauses do not: lines of two clauses and no full stop
/// (利用红色资源,提升党史学习教育吸引力), exactly `n` of them, without the words all of
/// them open with (三力 → 吸引力, 感染力, 渗透力 after 提升党史学习教育). Each item is 2–8
/// Han characters holding `k` after its first character.
pub(super) fn heading_second_clauses(window: &str, k: char, n: usize) -> Vec<String> {
    let holds = |c: &str| c.chars().skip(1).any(|x| x == k);
    let mut clauses: Vec<&str> = Vec::new();
    for line in window.split('\n').skip(1) {
        let line = line.trim();
        let Some((first, second)) = line.split_once([',', '，']) else {
            continue;
        };
        let heading = line.chars().count() <= HEADING_LINE
            && !line.contains(['。', '；', ';'])
            && !second.contains([',', '，', '：', ':', '！', '？'])
            && second.chars().all(is_han)
            && !holds(first)
            && holds(second);
        if heading && !clauses.contains(&second) {
            clauses.push(second);
        }
    }
    if clauses.len() != n || n < 2 {
        return Vec::new();
    }
    // The characters all clauses open with, kept as long as every rest holds the key.
    let shortest = clauses.iter().map(|c| c.chars().count()).min().unwrap_or(0);
    let mut shared = 0;
    while shared + 2 <= shortest {
        let next = clauses[0].chars().nth(shared);
        let rest_holds = |c: &&str| holds(&c.chars().skip(shared + 1).collect::<String>());
        if clauses.iter().all(|c| c.chars().nth(shared) == next) && clauses.iter().all(rest_holds) {
            shared += 1;
        } else {
            break;
        }
    }
    let items: Vec<String> = clauses
        .iter()
        .map(|c| c.chars().skip(shared).collect())
        .collect();
    if items
        .iter()
        .all(|i: &String| (2..=8).contains(&i.chars().count()))
    {
        items
    } else {
        Vec::new()
    }
}

/// The head of a paragraph: its words up to the first comma, colon, semicolon or full
/// stop, after the section number that may open it (一、 （一） (2) 3. 4、; not the 一 of
/// 一周一碰头, which no 、 or bracket follows).
pub(super) fn paragraph_head(line: &str) -> &str {
    let line = line.trim_start();
    let line = strip_section_number(line).unwrap_or(line);
    // An enumerator of running text may open it too (一是强化党建引领。…).
    let line = without_enumerator(line);
    let end = line
        .find(['，', ',', '。', '：', ':', '；', ';'])
        .unwrap_or(line.len());
    &line[..end]
}

/// `s` without an enumerator of running text ([`ENUMERATORS`]: 一是, 二是 …) that opens it.
pub(super) fn without_enumerator(s: &str) -> &str {
    ENUMERATORS
        .iter()
        .find_map(|e| s.strip_prefix(e))
        .unwrap_or(s)
}

/// `line` after its section number (一、 二、 （三） (4) 5. 6、 7．), or `None` without one.
fn strip_section_number(line: &str) -> Option<&str> {
    let number = |s: &str| {
        let end = s
            .char_indices()
            .find(|&(_, c)| !(is_numeral(c) || c.is_ascii_digit()))
            .map_or(s.len(), |(i, _)| i);
        (end > 0 && s[..end].chars().count() <= 3).then_some(end)
    };
    if let Some(inner) = line.strip_prefix(['（', '(']) {
        let end = number(inner)?;
        let rest = inner[end..].strip_prefix(['）', ')'])?;
        return Some(rest.strip_prefix('、').unwrap_or(rest));
    }
    let end = number(line)?;
    line[end..].strip_prefix(['、', '.', '．'])
}

/// The heads of the semicolon-separated parts of the sentence after the occurrence, one per
/// part: the first clause of each (2–8 Han characters) that holds the key morpheme, exactly
/// as many as the numeral: “三联”即“三个工作理念”,上下联动,构建…;左右联动,推进…;党群联动,
/// 健全… → 上下联动, 左右联动, 党群联动.
pub(super) fn semicolon_heads(after: &str, m: &Mention) -> Vec<String> {
    let (Some(k), Some(&n)) = (key(m).or_else(|| ones_key(m)), m.value.first()) else {
        return Vec::new();
    };
    if n < 2 {
        return Vec::new();
    }
    let window = head_chars(after, QUOTE_WINDOW);
    let sentence = &window[..window.find(['。', '\n']).unwrap_or(window.len())];
    if !sentence.contains(['；', ';']) || find_char(sentence, k).is_none() {
        return Vec::new();
    }
    // The name after the numeral, when it has two characters or more: the heads may open
    // with it (三强化 → 强化班子建设, 强化决策机制, 强化责任落实).
    let name = name_after_numeral(m);
    let fits = |c: &str| {
        (2..=8).contains(&c.chars().count())
            && c.chars().all(is_han)
            && (c.chars().skip(1).any(|x| x == k) || opens_with_name(c, &name))
    };
    let mut out: Vec<String> = Vec::new();
    for (i, part) in sentence.split(['；', ';']).enumerate() {
        // The first part may open with the definition's verb or a colon: “六个一”工作法即
        // 一周一碰头,…; “三强化”举措筑牢发展根基:强化班子建设,…
        let part = match part.rfind(['即', '：', ':']) {
            Some(at) if i == 0 => &part[at + part[at..].chars().next().map_or(1, char::len_utf8)..],
            _ => part,
        };
        // …and the preposition of means after it (即通过发布一个电话号码,…); a quoted word
        // inside a head is the head's (派送一张“爱心卡”).
        let part = part.strip_prefix("通过").unwrap_or(part);
        let head = part
            .split([',', '，'])
            .map(|c| c.trim().replace(['“', '”'], ""))
            .find(|c| fits(c));
        match head {
            Some(head) if !out.contains(&head) => out.push(head),
            _ => return Vec::new(),
        }
    }
    if out.len() == n as usize {
        out
    } else {
        Vec::new()
    }
}

/// The key of a list of ones, N个一 (六个一 = 一周一碰头, 一旬一指导, …): 一, which each of
/// its items holds.
pub(super) fn ones_key(m: &Mention) -> Option<char> {
    (m.kind == Kind::NumberedList && m.value.len() == 2 && m.value[1] == 1).then_some('一')
}

/// The subjects of the semicolon parts of a glossary entry right after a numbered list
/// (“八个增长”：国内生产总值19.5亿元，增长15.6%；固定资产投资33.6亿元，增长55%；…): the
/// words of each part before its first digit or comma (2–12 Han characters), when there
/// are exactly as many parts as the numeral and each part repeats the list's head noun
/// (增长) → 国内生产总值, 固定资产投资, ….
pub(super) fn semicolon_subjects(after: &str, m: &Mention) -> Vec<String> {
    let (Some(&n), 1) = (m.value.first(), m.value.len()) else {
        return Vec::new();
    };
    // The head noun: the name after its numeral and classifier (八个增长 → 增长).
    let head: String = m
        .normalized
        .chars()
        .skip_while(|&c| is_numeral(c) || CLASSIFIERS.contains(&c))
        .collect();
    let Some(entry) = after
        .trim_start_matches(['”', '’'])
        .strip_prefix(['：', ':'])
    else {
        return Vec::new();
    };
    if head.chars().count() < 2 || n < 2 {
        return Vec::new();
    }
    let window = head_chars(entry, QUOTE_WINDOW);
    let sentence = &window[..window.find(['。', '\n']).unwrap_or(window.len())];
    let parts: Vec<&str> = sentence.split(['；', ';']).collect();
    if parts.len() != n as usize || !parts.iter().all(|p| p.contains(head.as_str())) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let end = part
            .find(|c: char| c.is_ascii_digit() || matches!(c, '，' | ','))
            .unwrap_or(part.len());
        let subject = part[..end].trim();
        let len = subject.chars().count();
        if !(2..=12).contains(&len) || !subject.chars().all(is_han) {
            return Vec::new();
        }
        out.push(subject.to_string());
    }
    out
}

/// The name of `m` after its numerals and a classifier (三强化, 三个强化 → 强化).
fn name_after_numeral(m: &Mention) -> String {
    let mut rest = m.normalized.trim_start_matches(is_numeral);
    if let Some(c) = rest.chars().next().filter(|c| CLASSIFIERS.contains(c)) {
        rest = &rest[c.len_utf8()..];
    }
    rest.to_string()
}

/// True when `head` opens with `name` of two characters or more and goes on past it.
fn opens_with_name(head: &str, name: &str) -> bool {
    name.chars().count() >= 2 && head.len() > name.len() && head.starts_with(name)
}

/// The enumerators of the genre's lists in running text: 一是 ("first is") … 十是.
const ENUMERATORS: [&str; 10] = [
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
];

/// Characters that make a formulation's name one of measures (措, 招, 策: 三措并举, 五招).
const MEASURES: &str = "措招策";

/// The most characters of a head after 一是 (开展扬尘污染和噪音扰民整治行动: 15).
const ENUMERATED_HEAD: usize = 16;

/// The heads of the items enumerated right after the occurrence by 一是, 二是, … (the
/// clause after each enumerator, quotation marks aside, 2–16 Han characters, up to the
/// first comma, colon or full stop), exactly as many as the numeral, each holding a
/// character of the formulation's name: 做到“三个主动”。一是主动学思,…二是主动创新,…三是
/// 主动作为,… → 主动学思, 主动创新, 主动作为. A predicate all the heads end in is cut off
/// (“五个突破”：一是项目工作取得新突破。…二是工业发展取得新突破。… → 项目工作, 工业发展, …).
/// A head without such a character gives way to the clause after it when that one holds
/// one (一是系统谋划,在“干”字上提效力 for 三力 → 在干字上提效力). 一是 must open the
/// occurrence's own sentence or the next one.
pub(super) fn enumerated_heads(after: &str, m: &Mention) -> Vec<String> {
    // A list of ones (四个一) has two numerals; its heads each hold 一 and a classifier
    // (一是出台了一个文件。…二是组建了一支队伍。…), and they may start a paragraph or two
    // later (after the title that names it).
    let ones = ones_key(m).is_some();
    let (Some(&n), true) = (m.value.first(), m.value.len() == 1 || ones) else {
        return Vec::new();
    };
    let n = n as usize;
    if !(2..=ENUMERATORS.len()).contains(&n) {
        return Vec::new();
    }
    let name: Vec<char> = m
        .normalized
        .chars()
        .filter(|&c| is_han(c) && !is_numeral(c) && !CLASSIFIERS.contains(&c))
        .collect();
    // A name of measures (三措并举, 四举措, 五招, 三策) holds none of its heads' characters
    // (三措并举推进殡葬改革。一是重宣传。二是明责任。三是建公墓。): any heads will do.
    let measures = name.iter().any(|c| MEASURES.contains(*c));
    let window = head_chars(after, QUOTE_WINDOW);
    let mut out: Vec<String> = Vec::new();
    let mut pos = 0;
    for (k, marker) in ENUMERATORS[..n].iter().enumerate() {
        let Some(at) = window[pos..].find(marker) else {
            return Vec::new();
        };
        // Text after the occurrence's own sentence (blank lines aside) before 一是.
        let between = window[pos..pos + at]
            .split(['。', '\n'])
            .skip(1)
            .any(|p| !p.trim().is_empty());
        if k == 0 && between && !ones {
            return Vec::new();
        }
        let start = pos + at + marker.len();
        let rest = &window[start..];
        let clause_end = |s: &str| {
            s.find(['，', ',', '。', '：', ':', '；', ';', '\n'])
                .unwrap_or(s.len())
        };
        let end = clause_end(rest);
        let bare = |s: &str| -> String {
            s.chars()
                .filter(|c| !matches!(c, '“' | '”' | '‘' | '’'))
                .collect()
        };
        let shaped =
            |h: &str| (2..=ENUMERATED_HEAD).contains(&h.chars().count()) && h.chars().all(is_han);
        let holds = |h: &str| {
            if ones {
                holds_one(h)
            } else {
                measures || h.chars().any(|c| name.contains(&c))
            }
        };
        let mut head = bare(&rest[..end]);
        let mut end = end;
        // A head without the name's character may be a heading whose second clause holds
        // it (一是系统谋划,在“干”字上提效力 for 三力).
        if shaped(&head) && !holds(&head) && rest[end..].starts_with(['，', ',']) {
            let from = end + rest[end..].chars().next().map_or(1, char::len_utf8);
            let second = bare(&rest[from..from + clause_end(&rest[from..])]);
            if shaped(&second) && holds(&second) {
                head = second;
                end = from + clause_end(&rest[from..]);
            }
        }
        if !shaped(&head) || !holds(&head) {
            return Vec::new();
        }
        out.push(head);
        pos = start + end;
    }
    // A tail the name ends in is the heads' noun (六大基础建设: …设施建设), no predicate.
    if !m.normalized.ends_with(&super::tidy::common_ending(&out)) {
        cut_common_tail(&mut out);
    }
    cut_common_lead(&mut out, &m.normalized);
    out
}

/// Cuts a lead verb that opens every one of `items` and is not in the formulation's
/// `name` (一是推进城市公共服务设施建设;二是推进… → 城市公共服务设施建设; not 三个强化's
/// 强化), when each keeps two characters or more.
fn cut_common_lead(items: &mut [String], name: &str) {
    let Some(verb) = items.first().and_then(|f| f.get(..6)) else {
        return;
    };
    let verb = verb.to_string();
    if super::tidy::is_lead_verb(&verb)
        && !name.contains(&verb)
        && items
            .iter()
            .all(|i| i.starts_with(&verb) && i.chars().count() >= 4)
    {
        for item in items.iter_mut() {
            *item = item[verb.len()..].to_string();
        }
    }
}

/// Cuts the ending of two or more characters that every item of `items` shares (取得新突破),
/// when each keeps two characters or more.
fn cut_common_tail(items: &mut [String]) {
    let tail = super::tidy::common_ending(items).chars().count();
    let shortest = items.iter().map(|i| i.chars().count()).min().unwrap_or(0);
    if tail >= 2 && shortest >= tail + 2 {
        for item in items.iter_mut() {
            let keep = item.chars().count() - tail;
            *item = item.chars().take(keep).collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::components::tests::mention;
    use super::*;

    #[test]
    fn section_heads() {
        let t = "三点发力\n开头一段,三点发力。\n夯实基点,发展。\n突出重点,推进。\n建强支点,健全。";
        assert_eq!(
            paragraph_heads(&t[t.find('\n').unwrap_or(0)..], &mention(t, "三点发力")),
            ["夯实基点", "突出重点", "建强支点"]
        );
    }

    #[test]
    fn section_heads_after_their_numbers() {
        let t = "用好“三心”。\n一、精心指导,引导。\n（二）同心创建,推进。\n3.倾心发掘,树立。";
        assert_eq!(
            paragraph_heads(&t[t.find('\n').unwrap_or(0)..], &mention(t, "三心")),
            ["精心指导", "同心创建", "倾心发掘"]
        );
        // No section number: the 一 of 一周一碰头 stays.
        assert_eq!(paragraph_head("一周一碰头,每周一上午"), "一周一碰头");
        assert_eq!(paragraph_head("(12)网格管理："), "网格管理");
        // An enumerator of running text opens a head too (b13: 一是强化党建引领。).
        assert_eq!(paragraph_head("一是抓学习,"), "抓学习");
    }

    /// The mention of 三个一 in `t`, as extraction finds it (a numbered list).
    fn ones(t: &str) -> Mention {
        let found = super::super::extract(t);
        let m = found.into_iter().find(|m| m.normalized == "三个一");
        let m = m.unwrap_or_else(|| panic!("三个一 not found"));
        assert_eq!(m.kind, Kind::NumberedList);
        m
    }

    #[test]
    fn the_parts_of_a_list_of_ones_after_its_definition() {
        // 吉县 (lfxww.com, shortened): the first part opens with 即.
        let t = "“三个一”工作法即一周一碰头,每周一上午召开碰头会议,学习政策、通报情况;\
                 一旬一指导,指导员每旬开展一次指导;半年一述职,半年开展一次工作述评会。";
        let m = ones(t);
        assert_eq!(
            semicolon_heads(&t[m.end..], &m),
            ["一周一碰头", "一旬一指导", "半年一述职"]
        );
        // Two parts for three ones: nothing.
        let t = "“三个一”工作法即一周一碰头,每周开会;一旬一指导,每旬指导。";
        let m = ones(t);
        assert!(semicolon_heads(&t[m.end..], &m).is_empty());
    }
}
