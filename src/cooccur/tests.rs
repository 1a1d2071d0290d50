//! Unit tests with hand-computed expectations (arithmetic in the comments).

use super::*;
use indexmap::IndexMap;

fn counts(pairs: &[(&str, u64)]) -> IndexMap<String, u64> {
    pairs.iter().map(|&(k, v)| (k.to_string(), v)).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn pmi_npmi_jaccard_by_hand() {
    // N = 10 contexts: 3 × {a, b}, 1 × {a}, 2 × {b}, 4 × {} → n_a = 4, n_b = 5, n_ab = 3.
    let mut ctx: Vec<Vec<&str>> = Vec::new();
    ctx.extend(std::iter::repeat_n(vec!["a", "b"], 3));
    ctx.push(vec!["a", "a"]); // duplicates inside a context count once
    ctx.extend(std::iter::repeat_n(vec!["b"], 2));
    ctx.extend(std::iter::repeat_n(vec![], 4));
    let c = Cooccurrence::from_contexts(ctx);
    assert_eq!(c.n_contexts(), 10);
    assert_eq!((c.item_count("a"), c.item_count("b")), (4, 5));
    assert_eq!(c.pair_count("b", "a"), 3);
    let p = &c.top_pairs(Association::Pmi, 1, None)[0];
    // PMI = log2(3·10 / (4·5)) = log2(1.5) = 0.5849625007211562
    assert!(close(p.pmi, 0.584_962_500_721_156_2), "{}", p.pmi);
    // NPMI = 0.5849625… / −log2(3/10) = 0.5849625… / 1.7369655941662063 = 0.3367726468997534
    assert!(close(p.npmi, 0.336_772_646_899_753_4), "{}", p.npmi);
    // Jaccard = 3 / (4 + 5 − 3) = 0.5
    assert!(close(p.jaccard, 0.5));
    assert_eq!((p.a.as_str(), p.b.as_str(), p.count), ("a", "b", 3));
}

#[test]
fn measure_edge_cases_are_finite() {
    // Both items in every context: PMI = log2(1) = 0, NPMI 0/0 defined as 1.
    assert_eq!(measures(5, 5, 5, 5), (0.0, 1.0, 1.0));
    // n_ab = n_a = n_b = 2 of N = 8: PMI = log2(2·8/4) = 2, NPMI = 2 / −log2(2/8) = 1.
    let (pmi, npmi, j) = measures(2, 2, 2, 8);
    assert!(close(pmi, 2.0) && close(npmi, 1.0) && close(j, 1.0));
    // Never together: PMI 0, NPMI −1, Jaccard 0; all zero: still finite.
    assert_eq!(measures(0, 3, 4, 10), (0.0, -1.0, 0.0));
    assert_eq!(measures(0, 0, 0, 0), (0.0, -1.0, 0.0));
}

#[test]
fn item_matrix_is_symmetric_with_documented_diagonal() {
    // Contexts: {x,y}, {x,y,z}, {x}, {} → N = 4, n_x = 3, n_y = 2, n_z = 1.
    let c =
        Cooccurrence::from_contexts(vec![vec!["x", "y"], vec!["x", "y", "z"], vec!["x"], vec![]]);
    let m = c.matrix(Association::Count, 10, 1);
    assert_eq!(m.rows(), ["x", "y", "z"]); // by frequency 3, 2, 1
    assert_eq!(
        m.values(),
        [
            vec![3.0, 2.0, 1.0],
            vec![2.0, 2.0, 1.0],
            vec![1.0, 1.0, 1.0]
        ]
    );
    let m = c.matrix(Association::Npmi, 2, 1);
    assert_eq!(m.rows(), ["x", "y"]);
    assert_eq!(m.get(0, 1), m.get(1, 0));
    assert_eq!(m.get(0, 0), Some(1.0));
    // min_count 3 hides n_xy = 2: NPMI "never together" = −1.
    assert_eq!(c.matrix(Association::Npmi, 2, 3).get(0, 1), Some(-1.0));
}

#[test]
fn top_pairs_order_and_min_count() {
    // {a,b} ×2, {c,d} ×2, {a,c} ×1 → counts ab 2, cd 2, ac 1.
    let c = Cooccurrence::from_contexts(vec![
        vec!["b", "a"],
        vec!["a", "b"],
        vec!["d", "c"],
        vec!["c", "d"],
        vec!["c", "a"],
    ]);
    let top = c.top_pairs(Association::Count, 1, None);
    let names: Vec<(&str, &str)> = top.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
    // ties at count 2 broken by (a, b) ascending
    assert_eq!(names, [("a", "b"), ("c", "d"), ("a", "c")]);
    assert_eq!(c.top_pairs(Association::Count, 2, None).len(), 2);
    assert_eq!(c.top_pairs(Association::Count, 1, Some(1)).len(), 1);
}

#[test]
fn token_windows_by_hand() {
    // a@0, b@2, c@10, window 2: anchors a@0 → [0, 2] = {a, b}; b@2 → [0, 4] = {a, b};
    // c@10 → [8, 12] = {c}. N = 3, n_a = 2, n_b = 2, n_c = 1, n_ab = 2, n_ac = 0.
    let mut c = Cooccurrence::new();
    c.add_windows(&[(10, "c"), (0, "a"), (2, "b")], 2);
    assert_eq!(c.n_contexts(), 3);
    assert_eq!(
        (c.item_count("a"), c.item_count("b"), c.item_count("c")),
        (2, 2, 1)
    );
    assert_eq!((c.pair_count("a", "b"), c.pair_count("a", "c")), (2, 0));
    // window 1: a and b are 2 apart → never together.
    let mut c = Cooccurrence::new();
    c.add_windows(&[(0, "a"), (2, "b")], 1);
    assert_eq!(c.pair_count("a", "b"), 0);
    c.add_windows::<&str>(&[], 5);
    assert_eq!(c.n_contexts(), 2);
}

#[test]
fn group_jaccard_and_cosine_by_hand() {
    // A = {x, y, z}, B = {y, z, w, v}: |A ∩ B| = 2, |A ∪ B| = 5 → 0.4.
    let a = GroupCounts::new("A", counts(&[("x", 1), ("y", 1), ("z", 3)]), 100);
    let b = GroupCounts::new("B", counts(&[("y", 5), ("z", 1), ("w", 1), ("v", 1)]), 100);
    let empty = GroupCounts::new("E", counts(&[("x", 0)]), 0);
    let s = group_similarity(&[a.clone(), b.clone(), empty], Measure::Jaccard);
    assert!(close(s.matrix.get(0, 1).unwrap_or(f64::NAN), 0.4));
    assert_eq!(s.matrix.get(1, 0), s.matrix.get(0, 1));
    assert_eq!(s.matrix.values()[2], vec![0.0, 0.0, 0.0]); // empty group: 0, diagonal too
    assert_eq!(s.matrix.get(0, 0), Some(1.0));
    // shared by combined count: y 1+5 = 6, z 3+1 = 4
    assert_eq!(s.pairs[0].shared, ["y", "z"]);
    assert_eq!((s.pairs[0].a.as_str(), s.pairs[0].b.as_str()), ("A", "B"));

    // cosine: a = (x 1, y 2), b = (y 2, z 2): dot = 4, |a| = √5, |b| = √8 → 4/√40 = 0.6324555320336759
    let a = GroupCounts::new("A", counts(&[("x", 1), ("y", 2)]), 10);
    let b = GroupCounts::new("B", counts(&[("y", 2), ("z", 2)]), 10);
    let s = group_similarity(&[a.clone(), b.clone()], Measure::Cosine);
    assert!(close(s.pairs[0].value, 0.632_455_532_033_675_9));
    // The matrix alone, without the shared items.
    let m = similarity_matrix(&[a, b], Measure::Cosine);
    assert!(close(
        m.get(0, 1).unwrap_or(f64::NAN),
        0.632_455_532_033_675_9
    ));
    assert_eq!((m.get(0, 0), m.get(1, 0)), (Some(1.0), m.get(0, 1)));
}

#[test]
fn tfidf_cosine_by_hand() {
    // G = 2; y in both: idf = ln(3/3) + 1 = 1; x, z in one: idf = ln(3/2) + 1 = 1.4054651081081644.
    // a = (x 1·1.405…, y 1), b = (y 1, z 1·1.405…): dot = 1, |a| = |b| = √(1 + 1.405…²)
    // → cos = 1 / (1 + 1.4054651081²) = 1 / (1 + 1.9753321617) = 1 / 2.9753321617 = 0.3360963…
    let a = GroupCounts::new("A", counts(&[("x", 1), ("y", 1)]), 10);
    let b = GroupCounts::new("B", counts(&[("y", 1), ("z", 1)]), 10);
    let idf = 1.5f64.ln() + 1.0;
    let expected = 1.0 / (1.0 + idf * idf);
    let s = group_similarity(&[a, b], Measure::CosineTfIdf);
    assert!(close(s.pairs[0].value, expected));
    assert!((expected - 0.336_096_3).abs() < 1e-6);
}

#[test]
fn group_item_norms_order_and_min_groups() {
    // p: in 3 groups (total 6); q: in 2 (total 9); r: in 2 (total 9) → q before r by name;
    // s: in 1 group.
    let g1 = GroupCounts::new("G1", counts(&[("s", 7), ("p", 1), ("r", 4)]), 20_000);
    let g2 = GroupCounts::new("G2", counts(&[("p", 2), ("q", 4), ("r", 5)]), 0);
    let g3 = GroupCounts::new("G3", counts(&[("p", 3), ("q", 5), ("s", 0)]), 5_000);
    let groups = [g1, g2, g3];
    let m = group_item(&groups, Norm::Raw, 0);
    assert_eq!(m.cols(), ["p", "q", "r", "s"]);
    assert_eq!(m.rows(), ["G1", "G2", "G3"]);
    assert_eq!(m.values()[0], vec![1.0, 0.0, 4.0, 7.0]);
    let m = group_item(&groups, Norm::Raw, 2);
    assert_eq!(m.cols(), ["p", "q", "r"]);
    assert_eq!(group_item(&groups, Norm::Raw, 3).cols(), ["p"]);
    let m = group_item(&groups, Norm::Binary, 2);
    assert_eq!(m.values()[2], vec![1.0, 1.0, 0.0]);
    // per 10k: G1 r = 4 × 10000 / 20000 = 2; G2 has no tokens → 0; G3 q = 5 × 10000 / 5000 = 10.
    let m = group_item(&groups, Norm::Per10k, 2);
    assert_eq!(m.values()[0][2], 2.0);
    assert_eq!(m.values()[1], vec![0.0, 0.0, 0.0]);
    assert_eq!(m.values()[2][1], 10.0);
}
