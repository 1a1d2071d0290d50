//! Accuracy of slogan extraction against the hand-checked gold annotations of the five seed
//! articles (`tests/fixtures/gold/README.md` defines the scoring), and expansion checks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tifa::slogans::{
    expand, extract, extract_with_lexicon, recognise_known_with, Consistency, Expansion,
    KnownGuard, Lexicon, Mention,
};

/// The cleaned text of a raw fixture, exactly as `tifa` cleans it.
fn cleaned(raw: &str) -> String {
    tifa::clean::clean(raw, &tifa::clean::CleanOptions::default()).text
}

#[derive(Debug, serde::Deserialize)]
struct Gold {
    file: String,
    normalized: String,
    kind: String,
    status: String,
    expansion: Vec<String>,
}

fn gold(path: &str) -> Vec<Gold> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut g: Gold = serde_json::from_str(l).unwrap();
            // The gold README's normalised form has no quotation marks; one line of the
            // Sichuan gold kept those of a quotation inside a quotation
            // (开展专项债券项目‘自审自发’试点), which tifa drops.
            g.normalized
                .retain(|c| !matches!(c, '‘' | '’' | '『' | '』'));
            g
        })
        .collect()
}

/// Recall and precision counts of one scoring run.
#[derive(Default, Debug)]
struct Score {
    formula: (usize, usize),
    quoted: (usize, usize),
    precision: (usize, usize),
    missed: Vec<String>,
    spurious: Vec<String>,
}

/// Scores per file exactly as the gold README says: normalised strings, exact equality.
/// Rules only (or rules + lexicon), each file on its own.
fn score(gold: &[Gold], text_of: &dyn Fn(&str) -> String, lexicon: Option<&Lexicon>) -> Score {
    let files: BTreeSet<&str> = gold.iter().map(|g| g.file.as_str()).collect();
    let found = files
        .into_iter()
        .map(|f| {
            let text = text_of(f);
            let mentions = match lexicon {
                Some(l) => extract_with_lexicon(&text, l),
                None => extract(&text),
            };
            (f.to_string(), names(&mentions))
        })
        .collect();
    score_found(gold, &found)
}

fn names(ms: &[Mention]) -> BTreeSet<String> {
    ms.iter().map(|m| m.normalized.clone()).collect()
}

