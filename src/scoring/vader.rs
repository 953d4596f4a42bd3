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
//! * the sentiment-laden idioms are loaded but never applied, as in 3.3.2.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::LexiconError;
use crate::lexicon::{data_lines, parse_number};
use crate::scoring::evidence::Evidence;

/// Added to (subtracted from) the valence of a word, or the scalar of a booster,
/// written in ALL CAPS while other words are not (VADER's `C_INCR`).
const C_INCR: f64 = 0.733;
/// Factor applied to a negated valence (VADER's `N_SCALAR`).
const N_SCALAR: f64 = -0.74;
/// Normalisation constant of the compound score: `x / sqrt(x² + alpha)`.
const ALPHA: f64 = 15.0;
/// Weight of a booster two words before the lexicon word.
const DAMPING_TWO_BACK: f64 = 0.95;
/// Weight of a booster three words before the lexicon word.
const DAMPING_THREE_BACK: f64 = 0.9;
/// Factor for "never so good" / "never this good" (and, by VADER's operator
/// precedence, any "so"/"this" right before the word when three words are checked).
const NEVER_SO_FACTOR: f64 = 1.25;
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
const RATIO_DECIMALS: usize = 3;
/// Number of decimals of the rounded compound (Python `round(x, 4)`).
const COMPOUND_DECIMALS: usize = 4;
/// Up to this many tokens the "but" rule runs VADER's quadratic loop as is.
const BUT_NAIVE_MAX: usize = 64;
/// Scratch buffers above this capacity are dropped after use, not kept per thread.
const SCRATCH_KEEP_BYTES: usize = 1 << 20;

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

/// The VADER analyser: word lexicon, emoji lexicon and rule word lists.
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
    /// VADER's NEGATE list.
    negators: FastSet<Box<str>>,
    /// VADER's BOOSTER_DICT (single words and space-joined phrases).
    boosters: FastMap<Box<str>, f64>,
    /// VADER's SPECIAL_CASES (space-joined phrases).
    special: FastMap<Box<str>, f64>,
}

impl fmt::Debug for Vader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vader")
            .field("lexicon_entries", &self.lexicon.len())
            .field("emoji_entries", &self.emoji.len())
            .field("negators", &self.negators.len())
            .field("boosters", &self.boosters.len())
            .field("special_cases", &self.special.len())
            .finish()
    }
}

impl Vader {
    /// The analyser with the embedded defaults: `lexicons/vader_lexicon.txt`,
    /// `lexicons/vader_emoji.txt` and `lexicons/vader_rules.tsv` (VADER 3.3.2).
    pub fn embedded() -> Result<Vader, LexiconError> {
        Vader::from_sources(
            ("lexicons/vader_lexicon.txt", EMBEDDED_LEXICON),
            ("lexicons/vader_emoji.txt", EMBEDDED_EMOJI),
            ("lexicons/vader_rules.tsv", EMBEDDED_RULES),
        )
    }

