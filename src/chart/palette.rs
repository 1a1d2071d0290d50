//! Colour-blind-safe colours: Okabe–Ito categories, the viridis sequential scale, a
//! blue/orange diverging pair, and the choice of black or white text on a fill.

use plotters::style::RGBColor;

/// The eight Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"), in the order
/// of the "cbPalette" of the R Graphics Cookbook with orange first and grey (instead of
/// black) last: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, grey.
pub const OKABE_ITO: [RGBColor; 8] = [
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x99, 0x99, 0x99),
];

/// Colour of the diverging bars above zero (over-used): Okabe–Ito vermillion.
pub const POSITIVE: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Colour of the diverging bars below zero (under-used): Okabe–Ito blue.
pub const NEGATIVE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Colour of single-series bars: Okabe–Ito blue.
pub const BAR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Fill of heat-map cells whose value is zero (a light grey, outside the viridis range).
pub const ZERO_CELL: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
/// Fill of heat-map cells whose value is missing (not a finite number).
pub const MISSING_CELL: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Main text colour (near-black).
pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Secondary text colour (subtitles, tick labels).
pub const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// Grid line colour.
pub const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);

/// Category colour number `i`. The first eight are the Okabe–Ito colours; beyond eight
/// (e.g. 29 provinces) the palette repeats darker (40% black), lighter (50% white) and
/// darkest (65% black) — still distinguishable in lightness for colour-blind readers, but
/// the legend order (which equals the drawing order) is then what identifies a series.
pub fn category(i: usize) -> RGBColor {
    let base = OKABE_ITO[i % OKABE_ITO.len()];
    match (i / OKABE_ITO.len()) % 4 {
        0 => base,
        1 => mix(base, RGBColor(0, 0, 0), 0.4),
        2 => mix(base, RGBColor(255, 255, 255), 0.5),
        _ => mix(base, RGBColor(0, 0, 0), 0.65),
    }
}

/// Viridis colour stops at t = 0, 0.1, …, 1 (from R's `viridis::viridis(11)`).
const VIRIDIS: [(u8, u8, u8); 11] = [
    (0x44, 0x01, 0x54),
    (0x48, 0x25, 0x76),
    (0x41, 0x44, 0x87),
    (0x35, 0x60, 0x8D),
    (0x2A, 0x78, 0x8E),
    (0x21, 0x90, 0x8C),
    (0x22, 0xA8, 0x84),
    (0x43, 0xBF, 0x71),
    (0x7A, 0xD1, 0x51),
    (0xBB, 0xDF, 0x27),
    (0xFD, 0xE7, 0x25),
];

/// The viridis colour at `t` in [0, 1] (dark purple → blue → green → yellow), linearly
/// interpolated between 11 stops. `t` outside [0, 1] is clamped; NaN gives the t = 0 colour.
pub fn viridis(t: f64) -> RGBColor {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let pos = t * 10.0;
    // pos is in [0, 10]; the cast cannot overflow.
    let i = (pos.floor() as usize).min(9);
    let f = pos - i as f64;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    let lerp = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
    RGBColor(lerp(a.0, b.0), lerp(a.1, b.1), lerp(a.2, b.2))
}

/// `a` mixed with `b`: `share` of `b` (0 → `a`, 1 → `b`).
pub fn mix(a: RGBColor, b: RGBColor, share: f64) -> RGBColor {
    let s = share.clamp(0.0, 1.0);
    let m = |x: u8, y: u8| (f64::from(x) * (1.0 - s) + f64::from(y) * s).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// WCAG relative luminance of an sRGB colour, in [0, 1].
pub fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// Black or white, whichever has the higher WCAG contrast ratio against `fill`.
/// Contrast with black is (L + 0.05) / 0.05 and with white 1.05 / (L + 0.05); black wins
/// when L > √(1.05 × 0.05) − 0.05 ≈ 0.179.
pub fn text_on(fill: RGBColor) -> RGBColor {
    let l = luminance(fill);
    if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
        RGBColor(0, 0, 0)
    } else {
        RGBColor(255, 255, 255)
    }
}

/// `#rrggbb` form of a colour (for tests and debugging).
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viridis_ends_and_middle() {
        assert_eq!(hex(viridis(0.0)), "#440154");
        assert_eq!(hex(viridis(1.0)), "#FDE725");
        assert_eq!(hex(viridis(0.5)), "#21908C");
        // Halfway between stops 0 (#440154) and 1 (#482576): (0x44+0x48)/2 = 0x46,
        // (0x01+0x25)/2 = 0x13, (0x54+0x76)/2 = 0x65.
        assert_eq!(hex(viridis(0.05)), "#461365");
        assert_eq!(hex(viridis(f64::NAN)), "#440154");
        assert_eq!(hex(viridis(7.0)), "#FDE725");
    }

    #[test]
    fn text_colour_follows_luminance() {
        // Dark purple (L ≈ 0.013) takes white; viridis yellow (L ≈ 0.77) takes black.
        assert_eq!(text_on(viridis(0.0)), RGBColor(255, 255, 255));
        assert_eq!(text_on(viridis(1.0)), RGBColor(0, 0, 0));
        assert!((luminance(RGBColor(255, 255, 255)) - 1.0).abs() < 1e-12);
        assert_eq!(luminance(RGBColor(0, 0, 0)), 0.0);
    }

    #[test]
    fn categories_are_distinct_for_thirty_two() {
        let colours: Vec<String> = (0..32).map(|i| hex(category(i))).collect();
        let mut sorted = colours.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 32);
        assert_eq!(colours[0], "#E69F00");
    }
}
