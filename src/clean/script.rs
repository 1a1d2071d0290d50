//! Step 5: script detection and Traditional → Simplified conversion (OpenCC `t2s`
//! tables through ferrous-opencc, built once per process). Detection reads a table of
//! the characters `t2s` changes, generated from OpenCC ([`t2s_table`]), so that no
//! conversion runs for it.

use super::chars::is_han;
use super::t2s_table;
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

/// True when `t2s` changes the character of code point `u` on its own (a
/// Traditional-only character such as 黨, 國, 區), by the generated [`t2s_table`]
/// (checked against OpenCC by a test). Code points outside its blocks are not.
fn is_traditional(u: u32) -> bool {
    let (words, start): (&[u64], u32) = if u < t2s_table::COMPAT_START {
        (&t2s_table::UNIFIED, t2s_table::UNIFIED_START)
    } else {
        (&t2s_table::COMPAT, t2s_table::COMPAT_START)
    };
    let k = u.wrapping_sub(start) as usize;
    words.get(k / 64).is_some_and(|w| w & (1 << (u % 64)) != 0)
}

/// The code point of the UTF-8 character of `b` starting at `i` (a character boundary)
/// and its length, when it is a Han character ([`is_han`]); its length and `None` when it
/// is not. Decodes only characters of 3 and 4 bytes, where all Han characters are.
fn han_at(b: &[u8], i: usize) -> (usize, Option<u32>) {
    let at = |j: usize| u32::from(b.get(j).copied().unwrap_or(0));
    let x = at(i);
    if x < 0xE0 {
        return (if x < 0x80 { 1 } else { 2 }, None);
    }
    let (n, u) = if x < 0xF0 {
        (
            3,
            (x & 0x0F) << 12 | (at(i + 1) & 0x3F) << 6 | (at(i + 2) & 0x3F),
        )
    } else {
        let u = (x & 0x07) << 18 | (at(i + 1) & 0x3F) << 12 | (at(i + 2) & 0x3F) << 6;
        (4, u | (at(i + 3) & 0x3F))
    };
    (n, char::from_u32(u).filter(|&c| is_han(c)).map(|_| u))
}

/// Detects whether `text` is written in Traditional or Simplified characters: of (up
/// to) the first 4000 Han characters, the share that `t2s` changes (looked up in a table
/// generated from OpenCC); 5 % or more is Traditional. Fewer than 10 Han characters is
/// [`Script::Unknown`].
pub fn detect_script(text: &str) -> Script {
    sample(text).script()
}

/// What [`detect_script`] read: of the first (up to) [`SAMPLE_HAN`] Han characters of a
/// text, how many there are and how many `t2s` changes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sample {
    han: usize,
    changed: usize,
    /// The byte offset where the sample ends.
    end: usize,
}

impl Sample {
    /// The script the sample shows (see [`detect_script`]).
    pub(crate) fn script(self) -> Script {
        if self.han < MIN_HAN || t2s().is_none() {
            Script::Unknown
        } else if is_traditional_share(self.han, self.changed) {
            Script::Traditional
        } else {
            Script::Simplified
        }
    }
}

/// Reads the sample of `text` for [`detect_script`].
pub(crate) fn sample(text: &str) -> Sample {
    let (han, changed, end) = count_traditional(text, SAMPLE_HAN);
    Sample { han, changed, end }
}

/// True when `changed` of `han` Han characters is the share of Traditional text.
fn is_traditional_share(han: usize, changed: usize) -> bool {
    changed * 1000 >= han * PER_MILLE
}

/// Of (up to) the first `limit` Han characters of `text`: how many there are, and how
/// many of them `t2s` changes, and the byte offset where it stopped reading.
fn count_traditional(text: &str, limit: usize) -> (usize, usize, usize) {
    let b = text.as_bytes();
    let mut han = 0;
    let mut changed = 0;
    let mut i = 0;
    // A byte scan (the text runs through here once per document): ASCII is stepped over a
    // byte at a time, and only characters of 3 or 4 bytes are decoded. The common case, a
    // unified ideograph, is looked up in the table directly.
    // The table's first block: extension A (U+3400..U+4DBF), U+4DC0..U+4DFF (not Han),
    // the unified ideographs (U+4E00..U+9FFF).
    let unified = t2s_table::UNIFIED_START..0xA000;
    while han < limit {
        let Some(&[x, y, z]) = b
            .get(i..i + 3)
            .map(<&[u8; 3]>::try_from)
            .and_then(Result::ok)
        else {
            break;
        };
        if (0xE3..0xF0).contains(&x) {
            let u = u32::from(x & 0x0F) << 12 | u32::from(y & 0x3F) << 6 | u32::from(z & 0x3F);
            if unified.contains(&u) && !(0x4DC0..0x4E00).contains(&u) {
                let k = (u - t2s_table::UNIFIED_START) as usize;
                let w = t2s_table::UNIFIED.get(k / 64).copied().unwrap_or(0);
                han += 1;
                changed += ((w >> (k % 64)) & 1) as usize;
                i += 3;
                continue;
            }
        }
        let (n, u) = han_at(b, i);
        if let Some(u) = u {
            han += 1;
            changed += usize::from(is_traditional(u));
        }
        i += n;
    }
    // The last two bytes (or fewer) hold at most one character.
    while i < b.len() && han < limit {
        let (n, u) = han_at(b, i);
        if let Some(u) = u {
            han += 1;
            changed += usize::from(is_traditional(u));
        }
        i += n;
    }
    (han, changed, i.min(b.len()))
}

