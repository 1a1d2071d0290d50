//! `tifa corpus`: what was loaded.
//!
//! Loads and cleans the corpus and prints one row per document: id, every metadata field,
//! file, detected encoding, detected script (simplified / traditional), characters before
//! and after cleaning, paragraphs. Empty documents are listed as empty; skipped inputs
//! (binary files, undecodable files under `--skip-bad`) are listed after the table.
//!
//! Cost: one read, decode and cleaning pass over every document (no segmentation).
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
    let corpus = g.load(&a.corpus.path())?;
    let fields = corpus.fields.clone();
    let skipped: Vec<Skip> = corpus
        .skipped
        .iter()
        .map(|s| Skip {
            path: s.path.display().to_string(),
            reason: s.reason.clone(),
        })
        .collect();
    let prepared = pipeline::prepare(corpus, &g.clean_options());
    let documents: Vec<DocSummary> = prepared.iter().map(pipeline::summarize).collect();
    let out = Output { documents, skipped };
    match g.format() {
        Format::Json => print(&to_json(&out)?),
        f => {
            let mut headers = vec!["id".to_string()];
            headers.extend(fields.iter().cloned());
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
            t.max_width = 30;
            t.align = vec![Align::Left; 1 + fields.len() + 3];
            t.align.extend([Align::Right; 3]);
            for d in &out.documents {
                let mut row = vec![d.id.clone()];
                row.extend(
                    fields
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
            let groups: std::collections::BTreeSet<&str> = prepared
                .iter()
                .map(|p| pipeline::group_of(&p.doc, &g.group_by))
                .collect();
            s.push_str(&format!(
                "\n{} documents, {} groups by {}, {} characters\n",
                out.documents.len(),
                groups.len(),
                g.group_by,
                out.documents.iter().map(|d| d.chars).sum::<usize>()
            ));
            for k in &out.skipped {
                s.push_str(&format!("skipped: {}: {}\n", k.path, k.reason));
            }
            print(&s)
        }
    }
}
