//! Integration tests of `tifa::load`: formats, encodings, errors, and the sample corpus.
//!
//! Fixtures in `tests/fixtures/load/` were generated with python3 from UTF-8 strings
//! (`str.encode('gbk' | 'utf-16-le' | 'big5')`); the expected texts below are those
//! strings, not program output.

use std::path::{Path, PathBuf};
use tifa::load::{load, stream, Corpus, LoadOptions};

fn fx(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/load")
        .join(name)
}

fn repo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn load_ok(path: &Path) -> Corpus {
    match load(path, &LoadOptions::default()) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

fn load_err(path: &Path, opts: &LoadOptions) -> String {
    match load(path, opts) {
        Ok(c) => panic!("expected an error, got {} documents", c.documents.len()),
        Err(e) => {
            let s = e.to_string();
            assert!(!s.contains('\n'), "error is not one line: {s}");
            assert_eq!(e.exit_code(), 2, "{s}");
            s
        }
    }
}

/// The sentence every encoding fixture was made from.
const SENTENCE: &str =
    "抓党建促基层治理，打造“红色物业”，推行“1+5+N”工作法。\n第二行：三治融合。\n";

#[test]
fn encodings_decode_to_the_same_text() {
    let cases = [
        ("sentence.utf8.txt", "UTF-8"),
        ("sentence.utf8bom.txt", "UTF-8 (BOM)"),
        ("sentence.gbk.txt", "GB18030"),
        ("sentence.utf16le.txt", "UTF-16LE (BOM)"),
        ("sentence.utf16be.txt", "UTF-16BE (BOM)"),
    ];
    for (file, encoding) in cases {
        let c = load_ok(&fx(file));
        assert_eq!(c.documents.len(), 1, "{file}");
        let d = &c.documents[0];
        assert_eq!(d.raw, SENTENCE, "{file}");
        assert_eq!(d.encoding, encoding, "{file}");
        assert_eq!(d.id, file.trim_end_matches(".txt"));
    }
}

#[test]
fn big5_is_detected_as_big5() {
    // 黨建引領，兩張皮擰成一股繩。 encoded with python's big5 codec.
    let c = load_ok(&fx("traditional.big5.txt"));
    assert_eq!(c.documents[0].raw, "黨建引領，兩張皮擰成一股繩。\n");
    assert_eq!(c.documents[0].encoding, "Big5");
}

#[test]
fn forced_encoding_overrides_detection() {
    let opts = LoadOptions {
        encoding: Some("gbk".into()),
        ..Default::default()
    };
    let c = load(&fx("sentence.gbk.txt"), &opts).unwrap();
    assert_eq!(c.documents[0].raw, SENTENCE);
    assert_eq!(c.documents[0].encoding, "GBK");
    let opts = LoadOptions {
        encoding: Some("no-such-encoding".into()),
        ..Default::default()
    };
    let e = load(&fx("sentence.gbk.txt"), &opts).unwrap_err();
    assert!(e.to_string().contains("unknown encoding"), "{e}");
}

#[test]
fn sogou_gbk_file_loads_as_its_records() {
    // A prefix of sogou-news-2012.gbk.dat cut after the 14th `</doc>` (18,990 bytes): 14
    // `<doc>` records, one document each. Checked with `iconv -f GBK -t UTF-8`: the first
    // record (its <doc> on line 2) has the title 公安机关销毁１０余万非法枪支　跨国武器走私渐起
    // (full-width digits and space in the raw text) and its content starts 中广网唐山６月.
    let c = load_ok(&fx("sogou-prefix.gbk.dat"));
    assert_eq!(c.documents.len(), 14);
    assert_eq!(c.fields, ["url", "docno", "contenttitle"]);
    let d = &c.documents[0];
    assert_eq!((d.id.as_str(), d.row), ("sogou-prefix.gbk#1", Some(2)));
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(
        d.fields["url"],
        "http://news.sohu.com/20120612/n345428229.shtml"
    );
    assert!(d
        .raw
        .starts_with("公安机关销毁１０余万非法枪支　跨国武器走私渐起\n中广网唐山６月１２日消息"));
    for d in &c.documents {
        assert!(
            !d.raw.contains("<doc") && !d.raw.contains("<content"),
            "{}",
            d.id
        );
        assert!(!d.raw.contains('\u{FFFD}'));
    }
}

#[test]
fn provinces_layout_csv_gives_one_document_per_row() {
    let c = load_ok(&fx("provinces-layout.csv"));
    assert_eq!(c.documents.len(), 2);
    assert_eq!(
        c.fields,
        ["province", "year", "title", "source_url", "publish_date"]
    );
    let d = &c.documents[0];
    assert_eq!(d.id, "provinces-layout#1");
    assert_eq!(d.row, Some(1));
    assert_eq!(d.encoding, "UTF-8 (BOM)");
    assert_eq!(d.fields["province"], "湖北省");
    assert_eq!(d.fields["publish_date"], "2026-01-20");
    // The quoted field spans three lines, CRLF kept as written.
    assert_eq!(
        d.raw,
        "政府工作报告\r\n下载 打印 【字号】\r\n各位代表：现在，我代表省人民政府，向大会报告工作，请予审议。"
    );
    let d = &c.documents[1];
    assert_eq!(d.id, "provinces-layout#2");
    assert_eq!(d.fields["province"], "江苏省");
    assert_eq!(d.fields["title"], "2026年江苏省政府工作报告, 全文");
    assert_eq!(d.raw, "第一段，含有\"引号\"。\r\n\r\n第二段。");
}

#[test]
fn jsonl_documents_with_metadata() {
    let c = load_ok(&fx("docs.jsonl"));
    assert_eq!(c.documents.len(), 2);
    assert_eq!(c.documents[0].id, "j1");
    assert_eq!(c.documents[0].raw, "第一篇");
    assert_eq!(c.documents[0].fields["region"], "hebi");
    assert_eq!(c.documents[0].fields["year"], "2023");
    // Second object is on line 3 (line 2 is blank) and has no id.
    assert_eq!(c.documents[1].id, "docs#3");
    assert_eq!(c.documents[1].fields["tags"], "[\"a\"]");
    assert_eq!(c.documents[1].fields["note"], "");
    assert_eq!(c.fields, ["region", "year", "tags", "note"]);
}

#[test]
fn malformed_jsonl_line_is_an_error_or_skipped() {
    let e = load_err(&fx("malformed.jsonl"), &LoadOptions::default());
    assert!(
        e.starts_with(&format!(
            "{}:2: malformed JSON",
            fx("malformed.jsonl").display()
        )),
        "{e}"
    );
    let opts = LoadOptions {
        skip_bad: true,
        ..Default::default()
    };
    let c = load(&fx("malformed.jsonl"), &opts).unwrap();
    let ids: Vec<_> = c.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["j1", "j3"]);
    assert_eq!(c.skipped.len(), 1);
    assert!(c.skipped[0].reason.starts_with("line 2:"));
}