/// Traditional-only characters among the most frequent of Chinese text (个们这说为国会
/// 来时对经发与进实关 and 党区 of this genre): a Traditional paragraph of some length
/// holds one of them.
const MARKERS: [&str; 18] = [
    "個", "們", "這", "說", "為", "國", "會", "來", "時", "對", "經", "發", "與", "進", "實", "關",
    "黨", "區",
];

/// True when `text` holds one of the [`MARKERS`]: one SIMD scan (Teddy), so that a
/// long Simplified document, whose sample showed no Traditional text, is not read
/// paragraph by paragraph.
fn has_marker(text: &str) -> bool {
    static SEARCHER: OnceLock<Option<aho_corasick::packed::Searcher>> = OnceLock::new();
    let searcher = SEARCHER.get_or_init(|| {
        aho_corasick::packed::Config::new()
            .builder()
            .extend(MARKERS)
            .build()
    });
    match searcher {
        Some(s) => s.find(text).is_some(),
        None => MARKERS.iter().any(|m| text.contains(m)),
    }
}

/// A paragraph needs at least this many characters that `t2s` changes to be Traditional:
/// one alone is as likely a character Simplified text uses too (乾坤, 哪吒, 著).
const PARA_MIN_CHANGED: usize = 2;

/// The paragraphs of `st`, a document that is not Traditional as a whole, that are
/// Traditional, wholly or in part (a headline or passage quoted from a Hong Kong or
/// Taiwan page, sentences of both scripts scraped into one paragraph): at least
/// [`PARA_MIN_CHANGED`] and 5 % of their Han characters change under `t2s`. `None` when
/// there is none, the common case: when `whole`, the document's [`sample`], read all of
/// it and found fewer than two such characters, or found fewer than two and the rest of
/// the document holds none of the [`MARKERS`], its paragraphs are not read.
pub(crate) fn traditional_paragraphs(st: &Stage, whole: Sample) -> Option<Vec<bool>> {
    let rest = st.text.get(whole.end..).unwrap_or("");
    if whole.changed < PARA_MIN_CHANGED && (whole.han < SAMPLE_HAN || !has_marker(rest)) {
        return None;
    }
    let marks: Vec<bool> = st
        .paras
        .iter()
        .map(|p| {
            let (han, changed, _) = count_traditional(&st.text[p.clone()], usize::MAX);
            changed >= PARA_MIN_CHANGED && is_traditional_share(han, changed)
        })
        .collect();
    marks.contains(&true).then_some(marks)
}

/// Characters that differ between `a` and its conversion `b` (position by position;
/// a length difference counts as changed characters).
fn count_changed(a: &str, b: &str) -> usize {
    let (na, nb) = (a.chars().count(), b.chars().count());
    a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() + na.abs_diff(nb)
}

