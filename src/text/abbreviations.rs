use rustc_hash::FxHashMap as HashMap;

use crate::error::LexiconError;
use crate::lexicon::data_lines;

/// Whether an abbreviation can end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Comes before a name or a number (`Gen.`, `Aug.`, `No.`): never ends a sentence.
    Title,
    /// May end a sentence, but only where a paragraph ends (`U.S.`, `Inc.`).
    Other,
}

/// The abbreviation lexicon (`lexicons/abbreviations.txt`): lowercase words
/// with their final period.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    words: HashMap<Box<str>, AbbreviationClass>,
}

impl Abbreviations {
    /// Reads `word<TAB>class` lines; a later line for the same word replaces an earlier one.
    pub fn extend_from(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, fields) in data_lines(text) {
            let word = fields[0].to_lowercase();
            if !word.ends_with('.') || word.len() < 2 {
                return Err(LexiconError::new(
                    file,
                    line,
                    format!("an abbreviation ends with a period: {word:?}"),
                ));
            }
            let class = match fields.get(1).copied().unwrap_or("other") {
                "title" => AbbreviationClass::Title,
                "other" | "" => AbbreviationClass::Other,
                other => {
                    return Err(LexiconError::new(
                        file,
                        line,
                        format!("class is `title` or `other`, not {other:?}"),
                    ));
                }
            };
            self.words.insert(word.into_boxed_str(), class);
        }
        Ok(())
    }

    /// The class of a lowercase word with its period (`"gen."`), if it is an abbreviation.
    pub fn get(&self, lower_with_period: &str) -> Option<AbbreviationClass> {
        self.words.get(lower_with_period).copied()
    }
}
