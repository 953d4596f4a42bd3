use super::Abbreviations;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes and periods: `You-geun`, `U.S.`, `don't`),
    /// and the possessive `'s` as a token of its own.
    Word,
    /// Starts with a digit (`22`, `1,000`, `3.5`, `1970s`, `9/11`).
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

/// ASCII letters and digits, by byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// White space as `char::is_whitespace` has it.
#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c == ' ' || ('\t'..='\r').contains(&c)
    } else {
        c.is_whitespace()
    }
}

/// The text of one paragraph, read a character at a time by byte offset: an
/// ASCII byte is its own character, anything else is decoded.
struct Scan<'t> {
    text: &'t str,
    bytes: &'t [u8],
    end: usize,
    /// Recently seen non-ASCII characters and whether each is alphanumeric
    /// (the Unicode tables are slow to search; a text in another script
    /// repeats a few dozen characters).
    seen: [(char, bool); 64],
}

impl Scan<'_> {
    /// The character at byte `i` and its length, if `i` is before the end.
    #[inline]
    fn at(&self, i: usize) -> Option<(char, usize)> {
        if i >= self.end {
            return None;
        }
        let b = *self.bytes.get(i)?;
        if b < 0x80 {
            return Some((b as char, 1));
        }
        let c = self.text.get(i..self.end)?.chars().next()?;
        Some((c, c.len_utf8()))
    }

    /// `c.is_alphanumeric()`.
    #[inline]
    fn alnum(&mut self, c: char) -> bool {
        if c.is_ascii() {
            return ASCII_ALNUM[c as usize];
        }
        let k = c as usize % self.seen.len();
        match self.seen.get(k) {
            Some(&(seen, alnum)) if seen == c => alnum,
            _ => {
                let alnum = c.is_alphanumeric();
                if let Some(slot) = self.seen.get_mut(k) {
                    *slot = (c, alnum);
                }
                alnum
            }
        }
    }

    /// Whether the character at byte `i` is missing or not alphanumeric.
    #[inline]
    fn ends_word(&mut self, i: usize) -> bool {
        self.at(i).is_none_or(|(c, _)| !self.alnum(c))
    }
}

