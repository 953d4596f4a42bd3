//! The word knowledge attribution reads: reporting verbs (`lexicons/reporting_verbs.tsv`)
//! and speaker words (`lexicons/speaker_words.tsv`).

use std::cell::Cell;

use rustc_hash::FxHashMap as HashMap;

use crate::error::LexiconError;
use crate::lexicon::data_lines;
use crate::text::Document;

/// How a reporting verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// `X said (that) …`, `…, X said`, `…, said X`.
    Speech,
    /// `X told <addressee> (that) …`: the addressee is neither speaker nor content.
    Tell,
    /// `X urged <object> to …`: the object stays in the content.
    Urge,
    /// `X called <object> "…"`: the object stays in the content.
    Call,
    /// `according to X, …` and `…, according to X`.
    According,
    /// A verb that reports speech only with a quotation (`"…," he continued`,
    /// `the statement read`, `a man yelled "…"`): otherwise it is not a cue.
    Quoting,
}

/// One form of a reporting verb, possibly several words (`made it clear`).
#[derive(Debug, Clone, PartialEq)]
pub struct CueForm {
    pub words: Vec<Box<str>>,
    pub lemma: Box<str>,
    pub frame: Frame,
}

/// The reporting-verb lexicon, indexed by the first word of each form.
#[derive(Debug, Clone, Default)]
pub struct ReportingVerbs {
    by_first_word: HashMap<Box<str>, Vec<CueForm>>,
}

impl ReportingVerbs {
    /// Reads `lemma<TAB>frame<TAB>forms` lines; a later lemma line replaces the
    /// forms an earlier line gave for the same words.
    pub fn extend_from(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, fields) in data_lines(text) {
            let [lemma, frame, forms] = fields[..] else {
                return Err(LexiconError::new(
                    file,
                    line,
                    "expected 3 tab-separated fields: lemma, frame, forms",
                ));
            };
            let frame = match frame {
                "speech" => Frame::Speech,
                "tell" => Frame::Tell,
                "urge" => Frame::Urge,
                "call" => Frame::Call,
                "according" => Frame::According,
                "quoting" => Frame::Quoting,
                other => {
                    return Err(LexiconError::new(
                        file,
                        line,
                        format!(
                            "unknown frame {other:?} (speech, tell, urge, call, according, quoting)"
                        ),
                    ));
                }
            };
            let lemma = lemma.to_lowercase();
            let all_forms = std::iter::once(lemma.as_str()).chain(forms.split(','));
            for form in all_forms {
                let words: Vec<Box<str>> = form
                    .split_whitespace()
                    .map(|w| w.to_lowercase().into_boxed_str())
                    .collect();
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                let entry = CueForm {
                    words,
                    lemma: lemma.clone().into_boxed_str(),
                    frame,
                };
                let list = self.by_first_word.entry(first).or_default();
                list.retain(|f| f.words != entry.words);
                list.push(entry);
                // Longest forms first, so that the longest match wins.
                list.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
            }
        }
        Ok(())
    }

    /// Forms that start with `first_word` (lowercase), longest first.
    pub fn starting_with(&self, first_word: &str) -> &[CueForm] {
        self.by_first_word
            .get(first_word)
            .map_or(&[], Vec::as_slice)
    }

    /// [`Self::starting_with`] as the list itself, a pointer wide, for the
    /// per-token cache of [`crate::attribution`].
    pub(crate) fn list_starting_with(&self, first_word: &str) -> &Vec<CueForm> {
        static NONE: Vec<CueForm> = Vec::new();
        self.by_first_word.get(first_word).unwrap_or(&NONE)
    }
}

/// Classes of speaker words; see the header of `lexicons/speaker_words.tsv`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClasses(u32);

impl WordClasses {
    pub const PERSON_PRONOUN: u32 = 1;
    pub const GROUP_PRONOUN: u32 = 1 << 1;
    pub const THING_PRONOUN: u32 = 1 << 2;
    pub const DETERMINER: u32 = 1 << 3;
    pub const SKIP: u32 = 1 << 4;
    pub const NP_LINK: u32 = 1 << 5;
    pub const BOUNDARY: u32 = 1 << 6;
    pub const ADJUNCT_START: u32 = 1 << 7;
    pub const ADJUNCT_WORD: u32 = 1 << 8;
    pub const GOV: u32 = 1 << 9;
    pub const NONGOV: u32 = 1 << 10;
    pub const TITLE: u32 = 1 << 11;
    pub const OBJECT_PRONOUN: u32 = 1 << 12;
    pub const TIME: u32 = 1 << 13;
    pub const SPEAKER_NOUN: u32 = 1 << 14;
    pub const FORMER: u32 = 1 << 15;
    pub const CLAUSE_BREAK: u32 = 1 << 16;
    pub const PASSIVE: u32 = 1 << 17;
    pub const QUANTIFIER: u32 = 1 << 18;
    pub const PLACE_PREPOSITION: u32 = 1 << 19;
    pub const BODY: u32 = 1 << 20;
    pub const POSSESSIVE_PRONOUN: u32 = 1 << 21;
    pub const PRONOUN: u32 = Self::PERSON_PRONOUN | Self::GROUP_PRONOUN | Self::THING_PRONOUN;
    pub const ROLE: u32 = Self::GOV | Self::NONGOV;

