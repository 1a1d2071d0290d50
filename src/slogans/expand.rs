//! Expansion: the components a text gives for a formulation near its occurrence, and a
//! check of their number against the numeral (三 → 3 components).

use super::classify::{is_han, CLASSIFIERS};
use super::components::{enumerated_heads, paragraph_heads, quoted_with_key, semicolon_heads};
pub(super) use super::memo::Memo;
use super::window::{
    clause_sep, find_char, head_chars, sentence_sep, split_at_bytes, split_holding, tail_chars,
};
use super::{tidy, Kind, Mention};
use serde::Serialize;

/// How many characters after the occurrence are searched for components.
const AFTER_WINDOW: usize = 1500;

/// Whether the components found agree with the numeral of the formulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Consistency {
    /// As many components as the numeral says (or as the sum of the numerals: 三化三促 → 6).
    Ok,
    /// Components found, but not as many as the numeral says.
    Mismatch,
    /// The text does not define the formulation (fewer than two components found).
    Undefined,
}

/// The components of one occurrence and their consistency with the numeral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// Components in text order, without duplicates.
    pub components: Vec<String>,
    /// Their number checked against the numeral.
    pub consistency: Consistency,
}

/// Finds the components of `m` near its occurrence in `text` (the cleaned text `m` was
/// extracted from). Strategies, in order, the first whose count fits the numeral winning
/// (else the first of strategies 1 and 2 that finds two or more, a mismatch; see
/// [`SHOWN_UNFITTED`]):
///
/// 1. a definition after it: “三个思维”即系统思维、创新思维、一线思维; “3个1”服务模式,即1名…;
/// 2. a list just before it: 自治法治德治“三治融合”; “警员、网格员、企业专员”三员结对包企;
/// 3. parallel clauses after it built on its characters: the six 以…联…促… of 六联六促;
/// 4. nouns after it ending like its head noun: 三个平台 → 交流平台, 培训平台, 服务平台;
/// 5. a compound expanded part by part (三化三促 = the 三化 and the 三促), quoted items
///    holding the key morpheme (三化 → “工程化设计”“项目化推进”“品牌化引领”), heads of the
///    next paragraphs holding it (三点发力 → 夯实基点, 突出重点, 建强支点), or of the
///    semicolon parts of the next sentence (三联 → 上下联动, 左右联动, 党群联动), or of the
///    items enumerated right after it by 一是, 二是 … (三个主动 → 主动学思, 主动创新, 主动作为).
///
/// A bare digit code (136, 365, 4012) is only expanded by an explicit definition (即/colon
/// after it, or the quoted list it is named for); its consistency is then
/// [`Consistency::Ok`], else [`Consistency::Undefined`], never a mismatch.
pub fn expand(text: &str, m: &Mention) -> Expansion {
    expand_with(text, m, &mut Memo::default())
}

/// The number of strategies of [`strategy`].
const STRATEGIES: usize = 11;

/// Strategies below this (a definition after the formulation, a list right before it)
/// give a [`Consistency::Mismatch`] expansion when no strategy's count fits; the others,
/// which gather components from further away (head nouns, parallel clauses, quoted items,
/// paragraph heads), are taken only when their count fits the numeral: unconfirmed, they
/// were mostly fragments or unrelated lists (on the provincial reports: 三品一标 = 巴味渝珍,
/// 酉阳800; 三项改革 = 配置改革, 高校改革).
pub(super) const SHOWN_UNFITTED: usize = 2;

/// Strategy `k` of [`expand`] (in the order given there; see [`expand_with`]).
fn strategy(
    k: usize,
    text: &str,
    before: &str,
    after: &str,
    m: &Mention,
    memo: &mut Memo,
) -> Vec<String> {
    match k {
        0 => tidy::stripped_lead(split_to_fit(defined_after(before, after), m)),
        1 => tidy::stripped_lead_and_modifier(list_before(before, m)),
        2 => memo.compound_parts(text, m),
        3 => quotes_after(after),
        4 => parallel_clauses(after, m),
        5 => head_nouns(before, after, m),
        6 => formula_clauses(after, m),
        7 => quoted_with_key(text, m),
        8 => paragraph_heads(after, m),
        9 => semicolon_heads(after, m),
        _ => enumerated_heads(after, m),
    }
}

