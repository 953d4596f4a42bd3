//! `stance sentiment INPUT... [--sentiment vader|news] [--by sentence|article]
//! [--out FILE]`: plain sentiment for any text, as CSV.
//!
//! ```text
//! article_id,sentence,sentiment,pos,neu,neg,text
//! wn-2019-0006,1,-0.3400,0.0000,0.8540,0.1460,"President Trump says ..."
//! ```
//!
//! - `--by sentence` (default): one row per sentence (abbreviation-aware, as
//!   news mode splits them), `sentence` its 1-based index in the article.
//! - `--by article`: one row per article, `sentence` empty and no `text`
//!   column. In news mode the article's score is the aggregate of its
//!   sentences; in vader mode it is exactly vaderSentiment's
//!   `polarity_scores` of the whole text.
//! - `--sentiment vader`: vaderSentiment 3.3.2 exactly; `news` (default):
//!   VADER's rules fixed for news, with the news lexicon layer.
//!
//! Inputs, ordering, parallelism and errors as in `stance score`: articles are
//! read in order and scored in parallel in bounded batches, then written in
//! input order (the output is the same for any thread count); a bad file or
//! line is reported on stderr naming it and skipped, the rest is scored, and
//! the exit code is 1.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::cli::{ByArg, SentimentArgs, SentimentModeArg};
use stance::Article;
use stance::input::{self, Item};
use stance::output::format_score;
use stance::scoring::news::SentimentMode;
use stance::scoring::vader::{Polarity, Vader};

/// Articles per batch: enough to keep every core busy, few enough that memory
/// stays small.
const BATCH_ARTICLES: usize = 512;
/// Bytes of article text per batch, so a batch of huge articles stays bounded.
const BATCH_BYTES: usize = 32 << 20;

/// What a run did: the exit code follows from it.
pub struct Outcome {
    pub articles: usize,
    pub failed: usize,
}

/// The validated options of a run.
struct Options {
    mode: SentimentMode,
    by_article: bool,
}

/// One row of the output.
struct Row {
    sentence: Option<usize>,
    polarity: Polarity,
    text: String,
}

