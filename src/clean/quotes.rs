//! Step 5b: straight double quotes (`"`, `＂`) paired into Chinese quotes (`“…”`).
//!
//! Text typed or converted without Chinese quotation marks writes `推行"136"工作体系`; the
//! formulation extractor and the contexts know a quotation by `“`/`”` (and `‘’「」『』`), so
//! such a formulation would not be found at all. In a paragraph with Han characters and an
//! even number of straight double quotes, they open and close in turn and become `“` and
//! `”`; a paragraph with an odd number (a quotation running on into the next paragraph, an
//! inch mark) keeps them as they are. A paragraph without any opening mark `“` whose
//! quotes are closing marks `”` typed for both ends (农村”空心化”、”老龄化”问题) is paired
//! the same way, its `”` counted with the straight quotes; so is one quoting with an
//! apostrophe and an opening mark (锚定'两个确保“). Part of the width step (`--no-width` keeps them) and
//! counted with its changes, but run on whole paragraphs, with rejoining and
//! de-duplication until nothing changes: the halves of a paragraph broken at a page break
//! may hold one quote each, and two sentences may differ only in their quotes, so pairing
//! line by line before those steps would leave work for a second cleaning.

use super::{CleanReport, Stage};
use crate::offsets::MapBuilder;

/// True for the straight double quotes that are paired.
fn is_straight_quote(c: char) -> bool {
    c == '"' || c == '＂'
}

/// True when the closing marks `”` of `para` are paired too: it has no opening mark `“`,
/// so each `”` is a quote typed with the wrong mark (农村”空心化”、”老龄化”问题).
fn closers_pair(para: &str) -> bool {
    !para.contains('“')
}

/// True when `para` quotes with an apostrophe and an opening mark (锚定'两个确保“,围绕
/// '九大战略“): it holds Han characters, no `”`, `"`, `‘` or `’`, and its `'` and `“`
/// alternate, `'` first, an even number of them. Each `'` then opens and each `“` closes.
fn apostrophe_pairs(para: &str) -> bool {
    if !para.contains('\'') || para.contains(['”', '"', '‘', '’']) {
        return false;
    }
    let mut n = 0;
    for c in para.chars().filter(|&c| c == '\'' || c == '“') {
        if (c == '\'') != (n % 2 == 0) {
            return false;
        }
        n += 1;
    }
    n > 0 && n % 2 == 0 && para.chars().any(super::chars::is_han)
}

/// Whether the quotes of `para` are paired: it holds Han characters and an even, non-zero
/// number of straight double quotes (with `”` too where [`closers_pair`]), or it quotes
/// with `'` and `“` ([`apostrophe_pairs`]).
fn pairs(para: &str) -> bool {
    if apostrophe_pairs(para) {
        return true;
    }
    let closers = if closers_pair(para) {
        memchr::memmem::find_iter(para.as_bytes(), "”".as_bytes()).count()
    } else {
        0
    };
    let n = memchr::memchr_iter(b'"', para.as_bytes()).count()
        + memchr::memmem::find_iter(para.as_bytes(), "＂".as_bytes()).count()
        + closers;
    n > 0 && n % 2 == 0 && para.chars().any(super::chars::is_han)
}

