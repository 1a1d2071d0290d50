//! Which tokens count as words, and which words are kept as terms.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::hash::FxBuild;
use crate::error::{Error, Result};

/// The built-in stopword list, `data/stopwords.txt` (written for tifa; see its header).
pub const BUILTIN_STOPWORDS: &str = include_str!("../../data/stopwords.txt");

/// A stopword list: one word per line, blank lines and `#` comments skipped.
#[derive(Debug, Clone)]
pub struct Stopwords {
    words: HashSet<String, FxBuild>,
    /// Names this list (a clone has its words, so its id): a fresh one for every list
    /// built, so that verdicts remembered for one list are never taken for another.
    id: u64,
}

/// Ids of stopword lists; a fresh one for every [`Stopwords::parse`].
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl Default for Stopwords {
    /// An empty list.
    fn default() -> Self {
        Stopwords::parse("")
    }
}

impl Stopwords {
    /// The built-in list.
    pub fn builtin() -> Stopwords {
        Stopwords::parse(BUILTIN_STOPWORDS)
    }

    /// Parses a list from text.
    pub fn parse(text: &str) -> Stopwords {
        let words = text
            .lines()
            .map(|l| l.trim().trim_start_matches('\u{feff}'))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        Stopwords {
            words,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Reads a list from a UTF-8 file (`--stopwords FILE`, which replaces the built-in list).
    pub fn from_file(path: &Path) -> Result<Stopwords> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::at_offset(
                path,
                e.utf8_error().valid_up_to() as u64,
                "stopword list is not valid UTF-8",
            )
        })?;
        Ok(Stopwords::parse(&text))
    }

    /// Whether `word` is on the list.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Number of words on the list.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The term filter applied after segmentation.
#[derive(Debug, Clone)]
pub struct TermFilter {
    /// The stopword list (built-in by default).
    pub stopwords: Stopwords,
    /// Keep stopwords (`--keep-stopwords`).
    pub keep_stopwords: bool,
    /// Minimum length of a term in characters, not bytes (`--min-chars`, default 2).
    pub min_chars: usize,
    /// Keep only tokens whose jieba POS tag is in this set (`--pos n,v,vn`); `None` keeps all.
    pub pos: Option<BTreeSet<String>>,
}

impl Default for TermFilter {
    fn default() -> Self {
        TermFilter {
            stopwords: Stopwords::builtin(),
            keep_stopwords: false,
            min_chars: 2,
            pos: None,
        }
    }
}

/// True for a word token: one with at least one letter or digit (any script). Whitespace and
/// punctuation tokens are not words and are not counted anywhere.
pub fn is_word(token: &str) -> bool {
    // Fast paths for the two common cases (ASCII, CJK Unified Ideographs) before the general
    // Unicode tables, which cost a table search per character.
    token.chars().any(|c| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            match c {
                '\u{4e00}'..='\u{9fff}' => true,
                // General Punctuation, CJK punctuation (、。《》【】…) and full-width
                // punctuation (，！：；？): no letters or digits in these ranges.
                '\u{2000}'..='\u{206f}'
                | '\u{3000}'..='\u{3004}'
                | '\u{3008}'..='\u{3020}'
                | '\u{ff01}'..='\u{ff0f}'
                | '\u{ff1a}'..='\u{ff20}' => false,
                _ => c.is_alphanumeric(),
            }
        }
    })
}

/// Characters of the magnitude or approximation that joins a unit after a number
/// (3亿元, 20余万人次, 5万多户): 十, 百, 千, 万, 亿, 余 ("more than"), 多 ("more than"); and
/// the digits of a count written in Chinese numerals, which jieba keeps with its classifier
/// (一批 285 times on the reports, 三次, 六项).
const AMOUNT_PREFIX: [char; 17] = [
    '十', '百', '千', '万', '亿', '余', '多', '一', '二', '三', '四', '五', '六', '七', '八', '九',
    '两',
];

/// The digits among [`AMOUNT_PREFIX`]: a count of them and a classifier is a count (一批,
/// 三次, 六项), except before 方, where it names sides (三方, 四方: 三方联动).
const DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '两'];

