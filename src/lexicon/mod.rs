//! Lexicon files: plain text, one entry per line, `#` starts a comment line,
//! fields separated by tabs. The defaults are embedded in the binary; a user's
//! file replaces or extends them (see README, "Lexicons").

use crate::error::LexiconError;

/// The data lines of a lexicon file: `(1-based line number, fields)`, with blank
/// lines and `#` comment lines skipped and a trailing `\r` removed.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, Fields<'_>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        Some((i + 1, Fields::split(line)))
    })
}

/// The tab-separated fields of a lexicon line, each trimmed; read as a slice
/// (`fields[0]`, `fields.get(2)`, `let [a, b] = fields[..]`). A line of up to
/// eight fields needs no allocation.
#[derive(Debug, Clone)]
pub struct Fields<'a> {
    inline: [&'a str; 8],
    len: usize,
    spill: Vec<&'a str>,
}

impl<'a> Fields<'a> {
    /// `line.split('\t').map(str::trim)`, collected.
    pub fn split(line: &'a str) -> Fields<'a> {
        let mut fields = Fields {
            inline: [""; 8],
            len: 0,
            spill: Vec::new(),
        };
        let mut start = 0;
        for (i, &b) in line.as_bytes().iter().enumerate() {
            if b == b'\t' {
                fields.push(line.get(start..i).unwrap_or("").trim());
                start = i + 1;
            }
        }
        fields.push(line.get(start..).unwrap_or("").trim());
        fields
    }

    fn push(&mut self, field: &'a str) {
        if self.spill.is_empty() && self.len < self.inline.len() {
            self.inline[self.len] = field;
            self.len += 1;
        } else {
            if self.spill.is_empty() {
                self.spill.extend_from_slice(&self.inline[..self.len]);
            }
            self.spill.push(field);
        }
    }
}

impl<'a> std::ops::Deref for Fields<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        if self.spill.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spill
        }
    }
}

/// Parses a number field of a lexicon line, naming the file and line on failure.
pub fn parse_number(file: &str, line: usize, field: &str) -> Result<f64, LexiconError> {
    field
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| LexiconError::new(file, line, format!("not a number: {field:?}")))
}

use crate::actors::{ActorLexicon, TargetPhrases};
use crate::attribution::{AttributionLexicons, ReportingVerbs, SpeakerWords};
use crate::scoring::stance::StanceLexicon;
use crate::scoring::target_scope::TargetLexicon;
use crate::scoring::vader::Vader;
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
pub const ACTORS: Embedded = embedded!("actors.tsv");
pub const STANCE: Embedded = embedded!("stance.tsv");
pub const NEWS_SENTIMENT: Embedded = embedded!("news_sentiment.tsv");
pub const TARGET_PHRASES: Embedded = embedded!("target_phrases.tsv");
pub const NEWS_TARGET: Embedded = embedded!("news_target.tsv");

/// The lexicons a user may extend or replace, by the name the CLI uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexiconName {
    Abbreviations,
    ReportingVerbs,
    SpeakerWords,
    Actors,
    Stance,
    TargetPhrases,
    /// VADER's valence lexicon (`vader_lexicon.txt` format).
    Sentiment,
    /// News mode's layer on VADER (`news_sentiment.tsv` format).
    SentimentNews,
    /// Words toward a target (`news_target.tsv` format).
    SentimentTarget,
}

impl LexiconName {
    pub const ALL: [LexiconName; 9] = [
        LexiconName::Abbreviations,
        LexiconName::ReportingVerbs,
        LexiconName::SpeakerWords,
        LexiconName::Actors,
        LexiconName::Stance,
        LexiconName::TargetPhrases,
        LexiconName::Sentiment,
        LexiconName::SentimentNews,
        LexiconName::SentimentTarget,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LexiconName::Abbreviations => "abbreviations",
            LexiconName::ReportingVerbs => "reporting_verbs",
            LexiconName::SpeakerWords => "speaker_words",
            LexiconName::Actors => "actors",
            LexiconName::Stance => "stance",
            LexiconName::TargetPhrases => "target_phrases",
            LexiconName::Sentiment => "sentiment",
            LexiconName::SentimentNews => "sentiment_news",
            LexiconName::SentimentTarget => "sentiment_target",
        }
    }

    pub fn parse(name: &str) -> Option<LexiconName> {
        LexiconName::ALL.into_iter().find(|l| l.name() == name)
    }
}

