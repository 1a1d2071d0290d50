//! The memo of one text for [`super::expand`]: what expanding several mentions of the same
//! text would otherwise compute again for each.

use super::components::compound_parts;
use super::{Kind, Mention};
use std::collections::HashMap;

/// What [`super::expand`] remembers within one text: the expansion of a compound part by part
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
        let starts = self
            .starts
            .entry(c)
            .or_insert_with(|| text.match_indices(c).map(|(s, _)| s).collect());
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
