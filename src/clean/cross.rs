//! Repeated material across documents: a document identical to an earlier one, and long
//! paragraphs that already appeared in an earlier document (reprints). The first copy in
//! document order wins; later copies are removed and reported.

use super::{rebuild, Cleaned, Stage};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use std::ops::Range;

/// Paragraphs shorter than this (in characters) are not compared across documents: long
/// enough that headings (`三点发力`, `一、2025年工作回顾`) and shared boilerplate such as
/// the 37-character opening sentence of every provincial report are not duplicates.
pub const MIN_CROSS_CHARS: usize = 50;

/// A later copy of a document or paragraph, removed by [`dedup_across`](super::dedup_across).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossDuplicate {
    /// Id of the document the copy was removed from.
    pub doc: String,
    /// Index of the removed paragraph in that document before removal; `None` when the
    /// whole document was a copy (its text is then emptied).
    pub paragraph: Option<usize>,
    /// Id of the document holding the first copy.
    pub first_doc: String,
    /// Index of the first copy's paragraph in that document (after de-duplication);
    /// `None` for a whole-document copy.
    pub first_paragraph: Option<usize>,
    /// Length of the removed text in characters.
    pub chars: usize,
}

/// The identity of a text: two independent 64-bit hashes (foldhash's quality variant with a
/// fixed seed, and the Fx hash) of its bytes. Texts are compared by this key alone, so that
/// the streaming pipeline keeps 16 bytes per long paragraph instead of the paragraphs
/// themselves; two different paragraphs would have to collide in both functions at once.
/// (Foldhash replaced SipHash-1-3 here, which cost about six times as much per byte.)
type Key = (u64, u64);

/// The first hash of [`Key`]s (in memory only: any fixed seed will do).
const FOLD: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(0x7469_6661);

fn key(s: &str) -> Key {
    let mut h = FOLD.build_hasher();
    h.write(s.as_bytes());
    let mut f = crate::terms::FxHasher::default();
    f.write(s.as_bytes());
    (h.finish(), f.finish())
}

/// See [`super::dedup_across`].
pub(crate) fn dedup_across(docs: &mut [Cleaned], ids: &[String]) -> Vec<CrossDuplicate> {
    let mut state = CrossDedup::new();
    let mut out = Vec::new();
    for (i, d) in docs.iter_mut().enumerate() {
        let id = ids.get(i).cloned().unwrap_or_else(|| i.to_string());
        out.extend(state.apply(&id, d));
    }
    out
}

/// The keys of one cleaned document: of its whole text and of each long paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocKeys {
    whole: Key,
    paragraphs: Vec<Option<Key>>,
}

impl DocKeys {
    /// Hashes the text and every paragraph of at least [`MIN_CROSS_CHARS`] characters.
    ///
    /// Every byte is hashed once: the key of the whole text is the key of the sequence of
    /// its paragraphs' keys. Cleaned text is its paragraphs joined by `\n` (paragraphs are
    /// never empty and hold no `\n`), so equal texts have equal paragraph sequences and
    /// equal keys; different texts need a 128-bit collision, as before.
    pub fn of(doc: &Cleaned) -> DocKeys {
        let mut h = FOLD.build_hasher();
        let mut f = crate::terms::FxHasher::default();
        let paragraphs = doc
            .paragraphs
            .iter()
            .map(|p| {
                let t = doc.text.get(p.clone()).unwrap_or("");
                let k = key(t);
                for x in [k.0, k.1] {
                    h.write_u64(x);
                    f.write_u64(x);
                }
                // Cheap bounds first: MIN_CROSS_CHARS characters need as many bytes, and
                // 4 * MIN_CROSS_CHARS bytes hold as many characters.
                let long = t.len() >= 4 * MIN_CROSS_CHARS
                    || (t.len() >= MIN_CROSS_CHARS && t.chars().nth(MIN_CROSS_CHARS - 1).is_some());
                long.then_some(k)
            })
            .collect();
        h.write_usize(doc.paragraphs.len());
        f.write_usize(doc.paragraphs.len());
        DocKeys {
            whole: (h.finish(), f.finish()),
            paragraphs,
        }
    }
}

/// Cross-document de-duplication one document at a time, in corpus order (the first copy
/// wins): what a streaming pipeline keeps of the documents seen so far is one key per
/// document and per long paragraph, and the document ids.
#[derive(Debug, Default, Clone)]
pub struct CrossDedup {
    ids: Vec<String>,
    /// Whole-document key → document index.
    whole: HashMap<Key, usize>,
    /// Long-paragraph key → (document index, paragraph index after de-duplication).
    paras: HashMap<Key, (usize, usize)>,
}

