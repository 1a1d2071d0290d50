//! Group × item matrices and group × group similarity.
//!
//! A *group* is usually a region (地区); an *item* is a slogan or formulation (提法) or a
//! term. Both functions take plain per-group counts, so they do not depend on how the
//! items were found.

use super::matrix::{finite_or, Matrix};
use indexmap::IndexMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// The item counts of one group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupCounts {
    /// The group label (e.g. a region).
    pub group: String,
    /// Occurrences of each item in the group. Zero counts are allowed and mean "absent".
    pub counts: IndexMap<String, u64>,
    /// The number of tokens in the group's text (the base of `Norm::Per10k`).
    pub tokens: u64,
}

impl GroupCounts {
    /// A group from its label, counts and token total.
    pub fn new(group: impl Into<String>, counts: IndexMap<String, u64>, tokens: u64) -> Self {
        GroupCounts {
            group: group.into(),
            counts,
            tokens,
        }
    }
}

/// How cells of a group × item matrix are scaled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Norm {
    /// The raw count.
    #[default]
    Raw,
    /// Count per 10,000 tokens of the group (`count × 10000 / tokens`; 0 when the group
    /// has no tokens).
    Per10k,
    /// 1 when the item occurs in the group, else 0.
    Binary,
}

/// Builds the group × item matrix.
///
/// Rows are the groups in the given order (a group listed twice gives two rows). Columns
/// are the items present (count > 0) in at least `min_groups` groups (`0` is treated as
/// `1`), ordered by the number of groups they occur in (descending), then by total raw
/// count over all groups (descending), then by item (ascending, by Unicode code point).
pub fn group_item(groups: &[GroupCounts], norm: Norm, min_groups: usize) -> Matrix {
    let min_groups = min_groups.max(1);
    // item -> (groups present, total count); BTreeMap gives the final tie-break for free.
    let mut stats: BTreeMap<&str, (usize, u64)> = BTreeMap::new();
    for g in groups {
        for (item, &n) in &g.counts {
            if n > 0 {
                let e = stats.entry(item.as_str()).or_insert((0, 0));
                e.0 += 1;
                e.1 = e.1.saturating_add(n);
            }
        }
    }
    let mut items: Vec<(&str, usize, u64)> = stats
        .into_iter()
        .filter(|&(_, (k, _))| k >= min_groups)
        .map(|(item, (k, total))| (item, k, total))
        .collect();
    // Stable sort keeps the ascending item order for full ties.
    items.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)));

    let values = groups
        .iter()
        .map(|g| {
            items
                .iter()
                .map(|&(item, _, _)| {
                    let n = g.counts.get(item).copied().unwrap_or(0);
                    match norm {
                        Norm::Raw => n as f64,
                        Norm::Binary => f64::from(u8::from(n > 0)),
                        Norm::Per10k if g.tokens == 0 => 0.0,
                        Norm::Per10k => finite_or(n as f64 * 10_000.0 / g.tokens as f64, 0.0),
                    }
                })
                .collect()
        })
        .collect();
    Matrix {
        rows: groups.iter().map(|g| g.group.clone()).collect(),
        cols: items.iter().map(|&(i, _, _)| i.to_string()).collect(),
        values,
    }
}

/// A similarity measure between two groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// Jaccard index of the two item *sets* (items with count > 0): |A ∩ B| / |A ∪ B|.
    /// Suited to slogans, where presence matters more than frequency.
    #[default]
    Jaccard,
    /// Cosine of the raw count vectors: Σ aᵢbᵢ / (‖a‖ ‖b‖).
    Cosine,
    /// Cosine of TF-IDF vectors: tfᵢ × idfᵢ with the smoothed
    /// `idfᵢ = ln((1 + G) / (1 + dfᵢ)) + 1` (G groups, dfᵢ groups containing item i; the
    /// scikit-learn default), so items found in every group still weigh something.
    CosineTfIdf,
}

/// The similarity of one pair of groups, with the items they share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairSimilarity {
    /// The first group (earlier in the input order).
    pub a: String,
    /// The second group.
    pub b: String,
    /// The similarity, in [0, 1].
    pub value: f64,
    /// Items present in both, by combined count (descending), then item (ascending).
    pub shared: Vec<String>,
}

/// The result of [`group_similarity`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Similarity {
    /// The symmetric group × group matrix, groups in the input order.
    pub matrix: Matrix,
    /// Every unordered pair of distinct rows, by value (descending), then by the input
    /// positions of `a` and `b`.
    pub pairs: Vec<PairSimilarity>,
}

