//! `stance score [INPUT]... --out DIR`: articles in, statements.csv,
//! actors.csv, dyads.csv and errors.csv out.
//!
//! Articles are read in order and scored in parallel in bounded batches, then
//! written in input order: memory stays flat as the corpus grows and the
//! output is byte-identical for any thread count. Reading (and parsing) runs
//! on a thread of its own ahead of the scoring, and writing behind it on
//! another; the main thread sees every item in input order. A bad file, line or article
//! is reported on stderr in one line, listed in errors.csv and skipped; a
//! panic while scoring one article is caught and reported the same way. At the
//! end a count of what was not scored goes to stderr; the exit code is 1 when
//! anything was not scored. `--strict` stops at the first such input and
//! writes no tables.
//!
//! With `--stdout TABLE` the one table goes to standard output instead (with
//! or without its header row, `--no-header`), as a streaming filter for
//! pipelines such as Spark's `RDD.pipe`; inputs not scored are then reported on
//! stderr only, and a closed standard output ends the run quietly (exit 0).
//!
//! For tests, the environment variable `STANCE_PANIC_ON_ARTICLE=ID` makes the
//! scoring of article `ID` panic, so that the catching can be checked.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{PeriodArg, ScoreArgs, SentimentModeArg, TableArg};
use stance::aggregate::ArticleReport;
use stance::article::MetaField;
use stance::input::{self, Format, InputProblem, Item, Origin, Source};
use stance::output::{CsvStyle, ErrorRow, OutputFolder, Table, TableWriter};
use stance::scoring::news::SentimentMode;
use stance::summary::{Period, Summary};
use stance::{Article, Engine};

/// Articles per batch: enough to keep every core busy, few enough that memory
/// stays small.
const BATCH_ARTICLES: usize = 256;
/// Bytes of article text per batch, so a batch of huge articles stays bounded.
const BATCH_BYTES: usize = 32 << 20;

/// What a run did: the exit code follows from it.
pub struct Outcome {
    pub articles: usize,
    /// Inputs not scored (rows of errors.csv).
    pub failed: usize,
}

/// `--delimiter`: one ASCII character that is not a quote, a line end or
/// alphanumeric; `tab` or `\t` for a tab.
fn parse_delimiter(s: &str) -> anyhow::Result<u8> {
    match s {
        "tab" | "\\t" | "\t" => return Ok(b'\t'),
        _ => {}
    }
    match s.as_bytes() {
        [b] if b.is_ascii_punctuation() && *b != b'"' || *b == b' ' => Ok(*b),
        _ => bail!(
            "--delimiter takes one ASCII punctuation character such as ';' or `tab`, not {s:?}"
        ),
    }
}

/// Where the tables go: the three tables (and errors.csv) of an output folder,
/// or one table on standard output.
enum Sink {
    Folder(OutputFolder),
    Stdout(TableWriter<BufWriter<Stdout>>),
}

impl Sink {
    fn write(&mut self, report: &ArticleReport) -> io::Result<()> {
        match self {
            Sink::Folder(f) => f.write(report),
            Sink::Stdout(w) => w.write(report),
        }
    }

    /// Lists an input not scored in errors.csv; on standard output the line
    /// on stderr is all there is.
    fn write_error(&mut self, row: &ErrorRow) -> io::Result<()> {
        match self {
            Sink::Folder(f) => f.write_error(row),
            Sink::Stdout(_) => Ok(()),
        }
    }

    /// Where the inputs not scored are listed.
    fn errors_place(&self) -> String {
        match self {
            Sink::Folder(f) => f
                .errors_path()
                .map(|p| format!("see {}", p.display()))
                .unwrap_or_default(),
            Sink::Stdout(_) => "see the messages above".to_string(),
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Folder(f) => f.finish(),
            Sink::Stdout(w) => w.into_inner()?.flush(),
        }
    }
}

/// What the writing thread is given, in input order.
enum ToWrite {
    Report(ArticleReport),
    Error(ErrorRow),
}

/// The tables written on a thread of their own, in the order the rows are
/// sent, while the next articles are scored. A failed write ends the thread;
/// the next row sent (or [`Writer::finish`]) returns its error.
struct Writer {
    tx: Option<SyncSender<ToWrite>>,
    thread: Option<JoinHandle<(Sink, io::Result<()>)>>,
}

impl Writer {
    fn start(mut sink: Sink) -> io::Result<Writer> {
        let (tx, rx) = sync_channel::<ToWrite>(2 * BATCH_ARTICLES);
        let thread = std::thread::Builder::new()
            .name("stance-write".into())
            .spawn(move || {
                for item in rx {
                    let written = match &item {
                        ToWrite::Report(r) => sink.write(r),
                        ToWrite::Error(e) => sink.write_error(e),
                    };
                    if let Err(e) = written {
                        return (sink, Err(e));
                    }
                }
                (sink, Ok(()))
            })?;
        Ok(Writer {
            tx: Some(tx),
            thread: Some(thread),
        })
    }

