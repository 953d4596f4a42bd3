//! Parity of `Vader::polarity_scores` with vaderSentiment 3.3.2 on the golden
//! file `tests/data/vader_golden.tsv.gz`: 50,148 sentences (Wikinews, NewsMTSC
//! train, every lexicon token and emoji, hand-written and random cases for each
//! rule) with the scores of the Python package, written by
//! `scripts/vader_golden.py`.
//!
//! Every sentence must match on all four values (|diff| < 1e-4; in practice the
//! values are identical). `STANCE_VADER_GOLDEN_EXTRA` may name more files in the
//! same format (`:`-separated), e.g. the PolNeAR sentences the script writes
//! outside the repo with `--polnear`.

use std::io::Read;

use stance::scoring::vader::{Polarity, Vader};

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/vader_golden.tsv.gz"
);
/// Largest accepted difference on each score.
const TOLERANCE: f64 = 1e-4;

struct Case {
    line: usize,
    source: String,
    text: String,
    expected: Polarity,
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn read_golden(path: &str) -> Vec<Case> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let fields: Vec<&str> = line.splitn(6, '\t').collect();
            assert_eq!(fields.len(), 6, "{path}:{}: expected 6 fields", i + 1);
            let number = |k: usize| -> f64 {
                fields[k]
                    .parse()
                    .unwrap_or_else(|_| panic!("{path}:{}: bad number {:?}", i + 1, fields[k]))
            };
            Case {
                line: i + 1,
                source: fields[0].to_string(),
                text: unescape(fields[5]),
                expected: Polarity {
                    compound: number(1),
                    pos: number(2),
                    neu: number(3),
                    neg: number(4),
                },
            }
        })
        .collect()
}

fn max_diff(a: Polarity, b: Polarity) -> f64 {
    [
        a.compound - b.compound,
        a.pos - b.pos,
        a.neu - b.neu,
        a.neg - b.neg,
    ]
    .into_iter()
    .fold(0.0, |m, d| m.max(d.abs()))
}

/// Checks every case; returns (cases, identical, largest difference).
fn check(path: &str, vader: &Vader) -> (usize, usize, f64) {
    let cases = read_golden(path);
    let mut failures = Vec::new();
    let mut identical = 0;
    let mut largest: f64 = 0.0;
    for case in &cases {
        let got = vader.polarity_scores(&case.text);
        let diff = max_diff(got, case.expected);
        largest = largest.max(diff);
        if got == case.expected {
            identical += 1;
        }
        if diff >= TOLERANCE {
            failures.push(format!(
                "{path}:{} [{}] {:?}\n  python {:?}\n  rust   {:?}",
                case.line, case.source, case.text, case.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sentences differ from vaderSentiment 3.3.2:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    (cases.len(), identical, largest)
}

#[test]
fn every_golden_sentence_matches_vader_3_3_2() {
    let vader = Vader::embedded().expect("embedded lexicons");
    let (n, identical, largest) = check(GOLDEN, &vader);
    eprintln!("golden: {n} sentences, {identical} identical, max |diff| {largest}");
    assert!(n >= 20_000, "golden file too small: {n}");
    assert_eq!(identical, n);
    if let Ok(extra) = std::env::var("STANCE_VADER_GOLDEN_EXTRA") {
        for path in extra.split(':').filter(|p| !p.is_empty()) {
            let (n, identical, largest) = check(path, &vader);
            eprintln!("{path}: {n} sentences, {identical} identical, max |diff| {largest}");
        }
    }
}

#[test]
fn golden_covers_every_source() {
    let cases = read_golden(GOLDEN);
    let count = |prefix: &str| {
        cases
            .iter()
            .filter(|c| c.source.starts_with(prefix))
            .count()
    };
    assert!(count("edge") >= 3_000);
    assert!(count("lexicon") >= 15_000);
    assert!(count("emoji") >= 4_000);
    assert!(count("random") >= 3_900);
    assert!(count("wn-") >= 14_000);
    assert!(count("newsmtsc") >= 7_700);
}
