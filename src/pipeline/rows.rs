//! The per-document rows of the reports: a document's summary (`tifa corpus`,
//! `metrics.json`'s `corpus.documents`) and its cleaning report (`tifa clean --report`,
//! `corpus.cleaning`), and [`DocRow`], the one record both are made from, which `tifa report`
//! spills to disk instead of holding a row per document in memory.

use super::spill::Meta;
use super::{script_name, Prepared};
use crate::load::Document;
use serde::Serialize;

/// What the per-document rows of one document are made of: its metadata, cleaning report
/// and sizes (about 200 bytes in the spill file for a document with a few metadata fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRow {
    /// The document's metadata (raw text dropped), raw length, script and cleaning report.
    pub meta: Meta,
    /// Characters after cleaning.
    pub clean_chars: usize,
    /// Paragraphs after cleaning.
    pub paragraphs: usize,
    /// True when the document has no letter or digit after cleaning.
    pub empty: bool,
}

impl DocRow {
    /// The row record of one prepared document.
    pub fn of(p: &Prepared) -> DocRow {
        let d = &p.doc;
        DocRow {
            meta: Meta {
                doc: Document {
                    id: d.id.clone(),
                    file: d.file.clone(),
                    row: d.row,
                    fields: d.fields.clone(),
                    encoding: d.encoding.clone(),
                    raw: String::new(),
                },
                raw_chars: p.raw_chars,
                script: p.clean.script,
                report: p.clean.report.clone(),
            },
            clean_chars: p.clean.text.chars().count(),
            paragraphs: p.clean.paragraphs.len(),
            empty: !p.clean.text.chars().any(char::is_alphanumeric),
        }
    }

    /// The document's summary row.
    pub fn summary(&self) -> DocSummary {
        let d = &self.meta.doc;
        DocSummary {
            id: d.id.clone(),
            fields: d.fields.clone(),
            file: d.file.clone(),
            row: d.row,
            encoding: d.encoding.clone(),
            script: script_name(self.meta.script),
            chars: self.meta.raw_chars,
            clean_chars: self.clean_chars,
            paragraphs: self.paragraphs,
            empty: self.empty,
        }
    }

    /// The document's cleaning report row.
    pub fn cleaning(&self) -> CleaningRow {
        let r = &self.meta.report;
        CleaningRow {
            id: self.meta.doc.id.clone(),
            script: script_name(self.meta.script),
            chars: self.meta.raw_chars,
            clean_chars: self.clean_chars,
            width_chars: r.width_chars,
            simplified_chars: r.simplified_chars,
            pinyin_glosses: r.pinyin_glosses,
            rejoined: r.rejoined,
            dup_paragraphs: r.dup_paragraphs,
            dup_sentences: r.dup_sentences,
            dropped_lines: r.dropped_lines,
            captions: r.captions,
        }
    }
}

/// One row of `tifa corpus`: a document's metadata and sizes.
#[derive(Debug, Clone, Serialize)]
pub struct DocSummary {
    /// Document id.
    pub id: String,
    /// Every metadata field (manifest or CSV columns), flattened into the JSON object.
    #[serde(flatten)]
    pub fields: indexmap::IndexMap<String, String>,
    /// Source file.
    pub file: String,
    /// Row within a multi-document file, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// Detected (or forced) encoding.
    pub encoding: String,
    /// Detected script: `simplified`, `traditional` or `unknown`.
    pub script: &'static str,
    /// Characters in the raw text.
    pub chars: usize,
    /// Characters after cleaning.
    pub clean_chars: usize,
    /// Paragraphs after cleaning.
    pub paragraphs: usize,
    /// True when the document has no letter or digit after cleaning (nothing, or only
    /// whitespace and punctuation).
    pub empty: bool,
}

/// The summary row of one prepared document.
pub fn summarize(p: &Prepared) -> DocSummary {
    DocRow::of(p).summary()
}

/// One row of the cleaning report (`tifa clean --report`, `metrics.json`): what each
/// cleaning step changed in one document.
#[derive(Debug, Clone, Serialize)]
pub struct CleaningRow {
    /// Document id.
    pub id: String,
    /// Detected script: `simplified`, `traditional` or `unknown`.
    pub script: &'static str,
    /// Characters in the raw text.
    pub chars: usize,
    /// Characters after cleaning.
    pub clean_chars: usize,
    /// Full-width characters converted to ASCII.
    pub width_chars: usize,
    /// Traditional characters converted to Simplified.
    pub simplified_chars: usize,
    /// Pinyin glosses removed.
    pub pinyin_glosses: usize,
    /// Paragraphs rejoined across page breaks.
    pub rejoined: usize,
    /// Repeated paragraphs removed.
    pub dup_paragraphs: usize,
    /// Repeated sentences removed.
    pub dup_sentences: usize,
    /// Non-text lines dropped.
    pub dropped_lines: usize,
    /// Lines kept but identified as bylines or photo captions.
    pub captions: usize,
}

/// The cleaning report row of one prepared document.
pub fn cleaning_row(p: &Prepared) -> CleaningRow {
    DocRow::of(p).cleaning()
}