/// The stage with the straight quotes of every paragraph that [`pairs`] paired, or `None`
/// when no paragraph has any to pair.
pub(super) fn pair(st: &Stage, report: &mut CleanReport) -> Option<Stage> {
    if !st.paras.iter().any(|r| pairs(&st.text[r.clone()])) {
        return None;
    }
    let mut b = MapBuilder::new(&st.map, st.text.len());
    let mut paras = Vec::with_capacity(st.paras.len());
    let mut copied = 0;
    for r in &st.paras {
        b.push_copy(&st.text[copied..r.start], copied);
        let start = b.text().len();
        let para = &st.text[r.clone()];
        if apostrophe_pairs(para) {
            let mut from = 0;
            for (i, c) in para.char_indices().filter(|&(_, c)| c == '\'' || c == '“') {
                b.push_copy(&para[from..i], r.start + from);
                let q = if c == '\'' { "“" } else { "”" };
                b.push_replacing(q, r.start + i..r.start + i + c.len_utf8());
                report.width_chars += 1;
                from = i + c.len_utf8();
            }
            b.push_copy(&para[from..], r.start + from);
        } else if pairs(para) {
            let closers = closers_pair(para);
            let mut open = false;
            let mut from = 0;
            let quotes = para
                .char_indices()
                .filter(|&(_, c)| is_straight_quote(c) || (closers && c == '”'));
            for (i, c) in quotes {
                b.push_copy(&para[from..i], r.start + from);
                open = !open;
                let q = if open { "“" } else { "”" };
                if c == '”' && !open {
                    // A closing mark where one belongs: kept as it is.
                    b.push_copy(&para[i..i + c.len_utf8()], r.start + i);
                } else {
                    b.push_replacing(q, r.start + i..r.start + i + c.len_utf8());
                    report.width_chars += 1;
                }
                from = i + c.len_utf8();
            }
            b.push_copy(&para[from..], r.start + from);
        } else {
            b.push_copy(para, r.start);
        }
        paras.push(start..b.text().len());
        copied = r.end;
    }
    b.push_copy(&st.text[copied..], copied);
    let (text, map) = b.finish();
    Some(Stage { text, map, paras })
}

#[cfg(test)]
mod tests {
    use crate::clean::{clean, CleanOptions};

    #[test]
    fn straight_quotes_pair_into_chinese_quotes() {
        let raw = "推行\"136\"工作体系，破解＂两张皮＂问题。\n他说\"好\"，又说\"不。";
        let c = clean(raw, &CleanOptions::default());
        // An odd number of quotes, or no Han character: unchanged.
        assert_eq!(
            c.text,
            "推行“136”工作体系，破解“两张皮”问题。\n他说\"好\"，又说\"不。"
        );
        assert!(!super::pairs("a \"b\" c"), "no Han character");
        assert_eq!(c.report.width_chars, 4);
        // The map points at the raw quote.
        let at = c.text.find('”').unwrap();
        assert_eq!(&raw[c.map.to_raw(at)..c.map.to_raw(at) + 1], "\"");
        // Off with the width step.
        let opts = CleanOptions {
            width: false,
            ..CleanOptions::default()
        };
        assert_eq!(clean("推行\"136\"体系", &opts).text, "推行\"136\"体系");
    }

    #[test]
    fn closing_marks_typed_for_both_ends_pair() {
        let raw = "导致农村”空心化”、”老龄化”问题日益突出。\n出现”386199”部队”现象。";
        let c = clean(raw, &CleanOptions::default());
        // Four closing marks pair into two quotations (the first of each pair changes);
        // three, an odd number, stay as they are.
        assert_eq!(
            c.text,
            "导致农村“空心化”、“老龄化”问题日益突出。\n出现”386199”部队”现象。"
        );
        assert_eq!(c.report.width_chars, 2);
        // A paragraph with an opening mark keeps its closing ones.
        let c = clean("他说“好”，然后”走了”。", &CleanOptions::default());
        assert_eq!(c.text, "他说“好”，然后”走了”。");
        assert_eq!(clean(&c.text, &CleanOptions::default()).text, c.text);
    }

    #[test]
    fn an_apostrophe_and_an_opening_mark_pair() {
        let raw = "锚定'两个确保“,实施'1222“工作布局。\n他说'好“,又说“不”。";
        let c = clean(raw, &CleanOptions::default());
        // Alternating ' and “ pair; a paragraph with ” stays.
        assert_eq!(
            c.text,
            "锚定“两个确保”,实施“1222”工作布局。\n他说'好“,又说“不”。"
        );
        assert_eq!(clean(&c.text, &CleanOptions::default()).text, c.text);
        // An apostrophe out of turn (it's): no pairing.
        assert!(!super::apostrophe_pairs("党建'它's“好“"));
    }

    #[test]
    fn a_paragraph_rejoined_from_two_halves_pairs_its_quotes() {
        // Each half has one quote; joined, the paragraph has two (and a second cleaning
        // finds nothing more to do).
        let raw = "各社区坚持党建引领，推广\"红色\n物业\"的做法，成效明显。";
        let once = clean(raw, &CleanOptions::default());
        assert_eq!(
            once.text,
            "各社区坚持党建引领，推广“红色物业”的做法，成效明显。"
        );
        assert_eq!(clean(&once.text, &CleanOptions::default()).text, once.text);
    }
}
