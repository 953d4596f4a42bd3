//! VADER sentiment: an exact port of `SentimentIntensityAnalyzer.polarity_scores`
//! from vaderSentiment 3.3.2 (Hutto & Gilbert, ICWSM 2014; MIT licence).
//!
//! Everything VADER keeps as data lives in `lexicons/`: the word lexicon
//! (`vader_lexicon.txt`), the emoji lexicon (`vader_emoji.txt`) and the word lists
//! that the Python code holds inline (`vader_rules.tsv`: negators, boosters and
//! dampeners, idioms, special cases). The numeric constants of the rules stay here
//! as named consts.
//!
//! The port is line-by-line, quirks included, so that scores match the Python
//! package to the last printed digit:
//!
//! * emoji are replaced by their description one code point at a time (so only
//!   single-code-point emoji ever match), with a space inserted only when the
//!   previous character was not an ASCII space;
//! * tokens are split on Python's whitespace and lose leading/trailing ASCII
//!   punctuation, unless fewer than three characters would be left (`ok!` stays
//!   `ok!`, `:)` stays `:)`);
//! * lexicon entries with capitals (`:D`) never match, since lookups use the
//!   lowercased token;
//! * the third-word-back negation check multiplies by 1.25 whenever the previous
//!   word is "so" or "this", with or without a "never" (Python operator
//!   precedence);
//! * special cases ("the shit", "bad ass", ...) and the "kind of" / "sort of"
//!   n-gram dampeners are only looked at for a lexicon word with three words
//!   before it, the third of which is not in the lexicon;
//! * the contrastive "but" rule rescales the FIRST sentiment equal in value to
//!   each sentiment in turn (VADER's `list.index` quirk), which can rescale one
//!   value twice and another not at all;
//! * the sentiment-laden idioms are loaded but never applied, as in 3.3.2;
//! * the word valences are summed as Python 3.12+'s `sum()` sums floats
//!   (Neumaier's compensated sum): Python 3.11 and older give another compound
//!   on the rare texts whose valences cancel to within a rounding error
//!   (`scripts/vader_golden.py` says more).
//!
//! Speed: every token is lowercased once and looked up once, in one table
//! ([`Word`]) that holds all that the rules ask about a word (valence, booster
//! scalar, negator, the rule words "no", "but", "least", ..., membership of a
//! multi-word phrase); the rules then read flags, not strings. Scratch buffers are
//! per thread and reused, so scoring a sentence allocates nothing (evidence
//! aside), and rounding is arithmetic with an exact fallback for ties.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::LexiconError;
use crate::lexicon::{data_lines, parse_number};
use crate::scoring::evidence::Evidence;
use crate::scoring::news::NewsLayer;

/// Added to (subtracted from) the valence of a word, or the scalar of a booster,
/// written in ALL CAPS while other words are not (VADER's `C_INCR`).
pub(crate) const C_INCR: f64 = 0.733;
/// Factor applied to a negated valence (VADER's `N_SCALAR`).
pub(crate) const N_SCALAR: f64 = -0.74;
/// Normalisation constant of the compound score: `x / sqrt(x² + alpha)`.
const ALPHA: f64 = 15.0;
/// Weight of a booster two words before the lexicon word.
pub(crate) const DAMPING_TWO_BACK: f64 = 0.95;
/// Weight of a booster three words before the lexicon word.
pub(crate) const DAMPING_THREE_BACK: f64 = 0.9;
/// Factor for "never so good" / "never this good" (and, by VADER's operator
/// precedence, any "so"/"this" right before the word when three words are checked).
pub(crate) const NEVER_SO_FACTOR: f64 = 1.25;
/// Factor of sentiments before a contrastive "but".
const BUT_BEFORE: f64 = 0.5;
/// Factor of sentiments after a contrastive "but".
const BUT_AFTER: f64 = 1.5;
/// Emphasis added per '!' (at most [`EXCLAMATION_MAX`] of them count).
const EXCLAMATION_WEIGHT: f64 = 0.292;
/// The number of '!' beyond which more add nothing.
const EXCLAMATION_MAX: usize = 4;
/// Emphasis added per '?' when there are two or three of them.
const QUESTION_WEIGHT: f64 = 0.18;
/// Emphasis for four or more '?'.
const QUESTION_MAX_AMP: f64 = 0.96;
/// Number of decimals of the rounded pos/neu/neg ratios (Python `round(x, 3)`).
pub(crate) const RATIO_DECIMALS: usize = 3;
/// Number of decimals of the rounded compound (Python `round(x, 4)`).
pub(crate) const COMPOUND_DECIMALS: usize = 4;
/// Up to this many tokens the "but" rule runs VADER's quadratic loop as is.
const BUT_NAIVE_MAX: usize = 64;
/// Scratch buffers above this capacity are dropped after use, not kept per thread.
pub(crate) const SCRATCH_KEEP_BYTES: usize = 1 << 20;

/// Embedded default word lexicon.
const EMBEDDED_LEXICON: &str = include_str!("../../lexicons/vader_lexicon.txt");
/// Embedded default emoji lexicon.
const EMBEDDED_EMOJI: &str = include_str!("../../lexicons/vader_emoji.txt");
/// Embedded default rule word lists.
const EMBEDDED_RULES: &str = include_str!("../../lexicons/vader_rules.tsv");

/// VADER's sentiment scores of one text, as returned by `polarity_scores`:
/// `compound` is the normalised sum in [-1, 1] rounded to 4 decimals, and
/// `pos`/`neu`/`neg` are the proportions of the text in each class, rounded to 3
/// decimals (so they add up to about 1). All four are 0 for a text without words.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Polarity {
    /// Normalised, weighted composite score in [-1, 1].
    pub compound: f64,
    /// Proportion of positive sentiment.
    pub pos: f64,
    /// Proportion of neutral words.
    pub neu: f64,
    /// Proportion of negative sentiment.
    pub neg: f64,
}

/// The VADER analyser: word lexicon, emoji lexicon and rule word lists, and the
/// news mode's lexicon layer on top of them ([`crate::scoring::news`]).
///
/// Build it once ([`Vader::embedded`]) and share it: scoring takes `&self`, keeps
/// no state between calls (only per-thread scratch buffers) and is `Send + Sync`.
#[derive(Clone)]
pub struct Vader {
    /// Token -> mean valence. Keys are as in the file; lookups use the lowercased token.
    lexicon: FastMap<Box<str>, f64>,
    /// Single-code-point emoji -> description (multi-code-point keys can never match).
    emoji: FastMap<char, Box<str>>,
    /// Whether some emoji key is ASCII (then ASCII-only text must be scanned too).
    emoji_has_ascii: bool,
    /// One bit per character of the Basic Multilingual Plane: an emoji key.
    emoji_bmp: Vec<u64>,
    /// VADER's NEGATE list.
    negators: FastSet<Box<str>>,
    /// VADER's BOOSTER_DICT (single words and space-joined phrases).
    boosters: FastMap<Box<str>, f64>,
    /// VADER's SPECIAL_CASES (space-joined phrases).
    special: FastMap<Box<str>, f64>,
    /// What the rules need to know about each word, built from the maps above.
    pub(crate) word_map: WordMap,
    /// `word_map` as a table made for lookups: one per token.
    pub(crate) words: WordTable,
    /// The news mode's layer: its lexicon on top of VADER's, and its own word table.
    pub(crate) news: NewsLayer,
    /// While the embedded files load, the word tables are built once at the end
    /// instead of after each file.
    hold_rebuild: bool,
}

impl fmt::Debug for Vader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vader")
            .field("lexicon_entries", &self.lexicon.len())
            .field("emoji_entries", &self.emoji.len())
            .field("negators", &self.negators.len())
            .field("boosters", &self.boosters.len())
            .field("special_cases", &self.special.len())
            .field("news", &self.news)
            .finish()
    }
}

impl Vader {
    /// The analyser with the embedded defaults: `lexicons/vader_lexicon.txt`,
    /// `lexicons/vader_emoji.txt` and `lexicons/vader_rules.tsv` (VADER 3.3.2), and
    /// `lexicons/news_sentiment.tsv` for news mode.
    pub fn embedded() -> Result<Vader, LexiconError> {
        let mut vader = Vader::empty();
        vader.hold_rebuild = true;
        vader.load_emoji("lexicons/vader_emoji.txt", EMBEDDED_EMOJI)?;
        vader.load_rules("lexicons/vader_rules.tsv", EMBEDDED_RULES)?;
        vader.extend_lexicon("lexicons/vader_lexicon.txt", EMBEDDED_LEXICON)?;
        let news = crate::lexicon::NEWS_SENTIMENT;
        vader.extend_news(news.name, news.text)?;
        let abbreviations = crate::lexicon::ABBREVIATIONS;
        vader.extend_news_abbreviations(abbreviations.name, abbreviations.text)?;
        vader.hold_rebuild = false;
        vader.rebuild();
        Ok(vader)
    }

    /// Builds the analyser from file contents, each given as `(name, contents)`;
    /// the names are used in [`LexiconError`] messages (`name:line: ...`). The
    /// news layer starts empty ([`Vader::extend_news`] fills it).
    ///
    /// `lexicon` is in the format of `vader_lexicon.txt` (`token<TAB>mean[<TAB>...]`),
    /// `emoji` in that of `vader_emoji.txt` (`emoji<TAB>description`), `rules` in
    /// that of `vader_rules.tsv` (`kind<TAB>phrase<TAB>value`). In the two lexicons
    /// `#` starts a comment only in the header block before the first entry (tokens
    /// may start with `#`); in the rules file anywhere.
    pub fn from_sources(
        lexicon: (&str, &str),
        emoji: (&str, &str),
        rules: (&str, &str),
    ) -> Result<Vader, LexiconError> {
        let mut vader = Vader::empty();
        vader.load_emoji(emoji.0, emoji.1)?;
        vader.load_rules(rules.0, rules.1)?;
        vader.extend_lexicon(lexicon.0, lexicon.1)?;
        Ok(vader)
    }

    fn empty() -> Vader {
        Vader {
            lexicon: FastMap::default(),
            emoji: FastMap::default(),
            emoji_has_ascii: false,
            emoji_bmp: vec![0; 1024],
            negators: FastSet::default(),
            boosters: FastMap::default(),
            special: FastMap::default(),
            word_map: WordMap::default(),
            words: WordTable::default(),
            news: NewsLayer::default(),
            hold_rebuild: false,
        }
    }

