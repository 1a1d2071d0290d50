//! Cleaning: turns the raw text of a document into clean, Simplified, de-duplicated text
//! that the analyses read, reports what it changed, and keeps offsets back into the raw text.
//!
//! INTERFACE (fixed; the implementation is being written).

use crate::offsets::OffsetMap;
use std::ops::Range;

/// Which steps run (all on by default).
#[derive(Debug, Clone)]
pub struct CleanOptions {
    /// Full-width digits/Latin/`＋` to ASCII, whitespace normalised.
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
    /// Characters changed from full-width to ASCII.
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
    /// Lines kept but identified as bylines or photo captions.
    pub captions: usize,
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

/// Cleans one document's raw text (placeholder until the cleaner lands).
pub fn clean(raw: &str, opts: &CleanOptions) -> Cleaned {
    let _ = opts;
    Cleaned {
        text: raw.to_string(),
        paragraphs: std::iter::once(0..raw.len()).collect(),
        map: OffsetMap::identity(),
        script: Script::Unknown,
        report: CleanReport::default(),
    }
}
