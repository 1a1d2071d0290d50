//! Fuzz target `load_bytes`: encoding detection and decoding, and the CSV and JSON Lines
//! loaders, on arbitrary bytes. Errors are fine; panics, hangs and out-of-range offsets are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;
use tifa::load::encoding::{decode, DecodeError};
use tifa::load::{load, LoadOptions};

/// One scratch directory per fuzzing process (the files in it are overwritten each run).
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("tifa-fuzz-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory for the fuzzer");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    // 1. Detection + strict decoding.
    match decode(data, None) {
        Ok(d) => {
            // Decoding never invents text out of nothing.
            assert!(data.is_empty() || !d.encoding.is_empty());
        }
        Err(DecodeError::Undecodable { offset, .. }) => {
            // The reported offset of the first bad byte lies inside the input.
            assert!(
                (offset as usize) < data.len().max(1),
                "offset {offset} beyond {} bytes",
                data.len()
            );
        }
        Err(DecodeError::Binary) => assert!(data.contains(&0)),
        Err(DecodeError::UnknownLabel(l)) => panic!("unknown label {l} without a forced label"),
    }

    // 2. The same bytes as a CSV file and a JSON Lines file, loaded through `load`, with and
    //    without `skip_bad` (the two paths differ after the first bad record).
    let dir = scratch();
    for name in ["docs.csv", "docs.jsonl"] {
        let path = dir.join(name);
        if std::fs::write(&path, data).is_err() {
            return;
        }
        for skip_bad in [false, true] {
            let opts = LoadOptions {
                skip_bad,
                ..LoadOptions::default()
            };
            if let Ok(corpus) = load(&path, &opts) {
                for doc in &corpus.documents {
                    // Every document knows where it came from.
                    assert!(!doc.file.is_empty());
                    assert!(!doc.id.is_empty() || doc.row.is_some());
                }
            }
        }
    }
});
