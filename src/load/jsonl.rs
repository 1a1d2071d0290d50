//! JSON Lines: one JSON object per line, with a text field and metadata fields, read one
//! line at a time. Blank lines are ignored.

use super::input::Input;
use super::{Document, LoadOptions, Skipped, Step};
use crate::error::{Error, Result};
use indexmap::IndexMap;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Streaming reader of a JSON Lines file.
pub(crate) struct JsonlDocs {
    path: PathBuf,
    file: String,
    stem: String,
    encoding: String,
    lines: BufReader<Box<dyn Read + Send>>,
    buf: Vec<u8>,
    line: u64,
    text_column: String,
    skip_bad: bool,
    done: bool,
}

/// A JSON value as a field string: strings as they are, `null` as empty, anything else as
/// compact JSON.
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl JsonlDocs {
    /// Wraps an opened input.
    pub fn new(path: &Path, file: String, input: Input, opts: &LoadOptions) -> JsonlDocs {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.clone());
        JsonlDocs {
            path: path.to_path_buf(),
            file,
            stem,
            encoding: input.encoding,
            lines: BufReader::new(input.reader),
            buf: Vec::new(),
            line: 0,
            text_column: opts.text_column.clone(),
            skip_bad: opts.skip_bad,
            done: false,
        }
    }

    /// Parses one non-blank line into a document, or explains what is wrong with it.
    fn parse(&self, bytes: &[u8]) -> std::result::Result<Document, String> {
        let value: Value =
            serde_json::from_slice(bytes).map_err(|e| format!("malformed JSON: {e}"))?;
        let Value::Object(map) = value else {
            return Err("not a JSON object".into());
        };
        let text_key = if map.contains_key(&self.text_column) {
            self.text_column.as_str()
        } else if self.text_column == "text" && map.contains_key("full_text") {
            "full_text"
        } else {
            return Err(format!(
                "no text field `{}`; use --text-column",
                self.text_column
            ));
        };
        let id = match map.get("id").map(value_text) {
            Some(id) if !id.trim().is_empty() => id.trim().to_string(),
            _ => format!("{}#{}", self.stem, self.line),
        };
        let fields: IndexMap<String, String> = map
            .iter()
            .filter(|(k, _)| k.as_str() != text_key && *k != "id" && *k != "file")
            .map(|(k, v)| (k.clone(), value_text(v)))
            .collect();
        Ok(Document {
            id,
            file: self.file.clone(),
            row: Some(self.line),
            fields,
            encoding: self.encoding.clone(),
            raw: map.get(text_key).map(value_text).unwrap_or_default(),
        })
    }
}

impl Iterator for JsonlDocs {
    type Item = Result<Step>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            match self.lines.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    let trimmed = self.buf.trim_ascii();
                    if trimmed.is_empty() {
                        continue;
                    }
                    match self.parse(trimmed) {
                        Ok(doc) => return Some(Ok(Step::Doc(doc))),
                        Err(message) if self.skip_bad => {
                            return Some(Ok(Step::Skip(Skipped {
                                path: self.path.clone(),
                                reason: format!("line {}: {message}", self.line),
                            })))
                        }
                        Err(message) => {
                            self.done = true;
                            return Some(Err(Error::at_line(&self.path, self.line, message)));
                        }
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::io(&self.path, e)));
                }
            }
        }
        None
    }
}
