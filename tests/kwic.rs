//! Integration tests of `tifa::kwic` on the seed articles: hit counts against the gold
//! counts, and a Traditional article (003, with pinyin glosses) cleaned by a small stand-in
//! (character-wise OpenCC t2s, glosses removed, built with `MapBuilder`) so that hits map
//! back to the raw Traditional text.

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use tifa::kwic::{kwic, KwicDoc, Pattern};
use tifa::offsets::{MapBuilder, OffsetMap};

const S001: &str = include_str!("fixtures/seeds/001_0a8221172ae4e7ee.txt");
const S002: &str = include_str!("fixtures/seeds/002_724fa829d8fdbc3e.txt");
const S003: &str = include_str!("fixtures/seeds/003_75fc18095123bed1.txt");
const S004: &str = include_str!("fixtures/seeds/004_6ecfdae36c6c9fa8.txt");

#[test]
fn seed_hit_counts_match_gold_counts() {
    let id = OffsetMap::identity();
    let docs = [
        KwicDoc {
            id: "001",
            group: "鹤壁示范区",
            text: S001,
            map: &id,
        },
        KwicDoc {
            id: "002",
            group: "茅箭区",
            text: S002,
            map: &id,
        },
        KwicDoc {
            id: "004",
            group: "东阿县",
            text: S004,
            map: &id,
        },
    ];
    // seeds_gold.jsonl counts (grep -oF on the raw files): 红色物业 001 ×1, 002 ×2, 004 ×1;
    // 最后一公里 001 ×1, 002 ×1, 004 ×1.
    let hits = kwic(&docs, &Pattern::literal("红色物业").expect("pattern"), 10);
    let ids: Vec<&str> = hits.iter().map(|h| h.doc.as_str()).collect();
    assert_eq!(ids, ["001", "002", "002", "004"]);
    assert!(hits[1].offset < hits[2].offset);
    let hits = kwic(&docs, &Pattern::literal("最后一公里").expect("pattern"), 10);
    assert_eq!(hits.len(), 3);
    for h in &hits {
        let text = docs.iter().find(|d| d.id == h.doc).map_or("", |d| d.text);
        assert_eq!(&text[h.raw_offset..h.raw_end], "最后一公里");
        assert!(h.left.chars().count() <= 10 && h.right.chars().count() <= 10);
        assert!(!h.left.contains('\n') && !h.right.contains('\n'));
    }
    // 红色X brand family (cross_region.md): a regex over the same documents.
    let hits = kwic(
        &docs,
        &Pattern::regex("红色[物管]业?家?").expect("regex"),
        5,
    );
    assert!(hits
        .iter()
        .any(|h| h.keyword == "红色管家" && h.doc == "002"));
}

/// Stand-in cleaning: drops ASCII-parenthesised pinyin glosses like `(yè)` and converts
/// each character Traditional → Simplified, recording offsets with `MapBuilder`.
fn clean_traditional(raw: &str) -> (String, OffsetMap) {
    let cc = OpenCC::from_config(BuiltinConfig::T2s).expect("t2s table");
    let id = OffsetMap::identity();
    let mut b = MapBuilder::new(&id, raw.len());
    let mut skip_until = 0;
    for (i, ch) in raw.char_indices() {
        if i < skip_until {
            continue;
        }
        if ch == '(' {
            if let Some(close) = raw[i..].find(')') {
                let inner = &raw[i + 1..i + close];
                if !inner.is_empty()
                    && inner
                        .chars()
                        .all(|c| c.is_alphabetic() && !('\u{4e00}'..='\u{9fff}').contains(&c))
                {
                    skip_until = i + close + 1;
                    continue;
                }
            }
        }
        let s = &raw[i..i + ch.len_utf8()];
        let t = cc.convert(s);
        if t == s {
            b.push_copy(s, i);
        } else {
            b.push_replaced(&t, i);
        }
    }
    b.finish()
}

#[test]
fn traditional_seed_maps_back_to_raw() {
    let (text, map) = clean_traditional(S003);
    assert!(
        text.contains("业务“两张皮”"),
        "gloss (yè) removed and simplified"
    );
    let docs = [KwicDoc {
        id: "003",
        group: "徐州经开区",
        text: &text,
        map: &map,
    }];
    // gold: 两张皮 in 003 ×1, surface “兩張皮”; a Traditional pattern finds it too.
    for p in ["两张皮", "兩張皮"] {
        let hits = kwic(&docs, &Pattern::literal(p).expect("pattern"), 4);
        assert_eq!(hits.len(), 1, "{p}");
        let h = &hits[0];
        assert_eq!(h.keyword, "两张皮");
        // raw “…建設與具體業(yè)務“兩張皮…”; cleaned “…建设与具体业务“两张皮…”, so the 4
        // characters on the left are 具体业务 minus one = 体业务“.
        assert_eq!(h.left, "体业务“");
        assert_eq!(&S003[h.raw_offset..h.raw_end], "兩張皮");
        assert!(S003[..h.raw_offset].ends_with("業(yè)務“"));
    }
}
