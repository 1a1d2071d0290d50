//! SVG chart tests: every chart parses as XML, shows the expected labels as `<text>`,
//! keeps every label (by our width estimate) inside the canvas and clear of every other
//! label, and renders byte-identically twice; at 5 × 10 and 30 × 60.

use tifa::chart::{
    self, text_width, ChartText, HeatmapOptions, Panel, ValueFormat, FONT_FAMILY, MAX_LABEL_EM,
};

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

const SLOGANS: [&str; 10] = [
    "社区大党委+小区党支部+楼栋党小组",
    "1+5+N",
    "两个全覆盖",
    "三治融合",
    "党建+",
    "“红色物业”",
    "党建引领",
    "a<b & \"c\" 'd'",
    "接诉即办",
    "一核多元共治共建共享的基层社会治理新格局",
];

fn regions(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            PROVINCES
                .get(i)
                .map_or_else(|| format!("兵团第{i}师"), |p| p.to_string())
        })
        .collect()
}

fn items(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            SLOGANS
                .get(i)
                .map_or_else(|| format!("提法{i}号"), |s| s.to_string())
        })
        .collect()
}

/// Deterministic values in [0, 50), with some zeros.
fn values(r: usize, c: usize) -> Vec<Vec<f64>> {
    (0..r)
        .map(|i| {
            (0..c)
                .map(|j| ((i * 37 + j * 11) % 50) as f64 * f64::from(u8::from((i + j) % 7 != 0)))
                .collect()
        })
        .collect()
}

fn text() -> ChartText {
    ChartText {
        title: "提法频次 & <对比>".into(),
        subtitle: "测试语料 · 出现次数".into(),
        x_label: "出现次数".into(),
        y_label: "提法".into(),
    }
}

/// One `<text>` element with its estimated box.
#[derive(Debug)]
struct Label {
    content: String,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

fn num(node: roxmltree::Node, name: &str) -> f64 {
    node.attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("attribute {name} on {node:?}"))
}

/// Parses the SVG and returns (width, height, labels). Panics unless it is well-formed.
fn parse(svg: &str) -> (f64, f64, Vec<Label>) {
    let doc = roxmltree::Document::parse(svg).expect("SVG parses as XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let (w, h) = (num(root, "width"), num(root, "height"));
    let mut labels = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        assert_eq!(node.attribute("font-family"), Some(FONT_FAMILY));
        let content = node.text().unwrap_or("").trim().to_string();
        let (x, y, px) = (num(node, "x"), num(node, "y"), num(node, "font-size"));
        let bold = node.attribute("font-weight") == Some("bold");
        // The same factor 1.08 as the library uses for bold text.
        let len = text_width(&content, px) * if bold { 1.08 } else { 1.0 };
        let (before, after) = match node.attribute("text-anchor") {
            Some("start") => (0.0, len),
            Some("end") => (len, 0.0),
            Some("middle") => (len / 2.0, len / 2.0),
            other => panic!("text-anchor {other:?}"),
        };
        // Half a line box (1.2 em) across the reading direction; dy="0.5ex" centres it.
        let half = 0.6 * px;
        let label = match node.attribute("transform") {
            None => Label {
                content,
                x0: x - before,
                x1: x + after,
                y0: y - half,
                y1: y + half,
            },
            // Rotated 270° about (x, y): reading upwards, so "start" extends to smaller y.
            Some(t) if t.starts_with("rotate(270") => Label {
                content,
                x0: x - half,
                x1: x + half,
                y0: y - after,
                y1: y + before,
            },
            Some(t) => panic!("unexpected transform {t}"),
        };
        labels.push(label);
    }
    (w, h, labels)
}

/// Every label inside the canvas, no two labels overlapping (0.5 px tolerance for the
/// whole-pixel rounding of coordinates).
fn check_layout(svg: &str) -> Vec<String> {
    let (w, h, labels) = parse(svg);
    for l in &labels {
        assert!(
            l.x0 >= 0.0 && l.x1 <= w && l.y0 >= 0.0 && l.y1 <= h,
            "label {:?} ({:.1}..{:.1}, {:.1}..{:.1}) outside canvas {w}×{h}",
            l.content,
            l.x0,
            l.x1,
            l.y0,
            l.y1
        );
    }
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let overlap =
                a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
            assert!(!overlap, "labels overlap: {a:?} and {b:?}");
        }
    }
    labels.into_iter().map(|l| l.content).collect()
}