/// [`expand`] with the memo of `text`. The strategies are tried in order and the first
/// that finds two or more components fitting the numeral ends the search; only when none
/// fits are all of them run (and the first that found two or more is taken): the same
/// choice as computing every candidate first.
pub(super) fn expand_with(text: &str, m: &Mention, memo: &mut Memo) -> Expansion {
    if m.kind == Kind::QuotedSlogan || m.kind == Kind::Plus {
        return Expansion {
            components: Vec::new(),
            consistency: Consistency::Undefined,
        };
    }
    let before = text.get(..m.start).unwrap_or("");
    let after = text.get(m.end..).unwrap_or("");
    if is_code(m) {
        return code_definition(before, after, m);
    }
    let mut first_found: Option<Vec<String>> = None;
    for k in 0..STRATEGIES {
        let c = strategy(k, text, before, after, m, memo);
        if usable(&c) {
            if fits(m, c.len()) {
                return Expansion {
                    components: c,
                    consistency: Consistency::Ok,
                };
            }
            if first_found.is_none() && k < SHOWN_UNFITTED {
                first_found = Some(c);
            }
        }
    }
    match first_found {
        Some(c) => Expansion {
            components: c,
            consistency: Consistency::Mismatch,
        },
        None => Expansion {
            components: Vec::new(),
            consistency: Consistency::Undefined,
        },
    }
}

/// True when `n` components agree with the numerals of `m`: as many as the first numeral,
/// or as the sum of all (三化三促 → 3 or 6); for a digit formula with a letter term (1+5+N:
/// one, five, and any number) also any count above the sum of its digits.
fn fits(m: &Mention, n: usize) -> bool {
    let Some(&first) = m.value.first() else {
        return false;
    };
    let sum: usize = m.value.iter().map(|&x| x as usize).sum();
    let open_ended = m.kind == Kind::Numeric
        && m.normalized
            .split('+')
            .any(|t| t.bytes().any(|b| b.is_ascii_alphabetic()));
    n == first as usize || n == sum || (open_ended && n > sum)
}

/// True if a strategy's candidate can be an expansion: two or more components, none a
/// fragment of running text: ending in a conjunction (…科技创新和“一带一路”; not 与, which
/// ends 参与) or spanning an ellipsis (…红帮办……基层党建…), nor a heading's enumerator
/// (一、筑牢“一个核心”).
fn usable(c: &[String]) -> bool {
    c.len() >= 2
        && !c
            .iter()
            .any(|i| i.ends_with(['和', '及']) || i.contains('…') || tidy::is_enumerator(i))
}

/// True for a bare digit code (136, 365, 4012): its digits are no count of components.
fn is_code(m: &Mention) -> bool {
    m.kind == Kind::Numeric
        && !m.normalized.is_empty()
        && m.normalized.bytes().all(|b| b.is_ascii_digit())
}

/// A digit code is only expanded by an explicit definition: 即/colon after it, or the quoted
/// list it is named for (“零材料提交、…、2小时办结”的“4012”新模式). Its digits say nothing
/// about the number of components, so a definition found is [`Consistency::Ok`] and
/// anything else [`Consistency::Undefined`], never a mismatch.
fn code_definition(before: &str, after: &str, m: &Mention) -> Expansion {
    let defined = defined_after(before, after);
    let components = if defined.len() >= 2 {
        defined
    } else {
        quoted_list_before(before, m)
    };
    let consistency = if components.len() >= 2 {
        Consistency::Ok
    } else {
        Consistency::Undefined
    };
    Expansion {
        components: if components.len() >= 2 {
            components
        } else {
            Vec::new()
        },
        consistency,
    }
}

