//! Cleaning on the raw seed articles. Every expected number was counted by hand on the
//! raw files with grep (the commands are in the comments), not taken from the program.

use proptest::prelude::*;
use std::path::Path;
use tifa::clean::{clean, dedup_across, detect_script, CleanOptions, Cleaned, Script};

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds directory")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    names.sort();
    std::fs::read_to_string(&names[0]).expect("seed file")
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

fn cleaned(prefix: &str) -> (String, Cleaned) {
    let raw = seed(prefix);
    let c = clean(&raw, &CleanOptions::default());
    (raw, c)
}

fn paragraphs(c: &Cleaned) -> Vec<&str> {
    c.paragraphs.iter().map(|r| &c.text[r.clone()]).collect()
}

/// Characters of the Traditional seed 003 that only exist in Traditional script; each
/// occurs in raw 003 (`grep -o 黨 003*.txt | wc -l` = 78, 國 1, 區 35, 發 25, 經 25, 濟 8,
/// 開 23, 與 8, 為 15, 個 11, 會 2, 從 5, 實 14, 組 14, 織 12, 體 4, 業 7, 務 11, 過 5,
/// 質 8, 進 15, 題 5, 報 1, 產 3, 帶 2, 處 1, 領 11, 設 14).
const TRADITIONAL_ONLY: &str = "黨國區發經濟開與為個會從實組織體業務過質進題報產帶處領設";

#[test]
fn seed_003_reads_as_simplified_without_pinyin() {
    let (raw, c) = cleaned("003");
    assert_eq!(detect_script(&raw), Script::Traditional);
    assert_eq!(c.script, Script::Traditional);
    for ch in TRADITIONAL_ONLY.chars() {
        assert!(raw.contains(ch), "{ch} is in raw 003");
        assert!(!c.text.contains(ch), "{ch} left in cleaned 003");
    }
    // No gloss: no bracket followed by a tone-marked letter.
    let toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    let mut prev = ' ';
    for ch in c.text.chars() {
        assert!(
            !((prev == '(' || prev == '（') && toned.contains(ch)),
            "gloss left"
        );
        prev = ch;
    }
    // `grep -o 黨建 003*.txt | wc -l` = 40; `grep -o 党建 003*.txt | wc -l` = 0.
    assert_eq!(count(&raw, "黨建"), 40);
    assert_eq!(count(&c.text, "党建"), 40);
    // `grep -o 兩張皮 003*.txt | wc -l` = 1.
    assert_eq!(count(&c.text, "两张皮"), 1);
    assert_eq!(count(&c.text, "兩張皮"), 0);
    assert!(c.text.contains("发展") && c.text.contains("开发区"));
}

#[test]
fn seed_003_report_matches_hand_counts() {
    let (_, c) = cleaned("003");
    // Glosses: `grep -oP '\p{Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)' 003*.txt | wc -l` = 99
    // = (qū) 35 + (fā) 25 + (chuàng) 10 + (yè) 7 + (zhàn) 4 + (guī) 3 + (jié) 3 + (tǒng) 3
    //   + (huán) 2 + (wěn) 2 + (zhèn) 2 + (tài) 1 + (yōu) 1 + (yǎng) 1.
    assert_eq!(c.report.pinyin_glosses, 99);
    // 003 has 21 non-empty lines (`grep -c . 003*.txt`), none dropped, none joined
    // (every line ends with 。 or is a heading), no repeats, no full-width letters.
    assert_eq!(c.paragraphs.len(), 21);
    assert_eq!(c.report.dropped_lines, 0);
    assert_eq!(c.report.rejoined, 0);
    assert_eq!(c.report.dup_paragraphs + c.report.dup_sentences, 0);
    assert_eq!(c.report.width_chars, 0);
    // At least every 黨 (78) was simplified.
    assert!(c.report.simplified_chars >= 78);
}

