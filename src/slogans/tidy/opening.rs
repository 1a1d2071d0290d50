//! Phrases of time and of winning that open the first item of a list (在2017年度综合考核、
//! 脱贫攻坚考核中获得“双优秀”; 创近20年投产井数、投产速度、新井生产时率“三个历史新高”):
//! the year and the verb of winning belong to the clause, not to the component.

/// Verbs of winning an honour or a rating, after which a first item names what was won
/// (…考评中荣获财政扶贫资金绩效考评、涉农资金整合管理“两个第一”).
const WINNING: [&str; 6] = ["荣获", "获评", "获得", "荣膺", "被评为", "评为"];

/// At most this many characters (a preposition or a verb: 在, 创, 获得) may stand before the
/// time phrase that [`cut_opening`] cuts.
const BEFORE_TIME: usize = 2;

/// The byte length of a time phrase opening `s`: 近 perhaps, a number of years in digits,
/// 年 or 年度, and 来, 以来 or 时间 perhaps (2017年度, 近20年, 3年来, 3年时间); `None`
/// without one.
fn time_phrase(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('近').unwrap_or(s);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let after = &rest[digits..];
    let unit = ["年度", "年"].iter().find(|u| after.starts_with(*u))?;
    let after = &after[unit.len()..];
    let tail = ["以来", "来", "时间"]
        .iter()
        .find(|t| after.starts_with(*t))
        .map_or(0, |t| t.len());
    Some(s.len() - after.len() + tail)
}

/// `first` without the clause's time phrase and verb of winning that open it: cut after a
/// time phrase with at most [`BEFORE_TIME`] characters or a 在 before it (在2017年度综合
/// 考核 → 综合考核; 商洛市供销社在2017年度综合考核 → 综合考核; 创近20年投产井数 → 投产井数), then after a verb of [`WINNING`] (…行业考评中
/// 荣获财政扶贫资金绩效考评 → 财政扶贫资金绩效考评) that no other item holds. At least two
/// Han characters must be left each time; a 获得 of 获得感 is kept.
pub(super) fn cut_opening(first: &mut String, others: &[String]) {
    // Near the start, or anywhere after 在 ("in": 商洛市供销社在2017年度综合考核).
    let time = first.char_indices().enumerate().find_map(|(k, (i, _))| {
        let near = k <= BEFORE_TIME || first[..i].ends_with('在');
        near.then(|| time_phrase(&first[i..]).map(|len| i + len))
            .flatten()
    });
    if let Some(end) = time {
        if han_left(&first[end..]) {
            first.drain(..end);
        }
    }
    let won = WINNING.iter().find_map(|w| {
        let at = first.find(w)?;
        let end = at + w.len();
        (!others.iter().any(|o| o.contains(w)) && han_left(&first[end..])).then_some(end)
    });
    if let Some(end) = won {
        first.drain(..end);
    }
}

/// `item` without the 中 ("in") and verb of winning that end it when the formulation
/// names what was won in the things listed (综合考核、脱贫攻坚考核中获得“双优秀” →
/// 脱贫攻坚考核); unchanged otherwise, or when less than two characters would be left.
pub(in crate::slogans) fn cut_won_tail(item: &str) -> &str {
    WINNING
        .iter()
        .find_map(|w| item.strip_suffix(w)?.strip_suffix('中'))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(item)
}

/// True when `rest` is two Han characters or more.
fn han_left(rest: &str) -> bool {
    rest.chars().count() >= 2 && rest.chars().all(crate::slogans::classify::is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(first: &str, others: &[&str]) -> String {
        let mut f = first.to_string();
        let others: Vec<String> = others.iter().map(|o| o.to_string()).collect();
        cut_opening(&mut f, &others);
        f
    }

    #[test]
    fn years_and_winning_are_cut_off_the_first_item() {
        // b64, b61, b63: the clause's year and verb before the first component.
        assert_eq!(cut("在2017年度综合考核", &["脱贫攻坚考核"]), "综合考核");
        assert_eq!(
            cut("获得2017年度目标责任考核", &["脱贫攻坚工作成效考核"]),
            "目标责任考核"
        );
        assert_eq!(
            cut(
                "在2017年度全省脱贫攻坚行业考评中荣获财政扶贫资金绩效考评",
                &["涉农资金整合管理"]
            ),
            "财政扶贫资金绩效考评"
        );
        assert_eq!(cut("创近20年投产井数", &["投产速度"]), "投产井数");
        assert_eq!(
            cut("供销社在2017年度综合考核", &["脱贫攻坚考核"]),
            "综合考核"
        );
        // Not a 获得 of 获得感, not a verb every item has, not far into the item, nor a
        // year followed by less than two Han characters.
        assert_eq!(cut("获得感", &["幸福感", "安全感"]), "获得感");
        assert_eq!(cut("获得表彰", &["获得奖励"]), "获得表彰");
        assert_eq!(
            cut("全市上下2017年度考核", &["评议"]),
            "全市上下2017年度考核"
        );
        assert_eq!(cut("在2025年", &["明年"]), "在2025年");
        assert_eq!(time_phrase("3年来工作"), Some("3年来".len()));
        assert_eq!(time_phrase("三年"), None);
        assert_eq!(cut_won_tail("脱贫攻坚考核中获得"), "脱贫攻坚考核");
        assert_eq!(cut_won_tail("考核获得"), "考核获得");
        assert_eq!(cut_won_tail("中获得"), "中获得");
    }
}
