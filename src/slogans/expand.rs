//! Expansion: the components a text gives for a formulation near its occurrence, and a
//! check of their number against the numeral (三 → 3 components).

use super::after::{formula_clauses, head_nouns, parallel_clauses, quotes_after};
#[cfg(test)]
use super::after::{max_parallel, AFTER_WINDOW};
use super::before::{list_before, quoted_list_before};
use super::components::{listed_with_key, quoted_with_key};
use super::defined::{defined_after, pair_in_brackets};
use super::heads::{enumerated_heads, paragraph_heads, semicolon_heads, semicolon_subjects};
pub(super) use super::memo::Memo;
use super::pointed::defined_in_next_sentence;
pub(super) use super::split::{split_items, split_last_and, split_outside_brackets, split_to_fit};
use super::{tidy, Kind, Mention};
use serde::Serialize;

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
/// `SHOWN_UNFITTED`):
///
/// 1. a definition after it: “三个思维”即系统思维、创新思维、一线思维; “3个1”服务模式,即1名…;
///    a pair glossed in brackets, “两防一体”(防空与防灾一体化); or the next sentence pointing
///    back with its numeral, 这四圈分别是…;
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
        0 => {
            let defined = shared_key_cut(
                tidy::stripped_lead(split_to_fit(
                    tidy::cut_relation_tail(defined_after(
                        before,
                        after,
                        second_numeral(m),
                        super::components::key(m),
                    )),
                    m,
                )),
                m,
            );
            if defined.len() < 2 && m.value.first() == Some(&2) {
                return pair_in_brackets(after, &m.normalized);
            }
            if defined.len() < 2 {
                return defined_in_next_sentence(after, m);
            }
            defined
        }
        1 => list_before(before, after, m),
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
    let before = inside_outer_quote(text.get(..m.start).unwrap_or(""));
    let after = text.get(m.end..).unwrap_or("");
    if is_code(m) {
        return code_definition(before, after, m);
    }
    let mut first_found: Option<Vec<String>> = None;
    for k in 0..STRATEGIES {
        let mut c = strategy(k, text, before, after, m, memo);
        // The frames 以…为主要内容 and 在…上 are no part of any list, whichever strategy
        // found it.
        tidy::cut_yi_wei(&mut c);
        tidy::cut_zai_shang(&mut c);
        if usable(&c) {
            if fits(m, c.len()) {
                return Expansion {
                    components: c,
                    consistency: Consistency::Ok,
                };
            }
            if first_found.is_none() && k < SHOWN_UNFITTED && !etc_inside(&c) {
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

/// The text before a mention, or, when the mention is quoted inside another quotation
/// (“约定海边‘六进’巡回宣讲”), only the outer quotation's text before it: what stands
/// before the outer quotation is no list of the inner formula's (…智汇台州、百校引才、
/// “大学生新政‘六进’宣传” names no parts of 六进).
pub(super) fn inside_outer_quote(before: &str) -> &str {
    let Some(b) = before.strip_suffix('‘') else {
        return before;
    };
    match b.rfind('“') {
        Some(open) if !b[open..].contains('”') => &before[open + '“'.len_utf8()..],
        _ => before,
    }
}

/// True when a 等 ("etc.") stands inside the last item, not at its end: the clause goes on
/// past the list (民政、司法、财政等多部门共同参与的“两个覆盖”), so a list that does not fit
/// the numeral is no lead either ([`expand_with`]). Partial lists closed by 等 have lost it
/// to the tail cutting (产业协作、人才共育等六大领域).
pub(super) fn etc_inside(c: &[String]) -> bool {
    c.last()
        .is_some_and(|l| l.find('等').is_some_and(|p| p + '等'.len_utf8() < l.len()))
}

/// True for the mentions that have no components: quoted slogans, `+` formulas, pairings
/// ([`is_pairing`]) and names of one thing (一个窗口, 一张网: what defines it is prose).
pub(super) fn never_expanded(m: &Mention) -> bool {
    let one = m.value == [1] && m.kind != Kind::Numeric;
    m.kind == Kind::QuotedSlogan || m.kind == Kind::Plus || is_pairing(m) || one || of_years(m)
}

/// True for a campaign of a number of years (三年行动, 五年行动计划): its numeral counts
/// years, not components.
fn of_years(m: &Mention) -> bool {
    let mut cs = m
        .normalized
        .chars()
        .skip_while(|&c| super::numerals::is_numeral(c));
    m.normalized.starts_with(super::numerals::is_numeral) && cs.next() == Some('年')
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
/// one, five, and any number) also any count above the sum of its digits, and for any
/// digit formula its number of terms ([`digit_terms`]).
fn fits(m: &Mention, n: usize) -> bool {
    let Some(&first) = m.value.first() else {
        return false;
    };
    let sum: usize = m.value.iter().map(|&x| x as usize).sum();
    n == first as usize || n == sum || (open_terms(m) > 0 && n > sum) || n == digit_terms(m)
}

/// The terms of a digit formula of three terms or more, numbers and letters (1+5+7+N:
/// four), each of which may be listed as one item (1个中心、5个驿站、7个服务项目以及N项
/// 服务); 0 for any other mention. Two items are too weak a sign for two terms: a list
/// before “3+1” is mostly places or partners (分别在塔城镇和永春乡试点…“3+1”建设).
pub(super) fn digit_terms(m: &Mention) -> usize {
    if m.kind != Kind::Numeric {
        return 0;
    }
    let terms = m.value.len() + open_terms(m);
    if terms >= 3 {
        terms
    } else {
        0
    }
}

/// The terms of a digit formula that stand for an open number of items, a letter (the N
/// of 1+5+N): at least one item each. 0 for any other mention.
pub(super) fn open_terms(m: &Mention) -> usize {
    if m.kind != Kind::Numeric {
        return 0;
    }
    m.normalized
        .split('+')
        .filter(|t| t.bytes().any(|b| b.is_ascii_alphabetic()))
        .count()
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
    let defined = defined_after(before, after, None, None);
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

#[cfg(test)]
#[path = "expand_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "expand_cases.rs"]
mod cases;
