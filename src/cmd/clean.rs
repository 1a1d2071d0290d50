//! `tifa clean`: the cleaned text, and a report of what cleaning changed.
//!
//! Every cleaning step is on by default and can be switched off with a global flag:
//! HTML/XML tags and entities removed (`--keep-markup`), full-width → ASCII, whitespace and straight quotes (`--no-width`), Traditional → Simplified
//! (`--no-simplify`), pinyin glosses such as 發(fā) (`--no-pinyin`), page-broken paragraphs
//! rejoined (`--no-rejoin`), repeated paragraphs and sentences removed, within and across
//! documents (`--no-dedup`), non-text lines dropped (`--keep-nontext`).
//!
//! Cost: one decode and cleaning pass per document. Documents are streamed a batch at a
//! time (memory holds a batch, not the corpus): the text is printed as batches are cleaned,
//! so an input error ends the output there (with the error on standard error and a non-zero
//! exit); `--out` writes all files or none. The `--report` rows go to a temporary file past
//! 8 MiB (about 20,000 documents) and are printed from it.
//!
//! Options:
//! - `--report`: print a per-document table of every change (counts per step) instead of
//!   the text;
//! - `--out DIR`: write each cleaned document as UTF-8 to `DIR/<id>.txt` (atomically) and
//!   print the report.
//!
//! Without options the cleaned text of every document is printed, each preceded by a line
//! `==> id <==`.

use super::{print_with, write_json, CorpusArg, Global};
use std::io::Write;
use std::path::PathBuf;
use tifa::error::{Error, Result};
use tifa::pipeline::spill::{Spill, Spilled};
use tifa::pipeline::{self, CleaningRow, DocRow, RowsJson};
use tifa::table::{csv_line, Align, Format, Table};

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

/// `--report --format json`: `{"documents": [<cleaning row>…]}`.
#[derive(serde::Serialize)]
struct ReportJson<'a> {
    documents: RowsJson<'a, fn(&DocRow) -> CleaningRow>,
}

/// Prints the cleaning report of the spilled rows (read back one at a time: twice for the
/// terminal table, its column widths and then its lines).
fn print_report(g: &Global, rows: &Spilled<DocRow>) -> Result<()> {
    let cleaning = || rows.iter().map(|r| r.map(|r| r.cleaning()));
    if g.format() == Format::Json {
        let out = ReportJson {
            documents: RowsJson {
                rows,
                row: DocRow::cleaning,
            },
        };
        return print_with(|w| write_json(w, &out));
    }
    let headers = [
        "id",
        "script",
        "chars",
        "clean",
        "markup",
        "width",
        "simplified",
        "pinyin",
        "rejoined",
        "dup_para",
        "dup_sent",
        "dropped",
        "captions",
    ];
    let cells = |r: CleaningRow| -> Vec<String> {
        vec![
            r.id,
            r.script.into(),
            r.chars.to_string(),
            r.clean_chars.to_string(),
            r.markup.to_string(),
            r.width_chars.to_string(),
            r.simplified_chars.to_string(),
            r.pinyin_glosses.to_string(),
            r.rejoined.to_string(),
            r.dup_paragraphs.to_string(),
            r.dup_sentences.to_string(),
            r.dropped_lines.to_string(),
            r.captions.to_string(),
        ]
    };
    let mut t = Table::new(headers);
    if g.format() == Format::Csv {
        return print_with(|w| {
            w.write_all(csv_line(&t.headers).as_bytes())?;
            for r in cleaning() {
                let r = r.map_err(std::io::Error::other)?;
                w.write_all(csv_line(&cells(r)).as_bytes())?;
            }
            Ok(())
        });
    }
    t.max_width = 32;
    t.align = vec![Align::Left, Align::Left];
    t.align.extend([Align::Right; 11]);
    let mut layout = t.layout(std::iter::empty::<Vec<String>>());
    for r in cleaning() {
        layout.fit(&cells(r?));
    }
    print_with(|w| {
        w.write_all(layout.head().as_bytes())?;
        for r in cleaning() {
            let r = r.map_err(std::io::Error::other)?;
            w.write_all(layout.line(&cells(r)).as_bytes())?;
        }
        Ok(())
    })
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
    if let Some(dir) = &a.out {
        let existed = dir.exists();
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut staged = tifa::output::Staged::new();
        let mut seen = std::collections::BTreeSet::new();
        let mut rows: Spill<DocRow> = Spill::new(pipeline::ROW_SPILL_BYTES);
        let streamed = g.clean_stream(&a.corpus.path(), |p| {
            let name = file_name(&p.doc.id);
            if !seen.insert(name.clone()) {
                return Err(Error::Usage(format!(
                    "two documents map to the same output file {name}; give them distinct ids"
                )));
            }
            rows.push(DocRow::of(&p))?;
            let mut text = p.clean.text;
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            staged.add(&dir.join(name), text.as_bytes())
        });
        if let Err(e) = streamed {
            // Nothing half-written: the staged files go with `staged`, and a directory this
            // run created is removed again (only if empty).
            drop(staged);
            if !existed {
                let _ = std::fs::remove_dir(dir);
            }
            return Err(e);
        }
        staged.commit()?;
        return print_report(g, &rows.finish()?);
    }
    if a.report {
        let mut rows: Spill<DocRow> = Spill::new(pipeline::ROW_SPILL_BYTES);
        g.clean_stream(&a.corpus.path(), |p| rows.push(DocRow::of(&p)))?;
        return print_report(g, &rows.finish()?);
    }
    // The text goes out document by document as batches are cleaned; a reader that closes
    // the pipe (`| head`) ends the run quietly.
    let mut out = std::io::stdout().lock();
    let mut closed = false;
    let result = g.clean_stream(&a.corpus.path(), |p| {
        let mut s = format!("==> {} <==\n", p.doc.id);
        s.push_str(&p.clean.text);
        if !p.clean.text.ends_with('\n') {
            s.push('\n');
        }
        match out.write_all(s.as_bytes()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                closed = true;
                Err(Error::Usage("standard output closed".into()))
            }
            Err(e) => Err(Error::io("<stdout>", e)),
        }
    });
    match (result, closed) {
        (_, true) => Ok(()),
        (Err(e), false) => Err(e),
        (Ok(_), false) => match out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("<stdout>", e)),
            _ => Ok(()),
        },
    }
}
