//! Repeated material across documents: a document identical to an earlier one, and long
//! paragraphs that already appeared in an earlier document (reprints). The first copy in
//! document order wins; later copies are removed and reported.

use super::{rebuild, Cleaned, Stage};
use crate::terms::{FxBuild, FxHasher};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
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

/// A deterministic hash of a text; equal hashes are always confirmed by comparing the texts.
fn hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// See [`super::dedup_across`].
pub(crate) fn dedup_across(docs: &mut [Cleaned], ids: &[String]) -> Vec<CrossDuplicate> {
    let id = |i: usize| ids.get(i).cloned().unwrap_or_else(|| i.to_string());
    let mut out = Vec::new();
    let mut whole: HashMap<u64, Vec<usize>, FxBuild> = HashMap::default();
    let mut paras: HashMap<u64, Vec<(usize, usize)>, FxBuild> = HashMap::default();
    for i in 0..docs.len() {
        if docs[i].text.is_empty() {
            continue;
        }
        let h = hash(&docs[i].text);
        let first = whole
            .get(&h)
            .and_then(|v| v.iter().copied().find(|&j| docs[j].text == docs[i].text));
        if let Some(j) = first {
            out.push(CrossDuplicate {
                doc: id(i),
                paragraph: None,
                first_doc: id(j),
                first_paragraph: None,
                chars: docs[i].text.chars().count(),
            });
            let d = &mut docs[i];
            d.text.clear();
            d.paragraphs.clear();
            d.map = crate::offsets::OffsetMap::identity();
            d.report.cross_dup_document = true;
            continue;
        }
        whole.entry(h).or_default().push(i);
        // Paragraphs seen in earlier documents. The hash of each long paragraph is kept
        // for the registration below when nothing is removed (the usual case).
        let mut keep: Vec<Range<usize>> = Vec::with_capacity(docs[i].paragraphs.len());
        let mut long: Vec<(usize, u64)> = Vec::new();
        let mut removed = 0;
        for (k, p) in docs[i].paragraphs.iter().enumerate() {
            let t = &docs[i].text[p.clone()];
            // At most 4 bytes per char: a paragraph of fewer than 50 bytes has < 50 chars.
            let n = if t.len() < MIN_CROSS_CHARS {
                0
            } else {
                t.chars().count()
            };
            if n >= MIN_CROSS_CHARS {
                let h = hash(t);
                let hit = paras.get(&h).and_then(|v| {
                    v.iter().copied().find(|&(d, q)| {
                        d < i
                            && docs[d].paragraphs.get(q).map(|r| &docs[d].text[r.clone()])
                                == Some(t)
                    })
                });
                if let Some((d, q)) = hit {
                    out.push(CrossDuplicate {
                        doc: id(i),
                        paragraph: Some(k),
                        first_doc: id(d),
                        first_paragraph: Some(q),
                        chars: n,
                    });
                    removed += 1;
                    continue;
                }
                long.push((k, h));
            }
            keep.push(p.clone());
        }
        if removed > 0 {
            let d = &mut docs[i];
            let st = Stage {
                text: std::mem::take(&mut d.text),
                map: std::mem::take(&mut d.map),
                paras: std::mem::take(&mut d.paragraphs),
            };
            let groups: Vec<Vec<Range<usize>>> = keep.into_iter().map(|r| vec![r]).collect();
            let st = rebuild(&st, &groups);
            d.text = st.text;
            d.map = st.map;
            d.paragraphs = st.paras;
            d.report.cross_dup_paragraphs += removed;
            // Paragraph indices changed: find the long ones again.
            long = docs[i]
                .paragraphs
                .iter()
                .enumerate()
                .filter(|(_, p)| docs[i].text[(*p).clone()].chars().count() >= MIN_CROSS_CHARS)
                .map(|(k, p)| (k, hash(&docs[i].text[p.clone()])))
                .collect();
        }
        for (k, h) in long {
            let Some(p) = docs[i].paragraphs.get(k) else {
                continue;
            };
            let t = &docs[i].text[p.clone()];
            let e = paras.entry(h).or_default();
            if !e.iter().any(|&(d, q)| {
                docs[d].paragraphs.get(q).map(|r| &docs[d].text[r.clone()]) == Some(t)
            }) {
                e.push((i, k));
            }
        }
    }
    out
}
