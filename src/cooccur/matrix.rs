//! The labelled matrix shared by every co-occurrence mode.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// A dense matrix with labelled rows and columns.
///
/// Serialises as `{"rows": [...], "columns": [...], "values": [[...], ...]}` (one inner
/// array per row). Values are always finite: every constructor in this module replaces
/// what would be NaN or ±∞ by a documented finite value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matrix {
    pub(crate) rows: Vec<String>,
    pub(crate) cols: Vec<String>,
    pub(crate) values: Vec<Vec<f64>>,
}

impl Matrix {
    /// A matrix from labels and row-major values. Returns `None` when the shape of
    /// `values` does not match the labels (`rows.len()` rows of `cols.len()` values each).
    pub fn new(rows: Vec<String>, cols: Vec<String>, values: Vec<Vec<f64>>) -> Option<Matrix> {
        if values.len() != rows.len() || values.iter().any(|r| r.len() != cols.len()) {
            return None;
        }
        Some(Matrix { rows, cols, values })
    }

    /// The row labels.
    pub fn rows(&self) -> &[String] {
        &self.rows
    }

    /// The column labels.
    pub fn cols(&self) -> &[String] {
        &self.cols
    }

    /// The values, one `Vec` per row.
    pub fn values(&self) -> &[Vec<f64>] {
        &self.values
    }

    /// The value at row `r`, column `c`, if both are in range.
    pub fn get(&self, r: usize, c: usize) -> Option<f64> {
        self.values.get(r).and_then(|row| row.get(c)).copied()
    }

    /// The value at the row and column with these labels (first match of each).
    pub fn get_by_label(&self, row: &str, col: &str) -> Option<f64> {
        let r = self.rows.iter().position(|x| x == row)?;
        let c = self.cols.iter().position(|x| x == col)?;
        self.get(r, c)
    }

    /// True when the matrix has no cells.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() || self.cols.is_empty()
    }

    /// The transposed matrix (rows become columns), e.g. to show regions as columns in a
    /// terminal table.
    pub fn transpose(&self) -> Matrix {
        let values = (0..self.cols.len())
            .map(|c| {
                self.values
                    .iter()
                    .map(|row| row.get(c).copied().unwrap_or(0.0))
                    .collect()
            })
            .collect();
        Matrix {
            rows: self.cols.clone(),
            cols: self.rows.clone(),
            values,
        }
    }

    /// The tidy long form `(row, column, value)`, row by row, columns in order (every
    /// cell, zeros included, so that the CSV round-trips to the same matrix).
    pub fn to_long(&self) -> Vec<(String, String, f64)> {
        let mut out = Vec::with_capacity(self.rows.len() * self.cols.len());
        for (r, row) in self.rows.iter().zip(&self.values) {
            for (c, v) in self.cols.iter().zip(row) {
                out.push((r.clone(), c.clone(), *v));
            }
        }
        out
    }
}

impl Serialize for Matrix {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Matrix", 3)?;
        st.serialize_field("rows", &self.rows)?;
        st.serialize_field("columns", &self.cols)?;
        st.serialize_field("values", &self.values)?;
        st.end()
    }
}

/// Replaces a non-finite value by `fallback` (the last line of defence against NaN/∞).
pub(crate) fn finite_or(v: f64, fallback: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        fallback
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_form_and_json_shape() {
        let m = Matrix::new(
            vec!["r1".into(), "r2".into()],
            vec!["a".into(), "b".into()],
            vec![vec![1.0, 0.0], vec![2.5, 3.0]],
        )
        .unwrap();
        assert_eq!(
            m.to_long(),
            vec![
                ("r1".into(), "a".into(), 1.0),
                ("r1".into(), "b".into(), 0.0),
                ("r2".into(), "a".into(), 2.5),
                ("r2".into(), "b".into(), 3.0),
            ]
        );
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"rows":["r1","r2"],"columns":["a","b"],"values":[[1.0,0.0],[2.5,3.0]]}"#
        );
        assert_eq!(m.get_by_label("r2", "a"), Some(2.5));
        assert!(Matrix::new(vec!["x".into()], vec![], vec![vec![1.0]]).is_none());
        let t = m.transpose();
        assert_eq!((t.rows(), t.cols()), (m.cols(), m.rows()));
        assert_eq!(t.values(), [vec![1.0, 2.5], vec![0.0, 3.0]]);
        assert_eq!(t.transpose(), m);
    }
}
