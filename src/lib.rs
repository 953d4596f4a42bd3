//! stance: finds who said what in news articles, maps each speaker to the
//! political actor they speak for, and scores the sentiment and stance of each
//! statement, actor and actor → target pair.
//!
//! The pipeline, one module per stage (see docs/ARCHITECTURE.md):
//! `input` → [`text`] (segment) → [`attribution`] → [`actors`] (resolve) →
//! [`scoring`] → [`aggregate`] → `output`.

pub mod article;
pub mod attribution;
pub mod error;
pub mod lexicon;
pub mod text;

pub use article::{Article, Meta};
pub use error::LexiconError;
pub use lexicon::Lexicons;
