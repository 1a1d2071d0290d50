//! `tifa kwic PATTERN`: keyword in context over the cleaned corpus.
//!
//! Every occurrence of PATTERN (a literal; `--regex` for a regular expression) in the
//! cleaned text, with document id, group, and `--window` characters (default 20) of left
//! and right context, aligned on the keyword. Traditional input matches a Simplified
//! pattern (the documents are simplified by cleaning) and a Traditional pattern is
//! simplified too. Line breaks in contexts are shown as ⏎. Each hit carries the byte offset
//! of the keyword in the document's raw text (`raw_offset`, `raw_end`), so it can be quoted
//! from the original.
//!
//! Cost: one cleaning pass per document and one scan; no segmentation. Documents are
//! streamed a batch at a time: memory holds a batch and the hits, not the corpus.
//!
//! Order: documents in corpus order, hits by offset. `--top N` limits the table (default
//! 100; 0 = all); CSV and JSON carry every hit.

use super::{print, print_json, CorpusArg, Global};
use tifa::error::Result;
use tifa::kwic::{kwic, KwicDoc, Pattern};
use tifa::table::{display_width, Align, Format, Table};

/// Options of `tifa kwic`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The keyword (a literal unless --regex).
    pattern: String,
    #[command(flatten)]
    corpus: CorpusArg,
    /// PATTERN is a regular expression.
    #[arg(long)]
    regex: bool,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 20, value_name = "N")]
    window: usize,
    /// At most N hits in the table (0: all).
    #[arg(long, default_value_t = 100, value_name = "N")]
    top: usize,
}

/// Runs `tifa kwic`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let pattern = if a.regex {
        Pattern::regex(&a.pattern)?
    } else {
        Pattern::literal(&a.pattern)?
    };
    let mut hits = Vec::new();
    g.clean_stream(&a.corpus.path(), |p| {
        let doc = KwicDoc {
            id: &p.doc.id,
            group: tifa::pipeline::group_of(&p.doc, &g.group_by),
            text: &p.clean.text,
            map: &p.clean.map,
        };
        hits.extend(kwic(&[doc], &pattern, a.window));
        Ok(())
    })?;
    match g.format() {
        Format::Json => print_json("hits", &hits),
        f => {
            let mut t = Table::new(["doc", "group", "left", "keyword", "right", "raw_offset"]);
            t.align = vec![
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Left,
                Align::Left,
                Align::Right,
            ];
            for h in &hits {
                t.rows.push(vec![
                    h.doc.clone(),
                    h.group.clone(),
                    h.left.clone(),
                    h.keyword.clone(),
                    h.right.clone(),
                    h.raw_offset.to_string(),
                ]);
            }
            if f == Format::Csv {
                return print(&t.to_csv());
            }
            let total = t.rows.len();
            if a.top > 0 {
                t.rows.truncate(a.top);
            }
            let mut s = t.render();
            if t.rows.len() < total {
                s.push_str(&format!("… {} more hits\n", total - t.rows.len()));
            }
            s.push_str(&format!("{total} hits\n"));
            let _ = display_width;
            print(&s)
        }
    }
}
