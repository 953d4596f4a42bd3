//! Error types of the engine. Each names the file and line, or the article id,
//! so that the CLI can print it as one line.

use std::fmt;

/// A lexicon file that could not be read: names the file and the 1-based line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl LexiconError {
    pub fn new(file: &str, line: usize, message: impl fmt::Display) -> Self {
        LexiconError {
            file: file.to_string(),
            line,
            message: message.to_string(),
        }
    }
}
