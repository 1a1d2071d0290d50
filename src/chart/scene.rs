//! A laid-out chart as a list of pixel-positioned primitives, drawn through plotters.
//!
//! Layout needs the canvas size, which depends on the labels, so charts first collect
//! primitives into a [`Scene`] and then [`Scene::render`] draws them with plotters'
//! `SVGBackend` onto a white canvas of the final size.

use plotters::backend::SVGBackend;
use plotters::element::{PathElement, Rectangle, Text};
use plotters::prelude::IntoDrawingArea;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, ShapeStyle};

use super::FONT_FAMILY;

/// plotters' SVG backend writes `font-size` as the requested size divided by 1.24.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// Horizontal anchor of a text: which end of the text its x coordinate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// x is the left end.
    Start,
    /// x is the centre.
    Middle,
    /// x is the right end.
    End,
}

/// A label, vertically centred on `y`.
#[derive(Debug, Clone)]
pub(crate) struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub px: f64,
    pub anchor: Anchor,
    pub color: RGBColor,
    pub bold: bool,
    /// Rotated 90° counter-clockwise about (x, y), reading bottom to top.
    pub vertical: bool,
}

/// One drawing primitive in pixel coordinates.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    /// Filled rectangle (x0, y0, x1, y1), optionally outlined.
    Rect {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: Option<RGBColor>,
        stroke: Option<(RGBColor, u32)>,
    },
    /// Straight line from (x0, y0) to (x1, y1) with a colour and width.
    Line {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        color: RGBColor,
        width: u32,
    },
    /// A text label.
    Text(Label),
}

/// Primitives collected during layout.
#[derive(Debug, Default)]
pub(crate) struct Scene {
    items: Vec<Item>,
}

fn px(v: f64) -> i32 {
    if v.is_finite() {
        // Clamped first, so the cast is exact.
        v.round().clamp(-1.0e6, 1.0e6) as i32
    } else {
        0
    }
}

impl Scene {
    /// Adds a filled rectangle.
    pub fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, fill: RGBColor) {
        self.items.push(Item::Rect {
            x0,
            y0,
            x1,
            y1,
            fill: Some(fill),
            stroke: None,
        });
    }

    /// Adds an outline-only rectangle.
    pub fn outline(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, width: u32) {
        self.items.push(Item::Rect {
            x0,
            y0,
            x1,
            y1,
            fill: None,
            stroke: Some((color, width)),
        });
    }

    /// Adds a line.
    pub fn line(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, width: u32) {
        self.items.push(Item::Line {
            x0,
            y0,
            x1,
            y1,
            color,
            width,
        });
    }

    /// Adds a horizontal label centred vertically on `y`.
    pub fn text(&mut self, text: &str, x: f64, y: f64, px: f64, anchor: Anchor, color: RGBColor) {
        self.push_label(Label {
            text: text.to_string(),
            x,
            y,
            px,
            anchor,
            color,
            bold: false,
            vertical: false,
        });
    }

    /// Adds a label built by the caller (bold or vertical text).
    pub fn push_label(&mut self, label: Label) {
        if !label.text.is_empty() {
            self.items.push(Item::Text(label));
        }
    }

    /// Draws the scene on a white `width` × `height` canvas with plotters and returns the SVG.
    pub fn render(&self, width: f64, height: f64) -> String {
        let size = (
            px(width.ceil()).max(1) as u32,
            px(height.ceil()).max(1) as u32,
        );
        let mut buf = String::new();
        {
            let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
            // Drawing into a String cannot fail (the backend's only error is file I/O),
            // so the Results below are deliberately ignored.
            let _ = root.fill(&RGBColor(255, 255, 255));
            for item in &self.items {
                match item {
                    Item::Rect {
                        x0,
                        y0,
                        x1,
                        y1,
                        fill,
                        stroke,
                    } => {
                        let corners = [(px(*x0), px(*y0)), (px(*x1), px(*y1))];
                        if let Some(f) = fill {
                            let _ =
                                root.draw(&Rectangle::new(corners, ShapeStyle::from(f).filled()));
                        }
                        if let Some((c, w)) = stroke {
                            // The SVG backend drops the stroke width of rectangles, so a
                            // w-pixel outline is drawn as w nested 1-pixel outlines.
                            for k in 0..*w as i32 {
                                let inset = [
                                    (corners[0].0 + k, corners[0].1 + k),
                                    (corners[1].0 - k, corners[1].1 - k),
                                ];
                                let _ = root.draw(&Rectangle::new(inset, ShapeStyle::from(c)));
                            }
                        }
                    }
                    Item::Line {
                        x0,
                        y0,
                        x1,
                        y1,
                        color,
                        width,
                    } => {
                        let style = ShapeStyle::from(color).stroke_width(*width);
                        let path = vec![(px(*x0), px(*y0)), (px(*x1), px(*y1))];
                        let _ = root.draw(&PathElement::new(path, style));
                    }
                    Item::Text(l) => {
                        let weight = if l.bold {
                            FontStyle::Bold
                        } else {
                            FontStyle::Normal
                        };
                        let font = FontDesc::new(
                            FontFamily::Name(FONT_FAMILY),
                            l.px * PLOTTERS_FONT_SCALE,
                            weight,
                        );
                        let h = match l.anchor {
                            Anchor::Start => HPos::Left,
                            Anchor::Middle => HPos::Center,
                            Anchor::End => HPos::Right,
                        };
                        let mut style = font.color(&l.color).pos(Pos::new(h, VPos::Center));
                        if l.vertical {
                            style = style.transform(FontTransform::Rotate270);
                        }
                        let pos = (px(l.x), px(l.y));
                        let _ = root.draw(&Text::new(l.text.clone(), pos, style));
                    }
                }
            }
            let _ = root.present();
        }
        buf
    }
}
