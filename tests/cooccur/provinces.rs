//! The timed run on the 29 provincial government work reports of 2026.
//!
//! Loading, cleaning, segmentation and slogan extraction are other modules, written in
//! parallel; this run uses minimal stand-ins so that the co-occurrence code can be measured
//! now: the CSVs are read with the `csv` crate, terms are jieba-rs tokens of two or more Han
//! characters (minus a few function words), and "slogans" are quoted spans “…” of 2–12
//! characters without punctuation.

use indexmap::IndexMap;
use std::path::Path;
use std::time::Instant;
use tifa::cooccur::{
    group_item, group_similarity, Association, Cooccurrence, GroupCounts, Measure, Norm,
};
use tifa::kwic::{kwic, KwicDoc, Pattern};
use tifa::offsets::OffsetMap;

const DIR: &str = "/work/shared/corpora/provinces-2026";
const STOP: &[&str] = &[
    "我们",
    "进一步",
    "推进",
    "加强",
    "加快",
    "推动",
    "坚持",
    "一批",
    "全面",
];

struct Province {
    name: String,
    text: String,
    tokens: Vec<String>,
    sentences: Vec<Vec<String>>,
    slogans: IndexMap<String, u64>,
}

fn is_han(s: &str) -> bool {
    s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn quoted(text: &str) -> IndexMap<String, u64> {
    let mut out = IndexMap::new();
    for part in text.split('“').skip(1) {
        if let Some((q, _)) = part.split_once('”') {
            let n = q.chars().count();
            if (2..=12).contains(&n) && q.chars().all(|c| c.is_alphanumeric() || c == '+') {
                *out.entry(q.to_string()).or_insert(0) += 1;
            }
        }
    }
    out
}

fn load() -> Vec<Province> {
    let mut files: Vec<_> = std::fs::read_dir(DIR)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let jieba = jieba_rs::Jieba::new();
    let mut out = Vec::new();
    for f in files {
        let mut rdr = csv::Reader::from_path(&f).expect("readable CSV");
        let headers = rdr.headers().expect("header").clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}') == name)
                .expect("column")
        };
        let (pc, tc) = (col("province"), col("full_text"));
        for rec in rdr.records() {
            let rec = rec.expect("record");
            let text = rec.get(tc).unwrap_or_default().to_string();
            let tokens: Vec<String> = jieba
                .cut(&text, true)
                .into_iter()
                .map(|t| t.word.to_string())
                .collect();
            let mut sentences = vec![Vec::new()];
            for t in &tokens {
                if ["。", "！", "？", "；", "\n"].contains(&t.as_str()) {
                    sentences.push(Vec::new());
                } else if let Some(s) = sentences.last_mut() {
                    s.push(t.clone());
                }
            }
            sentences.retain(|s| !s.is_empty());
            out.push(Province {
                name: rec.get(pc).unwrap_or_default().to_string(),
                slogans: quoted(&text),
                text,
                tokens,
                sentences,
            });
        }
    }
    out
}

