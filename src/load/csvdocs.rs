//! A CSV file with one document per row (e.g. the provinces-2026 layout
//! `province,year,title,source_url,publish_date,full_text`), read one record at a time.

use super::input::{self, OpenError, Replay};
use super::{Document, LoadOptions, Step};
use crate::error::{Error, Result};
use indexmap::IndexMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What a CSV header says the file is.
pub(crate) enum CsvKind {
    /// A CSV of documents with a text column.
    Docs(Box<CsvDocs>),
    /// No text column but a `file` column: a manifest.
    Manifest,
    /// No header at all (an empty or whitespace-only file): no documents.
    Empty,
}

/// Streaming reader of a documents CSV.
pub(crate) struct CsvDocs {
    path: PathBuf,
    file: String,
    stem: String,
    encoding: String,
    reader: csv::Reader<Box<dyn Read + Send>>,
    replay: Replay,
    text_idx: usize,
    id_idx: Option<usize>,
    fields: Vec<(usize, String)>,
    record: csv::StringRecord,
    row: u64,
    last_record: Option<(u64, u64)>,
    done: bool,
}

/// Finds the text column: `opts.text_column`, else `full_text` when the default `text`
/// is asked for and absent.
pub fn text_column(headers: &[String], opts: &LoadOptions) -> Option<usize> {
    let wanted = opts.text_column.as_str();
    headers.iter().position(|h| h == wanted).or_else(|| {
        (wanted == "text")
            .then(|| headers.iter().position(|h| h == "full_text"))
            .flatten()
    })
}

/// Converts a `csv` error into a one-line error with the file and line.
pub fn csv_error(path: &Path, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "ragged row: {len} fields where the header has {expected_len} \
             (a stray or unterminated quote can cause this)"
        ),
        csv::ErrorKind::Utf8 { err, .. } => {
            format!("field {} is not valid UTF-8", err.field() + 1)
        }
        _ => format!("unreadable CSV: {e}"),
    };
    if line > 0 {
        Error::at_line(path, line, message)
    } else {
        Error::input(path, message)
    }
}

impl CsvDocs {
    /// Opens `path` and reads its header. `file` is the name recorded in documents.
    pub fn open(
        path: &Path,
        file: String,
        opts: &LoadOptions,
    ) -> std::result::Result<CsvKind, OpenError> {
        Self::open_with_limit(path, file, opts, input::WHOLE_FILE_LIMIT)
    }

    /// [`CsvDocs::open`] with a chosen whole-file limit (0 streams every UTF-8 file).
    pub fn open_with_limit(
        path: &Path,
        file: String,
        opts: &LoadOptions,
        whole_file_limit: u64,
    ) -> std::result::Result<CsvKind, OpenError> {
        let input = input::open_with_limit(path, opts.encoding.as_deref(), whole_file_limit)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(input.reader);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(path, &e))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        if headers.iter().all(|h| h.is_empty()) && reader.is_done() {
            return Ok(CsvKind::Empty);
        }
        let Some(text_idx) = text_column(&headers, opts) else {
            if headers.iter().any(|h| h == "file") {
                return Ok(CsvKind::Manifest);
            }
            return Err(OpenError::Fatal(Error::at_line(
                path,
                1,
                format!(
                    "missing text column `{}` (columns: {}); use --text-column",
                    opts.text_column,
                    headers.join(", ")
                ),
            )));
        };
        let id_idx = headers.iter().position(|h| h == "id");
        let fields = headers
            .iter()
            .enumerate()
            .filter(|(i, h)| *i != text_idx && Some(*i) != id_idx && h.as_str() != "file")
            .map(|(i, h)| (i, h.clone()))
            .collect();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.clone());
        Ok(CsvKind::Docs(Box::new(CsvDocs {
            path: path.to_path_buf(),
            file,
            stem,
            encoding: input.encoding,
            reader,
            replay: input.replay,
            text_idx,
            id_idx,
            fields,
            record: csv::StringRecord::new(),
            row: 0,
            last_record: None,
            done: false,
        })))
    }

    /// After the last record: an unterminated quote makes the parser swallow the rest of
    /// the file into one field, so the last record then holds an odd number of `"`.
    fn check_tail(&self) -> Result<()> {
        let Some((byte, line)) = self.last_record else {
            return Ok(());
        };
        let quotes = self
            .replay
            .count_quotes_from(byte)
            .map_err(|e| Error::io(&self.path, e))?;
        if quotes % 2 == 1 {
            return Err(Error::at_line(
                &self.path,
                line,
                "unterminated quoted field: a quote opened in this record is never closed",
            ));
        }
        Ok(())
    }
}

impl Iterator for CsvDocs {
    type Item = Result<Step>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.reader.read_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return self.check_tail().err().map(Err);
            }
            Err(e) => {
                self.done = true;
                return Some(Err(csv_error(&self.path, &e)));
            }
        }
        self.row += 1;
        if let Some(pos) = self.record.position() {
            self.last_record = Some((pos.byte(), pos.line()));
        }
        let get = |i: usize| self.record.get(i).unwrap_or("").to_string();
        let id = match self.id_idx.map(get) {
            Some(id) if !id.trim().is_empty() => id.trim().to_string(),
            _ => format!("{}#{}", self.stem, self.row),
        };
        let fields: IndexMap<String, String> = self
            .fields
            .iter()
            .map(|(i, name)| (name.clone(), get(*i)))
            .collect();
        Some(Ok(Step::Doc(Document {
            id,
            file: self.file.clone(),
            row: Some(self.row),
            fields,
            encoding: self.encoding.clone(),
            raw: get(self.text_idx),
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Streams `bytes` as a CSV file read straight from disk (whole-file limit 0).
    fn stream_csv(bytes: &[u8]) -> Vec<Result<Step>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, bytes).unwrap();
        match CsvDocs::open_with_limit(&path, "t.csv".into(), &LoadOptions::default(), 0) {
            Ok(CsvKind::Docs(docs)) => docs.collect(),
            _ => panic!("not a documents CSV"),
        }
    }

    #[test]
    fn streamed_bom_csv() {
        let steps = stream_csv("\u{FEFF}id,text\na,\"一\n二\"\n".as_bytes());
        assert_eq!(steps.len(), 1);
        match &steps[0] {
            Ok(Step::Doc(d)) => {
                assert_eq!((d.id.as_str(), d.raw.as_str()), ("a", "一\n二"));
                assert_eq!(d.encoding, "UTF-8 (BOM)");
            }
            _ => panic!("expected a document"),
        }
    }

    #[test]
    fn streamed_unterminated_quote_found_by_rereading_the_file() {
        // Row `b` starts on line 3; its quote is never closed (1 quote after its start).
        let steps = stream_csv("\u{FEFF}id,text\na,x\nb,\"y\nz\n".as_bytes());
        match steps.last() {
            Some(Err(e)) => assert!(e.to_string().contains(":3: unterminated"), "{e}"),
            _ => panic!("expected an error"),
        }
    }
}
