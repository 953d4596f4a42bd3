//! Criterion benches of the pipeline on real articles (the Wikinews examples
//! and the seed article): each stage, and the whole engine per article.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stance::actors::{self, ResolveLexicons};
use stance::text::Document;
use stance::{Article, Engine, Lexicons, attribution};

fn articles() -> Vec<Article> {
    let mut out = vec![Article::new(
        "gsomia",
        include_str!("../tests/fixtures/gsomia.txt"),
    )];
    for line in include_str!("../examples/wikinews.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("example line is JSON");
        let text = v["text"].as_str().unwrap_or_default();
        out.push(Article::new(v["id"].as_str().unwrap_or_default(), text));
    }
    out
}

fn stages(c: &mut Criterion) {
    let lex = Lexicons::embedded().expect("embedded lexicons load");
    let articles = articles();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(Document::new(&a.text, &lex.abbreviations));
            }
        })
    });
    let docs: Vec<Document> = articles
        .iter()
        .map(|a| Document::new(&a.text, &lex.abbreviations))
        .collect();
    group.bench_function("attribute", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(attribution::attribute(d, lex.attribution()));
            }
        })
    });
    let statements: Vec<_> = docs
        .iter()
        .map(|d| attribution::attribute(d, lex.attribution()))
        .collect();
    group.bench_function("resolve", |b| {
        b.iter(|| {
            for (d, s) in docs.iter().zip(&statements) {
                let mentions = lex.actors.mentions(d, None);
                let surnames = actors::surname_mentions(d, &mentions, &lex.speaker_words);
                let rlex = ResolveLexicons {
                    actors: &lex.actors,
                    words: &lex.speaker_words,
                    target_phrases: &lex.target_phrases,
                };
                black_box(actors::resolve(d, s, &mentions, &surnames, rlex));
            }
        })
    });
    group.finish();

    let engine = Engine::from_lexicons(lex.clone());
    let mut whole = c.benchmark_group("engine");
    whole.throughput(Throughput::Bytes(bytes as u64));
    whole.bench_function("score all examples", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(engine.score(a));
            }
        })
    });
    whole.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
