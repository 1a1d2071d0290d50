//! The first half of the pipeline alone, streamed: load → clean → cross-document
//! de-duplication, a batch at a time, for the commands that need no analysis (`tifa corpus`,
//! `tifa clean`, `tifa kwic`). Memory holds one batch of documents (two while the next is
//! read), never the corpus.
//!
//! The documents are those of [`super::prepare`] on the loaded corpus, in the same order:
//! each batch is cleaned in parallel and then de-duplicated against everything before it in
//! corpus order, exactly as [`super::stream::run`]'s first pass does (it calls
//! the same batch function too).

use super::stream::{join, read_docs};
use super::Prepared;
use crate::clean::{self, CleanOptions, CrossDedup, DocKeys};
use crate::error::Result;
use crate::load::{DocStream, Document, LoadOptions, Skipped};
use rayon::prelude::*;
use std::path::Path;

/// Raw text bytes per batch: the unit of parallel work and of memory (8 MB).
pub const BATCH_BYTES: usize = 8 << 20;

/// What a cleaning run reports besides the documents.
#[derive(Debug, Clone, Default)]
pub struct CleanEnd {
    /// Metadata field names in first-seen order (those of [`crate::load::Corpus::fields`]).
    pub fields: Vec<String>,
    /// Inputs skipped with a warning.
    pub skipped: Vec<Skipped>,
    /// Documents handed to the sink.
    pub documents: usize,
}

/// Opens the corpus at `path` and cleans it (see [`clean_stream`]).
pub fn clean_path(
    path: &Path,
    load: &LoadOptions,
    opts: &CleanOptions,
    sink: impl FnMut(Prepared) -> Result<()>,
) -> Result<CleanEnd> {
    clean_stream(crate::load::stream(path, load)?, opts, BATCH_BYTES, sink)
}

/// Cleans the documents of `stream` a batch of about `batch_bytes` raw bytes at a time and
/// hands each to `sink` in corpus order, with its raw text dropped (`raw_chars` keeps its
/// length). A load error or an error from the sink ends the run with that error; the
/// documents of earlier batches have been handed over by then.
pub fn clean_stream(
    mut stream: DocStream,
    opts: &CleanOptions,
    batch_bytes: usize,
    mut sink: impl FnMut(Prepared) -> Result<()>,
) -> Result<CleanEnd> {
    let mut cross = CrossDedup::new();
    let mut fields: Vec<String> = Vec::new();
    let mut documents = 0;
    // With more than one thread the next batch is read beside the work on this one.
    let overlap = rayon::current_num_threads() > 1;
    let mut next = read_docs(&mut stream, batch_bytes)?;
    while !next.is_empty() {
        let batch = std::mem::take(&mut next);
        let (done, read) = if overlap {
            std::thread::scope(|sc| {
                let reader = sc.spawn(|| read_docs(&mut stream, batch_bytes));
                let done = clean_batch(batch, opts, &mut cross);
                (done, join(reader))
            })
        } else {
            let done = clean_batch(batch, opts, &mut cross);
            (done, read_docs(&mut stream, batch_bytes))
        };
        for p in done {
            for name in p.doc.fields.keys() {
                if !fields.iter().any(|f| f == name) {
                    fields.push(name.clone());
                }
            }
            documents += 1;
            sink(p)?;
        }
        next = read?;
    }
    Ok(CleanEnd {
        fields,
        skipped: stream.into_skipped(),
        documents,
    })
}

/// Cleans one batch (in parallel) and removes what earlier documents had (in order, through
/// `cross`). The raw texts are dropped.
pub(super) fn clean_batch(
    batch: Vec<Document>,
    opts: &CleanOptions,
    cross: &mut CrossDedup,
) -> Vec<Prepared> {
    let mut cleaned: Vec<(Prepared, DocKeys)> = batch
        .into_par_iter()
        .map(|mut doc| {
            let c = clean::clean(&doc.raw, opts);
            let raw_chars = doc.raw.chars().count();
            doc.raw = String::new();
            let keys = if opts.dedup {
                DocKeys::of(&c)
            } else {
                DocKeys::default()
            };
            let p = Prepared {
                doc,
                clean: c,
                raw_chars,
            };
            (p, keys)
        })
        .collect();
    if opts.dedup {
        for (p, keys) in &mut cleaned {
            cross.apply_keyed(&mut p.clean, keys);
        }
    }
    cleaned.into_iter().map(|(p, _)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;

    /// A corpus whose documents repeat paragraphs across files, so cross-document
    /// de-duplication matters, written to a temporary directory.
    fn corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        // 74 characters: long enough to be compared across documents (`MIN_CROSS_CHARS`).
        let shared =
            "各地深入推进党建引领基层治理,构建“1+5+N”工作体系,推动自治法治德治三治融合落地见效,\
                      打通服务群众最后一公里,让红色物业成为居民身边的贴心人。";
        for i in 0..12 {
            let text = format!(
                "第{i}篇报道。\n\n{shared}\n\n本地做法{i}:建设红色物业,打通服务群众最后一公里。\n\n{}\n",
                if i % 3 == 0 { shared } else { "其他内容。" }
            );
            std::fs::write(dir.path().join(format!("{i:02}.txt")), text).unwrap();
        }
        dir
    }

    /// The streamed documents equal those of `prepare` on the loaded corpus (the second
    /// method), at batch sizes from one document to all, on 1 and 2 threads.
    #[test]
    fn streamed_equals_prepared() {
        let dir = corpus();
        let opts = CleanOptions::default();
        let loaded = load(dir.path(), &LoadOptions::default()).unwrap();
        let fields = loaded.fields.clone();
        let want: Vec<(String, String, usize)> = super::super::prepare(loaded, &opts)
            .into_iter()
            .map(|p| (p.doc.id, p.clean.text, p.raw_chars))
            .collect();
        // The shared paragraph is removed from every document but the first.
        let shared = "构建“1+5+N”工作体系";
        assert_eq!(want.iter().filter(|w| w.1.contains(shared)).count(), 1);
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            for batch in [1, 200, 1 << 20] {
                let mut got = Vec::new();
                let end = pool
                    .install(|| {
                        let s = crate::load::stream(dir.path(), &LoadOptions::default())?;
                        clean_stream(s, &opts, batch, |p| {
                            got.push((p.doc.id, p.clean.text, p.raw_chars));
                            Ok(())
                        })
                    })
                    .unwrap();
                assert_eq!(got, want, "threads {threads}, batch {batch}");
                assert_eq!(end.documents, 12);
                assert_eq!(end.fields, fields);
            }
        }
    }

    #[test]
    fn sink_error_ends_the_run() {
        let dir = corpus();
        let mut seen = 0;
        let err = clean_path(
            dir.path(),
            &LoadOptions::default(),
            &CleanOptions::default(),
            |_| {
                seen += 1;
                Err(crate::error::Error::Usage("stop".into()))
            },
        )
        .unwrap_err();
        assert_eq!(seen, 1);
        assert!(err.to_string().contains("stop"));
    }
}
