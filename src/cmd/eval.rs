//! `stance eval attribution --gold DIR [--details FILE] [--json]`: attribution
//! accuracy against brat standoff gold (PolNeAR's format).
//!
//! `stance eval actors --gold FILE --articles FILE [--details FILE] [--dyad-details FILE] [--json]`:
//! statements, speakers and actors against hand-annotated gold statements.

use anyhow::Context;

use crate::cli::{EvalActorsArgs, EvalAttributionArgs, EvalCommand};
use stance::eval::{actors, attribution, brat};
use stance::input::{self, InputOptions, Item};
use stance::{Article, Engine};

pub fn run(command: EvalCommand) -> anyhow::Result<()> {
    match command {
        EvalCommand::Attribution(args) => run_attribution(args),
        EvalCommand::Sentiment(args) => run_sentiment(args),
        EvalCommand::Actors(args) => run_actors(args),
        EvalCommand::Targets(args) => run_targets(args),
    }
}

fn run_attribution(args: EvalAttributionArgs) -> anyhow::Result<()> {
    let engine = Engine::from_lexicons(super::load_lexicons(&args.lexicons)?);
    let gold = brat::read_gold_dir(&args.gold).map_err(anyhow::Error::msg)?;
    let (summary, articles) = attribution::evaluate(&gold, &engine);
    if let Some(path) = &args.details {
        let mut w = csv::Writer::from_path(path)
            .with_context(|| format!("{}: cannot write details", path.display()))?;
        w.write_record([
            "article",
            "class",
            "found",
            "speaker_right",
            "gold_source",
            "predicted_speaker",
            "gold_content",
        ])?;
        for a in &articles {
            for o in &a.outcomes {
                w.write_record([
                    a.name.as_str(),
                    o.class,
                    if o.found { "1" } else { "0" },
                    if o.speaker_right { "1" } else { "0" },
                    &o.gold_source,
                    &o.predicted_speaker,
                    &o.gold_content,
                ])?;
            }
        }
        w.flush()?;
    }
    if args.json {
        write_out(&format!("{}\n", serde_json::to_string(&summary)?))?;
    } else {
        write_out(&attribution::format_table(&summary))?;
    }
    Ok(())
}

fn run_actors(args: EvalActorsArgs) -> anyhow::Result<()> {
    let engine = Engine::from_lexicons(super::load_lexicons(&args.lexicons)?);
    let gold_name = args.gold.display();
    let text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("{gold_name}: cannot read gold"))?;
    let gold = actors::parse_gold(&text).with_context(|| format!("{gold_name}"))?;
    let articles = read_articles(&args.articles);
    let eval =
        actors::evaluate(&gold, &articles, &engine).with_context(|| format!("{gold_name}"))?;
    if let Some(path) = &args.details {
        let file = std::fs::File::create(path)
            .with_context(|| format!("{}: cannot write details", path.display()))?;
        actors::write_details(&eval, std::io::BufWriter::new(file))
            .with_context(|| format!("{}: cannot write details", path.display()))?;
    }
    if let Some(path) = &args.dyad_details {
        let file = std::fs::File::create(path)
            .with_context(|| format!("{}: cannot write dyad details", path.display()))?;
        actors::write_dyad_details(&eval, std::io::BufWriter::new(file))
            .with_context(|| format!("{}: cannot write dyad details", path.display()))?;
    }
    if args.json {
        write_out(&format!("{}\n", serde_json::to_string(&eval.summary)?))?;
    } else {
        write_out(&actors::format_table(&eval.summary))?;
    }
    Ok(())
}

/// Every article of a file or folder, as `stance score` reads it; a bad line
/// is reported on stderr and skipped (a gold line that needs it then fails).
fn read_articles(path: &std::path::Path) -> Vec<Article> {
    let options = InputOptions::default();
    let mut articles = Vec::new();
    for source in input::expand_inputs(&[path.to_path_buf()], None) {
        match source {
            Ok(source) => input::read_source(&source, &options, &mut |item| match item {
                Item::Article(a) => articles.push(a),
                Item::Problem(p) => eprintln!("stance: {p}"),
            }),
            Err(p) => eprintln!("stance: {p}"),
        }
    }
    articles
}

/// `stance eval sentiment --gold FILE [--json]`: VADER and news modes side by
/// side against human ratings or labels (see `stance::eval::sentiment`).
fn run_sentiment(args: crate::cli::EvalSentimentArgs) -> anyhow::Result<()> {
    use stance::eval::sentiment;
    let lexicons = super::load_lexicons(&args.lexicons)?;
    let options = sentiment::GoldOptions {
        text_field: args.text_field.clone(),
        label_field: args.label_field.clone(),
        center: args.center,
    };
    let gold = sentiment::read_gold(&args.gold, &options).map_err(anyhow::Error::msg)?;
    for problem in &gold.problems {
        eprintln!("stance: {problem}");
    }
    let name = args.gold.display().to_string();
    let summary = sentiment::evaluate(&name, &gold, &lexicons.vader);
    if let Some(path) = &args.details {
        let file = std::fs::File::create(path)
            .with_context(|| format!("{}: cannot write details", path.display()))?;
        sentiment::write_details(&gold, &lexicons.vader, std::io::BufWriter::new(file))
            .with_context(|| format!("{}: cannot write details", path.display()))?;
    }
    if args.json {
        write_out(&format!("{}\n", serde_json::to_string(&summary)?))?;
    } else {
        write_out(&sentiment::format_table(&summary))?;
    }
    Ok(())
}

/// `stance eval targets --gold FILE [--predictions FILE] [--json] [--tune]`:
/// sentiment toward a target against NewsMTSC, target-dependent and
/// whole-sentence (see `stance::eval::targets`).
fn run_targets(args: crate::cli::EvalTargetsArgs) -> anyhow::Result<()> {
    use stance::eval::targets;
    let lexicons = super::load_lexicons(&args.lexicons)?;
    let gold_name = args.gold.display();
    let text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("{gold_name}: cannot read gold"))?;
    let gold = targets::parse_gold(&text).with_context(|| format!("{gold_name}"))?;
    let predictions = targets::predict(&gold, &lexicons);
    if let Some(path) = &args.predictions {
        let file = std::fs::File::create(path)
            .with_context(|| format!("{}: cannot write predictions", path.display()))?;
        targets::write_predictions(&predictions, std::io::BufWriter::new(file))
            .with_context(|| format!("{}: cannot write predictions", path.display()))?;
    }
    if let Some(path) = &args.features {
        let write = || -> anyhow::Result<()> {
            use std::io::Write;
            let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
            for f in targets::features(&gold, &lexicons) {
                writeln!(w, "{}", serde_json::to_string(&f)?)?;
            }
            w.flush()?;
            Ok(())
        };
        write().with_context(|| format!("{}: cannot write features", path.display()))?;
    }
    let summary = targets::summarize(&gold, &predictions);
    if args.json {
        write_out(&format!("{}\n", serde_json::to_string(&summary)?))?;
    } else {
        write_out(&targets::format_table(&summary))?;
    }
    if args.tune {
        let (negative_below, positive_above, f1) = targets::tune(&predictions);
        eprintln!(
            "best thresholds on this gold: negative below {negative_below:.2}, positive above {positive_above:.2} (target-dependent F1m {:.1})",
            f1 * 100.0
        );
    }
    Ok(())
}

/// Writes to standard output, returning the error (a closed pipe ends the
/// run quietly in `main`) where `print!` would panic.
fn write_out(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}
