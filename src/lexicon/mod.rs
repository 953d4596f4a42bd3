//! Lexicon files: plain text, one entry per line, `#` starts a comment line,
//! fields separated by tabs. The defaults are embedded in the binary; a user's
//! file replaces or extends them (see README, "Lexicons").

use crate::error::LexiconError;

/// The data lines of a lexicon file: `(1-based line number, fields)`, with blank
/// lines and `#` comment lines skipped and a trailing `\r` removed.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        Some((i + 1, line.split('\t').map(str::trim).collect()))
    })
}

/// Parses a number field of a lexicon line, naming the file and line on failure.
pub fn parse_number(file: &str, line: usize, field: &str) -> Result<f64, LexiconError> {
    field
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| LexiconError::new(file, line, format!("not a number: {field:?}")))
}

use crate::attribution::{AttributionLexicons, ReportingVerbs, SpeakerWords};
use crate::text::Abbreviations;

/// A lexicon file embedded in the binary: its name (as `lexicons/` holds it)
/// and its contents.
pub struct Embedded {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! embedded {
    ($name:literal) => {
        Embedded {
            name: concat!("lexicons/", $name),
            text: include_str!(concat!("../../lexicons/", $name)),
        }
    };
}

pub const ABBREVIATIONS: Embedded = embedded!("abbreviations.txt");
pub const REPORTING_VERBS: Embedded = embedded!("reporting_verbs.tsv");
pub const SPEAKER_WORDS: Embedded = embedded!("speaker_words.tsv");

/// All word knowledge the engine reads, loaded once and shared read-only by
/// every article.
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    pub abbreviations: Abbreviations,
    pub reporting_verbs: ReportingVerbs,
    pub speaker_words: SpeakerWords,
}

impl Lexicons {
    /// The defaults embedded in the binary.
    pub fn embedded() -> Result<Lexicons, LexiconError> {
        let mut lex = Lexicons::default();
        lex.abbreviations.extend_from(ABBREVIATIONS.name, ABBREVIATIONS.text)?;
        lex.reporting_verbs.extend_from(REPORTING_VERBS.name, REPORTING_VERBS.text)?;
        lex.speaker_words.extend_from(SPEAKER_WORDS.name, SPEAKER_WORDS.text)?;
        Ok(lex)
    }

    pub fn attribution(&self) -> AttributionLexicons<'_> {
        AttributionLexicons {
            verbs: &self.reporting_verbs,
            words: &self.speaker_words,
        }
    }
}
