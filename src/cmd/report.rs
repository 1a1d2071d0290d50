//! `tifa report`: the whole job in one command: `metrics.json`, every chart as SVG and a
//! self-contained `report.html`.
//!
//! `tifa report [CORPUS] [--out DIR]` (defaults `data/` and `charts/`) loads, cleans and
//! analyses the corpus once (segmentation, formulations, co-occurrence) and writes:
//! - `metrics.json` (`"schema": "tifa.metrics/1"`, described by `docs/metrics.schema.json`):
//!   corpus summary, cleaning report, terms, keyness, slogans, co-occurrence and the options
//!   used. Sections use the same field names as `--format json` of `corpus`, `clean
//!   --report`, `terms`, `keyness`, `slogans` and `cooccur`.
//! - `terms.svg`, `slogans.svg`, `heatmap.svg`, `similarity.svg` and one `keyness-NN.svg`
//!   per group (NN = the group's position in corpus order, from 01);
//! - `report.html`: one page with the SVGs inline and no external assets.
//!
//! Every file is staged to a temporary file and renamed into place only at the end of a
//! successful run. Output is byte-identical for the same input and options, whatever
//! `--threads` is. A progress spinner is drawn on stderr when it is a terminal (not with
//! `--quiet`); stdout gets only the list of files written.

use super::{print, write_json, CorpusArg, Global, TermArgs};
use std::io::IsTerminal;
use std::path::PathBuf;
use tifa::error::Result;
use tifa::report::{self, Report, ReportOptions, TermSettings};

/// Options of `tifa report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArg,
    /// Output directory (created when missing).
    #[arg(long, default_value = "charts", value_name = "DIR")]
    out: PathBuf,
    /// Terms per group in metrics.json and keyness terms per direction.
    #[arg(long, default_value_t = 20, value_name = "N")]
    top: usize,
    /// Terms per group in the terms chart and bars per direction in keyness charts.
    #[arg(long, default_value_t = 10, value_name = "N")]
    chart_top: usize,
    /// Formulations in the slogan chart and heat map (the most widespread first).
    #[arg(long, default_value_t = 25, value_name = "N")]
    chart_slogans: usize,
    /// Only formulations found in at least K groups in the slogan chart and heat map.
    #[arg(long, default_value_t = 1, value_name = "K")]
    min_regions: usize,
    /// Item pairs listed in metrics.json (formulations in the same sentence).
    #[arg(long, default_value_t = 30, value_name = "N")]
    pairs: usize,
    #[command(flatten)]
    terms: TermArgs,
}

/// The progress display on stderr (only when it is a terminal and not `--quiet`).
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// A progress display, or none.
    pub fn new(quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let pb = indicatif::ProgressBar::new(5);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} [{pos}/{len}] {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress(Some(pb))
    }
    fn step(&self, msg: &'static str) {
        if let Some(pb) = &self.0 {
            pb.inc(1);
            pb.set_message(msg);
        }
    }
    fn done(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

impl Args {
    /// Report options for `tifa chart`: the corpus, term options and chart sizes.
    pub fn for_charts(
        corpus: CorpusArg,
        terms: TermArgs,
        chart_top: usize,
        chart_slogans: usize,
        min_regions: usize,
    ) -> Args {
        Args {
            corpus,
            out: PathBuf::from("charts"),
            top: 20.max(chart_top),
            chart_top,
            chart_slogans,
            min_regions,
            pairs: 30,
            terms,
        }
    }

    /// The library's report options from these options and the global flags.
    fn options(&self, g: &Global) -> ReportOptions {
        let t = &self.terms;
        ReportOptions {
            corpus: self.corpus.path(),
            group_by: g.group_by.clone(),
            load: g.load_options(),
            clean: g.clean_options(),
            terms: TermSettings {
                hmm: !t.no_hmm,
                user_dict: t.user_dict.clone(),
                domain_dict: !t.no_domain_dict,
                stopwords: t.stopwords.clone(),
                keep_stopwords: t.keep_stopwords,
                min_chars: t.min_chars,
                pos: t.pos.clone(),
                lexicon: !t.no_lexicon,
            },
            top: self.top,
            chart_top: self.chart_top,
            chart_slogans: self.chart_slogans,
            min_regions: self.min_regions,
            pairs: self.pairs,
            row_spill_bytes: tifa::pipeline::ROW_SPILL_BYTES,
        }
    }
}

/// Runs `tifa report`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let progress = Progress::new(g.quiet);
    let r = build(g, &a, &progress)?;
    progress.step("writing");
    std::fs::create_dir_all(&a.out).map_err(|e| tifa::Error::io(&a.out, e))?;
    let mut staged = tifa::output::Staged::new();
    let mut page = tifa::output::Staged::new();
    // metrics.json and report.html go straight to their files (each has a row per document,
    // too much to hold as a string on a corpus of many documents), side by side.
    let (html, metrics) = rayon::join(
        || page.add_with(&a.out.join("report.html"), |w| r.write_html(w)),
        || staged.add_with(&a.out.join("metrics.json"), |w| write_json(w, &r.metrics())),
    );
    metrics?;
    html?;
    for (name, svg) in r.charts() {
        staged.add(&a.out.join(name), svg.as_bytes())?;
    }
    staged.append(page);
    staged.commit()?;
    progress.done();
    let mut out = String::new();
    out.push_str(&format!("{}\n", a.out.join("metrics.json").display()));
    for (name, _) in r.charts() {
        out.push_str(&format!("{}\n", a.out.join(name).display()));
    }
    out.push_str(&format!("{}\n", a.out.join("report.html").display()));
    print(&out)
}

/// Loads, analyses and draws: everything of the report but the writing (`tifa chart` uses
/// it too). Warns about skipped inputs unless `--quiet`.
pub fn build(g: &Global, a: &Args, progress: &Progress) -> Result<Report> {
    let opts = a.options(g);
    progress.step("loading the segmenter");
    let setup = a.terms.setup()?;
    progress.step("loading, cleaning, segmenting, extracting formulations");
    // Documents are streamed: each is folded into the accumulators and dropped.
    let streamed = report::accumulate(&opts, &setup)?;
    g.warn_skipped(streamed.skipped());
    g.warn_ungrouped(streamed.fields(), streamed.documents());
    report::build(&opts, streamed, &|msg| progress.step(msg))
}
