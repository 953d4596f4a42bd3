//! Input: articles from files, folders (walked recursively, sorted by path),
//! JSON Lines, CSV/TSV and standard input, as a stream of articles and of
//! problems that name the file and line or the article. A bad line or file is
//! reported and skipped; the rest is read.
//!
//! What the reader does with awkward input (the README's "Bad input and
//! spreadsheets" says the same for users):
//! - bytes that are not UTF-8 are replaced with U+FFFD, with a warning naming
//!   the article; the article is scored;
//! - a UTF-8 byte-order mark at the start of a file (or of a JSON line) is an
//!   encoding signature, not text: it is dropped, so offsets count from the
//!   first character after it (Python: `open(path, encoding="utf-8-sig")`);
//! - line ends `\n`, `\r\n` and a lone `\r` all end a JSON line; article text
//!   keeps its line ends as written;
//! - a file whose first 8 KiB hold a NUL byte or the signature of a binary
//!   format (gzip, zip, PNG, JPEG, PDF, UTF-16) is not read, with one error;
//! - an article with an empty (or all white space) text is not scored;
//! - a folder entry that cannot be read (a broken link, a link loop) is
//!   reported; a link back to a folder already walked is not walked again.

use std::fs;
use std::io::{self, BufRead, BufReader, Cursor, Read};
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

impl InputProblem {
    fn warning(self) -> InputProblem {
        InputProblem {
            warning: true,
            ..self
        }
    }

    fn article(self, id: &str) -> InputProblem {
        InputProblem {
            article_id: Some(id.to_string()),
            ..self
        }
    }
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

/// Where an article was read: the file (`-` for standard input) and, for JSON
/// Lines and CSV, the line its record starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// One item of the input stream.
#[derive(Debug, Clone)]
pub enum Item {
    Article(Article),
    Problem(InputProblem),
}

/// What the readers call for each item: an article comes with where it was read.
type Emit<'e> = dyn FnMut(Item, Option<Origin>) + 'e;

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
/// and sorted by path, keeping files with a known extension (all files when a
/// format is given). A path that does not exist or cannot be read is a
/// problem; a folder with nothing to read, or files skipped for their
/// extension, is a warning. Problems come in order with the sources.
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
                let mut walk = Walk::default();
                walk.dir(input);
                walk.files.sort();
                let (kept, skipped): (Vec<PathBuf>, Vec<PathBuf>) = walk
                    .files
                    .into_iter()
                    .partition(|path| format.is_some() || Format::from_path(path).is_some());
                out.extend(walk.problems.into_iter().map(Err));
                if let Some(first) = skipped.first() {
                    out.push(Err(problem(
                        input,
                        None,
                        format!(
                            "skipped {} file(s) that are not .txt, .jsonl, .csv or .tsv, the first {} (pass --format to read them)",
                            skipped.len(),
                            first.display()
                        ),
                    )
                    .warning()));
                } else if kept.is_empty() && !walk.any_problem {
                    out.push(Err(problem(
                        input,
                        None,
                        "no .txt, .jsonl, .csv or .tsv files in this folder".into(),
                    )
                    .warning()));
                }
                out.extend(kept.into_iter().map(|path| {
                    Ok(Source::File {
                        path,
                        root: Some(input.clone()),
                    })
                }));
            }
            Ok(_) => out.push(Ok(Source::File {
                path: input.clone(),
                root: None,
            })),
            Err(e) => out.push(Err(problem(input, None, cannot_read(&e)))),
        }
    }
    out
}

