//! Issue 9's reliability table, one test (or a few) per row, each running the real `tifa`
//! binary on inputs made in a temporary directory or taken from `tests/fixtures/load/`:
//!
//! | row | input | tests |
//! |---|---|---|
//! | 1 | missing path; directory without readable documents | `input::row1_*` |
//! | 2 | empty file; only whitespace or punctuation | `input::row2_*` |
//! | 3 | binary file in a corpus directory | `input::row3_*` |
//! | 4 | bytes that decode in no supported encoding | `input::row4_*` |
//! | 5 | CSV errors; manifest naming a missing file | `input::row5_*` |
//! | 6 | malformed JSON Lines record | `input::row6_*` |
//! | 7 | a 200 MB single line; 100,000 tiny documents | `big::row7_*` (the full sizes are `#[ignore]`d: `scripts/big_inputs.sh`) |
//! | 8 | output not writable; disk full | `output::row8_*` |
//! | 9 | SIGINT | `output::row9_*` |

mod big;
mod input;
mod output;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test.
pub const TIFA: &str = env!("CARGO_BIN_EXE_tifa");

/// Runs `tifa ARGS` in the repository root.
pub fn tifa(args: &[&str]) -> Output {
    Command::new(TIFA)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// A file of `tests/fixtures/load/`, as a path relative to the repository root.
pub fn fx(name: &str) -> String {
    format!("tests/fixtures/load/{name}")
}

/// A path as `&str` (temporary directories are ASCII).
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Standard output parsed as JSON, after checking the run succeeded.
pub fn json_ok(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Asserts a failed run: exit `code`, nothing on stdout, exactly one stderr line that starts
/// `tifa: ` and contains every one of `needles` (file name, `file:line`, `(byte N)`).
pub fn assert_one_line_error(o: &Output, code: i32, needles: &[&str]) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr: {err}");
    assert!(
        o.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    assert!(err.starts_with("tifa: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for n in needles {
        assert!(err.contains(n), "{err:?} does not contain {n:?}");
    }
}

/// The names in `dir`, sorted (hidden temporary files included).
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A temporary directory holding the files `(name, bytes)`.
pub fn corpus_dir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// A sample document of the repository (`data/docs/NAME.txt`).
pub fn sample_doc(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/docs/{name}.txt"))
}
