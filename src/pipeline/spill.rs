//! The spill between the two passes of the streaming pipeline: each document's cleaned text,
//! paragraphs, offset map and formulations, kept in memory while they are small and moved
//! to an anonymous temporary file (deleted by the OS when the process ends, also on a
//! signal) once they pass a size limit. The format is private to one run: length-prefixed
//! little-endian integers and UTF-8 strings.

use crate::error::{Error, Result};
use crate::offsets::OffsetMap;
use crate::slogans::{Kind, Mention};
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
            return write_entry(w, &e).map_err(tmp_error);
        }
        let mut e = e;
        // Text kept in memory holds no spare capacity (it may wait there for the whole run).
        e.text.shrink_to_fit();
        self.mem_bytes += e.size();
        self.mem.push(e);
        if self.mem_bytes > self.limit {
            let mut w = BufWriter::with_capacity(1 << 20, tempfile::tempfile().map_err(tmp_error)?);
            for e in self.mem.drain(..) {
                write_entry(&mut w, &e).map_err(tmp_error)?;
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
                Ok(SpillReader::File(
                    BufReader::with_capacity(1 << 20, f),
                    self.entries,
                ))
            }
        }
    }
}

/// Reads a [`Spill`] back, in order.
#[derive(Debug)]
pub enum SpillReader {
    /// Entries held in memory.
    Mem(std::vec::IntoIter<Entry>),
    /// Entries in the temporary file, and how many are left.
    File(BufReader<File>, usize),
}

impl Iterator for SpillReader {
    type Item = Result<Entry>;

    fn next(&mut self) -> Option<Result<Entry>> {
        match self {
            SpillReader::Mem(it) => it.next().map(Ok),
            SpillReader::File(r, left) => {
                if *left == 0 {
                    return None;
                }
                *left -= 1;
                Some(read_entry(r).map_err(tmp_error))
            }
        }
    }
}

fn put_u64(w: &mut impl Write, x: u64) -> std::io::Result<()> {
    w.write_all(&x.to_le_bytes())
}

fn put_usize(w: &mut impl Write, x: usize) -> std::io::Result<()> {
    put_u64(w, x as u64)
}

fn put_str(w: &mut impl Write, s: &str) -> std::io::Result<()> {
    put_usize(w, s.len())?;
    w.write_all(s.as_bytes())
}

fn get_u64(r: &mut impl Read) -> std::io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn get_usize(r: &mut impl Read) -> std::io::Result<usize> {
    usize::try_from(get_u64(r)?).map_err(|_| invalid("length out of range"))
}

fn invalid(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string())
}

fn get_str(r: &mut impl Read) -> std::io::Result<String> {
    let n = get_usize(r)?;
    // Read into spare capacity (no zero-filling of a buffer about to be overwritten).
    let mut b = Vec::with_capacity(n.min(64 << 20));
    r.take(n as u64).read_to_end(&mut b)?;
    if b.len() != n {
        return Err(invalid("the spill file ends early"));
    }
    crate::load::encoding::utf8_string(b).map_err(|_| invalid("invalid UTF-8 in the spill file"))
}

const KINDS: [Kind; 5] = [
    Kind::Numeric,
    Kind::NumeralCompound,
    Kind::NumberedList,
    Kind::Plus,
    Kind::QuotedSlogan,
];

fn write_entry(w: &mut impl Write, e: &Entry) -> std::io::Result<()> {
    put_str(w, &e.text)?;
    put_usize(w, e.paragraphs.len())?;
    for p in &e.paragraphs {
        put_usize(w, p.start)?;
        put_usize(w, p.end)?;
    }
    let (anchors, replaced) = e.map.parts();
    put_usize(w, anchors.len())?;
    for &(c, r) in anchors {
        put_usize(w, c)?;
        put_usize(w, r)?;
    }
    put_usize(w, replaced.len())?;
    for &(s, t, r) in replaced {
        put_usize(w, s)?;
        put_usize(w, t)?;
        put_usize(w, r)?;
    }
    put_usize(w, e.mentions.len())?;
    for m in &e.mentions {
        put_usize(w, m.start)?;
        put_usize(w, m.end)?;
        put_str(w, &m.surface)?;
        put_str(w, &m.normalized)?;
        let k = KINDS.iter().position(|k| *k == m.kind).unwrap_or(0);
        put_usize(w, k)?;
        put_str(w, &m.shape)?;
        put_str(w, &m.pattern)?;
        put_usize(w, m.value.len())?;
        for v in &m.value {
            put_u64(w, u64::from(*v))?;
        }
        put_u64(w, u64::from(m.quoted))?;
    }
    Ok(())
}

fn read_entry(r: &mut impl Read) -> std::io::Result<Entry> {
    let text = get_str(r)?;
    let n = get_usize(r)?;
    let mut paragraphs = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        paragraphs.push(get_usize(r)?..get_usize(r)?);
    }
    let n = get_usize(r)?;
    let mut anchors = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        anchors.push((get_usize(r)?, get_usize(r)?));
    }
    let n = get_usize(r)?;
    let mut replaced = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        replaced.push((get_usize(r)?, get_usize(r)?, get_usize(r)?));
    }
    let n = get_usize(r)?;
    let mut mentions = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let start = get_usize(r)?;
        let end = get_usize(r)?;
        let surface = get_str(r)?;
        let normalized = get_str(r)?;
        let kind = *KINDS
            .get(get_usize(r)?)
            .ok_or_else(|| invalid("bad kind in the spill file"))?;
        let shape = get_str(r)?;
        let pattern = get_str(r)?;
        let nv = get_usize(r)?;
        let mut value = Vec::with_capacity(nv.min(64));
        for _ in 0..nv {
            value.push(u32::try_from(get_u64(r)?).map_err(|_| invalid("bad value"))?);
        }
        let quoted = get_u64(r)? != 0;
        mentions.push(Mention {
            start,
            end,
            surface,
            normalized,
            kind,
            shape,
            pattern,
            value,
            quoted,
        });
    }
    Ok(Entry {
        text,
        paragraphs,
        map: OffsetMap::from_parts(anchors, replaced),
        mentions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<Entry> {
        [
            "推进“红色物业”和“1+5+N”。\n第二段",
            "",
            "构建“三治融合”体系",
        ]
        .iter()
        .map(|t| Entry {
            text: t.to_string(),
            paragraphs: std::iter::once(0..t.len()).collect(),
            map: OffsetMap::from_parts(vec![(0, 0), (3, 7)], vec![(3, 6, 9)]),
            mentions: crate::slogans::extract(t),
        })
        .collect()
    }

    /// A string reads back whole; a record cut short or not UTF-8 is an error, not a
    /// shorter string.
    #[test]
    fn strings_read_back_whole_or_fail() {
        let mut buf = Vec::new();
        put_str(&mut buf, "党建引领").unwrap();
        assert_eq!(get_str(&mut buf.as_slice()).unwrap(), "党建引领");
        let short = &buf[..buf.len() - 1];
        assert!(get_str(&mut &short[..]).is_err());
        let mut bad = Vec::new();
        put_usize(&mut bad, 2).unwrap();
        bad.extend_from_slice(&[0xe5, 0x85]);
        assert!(get_str(&mut bad.as_slice()).is_err());
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