    pub fn has(self, class: u32) -> bool {
        self.0 & class != 0
    }

    fn parse(name: &str) -> Option<u32> {
        Some(match name {
            "person_pronoun" => Self::PERSON_PRONOUN,
            "group_pronoun" => Self::GROUP_PRONOUN,
            "thing_pronoun" => Self::THING_PRONOUN,
            "determiner" => Self::DETERMINER,
            "skip" => Self::SKIP,
            "np_link" => Self::NP_LINK,
            "boundary" => Self::BOUNDARY,
            "adjunct_start" => Self::ADJUNCT_START,
            "adjunct_word" => Self::ADJUNCT_WORD,
            "gov" => Self::GOV,
            "nongov" => Self::NONGOV,
            "title" => Self::TITLE,
            "object_pronoun" => Self::OBJECT_PRONOUN,
            "time" => Self::TIME,
            "speaker_noun" => Self::SPEAKER_NOUN,
            "former" => Self::FORMER,
            "clause_break" => Self::CLAUSE_BREAK,
            "passive" => Self::PASSIVE,
            "quantifier" => Self::QUANTIFIER,
            "place_preposition" => Self::PLACE_PREPOSITION,
            "body" => Self::BODY,
            "possessive_pronoun" => Self::POSSESSIVE_PRONOUN,
            _ => return None,
        })
    }
}

/// The speaker-word lexicon: lowercase word -> its classes.
#[derive(Debug, Clone, Default)]
pub struct SpeakerWords {
    words: HashMap<Box<str>, WordClasses>,
}

impl SpeakerWords {
    /// Reads `word<TAB>class` lines; a word may have several classes.
    /// A class written `-name` removes that class from the word.
    pub fn extend_from(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, fields) in data_lines(text) {
            let [word, class] = fields[..] else {
                return Err(LexiconError::new(file, line, "expected word<TAB>class"));
            };
            let (remove, name) = match class.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, class),
            };
            let Some(bit) = WordClasses::parse(name) else {
                return Err(LexiconError::new(
                    file,
                    line,
                    format!("unknown class {name:?}"),
                ));
            };
            let entry = self
                .words
                .entry(word.to_lowercase().into_boxed_str())
                .or_default();
            if remove {
                entry.0 &= !bit;
            } else {
                entry.0 |= bit;
            }
        }
        Ok(())
    }

    /// The classes of a lowercase word (empty when it is in no class).
    pub fn classes(&self, lower: &str) -> WordClasses {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// Whether a lowercase word starts a new clause (`but`, `while`): where
    /// stance toward a target stops being read.
    pub fn is_clause_break(&self, lower: &str) -> bool {
        self.classes(lower).has(WordClasses::CLAUSE_BREAK)
    }
}

/// The speaker-word classes of a document's tokens, each looked up once, when a
/// rule first asks (the rules ask about the same tokens again and again).
pub struct TokenClasses<'d, 'l> {
    doc: &'d Document<'d>,
    words: &'l SpeakerWords,
    /// Each token's classes with the `LOOKED_UP` bit, or 0 before the lookup.
    at: Vec<Cell<u32>>,
}

/// A bit no class uses.
const LOOKED_UP: u32 = 1 << 31;

impl<'d, 'l> TokenClasses<'d, 'l> {
    pub fn new(doc: &'d Document<'d>, words: &'l SpeakerWords) -> TokenClasses<'d, 'l> {
        TokenClasses {
            doc,
            words,
            at: vec![Cell::new(0); doc.tokens.len()],
        }
    }

    /// The classes of token `i`.
    pub fn of(&self, i: usize) -> WordClasses {
        let Some(slot) = self.at.get(i) else {
            return self.words.classes(self.doc.lower(i));
        };
        match slot.get() {
            0 => {
                let c = self.words.classes(self.doc.lower(i));
                slot.set(c.0 | LOOKED_UP);
                c
            }
            known => WordClasses(known & !LOOKED_UP),
        }
    }
}
