//! The command line: clap types that read like the `--help` page. The rest of
//! the program sees the validated options built from them in `cmd/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Finds who said what in news articles and scores the sentiment and stance of
/// each political actor, writing CSV for spreadsheets.
#[derive(Debug, Parser)]
#[command(name = "stance", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score articles: writes statements.csv, actors.csv and dyads.csv into --out.
    Score(ScoreArgs),
    /// Sentiment of each sentence or article of any text, as CSV (compound,
    /// pos, neu, neg).
    Sentiment(SentimentArgs),
    /// Measure accuracy on gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Explain one article's scores on the terminal: each statement with its
    /// speaker, actor, cue, targets and the words that moved its scores, then
    /// the actor and dyad tables.
    Explain(ExplainArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Txt,
    Jsonl,
    Csv,
    Tsv,
}

/// A table of `stance score` (`--stdout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    Statements,
    Actors,
    Dyads,
}

/// Where the lexicons come from.
/// How to read the inputs of `stance score` and `stance sentiment`.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Read every input as this format (default: from the extension; JSON Lines for `-`).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// JSON Lines field that holds the article id.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// JSON Lines field that holds the article text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// CSV column that holds the article id.
    #[arg(long, default_value = "id")]
    pub id_column: String,
    /// CSV column that holds the article text.
    #[arg(long, default_value = "text")]
    pub text_column: String,
}

#[derive(Debug, Clone, Args, Default)]
pub struct LexiconArgs {
    /// Add entries from a file to a lexicon (later entries win): NAME=FILE, where
    /// NAME is actors, stance, sentiment, sentiment_news, sentiment_target,
    /// reporting_verbs, speaker_words or abbreviations. Repeatable.
    #[arg(long = "lexicon", value_name = "NAME=FILE")]
    pub extend: Vec<String>,
    /// Replace a lexicon's embedded defaults with a file: NAME=FILE. Repeatable.
    #[arg(long = "replace-lexicon", value_name = "NAME=FILE")]
    pub replace: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Files or folders of .txt, .jsonl, .csv or .tsv articles; `-` reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The folder to write statements.csv, actors.csv and dyads.csv into
    /// (required unless --stdout).
    #[arg(
        long,
        short,
        value_name = "DIR",
        required_unless_present = "stdout",
        conflicts_with = "stdout"
    )]
    pub out: Option<PathBuf>,
    /// Write one table to standard output instead of --out: a streaming filter
    /// (e.g. `stance score - --stdout statements --no-header` under Spark's
    /// RDD.pipe). Inputs not scored are reported on stderr only.
    #[arg(long, value_enum, value_name = "TABLE")]
    pub stdout: Option<TableArg>,
    /// With --stdout: leave out the header row.
    #[arg(long, requires = "stdout")]
    pub no_header: bool,
    /// Overwrite tables that already exist in --out.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub input: InputArgs,
    /// Metadata to carry into every table after article_id: a comma-separated
    /// list of title, date, source, url.
    #[arg(long, value_name = "FIELDS", value_delimiter = ',')]
    pub meta: Vec<String>,
    /// Only these actors (comma-separated capitals, e.g. Seoul,Tokyo,Washington).
    #[arg(long, value_name = "ACTORS", value_delimiter = ',')]
    pub actors: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Also write summary_actors.csv and summary_dyads.csv over the whole batch
    /// (articles, statements, mean and spread of sentiment and stance).
    #[arg(long)]
    pub summary: bool,
    /// Summaries per period of the articles' `date`: day, week (ISO) or month.
    #[arg(long, value_enum, requires = "summary")]
    pub by: Option<PeriodArg>,
    /// How statement sentiment is read: news (VADER's rules fixed for news,
    /// per sentence) or vader (vaderSentiment 3.3.2 exactly).
    #[arg(long, value_enum, default_value = "news")]
    pub sentiment: SentimentModeArg,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Stop at the first input that cannot be read or scored (exit code 1; no
    /// tables are written). Without it, such inputs go to errors.csv.
    #[arg(long)]
    pub strict: bool,
    /// Write text cells as they are, even those a spreadsheet reads as a formula
    /// (by default a cell starting with = + - @ tab CR or ' gets a leading ').
    #[arg(long)]
    pub no_formula_escape: bool,
    /// Start each CSV with a UTF-8 byte-order mark (for Excel on Windows).
    #[arg(long)]
    pub bom: bool,
    /// The CSV field separator: one ASCII character, e.g. ';' (or `tab`).
    #[arg(long, value_name = "CHAR", default_value = ",")]
    pub delimiter: String,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Direct-quote and indirect attribution against brat standoff gold
    /// (PolNeAR format: .txt and .ann side by side, or text/ and attributions/).
    Attribution(EvalAttributionArgs),
    /// Sentiment, VADER and news modes side by side, against human ratings or
    /// labels (NewsMTSC, or JSON Lines / CSV with text and label).
    Sentiment(EvalSentimentArgs),
    /// Statements, speakers and actors against hand-annotated gold statements
    /// (JSON Lines, as in ../shared/data/actors_dev).
    Actors(EvalActorsArgs),
    /// Sentiment toward a target, target-dependent and whole-sentence, against
    /// NewsMTSC (JSON Lines: sentence_normalized, targets with from, to, polarity).
    Targets(EvalTargetsArgs),
}

