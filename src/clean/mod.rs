//! Cleaning: turns the raw text of a document into clean, Simplified, de-duplicated text
//! that the analyses read, reports what it changed, and keeps offsets back into the raw text.
//!
//! [`clean`] runs these steps, in this order (each can be switched off in
//! [`CleanOptions`] and each is counted in [`CleanReport`]):
//!
//! 0. **markup**: HTML and XML tags are removed (a block-level or unknown tag such as
//!    `<p>`, `<br>` or `</contenttitle>` ends a line; `<script>` and `<style>` go with
//!    their content) and character entities decoded (`&nbsp;`, `&amp;lt;`, `&#x4E2D;`), so
//!    that scraped pages do not count `nbsp` or `content` as words ([`markup`]). A text
//!    without `<` and `&` skips it;
//! 1. **lines**: the raw text is split into lines (at `\n`, `\r\n` or a lone `\r`); every
//!    non-empty line is a paragraph
//!    (blank lines separate nothing), trimmed;
//! 2. **non-text lines** are dropped (English masthead lines, lone page codes such as
//!    `T40`, scraped page chrome such as 下载/打印/【字号：…】, site footers such as
//!    版权声明…/京ICP备…, image links); bylines
//!    and photo captions are identified and kept ([`lines`]). First, so that nothing
//!    later reads page furniture as text;
//! 3. **width**: full-width digits, Latin letters and `＋` become ASCII
//!    (`１＋５＋Ｎ` → `1+5+N`; full-width Chinese punctuation `，。：“”` stays), small
//!    punctuation marks their full-width forms (`﹔` → `；`); runs of whitespace become one
//!    space;
//! 4. **pinyin glosses** are removed (`發(fā)展` → `發展`; toneless ones, `文(wen)章(zhang)`,
//!    from a document with at least three of them). Steps 3 and 4 run in one
//!    pass per line, with a fast path that copies lines needing neither; 4 comes before
//!    Traditional → Simplified so that OpenCC sees whole words (`發展`, not `發(fā)展`);
//! 5. **rejoin**: paragraphs broken mid-sentence at page breaks are joined
//!    (a prose paragraph ending mid-sentence and a paragraph continuing it);
//!    5b. straight double quotes are paired into `“…”` in each paragraph with Han
//!    characters and an even number of them (`quotes`, part of the width step);
//! 6. **dedup**: repeated sentences and paragraphs within the document are removed.
//!    Steps 5, 5b and 6 repeat until nothing changes (removing a repeat can bring the two
//!    halves of a broken sentence together, and joining can expose a repeat), so that
//!    cleaning is idempotent;
//! 7. **Traditional → Simplified** (OpenCC `t2s`) if the text is detected as Traditional
//!    ([`detect_script`]); in any other document, its paragraphs that are Traditional in
//!    part (at least two characters and 5 % of the Han characters that `t2s` changes, so
//!    that one 乾 of 乾坤 is left alone). Last, so that the script is detected on exactly the text that
//!    is converted (a second cleaning then detects the same script: idempotent), and so
//!    that the slowest step converts the least text. When it converts, steps 5 and 6 run
//!    again: a Traditional copy of a Simplified passage is a copy only once simplified
//!    (found by the `clean_idempotent` fuzz target).
//!
//! [`dedup_across`] then removes documents and long paragraphs repeated across
//! documents. Every step emits its output through [`MapBuilder`], so
//! [`Cleaned::map`] maps each cleaned byte offset to the raw offset of the same
//! character (for a replaced character, of the character it replaces).

mod chars;
mod cross;
mod dedup;
pub mod lines;
pub mod markup;
mod pinyin;
mod quotes;
mod rejoin;
mod script;
mod t2s_table;
mod width;

pub(crate) use chars::find3;
pub(crate) use cross::key as text_key;
pub use cross::{CrossDedup, CrossDuplicate, DocKeys, Removed, MIN_CROSS_CHARS};
pub use dedup::MIN_DUP_CHARS;
pub use lines::{classify_line, LineKind};
pub use script::detect_script;

