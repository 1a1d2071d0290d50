//! `tifa slogans`: numbered formulations (提法) and slogans (口号), region against region.
//!
//! Finds in the cleaned text of every document the five kinds of formulation — `numeric`
//! ("1+5+N", “136”工作体系, 3个1), `numeral_compound` (两区一中心, 三治融合), `numbered_list`
//! (两个全覆盖, 五项权利), `plus` (党建+, 社区大党委+小区党支部+楼栋党小组) and `quoted_slogan`
//! (“红色物业”, “最后一公里”) — normalises them (Simplified, ASCII digits and `+`; 两/双 = 2),
//! abstracts their shape (`1+k+N`, `{6}联{6}促`), looks for their listed components near an
//! occurrence (expansion) and checks the count against the numeral (consistency: ok,
//! mismatch, undefined), and counts them per document and per group.
//!
//! Cost: one cleaning pass and one extraction pass per document (extraction is a single
//! scan triggered by quotes, digits, Chinese numerals and `+`); no segmentation. Documents
//! are streamed: memory holds a batch of texts and the counts per formulation, plus, for
//! JSON and CSV by slogan (which print them), the sentence of every mention.
//!
//! Sorting: by number of groups (descending), then total (descending), then normalised form
//! (ascending, by code point). Groups appear as columns in corpus order.
//!
//! Options:
//! - `--kind K[,K…]`: only these kinds (default: all);
//! - `--min-regions K` (alias `--min-groups`): only formulations found in at least K groups
//!   (the cross-region recurrences; default 1);
//! - `--top N`: at most N rows in the table (default 40; 0 = all); CSV and JSON carry every row;
//! - `--by slogan|shape|pattern`: one row per normalised form (default), per shape (variants
//!   such as 1+5+N and 1+2+N under `1+k+N`), or per pattern (families whose final morpheme
//!   varies: 三化三促 and 三化三治 under `{3}化{3}*`);
//! - `--no-lexicon`: rules only, without the built-in lexicon of established national
//!   formulations (`data/formulations.tsv`).
//!
//! JSON: `{"slogans": [{"normalized", "kind", "shape", "total", "by_group", "documents",
//! "groups", "first_date", "last_date", "expansion", "consistency", "contexts": [{"doc",
//! "offset", "text"}]}]}` (offsets are byte offsets into the raw text of the document).

use super::{print, print_json, CorpusArg, Global};
use clap::ValueEnum;
use tifa::error::Result;
use tifa::slogans::{Kind, SloganStats};
use tifa::table::{display_width, truncate, Align, Format, Table};

/// Options of `tifa slogans`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArg,
    /// Only these kinds.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    kind: Vec<KindArg>,
    /// Only formulations found in at least K groups.
    #[arg(long, alias = "min-groups", default_value_t = 1, value_name = "K")]
    min_regions: usize,
    /// At most N rows in the table (0: all). CSV and JSON carry every row.
    #[arg(long, default_value_t = 40, value_name = "N")]
    top: usize,
    /// One row per normalised form, or per shape.
    #[arg(long, value_enum, default_value_t = By::Slogan)]
    by: By,
    /// Rules only: do not look for the built-in lexicon's established formulations.
    #[arg(long)]
    no_lexicon: bool,
}

/// The kind filter (`--kind`).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
#[value(rename_all = "snake_case")]
pub enum KindArg {
    /// Digit formulas and codes.
    Numeric,
    /// Chinese-numeral formulas.
    NumeralCompound,
    /// Numeral + classifier + noun.
    NumberedList,
    /// `X+` formulas.
    Plus,
    /// Quoted slogans and brands.
    QuotedSlogan,
}

impl KindArg {
    fn kind(self) -> Kind {
        match self {
            KindArg::Numeric => Kind::Numeric,
            KindArg::NumeralCompound => Kind::NumeralCompound,
            KindArg::NumberedList => Kind::NumberedList,
            KindArg::Plus => Kind::Plus,
            KindArg::QuotedSlogan => Kind::QuotedSlogan,
        }
    }
}

/// Row unit of `tifa slogans`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum By {
    /// One row per normalised formulation.
    Slogan,
    /// One row per shape (variants grouped: 1+5+N and 1+2+N under 1+k+N).
    Shape,
    /// One row per pattern (families: 三化三促 and 三化三治 under {3}化{3}*).
    Pattern,
}

