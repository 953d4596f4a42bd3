//! `stance explain FILE|- [--id ID] [--format F] [--color auto|always|never]`:
//! one article's scores, for a person at a terminal.
//!
//! ```text
//! article gsomia: 14 statements, 6 actors, 4 dyads
//!
//! 5. direct: Mike Pompeo → Washington, cue "told reporters"
//!    "We're disappointed …"
//!    targets    Seoul -0.1964
//!    → Seoul    -0.1964   disappointed -2.00; sentiment 0.06 (disappointed -1.14, agreement 1.25)
//!    sentiment  -0.3378   disappointed -3.15; agreement 1.76
//!    stance     -0.2664   disappointed -2.00; sentiment -0.68
//! ```
//!
//! Each statement shows its kind, speaker → actor (`-` for none) and cue, the
//! content, the targets with the stance toward each and what moved it (the
//! cue verb and stance cues of the clauses that name the target, and the
//! sentiment toward it with its words after the scope rules; or that it is
//! named only as a place), and the sentiment and stance with the words that
//! moved each (the row's `evidence`, split into its sentiment and `stance:`
//! entries, weights after rules). Then the article's actor and dyad tables.
//! Scores have four decimals, as in the CSV.
//!
//! Colour (ANSI) when standard output is a terminal and `NO_COLOR` is not set
//! (<https://no-color.org>), or with `--color always`; plain otherwise.
//! Negative scores are red, positive green, the neutral band (±0.05) plain.
//!
//! The input is read as `stance score` reads it (a `.txt` file is one
//! article; JSON Lines, CSV or `-` may hold several: each is explained, or
//! only `--id`). A bad line is reported on stderr and skipped (exit code 1).

use std::io::{IsTerminal, Write};

use anyhow::{Context, bail};

use crate::cli::{ColorArg, ExplainArgs};
use stance::aggregate::{ArticleReport, StatementRow};
use stance::input::{self, InputOptions, Item};
use stance::{Article, Engine};

/// Scores within ± this are neutral (plain); VADER's neutral band.
const NEUTRAL_BAND: f64 = stance::scoring::news::VADER_THRESHOLD;

pub fn run(args: ExplainArgs) -> anyhow::Result<u8> {
    let engine =
        Engine::from_lexicons(super::load_lexicons(&args.lexicons)?).with_target_evidence();
    let format = super::format_of(args.format);
    let options = InputOptions {
        format,
        ..InputOptions::default()
    };
    let mut articles: Vec<Article> = Vec::new();
    let mut failed = false;
    for source in input::expand_inputs(std::slice::from_ref(&args.input), format) {
        let mut report = |p: &input::InputProblem| {
            failed |= !p.warning;
            eprintln!("stance: {p}");
        };
        match source {
            Ok(source) => input::read_source(&source, &options, &mut |item| match item {
                Item::Article(a) => articles.push(a),
                Item::Problem(p) => report(&p),
            }),
            Err(p) => report(&p),
        }
    }
    if let Some(id) = &args.id {
        articles.retain(|a| &a.id == id);
        if articles.is_empty() {
            bail!("{}: no article with id {id:?}", args.input.display());
        }
    } else if articles.is_empty() && !failed {
        bail!("{}: no article to explain", args.input.display());
    }
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let style = Style { color };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (k, article) in articles.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        let report = engine.score(article);
        out.write_all(explain(&report, style).as_bytes())
            .context("cannot write to standard output")?;
    }
    out.flush().context("cannot write to standard output")?;
    Ok(u8::from(failed))
}

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    fn actor(self, text: &str) -> String {
        self.paint("36", text)
    }

    /// A score, padded to `width` before painting so columns line up.
    fn score(self, value: f64, width: usize) -> String {
        let text = format!("{:>width$}", fixed(value));
        if value <= -NEUTRAL_BAND {
            self.paint("31", &text)
        } else if value >= NEUTRAL_BAND {
            self.paint("32", &text)
        } else {
            text
        }
    }

    /// An evidence weight as the CSV writes it (`-2.10`), coloured by sign.
    fn weight(self, text: &str) -> String {
        match text.parse::<f64>() {
            Ok(v) if v < 0.0 => self.paint("31", text),
            Ok(v) if v > 0.0 => self.paint("32", text),
            _ => text.to_string(),
        }
    }
}

/// Four decimals, never `-0.0000`.
fn fixed(value: f64) -> String {
    let s = format!("{value:.4}");
    if s == "-0.0000" { "0.0000".into() } else { s }
}

/// One evidence entry as the row writes it: (words, weight).
type Entry<'a> = (&'a str, &'a str);

/// The evidence string of a row split into its sentiment and its stance
/// entries (the `stance: ` prefix dropped).
pub fn split_evidence(evidence: &str) -> (Vec<Entry<'_>>, Vec<Entry<'_>>) {
    let mut sentiment = Vec::new();
    let mut stance = Vec::new();
    for entry in evidence.split("; ").filter(|e| !e.is_empty()) {
        let (list, entry) = match entry.strip_prefix("stance: ") {
            Some(rest) => (&mut stance, rest),
            None => (&mut sentiment, entry),
        };
        list.push(entry.rsplit_once(' ').unwrap_or((entry, "")));
    }
    (sentiment, stance)
}

