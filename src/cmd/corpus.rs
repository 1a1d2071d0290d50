//! `tifa corpus`: what was loaded.
//!
//! Loads and cleans the corpus and prints one row per document: id, every metadata field,
//! file, detected encoding, detected script (simplified / traditional), characters before
//! and after cleaning, paragraphs. Empty documents are listed as empty; skipped inputs
//! (binary files, undecodable files under `--skip-bad`) are listed after the table.
//!
//! Cost: one read, decode and cleaning pass over every document (no segmentation); the
//! documents are streamed a batch at a time and their rows go to a temporary file past
//! 8 MiB (about 20,000 documents), so memory grows with neither the corpus nor the number
//! of documents. The table is printed in two passes over the rows (column widths, lines).
//!
//! Options: the global ones (`--format table|csv|json`, `--group-by`, `--text-column`,
//! `--encoding`, `--skip-bad`, `--strict`, the cleaning switches). JSON:
//! `{"documents": [{"id", <fields…>, "file", "encoding", "script", "chars", "clean_chars",
//! "paragraphs", "empty"}], "skipped": [{"path", "reason"}]}`.

use super::{print_with, write_json, CorpusArg, Global};
use serde::Serialize;
use tifa::error::Result;
use tifa::pipeline::spill::{Spill, Spilled};
use tifa::pipeline::{self, DocRow, DocSummary, RowsJson};
use tifa::table::{count_of, csv_line, Align, Format, Table};

/// Options of `tifa corpus`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArg,
}

#[derive(Serialize)]
struct Output<'a> {
    documents: RowsJson<'a, fn(&DocRow) -> DocSummary>,
    skipped: Vec<Skip>,
}

#[derive(Serialize)]
struct Skip {
    path: String,
    reason: String,
}

/// The summary rows, read back from the spill one at a time.
fn summaries(rows: &Spilled<DocRow>) -> impl Iterator<Item = Result<DocSummary>> + '_ {
    rows.iter().map(|r| r.map(|r| r.summary()))
}

/// Runs `tifa corpus`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    // The rows go to a temporary file past a few MB (a corpus of many short documents), so
    // memory does not grow with the number of documents.
    let mut rows: Spill<DocRow> = Spill::new(pipeline::ROW_SPILL_BYTES);
    let mut groups: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut chars = 0usize;
    let end = g.clean_stream(&a.corpus.path(), |p| {
        let group = pipeline::group_of(&p.doc, &g.group_by);
        if !groups.contains(group) {
            groups.insert(group.to_string());
        }
        let row = DocRow::of(&p);
        chars += row.meta.raw_chars;
        rows.push(row)
    })?;
    let rows = rows.finish()?;
    let fields = end.fields;
    let skipped: Vec<Skip> = end
        .skipped
        .iter()
        .map(|s| Skip {
            path: s.path.display().to_string(),
            reason: s.reason.clone(),
        })
        .collect();
    let f = g.format();
    if f == Format::Json {
        let out = Output {
            documents: RowsJson {
                rows: &rows,
                row: DocRow::summary,
            },
            skipped,
        };
        return print_with(|w| write_json(w, &out));
    }
    // The terminal table shows the grouping field and a date; CSV and JSON carry every
    // field.
    let shown: Vec<String> = if f == Format::Csv {
        fields.clone()
    } else {
        let date = ["date", "publish_date", "year"]
            .into_iter()
            .find(|d| fields.iter().any(|f| f == d) && *d != g.group_by);
        std::iter::once(g.group_by.as_str())
            .chain(date)
            .filter(|f| fields.iter().any(|x| x == f))
            .map(String::from)
            .collect()
    };
    let mut headers = vec!["id".to_string()];
    headers.extend(shown.iter().cloned());
    headers.extend(
        [
            "file",
            "encoding",
            "script",
            "chars",
            "clean_chars",
            "paragraphs",
        ]
        .map(String::from),
    );
    let cells = |d: DocSummary| -> Vec<String> {
        let mut row = vec![d.id];
        row.extend(
            shown
                .iter()
                .map(|f| d.fields.get(f).cloned().unwrap_or_default()),
        );
        row.extend([
            d.file,
            d.encoding,
            if d.empty {
                "empty".into()
            } else {
                d.script.into()
            },
            d.chars.to_string(),
            d.clean_chars.to_string(),
            d.paragraphs.to_string(),
        ]);
        row
    };
    if f == Format::Csv {
        return print_with(|w| {
            w.write_all(csv_line(&headers).as_bytes())?;
            for d in summaries(&rows) {
                let d = d.map_err(std::io::Error::other)?;
                w.write_all(csv_line(&cells(d)).as_bytes())?;
            }
            Ok(())
        });
    }
    let mut t = Table::new(headers);
    t.max_width = 34;
    t.align = vec![Align::Left; 1 + shown.len() + 3];
    t.align.extend([Align::Right; 3]);
    // Two passes over the rows: the column widths, then the lines.
    let mut layout = t.layout(std::iter::empty::<Vec<String>>());
    for d in summaries(&rows) {
        layout.fit(&cells(d?));
    }
    print_with(|w| {
        w.write_all(layout.head().as_bytes())?;
        for d in summaries(&rows) {
            let d = d.map_err(std::io::Error::other)?;
            w.write_all(layout.line(&cells(d)).as_bytes())?;
        }
        let mut s = format!(
            "\n{}, {} by {}, {}\n",
            count_of(rows.len(), "document"),
            count_of(groups.len(), "group"),
            g.group_by,
            count_of(chars, "character")
        );
        if !fields.is_empty() {
            s.push_str(&format!(
                "fields: {} (all shown with --format csv or json)\n",
                fields.join(", ")
            ));
        }
        for k in &skipped {
            s.push_str(&format!("skipped: {}: {}\n", k.path, k.reason));
        }
        w.write_all(s.as_bytes())
    })
}