/// Splits `text[start..end]` into tokens, appending them to `tokens` and their
/// lowercase forms to `lower`, which must start with `text` ASCII-lowercased
/// (see [`push`]).
///
/// One pass over the bytes: ASCII (most of news text) is read byte by byte,
/// other characters are decoded where they occur. `reference_tokenize` in the
/// tests is the character-iterator version this must agree with.
pub(super) fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    abbreviations: &Abbreviations,
    tokens: &mut Vec<Token>,
    lower: &mut String,
) {
    let end = end.min(text.len());
    let bytes = text.as_bytes();
    // An empty slot holds NUL, which is ASCII and never looked up.
    let mut scan = Scan {
        text,
        bytes,
        end,
        seen: [('\0', false); 64],
    };
    let mut scratch = String::new();
    let mut i = start;
    while let Some((c, cl)) = scan.at(i) {
        if is_space(c) {
            i += cl;
            continue;
        }
        let tok_start = i;
        if !scan.alnum(c) {
            // Two apostrophes or backticks stand for a double quotation mark
            // (`''We won,''` as some newspapers print it).
            if (c == '\'' || c == '`') && scan.at(i + 1).is_some_and(|(n, _)| n == c) {
                let span = (tok_start, tok_start + 2, true);
                push(text, span, TokenKind::Punct, tokens, lower);
                i += 2;
                continue;
            }
            // The possessive `'s` right after a word is one token.
            let possessive = is_apostrophe(c)
                && matches!(scan.at(i + cl), Some(('s' | 'S', _)))
                && scan.ends_word(i + cl + 1)
                && tokens.last().is_some_and(|t| t.end == tok_start);
            if possessive {
                push(
                    text,
                    (tok_start, i + cl + 1, cl == 1),
                    TokenKind::Word,
                    tokens,
                    lower,
                );
                i += cl + 1;
            } else {
                push(
                    text,
                    (tok_start, i + cl, cl == 1),
                    TokenKind::Punct,
                    tokens,
                    lower,
                );
                i += cl;
            }
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let mut tok_end = i + cl;
        let mut has_inner_period = false;
        // Every character of the token so far is one byte.
        let mut ascii = cl == 1;
        // Extend over letters and digits, and over inner joiners followed by one.
        loop {
            while let Some(&b) = bytes.get(tok_end)
                && tok_end < end
                && ASCII_ALNUM[b as usize]
            {
                tok_end += 1;
            }
            let Some((d, dl)) = scan.at(tok_end) else {
                break;
            };
            // ASCII ends a word here unless alphanumeric: no mojibake check.
            if scan.alnum(d)
                || (!d.is_ascii() && mojibake_continues(text.get(tok_start..tok_end), d))
            {
                tok_end += dl;
                ascii &= dl == 1;
                continue;
            }
            // `,` and `/` join digits only: `1,000`, `9/11`, `24/7`.
            let joiner = d == '-'
                || is_apostrophe(d)
                || d == '.'
                || ((d == ',' || d == '/') && kind == TokenKind::Number);
            if !joiner {
                break;
            }
            let Some((n, nl)) = scan.at(tok_end + dl) else {
                break;
            };
            if !scan.alnum(n) {
                break;
            }
            // The possessive `'s` is a token of its own: `Seoul's` -> `Seoul`, `'s`.
            if is_apostrophe(d) && (n == 's' || n == 'S') && scan.ends_word(tok_end + dl + nl) {
                break;
            }
            if (d == ',' || d == '/') && !n.is_ascii_digit() {
                break;
            }
            if d == '.' {
                has_inner_period = true;
            }
            tok_end += dl + nl;
            ascii &= dl == 1 && nl == 1;
        }
        // A final period that belongs to the word: dotted groups (`U.S.`), initials
        // (`F.`), and lexicon abbreviations (`Gen.`).
        if tok_end < end && bytes.get(tok_end) == Some(&b'.') {
            let word = text.get(tok_start..tok_end).unwrap_or("");
            let single_initial = tok_end - tok_start == cl && c.is_uppercase();
            let dotted = has_inner_period && kind == TokenKind::Word;
            let listed = kind == TokenKind::Word && {
                scratch.clear();
                if word.is_ascii() {
                    scratch.push_str(word);
                    scratch.make_ascii_lowercase();
                } else {
                    scratch.push_str(&word.to_lowercase());
                }
                scratch.push('.');
                abbreviations.get(&scratch).is_some()
            };
            if single_initial || dotted || listed {
                tok_end += 1;
            }
        }
        push(text, (tok_start, tok_end, ascii), kind, tokens, lower);
        i = tok_end;
    }
}

/// Inside a word, a combining mark (U+0300 to U+036F: text in decomposed
/// form, `A` and a combining tilde for `Ã`) continues it; so does a Latin-1
/// symbol or control character (U+0080 to U+00BF) right after `Ã` or `Â`, the
/// second byte of a letter that a wrong decoding turned into two characters
/// (`FranÃ§ois`, `FranÃÂ§ois` for `François`).
#[inline]
fn mojibake_continues(word_so_far: Option<&str>, d: char) -> bool {
    if ('\u{300}'..='\u{36F}').contains(&d) {
        return true;
    }
    if !('\u{80}'..='\u{BF}').contains(&d) {
        return false;
    }
    let mut back = word_so_far.unwrap_or("").chars().rev();
    match back.next() {
        Some('\u{C3}' | '\u{C2}') => true,
        // `A` and a combining tilde or circumflex: `Ã`, `Â` decomposed.
        Some('\u{303}' | '\u{302}') => back.next() == Some('A'),
        _ => false,
    }
}

/// Appends the token `text[start..end]` (`span`, with whether it is all
/// ASCII). An ASCII token's lowercase form is already in `lower` at the same
/// offsets (the document's buffer starts with the whole text,
/// ASCII-lowercased); any other token's is appended to it.
#[inline]
fn push(
    text: &str,
    (start, end, ascii): (usize, usize, bool),
    kind: TokenKind,
    tokens: &mut Vec<Token>,
    lower: &mut String,
) {
    let (capitalized, lower_start, lower_end) = if ascii && end <= lower.len() {
        let capitalized = text
            .as_bytes()
            .get(start)
            .is_some_and(u8::is_ascii_uppercase);
        (capitalized, start, end)
    } else {
        let s = text.get(start..end).unwrap_or("");
        let lower_start = lower.len();
        for c in s.chars() {
            if c == '\u{2019}' {
                lower.push('\'');
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        let capitalized = s.chars().next().is_some_and(char::is_uppercase);
        (capitalized, lower_start, lower.len())
    };
    tokens.push(Token {
        start,
        end,
        kind,
        capitalized,
        lower_start: lower_start as u32,
        lower_end: lower_end as u32,
    });
}

#[cfg(test)]
mod tests {
    //! The byte-scanning tokenizer against the character-iterator one it
    //! replaced: the same tokens and lowercase forms on any text.

    use super::*;
    use crate::Lexicons;
    use proptest::prelude::*;

    /// Splits `text[start..end]` into tokens, appending them to `tokens` and their
    /// lowercase forms to `lower`.
    pub(super) fn reference_tokenize(
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
                    reference_push(
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
                    reference_push(
                        text,
                        tok_start,
                        tok_start + c.len_utf8() + 1,
                        TokenKind::Word,
                        tokens,
                        lower,
                    );
                } else {
                    reference_push(
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
                if d.is_alphanumeric() || mojibake_continues(text.get(tok_start..tok_end), d) {
                    tok_end = start + j + d.len_utf8();
                    chars.next();
                    continue;
                }
                let joiner = d == '-'
                    || is_apostrophe(d)
                    || d == '.'
                    || ((d == ',' || d == '/') && kind == TokenKind::Number);
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
                if (d == ',' || d == '/') && !n.is_ascii_digit() {
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
            reference_push(text, tok_start, tok_end, kind, tokens, lower);
        }
    }

    fn reference_push(
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

    fn both(text: &str) {
        static LEX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        let lex = LEX.get_or_init(|| Lexicons::embedded().expect("embedded lexicons"));
        let (mut a, mut la) = (Vec::new(), text.to_ascii_lowercase());
        let (mut b, mut lb) = (Vec::new(), String::new());
        // The whole text, and a span inside it as a paragraph is.
        let inner = text.char_indices().nth(1).map_or(0, |(i, _)| i);
        for (s, e) in [(0, text.len()), (inner, text.len())] {
            tokenize(text, s, e, &lex.abbreviations, &mut a, &mut la);
            reference_tokenize(text, s, e, &lex.abbreviations, &mut b, &mut lb);
            let spans = |t: &[Token]| -> Vec<(usize, usize, TokenKind, bool)> {
                t.iter()
                    .map(|t| (t.start, t.end, t.kind, t.capitalized))
                    .collect()
            };
            assert_eq!(spans(&a), spans(&b), "{text:?}");
            let lowers = |t: &[Token], l: &str| -> Vec<String> {
                t.iter()
                    .map(|t| l[t.lower_start as usize..t.lower_end as usize].to_string())
                    .collect()
            };
            assert_eq!(lowers(&a, &la), lowers(&b, &lb), "{text:?}");
        }
    }

    #[test]
    fn agrees_with_the_reference_on_examples() {
        for text in [
            "",
            "Seoul’s presidential Blue House and Kim You-geun's aide, at 3.5% of 1,000.",
            "U.S. Gen. John F. Kennedy said ''We won,'' and ``so'' on... e.g. i.e. Aug. 22",
            "rock 'n' roll, O'Brien's, the '90s, dogs' bones, it’s, ’S, 's",
            "1,000,000.50 1,a 3.x 4-5 a--b x.-y é.É.ñ Ж. ٣٤ 💬 \u{a0}x\u{2028}y\u{b}z\u{c}",
            "Mr. Smith vs. Dr. Who Inc. Co. Ltd. No. 5 St. Louis",
        ] {
            both(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_the_reference(
            text in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "B", "s", "S", "z", "U", "gen", "Gen", "mr", "1", "0", "9", "\'", "`",
                    "\u{2019}", "\u{2018}", ".", ",", "-", "\"", " ", "\n", "\t", "\u{b}",
                    "\u{a0}", "é", "É", "Ж", "ß", "İ", "٣", "²", "💬", "\u{201C}", "!", "?", "(",
                ]),
                0..40,
            )
        ) {
            both(&text.concat());
        }
    }
}
