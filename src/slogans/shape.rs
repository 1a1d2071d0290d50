//! Shapes and patterns of formulations: the numbers of a normalised name abstracted so
//! that variants group together (`1+5+N` → `1+k+N`, 六联六促 → `{6}联{6}促`), and the
//! family of a shape (三化三促 → `{3}化{3}*`). See the module docs of [`super`].

use super::numerals::{each_value, is_numeral};
use super::Kind;

/// The shape of a normalised formulation: numbers abstracted so variants group together.
///
/// * numeric: a term `1` stays, other numbers become `k`, letters stay (`1+5+N` → `1+k+N`);
///   a bare code becomes one `#` per digit (`136` → `###`); `3个1` → `k个1`;
/// * Chinese numerals become `{value}` (`六联六促` → `{6}联{6}促`);
/// * plus: the first part stays, the others become `X` (`党建+文化` → `党建+X`);
/// * quoted slogans: the normalised form itself, or `X、X、X` for lists of parallel parts.
pub fn shape(kind: Kind, normalized: &str) -> String {
    match kind {
        Kind::Numeric => {
            if normalized.bytes().all(|x| x.is_ascii_digit()) {
                return "#".repeat(normalized.len());
            }
            let sep = if normalized.contains('+') { '+' } else { '个' };
            normalized
                .split(sep)
                .map(|t| {
                    if t == "1" {
                        "1".to_string()
                    } else if t.bytes().all(|x| x.is_ascii_digit()) {
                        "k".to_string()
                    } else {
                        t.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(&sep.to_string())
        }
        Kind::Plus => {
            let mut parts = normalized.split('+');
            let first = parts.next().unwrap_or("").to_string();
            let mut s = first;
            for p in parts {
                s.push('+');
                if !p.is_empty() {
                    s.push('X');
                }
            }
            s
        }
        Kind::NumeralCompound | Kind::NumberedList => numeral_shape(normalized),
        Kind::QuotedSlogan => {
            let parts = 1 + normalized
                .chars()
                .filter(|c| matches!(c, '、' | ',' | '，' | '·'))
                .count();
            if parts >= 2 {
                vec!["X"; parts].join("、")
            } else {
                normalized.to_string()
            }
        }
    }
}

/// The pattern (family) of a shape: in a numeral compound or numbered list with two or more
/// numeral groups separated by text, the final morpheme (after the last numeral) becomes `*`,
/// so variants of one scheme group together: `{3}化{3}促` and `{3}化{3}治` → `{3}化{3}*`,
/// `{6}联{6}促` → `{6}联{6}*`, `{2}区{1}中心` → `{2}区{1}*`. Every other shape is its own
/// pattern (`1+k+N`, `{3}治融合`, `党建+X`, `红色物业`).
pub fn pattern(kind: Kind, shape: &str) -> String {
    if !matches!(kind, Kind::NumeralCompound | Kind::NumberedList) {
        return shape.to_string();
    }
    let Some(last_close) = shape.rfind('}') else {
        return shape.to_string();
    };
    let head = &shape[..=last_close];
    let tail = &shape[last_close + 1..];
    // Text between two numeral groups: some `}` followed by a character other than `{`.
    let separated = head
        .match_indices('}')
        .any(|(i, _)| head[i + 1..].chars().next().is_some_and(|c| c != '{'));
    if tail.is_empty() || !separated {
        return shape.to_string();
    }
    format!("{head}*")
}

/// Replaces each Chinese numeral (run) by `{value}`.
pub(super) fn numeral_shape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    // The numerals of the current run: a slice of `s`, as the values of a run depend on
    // its neighbours (十五 = 15).
    let mut run: Option<usize> = None;
    for (i, ch) in s.char_indices() {
        if is_numeral(ch) {
            run.get_or_insert(i);
        } else {
            if let Some(r) = run.take() {
                flush(&mut out, &s[r..i]);
            }
            out.push(ch);
        }
    }
    if let Some(r) = run {
        flush(&mut out, &s[r..]);
    }
    out
}

/// Appends `{value}` for each value of the numeral run `run`.
fn flush(out: &mut String, run: &str) {
    each_value(run, |v| {
        out.push('{');
        push_decimal(out, v);
        out.push('}');
    });
}

/// Appends the decimal digits of `v`.
fn push_decimal(out: &mut String, v: u32) {
    if v >= 10 {
        push_decimal(out, v / 10);
    }
    out.push(char::from(b'0' + (v % 10) as u8));
}