#[test]
fn csv_errors_name_file_and_line() {
    let e = load_err(&fx("ragged.csv"), &LoadOptions::default());
    // Line 3 is `b,文本二`: 2 fields, header has 3.
    assert!(
        e.starts_with(&format!("{}:3: ragged row", fx("ragged.csv").display())),
        "{e}"
    );
    let e = load_err(&fx("unterminated.csv"), &LoadOptions::default());
    // Record `b,"文本二...` starts on line 3 and its quote is never closed.
    assert!(
        e.starts_with(&format!(
            "{}:3: unterminated",
            fx("unterminated.csv").display()
        )),
        "{e}"
    );
    let e = load_err(&fx("no-text-column.csv"), &LoadOptions::default());
    assert!(
        e.contains("no-text-column.csv:1: missing text column `text`"),
        "{e}"
    );
}

#[test]
fn manifest_naming_a_missing_file() {
    let e = load_err(&fx("manifest-missing"), &LoadOptions::default());
    // corpus.csv line 3 names two.txt, which does not exist.
    let manifest = fx("manifest-missing").join("corpus.csv");
    assert!(
        e.starts_with(&format!(
            "{}:3: file `two.txt` not found",
            manifest.display()
        )),
        "{e}"
    );
}

#[test]
fn undecodable_bytes_error_with_offset() {
    // abc then 0xFF: invalid in UTF-8, GB18030 and Big5, at byte 3.
    let e = load_err(&fx("bad-bytes.txt"), &LoadOptions::default());
    assert!(
        e.starts_with(&format!("{} (byte 3): ", fx("bad-bytes.txt").display())),
        "{e}"
    );
}

