//! The whole job in one pass: `metrics.json`, every chart as SVG and a self-contained
//! `report.html` (`tifa report`; `tifa chart` draws one of the charts).
//!
//! The corpus is loaded, cleaned and analysed once (segmentation, formulations,
//! co-occurrence):
//! 1. [`accumulate()`] streams the documents into the report's accumulators (each document is
//!    folded in and dropped, so memory grows with the vocabulary, not the corpus);
//! 2. [`build`] analyses what was accumulated and draws the charts, giving a [`Report`]:
//!    - the `metrics.json` value ([`SCHEMA`], described by `docs/metrics.schema.json`):
//!      corpus summary, cleaning report, terms, keyness, slogans, co-occurrence and the
//!      options used, with the field names of the commands' `--format json`;
//!    - `terms.svg`, `slogans.svg`, `heatmap.svg`, `similarity.svg`, `heatmap-terms.svg`,
//!      `similarity-terms.svg` and one `keyness-NN.svg` per group (NN = the group's position
//!      in corpus order, from 01);
//!    - [`Report::write_html`]: one page with the SVGs inline and no external assets.
//!
//! Output is byte-identical for the same input and options, whatever the thread count.
//! Writing the files is the caller's job.

mod accumulate;
mod analysis;
mod charts;
mod html;
mod metrics;

pub use accumulate::{accumulate, Streamed};
pub use metrics::Metrics;

use crate::clean::CleanOptions;
use crate::error::Result;
use crate::load::LoadOptions;
use crate::pipeline::spill::Spilled;
use crate::pipeline::DocRow;
use serde_json::Value;
use std::path::PathBuf;

/// The `schema` value of `metrics.json`.
pub const SCHEMA: &str = "tifa.metrics/1";

/// The segmentation and term options, as recorded in `metrics.json` (the segmenter and term
/// filter themselves are a [`crate::pipeline::TermSetup`]).
#[derive(Debug, Clone)]
pub struct TermSettings {
    /// jieba's HMM for unknown words.
    pub hmm: bool,
    /// User dictionaries.
    pub user_dict: Vec<PathBuf>,
    /// The built-in domain dictionary.
    pub domain_dict: bool,
    /// A stopword list replacing the built-in one.
    pub stopwords: Option<PathBuf>,
    /// Stopwords kept.
    pub keep_stopwords: bool,
    /// Terms shorter than this many characters are dropped.
    pub min_chars: usize,
    /// Only these jieba POS tags are kept (empty: all).
    pub pos: Vec<String>,
    /// The built-in lexicon's established formulations are looked for.
    pub lexicon: bool,
}

/// What the report is made of and how.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The corpus: a file, a directory, a manifest, a CSV or JSON Lines file.
    pub corpus: PathBuf,
    /// The metadata field that defines the groups compared.
    pub group_by: String,
    /// Loading.
    pub load: LoadOptions,
    /// Cleaning steps.
    pub clean: CleanOptions,
    /// Segmentation and term options.
    pub terms: TermSettings,
    /// Terms per group in metrics.json and keyness terms per direction.
    pub top: usize,
    /// Terms per group in the terms chart and bars per direction in keyness charts.
    pub chart_top: usize,
    /// Formulations in the slogan chart and heat map (the most widespread first).
    pub chart_slogans: usize,
    /// Only formulations found in at least this many groups in the slogan chart and heat map.
    pub min_regions: usize,
    /// Item pairs listed in metrics.json (formulations in the same sentence).
    pub pairs: usize,
    /// Bytes of per-document row records (summary and cleaning report) held in memory
    /// before they move to a temporary file ([`crate::pipeline::ROW_SPILL_BYTES`] by
    /// default; 0 spills from the first document).
    pub row_spill_bytes: usize,
}

/// Everything the report computed, ready to be written.
pub struct Report {
    metrics: Value,
    /// One row record per document (`corpus.documents` and `corpus.cleaning` of
    /// metrics.json, the HTML cleaning notes), in memory or in a temporary file.
    rows: Spilled<DocRow>,
    slogans: Vec<crate::slogans::SloganStats>,
    groups: Vec<String>,
    key_over: Vec<crate::keyness::KeyRow>,
    /// The charts: (file name, SVG), in the order they are written.
    files: Vec<(String, String)>,
    /// The keyness charts: (file name, group).
    keyness_files: Vec<(String, String)>,
    corpus_label: String,
    group_by: String,
}

impl Report {
    /// `metrics.json`, to serialise.
    pub fn metrics(&self) -> metrics::Metrics<'_> {
        metrics::Metrics {
            value: &self.metrics,
            rows: &self.rows,
        }
    }

    /// True when the per-document rows went to a temporary file (more of them than
    /// [`ReportOptions::row_spill_bytes`] holds).
    pub fn rows_on_disk(&self) -> bool {
        self.rows.on_disk()
    }

    /// The charts as (file name, SVG), in the order they are written.
    pub fn charts(&self) -> &[(String, String)] {
        &self.files
    }

    /// The SVG of the chart with this file name (e.g. `terms.svg`), if any.
    pub fn chart(&self, name: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| s.as_str())
    }

    /// The groups, in corpus order.
    pub fn groups(&self) -> &[String] {
        &self.groups
    }

    /// The file name of the keyness chart of the `i`-th group (from 0, in corpus order).
    pub fn keyness_file_name(i: usize) -> String {
        charts::keyness_file_name(i)
    }

    /// Writes `report.html`: one page with the charts inline and no external assets (the
    /// cleaning notes have a row per document, read back from the row spill as written).
    pub fn write_html(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        html::write_html(self, w)
    }
}

/// Analyses what [`accumulate()`] gathered and draws the charts. `progress` is told each step
/// as it starts (`analysing`, `drawing charts`).
/// Fails only when the temporary file of the per-document rows cannot be written.
pub fn build(
    opts: &ReportOptions,
    streamed: Streamed,
    progress: &dyn Fn(&'static str),
) -> Result<Report> {
    progress("analysing");
    let a = analysis::analyse(opts, streamed)?;
    progress("drawing charts");
    // metrics.json and the charts read the analysis only: built side by side.
    let (metrics, charts) = rayon::join(|| metrics::metrics(opts, &a), || charts::draw(opts, &a));
    Ok(Report {
        metrics,
        rows: a.rows,
        slogans: a.slogans,
        groups: a.groups,
        key_over: a.key_over,
        files: charts.files,
        keyness_files: charts.keyness_files,
        corpus_label: a.corpus_label,
        group_by: opts.group_by.clone(),
    })
}