/// A folder walk: files found, and problems with entries that could not be read.
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    problems: Vec<InputProblem>,
    any_problem: bool,
    /// Canonical paths of the folders walked: a symbolic link back to one of
    /// them (a loop, or a second link to the same folder) is not walked again.
    visited: Vec<PathBuf>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) {
        match fs::canonicalize(dir) {
            Ok(real) if self.visited.contains(&real) => {
                self.problems.push(
                    problem(
                        dir,
                        None,
                        format!(
                            "links to folder {}, already read; not read again",
                            real.display()
                        ),
                    )
                    .warning(),
                );
                return;
            }
            Ok(real) => self.visited.push(real),
            Err(e) => {
                self.fail(problem(dir, None, cannot_read(&e)));
                return;
            }
        }
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.fail(problem(dir, None, format!("cannot read folder: {e}")));
                return;
            }
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(e) => self.fail(problem(dir, None, format!("cannot read folder: {e}"))),
            }
        }
        paths.sort();
        for path in paths {
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.dir(&path),
                Ok(_) => self.files.push(path),
                Err(e) => self.fail(problem(&path, None, cannot_read(&e))),
            }
        }
    }

    fn fail(&mut self, p: InputProblem) {
        self.any_problem = true;
        self.problems.push(p);
    }
}

fn cannot_read(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        _ => format!("cannot read: {e}"),
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
    read_source_with_origins(source, options, &mut |item, _| emit(item));
}

/// Reads `sources` in order on a thread of its own, up to `bound` items ahead
/// of the caller, so that parsing the next articles overlaps with scoring
/// these. Yields what [`read_source_with_origins`] emits, in the same order;
/// a source that could not be listed comes as its problem, in its place. When
/// the [`ReadAhead`] is dropped the thread stops at the end of the file it is in.
pub fn read_ahead(
    sources: Vec<Result<Source, InputProblem>>,
    options: InputOptions,
    bound: usize,
) -> io::Result<ReadAhead> {
    let (tx, rx) = std::sync::mpsc::sync_channel(bound.max(1));
    std::thread::Builder::new()
        .name("stance-read".into())
        .spawn(move || {
            for source in sources {
                let source = match source {
                    Ok(s) => s,
                    Err(problem) => {
                        if tx.send(Some((Item::Problem(problem), None))).is_err() {
                            return;
                        }
                        continue;
                    }
                };
                let mut gone = false;
                read_source_with_origins(&source, &options, &mut |item, origin| {
                    gone = gone || tx.send(Some((item, origin))).is_err();
                });
                if gone {
                    return;
                }
            }
            // The end of the input, as opposed to a thread that ended early.
            let _ = tx.send(None);
        })?;
    Ok(ReadAhead {
        rx,
        complete: false,
    })
}

/// The items [`read_ahead`] reads, in input order.
pub struct ReadAhead {
    rx: std::sync::mpsc::Receiver<Option<(Item, Option<Origin>)>>,
    complete: bool,
}

impl ReadAhead {
    /// Whether every input was read (false if the reading thread ended early).
    pub fn complete(&self) -> bool {
        self.complete
    }
}

impl Iterator for ReadAhead {
    type Item = (Item, Option<Origin>);

    fn next(&mut self) -> Option<Self::Item> {
        match self.rx.recv() {
            Ok(Some(item)) => Some(item),
            Ok(None) => {
                self.complete = true;
                None
            }
            Err(_) => None,
        }
    }
}

/// As [`read_source`], with the file and line each article was read from.
pub fn read_source_with_origins(
    source: &Source,
    options: &InputOptions,
    emit: &mut dyn FnMut(Item, Option<Origin>),
) {
    match source {
        Source::Stdin => {
            let format = options.format.unwrap_or(Format::Jsonl);
            let stdin = io::stdin();
            let lock = stdin.lock();
            read_stream(Path::new("-"), None, format, lock, options, emit);
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
                    )), None);
                    return;
                }
            };
            match fs::File::open(path) {
                Ok(file) => read_stream(path, root.as_deref(), format, file, options, emit),
                Err(e) => emit(Item::Problem(problem(path, None, cannot_read(&e))), None),
            }
        }
    }
}

