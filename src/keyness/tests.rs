//! Hand-checked keyness figures. The second, independent method is Python:
//!
//! ```text
//! python3 -c "import math; O=[10,5,990,1995]; N=sum(O); a,b,c,d=O
//! E=[(a+b)*(a+c)/N,(a+b)*(b+d)/N,(c+d)*(a+c)/N,(c+d)*(b+d)/N]
//! print(2*sum(o*math.log(o/e) for o,e in zip(O,E) if o), sum((o-e)**2/e for o,e in zip(O,E)))"
//! ```

use super::*;
use crate::terms::DocTerms;

fn close(x: f64, y: f64, tol: f64) -> bool {
    (x - y).abs() <= tol * y.abs().max(1.0)
}

/// Term 1: a=10, b=5, c=990, d=1995 (T = 1000, R = 2000, N = 3000).
/// E11 = 15·1000/3000 = 5, E12 = 15·2000/3000 = 10, E21 = 2985·1000/3000 = 995,
/// E22 = 2985·2000/3000 = 1990.
/// G² = 2[10 ln(10/5) + 5 ln(5/10) + 990 ln(990/995) + 1995 ln(1995/1990)]
///    = 2[6.931472 − 3.465736 − 4.987415 + 5.006270] = 2 × 3.484596 = 6.969192
///    (Python: 6.969191931932806), positive since 10/1000 > 5/2000.
/// χ² = N(ad − bc)² / ((a+b)(c+d)(a+c)(b+d)) = 3000 × (19950 − 4950)² / (15·2985·1000·2000)
///    = 3000 × 2.25e8 / 8.955e10 = 7.537688 (Python: 7.5376884422110555).
/// Log Ratio = log2((10/1000)/(5/2000)) = log2(4) = 2.
/// p(G²) = erfc(√(6.969192/2)) = 0.0082925 (Python math.erfc: 0.00829249358480712),
/// p(χ²) = 0.0060422 (Python: 0.006042151085816345).
#[test]
fn over_used_term_by_hand() {
    assert!(close(
        g2(10.0, 5.0, 990.0, 1995.0),
        6.969_191_931_932_806,
        1e-12
    ));
    assert!(close(
        chi2(10.0, 5.0, 990.0, 1995.0),
        7.537_688_442_211_055_5,
        1e-12
    ));
    assert!(close(log_ratio(10, 5, 1000, 2000), 2.0, 1e-15));
    assert!(close(
        chi2_p(6.969_191_931_932_806),
        0.008_292_493_584_807_12,
        2e-7
    ));
    assert!(close(
        chi2_p(7.537_688_442_211_055_5),
        0.006_042_151_085_816_345,
        2e-7
    ));
}

/// Term 2: a=0, b=20, c=1000, d=1980 (T = 1000, R = 2000, N = 3000): under-used.
/// E11 = 20·1000/3000 = 6.666667, E12 = 13.333333, E21 = 993.333333, E22 = 1986.666667.
/// G² = 2[0 + 20 ln(20/13.333333) + 1000 ln(1000/993.333333) + 1980 ln(1980/1986.666667)]
///    = 2[8.109302 + 6.688988 − 6.655447] = 2 × 8.142822 = 16.285644, sign − (0 < 20/2000)
///    (Python: −16.28564372320822).
/// χ² = 3000 × (0·1980 − 20·1000)² / (20·2980·1000·2000) = 3000 × 4e8 / 1.192e11 = 10.067114,
///    signed −10.067114 (Python: −10.06711409395973).
/// Log Ratio with 0.5 for the zero: log2((0.5/1000)/(20/2000)) = log2(0.05) = −4.321928.
/// p(G²) = 5.4475e-5 (Python: 5.447511397747999e-05).
#[test]
fn under_used_term_by_hand() {
    assert!(close(
        g2(0.0, 20.0, 1000.0, 1980.0),
        -16.285_643_723_208_22,
        1e-12
    ));
    assert!(close(
        chi2(0.0, 20.0, 1000.0, 1980.0),
        -10.067_114_093_959_73,
        1e-12
    ));
    assert!(close(
        log_ratio(0, 20, 1000, 2000),
        -4.321_928_094_887_363,
        1e-12
    ));
    assert!(close(
        chi2_p(16.285_643_723_208_22),
        5.447_511_397_747_999e-5,
        2e-7
    ));
}

