//! A definition in the sentence after the formulation's own, pointing back to it with a
//! demonstrative and its numeral: 形成了“四圈融合”的生活圈格局。这四圈分别是“15分钟消费圈”
//! “15分钟青年圈”“15分钟便民圈”“15分钟文化圈”。

use super::expand::split_items;
use super::window::head_chars;
use super::Mention;

/// Demonstratives that point back to the formulation (这四圈, 这些, 其中).
const POINTERS: [&str; 2] = ["这", "其中"];

/// The verbs that define after the pointer, longest first.
const DEFINING: [&str; 8] = [
    "分别是",
    "分别为",
    "分别指",
    "是指",
    "就是",
    "包括",
    "即",
    "是",
];

/// The most characters between the pointer's numeral and its verb (这四|圈|分别是).
const NOUN_BETWEEN: usize = 4;

/// The components that the sentence right after the formulation's own lists, when it opens
/// with one of the [`POINTERS`], the formulation's first numeral, a noun of at most
/// [`NOUN_BETWEEN`] characters and one of the [`DEFINING`] verbs; its quotations, or else
/// its 、-list, up to its full stop, exactly as many as the numeral (a definition this far
/// from the formulation is taken only when its count confirms it).
pub(super) fn defined_in_next_sentence(after: &str, m: &Mention) -> Vec<String> {
    let (Some(numeral), Some(&n)) = (m.normalized.chars().next(), m.value.first()) else {
        return Vec::new();
    };
    let window = head_chars(after, 300);
    let Some(stop) = window.find('。') else {
        return Vec::new();
    };
    let next = window[stop + '。'.len_utf8()..].trim_start();
    let Some(rest) = POINTERS.iter().find_map(|p| next.strip_prefix(p)) else {
        return Vec::new();
    };
    let Some(rest) = rest.strip_prefix(numeral) else {
        return Vec::new();
    };
    let Some((at, verb)) = rest
        .char_indices()
        .take(NOUN_BETWEEN + 1)
        .find_map(|(i, _)| {
            DEFINING
                .iter()
                .find(|v| rest[i..].starts_with(**v))
                .map(|v| (i, v))
        })
    else {
        return Vec::new();
    };
    let body = &rest[at + verb.len()..];
    let body = body.trim_start_matches(['：', ':']);
    let body = &body[..body.find(['。', '\n']).unwrap_or(body.len())];
    let quoted: Vec<String> = body
        .split('“')
        .skip(1)
        .filter_map(|q| q.split_once('”').map(|(inner, _)| inner.to_string()))
        .filter(|q| !q.is_empty())
        .collect();
    let items = if quoted.len() >= 2 {
        quoted
    } else {
        split_items(body)
    };
    if items.len() == n as usize && n >= 2 {
        items
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    fn defined(text: &str, name: &str) -> Vec<String> {
        let m = extract(text)
            .into_iter()
            .find(|m| m.normalized == name)
            .expect(name);
        defined_in_next_sentence(&text[m.end..], &m)
    }

    #[test]
    fn the_next_sentence_points_back_with_its_numeral() {
        // b26: the four circles, quoted.
        let text = "形成了“四圈融合”的一刻钟便民生活圈格局。这四圈分别是“15分钟消费圈”\
                    “15分钟青年圈”“15分钟便民圈”“15分钟文化圈”。";
        assert_eq!(
            defined(text, "四圈融合"),
            [
                "15分钟消费圈",
                "15分钟青年圈",
                "15分钟便民圈",
                "15分钟文化圈"
            ]
        );
        // A 、-list; not another numeral, nor a count that does not fit.
        let text = "推行“三联”工作法。这三联即联系群众、联系企业、联系社区。";
        assert_eq!(defined(text, "三联"), ["联系群众", "联系企业", "联系社区"]);
        assert!(defined("推行“三联”工作法。这两联即联系群众、联系企业。", "三联").is_empty());
        assert!(defined("推行“三联”工作法。这三联即联系群众、联系企业。", "三联").is_empty());
        assert!(defined(
            "推行“三联”工作法。它包括联系群众、联系企业、联系社区。",
            "三联"
        )
        .is_empty());
    }
}
