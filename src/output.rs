//! Write: `statements.csv`, `actors.csv` and `dyads.csv` per the CSV contracts
//! (UTF-8, one header row, RFC 4180 quoting, scores as fixed 4-place decimals,
//! an empty cell for a missing score, never NaN or inf).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::aggregate::ArticleReport;
use crate::article::MetaField;

pub const STATEMENTS_HEADER: [&str; 15] = [
    "article_id",
    "statement",
    "kind",
    "speaker",
    "actor",
    "cue",
    "targets",
    "sentiment",
    "stance",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "evidence",
    "text",
];
pub const ACTORS_HEADER: [&str; 6] = [
    "article_id",
    "actor",
    "mentions",
    "statements",
    "sentiment",
    "stance",
];
pub const DYADS_HEADER: [&str; 5] = ["article_id", "source", "target", "statements", "stance"];

/// The three tables `stance score` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Statements,
    Actors,
    Dyads,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Statements, Table::Actors, Table::Dyads];

    pub fn file_name(self) -> &'static str {
        match self {
            Table::Statements => "statements.csv",
            Table::Actors => "actors.csv",
            Table::Dyads => "dyads.csv",
        }
    }

    fn header(self) -> &'static [&'static str] {
        match self {
            Table::Statements => &STATEMENTS_HEADER,
            Table::Actors => &ACTORS_HEADER,
            Table::Dyads => &DYADS_HEADER,
        }
    }
}

/// A score as a fixed 4-place decimal; empty for none or a non-finite value.
pub fn format_score(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let s = format!("{v:.4}");
            if s == "-0.0000" {
                "0.0000".to_string()
            } else {
                s
            }
        }
        _ => String::new(),
    }
}

/// Writes the rows of one table for a stream of article reports.
pub struct TableWriter<W: Write> {
    table: Table,
    meta: Vec<MetaField>,
    csv: csv::Writer<W>,
}

impl<W: Write> TableWriter<W> {
    /// A writer for `table`, with the metadata columns `meta` after `article_id`;
    /// writes the header row unless `header` is false.
    pub fn new(
        table: Table,
        meta: &[MetaField],
        out: W,
        header: bool,
    ) -> io::Result<TableWriter<W>> {
        let mut csv = csv::WriterBuilder::new().flexible(false).from_writer(out);
        if header {
            let h = table.header();
            let mut row: Vec<&str> = vec![h[0]];
            row.extend(meta.iter().map(|m| m.name()));
            row.extend(&h[1..]);
            csv.write_record(&row).map_err(io::Error::other)?;
        }
        Ok(TableWriter {
            table,
            meta: meta.to_vec(),
            csv,
        })
    }

    /// Writes the article's rows of this table.
    pub fn write(&mut self, report: &ArticleReport) -> io::Result<()> {
        let mut lead: Vec<&str> = vec![report.article_id.as_str()];
        lead.extend(self.meta.iter().map(|&m| report.meta.get(m).unwrap_or("")));
        let mut write = |cells: Vec<String>| {
            let row = lead.iter().copied().chain(cells.iter().map(String::as_str));
            self.csv.write_record(row).map_err(io::Error::other)
        };
        match self.table {
            Table::Statements => {
                for s in &report.statements {
                    write(vec![
                        s.statement.to_string(),
                        s.kind.as_str().to_string(),
                        s.speaker.clone(),
                        s.actor.clone().unwrap_or_default(),
                        s.cue.clone(),
                        s.targets.join(";"),
                        format_score(Some(s.sentiment)),
                        format_score(Some(s.stance)),
                        s.start.to_string(),
                        s.end.to_string(),
                        s.speaker_start.map(|v| v.to_string()).unwrap_or_default(),
                        s.speaker_end.map(|v| v.to_string()).unwrap_or_default(),
                        s.evidence.clone(),
                        s.text.clone(),
                    ])?;
                }
            }
            Table::Actors => {
                for a in &report.actors {
                    write(vec![
                        a.actor.clone(),
                        a.mentions.to_string(),
                        a.statements.to_string(),
                        format_score(a.sentiment),
                        format_score(a.stance),
                    ])?;
                }
            }
            Table::Dyads => {
                for d in &report.dyads {
                    write(vec![
                        d.source.clone(),
                        d.target.clone(),
                        d.statements.to_string(),
                        format_score(Some(d.stance)),
                    ])?;
                }
            }
        }
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }

    pub fn into_inner(self) -> io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// The three table writers of an output folder. Each file is written under a
/// temporary name and renamed when complete, so a killed run leaves no
/// half-written CSV.
pub struct OutputFolder {
    writers: Vec<(TableWriter<BufWriter<File>>, PathBuf, PathBuf)>,
}

impl OutputFolder {
    /// Creates the folder if needed; refuses to replace existing tables unless `force`.
    pub fn create(dir: &Path, meta: &[MetaField], force: bool) -> io::Result<OutputFolder> {
        std::fs::create_dir_all(dir)?;
        if !force {
            let existing: Vec<String> = Table::ALL
                .iter()
                .map(|t| dir.join(t.file_name()))
                .filter(|p| p.exists())
                .map(|p| p.display().to_string())
                .collect();
            if !existing.is_empty() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} already exist(s); pass --force to overwrite",
                        existing.join(", ")
                    ),
                ));
            }
        }
        let mut writers = Vec::new();
        for table in Table::ALL {
            let path = dir.join(table.file_name());
            let tmp = dir.join(format!(".{}.partial", table.file_name()));
            let file = BufWriter::with_capacity(1 << 16, File::create(&tmp)?);
            writers.push((TableWriter::new(table, meta, file, true)?, tmp, path));
        }
        Ok(OutputFolder { writers })
    }

    pub fn write(&mut self, report: &ArticleReport) -> io::Result<()> {
        for (w, _, _) in &mut self.writers {
            w.write(report)?;
        }
        Ok(())
    }

    /// Flushes every table and moves it to its final name.
    pub fn finish(self) -> io::Result<()> {
        for (w, tmp, path) in self.writers {
            let mut file = w.into_inner()?;
            file.flush()?;
            file.get_ref().sync_all()?;
            std::fs::rename(&tmp, &path)?;
        }
        Ok(())
    }
}
