//! `tifa keyness`: the words distinctive of each group against the rest of the corpus.
//!
//! For every group (region) and term, a 2×2 table of the term's count and the other word
//! tokens in the target group and in all other groups (the reference). Measures: signed
//! log-likelihood G² (default; Rayson's definition, no continuity correction) or Pearson χ²
//! (`--measure chi2`, no Yates correction), positive when the term is over-used in the
//! target; the effect size Log Ratio (Hardie: log2 of the ratio of relative frequencies,
//! 0.5 in place of a zero count); the p-value of χ² with 1 degree of freedom.
//!
//! Cost: the segmentation of `tifa terms`, then one pass over the vocabulary per group.
//!
//! Sorting: by group (corpus order), then by the measure descending, then term ascending.
//! `--top N` (default 20) keeps the N most over-used terms per group, `--negative` the N
//! most under-used instead. Segmentation options as for `tifa terms`.
//!
//! JSON rows: `group, term, g2 (or chi2), log_ratio, p, target_count, reference_count`.

use super::{group_table, print, print_json, CorpusArg, Global, TermArgs};
use clap::ValueEnum;
use tifa::error::Result;
use tifa::keyness::Measure;
use tifa::table::{fmt_f64, Align, Format, Table};

/// Options of `tifa keyness`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArg,
    /// The keyness measure.
    #[arg(long, value_enum, default_value_t = MeasureArg::G2)]
    measure: MeasureArg,
    /// Top N terms per group (0: all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    top: usize,
    /// Show the most under-used terms instead of the most over-used.
    #[arg(long)]
    negative: bool,
    #[command(flatten)]
    terms: TermArgs,
}

/// `--measure`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum MeasureArg {
    /// Signed log-likelihood G².
    G2,
    /// Signed Pearson χ².
    Chi2,
}

/// Runs `tifa keyness`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let table = group_table(g, &a.corpus, &a.terms)?;
    let measure = match a.measure {
        MeasureArg::G2 => Measure::G2,
        MeasureArg::Chi2 => Measure::Chi2,
    };
    let n = if a.top == 0 { usize::MAX } else { a.top };
    let rows = tifa::keyness::keyness_top(&table, measure, n, a.negative);
    match g.format() {
        Format::Json => print_json("keyness", &rows),
        f => {
            let mut t = Table::new([
                "group",
                "term",
                measure.name(),
                "log_ratio",
                "p",
                "target",
                "reference",
            ]);
            t.align = vec![Align::Left, Align::Left];
            t.align.extend([Align::Right; 5]);
            for r in &rows {
                t.rows.push(vec![
                    r.group.clone(),
                    r.term.clone(),
                    fmt_f64(r.score, 2),
                    fmt_f64(r.log_ratio, 2),
                    if f == Format::Csv {
                        format!("{:e}", r.p)
                    } else {
                        format_p(r.p)
                    },
                    r.target_count.to_string(),
                    r.reference_count.to_string(),
                ]);
            }
            if f == Format::Csv {
                print(&t.to_csv())
            } else {
                print(&t.render())
            }
        }
    }
}

fn format_p(p: f64) -> String {
    if p < 0.0001 {
        "<0.0001".into()
    } else {
        format!("{p:.4}")
    }
}
