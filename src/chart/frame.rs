//! The parts every chart shares: font sizes, margins, title and subtitle, axis labels,
//! a horizontal value axis with grid lines, and the categorical legend.

use plotters::style::RGBColor;

use super::measure::{text_width, truncate_to_width, BOLD_FACTOR, MAX_LABEL_EM};
use super::palette::{GRID, INK, MUTED};
use super::scene::{Anchor, Label, Scene};
use super::ticks::Axis;
use super::ChartText;

/// Outer margin on every side, in pixels.
pub(crate) const MARGIN: f64 = 20.0;
/// Font sizes in pixels (chosen so that plotters' ÷1.24 font-size round-trips exactly).
pub(crate) const TITLE_PX: f64 = 20.0;
/// Subtitle font size.
pub(crate) const SUBTITLE_PX: f64 = 14.0;
/// Axis title font size.
pub(crate) const AXIS_PX: f64 = 14.0;
/// Tick, category and legend label font size.
pub(crate) const LABEL_PX: f64 = 12.0;
/// Value labels (bar ends, heat-map cells).
pub(crate) const VALUE_PX: f64 = 11.0;
/// Title and subtitle are cut at this many em.
const MAX_TITLE_EM: f64 = 60.0;
/// Height taken by one line of text of `px` pixels (line box).
pub(crate) fn line_h(px: f64) -> f64 {
    (px * 1.25).ceil()
}

/// A category label truncated to [`MAX_LABEL_EM`] at [`LABEL_PX`].
pub(crate) fn short_label(s: &str) -> String {
    truncate_to_width(s, MAX_LABEL_EM * LABEL_PX, LABEL_PX)
}

/// Title and subtitle at the top left. Returns (y where content starts, width needed).
pub(crate) fn header(scene: &mut Scene, text: &ChartText) -> (f64, f64) {
    let title = truncate_to_width(&text.title, MAX_TITLE_EM * TITLE_PX, TITLE_PX);
    let subtitle = truncate_to_width(&text.subtitle, MAX_TITLE_EM * SUBTITLE_PX, SUBTITLE_PX);
    let mut y = MARGIN;
    let mut width: f64 = 0.0;
    if !title.is_empty() {
        width = width.max(text_width(&title, TITLE_PX) * BOLD_FACTOR);
        scene.push_label(Label {
            text: title,
            x: MARGIN,
            y: y + line_h(TITLE_PX) / 2.0,
            px: TITLE_PX,
            anchor: Anchor::Start,
            color: INK,
            bold: true,
            vertical: false,
        });
        y += line_h(TITLE_PX) + 4.0;
    }
    if !subtitle.is_empty() {
        width = width.max(text_width(&subtitle, SUBTITLE_PX));
        scene.text(
            &subtitle,
            MARGIN,
            y + line_h(SUBTITLE_PX) / 2.0,
            SUBTITLE_PX,
            Anchor::Start,
            MUTED,
        );
        y += line_h(SUBTITLE_PX);
    }
    (y + 16.0, width + 2.0 * MARGIN)
}

/// Width of the column holding the vertical y-axis title (0 when there is none).
pub(crate) fn y_title_width(text: &ChartText) -> f64 {
    if text.y_label.trim().is_empty() {
        0.0
    } else {
        line_h(AXIS_PX) + 8.0
    }
}

/// The y-axis title, reading bottom to top, centred on [y0, y1] at the left margin and
/// truncated to that span.
pub(crate) fn y_title(scene: &mut Scene, text: &ChartText, y0: f64, y1: f64) {
    if text.y_label.trim().is_empty() {
        return;
    }
    let label = truncate_to_width(&text.y_label, (y1 - y0).max(0.0), AXIS_PX);
    scene.push_label(Label {
        text: label,
        x: MARGIN + line_h(AXIS_PX) / 2.0,
        y: (y0 + y1) / 2.0,
        px: AXIS_PX,
        anchor: Anchor::Middle,
        color: INK,
        bold: false,
        vertical: true,
    });
}

/// Height of the row holding the x-axis title.
pub(crate) fn x_title_height(text: &ChartText) -> f64 {
    if text.x_label.trim().is_empty() {
        0.0
    } else {
        line_h(AXIS_PX) + 6.0
    }
}

