//! The spill between the two passes of the streaming pipeline: each document's cleaned text,
//! paragraphs, offset map, formulations and metadata ([`Meta`]), kept in memory while they are small and moved
//! to an anonymous temporary file (deleted by the OS when the process ends, also on a
//! signal) once they pass a size limit. The format (module `format`) is private to one run:
//! length-prefixed little-endian integers and UTF-8 strings.

mod format;

use crate::clean::{CleanReport, Script};
use crate::error::{Error, Result};
use crate::load::Document;
use crate::offsets::OffsetMap;
use crate::slogans::Mention;
use format::{read_entry, write_entry};
use std::fs::File;
use std::io::{BufReader, BufWriter, Seek, SeekFrom};
use std::ops::Range;
use std::path::Path;

/// One document's output of the first pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Cleaned text.
    pub text: String,
    /// Paragraph ranges in `text`.
    pub paragraphs: Vec<Range<usize>>,
    /// Offsets to the raw text.
    pub map: OffsetMap,
    /// Formulations found by the rules and the lexicon (before the corpus pass).
    pub mentions: Vec<Mention>,
    /// The rest of the document, which pass 2 needs too.
    pub meta: Meta,
}

/// A document's metadata (its raw text dropped), raw length, script and cleaning report:
/// spilled with its text, so that memory between the passes does not grow with the number
/// of documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The document, `raw` empty.
    pub doc: Document,
    /// Characters of the raw text.
    pub raw_chars: usize,
    /// Detected script.
    pub script: Script,
    /// What cleaning changed.
    pub report: CleanReport,
}

impl Meta {
    /// Approximate bytes held (strings' capacity and the fixed parts).
    fn size(&self) -> usize {
        let d = &self.doc;
        let fields: usize = d
            .fields
            .iter()
            .map(|(k, v)| 48 + k.capacity() + v.capacity())
            .sum();
        300 + d.id.capacity()
            + d.file.capacity()
            + d.encoding.capacity()
            + d.raw.capacity()
            + fields
    }
}

impl Entry {
    /// Approximate bytes held by the entry (allocated capacity; a mention holds four
    /// small strings and a vector besides its fixed part).
    fn size(&self) -> usize {
        let mentions: usize = self
            .mentions
            .iter()
            .map(|m| {
                200 + m.surface.len()
                    + m.normalized.len()
                    + m.shape.len()
                    + m.pattern.len()
                    + 4 * m.value.len()
            })
            .sum();
        let (anchors, replaced) = self.map.parts();
        self.text.capacity()
            + self.paragraphs.capacity() * 16
            + mentions
            + anchors.len() * 16
            + replaced.len() * 24
            + self.meta.size()
    }
}

/// Entries in order, in memory or in a temporary file.
#[derive(Debug)]
pub struct Spill {
    mem: Vec<Entry>,
    mem_bytes: usize,
    limit: usize,
    file: Option<BufWriter<File>>,
    entries: usize,
    /// An entry's fields after its text, encoded before they are written: numbers and
    /// string lengths, then the strings.
    scratch: (Vec<u8>, Vec<u8>),
}

fn tmp_error(e: std::io::Error) -> Error {
    let dir = std::env::temp_dir();
    Error::io(
        Path::new(&dir),
        std::io::Error::new(
            e.kind(),
            format!("temporary spill file (set TMPDIR to another directory): {e}"),
        ),
    )
}

impl Spill {
    /// An empty spill that moves to a temporary file beyond `limit` bytes.
    pub fn new(limit: usize) -> Spill {
        Spill {
            mem: Vec::new(),
            mem_bytes: 0,
            limit,
            file: None,
            entries: 0,
            scratch: (Vec::new(), Vec::new()),
        }
    }

    /// The number of entries pushed.
    pub fn len(&self) -> usize {
        self.entries
    }

    /// True when nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// True when the entries went to a temporary file.
    pub fn on_disk(&self) -> bool {
        self.file.is_some()
    }

