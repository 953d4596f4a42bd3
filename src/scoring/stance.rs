//! The stance lexicon (`lexicons/stance.tsv`): cooperation–conflict cues as
//! word patterns with a weight on the Goldstein scale (-10 conflict .. +10
//! cooperation), and the matcher that finds them in a statement.
//!
//! Pattern syntax (documented in the lexicon's header): words separated by
//! spaces; `word*` matches any word with that prefix; `..` between two words
//! allows a gap of 0 to 3 words. Matching runs over lowercase word tokens
//! (punctuation and the possessive `'s` are skipped); the longest match wins
//! and each word counts in one match at most.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::error::LexiconError;
use crate::lexicon::{data_lines, parse_number};
use crate::text::{Document, TokenKind};

/// Widest gap `..` allows, in words.
const MAX_GAP: usize = 3;
/// Most words a pattern may have.
const MAX_PATTERN_WORDS: usize = 6;

#[derive(Debug, Clone, PartialEq)]
enum PatternWord {
    Exact(Box<str>),
    Prefix(Box<str>),
}

impl PatternWord {
    fn matches(&self, word: &str) -> bool {
        match self {
            PatternWord::Exact(w) => **w == *word,
            PatternWord::Prefix(p) => word.starts_with(&**p),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Pattern {
    /// The words, and for each word after the first whether a gap may precede it.
    words: Vec<(PatternWord, bool)>,
    weight: f64,
    text: Box<str>,
}

/// One stance cue found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceMatch {
    /// The matched tokens (first to last, gaps included).
    pub tokens: Range<usize>,
    /// The words of the text that matched, lowercase, separated by spaces.
    pub words: String,
    /// The lexicon weight (Goldstein scale).
    pub weight: f64,
}

/// The stance lexicon, indexed by the first word of each pattern: exact first
/// words in one map, prefix first words (`protest*`) by their first
/// `head_len` characters, so a word costs two lookups whatever the prefixes.
#[derive(Debug, Clone, Default)]
pub struct StanceLexicon {
    exact: HashMap<Box<str>, Vec<Pattern>>,
    prefix: HashMap<Box<str>, Vec<Pattern>>,
    /// Characters of the shortest prefix: the length of the `prefix` keys.
    head_len: usize,
}

impl StanceLexicon {
    /// Reads `pattern<TAB>weight<TAB>source` lines; a later line for the same
    /// pattern replaces the earlier one.
    pub fn extend_from(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let mut prefixes: Vec<Pattern> = self.prefix.drain().flat_map(|(_, list)| list).collect();
        for (line, fields) in data_lines(text) {
            if fields.len() < 2 {
                return Err(LexiconError::new(
                    file,
                    line,
                    "expected pattern<TAB>weight<TAB>source",
                ));
            }
            let weight = parse_number(file, line, fields[1])?;
            let pattern = parse_pattern(fields[0], weight)
                .map_err(|message| LexiconError::new(file, line, message))?;
            match &pattern.words[0].0 {
                PatternWord::Exact(w) => {
                    let list = self.exact.entry(w.clone()).or_default();
                    list.retain(|p| p.text != pattern.text);
                    list.push(pattern);
                }
                PatternWord::Prefix(_) => {
                    prefixes.retain(|p: &Pattern| p.text != pattern.text);
                    prefixes.push(pattern);
                }
            }
        }
        self.index_prefixes(prefixes);
        Ok(())
    }

    /// Buckets the prefix patterns by their first `head_len` characters.
    fn index_prefixes(&mut self, mut all: Vec<Pattern>) {
        // Keep the file order within a bucket, whatever the map's order was.
        all.sort_by(|a, b| a.text.cmp(&b.text));
        self.head_len = all
            .iter()
            .filter_map(|p| match &p.words[0].0 {
                PatternWord::Prefix(prefix) => Some(prefix.chars().count()),
                PatternWord::Exact(_) => None,
            })
            .min()
            .unwrap_or(0);
        for p in all {
            if let PatternWord::Prefix(prefix) = &p.words[0].0 {
                let head = head(prefix, self.head_len);
                self.prefix.entry(head.into()).or_default().push(p);
            }
        }
    }

    /// Patterns whose first word matches `word`.
    fn candidates<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a Pattern> + 'a {
        let exact = self.exact.get(word).into_iter().flatten();
        let prefixes = (self.head_len > 0)
            .then(|| full_head(word, self.head_len))
            .flatten()
            .and_then(|h| self.prefix.get(h))
            .into_iter()
            .flatten()
            .filter(move |p| p.words[0].0.matches(word));
        exact.chain(prefixes)
    }

    /// The stance cues in `tokens` of a document, left to right, longest first.
    pub fn find(&self, doc: &Document, tokens: Range<usize>) -> Vec<StanceMatch> {
        let words: Vec<usize> = tokens
            .filter(|&k| doc.tokens[k].kind != TokenKind::Punct && doc.lower(k) != "'s")
            .collect();
        let mut found = Vec::new();
        let mut p = 0;
        while p < words.len() {
            let best = self
                .candidates(doc.lower(words[p]))
                .filter_map(|pat| match_at(pat, doc, &words, p).map(|end| (end, pat)))
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.text.cmp(&a.1.text)));
            match best {
                Some((end, pat)) => {
                    let words_text = words[p..end]
                        .iter()
                        .map(|&k| doc.lower(k))
                        .collect::<Vec<_>>()
                        .join(" ");
                    found.push(StanceMatch {
                        tokens: words[p]..words[end - 1] + 1,
                        words: words_text,
                        weight: pat.weight,
                    });
                    p = end;
                }
                None => p += 1,
            }
        }
        found
    }

    /// The weight of a single word (a cue verb such as `protested`), if a
    /// one-word pattern matches it.
    pub fn word_weight(&self, word: &str) -> Option<f64> {
        self.candidates(word)
            .filter(|p| p.words.len() == 1 && p.words[0].0.matches(word))
            .map(|p| p.weight)
            .next()
    }
}

