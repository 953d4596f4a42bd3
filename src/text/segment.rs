use std::ops::Range;

use super::Abbreviations;
use super::quotes::{Quote, find_quotes};
use super::token::{Token, TokenKind, tokenize};

/// A paragraph: text between blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte span of the paragraph's text, without surrounding white space.
    pub start: usize,
    pub end: usize,
    /// Its tokens, as indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A sentence, found abbreviation-aware; never crosses a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

/// An article's text, segmented: tokens, paragraphs, sentences and quotes.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// For each token, the quote whose content it lies in (marks excluded).
    pub quote_of: Vec<Option<u32>>,
    /// For each token, the quote it opens or closes as a mark (`NO_QUOTE` if none).
    opens: Vec<u32>,
    closes: Vec<u32>,
    lower: String,
}

const NO_QUOTE: u32 = u32::MAX;

impl<'a> Document<'a> {
    /// Segments `text`. Never fails: unbalanced quotation marks close at the end
    /// of their paragraph, and any byte sequence yields some tokens.
    pub fn new(text: &'a str, abbreviations: &Abbreviations) -> Document<'a> {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        // ASCII tokens find their lowercase form at their own offsets here;
        // others have theirs appended (see `token::push`).
        let mut lower = String::with_capacity(text.len() + text.len() / 8);
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let mut paragraphs = Vec::new();
        for (start, end) in paragraph_spans(text) {
            let first = tokens.len();
            tokenize(text, start, end, abbreviations, &mut tokens, &mut lower);
            if tokens.len() > first {
                paragraphs.push(Paragraph {
                    start,
                    end,
                    tokens: first..tokens.len(),
                });
            }
        }
        let mut doc = Document {
            text,
            tokens,
            paragraphs,
            sentences: Vec::new(),
            quotes: Vec::new(),
            quote_of: Vec::new(),
            opens: Vec::new(),
            closes: Vec::new(),
            lower,
        };
        doc.sentences = find_sentences(&doc);
        let (quotes, quote_of) = find_quotes(&doc);
        doc.opens = vec![NO_QUOTE; doc.tokens.len()];
        doc.closes = vec![NO_QUOTE; doc.tokens.len()];
        for (k, q) in quotes.iter().enumerate() {
            doc.opens[q.open] = k as u32;
            if let Some(c) = q.close {
                doc.closes[c] = k as u32;
            }
        }
        doc.quotes = quotes;
        doc.quote_of = quote_of;
        doc
    }

    /// The quote whose opening mark is token `i`.
    pub fn quote_opening_at(&self, i: usize) -> Option<&Quote> {
        self.opens
            .get(i)
            .filter(|&&k| k != NO_QUOTE)
            .map(|&k| &self.quotes[k as usize])
    }

    /// The quote whose closing mark is token `i`.
    pub fn quote_closing_at(&self, i: usize) -> Option<&Quote> {
        self.closes
            .get(i)
            .filter(|&&k| k != NO_QUOTE)
            .map(|&k| &self.quotes[k as usize])
    }

    /// The token's text as written.
    pub fn str(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The token's lowercase form (curly apostrophes straightened).
    pub fn lower(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.lower[t.lower_start as usize..t.lower_end as usize]
    }

    /// The text from the start of token `first` to the end of token `last_exclusive - 1`.
    pub fn span_text(&self, tokens: Range<usize>) -> &'a str {
        if tokens.is_empty() {
            return "";
        }
        &self.text[self.tokens[tokens.start].start..self.tokens[tokens.end - 1].end]
    }

    pub fn is_punct(&self, i: usize, s: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && self.str(i) == s
    }

    /// The paragraph that holds token `i`.
    pub fn paragraph_of(&self, i: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.tokens.end <= i)
            .min(self.paragraphs.len().saturating_sub(1))
    }
}

/// Byte spans of the paragraphs: runs of text separated by lines that are blank.
/// A text without any blank line but with line breaks is read one paragraph per
/// line, as scrapers often write it.
fn paragraph_spans(text: &str) -> Vec<(usize, usize)> {
    let has_blank_line = text.split('\n').skip(1).any(|line| line.trim().is_empty());
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let line_start = offset;
        offset += line.len();
        if trimmed.is_empty() || !has_blank_line {
            if let Some(s) = start.take() {
                spans.push((s, end));
            }
            if trimmed.is_empty() {
                continue;
            }
        }
        // Within blank-line paragraphs a single line break still ends a paragraph
        // where the line before ends a sentence or this line opens a quote or an
        // item: lists of quotes and bylines are written one per line.
        if start.is_some()
            && breaks_line(&text[..line_start], trimmed)
            && let Some(s) = start.take()
        {
            spans.push((s, end));
        }
        let lead = line.len() - line.trim_start().len();
        if start.is_none() {
            start = Some(line_start + lead);
        }
        end = line_start + line.trim_end().len();
    }
    if let Some(s) = start {
        spans.push((s, end));
    }
    spans
}

/// A single line break ends a paragraph: the text before it ends with a
/// sentence's final mark (or a closing quote), or the next line opens with a
/// quotation mark, a dash or a bullet.
fn breaks_line(before: &str, next_line: &str) -> bool {
    let last = before.trim_end().chars().last();
    let first = next_line.chars().next();
    matches!(last, Some('.' | '!' | '?' | '"' | '\u{201D}' | ':'))
        || matches!(
            first,
            Some('"' | '\u{201C}' | '\u{201D}' | '\u{2015}' | '\u{2014}' | '-' | '*' | '\u{2022}')
        )
}

fn is_sentence_final(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "\u{2026}")
}

fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "\"" | "''" | "\u{201D}" | "\u{2019}" | "'" | ")" | "]" | "\u{BB}"
    )
}

fn is_opener(s: &str) -> bool {
    matches!(
        s,
        "\"" | "''" | "``" | "\u{201C}" | "\u{2018}" | "(" | "[" | "\u{AB}" | "\u{201E}"
    )
}

/// Sentences within each paragraph: a break after `.`, `!`, `?` or `…` (and any
/// closing marks right after it) when the next token starts a sentence.
fn find_sentences(doc: &Document) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let mut start = para.tokens.start;
        let mut i = para.tokens.start;
        while i < para.tokens.end {
            let tok = doc.tokens[i];
            // Abbreviations keep their period inside the word token, so a
            // standalone final mark is what ends a sentence.
            let ends = tok.kind == TokenKind::Punct && is_sentence_final(doc.str(i));
            if ends {
                let mut j = i + 1;
                while j < para.tokens.end
                    && doc.tokens[j].kind == TokenKind::Punct
                    && doc.tokens[j].start == doc.tokens[j - 1].end
                    && (is_closer(doc.str(j)) || is_sentence_final(doc.str(j)))
                {
                    j += 1;
                }
                let starts_next = j < para.tokens.end && {
                    let next = doc.tokens[j];
                    next.capitalized
                        || next.kind == TokenKind::Number
                        || (next.kind == TokenKind::Punct && is_opener(doc.str(j)))
                };
                if starts_next {
                    sentences.push(Sentence {
                        tokens: start..j,
                        paragraph: p,
                    });
                    start = j;
                }
                i = j;
                continue;
            }
            i += 1;
        }
        if start < para.tokens.end {
            sentences.push(Sentence {
                tokens: start..para.tokens.end,
                paragraph: p,
            });
        }
    }
    sentences
}
