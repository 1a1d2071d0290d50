//! The streaming pipeline (a batch at a time, cleaned texts spilled to a temporary file
//! between its two passes) gives exactly the documents of the in-memory pipeline
//! (`prepare` + `analyse`), whatever the batch size and whether or not it spills.

use std::path::Path;
use tifa::clean::CleanOptions;
use tifa::load::LoadOptions;
use tifa::pipeline::{self, stream, AnalyseOptions, Analysed, TermSetup};
use tifa::segment::{SegmentOptions, Segmenter};
use tifa::terms::{Stopwords, TermFilter};

fn setup() -> TermSetup {
    TermSetup {
        segmenter: Segmenter::new(&SegmentOptions {
            hmm: true,
            user_dicts: Vec::new(),
            domain_dict: true,
            cache: true,
        })
        .unwrap(),
        filter: TermFilter {
            stopwords: Stopwords::builtin(),
            keep_stopwords: false,
            min_chars: 2,
            pos: None,
        },
    }
}

fn analyse_opts() -> AnalyseOptions {
    AnalyseOptions {
        group_by: "region".into(),
        lexicon: true,
    }
}

/// A comparable digest of one analysed document.
fn digest(d: &Analysed) -> String {
    format!(
        "{}|{}|{:?}|{}|{:?}|{:?}|{:?}|{}|{:?}",
        d.prepared.doc.id,
        d.group,
        d.date,
        d.prepared.clean.text,
        d.prepared.clean.paragraphs,
        d.prepared.clean.report,
        d.mentions,
        d.prepared.raw_chars,
        d.terms
    )
}

fn batch(path: &Path, s: &TermSetup) -> Vec<String> {
    let corpus = tifa::load::load(path, &LoadOptions::default()).unwrap();
    let docs = pipeline::prepare(corpus, &CleanOptions::default());
    pipeline::analyse(docs, &analyse_opts(), Some(s))
        .iter()
        .map(digest)
        .collect()
}

fn streamed(path: &Path, s: &TermSetup, batch_bytes: usize, spill_bytes: usize) -> Vec<String> {
    let docs = tifa::load::stream(path, &LoadOptions::default()).unwrap();
    let mut opts = stream::StreamOptions::new(CleanOptions::default(), analyse_opts(), Some(s));
    opts.batch_bytes = batch_bytes;
    opts.spill_bytes = spill_bytes;
    let mut out = Vec::new();
    let end = stream::run(docs, &opts, |d| {
        out.push(digest(&d));
        Ok(())
    })
    .unwrap();
    assert_eq!(end.documents, out.len());
    assert_eq!(end.spilled, spill_bytes == 0);
    out
}

#[test]
fn streaming_equals_the_in_memory_pipeline_on_the_sample_corpus() {
    let s = setup();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let want = batch(&path, &s);
    assert_eq!(want.len(), 9);
    // One document per batch and spilled to disk; everything in one batch in memory; and
    // batches of a few documents.
    for (b, sp) in [(1, 0), (usize::MAX / 2, usize::MAX / 2), (20_000, 0)] {
        assert_eq!(streamed(&path, &s, b, sp), want, "batch {b}, spill {sp}");
    }
}

/// The seeds repeat paragraphs across documents (cross-document de-duplication) and quote
/// slogans that stand unquoted elsewhere (the corpus pass): both must work across batches.
#[test]
fn streaming_equals_the_in_memory_pipeline_across_batches_on_the_seeds() {
    let s = setup();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let want = batch(&path, &s);
    assert!(want.len() >= 5);
    assert_eq!(streamed(&path, &s, 1, 0), want);
}

/// On a one-thread pool nothing overlaps (reading, the parallel passes and the sink run in
/// turn); the documents are the same.
#[test]
fn one_thread_gives_the_same_documents() {
    let s = setup();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let want = batch(&path, &s);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let got = pool.install(|| streamed(&path, &s, 1, 0));
    assert_eq!(got, want);
}

