//! Rows of aggregated formulations grouped by shape or by pattern (family).

use super::{Kind, SloganStats};
use indexmap::IndexMap;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Counts of one shape (variants such as 1+5+N and 1+2+N → `1+k+N`), from [`by_shape`], or
/// of one pattern (三化三促 and 三化三治 → `{3}化{3}*`), from [`by_pattern`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShapeStats {
    /// The shape; for a [`by_pattern`] row, the shape of the most frequent variant.
    pub shape: String,
    /// The pattern (family) of the shape(s).
    pub pattern: String,
    /// The distinct shapes grouped in the row (one for [`by_shape`]), in variant order.
    pub shapes: Vec<String>,
    /// Kind of the most frequent variant.
    pub kind: Kind,
    /// Number of mentions of all variants.
    pub total: usize,
    /// Variants (normalised forms), by total descending, then alphabetically.
    pub variants: Vec<String>,
    /// Mentions per group: the groups of the most frequent variant in its order, then the
    /// groups the other variants add.
    pub by_group: IndexMap<String, usize>,
    /// Number of documents with a mention.
    pub documents: usize,
    /// Number of groups with a mention.
    pub groups: usize,
}

/// Groups aggregated formulations by shape (`tifa slogans --by shape`): 1+5+N and 1+2+N
/// → `1+k+N`; 三化三促 and 三化三治 stay apart (`{3}化{3}促`, `{3}化{3}治`).
///
/// Sorted like [`super::aggregate()`]: groups descending, total descending, shape ascending.
/// A row's `documents` unites its variants' documents, so the stats must carry their
/// document lists ([`super::aggregate()`], or an [`super::Aggregator`] that keeps them).
pub fn by_shape(stats: &[SloganStats]) -> Vec<ShapeStats> {
    group_rows(stats, |s| s.shape.as_str())
}

/// Groups aggregated formulations by pattern (`tifa slogans --by pattern`): the variants of
/// one scheme that differ in their final morpheme form one row (三化三促 + 三化三治 →
/// `{3}化{3}*`); shapes without a varying final morpheme form the same rows as [`by_shape`].
///
/// Sorted like [`super::aggregate()`]: groups descending, total descending, pattern ascending.
pub fn by_pattern(stats: &[SloganStats]) -> Vec<ShapeStats> {
    group_rows(stats, |s| s.pattern.as_str())
}

/// One row per `key` value, counts summed over the variants.
fn group_rows<'a>(
    stats: &'a [SloganStats],
    key: fn(&'a SloganStats) -> &'a str,
) -> Vec<ShapeStats> {
    let mut acc: BTreeMap<&str, Vec<&SloganStats>> = BTreeMap::new();
    for s in stats {
        acc.entry(key(s)).or_default().push(s);
    }
    let mut rows: Vec<(&str, ShapeStats)> = acc
        .into_iter()
        .map(|(k, mut vs)| {
            vs.sort_by(|a, b| {
                b.total
                    .cmp(&a.total)
                    .then_with(|| a.normalized.cmp(&b.normalized))
            });
            let mut by_group: IndexMap<String, usize> = IndexMap::new();
            let mut docs: BTreeSet<usize> = BTreeSet::new();
            let mut shapes: Vec<String> = Vec::new();
            for v in &vs {
                for (g, c) in &v.by_group {
                    *by_group.entry(g.clone()).or_insert(0) += c;
                }
                docs.extend(v.doc_indices.iter().copied());
                if !shapes.contains(&v.shape) {
                    shapes.push(v.shape.clone());
                }
            }
            let first = vs.first();
            let row = ShapeStats {
                shape: first.map_or_else(String::new, |v| v.shape.clone()),
                pattern: first.map_or_else(String::new, |v| v.pattern.clone()),
                shapes,
                kind: first.map_or(Kind::QuotedSlogan, |v| v.kind),
                total: vs.iter().map(|v| v.total).sum(),
                variants: vs.iter().map(|v| v.normalized.clone()).collect(),
                groups: by_group.len(),
                by_group,
                // The union of the variants' documents; without their lists (an aggregation
                // that kept none), the largest variant's count, a lower bound.
                documents: if vs.iter().all(|v| v.doc_indices.len() == v.documents) {
                    docs.len()
                } else {
                    vs.iter().map(|v| v.documents).max().unwrap_or(0)
                },
            };
            (k, row)
        })
        .collect();
    rows.sort_by(|(ka, a), (kb, b)| {
        b.groups
            .cmp(&a.groups)
            .then(b.total.cmp(&a.total))
            .then_with(|| ka.cmp(kb))
    });
    rows.into_iter().map(|(_, r)| r).collect()
}