#[test]
fn offsets_map_back_to_the_raw_characters() {
    let (raw, c) = cleaned("003");
    let mut seen = 0;
    for (i, ch) in c.text.char_indices() {
        let want = match ch {
            '党' => '黨',
            '区' => '區',
            '发' => '發',
            _ => continue,
        };
        let r = c.map.to_raw(i);
        assert!(
            raw[r..].starts_with(want),
            "{ch} at {i} maps to {:?}",
            &raw[r..r + 3]
        );
        seen += 1;
    }
    assert!(seen > 100);
    let i = c.text.find("两张皮").expect("两张皮");
    assert!(raw[c.map.to_raw(i)..].starts_with("兩張皮"));
    // 000 has no replacements: every cleaned character maps to the same raw character,
    // across dropped lines and the rejoined page break.
    let (raw, c) = cleaned("000");
    for (i, ch) in c.text.char_indices() {
        if ch == '\n' {
            continue;
        }
        assert!(raw[c.map.to_raw(i)..].starts_with(ch), "{ch} at {i}");
    }
    let i = c.text.find("联点各项工作").expect("rejoined");
    assert!(raw[c.map.to_raw(i)..].starts_with("联点各项工作"));
    let whole = c.map.range_to_raw(i..i + "联点".len());
    assert_eq!(&raw[whole], "联点");
}

#[test]
fn seed_000_page_break_rejoined_and_masthead_dropped() {
    let (raw, c) = cleaned("000");
    // Raw: line 38 ends "…对包", line 40 starts "联点各项工作…" (blank line 39 between).
    assert!(!raw.contains("对包联点各项工作"));
    assert!(c.text.contains("对包联点各项工作"));
    // Line 58 "…近年来,东城开发区" continues on line 60 "坚持全区工业经济…".
    assert!(c.text.contains("东城开发区坚持全区工业经济"));
    assert_eq!(c.report.rejoined, 2);
    // Dropped by hand: "The 100th Anniversary of the Founding of", "The Communist Party
    // of China", "SHIYAN DAILY", "T40".
    assert_eq!(c.report.dropped_lines, 4);
    assert!(!c.text.contains("SHIYAN") && !c.text.contains("T40"));
    // The byline 记者马胜江 通讯员张赛 侯影 is identified and kept.
    assert_eq!(c.report.captions, 1);
    assert!(c.text.contains("记者马胜江"));
    // Headings stay separate paragraphs.
    let ps = paragraphs(&c);
    assert!(ps.contains(&"三点发力"));
    assert!(ps.contains(&"唱响乡村振兴“最强音”"));
    assert!(ps.contains(&"多方联动"));
}

#[test]
fn seed_001_dividend_story_once() {
    let (raw, c) = cleaned("001");
    // `grep -o 崔新贵说 001*.txt | wc -l` = 2 (lines 77 and 85).
    assert_eq!(count(&raw, "崔新贵说"), 2);
    assert_eq!(count(&c.text, "崔新贵说"), 1);
    // Line 79 = line 87 (朝阳街道三海社区相关负责人介绍…).
    assert_eq!(count(&raw, "朝阳街道三海社区相关负责人介绍"), 2);
    assert_eq!(count(&c.text, "朝阳街道三海社区相关负责人介绍"), 1);
    // "…逐一签" (line 81) + "字,按手印…" (line 83) rejoined; the torn first copy
    // "字,按手印…" (line 75) and the cut-off tail "在分红现场,居民们有序" (line 89) are
    // parts of that paragraph and removed: 2 exact + 2 fragments = 4.
    assert_eq!(count(&c.text, "逐一签字,按手印"), 1);
    assert_eq!(count(&c.text, "按手印"), 1);
    assert_eq!(c.report.dup_paragraphs, 4);
    // Page breaks: 21→23 (群/众), 39→41 (清单/化管理), 53→55 (投入/资金), 81→83.
    assert_eq!(c.report.rejoined, 4);
    assert!(c.text.contains("走访党员干部群众1500人"));
    assert!(c.text.contains("实行清单化管理"));
    // Heading and the byline stay.
    assert!(paragraphs(&c).contains(&"发放年终分红"));
}

