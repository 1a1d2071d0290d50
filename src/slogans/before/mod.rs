//! Strategy 2 of [`super::expand()`]: the list right before the formulation, quoted
//! (“…”的“365工作法”; “…”(以下简称“四强”)) or in running text (自治、法治、德治“三治融合”),
//! without what makes it no list (a governing verb's actors, a series of named examples,
//! a sibling formulation, a predicate).

use super::classify::{is_han, CLASSIFIERS};
use super::expand::{split_items, split_last_and, split_to_fit};
use super::listed::{chain_items, is_chain, without_brackets};
use super::numerals::is_numeral;
use super::{tidy, Mention};
use guards::{
    named_examples, only_quotations, quoted_before_comma, sibling_or_count, strip_governing_verb,
    FUNCTION_TAILS, INTO_VERBS, REPLACING_VERBS, RESULT_VERBS, SERVING_VERBS,
};

mod guards;

/// Administrative levels of one character (省, 市 … 村), the owners of a formulation each
/// level has (镇、村“两委”).
pub(super) const ADMIN_LEVELS: &str = "省市县区乡镇村";

/// "Etc." and a noun of aspects or fields, which ends a list of where, not of what.
const ASPECTS: [&str; 4] = ["等方面", "等领域", "等重点领域", "等环节"];

/// Party committees of a level, which own the formulation named after them (市委“三化三大”).
const COMMITTEES: [&str; 6] = ["省委", "市委", "州委", "县委", "区委", "镇委"];

/// The most characters of the noun after a formulation that makes it part of the list's
/// last member (…、县域治理“三起来”提出地).
const AFTER_NOUN: usize = 3;

/// Words after a formulation that make it the name of a speech or instruction (上海市
/// “两张网”重要讲话精神): what stands before it is who gave it.
const SPEECHES: [&str; 4] = ["重要讲话", "讲话精神", "重要指示", "重要论述"];