/// Splits a list at 、 and commas, removing quotation marks and an "etc." (等) with the noun
/// after it ([`tidy::cut_etc`]).
fn split_items(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in s.split(['、', '，', ',', '；', ';']) {
        let p: String = p
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '‘' | '’'))
            .collect();
        let p = tidy::cut_etc(&p);
        if !p.is_empty() && !out.iter().any(|x| x == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// Splits the last item at 和/及 ("and") when the list is one short: 社区、业委会和物业公司;
/// or at 与 between words of two characters or more (服务联动与活动联办; not the 与 of 参与).
fn split_last_and(mut items: Vec<String>, n: usize) -> Vec<String> {
    if items.len() + 1 == n {
        if let Some(last) = items.pop() {
            let with = last.split_once('与').filter(|(a, b)| {
                a.chars().count() >= 2 && b.chars().count() >= 2 && !a.ends_with('参')
            });
            match last.split_once(['和', '及']).or(with) {
                Some((a, b)) if !a.is_empty() && !b.is_empty() => {
                    items.push(a.to_string());
                    items.push(b.to_string());
                }
                _ => items.push(last),
            }
        }
    }
    items
}

/// `items` with the last split at 和, 及 or 与 ([`split_last_and`]) when that makes as many
/// as the formulation's first numeral or the sum of its numerals: 三中一青，即中小企业、
/// 中低收入户、中南部民众与青年 (3 + 1 = 4).
fn split_to_fit(items: Vec<String>, m: &Mention) -> Vec<String> {
    let first = m.value.first().map_or(0, |&v| v as usize);
    let sum: usize = m.value.iter().map(|&v| v as usize).sum();
    let n = items.len() + 1;
    if n == first || n == sum {
        split_last_and(items, n)
    } else {
        items
    }
}

/// 1. A list in brackets right after the occurrence, or `即` or a colon shortly after it,
///    then a list up to the sentence end. Not past a sentence end (推行“四议两公开”。“四议”:
///    即…: the definition of 四议); a quoted term before the colon is defined along with it
///    (“三大高地”“五大战略”：…): when the definition has one comma-separated part for each
///    of them, each takes its own ([`joint_part`]).
fn defined_after(before: &str, after: &str) -> Vec<String> {
    let glossed = in_brackets(after);
    if glossed.len() >= 2 {
        return glossed;
    }
    let Some(pos) = head_chars(after, 16).find(['即', '：', ':']) else {
        return Vec::new();
    };
    if after[..pos].contains(['。', '；', ';', '\n']) {
        return Vec::new();
    }
    let rest = &after[pos..];
    let bracketed = after[..pos].ends_with(['(', '（']);
    let rest = rest.trim_start_matches(['即', '：', ':', '是', '指']);
    // A numbered name first is the formulation renamed, no component: “三联”即“三个工作
    // 理念”,上下联动,…;左右联动,…
    let rest = renamed(rest).unwrap_or(rest);
    // A definition in brackets ends with them, one in quotes with its closing quote:
    // “三全育人”模式(即“全员育人、全程育人、全方位育人”)作为….
    let closing = if let Some(quoted) = rest.strip_prefix('“') {
        quoted
            .find('”')
            .filter(|&p| quoted[..p].contains('、'))
            .map(|p| p + '“'.len_utf8())
    } else if bracketed {
        rest.find([')', '）'])
    } else {
        None
    };
    let rest = closing.map_or(rest, |p| &rest[..p]);
    let end = rest.find(['。', '\n', '；', ';']).unwrap_or(rest.len());
    let mut body = head_chars(&rest[..end], 300);
    // A glossary of the terms: “1”指A、B，“N”指C.
    let glossed = glossary(body);
    if glossed.len() >= 2 {
        return glossed;
    }
    // A glossary entry of another, unnumbered term (科技英才领航工程和“双千”计划：科技英才
    // 领航工程是指…): that term's definition, not this one's.
    let other = head_chars(body, 16).find("是指").is_some_and(|p| {
        !body[..p]
            .chars()
            .any(|c| c.is_ascii_digit() || super::numerals::is_numeral(c))
    });
    if other {
        return Vec::new();
    }
    let colon = after[pos..].starts_with(['：', ':']);
    if let Some(part) = joint_part(before, &after[..pos], body).filter(|_| colon) {
        return split_items(part);
    }
    // Items joined by 、 end at the first comma: 即A、B、C,让…
    if body.contains('、') {
        if let Some(p) = body.find([',', '，']) {
            body = &body[..p];
        }
    }
    split_items(body)
}

/// The part of a joint definition that defines this occurrence: when quoted terms stand
/// side by side before a colon (`to_colon` is the text from the occurrence up to it) and the
/// definition `body` has one comma-separated part for each, the part in this term's place
/// (“两重”“两新”：A和B，C和D → C和D for 两新). None for a term defined alone.
fn joint_part<'b>(before: &str, to_colon: &str, body: &'b str) -> Option<&'b str> {
    // Quoted terms right before this one (its own opening mark is the last of `before`).
    let mut b = before.strip_suffix('“')?;
    let mut index = 0;
    while let Some(inner) = b.strip_suffix('”') {
        let open = inner.rfind('“')?;
        if inner[open..].contains(['，', ',', '、', '。']) {
            break;
        }
        index += 1;
        b = &inner[..open];
    }
    let terms = index + 1 + to_colon.matches('“').count();
    let parts: Vec<&str> = body.split(['，', ',']).collect();
    (terms >= 2 && parts.len() == terms).then(|| parts[index])
}

/// The list in brackets right after the occurrence (past its closing mark): “两会”(地区
/// 党建联席会、社区建设协调发展委员会)制度.
fn in_brackets(after: &str) -> Vec<String> {
    let a = after.trim_start_matches(['”', '’']);
    let Some(inner) = a.strip_prefix(['(', '（']) else {
        return Vec::new();
    };
    match head_chars(inner, 120).find([')', '）']) {
        Some(close) if inner[..close].contains('、') => split_items(&inner[..close]),
        _ => Vec::new(),
    }
}