use crate::offsets::{MapBuilder, OffsetMap};
use std::ops::Range;

/// Which steps run (all on by default).
#[derive(Debug, Clone)]
pub struct CleanOptions {
    /// Remove HTML/XML tags and decode character entities.
    pub markup: bool,
    /// Full-width digits/Latin/`＋` to ASCII, whitespace normalised, straight double quotes
    /// paired into `“…”` (see the `width` module).
    pub width: bool,
    /// Traditional → Simplified for documents detected as Traditional.
    pub simplify: bool,
    /// Remove pinyin glosses such as `發(fā)`.
    pub pinyin: bool,
    /// Rejoin paragraphs broken mid-sentence at page breaks.
    pub rejoin: bool,
    /// Remove repeated paragraphs and back-to-back repeated sentences.
    pub dedup: bool,
    /// Drop non-text lines (English masthead lines, page codes, scraped page chrome).
    pub drop_nontext: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            markup: true,
            width: true,
            simplify: true,
            pinyin: true,
            rejoin: true,
            dedup: true,
            drop_nontext: true,
        }
    }
}

/// Counts of what each step changed in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanReport {
    /// HTML/XML tags removed and character entities decoded.
    pub markup: usize,
    /// Characters changed from full-width to ASCII, straight double quotes changed to
    /// Chinese ones, and commas doubled by a scraper before another mark removed (`,、`).
    pub width_chars: usize,
    /// Characters changed Traditional → Simplified.
    pub simplified_chars: usize,
    /// Pinyin glosses removed.
    pub pinyin_glosses: usize,
    /// Page-broken paragraph pairs rejoined.
    pub rejoined: usize,
    /// Duplicate paragraphs removed within the document.
    pub dup_paragraphs: usize,
    /// Back-to-back repeated sentences removed.
    pub dup_sentences: usize,
    /// Non-text lines dropped.
    pub dropped_lines: usize,
    /// Lines kept but identified as bylines or photo captions (by their own text, or as
    /// a short line right before or after an image link).
    pub captions: usize,
    /// Paragraphs removed because an earlier document holds the same paragraph
    /// (set by [`dedup_across`]).
    pub cross_dup_paragraphs: usize,
    /// The whole document repeats an earlier one and was emptied (set by
    /// [`dedup_across`]).
    pub cross_dup_document: bool,
}

/// The detected script of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Simplified Chinese.
    Simplified,
    /// Traditional Chinese.
    Traditional,
    /// No (or too little) Han text to tell.
    Unknown,
}

/// A cleaned document.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// Cleaned text: paragraphs separated by `\n`.
    pub text: String,
    /// Byte ranges of the paragraphs in `text`.
    pub paragraphs: Vec<Range<usize>>,
    /// Map from `text` offsets to raw-text offsets.
    pub map: OffsetMap,
    /// The detected script of the raw text.
    pub script: Script,
    /// What was changed.
    pub report: CleanReport,
}

/// Text in the middle of cleaning: the text, its map to the raw text, its paragraphs.
#[derive(Debug, Clone)]
pub(crate) struct Stage {
    text: String,
    map: OffsetMap,
    paras: Vec<Range<usize>>,
}

/// Builds a new stage from `st`: each group of input ranges becomes one paragraph (its
/// pieces concatenated), paragraphs separated by `\n`. Empty groups are skipped.
pub(crate) fn rebuild<'a>(
    st: &Stage,
    groups: impl IntoIterator<Item = &'a [Range<usize>]>,
) -> Stage {
    let mut b = MapBuilder::new(&st.map, st.text.len());
    let mut paras = Vec::with_capacity(st.paras.len());
    let mut prev_end: Option<usize> = None;
    for g in groups.into_iter().filter(|g| !g.is_empty()) {
        if let Some(e) = prev_end {
            if st.text.as_bytes().get(e) == Some(&b'\n') {
                b.push_copy("\n", e);
            } else {
                b.push_replaced("\n", e);
            }
        }
        let start = b.text().len();
        for r in g {
            b.push_copy(&st.text[r.clone()], r.start);
        }
        paras.push(start..b.text().len());
        prev_end = g.last().map(|r| r.end);
    }
    let (text, map) = b.finish();
    Stage { text, map, paras }
}

