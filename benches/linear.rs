//! Time against article length: the whole engine on articles of 1, 2, 4 and 8
//! units of the same kind of text. Linear time shows as the same throughput
//! (bytes/s) at every size; quadratic time as throughput halving with each
//! doubling.
//!
//! `cargo bench --bench linear` (add `-- --quick` for a fast look). Kinds:
//! - `no punctuation`: words and spaces only, one endless sentence;
//! - `quote marks`: nothing but `"`;
//! - `quotes in one paragraph`: `"We will." Lee said.` over and over, without a
//!   paragraph break (quadratic in attribution at the time of writing: see
//!   tests/regression.rs);
//! - `news`: the seed article repeated, paragraphs and all.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stance::{Article, Engine, Lexicons};

/// `unit` repeated until the text has at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

fn words(bytes: usize) -> String {
    repeat_to(
        "the talks between Seoul and Tokyo would resume Kono said officials expected no deal ",
        bytes,
    )
}

/// A kind of text: its name, a text of it of about `n` bytes, and the
/// bytes of the smallest size measured.
type Kind = (&'static str, fn(usize) -> String, usize);

fn kinds() -> Vec<Kind> {
    vec![
        ("no punctuation", words, 256 << 10),
        ("quote marks", |n| "\"".repeat(n), 256 << 10),
        (
            "quotes in one paragraph",
            |n| repeat_to("\"We will.\" Lee said. ", n),
            16 << 10,
        ),
        (
            "news",
            |n| {
                repeat_to(
                    concat!(include_str!("../tests/fixtures/gsomia.txt"), "\n\n"),
                    n,
                )
            },
            256 << 10,
        ),
    ]
}

fn linear(c: &mut Criterion) {
    let engine = Engine::from_lexicons(Lexicons::embedded().expect("embedded lexicons load"));
    for (name, make, base) in kinds() {
        let mut group = c.benchmark_group(format!("length/{name}"));
        group.sample_size(10);
        for factor in [1, 2, 4, 8] {
            let article = Article::new("a", make(base * factor));
            group.throughput(Throughput::Bytes(article.text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(article.text.len()),
                &article,
                |b, a| b.iter(|| black_box(engine.score(a))),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, linear);
criterion_main!(benches);
