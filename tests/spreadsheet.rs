//! Output a spreadsheet can trust: formula cells neutralised, numbers left as
//! numbers, long cells cut at Excel's limit, `--bom` and `--delimiter`; and a
//! real spreadsheet, LibreOffice Calc run headless, opening the CSVs.
//!
//! The LibreOffice tests need `soffice` (Debian: libreoffice-calc-nogui, which
//! `.ci/run` installs); without it they say so on stderr and pass, except in
//! CI (`CI` set), where they fail.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use tempfile::TempDir;

/// An article whose id, metadata, speaker's actor and cue would each be a
/// formula in a spreadsheet; the names are non-ASCII.
fn hostile_article() -> String {
    let text = "\"We cannot accept the claims,\" Foreign Minister Tarō Kōno said.\n\n\
                \"It is deeply disappointing,\" Kōno told reporters.\n\n\
                South Korea said it would end the pact with Japan.";
    serde_json::json!({
        "id": "=HYPERLINK(\"http://example.com/x\",\"click\")",
        "text": text,
        "date": "-2019-08-22",
        "title": "@SUM(1+1)",
        "source": "+Yonhap",
        "url": "\thttp://example.com",
    })
    .to_string()
        + "\n"
}

/// A user actor lexicon that names Kōno's actor `=1+1`.
const FORMULA_ACTOR: &str = "tarō kōno\t=1+1\tperson\ta formula as an actor name\n";

struct Scored {
    _dir: TempDir,
    out: PathBuf,
}

fn score(extra: &[&str]) -> Scored {
    let dir = TempDir::new().expect("temp dir");
    fs::write(dir.path().join("a.jsonl"), hostile_article()).expect("write");
    fs::write(dir.path().join("actors.tsv"), FORMULA_ACTOR).expect("write");
    let out = dir.path().join("out");
    Command::cargo_bin("stance")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "score",
            "a.jsonl",
            "--out",
            "out",
            "--lexicon",
            "actors=actors.tsv",
        ])
        .args(["--meta", "date,title,source,url"])
        .args(extra)
        .assert()
        .success();
    Scored { _dir: dir, out }
}

fn read(path: &Path, delimiter: u8) -> Vec<Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_path(path)
        .expect("opens");
    rdr.records()
        .map(|r| r.expect("row").iter().map(String::from).collect())
        .collect()
}

