//! Write: `statements.csv`, `actors.csv` and `dyads.csv` per the CSV contracts
//! (UTF-8, one header row, RFC 4180 quoting, scores as fixed 4-place decimals,
//! an empty cell for a missing score, never NaN or inf), and `errors.csv`, one
//! row for every input that was not scored.
//!
//! For spreadsheets, by default ([`CsvStyle`]):
//! - a text cell (ids, metadata, speaker, actor, cue, targets, evidence, text,
//!   errors) that begins with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
//!   as OWASP recommends against CSV injection, so that no cell becomes a
//!   formula; a cell that begins with `'` gets one too, so removing one leading
//!   `'` always gives the text back. Numeric columns are never touched.
//! - a text cell longer than Excel's 32,767-character limit is cut there, and
//!   the `truncated` column that ends `statements.csv` names the columns cut.

use std::borrow::Cow;
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
/// Columns after the contract's in `statements.csv`: `truncated` names the
/// columns of the row that were cut at [`CELL_LIMIT`] (`;`-separated).
pub const STATEMENTS_EXTRA: [&str; 1] = ["truncated"];
pub const ACTORS_HEADER: [&str; 6] = [
    "article_id",
    "actor",
    "mentions",
    "statements",
    "sentiment",
    "stance",
];
pub const DYADS_HEADER: [&str; 7] = [
    "article_id",
    "source",
    "target",
    "statements",
    "stance",
    "conflict_statements",
    "cooperation_statements",
];
pub const ERRORS_HEADER: [&str; 4] = ["article_id", "file", "line", "error"];

/// Excel's limit on the characters of a cell (counted in UTF-16 units, as
/// Excel counts them).
pub const CELL_LIMIT: usize = 32_767;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The tables `stance score` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Statements,
    Actors,
    Dyads,
    /// Every input that was not scored: `article_id, file, line, error`.
    Errors,
}

impl Table {
    /// The tables written from article reports.
    pub const ALL: [Table; 3] = [Table::Statements, Table::Actors, Table::Dyads];

    pub fn file_name(self) -> &'static str {
        match self {
            Table::Statements => "statements.csv",
            Table::Actors => "actors.csv",
            Table::Dyads => "dyads.csv",
            Table::Errors => "errors.csv",
        }
    }

    fn header(self) -> &'static [&'static str] {
        match self {
            Table::Statements => &STATEMENTS_HEADER,
            Table::Actors => &ACTORS_HEADER,
            Table::Dyads => &DYADS_HEADER,
            Table::Errors => &ERRORS_HEADER,
        }
    }

    fn extra(self) -> &'static [&'static str] {
        match self {
            Table::Statements => &STATEMENTS_EXTRA,
            _ => &[],
        }
    }
}

/// How the CSV is written: for spreadsheets by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    /// The field separator (`,`; `;` for locales whose spreadsheets expect it).
    pub delimiter: u8,
    /// Start each file with a UTF-8 byte-order mark, so that Excel on Windows
    /// reads it as UTF-8 (`Kōno`, not `KÅno`).
    pub bom: bool,
    /// Neutralise text cells that a spreadsheet would read as a formula.
    pub formula_escape: bool,
}

impl Default for CsvStyle {
    fn default() -> Self {
        CsvStyle {
            delimiter: b',',
            bom: false,
            formula_escape: true,
        }
    }
}

/// A score as a fixed 4-place decimal; empty for none or a non-finite value.
pub fn format_score(value: Option<f64>) -> String {
    Num::score(value).as_str().to_string()
}

