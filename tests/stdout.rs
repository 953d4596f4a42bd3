//! `stance score --stdout TABLE [--no-header]`: one table on standard output,
//! byte for byte the table `--out` writes (minus its header row with
//! `--no-header`); `--out` with `--stdout` is a usage error; a closed standard
//! output ends the run quietly.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use tempfile::TempDir;

fn stance() -> Command {
    Command::cargo_bin("stance").expect("the stance binary is built")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const TABLES: [&str; 3] = ["statements", "actors", "dyads"];

/// The three tables as `--out` writes them for `args`.
fn folder_tables(args: &[&str]) -> Vec<Vec<u8>> {
    let dir = TempDir::new().expect("a temporary folder");
    stance()
        .arg("score")
        .args(args)
        .arg("--out")
        .arg(dir.path())
        .arg("-q")
        .assert()
        .success();
    TABLES
        .iter()
        .map(|t| fs::read(dir.path().join(format!("{t}.csv"))).expect("the table is written"))
        .collect()
}

/// The table on standard output for `args`, with or without its header.
fn stdout_table(args: &[&str], table: &str, header: bool) -> Vec<u8> {
    let mut cmd = stance();
    cmd.arg("score").args(args).args(["--stdout", table]);
    if !header {
        cmd.arg("--no-header");
    }
    cmd.assert().success().get_output().stdout.clone()
}

/// The bytes after the first line (the header row; no field of a header has a
/// line break).
fn without_header(table: &[u8]) -> &[u8] {
    match table.iter().position(|&b| b == b'\n') {
        Some(at) => &table[at + 1..],
        None => &[],
    }
}

fn check_same(args: &[&str]) {
    let files = folder_tables(args);
    for (table, file) in TABLES.iter().zip(&files) {
        let headless = stdout_table(args, table, false);
        assert_eq!(
            headless,
            without_header(file),
            "{table} on stdout (--no-header) differs from {table}.csv minus its header, for {args:?}"
        );
        let whole = stdout_table(args, table, true);
        assert_eq!(
            &whole, file,
            "{table} on stdout differs from {table}.csv, for {args:?}"
        );
    }
    assert!(
        files[0].len() > without_header(&files[0]).len() && !without_header(&files[0]).is_empty(),
        "the fixture has statements"
    );
}

#[test]
fn gsomia_stdout_equals_the_file_tables() {
    let gsomia = root().join("tests/fixtures/gsomia.txt");
    check_same(&[gsomia.to_str().expect("a UTF-8 path")]);
}

#[test]
fn wikinews_stdout_equals_the_file_tables() {
    let wikinews = root().join("examples/wikinews.jsonl");
    check_same(&[
        wikinews.to_str().expect("a UTF-8 path"),
        "--meta",
        "date,title",
    ]);
}

#[test]
fn jsonl_on_stdin_to_stdout_equals_the_file_tables() {
    let wikinews = root().join("examples/wikinews.jsonl");
    let files = folder_tables(&[wikinews.to_str().expect("a UTF-8 path")]);
    let input = fs::read(&wikinews).expect("the examples are there");
    for (table, file) in TABLES.iter().zip(&files) {
        let out = stance()
            .args([
                "score",
                "-",
                "--format",
                "jsonl",
                "--stdout",
                table,
                "--no-header",
            ])
            .write_stdin(input.clone())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(out, without_header(file), "{table} from stdin");
    }
}

#[test]
fn out_and_stdout_together_is_a_usage_error() {
    let dir = TempDir::new().expect("a temporary folder");
    stance()
        .args(["score", "-", "--stdout", "statements", "--out"])
        .arg(dir.path())
        .write_stdin("")
        .assert()
        .code(2);
    assert!(
        !dir.path().join("statements.csv").exists(),
        "nothing is written on a usage error"
    );
}

#[test]
fn neither_out_nor_stdout_is_a_usage_error() {
    stance()
        .args(["score", "-"])
        .write_stdin("")
        .assert()
        .code(2);
}

#[test]
fn no_header_without_stdout_is_a_usage_error() {
    let dir = TempDir::new().expect("a temporary folder");
    stance()
        .args(["score", "-", "--no-header", "--out"])
        .arg(dir.path())
        .write_stdin("")
        .assert()
        .code(2);
}

#[test]
fn bad_lines_go_to_stderr_not_into_the_table() {
    let good = fs::read_to_string(root().join("examples/wikinews.jsonl")).expect("examples");
    let first = good.lines().next().expect("one article");
    let input = format!("{first}\nnot json\n");
    let assert = stance()
        .args(["score", "-", "--stdout", "actors", "--no-header"])
        .write_stdin(input)
        .assert()
        .code(1);
    let output = assert.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("not json"), "{stdout}");
    assert!(!stdout.is_empty(), "the good article is scored");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("stance:"),
        "the bad line is reported on stderr"
    );
}

/// `stance score … --stdout statements | head -c 1`: the reader goes away and
/// stance exits 0 without a message.
#[test]
fn closed_stdout_exits_zero_quietly() {
    let bin = Path::new(env!("CARGO_BIN_EXE_stance"));
    let wikinews = fs::read(root().join("examples/wikinews.jsonl")).expect("examples");
    // Enough rows to overflow any pipe buffer.
    let mut input = Vec::new();
    for copy in 0..200 {
        for line in wikinews.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let line = String::from_utf8_lossy(line).replacen(
                "{\"id\": \"",
                &format!("{{\"id\": \"c{copy}-"),
                1,
            );
            input.extend_from_slice(line.as_bytes());
            input.push(b'\n');
        }
    }
    let mut child = StdCommand::new(bin)
        .args(["score", "-", "--stdout", "statements", "-j", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("stance starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        // stance may stop reading once its stdout is gone.
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let output = child.wait_with_output().expect("stance ends");
    let _ = feeder.join();
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "no message: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
