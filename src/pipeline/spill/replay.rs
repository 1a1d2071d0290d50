//! A finished spill, read back as often as needed: `tifa report` reads its per-document
//! rows three times (metrics.json's `documents` and `cleaning`, report.html's cleaning
//! notes), two of them at once.

use super::{tmp_error, Record, Scratch};
use crate::error::Result;
use std::fs::File;
use std::io::{BufReader, Read};

/// A finished [`Spill`](super::Spill): its records can be read any number of times, also by several
/// threads at once (each read of the file is positioned; none moves a shared cursor).
#[derive(Debug)]
pub struct Spilled<T> {
    mem: Vec<T>,
    file: Option<File>,
    entries: usize,
}

impl<T> Spilled<T> {
    /// The records of a finished spill: those in memory, or the temporary file holding
    /// `entries` of them.
    pub(super) fn new(mem: Vec<T>, file: Option<File>, entries: usize) -> Spilled<T> {
        Spilled { mem, file, entries }
    }
}

impl<T: Record + Clone> Spilled<T> {
    /// The number of records.
    pub fn len(&self) -> usize {
        self.entries
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// True when the records are in a temporary file.
    pub fn on_disk(&self) -> bool {
        self.file.is_some()
    }

    /// The records in push order (those held in memory are cloned).
    pub fn iter(&self) -> Replay<'_, T> {
        match &self.file {
            None => Replay::Mem(self.mem.iter()),
            Some(f) => Replay::File {
                file: BufReader::with_capacity(1 << 16, At { file: f, pos: 0 }),
                left: self.entries,
                record: (Vec::new(), Vec::new()),
            },
        }
    }
}

/// One reading of a [`Spilled`].
#[derive(Debug)]
pub enum Replay<'a, T> {
    /// Records held in memory.
    Mem(std::slice::Iter<'a, T>),
    /// Records in the temporary file.
    File {
        /// The file, read from its start.
        file: BufReader<At<'a>>,
        /// How many records are left.
        left: usize,
        /// The current record's fields.
        record: Scratch,
    },
}

impl<T: Record + Clone> Iterator for Replay<'_, T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        match self {
            Replay::Mem(it) => it.next().cloned().map(Ok),
            Replay::File { file, left, record } => {
                if *left == 0 {
                    return None;
                }
                *left -= 1;
                Some(T::read(file, record).map_err(tmp_error))
            }
        }
    }
}

/// A reader of a shared file with a position of its own (positioned reads: `pread` on
/// Unix, `seek_read` on Windows).
#[derive(Debug)]
pub struct At<'a> {
    file: &'a File,
    pos: u64,
}

impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(self.file, buf, self.pos)?;
        #[cfg(windows)]
        let n = std::os::windows::fs::FileExt::seek_read(self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}