/// With more than one thread the serial parts overlap the parallel work (pass 1 reads and
/// spills beside the cleaning; pass 2 sinks one batch and reads the next beside the
/// segmentation of the current one). An explicit pool makes sure that path runs even on a
/// one-core machine, where the global pool has one thread.
#[test]
fn overlapping_passes_give_the_same_documents() {
    let s = setup();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let want = batch(&path, &s);
    for threads in [2, 3] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        for (b, sp) in [(1, 0), (20_000, 0), (1, usize::MAX / 2)] {
            let got = pool.install(|| streamed(&path, &s, b, sp));
            assert_eq!(got, want, "{threads} threads, batch {b}, spill {sp}");
        }
    }
}

/// `tifa cooccur --matrix item-item --of terms` keeps the cleaned texts in a spill until
/// the top terms are known and segments the contexts from there; its pairs equal those of
/// the in-memory method (`prepare` + `analyse`, then `contexts::top_terms` and
/// `contexts::term_cooccurrence`) on the sample corpus, for sentence and token windows.
#[test]
fn cooccur_term_pairs_from_the_spill_equal_the_in_memory_method() {
    let s = setup();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let corpus = tifa::load::load(&path, &LoadOptions::default()).unwrap();
    let docs = pipeline::analyse(
        pipeline::prepare(corpus, &CleanOptions::default()),
        &analyse_opts(),
        Some(&s),
    );
    let items = tifa::contexts::top_terms(&docs, 50);
    for (arg, window) in [
        ("sentence", tifa::contexts::Window::Sentence),
        ("5", tifa::contexts::Window::Tokens(5)),
    ] {
        let co = tifa::contexts::term_cooccurrence(&docs, &items, window, &s);
        let want = co.top_pairs(tifa::cooccur::Association::Count, 2, None);
        assert!(want.len() > 20, "{arg}: only {} pairs", want.len());
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tifa"))
            .args([
                "cooccur",
                "--matrix",
                "item-item",
                "--of",
                "terms",
                "--window",
                arg,
            ])
            .args(["--top", "0", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["contexts"], co.n_contexts() as u64, "{arg}");
        assert_eq!(json["pairs"], serde_json::to_value(&want).unwrap(), "{arg}");
    }
}

/// With whole documents as contexts, the number of contexts holding a term is the term's
/// document frequency in the counts (a second method): the contexts are cut with the
/// formulations protected, as the counts are. (Cut without protection, 融合 inside 三治融合
/// and 网格 inside formulations were found in documents whose counts do not have them.)
#[test]
fn doc_contexts_of_terms_agree_with_document_frequencies() {
    let s = setup();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let corpus = tifa::load::load(&path, &LoadOptions::default()).unwrap();
    let docs = pipeline::analyse(
        pipeline::prepare(corpus, &CleanOptions::default()),
        &analyse_opts(),
        Some(&s),
    );
    let items = tifa::contexts::top_terms(&docs, 50);
    let rows = tifa::terms::frequencies(&pipeline::term_inputs(&docs), tifa::terms::By::Doc);
    let df: std::collections::HashMap<&str, u64> =
        rows.iter().map(|r| (r.term.as_str(), r.df)).collect();
    let co = tifa::contexts::term_cooccurrence(&docs, &items, tifa::contexts::Window::Doc, &s);
    assert_eq!(co.n_contexts(), docs.len() as u64);
    let pairs = co.top_pairs(tifa::cooccur::Association::Count, 1, None);
    let mut checked = std::collections::BTreeSet::new();
    for p in &pairs {
        for (t, n) in [(&p.a, p.n_a), (&p.b, p.n_b)] {
            assert_eq!(Some(&n), df.get(t.as_str()), "{t}");
            checked.insert(t.clone());
        }
    }
    // Every item shares a document with another one in this corpus.
    assert_eq!(checked.len(), items.len());
}
