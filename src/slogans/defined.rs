//! Strategy 1 of [`super::expand()`]: a definition right after the formulation, in brackets
//! (“两会”(地区党建联席会、…)), after 即 or a colon (“三个思维”即系统思维、…), as a glossary
//! of its terms (“1”指…，“N”指…) or as its part of a joint glossary (“两重”“两新”：…，…).

use super::expand::{split_items, split_last_and, split_outside_brackets};
use super::window::head_chars;

/// 1. A list in brackets right after the occurrence, or `即` or a colon shortly after it,
///    then a list up to the sentence end. Not past a sentence end (推行“四议两公开”。“四议”:
///    即…: the definition of 四议); a quoted term before the colon is defined along with it
///    (“三大高地”“五大战略”：…): when the definition has one comma-separated part for each
///    of them, each takes its own ([`joint_part`]). `second` is, for a name of two
///    numerals, their sum and the character after the second (5 and 快 for 三高两快).
pub(super) fn defined_after(
    before: &str,
    after: &str,
    second: Option<(usize, char)>,
    key: Option<char>,
) -> Vec<String> {
    let glossed = in_brackets(after);
    if glossed.len() >= 2 {
        return glossed;
    }
    let Some(pos) = gloss_verb_at(after).or_else(|| head_chars(after, 16).find(['即', '：', ':']))
    else {
        return Vec::new();
    };
    if after[..pos].contains(['。', '；', ';', '\n']) {
        return Vec::new();
    }
    // Another numbered name between it and the colon, unquoted, owns the definition
    // (“四建四进”模式,建立三级联动体系:县级领导小组统筹全局,…); quoted, it is defined
    // along with this one (“三大高地”“五大战略”：…), and a quoted “1” is a glossary's term.
    if numbered_name_unquoted(after[..pos].trim_start_matches(['”', '’'])) {
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
    let end = rest.find(['。', '\n', '；', ';']);
    // Without an end the text was cut off (a page's opening): its last item may be too.
    let cut_off = end.is_none();
    let end = end.unwrap_or(rest.len());
    let mut body = head_chars(&rest[..end], 300);
    // A glossary of the terms: “1”指A、B，“N”指C; its first entry's term stands before the
    // verb found (“1+2+X”…力量,“1”即A,“2”即B和C,“X”即D: from “1”).
    let body_end = body.as_ptr() as usize - after.as_ptr() as usize + body.len();
    let first_term = after[..pos]
        .strip_suffix('”')
        .and_then(|s| s.rfind('“'))
        .filter(|&o| !after[o..pos].contains(['，', ',', '。']));
    let glossed = glossary(first_term.map_or(body, |o| &after[o..body_end]));
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
    // Each item a quoted term at its end, up to the sentence's end (commas too).
    if let Some(terms) = quoted_in_each(body, key) {
        return terms;
    }
    // Comma parts that all end alike are the items, whatever 、 they hold: “四下基层”即宣传
    // 党的路线、方针、政策下基层,调查研究下基层,现场办公下基层,信访接待下基层.
    if let Some(parts) = parts_ending_alike(body) {
        return parts;
    }
    // Items joined by 、 end at the first comma: 即A、B、C,让…; unless a name of two
    // numerals has its sum only with the items after the comma, each holding the second
    // one's character (“三高两快”的特点:高学历、高技能、高收入,流动快、思维跳动快).
    if body.contains('、') {
        if let Some(p) = body.find([',', '，']) {
            if let Some((sum, key)) = second {
                let head = split_items(&body[..p]);
                let rest = split_items(&body[p..]);
                if head.len() + rest.len() == sum && rest.iter().all(|i| i.contains(key)) {
                    return head.into_iter().chain(rest).collect();
                }
            }
            body = &body[..p];
        }
    }
    let mut items = split_items(body);
    if cut_off {
        drop_unfinished(&mut items);
    }
    if let Some(more) = second_after_semicolon(&rest[end..], second, items.len()) {
        items.extend(more);
    }
    items
}

/// For a name of two numerals (`second`: their sum and the second one's character), the
/// items after the semicolon that ends the first list, when with the `have` items before
/// they make the sum and each holds that character: 查…、查…、查…；评…、评…、评… for
/// 三查三评. The second list ends at a comma, like the first.
fn second_after_semicolon(
    tail: &str,
    second: Option<(usize, char)>,
    have: usize,
) -> Option<Vec<String>> {
    let (sum, key) = second?;
    let next = tail.strip_prefix(['；', ';'])?;
    let next = &next[..next
        .find(['。', '\n', '；', ';', ',', '，'])
        .unwrap_or(next.len())];
    let items = split_items(next);
    (have >= 2 && have + items.len() == sum && items.iter().all(|i| i.contains(key)))
        .then_some(items)
}

/// The comma-separated parts (outside brackets and quotations, quotation marks removed)
/// that open `body` and all end in the same two characters or more (下基层, 必访), when
/// there are three or more: the parts after them are the sentence going on (…信访接待下
/// 基层,现场办公下基层,其核心要求与…).
fn parts_ending_alike(body: &str) -> Option<Vec<String>> {
    let parts: Vec<String> = split_outside_brackets(body, &[',', '，'], true)
        .iter()
        .map(|p| {
            p.chars()
                .filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | ' '))
                .collect()
        })
        .collect();
    let ending = super::tidy::common_ending(parts.get(..2)?);
    let common = ending.chars().count();
    if common < 2 {
        return None;
    }
    let alike: Vec<String> = parts
        .into_iter()
        .take_while(|p| p.ends_with(&ending) && p.chars().count() > common)
        .collect();
    (alike.len() >= 3).then_some(alike)
}

