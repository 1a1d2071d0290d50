//! More expansion strategies (see [`super::expand()`]): components named by quoted items or
//! a list in running text that repeat the formulation's key morpheme, and compounds
//! expanded part by part. Heads of paragraphs and parts are in [`super::heads`].

use super::classify::is_han;
use super::expand::{expand_with, Memo};
use super::numerals::is_numeral;
use super::unquoted::ACTIONS;
use super::window::{find_char, head_chars, tail_chars};
use super::{Consistency, Kind, Mention};

/// How many characters around the occurrence are searched for quoted items.
pub(super) const QUOTE_WINDOW: usize = 1500;

/// The key morpheme of a one-numeral compound: the character after the numeral (化 of 三化,
/// 点 of 三点发力), or `None` for other mentions.
pub(super) fn key(m: &Mention) -> Option<char> {
    if m.kind != Kind::NumeralCompound || m.value.len() != 1 {
        return None;
    }
    m.normalized.chars().find(|c| !is_numeral(*c))
}

/// The most Han characters of what an item of a run of quotations says after its closing
/// mark (以“亮身份”强化使命担当、“亮职责”…: 强化使命担当).
pub(super) const QUOTED_TAIL: usize = 12;

/// The key morpheme of [`quoted_with_key`]: that of a one-numeral compound ([`key`]), or
/// of a numbered list counted with 个 (三个亮相 → 亮).
pub(super) fn run_key(m: &Mention) -> Option<char> {
    if m.kind == Kind::NumberedList && m.value.len() == 1 {
        let mut rest = m.normalized.chars().skip_while(|c| is_numeral(*c));
        return (rest.next() == Some('个')).then(|| rest.next()).flatten();
    }
    key(m)
}

/// After the closing mark of an item of a run of quotations: the rest of the run, from the
/// next opening mark, when only `、` or a predicate of at most [`QUOTED_TAIL`] Han
/// characters and `、`, `，` or `,` stand between.
pub(super) fn next_in_run(after_close: &str) -> Option<&str> {
    let rest = after_close.trim_start_matches('、');
    if rest.starts_with('“') {
        return Some(rest);
    }
    let tail = rest.find(|c: char| !is_han(c))?;
    if tail == 0 || rest[..tail].chars().count() > QUOTED_TAIL {
        return None;
    }
    let next = rest[tail..].strip_prefix(['、', '，', ','])?;
    next.starts_with('“').then_some(next)
}

