//! Formulations on texts the rules were not written for: the batches of
//! `tests/fixtures/heldout/` (see its README), annotated by hand before tifa was run on
//! them, scored the way a user sees the result: `tifa slogans DIR --group-by file --top 0
//! --format json`, one run per batch (so the corpus pass for known forms runs as well).
//!
//! Per batch: recall (required forms found in their file), precision (forms found that the
//! gold lists for that file, required or optional, over all forms found) and, for required
//! forms whose text lists their parts, how many expansions have exactly the gold's items
//! (order aside). Forms are compared without quotation marks, spaces and the punctuation
//! of lists, after the batch's aliases (alternative normalisations of the same form).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

const DIR: &str = "tests/fixtures/heldout";

/// A form as compared: without quotes, spaces and list punctuation.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”'
                        | '‘'
                        | '’'
                        | '"'
                        | '\''
                        | '「'
                        | '」'
                        | '『'
                        | '』'
                        | '、'
                        | ','
                        | '，'
                        | ';'
                        | '；'
                        | '·'
                        | '・'
                        | '。'
                        | ':'
                        | '：'
                )
        })
        .collect()
}

/// One gold line.
struct Line {
    file: String,
    form: String,
    required: bool,
    components: Option<Vec<String>>,
}

/// The gold lines of `batch`.
fn gold(batch: &str) -> Vec<Line> {
    let text = std::fs::read_to_string(format!("{DIR}/gold.jsonl")).expect("gold.jsonl");
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .filter(|v| v["batch"] == batch)
        .map(|v| Line {
            file: v["file"].as_str().unwrap_or_default().to_string(),
            form: key(v["normalized"].as_str().unwrap_or_default()),
            required: v["status"] == "required",
            components: v["components"].as_array().map(|a| {
                a.iter()
                    .map(|c| key(c.as_str().unwrap_or_default()))
                    .collect()
            }),
        })
        .collect()
}

/// The batch's aliases: keyed alternative form → keyed gold form.
fn aliases(batch: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(format!("{DIR}/aliases.json")).expect("aliases.json");
    let v: Value = serde_json::from_str(&text).expect("aliases JSON");
    v[batch]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(a, c)| (key(a), key(c.as_str().unwrap_or_default())))
                .collect()
        })
        .unwrap_or_default()
}

