//! Expansion: the components a text gives for a formulation near its occurrence, and a
//! check of their number against the numeral (三 → 3 components).

use super::before::{list_before, quoted_list_before};
use super::classify::is_han;
use super::components::{listed_with_key, quoted_with_key};
use super::defined::{defined_after, GLOSS_VERBS};
use super::heads::{enumerated_heads, paragraph_heads, semicolon_heads, semicolon_subjects};
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
///    items enumerated right after it by 一是, 二是 … (三个主动 → 主动学思, 主动创新, 主动作为),
///    or of the semicolon parts of a glossary entry (“八个增长”：国内生产总值…，增长15.6%；
///    固定资产投资…；… → 国内生产总值, 固定资产投资, …), or a list in running text near
///    it whose items end in the key morpheme (三治融合 → 自治、法治、德治相结合的…).
///
/// A bare digit code (136, 365, 4012) is only expanded by an explicit definition (即/colon
/// after it, or the quoted list it is named for); its consistency is then
/// [`Consistency::Ok`], else [`Consistency::Undefined`], never a mismatch.
pub fn expand(text: &str, m: &Mention) -> Expansion {
    expand_with(text, m, &mut Memo::default())
}

/// The number of strategies of [`strategy`].
const STRATEGIES: usize = 13;

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
        0 => shared_key_cut(
            tidy::stripped_lead(split_to_fit(
                tidy::cut_relation_tail(defined_after(before, after, second_numeral(m))),
                m,
            )),
            m,
        ),
        1 => tidy::stripped_lead_and_modifier(list_before(before, after, m)),
        2 => memo.compound_parts(text, m),
        3 => quotes_after(after),
        4 => parallel_clauses(after, m),
        5 => head_nouns(before, after, m),
        6 => formula_clauses(after, m),
        7 => quoted_with_key(text, m),
        8 => paragraph_heads(after, m),
        9 => semicolon_heads(after, m),
        10 => enumerated_heads(after, m),
        11 => semicolon_subjects(after, m),
        _ => listed_with_key(text, m),
    }
}