    /// Adds or overrides lexicon entries from a user's file in the format of
    /// `vader_lexicon.txt` (later lines win, also over the defaults). On error
    /// nothing is changed. The entries count in both modes (news mode reads
    /// VADER's lexicon under its own layer).
    pub fn extend_lexicon(&mut self, name: &str, text: &str) -> Result<(), LexiconError> {
        let mut entries = Vec::new();
        for (line, fields) in entry_lines(text) {
            if fields.len() < 2 {
                return Err(LexiconError::new(
                    name,
                    line,
                    "expected token<TAB>mean[<TAB>sd<TAB>ratings] \
                     ('#' comments are only allowed before the first entry)",
                ));
            }
            let token = fields[0];
            if token.is_empty() {
                return Err(LexiconError::new(name, line, "empty token"));
            }
            let mean = parse_number(name, line, fields[1])?;
            entries.push((Box::<str>::from(token), mean));
        }
        self.lexicon.extend(entries);
        self.rebuild();
        Ok(())
    }

    /// Empties the valence lexicon, for a user's file that replaces it.
    pub fn clear_lexicon(&mut self) {
        self.lexicon.clear();
        self.rebuild();
    }

    /// Valence (mean rating) of a single lowercased token in the lexicon, if any.
    pub fn valence(&self, word: &str) -> Option<f64> {
        self.lexicon.get(word).copied()
    }

    /// Whether a lowercased word negates what follows it (VADER's NEGATE list, or
    /// any word with `n't`), for the stance rules that reuse VADER's negation.
    pub fn negates(&self, word: &str) -> bool {
        self.negators.contains(word) || word.contains("n't")
    }

    /// Whether a lowercased word is VADER's "no", which negates a lexicon word
    /// one or two words after it (`sentiment_valence`), for the stance rules.
    pub fn is_no(&self, word: &str) -> bool {
        RULE_WORDS
            .iter()
            .any(|&(w, rule)| rule == Rule::No && w == word)
    }

    /// The booster (+0.293) or dampener (-0.293) scalar of a lowercased word, for
    /// the stance rules that reuse VADER's intensifiers.
    pub fn booster(&self, word: &str) -> Option<f64> {
        self.boosters.get(word).copied()
    }

    /// Exactly vaderSentiment 3.3.2 `polarity_scores(text)`.
    pub fn polarity_scores(&self, text: &str) -> Polarity {
        self.score(text, None)
    }

    /// Same scores as [`Vader::polarity_scores`], and pushes one [`Evidence`] per
    /// token whose sentiment is non-zero after all rules (including "but"), in text
    /// order. `entry` is the lowercased token, with the words that changed it
    /// (boosters, negators, "no", "least", "never so", special-case phrases) in
    /// text order around it, e.g. `extremely regrettable`, `not good`; `weight` is
    /// the token's final sentiment value (unrounded).
    pub fn polarity_scores_with_evidence(
        &self,
        text: &str,
        evidence: &mut Vec<Evidence>,
    ) -> Polarity {
        self.score(text, Some(evidence))
    }

    /// The space-joined lowercased `seq` of tokens as a special case, if it is one.
    pub(crate) fn special_phrase(
        &self,
        w: &Words<'_>,
        seq: &[usize],
        key: &mut String,
    ) -> Option<f64> {
        phrase_value(&self.special, w, seq, key)
    }

    /// The space-joined lowercased `seq` of tokens as a booster n-gram ("kind of").
    pub(crate) fn booster_phrase(
        &self,
        w: &Words<'_>,
        seq: &[usize],
        key: &mut String,
    ) -> Option<f64> {
        phrase_value(&self.boosters, w, seq, key)
    }

    /// Rebuilds the word tables after a lexicon changed.
    pub(crate) fn rebuild(&mut self) {
        if self.hold_rebuild {
            return;
        }
        self.word_map = self.build_words();
        self.words = WordTable::new(&self.word_map);
        let news = std::mem::take(&mut self.news);
        self.news = news.rebuilt(self);
    }

    /// The word table of VADER mode: one entry per word that the lexicon or a
    /// rule knows.
    fn build_words(&self) -> WordMap {
        let mut table = WordMap::default();
        table.reserve(self.lexicon.len() + self.boosters.len() + self.negators.len() + 32);
        for (key, &valence) in &self.lexicon {
            let w = table.entry(key.clone()).or_default();
            w.value = valence;
            w.flags |= LEXICON;
        }
        // Multi-word keys only match as phrases (tokens hold no spaces): their
        // words are flagged so that a phrase is looked up only when its words
        // can make one.
        let phrases = self.boosters.keys().chain(self.special.keys());
        for key in phrases.filter(|k| k.contains(' ')) {
            let parts: Vec<&str> = key.split(' ').collect();
            for (k, part) in parts.iter().enumerate() {
                let w = table.entry((*part).into()).or_default();
                w.flags |= PHRASE;
                if k == 0 {
                    w.flags |= PHRASE_FIRST;
                }
                if k + 1 == parts.len() {
                    w.flags |= PHRASE_LAST;
                }
            }
        }
        // A booster's scalar takes the place of its valence: the rules never
        // read the valence of a booster.
        for (key, &scalar) in self.boosters.iter().filter(|(k, _)| !k.contains(' ')) {
            let w = table.entry(key.clone()).or_default();
            w.value = scalar;
            w.flags |= BOOSTER;
        }
        for key in self.negators.iter().filter(|k| !k.contains(' ')) {
            table.entry(key.clone()).or_default().flags |= NEGATOR;
        }
        for (word, rule) in RULE_WORDS {
            table.entry(word.into()).or_default().rule = rule;
        }
        table
    }

    fn load_emoji(&mut self, name: &str, text: &str) -> Result<(), LexiconError> {
        for (line, fields) in entry_lines(text) {
            if fields.len() < 2 {
                return Err(LexiconError::new(
                    name,
                    line,
                    "expected emoji<TAB>description \
                     ('#' comments are only allowed before the first entry)",
                ));
            }
            let mut chars = fields[0].chars();
            match (chars.next(), chars.next()) {
                (None, _) => return Err(LexiconError::new(name, line, "empty emoji")),
                (Some(c), None) => {
                    self.emoji_has_ascii |= c.is_ascii();
                    let code = c as usize;
                    if let Some(bits) = self.emoji_bmp.get_mut(code / 64) {
                        *bits |= 1 << (code % 64);
                    }
                    self.emoji.insert(c, fields[1].into());
                }
                // VADER compares the text one code point at a time, so a key of
                // several code points never matches: it is valid but unused.
                (Some(_), Some(_)) => {}
            }
        }
        Ok(())
    }

