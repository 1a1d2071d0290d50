//! Repeated material across documents: a document identical to an earlier one, and long
//! paragraphs that already appeared in an earlier document (reprints). The first copy in
//! document order wins; later copies are removed and reported.

use super::{rebuild, Cleaned, Stage};
use std::collections::hash_map::DefaultHasher;
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

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// See [`super::dedup_across`].
pub(crate) fn dedup_across(docs: &mut [Cleaned], ids: &[String]) -> Vec<CrossDuplicate> {
    let id = |i: usize| ids.get(i).cloned().unwrap_or_else(|| i.to_string());
    let mut out = Vec::new();
    let mut whole: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut paras: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
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
        // Paragraphs seen in earlier documents.
        let mut keep: Vec<Range<usize>> = Vec::with_capacity(docs[i].paragraphs.len());
        let mut removed = 0;
        for (k, p) in docs[i].paragraphs.iter().enumerate() {
            let t = &docs[i].text[p.clone()];
            let n = t.chars().count();
            if n >= MIN_CROSS_CHARS {
                let hit = paras.get(&hash(t)).and_then(|v| {
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
        }
        for (k, p) in docs[i].paragraphs.iter().enumerate() {
            let t = &docs[i].text[p.clone()];
            if t.chars().count() >= MIN_CROSS_CHARS {
                let e = paras.entry(hash(t)).or_default();
                if !e.iter().any(|&(d, q)| {
                    docs[d].paragraphs.get(q).map(|r| &docs[d].text[r.clone()]) == Some(t)
                }) {
                    e.push((i, k));
                }
            }
        }
    }
    out
}