/// What follows a quoted numbered name (“三个工作理念”) and the comma after it at the start of
/// `rest`, if it starts so.
fn renamed(rest: &str) -> Option<&str> {
    let inner = rest.strip_prefix('“')?;
    if !inner.starts_with(super::numerals::is_numeral) {
        return None;
    }
    let close = head_chars(inner, 12).find('”')?;
    let tail = &inner[close + '”'.len_utf8()..];
    tail.strip_prefix([',', '，'])
}

/// The definitions of a glossary entry that explains a formula term by term (“1”指省委出台
/// 的意见、方案，“N”指配套政策): each from after a quoted term's 指 (or 是指) to the comma
/// before the next quoted term, kept whole (its 、 joins the parts of one definition). A term
/// that is a numbered part of a compound (“四级”为省、市、县、乡，“三类”指总体规划、详细规划和
/// 专项规划) lists its own components: its definition is split into items, and 为 ("is")
/// marks it too.
fn glossary(body: &str) -> Vec<String> {
    // The value of the numbered part whose term ends at `term_end` (三类 → 3), if it is one.
    let numbered = |term_end: usize| {
        let term = &body[body[..term_end].rfind('“')? + '“'.len_utf8()..term_end];
        term.starts_with(super::numerals::is_numeral)
            .then(|| super::numerals::values(term).first().copied())
            .flatten()
    };
    let mut marks: Vec<(usize, usize)> = ["”是指", "”指", "”为"]
        .iter()
        .flat_map(|mark| body.match_indices(mark).map(|(i, m)| (i, i + m.len())))
        .filter(|&(i, end)| !body[i..end].ends_with('为') || numbered(i).is_some())
        .collect();
    marks.sort_unstable();
    let mut out = Vec::new();
    for (k, &(at, from)) in marks.iter().enumerate() {
        // Up to the opening mark of the next term, then back over the comma before it.
        let to = marks.get(k + 1).map_or(body.len(), |&(next, _)| {
            body[..next].rfind('“').unwrap_or(next)
        });
        let def = body[from..to.max(from)].trim_end_matches([',', '，', '；', ';', ' ']);
        if def.is_empty() {
            continue;
        }
        if let Some(n) = numbered(at) {
            // A part defined in a sentence of its own (“六横”指六个横向输水大动脉，包括…) is no
            // list of components.
            if def.contains([',', '，']) {
                return Vec::new();
            }
            out.extend(split_last_and(split_items(def), n as usize));
        } else {
            out.push(def.to_string());
        }
    }
    out
}

/// The quoted list right before the occurrence, joined to it by 的 or 为主要内容的, or named
/// by it in brackets (简称, "called for short"): “天天有服务、满意百分百”为主要内容的“365工作法”;
/// “…”的“4012”新模式; “…+…+…”的“三在线”; “政治功能强、…、作用发挥强”(以下简称“四强”).
fn quoted_list_before(before: &str, m: &Mention) -> Vec<String> {
    let n = m.value.first().copied().unwrap_or(0) as usize;
    let b = before.trim_end_matches(['“', '‘', ' ']);
    let q = b
        .strip_suffix("为主要内容的")
        .or_else(|| b.strip_suffix('的'))
        .or_else(|| abbreviated(b))
        .unwrap_or(b);
    if let Some(inner) = q.strip_suffix('”') {
        if let Some(open) = inner.rfind('“') {
            let quoted = &inner[open + '“'.len_utf8()..];
            // A `+` formula names the parts: “在线发布消息+在线交流+在线学习”的“三在线”.
            let items = if quoted.contains('+') && !quoted.contains('、') {
                split_items(&quoted.replace('+', "、"))
            } else {
                split_last_and(split_items(quoted), n)
            };
            if items.len() >= 2 {
                return items;
            }
        }
    }
    Vec::new()
}

/// The most characters of a head noun between a quoted list and the bracket that names
/// it: “…”党支部(简称“四强”党支部).
const ABBREVIATED_HEAD: usize = 4;

/// `b` up to the closing quote of the quotation that a bracket opening with 简称, 以下简称
/// ("hereinafter called") or 即 ("that is") names ([`named_in_brackets`]), when at most [`ABBREVIATED_HEAD`] Han characters stand
/// between them: “A、B”党支部(简称 → “A、B”.
fn abbreviated(b: &str) -> Option<&str> {
    let rest = named_in_brackets(b)?;
    let close = rest.rfind('”')? + '”'.len_utf8();
    let head = &rest[close..];
    (head.chars().count() <= ABBREVIATED_HEAD && head.chars().all(is_han)).then(|| &rest[..close])
}

/// `b` without the opening of a bracket that names what stands before it: `(即`, `(简称`,
/// `(以下简称` ("that is", "called for short").
fn named_in_brackets(b: &str) -> Option<&str> {
    b.strip_suffix("以下简称")
        .or_else(|| b.strip_suffix("简称"))
        .or_else(|| b.strip_suffix('即'))?
        .strip_suffix(['(', '（'])
}

