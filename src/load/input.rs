//! Opening a multi-document file (CSV, JSON Lines) for streaming.
//!
//! Files up to [`WHOLE_FILE_LIMIT`] are read whole and their encoding judged on all their
//! bytes. Larger UTF-8 input (with or without BOM, judged on a 64 KiB prefix) is streamed
//! straight from the file, so a gigabyte CSV is read one record at a time; a larger file in
//! any other encoding is decoded whole into memory first.

use super::encoding::{self, DecodeError};
use crate::error::{Error, Result};
use std::fs::File;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Size of the prefix used to decide whether a large file can be streamed as UTF-8.
const SNIFF_LEN: usize = 64 * 1024;

/// Files up to this size (16 MiB) are read whole, so their encoding is judged on every byte.
pub const WHOLE_FILE_LIMIT: u64 = 16 * 1024 * 1024;

/// Where the bytes behind a stream can be read again (for the end-of-file quote check).
#[derive(Debug, Clone)]
pub enum Replay {
    /// The file itself, the stream starting at `skip` bytes (after a BOM).
    File {
        /// The file.
        path: PathBuf,
        /// Bytes skipped at the start (the BOM).
        skip: u64,
    },
    /// The decoded text, re-encoded as UTF-8, held in memory.
    Memory(Arc<Vec<u8>>),
}

impl Replay {
    /// Counts `"` bytes from stream offset `from` to the end.
    pub fn count_quotes_from(&self, from: u64) -> std::io::Result<u64> {
        match self {
            Replay::Memory(bytes) => {
                let start = (from as usize).min(bytes.len());
                Ok(bytes[start..].iter().filter(|&&b| b == b'"').count() as u64)
            }
            Replay::File { path, skip } => {
                let mut file = File::open(path)?;
                file.seek(SeekFrom::Start(skip + from))?;
                let mut buf = vec![0u8; 64 * 1024];
                let mut count = 0u64;
                loop {
                    let n = file.read(&mut buf)?;
                    if n == 0 {
                        return Ok(count);
                    }
                    count += buf[..n].iter().filter(|&&b| b == b'"').count() as u64;
                }
            }
        }
    }
}

/// An opened multi-document file: a UTF-8 byte stream and its detected encoding.
pub struct Input {
    /// UTF-8 bytes (BOM removed).
    pub reader: Box<dyn Read + Send>,
    /// Display name of the detected encoding.
    pub encoding: String,
    /// How to re-read the stream.
    pub replay: Replay,
}

/// Why a file could not be opened as text.
pub enum OpenError {
    /// A hard error (I/O, unknown forced label).
    Fatal(Error),
    /// The bytes could not be decoded (binary or undecodable).
    Decode(DecodeError),
}

impl From<Error> for OpenError {
    fn from(e: Error) -> Self {
        OpenError::Fatal(e)
    }
}

/// Opens `path` as a UTF-8 stream, detecting (or forcing) its encoding.
pub fn open(path: &Path, forced: Option<&str>) -> Result<Input, OpenError> {
    open_with_limit(path, forced, WHOLE_FILE_LIMIT)
}

/// [`open`] with a chosen whole-file limit (tests use 0 to force streaming).
pub fn open_with_limit(
    path: &Path,
    forced: Option<&str>,
    whole_file_limit: u64,
) -> Result<Input, OpenError> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut prefix = Vec::with_capacity(SNIFF_LEN);
    (&mut file)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut prefix)
        .map_err(|e| Error::io(path, e))?;
    let forced_utf8 = forced
        .map(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()) == Some(encoding_rs::UTF_8));
    let small = file
        .metadata()
        .map(|m| m.len() <= whole_file_limit)
        .unwrap_or(false);
    let stream_utf8 = match forced_utf8 {
        Some(is_utf8) => is_utf8 && !small,
        None if small => false,
        None => {
            prefix.starts_with(b"\xEF\xBB\xBF")
                || (!encoding::looks_binary(&prefix)
                    && encoding::utf16_without_bom(&prefix).is_none()
                    && !prefix.starts_with(&[0xFF, 0xFE])
                    && !prefix.starts_with(&[0xFE, 0xFF])
                    && encoding::prefix_is_utf8(&prefix))
        }
    };
    if stream_utf8 {
        let bom = prefix.starts_with(b"\xEF\xBB\xBF");
        let skip = if bom { 3 } else { 0 };
        file.seek(SeekFrom::Start(skip))
            .map_err(|e| Error::io(path, e))?;
        let name = if bom { "UTF-8 (BOM)" } else { "UTF-8" };
        return Ok(Input {
            reader: Box::new(file),
            encoding: name.into(),
            replay: Replay::File {
                path: path.to_path_buf(),
                skip,
            },
        });
    }
    let mut bytes = prefix;
    file.read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    let decoded = encoding::decode_owned(bytes, forced).map_err(OpenError::Decode)?;
    let utf8 = Arc::new(decoded.text.into_bytes());
    Ok(Input {
        reader: Box::new(Cursor::new(ArcBytes(utf8.clone()))),
        encoding: decoded.encoding,
        replay: Replay::Memory(utf8),
    })
}

/// Shared bytes usable as a `Cursor` buffer.
struct ArcBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for ArcBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}