impl CrossDedup {
    /// No document seen yet.
    pub fn new() -> CrossDedup {
        CrossDedup::default()
    }

    /// Removes from `doc` (the next document in corpus order, with id `id`) a whole-document
    /// copy or the long paragraphs (at least [`MIN_CROSS_CHARS`] characters) an earlier
    /// document had, and returns what it removed.
    pub fn apply(&mut self, id: &str, doc: &mut Cleaned) -> Vec<CrossDuplicate> {
        let keys = DocKeys::of(doc);
        self.apply_keyed(id, doc, &keys)
    }

    /// [`CrossDedup::apply`] with the document's keys computed beforehand (in parallel, by
    /// [`DocKeys::of`]), so that only the look-ups run in corpus order.
    pub fn apply_keyed(
        &mut self,
        id: &str,
        doc: &mut Cleaned,
        keys: &DocKeys,
    ) -> Vec<CrossDuplicate> {
        let i = self.ids.len();
        self.ids.push(id.to_string());
        let mut out = Vec::new();
        if doc.text.is_empty() {
            return out;
        }
        let h = keys.whole;
        if let Some(&j) = self.whole.get(&h) {
            out.push(CrossDuplicate {
                doc: id.to_string(),
                paragraph: None,
                first_doc: self.ids[j].clone(),
                first_paragraph: None,
                chars: doc.text.chars().count(),
            });
            // Released, not cleared: a streaming run keeps the emptied document until its
            // second pass, and a cleared string would keep its capacity.
            doc.text = String::new();
            doc.paragraphs = Vec::new();
            doc.map = crate::offsets::OffsetMap::identity();
            doc.report.cross_dup_document = true;
            return out;
        }
        self.whole.insert(h, i);
        // Paragraphs seen in earlier documents; the keys of those kept are remembered.
        let mut keep: Vec<Range<usize>> = Vec::with_capacity(doc.paragraphs.len());
        let mut kept_keys: Vec<Option<Key>> = Vec::with_capacity(doc.paragraphs.len());
        for (k, p) in doc.paragraphs.iter().enumerate() {
            let t = &doc.text[p.clone()];
            let pk = keys.paragraphs.get(k).copied().flatten();
            if let Some(&(d, q)) = pk.as_ref().and_then(|pk| self.paras.get(pk)) {
                out.push(CrossDuplicate {
                    doc: id.to_string(),
                    paragraph: Some(k),
                    first_doc: self.ids[d].clone(),
                    first_paragraph: Some(q),
                    chars: t.chars().count(),
                });
                continue;
            }
            keep.push(p.clone());
            kept_keys.push(pk);
        }
        if !out.is_empty() {
            let st = Stage {
                text: std::mem::take(&mut doc.text),
                map: std::mem::take(&mut doc.map),
                paras: std::mem::take(&mut doc.paragraphs),
            };
            let st = rebuild(&st, keep.iter().map(std::slice::from_ref));
            doc.text = st.text;
            doc.map = st.map;
            doc.paragraphs = st.paras;
            doc.report.cross_dup_paragraphs += out.len();
        }
        for (k, pk) in kept_keys.into_iter().enumerate() {
            if let Some(pk) = pk {
                self.paras.entry(pk).or_insert((i, k));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{clean, CleanOptions};

    proptest::proptest! {
        /// The whole-text key, built from the paragraph keys, tells texts apart exactly as
        /// the key of the text itself does.
        #[test]
        fn whole_key_is_the_text_identity(
            a in "([甲乙，。 ]{0,4}\n){0,4}",
            b in "([甲乙，。 ]{0,4}\n){0,4}",
        ) {
            let (ca, cb) = (clean(&a, &CleanOptions::default()), clean(&b, &CleanOptions::default()));
            let (ka, kb) = (DocKeys::of(&ca), DocKeys::of(&cb));
            proptest::prop_assert_eq!(ka.whole == kb.whole, ca.text == cb.text);
            proptest::prop_assert_eq!(ka.whole == kb.whole, key(&ca.text) == key(&cb.text));
        }
    }

    #[test]
    fn long_paragraphs_are_keyed() {
        let long = "党建引领".repeat(13); // 52 characters
        let raw = format!("短段落，好。\n{long}\n");
        let c = clean(&raw, &CleanOptions::default());
        let k = DocKeys::of(&c);
        assert_eq!(k.paragraphs, vec![None, Some(key(&long))]);
        let short = "党".repeat(MIN_CROSS_CHARS - 1);
        let k = DocKeys::of(&clean(&short, &CleanOptions::default()));
        assert_eq!(k.paragraphs, vec![None]);
    }
}
