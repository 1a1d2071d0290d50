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

use super::{print, to_json, CorpusArg, Global, TermArgs};
use indexmap::IndexMap;
use serde_json::{json, Value};
use std::io::IsTerminal;
use std::path::PathBuf;
use tifa::chart::{self, ChartText, HeatmapOptions, Panel, ValueFormat};
use tifa::contexts::{self, Window};
use tifa::cooccur::{self, Association, Measure, Norm};
use tifa::error::Result;
use tifa::pipeline;

/// The `schema` value of `metrics.json`.
pub const SCHEMA: &str = "tifa.metrics/1";

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

/// Everything `tifa report` computed, ready to be written.
pub struct Built {
    metrics: Value,
    slogans: Vec<tifa::slogans::SloganStats>,
    groups: Vec<String>,
    key_over: Vec<tifa::keyness::KeyRow>,
    /// The charts: (file name, SVG), in the order they are written.
    pub files: Vec<(String, String)>,
    keyness_files: Vec<(String, String)>,
    corpus_label: String,
}

impl Built {
    /// The groups, in corpus order.
    pub fn groups(&self) -> &[String] {
        &self.groups
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
}

/// Runs `tifa report`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let progress = Progress::new(g.quiet);
    let b = build(g, &a, &progress)?;
    let Built {
        metrics,
        slogans,
        groups,
        key_over,
        files,
        keyness_files,
        corpus_label,
    } = b;
    progress.step("writing");
    let html = html_report(&HtmlInput {
        corpus_label: &corpus_label,
        metrics: &metrics,
        slogans: &slogans,
        groups: &groups,
        key_over: &key_over,
        files: &files,
        keyness_files: &keyness_files,
        group_by: &g.group_by,
    });
    let metrics_text = to_json(&metrics)?;
    std::fs::create_dir_all(&a.out).map_err(|e| tifa::Error::io(&a.out, e))?;
    let mut staged = tifa::output::Staged::new();
    staged.add(&a.out.join("metrics.json"), metrics_text.as_bytes())?;
    for (name, svg) in &files {
        staged.add(&a.out.join(name), svg.as_bytes())?;
    }
    staged.add(&a.out.join("report.html"), html.as_bytes())?;
    staged.commit()?;
    progress.done();
    let mut out = String::new();
    out.push_str(&format!("{}\n", a.out.join("metrics.json").display()));
    for (name, _) in &files {
        out.push_str(&format!("{}\n", a.out.join(name).display()));
    }
    out.push_str(&format!("{}\n", a.out.join("report.html").display()));
    print(&out)
}

