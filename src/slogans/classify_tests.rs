//! Tests of the classification of quoted and unquoted candidates ([`super`]).

use super::*;
use crate::slogans::shape::{numeral_shape, pattern, shape};

#[test]
fn a_quotation_holding_a_list_enumerator_is_no_formulation() {
    assert_eq!(classify_quoted("三会一课制度 (1)"), None);
    assert_eq!(classify_quoted("党建（2）引领"), None);
    // Brackets of words stay: 区一街道一社区一组(片区).
    assert!(classify_quoted("区一街道一社区一组(片区)").is_some());
}

/// The reference of [`classify_quoted`]: each property asked for by its own scan.
#[test]
fn holidays_named_by_date_are_not_formulations() {
    // 庆“七一” (seed 000), “七一”期间 (corpora/news): the Party's founding day.
    for day in ["七一", "八一", "五一", "五四", "三八", "十一", "九一八"] {
        assert_eq!(classify_quoted(day), None, "{day}");
    }
    // Other numeral-only strings are formulations: 十五五 (the 15th Five-Year Plan),
    // “九五”普法规划 (the ninth five-year plan of legal education, Sichuan 2026).
    for form in ["十五五", "九五", "八五"] {
        assert_eq!(
            classify_quoted(form).map(|r| r.0),
            Some(Kind::NumeralCompound),
            "{form}"
        );
    }
}

#[test]
fn inner_quotation_marks_leave_the_name() {
    assert_eq!(
        classify_quoted("党建+‘红色物业’"),
        Some((Kind::Plus, "党建+红色物业".into()))
    );
    assert_eq!(
        classify_quoted("开展专项债券项目‘自审自发’试点"),
        Some((Kind::QuotedSlogan, "开展专项债券项目自审自发试点".into()))
    );
}

fn classify_quoted_naive(content: &str) -> Option<(Kind, String)> {
    let strip = |n: String| n.chars().filter(|c| !"‘’『』".contains(*c)).collect();
    classify_marked_naive(content).map(|(k, n)| (k, strip(n)))
}

fn classify_marked_naive(content: &str) -> Option<(Kind, String)> {
    let c = content.trim();
    let c = list_with_stop(c).unwrap_or(c);
    if c.is_empty() || c.contains('\n') || c.contains(SENTENCE_PUNCT) || has_enumerator(c) {
        return None;
    }
    if let Some(formula) = plus_lost(c) {
        return Some((Kind::Numeric, formula));
    }
    if let Some(r) = classify_numeric(c) {
        return Some(r);
    }
    let han = c.chars().filter(|ch| is_han(*ch)).count();
    let alnum = c.chars().filter(|ch| ch.is_ascii_alphanumeric()).count();
    if c.contains('+') && han > 0 {
        return Some((Kind::Plus, c.to_string()));
    }
    let we = ["我们", "你们", "咱们"].iter().any(|m| c.contains(m));
    if han + alnum > 16 && all_han_list(c) && !we {
        return Some((Kind::QuotedSlogan, c.to_string()));
    }
    if han + alnum < 2 || han + alnum > 16 || han == 0 {
        return None;
    }
    let first = c.chars().next();
    let title = is_our_title(c);
    let speech = (matches!(first, Some('我' | '你' | '咱' | '他' | '她'))
        && !c.starts_with("我为")
        && !title)
        || (["我们", "你们", "咱们"].iter().any(|m| c.contains(m)) && !title)
        || ["吗", "呢", "吧", "啊"].iter().any(|m| c.ends_with(m));
    if speech {
        return None;
    }
    if HOLIDAYS.contains(&c) {
        return None;
    }
    if let Some(kind) = digit_led_kind(c) {
        return Some((kind, c.to_string()));
    }
    let chars: Vec<char> = c.chars().collect();
    if chars.iter().all(|ch| is_han(*ch)) && chars.first().is_some_and(|f| is_numeral(*f)) {
        let kind = numeral_kind(&chars);
        return Some((kind, compound_name(kind, c)));
    }
    Some((Kind::QuotedSlogan, c.to_string()))
}