fn column(table: &[Vec<String>], name: &str) -> Vec<String> {
    let k = table[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    table[1..].iter().map(|r| r[k].clone()).collect()
}

#[test]
fn formula_cells_get_a_leading_apostrophe_and_numbers_stay_numbers() {
    let s = score(&[]);
    let t = read(&s.out.join("statements.csv"), b',');
    assert_eq!(
        t[0],
        [
            "article_id",
            "date",
            "title",
            "source",
            "url",
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
            "truncated"
        ]
    );
    let first = &t[1];
    assert_eq!(
        first[..5],
        [
            "'=HYPERLINK(\"http://example.com/x\",\"click\")",
            "'-2019-08-22",
            "'@SUM(1+1)",
            "'+Yonhap",
            "'\thttp://example.com"
        ]
    );
    assert_eq!(
        column(&t, "speaker"),
        ["Tarō Kōno", "Tarō Kōno", "South Korea"]
    );
    assert_eq!(column(&t, "actor"), ["'=1+1", "'=1+1", "Seoul"]);
    // Scores and offsets are numbers as written, a minus sign and all.
    for name in ["sentiment", "stance"] {
        for v in column(&t, name) {
            assert!(v.parse::<f64>().is_ok(), "{name} {v:?}");
        }
    }
    assert!(
        column(&t, "sentiment").iter().any(|v| v.starts_with('-')),
        "a negative score is written without an apostrophe"
    );
    assert_eq!(column(&t, "truncated"), ["", "", ""]);
    // The other tables: ids and actors escaped, numbers not.
    let a = read(&s.out.join("actors.csv"), b',');
    assert_eq!(a[0][..2], ["article_id", "date"]);
    assert!(a[1..].iter().all(|r| r[0].starts_with("'=HYPERLINK")));
    assert!(column(&a, "actor").contains(&"'=1+1".to_string()));
    for v in column(&a, "stance").into_iter().filter(|v| !v.is_empty()) {
        assert!(v.parse::<f64>().is_ok(), "{v:?}");
    }
    let d = read(&s.out.join("dyads.csv"), b',');
    assert!(d[1..].iter().all(|r| r[0].starts_with("'=HYPERLINK")));
}

#[test]
fn no_formula_escape_writes_cells_as_they_are() {
    let s = score(&["--no-formula-escape"]);
    let t = read(&s.out.join("statements.csv"), b',');
    assert_eq!(
        t[1][..2],
        [
            "=HYPERLINK(\"http://example.com/x\",\"click\")",
            "-2019-08-22"
        ]
    );
    assert_eq!(column(&t, "actor"), ["=1+1", "=1+1", "Seoul"]);
}

#[test]
fn a_text_over_excels_cell_limit_is_cut_and_the_truncated_column_says_so() {
    let dir = TempDir::new().expect("temp dir");
    let long = "very ".repeat(8000) + "regrettable";
    let text = format!("\"{long},\" Kōno said.\n\n\"We hope for dialogue,\" Kōno said.");
    fs::write(dir.path().join("long.txt"), &text).expect("write");
    Command::cargo_bin("stance")
        .expect("binary")
        .current_dir(dir.path())
        .args(["score", "long.txt", "--out", "out"])
        .assert()
        .success();
    let t = read(&dir.path().join("out/statements.csv"), b',');
    let texts = column(&t, "text");
    assert_eq!(texts[0].chars().count(), 32_767);
    assert!(long.starts_with(&texts[0]));
    assert_eq!(texts[1], "We hope for dialogue");
    assert_eq!(column(&t, "truncated"), ["text", ""]);
    // The offsets still span the whole statement in the article.
    assert_eq!(column(&t, "start")[0], "1");
    assert_eq!(column(&t, "end")[0], (1 + long.chars().count()).to_string());
}

#[test]
fn bom_and_semicolon_delimiter() {
    let plain = score(&[]);
    let s = score(&["--bom", "--delimiter", ";"]);
    for name in ["statements.csv", "actors.csv", "dyads.csv", "errors.csv"] {
        let bytes = fs::read(s.out.join(name)).expect("written");
        assert!(bytes.starts_with(b"\xEF\xBB\xBFarticle_id;"), "{name}");
        let without = &bytes[3..];
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(b';')
            .from_reader(without);
        let rows: Vec<Vec<String>> = rdr
            .records()
            .map(|r| r.expect("row").iter().map(String::from).collect())
            .collect();
        assert_eq!(rows, read(&plain.out.join(name), b','), "{name}");
    }
    // A cell holding the delimiter is quoted.
    let text = fs::read_to_string(s.out.join("statements.csv")).expect("written");
    let plain_rows = read(&plain.out.join("statements.csv"), b',');
    let evidence = column(&plain_rows, "evidence")
        .into_iter()
        .find(|e| e.contains(';'))
        .expect("an evidence cell with a ';'");
    assert!(text.contains(&format!(";\"{evidence}\";")), "{text}");
}

#[test]
fn a_delimiter_that_is_not_one_ascii_punctuation_mark_is_a_usage_error() {
    for bad in ["ab", "x", "\"", "é", ""] {
        let out = TempDir::new().expect("temp dir");
        Command::cargo_bin("stance")
            .expect("binary")
            .args(["score", "tests/fixtures/gsomia.txt", "--delimiter", bad, "--out"])
            .arg(out.path().join("out"))
            .assert()
            .code(2)
            .stderr(format!(
                "stance: --delimiter takes one ASCII punctuation character such as ';' or `tab`, not {bad:?}\n"
            ));
    }
}

/// One cell of a sheet LibreOffice wrote: its type, its text, and whether
/// it holds a formula.
#[derive(Debug, Clone)]
struct SheetCell {
    value_type: Option<String>,
    text: String,
    formula: Option<String>,
}

/// The first sheet of a flat ODF spreadsheet (.fods), as rows of cells.
fn read_fods(path: &Path) -> Vec<Vec<SheetCell>> {
    let xml = fs::read_to_string(path).expect("fods written");
    let doc = roxmltree::Document::parse(&xml).expect("fods is XML");
    const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    let table = doc
        .descendants()
        .find(|n| n.has_tag_name((TABLE, "table")))
        .expect("a sheet");
    let mut rows = Vec::new();
    for row in table
        .descendants()
        .filter(|n| n.has_tag_name((TABLE, "table-row")))
    {
        let mut cells = Vec::new();
        for cell in row
            .children()
            .filter(|n| n.has_tag_name((TABLE, "table-cell")))
        {
            let repeat: usize = cell
                .attribute((TABLE, "number-columns-repeated"))
                .and_then(|r| r.parse().ok())
                .unwrap_or(1);
            let text: Vec<String> = cell
                .children()
                .filter(|n| n.has_tag_name((TEXT, "p")))
                .map(|p| {
                    p.descendants()
                        .map(|n| {
                            if n.is_text() {
                                n.text().unwrap_or("").to_string()
                            } else if n.has_tag_name((TEXT, "s")) {
                                " ".repeat(
                                    n.attribute((TEXT, "c"))
                                        .and_then(|c| c.parse().ok())
                                        .unwrap_or(1),
                                )
                            } else if n.has_tag_name((TEXT, "tab")) {
                                "\t".to_string()
                            } else {
                                String::new()
                            }
                        })
                        .collect()
                })
                .collect();
            let c = SheetCell {
                value_type: cell.attribute((OFFICE, "value-type")).map(String::from),
                text: text.join("\n"),
                formula: cell.attribute((TABLE, "formula")).map(String::from),
            };
            // Trailing empty cells repeat up to the sheet's last column.
            for _ in 0..repeat.min(64) {
                cells.push(c.clone());
            }
        }
        rows.push(cells);
    }
    rows
}

/// Converts `csv` to a flat ODF spreadsheet with LibreOffice, importing it
/// as UTF-8 with `delimiter` and evaluating formulas (so that a cell starting
/// with `=` would become one). `None` when soffice is not installed.
fn libreoffice(csv: &Path, delimiter: u8) -> Option<PathBuf> {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|bin| {
        Process::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })?;
    let work = csv.parent().expect("folder").join("lo");
    fs::create_dir_all(&work).expect("mkdir");
    // A profile of its own, so that tests running at once do not share one.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        work.join("profile").display()
    );
    // Tokens: separator, text delimiter ("), UTF-8 (76), first line 1.
    let filter = format!("CSV:{delimiter},34,76,1");
    let output = Process::new(soffice)
        .arg(profile)
        .args(["--headless", "--norestore"])
        .arg(format!("--infilter={filter}"))
        .args(["--convert-to", "fods", "--outdir"])
        .arg(&work)
        .arg(csv)
        .output()
        .expect("soffice runs");
    let stem = csv
        .file_stem()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let fods = work.join(format!("{stem}.fods"));
    assert!(
        fods.exists(),
        "soffice did not convert {}: {}",
        csv.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(fods)
}

