//! Step 4: pinyin glosses. Some scraped pages insert the reading of a character after it,
//! in brackets: `發(fā)展`, `區(qū)`, `創(chuàng)新`. A gloss is a bracketed run of pinyin
//! letters containing at least one tone mark, right after a Han character; ordinary
//! brackets (`村(社区)`, `(左二)`, `一刻钟(15分钟)`, `(de)`) are not glosses.
//!
//! Other pages gloss without tone marks, character after character: `文(wen)章(zhang)`,
//! `工作(zuo)(zuo)`. One such bracket could be anything (`(de)`, `(a)`), so toneless
//! glosses are removed only from a document that has at least [`TONELESS_MIN`] bracketed
//! pinyin syllables right after Han characters, toned or not ([`toneless_glosses`]).

use super::chars::fold_width;

/// The longest gloss, in letters: a syllable has up to 6 (`chuàng`, `zhuàng`), and a
/// word may be glossed whole, two syllables in one bracket (`讲解(jiǎngjiě)`, 9;
/// `状况(zhuàngkuàng)`, 11).
const MAX_LETTERS: usize = 12;

/// True for a vowel (or syllabic n/m) carrying a pinyin tone mark.
fn is_toned(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

/// If `s` starts with a pinyin gloss (`(fā)`, `（qū）`; with `toneless` also a pinyin
/// syllable without tone marks, `(wen)`), its length in bytes including both brackets. With
/// `fold`, full-width letters count as their ASCII forms (so that the result does not
/// depend on whether the width step ran first).
pub(crate) fn gloss_len(s: &str, fold: bool, toneless: bool) -> Option<usize> {
    let mut it = s.char_indices();
    match it.next() {
        Some((_, '(' | '（')) => {}
        _ => return None,
    }
    let mut letters = [0u8; MAX_LETTERS];
    let mut n = 0;
    let mut toned = false;
    // Spaces after the letters, before the closing bracket (會(huì )): a scraper's.
    let mut spaces = false;
    for (i, c) in it {
        let c = if fold { fold_width(c).unwrap_or(c) } else { c };
        let letter = match c {
            ')' | '）' => {
                let syllable = || toneless && is_syllable(&letters[..n]);
                return (n > 0 && (toned || syllable())).then(|| i + c_len(s, i));
            }
            ' ' if n > 0 => {
                spaces = true;
                continue;
            }
            _ if spaces => return None,
            'a'..='z' => c as u8,
            'ü' => b'v',
            c if is_toned(c) => {
                toned = true;
                b'?'
            }
            _ => return None,
        };
        *letters.get_mut(n)? = letter;
        n += 1;
    }
    None
}

/// The fewest bracketed pinyin syllables right after Han characters that make a document's
/// toneless brackets glosses (see the module docs).
pub(crate) const TONELESS_MIN: usize = 3;

/// True when `text` glosses its characters with toneless pinyin: at least [`TONELESS_MIN`]
/// brackets right after a Han character hold a pinyin syllable (`文(wen)章(zhang)来源`).
pub(crate) fn toneless_glosses(text: &str) -> bool {
    // Vectorised searches for the two brackets (most documents have few): the order of the
    // hits does not matter for a count.
    let half = memchr::memchr_iter(b'(', text.as_bytes());
    let full = memchr::memmem::find_iter(text.as_bytes(), "（".as_bytes());
    half.chain(full)
        .filter(|&i| {
            let after_han = text[..i]
                .chars()
                .next_back()
                .is_some_and(super::chars::is_han);
            after_han && gloss_len(&text[i..], true, true).is_some()
        })
        .nth(TONELESS_MIN - 1)
        .is_some()
}

/// Pinyin initials, the two-letter ones first.
const INITIALS: [&str; 23] = [
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

/// Pinyin finals as written after an initial or alone (ü as `v`; `ue`, `uan`, `un` after
/// j, q, x, y stand for üe, üan, ün).
const FINALS: [&str; 36] = [
    "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
    "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan",
    "un", "uang", "ve", "ue", "van", "vn",
];

/// True for a pinyin syllable without tone marks, in lower-case ASCII letters (ü as `v`):
/// an optional initial, then a final (`wen`, `zhang`, `zuo`, `a`, `er`). A superset of the
/// syllables of Mandarin (`bong` passes), which is enough to tell glosses from words.
fn is_syllable(s: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(s) else {
        return false;
    };
    let fin = |f: &str| FINALS.contains(&f);
    fin(s) || INITIALS.iter().any(|i| s.strip_prefix(i).is_some_and(fin))
}

/// The byte length of the character of `s` at byte `i`.
fn c_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glosses_and_real_brackets() {
        assert_eq!(gloss_len("(fā)展", false, false), Some("(fā)".len()));
        assert_eq!(
            gloss_len("(chuàng)新", false, false),
            Some("(chuàng)".len())
        );
        assert_eq!(gloss_len("（qū）", false, false), Some("（qū）".len()));
        assert_eq!(gloss_len("(ｆā)", true, false), Some("(ｆā)".len()));
        assert_eq!(gloss_len("(ｆā)", false, false), None);
        assert_eq!(gloss_len("(社区)", false, false), None);
        assert_eq!(gloss_len("(de)", false, false), None); // no tone mark
        assert_eq!(gloss_len("(15分钟)", false, false), None);
        assert_eq!(gloss_len("(fā", false, false), None);
        assert_eq!(gloss_len("()", false, false), None);
        // A word glossed whole (b16: 网格地图绘制讲解(jiǎngjiě)), up to 12 letters.
        assert_eq!(
            gloss_len("(jiǎngjiě)”环节", false, false),
            Some("(jiǎngjiě)".len())
        );
        assert_eq!(gloss_len("(zhuàngkuàngzz)", false, false), None); // 13 letters
                                                                      // Spaces after the letters, as a scraper left them; not before, nor between.
        assert_eq!(gloss_len("(huì )将", false, false), Some("(huì )".len()));
        assert_eq!(gloss_len("(huì  )", false, false), Some("(huì  )".len()));
        assert_eq!(gloss_len("( huì)", false, false), None);
        assert_eq!(gloss_len("(hu ì)", false, false), None);
    }

    #[test]
    fn toneless_syllables() {
        for s in [
            "wen", "zhang", "zuo", "quan", "jian", "a", "er", "lv", "yuan", "shuang",
        ] {
            assert_eq!(
                gloss_len(&format!("({s})"), false, true),
                Some(s.len() + 2),
                "{s}"
            );
        }
        // Not syllables, or not asked for.
        for s in ["app", "gdp", "km", "xyz", "de1"] {
            assert_eq!(gloss_len(&format!("({s})"), false, true), None, "{s}");
        }
        assert_eq!(gloss_len("(wen)", false, false), None);
        assert_eq!(gloss_len("(WEN)", false, true), None);
    }

    #[test]
    fn a_document_glosses_without_tones_when_three_syllables_follow_han() {
        assert!(toneless_glosses("文(wen)章(zhang)来源：国资(zi)报告"));
        assert!(toneless_glosses("全(quan)面（mian）加(jia)强"));
        // Two, or brackets after other characters, or no syllables: not.
        assert!(!toneless_glosses("文(wen)章(zhang)来源"));
        assert!(!toneless_glosses("第(a)款、第(b)款和 2(de)(ge)(ni)"));
        assert!(!toneless_glosses("使用(APP)、(GDP)总量(km)"));
    }
}