    fn load_rules(&mut self, name: &str, text: &str) -> Result<(), LexiconError> {
        for (line, fields) in data_lines(text) {
            if fields.len() > 3 {
                return Err(LexiconError::new(
                    name,
                    line,
                    "expected kind<TAB>phrase<TAB>value",
                ));
            }
            let kind = fields[0];
            let phrase = fields
                .get(1)
                .map(|p| p.split(is_py_space).filter(|w| !w.is_empty()))
                .map(|words| words.collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            if phrase.is_empty() {
                return Err(LexiconError::new(name, line, "missing phrase"));
            }
            let value = fields.get(2).copied().unwrap_or("");
            let number = || {
                if value.is_empty() {
                    Err(LexiconError::new(name, line, "missing value"))
                } else {
                    parse_number(name, line, value)
                }
            };
            match kind {
                "negator" => {
                    if !value.is_empty() {
                        return Err(LexiconError::new(name, line, "a negator takes no value"));
                    }
                    self.negators.insert(phrase.into());
                }
                "booster" => {
                    let v = number()?;
                    self.boosters.insert(phrase.into(), v);
                }
                // SENTIMENT_LADEN_IDIOMS: validated, but VADER 3.3.2 never applies them.
                "idiom" => {
                    number()?;
                }
                "special" => {
                    let v = number()?;
                    self.special.insert(phrase.into(), v);
                }
                other => {
                    return Err(LexiconError::new(
                        name,
                        line,
                        format!(
                            "unknown kind {other:?} (expected negator, booster, idiom or special)"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Runs the scoring with this thread's scratch buffers (or fresh ones).
    fn score(&self, text: &str, mut evidence: Option<&mut Vec<Evidence>>) -> Polarity {
        let reused = SCRATCH.try_with(|cell| {
            let mut scratch = cell.try_borrow_mut().ok()?;
            let polarity = self.score_with(text, &mut scratch, evidence.as_deref_mut());
            if scratch.bytes() > SCRATCH_KEEP_BYTES {
                *scratch = Scratch::default();
            }
            Some(polarity)
        });
        match reused {
            Ok(Some(polarity)) => polarity,
            _ => self.score_with(text, &mut Scratch::default(), evidence),
        }
    }

    /// `polarity_scores` proper.
    fn score_with(
        &self,
        input: &str,
        scratch: &mut Scratch,
        evidence: Option<&mut Vec<Evidence>>,
    ) -> Polarity {
        let Scratch {
            text: substituted,
            tokens,
            sentiments,
            positions,
            marks,
            key,
        } = scratch;
        // Emoji -> descriptions, then Python's `str.strip()`.
        let text = self.replace_emoji(input, substituted);
        let text = text.trim_matches(is_py_space);
        // SentiText: split, strip punctuation, lowercase, ALL CAPS flags; only
        // the tokens some rule asks about are kept.
        let scan = tokenize(text, &self.words, tokens);
        let words = tokens.words(&scan);
        let n = scan.tokens;

        // The sentiments that are not zero, with their token positions (a zero
        // changes no sum and no other sentiment: it only counts as neutral).
        sentiments.clear();
        positions.clear();
        marks.clear();
        for &k in &tokens.scored {
            let Some(t) = words.toks.get(k) else {
                continue;
            };
            let i = t.pos as usize;
            words.focus(k);
            if t.rule == Rule::Kind && i + 1 < n && words.rule(i + 1) == Rule::Of {
                continue;
            }
            let mut mark = 0u8;
            let valence = self.sentiment_valence(&words, i, key, &mut mark);
            if valence != 0.0 {
                sentiments.push(valence);
                positions.push(i);
                marks.push(mark);
            }
        }

        if let Some(bi) = scan.first_but {
            but_check(sentiments, positions, bi);
        }

        if let Some(evidence) = evidence {
            for ((&weight, &i), &mark) in sentiments.iter().zip(positions.iter()).zip(marks.iter())
            {
                evidence.push(Evidence {
                    entry: words.entry(i, mark),
                    weight,
                });
            }
        }

        let sums = sift(sentiments, n);
        score_valence(sums, emphasis(scan.bangs, scan.questions))
    }

    /// Python's emoji substitution loop; borrows `input` when nothing changes.
    pub(crate) fn replace_emoji<'a>(&self, input: &'a str, buf: &'a mut String) -> &'a str {
        if !self.emoji_has_ascii && input.is_ascii() {
            return input;
        }
        let is_emoji =
            |c: char| (self.emoji_has_ascii || !c.is_ascii()) && self.emoji.contains_key(&c);
        let first = if self.emoji_has_ascii {
            input
                .char_indices()
                .find(|&(_, c)| is_emoji(c))
                .map(|(i, _)| i)
        } else {
            self.first_emoji(input)
        };
        let Some(pos) = first else {
            return input;
        };
        buf.clear();
        buf.push_str(&input[..pos]);
        // VADER starts with `prev_space = True` and only counts ASCII spaces.
        let mut prev_space = pos == 0 || input[..pos].ends_with(' ');
        for c in input[pos..].chars() {
            if let Some(description) = is_emoji(c).then(|| self.emoji.get(&c)).flatten() {
                if !prev_space {
                    buf.push(' ');
                }
                buf.push_str(description);
                prev_space = false;
            } else {
                buf.push(c);
                prev_space = c == ' ';
            }
        }
        buf
    }

    /// The byte offset of the first non-ASCII character of `text` that is an
    /// emoji key: only the lead bytes of non-ASCII characters are decoded, and a
    /// character of the Basic Multilingual Plane is looked up in a bitmap.
    fn first_emoji(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(k) = bytes.get(i..)?.iter().position(|&b| b >= 0xC0) {
            i += k;
            let c = text.get(i..)?.chars().next()?;
            let code = c as usize;
            let is_emoji = match self.emoji_bmp.get(code / 64) {
                Some(bits) => bits & (1 << (code % 64)) != 0,
                None => self.emoji.contains_key(&c),
            };
            if is_emoji {
                return Some(i);
            }
            i += c.len_utf8();
        }
        None
    }

    /// `sentiment_valence`: the valence of lexicon word `i` after the rules ("no",
    /// capitals, boosters, negation, special cases, "least").
    fn sentiment_valence(&self, w: &Words<'_>, i: usize, key: &mut String, mark: &mut u8) -> f64 {
        let n = w.len();
        let base = w.word(i).value;
        let mut valence = base;
        // "no" as a negation of the next lexicon word rather than a word of its own.
        if w.rule(i) == Rule::No && i != n - 1 && w.in_lexicon(i + 1) {
            valence = 0.0;
        }
        let no_back = if i > 0 && w.rule(i - 1) == Rule::No {
            Some(1)
        } else if i > 1 && w.rule(i - 2) == Rule::No {
            Some(2)
        } else if i > 2
            && w.rule(i - 3) == Rule::No
            && matches!(w.rule(i - 1), Rule::Or | Rule::Nor)
        {
            Some(3)
        } else {
            None
        };
        if let Some(back) = no_back {
            valence = base * N_SCALAR;
            *mark |= back_bit(back);
        }
        // ALL CAPS emphasis.
        if w.upper(i) && w.is_cap_diff {
            if valence > 0.0 {
                valence += C_INCR;
            } else {
                valence -= C_INCR;
            }
        }
        for start_i in 0..3 {
            let back = start_i + 1;
            if i > start_i && !w.in_lexicon(i - back) {
                let mut s = scalar_inc_dec(w, i - back, valence);
                if start_i == 1 && s != 0.0 {
                    s *= DAMPING_TWO_BACK;
                }
                if start_i == 2 && s != 0.0 {
                    s *= DAMPING_THREE_BACK;
                }
                if s != 0.0 {
                    *mark |= back_bit(back);
                }
                valence += s;
                valence = negation_check(valence, w, start_i, i, mark);
                if start_i == 2 {
                    valence = self.special_idioms_check(valence, w, i, key, mark);
                }
            }
        }
        least_check(valence, w, i, mark)
    }

    /// `_special_idioms_check` (only called with `i >= 3`).
    fn special_idioms_check(
        &self,
        valence: f64,
        w: &Words<'_>,
        i: usize,
        key: &mut String,
        mark: &mut u8,
    ) -> f64 {
        let mut valence = valence;
        let n = w.len();
        // The phrase flags of words i-3 ..= i+2: a sequence is looked up only if
        // its words can make a phrase (first, last, and all in some phrase).
        let flags: [u8; 6] = std::array::from_fn(|k| w.word(i + k - 3).flags);
        let can = |seq: &[usize]| -> bool {
            let f = |j: usize| flags.get(j + 3 - i).copied().unwrap_or(0);
            let (Some(&first), Some(&last)) = (seq.first(), seq.last()) else {
                return false;
            };
            f(first) & PHRASE_FIRST != 0
                && f(last) & PHRASE_LAST != 0
                && seq.iter().all(|&j| f(j) & PHRASE != 0)
        };
        if !flags.iter().any(|f| f & PHRASE_LAST != 0) {
            return valence;
        }
        // onezero, twoonezero, twoone, threetwoone, threetwo: the first match wins.
        let sequences: [&[usize]; 5] = [
            &[i - 1, i],
            &[i - 2, i - 1, i],
            &[i - 2, i - 1],
            &[i - 3, i - 2, i - 1],
            &[i - 3, i - 2],
        ];
        for seq in sequences {
            if can(seq)
                && let Some(v) = self.special_phrase(w, seq, key)
            {
                valence = v;
                // The phrase's value replaces everything applied so far.
                *mark = phrase_bits(seq, i);
                break;
            }
        }
        if n - 1 > i {
            let seq = [i, i + 1];
            if can(&seq)
                && let Some(v) = self.special_phrase(w, &seq, key)
            {
                valence = v;
                *mark = phrase_bits(&seq, i);
            }
        }
        if n - 1 > i + 1 {
            let seq = [i, i + 1, i + 2];
            if can(&seq)
                && let Some(v) = self.special_phrase(w, &seq, key)
            {
                valence = v;
                *mark = phrase_bits(&seq, i);
            }
        }
        // Booster/dampener n-grams such as "kind of": added whatever the sign.
        let n_grams: [&[usize]; 3] = [&[i - 3, i - 2, i - 1], &[i - 3, i - 2], &[i - 2, i - 1]];
        for seq in n_grams {
            if can(seq)
                && let Some(b) = self.booster_phrase(w, seq, key)
            {
                valence += b;
                *mark |= phrase_bits(seq, i);
            }
        }
        valence
    }
}

/// `scalar_inc_dec`: the booster/dampener scalar of word `j` for a word of
/// valence `valence` (0 if `j` is not a booster).
pub(crate) fn scalar_inc_dec(w: &Words<'_>, j: usize, valence: f64) -> f64 {
    let word = w.word(j);
    if word.flags & BOOSTER == 0 {
        return 0.0;
    }
    let mut scalar = word.value;
    if valence < 0.0 {
        scalar *= -1.0;
    }
    if w.upper(j) && w.is_cap_diff {
        if valence > 0.0 {
            scalar += C_INCR;
        } else {
            scalar -= C_INCR;
        }
    }
    scalar
}

/// `_negation_check`, with VADER's operator precedence in the 3-back case.
fn negation_check(valence: f64, w: &Words<'_>, start_i: usize, i: usize, mark: &mut u8) -> f64 {
    let mut valence = valence;
    match start_i {
        0 => {
            if w.negated(i - 1) {
                valence *= N_SCALAR;
                *mark |= back_bit(1);
            }
        }
        1 => {
            let (two, one) = (w.rule(i - 2), w.rule(i - 1));
            if two == Rule::Never && matches!(one, Rule::So | Rule::This) {
                valence *= NEVER_SO_FACTOR;
                *mark |= back_bit(2) | back_bit(1);
            } else if two == Rule::Without && one == Rule::Doubt {
                // unchanged
            } else if w.negated(i - 2) {
                valence *= N_SCALAR;
                *mark |= back_bit(2);
            }
        }
        _ => {
            let (three, two, one) = (w.rule(i - 3), w.rule(i - 2), w.rule(i - 1));
            // Python: `a and (b or c) or (d or e)`.
            let never_so = three == Rule::Never && matches!(two, Rule::So | Rule::This);
            if never_so || matches!(one, Rule::So | Rule::This) {
                valence *= NEVER_SO_FACTOR;
                *mark |= if never_so {
                    back_bit(3) | back_bit(2)
                } else {
                    back_bit(1)
                };
            } else if three == Rule::Without && (two == Rule::Doubt || one == Rule::Doubt) {
                // unchanged
            } else if w.negated(i - 3) {
                valence *= N_SCALAR;
                *mark |= back_bit(3);
            }
        }
    }
    valence
}

/// `_least_check`: "least good" negates, "at least good" / "very least good" do not.
fn least_check(valence: f64, w: &Words<'_>, i: usize, mark: &mut u8) -> f64 {
    let mut valence = valence;
    if i > 1 && w.rule(i - 1) == Rule::Least && !w.in_lexicon(i - 1) {
        if !matches!(w.rule(i - 2), Rule::At | Rule::Very) {
            valence *= N_SCALAR;
            *mark |= back_bit(1);
        }
    } else if i > 0 && w.rule(i - 1) == Rule::Least && !w.in_lexicon(i - 1) {
        valence *= N_SCALAR;
        *mark |= back_bit(1);
    }
    valence
}

/// The sums `score_valence` needs from the sentiments of one text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Sums {
    /// `sum(sentiments)`, compensated as Python 3.12+ sums floats.
    pub(crate) total: f64,
    /// `_sift_sentiment_scores`: sum of (s + 1) over positive sentiments.
    pub(crate) pos: f64,
    /// Sum of (s - 1) over negative sentiments (a negative number).
    pub(crate) neg: f64,
    /// Number of zero sentiments.
    pub(crate) neu: f64,
    /// Whether there was any token at all.
    pub(crate) any: bool,
}

/// `sum(sentiments)` and `_sift_sentiment_scores` in one pass, over the
/// sentiments of a text of `tokens` tokens whose other sentiments are zero.
pub(crate) fn sift(sentiments: &[f64], tokens: usize) -> Sums {
    let mut total = NeumaierSum::default();
    let mut sums = Sums {
        any: tokens > 0,
        ..Sums::default()
    };
    let mut neu_count = tokens.saturating_sub(sentiments.len());
    for &s in sentiments {
        // Adding a zero never changes the compensated sum (it starts at +0.0 and
        // x + -x is +0.0), so zeros, most tokens, only count as neutral.
        if s == 0.0 {
            neu_count += 1;
            continue;
        }
        total.add(s);
        if s > 0.0 {
            sums.pos += s + 1.0;
        }
        if s < 0.0 {
            sums.neg += s - 1.0;
        }
    }
    sums.total = total.value();
    sums.neu = neu_count as f64;
    sums
}

/// CPython's float `sum()` from 3.12 on: Neumaier's improvement of Kahan
/// summation (`Python/bltinmodule.c`, `builtin_sum_impl`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NeumaierSum {
    sum: f64,
    compensation: f64,
}

impl NeumaierSum {
    pub(crate) fn add(&mut self, x: f64) {
        let t = self.sum + x;
        if self.sum.abs() >= x.abs() {
            self.compensation += (self.sum - t) + x;
        } else {
            self.compensation += (x - t) + self.sum;
        }
        self.sum = t;
    }

    pub(crate) fn value(&self) -> f64 {
        if self.compensation != 0.0 && self.compensation.is_finite() {
            self.sum + self.compensation
        } else {
            self.sum
        }
    }
}

/// `score_valence`: punctuation emphasis, compound, and the rounded proportions.
pub(crate) fn score_valence(sums: Sums, amplifier: f64) -> Polarity {
    if !sums.any {
        return Polarity::default();
    }
    let mut sum_s = sums.total;
    if sum_s > 0.0 {
        sum_s += amplifier;
    } else if sum_s < 0.0 {
        sum_s -= amplifier;
    }
    let compound = normalize(sum_s);
    proportions(compound, sums.pos, sums.neg, sums.neu, amplifier)
}

/// The rest of `score_valence`: emphasis on the larger side, then the rounded
/// proportions of `pos_sum`, `neg_sum` and `neu_count`.
pub(crate) fn proportions(
    compound: f64,
    pos_sum: f64,
    neg_sum: f64,
    neu_count: f64,
    amplifier: f64,
) -> Polarity {
    let (mut pos_sum, mut neg_sum) = (pos_sum, neg_sum);
    if pos_sum > f64::abs(neg_sum) {
        pos_sum += amplifier;
    } else if pos_sum < f64::abs(neg_sum) {
        neg_sum -= amplifier;
    }
    let total = pos_sum + f64::abs(neg_sum) + neu_count;
    let ratio = |x: f64| {
        if total == 0.0 {
            0.0
        } else {
            f64::abs(x / total)
        }
    };
    Polarity {
        compound: py_round(compound, COMPOUND_DECIMALS),
        pos: py_round(ratio(pos_sum), RATIO_DECIMALS),
        neu: py_round(ratio(neu_count), RATIO_DECIMALS),
        neg: py_round(ratio(neg_sum), RATIO_DECIMALS),
    }
}

/// `_punctuation_emphasis`: '!' (up to 4) plus '?' (2, 3, or more) emphasis.
pub(crate) fn punctuation_emphasis(text: &str) -> f64 {
    let ep_count = text.bytes().filter(|&b| b == b'!').count();
    let qm_count = text.bytes().filter(|&b| b == b'?').count();
    emphasis(ep_count, qm_count)
}

/// [`punctuation_emphasis`] of a text with `ep_count` '!' and `qm_count` '?'.
pub(crate) fn emphasis(ep_count: usize, qm_count: usize) -> f64 {
    let ep_amplifier = ep_count.min(EXCLAMATION_MAX) as f64 * EXCLAMATION_WEIGHT;
    let qm_amplifier = if qm_count <= 1 {
        0.0
    } else if qm_count <= 3 {
        qm_count as f64 * QUESTION_WEIGHT
    } else {
        QUESTION_MAX_AMP
    };
    ep_amplifier + qm_amplifier
}

/// VADER's `normalize(score, alpha=15)`: maps the sum to [-1, 1].
pub(crate) fn normalize(score: f64) -> f64 {
    let norm = score / (score * score + ALPHA).sqrt();
    norm.clamp(-1.0, 1.0)
}

/// `_but_check`: VADER iterates over the sentiments and, for each value, rescales
/// the FIRST sentiment equal to it (`list.index`), by 0.5 if that one is before
/// the first "but" and 1.5 if after. Reproduced exactly over the non-zero
/// sentiments (`s`, at token `positions`; zeros stay zero and never equal a
/// non-zero value); long texts use an index of positions by value instead of
/// the quadratic scan.
fn but_check(s: &mut [f64], positions: &[usize], bi: usize) {
    if s.len() <= BUT_NAIVE_MAX {
        but_check_naive(s, positions, bi);
    } else {
        but_check_indexed(s, positions, bi);
    }
}

fn but_factor(j: usize, bi: usize) -> Option<f64> {
    match j.cmp(&bi) {
        std::cmp::Ordering::Less => Some(BUT_BEFORE),
        std::cmp::Ordering::Greater => Some(BUT_AFTER),
        std::cmp::Ordering::Equal => None,
    }
}

fn but_check_naive(s: &mut [f64], positions: &[usize], bi: usize) {
    for k in 0..s.len() {
        let v = s[k];
        let Some(j) = s.iter().position(|&x| x == v) else {
            continue;
        };
        if let Some(f) = positions.get(j).and_then(|&p| but_factor(p, bi)) {
            s[j] = v * f;
        }
    }
}

fn but_check_indexed(s: &mut [f64], positions: &[usize], bi: usize) {
    // Equal floats (0.0 == -0.0) share a key.
    fn key(x: f64) -> u64 {
        if x == 0.0 { 0 } else { x.to_bits() }
    }
    let mut groups: FastMap<u64, BTreeSet<usize>> = FastMap::default();
    for (j, &x) in s.iter().enumerate() {
        groups.entry(key(x)).or_default().insert(j);
    }
    for k in 0..s.len() {
        let v = s[k];
        if v.is_nan() {
            continue;
        }
        let Some(set) = groups.get_mut(&key(v)) else {
            continue;
        };
        let Some(&j) = set.first() else {
            continue;
        };
        let Some(f) = positions.get(j).and_then(|&p| but_factor(p, bi)) else {
            continue;
        };
        let new = v * f;
        s[j] = new;
        if key(new) != key(v) {
            set.remove(&j);
            groups.entry(key(new)).or_default().insert(j);
        }
    }
}

/// Python's `round(x, digits)`: the correctly rounded decimal (ties to even on the
/// exact binary value), read back as the nearest double.
///
/// Fast path for 3 and 4 decimals: `x * 10^d` is within a rounding error of the
/// exact product, so unless it lies within 1e-6 of a half-integer the rounding
/// direction is certain, and `r / 10^d` (both exact, one correctly rounded
/// division) is the double nearest to the decimal. Near ties, and for other
/// digit counts, the decimal is formatted exactly and parsed back.
pub(crate) fn py_round(x: f64, digits: usize) -> f64 {
    let scale = match digits {
        3 => 1e3,
        4 => 1e4,
        _ => return py_round_exact(x, digits),
    };
    let y = x * scale;
    if y.is_nan() || y.abs() >= 1e15 {
        return py_round_exact(x, digits);
    }
    // `y.floor()` without a call into libm (x86-64's baseline has no rounding
    // instruction); exact, as |y| < 1e15 < 2^63.
    let truncated = y as i64 as f64;
    let floor = if truncated > y {
        truncated - 1.0
    } else {
        truncated
    };
    let frac = y - floor;
    if (frac - 0.5).abs() < 1e-6 {
        return py_round_exact(x, digits);
    }
    let r = if frac < 0.5 { floor } else { floor + 1.0 };
    if r == 0.0 {
        // Python keeps the sign: round(-0.00001, 4) == -0.0.
        return 0.0f64.copysign(x);
    }
    r / scale
}

/// `round(x, digits)` through exact decimal formatting (what Rust's `{:.N}`
/// produces is the correctly rounded decimal, ties to even).
fn py_round_exact(x: f64, digits: usize) -> f64 {
    use fmt::Write as _;
    let mut buf = StackStr::default();
    if write!(buf, "{x:.digits$}").is_err() {
        return x;
    }
    buf.as_str().parse().unwrap_or(x)
}

/// A small fixed-size string buffer, so that rounding does not allocate.
struct StackStr {
    bytes: [u8; 48],
    len: usize,
}

impl Default for StackStr {
    fn default() -> Self {
        StackStr {
            bytes: [0; 48],
            len: 0,
        }
    }
}

impl StackStr {
    fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl fmt::Write for StackStr {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dst = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Python's `str.isspace()` (used by `str.split()` and `str.strip()`): Unicode
/// White_Space plus the ASCII separators U+001C..U+001F.
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..=' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Titlecase letters (general category Lt), which make Python's `isupper()` false.
fn is_titlecase(c: char) -> bool {
    matches!(
        c,
        '\u{1c5}'
            | '\u{1c8}'
            | '\u{1cb}'
            | '\u{1f2}'
            | '\u{1f88}'..='\u{1f8f}'
            | '\u{1f98}'..='\u{1f9f}'
            | '\u{1fa8}'..='\u{1faf}'
            | '\u{1fbc}'
            | '\u{1fcc}'
            | '\u{1ffc}'
    )
}

/// Python's `str.isupper()`: no lowercase or titlecase character and at least one
/// uppercase one.
fn py_isupper(s: &str) -> bool {
    let mut cased = false;
    if s.is_ascii() {
        for b in s.bytes() {
            if b.is_ascii_lowercase() {
                return false;
            }
            cased |= b.is_ascii_uppercase();
        }
        return cased;
    }
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// Appends Python's `s.lower()` (full Unicode lowercasing) to `out`.
fn push_lowercase(out: &mut Vec<u8>, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase()));
    } else if s.contains('Σ') {
        // Final-sigma handling needs the context: let std do the whole word.
        out.extend_from_slice(s.to_lowercase().as_bytes());
    } else {
        let mut buf = [0u8; 4];
        for c in s.chars().flat_map(char::to_lowercase) {
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

/// SentiText: Python's `text.split()`, then `_strip_punc_if_word` on each token
/// (strip ASCII punctuation at both ends unless at most 2 characters would remain),
/// recording each token's lowercased form, `isupper()`, and what `table` knows of
/// it. Only the tokens that some rule asks about are kept (in `toks`); the others
/// are counted.
///
/// Made for speed, as most of the time of scoring goes here: text is split with
/// std's ASCII white space when Python's agrees (no \x0b, \x1c..\x1f or
/// non-ASCII space in it); an ASCII token of up to 15 bytes is loaded into two
/// registers, lowercased eight bytes at a time and looked up as it is;
/// punctuation is stripped only when a token begins or ends with some; a token
/// no rule asks about writes nothing. Other tokens take the general path
/// ([`token`]).
pub(crate) fn tokenize(text: &str, table: &WordTable, buf: &mut TokenBuffers) -> Scan {
    buf.toks.clear();
    buf.lower.clear();
    buf.scored.clear();
    let bytes = text.as_bytes();
    let (ascii, odd_space, marks) = byte_scan(bytes);
    let (bangs, questions) = if marks { count_marks(bytes) } else { (0, 0) };
    let mut scan = Scan {
        bangs,
        questions,
        ..Scan::default()
    };
    let base = text.as_ptr() as usize;
    if !odd_space && (ascii || !has_unicode_space(bytes)) {
        // Without \x0b, \x1c..\x1f or a non-ASCII space, Python's white space
        // is std's ASCII white space. The common case, inlined: a token of at
        // most 15 ASCII bytes, stripped only if it begins or ends with
        // punctuation, looked up with the bytes in two registers.
        let (mut tokens, mut caps) = (0usize, 0usize);
        let n = bytes.len();
        let mut i = 0;
        loop {
            while i < n && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= n {
                break;
            }
            let raw_start = i;
            i = ascii_word_end(bytes, i);
            let Some(raw) = bytes.get(raw_start..i) else {
                break;
            };
            let pos = tokens;
            tokens += 1;
            let (mut s, mut e) = (0, raw.len());
            let first = raw.first().copied().unwrap_or(b' ');
            let last = raw.last().copied().unwrap_or(b' ');
            if first.is_ascii_punctuation() || last.is_ascii_punctuation() {
                while s < e && raw[s].is_ascii_punctuation() {
                    s += 1;
                }
                while e > s && raw[e - 1].is_ascii_punctuation() {
                    e -= 1;
                }
                if e - s < 3 {
                    (s, e) = (0, raw.len());
                }
            }
            let raw_ascii = ascii || raw.is_ascii();
            if !raw_ascii && table.ascii_only && !contains_kelvin(raw) {
                // Its lowercase has a non-ASCII character, which no key of the
                // table has: a plain word, unless it has "n't".
                let nt = raw.windows(3).any(|w| w.eq_ignore_ascii_case(b"n't"));
                if !nt {
                    let token = text
                        .get(raw_start..raw_start + raw.len())
                        .map_or("", |t| strip_punctuation(t));
                    caps += usize::from(py_isupper(token));
                    continue;
                }
            }
            let len = e - s;
            if len == 0 || len > MAX_PACKED || !raw_ascii {
                scan.tokens = pos;
                scan.caps = caps;
                token(text, raw, raw_start, raw_ascii, table, buf, &mut scan);
                (tokens, caps) = (scan.tokens, scan.caps);
                continue;
            }
            let (a, b) = load_word(bytes, raw_start + s, len);
            let (la, lb) = (ascii_lower8(a), ascii_lower8(b));
            let word = table.get_packed(la, lb | ((len as u64) << 56));
            let has_upper = (la != a) | (lb != b);
            let has_lower = has_ascii_lower8(a) | has_ascii_lower8(b);
            let upper = has_upper && !has_lower;
            caps += usize::from(upper);
            let negated = word.flags & NEGATOR != 0
                || ((has_byte8(a, b'\'') | has_byte8(b, b'\'')) && has_nt(la, lb, len));
            if word.flags == 0 && word.rule == Rule::None && !negated {
                continue;
            }
            // Sixteen bytes stored whole (no call to memcpy), then cut to the word.
            let start = buf.lower.len();
            buf.lower.extend_from_slice(&la.to_le_bytes());
            buf.lower.extend_from_slice(&lb.to_le_bytes());
            buf.lower.truncate(start + len);
            if word.rule == Rule::But && scan.first_but.is_none() {
                scan.first_but = Some(pos);
            }
            if word.flags & (LEXICON | BOOSTER) == LEXICON {
                buf.scored.push(buf.toks.len());
            }
            buf.toks.push(Tok {
                pos: offset(pos),
                start: offset(start),
                end: offset(start + len),
                raw_start: offset(raw_start),
                raw_end: offset(raw_start + raw.len()),
                value: word.value,
                flags: word.flags,
                rule: word.rule,
                upper,
                negated,
            });
        }
        scan.tokens = tokens;
        scan.caps = caps;
    } else if ascii {
        for raw in bytes
            .split(|&b| matches!(b, b'\t'..=b'\r' | 0x1c..=b' '))
            .filter(|t| !t.is_empty())
        {
            let raw_start = raw.as_ptr() as usize - base;
            token(text, raw, raw_start, true, table, buf, &mut scan);
        }
    } else {
        for raw in text.split(is_py_space).filter(|t| !t.is_empty()) {
            let raw_start = raw.as_ptr() as usize - base;
            token(
                text,
                raw.as_bytes(),
                raw_start,
                raw.is_ascii(),
                table,
                buf,
                &mut scan,
            );
        }
    }
    scan.kept = buf.toks.len();
    scan
}

/// One pass over `bytes`, eight at a time: whether they are all ASCII, whether
/// they hold one of the white space bytes that Python splits on but
/// `split_ascii_whitespace` does not (0x0b, and 0x1c..=0x1f: the bytes whose
/// value without its two low bits is 0x1c), and whether they hold '!' or '?'.
fn byte_scan(bytes: &[u8]) -> (bool, bool, bool) {
    let (mut high, mut odd, mut marks) = (0u64, 0u64, 0u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = chunk.try_into().map_or(0, u64::from_le_bytes);
        high |= x;
        odd |= byte_eq8(x, 0x0b) | byte_eq8(x & !(ONES * 3), 0x1c);
        marks |= byte_eq8(x, b'!') | byte_eq8(x, b'?');
    }
    let rest = chunks.remainder();
    (
        high & HIGHS == 0 && rest.is_ascii(),
        odd != 0
            || rest
                .iter()
                .any(|&b| b == 0x0b || (0x1c..=0x1f).contains(&b)),
        marks != 0 || rest.iter().any(|&b| b == b'!' || b == b'?'),
    )
}

/// Whether UTF-8 `bytes` hold U+212A KELVIN SIGN, the one non-ASCII character
/// whose lowercase is ASCII ('k').
fn contains_kelvin(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| w == [0xE2, 0x84, 0xAA])
}

/// `_strip_punc_if_word`: strip ASCII punctuation at both ends unless fewer
/// than three characters would remain.
fn strip_punctuation(token: &str) -> &str {
    let stripped = token.trim_matches(|c: char| c.is_ascii_punctuation());
    if stripped.chars().nth(2).is_none() {
        token
    } else {
        stripped
    }
}

/// The end of the word that starts at `i`: the first ASCII white space byte (std's
/// set: \t \n \x0c \r space) after it, or the end. Eight bytes at a time:
/// the lowest byte below '!' of a word is found exactly, then checked.
#[inline]
fn ascii_word_end(bytes: &[u8], mut i: usize) -> usize {
    let n = bytes.len();
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = chunk.try_into().map_or(0, u64::from_le_bytes);
        let below = x.wrapping_sub(ONES * 0x21) & !x & HIGHS;
        if below == 0 {
            i += 8;
            continue;
        }
        i += (below.trailing_zeros() / 8) as usize;
        if bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            return i;
        }
        i += 1;
    }
    while i < n && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Whether UTF-8 `bytes` hold a non-ASCII character that Python counts as white
/// space (U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000).
fn has_unicode_space(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(k) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b >= 0xC2))
    {
        i += k;
        let space = matches!(
            bytes.get(i..).unwrap_or_default(),
            [0xC2, 0x85 | 0xA0, ..]
                | [0xE1, 0x9A, 0x80, ..]
                | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
                | [0xE2, 0x81, 0x9F, ..]
                | [0xE3, 0x80, 0x80, ..]
        );
        if space {
            return true;
        }
        i += 1;
    }
    false
}

/// The number of '!' and of '?' in `bytes`, eight bytes at a time.
fn count_marks(bytes: &[u8]) -> (usize, usize) {
    let (mut bangs, mut questions) = (0, 0);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = chunk.try_into().map_or(0, u64::from_le_bytes);
        bangs += byte_eq8(x, b'!').count_ones() as usize;
        questions += byte_eq8(x, b'?').count_ones() as usize;
    }
    for &b in chunks.remainder() {
        bangs += usize::from(b == b'!');
        questions += usize::from(b == b'?');
    }
    (bangs, questions)
}

/// The high bit of each byte of `x` equal to `byte`; exact for every byte.
#[inline]
fn byte_eq8(x: u64, byte: u8) -> u64 {
    let y = x ^ (ONES * u64::from(byte));
    !(((y & !HIGHS) + !HIGHS) | y | !HIGHS)
}

/// The `len` (1..=15) bytes of `bytes` at `at` as two little-endian words, zero
/// past `len`. Loads straight from the text where 16 bytes are there (a copy
/// through a stack buffer would stall the loads on the stores).
#[inline]
fn load_word(bytes: &[u8], at: usize, len: usize) -> (u64, u64) {
    let word = |i: usize| -> Option<u64> {
        Some(u64::from_le_bytes(bytes.get(i..i + 8)?.try_into().ok()?))
    };
    let mask = |k: usize| {
        if k >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * k)) - 1
        }
    };
    if let (Some(a), Some(b)) = (word(at), word(at + 8)) {
        return (a & mask(len), b & mask(len.saturating_sub(8)));
    }
    let (mut a, mut b) = (0u64, 0u64);
    for (k, &byte) in bytes.iter().skip(at).take(len).enumerate() {
        if k < 8 {
            a |= u64::from(byte) << (8 * k);
        } else {
            b |= u64::from(byte) << (8 * (k - 8));
        }
    }
    (a, b)
}

/// One token of [`tokenize`]: `raw` (as split, at byte `raw_start` of `text`),
/// for any token (the common ASCII case is inlined in [`tokenize`]).
fn token(
    text: &str,
    raw: &[u8],
    raw_start: usize,
    ascii: bool,
    table: &WordTable,
    buf: &mut TokenBuffers,
    scan: &mut Scan,
) {
    let pos = scan.tokens;
    scan.tokens += 1;
    let (mut s, mut e) = (0, raw.len());
    while s < e && raw[s].is_ascii_punctuation() {
        s += 1;
    }
    while e > s && raw[e - 1].is_ascii_punctuation() {
        e -= 1;
    }
    let chars = if ascii {
        e - s
    } else {
        raw[s..e].iter().filter(|&&b| (b & 0xC0) != 0x80).count()
    };
    if chars < 3 {
        (s, e) = (0, raw.len());
    }
    let token = text.get(raw_start + s..raw_start + e).unwrap_or_default();
    let start = buf.lower.len();
    push_lowercase(&mut buf.lower, token);
    let key = buf.lower.get(start..).unwrap_or_default();
    let word = table.get(key);
    let negated = word.flags & NEGATOR != 0 || key.windows(3).any(|w| w == b"n't");
    let upper = py_isupper(token);
    scan.caps += usize::from(upper);
    if word.flags == 0 && word.rule == Rule::None && !negated {
        // No rule asks about this token: it only counts.
        buf.lower.truncate(start);
        return;
    }
    if word.rule == Rule::But && scan.first_but.is_none() {
        scan.first_but = Some(pos);
    }
    if word.flags & (LEXICON | BOOSTER) == LEXICON {
        buf.scored.push(buf.toks.len());
    }
    buf.toks.push(Tok {
        pos: offset(pos),
        start: offset(start),
        end: offset(buf.lower.len()),
        raw_start: offset(raw_start),
        raw_end: offset(raw_start + raw.len()),
        value: word.value,
        flags: word.flags,
        rule: word.rule,
        upper,
        negated,
    });
}

/// The buffers [`tokenize`] fills, reused from call to call.
#[derive(Default)]
pub(crate) struct TokenBuffers {
    /// The kept tokens.
    pub(crate) toks: Vec<Tok>,
    /// Their lowercased forms (`Tok::start..Tok::end`).
    pub(crate) lower: Vec<u8>,
    /// The kept tokens (indices into `toks`) that are lexicon words and no
    /// boosters: the ones that may score.
    pub(crate) scored: Vec<usize>,
}

impl TokenBuffers {
    fn bytes(&self) -> usize {
        self.toks.capacity() * std::mem::size_of::<Tok>()
            + self.lower.capacity()
            + self.scored.capacity() * 8
    }