/// One article, explained.
pub fn explain(report: &ArticleReport, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&style.bold(&format!(
        "article {}: {} statements, {} actors, {} dyads",
        report.article_id,
        report.statements.len(),
        report.actors.len(),
        report.dyads.len()
    )));
    out.push('\n');
    for s in &report.statements {
        out.push('\n');
        statement(&mut out, s, style);
    }
    if !report.actors.is_empty() {
        out.push('\n');
        out.push_str(&style.bold(&format!(
            "{:<24}{:>9}{:>12}{:>11}{:>10}",
            "actor", "mentions", "statements", "sentiment", "stance"
        )));
        out.push('\n');
        for a in &report.actors {
            let missing = |v: Option<f64>, w: usize| match v {
                Some(v) => style.score(v, w),
                None => format!("{:>w$}", "-"),
            };
            out.push_str(&format!(
                "{}{:>9}{:>12}{}{}\n",
                style.actor(&format!("{:<24}", a.actor)),
                a.mentions,
                a.statements,
                missing(a.sentiment, 11),
                missing(a.stance, 10)
            ));
        }
    }
    if !report.dyads.is_empty() {
        out.push('\n');
        out.push_str(&style.bold(&format!(
            "{:<35}{:>12}{:>10}{:>10}{:>13}",
            "source → target", "statements", "stance", "conflict", "cooperation"
        )));
        out.push('\n');
        for d in &report.dyads {
            let pair = format!("{} → {}", d.source, d.target);
            let pad = 35usize.saturating_sub(pair.chars().count());
            out.push_str(&format!(
                "{}{}{:>12}{}{:>10}{:>13}\n",
                style.actor(&pair),
                " ".repeat(pad),
                d.statements,
                style.score(d.stance, 10),
                d.conflict_statements,
                d.cooperation_statements
            ));
        }
    }
    out
}

fn statement(out: &mut String, s: &StatementRow, style: Style) {
    let actor = s.actor.as_deref().unwrap_or("-");
    let cue = if s.cue.is_empty() {
        "no cue (continues a quote)".to_string()
    } else {
        format!("cue \"{}\"", s.cue)
    };
    out.push_str(&format!(
        "{} {}: {} → {}, {}\n",
        style.bold(&format!("{}.", s.statement)),
        s.kind.as_str(),
        style.bold(&s.speaker),
        style.actor(actor),
        cue
    ));
    out.push_str(&format!(
        "   {}\n",
        style.dim(&format!("\"{}\"", one_line(&s.text)))
    ));
    let targets: Vec<String> = s
        .targets
        .iter()
        .zip(&s.target_stances)
        .map(|(t, &v)| format!("{} {}", style.actor(t), style.score(v, 0)))
        .collect();
    out.push_str(&format!(
        "   {:<11}{}\n",
        "targets",
        if targets.is_empty() {
            "-".to_string()
        } else {
            targets.join(", ")
        }
    ));
    let words = |entries: &[Entry]| {
        if entries.is_empty() {
            return "-".to_string();
        }
        entries
            .iter()
            .map(|(w, v)| format!("{w} {}", style.weight(v)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    // What moved each target's stance: the cue verb and the stance cues of
    // the clauses that name it, and the sentiment toward it with the words it
    // comes from (valences after the scope rules: nearer words weigh more).
    for ((t, &v), evidence) in s
        .targets
        .iter()
        .zip(&s.target_stances)
        .zip(&s.target_evidence)
    {
        let (near, stance) = split_evidence(evidence);
        let text = if evidence == stance::engine::PLACE_EVIDENCE {
            evidence.clone()
        } else {
            let entries: Vec<String> = stance
                .iter()
                .map(|&(w, x)| {
                    if w == stance::scoring::SENTIMENT_ENTRY && !near.is_empty() {
                        let from: Vec<String> = near
                            .iter()
                            .map(|(w, x)| format!("{w} {}", style.weight(x)))
                            .collect();
                        format!("{w} {} ({})", style.weight(x), from.join(", "))
                    } else {
                        format!("{w} {}", style.weight(x))
                    }
                })
                .collect();
            if entries.is_empty() {
                "-".to_string()
            } else {
                entries.join("; ")
            }
        };
        out.push_str(&format!(
            "   {:<11}{}   {}\n",
            format!("→ {t}"),
            style.score(v, 7),
            text
        ));
    }
    let (sentiment, stance) = split_evidence(&s.evidence);
    out.push_str(&format!(
        "   {:<11}{}   {}\n",
        "sentiment",
        style.score(s.sentiment, 7),
        words(&sentiment)
    ));
    out.push_str(&format!(
        "   {:<11}{}   {}\n",
        "stance",
        style.score(s.stance, 7),
        words(&stance)
    ));
}

/// The text with its line breaks and runs of white space as single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