/// How many bytes at the start of a file are looked at to tell text from binary.
const SNIFF_BYTES: usize = 8 << 10;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a file that is not text looks like, from its first bytes.
fn binary_kind(head: &[u8]) -> Option<String> {
    let signatures: [(&[u8], &str); 7] = [
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"PK\x03\x04", "a zip archive (.zip, .xlsx, .docx ...)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"%PDF-", "a PDF document"),
        (
            b"\xFF\xFE",
            "UTF-16 text (convert it to UTF-8, e.g. with iconv)",
        ),
        (
            b"\xFE\xFF",
            "UTF-16 text (convert it to UTF-8, e.g. with iconv)",
        ),
    ];
    if let Some((_, kind)) = signatures.iter().find(|(sig, _)| head.starts_with(sig)) {
        return Some(kind.to_string());
    }
    head.iter()
        .position(|&b| b == 0)
        .map(|at| format!("binary data (a NUL byte at byte {at})"))
}

fn read_stream(
    path: &Path,
    root: Option<&Path>,
    format: Format,
    mut reader: impl Read,
    options: &InputOptions,
    emit: &mut Emit,
) {
    let txt_article = (format == Format::Txt).then(|| txt_id(path, root));
    let file_problem = |message: String| {
        let p = problem(path, None, message);
        match &txt_article {
            Some(id) => p.article(id),
            None => p,
        }
    };
    // The first bytes tell text from binary; a BOM before them is dropped.
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    if let Err(e) = (&mut reader)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
    {
        emit(
            Item::Problem(file_problem(format!("cannot read: {e}"))),
            None,
        );
        return;
    }
    if let Some(kind) = binary_kind(&head) {
        emit(
            Item::Problem(file_problem(format!("not a text file: {kind}; skipped"))),
            None,
        );
        return;
    }
    if head.starts_with(BOM) {
        head.drain(..BOM.len());
    }
    let mut reader = BufReader::with_capacity(1 << 16, Cursor::new(head).chain(reader));
    let origin = Origin {
        file: path.display().to_string(),
        line: None,
    };
    let mut count = 0usize;
    let mut failed = false;
    let mut counted = |item: Item, origin: Option<Origin>| {
        match &item {
            Item::Article(..) => count += 1,
            Item::Problem(p) if !p.warning => failed = true,
            Item::Problem(_) => {}
        }
        emit(item, origin);
    };
    match format {
        Format::Txt => {
            let id = txt_id(path, root);
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                counted(
                    Item::Problem(problem(path, None, format!("cannot read: {e}")).article(&id)),
                    None,
                );
                return;
            }
            let (text, lossy) = decode(bytes);
            if let Some(p) = check_text(&text, lossy, path, None, &id) {
                let lost = !p.warning;
                counted(Item::Problem(p), None);
                if lost {
                    return;
                }
            }
            counted(
                Item::Article(Article {
                    id,
                    text,
                    meta: Meta::default(),
                }),
                Some(origin),
            );
            return;
        }
        Format::Jsonl => read_jsonl(path, reader, &options.json_fields, &mut counted),
        Format::Csv { delimiter } => {
            read_csv(path, reader, delimiter, &options.csv_columns, &mut counted)
        }
    }
    if count == 0 && !failed {
        emit(
            Item::Problem(problem(path, None, "no articles in this file".into()).warning()),
            None,
        );
    }
}

/// The problem with an article's text, if any: empty (the article is not
/// scored) or with bytes that were not UTF-8 (a warning; it is scored).
fn check_text(
    text: &str,
    lossy: bool,
    path: &Path,
    line: Option<usize>,
    id: &str,
) -> Option<InputProblem> {
    if text.trim().is_empty() {
        Some(problem(path, line, "empty text; not scored".into()).article(id))
    } else if lossy {
        Some(
            problem(
                path,
                line,
                "bytes that are not UTF-8 were replaced with U+FFFD".into(),
            )
            .article(id)
            .warning(),
        )
    } else {
        None
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

fn read_jsonl(path: &Path, mut reader: impl BufRead, fields: &Fields, emit: &mut Emit) {
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                emit(
                    Item::Problem(problem(
                        path,
                        Some(line_no + 1),
                        format!("cannot read: {e}"),
                    )),
                    None,
                );
                break;
            }
        }
        // `\n`, `\r\n` and a lone `\r` each end a line: JSON holds no raw CR
        // inside a string, so a CR is never part of a value.
        let chunk = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let chunk = chunk.strip_suffix(b"\r").unwrap_or(chunk);
        for piece in chunk.split(|&b| b == b'\r') {
            line_no += 1;
            let piece = piece.strip_prefix(BOM).unwrap_or(piece);
            if piece.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            jsonl_line(path, line_no, piece, fields, emit);
        }
    }
}

