//! Axis scales: "nice" tick values (1, 2, 5 × 10ᵏ) and fixed-decimal number labels.

/// A linear axis: the domain [lo, hi] covers the data and zero, ticks are round numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Axis {
    /// Lower end of the domain (≤ 0 and ≤ every tick).
    pub lo: f64,
    /// Upper end of the domain (≥ 0 and ≥ every tick).
    pub hi: f64,
    /// Tick values from low to high.
    pub ticks: Vec<f64>,
    /// Decimals needed to print the ticks.
    pub decimals: usize,
}

/// The tick step for a span: the smallest of 1, 2, 5 × 10ᵏ giving at most `target` steps.
fn nice_step(span: f64, target: usize) -> f64 {
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * mag >= raw * (1.0 - 1e-9) {
            return m * mag;
        }
    }
    10.0 * mag
}

impl Axis {
    /// An axis covering zero and every finite value of `values`, with about `target` ticks.
    /// Non-finite values are ignored; no finite values (or all zero) give [0, 1].
    pub fn covering(values: impl IntoIterator<Item = f64>, target: usize) -> Axis {
        Axis::build(values, target, true)
    }

    /// An axis covering every finite value of `values` (not necessarily zero), for colour
    /// scales where the data range matters more than the distance from zero; a single
    /// value v gives [v − 1, v + 1] rounded, no finite values give [0, 1].
    pub fn spanning(values: impl IntoIterator<Item = f64>, target: usize) -> Axis {
        Axis::build(values, target, false)
    }

    fn build(values: impl IntoIterator<Item = f64>, target: usize, with_zero: bool) -> Axis {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        if with_zero {
            (lo, hi) = (0.0, 0.0);
        }
        // Magnitudes are capped at 10¹⁵ so that spans and steps stay finite.
        for v in values
            .into_iter()
            .filter(|v| v.is_finite())
            .map(|v| v.clamp(-1e15, 1e15))
        {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if !lo.is_finite() || !hi.is_finite() {
            (lo, hi) = (0.0, 1.0);
        } else if hi - lo <= f64::MIN_POSITIVE {
            if with_zero || lo == 0.0 {
                hi = lo + 1.0;
            } else {
                (lo, hi) = (lo - lo.abs().min(1.0), hi + hi.abs().min(1.0));
            }
        }
        let step = nice_step(hi - lo, target);
        // A relative tolerance, so that 1.0000000000000002 (a rounding error) stays on 1.
        let lo = ((lo / step) + 1e-9).floor() * step;
        let hi = ((hi / step) - 1e-9).ceil() * step;
        let n = ((hi - lo) / step).round() as usize;
        let ticks = (0..=n)
            .map(|i| lo + step * i as f64)
            .map(|t| if t.abs() < step * 1e-9 { 0.0 } else { t })
            .collect();
        let decimals = if step >= 1.0 {
            0
        } else {
            (-step.log10().floor()) as usize
        };
        Axis {
            lo,
            hi,
            ticks,
            decimals: decimals.min(6),
        }
    }

    /// Position of `v` between `from` (at `lo`) and `to` (at `hi`); non-finite `v` maps to 0.
    pub fn map(&self, v: f64, from: f64, to: f64) -> f64 {
        let v = if v.is_finite() {
            v.clamp(self.lo, self.hi)
        } else {
            0.0
        };
        from + (v - self.lo) / (self.hi - self.lo) * (to - from)
    }

    /// Label of a tick value.
    pub fn label(&self, v: f64) -> String {
        format_number(v, self.decimals)
    }
}

/// `v` with `decimals` decimals; "−0" is printed as "0", non-finite values as "–", and
/// magnitudes of 10⁷ or more in scientific notation with two significant digits ("1.2e9").
pub(crate) fn format_number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    if v.abs() >= 1e7 {
        return format!("{v:.1e}");
    }
    let s = format!("{:.*}", decimals, v);
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        s
    }
}

/// Decimals for value labels of data with this largest magnitude: 0 when every value
/// is a whole number, else 2 below 10, 1 below 100, 0 above.
pub(crate) fn value_decimals(values: impl IntoIterator<Item = f64>) -> usize {
    let mut max: f64 = 0.0;
    let mut whole = true;
    for v in values.into_iter().filter(|v| v.is_finite()) {
        max = max.max(v.abs());
        whole &= v.fract() == 0.0;
    }
    if whole {
        0
    } else if max < 10.0 {
        2
    } else if max < 100.0 {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks() {
        // max 37, 5 ticks: raw step 7.4 → 10; domain [0, 40], ticks 0, 10, 20, 30, 40.
        let a = Axis::covering([3.0, 37.0], 5);
        assert_eq!(a.ticks, vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!((a.lo, a.hi, a.decimals), (0.0, 40.0, 0));
        // [-2.3, 4.1] span 6.4, 4 ticks: raw 1.6 → 2; domain [-4, 6].
        let b = Axis::covering([-2.3, 4.1], 4);
        assert_eq!(b.ticks, vec![-4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
        // [0, 0.37], 4 ticks: raw 0.0925 → 0.1; decimals 1.
        let c = Axis::covering([0.37], 4);
        assert_eq!(c.decimals, 1);
        assert_eq!(c.label(c.hi), "0.4");
        // A cosine just above 1 by rounding error stays on 1; [0.72, 1] spans [0.7, 1].
        let s = Axis::spanning([0.72, 1.0 + 2e-16], 4);
        assert_eq!((s.lo, s.hi), (0.7000000000000001, 1.0));
        assert_eq!(s.label(s.lo), "0.7");
        // Extremes are capped at ±10¹⁵: span 2 × 10¹⁵ over 4 ticks → step 5 × 10¹⁴.
        let x = Axis::covering([-1e308, 1e308], 4);
        assert_eq!((x.lo, x.hi, x.ticks.len()), (-1e15, 1e15, 5));
        let e = Axis::covering([f64::NAN], 4);
        assert_eq!((e.lo, e.hi), (0.0, 1.0));
        assert_eq!(e.map(f64::INFINITY, 0.0, 100.0), 0.0);
        assert_eq!(e.map(0.5, 0.0, 100.0), 50.0);
    }

    #[test]
    fn number_labels() {
        assert_eq!(format_number(-0.001, 2), "0.00");
        assert_eq!(format_number(2.345, 1), "2.3");
        assert_eq!(format_number(f64::NAN, 1), "–");
        assert_eq!(format_number(-1.24e300, 0), "-1.2e300");
        assert_eq!(value_decimals([1.0, 20.0]), 0);
        assert_eq!(value_decimals([1.5, 2.0]), 2);
        assert_eq!(value_decimals([15.5]), 1);
    }
}