/// Loads, analyses and draws: everything of the report but the writing.
pub fn build(g: &Global, a: &Args, progress: &Progress) -> Result<Built> {
    let path = a.corpus.path();
    progress.step("loading the segmenter");
    let setup = a.terms.setup()?;
    progress.step("loading, cleaning, segmenting, extracting formulations");
    // Documents are streamed: each is folded into the accumulators and dropped.
    let (end, terms, rest) = accumulate(g, a, &path, &setup)?;
    progress.step("analysing");
    let TermsAccumulated { table, tokens } = terms;
    let Accumulated {
        documents,
        cleaning,
        group_docs,
        slogans,
        slogan_groups,
        co,
    } = rest;
    let fields = end.fields;
    let skipped: Vec<Value> = end
        .skipped
        .iter()
        .map(|s| json!({"path": s.path.display().to_string(), "reason": s.reason.to_string()}))
        .collect();
    let groups: Vec<String> = group_docs.keys().cloned().collect();
    let term_top = table.top_rows(a.top);
    let term_rows = table.top_rows(a.chart_top);
    let key_over = tifa::keyness::keyness_top(&table, tifa::keyness::Measure::G2, a.top, false);
    let key_under = tifa::keyness::keyness_top(&table, tifa::keyness::Measure::G2, a.top, true);
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
    let pairs = co.top_pairs(Association::Count, 2, Some(a.pairs));

    // Corpus summary.
    let mut encodings: IndexMap<String, usize> = IndexMap::new();
    for d in &documents {
        *encodings.entry(d.encoding.clone()).or_insert(0) += 1;
    }
    encodings.sort_keys();
    let chars: usize = documents.iter().map(|d| d.chars).sum();
    let clean_chars: usize = documents.iter().map(|d| d.clean_chars).sum();
    let corpus_name = path.display().to_string();
    // The last path component names the corpus in titles (a long relative path would
    // crowd the subtitles out).
    let short_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| corpus_name.clone());
    let corpus_label = format!(
        "{} · {} documents, {} groups ({})",
        short_name,
        documents.len(),
        groups.len(),
        g.group_by
    );

    let metrics = json!({
        "schema": SCHEMA,
        "tifa_version": env!("CARGO_PKG_VERSION"),
        "options": {
            "corpus": corpus_name,
            "group_by": g.group_by,
            "text_column": g.text_column,
            "encoding": g.encoding,
            "skip_bad": g.skip_bad,
            "clean": {
                "width": !g.no_width, "simplify": !g.no_simplify, "pinyin": !g.no_pinyin,
                "rejoin": !g.no_rejoin, "dedup": !g.no_dedup, "drop_nontext": !g.keep_nontext,
            },
            "terms": {
                "hmm": !a.terms.no_hmm,
                "user_dict": a.terms.user_dict.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                "domain_dict": !a.terms.no_domain_dict,
                "stopwords": a.terms.stopwords.as_ref().map(|p| p.display().to_string()),
                "keep_stopwords": a.terms.keep_stopwords,
                "min_chars": a.terms.min_chars,
                "pos": a.terms.pos,
                "lexicon": !a.terms.no_lexicon,
            },
            "top": a.top,
            "keyness_measure": "G2",
            "similarity_measure": "jaccard",
            "pair_window": "sentence",
            "pair_min_count": 2,
            "pairs": a.pairs,
        },
        "corpus": {
            "summary": {
                "documents": documents.len(),
                "groups": group_docs,
                "fields": fields,
                "encodings": encodings,
                "chars": chars,
                "clean_chars": clean_chars,
                "tokens": tokens,
                "skipped": skipped.len(),
            },
            "documents": documents,
            "skipped": skipped,
            "cleaning": cleaning,
        },
        "terms": term_top,
        "keyness": { "over": key_over, "under": key_under },
        "slogans": slogans_json,
        "cooccur": {
            "group_item": group_item,
            "group_group": similarity,
            "item_item": { "contexts": co.n_contexts(), "pairs": pairs },
        },
    });

    progress.step("drawing charts");
    let mut files: Vec<(String, String)> = Vec::new();
    // Terms: small multiples.
    let panels: Vec<Panel> = groups
        .iter()
        .map(|grp| Panel {
            name: grp.clone(),
            bars: term_rows
                .iter()
                .filter(|r| &r.group == grp)
                .take(a.chart_top)
                .map(|r| (r.term.clone(), r.per10k))
                .collect(),
        })
        .collect();
    files.push((
        "terms.svg".into(),
        chart::bars(
            &ChartText {
                title: format!("Most frequent terms per {}", g.group_by),
                subtitle: format!(
                    "{short_name} · {} {}s · top {} terms per 10,000 word tokens",
                    groups.len(),
                    g.group_by,
                    a.chart_top
                ),
                x_label: "per 10,000 word tokens".into(),
                y_label: "term".into(),
            },
            &panels,
        ),
    ));
    // Slogans: the most widespread formulations, stacked by group.
    let shown: Vec<&tifa::slogans::SloganStats> = slogans
        .iter()
        .filter(|s| s.groups >= a.min_regions)
        .take(a.chart_slogans)
        .collect();
    let items: Vec<String> = shown.iter().map(|s| s.normalized.clone()).collect();
    let series: Vec<(String, Vec<f64>)> = groups
        .iter()
        .map(|grp| {
            (
                grp.clone(),
                shown
                    .iter()
                    .map(|s| *s.by_group.get(grp).unwrap_or(&0) as f64)
                    .collect(),
            )
        })
        .collect();
    let mut by_total = shown.clone();
    by_total.sort_by(|x, y| y.total.cmp(&x.total).then(x.normalized.cmp(&y.normalized)));
    let items_total: Vec<String> = by_total.iter().map(|s| s.normalized.clone()).collect();
    // Up to 8 groups each get an Okabe–Ito colour; with more, colours would repeat, so the
    // bars show the total and the heat map shows the breakdown by group.
    let stack = groups.len() <= 8;
    let series_total: Vec<(String, Vec<f64>)> = if !stack {
        vec![(
            format!("all {}s", g.group_by),
            by_total.iter().map(|s| s.total as f64).collect(),
        )]
    } else {
        groups
            .iter()
            .map(|grp| {
                (
                    grp.clone(),
                    by_total
                        .iter()
                        .map(|s| *s.by_group.get(grp).unwrap_or(&0) as f64)
                        .collect(),
                )
            })
            .collect()
    };
    files.push((
        "slogans.svg".into(),
        chart::grouped_bars(
            &ChartText {
                title: "Formulations (提法) by frequency".into(),
                subtitle: format!(
                    "{short_name} · the {} most widespread, by total mentions{}",
                    items_total.len(),
                    if stack {
                        format!(" · stacked by {}", g.group_by)
                    } else {
                        format!(
                            " · all {} {}s (by {}: heat map)",
                            groups.len(),
                            g.group_by,
                            g.group_by
                        )
                    }
                ),
                x_label: "mentions".into(),
                y_label: "formulation".into(),
            },
            &items_total,
            &series_total,
            true,
        ),
    ));
    // Heat map: group × formulation.
    let hm_values: Vec<Vec<f64>> = series.iter().map(|(_, v)| v.clone()).collect();
    files.push((
        "heatmap.svg".into(),
        chart::heatmap(
            &ChartText {
                title: format!("Formulations (提法) by {}", g.group_by),
                subtitle: format!(
                    "{short_name} · {} {}s · mentions of the {} most widespread",
                    groups.len(),
                    g.group_by,
                    items.len()
                ),
                x_label: "formulation".into(),
                y_label: g.group_by.clone(),
            },
            &groups,
            &items,
            &hm_values,
            &HeatmapOptions {
                scale_label: "mentions".into(),
                ..HeatmapOptions::default()
            },
        ),
    ));
    // Similarity: group × group Jaccard. The diagonal (always 1) is left out of the colour
    // scale (drawn blank and outlined), so that the off-diagonal values keep their contrast.
    let sim_values = blank_diagonal(&similarity.matrix);
    // Similarity: group × group Jaccard.
    files.push((
        "similarity.svg".into(),
        chart::heatmap(
            &ChartText {
                title: format!("How alike the {}s are in their formulations", g.group_by),
                subtitle: format!("{short_name} · Jaccard similarity of formulation sets · diagonal (self) left blank"),
                x_label: g.group_by.clone(),
                y_label: g.group_by.clone(),
            },
            similarity.matrix.rows(),
            similarity.matrix.cols(),
            &sim_values,
            &HeatmapOptions {
                mark_diagonal: true,
                value_format: ValueFormat::Decimal2,
                distinct_zero: true,
                scale_label: "Jaccard".into(),
            },
        ),
    ));
    // The same two views over terms: group × top terms (per 10,000 word tokens) and the
    // cosine similarity of the groups' term-frequency vectors (top 200 terms).
    let term_items = table.top_terms(a.chart_slogans);
    let term_groups = contexts::term_groups_of(&table, &term_items);
    let term_matrix = cooccur::group_item(&term_groups, Norm::Per10k, 1);
    files.push((
        "heatmap-terms.svg".into(),
        chart::heatmap(
            &ChartText {
                title: format!("Most frequent terms by {}", g.group_by),
                subtitle: format!(
                    "{short_name} · {} {}s · per 10,000 word tokens, the {} most frequent terms",
                    groups.len(),
                    g.group_by,
                    term_matrix.cols().len()
                ),
                x_label: "term".into(),
                y_label: g.group_by.clone(),
            },
            term_matrix.rows(),
            term_matrix.cols(),
            term_matrix.values(),
            &HeatmapOptions {
                scale_label: "per 10k".into(),
                ..HeatmapOptions::default()
            },
        ),
    ));
    let vocab = table.top_terms(200);
    let cosine =
        cooccur::group_similarity(&contexts::term_groups_of(&table, &vocab), Measure::Cosine);
    let cos_values = blank_diagonal(&cosine.matrix);
    files.push((
        "similarity-terms.svg".into(),
        chart::heatmap(
            &ChartText {
                title: format!("How alike the {}s are in their vocabulary", g.group_by),
                subtitle: format!(
                    "{short_name} · cosine of term frequencies (top {} terms) · diagonal (self) left blank",
                    vocab.len()
                ),
                x_label: g.group_by.clone(),
                y_label: g.group_by.clone(),
            },
            cosine.matrix.rows(),
            cosine.matrix.cols(),
            &cos_values,
            &HeatmapOptions {
                mark_diagonal: true,
                value_format: ValueFormat::Decimal2,
                distinct_zero: true,
                scale_label: "cosine".into(),
            },
        ),
    ));
    // Keyness: one diverging chart per group.
    let mut keyness_files: Vec<(String, String)> = Vec::new();
    for (i, grp) in groups.iter().enumerate() {
        let mut bars: Vec<(String, f64)> = key_over
            .iter()
            .filter(|r| &r.group == grp && r.score > 0.0)
            .take(a.chart_top)
            .map(|r| (r.term.clone(), r.score))
            .collect();
        let mut under: Vec<(String, f64)> = key_under
            .iter()
            .filter(|r| &r.group == grp && r.score < 0.0)
            .take(a.chart_top)
            .map(|r| (r.term.clone(), r.score))
            .collect();
        under.reverse();
        bars.extend(under);
        let name = format!("keyness-{:02}.svg", i + 1);
        keyness_files.push((name.clone(), grp.clone()));
        files.push((
            name,
            chart::diverging(
                &ChartText {
                    title: format!("Distinctive terms: {grp} against the rest"),
                    subtitle: format!(
                        "{short_name} · {} {}s · signed log-likelihood G²",
                        groups.len(),
                        g.group_by
                    ),
                    x_label: "G² (positive: over-used in this group)".into(),
                    y_label: "term".into(),
                },
                &bars,
            ),
        ));
    }

    Ok(Built {
        metrics,
        slogans,
        groups,
        key_over,
        files,
        keyness_files,
        corpus_label,
    })
}