/// What tifa found: (file, keyed form) → the form's expansion (keyed).
fn found(batch: &str) -> BTreeMap<(String, String), Vec<String>> {
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(["slogans", &format!("{DIR}/{batch}"), "--group-by", "file"])
        .args(["--top", "0", "--format", "json", "--quiet"])
        .output()
        .expect("tifa runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let alias = aliases(batch);
    let mut found = BTreeMap::new();
    for s in v["slogans"].as_array().expect("slogans") {
        let form = key(s["normalized"].as_str().unwrap_or_default());
        let form = alias.get(&form).cloned().unwrap_or(form);
        let expansion: Vec<String> = s["expansion"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|c| key(c.as_str().unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default();
        // Two forms may alias to one gold form (六大场景 and 六大数字化场景): the one with an
        // expansion speaks for both, whatever their order.
        for file in s["by_group"].as_object().expect("by_group").keys() {
            let slot: &mut Vec<String> = found.entry((file.clone(), form.clone())).or_default();
            if slot.is_empty() {
                *slot = expansion.clone();
            }
        }
    }
    found
}

/// Counts of one batch.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    required: usize,
    recalled: usize,
    output: usize,
    matched: usize,
    listed: usize,
    expanded_right: usize,
    expanded_unlisted: usize,
}

fn score(batch: &str) -> Score {
    let gold = gold(batch);
    let found = found(batch);
    let mut s = Score::default();
    let known: BTreeSet<(&str, &str)> = gold
        .iter()
        .map(|l| (l.file.as_str(), l.form.as_str()))
        .collect();
    for l in gold.iter().filter(|l| l.required) {
        s.required += 1;
        let Some(expansion) = found.get(&(l.file.clone(), l.form.clone())) else {
            continue;
        };
        s.recalled += 1;
        match &l.components {
            Some(want) => {
                s.listed += 1;
                let sorted = |v: &[String]| {
                    let mut v = v.to_vec();
                    v.sort();
                    v
                };
                if sorted(want) == sorted(expansion) {
                    s.expanded_right += 1;
                }
            }
            None if !expansion.is_empty() => {
                println!("{batch}: {} lists {:?} in {}", l.form, expansion, l.file);
                s.expanded_unlisted += 1
            }
            None => {}
        }
    }
    for (file, form) in found.keys() {
        s.output += 1;
        if known.contains(&(file.as_str(), form.as_str())) {
            s.matched += 1;
        } else {
            println!("{batch}: {form} in {file} is not in the gold");
        }
    }
    s
}

#[test]
fn heldout_batches() {
    // Floors, per batch, below the figures of 2026-12-07 (printed by this test): recall,
    // precision, expansions exactly right of those listed, and at most this many
    // expansions where the text lists none. The batches were scored first on the tool of
    // their day (b3: recall 41/44, precision 41/44 without optional output, 3 of 11 lists
    // right; b4: 52/55, no false positive, 8 of 15; b5: 49/50, 84/90, 3 of 8; b6: 73/74,
    // 108/112, 2 of 9; b7: 39/42, 98/99, 6 of 12; b8: 70/73, 95/95, 0 of 6 and 4 lists
    // where the text has none; b9: 44/50, 124/126, 5 of 14 and 5 lists where the text has
    // none; b10: 103/109, 135/140, 1 of 7; b11: 52/56, 78/79, 2 of 6 and 1 list where the
    // text has none; b12: 51/52, 87/88, 6 of 11 and 1; b13: 50/56, 101/104, 2 of 10 and
    // 1; b14: 57/59, 80/80, 4 of 8 and 1; b15: 49/52, 87/89, 5 of 11; b16: 36/47, 73/77,
    // 4 of 8; b17: 49/52, 85/88, 1 of 7; b18: 31/35, 58/60, 1 of 2 and 1; b19: 36/36,
    // 64/66, 3 of 6 and 1; b20: 55/63, 75/79, 4 of 11 and 2; b21: 30/38, 32/32, 5 of 10; b22: 64/67, 101/101, 1 of 4 and 2; b23:
    // 55/59, 76/76, 4 of 11; b24: 55/59, 73/75, 3 of 12 and 3; b25: 53/57,
    // 73/74, 2 of 6; b26: 56/62, 86/88, 1 of 2; b27: 46/48, 79/81, 3 of 5; b28: 37/38, 66/66, 2 of 7;
    // b29: 51/51, 76/78, 7 of 11 and 4; b30: 30/40, 60/64, 2 of 7; b31: 52/57, 112/118,
    // 2 of 12; b32: 38/41, 58/58, 3 of 4 and 2; b33: 64/70, 81/83, 2 of 4 and 1; b34:
    // 54/58, 73/74, 2 of 4 and 1; b35: 69/72, 119/121, 3 of 9 and 1; b36: 39/45, 76/78,
    // 3 of 10; b37: 37/40, 44/44, 3 of 7; b38: 58/61, 77/79, 2 of 4; b39: 44/46, 108/109,
    // 1 of 10 and 1; b40: 26/26, 43/44, 1 of 1; b41: 41/42, 61/62, 5 of 6; b42: 53/55,
    // 79/79, 2 of 7 and 1; b43: 45/45, 71/71, 1 of 6 and 1; b44: 47/50, 83/86, 0 of 2;
    // b45: 59/62, 72/73, 9 of 13 and 1; b46: 70/74, 83/84, 1 of 4; b47: 68/72, 102/103,
    // 1 of 5 and 1; b48: 56/60, 78/78, 1 of 3; b49: 56/57, 80/82, 4 of 7 and 3; b50:
    // 53/55, 91/94, 6 of 16 and 1; b51: 45/45, 69/70, 2 of 5 and 2; b52: 76/76, 103/104,
    // 6 of 11 and 1; b53: 72/75, 129/131, 4 of 8; b54: 63/67, 110/111, 8 of 14 and 2;
    // b55: 40/42, 62/65, 0 of 4; b56: 32/32, 56/57, 3 of 3 and 1; b57: 52/56, 88/91, 5 of
    // 10 and 5; b58: 51/53, 72/73, 1 of 2 and 8; b59: 51/52, 107/108, 3 of 13; b60: 26/31,
    // 41/43, 1 of 5; b61: 53/54, 86/86, 2 of 7 and 1; b62: 54/66, 85/94, 1 of 6 and 1; b63:
    // 64/67, 113/117, 3 of 6 and 3; b64: 35/36, 55/62, 1 of 4; b65: 50/50, 71/71, 4 of 9;
    // b66: 41/41, 62/63, 2 of 3 and 1; b67: 36/39, 58/62, 5 of 5 and 1; b68: 33/35, 55/55,
    // 0 of 2; b69: 64/67, 90/92, 2 of 8 and 1; b70: 40/41, 50/52, 3 of 9 and 1; b71: 63/71,
    // 84/86, 1 of 2; b72: 23/25, 53/53, 2 of 4; b73: 38/41, 67/69, 1 of 3 and 1; b74: 41/55,
    // 74/84, 3 of 6 and 3; b75: 58/62, 94/102, 4 of 8 and 1; b76: 32/33, 47/48, 2 of 6 and
    // 1; b77: 38/38, 76/85, 1 of 6; b78: 59/61, 98/100, 3 of 7 and 3; b79: 31/34, 58/61, 1
    // of 3; b80: 39/41, 65/68, 0 of 4 and 1; b81: 60/61, 98/98, 3 of 4 and 1; b82: 35/35, 70/71, 3
    // of 5 and 1; b83: 61/64, 85/87, 3 of 8 and 2; b84: 56/56, 72/72, 3 of 3; b85: 47/52, 79/81, 2
    // of 4 and 1; b86: 64/64, 95/101, 2 of 4 and 1; b87: 63/63, 107/110, 5 of 8; b88: 65/68,
    // 87/92, 3 of 5 and 1; b89: 38/38, 67/68, 1 of 2; b90: 36/36, 63/65, 4 of 6; b91: 26/30, 44/45,
    // 2 of 2; b92: 40/45, 55/58, 1 of 2; b93: 68/68, 105/107, 3 of 4),
    // then each was used to mend the rules.
    // b26's gold requires the quoted list that defines 四好家 (“传承好家风、…、评选好家庭”的
    // “四好家”), which tifa gives as the components of 四好家 only, as the seeds' gold
    // (the specification) wants for 双找双带: one required form of b26 is missed by design.
    // The two lists where the gold has none: b3's 双报到, whose expansion (one per form,
    // from the first text that lists its parties) is counted in the text that does not, and
    // b4's 五大机制 (…教育引导和信息互通等五大机制), a partial enumeration, which this gold
    // calls no list and the seeds' gold would (四大体系, 五本台账). b10's “3+”: the gold
    // calls no list, but the text has one (创新“3+”司法服务模式,打通…“路子”、开出…“方子”、搭起
    // …“梯子”), which tifa gives since “3+” is found. b13's 三个强化: listed in one file,
    // named without its parts in another, where the one expansion of the form counts too.
    // b18's 六大领域 (产业协作、人才共育等六大领域): a partial enumeration before 等, which
    // this gold calls no list and the seeds' gold would. Levels run together (县乡村三级
    // 书记 in b3, 县乡村三级寄递物流体系 in b24): tifa lists them (县, 乡, 村), as b23's gold
    // does for 县镇村三级联动; b3's and b24's gold call them no list.
    let floors: [(&str, f64, f64, usize, usize); 91] = [
        ("b3", 0.97, 0.97, 6, 2),
        ("b4", 0.99, 0.98, 11, 1),
        ("b5", 0.98, 0.97, 4, 0),
        ("b6", 0.98, 0.97, 6, 0),
        ("b7", 0.92, 0.98, 9, 0),
        ("b8", 0.98, 0.98, 4, 2),
        ("b9", 0.94, 0.99, 10, 2),
        ("b10", 0.99, 0.99, 5, 1),
        ("b11", 0.98, 0.98, 4, 0),
        ("b12", 0.99, 0.98, 8, 0),
        ("b13", 0.96, 0.98, 8, 2),
        ("b14", 0.99, 0.99, 4, 1),
        ("b15", 0.98, 0.99, 7, 0),
        ("b16", 0.82, 0.98, 5, 0),
        ("b17", 0.96, 0.96, 4, 0),
        ("b18", 0.91, 0.98, 1, 2),
        ("b19", 0.99, 0.99, 3, 0),
        ("b20", 0.88, 0.97, 6, 2),
        ("b21", 0.86, 0.99, 8, 0),
        ("b22", 0.98, 0.99, 2, 2),
        ("b23", 0.99, 0.99, 9, 0),
        ("b24", 0.98, 0.97, 7, 3),
        ("b25", 0.99, 0.99, 5, 0),
        ("b26", 0.93, 0.99, 3, 0),
        ("b27", 0.99, 0.98, 4, 0),
        ("b28", 0.97, 0.99, 2, 0),
        ("b29", 0.99, 0.97, 8, 4),
        ("b30", 0.87, 0.97, 2, 0),
        ("b31", 0.92, 0.94, 4, 0),
        ("b32", 0.92, 0.99, 3, 2),
        ("b33", 0.92, 0.97, 3, 1),
        ("b34", 0.93, 0.98, 3, 1),
        ("b35", 0.98, 0.98, 5, 1),
        ("b36", 0.88, 0.97, 4, 0),
        ("b37", 0.92, 0.99, 4, 0),
        ("b38", 0.95, 0.97, 3, 0),
        ("b39", 0.97, 0.99, 2, 1),
        ("b40", 0.99, 0.97, 1, 0),
        ("b41", 0.99, 0.98, 5, 0),
        ("b42", 0.96, 0.99, 2, 0),
        ("b43", 0.99, 0.99, 3, 1),
        ("b44", 0.95, 0.96, 2, 0),
        ("b45", 0.95, 0.98, 10, 1),
        ("b46", 0.94, 0.98, 2, 0),
        ("b47", 0.98, 0.99, 3, 1),
        ("b48", 0.93, 0.99, 2, 0),
        ("b49", 0.98, 0.97, 5, 3),
        ("b50", 0.96, 0.96, 6, 1),
        ("b51", 0.99, 0.98, 4, 2),
        ("b52", 0.99, 0.99, 8, 1),
        ("b53", 0.97, 0.98, 4, 0),
        ("b54", 0.94, 0.99, 9, 2),
        ("b55", 0.95, 0.95, 1, 0),
        ("b56", 0.99, 0.98, 3, 1),
        ("b57", 0.92, 0.96, 6, 5),
        ("b58", 0.96, 0.98, 1, 8),
        ("b59", 0.98, 0.99, 3, 0),
        ("b60", 0.83, 0.95, 2, 0),
        ("b61", 0.98, 0.99, 5, 1),
        ("b62", 0.92, 0.96, 2, 1),
        ("b63", 0.95, 0.96, 3, 3),
        ("b64", 0.97, 0.88, 2, 0),
        ("b65", 0.99, 0.99, 5, 0),
        ("b66", 0.99, 0.98, 3, 1),
        ("b67", 0.92, 0.93, 5, 1),
        ("b68", 0.94, 0.99, 1, 0),
        ("b69", 0.95, 0.97, 2, 1),
        ("b70", 0.97, 0.96, 4, 1),
        ("b71", 0.88, 0.97, 1, 0),
        ("b72", 0.95, 0.99, 3, 0),
        ("b73", 0.92, 0.97, 1, 1),
        ("b74", 0.74, 0.88, 5, 1),
        ("b75", 0.93, 0.92, 5, 1),
        ("b76", 0.96, 0.97, 2, 1),
        ("b77", 0.99, 0.89, 1, 0),
        ("b78", 0.96, 0.97, 3, 3),
        ("b79", 0.91, 0.95, 1, 0),
        ("b80", 0.95, 0.95, 2, 1),
        ("b81", 0.98, 0.99, 3, 1),
        ("b82", 0.99, 0.98, 5, 1),
        ("b83", 0.96, 0.97, 3, 2),
        ("b84", 0.99, 0.99, 3, 0),
        ("b85", 0.90, 0.97, 2, 1),
        ("b86", 0.99, 0.94, 2, 1),
        ("b87", 0.99, 0.97, 6, 0),
        ("b88", 0.95, 0.94, 3, 1),
        ("b89", 0.99, 0.98, 1, 0),
        ("b90", 0.99, 0.96, 4, 0),
        ("b91", 0.86, 0.97, 2, 0),
        ("b92", 0.88, 0.94, 1, 0),
        ("b93", 0.99, 0.98, 3, 0),
    ];
    let mut failures = Vec::new();
    for (batch, recall, precision, right, unlisted) in floors {
        let s = score(batch);
        let r = s.recalled as f64 / s.required as f64;
        let p = s.matched as f64 / s.output as f64;
        println!(
            "{batch}: recall {}/{} = {r:.3}, precision {}/{} = {p:.3}, lists right {}/{}, \
             lists where the text has none {}",
            s.recalled,
            s.required,
            s.matched,
            s.output,
            s.expanded_right,
            s.listed,
            s.expanded_unlisted
        );
        if r < recall || p < precision || s.expanded_right < right || s.expanded_unlisted > unlisted
        {
            failures.push(format!("{batch}: {s:?}"));
        }
    }
    assert!(failures.is_empty(), "below the floors: {failures:#?}");
}
