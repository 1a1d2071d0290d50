//! Steps 3–4 on one line: full-width digits, Latin letters and `＋` to ASCII,
//! whitespace runs collapsed to one space, pinyin glosses removed — in one pass over
//! the line, with a fast path that copies a line needing none of this whole.

use super::chars::{find3, fold_width, is_han, is_space};
use super::pinyin::gloss_len;
use super::{CleanOptions, CleanReport};
use crate::offsets::MapBuilder;

/// True when the line may need a change: it holds `(`, `（`, a full-width digit,
/// letter or `＋`, a double-prime quotation mark, a tab, a space followed by whitespace, or a non-ASCII space. A byte
/// scan, so lines of plain Chinese text (including full-width `，。：`) take the fast path.
pub(crate) fn needs_work(line: &str) -> bool {
    next_work(line.as_bytes(), 0).is_some()
}

/// The first offset at or after `i` where [`normalize_line`] may change something.
fn next_work(b: &[u8], i: usize) -> Option<usize> {
    find3(b, i, may_work)
}

/// True when [`normalize_line`] may change the character whose UTF-8 encoding starts
/// with `x y z`: `(` `（`, a space, any other whitespace, a full-width digit, letter or
/// `＋`, a small punctuation mark (U+FE50..U+FE6B), a double-prime quotation mark
/// (U+301D..U+301F). A superset, cheap to test (a space, a rare character such as `；`, `：` or
/// U+1xxx costs one look more), but never `，`, `。`, quotes or Han characters.
/// Branch-free, so that [`find3`] vectorises.
fn may_work(x: u8, y: u8, z: u8) -> bool {
    // `\t` .. `\r`, `(`, a space (a single space between two characters is left alone,
    // but it is rare in Chinese text: the test of the next byte is left to the decoder).
    let ascii = (x.wrapping_sub(0x09) < 5) | (x == b'(') | (x == b' ');
    // U+FF00..U+FF7F but `，` (EF BC 8C): `（` U+FF08, `＋` U+FF0B, digits, A-Z, a-z;
    // U+FEC0..U+FEFF (U+FEFF).
    let ef = (x == 0xEF) & (y.wrapping_sub(0xBB) < 3) & !((y == 0xBC) & (z == 0x8C));
    // U+FE50..U+FE6B, the small punctuation marks (EF B9 90..AB).
    let small = (x == 0xEF) & (y == 0xB9) & (z.wrapping_sub(0x90) < 0x1C);
    // U+3000; U+0085, U+00A0; U+2000..U+200F, U+2028..U+202F, U+2040..U+207F; U+1xxx.
    let spaces = ((x == 0xE3) & (y == 0x80) & (z == 0x80))
        | ((x == 0xC2) & ((y == 0x85) | (y == 0xA0)))
        | ((x == 0xE2) & (((y == 0x80) & ((z < 0x90) | ((z & 0xF8) == 0xA8))) | (y == 0x81)))
        | (x == 0xE1);
    // U+301D..U+301F, the double-prime quotation marks (E3 80 9D..9F).
    let primes = (x == 0xE3) & (y == 0x80) & (z.wrapping_sub(0x9D) < 3);
    // `,` before `,` or a CJK mark U+3000..U+303F (`、` E3 80 81, `。` E3 80 82, …).
    let doubled = (x == b',') & ((y == b',') | ((y == 0xE3) & (z == 0x80)));
    ascii | ef | small | spaces | primes | doubled
}

