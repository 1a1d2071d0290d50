//! The `tifa` binary end to end on the sample corpus in `data/`: exit codes, one-line errors
//! that name the file, and cross-region results checked against the gold annotations
//! (`tests/fixtures/gold/cross_region.md`).

use std::path::Path;
use std::process::{Command, Output};

fn tifa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Asserts a failed run: exit code 2, nothing on stdout, one stderr line naming `name`.
fn assert_one_line_error(o: &Output, name: &str) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    assert!(o.stdout.is_empty());
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    assert!(err.starts_with("tifa: "), "{err}");
    assert!(err.contains(name), "{err} does not name {name}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_path_is_a_one_line_error() {
    let o = tifa(&["corpus", "no/such/corpus"]);
    assert_one_line_error(&o, "no/such/corpus");
}

#[test]
fn unterminated_quote_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.csv");
    // Line 1 header, line 2 opens a quote that never closes.
    std::fs::write(&p, "id,text\n1,\"党建引领\n2,x\n").unwrap();
    let o = tifa(&["corpus", p.to_str().unwrap()]);
    assert_one_line_error(&o, "bad.csv:2");
}

#[test]
fn undecodable_bytes_name_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.txt");
    // "党建" in UTF-8 (6 bytes), then 0x80 0x80 0x80 0xff: not UTF-8, not GB18030, not Big5.
    let mut bytes = "党建".as_bytes().to_vec();
    bytes.extend([0x80, 0x80, 0x80, 0xff]);
    std::fs::write(&p, bytes).unwrap();
    let o = tifa(&["corpus", p.to_str().unwrap()]);
    assert_one_line_error(&o, "bad.txt");
    assert!(stderr(&o).contains("byte 6"), "{}", stderr(&o));
}

#[test]
fn missing_user_dictionary_is_an_input_error() {
    let o = tifa(&["terms", "--user-dict", "no-such-dict.txt"]);
    assert_one_line_error(&o, "no-such-dict.txt");
}