/// Writes `v` with `places` decimals (at most 9) exactly as `format!("{v:.places$}")`
/// does (the exact binary value rounded half to even), except that a value
/// that rounds to zero is written unsigned (`0.0000`, never `-0.0000`).
/// Integer arithmetic on the value's bits; values of 1e15 or more and
/// non-finite ones go to `format!`'s formatter.
pub(crate) fn write_fixed(out: &mut impl std::fmt::Write, v: f64, places: u32) -> std::fmt::Result {
    let places = places.min(9);
    let scale = 10u128.pow(places);
    if !v.is_finite() || v.abs() >= 1e15 {
        let s = format!("{v:.prec$}", prec = places as usize);
        let zero = s.starts_with('-') && s.bytes().all(|b| matches!(b, b'-' | b'0' | b'.'));
        return out.write_str(if zero { &s[1..] } else { &s });
    }
    let bits = v.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // v = mantissa * 2^e exactly.
    let (mantissa, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let n = u128::from(mantissa) * scale;
    let q = if e >= 0 {
        // |v| < 1e15 < 2^50, so n << e < 2^(53 + 30 + 50).
        n << e
    } else {
        let shift = e.unsigned_abs();
        if shift >= 127 {
            0 // n < 2^83: below half a unit of the last place
        } else {
            let q = n >> shift;
            let rest = n & ((1u128 << shift) - 1);
            let half = 1u128 << (shift - 1);
            if rest > half || (rest == half && q % 2 == 1) {
                q + 1
            } else {
                q
            }
        }
    };
    if negative && q != 0 {
        out.write_str("-")?;
    }
    let (int, dec) = (q / scale, q % scale);
    if places == 0 {
        write!(out, "{int}")
    } else {
        write!(out, "{int}.{dec:0width$}", width = places as usize)
    }
}

/// A number cell's text, formatted without allocating when it fits in 32
/// bytes (every score and count does).
struct Num {
    buf: [u8; 32],
    len: usize,
    /// The text when it does not fit (a huge value formatted to 4 places).
    long: Option<String>,
}

impl std::fmt::Write for Num {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if let Some(long) = &mut self.long {
            long.push_str(s);
            return Ok(());
        }
        match self.buf.get_mut(self.len..self.len + s.len()) {
            Some(room) => {
                room.copy_from_slice(s.as_bytes());
                self.len += s.len();
            }
            None => {
                let mut long = String::from(self.as_str());
                long.push_str(s);
                self.long = Some(long);
            }
        }
        Ok(())
    }
}

impl Num {
    fn empty() -> Num {
        Num {
            buf: [0; 32],
            len: 0,
            long: None,
        }
    }

    fn of(args: std::fmt::Arguments) -> Num {
        let mut n = Num::empty();
        // Writing to `Num` never fails.
        let _ = std::fmt::Write::write_fmt(&mut n, args);
        n
    }

    fn count(v: usize) -> Num {
        Num::of(format_args!("{v}"))
    }

    fn opt_count(v: Option<usize>) -> Num {
        v.map_or_else(Num::empty, Num::count)
    }

    /// As [`format_score`] writes it.
    fn score(value: Option<f64>) -> Num {
        match value {
            Some(v) if v.is_finite() => {
                let mut n = Num::empty();
                // Writing to `Num` never fails.
                let _ = write_fixed(&mut n, v, 4);
                n
            }
            _ => Num::empty(),
        }
    }

    fn as_str(&self) -> &str {
        match &self.long {
            Some(long) => long,
            None => std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or(""),
        }
    }
}

/// A text cell as a spreadsheet should get it: with a leading `'` when it
/// begins with `=`, `+`, `-`, `@`, tab, CR or `'` (if `escape`), and cut at
/// [`CELL_LIMIT`] UTF-16 units. Returns the cell and whether it was cut.
pub fn text_cell(text: &str, escape: bool) -> (Cow<'_, str>, bool) {
    let escaped = escape && text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']);
    let room = CELL_LIMIT - usize::from(escaped);
    let (kept, cut) = cut_utf16(text, room);
    let cell = if escaped {
        Cow::Owned(format!("'{kept}"))
    } else {
        Cow::Borrowed(kept)
    };
    (cell, cut)
}

/// The longest prefix of `text` of at most `limit` UTF-16 units, on a
/// character boundary, and whether anything was cut.
fn cut_utf16(text: &str, limit: usize) -> (&str, bool) {
    // Each UTF-16 unit takes at least one byte: a short text needs no count.
    if text.len() <= limit {
        return (text, false);
    }
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > limit {
            return (&text[..at], true);
        }
    }
    (text, false)
}

/// One cell of a row: text (escaped and cut as the style says) or a number
/// (written as it is).
enum Cell<'a> {
    Text(&'a str, &'a str),
    Number(Num),
}

