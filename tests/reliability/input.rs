//! Rows 1–6: bad, odd and empty inputs.

use super::*;

// Row 1: a path that does not exist; a directory with no readable documents.

#[test]
fn row1_missing_path_is_a_one_line_error_exit_2() {
    let runs: [&[&str]; 3] = [
        &["corpus", "no/such/corpus"],
        &["terms", "no/such/corpus"],
        &["report", "no/such/corpus", "--out", "no/such/out"],
    ];
    for args in runs {
        assert_one_line_error(&tifa(args), 2, &["no/such/corpus"]);
    }
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("no").exists());
}

#[test]
fn row1_empty_directory_is_a_one_line_error_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = tifa(&["corpus", s(dir.path())]);
    assert_one_line_error(&o, 2, &[s(dir.path()), "no readable documents"]);
}

#[test]
fn row1_directory_of_binary_files_only_is_a_one_line_error_exit_2() {
    let o = tifa(&["corpus", &fx("binary-only")]);
    assert_one_line_error(&o, 2, &["binary-only", "no readable documents"]);
}

// Row 2: empty, whitespace-only and punctuation-only files.

/// A corpus with an empty file, a whitespace-only file, a punctuation-only file and (when
/// `with_text`) one real document, each its own region (A, B, C, D).
fn empties(with_text: bool) -> tempfile::TempDir {
    let dir = corpus_dir(&[
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t "),
        ("punct.txt", "。，！？……——".as_bytes()),
    ]);
    let mut manifest = "id,file,region\ne,empty.txt,A\nb,blank.txt,B\np,punct.txt,C\n".to_string();
    if with_text {
        std::fs::copy(sample_doc("hebi-2023-review"), dir.path().join("text.txt")).unwrap();
        manifest.push_str("t,text.txt,D\n");
    }
    std::fs::write(dir.path().join("corpus.csv"), manifest).unwrap();
    dir
}

/// The `corpus --format json` entry of document `id`.
fn summary(corpus: &Value, id: &str) -> Value {
    corpus["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("{id} not listed"))
        .clone()
}

#[test]
fn row2_empty_file_is_listed_as_an_empty_document() {
    let dir = empties(true);
    let c = json_ok(&tifa(&["corpus", s(dir.path()), "--format", "json"]));
    assert_eq!(c["documents"].as_array().unwrap().len(), 4);
    let e = summary(&c, "e");
    assert_eq!(
        (
            &e["chars"],
            &e["clean_chars"],
            &e["paragraphs"],
            &e["empty"]
        ),
        (&0.into(), &0.into(), &0.into(), &true.into())
    );
    assert_eq!(summary(&c, "t")["empty"], false);
    // The terminal table says "empty" in the script column.
    let o = tifa(&["corpus", s(dir.path())]);
    let table = String::from_utf8(o.stdout).unwrap();
    let row = table.lines().find(|l| l.starts_with("e ")).unwrap();
    assert!(
        row.contains("empty.txt") && row.contains(" empty "),
        "{row}"
    );
}

#[test]
fn row2_whitespace_only_file_is_listed_as_an_empty_document() {
    let dir = empties(true);
    let c = json_ok(&tifa(&["corpus", s(dir.path()), "--format", "json"]));
    let b = summary(&c, "b");
    // "  \n\t " is five characters, none of them text.
    assert_eq!(
        (
            &b["chars"],
            &b["clean_chars"],
            &b["paragraphs"],
            &b["empty"]
        ),
        (&5.into(), &0.into(), &0.into(), &true.into())
    );
}

#[test]
fn row2_punctuation_only_file_is_loaded_as_a_document() {
    let dir = empties(true);
    let c = json_ok(&tifa(&["corpus", s(dir.path()), "--format", "json"]));
    let p = summary(&c, "p");
    // 。，！？ are four characters, …… and —— two each.
    assert_eq!(p["chars"], 8);
    assert_eq!(p["encoding"], "UTF-8");
}

#[test]
fn row2_punctuation_only_file_is_listed_as_empty() {
    let dir = empties(true);
    let c = json_ok(&tifa(&["corpus", s(dir.path()), "--format", "json"]));
    assert_eq!(summary(&c, "p")["empty"], true);
}

/// Keys whose value may be JSON `null` (absent dates and options). Anything else null would
/// be a NaN or infinity that serde_json wrote as `null`: a division by zero.
const NULLABLE: [&str; 4] = ["first_date", "last_date", "encoding", "stopwords"];

/// Asserts that `v` holds no `null` outside [`NULLABLE`] keys and only finite numbers.
fn assert_finite(v: &Value, key: &str, what: &str) {
    match v {
        Value::Null => assert!(NULLABLE.contains(&key), "{what}: `{key}` is null"),
        Value::Number(n) => assert!(n.as_f64().is_some_and(f64::is_finite), "{what}: {key}"),
        Value::Array(a) => a.iter().for_each(|x| assert_finite(x, key, what)),
        Value::Object(o) => o.iter().for_each(|(k, x)| assert_finite(x, k, what)),
        _ => {}
    }
}

/// Asserts that no word of `text` is a rendering of NaN or infinity.
fn assert_no_nan_words(text: &str, what: &str) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        let w = w.to_ascii_lowercase();
        assert!(
            !["nan", "inf", "infinity"].contains(&w.as_str()),
            "{what}: {w}"
        );
    }
}