    /// The kept tokens of the last [`tokenize`] call and their lowercased forms.
    pub(crate) fn words(&self, scan: &Scan) -> Words<'_> {
        Words::new(
            &self.lower,
            self.toks.get(..scan.kept).unwrap_or_default(),
            scan.tokens,
            scan.caps,
        )
    }
}

/// Whether the lowercased word packed in `a`, `b` (`len` bytes) contains "n't".
#[inline]
fn has_nt(a: u64, b: u64, len: usize) -> bool {
    let mut buf = [0u8; 16];
    buf[..8].copy_from_slice(&a.to_le_bytes());
    buf[8..].copy_from_slice(&b.to_le_bytes());
    buf.get(..len.min(16))
        .is_some_and(|w| w.windows(3).any(|w| w == b"n't"))
}

/// What [`tokenize`] counted on its way.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Scan {
    /// Tokens, kept or not.
    pub(crate) tokens: usize,
    /// Tokens kept.
    pub(crate) kept: usize,
    /// ALL CAPS tokens.
    pub(crate) caps: usize,
    /// The position of the first token "but".
    pub(crate) first_but: Option<usize>,
    /// '!' and '?' in the text.
    pub(crate) bangs: usize,
    pub(crate) questions: usize,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// ASCII lowercase of eight ASCII bytes at once ('A'..='Z' gain 0x20).
