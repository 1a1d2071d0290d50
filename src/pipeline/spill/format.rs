//! The spill file's format: per entry, the text (length-prefixed), then the other fields as
//! two length-prefixed blocks, the numbers (string lengths among them) and the strings back
//! to back; little-endian `u64` numbers throughout.

use super::{Entry, Meta};
use crate::clean::{CleanReport, Script};
use crate::load::Document;
use crate::offsets::OffsetMap;
use crate::pipeline::DocRow;
use crate::slogans::{Kind, Mention};
use std::io::{Read, Write};
use std::ops::Range;

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

/// Writes an entry: its text, then its other fields as two length-prefixed blocks: the
/// numbers (string lengths among them), then the strings back to back. Reading them back is
/// two reads, one UTF-8 check and a walk over a buffer.
pub(super) fn write_entry(
    w: &mut impl Write,
    e: &Entry,
    (numbers, strings): &mut (Vec<u8>, Vec<u8>),
) -> std::io::Result<()> {
    put_str(w, &e.text)?;
    numbers.clear();
    strings.clear();
    encode_rest(numbers, strings, e);
    write_blocks(w, numbers, strings)
}

/// Encodes a number into a record's numbers.
fn enc_num(numbers: &mut Vec<u8>, x: usize) {
    numbers.extend_from_slice(&(x as u64).to_le_bytes());
}

/// Encodes a string: its length into the numbers, its bytes into the strings.
fn enc_str(numbers: &mut Vec<u8>, strings: &mut Vec<u8>, s: &str) {
    enc_num(numbers, s.len());
    strings.extend_from_slice(s.as_bytes());
}

/// Writes a record's two blocks, each length-prefixed: the numbers, then the strings.
fn write_blocks(w: &mut impl Write, numbers: &[u8], strings: &[u8]) -> std::io::Result<()> {
    put_usize(w, numbers.len())?;
    w.write_all(numbers)?;
    put_usize(w, strings.len())?;
    w.write_all(strings)
}