#[test]
fn row2_empty_documents_every_command_succeeds_without_nan() {
    let runs: [&[&str]; 16] = [
        &["corpus"],
        &["clean", "--report"],
        &["terms"],
        &["terms", "--by", "doc"],
        &["keyness"],
        &["keyness", "--measure", "chi2", "--negative"],
        &["slogans"],
        &["slogans", "--by", "shape"],
        &["cooccur"],
        &["cooccur", "--norm", "per10k"],
        &["cooccur", "--matrix", "group-group"],
        &["cooccur", "--matrix", "group-group", "--of", "terms"],
        &[
            "cooccur",
            "--matrix",
            "group-group",
            "--of",
            "terms",
            "--measure",
            "cosine-tfidf",
        ],
        &["cooccur", "--matrix", "item-item", "--assoc", "npmi"],
        &[
            "cooccur",
            "--matrix",
            "item-item",
            "--assoc",
            "pmi",
            "--of",
            "terms",
        ],
        &["kwic", "党建"],
    ];
    for with_text in [false, true] {
        let dir = empties(with_text);
        for args in runs {
            let mut a = args.to_vec();
            a.extend([s(dir.path()), "--format", "json"]);
            let o = tifa(&a);
            let what = format!("{a:?}");
            assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
            let v: Value = serde_json::from_slice(&o.stdout)
                .unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
            assert_finite(&v, "", &what);
        }
        let out = tempfile::tempdir().unwrap();
        let o = tifa(&["report", s(dir.path()), "--out", s(out.path())]);
        assert_eq!(o.status.code(), Some(0), "report: {}", stderr(&o));
        let metrics = std::fs::read_to_string(out.path().join("metrics.json")).unwrap();
        let m: Value = serde_json::from_str(&metrics).unwrap();
        assert_finite(&m, "", "metrics.json");
        let docs = m["corpus"]["documents"].as_array().unwrap();
        assert_eq!(docs.len(), 3 + usize::from(with_text));
        for name in names(out.path()) {
            let text = std::fs::read_to_string(out.path().join(&name)).unwrap();
            assert_no_nan_words(&text, &name);
        }
    }
}

// Row 3: binary files inside a corpus directory.

#[test]
fn row3_binary_files_in_a_directory_are_skipped_with_a_warning() {
    // mixed-dir: a-article.md, b-article.txt, blank.txt, empty.txt; image.png (PNG, NUL
    // bytes) and photo.txt (PNG bytes under a .txt name) are binary.
    let o = tifa(&["corpus", &fx("mixed-dir"), "--format", "json"]);
    let err = stderr(&o);
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(warnings[0].starts_with("tifa: warning: ") && warnings[0].contains("image.png"));
    assert!(warnings[1].starts_with("tifa: warning: ") && warnings[1].contains("photo.txt"));
    let c = json_ok(&o);
    let ids: Vec<&str> = c["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a-article", "b-article", "blank", "empty"]);
    assert_eq!(c["skipped"].as_array().unwrap().len(), 2);
    // The table lists the skipped files after the documents.
    let o = tifa(&["corpus", &fx("mixed-dir"), "--quiet"]);
    assert!(o.stderr.is_empty());
    let table = String::from_utf8(o.stdout).unwrap();
    let skipped: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("skipped: "))
        .collect();
    assert_eq!(skipped.len(), 2, "{table}");
    assert!(skipped[0].contains("image.png") && skipped[0].contains("binary"));
    assert!(table.contains("\n4 documents,"), "{table}");
}

