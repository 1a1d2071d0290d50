//! `tifa cooccur`: what regions share, how alike they are, and what goes with what.
//!
//! Three matrices (`--matrix`), over formulations (`--of slogans`, default) or the top
//! `--top-terms N` terms (`--of terms`, default 50, after stopwords):
//! - `group-item` (default): groups (regions) × items, raw counts (default), `--norm
//!   per10k` (per 10,000 word tokens of the group) or `--norm binary`; `--min-groups K` keeps
//!   items present in at least K groups (the cross-region recurrences). Columns are sorted by
//!   number of groups, then total, then item.
//! - `group-group`: similarity between groups: `--measure jaccard` (default for slogans; on
//!   item sets), `cosine` (default for terms; raw counts) or `cosine-tfidf` (smoothed idf
//!   ln((1+G)/(1+df))+1). JSON lists the shared items of every pair.
//! - `item-item`: items in the same context: `--window sentence` (default), `paragraph`,
//!   `doc`, or a number N (N word tokens on each side of every item occurrence). Each context
//!   counts once per pair (KH Coder; quanteda `fcm(count = "boolean")`); N = number of
//!   contexts, empty ones included. Measures (`--assoc`): count (default), pmi
//!   (log2(n_ab·N/(n_a·n_b))), npmi (pmi / −log2(n_ab/N)), jaccard. `--min-count` (default
//!   2) drops rarer pairs; `--top N` pairs are listed (default 30), and the matrix (JSON)
//!   covers the `--matrix-items K` most frequent items (default 20). Terms are found in
//!   the contexts as they are counted: formulations are single tokens (融合 inside 三治融合
//!   is not 融合).
//!
//! Cost: one cleaning, extraction and segmentation pass per document; item-item over terms
//! segments the contexts a second time (the only analysis that needs token order), from the
//! cleaned texts kept in a spill (memory up to 32 MB, then a temporary file) until the top
//! terms are known. Memory holds a batch of texts and the counts or contexts' item sets, not
//! the corpus.
//!
//! Output: table (groups as columns, long labels cut with …), CSV in tidy long form
//! (row, column, value; pairs for item-item), JSON `{"matrix": {"rows", "columns",
//! "values"}, ...}`.

use super::{print, print_json, to_json, CorpusArg, Global, TermArgs};
use clap::ValueEnum;
use rayon::prelude::*;
use tifa::contexts::{self, Window};
use tifa::cooccur::{self, Association, Matrix, Measure, Norm};
use tifa::error::{Error, Result};
use tifa::pipeline::spill::{Entry, Meta, Spill};
use tifa::table::{fmt_f64, Align, Format, Table};

/// Options of `tifa cooccur`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArg,
    /// Items: formulations or terms.
    #[arg(long, value_enum, default_value_t = Of::Slogans)]
    of: Of,
    /// Which matrix.
    #[arg(long, value_enum, default_value_t = MatrixArg::GroupItem)]
    matrix: MatrixArg,
    /// Cell values of group-item.
    #[arg(long, value_enum, default_value_t = NormArg::Raw)]
    norm: NormArg,
    /// group-item: keep items present in at least K groups.
    #[arg(long, default_value_t = 1, value_name = "K")]
    min_groups: usize,
    /// group-group similarity (default: jaccard for slogans, cosine for terms).
    #[arg(long, value_enum)]
    measure: Option<MeasureArg>,
    /// item-item context: sentence, paragraph, doc, or N tokens.
    #[arg(long, default_value = "sentence", value_name = "WINDOW")]
    window: String,
    /// item-item association measure.
    #[arg(long, value_enum, default_value_t = AssocArg::Count)]
    assoc: AssocArg,
    /// item-item: drop pairs seen together in fewer contexts.
    #[arg(long, default_value_t = 2, value_name = "N")]
    min_count: u64,
    /// Rows shown: items (group-item), pairs (item-item). 0: all.
    #[arg(long, default_value_t = 30, value_name = "N")]
    top: usize,
    /// `--of terms`: how many of the most frequent terms are the items.
    #[arg(long, default_value_t = 50, value_name = "N")]
    top_terms: usize,
    /// item-item: the matrix covers this many most frequent items.
    #[arg(long, default_value_t = 20, value_name = "K")]
    matrix_items: usize,
    #[command(flatten)]
    terms: TermArgs,
}

/// `--of`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Of {
    /// Formulations and slogans.
    Slogans,
    /// The most frequent terms.
    Terms,
}

/// `--matrix`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum MatrixArg {
    /// Groups × items.
    GroupItem,
    /// Groups × groups similarity.
    GroupGroup,
    /// Items × items co-occurrence.
    ItemItem,
}

