//! More expansion strategies (see [`super::expand`]): components named by quoted items or
//! paragraph heads that repeat the formulation's key morpheme, and compounds expanded part
//! by part.

use super::classify::{is_han, CLASSIFIERS};
use super::expand::{expand_with, Memo};
use super::numerals::is_numeral;
use super::unquoted::ACTIONS;
use super::window::{find_char, head_chars, tail_chars};
use super::{Consistency, Kind, Mention};

/// How many characters around the occurrence are searched for quoted items.
const QUOTE_WINDOW: usize = 1500;

/// The key morpheme of a one-numeral compound: the character after the numeral (化 of 三化,
/// 点 of 三点发力), or `None` for other mentions.
fn key(m: &Mention) -> Option<char> {
    if m.kind != Kind::NumeralCompound || m.value.len() != 1 {
        return None;
    }
    m.normalized.chars().find(|c| !is_numeral(*c))
}

/// A run of adjacent quotations near the occurrence (before or after, within 1500
/// characters), each of 3–8 Han characters holding the key morpheme after its first
/// character, exactly as many as the numeral: 三化 → “工程化设计”“项目化推进”“品牌化引领”;
/// or one quotation listing them, each of 2–8 Han characters holding the key morpheme
/// anywhere: 四早 → “早发现、早报告、早隔离、早治疗”.
pub(super) fn quoted_with_key(text: &str, m: &Mention) -> Vec<String> {
    let (Some(k), Some(&n)) = (key(m), m.value.first()) else {
        return Vec::new();
    };
    let n = n as usize;
    // Only a run of exactly n ≥ 2 items is taken.
    if n < 2 {
        return Vec::new();
    }
    let before = tail_chars(text.get(..m.start).unwrap_or(""), QUOTE_WINDOW);
    let after = head_chars(text.get(m.end..).unwrap_or(""), QUOTE_WINDOW);
    // Every item holds the key morpheme (and a quotation mark precedes it).
    if find_char(before, k).is_none() && find_char(after, k).is_none() {
        return Vec::new();
    }
    // The occurrence itself is left out: a run may join quotations on both sides of it.
    let mut window = String::with_capacity(before.len() + after.len());
    window.push_str(before);
    window.push_str(after);
    let fits = |item: &str| {
        let len = item.chars().count();
        (3..=8).contains(&len) && item.chars().all(is_han) && item.chars().skip(1).any(|c| c == k)
    };
    // A run from every opening mark, in order (one search of the window for them all).
    let listed = |item: &str| {
        let len = item.chars().count();
        (2..=8).contains(&len) && item.chars().all(is_han) && item.contains(k)
    };
    for open in memchr::memmem::find_iter(window.as_bytes(), "“".as_bytes()) {
        let mut run: Vec<String> = Vec::new();
        let mut cur = window.get(open..).unwrap_or("");
        // One quotation listing the items.
        let quoted = cur.strip_prefix('“').and_then(|r| {
            let close = find_char(head_chars(r, 9 * n), '”')?;
            Some(&r[..close])
        });
        if let Some(q) = quoted.filter(|q| q.contains('、')) {
            let items: Vec<&str> = q.split('、').collect();
            if items.len() == n && items.iter().all(|i| listed(i)) {
                return items.iter().map(|i| i.to_string()).collect();
            }
        }
        while let Some(r) = cur.strip_prefix('“') {
            // An item fits in 8 characters: a closing mark further on (or none) ends the run.
            let Some(close) = find_char(head_chars(r, 9), '”') else {
                break;
            };
            let item = &r[..close];
            if !fits(item) {
                break;
            }
            run.push(item.to_string());
            cur = r[close + '”'.len_utf8()..].trim_start_matches('、');
        }
        if run.len() == n {
            return run;
        }
    }
    Vec::new()
}

/// The longest item, in characters, of a list in running text that [`listed_with_key`] reads.
const LISTED_ITEM: usize = 4;

/// Joint verbs that may stand after a list in place of a formulation's own (自治、法治、德治
/// 相结合 for 三治融合).
const JOINED: [&str; 3] = ["相结合", "结合", "并重"];

