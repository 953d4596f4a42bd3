//! The `stance` binary: parses flags, runs the subcommand, and turns an error
//! into one line on stderr and an exit code (0 all scored, 1 some input
//! failed, 2 usage or setup error).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Score(args) => cmd::score::run(args).map(|o| if o.failed > 0 { 1 } else { 0 }),
        Command::Sentiment(args) => {
            cmd::sentiment::run(args).map(|o| if o.failed > 0 { 1 } else { 0 })
        }
        Command::Eval(args) => cmd::eval::run(args).map(|()| 0),
        Command::Explain(args) => cmd::explain::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed stdout (`stance … | head`) is not an error.
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("stance: {err:#}");
            ExitCode::from(2)
        }
    }
}
