//! Loading: files, directories, manifests, CSV and JSON Lines, in any common Chinese
//! encoding. Produces [`Document`]s with their metadata fields and decoded raw text.
//!
//! INTERFACE (fixed; the implementation is being written): `load(path, &LoadOptions)`.

use crate::error::Result;
use indexmap::IndexMap;
use std::path::{Path, PathBuf};

/// One document: its id, where it came from, its metadata and its decoded raw text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Unique id within the corpus (manifest `id`, else derived from file name and row).
    pub id: String,
    /// The source file, relative to the corpus root where possible (for a CSV/JSONL row:
    /// the file name; the row is in `row`).
    pub file: String,
    /// 1-based row or line number inside a multi-document file, if any.
    pub row: Option<u64>,
    /// Metadata fields in manifest/CSV column order (region, province, date, ...), without
    /// `id`, `file` and the text column.
    pub fields: IndexMap<String, String>,
    /// The encoding the bytes were decoded from (`UTF-8`, `UTF-8 (BOM)`, `GB18030`, `Big5`,
    /// `UTF-16LE`, ...).
    pub encoding: String,
    /// The decoded text, unchanged otherwise (no cleaning).
    pub raw: String,
}

/// A warning about a skipped input (e.g. a binary file inside a directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why it was skipped.
    pub reason: String,
}

/// A loaded corpus.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Where it was loaded from.
    pub root: PathBuf,
    /// The documents, in a deterministic order (manifest order, else sorted file names,
    /// then row order).
    pub documents: Vec<Document>,
    /// Names of the metadata fields present, in first-seen order.
    pub fields: Vec<String>,
    /// Inputs that were skipped, with reasons.
    pub skipped: Vec<Skipped>,
}

/// Options for [`load`].
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Name of the text column in CSV/JSONL input (default `text`; `full_text` is tried too).
    pub text_column: String,
    /// Forced encoding label (e.g. `gbk`), overriding detection.
    pub encoding: Option<String>,
    /// Skip undecodable files and malformed records with a warning instead of failing.
    pub skip_bad: bool,
    /// Make skipped binary files an error.
    pub strict: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            text_column: "text".into(),
            encoding: None,
            skip_bad: false,
            strict: false,
        }
    }
}

/// Loads a corpus from a path: a text file, a manifest CSV, a CSV or JSON Lines file of
/// documents, or a directory of any of these.
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Corpus> {
    let _ = (path, opts);
    unimplemented!("load: being written")
}
