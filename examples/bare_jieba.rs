//! The reference "bare jieba-rs loop" of the performance benchmark (issue 8).
//!
//! It is the floor tifa is measured against: read every document, cut it with jieba-rs 0.11
//! (`Jieba::new()`, `cut(text, true)`, i.e. with the HMM for unknown words), count the tokens of
//! each document in a `HashMap<&str, usize>`, rayon over documents. Nothing else: no cleaning,
//! no output besides one summary line.
//!
//! ```text
//! cargo run --release --example bare_jieba -- CORPUS [--threads N] [--no-hmm]
//! ```
//!
//! `CORPUS` is a directory (every `*.txt` file in it, not recursive, sorted by name, one
//! document per file) or a JSON Lines file (one `{"id", "region", "text"}` object per line; only
//! `text` is read). JSON Lines input is streamed line by line to the workers, so memory stays
//! bounded. `--threads` defaults to all cores.
//!
//! Prints to stdout: `documents=… bytes=… tokens=… distinct_per_doc_sum=… dict_ms=… cut_s=…`.
//! `tokens` is the sum over documents of all token counts, `distinct_per_doc_sum` the sum of
//! the per-document map sizes (both are independent of the thread count).

use jieba_rs::Jieba;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Per-document result: (bytes, tokens, distinct tokens).
type Counts = (u64, u64, u64);

/// Cuts one document and counts its tokens in a `HashMap`, the loop the issue names.
fn count_doc(jieba: &Jieba, text: &str, hmm: bool) -> Counts {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for token in jieba.cut(text, hmm) {
        *counts.entry(token.word).or_insert(0) += 1;
    }
    let tokens: usize = counts.values().sum();
    (text.len() as u64, tokens as u64, counts.len() as u64)
}

/// Sums per-document results.
fn add(a: Counts, b: Counts) -> Counts {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

/// Every `*.txt` file directly in `dir`, sorted by path.
fn txt_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

/// Runs the loop over a directory of `.txt` files: each worker reads and cuts its own files.
fn run_dir(jieba: &Jieba, dir: &Path, hmm: bool) -> Result<(u64, Counts), String> {
    let files = txt_files(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let n = files.len() as u64;
    let total = files
        .par_iter()
        .map(|p| match std::fs::read(p) {
            Ok(bytes) => count_doc(jieba, &String::from_utf8_lossy(&bytes), hmm),
            Err(e) => {
                eprintln!("bare_jieba: {}: {e}", p.display());
                (0, 0, 0)
            }
        })
        .reduce(|| (0, 0, 0), add);
    Ok((n, total))
}

/// Extracts the `text` field of one JSON Lines record (empty when absent or malformed).
fn jsonl_text(line: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(line) {
        Ok(v) => v
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_owned(),
        Err(_) => String::new(),
    }
}

/// Runs the loop over a JSON Lines file, streaming: rayon workers take the next line as they
/// become free (`par_bridge`), so reading overlaps cutting and only about one record per
/// thread is in memory.
fn run_jsonl(jieba: &Jieba, path: &Path, hmm: bool) -> Result<(u64, Counts), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    BufReader::with_capacity(1 << 20, file)
        .lines()
        .par_bridge()
        .map(|line| match line {
            Ok(line) if line.trim().is_empty() => Ok((0, (0, 0, 0))),
            Ok(line) => Ok((1, count_doc(jieba, &jsonl_text(&line), hmm))),
            Err(e) => Err(format!("{}: {e}", path.display())),
        })
        .try_reduce(|| (0, (0, 0, 0)), |a, b| Ok((a.0 + b.0, add(a.1, b.1))))
}

fn main() -> ExitCode {
    let mut corpus: Option<PathBuf> = None;
    let mut threads: usize = 0;
    let mut hmm = true;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => match args.next().and_then(|v| v.parse().ok()) {
                Some(t) => threads = t,
                None => {
                    eprintln!("bare_jieba: --threads needs a number");
                    return ExitCode::from(2);
                }
            },
            "--no-hmm" => hmm = false,
            _ if corpus.is_none() => corpus = Some(PathBuf::from(a)),
            _ => {
                eprintln!("usage: bare_jieba CORPUS [--threads N] [--no-hmm]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(corpus) = corpus else {
        eprintln!("usage: bare_jieba CORPUS [--threads N] [--no-hmm]");
        return ExitCode::from(2);
    };
    if let Err(e) = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
    {
        eprintln!("bare_jieba: {e}");
        return ExitCode::from(1);
    }

    let t0 = Instant::now();
    let jieba = Jieba::new();
    let dict_ms = t0.elapsed().as_secs_f64() * 1000.0;

    let t1 = Instant::now();
    let result = if corpus.is_dir() {
        run_dir(&jieba, &corpus, hmm)
    } else {
        run_jsonl(&jieba, &corpus, hmm)
    };
    match result {
        Ok((n, (bytes, tokens, distinct))) => {
            println!(
                "documents={n} bytes={bytes} tokens={tokens} distinct_per_doc_sum={distinct} \
                 dict_ms={dict_ms:.1} cut_s={:.3}",
                t1.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bare_jieba: {e}");
            ExitCode::from(1)
        }
    }
}
