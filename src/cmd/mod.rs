//! One module per subcommand; each turns its raw flags into validated options
//! once and runs.

pub mod eval;
pub mod explain;
pub mod score;
pub mod sentiment;

use std::path::Path;

use anyhow::{Context, bail};

use crate::cli::{FormatArg, InputArgs, LexiconArgs};
use stance::input::{Fields, Format, InputOptions};
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

/// `--format`, if given, as the input reader's format.
pub fn format_of(arg: Option<FormatArg>) -> Option<Format> {
    arg.map(|f| match f {
        FormatArg::Txt => Format::Txt,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Csv => Format::Csv { delimiter: b',' },
        FormatArg::Tsv => Format::Csv { delimiter: b'\t' },
    })
}

/// The input flags of `stance score` and `stance sentiment`, for the reader.
pub fn input_options(args: &InputArgs) -> InputOptions {
    InputOptions {
        format: format_of(args.format),
        json_fields: Fields {
            id: args.id_field.clone(),
            text: args.text_field.clone(),
        },
        csv_columns: Fields {
            id: args.id_column.clone(),
            text: args.text_column.clone(),
        },
    }
}