/// 2. The quotation or list right before the occurrence.
fn list_before(before: &str, m: &Mention) -> Vec<String> {
    let n = m.value.first().copied().unwrap_or(0) as usize;
    let b = before.trim_end_matches(['“', '‘', ' ']);
    let quoted = quoted_list_before(before, m);
    if quoted.len() >= 2 {
        return quoted;
    }
    // An unquoted list that a bracket names: 社区、社会组织…(即“五社”).
    let b = named_in_brackets(b).unwrap_or(b);
    let start = b
        .rfind(['。', '，', ',', '；', ';', '：', ':', '\n', '(', '（', '—'])
        .map_or(0, |p| p + b[p..].chars().next().map_or(1, char::len_utf8));
    // A name of numerals alone (十五五, 十四五: plan numbers) lists no components; the text
    // before it is running prose (二、“十四五”时期发展成就和“十五五”…).
    if !m
        .normalized
        .chars()
        .any(|c| !super::numerals::is_numeral(c))
    {
        return Vec::new();
    }
    let run = &b[start..];
    // A list that runs on into the formulation has it as one more member
    // (马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”…), not as its name.
    if run.ends_with(['、', '和', '及', '与']) {
        return Vec::new();
    }
    let mut items = split_last_and(split_items(run), n);
    // The formulation as a predicate (治理不再是“两张皮”), or a last item of one character
    // after longer ones that qualifies it (…党员干部、村“两委”): no list of components.
    let one_char_tail = items.len() >= 2
        && items.last().is_some_and(|l| l.chars().count() == 1)
        && items.iter().any(|i| i.chars().count() > 1);
    // …培养成村党组织书记或村“两委”: an alternative (或) in the last item, which the
    // formulation completes.
    let alternative = items.last().is_some_and(|l| l.contains('或'));
    // A last item of a numeral and at most three more characters is another formulation
    // named beside this one (…投资、“两重”“两新”), and one of digits and a classifier is a
    // count of it (…示范区、4个“两山”实践创新基地): no list of components either way.
    let sibling_or_count = items.last().is_some_and(|l| {
        let digits = l.chars().take_while(char::is_ascii_digit).count();
        let rest: Vec<char> = l.chars().skip(digits).collect();
        (digits == 0 && l.starts_with(super::numerals::is_numeral) && rest.len() <= 4)
            || (digits > 0 && rest.len() == 1 && CLASSIFIERS.contains(&rest[0]))
    });
    if run.ends_with('是')
        || one_char_tail
        || alternative
        || sibling_or_count
        || named_examples(run)
    {
        return Vec::new();
    }
    if let Some(last) = items.last_mut() {
        let result = RESULT_VERBS.iter().any(|v| last.ends_with(v));
        match strip_governing_verb(last) {
            // The verb of a result is cut off the last component (荒漠化、沙化土地面积实现
            // “双缩减”: the two areas both shrank). Before any other governing verb the list
            // is the actors (石景山区人大及其常委会着力于“两个机关”建设; …党组织和纪检监察机构
            // 要立足“两个维度”), or, when no more than an adverb is left, a row of verbs.
            Some(rest) if result && rest.chars().count() > 2 => *last = rest.to_string(),
            Some(_) => return Vec::new(),
            None => {}
        }
        // …死亡人数连续9年“双下降”: the duration is no part of the component; nor are the
        // 的 and the verb of relation of a clause modifying the formulation (自治、法治、
        // 德治相结合的“三治融合”).
        *last = tidy::cut_relative(tidy::cut_duration(last)).to_string();
    }
    if items.len() >= 2 {
        return items;
    }
    // 自治法治德治“三治融合”: equal chunks ending in the formula's character.
    if n < 2 {
        return Vec::new();
    }
    let key = m.normalized.chars().nth(1);
    let chars: Vec<char> = run.chars().collect();
    if chars.len() >= 2 * n && chars.iter().all(|c| is_han(*c)) {
        let chunk: Vec<String> = chars[chars.len() - 2 * n..]
            .chunks(2)
            .map(|c| c.iter().collect())
            .collect();
        if chunk.iter().all(|c| c.chars().last() == key) {
            return chunk;
        }
    }
    Vec::new()
}