/// Reads a record's two blocks and walks them with `walk`, which must use them up. The
/// strings are checked as UTF-8 once (the buffer is lent to a `String` and taken back);
/// each string is then cut out at char boundaries, which `str::get` checks.
fn read_blocks<T>(
    r: &mut impl Read,
    (numbers, strings): &mut (Vec<u8>, Vec<u8>),
    walk: impl FnOnce(&mut Fields<'_>) -> std::io::Result<T>,
) -> std::io::Result<T> {
    let len = get_usize(r)?;
    read_block(r, len, numbers)?;
    let len = get_usize(r)?;
    read_block(r, len, strings)?;
    let checked = crate::load::encoding::utf8_string(std::mem::take(strings))
        .map_err(|_| invalid("invalid UTF-8 in the spill file"))?;
    let mut f = Fields {
        numbers,
        strings: &checked,
    };
    let out = walk(&mut f);
    let used_up = f.numbers.is_empty() && f.strings.is_empty();
    *strings = checked.into_bytes();
    let out = out?;
    if !used_up {
        return Err(invalid("a spill record is longer than its fields"));
    }
    Ok(out)
}

/// Writes a document's row record: its metadata, then its cleaned length, paragraphs and
/// emptiness, as two blocks.
pub(super) fn write_row(
    w: &mut impl Write,
    row: &DocRow,
    (numbers, strings): &mut (Vec<u8>, Vec<u8>),
) -> std::io::Result<()> {
    numbers.clear();
    strings.clear();
    encode_meta(numbers, strings, &row.meta);
    enc_num(numbers, row.clean_chars);
    enc_num(numbers, row.paragraphs);
    enc_num(numbers, usize::from(row.empty));
    write_blocks(w, numbers, strings)
}

/// Reads a row record back.
pub(super) fn read_row(
    r: &mut impl Read,
    scratch: &mut (Vec<u8>, Vec<u8>),
) -> std::io::Result<DocRow> {
    read_blocks(r, scratch, |f| {
        Ok(DocRow {
            meta: read_meta(f)?,
            clean_chars: f.usize()?,
            paragraphs: f.usize()?,
            empty: f.u64()? != 0,
        })
    })
}

/// The fields of `e` after its text, in the order [`Fields`] reads them.
fn encode_rest(numbers: &mut Vec<u8>, strings: &mut Vec<u8>, e: &Entry) {
    enc_num(numbers, e.paragraphs.len());
    for p in &e.paragraphs {
        enc_num(numbers, p.start);
        enc_num(numbers, p.end);
    }
    let (anchors, replaced) = e.map.parts();
    enc_num(numbers, anchors.len());
    for &(c, r) in anchors {
        enc_num(numbers, c);
        enc_num(numbers, r);
    }
    enc_num(numbers, replaced.len());
    for &(s, t, r) in replaced {
        enc_num(numbers, s);
        enc_num(numbers, t);
        enc_num(numbers, r);
    }
    enc_num(numbers, e.mentions.len());
    for m in &e.mentions {
        enc_num(numbers, m.start);
        enc_num(numbers, m.end);
        enc_str(numbers, strings, &m.surface);
        enc_str(numbers, strings, &m.normalized);
        enc_num(
            numbers,
            KINDS.iter().position(|k| *k == m.kind).unwrap_or(0),
        );
        enc_str(numbers, strings, &m.shape);
        enc_str(numbers, strings, &m.pattern);
        enc_num(numbers, m.value.len());
        for &v in &m.value {
            enc_num(numbers, v as usize);
        }
        enc_num(numbers, usize::from(m.quoted));
    }
    encode_meta(numbers, strings, &e.meta);
}

/// A document's metadata, in the order [`read_meta`] reads it.
fn encode_meta(numbers: &mut Vec<u8>, strings: &mut Vec<u8>, meta: &Meta) {
    let d = &meta.doc;
    enc_str(numbers, strings, &d.id);
    enc_str(numbers, strings, &d.file);
    match d.row {
        Some(r) => {
            enc_num(numbers, 1);
            numbers.extend_from_slice(&r.to_le_bytes());
        }
        None => enc_num(numbers, 0),
    }
    enc_num(numbers, d.fields.len());
    for (k, v) in &d.fields {
        enc_str(numbers, strings, k);
        enc_str(numbers, strings, v);
    }
    enc_str(numbers, strings, &d.encoding);
    enc_num(numbers, meta.raw_chars);
    enc_num(
        numbers,
        SCRIPTS.iter().position(|x| *x == meta.script).unwrap_or(0),
    );
    let r = &meta.report;
    for x in [
        r.width_chars,
        r.simplified_chars,
        r.pinyin_glosses,
        r.rejoined,
        r.dup_paragraphs,
        r.dup_sentences,
        r.dropped_lines,
        r.captions,
        r.cross_dup_paragraphs,
        usize::from(r.cross_dup_document),
        r.markup,
    ] {
        enc_num(numbers, x);
    }
}

/// The scripts by their number in the format.
const SCRIPTS: [Script; 3] = [Script::Simplified, Script::Traditional, Script::Unknown];

/// The metadata after an entry's formulations, in the order [`encode_rest`] wrote them.
fn read_meta(f: &mut Fields<'_>) -> std::io::Result<Meta> {
    let id = f.string()?;
    let file = f.string()?;
    let row = match f.u64()? {
        0 => None,
        _ => Some(f.u64()?),
    };
    let nf = f.usize()?;
    let mut fields = indexmap::IndexMap::with_capacity(nf.min(1 << 10));
    for _ in 0..nf {
        let k = f.string()?;
        let v = f.string()?;
        fields.insert(k, v);
    }
    let encoding = f.string()?;
    let raw_chars = f.usize()?;
    let script = *SCRIPTS
        .get(f.usize()?)
        .ok_or_else(|| invalid("bad script in the spill file"))?;
    let mut x = [0usize; 11];
    for v in &mut x {
        *v = f.usize()?;
    }
    Ok(Meta {
        doc: Document {
            id,
            file,
            row,
            fields,
            encoding,
            raw: String::new(),
        },
        raw_chars,
        script,
        report: CleanReport {
            width_chars: x[0],
            simplified_chars: x[1],
            pinyin_glosses: x[2],
            rejoined: x[3],
            dup_paragraphs: x[4],
            dup_sentences: x[5],
            dropped_lines: x[6],
            captions: x[7],
            cross_dup_paragraphs: x[8],
            cross_dup_document: x[9] != 0,
            markup: x[10],
        },
    })
}

/// A walk over an entry's encoded fields.
struct Fields<'b> {
    numbers: &'b [u8],
    strings: &'b str,
}

impl Fields<'_> {
    fn u64(&mut self) -> std::io::Result<u64> {
        let (head, tail) = self
            .numbers
            .split_first_chunk::<8>()
            .ok_or_else(|| invalid("a spill record ends early"))?;
        self.numbers = tail;
        Ok(u64::from_le_bytes(*head))
    }

    fn usize(&mut self) -> std::io::Result<usize> {
        usize::try_from(self.u64()?).map_err(|_| invalid("length out of range"))
    }

    /// The next string (its length is the next number).
    fn string(&mut self) -> std::io::Result<String> {
        let n = self.usize()?;
        match (self.strings.get(..n), self.strings.get(n..)) {
            (Some(s), Some(rest)) => {
                self.strings = rest;
                Ok(s.to_owned())
            }
            _ => Err(invalid(
                "a spill record's strings end early or split a character",
            )),
        }
    }
}

/// Reads `n` bytes into `buf`.
fn read_block(r: &mut impl Read, n: usize, buf: &mut Vec<u8>) -> std::io::Result<()> {
    buf.clear();
    r.take(n as u64).read_to_end(buf)?;
    if buf.len() != n {
        return Err(invalid("the spill file ends early"));
    }
    Ok(())
}

