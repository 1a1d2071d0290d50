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
/// Traditional seed 003 in about 250 ‰.
const PER_MILLE: usize = 50;

/// The shared `t2s` converter (`None` if it cannot be built, which disables the step).
fn t2s() -> Option<&'static OpenCC> {
    static CC: OnceLock<Option<OpenCC>> = OnceLock::new();
    CC.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// Detects whether `text` is written in Traditional or Simplified characters: of (up
/// to) the first 4000 Han characters, the share that `t2s` changes; 5 % or more is
/// Traditional. Fewer than 10 Han characters is [`Script::Unknown`].
pub fn detect_script(text: &str) -> Script {
    let sample: String = text
        .chars()
        .filter(|&c| is_han(c))
        .take(SAMPLE_HAN)
        .collect();
    let han = sample.chars().count();
    if han < MIN_HAN {
        return Script::Unknown;
    }
    let Some(cc) = t2s() else {
        return Script::Unknown;
    };
    let changed = count_changed(&sample, &cc.convert(&sample));
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
                    b.push_replaced(&conv, p.start + s);
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
        b.push_replaced(y.encode_utf8(&mut buf), at + i);
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
    fn clauses_cover_the_text() {
        let s = "兩張皮,黨建。x";
        let c = clauses(s);
        assert_eq!(c.first().map(|r| r.0), Some(0));
        assert_eq!(c.last().map(|r| r.1), Some(s.len()));
    }
}