#[test]
fn missing_path_and_empty_directory() {
    let e = load_err(&fx("does-not-exist"), &LoadOptions::default());
    assert!(
        e.contains("does-not-exist: no such file or directory"),
        "{e}"
    );
    let e = load_err(&fx("binary-only"), &LoadOptions::default());
    assert!(e.contains("binary-only: no readable documents"), "{e}");
}

#[test]
fn directory_sorted_binary_skipped_empty_kept() {
    let c = load_ok(&fx("mixed-dir"));
    let ids: Vec<_> = c.documents.iter().map(|d| d.id.as_str()).collect();
    // Sorted by file name: a-article.md, b-article.txt, blank.txt, empty.txt
    // (photo.txt is PNG bytes: skipped; image.png: binary, skipped while listing).
    assert_eq!(ids, ["a-article", "b-article", "blank", "empty"]);
    assert_eq!(c.documents[2].raw, "  \n\t\n");
    assert_eq!(c.documents[3].raw, "");
    let skipped: Vec<_> = c
        .skipped
        .iter()
        .map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(skipped, ["image.png", "photo.txt"]);
    assert!(c.skipped.iter().all(|s| s.reason.contains("binary")));
    let strict = LoadOptions {
        strict: true,
        ..Default::default()
    };
    let e = load_err(&fx("mixed-dir"), &strict);
    assert!(e.contains("image.png: binary file"), "{e}");
}

#[test]
fn stream_yields_documents_one_at_a_time() {
    let mut s = stream(&fx("provinces-layout.csv"), &LoadOptions::default()).unwrap();
    assert_eq!(s.next().unwrap().unwrap().fields["province"], "湖北省");
    assert_eq!(s.next().unwrap().unwrap().fields["province"], "江苏省");
    assert!(s.next().is_none());
}

#[test]
fn sample_corpus_manifest_loads_nine_documents() {
    let c = load_ok(&repo("data"));
    assert_eq!(c.documents.len(), 9);
    assert_eq!(
        c.fields,
        ["region", "province", "place", "date", "source", "title"]
    );
    let regions: Vec<_> = c
        .documents
        .iter()
        .map(|d| d.fields["region"].as_str())
        .collect();
    // 000 → 1 (maojian), 001 → 2 (hebi), 002 → 4 (maojian), 003 → 1 (xuzhou), 004 → 1 (donge).
    assert_eq!(
        regions,
        [
            "maojian", "hebi", "hebi", "maojian", "maojian", "maojian", "maojian", "xuzhou",
            "donge"
        ]
    );
    assert!(c.documents.iter().all(|d| d.encoding == "UTF-8"));
    assert_eq!(c.documents[0].id, "maojian-2021-dongcheng");
    assert_eq!(c.documents[0].file, "docs/maojian-2021-dongcheng.txt");
    assert!(c.skipped.is_empty());
}

