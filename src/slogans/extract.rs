//! The single pass over the text: quotations first, then the unquoted rules.

use super::classify::{classify_quoted, is_han};
use super::local::Local;
use super::numerals::{digit_value, is_numeral};
use super::scan::Candidates;
use super::{listed, Kind, Mention};

/// Longest quotation (in characters) looked at.
pub(super) const MAX_QUOTE: usize = 60;

/// The byte length of every quotation mark, opening and closing (“ ” ‘ ’ 「 」 『 』), and of 、.
const MARK: usize = 3;

/// The closing mark of an opening quotation mark.
pub(super) fn closing(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        _ => return None,
    })
}

/// Finds the formulations and slogans in a cleaned text, ordered by start offset (then end).
///
/// Offsets are byte offsets into `text` and always fall on character boundaries. Never
/// panics; returns an empty vector for text without candidates (and for a text longer than
/// 4 GiB).
///
/// The text is scanned once for the opening quotation marks and the triggers of the
/// unquoted rules (`Candidates`); characters are decoded only around these (`Local`).
pub fn extract(text: &str) -> Vec<Mention> {
    // Candidate offsets are stored as u32; a text beyond 4 GiB is not searched.
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    let Candidates { openers, triggers } = Candidates::new(text);
    let mut out: Vec<Mention> = Vec::new();
    // The byte ranges of the accepted quotations, marks included, in order.
    let mut covered: Vec<(usize, usize)> = Vec::new();
    let quotes = find_quotes(text, &openers);
    // Formulas named after a quoted list (see `listed`), added where no rule found one.
    let mut named: Vec<(usize, usize)> = Vec::new();
    let mut q = 0;
    while q < quotes.len() {
        // Units split over several quotes joined by 、: “打虎”、“拍蝇”、“猎狐”.
        let mut last = q;
        while last + 1 < quotes.len()
            && quotes[last + 1].open == quotes[last].close + 2 * MARK
            && text.get(quotes[last].close + MARK..quotes[last + 1].open) == Some("、")
        {
            last += 1;
        }
        // Only one-word units (two characters each) merge: “上海标准”、“上海品牌” stay apart.
        let short = quotes[q..=last].iter().all(|x| x.chars <= 2);
        if last > q && short {
            let parts: Vec<&str> = quotes[q..=last].iter().map(|x| x.content(text)).collect();
            if units_merge(&parts) {
                let (o, c) = (quotes[q].open, quotes[last].close);
                let normalized = parts.join("、");
                push(
                    &mut out,
                    text,
                    o + MARK,
                    c,
                    normalized,
                    Kind::QuotedSlogan,
                    true,
                );
                covered.push((o, c + MARK));
                q = last + 1;
                continue;
            }
        }
        let quote = quotes[q];
        q += 1;
        // A quotation opened inside an accepted one is part of it (“‘三亮’活动”), unless
        // it is a formula or a short slogan standing in a quoted list or chain: “践行‘三个表率’、
        // 建设模范机关”, “星级支部—示范支部—‘五星四强’特色支部”.
        if let Some(&(o, c)) = covered
            .last()
            .filter(|&&(o, c)| o <= quote.open && quote.open < c)
        {
            if quote.close + MARK <= c {
                if let Some((k, n)) = inner_formula(&text[o + MARK..c - MARK], quote.content(text))
                {
                    let s = quote.open + MARK;
                    push(&mut out, text, s, quote.close, n, k, true);
                }
            }
            continue;
        }
        let content = quote.content(text);
        let rest = text.get(quote.close + MARK..).unwrap_or("");
        if direct_speech_before(text, quote.open) && !named_in_sentence(content, rest) {
            continue;
        }
        let tail = quote.close + MARK;
        if let Some((a, b)) = text
            .get(tail..)
            .and_then(|t| listed::named_by_list(content, t))
        {
            named.push((tail + a, tail + b));
        }
        let Some((kind, normalized)) = classify_quoted(content) else {
            continue;
        };
        let lead = content.len() - content.trim_start().len();
        let s = quote.open + MARK + lead;
        let e = s + content.trim().len();
        if !(kind == Kind::QuotedSlogan && names_short(&text[..quote.open], &normalized)) {
            let around = (&text[..quote.open], &text[quote.close + MARK..]);
            if let Some(n) = counted_quote(around, kind, &normalized) {
                let name = format!("{}{normalized}", &text[quote.open - n..quote.open]);
                push(
                    &mut out,
                    text,
                    quote.open - n,
                    e,
                    name,
                    Kind::NumberedList,
                    true,
                );
            }
            let open = is_open_list(kind, &normalized);
            if !(open && defines_next(rest)) {
                push(&mut out, text, s, e, normalized, kind, true);
            }
            if open {
                continue;
            }
        }
        covered.push((quote.open, quote.close + MARK));
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
    let mut rules = Local::new(text);
    let mut resume = 0;
    // covered[next..]: the quotations that do not end before the current trigger.
    let mut next = 0;
    for &t in &triggers {
        let p = t as usize;
        while covered.get(next).is_some_and(|r| r.1 <= p) {
            next += 1;
        }
        if p < resume || covered.get(next).is_some_and(|r| r.0 <= p) {
            continue;
        }
        if let Some((s, e, kind)) = rules.at(p) {
            // No quotation overlaps s..e (a match may start before the trigger).
            let first = covered.partition_point(|r| r.1 <= s);
            let free = covered.get(first).is_none_or(|r| e <= r.0);
            if free && s < e {
                let surface = &text[s..e];
                push(&mut out, text, s, e, surface.to_string(), kind, false);
                resume = e;
            }
        }
    }
    add_named(&mut out, text, &named);
    add_named(&mut out, text, &super::series::items(text));
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// Adds the formulas at the byte ranges `named` that overlap no mention of `out`: those
/// named after a quoted list (see `listed`) and the items of numbered series (see
/// `series`).
pub(super) fn add_named(out: &mut Vec<Mention>, text: &str, named: &[(usize, usize)]) {
    for &(s, e) in named {
        if out.iter().all(|m| m.end <= s || e <= m.start) {
            let surface = text[s..e].to_string();
            push(out, text, s, e, surface, Kind::NumeralCompound, false);
        }
    }
}

pub(super) fn push(
    out: &mut Vec<Mention>,
    text: &str,
    s: usize,
    e: usize,
    normalized: String,
    kind: Kind,
    quoted: bool,
) {
    // Normalised names use ASCII commas and brackets whatever the cleaner kept:
    // 这么近，那么美 → 这么近,那么美; 校（院所）企 → 校(院所)企.
    let normalized: String = if normalized.contains(['，', '（', '）']) {
        normalized
            .chars()
            .map(|c| match c {
                '，' => ',',
                '（' => '(',
                '）' => ')',
                _ => c,
            })
            .collect()
    } else {
        normalized
    };
    out.extend(Mention::new(text, s, e, normalized, kind, quoted));
}

/// Classifiers that count a quoted noun as a numbered list: 五大“红色工程”.
const QUOTE_CLASSIFIERS: [char; 4] = ['大', '项', '条', '张'];

/// The length in bytes of a numeral (two or more) and a classifier ([`QUOTE_CLASSIFIERS`])
/// that end `before`, the text before a quoted slogan `name` of 2–6 Han characters, when
/// the name closes at the quotation (`after` opens with no Han character, or with a tail
/// word): the quotation is the noun of a numbered list (等五大“红色工程”,). Not after
/// another numeral or digit (十五大), not 一个“核心”, an emphasis, and not a quotation that
/// modifies a noun after it (三张“零关税”清单).
pub(super) fn counted_quote(
    (before, after): (&str, &str),
    kind: Kind,
    name: &str,
) -> Option<usize> {
    let chars = name.chars().count();
    if kind != Kind::QuotedSlogan || !(2..=6).contains(&chars) || !name.chars().all(is_han) {
        return None;
    }
    if after.chars().next().is_some_and(is_han) && !super::unquoted::ends_name(after) {
        return None;
    }
    let mut back = before.chars().rev();
    let classifier = back.next().filter(|c| QUOTE_CLASSIFIERS.contains(c))?;
    let numeral = back.next()?;
    digit_value(numeral).filter(|&v| v >= 2)?;
    if back
        .next()
        .is_some_and(|c| is_numeral(c) || c.is_ascii_digit())
    {
        return None;
    }
    Some(numeral.len_utf8() + classifier.len_utf8())
}

/// Words that introduce a short name for what was just named: (以下)简称, 下称.
const SHORT_NAME: [&str; 3] = ["简称", "简称为", "下称"];

/// Last characters of the short name of a body (庆阳市院, 市委, 县局, 集团公司 …).
const BODIES: &str = "院局委厅办部所处司会行校站队组府社团";

/// True when the quoted slogan `name` stands after one of [`SHORT_NAME`] (`before` is the
/// text before the quotation) and names a body ([`BODIES`]): 甘肃省庆阳市人民检察院(以下
/// 简称“庆阳市院”), no slogan; a programme so named is one all the same (以下简称“千万
/// 工程”).
pub(super) fn names_short(before: &str, name: &str) -> bool {
    SHORT_NAME.iter().any(|w| before.ends_with(w)) && name.ends_with(|c| BODIES.contains(c))
}

/// Marks that make a quotation a list or chain of items (its formulas are items of it).
const ITEM_MARKS: [char; 4] = ['、', '—', '，', ','];

/// The kind and name of `inner`, a quotation inside the accepted quotation `outer`, when
/// `inner` is a formula inside a phrase (“约定海边‘六进’巡回宣讲”), or, when `outer` lists
/// items ([`ITEM_MARKS`]), a formula or a slogan of at most 8 characters (“践行‘三个表率’、
/// 建设模范机关”; “办事不出村、群众‘零跑腿’”). A formula opening a phrase is its name with
/// a suffix (“‘三亮’行动”: 三亮行动 alone).
pub(super) fn inner_formula(outer: &str, inner: &str) -> Option<(Kind, String)> {
    if inner != inner.trim() {
        return None;
    }
    let listed = outer.contains(ITEM_MARKS);
    if !listed && outer.trim_start().starts_with(['‘', '『']) {
        return None;
    }
    classify_quoted(inner).filter(|(k, n)| k.is_formula() || (listed && n.chars().count() <= 8))
}

/// A quotation: byte offsets of its opening and closing marks, and its length.
#[derive(Debug, Clone, Copy)]
struct Quote {
    open: usize,
    close: usize,
    /// Characters between the marks.
    chars: usize,
}

impl Quote {
    /// The text between the marks.
    fn content(self, text: &str) -> &str {
        text.get(self.open + MARK..self.close).unwrap_or("")
    }
}

/// True when the quoted units of a 、-joined row (two characters at most each) are one
/// slogan split over quotes (“打虎”、“拍蝇”、“猎狐”): all Han words of two characters, none
/// a formulation of its own (“四星”、“三星”: a numeral first).
pub(super) fn units_merge(parts: &[&str]) -> bool {
    parts.iter().all(|p| {
        p.chars().all(is_han)
            && p.chars().count() >= 2
            && !p.starts_with(super::numerals::is_numeral)
    })
}

/// Quotation pairs, not nested, within one line; `openers` are the byte offsets of the
/// opening marks, in order.
fn find_quotes(text: &str, openers: &[u32]) -> Vec<Quote> {
    let mut out = Vec::new();
    // The search for a mark resumes after the closing mark of a pair of that mark; a
    // quotation of another mark inside it is found too (书记强调：“要落实‘四下基层’制度。”),
    // and kept where the outer one is no slogan.
    let mut resume = [0usize; 4];
    for &o in openers {
        let open_at = o as usize;
        let mut rest = text.get(open_at..).unwrap_or("").char_indices();
        let Some(close) = rest.next().and_then(|(_, c)| closing(c).map(|x| (c, x))) else {
            continue;
        };
        let (open, close) = close;
        let mark = match open {
            '“' => 0,
            '‘' => 1,
            '「' => 2,
            _ => 3,
        };
        let resume = &mut resume[mark];
        if open_at < *resume {
            continue;
        }
        // At most MAX_QUOTE characters after the opening mark are looked at.
        for (n, (off, c)) in rest.take(MAX_QUOTE).enumerate() {
            if c == close {
                out.push(Quote {
                    open: open_at,
                    close: open_at + off,
                    chars: n,
                });
                *resume = open_at + off + MARK;
                break;
            }
            if c == open {
                // “五星“支部…: a short quotation closed by a second opening mark that
                // opens nothing (no closing mark follows it) is a typo for the closing mark.
                let at = open_at + off;
                if (1..=MAX_MISTYPED).contains(&n) && !closes(text, at + MARK, open, close) {
                    out.push(Quote {
                        open: open_at,
                        close: at,
                        chars: n,
                    });
                    *resume = at + MARK;
                }
                break;
            }
            if c == '\n' {
                break;
            }
        }
    }
    out
}

/// The longest quotation (characters) whose closing mark may be mistyped as an opening one.
pub(super) const MAX_MISTYPED: usize = 16;

/// True when a closing mark `close` comes at or after byte `from` of `text` (within
/// [`MAX_QUOTE`] characters, on the same line) before another `open`.
fn closes(text: &str, from: usize, open: char, close: char) -> bool {
    let rest = text.get(from..).unwrap_or("");
    rest.chars()
        .take(MAX_QUOTE)
        .find(|&c| c == close || c == open || c == '\n')
        == Some(close)
}

/// Quoted direct speech: the quotation whose opening mark is at byte `open` follows a colon
/// or a verb of saying.
fn direct_speech_before(text: &str, open: usize) -> bool {
    let (Some(before), Some(mark)) = (text.get(..open), text.get(open..)) else {
        return false;
    };
    if !mark.starts_with('“') {
        return false;
    }
    let mut back = before.trim_end_matches(' ').chars().rev();
    match back.next() {
        Some('：' | ':' | '说') => true,
        // 道 of speech (说道, 笑道), not of a word (健身步道“六个一”, 街道“双报到”).
        Some('道') => back.next().is_some_and(|c| SPEECH_BEFORE_DAO.contains(c)),
        _ => false,
    }
}

/// True when the quotation `content`, followed by `rest`, is a short name inside a sentence
/// that goes on past it (云阳:“村播”拓宽共富路): at most 8 characters, all Han, and a Han
/// character right after the closing mark. After a colon or a verb of saying it is then
/// no speech.
pub(super) fn named_in_sentence(content: &str, rest: &str) -> bool {
    let n = content.chars().count();
    (2..=8).contains(&n) && content.chars().all(is_han) && rest.chars().next().is_some_and(is_han)
}

/// True for a quoted list of phrases too long to be one token ([`super::MAX_TOKEN_HAN`]):
/// the unquoted rules still look inside it, so the formulations it lists are found too
/// (“坚持两个确立、做到两个维护、增强四个意识、坚定四个自信”).
pub(super) fn is_open_list(kind: Kind, normalized: &str) -> bool {
    kind == Kind::QuotedSlogan
        && normalized.chars().filter(|&c| is_han(c)).count() > super::MAX_TOKEN_HAN
}

/// True when `rest`, the text after a quoted list, joins it to the quoted name it defines
/// (“有困难找支部、要办事找干部,党员带头致富、带领致富”为主要内容的“双找双带”): the list is
/// then that name's components, found as its expansion, and no slogan of its own.
pub(super) fn defines_next(rest: &str) -> bool {
    ["的", "为主要内容的", "为内容的"].iter().any(|j| {
        rest.strip_prefix(j).is_some_and(|r| {
            // A quoted name, or an unquoted numbered one (…”的五管服务; not 一, which opens
            // words: …”的一流基层便民服务中心).
            r.starts_with(['“', '"', '「', '‘'])
                || r.chars()
                    .next()
                    .is_some_and(|c| (is_numeral(c) && c != '一') || c.is_ascii_digit())
        })
    })
}

/// Verbs that make a following 道 one of speech: 说道, 问道, 答道, 笑道, 写道 ….
pub(super) const SPEECH_BEFORE_DAO: &str = "说问答笑写叹喊叫骂念讲";

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
