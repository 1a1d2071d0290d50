//! The analysis step of the report: from the accumulators to the results that
//! `metrics.json`, the charts and the HTML page are made of.

use super::accumulate::{Accumulated, Streamed, TermsAccumulated};
use super::ReportOptions;
use crate::cooccur::{self, Association, Matrix, Measure, Norm, PairStat, Similarity};
use crate::error::Result;
use crate::keyness::KeyRow;
use crate::pipeline::spill::Spilled;
use crate::pipeline::DocRow;
use crate::slogans::SloganStats;
use crate::table::count_of;
use crate::terms::{GroupTable, TermRow};
use indexmap::IndexMap;
use serde_json::{json, Value};

/// The analysed corpus.
pub(super) struct Analysis {
    /// Metadata field names in first-seen order.
    pub fields: Vec<String>,
    /// The skipped inputs as `{path, reason}` objects.
    pub skipped: Vec<Value>,
    /// The groups, in corpus order.
    pub groups: Vec<String>,
    /// Documents per group.
    pub group_docs: IndexMap<String, usize>,
    /// One row record per document, in corpus order (summary and cleaning report).
    pub rows: Spilled<DocRow>,
    /// Term counts per group.
    pub table: GroupTable,
    /// Word tokens counted.
    pub tokens: u64,
    /// The top `--top` terms per group (metrics.json).
    pub term_top: Vec<TermRow>,
    /// The top `--chart-top` terms per group (the terms chart).
    pub term_rows: Vec<TermRow>,
    /// The most over-used terms per group (signed G²).
    pub key_over: Vec<KeyRow>,
    /// The most under-used terms per group (signed G²).
    pub key_under: Vec<KeyRow>,
    /// Every formulation, the most widespread first.
    pub slogans: Vec<SloganStats>,
    /// The slogans as in metrics.json: without the mention contexts.
    pub slogans_json: Vec<Value>,
    /// Group × formulation mentions.
    pub group_item: Matrix,
    /// Group × group Jaccard similarity of the formulation sets.
    pub similarity: Similarity,
    /// Sentences looked at for item pairs.
    pub contexts: u64,
    /// The most frequent formulation pairs in a sentence.
    pub pairs: Vec<PairStat>,
    /// Documents per encoding, encodings sorted.
    pub encodings: IndexMap<String, usize>,
    /// Raw characters.
    pub chars: usize,
    /// Characters after cleaning.
    pub clean_chars: usize,
    /// The last path component of the corpus, which names it in titles.
    pub short_name: String,
    /// "name · N documents, M groups (field)".
    pub corpus_label: String,
}

/// Runs the analyses over what was accumulated.
pub(super) fn analyse(opts: &ReportOptions, streamed: Streamed) -> Result<Analysis> {
    let Streamed { end, terms, rest } = streamed;
    let TermsAccumulated { table, tokens } = terms;
    let Accumulated {
        rows,
        mut encodings,
        chars,
        clean_chars,
        group_docs,
        slogans,
        slogan_groups,
        co,
    } = rest;
    let skipped: Vec<Value> = end
        .skipped
        .iter()
        .map(|s| json!({"path": s.path.display().to_string(), "reason": s.reason.to_string()}))
        .collect();
    let groups: Vec<String> = group_docs.keys().cloned().collect();
    let term_top = table.top_rows(opts.top);
    let term_rows = table.top_rows(opts.chart_top);
    let (key_over, key_under) =
        crate::keyness::keyness_top_both(&table, crate::keyness::Measure::G2, opts.top);
    let slogans = slogans.finish();
    // metrics.json leaves out the mention contexts (the sentences; `tifa slogans --format
    // json` lists them): they would make it larger than the corpus.
    let slogans_json: Vec<Value> = slogans
        .iter()
        .map(|s| {
            let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
            if let Some(o) = v.as_object_mut() {
                o.shift_remove("contexts");
            }
            v
        })
        .collect();
    let slogan_groups = slogan_groups.finish();
    let group_item = cooccur::group_item(&slogan_groups, Norm::Raw, 1);
    let similarity = cooccur::group_similarity(&slogan_groups, Measure::Jaccard);
    let pairs = co.top_pairs(Association::Count, 2, Some(opts.pairs));

    // Corpus summary.
    encodings.sort_keys();
    let rows = rows.finish()?;
    let corpus_name = opts.corpus.display().to_string();
    // The last path component names the corpus in titles (a long relative path would
    // crowd the subtitles out).
    let short_name = opts
        .corpus
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| corpus_name.clone());
    let corpus_label = format!(
        "{} · {}, {} ({})",
        short_name,
        count_of(rows.len(), "document"),
        count_of(groups.len(), "group"),
        opts.group_by
    );
    Ok(Analysis {
        fields: end.fields,
        skipped,
        groups,
        group_docs,
        rows,
        table,
        tokens,
        term_top,
        term_rows,
        key_over,
        key_under,
        slogans,
        slogans_json,
        group_item,
        similarity,
        contexts: co.n_contexts(),
        pairs,
        encodings,
        chars,
        clean_chars,
        short_name,
        corpus_label,
    })
}