/// Documents a side thread may have queued and not yet folded into its accumulators.
const SIDE_QUEUE: usize = 64;

/// Streams the corpus into the report's accumulators. With more than one thread, the term
/// table is filled on the thread that receives the documents and everything else on a side
/// thread, so that these serial folds (a quarter of the work) overlap each other as well as
/// the parallel segmentation. Each accumulator still sees the documents in corpus order, so
/// the result does not depend on the thread count.
fn accumulate(
    g: &Global,
    a: &Args,
    path: &std::path::Path,
    setup: &pipeline::TermSetup,
) -> Result<(pipeline::stream::StreamEnd, TermsAccumulated, Accumulated)> {
    let lexicon = !a.terms.no_lexicon;
    let mut terms = TermsAccumulated::default();
    if rayon::current_num_threads() < 2 {
        let mut rest = Accumulated::default();
        let end = g.stream(path, lexicon, Some(setup), |d| {
            terms.add(&d);
            rest.add(&d, setup);
            Ok(())
        })?;
        return Ok((end, terms, rest));
    }
    std::thread::scope(|sc| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<pipeline::Analysed>(SIDE_QUEUE);
        let side = sc.spawn(move || {
            let mut rest = Accumulated::default();
            for d in rx {
                rest.add(&d, setup);
            }
            rest
        });
        let table = &mut terms;
        let end = g.stream(path, lexicon, Some(setup), move |d| {
            table.add(&d);
            // Fails only when the side thread has panicked; joining it below re-raises that.
            let _ = tx.send(d);
            Ok(())
        });
        let rest = match side.join() {
            Ok(r) => r,
            Err(p) => std::panic::resume_unwind(p),
        };
        Ok((end?, terms, rest))
    })
}

