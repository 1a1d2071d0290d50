//! The per-thread block cache of segmentation (issue 8) changes nothing but speed: on every
//! real text of the fixtures, tokens and token counts with the cache equal those of jieba-rs
//! cutting each span afresh (`--no-segment-cache`), the first, second and third time a text
//! is seen, with and without protected formulations.

use std::collections::BTreeMap;
use std::path::Path;

use tifa::segment::{Protected, SegmentOptions, Segmenter, Selection, TokenClass};
use tifa::terms::{is_word, Stopwords, TermFilter};

fn segmenter(cache: bool) -> Segmenter {
    Segmenter::new(&SegmentOptions {
        cache,
        ..SegmentOptions::default()
    })
    .unwrap()
}

/// The texts: the raw seeds, the cleaned seeds and the provincial report excerpts of the
/// slogan fixtures (392 KB).
fn texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in ["seeds", "cleaned", "slogans"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(&p).unwrap();
            if p.extension().is_some_and(|e| e == "txt") {
                out.push((name, text));
            }
        }
    }
    assert!(out.len() >= 14, "fixtures missing: {} texts", out.len());
    out
}

fn counted(seg: &Segmenter, text: &str, protected: &Protected) -> BTreeMap<String, u64> {
    seg.count_tokens(text, protected)
        .into_iter()
        .map(|(t, c)| (t.to_string(), c))
        .collect()
}

/// Counts by a second method: the token list of `cut_protected`, tallied.
fn tallied(tokens: &[&str]) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for t in tokens {
        *m.entry(t.to_string()).or_insert(0) += 1;
    }
    m
}

#[test]
fn cache_gives_jieba_tokens_and_counts_on_real_texts() {
    let on = segmenter(true);
    let off = segmenter(false);
    let protected = Protected::new(&["三治融合", "1+5+N", "党建+", "两个全覆盖", "红色物业"]);
    let mut tokens = 0usize;
    // A block is cut straight into the counts when first seen, cut and cached when seen
    // again, and looked up from then on.
    for round in ["first sighting", "admission", "hits"] {
        for (name, text) in texts() {
            // Without protected strings the uncached path is jieba-rs `cut` itself.
            let plain = off.cut_plain(&text);
            assert_eq!(
                on.cut_protected(&text, &Protected::default()),
                plain,
                "{name} ({round})"
            );
            let want = off.cut_protected(&text, &protected);
            let got = on.cut_protected(&text, &protected);
            assert_eq!(got, want, "{name} ({round}): tokens with protected strings");
            assert_eq!(got.concat(), text, "{name}: tokens cover the text");
            let counts = counted(&on, &text, &protected);
            assert_eq!(counts, tallied(&want), "{name} ({round}): counts");
            assert_eq!(counts, counted(&off, &text, &protected), "{name} ({round})");
            tokens += want.len();
        }
    }
    assert!(tokens > 150_000, "too little text checked: {tokens} tokens");
}

/// Counts by hand, for a text whose clauses repeat (the second 推进基层治理 is a cached block).
#[test]
fn counts_by_hand() {
    let on = segmenter(true);
    let text = "推进基层治理，推进三治融合。推进基层治理！推进基层治理";
    let protected = Protected::new(&["三治融合"]);
    let mut got = on.count_tokens(text, &protected);
    got.sort();
    let mut want = vec![
        ("推进", 4),
        ("基层治理", 3),
        ("，", 1),
        ("三治融合", 1),
        ("。", 1),
        ("！", 1),
    ];
    want.sort();
    assert_eq!(got, want);
}

/// The kept tokens and word total of a selection, by a second method: the tokens of
/// `cut_protected`, tallied, each judged on its own.
fn selected_by_tally(tokens: &[&str], filter: &TermFilter) -> (BTreeMap<String, u64>, u64) {
    let mut kept = BTreeMap::new();
    let mut words = 0;
    for t in tokens {
        if is_word(t) {
            words += 1;
            if filter.keeps(t) {
                *kept.entry(t.to_string()).or_insert(0) += 1;
            }
        }
    }
    (kept, words)
}

fn selected(
    seg: &Segmenter,
    text: &str,
    p: &Protected,
    f: &TermFilter,
) -> (BTreeMap<String, u64>, u64) {
    let class = |t: &str| TokenClass {
        word: is_word(t),
        kept: is_word(t) && f.keeps(t),
    };
    let sel = Selection {
        key: f.key(),
        class: &class,
    };
    let s = seg.count_selected(text, p, &sel);
    let kept: BTreeMap<String, u64> = s.kept.iter().map(|&(t, c)| (t.to_string(), c)).collect();
    assert_eq!(kept.len(), s.kept.len(), "a token returned twice");
    (kept, s.words)
}

/// Verdicts remembered per token id and thread change no count: filters that keep
/// different words take turns on the same thread (each with its own key), on texts seen
/// before and not, with the cache on and off.
#[test]
fn selections_taking_turns_give_the_counts_of_the_tally() {
    let on = segmenter(true);
    let off = segmenter(false);
    let protected = Protected::new(&["三治融合", "1+5+N", "党建+", "两个全覆盖", "红色物业"]);
    let filters = [
        TermFilter::default(),
        TermFilter {
            keep_stopwords: true,
            min_chars: 1,
            ..TermFilter::default()
        },
        TermFilter {
            min_chars: 3,
            ..TermFilter::default()
        },
        TermFilter {
            stopwords: Stopwords::parse("推进\n发展\n党建"),
            ..TermFilter::default()
        },
    ];
    let texts = texts();
    let mut kept = 0usize;
    for round in 0..2 {
        for (name, text) in texts.iter().take(8) {
            let tokens = off.cut_protected(text, &protected);
            for (i, f) in filters.iter().enumerate() {
                let want = selected_by_tally(&tokens, f);
                assert_eq!(
                    selected(&on, text, &protected, f),
                    want,
                    "{name} filter {i} round {round}"
                );
                assert_eq!(
                    selected(&off, text, &protected, f),
                    want,
                    "{name} filter {i} uncached"
                );
                kept += want.0.len();
            }
        }
    }
    assert!(kept > 10_000, "too little checked: {kept} kept terms");
}
