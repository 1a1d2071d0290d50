//! Loading: files, directories, manifests, CSV and JSON Lines, in any common Chinese
//! encoding. Produces [`Document`]s with their metadata fields and decoded raw text.
//!
//! What can be loaded (see [`load`]): a single text file of any extension; a manifest CSV
//! (`id,file,...`); a CSV with one document per row and a text column; a JSON Lines file;
//! a directory of any of these (its `corpus.csv` is the manifest if present). A text file of
//! `<doc>` records (the Sogou news dumps) gives one document per record (`records`). Each file's
//! encoding is detected ([`encoding`]). [`stream()`] produces the documents one at a time;
//! [`load`] collects them.

mod csvdocs;
pub mod encoding;
mod input;
mod jsonl;
mod manifest;
mod mixed;
mod records;
mod stream;

pub use stream::{stream, DocStream, MANIFEST_NAME};

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

/// One input still to be read (internal to the loader).
#[derive(Debug, Clone)]
pub(crate) enum Source {
    /// A file holding one document.
    Text {
        /// Where it is.
        path: PathBuf,
        /// Its document id.
        id: String,
        /// The name recorded in [`Document::file`].
        file: String,
        /// Manifest fields.
        fields: IndexMap<String, String>,
        /// Part of a directory or manifest (binary files are then skipped, not fatal).
        in_collection: bool,
    },
    /// A CSV file: documents (with a text column) or a manifest (with a `file` column).
    Csv {
        /// Where it is.
        path: PathBuf,
        /// The name recorded in [`Document::file`].
        file: String,
    },
    /// A JSON Lines file of documents.
    Jsonl {
        /// Where it is.
        path: PathBuf,
        /// The name recorded in [`Document::file`].
        file: String,
    },
}

/// What a record reader yields: a document, or an input skipped with a warning.
pub(crate) enum Step {
    /// A document.
    Doc(Document),
    /// A skipped input.
    Skip(Skipped),
}

/// Loads a corpus from a path: a text file, a manifest CSV, a CSV or JSON Lines file of
/// documents, or a directory of any of these. Collects [`stream()`].
///
/// Order: manifest row order; else directory entries sorted by file name, then row/line
/// order inside CSV and JSONL files. Errors are one line naming the file (and line or byte
/// offset); see [`crate::error::Error`].
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Corpus> {
    let mut docs = stream(path, opts)?;
    let mut documents = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    for doc in docs.by_ref() {
        let doc = doc?;
        for name in doc.fields.keys() {
            if !fields.iter().any(|f| f == name) {
                fields.push(name.clone());
            }
        }
        documents.push(doc);
    }
    Ok(Corpus {
        root: path.to_path_buf(),
        documents,
        fields,
        skipped: docs.into_skipped(),
    })
}
