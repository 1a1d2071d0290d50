//! `tifa report`: the produced metrics.json validates against docs/metrics.schema.json,
//! every SVG parses, report.html is self-contained, output is byte-identical for any
//! `--threads`, a failed run leaves earlier output alone, and the committed `charts/` is
//! what the README's main command produces.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `tifa ARGS` in the repository root; returns stdout, panics on failure.
fn tifa(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run tifa");
    assert!(
        out.status.success(),
        "tifa {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// Every file of `dir` (not hidden), name → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        m.insert(name, std::fs::read(e.path()).unwrap());
    }
    m
}

fn report_into(dir: &Path, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let out = dir.to_str().unwrap();
    let mut args = vec!["report", "--quiet", "--out", out];
    args.extend_from_slice(extra);
    let stdout = tifa(&args);
    // Only results on stdout: the paths written, one a line.
    for line in stdout.lines() {
        assert!(line.starts_with(out), "unexpected stdout line {line:?}");
    }
    files(dir)
}

#[test]
fn metrics_validate_against_the_schema_and_charts_parse() {
    let dir = tempfile::tempdir().unwrap();
    let f = report_into(dir.path(), &[]);
    for name in [
        "metrics.json",
        "report.html",
        "terms.svg",
        "slogans.svg",
        "heatmap.svg",
        "similarity.svg",
        "keyness-01.svg",
    ] {
        assert!(f.contains_key(name), "{name} missing; got {:?}", f.keys());
    }
    assert!(
        !f.keys().any(|k| k.starts_with('.')),
        "temporary files left: {:?}",
        f.keys()
    );

    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/metrics.schema.json")).unwrap(),
    )
    .unwrap();
    let metrics: serde_json::Value = serde_json::from_slice(&f["metrics.json"]).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&metrics)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "metrics.json does not match the schema: {errors:#?}"
    );
    assert_eq!(metrics["schema"], "tifa.metrics/1");
    assert_eq!(metrics["corpus"]["summary"]["documents"], 9);
    assert!(metrics["slogans"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["normalized"] == "两张皮"));

    // A broken document must fail validation (the schema is not vacuous).
    let mut broken = metrics.clone();
    broken["terms"][0]["count"] = serde_json::json!("many");
    assert!(!validator.is_valid(&broken));

    for (name, bytes) in &f {
        if name.ends_with(".svg") {
            let s = std::str::from_utf8(bytes).unwrap();
            roxmltree::Document::parse(s).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let svg = std::str::from_utf8(&f["heatmap.svg"]).unwrap();
    assert!(svg.contains("两张皮"), "heat map lacks a formulation label");

    let html = std::str::from_utf8(&f["report.html"]).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        html.matches("<svg").count(),
        f.keys().filter(|k| k.ends_with(".svg")).count()
    );
    for external in ["src=", "href=", "@import", "url("] {
        assert!(
            !html.contains(external),
            "report.html refers to an external asset ({external})"
        );
    }
    assert!(html.contains("两张皮") && html.contains("Cleaning notes"));
}

#[test]
fn same_bytes_for_any_thread_count() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let fa = report_into(a.path(), &["--threads", "1"]);
    let fb = report_into(b.path(), &["--threads", "2"]);
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(
            bytes == &fb[name],
            "{name} differs between --threads 1 and 2"
        );
    }
}

#[test]
fn committed_charts_are_what_the_main_command_produces() {
    let dir = tempfile::tempdir().unwrap();
    let produced = report_into(dir.path(), &[]);
    let committed = files(&root().join("charts"));
    assert_eq!(
        produced.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "charts/ has other files than `tifa report` writes"
    );
    for (name, bytes) in &produced {
        assert!(
            bytes == &committed[name],
            "charts/{name} is stale: run `cargo run --release -- report`"
        );
    }
}

#[test]
fn a_failed_run_leaves_earlier_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let before = report_into(dir.path(), &[]);
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args([
            "report",
            "--quiet",
            "--out",
            dir.path().to_str().unwrap(),
            "no/such/corpus",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(files(dir.path()), before);
}

#[test]
fn subcommand_json_uses_the_metrics_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let f = report_into(dir.path(), &[]);
    let metrics: serde_json::Value = serde_json::from_slice(&f["metrics.json"]).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let terms: serde_json::Value =
        serde_json::from_str(&tifa(&["terms", "--format", "json"])).unwrap();
    assert_eq!(keys(&terms["terms"][0]), keys(&metrics["terms"][0]));
    let key: serde_json::Value =
        serde_json::from_str(&tifa(&["keyness", "--format", "json"])).unwrap();
    assert_eq!(
        keys(&key["keyness"][0]),
        keys(&metrics["keyness"]["over"][0])
    );
    let slo: serde_json::Value =
        serde_json::from_str(&tifa(&["slogans", "--format", "json"])).unwrap();
    let mut sk = keys(&slo["slogans"][0]);
    sk.retain(|k| k != "contexts");
    assert_eq!(sk, keys(&metrics["slogans"][0]));
    let sim: serde_json::Value = serde_json::from_str(&tifa(&[
        "cooccur",
        "--matrix",
        "group-group",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(keys(&sim), keys(&metrics["cooccur"]["group_group"]));
}