/// `label` is shown, whole or (if longer than 16 em) as a prefix ending in "…".
fn assert_shown(texts: &[String], label: &str) {
    if texts.iter().any(|t| t == label) {
        return;
    }
    assert!(
        text_width(label, 12.0) > MAX_LABEL_EM * 12.0,
        "label {label:?} missing"
    );
    let ok = texts.iter().any(|t| {
        t.strip_suffix('…')
            .is_some_and(|p| !p.is_empty() && label.starts_with(p))
    });
    assert!(ok, "truncated label {label:?} missing");
}

fn assert_deterministic(render: impl Fn() -> String) -> String {
    let a = render();
    assert_eq!(a, render(), "two renders differ");
    a
}

fn panels(r: usize, c: usize) -> Vec<Panel> {
    let (names, its, vals) = (regions(r), items(c), values(r, c));
    names
        .iter()
        .zip(&vals)
        .map(|(n, row)| Panel {
            name: n.clone(),
            bars: its.iter().cloned().zip(row.iter().copied()).collect(),
        })
        .collect()
}

#[test]
fn small_multiples_5x10_and_30x60() {
    for (r, c) in [(5, 10), (30, 60)] {
        let p = panels(r, c);
        let svg = assert_deterministic(|| chart::bars(&text(), &p));
        let texts = check_layout(&svg);
        for label in regions(r).iter().chain(&items(c)) {
            assert_shown(&texts, label);
        }
        for t in [
            "提法频次 & <对比>",
            "测试语料 · 出现次数",
            "出现次数",
            "提法",
        ] {
            assert_shown(&texts, t);
        }
    }
}

#[test]
fn stacked_and_grouped_bars_5x10_and_30x60() {
    for (r, c) in [(5, 10), (30, 60), (2, 10)] {
        let (names, its, vals) = (regions(r), items(c), values(r, c));
        // series[s] = (region, value per item): transpose of vals (which is per region).
        let series: Vec<(String, Vec<f64>)> = names.iter().cloned().zip(vals).collect();
        for stacked in [true, false] {
            let svg = assert_deterministic(|| chart::grouped_bars(&text(), &its, &series, stacked));
            let texts = check_layout(&svg);
            for label in names.iter().chain(&its) {
                assert_shown(&texts, label);
            }
        }
    }
}

#[test]
fn stacked_totals_are_printed() {
    // Two series over two items: item A = 3 + 4 = 7, item B = 10 + 0.5 = 10.5. With a
    // fractional value and a maximum ≥ 10 the labels get 1 decimal: "7.0" and "10.5".
    let items = vec!["A".to_string(), "B".to_string()];
    let series = vec![
        ("甲".to_string(), vec![3.0, 10.0]),
        ("乙".to_string(), vec![4.0, 0.5]),
    ];
    let texts = check_layout(&chart::grouped_bars(&text(), &items, &series, true));
    assert!(texts.contains(&"7.0".to_string()), "{texts:?}");
    assert!(texts.contains(&"10.5".to_string()), "{texts:?}");
}

#[test]
fn diverging_bars_5x10_and_30x60() {
    for n in [10, 60] {
        let its = items(n);
        // Values from +4.5 down to −(n−10)/2: both signs present.
        let bars: Vec<(String, f64)> = its
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), 4.5 - i as f64 * 0.5))
            .collect();
        let svg = assert_deterministic(|| chart::diverging(&text(), &bars));
        let texts = check_layout(&svg);
        for label in &its {
            assert_shown(&texts, label);
        }
        // The first value is 4.5. With 10 bars the largest magnitude is 4.5 (< 10: two
        // decimals, "4.50"); with 60 it is |4.5 − 59 × 0.5| = 25 (< 100: one decimal, "4.5").
        let first = if n == 10 { "4.50" } else { "4.5" };
        assert!(texts.contains(&first.to_string()), "{first} missing");
        assert!(texts.iter().any(|t| t.starts_with("over-used")));
        assert!(texts.iter().any(|t| t.starts_with("under-used")));
    }
}