/// Similarity between all pairs of groups.
///
/// The matrix is exactly symmetric (each pair is computed once and mirrored). The diagonal
/// is 1 for a group with at least one item and 0 for an empty group; any pair involving
/// an empty group (no item with count > 0) is 0, never NaN.
pub fn group_similarity(groups: &[GroupCounts], measure: Measure) -> Similarity {
    let mut pairs = Vec::with_capacity(groups.len() * groups.len().saturating_sub(1) / 2);
    let matrix = similarity_with(groups, measure, true, |i, j, v, shared| {
        pairs.push((i, j, v, shared_sorted(shared)));
    });
    pairs.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    Similarity {
        matrix,
        pairs: pairs
            .into_iter()
            .map(|(i, j, value, shared)| PairSimilarity {
                a: groups[i].group.clone(),
                b: groups[j].group.clone(),
                value,
                shared,
            })
            .collect(),
    }
}

/// The matrix of [`group_similarity`] alone, without listing the items each pair shares.
pub fn similarity_matrix(groups: &[GroupCounts], measure: Measure) -> Matrix {
    similarity_with(groups, measure, false, |_, _, _, _| {})
}

/// One shared item of two groups: the item and its raw counts in each.
type Shared<'a> = (&'a str, u64, u64);

/// The similarity matrix, handing each pair `(i, j)` (`i < j`) with its value to `pair`,
/// with the items the two groups share if `list` (else none).
fn similarity_with<F>(groups: &[GroupCounts], measure: Measure, list: bool, mut pair: F) -> Matrix
where
    F: FnMut(usize, usize, f64, Vec<Shared<'_>>),
{
    let n = groups.len();
    let weights = weights(groups, measure);
    let norms: Vec<f64> = weights
        .iter()
        .map(|w| w.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt())
        .collect();
    let mut values = vec![vec![0.0; n]; n];
    for i in 0..n {
        if !weights[i].is_empty() {
            values[i][i] = 1.0;
        }
        for j in i + 1..n {
            let (wi, wj) = (&weights[i], &weights[j]);
            let (shared, n_shared, dot) = merge(wi, wj, list);
            let v = match measure {
                Measure::Jaccard => {
                    let union = wi.len() + wj.len() - n_shared;
                    if union == 0 {
                        0.0
                    } else {
                        n_shared as f64 / union as f64
                    }
                }
                Measure::Cosine | Measure::CosineTfIdf => {
                    let den = norms[i] * norms[j];
                    if den > 0.0 {
                        finite_or(dot / den, 0.0).clamp(0.0, 1.0)
                    } else {
                        0.0
                    }
                }
            };
            values[i][j] = v;
            values[j][i] = v;
            pair(i, j, v, shared);
        }
    }
    Matrix {
        rows: groups.iter().map(|g| g.group.clone()).collect(),
        cols: groups.iter().map(|g| g.group.clone()).collect(),
        values,
    }
}

/// The items two sorted weight vectors share (with their raw counts; listed only if
/// `list`), how many, and the dot product of the weights (a merge join: linear in the two
/// lengths, no lookups).
fn merge<'a>(a: &[Weight<'a>], b: &[Weight<'a>], list: bool) -> (Vec<Shared<'a>>, usize, f64) {
    let (mut i, mut j) = (0, 0);
    let mut shared = Vec::new();
    let mut n_shared = 0;
    let mut dot = 0.0;
    while let (Some(&(ka, wa, ca)), Some(&(kb, wb, cb))) = (a.get(i), b.get(j)) {
        match ka.cmp(kb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if list {
                    shared.push((ka, ca, cb));
                }
                n_shared += 1;
                dot += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    (shared, n_shared, dot)
}

/// An item of a group's weight vector: the item, its weight and its raw count.
type Weight<'a> = (&'a str, f64, u64);

/// Per-group weight vectors (only items with count > 0, with their raw counts), sorted by
/// item.
fn weights(groups: &[GroupCounts], measure: Measure) -> Vec<Vec<Weight<'_>>> {
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for g in groups {
        for (k, &c) in &g.counts {
            if c > 0 {
                *df.entry(k.as_str()).or_insert(0) += 1;
            }
        }
    }
    let n = groups.len() as f64;
    groups
        .iter()
        .map(|g| {
            let mut v = g
                .counts
                .iter()
                .filter(|&(_, &c)| c > 0)
                .map(|(k, &c)| {
                    let w = match measure {
                        Measure::Jaccard => 1.0,
                        Measure::Cosine => c as f64,
                        Measure::CosineTfIdf => {
                            let d = df.get(k.as_str()).copied().unwrap_or(0) as f64;
                            c as f64 * (((1.0 + n) / (1.0 + d)).ln() + 1.0)
                        }
                    };
                    (k.as_str(), w, c)
                })
                .collect::<Vec<_>>();
            v.sort_by(|x, y| x.0.cmp(y.0));
            v
        })
        .collect()
}

/// Shared items by combined raw count (descending), then item (ascending).
fn shared_sorted(shared: Vec<Shared<'_>>) -> Vec<String> {
    let mut v: Vec<(u64, &str)> = shared
        .into_iter()
        .map(|(k, ca, cb)| (ca.saturating_add(cb), k))
        .collect();
    v.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)));
    v.into_iter().map(|(_, k)| k.to_string()).collect()
}