/// The reference of [`numeral_shape`]: each run collected, its values formatted.
fn numeral_shape_naive(s: &str) -> String {
    fn flush(out: &mut String, run: &mut String) {
        if !run.is_empty() {
            for v in crate::slogans::numerals::values(run) {
                out.push_str(&format!("{{{v}}}"));
            }
            run.clear();
        }
    }
    let mut out = String::new();
    let mut run = String::new();
    for ch in s.chars() {
        if is_numeral(ch) {
            run.push(ch);
        } else {
            flush(&mut out, &mut run);
            out.push(ch);
        }
    }
    flush(&mut out, &mut run);
    out
}

proptest::proptest! {
    #[test]
    fn numeral_shape_equals_naive(s in "[一二两双三四五六七八九十百千万0-9联区、,，·]{0,16}") {
        proptest::prop_assert_eq!(numeral_shape(&s), numeral_shape_naive(&s));
        let parts = s.split(['、', ',', '，', '·']).count();
        let want = if parts >= 2 { vec!["X"; parts].join("、") } else { s.clone() };
        proptest::prop_assert_eq!(shape(Kind::QuotedSlogan, &s), want);
    }

    #[test]
    fn classify_quoted_equals_naive(
        c in "[一二三两十个项大区中心红色物业我你咱他她们吗呢吧啊说+0-9Na 。：:《\n·()（）‘’]{0,20}"
    ) {
        proptest::prop_assert_eq!(classify_quoted(&c), classify_quoted_naive(&c));
    }
}

#[test]
fn numeric_codes() {
    assert_eq!(
        classify_numeric("365工作法"),
        Some((Kind::Numeric, "365".into()))
    );
    assert_eq!(
        classify_numeric("1+5+N"),
        Some((Kind::Numeric, "1+5+N".into()))
    );
    assert_eq!(
        classify_numeric("3个1"),
        Some((Kind::Numeric, "3个1".into()))
    );
    // A formula or a code quoted with its head noun is named by the formula or code.
    assert_eq!(
        classify_numeric("1+3+N模式"),
        Some((Kind::Numeric, "1+3+N".into()))
    );
    assert_eq!(
        classify_numeric("1446城市基层党建体系"),
        Some((Kind::Numeric, "1446".into()))
    );
    // …but not a long description that ends in no head noun, nor one too long.
    assert_eq!(classify_numeric("1446城市基层党建为民"), None);
    assert_eq!(classify_numeric("1+3+N城市基层党建引领基层治理体系"), None);
    assert_eq!(
        classify_numeric("1+3+N个"),
        Some((Kind::Numeric, "1+3+N".into()))
    );
    assert_eq!(classify_numeric("24小时不打烊"), None);
    assert_eq!(
        classify_numeric("3+"),
        Some((Kind::Numeric, "3+".to_string()))
    );
    assert_eq!(classify_numeric("3+2+"), None);
    assert_eq!(classify_numeric("2020年"), None);
}

#[test]
fn shapes() {
    assert_eq!(shape(Kind::Numeric, "1+5+N"), "1+k+N");
    assert_eq!(shape(Kind::Numeric, "1+2+N"), "1+k+N");
    assert_eq!(shape(Kind::Numeric, "136"), "###");
    assert_eq!(shape(Kind::NumeralCompound, "六联六促"), "{6}联{6}促");
    assert_eq!(shape(Kind::NumeralCompound, "两区一中心"), "{2}区{1}中心");
    assert_eq!(shape(Kind::Plus, "党建+文化"), "党建+X");
    assert_eq!(shape(Kind::Plus, "党建+"), "党建+");
}

#[test]
fn patterns() {
    let p = |k: Kind, n: &str| pattern(k, &shape(k, n));
    // 三化三促 and 三化三治: same numerals (3, 3), same first morpheme 化 → one family.
    assert_eq!(p(Kind::NumeralCompound, "三化三促"), "{3}化{3}*");
    assert_eq!(p(Kind::NumeralCompound, "三化三治"), "{3}化{3}*");
    assert_eq!(p(Kind::NumeralCompound, "六联六促"), "{6}联{6}*");
    assert_eq!(p(Kind::NumeralCompound, "两区一中心"), "{2}区{1}*");
    // One numeral group, or numerals only in front: the shape itself.
    assert_eq!(p(Kind::NumeralCompound, "三治融合"), "{3}治融合");
    assert_eq!(p(Kind::NumeralCompound, "一二三产融合"), "{1}{2}{3}产融合");
    assert_eq!(p(Kind::NumberedList, "两个全覆盖"), "{2}个全覆盖");
    // Digit formulas, X+ and quoted slogans: pattern = shape.
    assert_eq!(p(Kind::Numeric, "1+5+N"), "1+k+N");
    assert_eq!(p(Kind::Plus, "党建+文化"), "党建+X");
    assert_eq!(p(Kind::QuotedSlogan, "红色物业"), "红色物业");
}