#[test]
fn heatmap_5x10_and_30x60_and_similarity() {
    for (r, c) in [(5, 10), (30, 60)] {
        let (rows, cols, vals) = (regions(r), items(c), values(r, c));
        let opts = HeatmapOptions {
            scale_label: "出现次数".into(),
            ..HeatmapOptions::default()
        };
        let svg = assert_deterministic(|| chart::heatmap(&text(), &rows, &cols, &vals, &opts));
        let texts = check_layout(&svg);
        for label in rows.iter().chain(&cols) {
            assert_shown(&texts, label);
        }
        // One printed value per cell, plus the labels: at least r × c texts.
        assert!(texts.len() >= r * c + r + c);

        let sim: Vec<Vec<f64>> = (0..r)
            .map(|i| {
                (0..r)
                    .map(|j| {
                        if i == j {
                            1.0
                        } else {
                            0.5 + ((i + j) % 5) as f64 / 10.0
                        }
                    })
                    .collect()
            })
            .collect();
        let opts = HeatmapOptions {
            mark_diagonal: true,
            value_format: ValueFormat::Decimal2,
            distinct_zero: false,
            scale_label: "Jaccard".into(),
        };
        let svg = assert_deterministic(|| chart::heatmap(&text(), &rows, &rows, &sim, &opts));
        let texts = check_layout(&svg);
        assert_eq!(texts.iter().filter(|t| *t == "1.00").count(), r);
        // The diagonal is outlined 2 px wide in #222222, drawn as two nested 1-px
        // outline rectangles per diagonal cell: 2 × r.
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let marks = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("rect")
                    && n.attribute("fill") == Some("none")
                    && n.attribute("stroke") == Some("#222222")
            })
            .count();
        assert_eq!(marks, 2 * r);
    }
}

#[test]
fn heatmap_cell_text_colour_follows_luminance() {
    // Values 0 and 10 with zero not greyed: the colour scale spans [0, 10]; 0 is viridis
    // dark purple #440154 (luminance ≈ 0.013 → white text), 10 is yellow #FDE725
    // (luminance ≈ 0.77 → black text).
    let rows = vec!["北京市".to_string()];
    let cols = vec!["1+5+N".to_string(), "党建+".to_string()];
    let opts = HeatmapOptions {
        distinct_zero: false,
        ..HeatmapOptions::default()
    };
    let svg = chart::heatmap(&text(), &rows, &cols, &[vec![0.0, 10.0]], &opts);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let fill_of = |s: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("text") && n.text().map(str::trim) == Some(s))
            .and_then(|n| n.attribute("fill"))
            .map(str::to_string)
    };
    assert_eq!(fill_of("0").as_deref(), Some("#FFFFFF"));
    assert_eq!(fill_of("10").as_deref(), Some("#000000"));
    assert!(svg.contains("fill=\"#440154\""));
    assert!(svg.contains("fill=\"#FDE725\""));
}

#[test]
fn escaping_of_awkward_labels() {
    let p = vec![Panel {
        name: "<b>&".into(),
        bars: vec![("a<b & \"c\" 'd'".into(), 1.0)],
    }];
    let svg = chart::bars(&text(), &p);
    assert!(svg.contains("a&lt;b &amp; &quot;c&quot; &apos;d&apos;"));
    assert!(svg.contains("&lt;b&gt;&amp;"));
    check_layout(&svg);
}