/// A run of quotations near the occurrence (before or after, within 1500 characters), side
/// by side or each followed by a short predicate, each of 3–8 Han characters holding the
/// key morpheme ([`run_key`]), exactly as many as the numeral: 三化 → “工程化设计”“项目化
/// 推进”“品牌化引领”; 三个亮相 → 以“亮身份”强化使命担当、“亮职责”优化服务效能、“亮行动”
/// 树立行为标杆; or one quotation listing them, each of 2–8 Han characters holding the key
/// morpheme: 四早 → “早发现、早报告、早隔离、早治疗”.
pub(super) fn quoted_with_key(text: &str, m: &Mention) -> Vec<String> {
    let (Some(k), Some(&n)) = (run_key(m), m.value.first()) else {
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
        (3..=8).contains(&len) && item.chars().all(is_han) && item.contains(k)
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
            match next_in_run(&r[close + '”'.len_utf8()..]) {
                Some(next) => cur = next,
                None => break,
            }
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
    // Every item but the last ends in the key morpheme right before a 、: only the clauses
    // around such a pair are read (one SIMD search of the window for it; it is rare).
    let bytes = pair_bytes(k);
    let pair = &bytes[..k.len_utf8() + '、'.len_utf8()];
    let in_clause = |c: char| is_han(c) || c == '、';
    for (later, window) in [(false, before), (true, after)] {
        let mut done = 0;
        for hit in memchr::memmem::find_iter(window.as_bytes(), pair) {
            if hit < done {
                continue;
            }
            // The clause (a run of Han characters and 、) around the pair.
            let start = window[..hit]
                .char_indices()
                .rev()
                .find(|&(_, c)| !in_clause(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let mut end = window[hit..]
                .char_indices()
                .find(|&(_, c)| !in_clause(c))
                .map_or(window.len(), |(i, _)| hit + i);
            done = end;
            // A list assigned item by item ends before 分别 (see below).
            if later {
                if let Some(p) = window[hit..end].find("分别") {
                    end = hit + p;
                }
            }
            if let Some(items) = clause_items(&window[start..end], k, n) {
                let last_at = start
                    + window[start..end]
                        .rfind('、')
                        .map_or(0, |p| p + '、'.len_utf8());
                let last_len = items.last().map_or(0, String::len);
                let next = &window[last_at + last_len..];
                // Or, later in the occurrence's sentence, followed by 分别 ("each
                // respectively"): “四权分立”机制,将决策权、表决权、实施权、监督权分别赋予….
                let respectively = later
                    && next.starts_with("分别")
                    && !window[..start].contains(['。', '；', ';', '\n']);
                if names_it(next) || respectively {
                    return items;
                }
            }
        }
    }
    Vec::new()
}

/// The UTF-8 bytes of `k` followed by 、 (at most 7).
fn pair_bytes(k: char) -> [u8; 8] {
    let mut b = [0u8; 8];
    let n = k.encode_utf8(&mut b).len();
    '、'.encode_utf8(&mut b[n..]);
    b
}

/// The items of `clause` (Han characters and 、) for [`listed_with_key`]: exactly `n` parts,
/// all but the first and last ending in `k` and of one length (2..=[`LISTED_ITEM`]), the
/// first cut to that length and ending in `k`, the last read up to its first `k`.
fn clause_items(clause: &str, k: char, n: usize) -> Option<Vec<String>> {
    let parts: Vec<Vec<char>> = clause.split('、').map(|p| p.chars().collect()).collect();
    if parts.len() != n {
        return None;
    }
    // The length of an item: where the key morpheme ends the last part's first word.
    let len = parts[n - 1].iter().position(|&c| c == k)? + 1;
    let ends_in_key = |item: &[char]| item.len() == len && item.last() == Some(&k);
    let first = &parts[0][parts[0].len().saturating_sub(len)..];
    let middle_fit = parts[1..n - 1].iter().all(|p| ends_in_key(p));
    if !((2..=LISTED_ITEM).contains(&len) && ends_in_key(first) && middle_fit) {
        return None;
    }
    let mut items: Vec<String> = vec![first.iter().collect()];
    items.extend(parts[1..n - 1].iter().map(|p| p.iter().collect::<String>()));
    items.push(parts[n - 1][..len].iter().collect());
    Some(items)
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
pub(super) mod tests {
    use super::super::expand::expand;
    use super::*;

    /// The numeral compound `name` at its first place in `text`.
    pub(in crate::slogans) fn mention(text: &str, name: &str) -> Mention {
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
        // b87: each quotation followed by what it does, the key at the start; a numbered
        // list counted with 个 keys on the word after 个.
        let t = "通过“三个亮相”机制让学生党员以“亮身份”强化使命担当、“亮职责”优化服务效能、\
                 “亮行动”树立行为标杆。";
        let s = t.find("三个亮相").unwrap_or(0);
        let m = Mention::new(
            t,
            s,
            s + "三个亮相".len(),
            "三个亮相".into(),
            Kind::NumberedList,
            true,
        )
        .unwrap_or_else(|| panic!("bad test mention"));
        assert_eq!(quoted_with_key(t, &m), ["亮身份", "亮职责", "亮行动"]);
        let t2 = t.replace("三个亮相", "三亮");
        assert_eq!(
            quoted_with_key(&t2, &mention(&t2, "三亮")),
            ["亮身份", "亮职责", "亮行动"]
        );
        // A predicate longer than twelve characters ends the run.
        let t = "以“亮身份”强化使命担当并且在全体学生中间树立起来、“亮职责”优化服务、“亮行动”树标杆。“三亮”";
        assert!(quoted_with_key(t, &mention(t, "三亮")).is_empty());
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
