//! Runs the real `stance` binary on the seed article and on Wikinews articles,
//! in temporary folders, and checks what a user would see.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

const SEED: &str = "tests/fixtures/gsomia.txt";
const WIKINEWS: &str = "examples/wikinews.jsonl";

fn stance() -> Command {
    Command::cargo_bin("stance").expect("the stance binary is built")
}

/// A CSV file as a header and rows of strings.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(path: &Path) -> Table {
        let mut rdr = csv::Reader::from_path(path).expect("output CSV opens");
        let header = rdr
            .headers()
            .expect("header row")
            .iter()
            .map(String::from)
            .collect();
        let rows = rdr
            .records()
            .map(|r| r.expect("row parses").iter().map(String::from).collect())
            .collect();
        Table { header, rows }
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        &row[self.col(name)]
    }
}

fn score(inputs: &[&str], extra: &[&str]) -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let out = dir.path().join("out");
    let mut cmd = stance();
    cmd.arg("score")
        .args(inputs)
        .arg("--out")
        .arg(&out)
        .args(extra);
    cmd.assert().success();
    (dir, out)
}

#[test]
fn seed_article_statements_name_every_speaker_and_actor() {
    let (_dir, out) = score(&[SEED], &[]);
    let t = Table::read(&out.join("statements.csv"));
    let rows: Vec<(String, String, String, String, String)> = t
        .rows
        .iter()
        .map(|r| {
            (
                t.get(r, "kind").to_string(),
                t.get(r, "speaker").to_string(),
                t.get(r, "actor").to_string(),
                t.get(r, "cue").to_string(),
                t.get(r, "text").to_string(),
            )
        })
        .collect();
    let expected = [
        (
            "indirect",
            "South Korea",
            "Seoul",
            "said",
            "it will terminate its military intelligence-sharing pact with Japan",
        ),
        (
            "direct",
            "Kim You-geun",
            "Seoul",
            "said",
            "Maintaining this agreement, which was signed to facilitate the exchange of sensitive military information, does not serve our national interest",
        ),
        (
            "partial",
            "Kim You-geun",
            "Seoul",
            "said",
            "Tokyo had done so citing security concerns and a loss of trust with South Korea, but did not provide \"concrete evidence to support those allegations\"",
        ),
        (
            "partial",
            "Kim You-geun",
            "Seoul",
            "added",
            "This caused \"fundamental changes\" to the nature of defence cooperation",
        ),
        (
            "direct",
            "Mike Pompeo",
            "Washington",
            "told reporters",
            "We're disappointed to see the decision that the South Koreans made about that information-sharing agreement",
        ),
        (
            "direct",
            "Mike Pompeo",
            "Washington",
            "said",
            "We hope each of those two countries can begin to put that relationship back in exactly the right place",
        ),
        (
            "indirect",
            "Mike Pompeo",
            "Washington",
            "adding that",
            "he'd spoken to his South Korean counterpart",
        ),
        (
            "partial",
            "Mike Pompeo",
            "Washington",
            "urged",
            "both sides to \"continue to have dialogue.\"",
        ),
        (
            "partial",
            "Taro Kono",
            "Tokyo",
            "called",
            "the move \"a complete misjudgment of the current regional security environment, and it is extremely regrettable.\"",
        ),
        (
            "direct",
            "Taro Kono",
            "Tokyo",
            "said",
            "We cannot accept the claims by the South Korean side and we will strongly protest against the South Korean government",
        ),
        (
            "indirect",
            "Taro Kono",
            "Tokyo",
            "adding that",
            "Tokyo had summoned the South Korean ambassador",
        ),
        (
            "indirect",
            "Seoul",
            "Seoul",
            "announced",
            "it would remove Tokyo from its list of trusted trading partners",
        ),
        (
            "partial",
            "Seoul",
            "Seoul",
            "made it clear",
            "it believes Tokyo's export restrictions are motivated by \"historical dispute\"",
        ),
        (
            "partial",
            "an unnamed presidential official",
            "Seoul",
            "told reporters",
            "The South Korean government \"had to reconsider the effectiveness of GSOMIA as Japan has applied historical issues to the security matter\"",
        ),
    ];
    let expected: Vec<(String, String, String, String, String)> = expected
        .iter()
        .map(|(a, b, c, d, e)| {
            (
                a.to_string(),
                b.to_string(),
                c.to_string(),
                d.to_string(),
                e.to_string(),
            )
        })
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn seed_article_offsets_find_content_and_speaker_again() {
    let (_dir, out) = score(&[SEED], &[]);
    let text: Vec<char> = fs::read_to_string(SEED).expect("seed").chars().collect();
    let t = Table::read(&out.join("statements.csv"));
    let span = |r: &[String], a: &str, b: &str| -> Option<String> {
        let s: usize = t.get(r, a).parse().ok()?;
        let e: usize = t.get(r, b).parse().ok()?;
        Some(text[s..e].iter().collect())
    };
    let speakers: Vec<Option<String>> = t
        .rows
        .iter()
        .map(|r| {
            assert_eq!(span(r, "start", "end").as_deref(), Some(t.get(r, "text")));
            span(r, "speaker_start", "speaker_end")
        })
        .collect();
    let speakers: Vec<&str> = speakers
        .iter()
        .map(|s| s.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        speakers,
        [
            "South Korea",
            "Kim You-geun",
            "Kim",
            "he",
            "U.S. Secretary of State Mike Pompeo",
            "Pompeo",
            "",
            "",
            "Japanese Foreign Minister Taro Kono",
            "Kono",
            "",
            "Seoul",
            "Seoul",
            "an unnamed presidential official",
        ]
    );
}

#[test]
fn seed_article_stances_tokyo_and_seoul_negative_washington_above_tokyo() {
    let (_dir, out) = score(&[SEED], &[]);
    let dyads = Table::read(&out.join("dyads.csv"));
    let dyad = |source: &str, target: &str| -> f64 {
        dyads
            .rows
            .iter()
            .find(|r| dyads.get(r, "source") == source && dyads.get(r, "target") == target)
            .map(|r| dyads.get(r, "stance").parse().expect("a number"))
            .unwrap_or_else(|| panic!("no dyad {source} -> {target}"))
    };
    assert!(dyad("Tokyo", "Seoul") < 0.0);
    assert!(dyad("Seoul", "Tokyo") < 0.0);
    // "We hope each of those two countries …" and "urged both sides to
    // 'continue to have dialogue'" reach Tokyo as well as Seoul.
    assert!(dyad("Washington", "Tokyo") > 0.0);
    // Source, target, statements, conflict and cooperation statements: Pompeo's
    // mean toward Seoul is positive, but the row shows the rebuke
    // ("disappointed to see the decision that the South Koreans made") beside
    // the two appeals to both sides, and one neutral mention ("spoken to his
    // South Korean counterpart").
    let pairs: Vec<[&str; 5]> = dyads
        .rows
        .iter()
        .map(|r| {
            [
                "source",
                "target",
                "statements",
                "conflict_statements",
                "cooperation_statements",
            ]
            .map(|c| dyads.get(r, c))
        })
        .collect();
    let expected = [
        ["Seoul", "Tokyo", "5", "4", "0"],
        ["Washington", "Seoul", "4", "1", "2"],
        ["Washington", "Tokyo", "2", "0", "2"],
        ["Tokyo", "Seoul", "3", "3", "0"],
    ];
    assert_eq!(pairs, expected);
    let actors = Table::read(&out.join("actors.csv"));
    let stance = |actor: &str| -> f64 {
        actors
            .rows
            .iter()
            .find(|r| actors.get(r, "actor") == actor)
            .map(|r| actors.get(r, "stance").parse().expect("a number"))
            .unwrap_or_else(|| panic!("no actor {actor}"))
    };
    assert!(stance("Washington") > stance("Tokyo"));
    assert!(stance("Tokyo") < 0.0);
}

#[test]
fn every_table_header_keeps_the_contract() {
    let (_dir, out) = score(&[SEED, WIKINEWS], &[]);
    let header = |f: &str| Table::read(&out.join(f)).header.join(",");
    assert_eq!(
        header("statements.csv"),
        "article_id,statement,kind,speaker,actor,cue,targets,sentiment,stance,start,end,speaker_start,speaker_end,evidence,text,truncated"
    );
    assert_eq!(
        header("actors.csv"),
        "article_id,actor,mentions,statements,sentiment,stance"
    );
    assert_eq!(
        header("dyads.csv"),
        "article_id,source,target,statements,stance,conflict_statements,cooperation_statements"
    );
}

#[test]
fn meta_columns_follow_article_id() {
    let (_dir, out) = score(&[WIKINEWS], &["--meta", "date,url"]);
    let t = Table::read(&out.join("actors.csv"));
    assert_eq!(&t.header[..3], ["article_id", "date", "url"]);
    let first = &t.rows[0];
    assert_eq!(first[0], "wn-2019-0006");
    assert_eq!(first[1], "2019-01-07");
}

#[test]
fn output_is_byte_identical_for_one_and_eight_threads() {
    let (_a, one) = score(&[SEED, WIKINEWS], &["-j", "1"]);
    let (_b, eight) = score(&[SEED, WIKINEWS], &["-j", "8"]);
    for f in ["statements.csv", "actors.csv", "dyads.csv"] {
        let a = fs::read(one.join(f)).expect("written");
        let b = fs::read(eight.join(f)).expect("written");
        assert!(!a.is_empty());
        assert_eq!(a, b, "{f} differs between -j1 and -j8");
    }
}

#[test]
fn standard_input_reads_json_lines() {
    let dir = TempDir::new().expect("temp dir");
    let out = dir.path().join("out");
    let seed = fs::read_to_string(SEED).expect("seed");
    let line = serde_json::json!({"id": "seed-from-stdin", "text": seed}).to_string();
    stance()
        .args(["score", "-", "--out"])
        .arg(&out)
        .write_stdin(line)
        .assert()
        .success();
    let t = Table::read(&out.join("statements.csv"));
    assert_eq!(t.rows.len(), 14);
    assert!(t.rows.iter().all(|r| r[0] == "seed-from-stdin"));
    // The same article from a file gives the same rows but for the id.
    let (_d, from_file) = score(&[SEED], &[]);
    let f = Table::read(&from_file.join("statements.csv"));
    let strip = |rows: &[Vec<String>]| rows.iter().map(|r| r[1..].to_vec()).collect::<Vec<_>>();
    assert_eq!(strip(&t.rows), strip(&f.rows));
}

#[test]
fn refuses_to_overwrite_without_force() {
    let (_dir, out) = score(&[SEED], &[]);
    let before = fs::read(out.join("statements.csv")).expect("written");
    stance()
        .args(["score", SEED, "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("pass --force to overwrite"));
    assert_eq!(fs::read(out.join("statements.csv")).expect("kept"), before);
    stance()
        .args(["score", WIKINEWS, "--force", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_ne!(
        fs::read(out.join("statements.csv")).expect("rewritten"),
        before
    );
}

#[test]
fn folder_of_txt_files_gets_ids_from_relative_paths_in_order() {
    let dir = TempDir::new().expect("temp dir");
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("asia")).expect("mkdir");
    fs::copy(SEED, input.join("asia/gsomia.txt")).expect("copy");
    fs::write(input.join("b.txt"), "\"We welcome the talks,\" Kono said.").expect("write");
    fs::write(input.join("notes.md"), "not an article").expect("write");
    let out = dir.path().join("out");
    stance()
        .args(["score"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let t = Table::read(&out.join("statements.csv"));
    let ids: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids.first(), Some(&"asia/gsomia"));
    assert_eq!(ids.last(), Some(&"b"));
    let last = t.rows.last().expect("a row");
    assert_eq!(t.get(last, "speaker"), "Kono");
    assert_eq!(t.get(last, "text"), "We welcome the talks");
}

#[test]
fn csv_input_with_named_columns_and_bad_utf8_warns_but_scores() {
    let dir = TempDir::new().expect("temp dir");
    let csv_path = dir.path().join("articles.csv");
    let mut bytes = b"doc,body\nk1,\"\"\"We cannot accept this,\"\" Kono said.\"\nk2,\"Caf\xe9 owners said prices rose.\"\n".to_vec();
    bytes.extend_from_slice(b"");
    fs::write(&csv_path, bytes).expect("write");
    let out = dir.path().join("out");
    stance()
        .args(["score"])
        .arg(&csv_path)
        .args(["--id-column", "doc", "--text-column", "body", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "article k2: bytes that are not UTF-8",
        ));
    let t = Table::read(&out.join("statements.csv"));
    let ids: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["k1", "k2"]);
}

#[test]
fn a_bad_json_line_is_reported_and_the_rest_scored() {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("a.jsonl");
    fs::write(
        &path,
        "{\"id\": \"a\", \"text\": \"\\\"We welcome it,\\\" Kono said.\"}\n{not json\n{\"id\": \"c\", \"text\": \"Seoul said it would end the pact.\"}\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    stance()
        .args(["score"])
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("a.jsonl:2: not valid JSON"));
    let t = Table::read(&out.join("statements.csv"));
    let ids: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
}

#[test]
fn sentiment_vader_gives_vaders_compound_of_each_statement_and_news_is_the_default() {
    let vader = stance::scoring::vader::Vader::embedded().expect("embedded VADER");
    let (_a, out) = score(&[SEED], &["--sentiment", "vader"]);
    let t = Table::read(&out.join("statements.csv"));
    for r in &t.rows {
        let expected = vader.polarity_scores(t.get(r, "text")).compound;
        assert_eq!(t.get(r, "sentiment"), format!("{expected:.4}"));
    }
    // Kono's "We cannot accept the claims … we will strongly protest …": VADER
    // reads `strongly` as positive; news mode does not.
    let kono = |t: &Table| -> f64 {
        let r = t
            .rows
            .iter()
            .find(|r| t.get(r, "text").starts_with("We cannot accept"))
            .expect("Kono's quote");
        t.get(r, "sentiment").parse().expect("a number")
    };
    let (_b, news) = score(&[SEED], &[]);
    let n = Table::read(&news.join("statements.csv"));
    assert_eq!(kono(&t), -0.2695);
    assert!(kono(&n) < kono(&t));
}

#[test]
fn summary_by_month_groups_wikinews_articles_by_their_dates() {
    let (_d, out) = score(&[WIKINEWS], &["--summary", "--by", "month"]);
    let dyads = Table::read(&out.join("summary_dyads.csv"));
    assert_eq!(
        dyads.header.join(","),
        "period,source,target,articles,statements,stance_mean,stance_sd"
    );
    let rows: Vec<String> = dyads.rows.iter().map(|r| r[..5].join(",")).collect();
    assert_eq!(
        rows,
        [
            "2019-01,Washington,Mexico City,1,1",
            // Schumer: "We made a plea to the president once again: don't hold
            // hundreds of thousands of federal workers hostage".
            "2019-01,Washington,Washington,1,1",
            "2019-03,London,Brussels,1,1",
            // Labour's deputy leader Tom Watson called "Prime Minister Theresa
            // May's proposed Brexit deal" "lousy": his own government, criticised.
            "2019-03,London,London,1,1",
            // The Court of Session in Scotland: "Johnson's advice to the Queen
            // … is unlawful", Johnson named in full before, and "the Prime
            // Minister's advice to HM the Queen … was unlawful".
            "2019-09,Edinburgh,London,1,2",
            // 10 Downing Street's "disappointment and that the prime
            // minister's office intends to appeal".
            "2019-09,London,London,1,1",
            // Cuba's foreign minister: "I strongly reject new #US blockade measure".
            "2019-10,Havana,Washington,1,1",
            "2019-10,Washington,Caracas,1,1",
            "2019-10,Washington,Havana,1,2",
            "2020-02,Beijing,Tokyo,1,1",
            "2020-02,Beijing,Washington,1,1",
        ]
    );
    // A mean over two statements has a spread; over one it has none.
    // Washington → Havana: the restrictions on flights (-0.4588) and Pompeo
    // citing Havana's repression (+0.0359): mean -0.2115, sample sd 0.3498.
    let havana = dyads
        .rows
        .iter()
        .find(|r| r[1] == "Washington" && r[2] == "Havana")
        .expect("Washington -> Havana");
    assert_eq!(havana[5..], ["-0.2115", "0.3498"]);
    assert_eq!(dyads.rows[0][6], "");
    let actors = Table::read(&out.join("summary_actors.csv"));
    let washington_jan: Vec<&str> = actors
        .rows
        .iter()
        .find(|r| r[0] == "2019-01" && r[1] == "Washington")
        .map(|r| r[2..5].iter().map(String::as_str).collect())
        .expect("Washington in January 2019");
    // wn-2019-0006: Trump and Congress on the border wall, 16 statements, all of
    // them Washington's (congressional leaders Pelosi, Schumer, Durbin and Schiff
    // are named 4 times besides the six country mentions, and the Internal
    // Revenue Service once).
    assert_eq!(washington_jan, ["1", "11", "16"]);
    // Without --force an existing summary is kept.
    stance()
        .args(["score", WIKINEWS, "--summary", "--out"])
        .arg(&out)
        .assert()
        .code(2);
}