/// Steps 0–4: markup, lines, non-text lines, width and whitespace, pinyin glosses.
fn lines_stage(
    input: &str,
    input_map: &OffsetMap,
    opts: &CleanOptions,
    report: &mut CleanReport,
) -> Stage {
    let stripped = if opts.markup {
        markup::strip(input, input_map, report)
    } else {
        None
    };
    // The lines' text and its map to the raw text.
    let (raw, raw_map) = match &stripped {
        Some((text, map)) => (text.as_str(), map),
        None => (input, input_map),
    };
    // Trimmed non-empty lines: (byte offset, text, kind).
    let trim = |c: char| chars::is_space(c);
    let mut lines: Vec<(usize, &str, LineKind)> = Vec::new();
    let suspect = lines::may_have_footer_or_spam(raw);
    // Toneless glosses (`文(wen)章(zhang)`) are removed only from a document full of them.
    let toneless = opts.pinyin && pinyin::toneless_glosses(raw);
    let mut at = 0;
    // The lines, split at '\n' and at '\r' by memchr (vectorised; `str::split` tests a word
    // at a time): a lone '\r' ends a line too (old Mac files and some exports use nothing
    // else), and the empty line between the two bytes of "\r\n" is skipped like any other.
    let ends = memchr::memchr2_iter(b'\n', b'\r', raw.as_bytes()).chain([raw.len()]);
    let mut from = 0;
    for end in ends {
        let line = raw.get(from..end).unwrap_or("");
        from = end + 1;
        let start = at;
        at += line.len() + 1;
        let t = line.trim_start_matches(trim);
        let off = start + (line.len() - t.len());
        let t = t.trim_end_matches(trim);
        if !t.is_empty() {
            // Classify the line as it will read after steps 3–4 (`打印(fā)` is chrome), so
            // that cleaning cleaned text drops nothing more.
            // Only a line of few Han characters can turn into chrome (the longest entry,
            // 扫一扫在手机打开当前页, has 11); prose is classified as it is.
            let few_han = t.chars().filter(|&c| chars::is_han(c)).nth(11).is_none();
            let kind = if few_han && width::needs_work(t) {
                let id = OffsetMap::identity();
                let mut scratch = MapBuilder::new(&id, t.len());
                width::normalize_line(
                    t,
                    0,
                    opts,
                    toneless,
                    &mut scratch,
                    &mut CleanReport::default(),
                );
                // Footer markers may appear only once normalised (ＩＣＰ备): test it.
                lines::classify(&scratch.finish().0, true)
            } else {
                lines::classify(t, suspect)
            };
            lines.push((off, t, kind));
        }
    }
    // Non-Han non-text lines (English, page codes) are dropped only when something else is
    // kept: a document of English lines only is left as it is.
    let has_text = lines.iter().any(|l| l.2 != LineKind::NonText);
    let mut b = MapBuilder::new(raw_map, raw.len());
    let mut paras = Vec::with_capacity(lines.len());
    let mut prev_end: Option<usize> = None;
    for (k, &(off, t, kind)) in lines.iter().enumerate() {
        // Page chrome (Han lines such as 相关文档:) goes even from a document without
        // text lines; keeping it there let a later pass join and then drop it, so cleaning
        // was not idempotent (found by the clean_idempotent fuzz target).
        let chrome = t.chars().any(chars::is_han);
        if kind == LineKind::NonText && opts.drop_nontext && (has_text || chrome) {
            report.dropped_lines += 1;
            continue;
        }
        let near_image = |j: Option<usize>| {
            j.and_then(|j| lines.get(j))
                .is_some_and(|l| lines::is_image_link(l.1))
        };
        if matches!(kind, LineKind::Byline | LineKind::Caption)
            || (kind == LineKind::Text
                && (near_image(k.checked_sub(1)) || near_image(Some(k + 1)))
                && t.chars().count() <= 60
                && !chars::ends_final(t))
        {
            report.captions += 1;
        }
        if let Some(e) = prev_end {
            b.push_copy("\n", e);
        }
        let start = b.text().len();
        width::normalize_line(t, off, opts, toneless, &mut b, report);
        paras.push(start..b.text().len());
        // The separator maps to the line's end (a '\n', or a trimmed space).
        prev_end = Some(off + t.len());
    }
    let (text, map) = b.finish();
    Stage { text, map, paras }
}

