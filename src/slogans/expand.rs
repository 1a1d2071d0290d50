//! Expansion: the components a text gives for a formulation near its occurrence, and a
//! check of their number against the numeral (三 → 3 components).

use super::classify::is_han;
use super::{Kind, Mention};
use serde::Serialize;

/// How many characters after the occurrence are searched for components.
const AFTER_WINDOW: usize = 1500;

/// Whether the components found agree with the numeral of the formulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Consistency {
    /// As many components as the numeral says (or as the sum of the numerals: 三化三促 → 6).
    Ok,
    /// Components found, but not as many as the numeral says.
    Mismatch,
    /// The text does not define the formulation (fewer than two components found).
    Undefined,
}

/// The components of one occurrence and their consistency with the numeral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// Components in text order, without duplicates.
    pub components: Vec<String>,
    /// Their number checked against the numeral.
    pub consistency: Consistency,
}

/// Finds the components of `m` near its occurrence in `text` (the cleaned text `m` was
/// extracted from). Strategies, in order, the first whose count fits the numeral winning
/// (else the first that finds two or more):
///
/// 1. a definition after it: “三个思维”即系统思维、创新思维、一线思维; “3个1”服务模式,即1名…;
/// 2. a list just before it: 自治法治德治“三治融合”; “警员、网格员、企业专员”三员结对包企;
/// 3. parallel clauses after it built on its characters: the six 以…联…促… of 六联六促;
/// 4. nouns after it ending like its head noun: 三个平台 → 交流平台, 培训平台, 服务平台.
pub fn expand(text: &str, m: &Mention) -> Expansion {
    let expected: Vec<usize> = {
        let v: Vec<usize> = m.value.iter().map(|&x| x as usize).collect();
        let mut e = Vec::new();
        if let Some(&f) = v.first() {
            e.push(f);
            e.push(v.iter().sum());
        }
        e
    };
    if m.kind == Kind::QuotedSlogan || m.kind == Kind::Plus {
        return Expansion {
            components: Vec::new(),
            consistency: Consistency::Undefined,
        };
    }
    let before = text.get(..m.start).unwrap_or("");
    let after = text.get(m.end..).unwrap_or("");
    let candidates = [
        defined_after(after),
        list_before(before, m),
        parallel_clauses(after, m),
        head_nouns(after, m),
    ];
    let fits = |c: &Vec<String>| expected.contains(&c.len());
    let chosen = candidates
        .iter()
        .find(|c| c.len() >= 2 && fits(c))
        .or_else(|| candidates.iter().find(|c| c.len() >= 2))
        .cloned()
        .unwrap_or_default();
    let consistency = if chosen.len() < 2 {
        Consistency::Undefined
    } else if fits(&chosen) {
        Consistency::Ok
    } else {
        Consistency::Mismatch
    };
    Expansion {
        components: chosen,
        consistency,
    }
}

fn split_items(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in s.split(['、', '，', ',', '；', ';', '和', '及', '与']) {
        let p = p.trim_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '”' | '‘' | '’'));
        let p = p.strip_suffix('等').unwrap_or(p);
        if !p.is_empty() && !out.iter().any(|x| x == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// 1. `即` or a colon shortly after the occurrence, then a list up to the sentence end.
fn defined_after(after: &str) -> Vec<String> {
    let head: String = after.chars().take(16).collect();
    let Some(pos) = head.find(['即', '：', ':']) else {
        return Vec::new();
    };
    let rest = &after[pos..];
    let rest = rest.trim_start_matches(['即', '：', ':', '是', '指']);
    let end = rest.find(['。', '\n', '；']).unwrap_or(rest.len());
    let mut body: String = rest[..end].chars().take(300).collect();
    // Items joined by 、 end at the first comma: 即A、B、C,让…
    if body.contains('、') {
        if let Some(p) = body.find([',', '，']) {
            body.truncate(p);
        }
    }
    split_items(&body)
}

/// 2. The quotation or list right before the occurrence.
fn list_before(before: &str, m: &Mention) -> Vec<String> {
    let b = before.trim_end_matches(['“', '‘', ' ']);
    if let Some(inner) = b.strip_suffix('”') {
        if let Some(open) = inner.rfind('“') {
            let items = split_items(&inner[open + '“'.len_utf8()..]);
            if items.len() >= 2 {
                return items;
            }
        }
    }
    let start = b
        .rfind(['。', '，', ',', '；', '：', '\n', '”', '(', '（'])
        .map_or(0, |p| p + b[p..].chars().next().map_or(1, char::len_utf8));
    let run = &b[start..];
    let items = split_items(run);
    if items.len() >= 2 {
        return items;
    }
    // 自治法治德治“三治融合”: equal chunks ending in the formula's character.
    let n = m.value.first().copied().unwrap_or(0) as usize;
    let key = m.normalized.chars().nth(1);
    let chars: Vec<char> = run.chars().collect();
    if n >= 2 && chars.len() >= 2 * n && chars.iter().all(|c| is_han(*c)) {
        let chunk: Vec<String> = chars[chars.len() - 2 * n..]
            .chunks(2)
            .map(|c| c.iter().collect())
            .collect();
        if chunk.iter().all(|c| c.chars().last() == key) {
            return chunk;
        }
    }
    Vec::new()
}

/// 3. Clauses after the occurrence holding the two repeated characters of a {n}X{n}Y
///    compound in order: 以组织联抓促队伍融合 for 六联六促.
fn parallel_clauses(after: &str, m: &Mention) -> Vec<String> {
    let chars: Vec<char> = m.normalized.chars().collect();
    if chars.len() != 4 || m.value.len() != 2 {
        return Vec::new();
    }
    let (x, y) = (chars[1], chars[3]);
    let window: String = after.chars().take(AFTER_WINDOW).collect();
    let mut out: Vec<String> = Vec::new();
    for clause in window.split(['，', ',', '。', '；', ';', '\n', '、', '：']) {
        let c = clause.trim();
        let n = c.chars().count();
        if !(4..=20).contains(&n) || c.contains(&m.normalized) {
            continue;
        }
        if let (Some(px), Some(py)) = (c.find(x), c.rfind(y)) {
            if px < py && !out.iter().any(|o| o == c) {
                out.push(c.to_string());
            }
        }
        if out.len() >= m.value[0] as usize {
            break;
        }
    }
    out
}

/// 4. Nouns after a numbered list that end in its head noun: 交流平台 for 三个平台.
fn head_nouns(after: &str, m: &Mention) -> Vec<String> {
    if m.kind != Kind::NumberedList {
        return Vec::new();
    }
    let head: String = m.normalized.chars().skip(2).collect();
    if head.chars().count() < 2 {
        return Vec::new();
    }
    let window: String = after.chars().take(AFTER_WINDOW / 3).collect();
    let mut out: Vec<String> = Vec::new();
    let mut rest = window.as_str();
    while let Some(p) = rest.find(&head) {
        let pre: Vec<char> = rest[..p].chars().rev().take(2).collect();
        if pre.len() == 2 && pre.iter().all(|c| is_han(*c)) {
            let item: String = pre
                .iter()
                .rev()
                .chain(head.chars().collect::<Vec<_>>().iter())
                .collect();
            if !out.contains(&item) {
                out.push(item);
            }
        }
        rest = &rest[p + head.len()..];
    }
    out
}
