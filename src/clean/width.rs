//! Steps 3–4 on one line: full-width digits, Latin letters and `＋` to ASCII,
//! whitespace runs collapsed to one space, pinyin glosses removed — in one pass over
//! the line, with a fast path that copies a line needing none of this whole.

use super::chars::{fold_width, is_han, is_space};
use super::pinyin::gloss_len;
use super::{CleanOptions, CleanReport};
use crate::offsets::MapBuilder;

/// True when the line may need a change: it holds `(`, `（`, a full-width digit,
/// letter or `＋`, a tab, two spaces in a row, or a non-ASCII space. A byte scan, so
/// lines of plain Chinese text (including full-width `，。：`) take the fast path.
pub(crate) fn needs_work(line: &str) -> bool {
    let b = line.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() {
        // Skip uninteresting bytes (Han characters, most punctuation) quickly.
        match b[i..].iter().position(|&x| LEAD[x as usize]) {
            Some(k) => i += k,
            None => return false,
        }
        let hit = match b[i] {
            b'(' | b'\t' | 0x0b | 0x0c | b'\r' => true,
            b' ' => at(i + 1) == b' ',
            // U+FF00..U+FF3F: （ U+FF08, ＋ U+FF0B, digits, A-Z; U+FF40..: a-z.
            0xEF => match at(i + 1) {
                0xBC => matches!(at(i + 2), 0x80 | 0x88 | 0x8B | 0x90..=0x99 | 0xA1..=0xBA),
                0xBD => matches!(at(i + 2), 0x81..=0x9A),
                0xBB => at(i + 2) == 0xBF, // U+FEFF
                _ => false,
            },
            0xE3 => at(i + 1) == 0x80 && at(i + 2) == 0x80, // U+3000
            0xC2 => matches!(at(i + 1), 0x85 | 0xA0),
            0xE2 => match at(i + 1) {
                0x80 => matches!(at(i + 2), 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF),
                0x81 => at(i + 2) == 0x9F,
                _ => false,
            },
            0xE1 => at(i + 1) == 0x9A && at(i + 2) == 0x80, // U+1680
            _ => false,
        };
        if hit {
            return true;
        }
        i += 1;
    }
    false
}

/// Bytes that can start something [`needs_work`] looks at.
static LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let lead: [u8; 11] = [
        b'(', b'\t', 0x0b, 0x0c, b'\r', b' ', 0xEF, 0xE3, 0xC2, 0xE2, 0xE1,
    ];
    let mut k = 0;
    while k < lead.len() {
        t[lead[k] as usize] = true;
        k += 1;
    }
    t
};

/// Emits the trimmed `line` (at byte `at` of the builder's input) into `b`, normalised
/// as `opts` asks, counting changes in `report`. One pass over the bytes: only bytes
/// that can start a full-width character, a bracket or a space are decoded; the runs
/// between are copied whole (a line needing no change is one copy).
pub(crate) fn normalize_line(
    line: &str,
    at: usize,
    opts: &CleanOptions,
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
    while i < bytes.len() {
        match bytes[i..].iter().position(|&x| LEAD[x as usize]) {
            Some(k) => i += k,
            None => break,
        }
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
                if let Some(g) = gloss_len(&line[i..], opts.width) {
                    flush(b, copied, i);
                    report.pinyin_glosses += 1;
                    i += g;
                    copied = i;
                    after_gloss = i;
                    continue;
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::OffsetMap;

    fn norm(s: &str) -> (String, CleanReport) {
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, s.len());
        let mut r = CleanReport::default();
        normalize_line(s, 0, &CleanOptions::default(), &mut b, &mut r);
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
        // A gloss not right after a Han character stays.
        assert_eq!(norm("a(fā) 1(fā)").0, "a(fā) 1(fā)");
        assert!(!needs_work("党建引领，发展。“好”"));
        assert!(needs_work("党建　引领"));
    }

    #[test]
    fn map_points_at_the_raw_character() {
        let raw = "發(fā)展１";
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, raw.len());
        let mut r = CleanReport::default();
        normalize_line(raw, 0, &CleanOptions::default(), &mut b, &mut r);
        let (t, m) = b.finish();
        assert_eq!(t, "發展1");
        assert!(raw[m.to_raw(3)..].starts_with('展'));
        assert!(raw[m.to_raw(6)..].starts_with('１'));
    }
}