pub(super) fn read_entry(
    r: &mut impl Read,
    scratch: &mut (Vec<u8>, Vec<u8>),
) -> std::io::Result<Entry> {
    let text = get_str(r)?;
    let (paragraphs, map, mentions, meta) = read_blocks(r, scratch, read_fields)?;
    Ok(Entry {
        text,
        paragraphs,
        map,
        mentions,
        meta,
    })
}

/// An entry's fields after its text: paragraphs, offset map, formulations, metadata.
type EntryFields = (Vec<Range<usize>>, OffsetMap, Vec<Mention>, Meta);

/// The fields of an entry after its text, from its two blocks.
fn read_fields(f: &mut Fields<'_>) -> std::io::Result<EntryFields> {
    let n = f.usize()?;
    let mut paragraphs = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        paragraphs.push(f.usize()?..f.usize()?);
    }
    let n = f.usize()?;
    let mut anchors = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        anchors.push((f.usize()?, f.usize()?));
    }
    let n = f.usize()?;
    let mut replaced = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        replaced.push((f.usize()?, f.usize()?, f.usize()?));
    }
    let n = f.usize()?;
    let mut mentions = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let start = f.usize()?;
        let end = f.usize()?;
        let surface = f.string()?;
        let normalized = f.string()?;
        let kind = *KINDS
            .get(f.usize()?)
            .ok_or_else(|| invalid("bad kind in the spill file"))?;
        let shape = f.string()?;
        let pattern = f.string()?;
        let nv = f.usize()?;
        let mut value = Vec::with_capacity(nv.min(64));
        for _ in 0..nv {
            value.push(u32::try_from(f.u64()?).map_err(|_| invalid("bad value"))?);
        }
        let quoted = f.u64()? != 0;
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
    let meta = read_meta(f)?;
    Ok((
        paragraphs,
        OffsetMap::from_parts(anchors, replaced),
        mentions,
        meta,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::entries;
    use super::*;

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

    /// A row record reads back whole; cut short anywhere, or with a byte too many in its
    /// numbers, it is an error.
    #[test]
    fn rows_read_back_whole_or_fail() {
        let mut scratch = (Vec::new(), Vec::new());
        for row in super::super::tests::rows() {
            let mut buf = Vec::new();
            write_row(&mut buf, &row, &mut scratch).unwrap();
            assert_eq!(read_row(&mut buf.as_slice(), &mut scratch).unwrap(), row);
            for cut in 0..buf.len() {
                assert!(
                    read_row(&mut &buf[..cut], &mut scratch).is_err(),
                    "cut at {cut}"
                );
            }
            // Numbers block announced 8 bytes longer, 8 zero bytes inserted: a record
            // longer than its fields.
            let numbers_len = u64::from_le_bytes(buf[..8].try_into().unwrap()) as usize;
            let mut long = Vec::new();
            long.extend_from_slice(&(numbers_len as u64 + 8).to_le_bytes());
            long.extend_from_slice(&buf[8..8 + numbers_len]);
            long.extend_from_slice(&[0; 8]);
            long.extend_from_slice(&buf[8 + numbers_len..]);
            assert!(read_row(&mut long.as_slice(), &mut scratch).is_err());
        }
    }

    /// An entry reads back whole; cut short, or with its strings cut inside a character
    /// or not UTF-8, it is an error.
    #[test]
    fn entries_read_back_whole_or_fail() {
        let e = entries().remove(0);
        assert!(e.mentions.iter().any(|m| !m.surface.is_empty()));
        let mut buf = Vec::new();
        write_entry(&mut buf, &e, &mut (Vec::new(), Vec::new())).unwrap();
        let mut record = (Vec::new(), Vec::new());
        assert_eq!(read_entry(&mut buf.as_slice(), &mut record).unwrap(), e);
        let (numbers_len, strings_len) = (record.0.len(), record.1.len());
        for cut in [1, 9, buf.len() / 2, buf.len() - 1] {
            assert!(
                read_entry(&mut &buf[..cut], &mut record).is_err(),
                "cut at {cut}"
            );
        }
        // The last byte of the strings: 0xFF is never UTF-8.
        let mut bad = buf.clone();
        let last = bad.len() - 1;
        bad[last] = 0xFF;
        assert!(read_entry(&mut bad.as_slice(), &mut record).is_err());
        // The first string one byte longer: it ends inside a character (or the strings
        // end early).
        let strings_at = buf.len() - strings_len;
        let numbers_at = strings_at - 8 - numbers_len;
        let mut split = buf.clone();
        // The numbers: paragraphs (1 + 2), anchors (1 + 4), replaced (1 + 3), mentions (1),
        // then the first mention's start, end and surface length.
        let surface_len_at = numbers_at + 8 * (3 + 5 + 4 + 1 + 2);
        let n = u64::from_le_bytes(
            split[surface_len_at..surface_len_at + 8]
                .try_into()
                .unwrap(),
        );
        assert_eq!(n as usize, e.mentions[0].surface.len());
        split[surface_len_at..surface_len_at + 8].copy_from_slice(&(n + 1).to_le_bytes());
        assert!(read_entry(&mut split.as_slice(), &mut record).is_err());
    }
}