/// Emits the trimmed `line` (at byte `at` of the builder's input) into `b`, normalised
/// as `opts` asks, counting changes in `report`. One pass over the bytes: only
/// characters [`may_work`] picks are decoded; the runs between are copied whole (a line
/// needing no change is one copy).
pub(crate) fn normalize_line(
    line: &str,
    at: usize,
    opts: &CleanOptions,
    toneless: bool,
    b: &mut MapBuilder<'_>,
    report: &mut CleanReport,
) {
    if !(opts.width || opts.pinyin) {
        b.push_copy(line, at);
        return;
    }
    let bytes = line.as_bytes();
    let mut copied = 0; // bytes before this are emitted or skipped
    let mut after_gloss = usize::MAX; // just after the last removed gloss
    let mut i = 0;
    let flush = |b: &mut MapBuilder<'_>, from: usize, to: usize| {
        if from < to {
            b.push_copy(&line[from..to], at + from);
        }
    };
    // Only where something may change: every other character is copied as it is.
    while let Some(k) = next_work(bytes, i) {
        i = k;
        let Some(c) = line.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let n = c.len_utf8();
        if opts.width && is_space(c) {
            let mut e = i + n;
            while let Some(d) = line[e..].chars().next().filter(|&d| is_space(d)) {
                e += d.len_utf8();
            }
            if &line[i..e] != " " {
                flush(b, copied, i);
                if e < line.len() {
                    b.push_replaced(" ", at + i);
                }
                copied = e;
            }
            i = e;
            continue;
        }
        if opts.pinyin && (c == '(' || c == '（') {
            let prev_han = i == after_gloss || line[..i].chars().next_back().is_some_and(is_han);
            if prev_han {
                if let Some(g) = gloss_len(&line[i..], opts.width, toneless) {
                    flush(b, copied, i);
                    report.pinyin_glosses += 1;
                    i += g;
                    copied = i;
                    after_gloss = i;
                    continue;
                }
            }
        }
        if opts.width && c == ',' && is_doubled_comma(line, i) {
            // Some mirror sites write every Chinese comma as `,` and add one before the
            // next mark (有统一标识,、有固定场所,、…; 37座,,为): the list reads as a list again.
            flush(b, copied, i);
            report.width_chars += 1;
            i += 1;
            copied = i;
            continue;
        }
        if opts.width {
            if let Some(a) = fold_width(c) {
                flush(b, copied, i);
                let mut buf = [0u8; 4];
                b.push_replacing(a.encode_utf8(&mut buf), at + i..at + i + n);
                report.width_chars += 1;
                copied = i + n;
            }
        }
        i += n;
    }
    flush(b, copied, line.len());
}

