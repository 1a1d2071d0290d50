//! `tifa chart KIND --out FILE.svg`: one chart of the report, as SVG.
//!
//! KIND:
//! - `terms`: the top `--top N` terms per group (default 10) as horizontal bars, one panel per
//!   group (small multiples on a shared scale);
//! - `slogans`: the `--slogans N` most widespread formulations (default 25), by total
//!   mentions, stacked by group (up to 8 groups, each with a colour-blind-safe Okabe–Ito
//!   colour; with more groups one total bar and the breakdown in `heatmap`);
//!   `--min-regions K` keeps only formulations found in at least K groups (also for
//!   `heatmap`);
//! - `keyness`: diverging bars for `--group G` (default: the first group) against the rest:
//!   the `--top N` most over-used terms right, the most under-used left (signed G²);
//! - `heatmap`: groups × formulations (mentions), viridis scale with a legend, the value in
//!   each cell;
//! - `similarity`: groups × groups, Jaccard similarity of their formulation sets, the
//!   diagonal (self) outlined and left out of the colour scale.
//!
//! `--of terms` draws `heatmap` over the most frequent terms (per 10,000 word tokens) and
//! `similarity` as the cosine of the groups' term frequencies (top 200 terms).
//!
//! Cost: the analysis of `tifa report` (one cleaning, extraction and segmentation pass per
//! document); then one chart is drawn and written atomically. Labels are measured for CJK
//! width, so nothing is clipped with 5 or 30 groups. Same input → byte-identical SVG.
//! Segmentation options as for `tifa terms`.

use super::report::{self, Progress};
use super::{print, CorpusArg, Global, TermArgs};
use clap::ValueEnum;
use std::path::PathBuf;
use tifa::error::{Error, Result};

/// Options of `tifa chart`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which chart.
    #[arg(value_enum)]
    kind: Kind,
    #[command(flatten)]
    corpus: CorpusArg,
    /// The SVG file to write.
    #[arg(long, value_name = "FILE.svg")]
    out: PathBuf,
    /// Terms per panel (terms) or bars per direction (keyness).
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,
    /// Formulations in the slogans chart and the heat map.
    #[arg(long, default_value_t = 25, value_name = "N")]
    slogans: usize,
    /// slogans, heatmap: only formulations found in at least K groups (the recurring ones).
    #[arg(long, alias = "min-groups", default_value_t = 1, value_name = "K")]
    min_regions: usize,
    /// heatmap, similarity: over formulations (default) or terms (heatmap: per 10,000 word
    /// tokens of the most frequent terms; similarity: cosine of term frequencies).
    #[arg(long, value_enum, default_value_t = Of::Slogans)]
    of: Of,
    /// keyness: the group against the rest (default: the first group).
    #[arg(long, value_name = "GROUP")]
    group: Option<String>,
    #[command(flatten)]
    terms: TermArgs,
}

/// `--of`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Of {
    /// Formulations.
    Slogans,
    /// Terms.
    Terms,
}

/// `KIND`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Kind {
    /// Top terms per group, small multiples.
    Terms,
    /// Formulations by frequency, stacked by group.
    Slogans,
    /// Distinctive terms of one group, diverging bars.
    Keyness,
    /// Groups × formulations.
    Heatmap,
    /// Groups × groups similarity.
    Similarity,
}

/// Runs `tifa chart`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let ra = report::Args::for_charts(a.corpus, a.terms, a.top, a.slogans, a.min_regions);
    let built = report::build(g, &ra, &Progress::new(true))?;
    let name = match a.kind {
        Kind::Terms => "terms.svg".to_string(),
        Kind::Slogans => "slogans.svg".to_string(),
        Kind::Heatmap if a.of == Of::Terms => "heatmap-terms.svg".to_string(),
        Kind::Heatmap => "heatmap.svg".to_string(),
        Kind::Similarity if a.of == Of::Terms => "similarity-terms.svg".to_string(),
        Kind::Similarity => "similarity.svg".to_string(),
        Kind::Keyness => {
            let groups = built.groups();
            let i = match &a.group {
                None => 0,
                Some(gr) => groups.iter().position(|x| x == gr).ok_or_else(|| {
                    Error::Usage(format!(
                        "--group {gr}: no such group (groups: {})",
                        groups.join(", ")
                    ))
                })?,
            };
            tifa::report::Report::keyness_file_name(i)
        }
    };
    let svg = built
        .chart(&name)
        .ok_or_else(|| Error::Usage("the corpus has no groups to chart".into()))?;
    tifa::output::write_atomic(&a.out, svg.as_bytes())?;
    print(&format!("{}\n", a.out.display()))
}
