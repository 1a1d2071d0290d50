//! The reference of [`super::extract`] (tests only): the former implementation, on a table
//! of every character of the text, which the byte scan and the windows of the unquoted
//! rules must reproduce exactly.

use super::classify::classify_quoted;
use super::extract::{
    add_named, closing, counted_quote, defines_next, inner_formula, is_open_list,
    named_in_sentence, names_short, push, units_merge, MAX_MISTYPED, MAX_QUOTE, SPEECH_BEFORE_DAO,
};
use super::numerals::is_numeral;
use super::{listed, unquoted, Kind, Mention};

/// [`super::extract`] as it was: the rules on a table of every character.
pub(super) fn extract_by_table(text: &str) -> Vec<Mention> {
    // Byte offsets are stored as u32 (8 bytes per char instead of 16: this array is the
    // largest allocation per document); a text beyond 4 GiB is not searched.
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    let chars: Vec<(u32, char)> = text.char_indices().map(|(i, c)| (i as u32, c)).collect();
    let pick = |f: fn(char) -> bool| -> Vec<u32> {
        (0..chars.len() as u32)
            .filter(|&k| f(chars[k as usize].1))
            .collect()
    };
    let openers = pick(|c| closing(c).is_some());
    let triggers = pick(|c| is_numeral(c) || c == '第' || c.is_ascii_digit() || c == '+');
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0 as usize);
    let mut out: Vec<Mention> = Vec::new();
    // covered[i]: char i belongs to an accepted quotation.
    let mut covered = vec![false; chars.len()];
    let quotes = find_quotes(&chars, &openers);
    let mut named: Vec<(usize, usize)> = Vec::new();
    // The quotations accepted one by one (not merged units), as (open, close) char indices.
    let mut accepted: Vec<(usize, usize)> = Vec::new();
    let mut q = 0;
    while q < quotes.len() {
        // Units split over several quotes joined by 、: “打虎”、“拍蝇”、“猎狐”.
        let mut last = q;
        while last + 1 < quotes.len()
            && quotes[last + 1].0 == quotes[last].1 + 2
            && chars.get(quotes[last].1 + 1).map(|c| c.1) == Some('、')
        {
            last += 1;
        }
        // Only one-word units (two characters each) merge: “上海标准”、“上海品牌” stay apart.
        let short = quotes[q..=last].iter().all(|&(o, c)| c - o - 1 <= 2);
        if last > q && short {
            let parts: Vec<&str> = quotes[q..=last]
                .iter()
                .map(|&(o, c)| &text[byte(o + 1)..byte(c)])
                .collect();
            if units_merge(&parts) {
                let (o, c) = (quotes[q].0, quotes[last].1);
                let normalized = parts.join("、");
                push(
                    &mut out,
                    text,
                    byte(o + 1),
                    byte(c),
                    normalized,
                    Kind::QuotedSlogan,
                    true,
                );
                covered[o..=c].iter_mut().for_each(|x| *x = true);
                q = last + 1;
                continue;
            }
        }
        let (o, c) = quotes[q];
        q += 1;
        // Inside an accepted quotation: only a formula as one of its items.
        if covered[o] {
            if let Some(&(ao, ac)) = accepted.last().filter(|&&(ao, ac)| ao <= o && c <= ac) {
                let outer = &text[byte(ao + 1)..byte(ac)];
                if let Some((k, n)) = inner_formula(outer, &text[byte(o + 1)..byte(c)]) {
                    push(&mut out, text, byte(o + 1), byte(c), n, k, true);
                }
            }
            continue;
        }
        let content = &text[byte(o + 1)..byte(c)];
        if direct_speech_before(&chars, o) && !named_in_sentence(content, &text[byte(c + 1)..]) {
            continue;
        }
        let tail = byte(c + 1);
        if let Some((a, b)) = listed::named_by_list(content, &text[tail..]) {
            named.push((tail + a, tail + b));
        }
        let Some((kind, normalized)) = classify_quoted(content) else {
            continue;
        };
        let lead = content.len() - content.trim_start().len();
        let s = byte(o + 1) + lead;
        let e = s + content.trim().len();
        if !(kind == Kind::QuotedSlogan && names_short(&text[..byte(o)], &normalized)) {
            if let Some(n) =
                counted_quote((&text[..byte(o)], &text[byte(c + 1)..]), kind, &normalized)
            {
                let name = format!("{}{normalized}", &text[byte(o) - n..byte(o)]);
                push(
                    &mut out,
                    text,
                    byte(o) - n,
                    e,
                    name,
                    Kind::NumberedList,
                    true,
                );
            }
            let open = is_open_list(kind, &normalized);
            if !(open && defines_next(&text[byte(c + 1)..])) {
                push(&mut out, text, s, e, normalized, kind, true);
            }
            if open {
                continue;
            }
        }
        covered[o..=c].iter_mut().for_each(|x| *x = true);
        accepted.push((o, c));
        // Formula parts of a ·-joined name: “一村一品·五星联建”.
        if content.contains('·') {
            let mut at = s;
            for part in content.trim().split('·') {
                if let Some((k, n)) = classify_quoted(part) {
                    if k.is_formula() {
                        push(&mut out, text, at, at + part.len(), n, k, true);
                    }
                }
                at += part.len() + '·'.len_utf8();
            }
        }
    }
    // The unquoted rules at each trigger not inside an accepted quotation; after a match
    // the search resumes at its end.
    let mut resume = 0;
    for &t in &triggers {
        let i = t as usize;
        if i < resume || covered[i] {
            continue;
        }
        if let Some((s, e, kind)) = unquoted::at(&chars, i, &text[..byte(i)]) {
            if (s..e).all(|k| !covered[k]) && s < e {
                let surface = &text[byte(s)..byte(e)];
                push(
                    &mut out,
                    text,
                    byte(s),
                    byte(e),
                    surface.to_string(),
                    kind,
                    false,
                );
                resume = e;
            }
        }
    }
    add_named(&mut out, text, &named);
    add_named(&mut out, text, &super::series::items(text));
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// Quotation pairs as (open, close) char indices, not nested, within one line; `openers`
/// are the char indices of the opening marks, in order.
fn find_quotes(chars: &[(u32, char)], openers: &[u32]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The search for a mark resumes after the closing mark of a pair of that mark (a
    // quotation of another mark inside one is found too).
    let mut resume: std::collections::HashMap<char, usize> = std::collections::HashMap::new();
    for &o in openers {
        let i = o as usize;
        if let Some(close) = chars.get(i).and_then(|c| closing(c.1)) {
            let open = chars[i].1;
            let resume = resume.entry(open).or_insert(0);
            if i < *resume {
                continue;
            }
            let mut j = i + 1;
            let mut found = None;
            while j < chars.len() && j - i <= MAX_QUOTE {
                let c = chars[j].1;
                if c == close {
                    found = Some(j);
                    break;
                }
                if c == open {
                    // A mistyped closing mark: the opening mark at j opens nothing.
                    let n = j - i - 1;
                    let mut k = j + 1;
                    let mut closed = false;
                    while k < chars.len() && k - j <= MAX_QUOTE {
                        let d = chars[k].1;
                        if d == close || d == open || d == '\n' {
                            closed = d == close;
                            break;
                        }
                        k += 1;
                    }
                    if (1..=MAX_MISTYPED).contains(&n) && !closed {
                        found = Some(j);
                    }
                    break;
                }
                if c == '\n' {
                    break;
                }
                j += 1;
            }
            if let Some(j) = found {
                out.push((i, j));
                *resume = j + 1;
            }
        }
    }
    out
}

/// Quoted direct speech: the quotation follows a colon or a verb of saying.
fn direct_speech_before(chars: &[(u32, char)], open: usize) -> bool {
    if chars[open].1 != '“' {
        return false;
    }
    let mut k = open;
    while k > 0 && chars[k - 1].1 == ' ' {
        k -= 1;
    }
    k > 0
        && match chars[k - 1].1 {
            '：' | ':' | '说' => true,
            '道' => k > 1 && SPEECH_BEFORE_DAO.contains(chars[k - 2].1),
            _ => false,
        }
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Texts dense in every trigger, quotation mark, classifier, joint-action verb and
        // tail word, with stops, spaces, line breaks and multi-byte characters.
        #[test]
        fn extract_equals_the_table_version(
            t in "[一二三两双十第个大项件条中央治融合联动体系产业目标精神建设村品心意年党文化物业红色打虎拍蝇我们说道笑步：:·（），,。、— \n“”‘’「」『』+.0-9NaX🙂é]{0,60}"
        ) {
            prop_assert_eq!(super::super::extract(&t), extract_by_table(&t));
        }

        // Quotations: joined units, direct speech, ·-joined names, unclosed marks.
        #[test]
        fn quotations_equal_the_table_version(
            parts in proptest::collection::vec(
                "“[打虎拍蝇一村一品五星联建三治融合我们1+N]{0,6}”|“[践行、—]{0,2}‘[三个表率五星四强]{0,4}’[、—特色]{0,2}”|、|：|说|简称|五大|·| |\n|‘[红色物业]{0,3}’|「[两区一中心]{0,4}」|『党建+』|“",
                0..12,
            )
        ) {
            let t: String = parts.concat();
            prop_assert_eq!(super::super::extract(&t), extract_by_table(&t));
        }
    }

    #[test]
    fn long_and_dense_texts_equal_the_table_version() {
        let mut t = String::new();
        for k in 0..300 {
            t.push_str(
                [
                    "坚持“打虎”、“拍蝇”、“猎狐”,",
                    "推动一二三产融合发展,",
                    "党建+文化+旅游",
                    "1+5+N模式",
                    "三个三个三个",
                    "他说：“我们一定办好”",
                    "“一村一品·五星联建”",
                    "\n",
                    "中央八项规定精神",
                ][k % 9],
            );
        }
        t.push_str(&"三".repeat(400));
        t.push_str(&"1".repeat(300));
        assert_eq!(super::super::extract(&t), extract_by_table(&t));
    }
}