#[inline]
fn ascii_lower8(x: u64) -> u64 {
    // With every byte below 0x80 the sums below never carry into the next byte.
    let ge_a = x + ONES * (0x80 - u64::from(b'A'));
    let gt_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = ge_a & !gt_z & HIGHS;
    x | (upper >> 2)
}

/// Whether some of eight ASCII bytes is in 'a'..='z'.
#[inline]
fn has_ascii_lower8(x: u64) -> bool {
    let ge_a = x + ONES * (0x80 - u64::from(b'a'));
    let gt_z = x + ONES * (0x80 - u64::from(b'z') - 1);
    ge_a & !gt_z & HIGHS != 0
}

/// Whether some of eight ASCII bytes equals `byte`.
#[inline]
fn has_byte8(x: u64, byte: u8) -> bool {
    let y = x ^ (ONES * u64::from(byte));
    // A zero byte of y: (y - 1) borrows into its high bit. Exact for bytes < 0x80.
    (y.wrapping_sub(ONES) & !y & HIGHS) != 0
}

/// The word is in the valence lexicon ([`Word::valence`] holds its value).
pub(crate) const LEXICON: u8 = 1;
/// The word is a single-word booster or dampener ([`Word::booster`]).
pub(crate) const BOOSTER: u8 = 2;
/// The word is in VADER's NEGATE list.
pub(crate) const NEGATOR: u8 = 4;
/// The word belongs to a multi-word special case or booster n-gram.
pub(crate) const PHRASE: u8 = 8;
/// The word starts a multi-word special case or booster n-gram.
pub(crate) const PHRASE_FIRST: u8 = 16;
/// The word ends a multi-word special case or booster n-gram.
pub(crate) const PHRASE_LAST: u8 = 32;
// Bits 64 and 128 are the news layer's (see `news.rs`).