/// True when the items of `run` before the last each end in a quoted name after text of
/// their own and the last has no quotation: a series of named examples, of which the
/// formulation names the last (如陈塔村“1号议事日”、重兆村“二园式支部”、长超村“三色长超”);
/// or when `run` ends in a quotation holding a numeral, a sibling formulation
/// (“三大支撑、八项重点”“发展六仗”“八大行动”). Quoted items alone (“自治”、“法治”、
/// “德治”“三治融合”) are still a list.
fn named_examples(run: &str) -> bool {
    let last_quoted = run
        .strip_suffix('”')
        .and_then(|q| q.rfind('“').map(|open| &q[open + '“'.len_utf8()..]));
    // At least three characters: a two-character place name may hold a numeral (“襄十”).
    let sibling = |q: &str| {
        q.chars().count() >= 3
            && q.chars()
                .any(|c| c.is_ascii_digit() || super::numerals::is_numeral(c))
    };
    if last_quoted.is_some_and(sibling) {
        return true;
    }
    let pieces: Vec<&str> = run.split(['、', '，', ',']).collect();
    let Some((last, earlier)) = pieces.split_last() else {
        return false;
    };
    let named = |p: &&str| {
        p.strip_suffix('”')
            .and_then(|q| q.rfind('“'))
            .is_some_and(|open| open > 0)
    };
    !earlier.is_empty() && earlier.iter().all(named) && !last.contains(['“', '”'])
}

/// Verbs that take a formulation as their object. The last item of a list before the
/// formulation that ends in one of them holds no component but the verb (and what comes
/// before it): a row of verbs (坚持、落实“两个毫不动摇”; 共建“一带一路”; 自觉做到“两个维护”)
/// is no list of components. Common verbs of the genre, chosen by hand.
const GOVERNING_VERBS: [&str; 41] = [
    "做到",
    "落实",
    "坚持",
    "共建",
    "坚定",
    "促进",
    "实现",
    "发挥",
    "推进",
    "打好",
    "贯彻",
    "增强",
    "深化",
    "推动",
    "开展",
    "打造",
    "加快",
    "围绕",
    "践行",
    "拥护",
    "领悟",
    "树立",
    "统筹",
    "聚焦",
    // Verbs of encouragement (鼓励和支持“两代表一委员”…; 引导和鼓励“五老人员”…) and of
    // focus (立足“两个维度”、着力“三个防止”).
    "支持",
    "鼓励",
    "引导",
    "倡导",
    "立足",
    "着力",
    "着力于",
    "致力于",
    "立足于",
    // Verbs with the result complement 好 ("do … well") and 争当 ("strive to be"), which
    // always take an object (走好第一方阵、当好“三个表率”).
    "当好",
    "做好",
    "走好",
    "守好",
    "建好",
    "管好",
    "争当",
    "争做",
];

/// The [`GOVERNING_VERBS`] whose subject is what the formulation sums up (荒漠化、沙化土地
/// 面积实现“双缩减”), not who does it.
const RESULT_VERBS: [&str; 1] = ["实现"];

/// Prepositions that take a formulation as their object (县、乡两级按照“六有六防”要求): what
/// stands before one is the clause's subject, never the formulation's components. (Verbs
/// such as 培育, 构建, 实施 are not added to [`GOVERNING_VERBS`]: they also end nouns of
/// action in lists of components, …新兴产业培育、…专精特新企业培育“三大行动”.)
const GOVERNING_PREPOSITIONS: [&str; 8] = [
    "按照", "根据", "依据", "依照", "对照", "参照", "遵循", "通过",
];

/// `item` without the [`GOVERNING_VERBS`] entry it ends in, if it ends in one; the empty
/// string when it ends in one of the [`GOVERNING_PREPOSITIONS`] (nothing of it is a
/// component).
fn strip_governing_verb(item: &str) -> Option<&str> {
    if GOVERNING_PREPOSITIONS.iter().any(|p| item.ends_with(p)) {
        return Some("");
    }
    GOVERNING_VERBS.iter().find_map(|v| item.strip_suffix(v))
}

/// The longest clause [`parallel_clauses`] takes, in characters, when the parts are words
/// (培养成…,引领… for 三培养三引领) and when one is a single character: such clauses are
/// short (以组织联抓促队伍融合 for 六联六促), and a long sentence merely holding both
/// characters somewhere (坚持产业招引与培育并重，加强…等招引，… for 双招双引) is none.
pub(super) fn max_parallel(x: &str, y: &str) -> usize {
    if x.chars().count() >= 2 && y.chars().count() >= 2 {
        80
    } else {
        40
    }
}

