//! The report's charts: the SVG set, in the order the files are written.

use super::analysis::Analysis;
use super::ReportOptions;
use crate::chart::{self, ChartText, HeatmapOptions, Panel, ValueFormat};
use crate::contexts;
use crate::cooccur::{self, Measure, Norm};
use crate::slogans::SloganStats;
use crate::table::count_of;
use rayon::prelude::*;

/// The drawn charts.
pub(super) struct Charts {
    /// (file name, SVG), in the order they are written.
    pub files: Vec<(String, String)>,
    /// The keyness charts: (file name, group).
    pub keyness_files: Vec<(String, String)>,
}

/// Draws every chart: terms, slogans, heat map and similarity over formulations, heat map
/// and similarity over terms, then one keyness chart per group.
pub(super) fn draw(opts: &ReportOptions, a: &Analysis) -> Charts {
    // The charts are independent: all of them are drawn in parallel (there can be dozens of
    // keyness charts) and put in the fixed order above.
    let six = || {
        rayon::join(
            || rayon::join(|| terms_chart(opts, a), || slogan_charts(opts, a)),
            || {
                rayon::join(
                    || similarity_chart(opts, a),
                    || rayon::join(|| term_heatmap(opts, a), || term_similarity(opts, a)),
                )
            },
        )
    };
    let keyness = || -> Vec<(String, String, String)> {
        a.groups
            .par_iter()
            .enumerate()
            .map(|(i, grp)| {
                (
                    keyness_file_name(i),
                    grp.clone(),
                    keyness_chart(opts, a, grp),
                )
            })
            .collect()
    };
    let (((terms, (slogans, heatmap)), (similarity, (term_heatmap, term_similarity))), keyness) =
        rayon::join(six, keyness);
    let mut files: Vec<(String, String)> = vec![
        ("terms.svg".into(), terms),
        ("slogans.svg".into(), slogans),
        ("heatmap.svg".into(), heatmap),
        ("similarity.svg".into(), similarity),
        ("heatmap-terms.svg".into(), term_heatmap),
        ("similarity-terms.svg".into(), term_similarity),
    ];
    let mut keyness_files: Vec<(String, String)> = Vec::new();
    for (name, grp, svg) in keyness {
        keyness_files.push((name.clone(), grp));
        files.push((name, svg));
    }
    Charts {
        files,
        keyness_files,
    }
}

/// The file name of the keyness chart of the `i`-th group (from 0).
pub(super) fn keyness_file_name(i: usize) -> String {
    format!("keyness-{:02}.svg", i + 1)
}

/// Terms: small multiples, one panel per group.
fn terms_chart(opts: &ReportOptions, a: &Analysis) -> String {
    let group_by = &opts.group_by;
    let panels: Vec<Panel> = a
        .groups
        .iter()
        .map(|grp| Panel {
            name: grp.clone(),
            bars: a
                .term_rows
                .iter()
                .filter(|r| &r.group == grp)
                .take(opts.chart_top)
                .map(|r| (r.term.clone(), r.per10k))
                .collect(),
        })
        .collect();
    chart::bars(
        &ChartText {
            title: format!("Most frequent terms per {group_by}"),
            subtitle: format!(
                "{} · {} · top {} terms per 10,000 word tokens",
                a.short_name,
                count_of(a.groups.len(), group_by),
                opts.chart_top
            ),
            x_label: "per 10,000 word tokens".into(),
            y_label: "term".into(),
        },
        &panels,
    )
}

/// The mentions of each shown formulation in `grp`.
fn mentions_in(shown: &[&SloganStats], grp: &str) -> Vec<f64> {
    shown
        .iter()
        .map(|s| *s.by_group.get(grp).unwrap_or(&0) as f64)
        .collect()
}

/// Slogans (the most widespread formulations, stacked by group) and the group ×
/// formulation heat map, over the same formulations.
fn slogan_charts(opts: &ReportOptions, a: &Analysis) -> (String, String) {
    let (group_by, short_name, groups) = (&opts.group_by, &a.short_name, &a.groups);
    let shown: Vec<&SloganStats> = a
        .slogans
        .iter()
        .filter(|s| s.groups >= opts.min_regions)
        .take(opts.chart_slogans)
        .collect();
    let items: Vec<String> = shown.iter().map(|s| s.normalized.clone()).collect();
    let mut by_total = shown.clone();
    by_total.sort_by(|x, y| y.total.cmp(&x.total).then(x.normalized.cmp(&y.normalized)));
    let items_total: Vec<String> = by_total.iter().map(|s| s.normalized.clone()).collect();
    // Up to 8 groups each get an Okabe–Ito colour; with more, colours would repeat, so the
    // bars show the total and the heat map shows the breakdown by group.
    let stack = groups.len() <= 8;
    let series_total: Vec<(String, Vec<f64>)> = if !stack {
        vec![(
            format!("all {group_by}s"),
            by_total.iter().map(|s| s.total as f64).collect(),
        )]
    } else {
        groups
            .iter()
            .map(|grp| (grp.clone(), mentions_in(&by_total, grp)))
            .collect()
    };
    let slogans = chart::grouped_bars(
        &ChartText {
            title: "Formulations (提法) by frequency".into(),
            subtitle: format!(
                "{short_name} · the {} most widespread, by total mentions{}",
                items_total.len(),
                if stack {
                    format!(" · stacked by {group_by}")
                } else {
                    format!(
                        " · all {} (by {group_by}: heat map)",
                        count_of(groups.len(), group_by)
                    )
                }
            ),
            x_label: "mentions".into(),
            y_label: "formulation".into(),
        },
        &items_total,
        &series_total,
        true,
    );
    let hm_values: Vec<Vec<f64>> = groups.iter().map(|grp| mentions_in(&shown, grp)).collect();
    let heatmap = chart::heatmap(
        &ChartText {
            title: format!("Formulations (提法) by {group_by}"),
            subtitle: format!(
                "{short_name} · {} · mentions of the {} most widespread",
                count_of(groups.len(), group_by),
                items.len()
            ),
            x_label: "formulation".into(),
            y_label: group_by.clone(),
        },
        groups,
        &items,
        &hm_values,
        &HeatmapOptions {
            scale_label: "mentions".into(),
            ..HeatmapOptions::default()
        },
    );
    (slogans, heatmap)
}

