//! Expansion strategies that read the heads of what follows a formulation (see
//! [`super::expand`]): of the next paragraphs, of the semicolon parts of the next
//! sentence, of items enumerated by 一是, 二是 …, each holding the key morpheme
//! ([`super::components::key`]) or as many as the numeral.

use super::classify::{is_han, CLASSIFIERS};
use super::components::{key, QUOTE_WINDOW};
use super::numerals::is_numeral;
use super::window::{find_char, head_chars};
use super::Mention;

/// The heads of the paragraphs after the occurrence (up to the first comma, colon or full
/// stop, 2–8 Han characters) that hold the key morpheme, exactly as many as the numeral:
/// 三点发力 → 夯实基点, 突出重点, 建强支点 (section heads in the next paragraphs).
pub(super) fn paragraph_heads(after: &str, m: &Mention) -> Vec<String> {
    let (Some(k), Some(&n)) = (key(m), m.value.first()) else {
        return Vec::new();
    };
    if n < 2 {
        return Vec::new();
    }
    let window = head_chars(after, QUOTE_WINDOW * 2);
    // Every head holds the key morpheme.
    if find_char(window, k).is_none() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    // The first line is the rest of the occurrence's own paragraph.
    for line in window.split('\n').skip(1) {
        let line = line.trim_start();
        let end = line
            .find(['，', ',', '。', '：', ':', '；', ';'])
            .unwrap_or(line.len());
        let head = &line[..end];
        let len = head.chars().count();
        if (2..=8).contains(&len)
            && head.chars().all(is_han)
            && head.chars().skip(1).any(|c| c == k)
            && !out.iter().any(|h| h == head)
        {
            out.push(head.to_string());
        }
    }
    if out.len() == n as usize {
        out
    } else {
        Vec::new()
    }
}

/// The heads of the semicolon-separated parts of the sentence after the occurrence, one per
/// part: the first clause of each (2–8 Han characters) that holds the key morpheme, exactly
/// as many as the numeral: “三联”即“三个工作理念”,上下联动,构建…;左右联动,推进…;党群联动,
/// 健全… → 上下联动, 左右联动, 党群联动.
pub(super) fn semicolon_heads(after: &str, m: &Mention) -> Vec<String> {
    let (Some(k), Some(&n)) = (key(m), m.value.first()) else {
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
    let fits = |c: &str| {
        (2..=8).contains(&c.chars().count())
            && c.chars().all(is_han)
            && c.chars().skip(1).any(|x| x == k)
    };
    let mut out: Vec<String> = Vec::new();
    for part in sentence.split(['；', ';']) {
        match part.split([',', '，']).map(str::trim).find(|c| fits(c)) {
            Some(head) if !out.iter().any(|h| h == head) => out.push(head.to_string()),
            _ => return Vec::new(),
        }
    }
    if out.len() == n as usize {
        out
    } else {
        Vec::new()
    }
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

/// The enumerators of the genre's lists in running text: 一是 ("first is") … 十是.
const ENUMERATORS: [&str; 10] = [
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
];

/// The heads of the items enumerated right after the occurrence by 一是, 二是, … (the
/// clause after each enumerator, quotation marks aside, 2–12 Han characters, up to the
/// first comma, colon or full stop), exactly as many as the numeral, each holding a
/// character of the formulation's name: 做到“三个主动”。一是主动学思,…二是主动创新,…三是
/// 主动作为,… → 主动学思, 主动创新, 主动作为. A predicate all the heads end in is cut off
/// (“五个突破”：一是项目工作取得新突破。…二是工业发展取得新突破。… → 项目工作, 工业发展, …).
/// 一是 must open the occurrence's own sentence or the next one.
pub(super) fn enumerated_heads(after: &str, m: &Mention) -> Vec<String> {
    let (Some(&n), 1) = (m.value.first(), m.value.len()) else {
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
    let window = head_chars(after, QUOTE_WINDOW);
    let mut out: Vec<String> = Vec::new();
    let mut pos = 0;
    for (k, marker) in ENUMERATORS[..n].iter().enumerate() {
        let Some(at) = window[pos..].find(marker) else {
            return Vec::new();
        };
        if k == 0 && window[..at].matches(['。', '\n']).count() > 1 {
            return Vec::new();
        }
        let start = pos + at + marker.len();
        let rest = &window[start..];
        let end = rest
            .find(['，', ',', '。', '：', ':', '；', ';', '\n'])
            .unwrap_or(rest.len());
        let head: String = rest[..end]
            .chars()
            .filter(|c| !matches!(c, '“' | '”' | '‘' | '’'))
            .collect();
        let len = head.chars().count();
        if !(2..=12).contains(&len)
            || !head.chars().all(is_han)
            || !head.chars().any(|c| name.contains(&c))
        {
            return Vec::new();
        }
        out.push(head);
        pos = start + end;
    }
    cut_common_tail(&mut out);
    out
}

/// Cuts the ending of two or more characters that every item of `items` shares (取得新突破),
/// when each keeps two characters or more.
fn cut_common_tail(items: &mut [String]) {
    let Some(first) = items.first() else { return };
    let mut tail: Vec<char> = first.chars().rev().collect();
    for item in items.iter().skip(1) {
        let common = item
            .chars()
            .rev()
            .zip(&tail)
            .take_while(|(a, b)| a == *b)
            .count();
        tail.truncate(common);
    }
    let shortest = items.iter().map(|i| i.chars().count()).min().unwrap_or(0);
    if tail.len() >= 2 && shortest >= tail.len() + 2 {
        for item in items.iter_mut() {
            let keep = item.chars().count() - tail.len();
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
}
