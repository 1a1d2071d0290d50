//! The unquoted rules ([`unquoted::at`]) at one trigger of a text, on a small window of
//! characters decoded around it instead of a table of the whole text.
//!
//! Two facts about the rules make this exact:
//!
//! * [`may_open`] states necessary conditions of a match, read from the trigger's
//!   neighbours: most triggers (一 in 进一步, the digits of 2020年) fail them and need no
//!   window at all.
//! * The rules look at most 5 characters back (a `+` formula's 4 characters and the one
//!   before), and forward they scan runs of Han characters, ASCII letters and digits and
//!   `+`, and compare words made of Han characters. They stop at the first other character
//!   (a *stop*: punctuation, a space, a line break), past which only the 融合 of 一二三产融合
//!   reaches, 3 characters. A window from 8 characters before the trigger to 8 past the
//!   first stop after it (or the text's ends) sees all the rules see.
//!
//! A window longer than [`MAX_WINDOW`] (a long run without a stop) is not decoded: the rules
//! then run on a table of the whole text, decoded once per text, so that no text costs more
//! than one table whatever its runs.

use super::classify::{is_han, CLASSIFIERS};
use super::numerals::{digit_value, is_numeral};
use super::unquoted::{self, ACTIONS};
use super::Kind;

/// Characters of the window before the trigger (the rules look at 5 at most).
const BACK: usize = 8;

/// Characters of the window past the first stop after the trigger (the rules look at 3 at
/// most).
const PAST_STOP: usize = 8;

/// The longest window decoded, in characters.
const MAX_WINDOW: usize = 256;

/// True for a character at which the forward scans of the rules stop.
fn is_stop(c: char) -> bool {
    !(is_han(c) || c.is_ascii_alphanumeric() || c == '+')
}

/// False when the unquoted rules cannot match at the trigger at byte `p` of `text` (a
/// character boundary), judged from the neighbouring characters alone.
///
/// Each condition is one the rules of [`unquoted::at`] require before they can return a
/// match: a digit formula needs a `+` after its digits, a `+` formula a Han character
/// before the `+`, 第 a numeral and 个 after it; a numeral needs a numeral two or three
/// characters on (runs 一二三, alternations 一村一品, 三会一课), 一 may have 多 two on (一核
/// 多点) or, when not 一, a classifier
/// or 级 or 年 after it (四大体系, 四级组织架构, 三年行动) or a joint-action verb from the second character on (三治融合).
pub(super) fn may_open(text: &str, p: usize) -> bool {
    let (Some(before), Some(rest)) = (text.get(..p), text.get(p..)) else {
        return false;
    };
    let prev = before.chars().next_back();
    let mut next = rest.chars();
    let Some(c) = next.next() else {
        return false;
    };
    if c.is_ascii_digit() {
        if prev.is_some_and(|x| x.is_ascii_alphanumeric() || x == '+' || x == '.') {
            return false;
        }
        return rest.bytes().find(|b| !b.is_ascii_digit()) == Some(b'+');
    }
    if c == '+' {
        // Plain, or a function word inside a word (问题导向+深入一线: 向 of 导向), or a
        // Latin term (5G+智慧农业).
        return prev.is_some_and(|x| is_han(x) || x.is_ascii_alphanumeric());
    }
    let (n1, n2, n3) = (next.next(), next.next(), next.next());
    if c == '第' {
        return n1.is_some_and(is_numeral) && n2 == Some('个');
    }
    if !is_numeral(c) || prev.is_some_and(|x| digit_value(x).is_some() || x == '第') {
        return false;
    }
    n2.is_some_and(is_numeral)
        || n3.is_some_and(is_numeral)
        || (c == '一' && n2 == Some('多'))
        || (c != '一'
            && (n1.is_some_and(|x| CLASSIFIERS.contains(&x) || x == '级' || x == '年')
                || n2.is_some_and(|x| ACTIONS.iter().any(|a| a.starts_with(x)))))
}

/// The rules at the triggers of one text, with the buffers they reuse.
#[derive(Debug)]
pub(super) struct Local<'t> {
    text: &'t str,
    /// The window: `(byte offset, char)` of its characters.
    window: Vec<(u32, char)>,
    /// The table of the whole text, once a window was too long.
    full: Option<Vec<(u32, char)>>,
}

