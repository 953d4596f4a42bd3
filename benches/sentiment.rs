//! Criterion benches of sentence sentiment on real news sentences: the Wikinews
//! sentences of `tests/data/vader_golden.tsv.gz` (CC BY 2.5, Wikinews
//! contributors), scored one sentence per call on one core, in vader mode
//! (`polarity_scores`, with and without evidence) and news mode, and by the
//! `vader-parity` crate (another exact port) for comparison.
//!
//! `cargo bench --bench sentiment`; throughput is bytes of sentence text per
//! second. BENCHMARKS.md keeps the figures. `plain_lookup` is the yardstick: a
//! loop that splits on white space, lowercases each token and looks it up in a
//! hash map of VADER's lexicon (Fx hash), and does nothing else.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::hint::black_box;
use std::io::Read;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stance::scoring::news::SentimentMode;
use stance::scoring::vader::Vader;

/// The Wikinews sentences of the golden file (not titles or whole paragraphs).
fn sentences() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/vader_golden.tsv.gz"
    );
    let mut text = String::new();
    let file = std::fs::File::open(path).expect("golden file");
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("golden file is gzip UTF-8");
    text.lines()
        .filter_map(|line| {
            let (source, rest) = line.split_once('\t')?;
            let is_sentence = source.starts_with("wn-") && !source.contains(' ');
            let text = rest.rsplit('\t').next()?;
            is_sentence.then(|| {
                text.replace("\\t", "\t")
                    .replace("\\n", "\n")
                    .replace("\\\\", "\\")
            })
        })
        .collect()
}

/// The Fx hash of rustc, for the yardstick's map.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn plain_lexicon() -> HashMap<String, f64, BuildHasherDefault<Fx>> {
    include_str!("../lexicons/vader_lexicon.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.to_string(), f.next()?.parse().ok()?))
        })
        .collect()
}

fn sentiment(c: &mut Criterion) {
    let vader = Vader::embedded().expect("embedded lexicons");
    let sentences = sentences();
    let bytes: usize = sentences.iter().map(String::len).sum();
    let mut group = c.benchmark_group("sentiment");
    group.throughput(Throughput::Bytes(bytes as u64));
    let lexicon = plain_lexicon();
    group.bench_function("plain_lookup", |b| {
        let mut word = String::new();
        b.iter(|| {
            let mut sum = 0.0;
            for s in &sentences {
                for w in black_box(s).split_ascii_whitespace() {
                    word.clear();
                    word.push_str(w);
                    word.make_ascii_lowercase();
                    sum += lexicon.get(word.as_str()).copied().unwrap_or(0.0);
                }
            }
            black_box(sum)
        })
    });
    group.bench_function("vader", |b| {
        b.iter(|| {
            for s in &sentences {
                black_box(vader.polarity_scores(black_box(s)));
            }
        })
    });
    let mut evidence = Vec::new();
    group.bench_function("vader_evidence", |b| {
        b.iter(|| {
            for s in &sentences {
                evidence.clear();
                black_box(vader.polarity_scores_with_evidence(black_box(s), &mut evidence));
            }
        })
    });
    // Another exact Rust port of VADER 3.3.2, for comparison.
    let parity = vader_parity::SentimentIntensityAnalyzer::new();
    group.bench_function("vader_parity_crate", |b| {
        b.iter(|| {
            for s in &sentences {
                black_box(parity.polarity_scores(black_box(s)));
            }
        })
    });
    group.bench_function("news", |b| {
        b.iter(|| {
            for s in &sentences {
                evidence.clear();
                black_box(vader.score_with_evidence(
                    SentimentMode::News,
                    black_box(s),
                    &mut evidence,
                ));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, sentiment);
criterion_main!(benches);