#[test]
fn seed_002_tripled_sentence_once() {
    let (raw, c) = cleaned("002");
    // `grep -o 人才流动党校 002*.txt | wc -l` = 3, all in line 123, in the sentence
    // "2018年4月,举办“人才流动党校”,…进行培养。" written three times back to back.
    assert_eq!(count(&raw, "人才流动党校"), 3);
    assert_eq!(count(&c.text, "人才流动党校"), 1);
    assert_eq!(c.report.dup_sentences, 2);
    // "网格党支部把社区" (line 31) + "工作者、住户…" (line 33).
    assert!(c.text.contains("网格党支部把社区工作者"));
    // Six page breaks by hand: 31→33, 35→37, 47→49, 69→71, 75→77, 91→93.
    assert_eq!(c.report.rejoined, 6);
    // 4 bylines (lines 7, 85, 103, 117) + 2 captions with (左二)/(左一) (lines 11, 15).
    assert_eq!(c.report.captions, 6);
    assert!(paragraphs(&c).contains(&"强化党建引领 决战决胜脱贫攻坚"));
}

#[test]
fn seed_004_is_left_alone() {
    let (raw, c) = cleaned("004");
    // 004 has no known artefacts: 29 lines (`grep -c . 004*.txt`), all kept as they are.
    assert_eq!(c.paragraphs.len(), 29);
    assert_eq!(c.script, Script::Simplified);
    let lines: Vec<&str> = raw.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(paragraphs(&c), lines);
}

/// A Traditional headline in a Simplified document (as scraped from a Hong Kong page).
const TRADITIONAL_HEADLINE: &str =
    "踐行“三個表率” 爭做“四個模范” 創建讓黨中央放心、讓人民群眾滿意的模范機關。";
/// The same converted by hand: 踐践 個个 爭争 個个 創创 讓让 黨党 讓让 眾众 滿满 機机 關关.
const HEADLINE_SIMPLIFIED: &str =
    "践行“三个表率” 争做“四个模范” 创建让党中央放心、让人民群众满意的模范机关。";

#[test]
fn a_traditional_paragraph_of_a_simplified_document_is_simplified() {
    // Seed 004 has 2887 Han characters, all read by the script sample; seed 002 has 5649,
    // so its last paragraph lies beyond the sample and is found by the marker scan.
    for prefix in ["004", "002"] {
        let raw = format!(
            "{}\n{TRADITIONAL_HEADLINE}\n争当“三个表率”。\n",
            seed(prefix)
        );
        let c = clean(&raw, &CleanOptions::default());
        assert_eq!(c.script, Script::Simplified, "{prefix}");
        assert!(paragraphs(&c).contains(&HEADLINE_SIMPLIFIED), "{prefix}");
        assert_eq!(c.report.simplified_chars, 12, "{prefix}");
        assert_eq!(count(&c.text, "三个表率"), 2, "{prefix}");
        // The rest of the document is as without the headline.
        let alone = clean(&seed(prefix), &CleanOptions::default());
        assert!(c.text.starts_with(&alone.text), "{prefix}");
        let again = clean(&c.text, &CleanOptions::default());
        assert_eq!(again.text, c.text, "{prefix}: idempotent");
    }
}

#[test]
fn one_character_that_t2s_changes_leaves_a_simplified_paragraph_alone() {
    // 乾 of 乾坤 is also Simplified; t2s alone would make it 干.
    for prefix in ["004", "002"] {
        let raw = format!("{}\n清风正气满乾坤——党章中的作风建设\n", seed(prefix));
        let c = clean(&raw, &CleanOptions::default());
        assert!(
            c.text.ends_with("清风正气满乾坤——党章中的作风建设"),
            "{prefix}"
        );
        assert_eq!(c.report.simplified_chars, 0, "{prefix}");
    }
}

