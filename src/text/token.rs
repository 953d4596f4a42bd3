use super::Abbreviations;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes and periods: `You-geun`, `U.S.`, `don't`),
    /// and the possessive `'s` as a token of its own.
    Word,
    /// Starts with a digit (`22`, `1,000`, `3.5`, `1970s`).
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// A token: its byte span in the text, its kind, and where its lowercase form
/// (curly apostrophes made straight) lies in the document's lowercase buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// The first character is upper case (`Kono`, `U.S.`).
    pub capitalized: bool,
    pub(super) lower_start: u32,
    pub(super) lower_end: u32,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text[start..end]` into tokens, appending them to `tokens` and their
/// lowercase forms to `lower`.
pub(super) fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    abbreviations: &Abbreviations,
    tokens: &mut Vec<Token>,
    lower: &mut String,
) {
    let slice = &text[start..end];
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let tok_start = start + i;
        if !c.is_alphanumeric() {
            // Two apostrophes or backticks stand for a double quotation mark
            // (`''We won,''` as some newspapers print it).
            if (c == '\'' || c == '`') && slice[i + 1..].starts_with(c) {
                chars.next();
                push(
                    text,
                    tok_start,
                    tok_start + 2,
                    TokenKind::Punct,
                    tokens,
                    lower,
                );
                continue;
            }
            // The possessive `'s` right after a word is one token.
            let after = &slice[i + c.len_utf8()..];
            let mut rest = after.chars();
            let possessive = is_apostrophe(c)
                && matches!(rest.next(), Some('s' | 'S'))
                && rest.next().is_none_or(|r| !r.is_alphanumeric())
                && tokens.last().is_some_and(|t| t.end == tok_start);
            if possessive {
                chars.next();
                push(
                    text,
                    tok_start,
                    tok_start + c.len_utf8() + 1,
                    TokenKind::Word,
                    tokens,
                    lower,
                );
            } else {
                push(
                    text,
                    tok_start,
                    tok_start + c.len_utf8(),
                    TokenKind::Punct,
                    tokens,
                    lower,
                );
            }
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let mut tok_end = tok_start + c.len_utf8();
        let mut has_inner_period = false;
        // Extend over letters and digits, and over inner joiners followed by one.
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                tok_end = start + j + d.len_utf8();
                chars.next();
                continue;
            }
            let joiner =
                d == '-' || is_apostrophe(d) || d == '.' || (d == ',' && kind == TokenKind::Number);
            if !joiner {
                break;
            }
            let after = &slice[j + d.len_utf8()..];
            let next = after.chars().next();
            let Some(n) = next.filter(|n| n.is_alphanumeric()) else {
                break;
            };
            if is_apostrophe(d) {
                // The possessive `'s` is a token of its own: `Seoul's` -> `Seoul`, `'s`.
                let rest = &after[n.len_utf8()..];
                let ends_word = rest.chars().next().is_none_or(|r| !r.is_alphanumeric());
                if (n == 's' || n == 'S') && ends_word {
                    break;
                }
            }
            if d == ',' && !n.is_ascii_digit() {
                break;
            }
            if d == '.' {
                has_inner_period = true;
            }
            chars.next();
            chars.next();
            tok_end = start + j + d.len_utf8() + n.len_utf8();
        }
        // A final period that belongs to the word: dotted groups (`U.S.`), initials
        // (`F.`), and lexicon abbreviations (`Gen.`).
        if let Some(&(j, '.')) = chars.peek() {
            let word = &text[tok_start..tok_end];
            let single_initial = word.chars().count() == 1 && c.is_uppercase();
            let dotted = has_inner_period && kind == TokenKind::Word;
            let listed = kind == TokenKind::Word && {
                let mut w = word.to_lowercase();
                w.push('.');
                abbreviations.get(&w).is_some()
            };
            if single_initial || dotted || listed {
                tok_end = start + j + 1;
                chars.next();
            }
        }
        push(text, tok_start, tok_end, kind, tokens, lower);
    }
}

fn push(
    text: &str,
    start: usize,
    end: usize,
    kind: TokenKind,
    tokens: &mut Vec<Token>,
    lower: &mut String,
) {
    let s = &text[start..end];
    let lower_start = lower.len() as u32;
    if s.is_ascii() {
        // Most news text is ASCII: lowercase it bytewise.
        lower.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        for c in s.chars() {
            if c == '\u{2019}' {
                lower.push('\'');
            } else {
                lower.extend(c.to_lowercase());
            }
        }
    }
    tokens.push(Token {
        start,
        end,
        kind,
        capitalized: s.chars().next().is_some_and(char::is_uppercase),
        lower_start,
        lower_end: lower.len() as u32,
    });
}