/// Rules per file, then the corpus pass (`recognise_known_with`) over all the files of the
/// gold set together, as `tifa` runs it; scored per file.
fn score_corpus(gold: &[Gold], text_of: &dyn Fn(&str) -> String, guard: KnownGuard) -> Score {
    let files: Vec<&str> = gold
        .iter()
        .map(|g| g.file.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let texts: Vec<String> = files.iter().map(|f| text_of(f)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut ms: Vec<Vec<Mention>> = refs.iter().map(|t| extract(t)).collect();
    recognise_known_with(&refs, &mut ms, guard);
    let found = files
        .iter()
        .zip(&ms)
        .map(|(f, m)| (f.to_string(), names(m)))
        .collect();
    score_found(gold, &found)
}

/// Scores the strings found per file against the gold lines of that file.
fn score_found(gold: &[Gold], found: &BTreeMap<String, BTreeSet<String>>) -> Score {
    let mut s = Score::default();
    for (f, found) in found {
        let lines: Vec<&Gold> = gold.iter().filter(|g| &g.file == f).collect();
        for g in lines.iter().filter(|g| g.status == "required") {
            let hit = found.contains(&g.normalized);
            let slot = if g.kind == "quoted_slogan" {
                &mut s.quoted
            } else {
                &mut s.formula
            };
            slot.1 += 1;
            if hit {
                slot.0 += 1;
            } else {
                s.missed.push(format!("{f}: {} ({})", g.normalized, g.kind));
            }
        }
        for n in found {
            s.precision.1 += 1;
            if lines.iter().any(|g| &g.normalized == n) {
                s.precision.0 += 1;
            } else {
                s.spurious.push(format!("{f}: {n}"));
            }
        }
    }
    s
}

fn ratio(x: (usize, usize)) -> f64 {
    if x.1 == 0 {
        1.0
    } else {
        x.0 as f64 / x.1 as f64
    }
}

fn report(name: &str, s: &Score) -> (f64, f64, f64) {
    let (rf, rq, p) = (ratio(s.formula), ratio(s.quoted), ratio(s.precision));
    println!("== {name}");
    println!("recall formulas {}/{} = {rf:.3}", s.formula.0, s.formula.1);
    println!("recall quoted   {}/{} = {rq:.3}", s.quoted.0, s.quoted.1);
    println!(
        "precision       {}/{} = {p:.3}",
        s.precision.0, s.precision.1
    );
    println!("missed: {:#?}", s.missed);
    println!("spurious: {:#?}", s.spurious);
    (rf, rq, p)
}

fn seed_text(file: &str) -> String {
    let raw = std::fs::read_to_string(Path::new("tests/fixtures/seeds").join(file)).unwrap();
    cleaned(&raw)
}

#[test]
fn seeds_gold_accuracy() {
    let g = gold("tests/fixtures/gold/seeds_gold.jsonl");
    // Rules only: the extractor carries no lexicon, so this is the rule-only figure.
    let s = score(&g, &seed_text, None);
    let (rf, rq, p) = report("seeds (rules only)", &s);
    let lex = Lexicon::builtin();
    let (lf, lq, lp) = report(
        "seeds (rules + lexicon)",
        &score(&g, &seed_text, Some(&lex)),
    );
    assert!(
        lf >= 0.95 && lq >= 0.95 && lp >= 0.95,
        "with lexicon: {lf:.3} {lq:.3} {lp:.3}"
    );
    assert!(rf >= 0.95, "formula recall {rf:.3} < 0.95");
    assert!(rq >= 0.95, "quoted-slogan recall {rq:.3} < 0.95");
    assert!(p >= 0.95, "precision {p:.3} < 0.95");
}

/// The best expansion over all occurrences: a consistent one, else the longest.
fn best_expansion(text: &str, ms: &[Mention]) -> Expansion {
    let mut best = Expansion {
        components: Vec::new(),
        consistency: Consistency::Undefined,
    };
    for m in ms {
        let e = expand(text, m);
        if best.consistency != Consistency::Ok
            && (e.consistency == Consistency::Ok || e.components.len() > best.components.len())
        {
            best = e;
        }
    }
    best
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn seeds_gold_expansions() {
    let g = gold("tests/fixtures/gold/seeds_gold.jsonl");
    let must_be_ok = [
        "三治融合",
        "三个思维",
        "六联六促",
        "五项权利",
        "3个1",
        "三化",
        "三化三促",
        "三点发力",
        "四大工程",
    ];
    let (mut found, mut exact, mut total) = (0, 0, 0);
    let mut not_ok: Vec<String> = Vec::new();
    for line in g
        .iter()
        .filter(|l| l.status == "required" && !l.expansion.is_empty())
    {
        let text = seed_text(&line.file);
        let ms: Vec<Mention> = extract(&text)
            .into_iter()
            .filter(|m| m.normalized == line.normalized)
            .collect();
        let e = best_expansion(&text, &ms);
        let comps: Vec<String> = e.components.iter().map(|c| squash(c)).collect();
        // A gold component is found when a found component equals it, contains it or is
        // contained in it (found lists keep verbs such as 深化社区 or 以组织联抓促队伍融合).
        let hits = line
            .expansion
            .iter()
            .filter(|gc| {
                let gc = squash(gc);
                comps
                    .iter()
                    .any(|c| c == &gc || c.contains(&gc) || gc.contains(c.as_str()))
            })
            .count();
        // Exactly: a found component equals the gold one (a verb or subject left on it is
        // a miss here).
        let same = line
            .expansion
            .iter()
            .filter(|gc| comps.contains(&squash(gc)))
            .count();
        println!(
            "{} {}: {}/{} ({} exact) {:?} {:?}",
            line.file,
            line.normalized,
            hits,
            line.expansion.len(),
            same,
            e.consistency,
            e.components
        );
        found += hits;
        exact += same;
        total += line.expansion.len();
        if must_be_ok.contains(&line.normalized.as_str()) && e.consistency != Consistency::Ok {
            not_ok.push(line.normalized.clone());
        }
    }
    let r = found as f64 / total as f64;
    let x = exact as f64 / total as f64;
    println!(
        "expansion components found {found}/{total} = {r:.3}, exactly {exact}/{total} = {x:.3}"
    );
    assert!(r >= 0.80, "expansion components {r:.3} < 0.80");
    // 95 of 98 on 2026-12-07; the three left keep a word the gold cuts.
    assert!(x >= 0.95, "exact expansion components {x:.3} < 0.95");
    assert!(not_ok.is_empty(), "consistency not ok for {not_ok:?}");
}

#[test]
fn provinces_sample_generalisation() {
    // Three unseen provincial reports (first 300 lines), hand-annotated independently of the
    // extractor: see tests/fixtures/slogans/README.md. Targets for unseen text: recall 0.92
    // (formulas), 0.85 (quoted slogans), precision 0.90.
    let g = gold("tests/fixtures/slogans/provinces_sample.jsonl");
    let text = |f: &str| {
        let raw = std::fs::read_to_string(Path::new("tests/fixtures/slogans").join(f)).unwrap();
        cleaned(&raw)
    };
    let s = score(&g, &text, None);
    let (rf, rq, p) = report("provinces sample (rules only)", &s);
    let lex = Lexicon::builtin();
    report(
        "provinces sample (rules + lexicon)",
        &score(&g, &text, Some(&lex)),
    );
    assert!(rf >= 0.92, "formula recall {rf:.3} < 0.92");
    assert!(rq >= 0.85, "quoted-slogan recall {rq:.3} < 0.85");
    assert!(p >= 0.90, "precision {p:.3} < 0.90");
}

#[test]
fn provinces_heldout_figures() {
    // 上海 2026 report (whole text), annotated before the extractor was ever run on it. First
    // score, before any change: formulas 39/41 = 0.951, quoted 32/36 = 0.889, precision
    // 89/95 = 0.937. One rule was then narrowed because of it (only two-character units split
    // over quotes are merged: “上海标准”、“上海品牌” are two brands), so it is no longer
    // strictly held out. Held to the generalisation targets.
    let g = gold("tests/fixtures/slogans/provinces_heldout.jsonl");
    let text = |f: &str| {
        let raw = std::fs::read_to_string(Path::new("tests/fixtures/slogans").join(f)).unwrap();
        cleaned(&raw)
    };
    let (rf, rq, p) = report("held-out 上海 (rules only)", &score(&g, &text, None));
    let lex = Lexicon::builtin();
    report(
        "held-out 上海 (rules + lexicon)",
        &score(&g, &text, Some(&lex)),
    );
    assert!(rf >= 0.92, "formula recall {rf:.3} < 0.92");
    assert!(rq >= 0.85, "quoted-slogan recall {rq:.3} < 0.85");
    assert!(p >= 0.90, "precision {p:.3} < 0.90");
}

fn fixture_text(f: &str) -> String {
    let raw = std::fs::read_to_string(Path::new("tests/fixtures/slogans").join(f)).unwrap();
    cleaned(&raw)
}

#[test]
fn seeds_gold_corpus_pass() {
    // The five seeds as one corpus: rules per file, then quoted forms recognised unquoted
    // across the corpus (default guard). 004 has 红色物业 unquoted, quoted in 001 and 002: a
    // required gold line that the rules alone cannot find.
    let g = gold("tests/fixtures/gold/seeds_gold.jsonl");
    let s = score_corpus(&g, &seed_text, KnownGuard::default());
    let (rf, rq, p) = report("seeds (rules + corpus pass)", &s);
    assert!(
        !s.missed.iter().any(|m| m.contains("红色物业")),
        "{:?}",
        s.missed
    );
    assert!(
        rf >= 0.95 && rq >= 0.95 && p >= 0.95,
        "{rf:.3} {rq:.3} {p:.3}"
    );
}

#[test]
fn corpus_pass_guards() {
    // What the guard does to precision: each candidate guard on the seeds (one corpus), the
    // three-province sample (one corpus) and the held-out 上海 report (a corpus of one).
    let seeds = gold("tests/fixtures/gold/seeds_gold.jsonl");
    let sample = gold("tests/fixtures/slogans/provinces_sample.jsonl");
    let heldout = gold("tests/fixtures/slogans/provinces_heldout.jsonl");
    // The five unseen provincial texts (河北, 吉林, 北京, 上海, 四川) as one corpus. Note: their
    // gold lines were listed from quotations, so an unquoted use of a slogan quoted in another
    // province (以旧换新 in 上海) counts as spurious here although it is a real use.
    let mut unseen = gold("tests/fixtures/slogans/provinces_sample.jsonl");
    unseen.extend(gold("tests/fixtures/slogans/provinces_heldout.jsonl"));
    unseen.extend(gold("tests/fixtures/slogans/provinces_heldout2.jsonl"));
    let guards = [
        (
            "off (rules only)",
            KnownGuard {
                min_chars: 100,
                min_docs: 100,
                min_chars_single: 100,
                min_chars_compound: 100,
            },
        ),
        (
            "len>=2, any",
            KnownGuard {
                min_chars: 2,
                min_docs: 1,
                min_chars_single: 2,
                min_chars_compound: 100,
            },
        ),
        (
            "len>=3, any",
            KnownGuard {
                min_chars: 3,
                min_docs: 1,
                min_chars_single: 3,
                min_chars_compound: 100,
            },
        ),
        (
            "len>=3, docs>=2 or len>=4",
            KnownGuard {
                min_chars: 3,
                min_docs: 2,
                min_chars_single: 4,
                min_chars_compound: 100,
            },
        ),
        (
            "len>=3, docs>=2 or len>=5",
            KnownGuard {
                min_chars_compound: 100,
                ..KnownGuard::default()
            },
        ),
        (
            "... or a numeral pair, docs>=2 (default)",
            KnownGuard::default(),
        ),
        (
            "len>=3, docs>=2 only",
            KnownGuard {
                min_chars: 3,
                min_docs: 2,
                min_chars_single: 100,
                min_chars_compound: 100,
            },
        ),
    ];
    for (name, guard) in guards {
        for (set, g, text) in [
            ("seeds", &seeds, &seed_text as &dyn Fn(&str) -> String),
            ("sample", &sample, &fixture_text),
            ("上海", &heldout, &fixture_text),
            ("unseen", &unseen, &fixture_text),
        ] {
            let s = score_corpus(g, text, guard);
            println!(
                "guard {name:38} {set:6}: formulas {}/{} quoted {}/{} precision {}/{} = {:.3}; spurious {:?}",
                s.formula.0, s.formula.1, s.quoted.0, s.quoted.1, s.precision.0, s.precision.1,
                ratio(s.precision), s.spurious
            );
        }
    }
}

#[test]
fn digit_codes_are_never_a_mismatch() {
    // A code's digits are no count of components: 136 (000) has no definition in its text
    // → undefined with no components; 365 (002) and 4012 (004) are defined by the quoted
    // list they are named for → ok, with the gold components.
    for (file, code, want, comps) in [
        ("000_8090fde4f5497f2c.txt", "136", Consistency::Undefined, 0),
        ("002_724fa829d8fdbc3e.txt", "365", Consistency::Ok, 2),
        ("004_6ecfdae36c6c9fa8.txt", "4012", Consistency::Ok, 6),
    ] {
        let text = seed_text(file);
        let ms: Vec<Mention> = extract(&text)
            .into_iter()
            .filter(|m| m.normalized == code)
            .collect();
        assert!(!ms.is_empty(), "{code} not found");
        for m in &ms {
            let e = expand(&text, m);
            assert_eq!(e.consistency, want, "{code}: {:?}", e.components);
            assert_eq!(e.components.len(), comps, "{code}: {:?}", e.components);
        }
    }
}

#[test]
fn provinces_heldout2_figures() {
    // 四川 2026 report (whole text), annotated before the extractor was ever run on it. First
    // score, before any change: formulas 40/40 = 1.000, quoted 67/67 = 1.000, precision
    // 153/157 = 0.975 (spurious: 三项世界杯 of 铁人三项, and the overlong lists 五大片区共兴,
    // 五大片区协同, 六大优势产业提升). A verb now ends the noun of an unquoted list (VERBS in
    // unquoted.rs): 153/154 = 0.994; 三项世界杯 remains.
    let g = gold("tests/fixtures/slogans/provinces_heldout2.jsonl");
    let (rf, rq, p) = report(
        "held-out 四川 (rules only)",
        &score(&g, &fixture_text, None),
    );
    report(
        "held-out 四川 (rules + corpus pass, a corpus of one)",
        &score_corpus(&g, &fixture_text, KnownGuard::default()),
    );
    assert!(rf >= 0.92, "formula recall {rf:.3} < 0.92");
    assert!(rq >= 0.85, "quoted-slogan recall {rq:.3} < 0.85");
    assert!(p >= 0.90, "precision {p:.3} < 0.90");
}
