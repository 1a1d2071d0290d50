//! Rough speed of slogan extraction against jieba segmentation on a folder of CSV files
//! with a `full_text` column (e.g. the provinces-2026 corpus):
//! `cargo run --release --example slogans_bench -- /path/to/provinces-2026`
//! With a second argument `list N`, prints the mentions of the first N lines of each file.

use std::time::Instant;

fn texts(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
    {
        let Ok(mut r) = csv::Reader::from_path(p) else {
            continue;
        };
        let Ok(h) = r.headers().cloned() else {
            continue;
        };
        let Some(col) = h
            .iter()
            .position(|c| c.trim_start_matches('\u{feff}') == "full_text")
        else {
            continue;
        };
        for rec in r.records().flatten() {
            if let Some(t) = rec.get(col) {
                out.push((
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    t.to_string(),
                ));
            }
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map_or("/work/shared/corpora/provinces-2026", String::as_str);
    let docs = texts(dir);
    if args.get(2).map(String::as_str) == Some("list") {
        let n: usize = args.get(3).and_then(|x| x.parse().ok()).unwrap_or(300);
        for (name, t) in &docs {
            let part: String = t.lines().take(n).collect::<Vec<_>>().join("\n");
            for m in tifa::slogans::extract(&part) {
                println!("{name}\t{}\t{}", m.kind.name(), m.normalized);
            }
        }
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    // Best of five runs each.
    let (mut n, mut w) = (0, 0);
    let mut ex = f64::MAX;
    for _ in 0..5 {
        let t0 = Instant::now();
        n = docs
            .iter()
            .map(|(_, t)| tifa::slogans::extract(t).len())
            .sum::<usize>();
        ex = ex.min(t0.elapsed().as_secs_f64());
    }
    // The corpus pass over all documents at once (rules first, not timed again).
    let refs: Vec<&str> = docs.iter().map(|d| d.1.as_str()).collect();
    let base: Vec<Vec<tifa::slogans::Mention>> =
        refs.iter().map(|t| tifa::slogans::extract(t)).collect();
    let mut known = f64::MAX;
    let mut added = 0;
    for _ in 0..5 {
        let mut ms = base.clone();
        let t0 = Instant::now();
        tifa::slogans::recognise_known(&refs, &mut ms);
        known = known.min(t0.elapsed().as_secs_f64());
        added = ms.iter().map(Vec::len).sum::<usize>() - n;
    }
    let jieba = jieba_rs::Jieba::new();
    let mut seg = f64::MAX;
    for _ in 0..5 {
        let t1 = Instant::now();
        w = docs
            .iter()
            .map(|(_, t)| jieba.cut(t, true).len())
            .sum::<usize>();
        seg = seg.min(t1.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!("{} docs, {mb:.2} MB, {} mentions, {w} words", docs.len(), n);
    println!("extract: {ex:.3} s = {:.1} MB/s", mb / ex);
    println!(
        "recognise_known: {known:.3} s = {:.1} MB/s, {added} unquoted mentions added",
        mb / known
    );
    println!(
        "jieba cut (hmm): {seg:.3} s = {:.1} MB/s; extraction = {:.1}% of segmentation, with the corpus pass {:.1}%",
        mb / seg,
        100.0 * ex / seg,
        100.0 * (ex + known) / seg
    );
}