/// Each seed is cut at the start of a headline line; the pieces keep their trailing blank
/// lines, so concatenating them in manifest order gives back the seed byte for byte.
#[test]
fn sample_corpus_pieces_concatenate_to_the_seeds() {
    let seeds = [
        ("000_8090fde4f5497f2c.txt", vec!["maojian-2021-dongcheng"]),
        (
            "001_0a8221172ae4e7ee.txt",
            vec!["hebi-2023-review", "hebi-2023-dividend"],
        ),
        (
            "002_724fa829d8fdbc3e.txt",
            vec![
                "maojian-2020-red-grid",
                "maojian-2020-poverty",
                "maojian-2020-cadres",
                "maojian-2020-talent",
            ],
        ),
        ("003_75fc18095123bed1.txt", vec!["xuzhou-sanhua-sancu"]),
        ("004_6ecfdae36c6c9fa8.txt", vec!["donge-siti-gongchuang"]),
    ];
    for (seed, pieces) in seeds {
        let raw = std::fs::read(repo("data/raw").join(seed)).unwrap();
        let fixture = std::fs::read(repo("tests/fixtures/seeds").join(seed)).unwrap();
        assert_eq!(
            raw, fixture,
            "data/raw/{seed} differs from the seed fixture"
        );
        let mut joined = Vec::new();
        for (i, id) in pieces.iter().enumerate() {
            let bytes = std::fs::read(repo("data/docs").join(format!("{id}.txt"))).unwrap();
            if i + 1 < pieces.len() {
                // Every piece but the last ends with its last line's newline and one blank line.
                assert!(bytes.ends_with(b"\n\n"), "{id}");
            }
            if i > 0 {
                // Every later piece starts with its headline, not with a blank line.
                assert!(!bytes.starts_with(b"\n"), "{id}");
            }
            joined.extend_from_slice(&bytes);
        }
        assert_eq!(joined, raw, "{seed}");
    }
    // Headlines at the cuts (seen in the seeds by eye: 001 line 73, 002 lines 83, 101, 115).
    let first_line = |id: &str| {
        let s = std::fs::read_to_string(repo("data/docs").join(format!("{id}.txt"))).unwrap();
        s.lines().next().unwrap_or("").to_string()
    };
    assert_eq!(first_line("hebi-2023-dividend"), "发放年终分红");
    assert_eq!(
        first_line("maojian-2020-poverty"),
        "强化党建引领 决战决胜脱贫攻坚"
    );
    assert_eq!(
        first_line("maojian-2020-cadres"),
        "「选育管用」锻造过硬干部队伍"
    );
    assert_eq!(first_line("maojian-2020-talent"), "“引才聚智”打造人才高地");
}

/// Real corpora outside the repository (`/work/shared`, absent on CI): run by hand with
/// `cargo test --test load -- --ignored --nocapture`.
#[test]
#[ignore]
fn real_corpora_by_hand() {
    let provinces = Path::new("/work/shared/corpora/provinces-2026");
    let c = load_ok(provinces);
    println!(
        "provinces-2026: {} documents, fields {:?}, encodings {:?}",
        c.documents.len(),
        c.fields,
        c.documents
            .iter()
            .map(|d| d.encoding.as_str())
            .collect::<std::collections::BTreeSet<_>>()
    );
    assert_eq!(c.documents.len(), 29);
    let sogou = Path::new("/work/shared/corpora/encodings/sogou-news-2012.gbk.dat");
    let c = load_ok(sogou);
    let d = &c.documents[0];
    println!(
        "sogou: {} document(s), {}, {} chars, {} <doc> records",
        c.documents.len(),
        d.encoding,
        d.raw.chars().count(),
        d.raw.matches("<doc>").count()
    );
    // 200 records (`grep -c "<doc>"` on the UTF-8 text), one document each.
    assert_eq!(c.documents.len(), 200);
    assert_eq!(d.encoding, "GB18030");
    assert!(d.raw.contains("公安机关销毁１０余万非法枪支"));
}

#[test]
fn empty_csv_has_no_documents() {
    // A 0-byte .csv alone is a CSV with no rows: zero documents, listed as skipped.
    let c = load_ok(&fx("empty.csv"));
    assert!(c.documents.is_empty());
    assert_eq!(c.skipped.len(), 1);
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any bytes, as a text, CSV or JSONL file, give documents or a one-line error.
        #[test]
        fn any_bytes_load_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let dir = tempfile::tempdir().unwrap();
            for name in ["x.txt", "x.csv", "x.jsonl"] {
                let path = dir.path().join(name);
                std::fs::write(&path, &bytes).unwrap();
                for skip_bad in [false, true] {
                    let opts = LoadOptions { skip_bad, ..Default::default() };
                    if let Err(e) = load(&path, &opts) {
                        prop_assert!(!e.to_string().contains('\n'));
                    }
                }
            }
        }

        /// Text files always decode when the bytes are UTF-8, whatever the content.
        #[test]
        fn utf8_text_round_trips(s in "\\PC{0,80}") {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("doc.md");
            std::fs::write(&path, s.as_bytes()).unwrap();
            let c = load(&path, &LoadOptions::default()).unwrap();
            prop_assert_eq!(&c.documents[0].raw, &s);
        }
    }
}

