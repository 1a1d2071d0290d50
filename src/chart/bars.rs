//! Horizontal bar charts: small multiples of top-N terms per region ([`bars`]) and
//! formulation frequency by region, stacked or grouped ([`grouped_bars`]).

use super::frame::{
    fitting_axis, header, legend, legend_size, line_h, no_data, short_label, tick_label_width,
    value_axis, x_title, x_title_height, y_title, y_title_width, LABEL_PX, MARGIN, TICK_ROW,
    VALUE_PX,
};
use super::measure::{text_width, BOLD_FACTOR};
use super::palette::{category, BAR, INK, MUTED};
use super::scene::{Anchor, Label, Scene};
use super::ticks::{format_number, value_decimals};
use super::{ChartText, Panel};

/// Width of the bar area of one small-multiples panel.
const PANEL_BAR_W: f64 = 180.0;
/// Width of the bar area of a grouped or stacked chart.
const PLOT_W: f64 = 420.0;
/// Height of one bar row in a panel or stacked chart (bar 12 px + 6 px gap).
const ROW_H: f64 = 18.0;
const BAR_H: f64 = 12.0;
/// Gaps between panels.
const PANEL_GAP_X: f64 = 28.0;
const PANEL_GAP_Y: f64 = 20.0;
/// Gap between a category label and its bar, and between a bar and its value label.
const GAP: f64 = 6.0;

