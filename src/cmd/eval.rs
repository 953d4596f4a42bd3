//! `stance eval attribution --gold DIR [--details FILE] [--json]`: attribution
//! accuracy against brat standoff gold (PolNeAR's format).

use anyhow::Context;

use crate::cli::{EvalAttributionArgs, EvalCommand};
use stance::Engine;
use stance::eval::{attribution, brat};

pub fn run(command: EvalCommand) -> anyhow::Result<()> {
    match command {
        EvalCommand::Attribution(args) => run_attribution(args),
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
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        print!("{}", attribution::format_table(&summary));
    }
    Ok(())
}