/// The words VADER's rules name in code, as [`Rule`]s.
const RULE_WORDS: [(&str, Rule); 14] = [
    ("no", Rule::No),
    ("but", Rule::But),
    ("kind", Rule::Kind),
    ("of", Rule::Of),
    ("least", Rule::Least),
    ("at", Rule::At),
    ("very", Rule::Very),
    ("never", Rule::Never),
    ("so", Rule::So),
    ("this", Rule::This),
    ("without", Rule::Without),
    ("doubt", Rule::Doubt),
    ("or", Rule::Or),
    ("nor", Rule::Nor),
];

/// A word that VADER's code (not its word lists) treats specially.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Rule {
    #[default]
    None,
    No,
    But,
    Kind,
    Of,
    Least,
    At,
    Very,
    Never,
    So,
    This,
    Without,
    Doubt,
    Or,
    Nor,
}

/// All that the rules ask about one lowercased word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Word {
    /// The booster scalar when `flags` has [`BOOSTER`], else the valence when it
    /// has [`LEXICON`] (the rules never ask a booster for its valence).
    pub(crate) value: f64,
    /// [`LEXICON`], [`BOOSTER`], [`NEGATOR`], [`PHRASE`] ... and the news layer's bits.
    pub(crate) flags: u8,
    pub(crate) rule: Rule,
}

/// Lowercased word -> what the rules know about it, as built.
pub(crate) type WordMap = FastMap<Box<str>, Word>;

/// Longest word (in bytes) held inline in a [`WordTable`] slot.
const MAX_PACKED: usize = 15;

/// A [`WordMap`] made for lookups: an open-addressing table whose slots hold
/// words of up to 15 bytes inline (two machine words: the bytes, and the length
/// in the top byte); longer words are in a map of their own.
///
/// Most tokens of a text are in no lexicon, so a miss must be cheap. Slots come
/// in groups of eight, and each group has eight one-byte tags (from the word's
/// hash; 0 = empty) in one machine word: a lookup compares the eight tags at
/// once, reads a slot only when its tag matches, and ends at a group with an
/// empty slot. The tags of VADER's table take 16 KiB, so they stay in the
/// fastest cache.
#[derive(Clone, Default)]
pub(crate) struct WordTable {
    /// Per group of eight slots: their tags, slot k in byte k.
    tags: Vec<u64>,
    slots: Vec<Slot>,
    /// 64 - log2(tags.len()).
    shift: u32,
    long: FastMap<Box<[u8]>, Word>,
    /// No key that a lowercased token could equal has a non-ASCII character
    /// (keys with capitals never match), so a token whose lowercase has one is
    /// in no lexicon.
    pub(crate) ascii_only: bool,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    /// Bytes 0..8 of the word.
    a: u64,
    /// Bytes 8..15 and the length in the top byte.
    b: u64,
    word: Word,
}

impl WordTable {
    pub(crate) fn new(map: &WordMap) -> WordTable {
        let short = map.keys().filter(|k| pack(k.as_bytes()).is_some()).count();
        // At most half full, so that nearly every lookup ends in its first group.
        let groups = (2 * short / 8).max(2).next_power_of_two();
        let mut table = WordTable {
            tags: vec![0; groups],
            slots: vec![Slot::default(); groups * 8],
            shift: 64 - groups.trailing_zeros(),
            long: FastMap::default(),
            ascii_only: map.keys().all(|k| k.is_ascii() || k.to_lowercase() != **k),
        };
        for (key, &word) in map {
            match pack(key.as_bytes()) {
                Some((a, b)) => table.insert(a, b, word),
                None => {
                    table.long.insert(key.as_bytes().into(), word);
                }
            }
        }
        table
    }

    fn insert(&mut self, a: u64, b: u64, word: Word) {
        let gmask = self.tags.len() - 1;
        let (mut g, tag) = self.position(a, b);
        // Each key is inserted once (the map's keys are distinct), and the table
        // is at most half full, so an empty slot comes.
        for _ in 0..self.tags.len() {
            let Some(&group) = self.tags.get(g) else {
                return;
            };
            let empty = byte_eq8(group, 0);
            if empty != 0 {
                let k = (empty.trailing_zeros() / 8) as usize;
                if let (Some(t), Some(slot)) = (self.tags.get_mut(g), self.slots.get_mut(g * 8 + k))
                {
                    *t |= u64::from(tag) << (8 * k);
                    *slot = Slot { a, b, word };
                }
                return;
            }
            g = (g + 1) & gmask;
        }
    }