    fn send(&mut self, item: ToWrite) -> io::Result<()> {
        let sent = self.tx.as_ref().is_some_and(|tx| tx.send(item).is_ok());
        if sent {
            return Ok(());
        }
        // The thread ended: it failed to write. Its output (temporary files
        // and all) is dropped here, as a failed synchronous write dropped it.
        match self.stop() {
            Ok((_, Err(e))) => Err(e),
            Ok((_, Ok(()))) | Err(_) => Err(io::Error::other("the writing thread ended")),
        }
    }

    fn write(&mut self, report: ArticleReport) -> io::Result<()> {
        self.send(ToWrite::Report(report))
    }

    fn write_error(&mut self, row: ErrorRow) -> io::Result<()> {
        self.send(ToWrite::Error(row))
    }

    /// Waits until every row is written; the sink back, with the first
    /// write error if there was one. (Dropping the writer waits too, so that
    /// an early return still removes the temporary files.)
    fn stop(&mut self) -> io::Result<(Sink, io::Result<()>)> {
        self.tx = None;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(done)) => Ok(done),
            Some(Err(_)) => Err(io::Error::other("the writing thread panicked")),
            None => Err(io::Error::other("the writing thread ended")),
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

/// Whether an error comes from a closed standard output (`stance … | head`):
/// a broken pipe anywhere in its chain, also inside an `io::Error` that wraps a
/// `csv::Error` (whose own chain stops there).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    fn broken(e: &(dyn std::error::Error + 'static)) -> bool {
        if let Some(io) = e.downcast_ref::<io::Error>() {
            if io.kind() == io::ErrorKind::BrokenPipe {
                return true;
            }
            if let Some(inner) = io.get_ref() {
                return broken(inner);
            }
        }
        matches!(
            e.downcast_ref::<csv::Error>().map(csv::Error::kind),
            Some(csv::ErrorKind::Io(io)) if io.kind() == io::ErrorKind::BrokenPipe
        )
    }
    err.chain().any(broken)
}

/// Why a run stopped early under `--strict`.
struct Stop;

/// The bookkeeping of a run: counts, errors.csv, the ids seen so far.
struct Ledger<'a> {
    out: Writer,
    /// The batch summary, when `--summary` asks for one.
    summary: Option<Summary>,
    /// The output folder, or `standard output`, for messages.
    out_dir: &'a str,
    progress: ProgressBar,
    strict: bool,
    outcome: Outcome,
    /// Where each id was first read, to warn of duplicates.
    seen: HashMap<String, Origin>,
}

impl Ledger<'_> {
    /// Prints a problem in one line; a failure (not a warning) also goes to
    /// errors.csv, and under `--strict` stops the run.
    fn problem(&mut self, p: InputProblem) -> anyhow::Result<Result<(), Stop>> {
        let kind = if p.warning { "warning: " } else { "" };
        self.progress.suspend(|| eprintln!("stance: {kind}{p}"));
        if p.warning {
            return Ok(Ok(()));
        }
        self.outcome.failed += 1;
        self.out
            .write_error(ErrorRow {
                article_id: p.article_id,
                file: p.file,
                line: p.line,
                error: p.message,
            })
            .with_context(|| format!("{}: cannot write output", self.out_dir))?;
        Ok(if self.strict { Err(Stop) } else { Ok(()) })
    }

    /// Notes an article's id; warns when an earlier article had the same one
    /// (both are scored).
    fn check_id(&mut self, id: &str, origin: &Origin) -> anyhow::Result<Result<(), Stop>> {
        match self.seen.get(id) {
            Some(first) => {
                let p = InputProblem {
                    article_id: Some(id.to_string()),
                    file: origin.file.clone(),
                    line: origin.line,
                    message: format!("duplicate id, first read at {first}; both scored"),
                    warning: true,
                };
                self.problem(p)
            }
            None => {
                self.seen.insert(id.to_string(), origin.clone());
                Ok(Ok(()))
            }
        }
    }
}

pub fn run(args: ScoreArgs) -> anyhow::Result<Outcome> {
    let to_stdout = args.stdout.is_some();
    match run_to(args) {
        Err(e) if to_stdout && is_broken_pipe(&e) => Ok(Outcome {
            articles: 0,
            failed: 0,
        }),
        other => other,
    }
}