/// The quoted list right before the occurrence, joined to it by 的 or 为主要内容的, or named
/// by it in brackets (简称, "called for short"): “天天有服务、满意百分百”为主要内容的“365工作法”;
/// “…”的“4012”新模式; “…+…+…”的“三在线”; “政治功能强、…、作用发挥强”(以下简称“四强”).
pub(super) fn quoted_list_before(before: &str, m: &Mention) -> Vec<String> {
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
            // So does a chain of levels: “区—街道—社区”的三级网格.
            // (Its items keep their brackets: 小组(片区), 党员联系户(党员楼栋长、党员先锋岗).)
            let items = if quoted.contains('+') && !quoted.contains('、') {
                split_items(&quoted.replace('+', "、"))
            } else if is_chain(&without_brackets(quoted)) {
                chain_items(quoted).map(str::to_string).collect()
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

/// Strategy 2: the quotation or list right before the occurrence, its first item without
/// the clause's subject, verb and modifier ([`tidy::stripped_lead_and_modifier`]) unless
/// the items are whole quotations (“组建攻坚”“惠企强企”“暖心关爱”: 组建 is the item's).
pub(super) fn list_before(before: &str, after: &str, m: &Mention) -> Vec<String> {
    let mut whole_quotations = false;
    let items = raw_list_before(before, after, m, &mut whole_quotations);
    if whole_quotations {
        items
    } else {
        tidy::stripped_lead_and_modifier(items)
    }
}

/// The items of [`list_before`] as found; `whole_quotations` is set when they are
/// quotations side by side.
fn raw_list_before(
    before: &str,
    after: &str,
    m: &Mention,
    whole_quotations: &mut bool,
) -> Vec<String> {
    let n = m.value.first().copied().unwrap_or(0) as usize;
    let b = before.trim_end_matches(['“', '‘', ' ']);
    let quoted = quoted_list_before(before, m);
    if quoted.len() >= 2 {
        return quoted;
    }
    // An unquoted list that a bracket names: 社区、社会组织…(即“五社”).
    let b = named_in_brackets(b).unwrap_or(b);
    // The clause starts after the last break or an opening bracket left open. A closed
    // bracket ends an item (村规民约(社区公约)、百姓议事会…“一约两会三团”: part of it) or
    // modifies a word inside one (乡镇（街道）党的建设、…“四板块”: the clause starts after
    // it); an enumerator in brackets ((1), （一）) starts one.
    let mut end = b.len();
    let start = loop {
        let Some(p) = b[..end].rfind([
            '。', '，', ',', '；', ';', '：', ':', '\n', '(', '（', '—', '《',
        ]) else {
            break 0;
        };
        let after = p + b[p..].chars().next().map_or(1, char::len_utf8);
        // A list joined on after a comma by 以及 ("as well as") goes on before it
        // (党员示范岗、青年文明岗、巾帼示范岗,以及查核能手、…管理行家“三岗四手”).
        if b[p..].starts_with([',', '，'])
            && b[after..].starts_with("以及")
            && b[..p].contains('、')
        {
            end = p;
            continue;
        }
        if !b[p..].starts_with(['(', '（']) {
            break after;
        }
        let Some(close) = b[after..].find([')', '）']).map(|c| after + c) else {
            break after;
        };
        let past = close + b[close..].chars().next().map_or(1, char::len_utf8);
        let enumerator = b[after..close]
            .chars()
            .all(|c| c.is_ascii_digit() || is_numeral(c));
        let ends_item = b[past..].is_empty() || b[past..].starts_with(['、', '“', '和', '及']);
        if enumerator || !ends_item {
            break past;
        }
        end = p;
    };
    // A name of numerals alone (十五五, 十四五: plan numbers) lists no components; the text
    // before it is running prose (二、“十四五”时期发展成就和“十五五”…). Nor does a name of
    // one (一张网, 一盘棋): what is listed before it goes into the one whole
    // (把综治、城管、卫健等各类网格整合成“一张网”).
    if !m.normalized.chars().any(|c| !is_numeral(c)) || m.value == [1] {
        return Vec::new();
    }
    // An item number may open the clause (9.健全自治区、盟市、旗县三级…).
    let numbered = b[start..].trim_start_matches(|c: char| c.is_ascii_digit());
    let run = match numbered.strip_prefix(['.', '．', '、']) {
        Some(rest) if numbered.len() < b[start..].len() => rest,
        _ => &b[start..],
    };
    // A list after another formulation and its noun, joined on by 和 or 及 (建成蔬菜、西瓜、
    // 林果“三个万亩”规模产业和柠檬、沃柑、葡萄、芒果“四个千亩”): it starts after the 和.
    let run = after_formulation_and(run).unwrap_or(run);
    // Quotations side by side after the clause's verb: the list starts at the first
    // (持续深化“组建攻坚”“惠企强企”“暖心关爱”三大行动: not 深化组建攻坚, whose verbs a cut
    // would take to 攻坚).
    let run = match run.find('“') {
        Some(q) if q > 0 && !run[..q].contains('、') && only_quotations(&run[q..]) => {
            *whole_quotations = true;
            &run[q..]
        }
        _ => run,
    };
    // A list that runs on into the formulation has it as one more member
    // (马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”…), not as its name.
    if run.ends_with(['、', '和', '及', '与']) {
        return Vec::new();
    }
    // Quotations side by side are items too: 实施“铸魂工程”“品牌工程”…“底线工程”五项工程.
    // A demonstrative before the count points back at the list (…、牧民党员这四个主体).
    let run = ["这些", "这"]
        .iter()
        .find_map(|d| run.strip_suffix(d))
        .unwrap_or(run);
    let mut items = split_to_fit(split_items(&run.replace("”“", "、")), m);
    // Levels run together as the last item, as many as the numeral (…、市县镇三级联动), or
    // ending the clause's one item (陆川县坚持县镇村三级联动).
    if let Some(last) = items.last().filter(|l| {
        let run = l
            .chars()
            .rev()
            .take_while(|c| ADMIN_LEVELS.contains(*c))
            .count();
        n >= 2 && run == n && (items.len() == 1 || l.chars().count() == n)
    }) {
        items = last
            .chars()
            .skip(last.chars().count() - n)
            .map(String::from)
            .collect();
    }
    // One quotation short, and one more before the comma that starts the clause: the
    // comma is a typo for 、 (实施“班子形象”,“基层龙头”“机制创新”“风清气正”四大工程).
    if items.len() + 1 == n && run.starts_with('“') {
        if let Some(item) = quoted_before_comma(&b[..start]) {
            items.insert(0, item.to_string());
        }
    }
    // The list as the subject of a verb: the last item holds the predicate, cut off when
    // the list is as long as the numeral (党员干部、非公党员、流动党员成为引领…的“三龙头”;
    // levels that did something, 省、市、县、乡形成了“四级联动”).
    if items.len() == n && n >= 2 {
        let levels_before = items[..n - 1]
            .iter()
            .all(|i| i.chars().count() == 1 && ADMIN_LEVELS.contains(i.as_str()));
        if let Some(last) = items.last_mut() {
            let cs: Vec<char> = last.chars().collect();
            if let Some(p) = last.find("成为").filter(|&p| p >= "党员".len()) {
                last.truncate(p);
            } else if levels_before
                && cs.len() == 4
                && cs[3] == '了'
                && ADMIN_LEVELS.contains(cs[0])
            {
                *last = cs[0].to_string();
            }
        }
    }
    // The formulation as a predicate (治理不再是“两张皮”), or a last item of one character
    // after longer ones that qualifies it (…党员干部、村“两委”): no list of components.
    // (With three items or more the first is left out: it may hold the clause's verb,
    // 构建县、乡、村三级服务网络.)
    let compared = if items.len() >= 3 {
        &items[1..]
    } else {
        &items[..]
    };
    let one_char_tail = items.len() >= 2
        && items.last().is_some_and(|l| l.chars().count() == 1)
        && compared.iter().any(|i| i.chars().count() > 1);
    // …培养成村党组织书记或村“两委”: an alternative (或) in the last item, which the
    // formulation completes.
    let alternative = items.last().is_some_and(|l| l.contains('或'));
    // A last item ending in a preposition or an aspect particle ends in the clause's
    // grammar, not in a component: the formulation is the object of 从 (…助力社区治理从
    // “一人一岗”向组团服务进阶) or of a verb done (…分别与爱心企业完成了“一小一老”项目).
    let function_tail = items.last().is_some_and(|l| l.ends_with(FUNCTION_TAILS));
    // A last item ending in a verb of putting into: the formulation is where the list goes
    // (把生态文明建设全面从细、从实融入“五位一体”总体布局), not what it is made of.
    let destination = items
        .last()
        .is_some_and(|l| INTO_VERBS.iter().any(|v| l.ends_with(v)));
    // More items than the numeral and "etc." (等): examples of what the formulation
    // names (鑫源木业、商会支部、创业一条街等“两新”党建观摩点), not its parts, which 等
    // lists only in part (“争先夺优”“项目建设”等五本台账).
    // (A name of two numerals counts its items by their sum: 礼堂、讲堂、村史廊、…、艺术廊
    // 等两堂五廊 lists all seven.)
    let n_items = items.len();
    let total: usize = m.value.iter().map(|&v| v as usize).sum();
    let examples = n >= 2
        && n_items > n
        && !(m.value.len() >= 2 && n_items == total)
        && run.trim_end_matches(['”', '’']).ends_with('等');
    // The formulation followed by 等 is the last member of the list, not its name
    // (以支部星级指数管理、…、流动党员教育管理“五大体系”等为抓手).
    // So is a quoted formulation with another quotation right before or after it, when
    // the list is not as long as its numeral (“垃圾转运”“污水治理”“宜居农房改造”“五小园”
    // 建设等; “科普大篷车联合行动”“四送一创”“科普进藏区”).
    let adjacent = (before.ends_with("”“") || after.starts_with("”“")) && items.len() != n;
    // So is a formulation inside the last member, when the noun after it ends as another
    // member does (是焦裕禄精神发源地、…联系点、县域治理“三起来”提出地: 提出地 beside 发源地).
    let after_noun: String = after
        .trim_start_matches(['”', '’'])
        .chars()
        .take_while(|&c| is_han(c))
        .collect();
    let inside = (2..=AFTER_NOUN).contains(&after_noun.chars().count())
        && items.split_last().is_some_and(|(_, others)| {
            others.iter().any(|o| {
                o.chars().count() > 2 && o.chars().next_back() == after_noun.chars().next_back()
            })
        });
    let member = after.trim_start_matches(['”', '’']).starts_with('等') || adjacent || inside;
    // Whose the formulation is, not what: the levels that each have it (镇、村“两委”; but
    // 县、乡、村三级), a Party committee (…、市委“三化三大”), or the speaker of a speech
    // named after it (…和上海市“两张网”重要讲话精神).
    let levels = !m.normalized.contains('级')
        && items
            .iter()
            .all(|i| i.chars().count() == 1 && ADMIN_LEVELS.contains(i.as_str()));
    // Aspects or fields (从思想上引领、文化活动、志愿服务、深化改革等方面建立“八个一”): where
    // the formulation applies, not its parts.
    let aspects = ASPECTS.iter().any(|w| run.contains(w));
    let committee = items
        .last()
        .is_some_and(|l| COMMITTEES.contains(&l.as_str()));
    // The level of one owner with a bracket (群众代表、村(社区)“两委”成员).
    // So is a level closing a longer last item that no other item closes with a level:
    // the clause's object is the level's formulation (…、让这些文字入脑入心成了村“两委”).
    // The level stands alone after a particle or conjunction (成了村, 的村), not ending a
    // word (渔村, 小镇, 社区: places that may be items).
    let level_end = |i: &String| {
        let mut cs = i.chars().rev();
        cs.next().is_some_and(|c| "省市县乡镇村".contains(c))
            && cs.next().is_some_and(|c| "了的和及与各".contains(c))
    };
    let owner = items.split_last().is_some_and(|(l, others)| {
        let bare = without_brackets(l);
        let bracketed =
            bare != *l && bare.chars().count() == 1 && ADMIN_LEVELS.contains(bare.as_str());
        let closing = l.chars().count() > 2
            && level_end(l)
            && !others.is_empty()
            && !others.iter().any(level_end);
        bracketed || closing
    });
    // The formulation as the object of a verb that is the whole last item, shorter than
    // every other item (实施“1515”党建工程、创建“五型机关”; not 改革、开放、创新三大动力).
    let object = items.split_last().is_some_and(|(l, others)| {
        (tidy::is_lead_verb(l) || SERVING_VERBS.contains(&l.as_str()))
            && !others.is_empty()
            && others.iter().all(|o| o.chars().count() > l.chars().count())
    });
    let speech = SPEECHES
        .iter()
        .any(|w| after.trim_start_matches(['”', '’']).starts_with(w));
    if run.ends_with('是')
        || owner
        || object
        || aspects
        || levels
        || committee
        || speech
        || member
        || one_char_tail
        || alternative
        || function_tail
        || destination
        || examples
        || items.last().is_some_and(|l| sibling_or_count(run, l))
        || named_examples(run)
    {
        return Vec::new();
    }
    // A verb of replacement after "etc." (等), which splitting cut off with it: the list
    // is what takes the formulation's place (以“九二精神”“九二会谈”等字眼取代“九二共识”).
    // (Other verbs there leave the list: …小区业主等力量开展“五方联建”, the five parties.)
    let raw_last = run
        .rsplit(['、', '，', ',', '；', ';'])
        .next()
        .unwrap_or(run);
    let etc_tail = raw_last.rfind('等').map(|p| &raw_last[p..]);
    if etc_tail.is_some_and(|t| REPLACING_VERBS.iter().any(|v| t.ends_with(v))) {
        return Vec::new();
    }
    // "Etc." and a count (…杨郎村王伟伟等643名…“二合一”带头人): the list names some of the
    // many the formulation describes.
    let counted = etc_tail.is_some_and(|t| {
        t['等'.len_utf8()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || is_numeral(c))
    });
    if counted {
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
        // …死亡人数连续9年“双下降”: the duration is no part of the component, nor the verb
        // of winning (…脱贫攻坚考核中获得“双优秀”); nor are the
        // 的 and the verb of relation of a clause modifying the formulation (自治、法治、
        // 德治相结合的“三治融合”).
        *last = tidy::cut_relative(tidy::cut_duration(tidy::cut_won_tail(last))).to_string();
    }
    if !*whole_quotations {
        tidy::restart_at_lead(&mut items, n);
    }
    let items = tidy::cut_name_modifier(items, n);
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

/// What follows 和 or 及 after the last formulation inside `run` (a quotation opening with
/// a numeral, or a numeral and a classifier and its noun: 新能源新材料三大主导产业和电子
/// 信息、…), when no 、 stands between them.
fn after_formulation_and(run: &str) -> Option<&str> {
    let quoted = run.rfind('”').and_then(|close| {
        let open = run[..close].rfind('“')?;
        run[open + '“'.len_utf8()..]
            .starts_with(is_numeral)
            .then_some(close + '”'.len_utf8())
    });
    let counted = || {
        let cs: Vec<(usize, char)> = run.char_indices().collect();
        cs.windows(2)
            .rposition(|w| is_numeral(w[0].1) && CLASSIFIERS.contains(&w[1].1))
            .map(|k| cs[k + 1].0 + cs[k + 1].1.len_utf8())
    };
    // After a count, a noun stands before the 和; a quoted formulation may be followed by
    // it at once (…严于律己型的“五型干部”和热心、真心、…、耐心的“五心干部”).
    let (from, noun) = match quoted {
        Some(q) => (q, false),
        None => (counted()?, true),
    };
    let tail = &run[from..];
    let joint = tail.find(['和', '及'])?;
    if (noun && joint == 0) || tail[..joint].contains('、') {
        return None;
    }
    Some(&tail[joint + '和'.len_utf8()..])
}
