//! Rows 8 and 9: output that cannot be written (parent not a directory, a target that
//! cannot be replaced, a full disk) and interrupted runs. In every case: an error (or exit
//! 130 for SIGINT), no partial or temporary file, and the previous outputs untouched.

use super::*;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Previous outputs planted in `out` before a run: (name, bytes).
const OLD: [(&str, &str); 2] = [("metrics.json", "old metrics"), ("terms.svg", "old svg")];

/// An output directory holding [`OLD`].
fn old_outputs() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    for (name, bytes) in OLD {
        std::fs::write(out.path().join(name), bytes).unwrap();
    }
    out
}

/// Asserts that `out` holds exactly [`OLD`] (plus `extra` names), with their old bytes.
fn assert_untouched(out: &Path, extra: &[&str]) {
    let mut want: Vec<String> = OLD.iter().map(|(n, _)| n.to_string()).collect();
    want.extend(extra.iter().map(|s| s.to_string()));
    want.sort();
    assert_eq!(names(out), want);
    for (name, bytes) in OLD {
        assert_eq!(
            std::fs::read_to_string(out.join(name)).unwrap(),
            bytes,
            "{name}"
        );
    }
}

// Row 8: output directory not writable, disk full.

#[test]
fn row8_out_under_a_regular_file_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "keep").unwrap();
    let out = file.join("charts");
    let o = tifa(&["report", "--out", s(&out)]);
    assert_one_line_error(&o, 1, &[s(&file)]);
    assert_eq!(names(dir.path()), ["file"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
    // The same for the one-file writers: `chart --out` and `clean --out`.
    let o = tifa(&["chart", "terms", "--out", s(&file.join("t.svg"))]);
    assert_one_line_error(&o, 1, &["t.svg"]);
    let o = tifa(&["clean", "--out", s(&out)]);
    assert_one_line_error(&o, 1, &[s(&file)]);
    assert_eq!(names(dir.path()), ["file"]);
}

#[test]
fn row8_read_only_directory_is_an_error_and_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let out = old_outputs();
    std::fs::set_permissions(out.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permission bits: then a read-only directory cannot be made this way and
    // the other row 8 tests stand for it.
    let root = std::fs::write(out.path().join("probe"), "").is_ok();
    if !root {
        let o = tifa(&["report", "--out", s(out.path())]);
        assert_one_line_error(&o, 1, &["Permission denied"]);
    }
    let _ = std::fs::remove_file(out.path().join("probe"));
    std::fs::set_permissions(out.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_untouched(out.path(), &[]);
}

#[test]
fn row8_output_that_cannot_be_replaced_leaves_the_old_outputs() {
    // metrics.json is a (non-empty) directory: renaming the new metrics.json onto it fails
    // at commit, the first rename, so no output is replaced.
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(out.path().join("metrics.json/x")).unwrap();
    std::fs::write(out.path().join("terms.svg"), "old svg").unwrap();
    let o = tifa(&["report", "--out", s(out.path())]);
    assert_one_line_error(&o, 1, &["metrics.json"]);
    assert_eq!(names(out.path()), ["metrics.json", "terms.svg"]);
    assert_eq!(
        std::fs::read_to_string(out.path().join("terms.svg")).unwrap(),
        "old svg"
    );
}

/// Runs `tifa ARGS` with RLIMIT_FSIZE at `kib` KiB and SIGXFSZ ignored, so that writing
/// past the limit fails with EFBIG ("File too large") as a full disk fails with ENOSPC.
fn tifa_with_file_limit(kib: u64, args: &[&str]) -> Output {
    let script = format!("trap '' XFSZ; ulimit -f {kib} && exec \"$0\" \"$@\"");
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(TIFA)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn row8_disk_full_is_an_error_and_leaves_no_partial_file() {
    // Sizes of the outputs on the sample corpus, from an unlimited run.
    let free = tempfile::tempdir().unwrap();
    let o = tifa(&["report", "--out", s(free.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut sizes: Vec<(u64, String)> = names(free.path())
        .into_iter()
        .map(|n| (std::fs::metadata(free.path().join(&n)).unwrap().len(), n))
        .collect();
    sizes.sort();
    let (biggest, name) = sizes.pop().unwrap();
    let (second, _) = sizes.pop().unwrap();
    // A limit between the two largest files: every file but the largest is staged, then
    // writing the largest fails, so the staged ones must be removed again.
    let kib = (second + biggest) / 2 / 1024;
    assert!(
        kib * 1024 > second && kib * 1024 < biggest,
        "{second} {biggest}"
    );
    let out = old_outputs();
    let o = tifa_with_file_limit(kib, &["report", "--out", s(out.path())]);
    assert_one_line_error(&o, 1, &[&name, "too large"]);
    assert_untouched(out.path(), &[]);
    // A limit below every file: the first write fails.
    let o = tifa_with_file_limit(1, &["report", "--out", s(out.path())]);
    assert_one_line_error(&o, 1, &["metrics.json"]);
    assert_untouched(out.path(), &[]);
}

// Row 9: SIGINT.

/// A JSON Lines corpus of the sample documents repeated `n` times over `groups` regions
/// (about 6 KB a document).
pub fn repeated_corpus(dir: &Path, n: usize, groups: usize) -> PathBuf {
    let docs: Vec<String> = ["hebi-2023-review", "maojian-2021-dongcheng"]
        .iter()
        .map(|d| std::fs::read_to_string(sample_doc(d)).unwrap())
        .collect();
    let path = dir.join("repeated.jsonl");
    let mut text = String::new();
    for i in 0..n {
        let record = serde_json::json!({
            "id": format!("d{i}"),
            "region": format!("r{:03}", i % groups),
            "text": docs[i % docs.len()],
        });
        text.push_str(&record.to_string());
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// Sends SIGINT to `child` (with bash's `kill`, to avoid unsafe code in the tests).
fn interrupt(child: &std::process::Child) {
    let ok = Command::new("bash")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .unwrap();
    assert!(ok.success());
}

/// Starts `tifa report CORPUS --out OUT --no-dedup --quiet` (no-dedup: the repeated
/// documents stay, so the run takes a while).
fn start_report(corpus: &Path, out: &Path) -> std::process::Child {
    Command::new(TIFA)
        .args([
            "report",
            s(corpus),
            "--out",
            s(out),
            "--no-dedup",
            "--quiet",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn row9_sigint_during_the_analysis_writes_nothing() {
    // 10,000 documents (60 MB): the release build needs about 2 s for them, so the signal
    // after 0.3 s arrives mid-run (300 documents were once enough, until tifa got faster).
    let dir = tempfile::tempdir().unwrap();
    let corpus = repeated_corpus(dir.path(), 10_000, 5);
    let out = old_outputs();
    let mut child = start_report(&corpus, out.path());
    std::thread::sleep(Duration::from_millis(300));
    interrupt(&child);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert_untouched(out.path(), &[]);
}

#[test]
fn row9_sigint_while_writing_leaves_no_temporary_file() {
    // 100 groups: 100 keyness charts, each staged and synced, so the writing takes a while;
    // the test waits for the first temporary file to appear, then interrupts.
    let dir = tempfile::tempdir().unwrap();
    let corpus = repeated_corpus(dir.path(), 200, 100);
    for attempt in 0..5 {
        let out = old_outputs();
        let mut child = start_report(&corpus, out.path());
        let start = Instant::now();
        let caught = loop {
            if names(out.path()).iter().any(|n| n.contains(".tifa-tmp-")) {
                interrupt(&child);
                break true;
            }
            if child.try_wait().unwrap().is_some() || start.elapsed() > Duration::from_secs(60) {
                break false;
            }
        };
        let status = child.wait().unwrap();
        let left = names(out.path());
        assert!(!left.iter().any(|n| n.contains("tifa-tmp")), "{left:?}");
        if !caught {
            eprintln!("attempt {attempt}: the run ended before a temporary file was seen");
            continue;
        }
        // Interrupted while staging: the old outputs, untouched. (Should the signal come
        // during the commit, the handler waits for it: then every output is new.)
        assert_eq!(status.code(), Some(130));
        let metrics = std::fs::read_to_string(out.path().join("metrics.json")).unwrap();
        if metrics == "old metrics" {
            assert_untouched(out.path(), &[]);
        } else {
            assert!(metrics.contains("tifa.metrics/1"));
            assert!(left.contains(&"keyness-100.svg".to_string()), "{left:?}");
            assert!(left.contains(&"report.html".to_string()), "{left:?}");
        }
        return;
    }
    panic!("no run was caught while writing");
}