/// A user's lexicon file: which lexicon, whether it replaces the defaults, and
/// its name and contents.
#[derive(Debug, Clone)]
pub struct UserLexicon {
    pub lexicon: LexiconName,
    pub replace: bool,
    pub file: String,
    pub text: String,
}

/// All word knowledge the engine reads, loaded once and shared read-only by
/// every article.
#[derive(Debug, Clone)]
pub struct Lexicons {
    pub abbreviations: Abbreviations,
    pub reporting_verbs: ReportingVerbs,
    pub speaker_words: SpeakerWords,
    pub actors: ActorLexicon,
    pub stance: StanceLexicon,
    pub target_phrases: TargetPhrases,
    pub vader: Vader,
    pub target_sentiment: TargetLexicon,
}

impl Lexicons {
    /// The defaults embedded in the binary.
    pub fn embedded() -> Result<Lexicons, LexiconError> {
        Lexicons::with_user_files(&[])
    }

    /// The defaults, each extended or replaced by the user's files in order.
    pub fn with_user_files(user: &[UserLexicon]) -> Result<Lexicons, LexiconError> {
        let replaced = |l: LexiconName| user.iter().any(|u| u.lexicon == l && u.replace);
        let mut abbreviations = Abbreviations::default();
        let mut reporting_verbs = ReportingVerbs::default();
        let mut speaker_words = SpeakerWords::default();
        let mut actors = ActorLexicon::default();
        let mut stance = StanceLexicon::default();
        let mut target_phrases = TargetPhrases::default();
        let mut target_sentiment = TargetLexicon::default();
        if !replaced(LexiconName::Abbreviations) {
            abbreviations.extend_from(ABBREVIATIONS.name, ABBREVIATIONS.text)?;
        }
        if !replaced(LexiconName::ReportingVerbs) {
            reporting_verbs.extend_from(REPORTING_VERBS.name, REPORTING_VERBS.text)?;
        }
        if !replaced(LexiconName::SpeakerWords) {
            speaker_words.extend_from(SPEAKER_WORDS.name, SPEAKER_WORDS.text)?;
        }
        if !replaced(LexiconName::Actors) {
            actors.extend_from(ACTORS.name, ACTORS.text)?;
        }
        if !replaced(LexiconName::Stance) {
            stance.extend_from(STANCE.name, STANCE.text)?;
        }
        if !replaced(LexiconName::TargetPhrases) {
            target_phrases.extend_from(TARGET_PHRASES.name, TARGET_PHRASES.text)?;
        }
        if !replaced(LexiconName::SentimentTarget) {
            target_sentiment.extend_from(NEWS_TARGET.name, NEWS_TARGET.text)?;
        }
        let mut vader = Vader::embedded()?;
        if replaced(LexiconName::Sentiment) {
            vader.clear_lexicon();
        }
        if replaced(LexiconName::SentimentNews) {
            vader.clear_news();
        }
        for u in user {
            let (file, text) = (u.file.as_str(), u.text.as_str());
            match u.lexicon {
                LexiconName::Abbreviations => {
                    abbreviations.extend_from(file, text)?;
                    vader.extend_news_abbreviations(file, text)?;
                }
                LexiconName::ReportingVerbs => reporting_verbs.extend_from(file, text)?,
                LexiconName::SpeakerWords => speaker_words.extend_from(file, text)?,
                LexiconName::Actors => actors.extend_from(file, text)?,
                LexiconName::Stance => stance.extend_from(file, text)?,
                LexiconName::TargetPhrases => target_phrases.extend_from(file, text)?,
                LexiconName::Sentiment => vader.extend_lexicon(file, text)?,
                LexiconName::SentimentNews => vader.extend_news(file, text)?,
                LexiconName::SentimentTarget => target_sentiment.extend_from(file, text)?,
            }
        }
        Ok(Lexicons {
            abbreviations,
            reporting_verbs,
            speaker_words,
            actors,
            stance,
            target_phrases,
            vader,
            target_sentiment,
        })
    }

    pub fn attribution(&self) -> AttributionLexicons<'_> {
        AttributionLexicons {
            verbs: &self.reporting_verbs,
            words: &self.speaker_words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn fields_are_the_trimmed_tab_separated_parts() {
        for line in [
            "",
            "a",
            "a\tb",
            " a \t b\t",
            "\t\t",
            "x\ty\tz\tw\tv\tu\tt\ts",
            "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t 11 ",
            "é\t\u{2019}s \tñ",
        ] {
            let expected: Vec<&str> = line.split('\t').map(str::trim).collect();
            assert_eq!(&*Fields::split(line), expected.as_slice(), "{line:?}");
        }
    }
}