/// The term table of the streamed documents (it grows with the vocabulary, not the corpus).
#[derive(Default)]
struct TermsAccumulated {
    table: tifa::terms::GroupTable,
    tokens: u64,
}

impl TermsAccumulated {
    fn add(&mut self, d: &pipeline::Analysed) {
        let empty = tifa::terms::DocTerms::default();
        let terms = d.terms.as_ref().unwrap_or(&empty);
        self.table.add(&d.group, terms);
        self.tokens += terms.tokens();
    }
}

/// What else the report keeps of the streamed documents: per-document summary rows, and
/// per-group accumulators that grow with the vocabulary, not the corpus.
#[derive(Default)]
struct Accumulated {
    documents: Vec<pipeline::DocSummary>,
    cleaning: Vec<pipeline::CleaningRow>,
    /// Documents per group, groups in first-seen order.
    group_docs: IndexMap<String, usize>,
    slogans: tifa::slogans::Aggregator,
    slogan_groups: contexts::SloganGroups,
    co: tifa::cooccur::Cooccurrence,
}

impl Accumulated {
    fn add(&mut self, d: &pipeline::Analysed, setup: &pipeline::TermSetup) {
        self.documents.push(pipeline::summarize(&d.prepared));
        self.cleaning.push(pipeline::cleaning_row(&d.prepared));
        *self.group_docs.entry(d.group.clone()).or_insert(0) += 1;
        self.slogans.add(&d.doc_mentions());
        self.slogan_groups.add(d);
        contexts::add_slogan_contexts(&mut self.co, d, Window::Sentence, Some(setup));
    }
}