/// 3. Clauses after the occurrence holding the two parts of a {n}X{n}Y compound in order:
///    以组织联抓促队伍融合 for 六联六促, 把…培养成…;…引领… for 三培养三引领.
fn parallel_clauses(after: &str, m: &Mention) -> Vec<String> {
    if m.value.len() != 2 {
        return Vec::new();
    }
    let parts: Vec<&str> = m
        .normalized
        .split(|c: char| super::numerals::is_numeral(c))
        .filter(|p| !p.is_empty())
        .collect();
    let (Some(x), Some(y)) = (parts.first(), parts.get(1)) else {
        return Vec::new();
    };
    if parts.len() != 2 {
        return Vec::new();
    }
    let n = m.value[0] as usize;
    let window = head_chars(after, AFTER_WINDOW);
    // A clause only counts if it holds both parts, hence their first characters (removing
    // quotes and spaces only removes characters): the window and, when n ≥ 1, each clause
    // are tested for them before any clause is copied. (With n = 0 the first clause of the
    // right length ends a pass, so every clause is copied then.)
    let (Some(cx), Some(cy)) = (x.chars().next(), y.chars().next()) else {
        return Vec::new();
    };
    if find_char(window, cx).is_none() || find_char(window, cy).is_none() {
        return Vec::new();
    }
    // The clauses that hold both parts in order, up to n of them.
    let pass = |clauses: &mut dyn Iterator<Item = &str>| {
        let mut out: Vec<String> = Vec::new();
        for clause in clauses {
            if n >= 1 && !(clause.contains(cx) && clause.contains(cy)) {
                continue;
            }
            let c: String = clause
                .chars()
                .filter(|c| !matches!(c, '“' | '”' | ' '))
                .collect();
            let c = c.trim_matches([',', '，', '、']).to_string();
            let len = c.chars().count();
            if !(4..=max_parallel(x, y)).contains(&len) || c.contains(&m.normalized) {
                continue;
            }
            // Something between the parts: 重大 in 决定村里重大事项 is one word, no
            // 重… clause and …大 clause of 三重一大.
            if let (Some(px), Some(py)) = (c.find(x), c.rfind(y)) {
                if px + x.len() < py && !out.contains(&c) {
                    out.push(c);
                }
            }
            if out.len() >= n {
                break;
            }
        }
        out
    };
    // Clauses (cut at `，` `,` `。` `；` `;` `\n` `、` `：` `—`), then, if fewer than n,
    // sentences (cut at `。` `；` `;` `\n` `—`).
    // With n ≥ 1 only the clauses holding cx are looked at, so only those are cut.
    let mut best = if n >= 1 {
        pass(&mut split_holding(window, clause_sep, cx))
    } else {
        pass(&mut split_at_bytes(window, clause_sep))
    };
    if best.len() < n {
        let out = pass(&mut split_holding(window, sentence_sep, cx));
        if out.len() > best.len() {
            best = out;
        }
    }
    best
}

/// The most characters [`head_nouns`] takes before the head noun (in a 、-list).
const MAX_HEAD_PRE: usize = 4;

/// 4. Nouns before or after a numbered list that end in its head noun: 交流平台 for 三个平台,
///    经济高地 and 党建高地 for 两个高地, whole items of a 、-list (产业升级战略、项目带动战略
///    for 五大战略). Not the formulation itself again (“两个覆盖”), nor a phrase of a
///    particle or conjunction (社会组织的覆盖: 织的覆盖), nor the start of a longer word
///    (满意度 for 两个满意).
fn head_nouns(before: &str, after: &str, m: &Mention) -> Vec<String> {
    if m.kind != Kind::NumberedList {
        return Vec::new();
    }
    let head: String = m.normalized.chars().skip(2).collect();
    if head.chars().count() < 2 {
        return Vec::new();
    }
    let n = m.value.first().copied().unwrap_or(0) as usize;
    let prev = tail_chars(before, 80).rsplit('。').next().unwrap_or("");
    let mut out: Vec<String> = Vec::new();
    for window in [prev, head_chars(after, AFTER_WINDOW / 3)] {
        let mut found: Vec<String> = Vec::new();
        let mut rest = window;
        while let Some(p) = rest.find(&head) {
            let noun = |c: &char| {
                is_han(*c)
                    && !super::numerals::is_numeral(*c)
                    && !matches!(c, '的' | '之' | '和' | '与' | '及' | '个')
            };
            let next = rest[p + head.len()..].chars().next();
            // The head ends a word: 满意度 is no 满意 (两个满意).
            let ends_word =
                next.is_none_or(|c| !is_han(c) || matches!(c, '的' | '和' | '与' | '及' | '等'));
            // Two characters before the head (交流平台), or the whole item of a 、-list when
            // it has three or four and a mark before it (产业升级战略、项目带动战略…).
            let back: Vec<char> = rest[..p].chars().rev().take(MAX_HEAD_PRE + 1).collect();
            let k = back.iter().take_while(|c| noun(c)).count();
            let in_list = next == Some('、') || back.get(k) == Some(&'、');
            let take = if in_list && k > 2 && k <= MAX_HEAD_PRE && k < back.len() {
                k
            } else {
                2
            };
            if k >= 2 && ends_word {
                let item: String = back[..take]
                    .iter()
                    .rev()
                    .copied()
                    .chain(head.chars())
                    .collect();
                if !found.contains(&item) {
                    found.push(item);
                }
            }
            rest = &rest[p + head.len()..];
        }
        if found.len() >= 2 && (out.is_empty() || found.len() == n) {
            out = found;
        }
    }
    // A whole first item may hold the clause's verb (打造交流平台、…).
    tidy::stripped_lead(out)
}

