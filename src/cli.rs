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
    /// Measure accuracy on gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Txt,
    Jsonl,
    Csv,
    Tsv,
}

/// Where the lexicons come from.
#[derive(Debug, Clone, Args, Default)]
pub struct LexiconArgs {
    /// Add entries from a file to a lexicon (later entries win): NAME=FILE, where
    /// NAME is actors, stance, sentiment, reporting_verbs, speaker_words or
    /// abbreviations. Repeatable.
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
    /// The folder to write statements.csv, actors.csv and dyads.csv into.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Overwrite tables that already exist in --out.
    #[arg(long)]
    pub force: bool,
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
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Direct-quote and indirect attribution against brat standoff gold
    /// (PolNeAR format: .txt and .ann side by side, or text/ and attributions/).
    Attribution(EvalAttributionArgs),
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