#[test]
fn row3_strict_makes_a_binary_file_an_error() {
    let o = tifa(&["corpus", &fx("mixed-dir"), "--strict"]);
    assert_one_line_error(&o, 2, &["image.png", "binary"]);
}

// Row 4: bytes that decode in no supported encoding.

#[test]
fn row4_undecodable_bytes_name_file_and_byte_offset() {
    // bad-bytes.txt is "abc", then 0xFF 0xFE 0xFF: the first bad byte is at offset 3.
    let o = tifa(&["corpus", &fx("bad-bytes.txt")]);
    assert_one_line_error(&o, 2, &["bad-bytes.txt (byte 3)", "no supported encoding"]);
}

#[test]
fn row4_undecodable_file_is_skipped_under_skip_bad() {
    let bad = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(fx("bad-bytes.txt")));
    let dir = corpus_dir(&[("bad.txt", &bad.unwrap()), ("good.txt", "党建".as_bytes())]);
    let o = tifa(&["corpus", s(dir.path())]);
    assert_one_line_error(&o, 2, &["bad.txt (byte 3)"]);
    let o = tifa(&["corpus", s(dir.path()), "--skip-bad", "--format", "json"]);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("tifa: warning: ") && err.contains("bad.txt"),
        "{err}"
    );
    let c = json_ok(&o);
    assert_eq!(c["documents"].as_array().unwrap().len(), 1);
    assert_eq!(c["documents"][0]["id"], "good");
    assert_eq!(c["skipped"].as_array().unwrap().len(), 1);
    assert!(c["skipped"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("byte 3"));
}

// Row 5: CSV errors and a manifest naming a missing file.

#[test]
fn row5_csv_missing_text_column_names_file_and_line() {
    let o = tifa(&["corpus", &fx("no-text-column.csv")]);
    assert_one_line_error(&o, 2, &["no-text-column.csv:1", "text column"]);
}

#[test]
fn row5_csv_ragged_row_names_file_and_line() {
    // Line 3 ("b,文本二") has two fields, the header three.
    let o = tifa(&["corpus", &fx("ragged.csv")]);
    assert_one_line_error(&o, 2, &["ragged.csv:3", "ragged"]);
}

#[test]
fn row5_csv_unterminated_quote_names_file_and_line() {
    // The quote opened on line 3 never closes.
    let o = tifa(&["corpus", &fx("unterminated.csv")]);
    assert_one_line_error(&o, 2, &["unterminated.csv:3", "unterminated"]);
}

#[test]
fn row5_manifest_naming_a_missing_file_names_manifest_line_and_file() {
    // Line 3 of the manifest names two.txt, which is not there.
    let o = tifa(&["corpus", &fx("manifest-missing")]);
    assert_one_line_error(&o, 2, &["manifest-missing/corpus.csv:3", "two.txt"]);
}

// Row 6: a malformed JSON Lines record.

#[test]
fn row6_malformed_jsonl_line_names_file_and_line() {
    let o = tifa(&["corpus", &fx("malformed.jsonl")]);
    assert_one_line_error(&o, 2, &["malformed.jsonl:2", "malformed JSON"]);
}

#[test]
fn row6_malformed_jsonl_line_is_skipped_under_skip_bad() {
    let o = tifa(&[
        "corpus",
        &fx("malformed.jsonl"),
        "--skip-bad",
        "--format",
        "json",
    ]);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("warning") && err.contains("malformed.jsonl") && err.contains("line 2"));
    let c = json_ok(&o);
    let ids: Vec<&str> = c["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["j1", "j3"]);
    assert_eq!(c["skipped"].as_array().unwrap().len(), 1);
}
