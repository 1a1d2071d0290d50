//! Diverging bars for keyness: one region against the rest.

use super::frame::{
    fitting_axis, header, legend_size, line_h, no_data, short_label, value_axis, x_title,
    x_title_height, y_title, y_title_width, LABEL_PX, LEGEND_ROW, MARGIN, TICK_ROW, VALUE_PX,
};
use super::measure::text_width;
use super::palette::{INK, MUTED, NEGATIVE, POSITIVE};
use super::scene::{Anchor, Scene};
use super::ticks::{format_number, value_decimals};
use super::ChartText;

/// Legend text for bars above zero.
pub const OVER_USED: &str = "over-used vs. the rest (> 0)";
/// Legend text for bars below zero.
pub const UNDER_USED: &str = "under-used vs. the rest (< 0)";

const PLOT_W: f64 = 440.0;
const ROW_H: f64 = 18.0;
const BAR_H: f64 = 12.0;
const GAP: f64 = 6.0;

/// Keyness of one region: bars in the given order top to bottom, positive values
/// (over-used) to the right of the zero line in vermillion, negative values (under-used)
/// to the left in blue, each with its value at the bar's outer end; term labels on the
/// left; a two-entry legend under the axis title. Non-finite values are drawn as 0.
pub fn diverging(text: &ChartText, bars: &[(String, f64)]) -> String {
    let mut scene = Scene::default();
    let (top, header_w) = header(&mut scene, text);
    let left = MARGIN + y_title_width(text);
    let vals: Vec<f64> = bars
        .iter()
        .map(|b| if b.1.is_finite() { b.1 } else { 0.0 })
        .collect();
    let axis = fitting_axis(&vals, PLOT_W, 6);
    let decimals = value_decimals(vals.iter().copied());
    let labels: Vec<String> = bars.iter().map(|b| short_label(&b.0)).collect();
    let label_w = labels
        .iter()
        .map(|l| text_width(l, LABEL_PX))
        .fold(0.0, f64::max);
    let value_w = vals
        .iter()
        .map(|v| text_width(&format_number(*v, decimals), VALUE_PX))
        .fold(0.0, f64::max);
    // The plot frame spans [f0, f1]; the data map into [x0, x1], leaving room inside the
    // frame for the value labels at both outer ends.
    let f0 = left + label_w + GAP;
    let x0 = f0 + value_w + 4.0;
    let x1 = x0 + PLOT_W;
    let f1 = x1 + value_w + 4.0;
    let plot_top = top;
    let plot_bottom = plot_top + bars.len().max(1) as f64 * ROW_H;
    if bars.is_empty() {
        no_data(&mut scene, x0, plot_top);
    }
    value_axis(&mut scene, &axis, x0, x1, plot_top, plot_bottom);
    let zero = axis.map(0.0, x0, x1);
    for (i, label) in labels.iter().enumerate() {
        let v = vals[i];
        let cy = plot_top + i as f64 * ROW_H + ROW_H / 2.0;
        let end = axis.map(v, x0, x1);
        let t = format_number(v, decimals);
        if v >= 0.0 {
            scene.rect(zero, cy - BAR_H / 2.0, end, cy + BAR_H / 2.0, POSITIVE);
            scene.text(&t, end + 3.0, cy, VALUE_PX, Anchor::Start, MUTED);
        } else {
            scene.rect(end, cy - BAR_H / 2.0, zero, cy + BAR_H / 2.0, NEGATIVE);
            scene.text(&t, end - 3.0, cy, VALUE_PX, Anchor::End, MUTED);
        }
        scene.text(label, f0 - GAP, cy, LABEL_PX, Anchor::End, INK);
    }
    scene.line(zero, plot_top - 4.0, zero, plot_bottom, INK, 1);
    let axis_bottom = plot_bottom + 4.0 + TICK_ROW;
    y_title(&mut scene, text, plot_top, plot_bottom);
    let x_end = x_title(&mut scene, text, x0, x1, axis_bottom);
    // Legend: two entries side by side under the axis title.
    let legend_y = axis_bottom + x_title_height(text) + 6.0;
    let mut lx = x0;
    for (name, colour) in [(UNDER_USED, NEGATIVE), (OVER_USED, POSITIVE)] {
        let cy = legend_y + LEGEND_ROW / 2.0;
        scene.rect(lx, cy - 6.0, lx + 12.0, cy + 6.0, colour);
        scene.text(name, lx + 18.0, cy, LABEL_PX, Anchor::Start, INK);
        lx += legend_size("", &[name.to_string()]).0 + 24.0;
    }
    let width = (f1.max(lx - 24.0)).max(x_end).max(header_w - MARGIN) + MARGIN;
    let height = legend_y + line_h(LABEL_PX).max(LEGEND_ROW) + MARGIN;
    scene.render(width, height)
}