/// A list in running text near the occurrence (within [`QUOTE_WINDOW`] characters) of
/// exactly as many items as the numeral, joined by 、, each of 2–4 Han characters ending in
/// the key morpheme and all of one length, and followed by what names it: the rest of the
/// formulation (三治融合 → 自治、法治、德治融合的…), another joint verb when that rest is one
/// (…的自治、法治、德治相结合的…), or the formulation's numeral and key morpheme (标准化、
/// 项目化、品牌化“三化推进法” for 三化推进). The first item is as long as the others (the
/// clause before it is cut off), the last is read up to its key morpheme. A list followed
/// by anything else is left (开发区党委、管委会每月… is no 两委; 治理系统化、规范化、法治化
/// 水平 no 三化 of industry).
pub(super) fn listed_with_key(text: &str, m: &Mention) -> Vec<String> {
    let (Some(k), Some(&n)) = (key(m), m.value.first()) else {
        return Vec::new();
    };
    let n = n as usize;
    if n < 2 {
        return Vec::new();
    }
    let Some(key_end) = m.normalized.find(k).map(|p| p + k.len_utf8()) else {
        return Vec::new();
    };
    let (head, rest) = m.normalized.split_at(key_end);
    let joint = ACTIONS.contains(&rest);
    let names_it = |next: &str| {
        let next = next.trim_start_matches(['“', '‘']);
        (!rest.is_empty() && next.starts_with(rest))
            || next.starts_with(head)
            || (joint && ACTIONS.iter().chain(&JOINED).any(|a| next.starts_with(a)))
    };
    let before = tail_chars(text.get(..m.start).unwrap_or(""), QUOTE_WINDOW);
    let after = head_chars(text.get(m.end..).unwrap_or(""), QUOTE_WINDOW);
    for window in [before, after] {
        // Each clause (a run of Han characters and 、) with exactly n - 1 of 、.
        let ends = window
            .char_indices()
            .filter(|&(_, c)| !is_han(c) && c != '、')
            .map(|(i, _)| i)
            .chain([window.len()]);
        let mut start = 0;
        for end in ends {
            let clause = &window[start..end];
            let clause_start = start;
            start = (end + 1..=window.len())
                .find(|&i| window.is_char_boundary(i))
                .unwrap_or(window.len());
            let parts: Vec<Vec<char>> = clause.split('、').map(|p| p.chars().collect()).collect();
            if parts.len() != n {
                continue;
            }
            // The length of an item: where the key morpheme ends the last part's first word.
            let Some(len) = parts[n - 1].iter().position(|&c| c == k).map(|p| p + 1) else {
                continue;
            };
            let last: String = parts[n - 1][..len].iter().collect();
            let last_at = clause_start + clause.rfind('、').map_or(0, |p| p + '、'.len_utf8());
            if !names_it(&window[last_at + last.len()..]) {
                continue;
            }
            let ends_in_key = |item: &[char]| item.len() == len && item.last() == Some(&k);
            let first = &parts[0][parts[0].len().saturating_sub(len)..];
            let middle_fit = parts[1..n - 1].iter().all(|p| ends_in_key(p));
            if (2..=LISTED_ITEM).contains(&len) && ends_in_key(first) && middle_fit {
                let mut items: Vec<String> = vec![first.iter().collect()];
                items.extend(parts[1..n - 1].iter().map(|p| p.iter().collect::<String>()));
                items.push(last);
                return items;
            }
        }
    }
    Vec::new()
}

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

/// A compound of several numeral groups expanded part by part: 三化三促 → the expansion of
/// 三化 followed by that of 三促, each taken from an occurrence of the part where it is
/// consistent and which is not inside an occurrence of the whole compound. Empty unless
/// every part has a consistent expansion. `memo` is the memo of `text`.
pub(super) fn compound_parts(text: &str, m: &Mention, memo: &mut Memo) -> Vec<String> {
    if m.kind != Kind::NumeralCompound || m.value.len() < 2 {
        return Vec::new();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut prev_num = false;
    for c in m.normalized.chars() {
        let num = is_numeral(c);
        if num && !prev_num {
            parts.push(String::new());
        }
        if let Some(p) = parts.last_mut() {
            p.push(c);
        }
        prev_num = num;
    }
    if parts.len() != m.value.len() || parts.iter().any(|p| p.chars().count() < 2) {
        return Vec::new();
    }
    // Occurrences of a part inside the whole compound do not define the part.
    let wholes: Vec<(usize, usize)> = memo
        .occurrences(text, &m.normalized)
        .into_iter()
        .map(|s| (s, s + m.normalized.len()))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for part in &parts {
        let alone = memo
            .occurrences(text, part)
            .into_iter()
            .filter(|s| !wholes.iter().any(|&(ws, we)| ws <= *s && *s < we));
        let found = alone.into_iter().find_map(|s| {
            let pm = Mention::new(
                text,
                s,
                s + part.len(),
                part.clone(),
                Kind::NumeralCompound,
                false,
            )?;
            let e = expand_with(text, &pm, memo);
            (e.consistency == Consistency::Ok).then_some(e.components)
        });
        match found {
            Some(c) => out.extend(c),
            None => return Vec::new(),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::expand::expand;
    use super::*;

    fn mention(text: &str, name: &str) -> Mention {
        let s = text.find(name).unwrap_or(0);
        Mention::new(
            text,
            s,
            s + name.len(),
            name.into(),
            Kind::NumeralCompound,
            true,
        )
        .unwrap_or_else(|| panic!("bad test mention"))
    }

    #[test]
    fn quoted_items_with_the_key_morpheme() {
        let t = "提出“工程化设计”“项目化推进”“品牌化引领”。围绕“三化”推进。";
        assert_eq!(
            quoted_with_key(t, &mention(t, "三化")),
            ["工程化设计", "项目化推进", "品牌化引领"]
        );
        // Two items for 三化: not as many as the numeral, nothing.
        let t = "提出“工程化设计”“项目化推进”。围绕“三化”推进。";
        assert!(quoted_with_key(t, &mention(t, "三化")).is_empty());
    }

    #[test]
    fn section_heads() {
        let t = "三点发力\n开头一段,三点发力。\n夯实基点,发展。\n突出重点,推进。\n建强支点,健全。";
        assert_eq!(
            paragraph_heads(&t[t.find('\n').unwrap_or(0)..], &mention(t, "三点发力")),
            ["夯实基点", "突出重点", "建强支点"]
        );
    }

    #[test]
    fn compound_by_parts() {
        let t = "“三化三促”工作法。提出“工程化设计”“项目化推进”“品牌化引领”。开展“三促”即一月一调度促组织动起来、一季一主题促品牌亮起来、半年一考核促工作强起来。围绕“三化”推进。";
        let e = expand(t, &mention(t, "三化三促"));
        assert_eq!(e.consistency, Consistency::Ok);
        assert_eq!(e.components.len(), 6, "{:?}", e.components);
        assert_eq!(e.components[0], "工程化设计", "{:?}", e.components);
        assert_eq!(
            e.components[5], "半年一考核促工作强起来",
            "{:?}",
            e.components
        );
    }
}
