//! The memo of one text for [`super::expand()`]: what expanding several mentions of the same
//! text would otherwise compute again for each.

use super::components::compound_parts;
use super::{Kind, Mention};
use std::collections::HashMap;

/// What [`super::expand()`] remembers within one text: the expansion of a compound part by part
/// ([`compound_parts`]) depends only on the text and the compound, not on the occurrence,
/// and searches the whole text, so each compound is expanded that way once per text; the
/// text is searched for a compound or part through the offsets of its first character,
/// found once per text.
#[derive(Debug, Default)]
pub(super) struct Memo {
    /// Normalised compound → (its values, its components part by part).
    compounds: HashMap<String, (Vec<u32>, Vec<String>)>,
    /// Character → the byte offsets of its occurrences in the text.
    starts: HashMap<char, Vec<usize>>,
}

impl Memo {
    /// The start offsets of the non-overlapping occurrences of `p` in `text`, leftmost
    /// first: those of `text.match_indices(p)`.
    pub(super) fn occurrences(&mut self, text: &str, p: &str) -> Vec<usize> {
        let Some(c) = p.chars().next() else {
            return text.match_indices(p).map(|(s, _)| s).collect();
        };
        let starts = self.starts.entry(c).or_insert_with(|| char_starts(text, c));
        let mut out = Vec::new();
        // A match resumes the search at its end, as `match_indices` does.
        let mut from = 0;
        for &s in starts.iter() {
            if s >= from
                && text
                    .as_bytes()
                    .get(s..)
                    .is_some_and(|r| r.starts_with(p.as_bytes()))
            {
                out.push(s);
                from = s + p.len();
            }
        }
        out
    }

    /// [`compound_parts`] of `m` in `text`, the text this memo belongs to.
    pub(super) fn compound_parts(&mut self, text: &str, m: &Mention) -> Vec<String> {
        if m.kind != Kind::NumeralCompound || m.value.len() < 2 {
            return Vec::new();
        }
        if let Some((value, parts)) = self.compounds.get(m.normalized.as_str()) {
            if *value == m.value {
                return parts.clone();
            }
        }
        let parts = compound_parts(text, m, self);
        self.compounds
            .insert(m.normalized.clone(), (m.value.clone(), parts.clone()));
        parts
    }
}

/// The byte offsets of the occurrences of `c` in `text`: those of `text.match_indices(c)`,
/// found by a SIMD search for its bytes (the encoding of a character found in a text starts
/// a character there; `match_indices` stops at every byte equal to the character's last
/// byte, 0x89 for 三, a common continuation byte).
fn char_starts(text: &str, c: char) -> Vec<usize> {
    let mut buf = [0u8; 4];
    memchr::memmem::find_iter(text.as_bytes(), c.encode_utf8(&mut buf).as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The offsets of a character (of one to four bytes) are those `match_indices` finds.
        #[test]
        fn char_starts_equal_match_indices(
            s in "[a三二“”化治中🙂é\\n]{0,150}",
            c in prop::sample::select(vec!['三', '化', 'a', '🙂', 'é', '“', '中']),
        ) {
            let want: Vec<usize> = s.match_indices(c).map(|(i, _)| i).collect();
            prop_assert_eq!(char_starts(&s, c), want);
        }
    }
}
