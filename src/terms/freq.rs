//! Frequency tables per document or per group, in the manner of quanteda's
//! `textstat_frequency(groups = )`.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::Serialize;

use super::hash::FxBuild;
use super::DocTerms;

/// One document's input to the tables.
#[derive(Debug, Clone)]
pub struct DocInput {
    /// Document id (shown in `doc`).
    pub id: String,
    /// Its group, e.g. the region (`--group-by`, default region).
    pub group: String,
    /// Its term counts.
    pub terms: DocTerms,
}

#[cfg(test)]
impl DocInput {
    /// A test document from term/count pairs and a token total (see
    /// [`DocTerms::from_counts`]).
    pub(crate) fn of(id: &str, group: &str, pairs: &[(&str, u64)], tokens: u64) -> DocInput {
        DocInput {
            id: id.into(),
            group: group.into(),
            terms: DocTerms::from_counts(pairs.iter().copied(), tokens),
        }
    }
}

/// The unit of a frequency table (`--by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    /// One row per document and term.
    Doc,
    /// One row per group and term, summing the group's documents.
    #[default]
    Group,
}

/// One row of a frequency table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermRow {
    /// The term.
    pub term: String,
    /// Occurrences in the unit (document, or all documents of the group).
    pub count: u64,
    /// `count / tokens × 10,000`, with the unit's word-token total (0 when it has none).
    pub per10k: f64,
    /// Document frequency. `By::Doc`: documents of the whole corpus containing the term.
    /// `By::Group`: documents *of this group* containing the term.
    pub df: u64,
    /// TF-IDF, `count × ln(N / n)` (natural log, no smoothing, so a term found in every unit
    /// scores 0). `By::Doc`: N documents in the corpus, n of them contain the term.
    /// `By::Group`: the groups are the units: N groups, n of them contain the term, so the
    /// score favours terms particular to a region.
    pub tfidf: f64,
    /// The group.
    pub group: String,
    /// The document (`By::Doc` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
}

/// Builds the frequency table.
///
/// Order: groups in order of first appearance in `docs`; with `By::Doc`, documents within a
/// group in input order; then count descending, then term ascending (byte order of UTF-8, the
/// documented tie-break).
pub fn frequencies(docs: &[DocInput], by: By) -> Vec<TermRow> {
    // Corpus-wide document frequencies (for By::Doc's idf).
    let mut corpus_df: HashMap<&str, u64, FxBuild> = HashMap::default();
    for d in docs {
        for (t, _) in d.terms.counts() {
            *corpus_df.entry(t).or_insert(0) += 1;
        }
    }
    // Documents grouped, groups in first-seen order.
    let mut groups: IndexMap<&str, Vec<&DocInput>> = IndexMap::new();
    for d in docs {
        groups.entry(d.group.as_str()).or_default().push(d);
    }
    let mut rows = Vec::new();
    match by {
        By::Doc => {
            let n = docs.len() as f64;
            for members in groups.values() {
                for d in members {
                    let start = rows.len();
                    for (t, c) in d.terms.counts() {
                        let df = corpus_df.get(t).copied().unwrap_or(1);
                        rows.push(row(
                            t,
                            c,
                            d.terms.tokens(),
                            df,
                            n,
                            df,
                            &d.group,
                            Some(&d.id),
                        ));
                    }
                    sort_unit(&mut rows[start..]);
                }
            }
        }
        By::Group => {
            let mut table = super::GroupTable::new();
            for d in docs {
                table.add(&d.group, &d.terms);
            }
            rows = table.rows();
        }
    }
    rows
}