/// Converts the paragraphs of `st` to Simplified (those marked in `only`, or all),
/// keeping the map: a changed character maps to the raw offset of the character it
/// replaces.
pub(crate) fn simplify(
    st: &Stage,
    only: Option<&[bool]>,
    report: &mut CleanReport,
) -> Option<Stage> {
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
        if only.is_some_and(|marks| !marks.get(k).copied().unwrap_or(false)) {
            b.push_copy(src, p.start);
            paras.push(start..b.text().len());
            continue;
        }
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

    /// The Han blocks the generated table covers: CJK extension A, the unified ideographs
    /// and the compatibility ideographs.
    const TABLE_RANGES: [(u32, u32); 3] = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)];

    /// The code points of [`TABLE_RANGES`] that `t2s` changes on their own, from OpenCC
    /// itself: one conversion of every character, one per line, so that no phrase applies.
    fn traditional_by_opencc() -> Vec<u32> {
        let cc = t2s().expect("t2s builds");
        let codes: Vec<u32> = TABLE_RANGES
            .iter()
            .flat_map(|&(lo, hi)| lo..=hi)
            .filter(|&u| char::from_u32(u).is_some())
            .collect();
        let all: String = codes
            .iter()
            .filter_map(|&u| char::from_u32(u))
            .flat_map(|c| [c, '\n'])
            .collect();
        let out = cc.convert(&all);
        let lines: Vec<&str> = out.split('\n').collect();
        assert!(lines.len() >= codes.len(), "one line per character");
        codes
            .iter()
            .zip(lines)
            .filter(|(u, line)| {
                let mut cs = line.chars();
                !(cs.next() == char::from_u32(**u) && cs.next().is_none())
            })
            .map(|(u, _)| *u)
            .collect()
    }

    /// The generated table holds exactly the characters OpenCC changes (after an update of
    /// ferrous-opencc, regenerate it with the ignored test `write_t2s_table`).
    #[test]
    fn table_is_what_opencc_changes() {
        let want = traditional_by_opencc();
        assert!(want.len() > 3000, "{}", want.len());
        let got: Vec<u32> = (0..0x11_0000).filter(|&u| is_traditional(u)).collect();
        assert_eq!(got, want);
    }

    /// Writes `src/clean/t2s_table.rs` from OpenCC.
    #[test]
    #[ignore]
    fn write_t2s_table() {
        let set = traditional_by_opencc();
        let mut out = String::from(
            "//! The Han characters that OpenCC's `t2s` changes on their own, a bit per code\n\
             //! point. Generated from ferrous-opencc by the ignored test\n\
             //! `clean::script::tests::write_t2s_table`; the test `table_is_what_opencc_changes`\n\
             //! checks it against OpenCC.\n\n",
        );
        for (name, doc, lo, hi) in [
            (
                "UNIFIED",
                "CJK extension A and the unified ideographs",
                0x3400u32,
                0xA000u32,
            ),
            ("COMPAT", "the compatibility ideographs", 0xF900, 0xFB00),
        ] {
            let n = ((hi - lo) / 64) as usize;
            let mut words = vec![0u64; n];
            for &u in set.iter().filter(|&&u| (lo..hi).contains(&u)) {
                words[((u - lo) / 64) as usize] |= 1 << (u % 64);
            }
            out.push_str(&format!(
                "/// The first code point of [`{name}`].\n\
                 pub(super) const {name}_START: u32 = {lo:#X};\n\n\
                 /// U+{lo:04X}..U+{hi:04X}, {doc}:\n\
                 /// bit `u % 64` of word `(u - {name}_START) / 64`.\n\
                 #[rustfmt::skip]\n\
                 pub(super) static {name}: [u64; {n}] = [\n"
            ));
            for row in words.chunks(4) {
                let row: Vec<String> = row.iter().map(|w| format!("{w:#018x},")).collect();
                out.push_str(&format!("    {}\n", row.join(" ")));
            }
            out.push_str("];\n\n");
        }
        out.pop();
        std::fs::write("src/clean/t2s_table.rs", out).expect("written");
    }

    #[test]
    fn table_knows_traditional_characters() {
        for c in "黨國區發經濟開與為個會從實組織體業務過質進題報產帶處領設兩張".chars()
        {
            assert!(is_traditional(c as u32), "{c}");
        }
        for c in "党国区发经济开与为个会从实组织体业务过质进题报产带处领设两张的一".chars()
        {
            assert!(!is_traditional(c as u32), "{c}");
        }
    }

    /// The definition of [`detect_script`]: the first 4000 Han characters by `chars()`.
    fn detect_by_chars(text: &str) -> Script {
        let han: Vec<char> = text
            .chars()
            .filter(|&c| is_han(c))
            .take(SAMPLE_HAN)
            .collect();
        let changed = han.iter().filter(|&&c| is_traditional(c as u32)).count();
        if han.len() < MIN_HAN {
            Script::Unknown
        } else if changed * 1000 >= han.len() * PER_MILLE {
            Script::Traditional
        } else {
            Script::Simplified
        }
    }

    #[test]
    fn han_at_decodes_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let want = is_han(c).then_some(c as u32);
            assert_eq!(han_at(s.as_bytes(), 0), (c.len_utf8(), want), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_scan_detects_like_the_char_scan(
            s in "[黨國區發党国区发的一，。a 🙂\u{20000}\u{323AF}é\u{4DC0}\u{A000}가\u{E000}\u{F900}\u{FAFF}\u{FB00}]{0,60}",
            repeat in 1usize..200,
        ) {
            let text = s.repeat(repeat);
            proptest::prop_assert_eq!(detect_script(&text), detect_by_chars(&text));
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
