//! The error type: every error renders as one line that names the file (and where known the
//! line or byte offset) and the problem, and says what to do where that is not obvious.

use std::fmt;
use std::path::{Path, PathBuf};

/// A `Result` with tifa's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, each variant rendered as a single line.
#[derive(Debug)]
pub enum Error {
    /// An input problem tied to a file: `path[:line][@byte]: message`.
    Input {
        /// The file (or directory) concerned.
        path: PathBuf,
        /// 1-based line number, where known.
        line: Option<u64>,
        /// 0-based byte offset, where known.
        offset: Option<u64>,
        /// What is wrong, and what to do about it.
        message: String,
    },
    /// An I/O error on a named path.
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A bad option or combination of options.
    Usage(String),
}

impl Error {
    /// An input error on `path` with a message.
    pub fn input(path: impl AsRef<Path>, message: impl Into<String>) -> Error {
        Error::Input {
            path: path.as_ref().to_path_buf(),
            line: None,
            offset: None,
            message: message.into(),
        }
    }

    /// An input error on `path` at 1-based `line`.
    pub fn at_line(path: impl AsRef<Path>, line: u64, message: impl Into<String>) -> Error {
        Error::Input {
            path: path.as_ref().to_path_buf(),
            line: Some(line),
            offset: None,
            message: message.into(),
        }
    }

    /// An input error on `path` at 0-based byte `offset`.
    pub fn at_offset(path: impl AsRef<Path>, offset: u64, message: impl Into<String>) -> Error {
        Error::Input {
            path: path.as_ref().to_path_buf(),
            line: None,
            offset: Some(offset),
            message: message.into(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }

    /// The process exit code for this error (documented in the README): 2 for bad input
    /// and usage errors (including a named file that does not exist), 1 for other I/O
    /// errors (an output directory that is not writable, a full disk).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input { .. } | Error::Usage(_) => 2,
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => 2,
            Error::Io { .. } => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input {
                path,
                line,
                offset,
                message,
            } => {
                write!(f, "{}", path.display())?;
                if let Some(l) = line {
                    write!(f, ":{l}")?;
                }
                if let Some(o) = offset {
                    write!(f, " (byte {o})")?;
                }
                write!(f, ": {}", one_line(message))
            }
            Error::Io { path, source } => {
                write!(f, "{}: {}", path.display(), one_line(&source.to_string()))
            }
            Error::Usage(m) => write!(f, "{}", one_line(m)),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Folds a message onto one line (errors are always one line).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_one_line_with_location() {
        let e = Error::at_line("a.csv", 7, "unterminated\nquote");
        assert_eq!(e.to_string(), "a.csv:7: unterminated quote");
        let e = Error::at_offset("b.txt", 12, "bytes decode in no supported encoding");
        assert_eq!(
            e.to_string(),
            "b.txt (byte 12): bytes decode in no supported encoding"
        );
        assert_eq!(e.exit_code(), 2);
    }
}