fn jsonl_line(path: &Path, line: usize, bytes: &[u8], fields: &Fields, emit: &mut Emit) {
    let (text, lossy) = match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    };
    match parse_json_article(text.trim(), fields) {
        Ok(article) => {
            if let Some(p) = check_text(&article.text, lossy, path, Some(line), &article.id) {
                let lost = !p.warning;
                emit(Item::Problem(p), None);
                if lost {
                    return;
                }
            }
            emit(
                Item::Article(article),
                Some(Origin {
                    file: path.display().to_string(),
                    line: Some(line),
                }),
            );
        }
        Err((id, message)) => emit(
            Item::Problem(InputProblem {
                article_id: id,
                ..problem(path, Some(line), message)
            }),
            None,
        ),
    }
}

fn json_string(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// serde_json's message without its "at line 1 column N" (the line is ours).
fn json_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    format!("not valid JSON at column {}: {message}", e.column())
}

/// An article from one JSON line; on failure the id (when known) and why.
/// A number is accepted as an id (`{"id": 42}` is article `42`).
///
/// Only the fields the article uses are kept (each value is still parsed as a
/// `serde_json::Value`, so what is valid is unchanged), and the text is moved,
/// not copied. A line that this does not read as an object is parsed again as
/// a whole JSON value, which gives the error message.
fn parse_json_article(line: &str, fields: &Fields) -> Result<Article, (Option<String>, String)> {
    let mut de = serde_json::Deserializer::from_str(line);
    let picked = serde::Deserializer::deserialize_map(&mut de, PickVisitor { fields })
        .and_then(|p| de.end().map(|()| p));
    if let Ok(picked) = picked {
        return article_from(picked, fields);
    }
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| (None, json_error(&e)))?;
    let obj = value.as_object().ok_or_else(|| {
        (
            None,
            format!("a line must be a JSON object, not {}", json_kind(&value)),
        )
    })?;
    let get = |k: &str| obj.get(k).cloned();
    article_from(
        Picked {
            id: get(&fields.id),
            text: get(&fields.text),
            title: get("title"),
            date: get("date"),
            source: get("source"),
            url: get("url"),
        },
        fields,
    )
}

/// The values of the fields an article is made of, as the line gave them.
#[derive(Default)]
struct Picked {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    source: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
}

fn article_from(p: Picked, fields: &Fields) -> Result<Article, (Option<String>, String)> {
    let id = match &p.id {
        None => return Err((None, format!("no `{}` field", fields.id))),
        Some(v) => json_string(v).ok_or_else(|| {
            (
                None,
                format!(
                    "`{}` must be a string or a number, not {}",
                    fields.id,
                    json_kind(v)
                ),
            )
        })?,
    };
    if id.is_empty() {
        return Err((None, format!("empty `{}`", fields.id)));
    }
    let text = match p.text {
        Some(serde_json::Value::String(s)) => s,
        None => return Err((Some(id), format!("no `{}` field", fields.text))),
        Some(v) => {
            return Err((
                Some(id),
                format!("`{}` must be a string, not {}", fields.text, json_kind(&v)),
            ));
        }
    };
    let get = |v: &Option<serde_json::Value>| v.as_ref().and_then(json_string);
    Ok(Article {
        id,
        text,
        meta: Meta {
            title: get(&p.title),
            date: get(&p.date),
            source: get(&p.source),
            url: get(&p.url),
        },
    })
}

/// Reads a JSON object into [`Picked`]: a later duplicate key wins, as in a
/// parsed `serde_json::Value`; other keys' values are parsed and dropped.
struct PickVisitor<'f> {
    fields: &'f Fields,
}