    /// The home group and the tag of a packed word.
    #[inline]
    fn position(&self, a: u64, b: u64) -> (usize, u8) {
        // Fibonacci hashing: the group from the top bits of one product, the
        // tag from bits in its middle.
        let h = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ((h >> self.shift) as usize, ((h >> 32) as u8) | 1)
    }

    /// What the table knows of a lowercased word (the default, unknown word if nothing).
    pub(crate) fn get(&self, key: &[u8]) -> Word {
        match pack(key) {
            Some((a, b)) => self.get_packed(a, b),
            None => self.long.get(key).copied().unwrap_or_default(),
        }
    }

    /// [`WordTable::get`] for a word packed as [`pack`] does: the matching tags
    /// of the word's group (and of the next ones while they are full).
    #[inline]
    pub(crate) fn get_packed(&self, a: u64, b: u64) -> Word {
        let gmask = self.tags.len().wrapping_sub(1);
        let (mut g, tag) = self.position(a, b);
        while let Some(&group) = self.tags.get(g) {
            let mut matches = byte_eq8(group, tag);
            while matches != 0 {
                let k = (matches.trailing_zeros() / 8) as usize;
                if let Some(slot) = self.slots.get(g * 8 + k)
                    && slot.a == a
                    && slot.b == b
                {
                    return slot.word;
                }
                matches &= matches - 1;
            }
            if byte_eq8(group, 0) != 0 {
                break;
            }
            g = (g + 1) & gmask;
        }
        Word::default()
    }
}

/// A word of 1..=15 bytes as two little-endian words, its length in the top byte.
/// Built in registers: a copy through a stack buffer would make the loads wait
/// on the stores.
fn pack(key: &[u8]) -> Option<(u64, u64)> {
    if key.is_empty() || key.len() > MAX_PACKED {
        return None;
    }
    let (a, b) = load_word(key, 0, key.len());
    Some((a, b | ((key.len() as u64) << 56)))
}

/// One token of the text that some rule asks about (a lexicon word, booster,
/// negator, rule or phrase word).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tok {
    /// Its position among all the tokens of the text.
    pub(crate) pos: u32,
    /// Byte span of its lowercased form in the scratch buffer.
    pub(crate) start: u32,
    pub(crate) end: u32,
    /// Byte span of the whitespace-separated token as written (punctuation
    /// included) in the text scored.
    pub(crate) raw_start: u32,
    pub(crate) raw_end: u32,
    /// [`Word::value`], [`Word::flags`] and [`Word::rule`] of its word.
    pub(crate) value: f64,
    pub(crate) flags: u8,
    pub(crate) rule: Rule,
    /// Whether the token is ALL CAPS (Python `isupper()`).
    pub(crate) upper: bool,
    /// VADER's `negated([token])`: a NEGATE word or one with "n't".
    pub(crate) negated: bool,
}

impl Tok {
    pub(crate) fn word(&self) -> Word {
        Word {
            value: self.value,
            flags: self.flags,
            rule: self.rule,
        }
    }

