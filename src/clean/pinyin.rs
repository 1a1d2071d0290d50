//! Step 4: pinyin glosses. Some scraped pages insert the reading of a character after it,
//! in brackets: `發(fā)展`, `區(qū)`, `創(chuàng)新`. A gloss is a bracketed run of pinyin
//! letters containing at least one tone mark, right after a Han character; ordinary
//! brackets (`村(社区)`, `(左二)`, `一刻钟(15分钟)`, `(de)`) are not glosses.

use super::chars::fold_width;

/// The longest gloss, in letters (`chuàng`, `zhuàng`, `shuāng` have 6).
const MAX_LETTERS: usize = 7;

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

/// If `s` starts with a pinyin gloss (`(fā)`, `（qū）`), its length in bytes including
/// both brackets. With `fold`, full-width letters count as their ASCII forms (so that
/// the result does not depend on whether the width step ran first).
pub(crate) fn gloss_len(s: &str, fold: bool) -> Option<usize> {
    let mut it = s.char_indices();
    match it.next() {
        Some((_, '(' | '（')) => {}
        _ => return None,
    }
    let mut letters = 0;
    let mut toned = false;
    for (i, c) in it {
        let c = if fold { fold_width(c).unwrap_or(c) } else { c };
        match c {
            ')' | '）' => {
                return (toned && letters > 0).then(|| i + c_len(s, i));
            }
            'a'..='z' | 'ü' => letters += 1,
            c if is_toned(c) => {
                letters += 1;
                toned = true;
            }
            _ => return None,
        }
        if letters > MAX_LETTERS {
            return None;
        }
    }
    None
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
        assert_eq!(gloss_len("(fā)展", false), Some("(fā)".len()));
        assert_eq!(gloss_len("(chuàng)新", false), Some("(chuàng)".len()));
        assert_eq!(gloss_len("（qū）", false), Some("（qū）".len()));
        assert_eq!(gloss_len("(ｆā)", true), Some("(ｆā)".len()));
        assert_eq!(gloss_len("(ｆā)", false), None);
        assert_eq!(gloss_len("(社区)", false), None);
        assert_eq!(gloss_len("(de)", false), None); // no tone mark
        assert_eq!(gloss_len("(15分钟)", false), None);
        assert_eq!(gloss_len("(fā", false), None);
        assert_eq!(gloss_len("()", false), None);
    }
}