/// Which of [`Picked`]'s slots a key fills (a key may fill several: `--id-field title`).
struct KeySlots<'f> {
    fields: &'f Fields,
}

const ID: u8 = 1;
const TEXT: u8 = 2;
const TITLE: u8 = 4;
const DATE: u8 = 8;
const SOURCE: u8 = 16;
const URL: u8 = 32;

impl KeySlots<'_> {
    fn of(&self, key: &str) -> u8 {
        let mut slots = 0;
        if key == self.fields.id {
            slots |= ID;
        }
        if key == self.fields.text {
            slots |= TEXT;
        }
        slots |= match key {
            "title" => TITLE,
            "date" => DATE,
            "source" => SOURCE,
            "url" => URL,
            _ => 0,
        };
        slots
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for KeySlots<'_> {
    type Value = u8;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<u8, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeySlots<'_> {
    type Value = u8;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<u8, E> {
        Ok(self.of(key))
    }
}

impl<'de> serde::de::Visitor<'de> for PickVisitor<'_> {
    type Value = Picked;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Picked, A::Error> {
        let mut p = Picked::default();
        while let Some(slots) = map.next_key_seed(KeySlots {
            fields: self.fields,
        })? {
            // Parsed even when unused: a value serde_json rejects (a number
            // out of range, nesting too deep) makes the line invalid as before.
            let value: serde_json::Value = map.next_value()?;
            for (bit, slot) in [
                (ID, &mut p.id),
                (TITLE, &mut p.title),
                (DATE, &mut p.date),
                (SOURCE, &mut p.source),
                (URL, &mut p.url),
            ] {
                if slots & bit != 0 {
                    *slot = Some(value.clone());
                }
            }
            if slots & TEXT != 0 {
                p.text = Some(value);
            }
        }
        Ok(p)
    }
}

