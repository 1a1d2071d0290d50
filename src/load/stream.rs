//! [`DocStream`]: documents produced one at a time, one file or one CSV/JSONL record at a
//! time, so that a gigabyte corpus never has to be held in memory by the loader.

use super::csvdocs::{CsvDocs, CsvKind};
use super::encoding::{self, DecodeError};
use super::input::{self, OpenError};
use super::jsonl::JsonlDocs;
use super::manifest::{self, stem_of, unknown_label};
use super::records;
use super::{Document, LoadOptions, Skipped, Source, Step};
use crate::error::{Error, Result};
use std::collections::{HashMap, VecDeque};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The manifest file name that a directory may hold.
pub const MANIFEST_NAME: &str = "corpus.csv";

/// An iterator over a corpus's documents, in the deterministic order of [`super::load`].
///
/// After an `Err` the stream ends. Inputs skipped with a warning (binary files, and
/// undecodable files or malformed records under `skip_bad`) are collected in
/// [`DocStream::skipped`].
pub struct DocStream {
    root: PathBuf,
    opts: LoadOptions,
    queue: VecDeque<Source>,
    current: Option<Box<dyn Iterator<Item = Result<Step>> + Send>>,
    skipped: Vec<Skipped>,
    /// The ids seen so far, by a 128-bit key of the id ([`crate::clean::text_key`]: two
    /// distinct ids would have to collide in two 64-bit hashes at once), each with the index
    /// in `id_files` of the file that had it: 24 bytes a document instead of the id and its
    /// file name.
    seen_ids: HashMap<(u64, u64), u32>,
    /// The files documents came from, each once (in the order first seen), to name the first
    /// holder of a duplicate id.
    id_files: Vec<String>,
    produced: u64,
    from_directory: bool,
    require_documents: bool,
    done: bool,
}

/// Opens a corpus for streaming. Fails at once on a missing path, an unreadable directory
/// or manifest, a manifest naming a missing file, and (with `strict`) a binary file found
/// while listing a directory.
pub fn stream(path: &Path, opts: &LoadOptions) -> Result<DocStream> {
    let meta =
        std::fs::metadata(path).map_err(|_| Error::input(path, "no such file or directory"))?;
    let mut s = DocStream {
        root: path.to_path_buf(),
        opts: opts.clone(),
        queue: VecDeque::new(),
        current: None,
        skipped: Vec::new(),
        seen_ids: HashMap::new(),
        id_files: Vec::new(),
        produced: 0,
        from_directory: meta.is_dir(),
        require_documents: meta.is_dir(),
        done: false,
    };
    if meta.is_dir() {
        s.plan_directory(path)?;
    } else {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        s.queue.push_back(source_for(path, file, false));
    }
    Ok(s)
}

/// The source for one file, chosen by extension (anything else is a text document).
fn source_for(path: &Path, file: String, in_collection: bool) -> Source {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => Source::Csv {
            path: path.to_path_buf(),
            file,
        },
        "jsonl" => Source::Jsonl {
            path: path.to_path_buf(),
            file,
        },
        _ => Source::Text {
            path: path.to_path_buf(),
            id: stem_of(path, &file),
            file,
            fields: Default::default(),
            in_collection,
        },
    }
}

impl DocStream {
    /// Inputs skipped so far, with reasons.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Consumes the stream, returning the skipped inputs.
    pub fn into_skipped(self) -> Vec<Skipped> {
        self.skipped
    }

