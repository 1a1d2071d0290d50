//! Heat maps: region × formulation (or × term) matrices and the symmetric region × region
//! similarity map, on a viridis scale with a colour bar.

use super::frame::{
    header, line_h, no_data, short_label, x_title, x_title_height, y_title, y_title_width,
    LABEL_PX, MARGIN, VALUE_PX,
};
use super::measure::{text_width, truncate_to_width, BOLD_FACTOR, MAX_LABEL_EM};
use super::palette::{text_on, viridis, GRID, INK, MISSING_CELL, MUTED, ZERO_CELL};
use super::scene::{Anchor, Label, Scene};
use super::ticks::{format_number, Axis};
use super::ChartText;

/// How cell values are printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ValueFormat {
    /// Whole numbers (counts), rounded.
    #[default]
    Integer,
    /// Two decimals (rates, similarities).
    Decimal2,
}

/// Options of [`heatmap`].
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapOptions {
    /// Outline the diagonal cells (row i, column i), for the symmetric region × region
    /// similarity map where the diagonal is each region against itself.
    pub mark_diagonal: bool,
    /// How values are printed in the cells and on the colour bar.
    pub value_format: ValueFormat,
    /// Draw cells whose value is exactly 0 in light grey instead of the darkest viridis
    /// colour, so that absent formulations stand out from rare ones.
    pub distinct_zero: bool,
    /// Title of the colour bar (the measure, e.g. "count" or "Jaccard").
    pub scale_label: String,
}

impl Default for HeatmapOptions {
    fn default() -> Self {
        HeatmapOptions {
            mark_diagonal: false,
            value_format: ValueFormat::Integer,
            distinct_zero: true,
            scale_label: String::new(),
        }
    }
}

const CELL_H: f64 = 22.0;
const MIN_CELL_W: f64 = 30.0;
const GAP: f64 = 6.0;
const BAR_W: f64 = 14.0;
const SLICES: usize = 64;