struct HtmlInput<'a> {
    corpus_label: &'a str,
    metrics: &'a Value,
    slogans: &'a [tifa::slogans::SloganStats],
    groups: &'a [String],
    key_over: &'a [tifa::keyness::KeyRow],
    files: &'a [(String, String)],
    keyness_files: &'a [(String, String)],
    group_by: &'a str,
}

/// The values of a square similarity matrix with the diagonal (always 1) left out of the
/// colour scale (NaN: drawn blank), so the off-diagonal values keep their contrast.
fn blank_diagonal(m: &tifa::cooccur::Matrix) -> Vec<Vec<f64>> {
    m.values()
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, v)| if r == c { f64::NAN } else { *v })
                .collect()
        })
        .collect()
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            c => o.push(c),
        }
    }
    o
}

/// The SVG document without its XML declaration, for inlining.
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

fn html_report(h: &HtmlInput<'_>) -> String {
    let m = h.metrics;
    let sum = &m["corpus"]["summary"];
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str(&format!(
        "<title>tifa report · {}</title>\n",
        esc(h.corpus_label)
    ));
    o.push_str("<style>\nbody{font-family:");
    o.push_str(chart::FONT_FAMILY);
    o.push_str(";max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}\n");
    o.push_str(
        "h1{font-size:1.6em;margin-bottom:0}h2{margin-top:2em;border-bottom:1px solid #ccc}\n",
    );
    o.push_str("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}\n");
    o.push_str(
        "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.nw{white-space:nowrap}\n",
    );
    o.push_str(
        ".chart{overflow-x:auto;margin:1em 0}.chart svg{max-width:none}.muted{color:#666}\n",
    );
    o.push_str("</style>\n</head>\n<body>\n");
    o.push_str("<h1>tifa report</h1>\n");
    o.push_str(&format!(
        "<p class=\"muted\">{} · schema {}</p>\n",
        esc(h.corpus_label),
        SCHEMA
    ));

    // Overview.
    o.push_str("<h2>Corpus</h2>\n<table>\n");
    let row = |o: &mut String, k: &str, v: String| {
        o.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            esc(k),
            esc(&v)
        ))
    };
    row(&mut o, "documents", sum["documents"].to_string());
    row(
        &mut o,
        "characters (raw / cleaned)",
        format!("{} / {}", sum["chars"], sum["clean_chars"]),
    );
    row(&mut o, "word tokens", sum["tokens"].to_string());
    let encs: Vec<String> = sum["encodings"]
        .as_object()
        .map(|e| e.iter().map(|(k, v)| format!("{k} ({v})")).collect())
        .unwrap_or_default();
    row(&mut o, "encodings", encs.join(", "));
    let fields: Vec<String> = sum["fields"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    row(&mut o, "fields", fields.join(", "));
    let gs: Vec<String> = sum["groups"]
        .as_object()
        .map(|e| e.iter().map(|(k, v)| format!("{k} ({v})")).collect())
        .unwrap_or_default();
    row(
        &mut o,
        &format!("groups ({}, documents)", h.group_by),
        gs.join(", "),
    );
    row(
        &mut o,
        "formulations (distinct)",
        h.slogans.len().to_string(),
    );
    o.push_str("</table>\n");

    // Slogan table.
    o.push_str("<h2>Formulations (提法)</h2>\n<p class=\"muted\">The 40 most widespread: number of groups using them, then total mentions. Every formulation is in metrics.json.</p>\n");
    o.push_str("<table>\n<tr><th>formulation</th><th>kind</th><th class=\"n\">groups</th><th class=\"n\">mentions</th><th class=\"n\">documents</th><th>first date</th><th>expansion</th></tr>\n");
    for s in h.slogans.iter().take(40) {
        let kind = serde_json::to_value(s.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        o.push_str(&format!(
            "<tr><td class=\"nw\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"nw\">{}</td><td>{}</td></tr>\n",
            esc(&s.normalized),
            esc(&kind),
            s.groups,
            s.total,
            s.documents,
            esc(s.first_date.as_deref().unwrap_or("")),
            esc(&s.expansion.join("、")),
        ));
    }
    o.push_str("</table>\n");

    // Charts.
    o.push_str("<h2>Charts</h2>\n");
    for (name, svg) in h.files {
        if name.starts_with("keyness-") {
            continue;
        }
        o.push_str(&format!(
            "<div class=\"chart\" id=\"{}\">\n{}\n</div>\n",
            esc(name),
            inline_svg(svg)
        ));
    }

    // Distinctive terms.
    o.push_str("<h2>Distinctive terms per group</h2>\n<p class=\"muted\">Over-used against the rest of the corpus (signed log-likelihood G²; p &lt; 0.05 is G² &gt; 3.84).</p>\n");
    o.push_str("<table>\n<tr><th>group</th><th>terms (G²)</th></tr>\n");
    for grp in h.groups {
        let terms: Vec<String> = h
            .key_over
            .iter()
            .filter(|r| &r.group == grp && r.score > 0.0)
            .take(10)
            .map(|r| format!("{} ({:.1})", r.term, r.score))
            .collect();
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>\n",
            esc(grp),
            esc(&terms.join("，"))
        ));
    }
    o.push_str("</table>\n");
    for (name, grp) in h.keyness_files {
        if let Some((_, svg)) = h.files.iter().find(|(n, _)| n == name) {
            o.push_str(&format!(
                "<div class=\"chart\" id=\"{}\" title=\"{}\">\n{}\n</div>\n",
                esc(name),
                esc(grp),
                inline_svg(svg)
            ));
        }
    }

    // Cleaning notes.
    o.push_str("<h2>Cleaning notes</h2>\n<table>\n<tr><th>document</th><th>script</th><th class=\"n\">chars</th><th class=\"n\">cleaned</th><th class=\"n\">full-width</th><th class=\"n\">simplified</th><th class=\"n\">pinyin</th><th class=\"n\">rejoined</th><th class=\"n\">dup ¶</th><th class=\"n\">dup sent.</th><th class=\"n\">dropped lines</th></tr>\n");
    if let Some(rows) = m["corpus"]["cleaning"].as_array() {
        for r in rows {
            let n = |k: &str| r[k].to_string();
            o.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                esc(r["id"].as_str().unwrap_or("")),
                esc(r["script"].as_str().unwrap_or("")),
                n("chars"), n("clean_chars"), n("width_chars"), n("simplified_chars"),
                n("pinyin_glosses"), n("rejoined"), n("dup_paragraphs"), n("dup_sentences"), n("dropped_lines"),
            ));
        }
    }
    o.push_str("</table>\n");
    o.push_str("<p class=\"muted\">Made by <code>tifa report</code>. Machine-readable results: metrics.json (schema tifa.metrics/1).</p>\n</body>\n</html>\n");
    o
}