    /// The path the corpus is loaded from.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Lists a directory: its `corpus.csv` manifest if present, else its files sorted by
    /// name (`.txt`, `.md`, `.html`, `.htm` as documents, `.csv` and `.jsonl` as
    /// multi-document files). Hidden files and subdirectories are ignored; other files are skipped with a
    /// reason (binary ones are an error under `strict`).
    fn plan_directory(&mut self, dir: &Path) -> Result<()> {
        let manifest_path = dir.join(MANIFEST_NAME);
        if manifest_path.is_file() {
            let sources = manifest::read(&manifest_path, self.opts.encoding.as_deref())?;
            self.queue.extend(sources);
            return Ok(());
        }
        let mut names: Vec<(String, PathBuf)> = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if name.starts_with('.') || !path.is_file() {
                continue;
            }
            names.push((name, path));
        }
        names.sort();
        for (name, path) in names {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            // Saved web pages too: the cleaning removes their markup.
            if matches!(
                ext.as_str(),
                "txt" | "md" | "csv" | "jsonl" | "html" | "htm"
            ) {
                self.queue.push_back(source_for(&path, name, true));
            } else if sniff_binary(&path)? {
                self.skip_binary(&path)?;
            } else {
                self.skipped.push(Skipped {
                    path,
                    reason: "not a document file (.txt, .md, .html, .csv, .jsonl)".into(),
                });
            }
        }
        Ok(())
    }

    /// Records a binary file as skipped, or fails under `strict`.
    fn skip_binary(&mut self, path: &Path) -> Result<Option<Step>> {
        if self.opts.strict {
            return Err(Error::input(path, "binary file (NUL bytes) in the corpus"));
        }
        self.skipped.push(Skipped {
            path: path.to_path_buf(),
            reason: "binary file (NUL bytes)".into(),
        });
        Ok(None)
    }

    /// What to do with bytes that do not decode.
    fn decode_failure(
        &mut self,
        path: &Path,
        e: DecodeError,
        in_collection: bool,
    ) -> Result<Option<Step>> {
        match e {
            DecodeError::Binary if in_collection => self.skip_binary(path),
            DecodeError::Binary => Err(Error::input(path, "binary file (NUL bytes), not text")),
            DecodeError::Undecodable { offset, detail } if self.opts.skip_bad => {
                self.skipped.push(Skipped {
                    path: path.to_path_buf(),
                    reason: format!("byte {offset}: {detail}"),
                });
                Ok(None)
            }
            DecodeError::Undecodable { offset, detail } => {
                Err(Error::at_offset(path, offset, detail))
            }
            DecodeError::UnknownLabel(l) => Err(unknown_label(&l)),
        }
    }

    /// Starts the next source: returns a document (text file), or installs a record
    /// iterator in `current` (CSV, JSONL), or expands a nested manifest.
    fn start(&mut self, source: Source) -> Result<Option<Step>> {
        match source {
            Source::Text {
                path,
                id,
                file,
                fields,
                in_collection,
            } => {
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                match encoding::decode_owned(bytes, self.opts.encoding.as_deref()) {
                    Ok(d) if records::is_collection(&d.text) => {
                        let docs = records::split(&d.text, &id, &file, &d.encoding);
                        let steps = docs.into_iter().map(move |mut doc| {
                            // A manifest's fields first, then the record's own.
                            let mut all = fields.clone();
                            for (k, v) in doc.fields.drain(..) {
                                all.entry(k).or_insert(v);
                            }
                            doc.fields = all;
                            Ok(Step::Doc(doc))
                        });
                        self.current = Some(Box::new(steps));
                        Ok(None)
                    }
                    Ok(d) => Ok(Some(Step::Doc(Document {
                        id,
                        file,
                        row: None,
                        fields,
                        encoding: d.encoding,
                        raw: d.text,
                    }))),
                    Err(e) => self.decode_failure(&path, e, in_collection),
                }
            }
            Source::Csv { path, file } => match CsvDocs::open(&path, file, &self.opts) {
                Ok(CsvKind::Docs(docs)) => {
                    self.current = Some(docs);
                    Ok(None)
                }
                Ok(CsvKind::Manifest) => {
                    let sources = manifest::read(&path, self.opts.encoding.as_deref())?;
                    for s in sources.into_iter().rev() {
                        self.queue.push_front(s);
                    }
                    self.require_documents = true;
                    Ok(None)
                }
                Ok(CsvKind::Empty) => {
                    self.skipped.push(Skipped {
                        path,
                        reason: "empty CSV file (no header, no rows)".into(),
                    });
                    Ok(None)
                }
                Err(OpenError::Fatal(e)) => Err(e),
                Err(OpenError::Decode(e)) => {
                    let in_collection = self.from_directory;
                    self.decode_failure(&path, e, in_collection)
                }
            },
            Source::Jsonl { path, file } => {
                match input::open(&path, self.opts.encoding.as_deref()) {
                    Ok(inp) => {
                        self.current = Some(Box::new(JsonlDocs::new(&path, file, inp, &self.opts)));
                        Ok(None)
                    }
                    Err(OpenError::Fatal(e)) => Err(e),
                    Err(OpenError::Decode(e)) => {
                        let in_collection = self.from_directory;
                        self.decode_failure(&path, e, in_collection)
                    }
                }
            }
        }
    }

    /// The next step from the current record iterator or the queue; `None` at the end.
    fn next_step(&mut self) -> Option<Result<Step>> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                match cur.next() {
                    Some(step) => return Some(step),
                    None => self.current = None,
                }
            }
            let source = self.queue.pop_front()?;
            match self.start(source) {
                Ok(Some(step)) => return Some(Ok(step)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// True if the first bytes of the file hold a NUL byte.
fn sniff_binary(path: &Path) -> Result<bool> {
    let mut head = Vec::with_capacity(encoding::BINARY_SNIFF_LEN);
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(encoding::BINARY_SNIFF_LEN as u64)
                .read_to_end(&mut head)
        })
        .map_err(|e| Error::io(path, e))?;
    Ok(encoding::looks_binary(&head))
}

impl Iterator for DocStream {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_step() {
                None => {
                    self.done = true;
                    if self.require_documents && self.produced == 0 {
                        return Some(Err(Error::input(
                            &self.root,
                            "no readable documents (.txt, .md, .html, .csv, .jsonl) here",
                        )));
                    }
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Some(Ok(Step::Skip(s))) => self.skipped.push(s),
                Some(Ok(Step::Doc(doc))) => {
                    let key = crate::clean::text_key(&doc.id);
                    if let Some(&f) = self.seen_ids.get(&key) {
                        self.done = true;
                        let first = self.id_files.get(f as usize).map_or("", String::as_str);
                        return Some(Err(Error::input(
                            &doc.file,
                            format!("duplicate document id `{}` (first in {first})", doc.id),
                        )));
                    }
                    if self.id_files.last() != Some(&doc.file) {
                        self.id_files.push(doc.file.clone());
                    }
                    let file = u32::try_from(self.id_files.len() - 1).unwrap_or(u32::MAX);
                    self.seen_ids.insert(key, file);
                    self.produced += 1;
                    return Some(Ok(doc));
                }
            }
        }
        None
    }
}
