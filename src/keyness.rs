//! Keyness: which terms a group (region) over- or under-uses against the rest of the corpus,
//! in the manner of quanteda.textstats' `textstat_keyness` (keyness.cpp) and Rayson's
//! log-likelihood calculator.
//!
//! For a term and a target group the 2×2 table is
//!
//! | | target | reference (all other groups) |
//! |---|---|---|
//! | term | a | b |
//! | other tokens | c = T − a | d = R − b |
//!
//! where T and R are the word-token totals of target and reference ([`crate::terms::DocTerms::tokens`]:
//! all word tokens before stopword filtering, the same denominator as per-10k), N = a+b+c+d,
//! and the expected counts are E11 = (a+b)(a+c)/N, E12 = (a+b)(b+d)/N, E21 = (c+d)(a+c)/N,
//! E22 = (c+d)(b+d)/N.
//!
//! * **G²** (log-likelihood, default): `2 Σ O ln(O/E)` over the four cells, cells with O = 0
//!   contributing 0. **No correction** (neither Yates nor Williams) is applied: this is
//!   Rayson's calculation.
//! * **χ²**: Pearson's `Σ (O−E)²/E = N(ad−bc)² / ((a+b)(c+d)(a+c)(b+d))`, **without** Yates'
//!   continuity correction.
//! * Both are **signed**: negative when the term's relative frequency in the target, a/T, is
//!   below that in the reference, b/R (as quanteda does).
//! * **p**: the upper tail of χ² with 1 degree of freedom at |score|, `erfc(√(x/2))`, computed
//!   with [`erfc`] (relative error below 1.2·10⁻⁷).
//! * **Log Ratio** (Hardie 2014): `log2((a/T) / (b/R))`, with 0.5 put in place of a zero count
//!   (only the zero one); 0 when T or R is 0.

use rayon::prelude::*;
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::terms::{DocInput, GroupTable};

/// The keyness statistic (`--measure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// Signed log-likelihood G² (JSON field `g2`).
    #[default]
    G2,
    /// Signed Pearson χ² without Yates' correction (JSON field `chi2`).
    Chi2,
}

impl Measure {
    /// The JSON/CSV field name of the score: `g2` or `chi2`.
    pub fn name(self) -> &'static str {
        match self {
            Measure::G2 => "g2",
            Measure::Chi2 => "chi2",
        }
    }

    /// The signed score for a 2×2 table (see the module documentation).
    pub fn score(self, a: f64, b: f64, c: f64, d: f64) -> f64 {
        match self {
            Measure::G2 => g2(a, b, c, d),
            Measure::Chi2 => chi2(a, b, c, d),
        }
    }
}

/// One keyness row. Serialises as `group, term, g2|chi2, log_ratio, p, target_count,
/// reference_count`.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyRow {
    /// The target group.
    pub group: String,
    /// The term.
    pub term: String,
    /// Which statistic `score` is.
    pub measure: Measure,
    /// The signed statistic.
    pub score: f64,
    /// Hardie's Log Ratio.
    pub log_ratio: f64,
    /// p-value of the χ²(1 df) distribution at |score|.
    pub p: f64,
    /// Occurrences in the target group.
    pub target_count: u64,
    /// Occurrences in all other groups.
    pub reference_count: u64,
}

impl Serialize for KeyRow {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry("group", &self.group)?;
        m.serialize_entry("term", &self.term)?;
        m.serialize_entry(self.measure.name(), &self.score)?;
        m.serialize_entry("log_ratio", &self.log_ratio)?;
        m.serialize_entry("p", &self.p)?;
        m.serialize_entry("target_count", &self.target_count)?;
        m.serialize_entry("reference_count", &self.reference_count)?;
        m.end()
    }
}

/// Keyness of every term of the corpus for every group against all other groups.
///
/// Every term occurring anywhere gets a row for every group (so under-used terms with a
/// target count of 0 are present). With fewer than two groups there is no reference and the
/// result is empty. Order: groups in first-seen order, then score descending, then term
/// ascending.
pub fn keyness(docs: &[DocInput], measure: Measure) -> Vec<KeyRow> {
    let mut table = GroupTable::new();
    for d in docs {
        table.add(&d.group, &d.terms);
    }
    let mut v = keyness_rows(&table, measure, &[Pick::All]);
    v.pop().unwrap_or_default()
}

/// [`top_keyness`]`(`[`keyness`]`(..), n, negative)` from a [`GroupTable`], building only
/// the rows kept: a large vocabulary times many groups is never held as rows.
pub fn keyness_top(table: &GroupTable, measure: Measure, n: usize, negative: bool) -> Vec<KeyRow> {
    let mut v = keyness_rows(table, measure, &[Pick::Top(n, negative)]);
    v.pop().unwrap_or_default()
}