/// Scale check by hand (`cargo test --test load large_inputs -- --ignored --nocapture`):
/// one 100 MB single-line document, a 100,000-row CSV, 20,000 tiny files.
#[test]
#[ignore]
fn large_inputs_by_hand() {
    use std::io::Write;
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let line = "党建引领基层治理，推进“三治融合”。".repeat(100 * 1024 * 1024 / 51);
    std::fs::write(&big, &line).unwrap();
    let t = Instant::now();
    let c = load_ok(&big);
    println!("single line {} bytes: {:?}", line.len(), t.elapsed());
    assert_eq!(c.documents[0].raw.len(), line.len());

    let csv = dir.path().join("rows.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    writeln!(f, "id,region,text").unwrap();
    for i in 0..100_000 {
        writeln!(f, "d{i},r{},\"第{i}篇，\"\"党建\"\"。\"", i % 7).unwrap();
    }
    drop(f);
    let t = Instant::now();
    let c = load_ok(&csv);
    println!("100,000 CSV rows: {:?}", t.elapsed());
    assert_eq!(c.documents.len(), 100_000);

    let many = dir.path().join("many");
    std::fs::create_dir(&many).unwrap();
    for i in 0..20_000 {
        std::fs::write(many.join(format!("{i:05}.txt")), "小").unwrap();
    }
    let t = Instant::now();
    let c = load_ok(&many);
    println!("20,000 files: {:?}", t.elapsed());
    assert_eq!(c.documents.len(), 20_000);
}

#[test]
fn binary_file_given_directly_is_an_error() {
    // image.png from mixed-dir named directly: an error, not a skip.
    let e = load_err(&fx("mixed-dir/image.png"), &LoadOptions::default());
    assert!(e.contains("image.png: binary file"), "{e}");
}

/// A document id seen twice is an error naming the file of the second and of the first
/// copy (the ids are remembered as 128-bit keys with the index of their file); ids that
/// differ in case, and 10,000 distinct ids, are not duplicates.
#[test]
fn duplicate_ids_name_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let line = |id: &str| format!("{{\"id\": \"{id}\", \"text\": \"党建引领{id}\"}}\n");
    std::fs::write(dir.path().join("a.jsonl"), line("x") + &line("X")).unwrap();
    std::fs::write(dir.path().join("b.jsonl"), line("y") + &line("x")).unwrap();
    let e = load_err(dir.path(), &LoadOptions::default());
    assert!(e.contains("duplicate document id `x`"), "{e}");
    assert!(e.contains("b.jsonl"), "{e}");
    assert!(e.contains("(first in a.jsonl)"), "{e}");

    let one = dir.path().join("one.jsonl");
    std::fs::write(&one, line("甲") + &line("乙") + &line("甲")).unwrap();
    let e = load_err(&one, &LoadOptions::default());
    assert!(
        e.contains("duplicate document id `甲` (first in one.jsonl)"),
        "{e}"
    );

    let many = dir.path().join("many.jsonl");
    let text: String = (0..10_000).map(|i| line(&format!("d{i}"))).collect();
    std::fs::write(&many, text).unwrap();
    assert_eq!(load_ok(&many).documents.len(), 10_000);
}

/// Saved web pages in a directory are documents (their markup is removed by cleaning);
/// other files are skipped with the list of what is read.
#[test]
fn saved_web_pages_in_a_directory_are_documents() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><body><p>推进&ldquo;三社联动&rdquo;。</p></body></html>";
    std::fs::write(dir.path().join("a.html"), page).unwrap();
    std::fs::write(dir.path().join("b.HTM"), "<p>开展“五进”活动。</p>").unwrap();
    std::fs::write(dir.path().join("c.css"), "p { color: red }").unwrap();
    let c = load(dir.path(), &LoadOptions::default()).unwrap();
    let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let text = tifa::clean::clean(&c.documents[0].raw, &Default::default()).text;
    assert_eq!(text, "推进“三社联动”。");
    assert_eq!(c.skipped.len(), 1);
    assert!(
        c.skipped[0].reason.contains(".html"),
        "{}",
        c.skipped[0].reason
    );
}