    /// Appends an entry.
    pub fn push(&mut self, e: Entry) -> Result<()> {
        self.entries += 1;
        if let Some(w) = &mut self.file {
            return write_entry(w, &e, &mut self.scratch).map_err(tmp_error);
        }
        let mut e = e;
        // Text kept in memory holds no spare capacity (it may wait there for the whole run).
        e.text.shrink_to_fit();
        self.mem_bytes += e.size();
        self.mem.push(e);
        if self.mem_bytes > self.limit {
            let mut w = BufWriter::with_capacity(1 << 20, tempfile::tempfile().map_err(tmp_error)?);
            for e in self.mem.drain(..) {
                write_entry(&mut w, &e, &mut self.scratch).map_err(tmp_error)?;
            }
            self.mem_bytes = 0;
            self.file = Some(w);
        }
        Ok(())
    }

    /// The entries in push order.
    pub fn into_reader(self) -> Result<SpillReader> {
        match self.file {
            None => Ok(SpillReader::Mem(self.mem.into_iter())),
            Some(w) => {
                let mut f = w.into_inner().map_err(|e| tmp_error(e.into_error()))?;
                f.seek(SeekFrom::Start(0)).map_err(tmp_error)?;
                Ok(SpillReader::File(FileEntries {
                    file: BufReader::with_capacity(1 << 20, f),
                    left: self.entries,
                    record: (Vec::new(), Vec::new()),
                }))
            }
        }
    }
}

/// Reads a [`Spill`] back, in order.
#[derive(Debug)]
pub enum SpillReader {
    /// Entries held in memory.
    Mem(std::vec::IntoIter<Entry>),
    /// Entries in the temporary file.
    File(FileEntries),
}

/// The entries of a spill file not read yet.
#[derive(Debug)]
pub struct FileEntries {
    file: BufReader<File>,
    /// How many entries are left.
    left: usize,
    /// The current entry's fields after its text (the buffers are reused).
    record: (Vec<u8>, Vec<u8>),
}

impl Iterator for SpillReader {
    type Item = Result<Entry>;

    fn next(&mut self) -> Option<Result<Entry>> {
        match self {
            SpillReader::Mem(it) => it.next().map(Ok),
            SpillReader::File(f) => {
                if f.left == 0 {
                    return None;
                }
                f.left -= 1;
                Some(read_entry(&mut f.file, &mut f.record).map_err(tmp_error))
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Metadata with every field set (and a row only for odd `i`), for [`entries`].
    fn meta(i: usize) -> Meta {
        let mut fields = indexmap::IndexMap::new();
        fields.insert("region".to_string(), format!("地区{i}"));
        fields.insert("date".to_string(), "2026-02-09".to_string());
        Meta {
            doc: Document {
                id: format!("doc-{i}"),
                file: format!("语料/{i}.csv"),
                row: (i % 2 == 1).then_some(i as u64 * 7),
                fields,
                encoding: "GB18030".into(),
                raw: String::new(),
            },
            raw_chars: 100 + i,
            script: [Script::Simplified, Script::Traditional, Script::Unknown][i % 3],
            report: CleanReport {
                width_chars: 1 + i,
                simplified_chars: 2,
                pinyin_glosses: 3,
                rejoined: 4,
                dup_paragraphs: 5,
                dup_sentences: 6,
                dropped_lines: 7,
                captions: 8,
                cross_dup_paragraphs: 9,
                cross_dup_document: i == 2,
            },
        }
    }

    /// Entries with formulations, for the tests here and of the format.
    pub(super) fn entries() -> Vec<Entry> {
        [
            "推进“红色物业”和“1+5+N”。\n第二段",
            "",
            "构建“三治融合”体系",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Entry {
            text: t.to_string(),
            paragraphs: std::iter::once(0..t.len()).collect(),
            map: OffsetMap::from_parts(vec![(0, 0), (3, 7)], vec![(3, 6, 9)]),
            mentions: crate::slogans::extract(t),
            meta: meta(i),
        })
        .collect()
    }

    /// The same entries come back, in order, from memory and from the temporary file.
    #[test]
    fn round_trip_in_memory_and_on_disk() {
        for limit in [usize::MAX, 0] {
            let mut s = Spill::new(limit);
            for e in entries() {
                s.push(e).unwrap();
            }
            assert_eq!(s.on_disk(), limit == 0);
            assert_eq!(s.len(), 3);
            let back: Vec<Entry> = s.into_reader().unwrap().map(|e| e.unwrap()).collect();
            assert_eq!(back, entries());
            assert!(!back[0].mentions.is_empty());
        }
    }
}