/// Equal relative frequencies (2/100 vs 8/400): every statistic is 0 and p = 1.
#[test]
fn no_difference() {
    assert_eq!(g2(2.0, 8.0, 98.0, 392.0).abs(), 0.0);
    assert_eq!(chi2(2.0, 8.0, 98.0, 392.0).abs(), 0.0);
    assert_eq!(log_ratio(2, 8, 100, 400), 0.0);
    assert_eq!(chi2_p(0.0), 1.0);
}

/// Textbook critical values of χ²(1): 3.841459 → 0.05, 6.634897 → 0.01, 10.827566 → 0.001.
#[test]
fn p_values_at_critical_points() {
    assert!(close(chi2_p(3.841_458_820_694_124), 0.05, 2e-7));
    assert!(close(chi2_p(6.634_896_601_021_214), 0.01, 2e-7));
    assert!(close(chi2_p(10.827_566_170_662_733), 0.001, 2e-7));
    assert!(close(erfc(-1.0), 1.842_700_792_949_715, 2e-7));
    assert_eq!(chi2_p(f64::NAN), 1.0);
}

#[test]
fn degenerate_tables_do_not_panic() {
    assert_eq!(g2(0.0, 0.0, 0.0, 0.0), 0.0);
    assert_eq!(chi2(0.0, 0.0, 0.0, 0.0), 0.0);
    assert_eq!(log_ratio(1, 1, 0, 5), 0.0);
    assert!(g2(5.0, 0.0, 0.0, 0.0).is_finite());
}

fn doc(group: &str, pairs: &[(&str, u64)], tokens: u64) -> DocInput {
    DocInput {
        id: format!("{group}-{tokens}"),
        group: group.into(),
        terms: DocTerms::from_counts(pairs.iter().copied(), tokens),
    }
}

/// The corpus reproduces the two hand-checked tables: group 甲 has 1000 tokens with 党建 10
/// and 物业 0; group 乙 (two documents, 2000 tokens) has 党建 5 and 物业 20.
#[test]
fn keyness_rows_from_documents() {
    let docs = vec![
        doc("甲", &[("党建", 10)], 1000),
        doc("乙", &[("党建", 2), ("物业", 20)], 1200),
        doc("乙", &[("党建", 3)], 800),
    ];
    let rows = keyness(&docs, Measure::G2);
    assert_eq!(rows.len(), 4);
    let jia: Vec<&KeyRow> = rows.iter().filter(|r| r.group == "甲").collect();
    assert_eq!(
        (
            jia[0].term.as_str(),
            jia[0].target_count,
            jia[0].reference_count
        ),
        ("党建", 10, 5)
    );
    assert!(close(jia[0].score, 6.969_191_931_932_806, 1e-12));
    assert_eq!(jia[1].term, "物业");
    assert!(close(jia[1].score, -16.285_643_723_208_22, 1e-12));
    assert!(close(jia[1].log_ratio, -4.321_928_094_887_363, 1e-12));
    // Order: 甲 first (first seen), scores descending within the group.
    assert_eq!(rows[0].group, "甲");
    assert!(rows[2].score >= rows[3].score);
    // Top positive / negative per group.
    let pos = top_keyness(&rows, 5, false);
    assert!(pos.iter().all(|r| r.score > 0.0));
    assert_eq!(pos.len(), 2);
    let neg = top_keyness(&rows, 1, true);
    assert_eq!(neg.len(), 2);
    assert_eq!(
        (neg[0].group.as_str(), neg[0].term.as_str()),
        ("甲", "物业")
    );
    // JSON field names.
    let v = serde_json::to_value(&rows[0]).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "group",
            "term",
            "g2",
            "log_ratio",
            "p",
            "target_count",
            "reference_count"
        ]
    );
    let c = keyness(&docs, Measure::Chi2);
    assert!(serde_json::to_value(&c[0]).unwrap().get("chi2").is_some());
}

#[test]
fn one_group_has_no_reference() {
    assert!(keyness(&[doc("甲", &[("党建", 1)], 10)], Measure::G2).is_empty());
    assert!(keyness(&[], Measure::G2).is_empty());
}

