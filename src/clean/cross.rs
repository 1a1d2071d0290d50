//! Repeated material across documents: a document identical to an earlier one, and long
//! paragraphs that already appeared in an earlier document (reprints). The first copy in
//! document order wins; later copies are removed and reported.

use super::{rebuild, Cleaned, Stage};
use std::collections::{HashMap, HashSet};
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

pub(crate) fn key(s: &str) -> Key {
    let mut h = FOLD.build_hasher();
    h.write(s.as_bytes());
    let mut f = crate::terms::FxHasher::default();
    f.write(s.as_bytes());
    (h.finish(), f.finish())
}

/// See [`super::dedup_across`]. The streaming state keeps only the keys seen; this
/// function also records where each first copy is, to report it.
pub(crate) fn dedup_across(docs: &mut [Cleaned], ids: &[String]) -> Vec<CrossDuplicate> {
    let name = |i: usize| ids.get(i).cloned().unwrap_or_else(|| i.to_string());
    let mut state = CrossDedup::new();
    // Where the first copy of each key is: document, and paragraph after de-duplication.
    let mut first_whole: HashMap<Key, usize> = HashMap::new();
    let mut first_para: HashMap<Key, (usize, usize)> = HashMap::new();
    let mut out = Vec::new();
    for (i, d) in docs.iter_mut().enumerate() {
        if d.text.is_empty() {
            continue;
        }
        let keys = DocKeys::of(d);
        let removed = state.apply_keyed(d, &keys);
        let whole_copy = removed.iter().any(|r| r.paragraph.is_none());
        for r in &removed {
            let (first_doc, first_paragraph) = match r.paragraph {
                None => (first_whole.get(&keys.whole).copied(), None),
                Some(k) => {
                    let pk = keys.paragraphs.get(k).copied().flatten();
                    let first = pk.and_then(|pk| first_para.get(&pk).copied());
                    (first.map(|f| f.0), first.map(|f| f.1))
                }
            };
            out.push(CrossDuplicate {
                doc: name(i),
                paragraph: r.paragraph,
                first_doc: first_doc.map(name).unwrap_or_default(),
                first_paragraph,
                chars: r.chars,
            });
        }
        if whole_copy {
            continue;
        }
        first_whole.entry(keys.whole).or_insert(i);
        // The kept paragraphs, numbered as they are after removal.
        let mut kept = 0;
        for (k, pk) in keys.paragraphs.iter().enumerate() {
            if removed.iter().any(|r| r.paragraph == Some(k)) {
                continue;
            }
            if let Some(pk) = pk {
                first_para.entry(*pk).or_insert((i, kept));
            }
            kept += 1;
        }
    }
    out
}

/// A copy removed by [`CrossDedup`]: which paragraph (or the whole document) and how long.
/// The state keeps no ids and no positions, only keys, so its memory is 17 bytes a
/// document or long paragraph in its tables (about twice that with their spare slots).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Index of the removed paragraph before removal; `None` for the whole document.
    pub paragraph: Option<usize>,
    /// Length of the removed text in characters.
    pub chars: usize,
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
/// wins): what a streaming pipeline keeps of the documents seen so far is the key of each
/// document and of each long paragraph (see [`Removed`]).
#[derive(Debug, Default, Clone)]
pub struct CrossDedup {
    /// Whole-document keys.
    whole: HashSet<Key>,
    /// Long-paragraph keys.
    paras: HashSet<Key>,
}

impl CrossDedup {
    /// No document seen yet.
    pub fn new() -> CrossDedup {
        CrossDedup::default()
    }

    /// Removes from `doc` (the next document in corpus order) a whole-document copy or the
    /// long paragraphs (at least [`MIN_CROSS_CHARS`] characters) an earlier document had,
    /// and returns what it removed.
    pub fn apply(&mut self, doc: &mut Cleaned) -> Vec<Removed> {
        let keys = DocKeys::of(doc);
        self.apply_keyed(doc, &keys)
    }

    /// [`CrossDedup::apply`] with the document's keys computed beforehand (in parallel, by
    /// [`DocKeys::of`]), so that only the look-ups run in corpus order.
    pub fn apply_keyed(&mut self, doc: &mut Cleaned, keys: &DocKeys) -> Vec<Removed> {
        let mut out = Vec::new();
        if doc.text.is_empty() {
            return out;
        }
        let h = keys.whole;
        if self.whole.contains(&h) {
            out.push(Removed {
                paragraph: None,
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
        self.whole.insert(h);
        // Paragraphs seen in earlier documents; the keys of those kept are remembered.
        let mut keep: Vec<Range<usize>> = Vec::with_capacity(doc.paragraphs.len());
        let mut kept_keys: Vec<Option<Key>> = Vec::with_capacity(doc.paragraphs.len());
        for (k, p) in doc.paragraphs.iter().enumerate() {
            let t = &doc.text[p.clone()];
            let pk = keys.paragraphs.get(k).copied().flatten();
            if pk.as_ref().is_some_and(|pk| self.paras.contains(pk)) {
                out.push(Removed {
                    paragraph: Some(k),
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
        for pk in kept_keys.into_iter().flatten() {
            self.paras.insert(pk);
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