/// `(`[`keyness_top`]`(.., n, false), `[`keyness_top`]`(.., n, true))`, the most over-used
/// and the most under-used terms of each group, with every score computed once.
pub fn keyness_top_both(
    table: &GroupTable,
    measure: Measure,
    n: usize,
) -> (Vec<KeyRow>, Vec<KeyRow>) {
    let mut v = keyness_rows(table, measure, &[Pick::Top(n, false), Pick::Top(n, true)]);
    let under = v.pop().unwrap_or_default();
    let over = v.pop().unwrap_or_default();
    (over, under)
}

/// Scores of the terms whose target and reference counts are both below this are computed
/// once per group ([`keyness_rows`]).
const MEMO: usize = 64;

/// The rows [`keyness_rows`] keeps of each group.
#[derive(Debug, Clone, Copy)]
enum Pick {
    /// Every row, in the order of [`keyness`].
    All,
    /// The top `n` of one direction (`true`: the most under-used first), as
    /// [`top_keyness`].
    Top(usize, bool),
}

/// For each pick, its rows of every group (groups in order): the scores of a group are
/// computed once whatever the number of picks.
fn keyness_rows(table: &GroupTable, measure: Measure, picks: &[Pick]) -> Vec<Vec<KeyRow>> {
    if table.groups().len() < 2 {
        return vec![Vec::new(); picks.len()];
    }
    let (corpus, corpus_tokens) = table.corpus_counts();
    // The groups are scored in parallel (each over the whole vocabulary) and their rows
    // joined in group order, so the result does not depend on the thread count.
    let accs: Vec<_> = table.accs().collect();
    let per_group: Vec<Vec<Vec<KeyRow>>> = accs
        .par_iter()
        .map(|&(g, acc)| {
            let t_tokens = acc.tokens;
            let r_tokens = corpus_tokens - t_tokens;
            // The group's count of every term, by id (most are 0: a dense vector rather
            // than a lookup per term).
            let mut in_group = vec![0u64; corpus.len()];
            for (id, (c, _)) in acc.counts.iter() {
                if let Some(x) = in_group.get_mut(id as usize) {
                    *x = c;
                }
            }
            let counts = |id: u32| {
                let a = in_group.get(id as usize).copied().unwrap_or(0);
                let b = corpus.get(id as usize).copied().unwrap_or(0) - a;
                (a, b)
            };
            // Scores of every term for the group: (score, term id). A score depends on the
            // term's counts (a, b) alone, and most terms are rare: the scores of small
            // counts are kept, each computed once per group.
            let score = |a: u64, b: u64| {
                let c = t_tokens.saturating_sub(a) as f64;
                let d = r_tokens.saturating_sub(b) as f64;
                measure.score(a as f64, b as f64, c, d)
            };
            let mut memo: Vec<Option<f64>> = vec![None; MEMO * MEMO];
            let mut scored: Vec<(f64, u32)> = Vec::with_capacity(corpus.len());
            for id in 0..corpus.len() as u32 {
                let (a, b) = counts(id);
                let kept = usize::try_from(a * MEMO as u64 + b)
                    .ok()
                    .filter(|_| a < MEMO as u64 && b < MEMO as u64)
                    .and_then(|k| memo.get_mut(k));
                let s = match kept {
                    Some(Some(s)) => *s,
                    Some(slot) => *slot.insert(score(a, b)),
                    None => score(a, b),
                };
                scored.push((s, id));
            }
            // Score descending, then term ascending (the order of the full table).
            let order = |x: &(f64, u32), y: &(f64, u32)| {
                y.0.total_cmp(&x.0)
                    .then_with(|| table.term(x.1).cmp(table.term(y.1)))
            };
            picks
                .iter()
                .map(|&pick| {
                    let keep: Vec<(f64, u32)> = match pick {
                        Pick::All => {
                            let mut all = scored.clone();
                            all.sort_by(order);
                            all
                        }
                        Pick::Top(n, negative) => {
                            let mut side: Vec<(f64, u32)> = scored
                                .iter()
                                .copied()
                                .filter(|s| if negative { s.0 < 0.0 } else { s.0 > 0.0 })
                                .collect();
                            // The most under-used come first with `negative`: the reverse
                            // order.
                            let cmp = |x: &(f64, u32), y: &(f64, u32)| {
                                if negative {
                                    order(y, x)
                                } else {
                                    order(x, y)
                                }
                            };
                            if side.len() > n {
                                side.select_nth_unstable_by(n, cmp);
                                side.truncate(n);
                            }
                            side.sort_by(cmp);
                            side
                        }
                    };
                    keep.into_iter()
                        .map(|(_, id)| {
                            let (a, b) = counts(id);
                            key_row(g, table.term(id), measure, a, b, t_tokens, r_tokens)
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut out: Vec<Vec<KeyRow>> = vec![Vec::new(); picks.len()];
    for rows in per_group {
        for (o, r) in out.iter_mut().zip(rows) {
            o.extend(r);
        }
    }
    out
}

/// The top `n` rows of each group: the most over-used (largest scores), or with `negative`
/// the most under-used (smallest scores first). Only rows with a positive (resp. negative)
/// score are taken.
pub fn top_keyness(rows: &[KeyRow], n: usize, negative: bool) -> Vec<KeyRow> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let j = i + rows[i..]
            .iter()
            .take_while(|r| r.group == rows[i].group)
            .count();
        let unit = &rows[i..j];
        if negative {
            out.extend(unit.iter().rev().filter(|r| r.score < 0.0).take(n).cloned());
        } else {
            out.extend(unit.iter().filter(|r| r.score > 0.0).take(n).cloned());
        }
        i = j;
    }
    out
}

fn key_row(group: &str, term: &str, measure: Measure, a: u64, b: u64, t: u64, r: u64) -> KeyRow {
    let (af, bf) = (a as f64, b as f64);
    let c = t.saturating_sub(a) as f64;
    let d = r.saturating_sub(b) as f64;
    let score = measure.score(af, bf, c, d);
    KeyRow {
        group: group.to_owned(),
        term: term.to_owned(),
        measure,
        score,
        log_ratio: log_ratio(a, b, t, r),
        p: chi2_p(score.abs()),
        target_count: a,
        reference_count: b,
    }
}

fn expected(a: f64, b: f64, c: f64, d: f64) -> Option<[f64; 4]> {
    let n = a + b + c + d;
    if n <= 0.0 {
        return None;
    }
    Some([
        (a + b) * (a + c) / n,
        (a + b) * (b + d) / n,
        (c + d) * (a + c) / n,
        (c + d) * (b + d) / n,
    ])
}

/// −1 when the target's relative frequency a/(a+c) is below the reference's b/(b+d), else 1.
fn sign(a: f64, b: f64, c: f64, d: f64) -> f64 {
    // a/(a+c) < b/(b+d)  ⇔  a(b+d) < b(a+c) for positive totals.
    if a * (b + d) < b * (a + c) {
        -1.0
    } else {
        1.0
    }
}

/// Signed log-likelihood G² of the 2×2 table `[[a, b], [c, d]]`, no correction; 0 for an
/// empty or degenerate table.
pub fn g2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let Some(e) = expected(a, b, c, d) else {
        return 0.0;
    };
    let g: f64 = [a, b, c, d]
        .iter()
        .zip(e)
        .filter(|(o, e)| **o > 0.0 && *e > 0.0)
        .map(|(o, e)| o * (o / e).ln())
        .sum::<f64>()
        * 2.0;
    sign(a, b, c, d) * g.max(0.0)
}

/// Signed Pearson χ² of the 2×2 table `[[a, b], [c, d]]`, without Yates' correction; 0 when a
/// margin is 0.
pub fn chi2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let n = a + b + c + d;
    let den = (a + b) * (c + d) * (a + c) * (b + d);
    if den <= 0.0 {
        return 0.0;
    }
    sign(a, b, c, d) * n * (a * d - b * c).powi(2) / den
}

/// Hardie's Log Ratio `log2((a/t) / (b/r))`, a zero count replaced by 0.5; 0 when a total is 0.
pub fn log_ratio(a: u64, b: u64, t: u64, r: u64) -> f64 {
    if t == 0 || r == 0 {
        return 0.0;
    }
    let fix = |x: u64| if x == 0 { 0.5 } else { x as f64 };
    ((fix(a) / t as f64) / (fix(b) / r as f64)).log2()
}

/// Upper-tail probability of the χ² distribution with 1 degree of freedom: P(X ≥ x) =
/// erfc(√(x/2)); 1 for x ≤ 0 (or NaN).
pub fn chi2_p(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return 1.0;
    }
    erfc((x / 2.0).sqrt())
}

/// The complementary error function, by the Chebyshev fit of Numerical Recipes (`erfcc`),
/// fractional error below 1.2·10⁻⁷ everywhere.
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

#[cfg(test)]
mod tests;