#[test]
fn full_width_and_whitespace() {
    let c = clean(
        "建立“１＋５＋Ｎ”工作机制，  推动　发展。\n",
        &CleanOptions::default(),
    );
    assert_eq!(c.text, "建立“1+5+N”工作机制， 推动 发展。");
    assert_eq!(c.report.width_chars, 5);
    // Switched off, the text is only split into trimmed lines.
    let off = CleanOptions {
        markup: false,
        width: false,
        simplify: false,
        pinyin: false,
        rejoin: false,
        dedup: false,
        drop_nontext: false,
    };
    let c = clean(" 發(fā)展１\n\nSHIYAN DAILY\n", &off);
    assert_eq!(c.text, "發(fā)展１\nSHIYAN DAILY");
    assert_eq!(c.script, Script::Unknown);
}

#[test]
fn real_brackets_stay() {
    let c = clean(
        "以村(社区)党组织为抓手，一刻钟(15分钟)便民生活圈，區(qū)里。",
        &CleanOptions::default(),
    );
    assert_eq!(
        c.text,
        "以村(社区)党组织为抓手，一刻钟(15分钟)便民生活圈，區里。"
    );
    assert_eq!(c.report.pinyin_glosses, 1);
}

#[test]
fn page_chrome_of_provincial_reports_is_dropped() {
    let raw = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n\
               各位代表：\n现在，我代表省人民政府，向大会报告工作。\n相关报道：\n";
    let c = clean(raw, &CleanOptions::default());
    // 9 chrome lines at the top + 相关报道： at the end.
    assert_eq!(c.report.dropped_lines, 10);
    assert_eq!(
        c.text,
        "2026年某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。"
    );
}

#[test]
fn site_footers_are_dropped_and_cleaning_stays_idempotent() {
    // Two articles in one file, each with its site's footer, one of them in full-width
    // letters (ＩＣＰ becomes ICP only in the width step).
    let raw = "第一篇文章的标题\n社区党组织带领居民开展志愿服务。\n\
               版权声明：本文章版权归属某某网所有，未经授权不得转载。\n\
               第二篇文章的标题\n村党支部推动乡村振兴取得新成效。\n\
               网站标识码：1234000001\n京ＩＣＰ备05070218号\n";
    let opts = CleanOptions::default();
    let c = clean(raw, &opts);
    assert_eq!(c.report.dropped_lines, 3);
    assert_eq!(
        c.text,
        "第一篇文章的标题\n社区党组织带领居民开展志愿服务。\n\
         第二篇文章的标题\n村党支部推动乡村振兴取得新成效。"
    );
    assert_eq!(clean(&c.text, &opts).text, c.text);
    // Without any footer phrase in the document nothing is dropped.
    let plain = "加强知识产权保护。\n完善版权登记制度。";
    assert_eq!(clean(plain, &opts).report.dropped_lines, 0);
}

#[test]
fn markup_of_scraped_pages_is_removed_and_counted() {
    // The Sogou news dump (GBK, pseudo-XML): 14 records of <doc><url><docno><contenttitle>
    // <content>, each element opened and closed, after one <doclist>. Counted with
    // `iconv -f GB18030 -t UTF-8 sogou-prefix.gbk.dat | grep -oE "<[^>]*>" | wc -l`: 141.
    // The file as one text (the loader splits it into its records; here cleaning alone
    // meets the markup).
    let bytes = std::fs::read(Path::new("tests/fixtures/load/sogou-prefix.gbk.dat")).unwrap();
    let raw = tifa::load::encoding::decode_owned(bytes, None)
        .ok()
        .unwrap()
        .text;
    let opts = CleanOptions::default();
    let c = clean(&raw, &opts);
    assert_eq!(c.report.markup, 141);
    assert!(!c.text.contains('<') && !c.text.contains("contenttitle"));
    // Each title now stands on its own line: the first record's.
    assert!(paragraphs(&c).contains(&"公安机关销毁10余万非法枪支 跨国武器走私渐起"));
    // The <url> and <docno> lines, no longer inside a text line, are dropped as non-text.
    assert_eq!(c.report.dropped_lines, 28);
    assert_eq!(clean(&c.text, &opts).text, c.text);
    // An HTML page: entities decoded, tags gone, paragraphs kept apart.
    let page = "<html><head><title>标题</title><script>var a = \"<p>\";</script></head>\
                <body><p>社区&ldquo;红色物业&rdquo;&nbsp;服务居民。</p><p>第二段。</p></body></html>";
    let c = clean(page, &opts);
    assert_eq!(
        paragraphs(&c),
        ["标题", "社区“红色物业” 服务居民。", "第二段。"]
    );
    // <html> <head> <title> </title> <script>…</script> </head> <body> <p> </p> <p> </p>
    // </body> </html>: 13 tags; &ldquo; &rdquo; &nbsp;: 3 entities.
    assert_eq!(c.report.markup, 16);
    let kept = clean(
        page,
        &CleanOptions {
            markup: false,
            ..opts
        },
    );
    assert_eq!(kept.report.markup, 0);
    assert!(kept.text.contains("&nbsp;"));
}