#[test]
fn degenerate_inputs_still_give_valid_svg() {
    let empty = ChartText::default();
    let nan = vec![
        ("x".to_string(), f64::NAN),
        ("y".to_string(), f64::INFINITY),
        ("".to_string(), -1e300),
    ];
    let svgs = vec![
        chart::bars(&empty, &[]),
        chart::bars(
            &text(),
            &[Panel {
                name: String::new(),
                bars: vec![],
            }],
        ),
        chart::bars(
            &text(),
            &[Panel {
                name: "n".into(),
                bars: nan.clone(),
            }],
        ),
        chart::grouped_bars(&empty, &[], &[], true),
        chart::grouped_bars(&text(), &items(3), &[("s".into(), vec![1.0])], false),
        chart::grouped_bars(
            &text(),
            &items(3),
            &[("s".into(), vec![f64::NAN, -2.0, 1e9])],
            true,
        ),
        chart::diverging(&empty, &[]),
        chart::diverging(&text(), &nan),
        chart::diverging(
            &text(),
            &[("max".into(), f64::MAX), ("min".into(), f64::MIN)],
        ),
        chart::heatmap(
            &text(),
            &regions(1),
            &items(2),
            &[vec![f64::MAX, f64::MIN]],
            &HeatmapOptions::default(),
        ),
        chart::heatmap(&empty, &[], &[], &[], &HeatmapOptions::default()),
        chart::heatmap(
            &text(),
            &regions(3),
            &items(2),
            &[vec![f64::NAN], vec![]],
            &HeatmapOptions::default(),
        ),
        chart::heatmap(
            &text(),
            &regions(2),
            &items(2),
            &[vec![5.0, 5.0], vec![5.0, 5.0]],
            &HeatmapOptions::default(),
        ),
        chart::bars(
            &ChartText {
                title: "长".repeat(500),
                subtitle: "\n".into(),
                ..text()
            },
            &panels(1, 1),
        ),
    ];
    for svg in svgs {
        check_layout(&svg);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_labels_and_values_fit(
            labels in proptest::collection::vec("[a-zA-Z0-9+&<\"“”党建引领两个全覆盖 …\\n]{0,40}", 1..8),
            vals in proptest::collection::vec(-1e6f64..1e6, 1..8),
        ) {
            let n = labels.len().min(vals.len());
            let bars: Vec<(String, f64)> = labels.iter().cloned().zip(vals.iter().copied()).take(n).collect();
            check_layout(&chart::diverging(&text(), &bars));
            check_layout(&chart::bars(&text(), &[Panel { name: labels[0].clone(), bars: bars.clone() }]));
            let series = vec![(labels[0].clone(), vals.clone())];
            check_layout(&chart::grouped_bars(&text(), &labels, &series, true));
            let opts = HeatmapOptions::default();
            check_layout(&chart::heatmap(&text(), &labels, &labels, &vec![vals.clone(); n], &opts));
        }
    }
}

/// Widths at 12 px measured in headless Chromium 2026-11 with fonts-noto-cjk (Noto Sans
/// CJK SC picked from the FONT_FAMILY list), by `getComputedTextLength()` on SVG `<text>`:
/// (label, regular width, bold width). The estimate must never be narrower (that could
/// clip) and at most 30% wider (or the layout wastes space).
const MEASURED_12PX: [(&str, f64, f64); 14] = [
    ("党建引领", 48.02, 48.02),
    ("1+5+N", 35.33, 37.31),
    ("“红色物业”", 72.02, 72.02),
    ("社区大党委+小区党支部+楼栋党小组", 193.33, 194.2),
    ("a<b & \"c\" 'd'", 67.9, 74.1),
    ("新疆维吾尔自治区", 96.0, 96.0),
    ("0.72", 23.3, 25.1),
    ("1234567890", 66.6, 70.8),
    ("WMwm@%", 63.4, 66.8),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 197.4, 207.4),
    ("abcdefghijklmnopqrstuvwxyz", 164.3, 175.2),
    ("over-used vs. the rest (> 0)", 145.2, 154.9),
    ("提法（12）", 61.3, 62.2),
    ("合成数据 5 地区 × 10 提法 · 出现次数", 206.8, 208.3),
];

#[test]
fn text_width_covers_widths_measured_in_chromium() {
    for (label, regular, bold) in MEASURED_12PX {
        let est = text_width(label, 12.0);
        // 0.05 px tolerance: 党建引领 measures 48.016 px against 4 × 12 = 48 px.
        assert!(
            est >= regular - 0.05,
            "{label}: estimate {est} < measured {regular}"
        );
        assert!(
            est <= regular * 1.3,
            "{label}: estimate {est} far above {regular}"
        );
        // Bold text is laid out with the factor 1.08.
        assert!(
            est * 1.08 >= bold - 0.05,
            "{label} (bold): {} < {bold}",
            est * 1.08
        );
    }
}