/// The first `n` rows of each unit (group, or group and document) of a table from
/// [`frequencies`], keeping the table's order.
pub fn top(rows: &[TermRow], n: usize) -> Vec<TermRow> {
    let mut out = Vec::new();
    let mut taken = 0;
    let mut unit: Option<(&str, Option<&str>)> = None;
    for r in rows {
        let key = (r.group.as_str(), r.doc.as_deref());
        if unit != Some(key) {
            unit = Some(key);
            taken = 0;
        }
        if taken < n {
            out.push(r.clone());
            taken += 1;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn row(
    term: &str,
    count: u64,
    tokens: u64,
    df: u64,
    n_units: f64,
    idf_df: u64,
    group: &str,
    doc: Option<&str>,
) -> TermRow {
    let per10k = if tokens == 0 {
        0.0
    } else {
        count as f64 / tokens as f64 * 10_000.0
    };
    let tfidf = count as f64 * (n_units / idf_df.max(1) as f64).ln();
    TermRow {
        term: term.to_owned(),
        count,
        per10k,
        df,
        tfidf,
        group: group.to_owned(),
        doc: doc.map(str::to_owned),
    }
}

pub(crate) fn sort_unit(rows: &mut [TermRow]) {
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, group: &str, pairs: &[(&str, u64)], tokens: u64) -> DocInput {
        DocInput::of(id, group, pairs, tokens)
    }

    fn corpus() -> Vec<DocInput> {
        vec![
            doc("d1", "湖北", &[("党建", 3), ("治理", 1)], 100),
            doc("d2", "浙江", &[("党建", 1), ("共富", 4)], 50),
            doc("d3", "湖北", &[("党建", 2), ("物业", 2)], 100),
        ]
    }

    #[test]
    fn group_rows_by_hand() {
        let rows = frequencies(&corpus(), By::Group);
        // Groups in first-seen order: 湖北 then 浙江. 湖北: 党建 3+2=5, 物业 2, 治理 1
        // (count descending).
        let hb: Vec<(&str, u64)> = rows
            .iter()
            .filter(|r| r.group == "湖北")
            .map(|r| (r.term.as_str(), r.count))
            .collect();
        assert_eq!(hb, vec![("党建", 5), ("物业", 2), ("治理", 1)]);
        assert_eq!(rows[0].group, "湖北");
        assert_eq!(rows.last().unwrap().group, "浙江");
        let r = &rows[0];
        // per10k = 5 / 200 × 10000 = 250; df within 湖北 = 2 documents.
        assert!((r.per10k - 250.0).abs() < 1e-9);
        assert_eq!(r.df, 2);
        // 党建 is in both groups: tfidf = 5 × ln(2/2) = 0.
        assert_eq!(r.tfidf, 0.0);
        // 物业 only in 湖北: tfidf = 2 × ln(2/1) = 1.386294361…
        let wy = rows.iter().find(|r| r.term == "物业").unwrap();
        assert!((wy.tfidf - 1.386_294_361_119_890_6).abs() < 1e-12);
    }

    #[test]
    fn doc_rows_tfidf_by_hand() {
        let rows = frequencies(&corpus(), By::Doc);
        // Order: 湖北's documents d1, d3 (input order within group), then 浙江's d2.
        let docs: Vec<&str> = rows.iter().map(|r| r.doc.as_deref().unwrap()).collect();
        assert_eq!(docs, vec!["d1", "d1", "d3", "d3", "d2", "d2"]);
        // 共富 in d2: 4 × ln(3/1) = 4 × 1.0986122886681098 = 4.394449154672439.
        let gf = rows.iter().find(|r| r.term == "共富").unwrap();
        assert!((gf.tfidf - 4.394_449_154_672_439).abs() < 1e-12);
        assert_eq!(gf.df, 1);
        // per10k = 4/50 × 10000 = 800.
        assert!((gf.per10k - 800.0).abs() < 1e-9);
        // 党建 in d1: df 3 of 3 → tfidf 0; per10k 3/100×10000 = 300.
        let dj = &rows[0];
        assert_eq!((dj.term.as_str(), dj.df, dj.tfidf), ("党建", 3, 0.0));
    }

    #[test]
    fn ties_broken_by_term_and_top() {
        let docs = vec![doc("a", "g", &[("乙", 2), ("甲", 2), ("丙", 5)], 10)];
        let rows = frequencies(&docs, By::Group);
        let terms: Vec<&str> = rows.iter().map(|r| r.term.as_str()).collect();
        // 丙 5 first; 乙 (U+4E59) before 甲 (U+7532) by byte order.
        assert_eq!(terms, vec!["丙", "乙", "甲"]);
        let t = top(&frequencies(&corpus(), By::Group), 1);
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].term.as_str(), t[1].term.as_str()), ("党建", "共富"));
    }

    #[test]
    fn json_fields() {
        let rows = frequencies(&corpus(), By::Doc);
        let v = serde_json::to_value(&rows[0]).unwrap();
        for k in ["term", "count", "per10k", "df", "tfidf", "group", "doc"] {
            assert!(v.get(k).is_some(), "{k}");
        }
        let g = serde_json::to_value(&frequencies(&corpus(), By::Group)[0]).unwrap();
        assert!(g.get("doc").is_none());
    }

    #[test]
    fn empty_input() {
        assert!(frequencies(&[], By::Group).is_empty());
        assert!(top(&[], 5).is_empty());
    }
}