#[test]
fn quoted_kinds() {
    let k = |s: &str| classify_quoted(s).map(|r| r.0);
    assert_eq!(k("三个平台"), Some(Kind::NumberedList));
    assert_eq!(k("两区一中心"), Some(Kind::NumeralCompound));
    assert_eq!(k("五星"), Some(Kind::NumeralCompound));
    assert_eq!(k("一管到底"), Some(Kind::QuotedSlogan));
    assert_eq!(k("红色物业"), Some(Kind::QuotedSlogan));
    assert_eq!(k("党建+"), Some(Kind::Plus));
    assert_eq!(k("我们一定办好"), None);
    assert_eq!(k("我要办好"), None);
    assert_eq!(k("我为群众办实事"), Some(Kind::QuotedSlogan));
    // b23: 我们的 + a noun is a title (the national campaign 我们的节日), not speech.
    assert_eq!(k("我们的节日"), Some(Kind::QuotedSlogan));
    assert_eq!(k("我们的工作还要加强"), None);
    // b22: a full stop inside the quotation closes a list of short phrases; a sentence
    // stays one.
    let name = |s: &str| classify_quoted(s).map(|r| r.1);
    assert_eq!(
        name("党组织领、党员带、群众跟。").as_deref(),
        Some("党组织领、党员带、群众跟")
    );
    assert_eq!(k("大家都来参加这次活动。"), None);
    // b23: one digit read as a numeral (“3屏办理” as 三屏办理), unless a unit follows it.
    assert_eq!(k("3屏办理"), Some(Kind::NumeralCompound));
    assert_eq!(k("2条红线"), Some(Kind::NumberedList));
    assert_eq!(k("3天"), Some(Kind::QuotedSlogan));
    // b22, b25: `+` signs lost as spaces by a scraper come back; digits counting up are a
    // code spaced out (b21: “1 2 3 4”); years and prose are neither.
    assert_eq!(name("1 16 n").as_deref(), Some("1+16+n"));
    assert_eq!(name("1 2 6").as_deref(), Some("1+2+6"));
    assert_eq!(name("1 2 3 4").as_deref(), Some("1234"));
    assert_eq!(k("1 2"), None);
    // b23, b25, b26: a long quoted list of parallel phrases is a slogan; speech, a list of
    // numbered formulations, and phrases of unequal length are not.
    assert_eq!(
        k("分组共建聚合力、点面结合解难题、典型回响促深化"),
        Some(Kind::QuotedSlogan)
    );
    assert_eq!(k("有了这个歇脚地，天气再冷，心里也是暖的"), None);
    assert_eq!(
        k("两个确立、做到两个维护、增强四个意识、坚定四个自信"),
        None
    );
    assert_eq!(k("一年一规划、一乡一台账、一人一档册、一人一结对"), None);
    // b83: items graded 一级, 二级, 三级 are one slogan; grades out of turn or with
    // different units are not.
    assert_eq!(
        k("一级网格明责任、二级网格定任务、三级网格抓落实"),
        Some(Kind::QuotedSlogan)
    );
    assert_eq!(k("一级网格明责任、三级网格定任务、二级网格抓落实"), None);
    assert_eq!(k("一级网格明责任、二层网格定任务、三级网格抓落实"), None);
    assert_eq!(k("党建引领、基层治理、全面推进乡村振兴战略实施"), None);
    assert_eq!(name("2020 2021 2022").as_deref(), None);
    assert_eq!(k("亲"), None);
    // A comma doubled before another mark by a scraper is dropped from the name.
    let name = |s: &str| classify_quoted(s).map(|r| r.1);
    assert_eq!(name("人,、治,、物、效").as_deref(), Some("人、治、物、效"));
    assert_eq!(
        name("周例会,、月调度、季评比").as_deref(),
        Some("周例会、月调度、季评比")
    );
    assert_eq!(
        name("比学赶超,创先争优").as_deref(),
        Some("比学赶超,创先争优")
    );
}
