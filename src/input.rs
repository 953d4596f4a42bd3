//! Input: articles from files, folders (walked recursively, sorted by path),
//! JSON Lines, CSV/TSV and standard input, as a stream of articles and of
//! errors that name the file and line. A bad line or file is reported and
//! skipped; the rest is read.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::article::{Article, Meta};

/// The format of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file; the id is the path without extension.
    Txt,
    /// One JSON object per line.
    Jsonl,
    /// A header row, then one article per row; `delimiter` `,` or tab.
    Csv { delimiter: u8 },
}

impl Format {
    /// The format a file's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Format::Txt,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv { delimiter: b',' },
            "tsv" => Format::Csv { delimiter: b'\t' },
            _ => return None,
        })
    }
}

/// Where the id, text and metadata of an article are in JSON Lines and CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub id: String,
    pub text: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".into(),
            text: "text".into(),
        }
    }
}

/// How to read the inputs.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Overrides the format the extension gives (and the JSON Lines default of `-`).
    pub format: Option<Format>,
    pub json_fields: Fields,
    pub csv_columns: Fields,
}

/// Something that went wrong reading the input: one line for the user, naming
/// the file and line or the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// The article it concerns, when known.
    pub article_id: Option<String>,
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
    /// A warning does not lose the article (e.g. bytes that are not UTF-8).
    pub warning: bool,
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.article_id {
            write!(f, ": article {id}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// One item of the input stream.
#[derive(Debug, Clone)]
pub enum Item {
    Article(Article),
    Problem(InputProblem),
}

/// A file to read, with the folder it was found in (for `.txt` ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File {
        path: PathBuf,
        root: Option<PathBuf>,
    },
    Stdin,
}

/// Expands the inputs the user named into sources: folders walked recursively
/// and sorted by path, keeping files with a known extension. A path that does
/// not exist is a problem, reported in order.
pub fn expand_inputs(
    inputs: &[PathBuf],
    format: Option<Format>,
) -> Vec<Result<Source, InputProblem>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        match fs::metadata(input) {
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                let mut visited = Vec::new();
                walk(input, &mut files, &mut visited, &mut out);
                files.sort();
                for path in files {
                    if format.is_some() || Format::from_path(&path).is_some() {
                        out.push(Ok(Source::File {
                            path,
                            root: Some(input.clone()),
                        }));
                    }
                }
            }
            Ok(_) => out.push(Ok(Source::File {
                path: input.clone(),
                root: None,
            })),
            Err(e) => out.push(Err(problem(input, None, format!("cannot read: {e}")))),
        }
    }
    out
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    visited: &mut Vec<PathBuf>,
    problems: &mut Vec<Result<Source, InputProblem>>,
) {
    // A symlink loop would walk forever: each real folder is walked once.
    if let Ok(real) = fs::canonicalize(dir) {
        if visited.contains(&real) {
            return;
        }
        visited.push(real);
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Err(problem(dir, None, format!("cannot read folder: {e}"))));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, files, visited, problems),
            Ok(_) => files.push(path),
            Err(e) => problems.push(Err(problem(&path, None, format!("cannot read: {e}")))),
        }
    }
}

fn problem(path: &Path, line: Option<usize>, message: String) -> InputProblem {
    InputProblem {
        article_id: None,
        file: path.display().to_string(),
        line,
        message,
        warning: false,
    }
}

/// Reads one source, calling `emit` for each article or problem in order.
pub fn read_source(source: &Source, options: &InputOptions, emit: &mut dyn FnMut(Item)) {
    match source {
        Source::Stdin => {
            let format = options.format.unwrap_or(Format::Jsonl);
            let stdin = std::io::stdin();
            let lock = stdin.lock();
            read_stream(Path::new("-"), None, format, Box::new(lock), options, emit);
        }
        Source::File { path, root } => {
            let format = match options.format.or_else(|| Format::from_path(path)) {
                Some(f) => f,
                None => {
                    emit(Item::Problem(problem(
                        path,
                        None,
                        "unknown format: name a .txt, .jsonl, .csv or .tsv file, or pass --format"
                            .into(),
                    )));
                    return;
                }
            };
            match fs::File::open(path) {
                Ok(file) => read_stream(
                    path,
                    root.as_deref(),
                    format,
                    Box::new(BufReader::new(file)),
                    options,
                    emit,
                ),
                Err(e) => emit(Item::Problem(problem(
                    path,
                    None,
                    format!("cannot read: {e}"),
                ))),
            }
        }
    }
}

fn read_stream(
    path: &Path,
    root: Option<&Path>,
    format: Format,
    mut reader: Box<dyn BufRead + '_>,
    options: &InputOptions,
    emit: &mut dyn FnMut(Item),
) {
    match format {
        Format::Txt => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                emit(Item::Problem(problem(
                    path,
                    None,
                    format!("cannot read: {e}"),
                )));
                return;
            }
            let id = txt_id(path, root);
            let (text, lossy) = decode(bytes);
            if lossy {
                emit(Item::Problem(not_utf8(path, None, &id)));
            }
            emit(Item::Article(Article {
                id,
                text,
                meta: Meta::default(),
            }));
        }
        Format::Jsonl => read_jsonl(path, reader, &options.json_fields, emit),
        Format::Csv { delimiter } => read_csv(path, reader, delimiter, &options.csv_columns, emit),
    }
}

