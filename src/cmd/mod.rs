//! One module per subcommand; each turns its raw flags into validated options
//! once and runs.

pub mod eval;
pub mod explain;
pub mod score;
pub mod sentiment;

use std::path::Path;

use anyhow::{Context, bail};

use crate::cli::LexiconArgs;
use stance::lexicon::{LexiconName, Lexicons, UserLexicon};

/// The lexicons: embedded defaults with the user's files applied.
pub fn load_lexicons(args: &LexiconArgs) -> anyhow::Result<Lexicons> {
    let mut user = Vec::new();
    let all = args
        .extend
        .iter()
        .map(|s| (s, false))
        .chain(args.replace.iter().map(|s| (s, true)));
    for (spec, replace) in all {
        let Some((name, file)) = spec.split_once('=') else {
            bail!("--lexicon takes NAME=FILE, not {spec:?}");
        };
        let Some(lexicon) = LexiconName::parse(name) else {
            let names: Vec<&str> = LexiconName::ALL.iter().map(|l| l.name()).collect();
            bail!("unknown lexicon {name:?}: one of {}", names.join(", "));
        };
        let text = std::fs::read_to_string(Path::new(file))
            .with_context(|| format!("{file}: cannot read lexicon"))?;
        user.push(UserLexicon {
            lexicon,
            replace,
            file: file.to_string(),
            text,
        });
    }
    Ok(Lexicons::with_user_files(&user)?)
}