/// The streaming top-N (rows built only for the kept terms) equals the full table cut by
/// [`top_keyness`], for both directions (one at a time and both at once), every N, and ties
/// (乙/丙 have equal counts).
#[test]
fn keyness_top_equals_top_of_the_full_table() {
    let docs = vec![
        doc("甲", &[("党建", 10), ("乙", 2), ("丙", 2), ("丁", 1)], 1000),
        doc("乙", &[("党建", 2), ("物业", 20), ("丁", 3)], 1200),
        doc("丙", &[("党建", 3), ("乙", 1), ("丙", 1)], 800),
    ];
    let mut table = GroupTable::new();
    for d in &docs {
        table.add(&d.group, &d.terms);
    }
    for measure in [Measure::G2, Measure::Chi2] {
        let all = keyness(&docs, measure);
        for n in 0..6 {
            for negative in [false, true] {
                assert_eq!(
                    keyness_top(&table, measure, n, negative),
                    top_keyness(&all, n, negative),
                    "{measure:?} n={n} negative={negative}"
                );
            }
            assert_eq!(
                keyness_top_both(&table, measure, n),
                (top_keyness(&all, n, false), top_keyness(&all, n, true)),
                "{measure:?} n={n} both"
            );
        }
    }
}

proptest::proptest! {
    /// The full table against the 2×2 tables built from the documents here: every term of
    /// every group, each scored by [`Measure::score`] of its own counts, in score order,
    /// then term order. Counts on both sides of the memoised range (below and above 64)
    /// share the ordering.
    #[test]
    fn full_table_scores_and_order_from_the_counts(
        raw in proptest::collection::vec(
            (0usize..3, proptest::collection::vec((0u8..12, 0u64..150), 0..8), 150u64..3000),
            2..8,
        ),
        chi in proptest::bool::ANY,
    ) {
        let measure = if chi { Measure::Chi2 } else { Measure::G2 };
        let groups = ["甲", "乙", "丙"];
        let docs: Vec<DocInput> = raw
            .iter()
            .map(|(g, pairs, tokens)| {
                let names: Vec<(String, u64)> =
                    pairs.iter().map(|&(t, n)| (format!("t{t}"), n)).collect();
                let mut merged: std::collections::BTreeMap<String, u64> = Default::default();
                for (t, n) in names {
                    *merged.entry(t).or_insert(0) += n;
                }
                let sum: u64 = merged.values().sum();
                DocInput {
                    id: format!("{g}"),
                    group: groups[*g].into(),
                    terms: DocTerms::from_counts(
                        merged.iter().map(|(t, &n)| (t.as_str(), n)),
                        tokens + sum,
                    ),
                }
            })
            .collect();
        // Per group: tokens and term counts.
        let mut tok: std::collections::BTreeMap<&str, u64> = Default::default();
        let mut cnt: std::collections::BTreeMap<(&str, String), u64> = Default::default();
        let mut vocab: std::collections::BTreeSet<String> = Default::default();
        for (g, pairs, tokens) in &raw {
            let mut sum = 0;
            for &(t, n) in pairs {
                *cnt.entry((groups[*g], format!("t{t}"))).or_insert(0) += n;
                sum += n;
                if n > 0 {
                    vocab.insert(format!("t{t}"));
                }
            }
            *tok.entry(groups[*g]).or_insert(0) += tokens + sum;
        }
        let rows = keyness(&docs, measure);
        if tok.len() < 2 {
            proptest::prop_assert!(rows.is_empty());
            return Ok(());
        }
        proptest::prop_assert_eq!(rows.len(), tok.len() * vocab.len());
        let total: u64 = tok.values().sum();
        for r in &rows {
            let t = tok[r.group.as_str()];
            let a = cnt.get(&(r.group.as_str(), r.term.clone())).copied().unwrap_or(0);
            let all: u64 = tok
                .keys()
                .map(|g| cnt.get(&(*g, r.term.clone())).copied().unwrap_or(0))
                .sum();
            let b = all - a;
            proptest::prop_assert_eq!((r.target_count, r.reference_count), (a, b));
            let s = measure.score(a as f64, b as f64, (t - a) as f64, (total - t - b) as f64);
            proptest::prop_assert_eq!(r.score.to_bits(), s.to_bits());
        }
        for w in rows.windows(2) {
            if w[0].group == w[1].group {
                proptest::prop_assert!(
                    w[0].score > w[1].score || (w[0].score == w[1].score && w[0].term < w[1].term),
                    "{:?} before {:?}", w[0], w[1]
                );
            }
        }
    }
}
