//! The per-document rows of the reports: a document's summary (`tifa corpus`,
//! `metrics.json`'s `corpus.documents`) and its cleaning report (`tifa clean --report`,
//! `corpus.cleaning`), and [`DocRow`], the one record both are made from, which `tifa report`
//! spills to disk instead of holding a row per document in memory.

use super::spill::{Meta, Spilled};
use super::{script_name, Prepared};
use crate::load::Document;
use serde::ser::{Error as _, SerializeSeq, Serializer};
use serde::Serialize;

/// Bytes of row records the commands hold in memory before the rest go to a temporary file
/// (`tifa report`, `tifa corpus`, `tifa clean --report`): 8 MiB, about 20,000 documents.
pub const ROW_SPILL_BYTES: usize = 8 << 20;

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
            markup: r.markup,
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

/// Spilled row records serialised as a JSON array, each element made by `row` from its
/// record as the spill is read back (`corpus.documents` with [`DocRow::summary`],
/// `corpus.cleaning` with [`DocRow::cleaning`]): no row is held longer than it is written.
pub struct RowsJson<'a, F> {
    /// The records.
    pub rows: &'a Spilled<DocRow>,
    /// What each record is written as.
    pub row: F,
}

impl<F, R> Serialize for RowsJson<'_, F>
where
    F: Fn(&DocRow) -> R,
    R: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for record in self.rows.iter() {
            let record = record.map_err(S::Error::custom)?;
            seq.serialize_element(&(self.row)(&record))?;
        }
        seq.end()
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
    /// HTML/XML tags removed and character entities decoded.
    pub markup: usize,
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