fn read_csv(path: &Path, reader: impl BufRead, delimiter: u8, columns: &Fields, emit: &mut Emit) {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(reader);
    let headers = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            emit(
                Item::Problem(problem(
                    path,
                    Some(1),
                    format!("cannot read the header row: {e}"),
                )),
                None,
            );
            return;
        }
    };
    if headers
        .iter()
        .all(|h| h.iter().all(u8::is_ascii_whitespace))
        && headers.len() <= 1
    {
        // An empty file: no articles (a warning follows).
        return;
    }
    let find = |name: &str| headers.iter().position(|h| h == name.as_bytes());
    let (Some(id_col), Some(text_col)) = (find(&columns.id), find(&columns.text)) else {
        let missing: Vec<String> = [&columns.id, &columns.text]
            .into_iter()
            .filter(|c| find(c).is_none())
            .map(|c| format!("`{c}`"))
            .collect();
        emit(
            Item::Problem(problem(
                path,
                Some(1),
                format!(
                    "no column named {} (see --id-column/--text-column)",
                    missing.join(" or ")
                ),
            )),
            None,
        );
        return;
    };
    let meta_cols: Vec<Option<usize>> = ["title", "date", "source", "url"]
        .iter()
        .map(|c| find(c))
        .collect();
    let mut record = csv::ByteRecord::new();
    loop {
        let before = rdr.position().line() as usize;
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let io = matches!(e.kind(), csv::ErrorKind::Io(_));
                emit(
                    Item::Problem(problem(path, Some(before), format!("bad CSV: {e}"))),
                    None,
                );
                if io {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map_or(before, |p| p.line() as usize);
        let field = |k: usize| record.get(k).map(|b| decode(b.to_vec()));
        let id = field(id_col).map(|(id, _)| id).filter(|id| !id.is_empty());
        if record.len() != headers.len() {
            emit(
                Item::Problem(InputProblem {
                    article_id: id,
                    ..problem(
                        path,
                        Some(line),
                        format!(
                            "row has {} fields, the header {}; not scored",
                            record.len(),
                            headers.len()
                        ),
                    )
                }),
                None,
            );
            continue;
        }
        let Some(id) = id else {
            emit(
                Item::Problem(problem(path, Some(line), format!("empty `{}`", columns.id))),
                None,
            );
            continue;
        };
        let Some((text, lossy)) = field(text_col) else {
            continue; // every row has every column, checked above
        };
        if let Some(p) = check_text(&text, lossy, path, Some(line), &id) {
            let lost = !p.warning;
            emit(Item::Problem(p), None);
            if lost {
                continue;
            }
        }
        let meta_field = |k: usize| {
            meta_cols[k]
                .and_then(field)
                .map(|(v, _)| v)
                .filter(|v| !v.is_empty())
        };
        emit(
            Item::Article(Article {
                id,
                text,
                meta: Meta {
                    title: meta_field(0),
                    date: meta_field(1),
                    source: meta_field(2),
                    url: meta_field(3),
                },
            }),
            Some(Origin {
                file: path.display().to_string(),
                line: Some(line),
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(bytes: &[u8], format: Format) -> Vec<String> {
        let mut out = Vec::new();
        read_stream(
            Path::new("in"),
            None,
            format,
            Cursor::new(bytes.to_vec()),
            &InputOptions::default(),
            &mut |item, origin| {
                out.push(match (item, origin) {
                    (Item::Article(a), Some(o)) => format!("{o}: {} = {:?}", a.id, a.text),
                    (Item::Article(a), None) => format!("?: {}", a.id),
                    (Item::Problem(p), _) => p.to_string(),
                })
            },
        );
        out
    }

    #[test]
    fn json_lines_end_at_lf_crlf_and_a_lone_cr() {
        let input = b"{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}\r{\"id\":\"c\",\"text\":\"z\"}\n";
        assert_eq!(
            items(input, Format::Jsonl),
            ["in:1: a = \"x\"", "in:2: b = \"y\"", "in:3: c = \"z\""]
        );
    }

    #[test]
    fn a_bom_is_dropped_from_the_start_of_a_file_and_of_a_json_line() {
        assert_eq!(
            items(b"\xEF\xBB\xBFKono said so.", Format::Txt),
            ["in: in = \"Kono said so.\""]
        );
        assert_eq!(
            items(
                b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\n\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"y\"}\n",
                Format::Jsonl
            ),
            ["in:1: a = \"x\"", "in:2: b = \"y\""]
        );
        assert_eq!(
            items(
                b"\xEF\xBB\xBFid,text\nk,hello\n",
                Format::Csv { delimiter: b',' }
            ),
            ["in:2: k = \"hello\""]
        );
    }

    #[test]
    fn binary_data_is_one_error_for_the_file() {
        assert_eq!(
            items(b"\x1F\x8B\x08\x00rest", Format::Jsonl),
            ["in: not a text file: gzip-compressed data; skipped"]
        );
        assert_eq!(
            items(b"abc\x00def", Format::Txt),
            ["in: article in: not a text file: binary data (a NUL byte at byte 3); skipped"]
        );
    }

    #[test]
    fn json_ids_may_be_numbers_but_not_other_values() {
        assert_eq!(
            items(
                b"{\"id\":42,\"text\":\"x\"}\n{\"id\":true,\"text\":\"x\"}\n{\"id\":\"c\",\"text\":7}\n[1]\n",
                Format::Jsonl
            ),
            [
                "in:1: 42 = \"x\"",
                "in:2: `id` must be a string or a number, not a boolean",
                "in:3: article c: `text` must be a string, not a number",
                "in:4: a line must be a JSON object, not an array",
            ]
        );
    }

    #[test]
    fn an_empty_file_has_no_articles_and_an_empty_text_is_not_scored() {
        assert_eq!(items(b"", Format::Jsonl), ["in: no articles in this file"]);
        assert_eq!(
            items(b"", Format::Csv { delimiter: b',' }),
            ["in: no articles in this file"]
        );
        assert_eq!(
            items(b" \n\t", Format::Txt),
            ["in: article in: empty text; not scored"]
        );
    }
}