impl<'t> Local<'t> {
    /// The rules over `text` (shorter than 4 GiB).
    pub(super) fn new(text: &'t str) -> Local<'t> {
        Local {
            text,
            window: Vec::new(),
            full: None,
        }
    }

    /// [`unquoted::at`] at the trigger at byte `p` (a character boundary), as it would
    /// answer on the table of the whole text; `(start, end, kind)` in bytes.
    pub(super) fn at(&mut self, p: usize) -> Option<(usize, usize, Kind)> {
        if !may_open(self.text, p) {
            return None;
        }
        let text = self.text;
        let mut start = p;
        for c in text.get(..p)?.chars().rev().take(BACK) {
            start -= c.len_utf8();
        }
        self.window.clear();
        let mut trigger = 0;
        // Characters taken since the first stop after the trigger.
        let mut past: Option<usize> = None;
        for (off, c) in text.get(start..)?.char_indices() {
            let at = start + off;
            if at == p {
                trigger = self.window.len();
            }
            if self.window.len() == MAX_WINDOW {
                return self.at_in_full(p);
            }
            self.window.push((at as u32, c));
            if at > p {
                past = match past {
                    None if is_stop(c) => Some(0),
                    None => None,
                    Some(k) => Some(k + 1),
                };
                if past == Some(PAST_STOP) {
                    break;
                }
            }
        }
        let end = self
            .window
            .last()
            .map_or(start, |&(b, c)| b as usize + c.len_utf8());
        let (s, e, kind) = unquoted::at(&self.window, trigger, text.get(..p)?)?;
        let byte = |k: usize| self.window.get(k).map_or(end, |c| c.0 as usize);
        Some((byte(s), byte(e), kind))
    }

    /// [`Local::at`] on the table of the whole text (decoded on first use).
    fn at_in_full(&mut self, p: usize) -> Option<(usize, usize, Kind)> {
        let text = self.text;
        let full = self.full.get_or_insert_with(|| {
            text.char_indices()
                .map(|(b, c)| (b as u32, c))
                .collect::<Vec<_>>()
        });
        let i = full.partition_point(|c| (c.0 as usize) < p);
        let (s, e, kind) = unquoted::at(full, i, text.get(..p)?)?;
        let byte = |k: usize| full.get(k).map_or(text.len(), |c| c.0 as usize);
        Some((byte(s), byte(e), kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reference: the rules on the table of the whole text.
    fn at_full(text: &str, p: usize) -> Option<(usize, usize, Kind)> {
        let chars: Vec<(u32, char)> = text.char_indices().map(|(b, c)| (b as u32, c)).collect();
        let i = chars.iter().position(|c| c.0 as usize == p)?;
        let (s, e, kind) = unquoted::at(&chars, i, text.get(..p)?)?;
        let byte = |k: usize| chars.get(k).map_or(text.len(), |c| c.0 as usize);
        Some((byte(s), byte(e), kind))
    }

    fn agree(text: &str) -> Result<(), TestCaseError> {
        let mut local = Local::new(text);
        for (p, c) in text.char_indices() {
            if super::super::scan::TRIGGERS.contains(&c) {
                let want = at_full(text, p);
                if want.is_some() {
                    prop_assert!(may_open(text, p), "may_open at {} of {:?}", p, text);
                }
                prop_assert_eq!(local.at(p), want, "at {} of {:?}", p, text);
            }
        }
        Ok(())
    }

    #[test]
    fn windows_and_long_runs() -> Result<(), TestCaseError> {
        agree("推动一二三\n融合发展,一二三产业融合,建立党建活动、奖惩等四大体系,")?;
        // The farthest look past a stop: 融合 one character after it (一二三,产融合).
        agree("一二三,产融合")?;
        agree("一二三。融合,")?;
        agree("完善四大体系,严格落实中央八项规定精神,向第二个百年奋斗目标进军。")?;
        agree("党建+文化+旅游+生态,1+5+N,三治融合,四体共创,五级联动体系,三员结对包企,")?;
        agree("一村一品,三会一课,三培养三引领,一心一意,一年一度")?;
        // Runs longer than a window: the whole text's table.
        let long = "三个".repeat(200) + "全覆盖。" + &"一二三四五六七八九十".repeat(40) + "产业";
        agree(&long)?;
        let digits = "1".repeat(300) + "+5+N" + &"+文化".repeat(100);
        agree(&digits)?;
        agree(&("党建".repeat(150) + "+文化"))
    }

    proptest! {
        #[test]
        fn window_equals_whole_table(
            text in "[一二三两双十第个大项件条中央治融合联动体系产业目标精神建设村品心意年党文化物业，,。、 \n“”+.0-9NaX🙂é]{0,40}"
        ) {
            agree(&text)?;
        }
    }
}