/// `--norm`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum NormArg {
    /// Raw counts.
    Raw,
    /// Per 10,000 word tokens of the group.
    Per10k,
    /// 1 when present.
    Binary,
}

/// `--measure`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum MeasureArg {
    /// Jaccard on item sets.
    Jaccard,
    /// Cosine on count vectors.
    Cosine,
    /// Cosine on TF-IDF vectors.
    CosineTfidf,
}

/// `--assoc`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum AssocArg {
    /// Contexts containing both.
    Count,
    /// Pointwise mutual information.
    Pmi,
    /// Normalised PMI.
    Npmi,
    /// Jaccard.
    Jaccard,
}

/// Parses `--window`.
pub fn parse_window(s: &str) -> Result<Window> {
    match s {
        "sentence" => Ok(Window::Sentence),
        "paragraph" => Ok(Window::Paragraph),
        "doc" => Ok(Window::Doc),
        n => match n.parse::<usize>() {
            Ok(k) if k > 0 => Ok(Window::Tokens(k)),
            _ => Err(Error::Usage(format!(
                "--window takes sentence, paragraph, doc or a number of tokens ≥ 1, not '{n}'"
            ))),
        },
    }
}

/// Cleaned text segmented for term contexts at a time (item-item over terms).
const CONTEXT_BATCH_BYTES: usize = 4 << 20;

/// Cleaned text kept in memory for the term contexts before it moves to a temporary file.
const SPILL_BYTES: usize = 32 << 20;

/// Runs `tifa cooccur`.
///
/// The corpus is streamed once: group-item and group-group keep per-group counts, item-item
/// the contexts' item sets. Item-item over terms needs the top terms before the first
/// context, so it keeps each document's cleaned text and formulations in a spill (memory up
/// to 32 MB, then a temporary file) and segments the contexts from there afterwards.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let window = parse_window(&a.window)?;
    let setup = a.terms.setup()?;
    let lexicon = !a.terms.no_lexicon;
    let mut table = tifa::terms::GroupTable::new();
    let mut slogans = contexts::SloganGroups::default();
    let mut co = tifa::cooccur::Cooccurrence::new();
    let empty = tifa::terms::DocTerms::default();
    let item_item = a.matrix == MatrixArg::ItemItem;
    let term_contexts = a.of == Of::Terms && item_item;
    let mut kept = Spill::new(SPILL_BYTES);
    g.stream(&a.corpus.path(), lexicon, Some(&setup), |d| {
        match a.of {
            Of::Terms => table.add(&d.group, d.terms.as_ref().unwrap_or(&empty)),
            Of::Slogans if item_item => {
                contexts::add_slogan_contexts(&mut co, &d, window, Some(&setup))
            }
            Of::Slogans => slogans.add(&d),
        }
        if term_contexts {
            let clean = d.prepared.clean;
            kept.push(Entry {
                text: clean.text,
                paragraphs: clean.paragraphs,
                map: tifa::offsets::OffsetMap::identity(),
                mentions: d.mentions,
                meta: Meta {
                    doc: d.prepared.doc,
                    raw_chars: d.prepared.raw_chars,
                    script: clean.script,
                    report: clean.report,
                },
            })?;
        }
        Ok(())
    })?;
    let items = match a.of {
        Of::Terms => table.top_terms(a.top_terms),
        Of::Slogans => Vec::new(),
    };
    let groups = match a.of {
        Of::Slogans => slogans.finish(),
        Of::Terms => contexts::term_groups_of(&table, &items),
    };
    drop(table);
    if term_contexts {
        add_term_contexts(&mut co, kept, &items, window, &setup)?;
    }
    match a.matrix {
        MatrixArg::GroupItem => {
            let norm = match a.norm {
                NormArg::Raw => Norm::Raw,
                NormArg::Per10k => Norm::Per10k,
                NormArg::Binary => Norm::Binary,
            };
            let m = cooccur::group_item(&groups, norm, a.min_groups);
            let digits = if norm == Norm::Per10k { 2 } else { 0 };
            present_matrix(g, &m.transpose(), a.top, digits, "item")
        }
        MatrixArg::GroupGroup => {
            let measure = match a.measure {
                Some(MeasureArg::Jaccard) => Measure::Jaccard,
                Some(MeasureArg::Cosine) => Measure::Cosine,
                Some(MeasureArg::CosineTfidf) => Measure::CosineTfIdf,
                None if a.of == Of::Slogans => Measure::Jaccard,
                None => Measure::Cosine,
            };
            let sim = cooccur::group_similarity(&groups, measure);
            if g.format() == Format::Json {
                return print(&to_json(&sim)?);
            }
            present_matrix(g, &sim.matrix, 0, 3, "group")
        }
        MatrixArg::ItemItem => {
            let assoc = match a.assoc {
                AssocArg::Count => Association::Count,
                AssocArg::Pmi => Association::Pmi,
                AssocArg::Npmi => Association::Npmi,
                AssocArg::Jaccard => Association::Jaccard,
            };
            let limit = (a.top > 0).then_some(a.top);
            let pairs = co.top_pairs(assoc, a.min_count, limit);
            match g.format() {
                Format::Json => {
                    let matrix = co.matrix(assoc, a.matrix_items, a.min_count);
                    print(&to_json(&serde_json::json!({
                        "contexts": co.n_contexts(),
                        "pairs": pairs,
                        "matrix": matrix,
                    }))?)
                }
                f => {
                    let mut t =
                        Table::new(["a", "b", "n_ab", "n_a", "n_b", "pmi", "npmi", "jaccard"]);
                    t.align = vec![Align::Left, Align::Left];
                    t.align.extend([Align::Right; 6]);
                    for p in &pairs {
                        t.rows.push(vec![
                            p.a.clone(),
                            p.b.clone(),
                            p.count.to_string(),
                            p.n_a.to_string(),
                            p.n_b.to_string(),
                            fmt_f64(p.pmi, 3),
                            fmt_f64(p.npmi, 3),
                            fmt_f64(p.jaccard, 3),
                        ]);
                    }
                    if f == Format::Csv {
                        return print(&t.to_csv());
                    }
                    t.max_width = 24;
                    let mut s = t.render();
                    s.push_str(&format!("{} contexts ({})\n", co.n_contexts(), a.window));
                    print(&s)
                }
            }
        }
    }
}