/// Runs `tifa slogans`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    // Streamed: each document's mentions are aggregated, then the document is dropped. The
    // sentence of every mention is kept only for the outputs that print it (JSON and CSV of
    // `--by slogan`): they are as large as the mentions, the table is not.
    let contexts = a.by == By::Slogan && g.format() != Format::Table;
    let mut agg = tifa::slogans::Aggregator::new(contexts).keep_documents(a.by != By::Slogan);
    let mut groups: Vec<String> = Vec::new();
    g.stream(&a.corpus.path(), !a.no_lexicon, None, |d| {
        if !groups.contains(&d.group) {
            groups.push(d.group.clone());
        }
        agg.add(&d.doc_mentions());
        Ok(())
    })?;
    let kinds: Vec<Kind> = a.kind.iter().map(|k| k.kind()).collect();
    let stats: Vec<SloganStats> = agg
        .finish()
        .into_iter()
        .filter(|s| kinds.is_empty() || kinds.contains(&s.kind))
        .filter(|s| s.groups >= a.min_regions)
        .collect();
    match a.by {
        By::Slogan => present_slogans(g, &a, &groups, &stats),
        By::Shape | By::Pattern => {
            let shapes = if a.by == By::Shape {
                tifa::slogans::by_shape(&stats)
            } else {
                tifa::slogans::by_pattern(&stats)
            };
            match g.format() {
                Format::Json => print_json("shapes", &shapes),
                f => {
                    let first = if a.by == By::Shape {
                        "shape"
                    } else {
                        "pattern"
                    };
                    let mut t = Table::new([first, "kind", "total"]);
                    t.headers.extend(groups.iter().cloned());
                    t.headers
                        .extend(["docs".to_string(), "variants".to_string()]);
                    t.align = vec![Align::Left, Align::Left];
                    t.align.extend(vec![Align::Right; groups.len() + 2]);
                    t.align.push(Align::Left);
                    for s in &shapes {
                        let mut row =
                            vec![s.shape.clone(), s.kind.name().into(), s.total.to_string()];
                        row.extend(
                            groups
                                .iter()
                                .map(|gr| count_cell(s.by_group.get(gr).copied())),
                        );
                        row.push(s.documents.to_string());
                        row.push(s.variants.join(" "));
                        t.rows.push(row);
                    }
                    finish(f, t, a.top, stats.len())
                }
            }
        }
    }
}

fn count_cell(n: Option<usize>) -> String {
    match n {
        Some(n) if n > 0 => n.to_string(),
        _ => "·".into(),
    }
}

fn finish(f: Format, mut t: Table, top: usize, total: usize) -> Result<()> {
    if f == Format::Csv {
        return print(&t.to_csv());
    }
    let shown = t.rows.len();
    if top > 0 && shown > top {
        t.rows.truncate(top);
    }
    t.max_width = 40;
    let mut s = t.render();
    if t.rows.len() < shown {
        s.push_str(&format!(
            "… {} more rows (use --top 0, or --format csv/json for all)\n",
            shown - t.rows.len()
        ));
    }
    let _ = total;
    print(&s)
}

fn present_slogans(g: &Global, a: &Args, groups: &[String], stats: &[SloganStats]) -> Result<()> {
    match g.format() {
        Format::Json => print_json("slogans", &stats),
        Format::Csv => {
            let mut t = Table::new([
                "normalized",
                "kind",
                "shape",
                "total",
                "documents",
                "groups",
                "first_date",
                "last_date",
                "consistency",
                "expansion",
            ]);
            t.headers.extend(groups.iter().cloned());
            t.headers.push("contexts".into());
            for s in stats {
                let mut row = vec![
                    s.normalized.clone(),
                    s.kind.name().into(),
                    s.shape.clone(),
                    s.total.to_string(),
                    s.documents.to_string(),
                    s.groups.to_string(),
                    s.first_date.clone().unwrap_or_default(),
                    s.last_date.clone().unwrap_or_default(),
                    consistency_name(s),
                    s.expansion.join("、"),
                ];
                row.extend(
                    groups
                        .iter()
                        .map(|gr| s.by_group.get(gr).copied().unwrap_or(0).to_string()),
                );
                row.push(
                    s.contexts
                        .iter()
                        .map(|c| format!("{}@{}: {}", c.doc, c.offset, c.text))
                        .collect::<Vec<_>>()
                        .join(" | "),
                );
                t.rows.push(row);
            }
            print(&t.to_csv())
        }
        Format::Table => {
            let mut t = Table::new(["slogan", "kind", "shape", "total"]);
            t.headers.extend(groups.iter().cloned());
            t.headers
                .extend(["docs".to_string(), "expansion".to_string()]);
            t.align = vec![Align::Left, Align::Left, Align::Left, Align::Right];
            t.align.extend(vec![Align::Right; groups.len() + 1]);
            t.align.push(Align::Left);
            for s in stats {
                let mut row = vec![
                    s.normalized.clone(),
                    s.kind.name().into(),
                    s.shape.clone(),
                    s.total.to_string(),
                ];
                row.extend(
                    groups
                        .iter()
                        .map(|gr| count_cell(s.by_group.get(gr).copied())),
                );
                row.push(s.documents.to_string());
                let exp = if s.expansion.is_empty() {
                    String::new()
                } else {
                    format!("[{}] {}", consistency_name(s), s.expansion.join("、"))
                };
                row.push(if display_width(&exp) > 40 {
                    truncate(&exp, 40)
                } else {
                    exp
                });
                t.rows.push(row);
            }
            finish(Format::Table, t, a.top, stats.len())
        }
    }
}

fn consistency_name(s: &SloganStats) -> String {
    serde_json::to_value(s.consistency)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}