/// True when `gap` holds, outside quotation marks, a numeral or digit followed by a Han
/// character: the start of a numbered name (三级联动体系).
fn numbered_name_unquoted(gap: &str) -> bool {
    let mut depth = 0usize;
    let mut prev_numeral = false;
    for c in gap.chars() {
        match c {
            '“' | '‘' => depth += 1,
            '”' | '’' => depth = depth.saturating_sub(1),
            _ if depth == 0 && prev_numeral && super::classify::is_han(c) => return true,
            _ => {}
        }
        prev_numeral = depth == 0 && (super::numerals::is_numeral(c) || c.is_ascii_digit());
    }
    false
}

/// Drops the last of `items` when it lacks the ending (two characters or more) that all
/// the others share: the text was cut off in it (…对群众感情淡漠的不派、工作).
fn drop_unfinished(items: &mut Vec<String>) {
    if items.len() < 3 {
        return;
    }
    let (last, others) = items.split_last().unwrap_or((&items[0], &[]));
    let ending = super::tidy::common_ending(others);
    if ending.chars().count() >= 2 && !last.ends_with(&ending) {
        items.pop();
    }
}

/// The quoted term that ends each part of `body` (cut at commas and 、 outside brackets),
/// when every part (two or more) holds exactly one, at its end: 领导班子要有干事创业的
/// “事业心”,医护人员要有…“进取心”,… → 事业心, 进取心, …; 群众“点单”、中心(所、站)
/// “接单”、…,最后群众“评单” → 点单, 接单, …, 评单. Not 开展“三亮”活动: the quotation names
/// something the part does. When the name's `key` morpheme (争 of 双争, see
/// [`super::components::key`]) stands in every part before its quotation and in none of the
/// quoted terms, the parts are the items, marks removed: 即争创“先进党支部”、争做“优秀共产
/// 党员” → 争创先进党支部, 争做优秀共产党员.
fn quoted_in_each(body: &str, key: Option<char>) -> Option<Vec<String>> {
    let mut parts = split_outside_brackets(body, &[',', '，', '、'], false);
    parts.retain(|p| !p.trim().is_empty());
    if parts.len() < 2 {
        return None;
    }
    let split: Vec<(&str, &str)> = parts
        .iter()
        .map(|p| {
            let p = p.trim_end();
            let open = p.find('“')?;
            let inner = p[open + '“'.len_utf8()..].strip_suffix('”')?;
            (!inner.contains(['“', '”']) && !inner.is_empty()).then_some((&p[..open], inner))
        })
        .collect::<Option<_>>()?;
    let keyed = key.is_some_and(|k| {
        split
            .iter()
            .all(|(lead, inner)| lead.contains(k) && !inner.contains(k))
    });
    Some(
        split
            .iter()
            .map(|(lead, inner)| {
                if keyed {
                    format!("{}{inner}", lead.trim())
                } else {
                    inner.to_string()
                }
            })
            .collect(),
    )
}

/// Characters after 指 that make it a word of its own (指导, 指出, 指标 …), not "means".
const NOT_GLOSS_AFTER_ZHI: &str = "导出挥标引数南示定向明派针令纹";