/// The id of a `.txt` article: its path relative to the folder given, without
/// extension, with `/` separators; a file named directly is its stem.
fn txt_id(path: &Path, root: Option<&Path>) -> String {
    let rel = root
        .and_then(|r| path.strip_prefix(r).ok())
        .unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
    let rel = rel.with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn decode(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

fn not_utf8(path: &Path, line: Option<usize>, id: &str) -> InputProblem {
    InputProblem {
        article_id: Some(id.to_string()),
        file: path.display().to_string(),
        line,
        message: "bytes that are not UTF-8 were replaced with U+FFFD".into(),
        warning: true,
    }
}

fn read_jsonl(
    path: &Path,
    mut reader: Box<dyn BufRead + '_>,
    fields: &Fields,
    emit: &mut dyn FnMut(Item),
) {
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                emit(Item::Problem(problem(
                    path,
                    Some(line_no + 1),
                    format!("cannot read: {e}"),
                )));
                break;
            }
        }
        line_no += 1;
        let (line, lossy) = decode(std::mem::take(&mut buf));
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        match parse_json_article(trimmed, fields) {
            Ok(article) => {
                if lossy {
                    emit(Item::Problem(not_utf8(path, Some(line_no), &article.id)));
                }
                emit(Item::Article(article));
            }
            Err((id, message)) => emit(Item::Problem(InputProblem {
                article_id: id,
                ..problem(path, Some(line_no), message)
            })),
        }
    }
}

fn json_string(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn parse_json_article(line: &str, fields: &Fields) -> Result<Article, (Option<String>, String)> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| (None, format!("not valid JSON: {e}")))?;
    let obj = value
        .as_object()
        .ok_or_else(|| (None, "a line must be a JSON object".to_string()))?;
    let id = obj
        .get(&fields.id)
        .and_then(json_string)
        .ok_or_else(|| (None, format!("no `{}` field (string or number)", fields.id)))?;
    let text = match obj.get(&fields.text) {
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => {
            return Err((
                Some(id),
                format!("no `{}` field with a string", fields.text),
            ));
        }
    };
    let get = |k: &str| obj.get(k).and_then(json_string);
    Ok(Article {
        id,
        text,
        meta: Meta {
            title: get("title"),
            date: get("date"),
            source: get("source"),
            url: get("url"),
        },
    })
}

fn read_csv(
    path: &Path,
    reader: Box<dyn BufRead + '_>,
    delimiter: u8,
    columns: &Fields,
    emit: &mut dyn FnMut(Item),
) {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(reader);
    let headers = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            emit(Item::Problem(problem(
                path,
                Some(1),
                format!("cannot read the header row: {e}"),
            )));
            return;
        }
    };
    let find = |name: &str| headers.iter().position(|h| h == name.as_bytes());
    let (Some(id_col), Some(text_col)) = (find(&columns.id), find(&columns.text)) else {
        let missing: Vec<&str> = [&columns.id, &columns.text]
            .into_iter()
            .filter(|c| find(c).is_none())
            .map(String::as_str)
            .collect();
        emit(Item::Problem(problem(
            path,
            Some(1),
            format!(
                "no column named {} (see --id-column/--text-column)",
                missing.join(" or ")
            ),
        )));
        return;
    };
    let meta_cols: Vec<Option<usize>> = ["title", "date", "source", "url"]
        .iter()
        .map(|c| find(c))
        .collect();
    let mut record = csv::ByteRecord::new();
    loop {
        let line = rdr.position().line() as usize;
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                emit(Item::Problem(problem(
                    path,
                    Some(line),
                    format!("bad CSV: {e}"),
                )));
                continue;
            }
        }
        let field = |k: usize| record.get(k).map(|b| decode(b.to_vec()));
        let Some((id, _)) = field(id_col).filter(|(id, _)| !id.is_empty()) else {
            emit(Item::Problem(problem(
                path,
                Some(line),
                format!("row has no `{}`", columns.id),
            )));
            continue;
        };
        let Some((text, lossy)) = field(text_col) else {
            emit(Item::Problem(InputProblem {
                article_id: Some(id),
                ..problem(
                    path,
                    Some(line),
                    format!("row has no `{}` column", columns.text),
                )
            }));
            continue;
        };
        if lossy {
            emit(Item::Problem(not_utf8(path, Some(line), &id)));
        }
        let meta_field = |k: usize| {
            meta_cols[k]
                .and_then(field)
                .map(|(v, _)| v)
                .filter(|v| !v.is_empty())
        };
        emit(Item::Article(Article {
            id,
            text,
            meta: Meta {
                title: meta_field(0),
                date: meta_field(1),
                source: meta_field(2),
                url: meta_field(3),
            },
        }));
    }
}
