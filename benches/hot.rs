//! Criterion benchmarks of tifa's hot functions, on two real documents of the test fixtures:
//! a raw seed document (`tests/fixtures/seeds/002_*.txt`, 19 KB, a county Party-building
//! article with page chrome) and the opening of a provincial government work report
//! (`tests/fixtures/slogans/beijing_2026_300.txt`, 48 KB, the first 300 lines of 北京 2026).
//!
//! ```text
//! cargo bench --bench hot                 # full statistics (a few minutes)
//! cargo bench --bench hot -- --quick      # a quick pass
//! cargo bench --bench hot -- segment      # only the benches whose name contains "segment"
//! ```
//!
//! Benches (each per document, throughput in bytes of its input):
//! - `clean`: [`tifa::clean::clean`] of the raw text, default options;
//! - `extract`: [`tifa::slogans::extract_with_lexicon`] (rules + built-in lexicon) of the
//!   cleaned text;
//! - `segment`: [`tifa::segment::Segmenter::for_each_token`] with the document's formulations
//!   protected (the wrapper around jieba-rs), tokens only counted;
//! - `cut_plain`: bare jieba-rs `cut` through the same segmenter, the floor of `segment`;
//! - `count`: [`tifa::terms::DocTerms::count`] (segmentation + counting + term filter + sort).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use tifa::clean::{clean, CleanOptions};
use tifa::segment::{Protected, SegmentOptions, Segmenter};
use tifa::slogans::{extract_with_lexicon, Lexicon};
use tifa::terms::{DocTerms, TermFilter};

/// The benchmark documents: (name, raw text).
fn documents() -> Vec<(&'static str, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let read = |rel: &str| std::fs::read_to_string(root.join(rel)).unwrap_or_default();
    vec![
        ("seed-002", read("seeds/002_724fa829d8fdbc3e.txt")),
        ("beijing-300", read("slogans/beijing_2026_300.txt")),
    ]
}

fn hot(c: &mut Criterion) {
    let opts = CleanOptions::default();
    let lexicon = Lexicon::builtin();
    let seg = match Segmenter::new(&SegmentOptions::default()) {
        Ok(s) => s,
        Err(e) => panic!("segmenter: {e}"),
    };
    let filter = TermFilter::default();
    for (name, raw) in documents() {
        assert!(!raw.is_empty(), "fixture {name} is missing");
        let cleaned = clean(&raw, &opts).text;
        let mentions = extract_with_lexicon(&cleaned, &lexicon);
        let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        let protected = Protected::at_spans(spans);

        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(raw.len() as u64));
        g.bench_function("clean", |b| b.iter(|| clean(black_box(&raw), &opts)));
        g.throughput(Throughput::Bytes(cleaned.len() as u64));
        g.bench_function("extract", |b| {
            b.iter(|| extract_with_lexicon(black_box(&cleaned), &lexicon))
        });
        g.bench_function("segment", |b| {
            b.iter(|| {
                let mut n = 0usize;
                seg.for_each_token(black_box(&cleaned), &protected, |t| n += t.len());
                n
            })
        });
        g.bench_function("cut_plain", |b| {
            b.iter(|| seg.cut_plain(black_box(&cleaned)).len())
        });
        g.bench_function("count", |b| {
            b.iter(|| DocTerms::count(&seg, &filter, black_box(&cleaned), &protected))
        });
        g.finish();
    }
}

criterion_group!(benches, hot);
criterion_main!(benches);
