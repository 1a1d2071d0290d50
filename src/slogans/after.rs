//! Strategies of [`super::expand()`] that gather components after the occurrence from further
//! away: parallel clauses, head nouns, quoted items, the clauses of a formula's terms.

use super::classify::is_han;
use super::defined::GLOSS_VERBS;
use super::split::{split_items, split_last_and};
use super::window::{
    clause_sep, find_char, head_chars, sentence_sep, split_at_bytes, split_holding, tail_chars,
};
use super::{tidy, Kind, Mention};

/// How many characters after the occurrence are searched for components.
pub(super) const AFTER_WINDOW: usize = 1500;

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
pub(super) fn parallel_clauses(after: &str, m: &Mention) -> Vec<String> {
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
            // The enumerator that opens a clause is no part of it (一是进基层机关,促工作转变).
            let c = super::heads::without_enumerator(c.trim_matches([',', '，', '、']))
                .trim_matches([',', '，', '、'])
                .to_string();
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
const MAX_HEAD_PRE: usize = 6;

/// 4. Nouns before or after a numbered list that end in its head noun: 交流平台 for 三个平台,
///    经济高地 and 党建高地 for 两个高地, whole items of a 、-list (产业升级战略、项目带动战略
///    for 五大战略). Not the formulation itself again (“两个覆盖”), nor a phrase of a
///    particle or conjunction (社会组织的覆盖: 织的覆盖), nor the start of a longer word
///    (满意度 for 两个满意).
pub(super) fn head_nouns(before: &str, after: &str, m: &Mention) -> Vec<String> {
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
            // it has three to six and a mark before it (产业升级战略、项目带动战略…;
            // 国防教育宣传平台 among the 四个平台 of b55).
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
pub(super) fn quotes_after(after: &str) -> Vec<String> {
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
pub(super) fn formula_clauses(after: &str, m: &Mention) -> Vec<String> {
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
