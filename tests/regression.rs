//! One test per bug found by fuzzing and pathological input, named after the
//! bug. A test for a bug in code not yet fixed is `#[ignore]`d with the
//! reason; remove the `ignore` with the fix.

mod common;

use stance::{Article, Engine, Lexicons};

fn engine() -> Engine {
    Engine::from_lexicons(Lexicons::embedded().expect("embedded lexicons"))
}

/// `unit` repeated: 8 times the repeats take less than 32 times as long.
fn assert_linear(unit: &str, repeats: usize) {
    common::linear::assert_linear(&engine(), unit, |n| unit.repeat(n), repeats);
}

/// `"We will." Lee said.` over and over: attribution compares each quote
/// with every statement found so far (`attribute_uncovered_quotes`: the
/// `statements.iter().any(..)` overlap test and the `max_by_key` search for
/// the previous statement) and each statement with every quote of the
/// article (`Phrases::is_whole_quote` scans `doc.quotes`), so time grows with
/// the square of the statements: 20,000 short paragraphs (440 kB) take 5 s,
/// 72,000 take 58 s. A transcript or a live blog is such an article.
#[test]
fn quotes_in_many_paragraphs_score_in_linear_time() {
    assert_linear("\"We will.\" Lee said.\n\n", 2_000);
}

/// The same in one paragraph (a scraper that drops paragraph breaks):
/// 10,000 repeats (210 kB) took 1.2 s, 20,000 took 7.5 s.
#[test]
fn quotes_in_one_paragraph_score_in_linear_time() {
    assert_linear("\"We will.\" Lee said. ", 2_000);
}

/// An article that starts with a lowercase word, as a scrape cut mid-sentence
/// does (`nt of the European Council, wrote`), or `x "":"said`:
/// `forward_phrase_raw` (src/attribution/phrase.rs, "part_of_phrase") reads
/// `doc.lower(k - 1)` for a lowercase word at token 0, reached from
/// `frame_subject` and from `colon_attribution` → `forward_phrase`: index
/// `usize::MAX`, a panic. Came with commit aaaa5ac or later; found by
/// tests/fuzz_properties.rs (proptest's minimal case `regrettable""""\r"":«said`)
/// and by 10 minutes of the `attribution` fuzz target on 0599b2e (7 crashes,
/// all this one). `stance score` catches the panic and lists the article in
/// errors.csv.
#[test]
fn a_lowercase_word_before_a_colon_and_a_quote_does_not_panic() {
    for text in [
        "nt of the European Council, wrote",
        "x \"\":\"said",
        "regrettable\"\"\"\"\r\"\":«said",
    ] {
        let report = engine().score(&Article::new("a", text));
        assert!(report.statements.len() <= 1, "{text:?}");
    }
}

/// `stance eval attribution … | head`: the table is printed with `print!`,
/// which panics on a closed stdout ("failed printing to stdout: Broken
/// pipe", exit code 101) where the program should exit 0 quietly.
#[test]
fn eval_into_a_closed_stdout_exits_quietly() {
    let gold = tempfile::TempDir::new().expect("temp dir");
    std::fs::write(
        gold.path().join("a.txt"),
        "\"We welcome the talks,\" Kono said.",
    )
    .expect("write");
    std::fs::write(
        gold.path().join("a.ann"),
        "T1\tSource 24 28\tKono\nT2\tCue 29 33\tsaid\nT3\tContent 1 21\tWe welcome the talks\n\
         T4\tAttribution 29 33\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
    )
    .expect("write");
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(["eval", "attribution", "--gold"])
        .arg(gold.path())
        .stdout(writer)
        .output()
        .expect("stance runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// One long article in which pronouns speak: `Resolver::main_actor` (the
/// actor the article names most, which a pronoun or a titled official with no
/// country falls back on) counted every actor mention of the article again
/// for each such statement, so time grew with mentions × statements: a 10 MB
/// article took 18.8 times as long as a 1 MB one (benches/compare.sh,
/// 2026-11-28), 55% of it in `main_actor`. Counted once per article now
/// (`Resolver::most_named`).
#[test]
fn pronoun_speakers_in_a_long_article_resolve_in_linear_time() {
    assert_linear(
        "Japan and South Korea met in Seoul. \"We will talk,\" he said.\n\n",
        2_000,
    );
}
