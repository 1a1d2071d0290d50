//! `tifa report`'s per-document rows (metrics.json's `corpus.documents` and
//! `corpus.cleaning`, report.html's cleaning notes) are read back from a spill: the output is
//! the same bytes whether the rows stayed in memory or went to a temporary file, and they are
//! the corpus's documents in manifest order.

use std::path::{Path, PathBuf};
use tifa::clean::CleanOptions;
use tifa::load::LoadOptions;
use tifa::pipeline::TermSetup;
use tifa::report::{self, ReportOptions, TermSettings};
use tifa::segment::{SegmentOptions, Segmenter};
use tifa::terms::{Stopwords, TermFilter};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn setup() -> TermSetup {
    TermSetup {
        segmenter: Segmenter::new(&SegmentOptions::default()).unwrap(),
        filter: TermFilter {
            stopwords: Stopwords::builtin(),
            keep_stopwords: false,
            min_chars: 2,
            pos: None,
        },
    }
}

fn options(corpus: &Path, row_spill_bytes: usize) -> ReportOptions {
    ReportOptions {
        corpus: corpus.to_path_buf(),
        group_by: "region".into(),
        load: LoadOptions::default(),
        clean: CleanOptions::default(),
        terms: TermSettings {
            hmm: true,
            user_dict: Vec::new(),
            domain_dict: true,
            stopwords: None,
            keep_stopwords: false,
            min_chars: 2,
            pos: Vec::new(),
            lexicon: true,
        },
        top: 20,
        chart_top: 10,
        chart_slogans: 25,
        min_regions: 1,
        pairs: 30,
        row_spill_bytes,
    }
}

/// metrics.json and report.html as written by `tifa report`, and whether the rows spilled.
fn written(corpus: &Path, s: &TermSetup, row_spill_bytes: usize) -> (Vec<u8>, Vec<u8>, bool) {
    let opts = options(corpus, row_spill_bytes);
    let streamed = report::accumulate(&opts, s).unwrap();
    let r = report::build(&opts, streamed, &|_| {}).unwrap();
    let mut metrics = Vec::new();
    serde_json::to_writer_pretty(&mut metrics, &r.metrics()).unwrap();
    let mut html = Vec::new();
    r.write_html(&mut html).unwrap();
    (metrics, html, r.rows_on_disk())
}

/// The ids of `data/corpus.csv`, first column, in file order (none of them is quoted).
fn manifest_ids() -> Vec<String> {
    let csv = std::fs::read_to_string(root().join("data/corpus.csv")).unwrap();
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect()
}

#[test]
fn spilled_rows_give_the_same_bytes_as_rows_in_memory() {
    let s = setup();
    let corpus = root().join("data");
    let (m_mem, h_mem, disk_mem) = written(&corpus, &s, tifa::pipeline::ROW_SPILL_BYTES);
    let (m_disk, h_disk, disk_disk) = written(&corpus, &s, 0);
    assert!(!disk_mem, "9 documents' rows fit in the default budget");
    assert!(disk_disk, "a budget of 0 spills from the first row");
    assert_eq!(m_mem, m_disk, "metrics.json differs");
    assert_eq!(h_mem, h_disk, "report.html differs");

    let ids = manifest_ids();
    assert_eq!(ids.len(), 9);
    let m: serde_json::Value = serde_json::from_slice(&m_disk).unwrap();
    for section in ["documents", "cleaning"] {
        let rows = m["corpus"][section].as_array().unwrap();
        let got: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(got, ids, "{section}");
    }
    assert_eq!(m["corpus"]["summary"]["documents"], 9);
    // The summary's character totals are the sums of the rows.
    for (total, field) in [("chars", "chars"), ("clean_chars", "clean_chars")] {
        let sum: u64 = m["corpus"]["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[field].as_u64().unwrap())
            .sum();
        assert_eq!(m["corpus"]["summary"][total].as_u64().unwrap(), sum);
    }
    // The HTML cleaning notes: one row per document, in order.
    let html = String::from_utf8(h_disk).unwrap();
    let notes = &html[html.find("<h2>Cleaning notes</h2>").unwrap()..];
    let cells: Vec<&str> = notes
        .split("<tr><td>")
        .skip(1)
        .map(|r| r.split("</td>").next().unwrap())
        .collect();
    assert_eq!(cells, ids);
}
