//! `stance score [INPUT]... --out DIR`: articles in, statements.csv,
//! actors.csv and dyads.csv out.
//!
//! Articles are read in order and scored in parallel in bounded batches, then
//! written in input order: memory stays flat as the corpus grows and the
//! output is byte-identical for any thread count. A bad file, line or article
//! is reported on stderr and skipped; the exit code says so.

use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{FormatArg, ScoreArgs};
use stance::aggregate::ArticleReport;
use stance::article::MetaField;
use stance::input::{self, Fields, Format, InputOptions, Item, Source};
use stance::output::OutputFolder;
use stance::{Article, Engine};

/// Articles per batch: enough to keep every core busy, few enough that memory
/// stays small.
const BATCH_ARTICLES: usize = 256;
/// Bytes of article text per batch, so a batch of huge articles stays bounded.
const BATCH_BYTES: usize = 32 << 20;

/// What a run did: the exit code follows from it.
pub struct Outcome {
    pub articles: usize,
    pub failed: usize,
}

pub fn format_of(arg: Option<FormatArg>) -> Option<Format> {
    arg.map(|f| match f {
        FormatArg::Txt => Format::Txt,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Csv => Format::Csv { delimiter: b',' },
        FormatArg::Tsv => Format::Csv { delimiter: b'\t' },
    })
}

pub fn run(args: ScoreArgs) -> anyhow::Result<Outcome> {
    let meta: Vec<MetaField> = args
        .meta
        .iter()
        .map(|m| {
            MetaField::parse(m)
                .with_context(|| format!("--meta: unknown field {m:?} (title, date, source, url)"))
        })
        .collect::<anyhow::Result<_>>()?;
    let lexicons = super::load_lexicons(&args.lexicons)?;
    let mut engine = Engine::from_lexicons(lexicons);
    if !args.actors.is_empty() {
        engine = engine
            .only_actors(&args.actors)
            .map_err(anyhow::Error::msg)?;
    }
    let options = InputOptions {
        format: format_of(args.format),
        json_fields: Fields {
            id: args.id_field.clone(),
            text: args.text_field.clone(),
        },
        csv_columns: Fields {
            id: args.id_column.clone(),
            text: args.text_column.clone(),
        },
    };
    let threads = args.threads.unwrap_or(0);
    if args.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let mut out = OutputFolder::create(&args.out, &meta, args.force)
        .with_context(|| format!("{}: cannot write output", args.out.display()))?;

    let sources = input::expand_inputs(&args.inputs, options.format);
    let total_known = sources
        .iter()
        .all(|s| matches!(s, Ok(Source::File { path, .. }) if options.format.or_else(|| Format::from_path(path)) == Some(Format::Txt)));
    let progress = progress_bar(args.quiet, total_known.then_some(sources.len() as u64));

    let mut outcome = Outcome {
        articles: 0,
        failed: 0,
    };
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH_ARTICLES);
    let mut batch_bytes = 0;
    let mut flush = |batch: &mut Vec<Article>, outcome: &mut Outcome| -> anyhow::Result<()> {
        let reports: Vec<Result<ArticleReport, String>> = pool.install(|| {
            batch
                .par_iter()
                .map(|a| {
                    catch_unwind(AssertUnwindSafe(|| engine.score(a))).map_err(|_| a.id.clone())
                })
                .collect()
        });
        for report in reports {
            match report {
                Ok(r) => {
                    out.write(&r)
                        .with_context(|| format!("{}: cannot write output", args.out.display()))?;
                    outcome.articles += 1;
                }
                Err(id) => {
                    progress.suspend(|| {
                        eprintln!("stance: article {id}: internal error while scoring; skipped")
                    });
                    outcome.failed += 1;
                }
            }
            progress.inc(1);
        }
        batch.clear();
        Ok(())
    };
    for source in sources {
        let source = match source {
            Ok(s) => s,
            Err(problem) => {
                progress.suspend(|| eprintln!("stance: {problem}"));
                outcome.failed += 1;
                continue;
            }
        };
        let mut failure: Option<anyhow::Error> = None;
        input::read_source(&source, &options, &mut |item| {
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
                    progress.suspend(|| eprintln!("stance: {kind}{problem}"));
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
    out.finish()
        .with_context(|| format!("{}: cannot write output", args.out.display()))?;
    progress.finish_and_clear();
    if outcome.failed > 0 {
        eprintln!(
            "stance: {} article(s) scored, {} failed (see the messages above)",
            outcome.articles, outcome.failed
        );
    }
    Ok(outcome)
}

fn progress_bar(quiet: bool, total: Option<u64>) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} articles, {per_sec}, ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} articles, {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
