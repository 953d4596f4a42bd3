//! Target phrases (`lexicons/target_phrases.tsv`): `both sides`, `the move` —
//! words that point at actors without naming them.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::error::LexiconError;
use crate::lexicon::data_lines;
use crate::text::Document;

/// What a target phrase points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetPhraseKind {
    /// The two sides of the article's dispute.
    Pair,
    /// The actor whose act the article reports.
    Act,
}

/// A phrase's words and what it points at.
type Phrase = (Vec<Box<str>>, TargetPhraseKind);

/// The target-phrase lexicon, indexed by first word.
#[derive(Debug, Clone, Default)]
pub struct TargetPhrases {
    by_first_word: HashMap<Box<str>, Vec<Phrase>>,
}

impl TargetPhrases {
    /// Reads `phrase<TAB>kind` lines; a later line for a phrase replaces the earlier.
    pub fn extend_from(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, fields) in data_lines(text) {
            let [phrase, kind] = fields[..] else {
                return Err(LexiconError::new(file, line, "expected phrase<TAB>kind"));
            };
            let kind = match kind {
                "pair" => TargetPhraseKind::Pair,
                "act" => TargetPhraseKind::Act,
                other => {
                    return Err(LexiconError::new(
                        file,
                        line,
                        format!("kind is pair or act, not {other:?}"),
                    ));
                }
            };
            let words: Vec<Box<str>> = phrase
                .split_whitespace()
                .map(|w| w.to_lowercase().into_boxed_str())
                .collect();
            let Some(first) = words.first().cloned() else {
                return Err(LexiconError::new(file, line, "empty phrase"));
            };
            let list = self.by_first_word.entry(first).or_default();
            list.retain(|(w, _)| *w != words);
            list.push((words, kind));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Ok(())
    }

    /// The target phrases within `tokens`, left to right.
    pub fn find(
        &self,
        doc: &Document,
        tokens: Range<usize>,
    ) -> Vec<(Range<usize>, TargetPhraseKind)> {
        let mut found = Vec::new();
        let mut i = tokens.start;
        while i < tokens.end {
            let hit = self.by_first_word.get(doc.lower(i)).and_then(|list| {
                list.iter().find(|(words, _)| {
                    i + words.len() <= tokens.end
                        && words
                            .iter()
                            .enumerate()
                            .all(|(k, w)| doc.lower(i + k) == &**w)
                })
            });
            match hit {
                Some((words, kind)) => {
                    found.push((i..i + words.len(), *kind));
                    i += words.len();
                }
                None => i += 1,
            }
        }
        found
    }
}