    /// Builds the analyser from file contents, each given as `(name, contents)`;
    /// the names are used in [`LexiconError`] messages (`name:line: ...`).
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
        let mut vader = Vader {
            lexicon: FastMap::default(),
            emoji: FastMap::default(),
            emoji_has_ascii: false,
            negators: FastSet::default(),
            boosters: FastMap::default(),
            special: FastMap::default(),
        };
        vader.extend_lexicon(lexicon.0, lexicon.1)?;
        vader.load_emoji(emoji.0, emoji.1)?;
        vader.load_rules(rules.0, rules.1)?;
        Ok(vader)
    }

    /// Adds or overrides lexicon entries from a user's file in the format of
    /// `vader_lexicon.txt` (later lines win, also over the defaults). On error
    /// nothing is changed.
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
        Ok(())
    }

    /// Empties the valence lexicon, for a user's file that replaces it.
    pub fn clear_lexicon(&mut self) {
        self.lexicon.clear();
    }

    /// Valence (mean rating) of a single lowercased token in the lexicon, if any.
    pub fn valence(&self, word: &str) -> Option<f64> {
        self.lexicon.get(word).copied()
    }

    /// Whether a lowercased word negates what follows it (VADER's NEGATE list, or
    /// any word with `n't`), for the stance rules that reuse VADER's negation.
    pub fn negates(&self, word: &str) -> bool {
        self.negated(word)
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
            lower,
            toks,
            sentiments,
            marks,
            key,
        } = scratch;
        // Emoji -> descriptions, then Python's `str.strip()`.
        let text = self.replace_emoji(input, substituted);
        let text = text.trim_matches(is_py_space);
        // SentiText: split, strip punctuation, lowercase, ALL CAPS flags.
        tokenize(text, toks, lower);
        let n = toks.len();
        let caps = toks.iter().filter(|t| t.upper).count();
        let cap_differential = n - caps;
        let words = Words {
            lower: lower.as_str(),
            toks: toks.as_slice(),
            is_cap_diff: 0 < cap_differential && cap_differential < n,
        };

        sentiments.clear();
        marks.clear();
        for i in 0..n {
            let item = words.lo(i);
            let mut mark = 0u8;
            let valence = if self.boosters.contains_key(item)
                || (i + 1 < n && item == "kind" && words.lo(i + 1) == "of")
            {
                0.0
            } else {
                self.sentiment_valence(&words, i, key, &mut mark)
            };
            sentiments.push(valence);
            marks.push(mark);
        }

        if let Some(bi) = (0..n).find(|&i| words.lo(i) == "but") {
            but_check(sentiments, bi);
        }

        if let Some(evidence) = evidence {
            for (i, (&weight, &mark)) in sentiments.iter().zip(marks.iter()).enumerate() {
                if weight != 0.0 {
                    evidence.push(Evidence {
                        entry: words.entry(i, mark),
                        weight,
                    });
                }
            }
        }

        score_valence(sentiments, text)
    }

    /// Python's emoji substitution loop; borrows `input` when nothing changes.
    fn replace_emoji<'a>(&self, input: &'a str, buf: &'a mut String) -> &'a str {
        if !self.emoji_has_ascii && input.is_ascii() {
            return input;
        }
        let is_emoji =
            |c: char| (self.emoji_has_ascii || !c.is_ascii()) && self.emoji.contains_key(&c);
        let Some((pos, _)) = input.char_indices().find(|&(_, c)| is_emoji(c)) else {
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

    /// `sentiment_valence`: the valence of word `i` after the rules ("no",
    /// capitals, boosters, negation, special cases, "least"); 0 if not in the lexicon.
    fn sentiment_valence(&self, w: &Words<'_>, i: usize, key: &mut String, mark: &mut u8) -> f64 {
        let n = w.len();
        let item = w.lo(i);
        let Some(&base) = self.lexicon.get(item) else {
            return 0.0;
        };
        let mut valence = base;
        // "no" as a negation of the next lexicon word rather than a word of its own.
        if item == "no" && i != n - 1 && self.in_lexicon(w.lo(i + 1)) {
            valence = 0.0;
        }
        let no_back = if i > 0 && w.lo(i - 1) == "no" {
            Some(1)
        } else if i > 1 && w.lo(i - 2) == "no" {
            Some(2)
        } else if i > 2 && w.lo(i - 3) == "no" && matches!(w.lo(i - 1), "or" | "nor") {
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
            if i > start_i && !self.in_lexicon(w.lo(i - back)) {
                let mut s = self.scalar_inc_dec(w, i - back, valence);
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
                valence = self.negation_check(valence, w, start_i, i, mark);
                if start_i == 2 {
                    valence = self.special_idioms_check(valence, w, i, key, mark);
                }
            }
        }
        self.least_check(valence, w, i, mark)
    }

    fn in_lexicon(&self, word: &str) -> bool {
        self.lexicon.contains_key(word)
    }

    /// `scalar_inc_dec`: the booster/dampener scalar of word `j` for a word of
    /// valence `valence` (0 if `j` is not a booster).
    fn scalar_inc_dec(&self, w: &Words<'_>, j: usize, valence: f64) -> f64 {
        let Some(&b) = self.boosters.get(w.lo(j)) else {
            return 0.0;
        };
        let mut scalar = b;
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

    /// VADER's `negated([word])` for one lowercased word.
    fn negated(&self, word: &str) -> bool {
        self.negators.contains(word) || word.contains("n't")
    }

    /// `_negation_check`, with VADER's operator precedence in the 3-back case.
    fn negation_check(
        &self,
        valence: f64,
        w: &Words<'_>,
        start_i: usize,
        i: usize,
        mark: &mut u8,
    ) -> f64 {
        let mut valence = valence;
        match start_i {
            0 => {
                if self.negated(w.lo(i - 1)) {
                    valence *= N_SCALAR;
                    *mark |= back_bit(1);
                }
            }
            1 => {
                let (two, one) = (w.lo(i - 2), w.lo(i - 1));
                if two == "never" && (one == "so" || one == "this") {
                    valence *= NEVER_SO_FACTOR;
                    *mark |= back_bit(2) | back_bit(1);
                } else if two == "without" && one == "doubt" {
                    // unchanged
                } else if self.negated(two) {
                    valence *= N_SCALAR;
                    *mark |= back_bit(2);
                }
            }
            _ => {
                let (three, two, one) = (w.lo(i - 3), w.lo(i - 2), w.lo(i - 1));
                // Python: `a and (b or c) or (d or e)`.
                let never_so = three == "never" && (two == "so" || two == "this");
                if never_so || one == "so" || one == "this" {
                    valence *= NEVER_SO_FACTOR;
                    *mark |= if never_so {
                        back_bit(3) | back_bit(2)
                    } else {
                        back_bit(1)
                    };
                } else if three == "without" && (two == "doubt" || one == "doubt") {
                    // unchanged
                } else if self.negated(three) {
                    valence *= N_SCALAR;
                    *mark |= back_bit(3);
                }
            }
        }
        valence
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
        // onezero, twoonezero, twoone, threetwoone, threetwo: the first match wins.
        let sequences: [&[usize]; 5] = [
            &[i - 1, i],
            &[i - 2, i - 1, i],
            &[i - 2, i - 1],
            &[i - 3, i - 2, i - 1],
            &[i - 3, i - 2],
        ];
        for seq in sequences {
            if let Some(v) = lookup_phrase(&self.special, w, seq, key) {
                valence = v;
                // The phrase's value replaces everything applied so far.
                *mark = phrase_bits(seq, i);
                break;
            }
        }
        if n - 1 > i {
            let seq = [i, i + 1];
            if let Some(v) = lookup_phrase(&self.special, w, &seq, key) {
                valence = v;
                *mark = phrase_bits(&seq, i);
            }
        }
        if n - 1 > i + 1 {
            let seq = [i, i + 1, i + 2];
            if let Some(v) = lookup_phrase(&self.special, w, &seq, key) {
                valence = v;
                *mark = phrase_bits(&seq, i);
            }
        }
        // Booster/dampener n-grams such as "kind of": added whatever the sign.
        let n_grams: [&[usize]; 3] = [&[i - 3, i - 2, i - 1], &[i - 3, i - 2], &[i - 2, i - 1]];
        for seq in n_grams {
            if let Some(b) = lookup_phrase(&self.boosters, w, seq, key) {
                valence += b;
                *mark |= phrase_bits(seq, i);
            }
        }
        valence
    }

    /// `_least_check`: "least good" negates, "at least good" / "very least good" do not.
    fn least_check(&self, valence: f64, w: &Words<'_>, i: usize, mark: &mut u8) -> f64 {
        let mut valence = valence;
        if i > 1 && w.lo(i - 1) == "least" && !self.in_lexicon(w.lo(i - 1)) {
            if w.lo(i - 2) != "at" && w.lo(i - 2) != "very" {
                valence *= N_SCALAR;
                *mark |= back_bit(1);
            }
        } else if i > 0 && w.lo(i - 1) == "least" && !self.in_lexicon(w.lo(i - 1)) {
            valence *= N_SCALAR;
            *mark |= back_bit(1);
        }
        valence
    }
}

/// `score_valence`: punctuation emphasis, compound, and the rounded proportions.
fn score_valence(sentiments: &[f64], text: &str) -> Polarity {
    if sentiments.is_empty() {
        return Polarity::default();
    }
    let mut sum_s = sentiments.iter().fold(0.0, |acc, &s| acc + s);
    let amplifier = punctuation_emphasis(text);
    if sum_s > 0.0 {
        sum_s += amplifier;
    } else if sum_s < 0.0 {
        sum_s -= amplifier;
    }
    let compound = normalize(sum_s);

    // _sift_sentiment_scores
    let mut pos_sum = 0.0;
    let mut neg_sum = 0.0;
    let mut neu_count = 0usize;
    for &s in sentiments {
        if s > 0.0 {
            pos_sum += s + 1.0;
        }
        if s < 0.0 {
            neg_sum += s - 1.0;
        }
        if s == 0.0 {
            neu_count += 1;
        }
    }
    if pos_sum > f64::abs(neg_sum) {
        pos_sum += amplifier;
    } else if pos_sum < f64::abs(neg_sum) {
        neg_sum -= amplifier;
    }
    let neu_count = neu_count as f64;
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
fn punctuation_emphasis(text: &str) -> f64 {
    let (mut ep_count, mut qm_count) = (0usize, 0usize);
    for b in text.bytes() {
        match b {
            b'!' => ep_count += 1,
            b'?' => qm_count += 1,
            _ => {}
        }
    }
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
fn normalize(score: f64) -> f64 {
    let norm = score / (score * score + ALPHA).sqrt();
    norm.clamp(-1.0, 1.0)
}

/// `_but_check`: VADER iterates over the sentiments and, for each value, rescales
/// the FIRST sentiment equal to it (`list.index`), by 0.5 if that one is before
/// the first "but" and 1.5 if after. Reproduced exactly; long texts use an index of
/// positions by value instead of the quadratic scan.
fn but_check(sentiments: &mut [f64], bi: usize) {
    if sentiments.len() <= BUT_NAIVE_MAX {
        but_check_naive(sentiments, bi);
    } else {
        but_check_indexed(sentiments, bi);
    }
}

fn but_factor(j: usize, bi: usize) -> Option<f64> {
    match j.cmp(&bi) {
        std::cmp::Ordering::Less => Some(BUT_BEFORE),
        std::cmp::Ordering::Greater => Some(BUT_AFTER),
        std::cmp::Ordering::Equal => None,
    }
}

fn but_check_naive(s: &mut [f64], bi: usize) {
    for k in 0..s.len() {
        let v = s[k];
        let Some(j) = s.iter().position(|&x| x == v) else {
            continue;
        };
        if let Some(f) = but_factor(j, bi) {
            s[j] = v * f;
        }
    }
}

fn but_check_indexed(s: &mut [f64], bi: usize) {
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
        let Some(f) = but_factor(j, bi) else {
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
/// exact binary value), which is what Rust's `{:.N}` formatting produces.
fn py_round(x: f64, digits: usize) -> f64 {
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
fn is_py_space(c: char) -> bool {
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
fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else if s.contains('Σ') {
        // Final-sigma handling needs the context: let std do the whole word.
        out.push_str(&s.to_lowercase());
    } else {
        out.extend(s.chars().flat_map(char::to_lowercase));
    }
}

/// SentiText: Python's `text.split()`, then `_strip_punc_if_word` on each token
/// (strip ASCII punctuation at both ends unless at most 2 characters would remain),
/// recording each token's lowercased form and `isupper()`.
fn tokenize(text: &str, toks: &mut Vec<Tok>, lower: &mut String) {
    toks.clear();
    lower.clear();
    for raw in text.split(is_py_space).filter(|t| !t.is_empty()) {
        let stripped = raw.trim_matches(|c: char| c.is_ascii_punctuation());
        let token = if stripped.chars().nth(2).is_none() {
            raw
        } else {
            stripped
        };
        let start = lower.len();
        push_lowercase(lower, token);
        toks.push(Tok {
            start,
            end: lower.len(),
            upper: py_isupper(token),
        });
    }
}

/// One token of the text: its lowercased form in the scratch string, and whether
/// the original was ALL CAPS.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    upper: bool,
}

/// Reusable per-thread buffers of one scoring call.
#[derive(Default)]
struct Scratch {
    text: String,
    lower: String,
    toks: Vec<Tok>,
    sentiments: Vec<f64>,
    marks: Vec<u8>,
    key: String,
}

impl Scratch {
    fn bytes(&self) -> usize {
        self.text.capacity()
            + self.lower.capacity()
            + self.key.capacity()
            + self.toks.capacity() * std::mem::size_of::<Tok>()
            + self.sentiments.capacity() * 8
            + self.marks.capacity()
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The tokens of one text (`words_and_emoticons`), lowercased.
struct Words<'a> {
    lower: &'a str,
    toks: &'a [Tok],
    is_cap_diff: bool,
}

impl Words<'_> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lowercased token `i` ("" out of range).
    fn lo(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether token `i` is ALL CAPS (Python `isupper()`).
    fn upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.upper)
    }

    /// The evidence entry of token `i`: its modifiers (`mark` bits) and itself.
    fn entry(&self, i: usize, mark: u8) -> String {
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
fn back_bit(back: usize) -> u8 {
    match back {
        3 => 1,
        2 => 2,
        1 => 4,
        _ => 0,
    }
}

/// The mark bits of the words of `seq` other than the scored word `i`.
fn phrase_bits(seq: &[usize], i: usize) -> u8 {
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

/// Looks up the space-joined lowercased words `seq` in `map`, building the key in
/// the reusable buffer `key`.
fn lookup_phrase(
    map: &FastMap<Box<str>, f64>,
    w: &Words<'_>,
    seq: &[usize],
    key: &mut String,
) -> Option<f64> {
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
fn entry_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    let mut in_header = true;
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim();
        if trimmed.is_empty() || (in_header && trimmed.starts_with('#')) {
            return None;
        }
        in_header = false;
        Some((i + 1, trimmed.split('\t').map(str::trim).collect()))
    })
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A small fast non-cryptographic hasher (the "Fx" hash of rustc) for the lexicon
/// maps: their keys are fixed data, so hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
struct FxHasher {
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
            but_check_naive(&mut a, bi);
            but_check_indexed(&mut b, bi);
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