/// [`expand`] with the memo of `text`. The strategies are tried in order and the first
/// that finds two or more components fitting the numeral ends the search; only when none
/// fits are all of them run (and the first that found two or more is taken): the same
/// choice as computing every candidate first.
pub(super) fn expand_with(text: &str, m: &Mention, memo: &mut Memo) -> Expansion {
    if never_expanded(m) {
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

/// `items` without the key morpheme on the first alone, which the others share without
/// writing it: “六进”(进机关、企业、社区、乡镇、学校、寺庙) → 机关, 企业, ….
fn shared_key_cut(mut items: Vec<String>, m: &Mention) -> Vec<String> {
    let Some(k) = super::components::key(m) else {
        return items;
    };
    if items.len() >= 3 && items[1..].iter().all(|i| !i.starts_with(k)) {
        if let Some(rest) = items[0].strip_prefix(k).filter(|r| r.chars().count() >= 2) {
            items[0] = rest.to_string();
        }
    }
    items
}

/// For a name of two numerals, their sum and the character after the second (三高两快 →
/// 5, 快).
fn second_numeral(m: &Mention) -> Option<(usize, char)> {
    let [a, b] = m.value[..] else { return None };
    let is_numeral = super::numerals::is_numeral;
    let mut cs = m.normalized.chars().skip_while(|&c| !is_numeral(c));
    // Past the first numeral and what follows it, to the second numeral.
    cs.next();
    let key = cs.skip_while(|&c| !is_numeral(c)).nth(1)?;
    Some((a as usize + b as usize, key))
}

/// True for the mentions that have no components: quoted slogans, `+` formulas, pairings
/// ([`is_pairing`]) and names of one thing (一个窗口, 一张网: what defines it is prose).
pub(super) fn never_expanded(m: &Mention) -> bool {
    let one = m.value == [1] && m.kind != Kind::Numeric;
    m.kind == Kind::QuotedSlogan || m.kind == Kind::Plus || is_pairing(m) || one
}

/// True for a pairing of numerals with 对 ("to"): 一对一, 一对多 name how parties are
/// matched, and the parties named before (五星级党支部与三星级以下党支部“一对一”) are no
/// components of it.
fn is_pairing(m: &Mention) -> bool {
    let cs: Vec<char> = m.normalized.chars().collect();
    let numeral = |c: char| super::numerals::is_numeral(c) || c == '多';
    cs.len() == 3 && cs[1] == '对' && numeral(cs[0]) && numeral(cs[2])
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
    let defined = defined_after(before, after, None);
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
/// after it ([`tidy::cut_etc`]). A list with semicolons and 、 is split at the semicolons
/// only: its items list things of their own (全村上下思想全部解放;山、水、林、田…等资源全部
/// 统筹;…), and an item that does keeps its 等 (there it ends no list of components).
pub(super) fn split_items(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let nested = s.contains(['；', ';']) && s.contains('、');
    let seps: &[char] = if nested {
        &['；', ';']
    } else {
        &['、', '，', ',', '；', ';']
    };
    for p in split_outside_brackets(s, seps, false) {
        let p: String = p
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '‘' | '’'))
            .collect();
        let p = if nested && p.contains('、') {
            &p
        } else {
            tidy::cut_etc(&p)
        };
        if !p.is_empty() && !out.iter().any(|x| x == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// `s` split at `seps` where they stand outside round brackets (社区(村、企业) is one
/// item) and, with `quotes`, outside quotation marks (落实“管行业必须管安全,管业务必须管
/// 安全”).
pub(super) fn split_outside_brackets<'s>(s: &'s str, seps: &[char], quotes: bool) -> Vec<&'s str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '“' | '‘' if quotes => depth += 1,
            '”' | '’' if quotes => depth = depth.saturating_sub(1),
            _ if depth == 0 && seps.contains(&c) => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Splits the last item at 和/及 ("and") when the list is one short: 社区、业委会和物业公司;
/// or at 与 between words of two characters or more (服务联动与活动联办; not the 与 of 参与).
pub(super) fn split_last_and(mut items: Vec<String>, n: usize) -> Vec<String> {
    if items.len() + 1 == n {
        if let Some((a, b)) = items.last().and_then(|l| split_and(l)) {
            items.pop();
            items.extend([a, b]);
        }
    }
    items
}

/// `item` split at its first 和 or 及, or at 与 between words of two characters or more
/// (not the 与 of 参与); `None` when it holds none or a half would be empty.
fn split_and(item: &str) -> Option<(String, String)> {
    let with = item
        .split_once('与')
        .filter(|(a, b)| a.chars().count() >= 2 && b.chars().count() >= 2 && !a.ends_with('参'));
    let (a, b) = item.split_once(['和', '及']).or(with)?;
    (!a.is_empty() && !b.is_empty()).then(|| (a.to_string(), b.to_string()))
}

/// `items` with the last split at 和, 及 or 与 ([`split_last_and`]) when that makes as many
/// as the formulation's first numeral or the sum of its numerals: 三中一青，即中小企业、
/// 中低收入户、中南部民众与青年 (3 + 1 = 4).
pub(super) fn split_to_fit(items: Vec<String>, m: &Mention) -> Vec<String> {
    let first = m.value.first().map_or(0, |&v| v as usize);
    let sum: usize = m.value.iter().map(|&v| v as usize).sum();
    let n = items.len() + 1;
    if n != first && n != sum {
        return items;
    }
    let mut items = split_last_and(items, n);
    // Else the first item: 即社区与社会组织、社会工作者、社区志愿者、社会慈善资源 (五社).
    if items.len() + 1 == n {
        if let Some((a, b)) = items.first().and_then(|f| split_and(f)) {
            items.splice(..1, [a, b]);
        }
    }
    items
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
    if gap.contains(['。', '；', ';', '、', '？', '?', '！', '!'])
        || gap.matches(['，', ',']).count() > 1
    {
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
    // Quotations before "etc." (等) are examples of another noun: 进入村“两委”班子,从“土专家”
    // “田秀才”等党员中遴选….
    if out.len() >= 2 && !rest.starts_with('等') {
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
            let clause = without_term_label(clause, term);
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

/// `clause` without the quoted formula term that opens it and the verb that glosses it
/// (“3”即社区、社会组织、社工 → 社区、社会组织、社工), when it opens so.
fn without_term_label<'c>(clause: &'c str, term: &str) -> &'c str {
    let quoted = clause
        .trim_start()
        .strip_prefix('“')
        .and_then(|r| r.strip_prefix(term))
        .and_then(|r| r.strip_prefix('”'));
    quoted
        .and_then(|r| GLOSS_VERBS.iter().find_map(|v| r.strip_prefix(v)))
        .unwrap_or(clause)
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
