//! Step 5: script detection and Traditional → Simplified conversion (OpenCC `t2s`
//! tables through ferrous-opencc, built once per process).

use super::chars::is_han;
use super::{CleanReport, Script, Stage};
use crate::offsets::MapBuilder;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::sync::OnceLock;

/// Han characters sampled for detection (from the start of the text).
const SAMPLE_HAN: usize = 4000;
/// Fewer Han characters than this: [`Script::Unknown`].
const MIN_HAN: usize = 10;
/// Traditional when at least this many per thousand sampled Han characters change
/// under `t2s`. Simplified text changes in about 0 ‰ (a stray 乾 or 著), the
/// Traditional seed 003 in about 360 ‰ (746 of its 2070 Han characters).
const PER_MILLE: usize = 50;

/// The shared `t2s` converter (`None` if it cannot be built, which disables the step).
fn t2s() -> Option<&'static OpenCC> {
    static CC: OnceLock<Option<OpenCC>> = OnceLock::new();
    CC.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// The Han blocks covered by the Traditional-character table: CJK extension A, the
/// unified ideographs and the compatibility ideographs.
const TABLE_RANGES: [(u32, u32); 3] = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)];
const TABLE_END: u32 = 0xFB00;

/// A bit per code point below U+FB00: set when `t2s` changes the character on its own.
/// Built once from OpenCC itself (one conversion of every character, one per line, so
/// no phrase applies), so detection needs no conversion of the document.
fn traditional_table() -> &'static [u64] {
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut bits = vec![0u64; (TABLE_END as usize).div_ceil(64)];
        let Some(cc) = t2s() else {
            return bits;
        };
        let mut all = String::with_capacity(30_000 * 4);
        let mut codes = Vec::with_capacity(30_000);
        for &(lo, hi) in &TABLE_RANGES {
            for u in lo..=hi {
                if let Some(c) = char::from_u32(u) {
                    all.push(c);
                    all.push('\n');
                    codes.push(u);
                }
            }
        }
        let out = cc.convert(&all);
        let lines: Vec<&str> = out.split('\n').collect();
        if lines.len() < codes.len() {
            return bits; // unexpected shape: detect nothing rather than guess
        }
        for (u, line) in codes.iter().zip(lines) {
            let mut cs = line.chars();
            let same = cs.next() == char::from_u32(*u) && cs.next().is_none();
            if !same {
                bits[*u as usize / 64] |= 1 << (u % 64);
            }
        }
        bits
    })
}

/// True when `t2s` changes `c` (a Traditional-only character such as 黨, 國, 區), by
/// the [`traditional_table`] `table` (looked up once per text by the caller).
fn is_traditional(table: &[u64], c: char) -> bool {
    let u = c as usize;
    table.get(u / 64).is_some_and(|w| w & (1 << (u % 64)) != 0)
}

/// Detects whether `text` is written in Traditional or Simplified characters: of (up
/// to) the first 4000 Han characters, the share that `t2s` changes (looked up in a table
/// built once from OpenCC); 5 % or more is Traditional. Fewer than 10 Han characters is
/// [`Script::Unknown`].
pub fn detect_script(text: &str) -> Script {
    let table = traditional_table();
    let mut han = 0;
    let mut changed = 0;
    for c in text.chars().filter(|&c| is_han(c)).take(SAMPLE_HAN) {
        han += 1;
        changed += usize::from(is_traditional(table, c));
    }
    if han < MIN_HAN || t2s().is_none() {
        return Script::Unknown;
    }
    if changed * 1000 >= han * PER_MILLE {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

/// Characters that differ between `a` and its conversion `b` (position by position;
/// a length difference counts as changed characters).
fn count_changed(a: &str, b: &str) -> usize {
    let (na, nb) = (a.chars().count(), b.chars().count());
    a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() + na.abs_diff(nb)
}

/// Converts every paragraph of `st` to Simplified, keeping the map: a changed
/// character maps to the raw offset of the character it replaces.
pub(crate) fn simplify(st: &Stage, report: &mut CleanReport) -> Option<Stage> {
    let cc = t2s()?;
    let mut b = MapBuilder::new(&st.map, st.text.len());
    let mut paras = Vec::with_capacity(st.paras.len());
    for (k, p) in st.paras.iter().enumerate() {
        if k > 0 {
            let prev = st.paras[k - 1].end;
            b.push_replaced("\n", prev);
        }
        let start = b.text().len();
        let src = &st.text[p.clone()];
        let out = cc.convert(src);
        if out.chars().count() == src.chars().count() {
            report.simplified_chars += emit_aligned(&mut b, src, p.start, &out);
        } else {
            // A phrase conversion changed the length: align clause by clause.
            for (s, e) in clauses(src) {
                let piece = &src[s..e];
                let conv = cc.convert(piece);
                if conv.chars().count() == piece.chars().count() {
                    report.simplified_chars += emit_aligned(&mut b, piece, p.start + s, &conv);
                } else {
                    report.simplified_chars += count_changed(piece, &conv);
                    b.push_replacing(&conv, p.start + s..p.start + e);
                }
            }
        }
        paras.push(start..b.text().len());
    }
    let (text, map) = b.finish();
    Some(Stage { text, map, paras })
}

/// Emits `out`, the same-length conversion of `src` (at input byte `at`): unchanged runs
/// are copied, changed characters replaced one by one. Returns the changed count.
fn emit_aligned(b: &mut MapBuilder<'_>, src: &str, at: usize, out: &str) -> usize {
    let mut changed = 0;
    let mut run: Option<usize> = None;
    let mut buf = [0u8; 4];
    for ((i, x), y) in src.char_indices().zip(out.chars()) {
        if x == y {
            run.get_or_insert(i);
            continue;
        }
        if let Some(s) = run.take() {
            b.push_copy(&src[s..i], at + s);
        }
        b.push_replacing(y.encode_utf8(&mut buf), at + i..at + i + x.len_utf8());
        changed += 1;
    }
    if let Some(s) = run {
        b.push_copy(&src[s..], at + s);
    }
    changed
}

/// Byte ranges of the clauses of `s`: runs ending after a non-Han character.
fn clauses(s: &str) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if !is_han(c) {
            let e = i + c.len_utf8();
            v.push((start, e));
            start = e;
        }
    }
    if start < s.len() {
        v.push((start, s.len()));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts() {
        assert_eq!(
            detect_script("黨建領航，永葆奮斗初心和忠誠底色。"),
            Script::Traditional
        );
        assert_eq!(
            detect_script("党建领航，永葆奋斗初心和忠诚底色。"),
            Script::Simplified
        );
        assert_eq!(detect_script("abc 黨"), Script::Unknown);
    }

    #[test]
    fn table_knows_traditional_characters() {
        for c in "黨國區發經濟開與為個會從實組織體業務過質進題報產帶處領設兩張".chars()
        {
            assert!(is_traditional(traditional_table(), c), "{c}");
        }
        for c in "党国区发经济开与为个会从实组织体业务过质进题报产带处领设两张的一".chars()
        {
            assert!(!is_traditional(traditional_table(), c), "{c}");
        }
    }

    #[test]
    fn clauses_cover_the_text() {
        let s = "兩張皮,黨建。x";
        let c = clauses(s);
        assert_eq!(c.first().map(|r| r.0), Some(0));
        assert_eq!(c.last().map(|r| r.1), Some(s.len()));
    }
}
