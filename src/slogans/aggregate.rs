//! Counting mentions by document and region (group), with expansions and contexts.

use super::expand::{expand_with, Consistency, Memo};
use super::{Kind, Mention};
use crate::offsets::OffsetMap;
use crate::terms::FxBuild;
use indexmap::IndexMap;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Longest context snippet, in characters on each side of the mention.
const CONTEXT_SIDE: usize = 60;

/// Mentions of one form whose expansion is tried before giving up on finding a consistent
/// one. A form's list is spelled out near its first uses, and without this bound every
/// mention of a form that never lists its components (most formulations in a large corpus)
/// paid for an expansion: a fifth of `tifa report`'s time on 20 MB.
pub const MAX_EXPANSION_TRIES: usize = 32;

/// The mentions of one document, with what aggregation needs to know about it.
///
/// Everything is borrowed: the pipeline holds every document once, and aggregation only
/// reads the texts, maps and mentions.
#[derive(Debug, Clone, Copy)]
pub struct DocMentions<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Group (region) the document belongs to.
    pub group: &'a str,
    /// Date of the document (ISO `YYYY-MM-DD` compares correctly), if known.
    pub date: Option<&'a str>,
    /// The cleaned text the mentions were extracted from.
    pub text: &'a str,
    /// Map from cleaned-text offsets to raw-text offsets ([`OffsetMap::identity`] if none).
    pub map: &'a OffsetMap,
    /// The mentions, as [`super::extract()`] (and possibly [`super::recognise_known`]) returned them.
    pub mentions: &'a [Mention],
}

/// One occurrence shown as evidence: the sentence around a mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Context {
    /// Document id.
    pub doc: String,
    /// Byte offset of the mention in the document's RAW text.
    pub offset: usize,
    /// The sentence (at most 60 characters each side of the mention).
    pub text: String,
}

/// Counts of one normalised formulation over the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SloganStats {
    /// Normalised form.
    pub normalized: String,
    /// Kind (the most frequent one among the mentions; ties: the first in [`Kind`] order).
    pub kind: Kind,
    /// Shape (see [`super::Mention::shape`]).
    pub shape: String,
    /// Pattern, the family of the shape (see [`super::Mention::pattern`]).
    pub pattern: String,
    /// Number of mentions.
    pub total: usize,
    /// Mentions per group, groups in the order they first appear in the input documents.
    pub by_group: IndexMap<String, usize>,
    /// Number of documents with a mention.
    pub documents: usize,
    /// Number of groups with a mention.
    pub groups: usize,
    /// Earliest date of a document with a mention.
    pub first_date: Option<String>,
    /// Latest date of a document with a mention.
    pub last_date: Option<String>,
    /// Components found: the first consistent expansion, else the longest one found (among
    /// the first `MAX_EXPANSION_TRIES` (32) mentions tried).
    pub expansion: Vec<String>,
    /// Consistency of `expansion` with the numeral.
    pub consistency: Consistency,
    /// Every mention, in input-document order, then by offset (empty when the aggregation
    /// keeps no contexts, see [`Aggregator::new`]).
    pub contexts: Vec<Context>,
    /// The documents with a mention, as indices in input order, ascending, when the
    /// aggregation keeps them ([`Aggregator::keep_documents`]; [`aggregate`] does), else
    /// empty. Not serialised: [`super::by_shape`] unites them over the variants.
    #[serde(skip)]
    pub doc_indices: Vec<usize>,
}