pub fn run() {
    if !Path::new(DIR).is_dir() {
        eprintln!("skipped: {DIR} not found");
        return;
    }
    let t0 = Instant::now();
    let provinces = load();
    let t_load = t0.elapsed();
    assert_eq!(provinces.len(), 29);

    // Top 300 terms over all provinces (count desc, term asc).
    let mut total: IndexMap<&str, u64> = IndexMap::new();
    for p in &provinces {
        for t in &p.tokens {
            if t.chars().count() >= 2 && is_han(t) && !STOP.contains(&t.as_str()) {
                *total.entry(t.as_str()).or_insert(0) += 1;
            }
        }
    }
    let mut top: Vec<(&str, u64)> = total.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    top.truncate(300);
    let top: std::collections::BTreeSet<&str> = top.into_iter().map(|(t, _)| t).collect();
    let term_groups: Vec<GroupCounts> = provinces
        .iter()
        .map(|p| {
            let mut c = IndexMap::new();
            for t in p.tokens.iter().filter(|t| top.contains(t.as_str())) {
                *c.entry(t.clone()).or_insert(0) += 1;
            }
            GroupCounts::new(p.name.clone(), c, p.tokens.len() as u64)
        })
        .collect();
    let slogan_groups: Vec<GroupCounts> = provinces
        .iter()
        .map(|p| GroupCounts::new(p.name.clone(), p.slogans.clone(), p.tokens.len() as u64))
        .collect();
    let t_prep = t0.elapsed();

    // 1. group × item
    let t = Instant::now();
    let gi = group_item(&slogan_groups, Norm::Binary, 3);
    let gi_terms = group_item(&term_groups, Norm::Per10k, 29);
    let d_gi = t.elapsed();
    assert_eq!(gi.rows().len(), 29);
    eprintln!(
        "group-item: {} slogans in ≥3 provinces, first {:?}; {} of 300 terms in all 29",
        gi.cols().len(),
        &gi.cols()[..gi.cols().len().min(8)],
        gi_terms.cols().len()
    );

    // 2. group × group
    let t = Instant::now();
    let gg_j = group_similarity(&slogan_groups, Measure::Jaccard);
    let gg_c = group_similarity(&term_groups, Measure::CosineTfIdf);
    let d_gg = t.elapsed();
    assert_eq!(gg_j.pairs.len(), 29 * 28 / 2);
    let best = &gg_j.pairs[0];
    eprintln!(
        "group-group: most alike by slogan Jaccard {} – {} = {:.3} shared {:?}; by TF-IDF cosine {} – {} = {:.3}",
        best.a, best.b, best.value, &best.shared[..best.shared.len().min(5)],
        gg_c.pairs[0].a, gg_c.pairs[0].b, gg_c.pairs[0].value
    );

    // 3. item × item, sentence contexts (top terms)
    let t = Instant::now();
    let mut sent = Cooccurrence::new();
    for p in &provinces {
        for s in &p.sentences {
            sent.add(s.iter().filter(|t| top.contains(t.as_str())));
        }
    }
    let pairs = sent.top_pairs(Association::Npmi, 20, Some(10));
    let m = sent.matrix(Association::Pmi, 30, 5);
    let d_ii = t.elapsed();
    assert!(m.values().iter().flatten().all(|v| v.is_finite()));
    eprintln!(
        "item-item (sentence): N = {}, {} items; top NPMI pairs (n_ab ≥ 20): {:?}",
        sent.n_contexts(),
        sent.n_items(),
        pairs
            .iter()
            .map(|p| format!("{}+{} {:.2}", p.a, p.b, p.npmi))
            .collect::<Vec<_>>()
    );

    // 3b. item × item, windows of 5 tokens
    let t = Instant::now();
    let mut win = Cooccurrence::new();
    for p in &provinces {
        let occ: Vec<(usize, &str)> = p
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| top.contains(t.as_str()))
            .map(|(i, t)| (i, t.as_str()))
            .collect();
        win.add_windows(&occ, 5);
    }
    let wp = win.top_pairs(Association::Count, 1, Some(5));
    let d_win = t.elapsed();
    eprintln!(
        "item-item (window 5): N = {}; top counts {:?}",
        win.n_contexts(),
        wp.iter()
            .map(|p| format!("{}+{} {}", p.a, p.b, p.count))
            .collect::<Vec<_>>()
    );

    // 4. KWIC (raw text, identity maps: cleaning is another module)
    let t = Instant::now();
    let id = OffsetMap::identity();
    let docs: Vec<KwicDoc> = provinces
        .iter()
        .map(|p| KwicDoc {
            id: &p.name,
            group: &p.name,
            text: &p.text,
            map: &id,
        })
        .collect();
    let hits = kwic(&docs, &Pattern::literal("新質生產力").expect("pattern"), 20);
    let d_kwic = t.elapsed();
    assert!(!hits.is_empty());
    eprintln!(
        "kwic 新質生產力 (Traditional pattern): {} hits; first: {}【{}】{}",
        hits.len(),
        hits[0].left,
        hits[0].keyword,
        hits[0].right
    );
    eprintln!(
        "timings: load+segment {:?} (stand-in), prep {:?}, group-item {:?}, group-group {:?}, item-item sentence {:?}, window {:?}, kwic {:?}",
        t_load,
        t_prep - t_load,
        d_gi,
        d_gg,
        d_ii,
        d_win,
        d_kwic
    );
}
