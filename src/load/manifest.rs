//! A manifest CSV: one row per document, a `file` column (relative to the manifest's
//! directory), an optional `id` column and any number of metadata columns, e.g.
//! `id,file,region,province,place,date,source,title` in `data/corpus.csv`.

use super::csvdocs::csv_error;
use super::encoding::{self, DecodeError};
use super::Source;
use crate::error::{Error, Result};
use indexmap::IndexMap;
use std::path::Path;

/// Reads the manifest at `path` into one [`Source::Text`] per row, checking that every
/// named file exists (an error names the manifest and the row's line otherwise).
pub fn read(path: &Path, forced: Option<&str>) -> Result<Vec<Source>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = match encoding::decode(&bytes, forced) {
        Ok(d) => d.text,
        Err(DecodeError::Binary) => return Err(Error::input(path, "manifest is a binary file")),
        Err(DecodeError::Undecodable { offset, detail }) => {
            return Err(Error::at_offset(path, offset, detail))
        }
        Err(DecodeError::UnknownLabel(l)) => return Err(unknown_label(&l)),
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(path, &e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let file_idx = headers
        .iter()
        .position(|h| h == "file")
        .ok_or_else(|| Error::at_line(path, 1, "manifest has no `file` column"))?;
    let id_idx = headers.iter().position(|h| h == "id");
    let mut sources = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let file = record.get(file_idx).unwrap_or("").trim().to_string();
        if file.is_empty() {
            return Err(Error::at_line(path, line, "empty `file` value"));
        }
        let full = dir.join(&file);
        if !full.is_file() {
            return Err(Error::at_line(
                path,
                line,
                format!("file `{file}` not found (looked for {})", full.display()),
            ));
        }
        let id = match id_idx.and_then(|i| record.get(i)).map(str::trim) {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => stem_of(&full, &file),
        };
        let fields: IndexMap<String, String> = headers
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != file_idx && Some(*i) != id_idx)
            .map(|(i, h)| (h.clone(), record.get(i).unwrap_or("").to_string()))
            .collect();
        sources.push(Source::Text {
            path: full,
            id,
            file,
            fields,
            in_collection: true,
        });
    }
    Ok(sources)
}

/// The file stem of `path` as a document id (falls back to `file`).
pub fn stem_of(path: &Path, file: &str) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string())
}

/// The error for an unknown `--encoding` label.
pub fn unknown_label(label: &str) -> Error {
    Error::Usage(format!(
        "unknown encoding `{label}` (try utf-8, gbk, gb18030, big5, utf-16le, utf-16be)"
    ))
}