/// Aggregates the mentions of all documents by normalised form.
///
/// Sorted by number of groups (descending), then total (descending), then normalised form
/// (ascending, by Unicode code point) — so recurring cross-region formulations come first
/// and the order is fully determined. This is an [`Aggregator`] fed every document.
pub fn aggregate(docs: &[DocMentions<'_>]) -> Vec<SloganStats> {
    let mut agg = Aggregator::new(true).keep_documents(true);
    for d in docs {
        agg.add(d);
    }
    agg.finish()
}

/// Aggregation one document at a time (a streaming pipeline holds one batch of texts at a
/// time): owns everything it keeps. Documents are counted once per [`Aggregator::add`], so
/// each document is added once.
#[derive(Debug, Default)]
pub struct Aggregator {
    /// Keep one [`Context`] per mention (the evidence sentences); off, memory does not grow
    /// with the number of mentions.
    with_contexts: bool,
    /// Keep the list of documents of every form ([`SloganStats::doc_indices`]); off, memory
    /// does not grow with the number of documents.
    with_documents: bool,
    /// Groups in first-seen order (every document's group, with mentions or not).
    order: Vec<String>,
    /// Per normalised form; [`Aggregator::finish`] sorts them, so the map's order is free.
    acc: HashMap<String, Acc, FxBuild>,
    /// Documents added so far.
    docs: usize,
}

impl Aggregator {
    /// An empty aggregation; `with_contexts` keeps the sentence of every mention.
    pub fn new(with_contexts: bool) -> Aggregator {
        Aggregator {
            with_contexts,
            ..Aggregator::default()
        }
    }

    /// Also keeps, with `yes`, the documents of every form ([`SloganStats::doc_indices`]),
    /// which [`super::by_shape`] and [`super::by_pattern`] need to count the documents of
    /// several variants.
    pub fn keep_documents(mut self, yes: bool) -> Aggregator {
        self.with_documents = yes;
        self
    }

    /// Adds one document's mentions.
    pub fn add(&mut self, d: &DocMentions<'_>) {
        let doc = self.docs;
        self.docs += 1;
        let group = match self.order.iter().position(|g| g == d.group) {
            Some(i) => i,
            None => {
                self.order.push(d.group.to_string());
                self.order.len() - 1
            }
        };
        let mut memo = Memo::default();
        for m in d.mentions {
            let a = match self.acc.get_mut(m.normalized.as_str()) {
                Some(a) => a,
                None => self
                    .acc
                    .entry(m.normalized.clone())
                    .or_insert_with(|| Acc::new(m)),
            };
            a.total += 1;
            *a.kinds.entry(m.kind).or_insert(0) += 1;
            *a.by_group.entry(group).or_insert(0) += 1;
            if a.last_doc != Some(doc) {
                a.last_doc = Some(doc);
                a.documents += 1;
                if self.with_documents {
                    a.doc_indices.push(doc);
                }
            }
            if let Some(date) = d.date {
                if a.first_date.as_deref().is_none_or(|f| date < f) {
                    a.first_date = Some(date.to_string());
                }
                if a.last_date.as_deref().is_none_or(|l| date > l) {
                    a.last_date = Some(date.to_string());
                }
            }
            if a.consistency != Consistency::Ok
                && m.kind != Kind::QuotedSlogan
                && a.expansion_tries < MAX_EXPANSION_TRIES
            {
                a.expansion_tries += 1;
                let e = expand_with(d.text, m, &mut memo);
                let better =
                    e.consistency == Consistency::Ok || e.components.len() > a.expansion.len();
                if better {
                    a.expansion = e.components;
                    a.consistency = e.consistency;
                }
            }
            if self.with_contexts {
                a.contexts.push(Context {
                    doc: d.doc.to_string(),
                    offset: d.map.to_raw(m.start),
                    text: sentence(d.text, m),
                });
            }
        }
    }

    /// The statistics, in the order of [`aggregate`].
    pub fn finish(self) -> Vec<SloganStats> {
        let order = self.order;
        let mut out: Vec<SloganStats> = self
            .acc
            .into_iter()
            .map(|(name, a)| {
                let kind = a
                    .kinds
                    .iter()
                    .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                    .map_or(a.kind, |k| *k.0);
                let by_group: IndexMap<String, usize> = order
                    .iter()
                    .enumerate()
                    .filter_map(|(i, g)| a.by_group.get(&i).map(|c| (g.clone(), *c)))
                    .collect();
                SloganStats {
                    normalized: name,
                    kind,
                    pattern: super::shape::pattern(kind, &a.shape),
                    shape: a.shape,
                    total: a.total,
                    groups: by_group.len(),
                    by_group,
                    first_date: a.first_date,
                    last_date: a.last_date,
                    expansion: a.expansion,
                    consistency: a.consistency,
                    contexts: a.contexts,
                    documents: a.documents,
                    doc_indices: a.doc_indices,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.groups
                .cmp(&a.groups)
                .then(b.total.cmp(&a.total))
                .then_with(|| a.normalized.cmp(&b.normalized))
        });
        out
    }
}

#[derive(Debug)]
struct Acc {
    kind: Kind,
    shape: String,
    total: usize,
    kinds: BTreeMap<Kind, usize>,
    /// Mentions per group, by the group's index in [`Aggregator::order`].
    by_group: HashMap<usize, usize, FxBuild>,
    /// Documents with a mention, and the last one (documents come in order).
    documents: usize,
    last_doc: Option<usize>,
    /// Their indices, when kept.
    doc_indices: Vec<usize>,
    first_date: Option<String>,
    last_date: Option<String>,
    expansion: Vec<String>,
    expansion_tries: usize,
    consistency: Consistency,
    contexts: Vec<Context>,
}

impl Acc {
    fn new(m: &Mention) -> Self {
        Acc {
            kind: m.kind,
            shape: m.shape.clone(),
            total: 0,
            kinds: BTreeMap::new(),
            by_group: HashMap::default(),
            documents: 0,
            last_doc: None,
            doc_indices: Vec::new(),
            first_date: None,
            last_date: None,
            expansion: Vec::new(),
            expansion_tries: 0,
            consistency: Consistency::Undefined,
            contexts: Vec::new(),
        }
    }
}

/// The sentence around a mention, cut at 。！？ or a line break, 60 characters each side.
fn sentence(text: &str, m: &Mention) -> String {
    let stop = |c: char| matches!(c, '。' | '！' | '？' | '\n' | '!' | '?');
    let before = text.get(..m.start).unwrap_or("");
    let after = text.get(m.end..).unwrap_or("");
    let left: String = {
        let v: Vec<char> = before
            .chars()
            .rev()
            .take_while(|c| !stop(*c))
            .take(CONTEXT_SIDE)
            .collect();
        v.into_iter().rev().collect()
    };
    let mut right: String = after
        .chars()
        .take_while(|c| !stop(*c))
        .take(CONTEXT_SIDE)
        .collect();
    if let Some(c) = after
        .chars()
        .nth(right.chars().count())
        .filter(|c| stop(*c) && *c != '\n')
    {
        right.push(c);
    }
    format!("{left}{}{right}", m.surface)
}

#[cfg(test)]
mod tests {
    use super::super::{by_pattern, by_shape, extract};
    use super::*;

    /// Owned test documents: (id, group, date, text) and their mentions.
    struct Owned {
        meta: Vec<(&'static str, &'static str, &'static str, &'static str)>,
        mentions: Vec<Vec<Mention>>,
        map: OffsetMap,
    }

    impl Owned {
        fn new(meta: Vec<(&'static str, &'static str, &'static str, &'static str)>) -> Owned {
            let mentions = meta.iter().map(|d| extract(d.3)).collect();
            Owned {
                meta,
                mentions,
                map: OffsetMap::identity(),
            }
        }

        fn docs(&self) -> Vec<DocMentions<'_>> {
            self.meta
                .iter()
                .zip(&self.mentions)
                .map(|(d, m)| DocMentions {
                    doc: d.0,
                    group: d.1,
                    date: Some(d.2),
                    text: d.3,
                    map: &self.map,
                    mentions: m,
                })
                .collect()
        }
    }

    #[test]
    fn counts_and_order() {
        // a: 红色物业 ×2 in group A; b: 红色物业 ×1 and 1+5+N ×1 in group B.
        let o = Owned::new(vec![
            ("a", "A", "2021-01-01", "推进“红色物业”。再推进“红色物业”。"),
            ("b", "B", "2020-05-01", "推行“1+5+N”模式和“红色物业”。"),
        ]);
        let s = aggregate(&o.docs());
        assert_eq!(s[0].normalized, "红色物业");
        assert_eq!(s[0].total, 3);
        assert_eq!(s[0].groups, 2);
        assert_eq!(s[0].by_group.get("A"), Some(&2));
        assert_eq!(s[0].first_date.as_deref(), Some("2020-05-01"));
        assert_eq!(s[0].last_date.as_deref(), Some("2021-01-01"));
        // "推进“" = 2 chars × 3 bytes + 3 bytes = 9.
        assert_eq!(s[0].contexts[0].offset, 9);
        assert_eq!(s[1].normalized, "1+5+N");
        assert_eq!(s[1].shape, "1+k+N");
        assert_eq!(s[1].pattern, "1+k+N");
    }

    #[test]
    fn shapes_group_variants() {
        let o = Owned::new(vec![("a", "A", "2021", "“1+5+N”和“1+2+N”以及“1+2+N”")]);
        let sh = by_shape(&aggregate(&o.docs()));
        assert_eq!(sh[0].shape, "1+k+N");
        assert_eq!(sh[0].total, 3);
        assert_eq!(sh[0].variants, ["1+2+N", "1+5+N"]);
    }

    #[test]
    fn patterns_group_final_morpheme_variants() {
        // 三化三促 ×2 (group A), 三化三治 ×1 (group B), 六联六促 ×1 (group A).
        let o = Owned::new(vec![
            (
                "a",
                "A",
                "2021",
                "推行“三化三促”。深化“三化三促”,落实“六联六促”。",
            ),
            ("b", "B", "2022", "实施“三化三治”。"),
        ]);
        let stats = aggregate(&o.docs());
        // By shape: three rows, 三化三促 and 三化三治 apart.
        let sh = by_shape(&stats);
        assert_eq!(sh.len(), 3);
        assert!(sh.iter().any(|r| r.shape == "{6}联{6}促" && r.total == 1));
        // By pattern: 三化三促 + 三化三治 in one row of 3 mentions over 2 groups, first
        // (2 groups beat 1); 六联六促 alone.
        let pa = by_pattern(&stats);
        assert_eq!(pa.len(), 2);
        assert_eq!(pa[0].pattern, "{3}化{3}*");
        assert_eq!(pa[0].total, 3);
        assert_eq!(pa[0].groups, 2);
        assert_eq!(pa[0].documents, 2);
        assert_eq!(pa[0].variants, ["三化三促", "三化三治"]);
        assert_eq!(pa[0].shapes, ["{3}化{3}促", "{3}化{3}治"]);
        assert_eq!(pa[0].shape, "{3}化{3}促");
        assert_eq!(pa[1].pattern, "{6}联{6}*");
        assert_eq!(pa[1].variants, ["六联六促"]);
    }

    #[test]
    fn without_contexts_only_the_contexts_differ() {
        // Documents: 三化三促 in a and c, 三化三治 in b and c; by pattern they are one row
        // over the 3 documents a, b, c (c counted once).
        let o = Owned::new(vec![
            ("a", "A", "2021", "推行“三化三促”。"),
            ("b", "B", "2022", "实施“三化三治”。"),
            ("c", "A", "2023", "“三化三促”和“三化三治”。"),
        ]);
        let with = aggregate(&o.docs());
        let mut agg = Aggregator::new(false).keep_documents(true);
        for d in &o.docs() {
            agg.add(d);
        }
        let without = agg.finish();
        assert!(without.iter().all(|s| s.contexts.is_empty()));
        let strip = |v: &[SloganStats]| -> Vec<SloganStats> {
            v.iter()
                .cloned()
                .map(|mut s| {
                    s.contexts.clear();
                    s
                })
                .collect()
        };
        assert_eq!(strip(&with), without);
        assert_eq!(by_pattern(&with), by_pattern(&without));
        assert_eq!(by_pattern(&without)[0].documents, 3);
        // 三化三治 (groups B and A) sorts before 三化三促 (group A only).
        assert_eq!(with[0].normalized, "三化三治");
        assert_eq!(with[0].doc_indices, [1, 2]);
        assert_eq!(with[1].doc_indices, [0, 2]);
    }
}
