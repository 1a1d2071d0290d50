//! Character classes shared by the cleaning steps (no regex: every test is a `match`).

/// True for a Han (CJK ideograph) character, including the extension blocks up to
/// extension H (t2s maps some rare characters there, e.g. 菕 → U+30C28).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// The ASCII form of a full-width digit, Latin letter or `＋`; `None` for everything
/// else (full-width Chinese punctuation such as `，。：` is left alone on purpose).
pub(crate) fn fold_width(c: char) -> Option<char> {
    match c as u32 {
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0xFF0B => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        _ => None,
    }
}

/// Whitespace inside a line: ASCII and Unicode spaces, including the ideographic space
/// U+3000, plus zero-width spaces and a stray byte-order mark.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Punctuation that ends a sentence (or a list item: `；` and `：` end a line that
/// must not be glued to the next one).
pub(crate) fn is_final(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '…' | '；' | ';' | '：' | ':' | '．'
    )
}

/// Punctuation that ends a sentence for sentence splitting (not `；`/`：`).
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…')
}

/// Closing quotes and brackets that may follow sentence-final punctuation.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '"' | '\''
    )
}

/// Punctuation inside a sentence that marks running prose (a clause break), as opposed
/// to a heading: `，` `,` `；` `;`. The enumeration comma `、` does not count (captions
/// and headings use it).
pub(crate) fn is_clause(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';')
}

/// True when `s`, ignoring trailing closing quotes and brackets, ends with final
/// punctuation.
pub(crate) fn ends_final(s: &str) -> bool {
    s.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_final)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_only_digits_letters_and_plus() {
        // １＋５＋Ｎ → 1+5+N; ，。：“” stay.
        let folded: String = "１＋５＋Ｎｚ，。：“”"
            .chars()
            .map(|c| fold_width(c).unwrap_or(c))
            .collect();
        assert_eq!(folded, "1+5+Nz，。：“”");
    }

    #[test]
    fn final_punctuation_behind_quotes() {
        assert!(ends_final("他说:“好。”"));
        assert!(!ends_final("唱响乡村振兴“最强音”"));
        assert!(!ends_final(""));
        assert!(is_han('黨') && is_han('党') && !is_han('，'));
    }
}
