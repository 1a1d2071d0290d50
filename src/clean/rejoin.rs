//! Step 6: paragraphs broken mid-sentence (at a page or column break) are rejoined.
//!
//! A paragraph `P` is continued by the next paragraph `Q` when `P` is running prose cut
//! short — it holds a clause break (`，` `,` `；` `;`), does not end with final
//! punctuation, and is no byline or caption — and `Q` is prose that starts in the middle
//! of a sentence — it starts with a Han character, digit or letter (not an opening quote,
//! dash or bracket), and holds a clause break or ends with final punctuation. Headings
//! (`三点发力` / `唱响乡村振兴“最强音”`) hold no clause break, so they are never joined;
//! nor are headings of two parallel halves (`坚持党建引领,充分整合资源`), other short
//! headings of two or three clauses (`利用红色资源,提升党史学习教育吸引力`) or a short
//! paragraph before an entry that opens with a label and a colon (`网格化摸底排查制度:…`).
//! The test depends only on the two texts, so joining is idempotent; chains are joined.

use super::chars::{ends_final, is_clause, is_han};
use super::lines::{is_byline, is_caption};
use super::pinyin::gloss_len;
use super::{rebuild, CleanReport, Stage};
use std::ops::Range;

/// The shortest paragraph (in characters) that can be continued.
const MIN_HEAD: usize = 6;
/// Numbered lines up to this many characters are headings (`（一）巩固壮大实体经济根基，
/// 纵深推进产业强省建设` in the provincial reports), never cut prose.
const MAX_NUMBERED_HEADING: usize = 50;

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十百".contains(c)
}