/// A row of `errors.csv`: an input that was not scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRow {
    /// The article, when known (a whole file that could not be read has none).
    pub article_id: Option<String>,
    pub file: String,
    pub line: Option<usize>,
    pub error: String,
}

/// Writes the rows of one table for a stream of article reports.
pub struct TableWriter<W: Write> {
    table: Table,
    meta: Vec<MetaField>,
    style: CsvStyle,
    csv: csv::Writer<W>,
}

impl<W: Write> TableWriter<W> {
    /// A writer for `table` in the default style, with the metadata columns
    /// `meta` after `article_id`; writes the header row unless `header` is false.
    pub fn new(
        table: Table,
        meta: &[MetaField],
        out: W,
        header: bool,
    ) -> io::Result<TableWriter<W>> {
        TableWriter::with_style(table, meta, out, header, CsvStyle::default())
    }

    /// As [`TableWriter::new`], in `style`; with `style.bom` the header row is
    /// preceded by a byte-order mark.
    pub fn with_style(
        table: Table,
        meta: &[MetaField],
        mut out: W,
        header: bool,
        style: CsvStyle,
    ) -> io::Result<TableWriter<W>> {
        let meta = if table == Table::Errors { &[] } else { meta };
        if header && style.bom {
            out.write_all(BOM)?;
        }
        let mut csv = csv::WriterBuilder::new()
            .flexible(false)
            .delimiter(style.delimiter)
            .from_writer(out);
        if header {
            let h = table.header();
            let mut row: Vec<&str> = vec![h[0]];
            row.extend(meta.iter().map(|m| m.name()));
            row.extend(&h[1..]);
            row.extend(table.extra());
            csv.write_record(&row).map_err(io::Error::other)?;
        }
        Ok(TableWriter {
            table,
            meta: meta.to_vec(),
            style,
            csv,
        })
    }

    /// Writes one row, `lead` then `cells`: the text cells escaped and cut;
    /// for `statements.csv` the `truncated` cell naming the columns cut.
    fn row(&mut self, lead: &[Cell], cells: &[Cell]) -> io::Result<()> {
        let mut cut: Vec<&str> = Vec::new();
        for cell in lead.iter().chain(cells) {
            match cell {
                Cell::Text(text, column) => {
                    let (cell, was_cut) = text_cell(text, self.style.formula_escape);
                    if was_cut {
                        cut.push(column);
                    }
                    self.csv.write_field(cell.as_bytes())
                }
                Cell::Number(n) => self.csv.write_field(n.as_str()),
            }
            .map_err(io::Error::other)?;
        }
        if self.table == Table::Statements {
            self.csv
                .write_field(cut.join(";"))
                .map_err(io::Error::other)?;
        }
        self.csv
            .write_record(None::<&[u8]>)
            .map_err(io::Error::other)
    }

    /// Writes the article's rows of this table (none for `errors.csv`).
    pub fn write(&mut self, report: &ArticleReport) -> io::Result<()> {
        let mut lead: Vec<Cell> = vec![Cell::Text(&report.article_id, "article_id")];
        lead.extend(
            self.meta
                .iter()
                .map(|&m| Cell::Text(report.meta.get(m).unwrap_or(""), m.name())),
        );
        let num = |v: usize| Cell::Number(Num::count(v));
        let opt = |v: Option<usize>| Cell::Number(Num::opt_count(v));
        match self.table {
            Table::Statements => {
                for s in &report.statements {
                    let targets = s.targets.join(";");
                    let cells = [
                        num(s.statement),
                        Cell::Text(s.kind.as_str(), "kind"),
                        Cell::Text(&s.speaker, "speaker"),
                        Cell::Text(s.actor.as_deref().unwrap_or(""), "actor"),
                        Cell::Text(&s.cue, "cue"),
                        Cell::Text(&targets, "targets"),
                        Cell::Number(Num::score(Some(s.sentiment))),
                        Cell::Number(Num::score(Some(s.stance))),
                        num(s.start),
                        num(s.end),
                        opt(s.speaker_start),
                        opt(s.speaker_end),
                        Cell::Text(&s.evidence, "evidence"),
                        Cell::Text(&s.text, "text"),
                    ];
                    self.row(&lead, &cells)?;
                }
            }
            Table::Actors => {
                for a in &report.actors {
                    let cells = [
                        Cell::Text(&a.actor, "actor"),
                        num(a.mentions),
                        num(a.statements),
                        Cell::Number(Num::score(a.sentiment)),
                        Cell::Number(Num::score(a.stance)),
                    ];
                    self.row(&lead, &cells)?;
                }
            }
            Table::Dyads => {
                for d in &report.dyads {
                    let cells = [
                        Cell::Text(&d.source, "source"),
                        Cell::Text(&d.target, "target"),
                        num(d.statements),
                        Cell::Number(Num::score(Some(d.stance))),
                        num(d.conflict_statements),
                        num(d.cooperation_statements),
                    ];
                    self.row(&lead, &cells)?;
                }
            }
            Table::Errors => {}
        }
        Ok(())
    }

