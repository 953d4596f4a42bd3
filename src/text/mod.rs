//! Segment: an article's text as tokens, paragraphs, sentences and quotes, all
//! with byte offsets into the original text (converted to code points only
//! when written out).

mod abbreviations;
mod quotes;
mod segment;
mod token;

pub use abbreviations::{AbbreviationClass, Abbreviations};
pub use quotes::Quote;
pub use segment::{Document, Paragraph, Sentence};
pub use token::{Token, TokenKind};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicons;

    fn doc(text: &str) -> (Lexicons, String) {
        (
            Lexicons::embedded().expect("embedded lexicons"),
            text.to_string(),
        )
    }

    fn sentences(text: &str) -> Vec<String> {
        let (lex, text) = doc(text);
        let d = Document::new(&text, &lex.abbreviations);
        d.sentences
            .iter()
            .map(|s| d.span_text(s.tokens.clone()).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_a_sentence() {
        assert_eq!(
            sentences(
                "South Korea said on Aug. 22 it will terminate its pact. U.S. Secretary of State Mike Pompeo told reporters. John F. Kennedy spoke."
            ),
            [
                "South Korea said on Aug. 22 it will terminate its pact.",
                "U.S. Secretary of State Mike Pompeo told reporters.",
                "John F. Kennedy spoke."
            ]
        );
    }

    /// A name spelled with broken characters (PolNeAR, Washington Post), composed
    /// or decomposed, and a decomposed accent stay one word.
    #[test]
    fn mojibake_and_combining_marks_stay_in_their_word() {
        for name in [
            "Fran\u{C3}\u{C2}\u{A7}ois",
            "FranA\u{303}\u{83}A\u{302}\u{A7}ois",
            "Trevie\u{301}dic",
        ] {
            let (lex, text) = doc(&format!("French President {name} Hollande said Friday."));
            let d = Document::new(&text, &lex.abbreviations);
            let words: Vec<&str> = (0..d.tokens.len()).map(|k| d.str(k)).collect();
            assert_eq!(words[2], name);
            assert_eq!(words.len(), 7);
        }
    }

    /// A curly quote inside a straight one (PolNeAR, Breitbart) is part of it.
    #[test]
    fn a_quote_in_the_other_style_nests_in_the_open_quote() {
        let (lex, text) = doc(
            "\"The health issue is a partisan issue, which, I'm going to read you the question: \u{201C}Do you think Hillary's health concerns negatively impact her ability to serve as President?\u{201D} Forty-three, yes; forty-four, no.\"",
        );
        let d = Document::new(&text, &lex.abbreviations);
        assert_eq!(d.quotes.len(), 1);
        let q = d.quotes[0];
        assert_eq!(q.open, 0);
        assert_eq!(q.close, Some(d.tokens.len() - 1));
    }

    #[test]
    fn a_quote_ending_a_sentence_ends_with_its_closing_mark() {
        assert_eq!(
            sentences("\"It is regrettable.\" Kono said so. \"Why?\" he asked."),
            [
                "\"It is regrettable.\"",
                "Kono said so.",
                "\"Why?\" he asked."
            ]
        );
    }

    #[test]
    fn possessive_s_and_hyphenated_names_are_tokens() {
        let (lex, text) =
            doc("Seoul’s presidential Blue House and Kim You-geun's aide, at 3.5% of 1,000.");
        let d = Document::new(&text, &lex.abbreviations);
        let tokens: Vec<&str> = (0..d.tokens.len()).map(|i| d.str(i)).collect();
        assert_eq!(
            tokens,
            [
                "Seoul",
                "’s",
                "presidential",
                "Blue",
                "House",
                "and",
                "Kim",
                "You-geun",
                "'s",
                "aide",
                ",",
                "at",
                "3.5",
                "%",
                "of",
                "1,000",
                "."
            ]
        );
        assert_eq!(d.lower(1), "'s");
    }

    #[test]
    fn a_slash_joins_digits_only() {
        let (lex, text) = doc("The 9/11 widow, 24/7 news and/or 3/ 4.");
        let d = Document::new(&text, &lex.abbreviations);
        let tokens: Vec<&str> = (0..d.tokens.len()).map(|i| d.str(i)).collect();
        assert_eq!(
            tokens,
            [
                "The", "9/11", "widow", ",", "24/7", "news", "and", "/", "or", "3", "/", "4", "."
            ]
        );
    }

    #[test]
    fn a_quote_left_open_is_reopened_by_the_next_paragraph() {
        let (lex, text) = doc("\"We hope for dialogue.\n\n\"We will keep trying,\" Pompeo said.");
        let d = Document::new(&text, &lex.abbreviations);
        assert_eq!(d.paragraphs.len(), 2);
        let quotes: Vec<(String, bool, bool)> = d
            .quotes
            .iter()
            .map(|q| {
                (
                    d.span_text(q.content()).to_string(),
                    q.close.is_some(),
                    q.continues,
                )
            })
            .collect();
        assert_eq!(
            quotes,
            [
                ("We hope for dialogue.".to_string(), false, false),
                ("We will keep trying,".to_string(), true, true)
            ]
        );
    }

    #[test]
    fn curly_apostrophes_are_not_quotes_and_an_unbalanced_mark_keeps_the_text() {
        let (lex, text) = doc("Japan’s minister said “it won’t change. And so on");
        let d = Document::new(&text, &lex.abbreviations);
        assert_eq!(d.quotes.len(), 1);
        assert_eq!(
            d.span_text(d.quotes[0].content()),
            "it won’t change. And so on"
        );
        assert_eq!(d.quotes[0].close, None);
    }
}