/// Units of measure and classifiers that follow a magnitude in the amounts of the genre's
/// reports (counted on the 29 provincial reports of 2026: 亿元 336, 万人 155, 万亩 147, 万户
/// 89, 万吨 68, 万人次 66, 万千瓦 43 …). Time units are not here: 百年, 十年, 千年 are words.
const AMOUNT_UNITS: [&str; 40] = [
    "元",
    "人",
    "人次",
    "户",
    "个",
    "名",
    "家",
    "套",
    "辆",
    "件",
    "项",
    "次",
    "场",
    "场次",
    "座",
    "台",
    "所",
    "处",
    "条",
    "批",
    "吨",
    "亩",
    "斤",
    "方",
    "克",
    "千克",
    "千瓦",
    "千瓦时",
    "公里",
    "平方米",
    "平方公里",
    "标箱",
    "标准箱",
    "艘",
    "架",
    "间",
    "张",
    "株",
    "头",
    "只",
];

/// Units of measure of two or more characters, which stand for an amount even without a
/// magnitude (3公里, 120千瓦, 50平方米, 2000人次, 0.5个百分点).
const MEASURE_UNITS: [&str; 10] = [
    "百分点",
    "人次",
    "场次",
    "公里",
    "千瓦",
    "千瓦时",
    "平方米",
    "平方公里",
    "千克",
    "标准箱",
];

/// The first characters of the [`MEASURE_UNITS`] that are no magnitude (a test checks the
/// list against them).
const MEASURE_FIRST: [char; 5] = ['人', '场', '公', '平', '标'];

/// True for the unit half of an amount whose number jieba cut off as a token of its own (3 /
/// 亿元, 20 / 余万人次, 5 / 万多户, 3 / 公里), or a count in Chinese numerals (一批, 三次): one
/// or more magnitudes or digits (十百千万亿, 余, 多, 一…九, 两) then a unit or classifier (元,
/// 人, 户, 亩, 吨, 批, 次 …), or a measure unit of two or more characters alone (公里, 人次,
/// 千瓦, 百分点). The number is dropped as a pure number, and so is this half: it names a
/// quantity, not a topic. Not 多元 ("plural"), 多方 ("many sides") or 三方 ("three sides"),
/// nor numerals alone (千万, "by all means"; 十百千万 and 十五五, formulations), nor a count of
/// years (五年, 百年).
pub fn is_amount(token: &str) -> bool {
    // Judged once for each distinct word of each document: most start with neither a
    // magnitude nor a measure unit's first character (MEASURE_FIRST) and are told at once.
    match token.chars().next() {
        Some(c) if AMOUNT_PREFIX.contains(&c) => {}
        Some(c) if MEASURE_FIRST.contains(&c) => return MEASURE_UNITS.contains(&token),
        _ => return false,
    }
    if MEASURE_UNITS.contains(&token) {
        return true;
    }
    // Each split after a run of prefix characters (万千瓦 = 万 + 千瓦, not 万千 + 瓦).
    let mut prefix_end = 0;
    for c in token.chars() {
        if !AMOUNT_PREFIX.contains(&c) {
            break;
        }
        prefix_end += c.len_utf8();
        let (prefix, unit) = token.split_at(prefix_end);
        let plural = prefix == "多" && (unit == "元" || unit == "方");
        let sides = unit == "方" && prefix.chars().all(|c| DIGITS.contains(&c));
        if !plural && !sides && (AMOUNT_UNITS.contains(&unit) || MEASURE_UNITS.contains(&unit)) {
            return true;
        }
    }
    false
}

impl TermFilter {
    /// Whether a word token is kept as a term (POS aside): it has at least one letter (so pure
    /// numbers such as `2026` or `３.５` are dropped; CJK ideographs count as letters), at least
    /// `min_chars` characters, and is neither a stopword nor the unit of an amount
    /// ([`is_amount`]: 亿元, 万人次) unless `keep_stopwords`.
    pub fn keeps(&self, token: &str) -> bool {
        let letter = |c: char| {
            if c.is_ascii() {
                c.is_ascii_alphabetic()
            } else {
                ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_alphabetic()
            }
        };
        if !token.chars().any(letter) {
            return false;
        }
        if self.min_chars > 1 && token.chars().nth(self.min_chars - 1).is_none() {
            return false;
        }
        self.keep_stopwords || !(self.stopwords.contains(token) || is_amount(token))
    }

    /// Names what [`TermFilter::keeps`] decides (the stopword list, `keep_stopwords` and
    /// `min_chars`): filters with the same key keep the same words.
    pub fn key(&self) -> [u64; 3] {
        [
            self.stopwords.id,
            u64::from(self.keep_stopwords),
            self.min_chars as u64,
        ]
    }