    /// Writes a row of `errors.csv`.
    pub fn write_error(&mut self, e: &ErrorRow) -> io::Result<()> {
        let row = [
            Cell::Text(e.article_id.as_deref().unwrap_or(""), "article_id"),
            Cell::Text(&e.file, "file"),
            Cell::Number(Num::opt_count(e.line)),
            Cell::Text(&e.error, "error"),
        ];
        self.row(&[], &row)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }

    pub fn into_inner(self) -> io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// A table being written under a temporary name in the output folder.
struct Pending {
    writer: TableWriter<BufWriter<File>>,
    tmp: PathBuf,
    path: PathBuf,
}

/// The tables of an output folder: `statements.csv`, `actors.csv`,
/// `dyads.csv` and `errors.csv`. Each file is written under a temporary name
/// (`.NAME.partial`) and renamed when complete, so a killed run leaves no
/// half-written CSV; a run that fails removes its temporary files.
pub struct OutputFolder {
    tables: Vec<Pending>,
    errors: Option<Pending>,
}

impl OutputFolder {
    /// Creates the folder if needed; refuses to replace existing tables unless `force`.
    pub fn create(dir: &Path, meta: &[MetaField], force: bool) -> io::Result<OutputFolder> {
        OutputFolder::with_style(dir, meta, force, CsvStyle::default())
    }