pub fn run(args: SentimentArgs) -> anyhow::Result<Outcome> {
    // The lexicons live until the process ends: freeing them one entry at a
    // time at exit would only cost start-up time.
    let lexicons = std::mem::ManuallyDrop::new(super::load_lexicons(&args.lexicons)?);
    let vader = &lexicons.vader;
    let options = Options {
        mode: match args.sentiment {
            SentimentModeArg::Vader => SentimentMode::Vader,
            SentimentModeArg::News => SentimentMode::News,
        },
        by_article: args.by == ByArg::Article,
    };
    let input_options = super::input_options(&args.input);
    if args.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let out_name = args.out.as_ref().map_or_else(
        || "standard output".to_string(),
        |p| p.display().to_string(),
    );
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => {
            if path.exists() && !args.force {
                bail!("{}: exists; pass --force to overwrite it", path.display());
            }
            let file = File::create(path)
                .with_context(|| format!("{}: cannot write output", path.display()))?;
            Box::new(BufWriter::new(file))
        }
        None => {
            let stdout = io::stdout();
            if stdout.is_terminal() {
                Box::new(stdout.lock())
            } else {
                Box::new(BufWriter::new(stdout.lock()))
            }
        }
    };
    let mut out = csv::WriterBuilder::new().from_writer(sink);
    if options.by_article {
        out.write_record(["article_id", "sentence", "sentiment", "pos", "neu", "neg"])
    } else {
        out.write_record([
            "article_id",
            "sentence",
            "sentiment",
            "pos",
            "neu",
            "neg",
            "text",
        ])
    }
    .with_context(|| format!("{out_name}: cannot write output"))?;

    let mut outcome = Outcome {
        articles: 0,
        failed: 0,
    };
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH_ARTICLES);
    let mut batch_bytes = 0;
    let mut flush = |batch: &mut Vec<Article>, outcome: &mut Outcome| -> anyhow::Result<()> {
        let rows: Vec<Result<Vec<Row>, ()>> = pool.install(|| {
            batch
                .par_iter()
                .map(|a| {
                    catch_unwind(AssertUnwindSafe(|| score(vader, &options, a))).map_err(|_| ())
                })
                .collect()
        });
        for (article, rows) in batch.iter().zip(rows) {
            match rows {
                Ok(rows) => {
                    write_rows(&mut out, &article.id, &rows, options.by_article)
                        .with_context(|| format!("{out_name}: cannot write output"))?;
                    outcome.articles += 1;
                }
                Err(()) => {
                    eprintln!(
                        "stance: article {}: internal error while scoring; skipped",
                        article.id
                    );
                    outcome.failed += 1;
                }
            }
        }
        batch.clear();
        Ok(())
    };
    for source in input::expand_inputs(&args.inputs, input_options.format) {
        let source = match source {
            Ok(s) => s,
            Err(problem) => {
                eprintln!("stance: {problem}");
                outcome.failed += 1;
                continue;
            }
        };
        let mut failure: Option<anyhow::Error> = None;
        input::read_source(&source, &input_options, &mut |item| {
            if failure.is_some() {
                return;
            }
            match item {
                Item::Article(a) => {
                    batch_bytes += a.text.len();
                    batch.push(a);
                    if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                        batch_bytes = 0;
                        if let Err(e) = flush(&mut batch, &mut outcome) {
                            failure = Some(e);
                        }
                    }
                }
                Item::Problem(problem) => {
                    let kind = if problem.warning { "warning: " } else { "" };
                    eprintln!("stance: {kind}{problem}");
                    if !problem.warning {
                        outcome.failed += 1;
                    }
                }
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
    }
    flush(&mut batch, &mut outcome)?;
    out.flush()
        .with_context(|| format!("{out_name}: cannot write output"))?;
    if outcome.failed > 0 {
        eprintln!(
            "stance: {} article(s) scored, {} failed (see the messages above)",
            outcome.articles, outcome.failed
        );
    }
    Ok(outcome)
}

/// The rows of one article.
fn score(vader: &Vader, options: &Options, article: &Article) -> Vec<Row> {
    let text = article.text.as_str();
    if options.by_article {
        return vec![Row {
            sentence: None,
            polarity: vader.score_text(options.mode, text),
            text: String::new(),
        }];
    }
    vader
        .news_sentences(text)
        .into_iter()
        .enumerate()
        .map(|(k, sentence)| Row {
            sentence: Some(k + 1),
            polarity: match options.mode {
                SentimentMode::Vader => vader.polarity_scores(sentence),
                SentimentMode::News => vader.news_scores_of_sentences([sentence], None),
            },
            text: sentence.to_string(),
        })
        .collect()
}

fn write_rows<W: Write>(
    out: &mut csv::Writer<W>,
    id: &str,
    rows: &[Row],
    by_article: bool,
) -> csv::Result<()> {
    for row in rows {
        let sentence = row.sentence.map(|k| k.to_string()).unwrap_or_default();
        let p = row.polarity;
        let scores = [p.compound, p.pos, p.neu, p.neg].map(score_cell);
        let id = spreadsheet_text(id);
        if by_article {
            out.write_record([
                id.as_str(),
                &sentence,
                &scores[0],
                &scores[1],
                &scores[2],
                &scores[3],
            ])?;
        } else {
            out.write_record([
                id.as_str(),
                &sentence,
                &scores[0],
                &scores[1],
                &scores[2],
                &scores[3],
                &spreadsheet_text(&row.text),
            ])?;
        }
    }
    Ok(())
}

/// A score as a 4-place decimal, as `format_score` writes it. The scores are
/// already rounded to 4 (or 3) places, so `x * 10^4` is within a rounding
/// error of an integer, which is written with integer formatting (the float
/// formatting of `{:.4}` is the slow part of writing a row); anything else goes
/// to `format_score`.
fn score_cell(v: f64) -> String {
    let scaled = (v * 1e4).round();
    if v.is_finite() && scaled.abs() < 1e15 && (v * 1e4 - scaled).abs() < 1e-6 {
        let n = scaled as i64;
        let sign = if n < 0 { "-" } else { "" };
        let n = n.unsigned_abs();
        return format!("{sign}{}.{:04}", n / 10_000, n % 10_000);
    }
    format_score(Some(v))
}

/// A text cell that a spreadsheet will not read as a formula: a leading `'`
/// when it begins with `=`, `+`, `-`, `@`, tab, CR or `'`.
fn spreadsheet_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_cells_are_format_score_cells() {
        for v in [
            0.0,
            -0.0,
            0.8316,
            -0.5563,
            0.746,
            0.254,
            1.0,
            -1.0,
            0.0001,
            -0.0001,
            0.5,
            0.12345,
            f64::NAN,
        ] {
            assert_eq!(score_cell(v), format_score(Some(v)), "{v}");
        }
        assert_eq!(score_cell(-0.0), "0.0000");
        assert_eq!(score_cell(-0.5563), "-0.5563");
    }
}
