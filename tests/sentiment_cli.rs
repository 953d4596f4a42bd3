//! `stance sentiment` and `stance eval sentiment`, run as a user runs them. The
//! vader-mode values are vaderSentiment 3.3.2's (Python) for the same texts.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

fn stance() -> Command {
    Command::cargo_bin("stance").expect("the stance binary is built")
}

/// Two articles: the first of two sentences.
const ARTICLES: &str = concat!(
    r#"{"id": "a1", "text": "VADER is smart, handsome, and funny. The book was good."}"#,
    "\n",
    r#"{"id": "a2", "text": "It is extremely regrettable."}"#,
    "\n",
);

fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, text).expect("write input");
    path
}

fn run(args: &[&str], input: &Path) -> String {
    let out = stance()
        .arg("sentiment")
        .arg(input)
        .args(args)
        .output()
        .expect("stance runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn sentences_in_vader_mode_score_as_vader() {
    let dir = TempDir::new().expect("temp dir");
    let input = write(&dir, "a.jsonl", ARTICLES);
    assert_eq!(
        run(&["--sentiment", "vader"], &input),
        "article_id,sentence,sentiment,pos,neu,neg,text\n\
         a1,1,0.8316,0.7460,0.2540,0.0000,\"VADER is smart, handsome, and funny.\"\n\
         a1,2,0.4404,0.4920,0.5080,0.0000,The book was good.\n\
         a2,1,-0.5563,0.0000,0.4550,0.5450,It is extremely regrettable.\n"
    );
}

#[test]
fn articles_in_vader_mode_are_polarity_scores_of_the_whole_text() {
    let dir = TempDir::new().expect("temp dir");
    let input = write(&dir, "a.jsonl", ARTICLES);
    assert_eq!(
        run(&["--sentiment", "vader", "--by", "article"], &input),
        "article_id,sentence,sentiment,pos,neu,neg\n\
         a1,,0.8934,0.6610,0.3390,0.0000\n\
         a2,,-0.5563,0.0000,0.4550,0.5450\n"
    );
}

#[test]
fn news_mode_is_the_default_and_aggregates_sentences() {
    let dir = TempDir::new().expect("temp dir");
    let input = write(&dir, "a.jsonl", ARTICLES);
    let by_sentence = run(&[], &input);
    assert_eq!(
        by_sentence,
        "article_id,sentence,sentiment,pos,neu,neg,text\n\
         a1,1,0.7677,0.7180,0.2820,0.0000,\"VADER is smart, handsome, and funny.\"\n\
         a1,2,0.3653,0.4570,0.5430,0.0000,The book was good.\n\
         a2,1,-0.7086,0.0000,0.3800,0.6200,It is extremely regrettable.\n"
    );
    // Positive words weigh 0.8: "smart" 1.36, "handsome" 1.76, "funny" 1.52,
    // sum 4.64, compound 4.64 / sqrt(4.64² + 15) = 0.7677. The article: the
    // mean of its sentences' compounds, (0.76766 + 0.36531) / 2, and the
    // proportions of the summed masses, pos (7.64 + 2.52) / 16.16.
    assert_eq!(
        run(&["--by", "article"], &input),
        "article_id,sentence,sentiment,pos,neu,neg\n\
         a1,,0.5665,0.6290,0.3710,0.0000\n\
         a2,,-0.7086,0.0000,0.3800,0.6200\n"
    );
}

#[test]
fn a_bad_line_is_reported_and_the_rest_is_scored() {
    let dir = TempDir::new().expect("temp dir");
    let text = format!("{ARTICLES}not json\n");
    let input = write(&dir, "bad.jsonl", &text);
    let out = stance()
        .arg("sentiment")
        .arg(&input)
        .args(["--by", "article"])
        .output()
        .expect("stance runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.jsonl:3"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let one = run(&["-j", "1"], Path::new("examples/wikinews.jsonl"));
    let two = run(&["-j", "2"], Path::new("examples/wikinews.jsonl"));
    assert_eq!(one, two);
    assert!(one.lines().count() > 50);
}

#[test]
fn out_file_is_not_overwritten_without_force() {
    let dir = TempDir::new().expect("temp dir");
    let input = write(&dir, "a.jsonl", ARTICLES);
    let out = write(&dir, "out.csv", "keep me\n");
    stance()
        .arg("sentiment")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2);
    assert_eq!(fs::read_to_string(&out).expect("out"), "keep me\n");
    stance()
        .arg("sentiment")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--force")
        .assert()
        .success();
    assert!(
        fs::read_to_string(&out)
            .expect("out")
            .starts_with("article_id,sentence,")
    );
}

#[test]
fn a_text_cell_a_spreadsheet_would_run_is_escaped() {
    let dir = TempDir::new().expect("temp dir");
    let input = write(&dir, "f.jsonl", "{\"id\": \"f\", \"text\": \"=cmd|x\"}\n");
    assert_eq!(
        run(&["--sentiment", "vader"], &input),
        "article_id,sentence,sentiment,pos,neu,neg,text\nf,1,0.0000,0.0000,1.0000,0.0000,'=cmd|x\n"
    );
}

/// Gold in NewsMTSC's format (sentences written for this test): negative,
/// neutral, positive, and one with targets of mixed polarity.
const NEWSMTSC: &str = concat!(
    r#"{"primary_gid": "t1", "sentence_normalized": "Kono called the decision extremely regrettable.", "targets": [{"polarity": 2.0}]}"#,
    "\n",
    r#"{"primary_gid": "t2", "sentence_normalized": "Pompeo met Kono on Friday.", "targets": [{"polarity": 4.0}, {"polarity": 4.0}]}"#,
    "\n",
    r#"{"primary_gid": "t3", "sentence_normalized": "Moon praised the agreement as a breakthrough.", "targets": [{"polarity": 6.0}]}"#,
    "\n",
    r#"{"primary_gid": "t4", "sentence_normalized": "Abe criticized Moon.", "targets": [{"polarity": 2.0}, {"polarity": 6.0}]}"#,
    "\n",
);

#[test]
fn eval_sentiment_reads_newsmtsc_and_prints_both_modes() {
    let dir = TempDir::new().expect("temp dir");
    let gold = write(&dir, "gold.jsonl", NEWSMTSC);
    let details = dir.path().join("details.csv");
    let out = stance()
        .args(["eval", "sentiment", "--json", "--gold"])
        .arg(&gold)
        .arg("--details")
        .arg(&details)
        .output()
        .expect("stance runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["format"], "NewsMTSC");
    assert_eq!(v["texts"], 3);
    assert_eq!(v["skipped_mixed"], 1);
    assert_eq!(v["classes"], serde_json::json!([1, 1, 1]));
    let modes = v["modes"].as_array().expect("modes");
    assert_eq!(modes[0]["mode"], "vader");
    assert_eq!(modes[1]["mode"], "news");
    for m in modes {
        assert_eq!(m["accuracy"], 1.0);
        assert_eq!(m["macro_f1"], 1.0);
        assert_eq!(
            m["confusion"],
            serde_json::json!([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        );
    }
    let details = fs::read_to_string(&details).expect("details written");
    assert!(details.starts_with(
        "text,gold,rating,vader_sentiment,vader_class,vader_evidence,news_sentiment,news_class,news_evidence\n"
    ));
    assert!(details.contains(
        "Kono called the decision extremely regrettable.,-1,-1,-0.5563,-1,extremely regrettable -2.59,-0.7086,-1,extremely regrettable -3.89\n"
    ));
}

#[test]
fn eval_sentiment_reads_csv_ratings_around_a_center() {
    let dir = TempDir::new().expect("temp dir");
    let gold = write(
        &dir,
        "gold.csv",
        "sentence,stars\n\
         Kono called the decision extremely regrettable.,1\n\
         Pompeo met Kono on Friday.,3\n\
         Moon praised the agreement as a breakthrough.,5\n",
    );
    let out = stance()
        .args([
            "eval",
            "sentiment",
            "--label-field",
            "stars",
            "--center",
            "3",
            "--gold",
        ])
        .arg(&gold)
        .output()
        .expect("stance runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        table.starts_with("gold: ")
            && table.contains("(CSV): 3 texts (negative 1, neutral 1, positive 1)"),
        "{table}"
    );
    assert!(
        table.contains("vader         ±0.05      0.996     100.0     100.0"),
        "{table}"
    );
    assert!(
        table.contains("news           ±0.2      0.999     100.0     100.0"),
        "{table}"
    );
}

#[test]
fn eval_sentiment_without_labels_is_a_usage_error() {
    let dir = TempDir::new().expect("temp dir");
    let gold = write(&dir, "gold.jsonl", "{\"text\": \"no label here\"}\n");
    let out = stance()
        .args(["eval", "sentiment", "--gold"])
        .arg(&gold)
        .output()
        .expect("stance runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("gold.jsonl: no gold texts"), "{stderr}");
    assert!(stderr.contains("gold.jsonl:1: no label field"), "{stderr}");
}