/// True when the `,` at byte `i` of `line` follows a non-ASCII character and comes right
/// before another `,`, a `、` or a `。`: a comma doubled by a scraper, not one of a number
/// (1,000) or of ASCII text.
fn is_doubled_comma(line: &str, i: usize) -> bool {
    let next = line.get(i + 1..).unwrap_or("");
    (next.starts_with([',', '、', '。']))
        && line
            .get(..i)
            .and_then(|before| before.chars().next_back())
            .is_some_and(|p| !p.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::OffsetMap;

    fn norm(s: &str) -> (String, CleanReport) {
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, s.len());
        let mut r = CleanReport::default();
        normalize_line(s, 0, &CleanOptions::default(), false, &mut b, &mut r);
        (b.finish().0, r)
    }

    #[test]
    fn width_spaces_and_glosses() {
        let (t, r) = norm("建立“１＋５＋Ｎ”体系");
        assert_eq!(t, "建立“1+5+N”体系");
        assert_eq!(r.width_chars, 5);
        let (t, r) = norm("激發(fā)發(fā)展　 新活力，村(社区)");
        assert_eq!(t, "激發發展 新活力，村(社区)");
        assert_eq!(r.pinyin_glosses, 2);
        // A space a scraper left before the closing bracket (會(huì )).
        let (t, r) = norm("現場(chǎng)會(huì )將");
        assert_eq!(t, "現場會將");
        assert_eq!(r.pinyin_glosses, 2);
        // A gloss not right after a Han character stays.
        assert_eq!(norm("a(fā) 1(fā)").0, "a(fā) 1(fā)");
        assert!(!needs_work("党建引领，发展。“好”"));
        // A scraper's comma before another mark goes (b82, b28); a number's or ASCII's stays.
        let (t, r) = norm("有统一标识,、有固定场所,、有地图可查。37座,,为驿站,。");
        assert_eq!(t, "有统一标识、有固定场所、有地图可查。37座,为驿站。");
        assert_eq!(r.width_chars, 4);
        assert_eq!(norm("1,,2 a,、b").0, "1,,2 a,、b");
        assert!(needs_work("党建　引领"));
        // b62: a word processor's double-prime closing marks after curly opening ones.
        let (t, r) = norm("荣获“三八〞红旗手、〝巾帼文明岗〟称号");
        assert_eq!(t, "荣获“三八”红旗手、“巾帼文明岗”称号");
        assert_eq!(r.width_chars, 3);
    }

    /// The definition: every character that can start a change is decoded and looked at
    /// (the scan before [`may_work`]); the reference for the block scan.
    fn normalize_by_char(
        line: &str,
        opts: &CleanOptions,
        toneless: bool,
    ) -> (String, OffsetMap, CleanReport) {
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, line.len());
        let mut report = CleanReport::default();
        let mut copied = 0;
        let mut after_gloss = usize::MAX;
        let mut i = 0;
        for (j, c) in line.char_indices() {
            if j < i {
                continue;
            }
            i = j;
            let n = c.len_utf8();
            if opts.width && is_space(c) {
                let mut e = i + n;
                while let Some(d) = line[e..].chars().next().filter(|&d| is_space(d)) {
                    e += d.len_utf8();
                }
                if &line[i..e] != " " {
                    b.push_copy(&line[copied..i], copied);
                    if e < line.len() {
                        b.push_replaced(" ", i);
                    }
                    copied = e;
                }
                i = e;
                continue;
            }
            if opts.pinyin && (c == '(' || c == '（') {
                let prev_han =
                    i == after_gloss || line[..i].chars().next_back().is_some_and(is_han);
                if prev_han {
                    if let Some(g) = gloss_len(&line[i..], opts.width, toneless) {
                        b.push_copy(&line[copied..i], copied);
                        report.pinyin_glosses += 1;
                        i += g;
                        copied = i;
                        after_gloss = i;
                        continue;
                    }
                }
            }
            if opts.width && c == ',' && is_doubled_comma(line, i) {
                b.push_copy(&line[copied..i], copied);
                report.width_chars += 1;
                i += 1;
                copied = i;
                continue;
            }
            if opts.width {
                if let Some(a) = fold_width(c) {
                    b.push_copy(&line[copied..i], copied);
                    let mut buf = [0u8; 4];
                    b.push_replacing(a.encode_utf8(&mut buf), i..i + n);
                    report.width_chars += 1;
                    copied = i + n;
                }
            }
            i += n;
        }
        b.push_copy(&line[copied..], copied);
        let (t, m) = b.finish();
        (t, m, report)
    }

    fn norm_with(s: &str, opts: &CleanOptions, toneless: bool) -> (String, OffsetMap, CleanReport) {
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, s.len());
        let mut r = CleanReport::default();
        normalize_line(s, 0, opts, toneless, &mut b, &mut r);
        let (t, m) = b.finish();
        (t, m, r)
    }

    #[test]
    fn every_changed_character_is_picked() {
        // A line holds no '\n' (lines are split at it).
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\n')
        {
            let mut buf = [0u8; 4];
            let e = c.encode_utf8(&mut buf).as_bytes();
            let at = |j: usize| e.get(j).copied().unwrap_or(0);
            let changes =
                (is_space(c) && c != ' ') || fold_width(c).is_some() || c == '(' || c == '（';
            if changes {
                assert!(may_work(at(0), at(1), at(2)), "{c:?}");
            }
            if is_space(c) {
                assert!(may_work(b' ', at(0), at(1)), "space then {c:?}");
            }
            // A comma is dropped before `,` and the CJK marks `、` and `。`.
            if matches!(c, ',' | '、' | '。') {
                assert!(may_work(b',', at(0), at(1)), "comma then {c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn block_scan_normalises_like_the_char_scan(
            s in "([发展党建引领，。、,“”〝〞a1]{0,40}[ 　\t\u{a0}\u{2003}\u{200b}\u{feff}１２ＡＮａ＋(（]?(fā|zhǎn|fa|wen|ｗｅｎ)?[)）]?){0,5}",
            width: bool,
            pinyin: bool,
            toneless: bool,
        ) {
            let opts = CleanOptions { width, pinyin, ..CleanOptions::default() };
            proptest::prop_assert_eq!(
                norm_with(&s, &opts, toneless),
                normalize_by_char(&s, &opts, toneless)
            );
        }
    }

    #[test]
    fn map_points_at_the_raw_character() {
        let raw = "發(fā)展１";
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, raw.len());
        let mut r = CleanReport::default();
        normalize_line(raw, 0, &CleanOptions::default(), false, &mut b, &mut r);
        let (t, m) = b.finish();
        assert_eq!(t, "發展1");
        assert!(raw[m.to_raw(3)..].starts_with('展'));
        assert!(raw[m.to_raw(6)..].starts_with('１'));
    }
}