fn skip_without_libreoffice() {
    // .ci/run installs LibreOffice: in CI a missing soffice is a failure.
    assert!(
        std::env::var_os("CI").is_none(),
        "soffice is not installed, and CI must run the LibreOffice test (see .ci/run)"
    );
    eprintln!(
        "skipped: LibreOffice (soffice) is not installed; `apt-get install libreoffice-calc-nogui` (as .ci/run does) to run this test"
    );
}

#[test]
fn libreoffice_reads_numbers_as_numbers_names_intact_and_no_formula() {
    let s = score(&[]);
    let Some(sheet) = libreoffice(&s.out.join("statements.csv"), b',') else {
        return skip_without_libreoffice();
    };
    let rows = read_fods(&sheet);
    let header: Vec<&str> = rows[0].iter().map(|c| c.text.as_str()).collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect("column");
    let data: Vec<&Vec<SheetCell>> = rows[1..]
        .iter()
        .filter(|r| r.iter().any(|c| !c.text.is_empty()))
        .collect();
    assert_eq!(data.len(), 3);
    for row in &rows {
        for cell in row {
            assert_eq!(cell.formula, None, "a cell became a formula: {cell:?}");
        }
    }
    for row in &data {
        for name in ["statement", "sentiment", "stance", "start", "end"] {
            assert_eq!(
                row[col(name)].value_type.as_deref(),
                Some("float"),
                "{name}: {:?}",
                row[col(name)]
            );
        }
        assert_eq!(row[col("article_id")].value_type.as_deref(), Some("string"));
        assert_eq!(
            row[col("article_id")].text,
            "'=HYPERLINK(\"http://example.com/x\",\"click\")"
        );
    }
    let speakers: Vec<&str> = data
        .iter()
        .map(|r| r[col("speaker")].text.as_str())
        .collect();
    assert_eq!(speakers, ["Tarō Kōno", "Tarō Kōno", "South Korea"]);
    let actors: Vec<&str> = data.iter().map(|r| r[col("actor")].text.as_str()).collect();
    assert_eq!(actors, ["'=1+1", "'=1+1", "Seoul"]);
    let dates: Vec<&str> = data.iter().map(|r| r[col("date")].text.as_str()).collect();
    assert_eq!(dates, ["'-2019-08-22"; 3]);

    // The other tables open the same way.
    for name in ["actors.csv", "dyads.csv"] {
        let sheet = libreoffice(&s.out.join(name), b',').expect("soffice");
        let rows = read_fods(&sheet);
        assert!(rows.len() > 1, "{name}");
        assert!(rows.iter().flatten().all(|c| c.formula.is_none()), "{name}");
        let header: Vec<&str> = rows[0].iter().map(|c| c.text.as_str()).collect();
        let stance = header.iter().position(|h| *h == "stance").expect("stance");
        for row in rows[1..].iter().filter(|r| !r[stance].text.is_empty()) {
            assert_eq!(row[stance].value_type.as_deref(), Some("float"), "{name}");
        }
    }
}

