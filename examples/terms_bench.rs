//! Throughput of segmentation vs tifa's cut + count, on the provinces-2026 corpus.
//!
//! Usage: `cargo run --release --example terms_bench -- DIR [REPEAT] [THREADS]`
//! where DIR holds the CSV files (column `full_text`), REPEAT copies the corpus in memory
//! (default 1; 60 gives ≈100 MB) and THREADS sizes the rayon pool (default 1).
//! Prints MB/s of (1) bare jieba-rs `cut` with the same dictionary and HMM on, (2) tifa's
//! `DocTerms::count` (cut + word test + filter + count + sorted output) per document.

use std::time::Instant;

/// CPU seconds of the whole process (user + system, all threads), from /proc/self/stat in
/// clock ticks of 10 ms: the machine is shared, so wall time alone is noisy.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |x| x.1);
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // After the command name: state is field 0, utime field 11, stime field 12.
    (f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / 100.0
}

use rayon::prelude::*;
use tifa::segment::{parse_dict, Protected, SegmentOptions, Segmenter, DOMAIN_DICT};
use tifa::terms::{DocTerms, TermFilter};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("/work/shared/corpora/provinces-2026");
    let repeat: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let threads: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .unwrap();

    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
    {
        let mut r = csv::Reader::from_path(p).unwrap();
        let idx = r
            .headers()
            .unwrap()
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == "full_text")
            .unwrap();
        for rec in r.records() {
            docs.push(rec.unwrap()[idx].to_string());
        }
    }
    let docs: Vec<&String> = (0..repeat).flat_map(|_| docs.iter()).collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {:.2} MB, {} thread(s)",
        docs.len(),
        mb,
        threads
    );

    let mut jieba = jieba_rs::Jieba::new();
    for e in parse_dict(std::path::Path::new("domain"), DOMAIN_DICT).unwrap() {
        jieba.add_word(e.word, e.freq, e.tag);
    }
    let seg = Segmenter::new(&SegmentOptions::default()).unwrap();
    let filter = TermFilter::default();
    let none = Protected::default();
    let six = Protected::new(&[
        "两个确立",
        "两个维护",
        "1+5+N",
        "三治融合",
        "四个意识",
        "四个自信",
    ]);
    // `TIFA_BENCH_ONLY=bare|tifa` runs one variant once, for `perf stat -e instructions:u`
    // (instruction counts do not depend on the load of a shared machine).
    if let Ok(only) = std::env::var("TIFA_BENCH_ONLY") {
        let t = Instant::now();
        if only == "bare" {
            let n: usize = docs.par_iter().map(|d| jieba.cut(d, true).len()).sum();
            println!("bare: {n} tokens");
        } else {
            let c: Vec<DocTerms> = docs
                .par_iter()
                .map(|d| DocTerms::count(&seg, &filter, d, &none))
                .collect();
            println!("tifa: {} documents", c.len());
        }
        println!("{:.2} MB/s", mb / t.elapsed().as_secs_f64());
        return;
    }
    // The machine is shared: alternate the three runs and keep the best time of each.
    let (mut bare, mut ours, mut prot) = (f64::MAX, f64::MAX, f64::MAX);
    let (mut cbare, mut cours, mut cprot) = (f64::MAX, f64::MAX, f64::MAX);
    let (mut n, mut toks) = (0usize, 0u64);
    for _ in 0..3 {
        let (t, c) = (Instant::now(), cpu_secs());
        n = docs.par_iter().map(|d| jieba.cut(d, true).len()).sum();
        bare = bare.min(t.elapsed().as_secs_f64());
        cbare = cbare.min(cpu_secs() - c);
        let (t, c) = (Instant::now(), cpu_secs());
        let counted: Vec<DocTerms> = docs
            .par_iter()
            .map(|d| DocTerms::count(&seg, &filter, d, &none))
            .collect();
        ours = ours.min(t.elapsed().as_secs_f64());
        cours = cours.min(cpu_secs() - c);
        toks = counted.iter().map(|d| d.tokens()).sum();
        let (t, c) = (Instant::now(), cpu_secs());
        let _: Vec<DocTerms> = docs
            .par_iter()
            .map(|d| DocTerms::count(&seg, &filter, d, &six))
            .collect();
        prot = prot.min(t.elapsed().as_secs_f64());
        cprot = cprot.min(cpu_secs() - c);
    }
    println!(
        "bare jieba-rs cut:   {:7.2} MB/s ({n} tokens, best {bare:.2} s)",
        mb / bare
    );
    println!(
        "tifa cut + count:    {:7.2} MB/s ({toks} word tokens, best {ours:.2} s) = {:.0}% of bare",
        mb / ours,
        bare / ours * 100.0
    );
    println!(
        "  with 6 protected:  {:7.2} MB/s (best {prot:.2} s) = {:.0}% of bare",
        mb / prot,
        bare / prot * 100.0
    );
    println!(
        "CPU time (best): bare {cbare:.2} s = {:.2} MB/s per core; tifa {cours:.2} s = {:.2} MB/s ({:.0}%); protected {cprot:.2} s ({:.0}%)",
        mb / cbare,
        mb / cours,
        cbare / cours * 100.0,
        cbare / cprot * 100.0
    );
}