/// Similarity: group × group Jaccard of the formulation sets. The diagonal (always 1) is
/// left out of the colour scale (drawn blank and outlined), so that the off-diagonal values
/// keep their contrast.
fn similarity_chart(opts: &ReportOptions, a: &Analysis) -> String {
    let group_by = &opts.group_by;
    let m = &a.similarity.matrix;
    similarity_heatmap(
        m,
        format!("How alike the {group_by}s are in their formulations"),
        format!(
            "{} · Jaccard similarity of formulation sets · diagonal (self) left blank",
            a.short_name
        ),
        group_by,
        "Jaccard",
    )
}

/// Group × the most frequent terms, per 10,000 word tokens.
fn term_heatmap(opts: &ReportOptions, a: &Analysis) -> String {
    let group_by = &opts.group_by;
    let term_items = a.table.top_terms(opts.chart_slogans);
    let term_groups = contexts::term_groups_of(&a.table, &term_items);
    let m = cooccur::group_item(&term_groups, Norm::Per10k, 1);
    chart::heatmap(
        &ChartText {
            title: format!("Most frequent terms by {group_by}"),
            subtitle: format!(
                "{} · {} · per 10,000 word tokens, the {} most frequent terms",
                a.short_name,
                count_of(a.groups.len(), group_by),
                m.cols().len()
            ),
            x_label: "term".into(),
            y_label: group_by.clone(),
        },
        m.rows(),
        m.cols(),
        m.values(),
        &HeatmapOptions {
            scale_label: "per 10k".into(),
            ..HeatmapOptions::default()
        },
    )
}

/// The cosine similarity of the groups' term-frequency vectors (top 200 terms).
fn term_similarity(opts: &ReportOptions, a: &Analysis) -> String {
    let group_by = &opts.group_by;
    let vocab = a.table.top_terms(200);
    // Only the matrix is drawn: the items each pair shares are not listed.
    let m =
        &cooccur::similarity_matrix(&contexts::term_groups_of(&a.table, &vocab), Measure::Cosine);
    similarity_heatmap(
        m,
        format!("How alike the {group_by}s are in their vocabulary"),
        format!(
            "{} · cosine of term frequencies (top {} terms) · diagonal (self) left blank",
            a.short_name,
            vocab.len()
        ),
        group_by,
        "cosine",
    )
}

/// A group × group similarity heat map: two-decimal values, the diagonal blank and
/// outlined, zero drawn apart from the scale.
fn similarity_heatmap(
    m: &cooccur::Matrix,
    title: String,
    subtitle: String,
    group_by: &str,
    scale_label: &str,
) -> String {
    chart::heatmap(
        &ChartText {
            title,
            subtitle,
            x_label: group_by.to_string(),
            y_label: group_by.to_string(),
        },
        m.rows(),
        m.cols(),
        &blank_diagonal(m),
        &HeatmapOptions {
            mark_diagonal: true,
            value_format: ValueFormat::Decimal2,
            distinct_zero: true,
            scale_label: scale_label.into(),
        },
    )
}

/// Keyness: diverging bars for `grp` against the rest, over-used terms right and
/// under-used terms left.
fn keyness_chart(opts: &ReportOptions, a: &Analysis, grp: &str) -> String {
    let mut bars: Vec<(String, f64)> = a
        .key_over
        .iter()
        .filter(|r| r.group == grp && r.score > 0.0)
        .take(opts.chart_top)
        .map(|r| (r.term.clone(), r.score))
        .collect();
    let mut under: Vec<(String, f64)> = a
        .key_under
        .iter()
        .filter(|r| r.group == grp && r.score < 0.0)
        .take(opts.chart_top)
        .map(|r| (r.term.clone(), r.score))
        .collect();
    under.reverse();
    bars.extend(under);
    chart::diverging(
        &ChartText {
            title: format!("Distinctive terms: {grp} against the rest"),
            subtitle: format!(
                "{} · {} · signed log-likelihood G²",
                a.short_name,
                count_of(a.groups.len(), &opts.group_by)
            ),
            x_label: "G² (positive: over-used in this group)".into(),
            y_label: "term".into(),
        },
        &bars,
    )
}

/// The values of a square similarity matrix with the diagonal (always 1) left out of the
/// colour scale (NaN: drawn blank), so the off-diagonal values keep their contrast.
fn blank_diagonal(m: &cooccur::Matrix) -> Vec<Vec<f64>> {
    m.values()
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, v)| if r == c { f64::NAN } else { *v })
                .collect()
        })
        .collect()
}
