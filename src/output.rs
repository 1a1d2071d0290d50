//! Atomic output: every file tifa writes goes to a temporary file in the same directory and
//! is renamed into place only when complete, so an interrupted or failed run never leaves a
//! half-written file and never damages the previous output.
//!
//! Temporary files are registered while they exist. A failed run removes its own (errors
//! return through [`Staged`]'s `Drop`); a signal kills the process without unwinding, so the
//! binary's SIGINT handler calls [`remove_temporaries_and_exit`], which removes whatever is
//! registered. Renames into place happen while the registry is locked, so the handler waits
//! for a commit in progress: the outputs are all old or all new, never a mixture.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files that exist now (written, not yet renamed into place or removed).
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Locks the registry (a panic elsewhere while it was held does not make it unusable: the
/// list is only ever pushed to and filtered).
fn registry() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Forgets `tmp` (it was renamed into place or removed).
fn unregister(list: &mut Vec<PathBuf>, tmp: &Path) {
    list.retain(|p| p != tmp);
}

/// Removes every registered temporary file and exits the process with `code`, without
/// releasing the registry: a commit in progress finishes first, and no new temporary file
/// can appear afterwards. For signal handlers (the binary exits 130 on SIGINT).
pub fn remove_temporaries_and_exit(code: i32) -> ! {
    let list = registry();
    for tmp in list.iter() {
        let _ = std::fs::remove_file(tmp);
    }
    std::process::exit(code)
}

/// The temporary path beside `path`: hidden, and named after the file and the process.
fn temporary_for(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    dir.join(format!(".{name}.tifa-tmp-{}", std::process::id()))
}

/// Writes `bytes` to a new registered temporary file beside `path` and returns its path; on
/// failure the temporary file is removed and forgotten.
fn write_temporary(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    write_temporary_with(path, &mut |w| w.write_all(bytes))
}

/// [`write_temporary`] with the contents written by `write` (buffered), so that a large
/// output need not be held in memory first.
fn write_temporary_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<PathBuf> {
    let tmp = temporary_for(path);
    // Registered before it is created, so that a signal arriving in between cannot miss it.
    registry().push(tmp.clone());
    let r = (|| -> std::io::Result<()> {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
        write(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()
    })();
    if let Err(e) = r {
        let mut list = registry();
        let _ = std::fs::remove_file(&tmp);
        unregister(&mut list, &tmp);
        return Err(Error::io(path, e));
    }
    Ok(tmp)
}

/// Writes `bytes` to `path` atomically (temporary file in the same directory, fsync, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = write_temporary(path, bytes)?;
    let mut list = registry();
    let r = std::fs::rename(&tmp, path);
    if r.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    unregister(&mut list, &tmp);
    r.map_err(|e| Error::io(path, e))
}

/// A set of files staged for an all-or-nothing commit: each is written to a temporary file
/// first; [`Staged::commit`] renames them all into place at the end of a successful run.
/// Dropping an uncommitted `Staged` removes its temporary files.
#[derive(Debug, Default)]
pub struct Staged {
    /// (temporary file, final path), in the order added.
    files: Vec<(PathBuf, PathBuf)>,
}

impl Staged {
    /// An empty set.
    pub fn new() -> Staged {
        Staged::default()
    }

    /// Writes `bytes` to a temporary file beside `path`.
    pub fn add(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        let tmp = write_temporary(path, bytes)?;
        self.files.push((tmp, path.to_path_buf()));
        Ok(())
    }

    /// Writes a temporary file beside `path` with `write` (for outputs too large to build in
    /// memory first, e.g. `metrics.json` of a corpus of many documents).
    pub fn add_with(
        &mut self,
        path: &Path,
        mut write: impl FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let tmp = write_temporary_with(path, &mut write)?;
        self.files.push((tmp, path.to_path_buf()));
        Ok(())
    }

    /// Moves the files staged in `other` to the end of this set (staged apart, e.g. on
    /// another thread, and committed together).
    pub fn append(&mut self, mut other: Staged) {
        self.files.append(&mut other.files);
    }

    /// Renames every staged file into place (with the registry locked, so a signal handler
    /// waits until all are in place). If a rename fails, the files not yet renamed are
    /// removed and the error is returned.
    pub fn commit(mut self) -> Result<()> {
        let files = std::mem::take(&mut self.files);
        let mut list = registry();
        let mut result = Ok(());
        for (tmp, path) in &files {
            if result.is_ok() {
                result = std::fs::rename(tmp, path).map_err(|e| Error::io(path, e));
            }
            if result.is_err() {
                let _ = std::fs::remove_file(tmp);
            }
            unregister(&mut list, tmp);
        }
        result
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let mut list = registry();
        for (tmp, _) in &self.files {
            let _ = std::fs::remove_file(tmp);
            unregister(&mut list, tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_files_appear_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.json");
        std::fs::write(&p, "old").unwrap();
        {
            let mut s = Staged::new();
            s.add(&p, b"new").unwrap();
            assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
            // dropped without commit
        }
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let mut s = Staged::new();
        s.add(&p, b"new").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temporaries_are_registered_only_while_they_exist() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.svg");
        let registered = |tmp: &Path| registry().iter().any(|t| t == tmp);
        let tmp = temporary_for(&p);
        let mut s = Staged::new();
        s.add(&p, b"x").unwrap();
        assert!(tmp.exists() && registered(&tmp));
        drop(s);
        assert!(!tmp.exists() && !registered(&tmp));
        write_atomic(&p, b"y").unwrap();
        assert!(!tmp.exists() && !registered(&tmp));
        assert_eq!(std::fs::read(&p).unwrap(), b"y");
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        // The parent of the output is a regular file: the temporary cannot be created.
        let file = dir.path().join("f");
        std::fs::write(&file, "keep").unwrap();
        let p = file.join("out.json");
        let e = write_atomic(&p, b"z").unwrap_err();
        assert!(e.to_string().contains("out.json"), "{e}");
        assert!(!registry().iter().any(|t| t == &temporary_for(&p)));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn add_with_writes_through_and_a_failing_writer_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("metrics.json");
        let mut s = Staged::new();
        // Written in pieces larger and smaller than the buffer: the file holds them in order.
        let big = vec![b'a'; 100_000];
        s.add_with(&p, |w| {
            w.write_all(b"{")?;
            w.write_all(&big)?;
            w.write_all(b"}\n")
        })
        .unwrap();
        s.commit().unwrap();
        let got = std::fs::read(&p).unwrap();
        assert_eq!(got.len(), 1 + 100_000 + 2);
        assert!(got.starts_with(b"{a") && got.ends_with(b"a}\n"));

        // A writer that fails half-way: an error naming the file, no temporary, old file kept.
        let mut s = Staged::new();
        let e = s
            .add_with(&p, |w| {
                w.write_all(b"partial")?;
                Err(std::io::Error::other("serialiser failed"))
            })
            .unwrap_err();
        assert!(e.to_string().contains("metrics.json"), "{e}");
        assert!(!temporary_for(&p).exists());
        assert!(!registry().iter().any(|t| t == &temporary_for(&p)));
        drop(s);
        assert_eq!(std::fs::read(&p).unwrap(), got);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
