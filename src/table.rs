//! Presentation of rows: aligned terminal tables (aware that a Chinese character takes two
//! terminal columns) and CSV. JSON is produced with `serde_json` by the callers, using the
//! same field names as `metrics.json`.

use unicode_width::UnicodeWidthStr;

/// Output format shared by every subcommand (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// An aligned table for the terminal (default).
    #[default]
    Table,
    /// CSV with a header row (every row, every field).
    Csv,
    /// JSON (every row, every field).
    Json,
}

/// Column alignment in a terminal table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Left-aligned (text).
    Left,
    /// Right-aligned (numbers).
    Right,
}

/// A table of strings with a header row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows; each as long as `headers`.
    pub rows: Vec<Vec<String>>,
    /// Per-column alignment (missing entries: left).
    pub align: Vec<Align>,
    /// Cells wider than this many terminal columns are cut and end in `…` (0: no limit).
    pub max_width: usize,
}

/// The display width of `s` in terminal columns (CJK and full-width characters count 2).
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` terminal columns, marking a cut with `…`.
pub fn truncate(s: &str, max: usize) -> String {
    if max == 0 || display_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

impl Table {
    /// A table with these headers, no rows, left alignment and no width limit.
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Table {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            ..Table::default()
        }
    }

    /// Renders the table for a terminal: a header, a rule, then the rows, columns separated
    /// by two spaces, padded by display width.
    pub fn render(&self) -> String {
        let cell = |s: &str| truncate(s, self.max_width);
        let header: Vec<String> = self.headers.iter().map(|h| cell(h)).collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| cell(c)).collect())
            .collect();
        let ncol = header.len();
        let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
        for r in &rows {
            for (i, c) in r.iter().enumerate().take(ncol) {
                widths[i] = widths[i].max(display_width(c));
            }
        }
        let mut out = String::new();
        let line = |out: &mut String, cells: &[String]| {
            let mut s = String::new();
            for (i, w) in widths.iter().enumerate() {
                let c = cells.get(i).map(String::as_str).unwrap_or("");
                let pad = w.saturating_sub(display_width(c));
                let right = self.align.get(i) == Some(&Align::Right);
                if i > 0 {
                    s.push_str("  ");
                }
                if right {
                    s.push_str(&" ".repeat(pad));
                    s.push_str(c);
                } else {
                    s.push_str(c);
                    if i + 1 < widths.len() {
                        s.push_str(&" ".repeat(pad));
                    }
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        };
        line(&mut out, &header);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&mut out, &rule);
        for r in &rows {
            line(&mut out, r);
        }
        out
    }

    /// Renders the table as CSV (RFC 4180 quoting), full cell contents.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut push_row = |cells: &[String]| {
            let fields: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
            out.push_str(&fields.join(","));
            out.push('\n');
        };
        push_row(&self.headers);
        for r in &self.rows {
            push_row(r);
        }
        out
    }
}

/// Quotes one CSV field when it needs it.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Formats a float for tables: fixed `digits` decimals, no `-0`.
pub fn fmt_f64(x: f64, digits: usize) -> String {
    let s = format!("{x:.digits$}");
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_two_columns() {
        assert_eq!(display_width("党建+"), 5);
        assert_eq!(display_width("1+5+N"), 5);
        assert_eq!(truncate("社区大党委+小区党支部", 9), "社区大党…");
    }

    #[test]
    fn renders_aligned_table() {
        let mut t = Table::new(["slogan", "total"]);
        t.align = vec![Align::Left, Align::Right];
        t.rows.push(vec!["两张皮".into(), "4".into()]);
        t.rows.push(vec!["1+5+N".into(), "12".into()]);
        let s = t.render();
        // "两张皮" is 6 columns wide, the widest cell of column 1.
        assert_eq!(
            s,
            "slogan  total\n------  -----\n两张皮      4\n1+5+N      12\n"
        );
    }

    #[test]
    fn csv_quotes_when_needed() {
        let mut t = Table::new(["a", "b"]);
        t.rows.push(vec!["x,y".into(), "say \"hi\"".into()]);
        assert_eq!(t.to_csv(), "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");
        assert_eq!(fmt_f64(-0.0001, 2), "0.00");
    }
}
