//! `tifa clean`: the cleaned text, and a report of what cleaning changed.
//!
//! Every cleaning step is on by default and can be switched off with a global flag:
//! full-width → ASCII and whitespace (`--no-width`), Traditional → Simplified
//! (`--no-simplify`), pinyin glosses such as 發(fā) (`--no-pinyin`), page-broken paragraphs
//! rejoined (`--no-rejoin`), repeated paragraphs and sentences removed, within and across
//! documents (`--no-dedup`), non-text lines dropped (`--keep-nontext`).
//!
//! Cost: one decode and cleaning pass per document.
//!
//! Options:
//! - `--report`: print a per-document table of every change (counts per step) instead of
//!   the text;
//! - `--out DIR`: write each cleaned document as UTF-8 to `DIR/<id>.txt` (atomically) and
//!   print the report.
//!
//! Without options the cleaned text of every document is printed, each preceded by a line
//! `==> id <==`.

use super::{print, to_json, CorpusArg, Global};
use std::path::PathBuf;
use tifa::error::{Error, Result};
use tifa::pipeline::{self, CleaningRow, Prepared};
use tifa::table::{Align, Format, Table};

/// Options of `tifa clean`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArg,
    /// Print a per-document table of what each cleaning step changed.
    #[arg(long)]
    report: bool,
    /// Write the cleaned documents to this directory (`<id>.txt`, UTF-8).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// The cleaning report rows of the documents.
fn report_rows(docs: &[Prepared]) -> Vec<CleaningRow> {
    docs.iter().map(pipeline::cleaning_row).collect()
}

fn print_report(g: &Global, rows: &[CleaningRow]) -> Result<()> {
    if g.format() == Format::Json {
        return print(&to_json(&serde_json::json!({ "documents": rows }))?);
    }
    let headers = [
        "id",
        "script",
        "chars",
        "clean",
        "width",
        "simplified",
        "pinyin",
        "rejoined",
        "dup_para",
        "dup_sent",
        "dropped",
        "captions",
    ];
    let mut t = Table::new(headers);
    t.max_width = 32;
    t.align = vec![Align::Left, Align::Left];
    t.align.extend([Align::Right; 10]);
    for r in rows {
        t.rows.push(vec![
            r.id.clone(),
            r.script.into(),
            r.chars.to_string(),
            r.clean_chars.to_string(),
            r.width_chars.to_string(),
            r.simplified_chars.to_string(),
            r.pinyin_glosses.to_string(),
            r.rejoined.to_string(),
            r.dup_paragraphs.to_string(),
            r.dup_sentences.to_string(),
            r.dropped_lines.to_string(),
            r.captions.to_string(),
        ]);
    }
    if g.format() == Format::Csv {
        print(&t.to_csv())
    } else {
        print(&t.render())
    }
}

/// A file name for a document id: characters that are unsafe in file names become `_`.
fn file_name(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    format!("{s}.txt")
}

/// Runs `tifa clean`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let corpus = g.load(&a.corpus.path())?;
    let docs = pipeline::prepare(corpus, &g.clean_options());
    if let Some(dir) = &a.out {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut staged = tifa::output::Staged::new();
        let mut seen = std::collections::BTreeSet::new();
        for p in &docs {
            let name = file_name(&p.doc.id);
            if !seen.insert(name.clone()) {
                return Err(Error::Usage(format!(
                    "two documents map to the same output file {name}; give them distinct ids"
                )));
            }
            let mut text = p.clean.text.clone();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            staged.add(&dir.join(name), text.as_bytes())?;
        }
        staged.commit()?;
        return print_report(g, &report_rows(&docs));
    }
    if a.report {
        return print_report(g, &report_rows(&docs));
    }
    let mut s = String::new();
    for p in &docs {
        s.push_str(&format!("==> {} <==\n", p.doc.id));
        s.push_str(&p.clean.text);
        if !p.clean.text.ends_with('\n') {
            s.push('\n');
        }
    }
    print(&s)
}
