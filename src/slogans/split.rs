//! Splitting a list of components into items: at 、, commas and semicolons outside brackets,
//! and at 和/及/与 when the list is one item short of the formulation's numeral.

use super::{tidy, Mention};

/// Splits a list at 、 and commas, removing quotation marks and an "etc." (等) with the noun
/// after it ([`tidy::cut_etc`]). A list with semicolons and 、 is split at the semicolons
/// only: its items list things of their own (全村上下思想全部解放;山、水、林、田…等资源全部
/// 统筹;…), and an item that does keeps its 等 (there it ends no list of components).
pub(super) fn split_items(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let nested = s.contains(['；', ';']) && s.contains('、');
    let seps: &[char] = if nested {
        &['；', ';']
    } else {
        &['、', '，', ',', '；', ';']
    };
    for p in split_outside_brackets(s, seps, false) {
        let p: String = p
            .chars()
            .filter(|c| {
                !c.is_whitespace()
                    && !matches!(c, '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』')
            })
            .collect();
        // The conjunction that joins a second list on after a comma (…,以及查核能手) is
        // none of its first item.
        let p = p.strip_prefix("以及").unwrap_or(&p);
        let p = if nested && p.contains('、') {
            p
        } else {
            tidy::cut_etc(p)
        };
        if !p.is_empty() && !out.iter().any(|x| x == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// `s` split at `seps` where they stand outside round brackets (社区(村、企业) is one
/// item) and, with `quotes`, outside quotation marks (落实“管行业必须管安全,管业务必须管
/// 安全”).
pub(super) fn split_outside_brackets<'s>(s: &'s str, seps: &[char], quotes: bool) -> Vec<&'s str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '“' | '‘' if quotes => depth += 1,
            '”' | '’' if quotes => depth = depth.saturating_sub(1),
            _ if depth == 0 && seps.contains(&c) => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Splits the last item at 和/及 ("and") when the list is one short: 社区、业委会和物业公司;
/// or at 与 between words of two characters or more (服务联动与活动联办; not the 与 of 参与).
pub(super) fn split_last_and(mut items: Vec<String>, n: usize) -> Vec<String> {
    if items.len() + 1 == n {
        if let Some((a, b)) = items.last().and_then(|l| split_and(l)) {
            items.pop();
            items.extend([a, b]);
        }
    }
    items
}

/// `item` split at its first 以及, 和 or 及, or at 与 between words of two characters or more
/// (not the 与 of 参与); `None` when it holds none or a half would be empty.
fn split_and(item: &str) -> Option<(String, String)> {
    let with = item
        .split_once('与')
        .filter(|(a, b)| a.chars().count() >= 2 && b.chars().count() >= 2 && !a.ends_with('参'));
    // 以及 ("as well as") whole, before its 及 alone.
    let (a, b) = item
        .split_once("以及")
        .or_else(|| item.split_once(['和', '及']))
        .or(with)?;
    (!a.is_empty() && !b.is_empty()).then(|| (a.to_string(), b.to_string()))
}

/// `items` with the last split at 和, 及 or 与 ([`split_last_and`]) when that makes as many
/// as the formulation's first numeral or the sum of its numerals: 三中一青，即中小企业、
/// 中低收入户、中南部民众与青年 (3 + 1 = 4).
pub(super) fn split_to_fit(items: Vec<String>, m: &Mention) -> Vec<String> {
    let first = m.value.first().map_or(0, |&v| v as usize);
    // Each N of a digit formula stands for one item more (1+1+1+N: four items).
    let open = super::expand::open_terms(m);
    let sum: usize = m.value.iter().map(|&v| v as usize).sum::<usize>() + open;
    let n = items.len() + 1;
    if n != first && n != sum && n != super::expand::digit_terms(m) {
        return items;
    }
    let mut items = split_last_and(items, n);
    // Else the first item that holds one: 即社区与社会组织、社会工作者、社区志愿者、社会慈善
    // 资源 (五社); 田径场、游泳馆(池)和体育公园、健身步道 (六个一).
    if items.len() + 1 == n {
        if let Some((k, (a, b))) = items
            .iter()
            .enumerate()
            .find_map(|(k, item)| split_and(item).map(|pair| (k, pair)))
        {
            items.splice(k..=k, [a, b]);
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_item_splits_at_yiji_whole() {
        // b38: 以及 is one word; its 以 stays with neither half.
        assert_eq!(
            split_and("1个智慧运营中心以及N个智慧场景"),
            Some(("1个智慧运营中心".into(), "N个智慧场景".into()))
        );
        assert_eq!(
            split_and("业委会和物业公司"),
            Some(("业委会".into(), "物业公司".into()))
        );
        assert_eq!(split_and("参与治理"), None);
    }
}