/// True when `s` starts with an enumeration marker: `（一）` `(1)` `一、` `一是` "first is"
/// `1.` `1、` `①`.
pub(crate) fn is_numbered(s: &str) -> bool {
    let mut cs = s.chars().peekable();
    let Some(&first) = cs.peek() else {
        return false;
    };
    if ('①'..='⑳').contains(&first) {
        return true;
    }
    let bracket = matches!(first, '（' | '(' | '［' | '[');
    if bracket {
        cs.next();
    }
    let mut n = 0;
    while cs.peek().is_some_and(|&c| is_numeral(c)) {
        cs.next();
        n += 1;
    }
    if n == 0 {
        return false;
    }
    match cs.next() {
        Some('）' | ')' | '］' | ']') => bracket,
        Some('、' | '是') => !bracket,
        Some('.' | '．') => !bracket && !cs.peek().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Labels of the fields of a journal article's front matter, whose line is a list, never
/// prose cut short: `关键词:“党建+”;城市社区;精细化治理` is not continued by the first
/// paragraph of the article. In both scripts, as rejoining runs before Traditional text is
/// simplified.
const FIELD_LABELS: [&str; 17] = [
    "关键词",
    "关键字",
    "中图分类号",
    "文献标识码",
    "文献标志码",
    "文章编号",
    "基金项目",
    "作者简介",
    "關鍵詞",
    "關鍵字",
    "中圖分類號",
    "文獻標識碼",
    "文獻標志碼",
    "文章編號",
    "基金項目",
    "作者簡介",
    "DOI",
];

/// True when `line` is a front-matter field: one of [`FIELD_LABELS`], perhaps in brackets
/// (`［关键词］`, `【关键词】`, `〔关键词〕`), then the value.
fn is_field(line: &str) -> bool {
    let l = line.trim_start_matches(['［', '[', '【', '〔']);
    FIELD_LABELS.iter().any(|f| l.starts_with(f))
}

/// True when the paragraph made of the `pieces` of `text` is prose cut short.
fn is_cut(text: &str, pieces: &[Range<usize>]) -> bool {
    let piece = |r: &Range<usize>| text.get(r.clone()).unwrap_or("");
    let Some(last) = pieces.last().map(piece) else {
        return false;
    };
    if ends_final(last) {
        return false;
    }
    let n: usize = pieces.iter().map(|p| piece(p).chars().count()).sum();
    if n < MIN_HEAD || !pieces.iter().any(|p| piece(p).chars().any(is_clause)) {
        return false;
    }
    if n <= MAX_NUMBERED_HEADING && pieces.first().is_some_and(|p| is_numbered(piece(p))) {
        return false;
    }
    if pieces.first().is_some_and(|p| is_field(piece(p))) {
        return false;
    }
    let whole;
    let s: &str = if pieces.len() == 1 {
        last
    } else {
        whole = pieces.iter().map(piece).collect::<String>();
        &whole
    };
    !(is_byline(s) || is_caption(s))
}

/// True when `q` reads as the rest of a sentence.
fn is_continuation(q: &str) -> bool {
    let Some(c) = q.chars().next() else {
        return false;
    };
    (is_han(c) || c.is_ascii_alphanumeric())
        && (q.chars().any(is_clause) || ends_final(q))
        && !is_byline(q)
        && !is_caption(q)
}

/// A paragraph of at most this many characters followed by a labelled paragraph
/// ([`opens_with_label`]) is a heading, not prose cut short: `执行“四制度”,融合“四中心”`
/// before `网格化摸底排查制度:…`.
const SHORT_HEADING: usize = 20;
/// The longest label, in characters, before the colon that opens a paragraph.
const LABEL_MAX: usize = 12;

/// True when `q` opens with a label of Han characters and a colon (`网格化摸底排查制度:`,
/// `联席会议制度：`): an entry of a list, which starts a sentence of its own.
fn opens_with_label(q: &str) -> bool {
    q.chars()
        .take(LABEL_MAX + 1)
        .position(|c| c == '：' || c == ':')
        .is_some_and(|p| p >= 2 && q.chars().take(p).all(is_han))
}

/// True when `p` is a heading of two parallel halves, as long as each other (4–10
/// characters, one clause break between them): `坚持党建引领,充分整合资源`, `执行“四制度”,
/// 融合“四中心”`. A page break rarely cuts prose right at the end of a second clause as
/// long as the first.
fn is_paired_heading(p: &str) -> bool {
    let mut halves = p.split(is_clause);
    let (Some(a), Some(b), None) = (halves.next(), halves.next(), halves.next()) else {
        return false;
    };
    let (a, b) = (a.chars().count(), b.chars().count());
    a == b && (4..=10).contains(&a)
}

/// The most characters of a heading of clauses ([`is_clause_heading`]).
const CLAUSE_HEADING: usize = 30;
/// The most characters of one clause of such a heading.
const HEADING_CLAUSE: usize = 16;

/// Characters that end no heading: particles, prepositions, conjunctions and pronouns,
/// after which a page break cut the sentence (…,把支 / 持外出务工人员…). Both scripts.
const OPEN_ENDS: &str = "的了和与與及在把对對为為将將被从從向等并並而或是这這那其之于於以给給让讓使由据據如若但且还還也都又就才很最更较較各每该該此我你他她它们們";

/// Words that open a clause going on from the one before, never a heading's half (以及乡村
/// / 治理中的…, 并有机会…).
const JOINING_OPENERS: [&str; 10] = ["以及", "并", "並", "和", "而", "且", "但", "或", "及", "与"];

/// True when `p` is a heading of two or three clauses (`利用红色资源,提升党史学习教育吸引力`,
/// `高标准,严要求,选好当家人`): at most [`CLAUSE_HEADING`] characters, each clause 2 to
/// [`HEADING_CLAUSE`] characters and the last at least 4, quotation marks and brackets
/// balanced, no 的 outside quotations, no full stop, semicolon, 、 or bracket, no clause opening with a
/// conjunction, and no [`OPEN_ENDS`] character at the end. Prose cut by a page break fails
/// one of these: it runs longer, has a 的 or a list, or stops mid-word (…,逐一签 / 字).
fn is_clause_heading(p: &str) -> bool {
    let n = p.chars().count();
    if n > CLAUSE_HEADING
        || p.contains([
            '。', '！', '？', '、', '；', ';', '(', '（', ')', '）', '《', '》', '…', '—',
        ])
        || p.ends_with(|c: char| OPEN_ENDS.contains(c))
    {
        return false;
    }
    let opens = p.matches(['“', '‘', '「', '『', '〝']).count();
    if opens != p.matches(['”', '’', '」', '』', '〞']).count() || p.matches('"').count() % 2 == 1
    {
        return false;
    }
    // 的 outside quotations (资源共享,从“单一学习”到“行走的课堂”: the quoted 的 is a name's).
    let mut depth = 0i32;
    for c in p.chars() {
        match c {
            '“' | '‘' | '「' | '『' | '〝' => depth += 1,
            '”' | '’' | '」' | '』' | '〞' => depth -= 1,
            '的' if depth == 0 => return false,
            _ => {}
        }
    }
    let clauses: Vec<&str> = p.split(is_clause).collect();
    let Some(last) = clauses.last() else {
        return false;
    };
    (2..=3).contains(&clauses.len())
        && last.chars().count() >= 4
        && clauses.iter().all(|c| {
            (2..=HEADING_CLAUSE).contains(&c.chars().count())
                && !JOINING_OPENERS.iter().any(|j| c.starts_with(j))
        })
}

/// True when joining `p` and `q` would make a pinyin gloss across the seam (`创(` +
/// `chuàng)新`): glosses are removed before rejoining, so a second cleaning would remove
/// it and cleaning would not be idempotent (found by the clean_idempotent fuzz target).
/// Toneless glosses (`(` + `wen)`) count too, whether or not the document has them: the
/// second cleaning may decide otherwise.
fn makes_gloss(p: &str, q: &str) -> bool {
    // A gloss has at most 7 letters: only a bracket among the last 8 characters can open
    // one, so only they are searched (not the whole paragraph, backwards char by char).
    let from = p.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    let Some(open) = p[from..].rfind(['(', '（']) else {
        return false;
    };
    let tail = &p[from + open..];
    if tail.chars().count() > 8 {
        return false;
    }
    let head: String = q.chars().take(9).collect();
    gloss_len(&format!("{tail}{head}"), true, true).is_some_and(|n| n > tail.len())
}

/// Rejoins page-broken paragraphs of `st`, counting joins in `report.rejoined`.
/// Returns `None` when nothing is joined.
pub(crate) fn rejoin(st: &Stage, report: &mut CleanReport) -> Option<Stage> {
    let paras = &st.paras;
    // The paragraphs joined into one are consecutive: each group is a range of indices.
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(paras.len());
    let mut joined = 0;
    for (k, p) in paras.iter().enumerate() {
        let q = &st.text[p.clone()];
        if let Some(g) = groups.last_mut() {
            let pieces = &paras[g.clone()];
            // Cheapest and most selective test first; all three are pure.
            let short = || {
                let chars = pieces.iter().map(|p| st.text[p.clone()].chars().count());
                chars.sum::<usize>() <= SHORT_HEADING
            };
            let heading = || {
                let whole: String = pieces.iter().map(|p| &st.text[p.clone()]).collect();
                is_paired_heading(&whole) || is_clause_heading(&whole)
            };
            if is_cut(&st.text, pieces)
                && is_continuation(q)
                && !pieces
                    .last()
                    .is_some_and(|p| makes_gloss(&st.text[p.clone()], q))
                && !(opens_with_label(q) && short())
                && !heading()
            {
                g.end = k + 1;
                joined += 1;
                continue;
            }
        }
        groups.push(k..k + 1);
    }
    if joined == 0 {
        return None;
    }
    report.rejoined += joined;
    Some(rebuild(st, groups.into_iter().map(|g| &paras[g])))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_cut`] of the paragraph made of `pieces`.
    fn cut(pieces: &[&str]) -> bool {
        let text = pieces.concat();
        let mut at = 0;
        let ranges: Vec<Range<usize>> = pieces
            .iter()
            .map(|p| {
                at += p.len();
                at - p.len()..at
            })
            .collect();
        is_cut(&text, &ranges)
    }

    #[test]
    fn a_short_heading_stays_apart_from_what_follows() {
        let raw = "执行“四制度”,融合“四中心”\n网格化摸底排查制度:综治中心每周会对各村上报的隐患登记造册,建立数据库。\n";
        let c = crate::clean::clean(raw, &crate::clean::CleanOptions::default());
        assert_eq!(c.paragraphs.len(), 2, "{}", c.text);
        assert_eq!(c.report.rejoined, 0);
        // A longer paragraph cut short is still continued, label or not.
        let raw = "牛栏江镇共设立人民调解委员会等基层调解组织18个,拥有人民调解员48人,并且\n建立制度:每周一次,每月一评。\n";
        let c = crate::clean::clean(raw, &crate::clean::CleanOptions::default());
        assert_eq!(c.paragraphs.len(), 1, "{}", c.text);
        // A heading of two parallel halves before prose.
        let raw = "坚持党建引领,充分整合资源\n通过“书记抓,抓书记”,凝心聚力打造共治格局。\n";
        let c = crate::clean::clean(raw, &crate::clean::CleanOptions::default());
        assert_eq!(c.paragraphs.len(), 2, "{}", c.text);
        assert!(is_paired_heading("执行“四制度”,融合“四中心”"));
        assert!(!is_paired_heading("建强支点,健全保障措施。选优配强村,对包"));
        assert!(!is_paired_heading(
            "全区共有党员1.3万余名,党组织530个,党建工作面临"
        ));
        assert!(opens_with_label("联席会议制度：矛调中心、信访接待中心"));
        assert!(!opens_with_label("坚持问题导向,做到:"));
        assert!(!opens_with_label(":开头"));
    }

    #[test]
    fn headings_of_clauses_stay_apart_and_cut_prose_is_joined() {
        // b60: section headings of two clauses before their paragraphs.
        let raw = "利用紅色資源,提升黨史學習教育吸引力\n挖掘好紅色資源。利用自貢市烈士陵園等陳列館改陳布展之機,充分挖掘。\n";
        let c = crate::clean::clean(raw, &crate::clean::CleanOptions::default());
        assert_eq!(c.paragraphs.len(), 2, "{}", c.text);
        assert!(is_clause_heading("高標準,嚴要求,選好當家人"));
        assert!(is_clause_heading("资源共享,从“单一学习”到“行走的课堂”"));
        assert!(is_clause_heading("提升“三力”,推动残疾人事业健康发展"));
        // Prose cut mid-word or mid-list: a short last clause, a 的, a semicolon, an open
        // quotation, a clause going on with 以及, a preposition at the end.
        assert!(!is_clause_heading("在分红现场,居民们有序排队,逐一签"));
        assert!(!is_clause_heading("2025年,孝南区受理的"));
        assert!(!is_clause_heading(
            "修订过程中,梳理不同村庄曾经出现的问题,以及乡村"
        ));
        assert!(!is_clause_heading(
            "子牵头,第一次由村里组织群众讨论进行修改;第二次是组"
        ));
        assert!(!is_clause_heading(
            "针对机关党组织负责人,依据“职责履行、工作规划、整改"
        ));
        assert!(!is_clause_heading("修订过程中,梳理问题,以及乡村治理"));
        assert!(!is_clause_heading("省委省政府认真贯彻中央决策部署,把"));
        assert!(!is_clause_heading("党建引领"));
        let raw =
            "在分红现场,居民们有序排队,逐一签\n字,按手印,社区干部有条不紊地为大家发放分红。\n";
        let c = crate::clean::clean(raw, &crate::clean::CleanOptions::default());
        assert_eq!(c.paragraphs.len(), 1, "{}", c.text);
    }

    #[test]
    fn cut_and_continuation() {
        assert!(cut(&["建强支点,健全保障措施。选优配强村,对包"]));
        assert!(is_continuation(
            "联点各项工作承担连带责任,推进各村工作扎实推进。"
        ));
        assert!(!cut(&["三点发力"]));
        // Front matter of a journal article: a list of keywords, not prose.
        assert!(!cut(&["关键词:“党建+”;城市社区;精细化治理"]));
        assert!(!cut(&["【关键词】基层党建;基层治理"]));
        assert!(!cut(&["關鍵詞:“黨建+”;城市社區;精細化治理"]));
        assert!(!is_continuation("唱响乡村振兴“最强音”"));
        assert!(!cut(&["党建赋能发展,生活幸福安康。"]));
        assert!(!is_continuation("“今天来领钱,心里特别高兴。”"));
        assert!(!cut(&["（一）巩固壮大实体经济根基，纵深推进产业强省建设"]));
        assert!(!cut(&[
            "一、一年接着一年干，新福建建设持续取得新进展新成效"
        ]));
        assert!(is_numbered("1.为新生儿") && is_numbered("(3)") && is_numbered("二是"));
        assert!(!is_numbered("1.3万余名") && !is_numbered("2023年,") && !is_numbered("(社区)"));
    }

    #[test]
    fn no_join_makes_a_gloss() {
        assert!(makes_gloss("鼓励创(", "chuàng)新。"));
        assert!(makes_gloss("鼓励创(chuà", "ng)新。"));
        // A toneless gloss counts too: a second cleaning may find the document full of them.
        assert!(makes_gloss("鼓励创(", "chuang)新。"));
        assert!(!makes_gloss("鼓励创(", "GDP)新。"));
        assert!(!makes_gloss("村(社区", "居民)参加。"));
        assert!(!makes_gloss("鼓励创新,", "推进工作。"));
    }

    /// The definition: the last bracket of the whole paragraph, found by a backward scan.
    fn makes_gloss_by_whole_scan(p: &str, q: &str) -> bool {
        let Some(open) = p.rfind(['(', '（']) else {
            return false;
        };
        let tail = &p[open..];
        if tail.chars().count() > 8 {
            return false;
        }
        let head: String = q.chars().take(9).collect();
        gloss_len(&format!("{tail}{head}"), true, true).is_some_and(|n| n > tail.len())
    }

    proptest::proptest! {
        #[test]
        fn bounded_bracket_search_agrees_with_the_whole_scan(
            p in "[创新(（a ，。]{0,12}[(（]?(c|chu|chuà|chuàn)?",
            q in "(|g|àng|ng|uàng)[)）]?[新(（a ，。]{0,4}",
        ) {
            proptest::prop_assert_eq!(makes_gloss(&p, &q), makes_gloss_by_whole_scan(&p, &q));
        }
    }
}
