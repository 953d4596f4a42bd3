//! `stance eval …`: accuracy on gold data.

use crate::cli::EvalCommand;

pub fn run(command: EvalCommand) -> anyhow::Result<()> {
    match command {
        EvalCommand::Attribution(_args) => anyhow::bail!("not yet"),
    }
}