/// Finite value or 0.
fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// Small multiples: one panel per region with its bars (e.g. the top-N terms), in a grid
/// of ⌈√n⌉ columns, panels in the given order left to right, top to bottom.
///
/// All panels share one value axis (fixed scales, like ggplot2's `facet_wrap` default) so
/// that bar lengths compare across regions; labels are shortened to
/// [`super::MAX_LABEL_EM`] em and every panel gets the width of the longest label.
/// Non-finite values are drawn as 0.
pub fn bars(text: &ChartText, panels: &[Panel]) -> String {
    let mut scene = Scene::default();
    let (top, header_w) = header(&mut scene, text);
    let left = MARGIN + y_title_width(text);
    if panels.is_empty() {
        let w = no_data(&mut scene, left, top);
        let bottom = top + 2.0 * line_h(LABEL_PX);
        return scene.render((left + w + MARGIN).max(header_w), bottom + MARGIN);
    }
    let all = panels.iter().flat_map(|p| p.bars.iter().map(|b| b.1));
    let axis = fitting_axis(&all.clone().collect::<Vec<_>>(), PANEL_BAR_W, 4);
    let decimals = value_decimals(all.clone());
    let labels: Vec<Vec<String>> = panels
        .iter()
        .map(|p| p.bars.iter().map(|b| short_label(&b.0)).collect())
        .collect();
    let label_w = labels
        .iter()
        .flatten()
        .map(|l| text_width(l, LABEL_PX))
        .fold(0.0, f64::max);
    let value_w = all
        .map(|v| text_width(&format_number(finite(v), decimals), VALUE_PX))
        .fold(0.0, f64::max);
    let half_tick = tick_label_width(&axis) / 2.0;
    let bar_x0 = label_w + GAP;
    // The right pad fits the value label of the longest bar and half of the last tick label.
    let inner_w = bar_x0 + PANEL_BAR_W + (GAP + value_w).max(half_tick);
    let names: Vec<String> = panels.iter().map(|p| short_label(&p.name)).collect();
    let name_w = names
        .iter()
        .map(|n| text_width(n, LABEL_PX + 2.0) * BOLD_FACTOR)
        .fold(0.0, f64::max);
    let panel_w = inner_w.max(name_w);
    let max_rows = panels
        .iter()
        .map(|p| p.bars.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let name_h = line_h(LABEL_PX + 2.0) + 4.0;
    let panel_h = name_h + max_rows as f64 * ROW_H + 4.0 + TICK_ROW;

    let n = panels.len();
    let cols = (n as f64).sqrt().ceil().max(1.0) as usize;
    let rows = n.div_ceil(cols);
    for (i, panel) in panels.iter().enumerate() {
        let px0 = left + (i % cols) as f64 * (panel_w + PANEL_GAP_X);
        let py0 = top + (i / cols) as f64 * (panel_h + PANEL_GAP_Y);
        scene.push_label(Label {
            text: names[i].clone(),
            x: px0,
            y: py0 + line_h(LABEL_PX + 2.0) / 2.0,
            px: LABEL_PX + 2.0,
            anchor: Anchor::Start,
            color: INK,
            bold: true,
            vertical: false,
        });
        let plot_top = py0 + name_h;
        let plot_bottom = plot_top + max_rows as f64 * ROW_H;
        let (x0, x1) = (px0 + bar_x0, px0 + bar_x0 + PANEL_BAR_W);
        value_axis(&mut scene, &axis, x0, x1, plot_top, plot_bottom);
        let zero = axis.map(0.0, x0, x1);
        for (j, (_, v)) in panel.bars.iter().enumerate() {
            let v = finite(*v);
            let cy = plot_top + j as f64 * ROW_H + ROW_H / 2.0;
            let end = axis.map(v, x0, x1);
            scene.rect(
                zero.min(end),
                cy - BAR_H / 2.0,
                zero.max(end),
                cy + BAR_H / 2.0,
                BAR,
            );
            scene.text(&labels[i][j], x0 - GAP, cy, LABEL_PX, Anchor::End, INK);
            let value = format_number(v, decimals);
            scene.text(
                &value,
                zero.max(end) + 3.0,
                cy,
                VALUE_PX,
                Anchor::Start,
                MUTED,
            );
        }
        scene.line(zero, plot_top, zero, plot_bottom, MUTED, 1);
    }
    let grid_w = cols as f64 * panel_w + (cols - 1) as f64 * PANEL_GAP_X;
    let grid_h = rows as f64 * panel_h + (rows - 1) as f64 * PANEL_GAP_Y;
    y_title(&mut scene, text, top, top + grid_h);
    let x_end = x_title(&mut scene, text, left, left + grid_w, top + grid_h);
    let width = (left + grid_w).max(x_end).max(header_w - MARGIN) + MARGIN;
    let height = top + grid_h + x_title_height(text) + MARGIN;
    scene.render(width, height)
}

/// Frequency of items (e.g. formulations) by series (e.g. regions) as horizontal bars,
/// items top to bottom in the given order (callers sort by total), one colour per series
/// with a legend on the right in series order.
///
/// `stacked`: one bar per item made of the series' segments, with the total at its end
/// (negative and non-finite values count as 0). Otherwise grouped: one thin bar per series
/// inside each item's band; values are printed when there are at most three series (the
/// bars are then tall enough). A series shorter than `items` is treated as 0 for the rest.
pub fn grouped_bars(
    text: &ChartText,
    items: &[String],
    series: &[(String, Vec<f64>)],
    stacked: bool,
) -> String {
    let mut scene = Scene::default();
    let (top, header_w) = header(&mut scene, text);
    let left = MARGIN + y_title_width(text);
    let value = |s: usize, i: usize| {
        let v = series
            .get(s)
            .and_then(|x| x.1.get(i))
            .copied()
            .unwrap_or(0.0);
        if stacked {
            finite(v).max(0.0)
        } else {
            finite(v)
        }
    };
    let k = series.len();
    let shown: Vec<f64> = if stacked {
        (0..items.len())
            .map(|i| (0..k).map(|s| value(s, i)).sum())
            .collect()
    } else {
        (0..items.len())
            .flat_map(|i| (0..k).map(move |s| (i, s)))
            .map(|(i, s)| value(s, i))
            .collect()
    };
    let axis = fitting_axis(&shown, PLOT_W, 5);
    let decimals = value_decimals(shown.iter().copied());
    let (sub_h, band_h, print_values) = if stacked {
        (BAR_H, ROW_H, true)
    } else if k <= 3 {
        (14.0, 14.0 * k as f64 + 8.0, true)
    } else if k <= 10 {
        (7.0, 7.0 * k as f64 + 8.0, false)
    } else {
        (4.0, 4.0 * k as f64 + 8.0, false)
    };
    let labels: Vec<String> = items.iter().map(|s| short_label(s)).collect();
    let label_w = labels
        .iter()
        .map(|l| text_width(l, LABEL_PX))
        .fold(0.0, f64::max);
    let value_w = if print_values {
        shown
            .iter()
            .map(|v| text_width(&format_number(*v, decimals), VALUE_PX))
            .fold(0.0, f64::max)
    } else {
        0.0
    };
    let x0 = left + label_w + GAP;
    let x1 = x0 + PLOT_W;
    let plot_top = top;
    let rows_h = (items.len().max(1)) as f64 * band_h;
    let plot_bottom = plot_top + rows_h;
    let right_pad = (GAP + value_w).max(tick_label_width(&axis) / 2.0);
    if items.is_empty() {
        no_data(&mut scene, x0, plot_top);
    }
    value_axis(&mut scene, &axis, x0, x1, plot_top, plot_bottom);
    let zero = axis.map(0.0, x0, x1);
    for (i, label) in labels.iter().enumerate() {
        let band_top = plot_top + i as f64 * band_h;
        let cy = band_top + band_h / 2.0;
        scene.text(label, x0 - GAP, cy, LABEL_PX, Anchor::End, INK);
        if stacked {
            let mut acc = 0.0;
            for s in 0..k {
                let v = value(s, i);
                if v > 0.0 {
                    let (a, b) = (axis.map(acc, x0, x1), axis.map(acc + v, x0, x1));
                    scene.rect(a, cy - sub_h / 2.0, b, cy + sub_h / 2.0, category(s));
                }
                acc += v;
            }
            let end = axis.map(acc, x0, x1);
            scene.text(
                &format_number(acc, decimals),
                end + 3.0,
                cy,
                VALUE_PX,
                Anchor::Start,
                MUTED,
            );
        } else {
            for s in 0..k {
                let v = value(s, i);
                let y = band_top + 4.0 + s as f64 * sub_h;
                let end = axis.map(v, x0, x1);
                scene.rect(
                    zero.min(end),
                    y,
                    zero.max(end),
                    y + sub_h - 1.0,
                    category(s),
                );
                if print_values {
                    let t = format_number(v, decimals);
                    scene.text(
                        &t,
                        zero.max(end) + 3.0,
                        y + sub_h / 2.0,
                        VALUE_PX,
                        Anchor::Start,
                        MUTED,
                    );
                }
            }
        }
    }
    scene.line(zero, plot_top, zero, plot_bottom, MUTED, 1);
    let axis_bottom = plot_bottom + 4.0 + TICK_ROW;
    y_title(&mut scene, text, plot_top, plot_bottom);
    let x_end = x_title(&mut scene, text, x0, x1, axis_bottom);
    let names: Vec<String> = series.iter().map(|s| short_label(&s.0)).collect();
    let entries: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(s, n)| (n.clone(), category(s)))
        .collect();
    let (legend_w, legend_h) = legend_size("", &names);
    let legend_x = x1 + right_pad + 24.0;
    legend(&mut scene, legend_x, plot_top, "", &entries);
    let width = (legend_x + legend_w).max(x_end).max(header_w - MARGIN) + MARGIN;
    let height = (axis_bottom + x_title_height(text)).max(plot_top + legend_h) + MARGIN;
    scene.render(width, height)
}