    /// Whether a POS tag passes the optional POS filter.
    pub fn keeps_pos(&self, tag: &str) -> bool {
        self.pos.as_ref().is_none_or(|set| set.contains(tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tokens() {
        assert!(is_word("党建"));
        assert!(is_word("2026"));
        assert!(is_word("1+5+N"));
        assert!(!is_word("，"));
        assert!(!is_word(" "));
        assert!(!is_word("——"));
        assert!(!is_word(""));
    }

    #[test]
    fn every_measure_unit_starts_with_a_magnitude_or_a_listed_first_character() {
        for u in MEASURE_UNITS {
            let c = u.chars().next().unwrap_or_default();
            assert!(
                AMOUNT_PREFIX.contains(&c) || MEASURE_FIRST.contains(&c),
                "{u}"
            );
        }
    }

    #[test]
    fn amounts() {
        for t in [
            "亿元",
            "万亿元",
            "多亿元",
            "万人",
            "余万人次",
            "万多户",
            "余名",
            "多名",
            "万亩",
            "十个",
            "千瓦",
            "万千瓦",
            "亿千瓦时",
            "万平方米",
            "万标箱",
            "多个",
            "公里",
            "人次",
            "万公里",
            "百分点",
            "一批",
            "三次",
            "六项",
            "两所",
            "二十条",
        ] {
            assert!(is_amount(t), "{t}");
        }
        for t in [
            "多元",
            "多方",
            "千万",
            "十百千万",
            "百年",
            "十年",
            "个人",
            "人民",
            "平台",
            "公园",
            "万家灯火",
            "亿",
            "十五五",
            "千家万户",
            "三方",
            "四方",
            "一线",
            "一体",
            "三农",
            "两新",
            "三级",
            "五年",
        ] {
            assert!(!is_amount(t), "{t}");
        }
        let f = TermFilter::default();
        assert!(!f.keeps("亿元") && f.keeps("多元"));
        let keep = TermFilter {
            keep_stopwords: true,
            ..TermFilter::default()
        };
        assert!(keep.keeps("亿元"));
    }

    #[test]
    fn filter_rules() {
        let f = TermFilter::default();
        assert!(f.keeps("党建引领"));
        assert!(f.keeps("1+5+N"));
        assert!(!f.keeps("2026"), "pure number");
        assert!(!f.keeps("３.５"), "full-width number");
        assert!(!f.keeps("党"), "one character < min_chars 2");
        assert!(!f.keeps("我们"), "stopword");
        let keep = TermFilter {
            keep_stopwords: true,
            min_chars: 1,
            ..TermFilter::default()
        };
        assert!(keep.keeps("我们") && keep.keeps("党"));
        let three = TermFilter {
            min_chars: 3,
            ..TermFilter::default()
        };
        assert!(!three.keeps("党建") && three.keeps("党支部"));
    }

    #[test]
    fn stopword_lists() {
        let b = Stopwords::builtin();
        assert!(b.len() > 100);
        assert!(b.contains("的") && b.contains("我们") && !b.contains("# tifa"));
        // The enumerators of government reports (一是…十是, 一要…六要) carry no topic; 二要 and
        // 三要 topped the keyness of 内蒙古 on provinces-2026.
        assert!(b.contains("六是") && b.contains("二要") && b.contains("三要"));
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.txt");
        std::fs::write(&p, "\u{feff}# mine\n党建\n\n").unwrap();
        let s = Stopwords::from_file(&p).unwrap();
        assert_eq!(s.len(), 1);
        assert!(s.contains("党建"));
        assert!(Stopwords::from_file(&dir.path().join("none")).is_err());
    }

    #[test]
    fn keys_name_what_is_kept() {
        let f = TermFilter::default();
        assert_eq!(f.clone().key(), f.key(), "a clone keeps the same words");
        let other = TermFilter::default();
        assert_ne!(
            other.key(),
            f.key(),
            "the built-in list parsed again is another list"
        );
        for g in [
            TermFilter {
                keep_stopwords: true,
                ..f.clone()
            },
            TermFilter {
                min_chars: 3,
                ..f.clone()
            },
            TermFilter {
                stopwords: Stopwords::default(),
                ..f.clone()
            },
        ] {
            assert_ne!(g.key(), f.key());
        }
        assert_ne!(Stopwords::default().id, Stopwords::default().id);
    }

    #[test]
    fn pos_filter() {
        let mut f = TermFilter::default();
        assert!(f.keeps_pos("x"));
        f.pos = Some(["n".to_string(), "vn".to_string()].into());
        assert!(f.keeps_pos("vn") && !f.keeps_pos("v"));
    }
}