/// Steps 5 and 6, with 5b: rejoin, dedup and quote pairing until stable (each round
/// removes a paragraph, pairs the quotes of one or more, or stops).
fn settle(mut st: Stage, opts: &CleanOptions, report: &mut CleanReport) -> Stage {
    for _ in 0..64 {
        let mut changed = false;
        if opts.rejoin {
            if let Some(n) = rejoin::rejoin(&st, report) {
                st = n;
                changed = true;
            }
        }
        if opts.dedup {
            if let Some(n) = dedup::dedup(&st, report) {
                st = n;
                changed = true;
            }
        }
        if opts.width {
            if let Some(n) = quotes::pair(&st, report) {
                st = n;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    st
}

/// Cleans one document's raw text: see the module documentation for the steps and
/// their order. Never panics; every step is on by default and counted in the report.
pub fn clean(raw: &str, opts: &CleanOptions) -> Cleaned {
    let mut report = CleanReport::default();
    let id = OffsetMap::identity();
    let (st, script) = clean_from(raw, &id, opts, &mut report);
    let mut c = Cleaned {
        text: st.text,
        paragraphs: st.paras,
        map: st.map,
        script,
        report,
    };
    // Rejoining two lines or removing a sentence between them can bring the halves of a
    // tag or an entity together (`&amp;` + a line `lt;…`): clean again while markup is
    // left, so that cleaning stays idempotent. Only text that had `<` or `&` can have it.
    if opts.markup && markup::may_have_markup(raw) {
        for _ in 0..markup::MAX_ROUNDS {
            if !markup::has_markup(&c.text) {
                break;
            }
            let (st, _) = clean_from(&c.text, &c.map, opts, &mut c.report);
            (c.text, c.paragraphs, c.map) = (st.text, st.paras, st.map);
        }
    }
    c
}

/// The steps of [`clean`] on `input`, whose map to the raw text is `input_map`: the
/// cleaned stage and the detected script.
fn clean_from(
    input: &str,
    input_map: &OffsetMap,
    opts: &CleanOptions,
    report: &mut CleanReport,
) -> (Stage, Script) {
    let mut st = lines_stage(input, input_map, opts, report);
    st = settle(st, opts, report);
    let sample = script::sample(&st.text);
    let script = sample.script();
    // A Traditional document is converted whole; in any other, only its Traditional
    // paragraphs (a headline quoted from a Hong Kong or Taiwan page), so that 三個表率
    // and 三个表率 count as one formulation.
    let convert = match (opts.simplify, script) {
        (false, _) => None,
        (true, Script::Traditional) => Some(None),
        (true, _) => script::traditional_paragraphs(&st, sample).map(Some),
    };
    if let Some(only) = convert {
        if let Some(n) = script::simplify(&st, only.as_deref(), report) {
            // Simplified, a Traditional copy of a Simplified passage is now a copy: rejoin
            // and dedup again (the clean_idempotent fuzz target found a second cleaning
            // removing it otherwise).
            st = settle(n, opts, report);
        }
    }
    (st, script)
}

/// Removes documents and long paragraphs (at least [`MIN_CROSS_CHARS`] characters)
/// that repeat an earlier document's, in document order: the first copy wins, later
/// copies are removed from `text`, `paragraphs` and `map` of their document and
/// returned with the id (`ids[i]` for `docs[i]`, else the index) and paragraph index of
/// the first copy. Counts go to [`CleanReport::cross_dup_paragraphs`] and
/// [`CleanReport::cross_dup_document`].
pub fn dedup_across(docs: &mut [Cleaned], ids: &[String]) -> Vec<CrossDuplicate> {
    cross::dedup_across(docs, ids)
}