#[test]
fn carriage_returns_end_lines_like_line_feeds() {
    // Every seed with its line feeds written as CRLF (Windows) and as a lone CR (old Mac
    // exports): the same cleaned text, paragraphs and report as with line feeds.
    for prefix in ["000", "001", "002", "003", "004"] {
        let raw = seed(prefix);
        let lf = clean(&raw, &CleanOptions::default());
        for sep in ["\r\n", "\r"] {
            let other = clean(&raw.replace('\n', sep), &CleanOptions::default());
            assert_eq!(other.text, lf.text, "{prefix} with {sep:?}");
            assert_eq!(paragraphs(&other), paragraphs(&lf), "{prefix} with {sep:?}");
            assert_eq!(other.report, lf.report, "{prefix} with {sep:?}");
        }
    }
    // By hand: a paragraph of 31 characters (over the 20 of a duplicate), then a short
    // one, then the first again, separated by lone CRs: the repeat is one duplicate.
    let p = "各地积极推进“三治融合”工作，不断提升基层治理水平和群众满意度。";
    let c = clean(
        &format!("{p}\r坚持党建引领。\r{p}\r"),
        &CleanOptions::default(),
    );
    assert_eq!(c.report.dup_paragraphs, 1);
    assert_eq!(c.text, format!("{p}\n坚持党建引领。"));
}

#[test]
fn cross_document_duplicates() {
    let shared = "茅箭区突出党建引领，以红色网格为抓手，构建共建共治共享的社会治理格局，\
                  让群众办事不再求人，社区面貌焕然一新，各方内生动力充分激发。";
    // shared is 65 characters (`len()` of the string in Python): above MIN_CROSS_CHARS = 50.
    assert!(shared.chars().count() >= tifa::clean::MIN_CROSS_CHARS);
    let a = format!("甲文标题\n{shared}\n甲文独有的一段话，内容不同。");
    let b = format!("乙文标题\n乙文开头的一段话，内容不同。\n{shared}");
    let opts = CleanOptions::default();
    let mut docs = vec![clean(&a, &opts), clean(&b, &opts), clean(&a, &opts)];
    let ids: Vec<String> = ["a", "b", "a2"].iter().map(|s| s.to_string()).collect();
    let dups = dedup_across(&mut docs, &ids);
    assert_eq!(dups.len(), 2);
    assert_eq!(dups[0].doc, "b");
    assert_eq!(dups[0].paragraph, Some(2));
    assert_eq!(dups[0].first_doc, "a");
    assert_eq!(dups[0].first_paragraph, Some(1));
    assert_eq!(docs[1].text, "乙文标题\n乙文开头的一段话，内容不同。");
    assert_eq!(docs[1].paragraphs.len(), 2);
    assert_eq!(docs[1].report.cross_dup_paragraphs, 1);
    // The map of the shortened document still points at its raw text.
    let i = docs[1].text.find("乙文开头").expect("kept");
    assert!(b[docs[1].map.to_raw(i)..].starts_with("乙文开头"));
    // The third document is a copy of the first.
    assert_eq!(dups[1].doc, "a2");
    assert_eq!(dups[1].paragraph, None);
    assert_eq!(dups[1].first_doc, "a");
    assert!(docs[2].text.is_empty() && docs[2].report.cross_dup_document);
    // Headings are never cross duplicates.
    let mut docs = vec![
        clean("三点发力\n甲。", &opts),
        clean("三点发力\n乙。", &opts),
    ];
    assert!(dedup_across(&mut docs, &ids).is_empty());
}

