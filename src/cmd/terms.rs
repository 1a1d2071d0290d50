//! `tifa terms`: term frequencies per group (region) or per document.
//!
//! Segments the cleaned text of every document with jieba-rs (HMM on, the built-in domain
//! dictionary plus `--user-dict` files); formulations found by the slogan extractor are
//! single tokens (1+5+N, 三治融合 are never split). Stopwords, single characters, pure
//! numbers, the units of amounts jieba cuts off their numbers (3 / 亿元, 20 / 余万人次; see
//! [`tifa::terms::is_amount`]; kept with the stopwords by `--keep-stopwords`) and
//! punctuation are dropped. For each term: count, relative frequency per
//! 10,000 word tokens (the denominator counts every word token before filtering), document
//! frequency `df` (documents containing it; within the group for `--by group`), and TF-IDF
//! = count × ln(N/n) (natural log, no smoothing; N, n = documents for `--by doc`, groups for
//! `--by group`, so a word used by every region scores 0).
//!
//! Cost: one segmentation per document (the floor), made cheaper by a per-thread cache of
//! clause segmentations (a clause seen before on the thread is looked up, not cut again; the
//! tokens are the same, `--no-segment-cache` switches it off), and counting in an array
//! indexed by token id per document.
//! Documents are streamed ([`tifa::pipeline::stream`]): with `--by group` memory holds a
//! batch of texts and the per-group counts (it grows with the vocabulary, not the corpus);
//! `--by doc` keeps each document's top N terms and the corpus-wide `df` of every term
//! ([`tifa::terms::DocTable`]).
//!
//! Sorting: groups in corpus order (documents in corpus order within a group), then count
//! descending, then term ascending (by UTF-8 bytes).
//!
//! Options: `--by group|doc` (default group), `--top N` (default 20 per group/document;
//! 0 = all) and the segmentation options (`--no-hmm`, `--user-dict FILE`,
//! `--no-domain-dict`, `--no-segment-cache`, `--stopwords FILE`, `--keep-stopwords`, `--min-chars N` (2),
//! `--pos TAGS`, `--no-lexicon`). The table shows the groups side by side; CSV and JSON give
//! every row with `term, count, per10k, df, tfidf, group` (and `doc` with `--by doc`).

use super::{group_table, print, print_json, print_with, CorpusArg, Global, TermArgs};
use clap::ValueEnum;
use tifa::error::Result;
use tifa::table::{csv_line, fmt_f64, Align, Format, Table};
use tifa::terms::TermRow;

/// Options of `tifa terms`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArg,
    /// Count per group (region) or per document.
    #[arg(long, value_enum, default_value_t = ByArg::Group)]
    by: ByArg,
    /// Top N terms per group or document (0: all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    top: usize,
    #[command(flatten)]
    terms: TermArgs,
}

/// `--by`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ByArg {
    /// One table per group (region).
    Group,
    /// One table per document.
    Doc,
}

/// Runs `tifa terms`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let top = if a.top > 0 { a.top } else { usize::MAX };
    let rows = match a.by {
        ByArg::Group => group_table(g, &a.corpus, &a.terms)?.top_rows(top),
        ByArg::Doc => {
            let setup = a.terms.setup()?;
            let mut table = tifa::terms::DocTable::new(top);
            g.stream(&a.corpus.path(), !a.terms.no_lexicon, Some(&setup), |d| {
                let terms = d.terms.unwrap_or_default();
                table.add(&d.prepared.doc.id, &d.group, &terms);
                Ok(())
            })?;
            table.rows()
        }
    };
    match g.format() {
        Format::Json => print_json("terms", &rows),
        // A line at a time (with `--by doc` there are up to N rows per document).
        Format::Csv => print_with(|w| {
            let headers = ["group", "doc", "term", "count", "per10k", "df", "tfidf"];
            w.write_all(csv_line(&headers.map(String::from)).as_bytes())?;
            for r in &rows {
                let cells = [
                    r.group.clone(),
                    r.doc.clone().unwrap_or_default(),
                    r.term.clone(),
                    r.count.to_string(),
                    format!("{:.4}", r.per10k),
                    r.df.to_string(),
                    format!("{:.4}", r.tfidf),
                ];
                w.write_all(csv_line(&cells).as_bytes())?;
            }
            Ok(())
        }),
        Format::Table => {
            if rows.is_empty() && !g.quiet {
                // An empty table would print nothing at all; say why instead.
                eprintln!("{NO_TERMS}");
            }
            print(&side_by_side(&rows))
        }
    }
}

/// What `tifa terms` says on standard error when no term is left to show.
const NO_TERMS: &str = "tifa: no terms to show: no word token of the corpus is left after \
cleaning and filtering (stopwords, --min-chars, --pos)";

/// Lays out the rows of each group (or document) side by side: rank, then per column block
/// `term count per10k`, so regions can be read across.
fn side_by_side(rows: &[TermRow]) -> String {
    let mut blocks: indexmap::IndexMap<String, Vec<&TermRow>> = indexmap::IndexMap::new();
    for r in rows {
        let key = match &r.doc {
            Some(d) => format!("{}/{}", r.group, d),
            None => r.group.clone(),
        };
        blocks.entry(key).or_default().push(r);
    }
    let mut out = String::new();
    // At most 4 blocks per table, so that a terminal of ~160 columns holds it.
    let keys: Vec<&String> = blocks.keys().collect();
    for chunk in keys.chunks(4) {
        let mut t = Table::new(["#"]);
        t.align = vec![Align::Right];
        for k in chunk {
            t.headers.extend([k.to_string(), "n".into(), "/10k".into()]);
            t.align.extend([Align::Left, Align::Right, Align::Right]);
        }
        let depth = chunk.iter().map(|k| blocks[*k].len()).max().unwrap_or(0);
        for i in 0..depth {
            let mut row = vec![(i + 1).to_string()];
            for k in chunk {
                match blocks[*k].get(i) {
                    Some(r) => {
                        row.extend([r.term.clone(), r.count.to_string(), fmt_f64(r.per10k, 1)])
                    }
                    None => row.extend([String::new(), String::new(), String::new()]),
                }
            }
            t.rows.push(row);
        }
        t.max_width = 24;
        out.push_str(&t.render());
        out.push('\n');
    }
    out
}