/// Matches `pat` at word `p`; returns one past the last word matched.
fn match_at(pat: &Pattern, doc: &Document, words: &[usize], p: usize) -> Option<usize> {
    fn go(pat: &Pattern, doc: &Document, words: &[usize], k: usize, at: usize) -> Option<usize> {
        if k == pat.words.len() {
            return Some(at);
        }
        let (word, gap) = &pat.words[k];
        let max_skip = if *gap { MAX_GAP } else { 0 };
        (0..=max_skip)
            .filter(|skip| at + skip < words.len())
            .find_map(|skip| {
                let pos = at + skip;
                word.matches(doc.lower(words[pos]))
                    .then(|| go(pat, doc, words, k + 1, pos + 1))
                    .flatten()
            })
    }
    if !pat.words[0].0.matches(doc.lower(words[p])) {
        return None;
    }
    go(pat, doc, words, 1, p + 1)
}

/// The first `n` characters of a word.
fn head(word: &str, n: usize) -> &str {
    word.char_indices().nth(n).map_or(word, |(i, _)| &word[..i])
}

/// The first `n` characters of a word that has at least `n`.
fn full_head(word: &str, n: usize) -> Option<&str> {
    match word.char_indices().nth(n) {
        Some((i, _)) => word.get(..i),
        None => (word.chars().count() == n).then_some(word),
    }
}

fn parse_pattern(text: &str, weight: f64) -> Result<Pattern, String> {
    let mut words = Vec::new();
    let mut gap = false;
    for w in text.split_whitespace() {
        if w == ".." {
            if words.is_empty() || gap {
                return Err(format!("`..` must stand between two words: {text:?}"));
            }
            gap = true;
            continue;
        }
        let lower = w.to_lowercase().replace('\u{2019}', "'");
        let word = match lower.strip_suffix('*') {
            Some("") => return Err(format!("`*` needs a prefix: {text:?}")),
            Some(prefix) => PatternWord::Prefix(prefix.into()),
            None => PatternWord::Exact(lower.into()),
        };
        words.push((word, gap));
        gap = false;
    }
    if gap {
        return Err(format!("a pattern ends with a word, not `..`: {text:?}"));
    }
    if words.is_empty() || words.len() > MAX_PATTERN_WORDS {
        return Err(format!(
            "a pattern has 1 to {MAX_PATTERN_WORDS} words: {text:?}"
        ));
    }
    Ok(Pattern {
        words,
        weight,
        text: text.into(),
    })
}