    /// The byte span of its lowercased form.
    pub(crate) fn lower_span(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The byte span of the token as written.
    pub(crate) fn raw_span(&self) -> std::ops::Range<usize> {
        self.raw_start as usize..self.raw_end as usize
    }
}

/// A byte offset as a token holds it. Texts of 4 GiB or more are scored all
/// the same, but the words of their evidence past 4 GiB are empty.
#[inline]
pub(crate) fn offset(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Reusable per-thread buffers of one scoring call.
#[derive(Default)]
struct Scratch {
    text: String,
    tokens: TokenBuffers,
    sentiments: Vec<f64>,
    positions: Vec<usize>,
    marks: Vec<u8>,
    key: String,
}

impl Scratch {
    fn bytes(&self) -> usize {
        self.text.capacity()
            + self.tokens.bytes()
            + self.key.capacity()
            + self.sentiments.capacity() * 8
            + self.positions.capacity() * 8
            + self.marks.capacity()
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// How far from the token being scored the rules look.
const FOCUS_REACH: usize = 3;

/// The tokens of one text (`words_and_emoticons`), lowercased, with what the
/// word table knows of each: the tokens that some rule asks about, by position
/// (the others are plain words: in no lexicon or list).
pub(crate) struct Words<'a> {
    lower: &'a [u8],
    /// The kept tokens, in text order.
    pub(crate) toks: &'a [Tok],
    /// All tokens, kept or not.
    n: usize,
    /// VADER's `is_cap_diff`: some but not all tokens are ALL CAPS.
    pub(crate) is_cap_diff: bool,
    /// The kept token being scored.
    /// The position of the token being scored ([`Words::focus`]).
    focus_pos: std::cell::Cell<usize>,
    /// The kept tokens at positions `focus_pos - FOCUS_REACH ..= focus_pos +
    /// FOCUS_REACH` (indices into `toks`; `u32::MAX`: a plain word).
    focus_kept: [std::cell::Cell<u32>; 2 * FOCUS_REACH + 1],
}

impl<'a> Words<'a> {
    /// `n` tokens, `caps` of them ALL CAPS, the kept ones `toks`.
    pub(crate) fn new(lower: &'a [u8], toks: &'a [Tok], n: usize, caps: usize) -> Words<'a> {
        let cap_differential = n.saturating_sub(caps);
        Words {
            lower,
            toks,
            n,
            is_cap_diff: 0 < cap_differential && cap_differential < n,
            // No token in focus: every lookup searches.
            focus_pos: std::cell::Cell::new(usize::MAX / 2),
            focus_kept: std::array::from_fn(|_| std::cell::Cell::new(u32::MAX)),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.n
    }

    /// The kept token at position `i`, if it was kept. The rules look at the
    /// few tokens around the one being scored ([`Words::focus`]), so those are
    /// looked at first.
    #[inline]
    fn find(&self, i: usize) -> Option<&'a Tok> {
        if let Some(slot) = (i + FOCUS_REACH)
            .checked_sub(self.focus_pos.get())
            .and_then(|d| self.focus_kept.get(d))
        {
            return self.toks.get(slot.get() as usize);
        }
        let k = self.toks.partition_point(|t| (t.pos as usize) < i);
        self.toks.get(k).filter(|t| t.pos as usize == i)
    }

    /// Makes the kept token `k` (an index into the kept tokens) the one being
    /// scored: the tokens within [`FOCUS_REACH`] positions of it, which the
    /// rules look at, are then found without a search.
    pub(crate) fn focus(&self, k: usize) {
        let Some(t) = self.toks.get(k) else {
            self.focus_pos.set(usize::MAX / 2);
            return;
        };
        let pos = t.pos as usize;
        self.focus_pos.set(pos);
        for slot in &self.focus_kept {
            slot.set(u32::MAX);
        }
        // Kept tokens are in text order at distinct positions: those within
        // FOCUS_REACH positions are within FOCUS_REACH places of `k`.
        let from = k.saturating_sub(FOCUS_REACH);
        let near = self
            .toks
            .get(from..(k + FOCUS_REACH + 1).min(self.toks.len()));
        for (j, t) in near.unwrap_or_default().iter().enumerate() {
            if let Some(d) = (t.pos as usize + FOCUS_REACH).checked_sub(pos)
                && let Some(slot) = self.focus_kept.get(d)
            {
                slot.set(offset(from + j));
            }
        }
    }

    /// Token `i` (a default, plain token if it is a plain word or out of range).
    pub(crate) fn tok(&self, i: usize) -> Tok {
        self.find(i).copied().unwrap_or_default()
    }

    /// What the table knows of token `i`.
    pub(crate) fn word(&self, i: usize) -> Word {
        self.find(i).map(Tok::word).unwrap_or_default()
    }

    pub(crate) fn rule(&self, i: usize) -> Rule {
        self.find(i).map_or(Rule::None, |t| t.rule)
    }

    pub(crate) fn in_lexicon(&self, i: usize) -> bool {
        self.find(i).is_some_and(|t| t.flags & LEXICON != 0)
    }

    pub(crate) fn negated(&self, i: usize) -> bool {
        self.find(i).is_some_and(|t| t.negated)
    }

    /// Lowercased token `i` ("" out of range).
    pub(crate) fn lo(&self, i: usize) -> &'a str {
        self.find(i)
            .and_then(|t| self.lower.get(t.lower_span()))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// Whether token `i` is ALL CAPS (Python `isupper()`).
    pub(crate) fn upper(&self, i: usize) -> bool {
        self.find(i).is_some_and(|t| t.upper)
    }

    /// The evidence entry of token `i`: its modifiers (`mark` bits) and itself.
    pub(crate) fn entry(&self, i: usize, mark: u8) -> String {
        let mut entry = String::new();
        for (bit, offset) in MARK_OFFSETS.iter().enumerate() {
            if *offset == 1 {
                push_word(&mut entry, self.lo(i));
            }
            if mark & (1 << bit) != 0
                && let Some(j) = i.checked_add_signed(*offset).filter(|&j| j < self.len())
            {
                push_word(&mut entry, self.lo(j));
            }
        }
        entry
    }
}

fn push_word(entry: &mut String, word: &str) {
    if !entry.is_empty() {
        entry.push(' ');
    }
    entry.push_str(word);
}

/// Offsets (from the scored word) of the modifier words recorded in a mark byte:
/// bit k stands for `MARK_OFFSETS[k]`.
const MARK_OFFSETS: [isize; 5] = [-3, -2, -1, 1, 2];

/// The mark bit of the word `back` (1..=3) positions before the scored one.
pub(crate) fn back_bit(back: usize) -> u8 {
    match back {
        3 => 1,
        2 => 2,
        1 => 4,
        _ => 0,
    }
}

/// The mark bits of the words of `seq` other than the scored word `i`.
pub(crate) fn phrase_bits(seq: &[usize], i: usize) -> u8 {
    seq.iter()
        .map(|&j| {
            if j < i {
                back_bit(i - j)
            } else if j == i + 1 {
                8
            } else if j == i + 2 {
                16
            } else {
                0
            }
        })
        .fold(0, |a, b| a | b)
}

/// Looks up the space-joined lowercased words `seq` in `map` when every one of
/// them belongs to some phrase, building the key in the reusable buffer `key`.
fn phrase_value(
    map: &FastMap<Box<str>, f64>,
    w: &Words<'_>,
    seq: &[usize],
    key: &mut String,
) -> Option<f64> {
    let (Some(&first), Some(&last)) = (seq.first(), seq.last()) else {
        return None;
    };
    if w.word(first).flags & PHRASE_FIRST == 0
        || w.word(last).flags & PHRASE_LAST == 0
        || seq.iter().any(|&j| w.word(j).flags & PHRASE == 0)
    {
        return None;
    }
    key.clear();
    for (k, &j) in seq.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(w.lo(j));
    }
    map.get(key.as_str()).copied()
}

/// Lexicon lines: `(1-based line, tab-separated trimmed fields)`, skipping blank
/// lines, and `#` comment lines only in the header block before the first entry
/// (VADER's files have tokens starting with `#`, e.g. the keycap emoji).
pub(crate) fn entry_lines(text: &str) -> impl Iterator<Item = (usize, crate::lexicon::Fields<'_>)> {
    let mut in_header = true;
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim();
        if trimmed.is_empty() || (in_header && trimmed.starts_with('#')) {
            return None;
        }
        in_header = false;
        Some((i + 1, crate::lexicon::Fields::split(trimmed)))
    })
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A small fast non-cryptographic hasher (the "Fx" hash of rustc) for the lexicon
/// maps: their keys are fixed data, so hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vader() -> Vader {
        Vader::embedded().expect("embedded lexicons load")
    }

    #[test]
    fn embedded_loads_everything() {
        let v = vader();
        assert_eq!(v.lexicon.len(), 7506);
        assert_eq!(v.negators.len(), 59);
        assert_eq!(v.boosters.len(), 84);
        assert_eq!(v.special.len(), 9);
        // Duplicates: the last line wins, as in VADER.
        assert_eq!(v.valence("lol"), Some(1.8));
        assert_eq!(v.valence("good"), Some(1.9));
        assert_eq!(v.valence("not-a-word"), None);
        // Only single-code-point emoji are kept.
        assert_eq!(v.emoji.len(), 1212);
        assert!(v.emoji.contains_key(&'\u{1F601}'));
        assert!(v.emoji.values().all(|d| !d.is_empty()));
    }

    #[test]
    fn readme_examples() {
        let v = vader();
        let p = v.polarity_scores("VADER is smart, handsome, and funny.");
        assert_eq!(
            p,
            Polarity {
                compound: 0.8316,
                pos: 0.746,
                neu: 0.254,
                neg: 0.0
            }
        );
        let p = v.polarity_scores("The book was good.");
        assert_eq!(p.compound, 0.4404);
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let v = vader();
        let long = "but good bad ".repeat(20_000);
        let inputs = [
            "",
            " ",
            "\u{1c}\u{3000}\t",
            "!!!???",
            "no",
            "no no no",
            "least",
            "kind",
            "kind of",
            "but",
            "BUT BUT but",
            "ΣΑΣ ΟΔΟΣ",
            "İstanbul ǅemal K",
            "\u{0}\u{ffff}\u{10ffff}",
            "😁😁😁",
            "#️⃣ ©",
            long.as_str(),
        ];
        for text in inputs {
            let mut ev = Vec::new();
            let p = v.polarity_scores_with_evidence(text, &mut ev);
            assert!(p.compound.is_finite() && (-1.0..=1.0).contains(&p.compound));
            assert_eq!(p, v.polarity_scores(text));
        }
        assert_eq!(v.polarity_scores(""), Polarity::default());
        assert_eq!(v.polarity_scores("  \t "), Polarity::default());
    }

    #[test]
    fn evidence_names_modifiers() {
        let v = vader();
        let mut ev = Vec::new();
        v.polarity_scores_with_evidence("It was extremely regrettable and not good.", &mut ev);
        let entries: Vec<&str> = ev.iter().map(|e| e.entry.as_str()).collect();
        assert_eq!(entries, ["extremely regrettable", "not good"]);
        assert!(ev[0].weight < -1.6);
        assert!((ev[1].weight - 1.9 * N_SCALAR).abs() < 1e-12);

        ev.clear();
        v.polarity_scores_with_evidence("With VADER, sentiment analysis is the shit!", &mut ev);
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].entry, "the shit");
        assert_eq!(ev[0].weight, 3.0);
    }

    #[test]
    fn but_check_indexed_matches_naive() {
        // A deterministic pseudo-random stream of values with many repeats.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let palette = [0.0, -0.0, 1.0, 2.0, 0.5, -1.5, -0.75, 1.5, 3.0, 4.0, 0.25];
        for round in 0..300 {
            let n = 1 + (next() % 200) as usize;
            let mut a: Vec<f64> = (0..n)
                .map(|_| palette[(next() % palette.len() as u64) as usize])
                .collect();
            let bi = (next() % n as u64) as usize;
            let mut b = a.clone();
            let positions: Vec<usize> = (0..n).collect();
            but_check_naive(&mut a, &positions, bi);
            but_check_indexed(&mut b, &positions, bi);
            assert_eq!(a, b, "round {round}, bi {bi}");
        }
    }

    #[test]
    fn python_whitespace_and_rounding() {
        assert!(is_py_space('\u{1f}') && is_py_space('\u{85}') && is_py_space('\u{3000}'));
        assert!(!is_py_space('\u{200b}') && !is_py_space('\u{feff}') && !is_py_space('x'));
        // Expected values are Python's.
        assert_eq!(py_round(0.12345, 4), 0.1235);
        assert_eq!(py_round(0.0005, 3), 0.001);
        assert_eq!(py_round(0.0015, 3), 0.002);
        assert_eq!(py_round(0.5, 0), 0.0);
        assert_eq!(py_round(2.5, 0), 2.0);
        assert_eq!(py_round(-0.44045, 4), -0.4405);
    }

    #[test]
    fn fast_rounding_matches_exact_rounding() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let x = (next() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0;
            for digits in [3, 4] {
                assert_eq!(
                    py_round(x, digits).to_bits(),
                    py_round_exact(x, digits).to_bits(),
                    "{x}"
                );
            }
        }
        // Ties and near-ties take the exact path: Python's values.
        for (x, digits, want) in [
            (0.0005, 3, 0.001),
            (0.0015, 3, 0.002),
            (0.12345, 4, 0.1235),
            (-0.44045, 4, -0.4405),
            (0.2735, 3, 0.274),
            (-0.00001, 4, -0.0),
        ] {
            assert_eq!(py_round(x, digits), want, "{x}");
        }
        assert!(py_round(-0.00001, 4).is_sign_negative());
    }

    #[test]
    fn sums_are_compensated_as_python_3_12_sums() {
        // Python 3.12+: sum([0.1] * 10) == 1.0, and
        // sum([1.5, -0.9, 2.1, -2.7]) == -1.1102230246251565e-16.
        let total = |xs: &[f64]| {
            let mut s = NeumaierSum::default();
            xs.iter().for_each(|&x| s.add(x));
            s.value()
        };
        assert_eq!(total(&[0.1; 10]), 1.0);
        assert_eq!(total(&[1.5, -0.9, 2.1, -2.7]), -1.1102230246251565e-16);
        assert_eq!(total(&[]), 0.0);
        // A naive left-to-right sum gives 0.9999999999999999.
        assert_ne!([0.1; 10].iter().sum::<f64>(), 1.0);
    }

    #[test]
    fn word_table_finds_every_key_and_nothing_else() {
        let v = vader();
        for (key, word) in &v.word_map {
            assert_eq!(v.words.get(key.as_bytes()), *word, "{key}");
        }
        for miss in [
            "",
            "zzqx",
            "goodd",
            "a-very-long-word-of-many-letters",
            "Good",
        ] {
            assert_eq!(v.words.get(miss.as_bytes()), Word::default(), "{miss}");
        }
        assert!(v.words.ascii_only);
    }

    #[test]
    fn python_isupper() {
        assert!(py_isupper("GOOD"));
        assert!(py_isupper("GOOD!"));
        assert!(py_isupper("Ü2"));
        assert!(!py_isupper("Good"));
        assert!(!py_isupper("123"));
        assert!(!py_isupper(":)"));
        assert!(!py_isupper("Aǅ"));
    }

    #[test]
    fn lexicon_errors_name_file_and_line() {
        let rules = ("r.tsv", "negator\tnot\t\n");
        let emoji = ("e.txt", "");
        let err = Vader::from_sources(("l.txt", "# h\ngood\t1.9\nbad\tx\n"), emoji, rules)
            .expect_err("bad number");
        assert_eq!((err.file.as_str(), err.line), ("l.txt", 3));
        let err = Vader::from_sources(("l.txt", "good\t1.9\n# late comment\n"), emoji, rules)
            .expect_err("late comment is an entry");
        assert_eq!(err.line, 2);
        let err = Vader::from_sources(("l.txt", ""), emoji, ("r.tsv", "\nbooster\tvery\n"))
            .expect_err("missing value");
        assert_eq!((err.file.as_str(), err.line), ("r.tsv", 2));
        let err = Vader::from_sources(("l.txt", ""), emoji, ("r.tsv", "frob\tx\t1\n"))
            .expect_err("unknown kind");
        assert_eq!(err.line, 1);
        // Tokens may start with '#' after the header.
        let v = Vader::from_sources(("l.txt", "# h\ngood\t1.9\n#win\t2\n"), emoji, rules)
            .expect("valid");
        assert_eq!(v.valence("#win"), Some(2.0));
    }

    #[test]
    fn extend_lexicon_overrides_and_is_atomic() {
        let mut v = vader();
        v.extend_lexicon("user.txt", "# mine\ngood\t3.5\nstonks\t2.0\n")
            .expect("valid");
        assert_eq!(v.valence("good"), Some(3.5));
        assert_eq!(v.valence("stonks"), Some(2.0));
        let err = v
            .extend_lexicon("user.txt", "zzqmeh\t-0.5\nbroken\n")
            .expect_err("one field");
        assert_eq!((err.file.as_str(), err.line), ("user.txt", 2));
        assert_eq!(v.valence("zzqmeh"), None);
    }
}
