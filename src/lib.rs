//! stance: finds who said what in news articles, maps each speaker to the
//! political actor they speak for, and scores the sentiment and stance of each
//! statement, actor and actor → target pair.
//!
//! The pipeline, one module per stage (see the README, "Layout"):
//! [`input`] → [`text`] (segment) → [`attribution`] → [`actors`] (resolve) →
//! [`scoring`] → [`aggregate`] → [`output`]; [`engine::Engine`] runs the stages
//! on one article.

pub mod actors;
pub mod aggregate;
pub mod article;
pub mod attribution;
pub mod engine;
pub mod error;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod scoring;
pub mod summary;
pub mod text;

pub use aggregate::ArticleReport;
pub use article::{Article, Meta};
pub use engine::Engine;
pub use error::LexiconError;
pub use lexicon::Lexicons;