    /// As [`OutputFolder::create`], writing in `style`.
    pub fn with_style(
        dir: &Path,
        meta: &[MetaField],
        force: bool,
        style: CsvStyle,
    ) -> io::Result<OutputFolder> {
        if dir.exists() && !dir.is_dir() {
            return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
        }
        std::fs::create_dir_all(dir)?;
        let all = Table::ALL.into_iter().chain([Table::Errors]);
        if !force {
            let existing: Vec<String> = all
                .clone()
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
        let mut out = OutputFolder {
            tables: Vec::new(),
            errors: None,
        };
        for table in all {
            let path = dir.join(table.file_name());
            let tmp = dir.join(format!(".{}.partial", table.file_name()));
            // `out` removes the files made so far if this fails.
            let file = BufWriter::with_capacity(1 << 16, File::create(&tmp)?);
            let pending = Pending {
                writer: TableWriter::with_style(table, meta, file, true, style)?,
                tmp,
                path,
            };
            if table == Table::Errors {
                out.errors = Some(pending);
            } else {
                out.tables.push(pending);
            }
        }
        Ok(out)
    }

    /// Writes an article's rows into every table.
    pub fn write(&mut self, report: &ArticleReport) -> io::Result<()> {
        for p in &mut self.tables {
            p.writer.write(report)?;
        }
        Ok(())
    }

    /// Writes a row of `errors.csv`.
    pub fn write_error(&mut self, row: &ErrorRow) -> io::Result<()> {
        match &mut self.errors {
            Some(p) => p.writer.write_error(row),
            None => Ok(()),
        }
    }

    /// The path `errors.csv` will have.
    pub fn errors_path(&self) -> Option<&Path> {
        self.errors.as_ref().map(|p| p.path.as_path())
    }

    /// Flushes every table to disk and moves it to its final name; on failure
    /// removes the temporary files and leaves existing tables as they were.
    pub fn finish(mut self) -> io::Result<()> {
        let mut all: Vec<Pending> = std::mem::take(&mut self.tables);
        all.extend(self.errors.take());
        let flushed = all.iter_mut().try_for_each(|p| {
            p.writer.flush()?;
            p.writer.csv.get_ref().get_ref().sync_all()
        });
        if let Err(e) = flushed {
            for p in &all {
                let _ = std::fs::remove_file(&p.tmp);
            }
            return Err(e);
        }
        // Everything is on disk: now the renames.
        let mut result = Ok(());
        for p in all {
            if result.is_ok() {
                result = std::fs::rename(&p.tmp, &p.path);
            } else {
                let _ = std::fs::remove_file(&p.tmp);
            }
        }
        result
    }
}

impl Drop for OutputFolder {
    /// A run that stops before [`OutputFolder::finish`] leaves no temporary
    /// files (a killed one leaves them hidden, to be replaced by the next run).
    fn drop(&mut self) {
        for p in self.tables.iter().chain(&self.errors) {
            let _ = std::fs::remove_file(&p.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_get_a_leading_apostrophe_and_others_do_not() {
        let cell = |s: &str| text_cell(s, true).0.into_owned();
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+81 3"), "'+81 3");
        assert_eq!(cell("-2 percent"), "'-2 percent");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "'\rx");
        assert_eq!(cell("'Tis"), "''Tis");
        assert_eq!(cell("Kōno said =1"), "Kōno said =1");
        assert_eq!(cell(""), "");
        assert_eq!(text_cell("=1+1", false).0, "=1+1");
    }

    #[test]
    fn a_cell_past_excels_limit_is_cut_on_a_character_boundary() {
        let long = "ō".repeat(CELL_LIMIT + 5);
        let (cell, cut) = text_cell(&long, true);
        assert!(cut);
        assert_eq!(cell.chars().count(), CELL_LIMIT);
        // An astral character is two UTF-16 units, as Excel counts.
        let emoji = "😀".repeat(CELL_LIMIT);
        let (cell, cut) = text_cell(&emoji, true);
        assert!(cut);
        assert_eq!(cell.chars().count(), CELL_LIMIT / 2);
        let dash = format!("-{}", "a".repeat(CELL_LIMIT));
        let (cell, cut) = text_cell(&dash, true);
        assert!(cut);
        assert_eq!(cell.len(), CELL_LIMIT);
        assert!(!text_cell(&"a".repeat(CELL_LIMIT), true).1);
    }

    #[test]
    fn fixed_decimals_are_what_format_writes() {
        let reference = |v: f64, places: usize| {
            let s = format!("{v:.places$}");
            let zero = s.starts_with('-') && s.bytes().all(|b| matches!(b, b'-' | b'0' | b'.'));
            if zero { s[1..].to_string() } else { s }
        };
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.03125,
            -0.03125,
            0.5,
            2.5,
            0.125,
            0.375,
            0.00005,
            -0.00005,
            0.00015,
            0.99995,
            -0.99995,
            1e-300,
            -1e-300,
            5e-324,
            123456.78905,
            1e14,
            9.99999e14,
            1e15,
            -2e15,
            1e300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.005,
            0.015,
            0.025,
        ];
        // A simple generator: many magnitudes, both signs, and exact ties
        // (k / 2^n) at every place.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            let scale = [1e-6, 1e-3, 0.1, 1.0, 2.0, 100.0, 1e6, 1e12][(x % 8) as usize];
            let sign = if x & 256 == 0 { 1.0 } else { -1.0 };
            values.push(sign * unit * scale);
            values.push(sign * ((x >> 40) % 4096) as f64 / 2048.0);
            values.push(f64::from_bits(x));
        }
        for v in values {
            for places in [0u32, 2, 4] {
                let mut got = String::new();
                write_fixed(&mut got, v, places).expect("string");
                assert_eq!(
                    got,
                    reference(v, places as usize),
                    "{v:e} to {places} places"
                );
            }
        }
    }
}
