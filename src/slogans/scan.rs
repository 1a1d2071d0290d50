//! The one pass over a text that [`super::extract`] starts with: the character table, and
//! the characters where a rule can start (opening quotation marks, and the triggers of the
//! unquoted rules), found while the table is decoded so that neither the quotation search
//! nor the unquoted rules walk the whole table again.

/// The character table of a text and its candidate positions.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Scan {
    /// `(byte offset, char)` of every character of the text.
    pub(super) chars: Vec<(u32, char)>,
    /// Char indices of the opening quotation marks (“ ‘ 「 『), in order.
    pub(super) openers: Vec<u32>,
    /// Char indices of the characters that can open an unquoted formulation (see
    /// [`is_trigger`]), in order.
    pub(super) triggers: Vec<u32>,
}

/// The opening quotation marks.
const OPENERS: [char; 4] = ['“', '‘', '「', '『'];

/// The characters that can open an unquoted formulation: a numeral up to 十, 两, 双, 第, an
/// ASCII digit, `+`.
const TRIGGERS: [char; 24] = [
    '一', '二', '两', '双', '三', '四', '五', '六', '七', '八', '九', '十', '第', '+', '0', '1',
    '2', '3', '4', '5', '6', '7', '8', '9',
];

/// The bitmap over U+0000..U+FFFF of [`OPENERS`] and [`TRIGGERS`]: most characters are
/// rejected with one bit test.
static CANDIDATES: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < TRIGGERS.len() {
        let u = TRIGGERS[k] as usize;
        t[u / 64] |= 1 << (u % 64);
        k += 1;
    }
    let mut k = 0;
    while k < OPENERS.len() {
        let u = OPENERS[k] as usize;
        t[u / 64] |= 1 << (u % 64);
        k += 1;
    }
    t
};

/// True for an opening quotation mark.
pub(super) fn is_opener(c: char) -> bool {
    OPENERS.contains(&c)
}

impl Scan {
    /// Decodes `text` (which must be shorter than 4 GiB) in one pass, into a table of
    /// exactly the right size.
    pub(super) fn new(text: &str) -> Scan {
        // Counting chars is a cheap byte scan; the table is then filled in place, without
        // a capacity check per character.
        let mut chars: Vec<(u32, char)> = vec![(0, '\0'); text.chars().count()];
        let mut openers = Vec::new();
        let mut triggers = Vec::new();
        for (k, (slot, (i, c))) in chars.iter_mut().zip(text.char_indices()).enumerate() {
            *slot = (i as u32, c);
            let u = c as usize;
            if u < 0x10000 && CANDIDATES[u / 64] & (1 << (u % 64)) != 0 {
                if is_opener(c) {
                    openers.push(k as u32);
                } else {
                    triggers.push(k as u32);
                }
            }
        }
        Scan {
            chars,
            openers,
            triggers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slogans::numerals::is_numeral;

    /// The reference: `char_indices`, and the candidates by their definitions.
    fn naive(text: &str) -> Scan {
        let chars: Vec<(u32, char)> = text.char_indices().map(|(i, c)| (i as u32, c)).collect();
        let pick = |f: &dyn Fn(char) -> bool| -> Vec<u32> {
            (0..chars.len() as u32)
                .filter(|&k| f(chars[k as usize].1))
                .collect()
        };
        let openers = pick(&|c| matches!(c, '“' | '‘' | '「' | '『'));
        let triggers = pick(&|c| is_numeral(c) || c == '第' || c.is_ascii_digit() || c == '+');
        Scan {
            chars,
            openers,
            triggers,
        }
    }

    #[test]
    fn bitmap_is_exact() {
        // Over all of Unicode, the bitmap admits exactly the openers and triggers.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let u = c as usize;
            let bit = u < 0x10000 && CANDIDATES[u / 64] & (1 << (u % 64)) != 0;
            let trigger = is_numeral(c) || c == '第' || c.is_ascii_digit() || c == '+';
            assert_eq!(bit, trigger || is_opener(c), "{c:?}");
            assert_eq!(TRIGGERS.contains(&c), trigger, "{c:?}");
        }
    }

    #[test]
    fn scan_equals_char_indices() {
        let text = "a“1+5+N”é中🙂\n三治融合。‘第’「一」『二』\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}";
        assert_eq!(Scan::new(text), naive(text));
        assert_eq!(Scan::new(""), Scan::default());
    }

    proptest::proptest! {
        #[test]
        fn scan_equals_char_indices_on_any_text(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(Scan::new(&text), naive(&text));
        }

        #[test]
        fn scan_equals_char_indices_on_candidates(text in "[一二两双三十百第+0-9a“”‘’「」『』中🙂\n]{0,40}") {
            proptest::prop_assert_eq!(Scan::new(&text), naive(&text));
        }
    }
}