/// Adds the contexts of the documents kept in `kept` to `co`: a batch at a time, each
/// batch segmented in parallel and added in corpus order.
fn add_term_contexts(
    co: &mut tifa::cooccur::Cooccurrence,
    kept: Spill,
    items: &[String],
    window: Window,
    setup: &tifa::pipeline::TermSetup,
) -> Result<()> {
    let wanted: std::collections::HashSet<&str> = items.iter().map(String::as_str).collect();
    let mut reader = kept.into_reader()?.peekable();
    while reader.peek().is_some() {
        let mut batch: Vec<Entry> = Vec::new();
        let mut bytes = 0;
        while bytes < CONTEXT_BATCH_BYTES {
            let Some(e) = reader.next() else { break };
            let e = e?;
            bytes += e.text.len();
            batch.push(e);
        }
        let found: Vec<contexts::TermContexts<'_>> = batch
            .par_iter()
            .map(|e| {
                let doc = contexts::ContextDoc {
                    text: &e.text,
                    paragraphs: &e.paragraphs,
                    mentions: &e.mentions,
                };
                contexts::term_contexts(doc, &wanted, window, setup)
            })
            .collect();
        for c in found {
            c.add_to(co);
        }
    }
    Ok(())
}

/// Prints a labelled matrix: JSON as is, CSV in long form, a table with the columns as
/// headers (at most `top` rows; 0 = all).
fn present_matrix(g: &Global, m: &Matrix, top: usize, digits: usize, corner: &str) -> Result<()> {
    match g.format() {
        Format::Json => print_json("matrix", &m),
        Format::Csv => {
            let mut t = Table::new(["row", "column", "value"]);
            for (r, c, v) in m.to_long() {
                t.rows.push(vec![r, c, fmt_f64(v, digits.max(4))]);
            }
            print(&t.to_csv())
        }
        Format::Table => {
            let mut t = Table::new([corner.to_string()]);
            t.headers.extend(m.cols().iter().cloned());
            t.align = vec![Align::Left];
            t.align.extend(vec![Align::Right; m.cols().len()]);
            let n = if top == 0 {
                m.rows().len()
            } else {
                top.min(m.rows().len())
            };
            for (label, vals) in m.rows().iter().zip(m.values()).take(n) {
                let mut row = vec![label.clone()];
                row.extend(vals.iter().map(|v| {
                    if *v == 0.0 {
                        "·".to_string()
                    } else {
                        fmt_f64(*v, digits)
                    }
                }));
                t.rows.push(row);
            }
            t.max_width = 24;
            let mut s = t.render();
            if n < m.rows().len() {
                s.push_str(&format!(
                    "… {} more rows (use --top 0, or --format csv/json for all)\n",
                    m.rows().len() - n
                ));
            }
            print(&s)
        }
    }
}
