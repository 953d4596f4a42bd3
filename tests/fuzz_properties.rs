//! The fuzz targets' properties on every `cargo test`: no panic on any text or
//! lexicon file, every span within the text and on character boundaries,
//! every row's offsets finding its text again (see `fuzz/checks.rs`).
//!
//! - the corpus the fuzzers built (`fuzz/corpus/<target>/`) is replayed;
//! - proptest generates texts from the marks and words the rules read;
//! - time grows linearly with article length for text without punctuation
//!   and text of nothing but quotation marks (quotes with attributions are
//!   not linear yet: see tests/regression.rs).

#[path = "../fuzz/checks.rs"]
mod checks;
mod common;

use common::linear::assert_linear;

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use stance::{Engine, Lexicons};

/// Every file of a fuzz target's corpus.
fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.expect("corpus entry").path();
            let name = path.display().to_string();
            (name, fs::read(&path).expect("corpus file"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
}

/// Runs `check` on each input, naming every file that fails.
fn replay(target: &str, check: impl Fn(&[u8])) {
    let failed: Vec<String> = corpus(target)
        .into_iter()
        .filter(|(_, bytes)| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(bytes))).is_err()
        })
        .map(|(name, _)| name)
        .collect();
    assert!(
        failed.is_empty(),
        "{} input(s) fail (reproduce: cd fuzz; cargo +nightly fuzz run {target} FILE):\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn segmentation_corpus_keeps_every_span_in_the_text() {
    replay("segment", |b| checks::segment(&String::from_utf8_lossy(b)));
}

#[test]
fn attribution_corpus_keeps_every_span_in_the_text() {
    replay("attribution", |b| {
        checks::attribution(&String::from_utf8_lossy(b))
    });
}

#[test]
fn lexicon_corpus_loads_or_names_the_file_and_line() {
    replay("lexicon", checks::lexicon);
}

/// Pieces news text is made of, weighted toward what the rules look at.
const PIECES: &[&str] = &[
    "\"",
    "\"",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "\u{AB}",
    "\u{BB}",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "...",
    "\u{2026}",
    "\u{2014}",
    "-",
    "(",
    ")",
    "said",
    "says",
    "told reporters",
    "according to",
    "adding that",
    "called",
    "urged",
    "Kono",
    "Taro Kono",
    "Mr.",
    "U.S.",
    "Seoul",
    "Tokyo",
    "Washington",
    "South Korea",
    "he",
    "she",
    "they",
    "it",
    "the minister",
    "an unnamed official",
    "We",
    "will",
    "not",
    "never",
    "accept",
    "welcome",
    "regrettable",
    "very",
    "3.5",
    "1,000",
    "Aug. 22",
    "Kōno",
    "\u{FEFF}",
    "\u{FFFD}",
    "😀",
    "e\u{301}",
    "\u{0}",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_text_of_news_pieces_segments_and_attributes_within_the_text(text in news_text()) {
        checks::attribution(&text);
    }

    #[test]
    fn any_text_of_news_pieces_segments_within_the_text(text in news_text()) {
        checks::segment(&text);
    }

    #[test]
    fn any_unicode_text_segments_within_the_text(text in any::<String>()) {
        checks::segment(&text);
    }

}

proptest! {
    // Each case loads every embedded lexicon again: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_lexicon_file_loads_or_names_its_line(
        pick in any::<u8>(),
        lines in prop::collection::vec(
            prop::collection::vec(
                prop::sample::select(&["", "x", "kono", "Tokyo", "said", "1.5", "-2", "nan",
                    "inf", "person", "speech", "#", " ", "\u{FEFF}", "\r", "é", "a b"][..]),
                0..6,
            ).prop_map(|fields| fields.join("\t")),
            0..8,
        )
    ) {
        let mut data = vec![pick];
        data.extend(lines.join("\n").into_bytes());
        checks::lexicon(&data);
    }
}

#[test]
fn time_is_linear_in_length_without_punctuation_and_for_quote_marks() {
    let engine = Engine::from_lexicons(Lexicons::embedded().expect("embedded lexicons"));
    let words = "the talks between Seoul and Tokyo would resume Kono said officials expected ";
    assert_linear(
        &engine,
        "no punctuation",
        |n| words.repeat(n / words.len()),
        200_000,
    );
    assert_linear(&engine, "quote marks", |n| "\"".repeat(n), 200_000);
    // Quotes with attributions are not linear yet: tests/regression.rs.
}
