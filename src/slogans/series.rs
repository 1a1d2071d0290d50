//! Numbered series without quotation marks: 一格局、两覆盖、三机制、四引领 (the parts of
//! “1234”: "one pattern, two coverages, three mechanisms, four leads"). Each item is a
//! numeral and a word of two or three characters, the numerals count up from one, and the
//! items are joined by 、: three or more such items are a series of formulations, though
//! none of them alone is one to the unquoted rules ([`super::unquoted`]: 覆盖 and 引领 are
//! verbs, and their window ends at the 、).

use super::numerals::digit_value;
use super::unquoted::plain;

/// The fewest items of a series.
const MIN_ITEMS: usize = 3;

/// Characters that make the item a count or a date, not a name, when they open its word:
/// units of time and of things counted (一年级、二年级、三年级 are grades).
const UNITS: &str = "年月日天周季次时期轮届人名层栋辆岁元斤亩";

/// The byte ranges of the items of every numbered series in `text`, in text order.
pub(super) fn items(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    // A series' second item opens with 二 or 两 right after a 、.
    let mut seconds: Vec<usize> = ["、二", "、两"]
        .iter()
        .flat_map(|p| memchr::memmem::find_iter(text.as_bytes(), p.as_bytes()))
        .map(|at| at + '、'.len_utf8())
        .collect();
    seconds.sort_unstable();
    for second in seconds {
        if out.last().is_some_and(|&(_, e)| second < e) {
            continue;
        }
        let sep = second - '、'.len_utf8();
        // The first item ends at the 、: 一 and a word of two or three characters.
        let Some(first) = (2..=3).find_map(|w| {
            let start = text[..sep].char_indices().rev().nth(w)?.0;
            let (v, end) = item_at(text, start)?;
            (v == 1 && end == sep).then_some(start)
        }) else {
            continue;
        };
        let mut series = Vec::new();
        let mut at = first;
        let mut value = 0;
        while let Some((v, end)) = item_at(text, at).filter(|&(v, _)| v == value + 1) {
            series.push((at, end));
            value = v;
            match text[end..].strip_prefix('、') {
                Some(_) => at = end + '、'.len_utf8(),
                None => break,
            }
        }
        if series.len() >= MIN_ITEMS {
            out.extend(series);
        }
    }
    out
}

/// The value of the numeral at byte `at` of `text` and the end of its item, when it is a
/// numeral of one to nine and a word of two or three characters follows (plain ones, or
/// 中 上 下 of 中心, 上级), none of the [`UNITS`] first, closed by 、 or by any character
/// but a plain Han one.
fn item_at(text: &str, at: usize) -> Option<(u32, usize)> {
    let mut cs = text[at..].char_indices();
    let (_, numeral) = cs.next()?;
    let v = digit_value(numeral).filter(|v| (1..=9).contains(v))?;
    let in_word = |c: char| plain(c) || "中上下".contains(c);
    let mut word = 0;
    let mut end = at + numeral.len_utf8();
    for (i, c) in cs {
        if !in_word(c) || (word == 0 && UNITS.contains(c)) {
            break;
        }
        word += 1;
        end = at + i + c.len_utf8();
        if word > 3 {
            return None;
        }
    }
    (word >= 2).then_some((v, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        items(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn a_series_counting_up_from_one_gives_every_item() {
        assert_eq!(
            names("深化党建一格局、两覆盖、三机制、四引领“1234”工作模式"),
            ["一格局", "两覆盖", "三机制", "四引领"]
        );
        assert_eq!(
            names("建立一中心、二平台、三队伍,五保障。"),
            ["一中心", "二平台", "三队伍"]
        );
    }

    #[test]
    fn no_series_without_its_evidence() {
        // Two items only; not from one; a gap; units; words of one or four characters.
        assert!(names("一格局、两覆盖“12”").is_empty());
        assert!(names("两覆盖、三机制、四引领").is_empty());
        assert!(names("一格局、两覆盖、四引领").is_empty());
        assert!(names("一年级、二年级、三年级").is_empty());
        assert!(names("一组、二组、三组").is_empty());
        assert!(names("一格局体系、两覆盖体系、三机制体系").is_empty());
        assert!(names("").is_empty());
    }
}