fn run_to(args: ScoreArgs) -> anyhow::Result<Outcome> {
    if args.no_header && args.stdout.is_none() {
        bail!("--no-header goes with --stdout TABLE");
    }
    let meta: Vec<MetaField> = args
        .meta
        .iter()
        .map(|m| {
            MetaField::parse(m)
                .with_context(|| format!("--meta: unknown field {m:?} (title, date, source, url)"))
        })
        .collect::<anyhow::Result<_>>()?;
    let style = CsvStyle {
        delimiter: parse_delimiter(&args.delimiter)?,
        bom: args.bom,
        formula_escape: !args.no_formula_escape,
    };
    let lexicons = super::load_lexicons(&args.lexicons)?;
    let mut engine = Engine::from_lexicons(lexicons).with_sentiment_mode(match args.sentiment {
        SentimentModeArg::Vader => SentimentMode::Vader,
        SentimentModeArg::News => SentimentMode::News,
    });
    if !args.actors.is_empty() {
        engine = engine
            .only_actors(&args.actors)
            .map_err(anyhow::Error::msg)?;
    }
    // The lexicons live until the process ends: freeing their many small
    // entries one by one at exit would only add to the start-up cost.
    let engine = std::mem::ManuallyDrop::new(engine);
    let options = super::input_options(&args.input);
    let threads = args.threads.unwrap_or(0);
    if args.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let out_name = match (&args.out, args.stdout) {
        (_, Some(_)) => "standard output".to_string(),
        (Some(dir), None) => dir.display().to_string(),
        (None, None) => bail!("--out DIR or --stdout TABLE is required"),
    };
    let out = match (&args.out, args.stdout) {
        (_, Some(table)) => {
            let table = match table {
                TableArg::Statements => Table::Statements,
                TableArg::Actors => Table::Actors,
                TableArg::Dyads => Table::Dyads,
            };
            let stdout = BufWriter::with_capacity(1 << 16, io::stdout());
            Sink::Stdout(
                TableWriter::with_style(table, &meta, stdout, !args.no_header, style)
                    .with_context(|| format!("{out_name}: cannot write output"))?,
            )
        }
        (Some(dir), None) => Sink::Folder(
            OutputFolder::with_style(dir, &meta, args.force, style)
                .with_context(|| format!("{out_name}: cannot write output"))?,
        ),
        (None, None) => bail!("--out DIR or --stdout TABLE is required"),
    };
    // Summaries go next to the tables; they too are never overwritten silently.
    let summary_dir = match (&args.out, args.summary) {
        (Some(dir), true) => {
            for name in SUMMARY_FILES {
                let path = dir.join(name);
                if !args.force && path.exists() {
                    bail!(
                        "{}: already exists; pass --force to overwrite",
                        path.display()
                    );
                }
            }
            Some(dir.clone())
        }
        (None, true) => bail!("--summary writes files: it needs --out DIR, not --stdout"),
        (_, false) => None,
    };
    let mut summary = summary_dir.as_ref().map(|_| {
        Summary::new(match args.by {
            None => Period::All,
            Some(PeriodArg::Day) => Period::Day,
            Some(PeriodArg::Week) => Period::Week,
            Some(PeriodArg::Month) => Period::Month,
        })
    });
    let panic_on = std::env::var("STANCE_PANIC_ON_ARTICLE").ok();
    quiet_panics_while_scoring();

    let sources = input::expand_inputs(&args.inputs, options.format);
    let total_known = sources
        .iter()
        .all(|s| matches!(s, Ok(Source::File { path, .. }) if options.format.or_else(|| Format::from_path(path)) == Some(Format::Txt)));
    let progress = progress_bar(args.quiet, total_known.then_some(sources.len() as u64));

    let mut ledger = Ledger {
        out: Writer::start(out).context("cannot start the writing thread")?,
        summary: summary.take(),
        out_dir: &out_name,
        progress,
        strict: args.strict,
        outcome: Outcome {
            articles: 0,
            failed: 0,
        },
        seen: HashMap::new(),
    };
    let mut batch: Vec<(Article, Origin)> = Vec::with_capacity(BATCH_ARTICLES);
    let mut batch_bytes = 0;
    let flush = |batch: &mut Vec<(Article, Origin)>,
                 ledger: &mut Ledger|
     -> anyhow::Result<Result<(), Stop>> {
        let reports: Vec<Result<ArticleReport, String>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(a, _)| score_one(&engine, a, panic_on.as_deref()))
                .collect()
        });
        for (report, (article, origin)) in reports.into_iter().zip(batch.drain(..)) {
            match report {
                Ok(r) => {
                    if let Some(s) = ledger.summary.as_mut() {
                        s.add(&r);
                    }
                    ledger
                        .out
                        .write(r)
                        .with_context(|| format!("{out_name}: cannot write output"))?;
                    ledger.outcome.articles += 1;
                }
                Err(why) => {
                    let p = InputProblem {
                        article_id: Some(article.id),
                        file: origin.file,
                        line: origin.line,
                        message: format!("internal error while scoring ({why}); not scored"),
                        warning: false,
                    };
                    if let Err(stop) = ledger.problem(p)? {
                        return Ok(Err(stop));
                    }
                }
            }
            ledger.progress.inc(1);
        }
        Ok(Ok(()))
    };
    let mut stopped = false;
    // The next articles are read and parsed on a thread of their own while
    // these are scored; the items come in input order, so the ledger sees
    // what it saw when reading and scoring took turns.
    let mut items = input::read_ahead(sources, options.clone(), 2 * BATCH_ARTICLES)
        .context("cannot start the reading thread")?;
    for (item, origin) in items.by_ref() {
        let step = match item {
            Item::Article(a) => {
                let origin = origin.unwrap_or_else(|| Origin {
                    file: "-".into(),
                    line: None,
                });
                match ledger.check_id(&a.id, &origin) {
                    Ok(Ok(())) => {
                        batch_bytes += a.text.len();
                        batch.push((a, origin));
                        if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                            batch_bytes = 0;
                            flush(&mut batch, &mut ledger)
                        } else {
                            Ok(Ok(()))
                        }
                    }
                    other => other,
                }
            }
            Item::Problem(problem) => ledger.problem(problem),
        };
        match step {
            Ok(Ok(())) => {}
            Ok(Err(Stop)) => {
                stopped = true;
                break;
            }
            Err(e) => return Err(e),
        }
    }
    if !stopped && !items.complete() {
        bail!("internal error: the input was not read to its end");
    }
    if !stopped && flush(&mut batch, &mut ledger)?.is_err() {
        stopped = true;
    }
    ledger.progress.finish_and_clear();
    let Ledger {
        out: mut writer,
        outcome,
        summary: finished_summary,
        ..
    } = ledger;
    let (out, written) = writer
        .stop()
        .with_context(|| format!("{out_name}: cannot write output"))?;
    written.with_context(|| format!("{out_name}: cannot write output"))?;
    if stopped {
        if matches!(out, Sink::Stdout(_)) {
            eprintln!("stance: stopped at the first failure (--strict)");
            out.finish()
                .with_context(|| format!("{out_name}: cannot write output"))?;
            return Ok(outcome);
        }
        // Dropping the output folder removes its temporary files.
        drop(out);
        eprintln!("stance: stopped at the first failure (--strict); no tables written");
        return Ok(outcome);
    }
    let errors = out.errors_place();
    out.finish()
        .with_context(|| format!("{out_name}: cannot write output"))?;
    if let (Some(dir), Some(s)) = (&summary_dir, &finished_summary) {
        write_summary(dir, s).with_context(|| format!("{out_name}: cannot write output"))?;
    }
    if outcome.failed > 0 {
        eprintln!(
            "stance: {} article(s) scored, {} input(s) not scored: {errors}",
            outcome.articles, outcome.failed
        );
    }
    Ok(outcome)
}

