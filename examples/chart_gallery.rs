//! Renders sample charts to a directory, for looking at them (e.g. as PNGs via headless
//! Chromium).
//!
//! ```text
//! cargo run --example chart_gallery -- OUT_DIR [PROVINCES_DIR]
//! ```
//!
//! Without `PROVINCES_DIR` it draws synthetic data with realistic labels at the sizes the
//! charts must handle (5 regions × 10 items and 30 regions × 60 items, awkward labels
//! such as `党建+`, `“红色物业”`, `社区大党委+小区党支部+楼栋党小组`, `a<b & "c"`). With
//! `PROVINCES_DIR` (a folder of CSV files with `province` and `full_text` columns, like
//! `corpora/provinces-2026`) it also draws the 29 provinces, using plain substring counts
//! of a fixed list of terms (a stand-in for the real analyses, which live elsewhere).

use std::path::{Path, PathBuf};

use tifa::chart::{self, ChartText, HeatmapOptions, Panel, ValueFormat};

const PROVINCES: [&str; 29] = [
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
];

const ITEMS: [&str; 12] = [
    "社区大党委+小区党支部+楼栋党小组",
    "1+5+N",
    "两个全覆盖",
    "三治融合",
    "党建+",
    "“红色物业”",
    "党建引领基层治理",
    "接诉即办",
    "枫桥经验",
    "a<b & \"c\"",
    "网格化管理",
    "一核多元共治共建共享的基层社会治理新格局与新机制",
];

const TERMS: [&str; 30] = [
    "新质生产力",
    "高质量发展",
    "党建引领",
    "乡村振兴",
    "共同富裕",
    "科技创新",
    "营商环境",
    "数字经济",
    "人工智能",
    "生态文明",
    "基层治理",
    "民营经济",
    "对外开放",
    "一带一路",
    "碳达峰",
    "城市更新",
    "产业链",
    "民生",
    "就业",
    "养老",
    "托育",
    "安全生产",
    "粮食安全",
    "文化旅游",
    "低空经济",
    "两个确立",
    "两个维护",
    "三农",
    "放管服",
    "国企改革",
];

/// Regions, items, and `counts[region][item]`.
type Matrix = (Vec<String>, Vec<String>, Vec<Vec<f64>>);