/// The x-axis title centred on [x0, x1] with its top at `y`; returns its width (it may
/// be wider than the span, then the caller widens the canvas).
pub(crate) fn x_title(scene: &mut Scene, text: &ChartText, x0: f64, x1: f64, y: f64) -> f64 {
    if text.x_label.trim().is_empty() {
        return 0.0;
    }
    let label = truncate_to_width(&text.x_label, MAX_TITLE_EM * AXIS_PX, AXIS_PX);
    let w = text_width(&label, AXIS_PX);
    // Centre on the span, but never start left of the margin.
    let cx = ((x0 + x1) / 2.0).max(MARGIN + w / 2.0);
    scene.text(
        &label,
        cx,
        y + 6.0 + line_h(AXIS_PX) / 2.0,
        AXIS_PX,
        Anchor::Middle,
        INK,
    );
    cx + w / 2.0
}

/// Height of the tick-label row under a value axis.
pub(crate) const TICK_ROW: f64 = 20.0;

/// Widest tick label of an axis at [`LABEL_PX`].
pub(crate) fn tick_label_width(axis: &Axis) -> f64 {
    axis.ticks
        .iter()
        .map(|t| text_width(&axis.label(*t), LABEL_PX))
        .fold(0.0, f64::max)
}

/// An axis covering zero and `values` whose tick labels fit side by side on `length`
/// pixels: starts at `target` ticks and asks for fewer until each tick label (plus 10 px)
/// fits in the space between ticks.
pub(crate) fn fitting_axis(values: &[f64], length: f64, target: usize) -> Axis {
    let mut t = target.max(1);
    loop {
        let axis = Axis::covering(values.iter().copied(), t);
        let gaps = axis.ticks.len().saturating_sub(1).max(1) as f64;
        if t == 1 || length / gaps >= tick_label_width(&axis) + 10.0 {
            return axis;
        }
        t -= 1;
    }
}

/// Vertical grid lines from `top` to `bottom` at each tick of `axis` mapped onto [x0, x1],
/// with tick labels in a row under `bottom`.
pub(crate) fn value_axis(scene: &mut Scene, axis: &Axis, x0: f64, x1: f64, top: f64, bottom: f64) {
    for t in &axis.ticks {
        let x = axis.map(*t, x0, x1);
        scene.line(x, top, x, bottom, GRID, 1);
        scene.line(x, bottom, x, bottom + 4.0, MUTED, 1);
        let y = bottom + 4.0 + TICK_ROW / 2.0;
        scene.text(&axis.label(*t), x, y, LABEL_PX, Anchor::Middle, MUTED);
    }
}

/// Row height of one legend entry.
pub(crate) const LEGEND_ROW: f64 = 18.0;
/// Side of a legend colour swatch.
const SWATCH: f64 = 12.0;

/// Size (width, height) of a vertical legend of `names` (already shortened) with a title.
pub(crate) fn legend_size(title: &str, names: &[String]) -> (f64, f64) {
    let w = names
        .iter()
        .map(|n| SWATCH + 6.0 + text_width(n, LABEL_PX))
        .fold(text_width(title, LABEL_PX) * BOLD_FACTOR, f64::max);
    let title_h = if title.is_empty() { 0.0 } else { LEGEND_ROW };
    (w, title_h + LEGEND_ROW * names.len() as f64)
}

/// A vertical legend with its top-left corner at (x, y): an optional bold title, then one
/// swatch and name per entry.
pub(crate) fn legend(
    scene: &mut Scene,
    x: f64,
    y: f64,
    title: &str,
    entries: &[(String, RGBColor)],
) {
    let mut y = y;
    if !title.is_empty() {
        scene.push_label(Label {
            text: title.to_string(),
            x,
            y: y + LEGEND_ROW / 2.0,
            px: LABEL_PX,
            anchor: Anchor::Start,
            color: INK,
            bold: true,
            vertical: false,
        });
        y += LEGEND_ROW;
    }
    for (name, colour) in entries {
        let cy = y + LEGEND_ROW / 2.0;
        scene.rect(x, cy - SWATCH / 2.0, x + SWATCH, cy + SWATCH / 2.0, *colour);
        scene.text(name, x + SWATCH + 6.0, cy, LABEL_PX, Anchor::Start, INK);
        y += LEGEND_ROW;
    }
}

/// A "(no data)" note, used when a chart gets nothing to draw.
pub(crate) fn no_data(scene: &mut Scene, x: f64, y: f64) -> f64 {
    scene.text(
        "(no data)",
        x,
        y + LEGEND_ROW / 2.0,
        LABEL_PX,
        Anchor::Start,
        MUTED,
    );
    text_width("(no data)", LABEL_PX)
}