#[derive(Debug, Args)]
pub struct EvalAttributionArgs {
    /// Folder of gold articles.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Write one row per article (counts and misses) to this CSV.
    #[arg(long, value_name = "FILE")]
    pub details: Option<PathBuf>,
    /// Print the figures as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

#[derive(Debug, Args)]
pub struct EvalActorsArgs {
    /// Gold statements, one JSON object per line: article_id, content, kind,
    /// cue, speaker, speaker_full, actor, targets, tone.
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// The articles the gold refers to, as `stance score` reads them (JSON Lines
    /// with id and text, or a folder); only those with gold lines are scored.
    #[arg(long, value_name = "FILE")]
    pub articles: PathBuf,
    /// Write one row per gold statement (found, speaker and actor right, gold
    /// and predicted speaker and actor, content) to this CSV.
    #[arg(long, value_name = "FILE")]
    pub details: Option<PathBuf>,
    /// Write one row per gold dyad (source, target, gold mean stance and its
    /// statement count, predicted stance, sign right) to this CSV.
    #[arg(long, value_name = "FILE")]
    pub dyad_details: Option<PathBuf>,
    /// Print the figures as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

/// A period of `--summary --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
}

/// Which sentiment scorer (`stance sentiment --sentiment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SentimentModeArg {
    /// vaderSentiment 3.3.2's polarity_scores, exactly.
    Vader,
    /// VADER's rules fixed for news, with the news lexicon layer, per sentence.
    News,
}

/// What a row of `stance sentiment` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Sentence,
    Article,
}

#[derive(Debug, Args)]
pub struct SentimentArgs {
    /// Files or folders of .txt, .jsonl, .csv or .tsv articles; `-` reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write the CSV to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite --out if it exists.
    #[arg(long)]
    pub force: bool,
    /// vader: vaderSentiment 3.3.2 exactly; news: VADER fixed for news.
    #[arg(long, value_enum, default_value = "news")]
    pub sentiment: SentimentModeArg,
    /// One row per sentence, or per article (then `sentence` is empty and there
    /// is no `text` column).
    #[arg(long, value_enum, default_value = "sentence")]
    pub by: ByArg,
    #[command(flatten)]
    pub input: InputArgs,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

#[derive(Debug, Args)]
pub struct EvalSentimentArgs {
    /// Gold texts with human ratings or labels: NewsMTSC JSON Lines (whole
    /// sentences), or JSON Lines / CSV / TSV with a text and a label column.
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// The field or column of the text (default: text, content, sentence or
    /// sentence_normalized, the first there is).
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// The field or column of the label (default: label, tone, rating,
    /// sentiment, polarity or score, the first there is).
    #[arg(long, value_name = "NAME")]
    pub label_field: Option<String>,
    /// The neutral point of numeric ratings (e.g. 3 on a 1..5 scale).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub center: f64,
    /// Write one row per gold text (gold label, and each mode's score, class
    /// and evidence) to this CSV.
    #[arg(long, value_name = "FILE")]
    pub details: Option<PathBuf>,
    /// Print the figures as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

#[derive(Debug, Args)]
pub struct EvalTargetsArgs {
    /// Gold sentences in NewsMTSC's JSON Lines format.
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// Print the figures as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Write each gold target's target-dependent prediction to this CSV:
    /// line, from, to, predicted (-1, 0, 1).
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Write each gold target's features to this JSON Lines file: the sum the
    /// score maps and each word in scope with its factor (what
    /// lexicons/tools/learn_news_target.py learns the target lexicon from).
    #[arg(long, value_name = "FILE")]
    pub features: Option<PathBuf>,
    /// Also print the thresholds that give the highest target-dependent F1m
    /// on this gold (how the defaults were chosen, on NewsMTSC train).
    #[arg(long)]
    pub tune: bool,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A .txt article, a .jsonl/.csv/.tsv file of articles, or `-` for
    /// standard input (JSON Lines unless --format says otherwise).
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// Only the article with this id (default: every article of the input).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Read the input as this format (default: from the extension; JSON Lines for `-`).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}