#[test]
fn cleaning_the_seeds_is_idempotent() {
    for p in ["000", "001", "002", "003", "004"] {
        let (_, c) = cleaned(p);
        let again = clean(&c.text, &CleanOptions::default());
        assert_eq!(again.text, c.text, "seed {p}");
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("党建".to_string()),
        Just("黨建".to_string()),
        Just("發".to_string()),
        Just("(fā)".to_string()),
        Just("（qū）".to_string()),
        Just("(ｆā)".to_string()),
        Just("１＋５＋Ｎ".to_string()),
        Just("(社区)".to_string()),
        Just("，".to_string()),
        Just(",".to_string()),
        Just("。".to_string()),
        Just("”".to_string()),
        Just("“".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        Just("　".to_string()),
        Just("T40".to_string()),
        Just("打印".to_string()),
        Just("记者".to_string()),
        Just("(左二)".to_string()),
        Just("推进各村工作扎实推进".to_string()),
        Just("2018年4月,举办“人才流动党校”,进行培养。".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<b>".to_string()),
        Just("<a href=\"x.htm?a=1&amp;b=2\">".to_string()),
        Just("&nbsp;".to_string()),
        Just("&amp;".to_string()),
        Just("lt;".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("&".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        "[a-zāá()（）\\p{Han}]{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn idempotent_on_mixed_text(parts in prop::collection::vec(fragment(), 0..40)) {
        let raw = parts.concat();
        let once = clean(&raw, &CleanOptions::default());
        let twice = clean(&once.text, &CleanOptions::default());
        prop_assert_eq!(&twice.text, &once.text);
        for (i, _) in once.text.char_indices() {
            prop_assert!(once.map.to_raw(i) <= raw.len());
        }
        for r in &once.paragraphs {
            prop_assert!(!once.text[r.clone()].is_empty());
        }
    }

    #[test]
    fn never_panics(raw in any::<String>()) {
        let once = clean(&raw, &CleanOptions::default());
        let twice = clean(&once.text, &CleanOptions::default());
        prop_assert_eq!(twice.text, once.text);
    }
}

#[test]
fn empty_and_english_only_input() {
    let c = clean("", &CleanOptions::default());
    assert!(c.text.is_empty() && c.paragraphs.is_empty());
    assert_eq!(c.script, Script::Unknown);
    let c = clean(" \n\u{3000}\n\n", &CleanOptions::default());
    assert!(c.text.is_empty() && c.paragraphs.is_empty());
    // A document of English lines only keeps them (nothing else would be left).
    let c = clean("SHIYAN DAILY\nT40\n", &CleanOptions::default());
    assert_eq!(c.text, "SHIYAN DAILY\nT40");
    assert_eq!(c.report.dropped_lines, 0);
}

#[test]
fn image_links_dropped_and_their_captions_counted() {
    // The layout of corpora/news/*.md: image link, blank line, caption, blank line.
    let raw = "今年是中国共产党成立104周年，各地博物馆举办活动。\n\n\
               ![](https://example.org/a.jpg)\n\n\
               东北烈士纪念馆巡展\n\n\
               阵地宣传如火如荼，各地巡展反响热烈。\n";
    let c = clean(raw, &CleanOptions::default());
    assert_eq!(c.report.dropped_lines, 1); // the image link
    assert_eq!(c.report.captions, 1); // the short line after it
    assert_eq!(c.paragraphs.len(), 3);
    assert!(!c.text.contains("https"));
}

#[test]
fn each_step_can_be_switched_off() {
    let raw = seed("003");
    let all = CleanOptions::default();
    let c = clean(
        &raw,
        &CleanOptions {
            pinyin: false,
            ..all.clone()
        },
    );
    assert_eq!(c.report.pinyin_glosses, 0);
    // The glosses stay (simplified along with the text): (fā) 25 times, as in raw.
    assert_eq!(count(&c.text, "(fā)"), 25);
    let c = clean(
        &raw,
        &CleanOptions {
            simplify: false,
            ..all.clone()
        },
    );
    assert_eq!(c.report.simplified_chars, 0);
    assert_eq!(count(&c.text, "黨建"), 40);
    let raw = seed("001");
    let c = clean(
        &raw,
        &CleanOptions {
            dedup: false,
            ..all.clone()
        },
    );
    assert_eq!(count(&c.text, "崔新贵说"), 2);
    assert_eq!(c.report.dup_paragraphs, 0);
    let c = clean(
        &raw,
        &CleanOptions {
            rejoin: false,
            ..all.clone()
        },
    );
    assert_eq!(c.report.rejoined, 0);
    assert!(!c.text.contains("走访党员干部群众1500人"));
    let raw = seed("000");
    let c = clean(
        &raw,
        &CleanOptions {
            drop_nontext: false,
            ..all
        },
    );
    assert_eq!(c.report.dropped_lines, 0);
    assert!(c.text.contains("SHIYAN DAILY"));
}

/// A page that glosses every character with toneless pinyin (seen on a mirrored journal
/// page): every gloss goes, repeated ones too, and the count is the number of brackets.
#[test]
fn toneless_glosses_are_removed_from_a_page_full_of_them() {
    let raw = "文(wen)章(zhang)來源：國資(zi)報告\n\
               部分企業(ye)工(gong)作(zuo)(zuo)在(zai)(zai)工作部署上“各定各調(diao)”。";
    let c = clean(raw, &CleanOptions::default());
    assert_eq!(
        c.text,
        "文章来源：国资报告\n部分企业工作在工作部署上“各定各调”。"
    );
    // wen, zhang, zi; ye, gong, zuo, zuo, zai, zai, diao: counted by hand.
    assert_eq!(c.report.pinyin_glosses, 10);
    let twice = clean(&c.text, &CleanOptions::default());
    assert_eq!(twice.text, c.text);
    // Two toneless brackets are not enough to call them glosses; a toned one is always
    // one, and counts as the third.
    let c = clean(
        "鼓励創(chuang)新和發(fa)展，發揮作用。",
        &CleanOptions::default(),
    );
    assert_eq!(c.text, "鼓励创(chuang)新和发(fa)展，发挥作用。");
    let c = clean(
        "鼓励創(chuang)新和發(fa)展，發(fā)揮作用。",
        &CleanOptions::default(),
    );
    assert_eq!(c.text, "鼓励创新和发展，发挥作用。");
}

/// Page chrome of a scraped article page (buttons side by side, a breadcrumb, editor
/// credits, a document site's paywall line): nine lines dropped, counted by hand.
#[test]
fn chrome_lines_of_a_scraped_page_are_dropped() {
    let raw = "当前位置:中国和平统一促进会 > 2020年第三期 > 正文\n\
               字号: [小] [中] [大] 打印本页 关闭窗口\n\
               两岸关系严重倒退。面对日益“绿化”的岛内政治生态，分子欣喜若狂。\n\
               手机版\n\
               共产党员网 打印 纠错\n\
               【引言】党的十八大以来，要以提升组织力为重点。\n\
               初审编辑:\n\
               责任编辑:孙秀利\n\
               版权说明:本文档由用户提供并上传\n\
               已阅读5页,还剩17页未读 继续免费阅读\n\
               下载本文档";
    let c = clean(raw, &CleanOptions::default());
    assert_eq!(
        c.text,
        "两岸关系严重倒退。面对日益“绿化”的岛内政治生态，分子欣喜若狂。\n\
         【引言】党的十八大以来，要以提升组织力为重点。"
    );
    assert_eq!(c.report.dropped_lines, 9);
    assert_eq!(clean(&c.text, &CleanOptions::default()).text, c.text);
}