/// A heat map of `values[r][c]` with `rows` down the left and `cols` along the bottom
/// (labels reading bottom to top), each cell coloured on a viridis scale over the data
/// range rounded outwards to round ticks (not forced to include 0, so that similarities
/// between 0.7 and 1 still differ in colour), the value printed in black
/// or white by the cell's luminance, and a colour bar with ticks on the right.
///
/// Missing cells (non-finite values, or rows shorter than `cols`) are white with a grey
/// outline and "–"; zero cells are light grey when `opts.distinct_zero`. Extra values
/// beyond `cols` are ignored.
pub fn heatmap(
    text: &ChartText,
    rows: &[String],
    cols: &[String],
    values: &[Vec<f64>],
    opts: &HeatmapOptions,
) -> String {
    let mut scene = Scene::default();
    let (top, header_w) = header(&mut scene, text);
    let left = MARGIN + y_title_width(text);
    let decimals = match opts.value_format {
        ValueFormat::Integer => 0,
        ValueFormat::Decimal2 => 2,
    };
    let cell = |r: usize, c: usize| {
        values
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .filter(|v| v.is_finite())
    };
    let finite: Vec<f64> = (0..rows.len())
        .flat_map(|r| (0..cols.len()).map(move |c| (r, c)))
        .filter_map(|(r, c)| cell(r, c))
        .collect();
    let axis = Axis::spanning(finite.iter().copied(), 5);

    let row_labels: Vec<String> = rows.iter().map(|s| short_label(s)).collect();
    let col_labels: Vec<String> = cols.iter().map(|s| short_label(s)).collect();
    let row_w = row_labels
        .iter()
        .map(|l| text_width(l, LABEL_PX))
        .fold(0.0, f64::max);
    let col_h = col_labels
        .iter()
        .map(|l| text_width(l, LABEL_PX))
        .fold(0.0, f64::max);
    let cell_w = finite
        .iter()
        .map(|v| text_width(&format_number(*v, decimals), VALUE_PX) + 8.0)
        .fold(MIN_CELL_W, f64::max);
    let gx0 = left + row_w + GAP;
    let gy0 = top;
    let gx1 = gx0 + cols.len() as f64 * cell_w;
    let gy1 = gy0 + rows.len() as f64 * CELL_H;
    let mut no_data_w = 0.0;
    if rows.is_empty() || cols.is_empty() {
        no_data_w = no_data(&mut scene, gx0, gy0);
    }
    for (r, label) in row_labels.iter().enumerate() {
        let y = gy0 + r as f64 * CELL_H;
        scene.text(
            label,
            gx0 - GAP,
            y + CELL_H / 2.0,
            LABEL_PX,
            Anchor::End,
            INK,
        );
        for c in 0..cols.len() {
            let x = gx0 + c as f64 * cell_w;
            let (fill, value, ink) = match cell(r, c) {
                None => (MISSING_CELL, "–".to_string(), MUTED),
                Some(v) if v == 0.0 && opts.distinct_zero => {
                    (ZERO_CELL, format_number(v, decimals), MUTED)
                }
                Some(v) => {
                    let fill = viridis(axis.map(v, 0.0, 1.0));
                    (fill, format_number(v, decimals), text_on(fill))
                }
            };
            // One pixel of white between cells.
            scene.rect(x, y, x + cell_w - 1.0, y + CELL_H - 1.0, fill);
            if fill == MISSING_CELL {
                scene.outline(x, y, x + cell_w - 1.0, y + CELL_H - 1.0, GRID, 1);
            }
            scene.text(
                &value,
                x + cell_w / 2.0,
                y + CELL_H / 2.0,
                VALUE_PX,
                Anchor::Middle,
                ink,
            );
        }
    }
    if opts.mark_diagonal {
        for i in 0..rows.len().min(cols.len()) {
            let (x, y) = (gx0 + i as f64 * cell_w, gy0 + i as f64 * CELL_H);
            scene.outline(x + 1.0, y + 1.0, x + cell_w - 2.0, y + CELL_H - 2.0, INK, 2);
        }
    }
    for (c, label) in col_labels.iter().enumerate() {
        let x = gx0 + c as f64 * cell_w + cell_w / 2.0;
        scene.push_label(Label {
            text: label.clone(),
            x,
            y: gy1 + GAP,
            px: LABEL_PX,
            anchor: Anchor::End,
            color: INK,
            bold: false,
            vertical: true,
        });
    }
    let labels_bottom = gy1 + GAP + col_h;
    y_title(&mut scene, text, gy0, gy1);
    let x_end = x_title(&mut scene, text, gx0, gx1.max(gx0 + 1.0), labels_bottom);

    // Colour bar: SLICES stacked rectangles from the axis top (upper end) down to lo.
    let bx = gx1.max(gx0 + no_data_w) + 24.0;
    let title = truncate_to_width(&opts.scale_label, MAX_LABEL_EM * LABEL_PX, LABEL_PX);
    let mut by0 = gy0;
    let mut legend_w = text_width(&title, LABEL_PX) * BOLD_FACTOR;
    if !title.is_empty() {
        scene.push_label(Label {
            text: title,
            x: bx,
            y: gy0 + line_h(LABEL_PX) / 2.0,
            px: LABEL_PX,
            anchor: Anchor::Start,
            color: INK,
            bold: true,
            vertical: false,
        });
        by0 += line_h(LABEL_PX) + 8.0;
    }
    let bar_h = (gy1 - by0).clamp(120.0, 240.0);
    let by1 = by0 + bar_h;
    for i in 0..SLICES {
        let (a, b) = (i as f64 / SLICES as f64, (i + 1) as f64 / SLICES as f64);
        let t = 1.0 - (a + b) / 2.0;
        scene.rect(bx, by0 + a * bar_h, bx + BAR_W, by0 + b * bar_h, viridis(t));
    }
    scene.outline(bx, by0, bx + BAR_W, by1, MUTED, 1);
    for t in &axis.ticks {
        let y = axis.map(*t, by1, by0);
        scene.line(bx + BAR_W, y, bx + BAR_W + 4.0, y, MUTED, 1);
        let s = axis.label(*t);
        legend_w = legend_w.max(BAR_W + 7.0 + text_width(&s, LABEL_PX));
        scene.text(&s, bx + BAR_W + 7.0, y, LABEL_PX, Anchor::Start, MUTED);
    }
    let mut bottom = (labels_bottom + x_title_height(text)).max(by1 + line_h(LABEL_PX));
    if opts.distinct_zero && finite.contains(&0.0) {
        let y = by1 + 14.0;
        let cy = y + 9.0;
        scene.rect(bx, cy - 6.0, bx + BAR_W, cy + 6.0, ZERO_CELL);
        let zero_label = "0 (none)";
        legend_w = legend_w.max(BAR_W + 7.0 + text_width(zero_label, LABEL_PX));
        scene.text(
            zero_label,
            bx + BAR_W + 7.0,
            cy,
            LABEL_PX,
            Anchor::Start,
            MUTED,
        );
        bottom = bottom.max(y + 18.0);
    }
    let width = (bx + legend_w).max(x_end).max(header_w - MARGIN) + MARGIN;
    scene.render(width, bottom + MARGIN)
}
