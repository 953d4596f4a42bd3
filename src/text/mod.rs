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