#[test]
fn corpus_json_lists_the_nine_documents_with_fields() {
    let o = tifa(&["corpus", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 9);
    let xuzhou = docs.iter().find(|d| d["region"] == "xuzhou").unwrap();
    // 003 is the Traditional seed; the manifest fields sit at top level.
    assert_eq!(xuzhou["script"], "traditional");
    assert_eq!(xuzhou["province"], "江苏省");
    assert_eq!(xuzhou["encoding"], "UTF-8");
    for key in ["id", "file", "encoding", "script", "chars"] {
        assert!(docs[0].get(key).is_some(), "missing {key}");
    }
}

/// `tests/fixtures/gold/cross_region.md`: 两张皮, 最后一公里 and 红色物业 are each shared by
/// three regions (两张皮: maojian 002, xuzhou 003 (兩張皮), donge 004; 最后一公里: hebi 001,
/// maojian 002, donge 004; 红色物业: hebi, maojian, donge — in 004 unquoted).
#[test]
fn three_slogans_are_shared_by_three_regions() {
    let o = tifa(&["slogans", "--format", "json", "--min-regions", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let found: std::collections::BTreeMap<String, Vec<String>> = v["slogans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let groups = s["by_group"].as_object().unwrap().keys().cloned().collect();
            (s["normalized"].as_str().unwrap().to_string(), groups)
        })
        .collect();
    let want = [
        ("两张皮", ["maojian", "xuzhou", "donge"]),
        ("最后一公里", ["maojian", "hebi", "donge"]),
        ("红色物业", ["maojian", "hebi", "donge"]),
    ];
    for (slogan, regions) in want {
        let mut got = found.get(slogan).cloned().unwrap_or_default();
        got.sort();
        let mut regions: Vec<String> = regions.iter().map(|s| s.to_string()).collect();
        regions.sort();
        assert_eq!(got, regions, "{slogan}");
    }
}

/// Counts are honest after cleaning: 001's dividend story repeats its paragraphs in the
/// seed. By hand: `grep -o 分红 data/docs/hebi-2023-dividend.txt | wc -l` = 11 in the raw
/// text; the story read once holds 6 (发放年终分红, 分红喜事, 发放分红108.5万元, 分红现场,
/// 分红款, 领到分红), and Python jieba 0.42.1 cutting that text yields the token 分红 6 times.
#[test]
fn duplicate_paragraphs_are_not_counted_twice() {
    let o = tifa(&["terms", "--format", "json", "--top", "0", "--by", "doc"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let row = v["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["doc"] == "hebi-2023-dividend" && r["term"] == "分红")
        .cloned()
        .unwrap();
    let raw = std::fs::read_to_string(Path::new("data/docs/hebi-2023-dividend.txt")).unwrap();
    assert!(
        raw.matches("分红").count() > 6,
        "the raw story repeats its paragraphs"
    );
    assert_eq!(row["count"], 6);
}

/// `tifa chart KIND` writes the same SVG as the report's chart of that kind, and it parses
/// as XML with the expected Chinese labels as text.
#[test]
fn chart_command_writes_the_report_chart() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("heat.svg");
    let o = tifa(&["chart", "heatmap", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    for label in ["红色物业", "两张皮", "最后一公里", "maojian"] {
        assert!(texts.iter().any(|t| t.contains(label)), "{label} missing");
    }
    let committed = std::fs::read_to_string(Path::new("charts/heatmap.svg")).unwrap();
    assert_eq!(svg, committed);
    let o = tifa(&[
        "chart",
        "keyness",
        "--group",
        "nope",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_sogou_dump_loads_as_its_records() {
    // 14 <doc> records (`grep -c "<doc>"` on the UTF-8 text), each with url, docno and
    // contenttitle fields; the element names are not terms.
    let f = "tests/fixtures/load/sogou-prefix.gbk.dat";
    let o = tifa(&["corpus", f, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 14, "{v}");
    assert_eq!(docs[0]["id"], "sogou-prefix.gbk#1");
    assert_eq!(
        docs[0]["url"],
        "http://news.sohu.com/20120612/n345428229.shtml"
    );
    let o = tifa(&["terms", f, "--top", "50", "--format", "csv"]);
    assert!(!stdout(&o).contains("content"), "{}", stdout(&o));
}

#[test]
fn markup_is_removed_unless_kept() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html.txt");
    std::fs::write(
        &page,
        "<html><body><p>社区&ldquo;红色物业&rdquo;服务居民。</p>\n<p>红色物业&nbsp;进小区。</p></body></html>\n",
    )
    .unwrap();
    let p = page.to_str().unwrap();
    let o = tifa(&["clean", p, "--report", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // <html> <body> <p> </p> <p> </p> </body> </html>, &ldquo; &rdquo; &nbsp;
    assert_eq!(v["documents"][0]["markup"], 11, "{v}");
    let o = tifa(&["terms", p, "--format", "csv", "--keep-markup"]);
    assert!(stdout(&o).contains(",nbsp,"), "{}", stdout(&o));
    let o = tifa(&["terms", p, "--format", "csv"]);
    assert!(!stdout(&o).contains("nbsp") && !stdout(&o).contains("html"));
}

#[test]
fn a_corpus_without_terms_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("stop.txt");
    // 的, 了, 是: single characters (and stopwords), so no term survives --min-chars 2.
    std::fs::write(&p, "的了是\n").unwrap();
    let o = tifa(&["terms", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(stderr(&o).contains("no terms to show"), "{}", stderr(&o));
    // The same corpus with a term: no such note.
    std::fs::write(&p, "推进基层治理\n").unwrap();
    let o = tifa(&["terms", p.to_str().unwrap()]);
    assert!(stdout(&o).contains("基层治理"), "{}", stdout(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn a_group_field_that_no_document_has_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "坚持党建引领。\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "推进三治融合。\n").unwrap();
    let path = dir.path().to_str().unwrap();
    let o = tifa(&["keyness", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "tifa: warning: no document has a `region` field, so all 2 documents are in one group"
        ),
        "{}",
        stderr(&o)
    );
    for quiet in [
        &["keyness", path, "--quiet"][..],
        &["keyness", path, "--group-by", "file"],
    ] {
        let o = tifa(quiet);
        assert!(!stderr(&o).contains("warning"), "{quiet:?}: {}", stderr(&o));
    }
}

#[test]
fn a_gbk_page_appended_to_a_utf8_file_is_decoded_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "坚持党建引领，推进基层治理。\n".as_bytes().to_vec();
    // "建设红色物业。" in GBK, written out by hand: 建 BD A8, 设 C9 E8, 红 BA EC, 色 C9 AB,
    // 物 CE EF, 业 D2 B5, 。 A1 A3.
    bytes.extend([
        0xBD, 0xA8, 0xC9, 0xE8, 0xBA, 0xEC, 0xC9, 0xAB, 0xCE, 0xEF, 0xD2, 0xB5, 0xA1, 0xA3, b'\n',
    ]);
    bytes.extend("三治融合。\n".as_bytes());
    std::fs::write(dir.path().join("scraped.txt"), bytes).unwrap();
    let path = dir.path().to_str().unwrap();
    let o = tifa(&["corpus", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("UTF-8 + GB18030 (by line)"),
        "{}",
        stdout(&o)
    );
    let o = tifa(&["terms", path, "--format", "csv"]);
    let out = stdout(&o);
    for term in ["党建引领", "红色物业", "三治融合"] {
        assert!(out.contains(&format!("(none),,{term},1,")), "{term}: {out}");
    }
}

#[test]
fn utf16_without_a_mark_loads_from_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    // "推进三治融合。\n" as UTF-16LE without a byte-order mark: the newline's high byte is NUL.
    let bytes: Vec<u8> = "推进三治融合。\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(dir.path().join("win.txt"), bytes).unwrap();
    let o = tifa(&["corpus", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("UTF-16LE (no BOM)"), "{}", stdout(&o));
    let o = tifa(&["slogans", dir.path().to_str().unwrap(), "--format", "csv"]);
    assert!(stdout(&o).contains("\n三治融合,"), "{}", stdout(&o));
}
