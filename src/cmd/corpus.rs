//! `tifa corpus`: what was loaded.
//!
//! Loads and cleans the corpus and prints one row per document: id, every metadata field,
//! file, detected encoding, detected script (simplified / traditional), characters before
//! and after cleaning, paragraphs. Empty documents are listed as empty; skipped inputs
//! (binary files, undecodable files under `--skip-bad`) are listed after the table.
//!
//! Cost: one read, decode and cleaning pass over every document (no segmentation); the
//! documents are streamed a batch at a time, so memory holds the rows, not the corpus.
//!
//! Options: the global ones (`--format table|csv|json`, `--group-by`, `--text-column`,
//! `--encoding`, `--skip-bad`, `--strict`, the cleaning switches). JSON:
//! `{"documents": [{"id", <fields…>, "file", "encoding", "script", "chars", "clean_chars",
//! "paragraphs", "empty"}], "skipped": [{"path", "reason"}]}`.

use super::{print, to_json, CorpusArg, Global};
use serde::Serialize;
use tifa::error::Result;
use tifa::pipeline::{self, DocSummary};
use tifa::table::{Align, Format, Table};

/// Options of `tifa corpus`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArg,
}

#[derive(Serialize)]
struct Output {
    documents: Vec<DocSummary>,
    skipped: Vec<Skip>,
}

#[derive(Serialize)]
struct Skip {
    path: String,
    reason: String,
}

/// Runs `tifa corpus`.
pub fn run(g: &Global, a: Args) -> Result<()> {
    let mut documents: Vec<DocSummary> = Vec::new();
    let mut groups: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let end = g.clean_stream(&a.corpus.path(), |p| {
        documents.push(pipeline::summarize(&p));
        let group = pipeline::group_of(&p.doc, &g.group_by);
        if !groups.contains(group) {
            groups.insert(group.to_string());
        }
        Ok(())
    })?;
    let fields = end.fields;
    let skipped: Vec<Skip> = end
        .skipped
        .iter()
        .map(|s| Skip {
            path: s.path.display().to_string(),
            reason: s.reason.clone(),
        })
        .collect();
    let out = Output { documents, skipped };
    match g.format() {
        Format::Json => print(&to_json(&out)?),
        f => {
            // The terminal table shows the grouping field and a date; CSV and JSON carry
            // every field.
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
            let mut t = Table::new(headers);
            t.max_width = 34;
            t.align = vec![Align::Left; 1 + shown.len() + 3];
            t.align.extend([Align::Right; 3]);
            for d in &out.documents {
                let mut row = vec![d.id.clone()];
                row.extend(
                    shown
                        .iter()
                        .map(|f| d.fields.get(f).cloned().unwrap_or_default()),
                );
                row.extend([
                    d.file.clone(),
                    d.encoding.clone(),
                    if d.empty {
                        "empty".into()
                    } else {
                        d.script.into()
                    },
                    d.chars.to_string(),
                    d.clean_chars.to_string(),
                    d.paragraphs.to_string(),
                ]);
                t.rows.push(row);
            }
            if f == Format::Csv {
                return print(&t.to_csv());
            }
            let mut s = t.render();
            s.push_str(&format!(
                "\n{} documents, {} groups by {}, {} characters\n",
                out.documents.len(),
                groups.len(),
                g.group_by,
                out.documents.iter().map(|d| d.chars).sum::<usize>()
            ));
            if !fields.is_empty() {
                s.push_str(&format!(
                    "fields: {} (all shown with --format csv or json)\n",
                    fields.join(", ")
                ));
            }
            for k in &out.skipped {
                s.push_str(&format!("skipped: {}: {}\n", k.path, k.reason));
            }
            print(&s)
        }
    }
}