/// Adjacent quotations shortly after the occurrence: “三个一”…,通过“议一议”“聊一聊”“聚一聚”.
fn quotes_after(after: &str) -> Vec<String> {
    let Some(open) = head_chars(after, 30).find('“') else {
        return Vec::new();
    };
    // The quotations must follow closely: at most one comma between (“三个一”党建工作法,通过
    // “议一议”…); past a second one, or a list of its own, they belong to another clause
    // (坚决做到“两个维护”，强化大局观、执行力，确保“国之大者”“省之要事”).
    let gap = &after[..open];
    if gap.contains(['。', '；', ';', '、']) || gap.matches(['，', ',']).count() > 1 {
        return Vec::new();
    }
    let mut rest = &after[open..];
    let mut out = Vec::new();
    while let Some(r) = rest.strip_prefix('“') {
        let Some(close) = r.find('”') else { break };
        let item = &r[..close];
        // A quoted formulation of its own is a sibling in a row of names
        // (“双一流”“双特色”“双高计划”; “党建+”“网格+”), not a component.
        let sibling = item.contains('+')
            || item
                .chars()
                .next()
                .is_some_and(|c| super::numerals::is_numeral(c) || c.is_ascii_digit());
        if item.is_empty() || item.chars().count() > 12 || sibling {
            break;
        }
        out.push(item.to_string());
        rest = r[close + '”'.len_utf8()..].trim_start_matches('、');
    }
    if out.len() >= 2 {
        out
    } else {
        Vec::new()
    }
}

/// 5. For digit formulas (`1+5+N`): the clauses after the one naming the model (or, when
///    that ends the sentence, the clauses of the next sentence), matched to its terms in
///    order: a digit term takes the next clause if it lists that many items
///    (实行开发区党委班子成员牵头 for 1, 矛盾纠纷当事人、法律顾问、调解员、村居干部、辅警等5个主体参与
///    for 5); a letter term (N, X) takes the next clause if it lists two or more, passing
///    over one that names the letter (扩大N链). Any digit term without its clause: nothing,
///    as clauses that do not match the formula are running text, not its components.
fn formula_clauses(after: &str, m: &Mention) -> Vec<String> {
    if m.kind != Kind::Numeric || !m.normalized.contains('+') {
        return Vec::new();
    }
    // The clauses of its sentence after the first; when the sentence is only that clause
    // (建立社区“1+2+N”书记及骨干队伍。), those of the next sentence.
    let mut sentences = after.split(['。', '\n']);
    let mut list: Vec<&str> = split_clauses(sentences.next().unwrap_or(""));
    list.remove(0);
    if list.is_empty() {
        list = split_clauses(sentences.next().unwrap_or(""));
    }
    let mut clauses = list.into_iter();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for term in m.normalized.split('+') {
        if let Ok(n) = term.parse::<usize>() {
            let Some(clause) = clauses.next() else {
                return Vec::new();
            };
            let items = split_last_and(split_items(clause), n);
            if items.len() != n {
                return Vec::new();
            }
            groups.push(items);
        } else {
            // The next clause, or the one after a clause naming the letter.
            // Its count is open, so the last item is always split at 和/及 (split_last_and
            // splits when the list is one short of the count it is given).
            let listed = clauses.by_ref().find(|c| !c.contains(term)).map(|c| {
                let items = split_items(c);
                let n = items.len() + 1;
                split_last_and(items, n)
            });
            if let Some(items) = listed.filter(|items| items.len() >= 2) {
                groups.push(items);
            }
            break;
        }
    }
    // The lead verb of each group's first item (实行…, 配强…), judged against the items
    // that carry no lead-in: those after the first of each group.
    let rest: Vec<String> = groups
        .iter()
        .flat_map(|g| g.iter().skip(1).cloned())
        .collect();
    for g in &mut groups {
        if let Some(first) = g.first_mut() {
            tidy::strip_lead_against(first, &rest);
        }
    }
    groups.concat()
}

/// The clauses of a sentence (cut at commas and semicolons).
fn split_clauses(sentence: &str) -> Vec<&str> {
    sentence.split(['，', ',', '；', ';']).collect()
}

#[cfg(test)]
#[path = "expand_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "expand_cases.rs"]
mod cases;