/// The offset in `after` of 指 or 是指 ("means") right after the closing mark and perhaps a
/// comma: “两听”,指事前调研倾听、事后回访倾听.
fn gloss_verb_at(after: &str) -> Option<usize> {
    let a = after.trim_start_matches(['”', '’']);
    let a = a.strip_prefix([',', '，']).unwrap_or(a);
    let at = after.len() - a.len();
    let zhi = a.strip_prefix("是指").or_else(|| a.strip_prefix('指'))?;
    let word = zhi
        .chars()
        .next()
        .is_some_and(|c| NOT_GLOSS_AFTER_ZHI.contains(c));
    (!word || a.starts_with("是指")).then_some(at)
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

/// The most Han characters of a head noun between the formulation and the bracket that
/// lists its components: “九化同步”建设(山坡景观化、…).
const HEAD_BEFORE_BRACKET: usize = 4;

/// The list in brackets right after the occurrence (past its closing mark and a head noun
/// of up to [`HEAD_BEFORE_BRACKET`] characters): “两会”(地区党建联席会、社区建设协调发展
/// 委员会)制度; 推进“九化同步”建设(山坡景观化、寨院个性化、…).
fn in_brackets(after: &str) -> Vec<String> {
    let a = after.trim_start_matches(['”', '’']);
    let head = a
        .char_indices()
        .take(HEAD_BEFORE_BRACKET + 1)
        .find(|&(_, c)| !super::classify::is_han(c))
        .map_or(0, |(i, _)| i);
    let Some(inner) = a[head..].strip_prefix(['(', '（']) else {
        return Vec::new();
    };
    // A glossary of the terms in brackets, up to the bracket that closes this one:
    // “1+1+N”结对共建(“1”即一所引领高校,“1”即每所…一个县(市、区),“N”即3个功能区和市直学校).
    if inner.starts_with('“') {
        let glossed = glossary(matched_bracket(head_chars(inner, 240)));
        if glossed.len() >= 2 {
            return glossed;
        }
    }
    // (即“全员育人、全程育人、全方位育人”): "that is".
    let inner = inner.strip_prefix('即').unwrap_or(inner);
    match head_chars(inner, 120).find([')', '）']) {
        Some(close) if inner[..close].contains('、') => split_items(&inner[..close]),
        _ => Vec::new(),
    }
}

/// The two things a pair is made of, glossed in brackets right after it as “A与B” and the
/// joint action the name ends in (`name`'s last two characters): “两防一体”(防空与防灾
/// 一体化) → 防空, 防灾; “两建同步”(人防建设与经济建设同步) → 人防建设, 经济建设. Each of
/// 2–8 Han characters.
pub(super) fn pair_in_brackets(after: &str, name: &str) -> Vec<String> {
    let tail: String = {
        let cs: Vec<char> = name.chars().collect();
        cs[cs.len().saturating_sub(2)..].iter().collect()
    };
    let a = after.trim_start_matches(['”', '’']);
    let Some(inner) = a.strip_prefix(['(', '（']) else {
        return Vec::new();
    };
    let Some(close) = head_chars(inner, 24).find([')', '）']) else {
        return Vec::new();
    };
    let gloss = inner[..close].strip_prefix('即').unwrap_or(&inner[..close]);
    let Some((x, rest)) = gloss.split_once(['与', '和']) else {
        return Vec::new();
    };
    let Some(y) = rest.find(tail.as_str()).map(|p| &rest[..p]) else {
        return Vec::new();
    };
    let word =
        |w: &str| (2..=8).contains(&w.chars().count()) && w.chars().all(super::classify::is_han);
    if tail.chars().count() < 2 || !word(x) || !word(y) {
        return Vec::new();
    }
    vec![x.to_string(), y.to_string()]
}

/// `inner` (the text after an opening bracket) up to the bracket that closes it, brackets
/// inside it kept: 每所引领高校对接一个县(市、区),“N”即… ; all of `inner` when none does.
fn matched_bracket(inner: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in inner.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth == 0 => return &inner[..i],
            ')' | '）' => depth -= 1,
            _ => {}
        }
    }
    inner
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

/// The verbs that gloss a quoted term (“1”指…, “3”即…, “N”是指…, “四级”为…), longest first.
pub(super) const GLOSS_VERBS: [&str; 4] = ["是指", "即", "指", "为"];

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
    let mut marks: Vec<(usize, usize)> = GLOSS_VERBS
        .iter()
        .flat_map(|v| {
            body.match_indices(v)
                .filter(|&(i, _)| body[..i].ends_with('”'))
                .map(|(i, m)| (i - '”'.len_utf8(), i + m.len()))
        })
        .filter(|&(i, end)| !body[i..end].ends_with('为') || numbered(i).is_some())
        .collect();
    marks.sort_unstable();
    let mut out = Vec::new();
    for (k, &(at, from)) in marks.iter().enumerate() {
        // Up to the opening mark of the next term, then back over the comma before it.
        let to = marks.get(k + 1).map_or(body.len(), |&(next, _)| {
            body[..next].rfind('“').unwrap_or(next)
        });
        let mut def = body[from..to.max(from)].trim_end_matches([',', '，', '；', ';', ' ']);
        // The last entry, a list joined by 、, ends at the first comma after it: what
        // follows is the sentence going on (“X”即发动党员、…、居民包岗,并重点发挥…).
        if k + 1 == marks.len() {
            if let Some(c) = def.find([',', '，']).filter(|&c| def[..c].contains('、')) {
                def = &def[..c];
            }
        }
        // A definition that opens with its term's number names one thing up to the first
        // comma; what follows describes it (“6”即6家渔业公司,覆盖274艘渔船、…和…).
        let term = body[..at]
            .rfind('“')
            .map_or("", |o| &body[o + '“'.len_utf8()..at]);
        if !term.is_empty() && term.bytes().all(|b| b.is_ascii_digit()) && def.starts_with(term) {
            if let Some(c) = def.find([',', '，']) {
                def = &def[..c];
            }
        }
        if def.is_empty() {
            continue;
        }
        // A digit term (“2”即1名党小组长和1名楼长包楼) counts its parts too, when its
        // definition is one phrase.
        let digits = body[..at]
            .rfind('“')
            .map(|o| &body[o + '“'.len_utf8()..at])
            .and_then(|t| t.parse::<usize>().ok())
            .filter(|&n| n >= 2 && !def.contains([',', '，']));
        if let Some(n) = digits {
            out.extend(split_last_and(split_items(def), n));
        } else if let Some(n) = numbered(at) {
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