/// A deterministic pseudo-random value in [0, 1) for (a, b).
fn noise(a: usize, b: usize) -> f64 {
    let mut x = (a as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (b as u64 + 7).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 31;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 29;
    (x % 10_000) as f64 / 10_000.0
}

fn write(dir: &Path, name: &str, svg: &str) -> std::io::Result<()> {
    std::fs::write(dir.join(name), svg)?;
    println!("{}", dir.join(name).display());
    Ok(())
}

fn text(title: &str, subtitle: &str, x: &str, y: &str) -> ChartText {
    ChartText {
        title: title.into(),
        subtitle: subtitle.into(),
        x_label: x.into(),
        y_label: y.into(),
    }
}

/// All six charts for a matrix `counts[region][item]`.
fn draw_all(
    dir: &Path,
    tag: &str,
    corpus: &str,
    regions: &[String],
    items: &[String],
    counts: &[Vec<f64>],
) -> std::io::Result<()> {
    let n_items = items.len();
    // Small multiples: top 8 items per region, by value, ties by item order.
    let panels: Vec<Panel> = regions
        .iter()
        .zip(counts)
        .map(|(r, row)| {
            let mut idx: Vec<usize> = (0..n_items).collect();
            idx.sort_by(|a, b| row[*b].total_cmp(&row[*a]).then(a.cmp(b)));
            Panel {
                name: r.clone(),
                bars: idx
                    .iter()
                    .take(8)
                    .map(|i| (items[*i].clone(), row[*i]))
                    .collect(),
            }
        })
        .collect();
    let t = text(
        "各地区高频提法 Top 8",
        &format!("{corpus} · 出现次数"),
        "出现次数",
        "提法",
    );
    write(dir, &format!("{tag}-terms.svg"), &chart::bars(&t, &panels))?;

    // Items sorted by total, descending.
    let mut order: Vec<usize> = (0..n_items).collect();
    let total = |i: usize| counts.iter().map(|r| r[i]).sum::<f64>();
    order.sort_by(|a, b| total(*b).total_cmp(&total(*a)).then(a.cmp(b)));
    let sorted_items: Vec<String> = order.iter().map(|i| items[*i].clone()).collect();
    let series: Vec<(String, Vec<f64>)> = regions
        .iter()
        .zip(counts)
        .map(|(r, row)| (r.clone(), order.iter().map(|i| row[*i]).collect()))
        .collect();
    let t = text(
        "提法频次（按地区堆叠）",
        &format!("{corpus} · 出现次数，按总数排序"),
        "出现次数",
        "提法",
    );
    write(
        dir,
        &format!("{tag}-slogans-stacked.svg"),
        &chart::grouped_bars(&t, &sorted_items, &series, true),
    )?;
    let t = text(
        "提法频次（按地区分组）",
        &format!("{corpus} · 出现次数"),
        "出现次数",
        "提法",
    );
    let few: Vec<_> = series.iter().take(3).cloned().collect();
    write(
        dir,
        &format!("{tag}-slogans-grouped3.svg"),
        &chart::grouped_bars(&t, &sorted_items[..sorted_items.len().min(10)], &few, false),
    )?;
    write(
        dir,
        &format!("{tag}-slogans-grouped.svg"),
        &chart::grouped_bars(&t, &sorted_items, &series, false),
    )?;

    // Keyness stand-in for the first region: log2 ratio of its share vs the rest's.
    let first = &counts[0];
    let (a_tot, rest_tot) = (
        first.iter().sum::<f64>(),
        counts[1..].iter().flatten().sum::<f64>(),
    );
    let mut key: Vec<(String, f64)> = (0..n_items)
        .map(|i| {
            let rest: f64 = counts[1..].iter().map(|r| r[i]).sum();
            let v = ((first[i] + 0.5) / (a_tot + 1.0) / ((rest + 0.5) / (rest_tot + 1.0))).log2();
            (items[i].clone(), v)
        })
        .collect();
    key.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let t = text(
        &format!("{}：相对其他地区的特色提法", regions[0]),
        &format!("{corpus} · log₂ 比率（平滑 0.5）"),
        "log₂ 比率",
        "提法",
    );
    write(
        dir,
        &format!("{tag}-keyness.svg"),
        &chart::diverging(&t, &key),
    )?;

    let t = text(
        "地区 × 提法",
        &format!("{corpus} · 出现次数"),
        "提法",
        "地区",
    );
    let opts = HeatmapOptions {
        scale_label: "出现次数".into(),
        ..HeatmapOptions::default()
    };
    write(
        dir,
        &format!("{tag}-heatmap.svg"),
        &chart::heatmap(&t, regions, items, counts, &opts),
    )?;

    // Cosine similarity of the region rows.
    let norm = |r: &Vec<f64>| r.iter().map(|v| v * v).sum::<f64>().sqrt();
    let sim: Vec<Vec<f64>> = counts
        .iter()
        .map(|a| {
            counts
                .iter()
                .map(|b| {
                    let d = norm(a) * norm(b);
                    if d > 0.0 {
                        a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>() / d
                    } else {
                        f64::NAN
                    }
                })
                .collect()
        })
        .collect();
    let t = text(
        "地区相似度（余弦）",
        &format!("{corpus} · 提法频次向量的余弦相似度"),
        "地区",
        "地区",
    );
    let opts = HeatmapOptions {
        mark_diagonal: true,
        value_format: ValueFormat::Decimal2,
        distinct_zero: false,
        scale_label: "余弦相似度".into(),
    };
    write(
        dir,
        &format!("{tag}-similarity.svg"),
        &chart::heatmap(&t, regions, regions, &sim, &opts),
    )
}

fn synthetic(n_regions: usize, n_items: usize) -> Matrix {
    let regions: Vec<String> = (0..n_regions)
        .map(|i| {
            if i < 29 {
                PROVINCES[i].to_string()
            } else {
                format!("新疆生产建设兵团第{}师", i - 28)
            }
        })
        .collect();
    let items: Vec<String> = (0..n_items)
        .map(|i| {
            if i < ITEMS.len() {
                ITEMS[i].to_string()
            } else {
                format!("{}（{}）", TERMS[i % TERMS.len()], i)
            }
        })
        .collect();
    let counts = (0..n_regions)
        .map(|r| {
            (0..n_items)
                .map(|i| (noise(r, i) * 40.0 * (1.0 - i as f64 / (n_items as f64 + 5.0))).floor())
                .collect()
        })
        .collect();
    (regions, items, counts)
}

fn provinces(dir: &Path) -> std::io::Result<Matrix> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    let (mut regions, mut counts) = (Vec::new(), Vec::new());
    for f in files {
        let raw = std::fs::read_to_string(&f)?;
        let mut rdr = csv::Reader::from_reader(raw.trim_start_matches('\u{feff}').as_bytes());
        let headers = rdr.headers().map_err(std::io::Error::other)?.clone();
        let col = |n: &str| headers.iter().position(|h| h == n);
        let (Some(pc), Some(tc)) = (col("province"), col("full_text")) else {
            continue;
        };
        for rec in rdr.records() {
            let rec = rec.map_err(std::io::Error::other)?;
            let body = rec.get(tc).unwrap_or("");
            regions.push(rec.get(pc).unwrap_or("?").to_string());
            counts.push(
                TERMS
                    .iter()
                    .map(|t| body.matches(t).count() as f64)
                    .collect(),
            );
        }
    }
    Ok((
        regions,
        TERMS.iter().map(|t| t.to_string()).collect(),
        counts,
    ))
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let out = PathBuf::from(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("target/chart-gallery"),
    );
    std::fs::create_dir_all(&out)?;
    let (r, i, c) = synthetic(5, 10);
    draw_all(&out, "small-5x10", "合成数据 5 地区 × 10 提法", &r, &i, &c)?;
    let (r, i, c) = synthetic(30, 60);
    draw_all(
        &out,
        "large-30x60",
        "合成数据 30 地区 × 60 提法",
        &r,
        &i,
        &c,
    )?;
    if let Some(dir) = args.get(2) {
        let (r, i, c) = provinces(Path::new(dir))?;
        if !r.is_empty() {
            draw_all(&out, "provinces", "2026 年 29 省政府工作报告", &r, &i, &c)?;
        }
    }
    Ok(())
}