/// The control: without escaping, the same CSV gives LibreOffice formulas, so
/// the test above would see one.
#[test]
fn libreoffice_turns_unescaped_cells_into_formulas() {
    let s = score(&["--no-formula-escape"]);
    let Some(sheet) = libreoffice(&s.out.join("statements.csv"), b',') else {
        return skip_without_libreoffice();
    };
    let rows = read_fods(&sheet);
    let formulas: Vec<String> = rows
        .iter()
        .flatten()
        .filter_map(|c| c.formula.clone())
        .collect();
    assert!(formulas.contains(&"of:=1+1".to_string()), "{formulas:?}");
}

#[test]
fn libreoffice_reads_a_bom_and_semicolons() {
    let s = score(&["--bom", "--delimiter", ";"]);
    let Some(sheet) = libreoffice(&s.out.join("statements.csv"), b';') else {
        return skip_without_libreoffice();
    };
    let rows = read_fods(&sheet);
    assert_eq!(rows[0][0].text, "article_id");
    assert_eq!(rows[0][1].text, "date");
    let header: Vec<&str> = rows[0].iter().map(|c| c.text.as_str()).collect();
    let speaker = header
        .iter()
        .position(|h| *h == "speaker")
        .expect("speaker");
    let sentiment = header
        .iter()
        .position(|h| *h == "sentiment")
        .expect("sentiment");
    assert_eq!(rows[1][speaker].text, "Tarō Kōno");
    assert_eq!(rows[1][sentiment].value_type.as_deref(), Some("float"));
    assert!(rows.iter().flatten().all(|c| c.formula.is_none()));
}