/// The files `--summary` writes.
const SUMMARY_FILES: [&str; 2] = ["summary_actors.csv", "summary_dyads.csv"];

/// Writes the summaries under temporary names and renames them when complete.
fn write_summary(dir: &std::path::Path, s: &Summary) -> anyhow::Result<()> {
    let write = |name: &str, f: &dyn Fn(&mut BufWriter<std::fs::File>) -> csv::Result<()>| {
        let tmp = dir.join(format!(".{name}.partial"));
        let mut w = BufWriter::new(std::fs::File::create(&tmp)?);
        f(&mut w)?;
        w.flush()?;
        std::fs::rename(&tmp, dir.join(name))?;
        anyhow::Ok(())
    };
    write(SUMMARY_FILES[0], &|w| s.write_actors(w))?;
    write(SUMMARY_FILES[1], &|w| s.write_dyads(w))?;
    Ok(())
}

thread_local! {
    /// Set while this thread scores an article: a panic then is caught and
    /// reported as one line, without the default hook's message.
    static SCORING: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that keeps the message of a panic while
/// scoring for the one-line report, and leaves any other panic to the default hook.
fn quiet_panics_while_scoring() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if SCORING.with(Cell::get) {
                let payload = info.payload();
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".into());
                let at = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let line = format!("{message}{at}").replace(['\n', '\r'], " ");
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(line));
            } else {
                default(info);
            }
        }));
    });
}

/// Scores one article, catching a panic as the message it gave.
fn score_one(
    engine: &Engine,
    article: &Article,
    panic_on: Option<&str>,
) -> Result<ArticleReport, String> {
    SCORING.with(|s| s.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| {
        if panic_on == Some(article.id.as_str()) {
            panic!("STANCE_PANIC_ON_ARTICLE");
        }
        engine.score(article)
    }));
    SCORING.with(|s| s.set(false));
    result.map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "a panic".into())
    })
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
