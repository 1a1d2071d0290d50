//! Text width estimation for layout without a font engine.
//!
//! The estimate errs on the wide side so that a label laid out with it is never clipped
//! in a real CJK sans-serif font (Noto Sans CJK SC, PingFang SC, Microsoft YaHei).

/// Maximum width of an axis or legend label, in em (16 Chinese characters); longer labels
/// are truncated with "…" by [`truncate_to_width`].
pub const MAX_LABEL_EM: f64 = 16.0;

/// Width of one character in em (multiples of the font size).
///
/// Classes, measured against Noto Sans CJK SC and rounded up:
/// - Chinese/Japanese/Korean characters, CJK punctuation (、。「」), full-width forms
///   (＋，：), curly quotes and the ellipsis, which CJK fonts draw full-width: 1.0 em;
/// - wide Latin capitals and `m`/`w` (M, W, m, w, @, %): 0.9 em; other capitals: 0.72 em;
/// - lowercase letters, digits and operators (+ = < > ~): 0.6 em;
/// - narrow letters and punctuation (i l j t f r I . , : ; ! | ' ( ) [ ]): 0.38 em;
/// - space: 0.32 em; other ASCII punctuation: 0.5 em;
/// - combining marks and control characters: 0; anything else: 1.0 em.
fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.32,
        'M' | 'W' | 'm' | 'w' | '@' | '%' => 0.9,
        'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';' | '!' | '|' | '\''
        | '(' | ')' | '[' | ']' => 0.38,
        'A'..='Z' => 0.72,
        'a'..='z'
        | '0'..='9'
        | '+'
        | '='
        | '<'
        | '>'
        | '~'
        | '#'
        | '$'
        | '&'
        | '*'
        | '?'
        | '_'
        | '^' => 0.6,
        '!'..='~' => 0.5,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => 0.0,
        '\u{300}'..='\u{36f}' | '\u{200b}'..='\u{200f}' | '\u{fe00}'..='\u{fe0f}' => 0.0,
        // Latin-1 letters and other alphabetic scripts: as wide as a capital.
        '\u{a0}'..='\u{2af}' | '\u{370}'..='\u{52f}' => 0.72,
        _ => 1.0,
    }
}

/// Estimated width in pixels of `s` drawn at `font_px` pixels in a CJK sans-serif font.
///
/// Chinese and full-width characters count 1 em, Latin letters and digits about 0.6 em,
/// narrow punctuation less; the estimate errs on the wide side. Bold text is about 5%
/// wider; callers drawing bold text multiply by `BOLD_FACTOR` (1.08).
pub fn text_width(s: &str, font_px: f64) -> f64 {
    let font_px = if font_px.is_finite() && font_px > 0.0 {
        font_px
    } else {
        0.0
    };
    s.chars().map(char_em).sum::<f64>() * font_px
}

/// Width factor of bold text relative to regular text.
pub(crate) const BOLD_FACTOR: f64 = 1.08;

/// `s` shortened so that its [`text_width`] at `font_px` is at most `max_px`, ending in
/// "…" when anything was cut. Returns `s` unchanged when it fits. Line breaks and other
/// control characters are replaced by spaces first, so a label is always one line.
pub fn truncate_to_width(s: &str, max_px: f64, font_px: f64) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let one_line = one_line.trim().to_string();
    if text_width(&one_line, font_px) <= max_px {
        return one_line;
    }
    let budget = max_px - text_width("…", font_px);
    let mut out = String::new();
    let mut used = 0.0;
    for c in one_line.chars() {
        let w = char_em(c) * font_px;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_one_em_and_latin_narrower() {
        // 党建引领: 4 CJK characters × 1.0 em × 10 px = 40 px.
        assert_eq!(text_width("党建引领", 10.0), 40.0);
        // 1+5+N: 1 (0.6) + (0.6) 5 (0.6) + (0.6) N (0.72) = 3.12 em → 31.2 px.
        assert!((text_width("1+5+N", 10.0) - 31.2).abs() < 1e-9);
        // “红色物业”: curly quotes are full-width in CJK fonts: 6 em.
        assert_eq!(text_width("“红色物业”", 10.0), 60.0);
        assert_eq!(text_width("", 12.0), 0.0);
        assert_eq!(text_width("abc", f64::NAN), 0.0);
    }

    #[test]
    fn truncation_keeps_short_labels_and_cuts_long_ones() {
        assert_eq!(truncate_to_width("北京市", 100.0, 10.0), "北京市");
        // 社区大党委+小区党支部+楼栋党小组: 15 CJK + 2 × '+' (0.6) = 16.2 em > 16 em.
        // Budget 16 − 1 (…) = 15 em: 社区大党委 (5) + (0.6) 小区党支部 (5) + (0.6) 楼栋党 (3)
        // = 14.2 em; the next 小 would make 15.2 > 15, so it stops there.
        let t = truncate_to_width("社区大党委+小区党支部+楼栋党小组", 160.0, 10.0);
        assert_eq!(t, "社区大党委+小区党支部+楼栋党…");
        assert!(text_width(&t, 10.0) <= 160.0);
        assert_eq!(truncate_to_width("a\nb", 100.0, 10.0), "a b");
    }
}
