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
        let layout = self.layout(&self.rows);
        let mut out = layout.head();
        for r in &self.rows {
            out.push_str(&layout.line(r));
        }
        out
    }

    /// The column widths of this table's headers and `rows` (which need not be its own:
    /// a table too large to hold is measured in one pass over its rows and printed with
    /// [`Layout::line`] in a second).
    pub fn layout<R: AsRef<[String]>>(&self, rows: impl IntoIterator<Item = R>) -> Layout {
        let mut layout = Layout {
            widths: Vec::new(),
            align: self.align.clone(),
            max_width: self.max_width,
            headers: self.headers.clone(),
        };
        layout.widths = self.headers.iter().map(|h| layout.cell_width(h)).collect();
        for r in rows {
            layout.fit(r.as_ref());
        }
        layout
    }

    /// Renders the table as CSV (RFC 4180 quoting), full cell contents.
    pub fn to_csv(&self) -> String {
        let mut out = csv_line(&self.headers);
        for r in &self.rows {
            out.push_str(&csv_line(r));
        }
        out
    }
}

/// The column widths and alignment of a terminal table ([`Table::layout`]), to render it a
/// line at a time.
#[derive(Debug, Clone)]
pub struct Layout {
    widths: Vec<usize>,
    align: Vec<Align>,
    max_width: usize,
    headers: Vec<String>,
}

impl Layout {
    /// The display width of a cell once cut to the width limit.
    fn cell_width(&self, c: &str) -> usize {
        display_width(&truncate(c, self.max_width))
    }

    /// Widens the columns to fit one more row (cells past the headers are not shown).
    pub fn fit(&mut self, cells: &[String]) {
        for (i, c) in cells.iter().enumerate().take(self.widths.len()) {
            let w = self.cell_width(c);
            self.widths[i] = self.widths[i].max(w);
        }
    }

    /// The header line and the rule under it.
    pub fn head(&self) -> String {
        let rule: Vec<String> = self.widths.iter().map(|w| "-".repeat(*w)).collect();
        let mut out = self.line(&self.headers);
        out.push_str(&self.line(&rule));
        out
    }

    /// One row as a line: cells cut to the width limit, padded by display width, columns
    /// separated by two spaces, trailing spaces trimmed, ending in a newline.
    pub fn line(&self, cells: &[String]) -> String {
        let mut s = String::new();
        for (i, w) in self.widths.iter().enumerate() {
            let c = truncate(
                cells.get(i).map(String::as_str).unwrap_or(""),
                self.max_width,
            );
            let pad = w.saturating_sub(display_width(&c));
            let right = self.align.get(i) == Some(&Align::Right);
            if i > 0 {
                s.push_str("  ");
            }
            if right {
                s.push_str(&" ".repeat(pad));
                s.push_str(&c);
            } else {
                s.push_str(&c);
                if i + 1 < self.widths.len() {
                    s.push_str(&" ".repeat(pad));
                }
            }
        }
        let mut out = s.trim_end().to_string();
        out.push('\n');
        out
    }
}

/// One CSV line (RFC 4180 quoting), ending in a newline.
pub fn csv_line(cells: &[String]) -> String {
    let fields: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    let mut out = fields.join(",");
    out.push('\n');
    out
}

/// Quotes one CSV field when it needs it.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `n` and a noun in the singular for 1, else with an `s` added: `1 group`, `29 documents`,
/// `3 regions` (a `--group-by` field name is pluralised the same way).
pub fn count_of(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
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
    fn count_of_is_singular_only_for_one() {
        assert_eq!(count_of(1, "group"), "1 group");
        assert_eq!(count_of(0, "group"), "0 groups");
        assert_eq!(count_of(29, "document"), "29 documents");
    }

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
    fn a_layout_measured_row_by_row_renders_the_same_lines() {
        let mut t = Table::new(["词", "count", "note"]);
        t.max_width = 6;
        t.align = vec![Align::Left, Align::Right];
        t.rows
            .push(vec!["党建引领".into(), "12".into(), "a,b".into()]);
        t.rows
            .push(vec!["x".into(), "3".into(), "基层治理现代化".into()]);
        t.rows.push(vec!["1+5+N".into(), "100".into()]);
        let mut layout = t.layout(std::iter::empty::<Vec<String>>());
        for r in &t.rows {
            layout.fit(r);
        }
        let mut lines = layout.head();
        for r in &t.rows {
            lines.push_str(&layout.line(r));
        }
        assert_eq!(lines, t.render());
        // By hand: a cell may take 6 columns including the …, so 党建引领 (8) becomes 党建…
        // (5) and 基层治理现代化 becomes 基层… (5); widths 5 (党建…, 1+5+N), 5 (count), 5.
        assert_eq!(
            t.render(),
            "词     count  note\n-----  -----  -----\n党建…     12  a,b\nx          3  基层…\n1+5+N    100\n"
        );
        let mut csv = csv_line(&t.headers);
        for r in &t.rows {
            csv.push_str(&csv_line(r));
        }
        assert_eq!(csv, t.to_csv());
        assert_eq!(csv_line(&t.rows[0]), "党建引领,12,\"a,b\"\n");
    }

    #[test]
    fn csv_quotes_when_needed() {
        let mut t = Table::new(["a", "b"]);
        t.rows.push(vec!["x,y".into(), "say \"hi\"".into()]);
        assert_eq!(t.to_csv(), "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");
        assert_eq!(fmt_f64(-0.0001, 2), "0.00");
    }
}
