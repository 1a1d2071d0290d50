//! SVG charts for papers and reports, drawn with plotters' SVG backend.
//!
//! The chart functions take plain data (strings and numbers), never analysis types, so
//! that every analysis can be drawn: [`bars()`] (small multiples of top-N terms per
//! region), [`grouped_bars`] (formulation, 提法, frequency by region, stacked or grouped),
//! [`diverging()`] (keyness of one region against the rest) and [`heatmap()`] (region ×
//! formulation matrices and the symmetric region × region similarity map).
//!
//! Every function returns the whole SVG document as a `String`; callers write it with
//! [`crate::output`]. The same input always gives byte-identical output: coordinates are
//! rounded to whole pixels, numbers are formatted with fixed decimals, and nothing is
//! iterated in hash order.
//!
//! # Layout without a font engine
//!
//! plotters is built without a font backend (no fontconfig or freetype), so it cannot
//! measure text, and its byte-based estimate is wrong for Chinese. All layout here is done
//! by [`text_width`], a conservative per-character estimate (Chinese characters and
//! full-width forms 1 em, Latin letters and digits about 0.6 em), and the canvas and
//! margins are sized from the longest label. Labels longer than [`MAX_LABEL_EM`] em are
//! truncated with "…". The scene is laid out first, then drawn through plotters
//! (rectangles, lines and `<text>` elements carrying [`FONT_FAMILY`]).
//!
//! Colours are colour-blind safe: Okabe–Ito for categories, viridis for sequential
//! scales, and a blue/orange pair for diverging bars (see [`palette`]).

mod bars;
mod diverging;
mod frame;
mod heatmap;
mod measure;
pub mod palette;
mod scene;
mod ticks;

pub use bars::{bars, grouped_bars};
pub use diverging::{diverging, OVER_USED, UNDER_USED};
pub use heatmap::{heatmap, HeatmapOptions, ValueFormat};
pub use measure::{text_width, truncate_to_width, MAX_LABEL_EM};

/// The font-family list put on every `<text>` element: the first CJK sans-serif font
/// found on Linux (Noto / Source Han), macOS (PingFang) or Windows (Microsoft YaHei,
/// SimHei), falling back to the generic `sans-serif`.
pub const FONT_FAMILY: &str =
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', SimHei, sans-serif";

/// The texts around a chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartText {
    /// Main title, drawn bold at the top left.
    pub title: String,
    /// Subtitle under the title; should name the corpus and the measure
    /// (e.g. "29 provinces, 2026 · occurrences per 10,000 characters").
    pub subtitle: String,
    /// Label of the horizontal axis (the measure for bar charts, the columns for heat maps).
    pub x_label: String,
    /// Label of the vertical axis (the terms or items for bar charts, the rows for heat maps).
    pub y_label: String,
}

/// One panel of a small-multiples bar chart: one region and its top-N terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Panel {
    /// Panel heading, usually the region name.
    pub name: String,
    /// Bars from top to bottom, as (label, value); drawn in the given order.
    pub bars: Vec<(String, f64)>,
}
