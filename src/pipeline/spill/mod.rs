//! The spill between the two passes of the streaming pipeline: each document's cleaned text,
//! paragraphs, offset map, formulations and metadata ([`Meta`]), kept in memory while they are small and moved
//! to an anonymous temporary file (deleted by the OS when the process ends, also on a
//! signal) once they pass a size limit. The format (module `format`) is private to one run:
//! length-prefixed little-endian integers and UTF-8 strings.

mod format;
mod replay;

pub use replay::{At, Replay, Spilled};

use crate::clean::{CleanReport, Script};
use crate::error::{Error, Result};
use crate::load::Document;
use crate::offsets::OffsetMap;
use crate::slogans::Mention;
use format::{read_entry, read_row, write_entry, write_row};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
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
    fn held_bytes(&self) -> usize {
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

/// What a [`Spill`] holds: a record with an estimate of its size in memory and its encoding
/// in the spill file (module `format`).
pub trait Record: Sized {
    /// Approximate bytes held in memory.
    fn size(&self) -> usize;
    /// Called before the record is kept in memory (drops spare capacity).
    fn settle(&mut self) {}
    /// Writes the record to the spill file.
    fn write(&self, w: &mut impl Write, scratch: &mut Scratch) -> std::io::Result<()>;
    /// Reads the next record back.
    fn read(r: &mut impl Read, scratch: &mut Scratch) -> std::io::Result<Self>;
}

/// Buffers reused while records are encoded and decoded: the numbers and the strings of one
/// record.
pub type Scratch = (Vec<u8>, Vec<u8>);

impl Record for Entry {
    fn size(&self) -> usize {
        self.held_bytes()
    }

    fn settle(&mut self) {
        // Text kept in memory holds no spare capacity (it may wait there for the whole run).
        self.text.shrink_to_fit();
    }

    fn write(&self, w: &mut impl Write, scratch: &mut Scratch) -> std::io::Result<()> {
        write_entry(w, self, scratch)
    }

    fn read(r: &mut impl Read, scratch: &mut Scratch) -> std::io::Result<Self> {
        read_entry(r, scratch)
    }
}

impl Record for crate::pipeline::DocRow {
    fn size(&self) -> usize {
        self.meta.size()
    }

    fn write(&self, w: &mut impl Write, scratch: &mut Scratch) -> std::io::Result<()> {
        write_row(w, self, scratch)
    }

    fn read(r: &mut impl Read, scratch: &mut Scratch) -> std::io::Result<Self> {
        read_row(r, scratch)
    }
}

/// Records in order, in memory or in a temporary file.
#[derive(Debug)]
pub struct Spill<T = Entry> {
    mem: Vec<T>,
    mem_bytes: usize,
    limit: usize,
    file: Option<BufWriter<File>>,
    entries: usize,
    /// A record's fields, encoded before they are written: numbers and string lengths, then
    /// the strings.
    scratch: Scratch,
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

impl<T: Record> Spill<T> {
    /// An empty spill that moves to a temporary file beyond `limit` bytes.
    pub fn new(limit: usize) -> Spill<T> {
        Spill {
            mem: Vec::new(),
            mem_bytes: 0,
            limit,
            file: None,
            entries: 0,
            scratch: (Vec::new(), Vec::new()),
        }
    }

    /// The number of records pushed.
    pub fn len(&self) -> usize {
        self.entries
    }

    /// True when nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// True when the records went to a temporary file.
    pub fn on_disk(&self) -> bool {
        self.file.is_some()
    }

    /// Appends a record.
    pub fn push(&mut self, e: T) -> Result<()> {
        self.entries += 1;
        if let Some(w) = &mut self.file {
            return e.write(w, &mut self.scratch).map_err(tmp_error);
        }
        let mut e = e;
        e.settle();
        self.mem_bytes += e.size();
        self.mem.push(e);
        if self.mem_bytes > self.limit {
            let mut w = BufWriter::with_capacity(1 << 20, tempfile::tempfile().map_err(tmp_error)?);
            for e in self.mem.drain(..) {
                e.write(&mut w, &mut self.scratch).map_err(tmp_error)?;
            }
            self.mem_bytes = 0;
            self.file = Some(w);
        }
        Ok(())
    }

    /// The records in push order, read once.
    pub fn into_reader(self) -> Result<SpillReader<T>> {
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

    /// The finished spill, to be read as often as needed ([`Spilled::iter`]).
    pub fn finish(self) -> Result<Spilled<T>> {
        let file = match self.file {
            None => None,
            Some(w) => Some(w.into_inner().map_err(|e| tmp_error(e.into_error()))?),
        };
        Ok(Spilled::new(self.mem, file, self.entries))
    }
}

/// Reads a [`Spill`] back, in order.
#[derive(Debug)]
pub enum SpillReader<T = Entry> {
    /// Records held in memory.
    Mem(std::vec::IntoIter<T>),
    /// Records in the temporary file.
    File(FileEntries),
}

/// The records of a spill file not read yet.
#[derive(Debug)]
pub struct FileEntries {
    file: BufReader<File>,
    /// How many records are left.
    left: usize,
    /// The current record's fields (the buffers are reused).
    record: Scratch,
}

impl<T: Record> Iterator for SpillReader<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        match self {
            SpillReader::Mem(it) => it.next().map(Ok),
            SpillReader::File(f) => {
                if f.left == 0 {
                    return None;
                }
                f.left -= 1;
                Some(T::read(&mut f.file, &mut f.record).map_err(tmp_error))
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
                markup: 10 + i,
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

    /// Row records (every metadata field, rows present and absent, every script), for the
    /// tests of [`Spilled`] and of the format.
    pub(super) fn rows() -> Vec<crate::pipeline::DocRow> {
        (0..5)
            .map(|i| crate::pipeline::DocRow {
                meta: meta(i),
                clean_chars: 90 + i,
                paragraphs: i,
                empty: i == 1,
            })
            .collect()
    }

    /// A finished spill reads back whole, from memory and from the file, as often as
    /// asked and by two threads at once (each reading positions itself).
    #[test]
    fn finished_spill_reads_back_repeatedly_and_concurrently() {
        for limit in [usize::MAX, 0] {
            let mut s = Spill::new(limit);
            for r in rows() {
                s.push(r).unwrap();
            }
            let done = s.finish().unwrap();
            assert_eq!(done.on_disk(), limit == 0);
            assert_eq!(done.len(), 5);
            let read =
                || -> Vec<crate::pipeline::DocRow> { done.iter().map(|r| r.unwrap()).collect() };
            let (a, b) = std::thread::scope(|sc| {
                let a = sc.spawn(read);
                let b = sc.spawn(read);
                (a.join().unwrap(), b.join().unwrap())
            });
            assert_eq!(a, rows());
            assert_eq!(b, rows());
            assert_eq!(read(), rows());
        }
        let empty: Spilled<crate::pipeline::DocRow> = Spill::new(0).finish().unwrap();
        assert!(empty.is_empty() && !empty.on_disk());
        assert_eq!(empty.iter().count(), 0);
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
