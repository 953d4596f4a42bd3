//! `stance eval actors` on small gold files written by hand for these tests:
//! eight statements of two Wikinews articles (the Gdańsk mayor stabbing and
//! the first foreign coronavirus deaths in Wuhan), in
//! `tests/fixtures/eval_actors/`. Every figure below was checked by reading
//! the articles, the gold lines and the engine's `statements.csv` for them
//! (`stance explain tests/fixtures/eval_actors/articles.jsonl` shows them).
//! The figures that depend on attribution follow the engine: when a change
//! to attribution or resolution moves them, re-check them the same way.

use std::fs;

use assert_cmd::Command;
use stance::aggregate::{ArticleReport, DyadRow};
use stance::attribution::StatementKind;
use stance::eval::actors::{
    self, Counts, DyadCounts, Evaluation, GoldError, GoldStatement, evaluate_dyads, locate,
    parse_gold, predicted_sign, shares_name,
};
use stance::{Article, Engine, Lexicons};
use tempfile::TempDir;

const GOLD: &str = "tests/fixtures/eval_actors/gold.jsonl";
const ARTICLES: &str = "tests/fixtures/eval_actors/articles.jsonl";
const DEV_GOLD: &str = "tests/fixtures/actors_dev/dev.jsonl";
const DEV_ARTICLES: &str = "tests/fixtures/actors_dev/articles.jsonl";

fn stance() -> Command {
    Command::cargo_bin("stance").expect("the stance binary is built")
}

fn engine() -> Engine {
    Engine::from_lexicons(Lexicons::embedded().expect("embedded lexicons load"))
}

fn articles(path: &str) -> Vec<Article> {
    fs::read_to_string(path)
        .expect("articles fixture reads")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("article line parses");
            Article::new(
                v["id"].as_str().expect("id"),
                v["text"].as_str().expect("text"),
            )
        })
        .collect()
}

fn gold(path: &str) -> Vec<GoldStatement> {
    parse_gold(&fs::read_to_string(path).expect("gold fixture reads")).expect("gold parses")
}

fn evaluate_fixture() -> Evaluation {
    actors::evaluate(&gold(GOLD), &articles(ARTICLES), &engine()).expect("gold is located")
}

fn counts(
    gold: usize,
    found: usize,
    speaker_right: usize,
    actor_right: usize,
    all_right: usize,
    predicted: usize,
    precise: usize,
) -> Counts {
    Counts {
        gold,
        found,
        speaker_right,
        actor_right,
        all_right,
        predicted,
        precise,
        ..Counts::default()
    }
}

/// `c` with found statements that have a gold tone, and those it agrees with.
fn with_tone(c: Counts, tone_gold: usize, tone_right: usize) -> Counts {
    Counts {
        tone_gold,
        tone_right,
        ..c
    }
}

#[test]
fn finds_seven_of_eight_hand_annotated_statements_in_two_wikinews_articles() {
    let eval = evaluate_fixture();
    let s = &eval.summary;
    assert_eq!(s.articles, 2);
    // Missed: Stefaniak "announcing to journalists Adamowicz remained alive".
    // Chinese authorities "referred to him as ..." is found (`refer to` is a
    // cue), with a sentiment of 0 for a gold tone of 0. Tusk (`Ex-Prime Minister Donald Tusk, the current President of
    // the European Council`) speaks for Brussels, as his apposition says.
    // Predicted: 16 statements in Gdańsk, 6 in Wuhan; 3 and 4 overlap gold.
    // Tone, of the six found (news-mode sentiment, the mean of the sentences): Tusk +0.1297 (+1), Brudziński 0 (gold -1),
    // Duda +0.6450 (+1), the embassy -0.8807 (-1), Japanese officials -0.3291
    // (-1), Chinese citizens 0 (gold -1), Chinese authorities 0 (0): five agree.
    assert_eq!(s.all.counts, with_tone(counts(8, 7, 7, 7, 7, 22, 7), 7, 5));
    assert_eq!(
        s.direct.counts,
        with_tone(counts(2, 2, 2, 2, 2, 5, 2), 2, 2)
    );
    assert_eq!(
        s.partial.counts,
        with_tone(counts(2, 2, 2, 2, 2, 5, 2), 2, 1)
    );
    assert_eq!(
        s.indirect.counts,
        with_tone(counts(4, 3, 3, 3, 3, 12, 3), 3, 2)
    );
    assert_eq!(s.all.found_rate, 7.0 / 8.0);
    assert_eq!(s.all.speaker_right_of_found, 7.0 / 7.0);
    assert_eq!(s.all.actor_right_of_found, 7.0 / 7.0);
    assert_eq!(s.all.end_to_end, 7.0 / 8.0);
    assert_eq!(s.all.precision, 7.0 / 22.0);
    assert_eq!(s.all.tone_agreement, 5.0 / 7.0);
    // One gold dyad: Chinese authorities (Beijing) -> Washington, 0. The
    // engine has Beijing -> Washington at 0.0000 from "officials" (Beijing)
    // naming "a man from the United States": found, sign right.
    assert_eq!(
        s.dyads.counts,
        DyadCounts {
            gold: 1,
            found: 1,
            sign_right: 1,
            gold_self: 0,
            predicted: 2
        }
    );
    assert_eq!(s.dyads.recall, 1.0);
    assert_eq!(s.dyads.sign_right_of_found, 1.0);
}

#[test]
fn outcomes_show_the_prediction_behind_each_miss() {
    let eval = evaluate_fixture();
    let outcomes: Vec<_> = eval.outcomes().collect();
    assert_eq!(outcomes.len(), 8);

    let tusk = outcomes[0];
    assert_eq!(tusk.span, (703, 762));
    assert!(tusk.found && tusk.speaker_right && tusk.actor_right);
    assert_eq!(tusk.gold.actor.as_deref(), Some("Brussels"));
    assert_eq!(tusk.predicted_actor.as_deref(), Some("Brussels"));
    assert_eq!(tusk.predicted_sentiment, Some(0.1297));
    assert!(tusk.tone_right);

    // Gold starts at "called", the prediction at "the stabbing": 48 of 55
    // characters are covered. "barbarity" is in no lexicon: sentiment 0
    // against a gold tone of -1.
    let brudzinski = outcomes[1];
    assert_eq!(brudzinski.span, (857, 912));
    assert!(brudzinski.found && brudzinski.speaker_right && brudzinski.actor_right);
    assert_eq!(brudzinski.predicted_actor.as_deref(), Some("Warsaw"));
    assert_eq!(brudzinski.predicted_sentiment, Some(0.0));
    assert!(!brudzinski.tone_right);

    let stefaniak = outcomes[3];
    assert!(!stefaniak.found && !stefaniak.speaker_right && !stefaniak.actor_right);
    assert_eq!(stefaniak.predicted, None);
    assert_eq!(stefaniak.predicted_speaker, "");
    assert_eq!(stefaniak.gold.actor, None);
    // Not found: no tone to compare.
    assert_eq!(stefaniak.predicted_sentiment, None);
    assert!(!stefaniak.tone_right);

    let authorities = outcomes[5];
    assert_eq!(authorities.gold.speaker, "Chinese authorities");
    assert!(authorities.found && authorities.speaker_right && authorities.actor_right);
    assert_eq!(authorities.predicted_speaker, "Chinese authorities");
    assert_eq!(authorities.predicted_actor.as_deref(), Some("Beijing"));

    let embassy = outcomes[4];
    assert!(embassy.found && embassy.speaker_right && embassy.actor_right);
    assert_eq!(embassy.predicted, Some(1));
    assert_eq!(embassy.predicted_kind, Some(StatementKind::Indirect));
    assert_eq!(embassy.predicted_speaker, "the U.S. embassy in Beijing");
    assert_eq!(embassy.predicted_actor.as_deref(), Some("Washington"));

    // Gold `-` and no predicted actor agree.
    let citizens = outcomes[7];
    assert!(citizens.found && citizens.speaker_right && citizens.actor_right);
    assert_eq!(citizens.predicted_speaker, "Chinese citizens");
    assert_eq!(citizens.predicted_actor, None);
}

#[test]
fn locates_repeated_content_at_or_after_the_previous_gold_line() {
    let text = &articles(ARTICLES)[0].text;
    let spans = locate(
        text,
        &[
            "Brudziński said",
            // First in the article at 70; taken after "Brudziński said".
            "Adamowicz",
            // Only before the previous line: its first occurrence.
            "mayor of the Polish city",
            "Gdańsk",
            "Adamowicz survived",
        ],
    );
    assert_eq!(
        spans,
        vec![
            Some((1316, 1331)),
            Some((1332, 1341)),
            Some((81, 105)),
            Some((109, 115)),
            None
        ]
    );
}

#[test]
fn speaker_shares_a_capitalised_name_word_with_gold_speaker_or_full_name() {
    // Wikinews wn-2019-0006: "The President" is Trump.
    assert!(shares_name(
        "Donald Trump",
        "The President",
        "United States President Donald Trump"
    ));
    assert!(shares_name(
        "Kono's",
        "Kono",
        "Japanese Foreign Minister Taro Kono"
    ));
    assert!(!shares_name(
        "Joe Biden",
        "The president",
        "US President Donald Trump"
    ));
    // `The` is a function word, not a name.
    assert!(!shares_name(
        "The Guardian",
        "The government",
        "the government of Samoa"
    ));
    assert!(!shares_name("he", "Kono", "Taro Kono"));
    assert!(!shares_name("", "Kono", "Taro Kono"));
}

#[test]
fn non_person_speaker_shares_a_word_of_four_or_more_letters() {
    assert!(shares_name(
        "the ministry",
        "the ministry",
        "Japan's Ministry of Foreign Affairs"
    ));
    // Wikinews wn-2019-0064: sentence-initial capital on the gold side only.
    assert!(shares_name(
        "religious groups",
        "Legal and religious groups",
        "Legal and religious groups"
    ));
    assert!(shares_name(
        "an unnamed presidential official",
        "a presidential official",
        "a presidential official"
    ));
    assert!(!shares_name(
        "officials",
        "Chinese authorities",
        "Chinese authorities"
    ));
    assert!(!shares_name(
        "the news to parliament",
        "Richard Ferrand",
        "Assembly president Richard Ferrand"
    ));
}

#[test]
fn gold_lines_read_with_no_actor_for_a_dash() {
    let gold = gold(GOLD);
    assert_eq!(gold.len(), 8);
    let stefaniak = &gold[3];
    assert_eq!(stefaniak.line, 4);
    assert_eq!(stefaniak.kind, StatementKind::Indirect);
    assert_eq!(stefaniak.cue, "announcing to journalists");
    assert_eq!(stefaniak.actor, None);
    assert_eq!(gold[5].targets.get("Washington"), Some(&0));
    assert_eq!(gold[7].targets.get("Beijing"), Some(&-1));
    assert_eq!(gold[7].tone, Some(-1));
}

#[test]
fn bad_gold_lines_are_errors_naming_the_line() {
    let good = r#"{"article_id": "wn-2020-0016", "content": "the Japanese man showed symptoms", "kind": "indirect", "cue": "said", "speaker": "Japanese officials", "speaker_full": "Japanese officials", "actor": "Tokyo", "targets": {}, "tone": 0}"#;
    let line2 = |bad: &str| parse_gold(&format!("{good}\n\n{bad}\n")).map(|g| g.len());
    assert_eq!(line2(good), Ok(2));
    let err = |message: &str| {
        Err(GoldError {
            line: 3,
            message: message.into(),
        })
    };
    assert_eq!(
        line2(&good.replace("\"indirect\"", "\"reported\"")),
        err("kind \"reported\": one of direct, partial, indirect")
    );
    assert_eq!(
        line2(&good.replace("the Japanese man showed symptoms", "")),
        err("empty content")
    );
    assert_eq!(
        line2(&good.replace("\"tone\": 0", "\"tone\": 2")),
        err("targets and tone take -1, 0 or 1")
    );
    let missing = parse_gold(&good.replace("\"cue\": \"said\", ", "")).map(|g| g.len());
    assert!(
        matches!(&missing, Err(GoldError { line: 1, message }) if message.starts_with("missing field `cue`")),
        "{missing:?}"
    );
    assert!(matches!(
        parse_gold("{not json"),
        Err(GoldError { line: 1, .. })
    ));
}

#[test]
fn gold_not_in_the_articles_is_an_error_naming_the_line() {
    let mut gold = gold(GOLD);
    gold[6].content = "the Japanese man survived".into();
    let err = actors::evaluate(&gold, &articles(ARTICLES), &engine()).map(|e| e.summary);
    assert_eq!(
        err,
        Err(GoldError {
            line: 7,
            message: "content not found in the text of article wn-2020-0016".into()
        })
    );
    let only_wuhan: Vec<Article> = articles(ARTICLES).into_iter().skip(1).collect();
    let err = actors::evaluate(&self::gold(GOLD), &only_wuhan, &engine()).map(|e| e.summary);
    assert_eq!(
        err,
        Err(GoldError {
            line: 1,
            message: "article wn-2019-0011 is not among the articles".into()
        })
    );
}

#[test]
fn dev_fixture_locates_all_209_statements_in_its_22_articles() {
    let eval = actors::evaluate(&gold(DEV_GOLD), &articles(DEV_ARTICLES), &engine())
        .expect("every dev content is in its article");
    assert_eq!(eval.summary.articles, 22);
    assert_eq!(eval.summary.all.counts.gold, 209);
    assert_eq!(eval.summary.direct.counts.gold, 41);
    assert_eq!(eval.summary.partial.counts.gold, 40);
    assert_eq!(eval.summary.indirect.counts.gold, 128);
}

#[test]
fn binary_prints_the_table_of_figures() {
    let out = stance()
        .args(["eval", "actors", "--gold", GOLD, "--articles", ARTICLES])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let expected = "\
articles: 2, gold statements: 8, predicted statements: 22
              gold    found   speaker right   actor right   end to end  predicted   precision  tone agrees
direct           2   100.0%          100.0%        100.0%       100.0%          5       40.0%       100.0%
partial          2   100.0%          100.0%        100.0%       100.0%          5       40.0%        50.0%
indirect         4    75.0%          100.0%        100.0%        75.0%         12       25.0%        66.7%
all              8    87.5%          100.0%        100.0%        87.5%         22       31.8%        71.4%
dyads: gold 1 (0 of an actor to itself), found 1 (100.0%), sign right 1 (100.0% of found), predicted 2
";
    assert_eq!(stdout, expected);
}

#[test]
fn binary_prints_json_and_writes_one_details_row_per_gold_statement() {
    let dir = TempDir::new().expect("temp dir");
    let details = dir.path().join("details.csv");
    let out = stance()
        .args([
            "eval",
            "actors",
            "--gold",
            GOLD,
            "--articles",
            ARTICLES,
            "--json",
        ])
        .arg("--details")
        .arg(&details)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("one JSON object");
    assert_eq!(json["articles"], 2);
    assert_eq!(json["all"]["gold"], 8);
    assert_eq!(json["all"]["found"], 7);
    assert_eq!(json["all"]["speaker_right"], 7);
    assert_eq!(json["all"]["actor_right"], 7);
    assert_eq!(json["all"]["predicted"], 22);
    assert_eq!(json["all"]["precise"], 7);
    assert_eq!(json["all"]["found_rate"], 0.875);
    assert_eq!(json["indirect"]["end_to_end"], 0.75);
    assert_eq!(json["all"]["tone_gold"], 7);
    assert_eq!(json["all"]["tone_right"], 5);
    assert_eq!(json["direct"]["tone_agreement"], 1.0);
    assert_eq!(json["dyads"]["gold"], 1);
    assert_eq!(json["dyads"]["found"], 1);
    assert_eq!(json["dyads"]["sign_right"], 1);
    assert_eq!(json["dyads"]["gold_self"], 0);
    assert_eq!(json["dyads"]["predicted"], 2);
    assert_eq!(json["dyads"]["recall"], 1.0);
    assert_eq!(json["dyads"]["sign_right_of_found"], 1.0);

    let mut rdr = csv::Reader::from_path(&details).expect("details CSV opens");
    let header: Vec<String> = rdr
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header[..9],
        [
            "article_id",
            "found",
            "speaker_right",
            "actor_right",
            "gold_speaker",
            "predicted_speaker",
            "gold_actor",
            "predicted_actor",
            "gold_content"
        ]
    );
    let rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.expect("row").iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 8);
    assert_eq!(
        rows[3][..9],
        [
            "wn-2019-0011",
            "0",
            "0",
            "0",
            "Dr. Tomasz Stefaniak",
            "",
            "",
            "",
            "Adamowicz remained alive"
        ]
    );
    assert_eq!(
        rows[5][..9],
        [
            "wn-2020-0016",
            "1",
            "1",
            "1",
            "Chinese authorities",
            "Chinese authorities",
            "Beijing",
            "Beijing",
            "referred to him as \"Chinese-American.\""
        ]
    );
    assert_eq!(header[15..], ["gold_tone", "predicted_sentiment"]);
    assert_eq!(rows[0][15..], ["1", "0.1297"]);
    assert_eq!(rows[3][15..], ["0", ""]);
    assert_eq!(rows[4][15..], ["-1", "-0.8807"]);
}

#[test]
fn binary_writes_one_dyad_details_row_per_gold_dyad() {
    let dir = TempDir::new().expect("temp dir");
    let dyad_details = dir.path().join("dyads.csv");
    stance()
        .args(["eval", "actors", "--gold", GOLD, "--articles", ARTICLES])
        .arg("--dyad-details")
        .arg(&dyad_details)
        .assert()
        .success();
    // The one gold dyad: Chinese authorities calling the American who died
    // "Chinese-American" (gold stance 0); predicted +0.0349, inside the ±0.05
    // band, so its sign (0) is right.
    assert_eq!(
        fs::read_to_string(&dyad_details).expect("dyad details written"),
        "article_id,source,target,gold_stance,gold_statements,predicted_stance,sign_right\n\
         wn-2020-0016,Beijing,Washington,0.0000,1,0.0349,1\n"
    );
}

#[test]
fn binary_fails_naming_the_gold_file_and_line_when_an_article_is_missing() {
    let dir = TempDir::new().expect("temp dir");
    let wuhan_only = dir.path().join("articles.jsonl");
    let text = fs::read_to_string(ARTICLES).expect("articles read");
    fs::write(&wuhan_only, text.lines().nth(1).expect("second article")).expect("write");
    let out = stance()
        .args(["eval", "actors", "--gold", GOLD, "--articles"])
        .arg(&wuhan_only)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(
        stderr,
        format!("stance: {GOLD}: line 1: article wn-2019-0011 is not among the articles\n")
    );
}

fn gold_line(line: usize, actor: &str, targets: &[(&str, i8)]) -> (GoldStatement, (usize, usize)) {
    let g = GoldStatement {
        line,
        article_id: "a".into(),
        content: "content".into(),
        kind: StatementKind::Indirect,
        cue: "said".into(),
        speaker: "someone".into(),
        speaker_full: "someone".into(),
        actor: (actor != "-").then(|| actor.to_string()),
        targets: targets.iter().map(|(t, v)| (t.to_string(), *v)).collect(),
        tone: None,
    };
    (g, (0, 7))
}

fn dyad(source: &str, target: &str, stance: f64) -> DyadRow {
    DyadRow {
        source: source.into(),
        target: target.into(),
        statements: 1,
        stance,
        conflict_statements: usize::from(stance <= -0.05),
        cooperation_statements: usize::from(stance >= 0.05),
    }
}

#[test]
fn gold_dyads_are_mean_stances_per_pair_against_the_articles_dyads() {
    let gold = [
        // Tokyo -> Seoul: -1 and 0, mean -0.5.
        gold_line(1, "Tokyo", &[("Seoul", -1)]),
        gold_line(2, "Tokyo", &[("Seoul", 0), ("Washington", 1)]),
        // Washington -> Seoul and -> Tokyo: 0 each; Washington -> itself.
        gold_line(
            3,
            "Washington",
            &[("Seoul", 0), ("Tokyo", 0), ("Washington", -1)],
        ),
        // No actor: no dyad.
        gold_line(4, "-", &[("Seoul", -1)]),
    ];
    let report = ArticleReport {
        article_id: "a".into(),
        dyads: vec![
            dyad("Tokyo", "Seoul", -0.6614),
            // Within the 0.05 band: sign 0, right against a gold mean of 0.
            dyad("Washington", "Seoul", -0.0499),
            // Just outside it: sign -1, wrong.
            dyad("Washington", "Tokyo", -0.05),
            // Not gold: counts as predicted only.
            dyad("Seoul", "Tokyo", -0.2360),
        ],
        ..ArticleReport::default()
    };
    let (counts, outcomes) = evaluate_dyads(&gold, &report);
    assert_eq!(
        counts,
        DyadCounts {
            gold: 5,
            found: 3,
            sign_right: 2,
            gold_self: 1,
            predicted: 4
        }
    );
    type Seen<'a> = (&'a str, &'a str, f64, usize, Option<f64>, bool);
    let seen: Vec<Seen> = outcomes
        .iter()
        .map(|d| {
            (
                d.source.as_str(),
                d.target.as_str(),
                d.gold_stance,
                d.gold_statements,
                d.predicted_stance,
                d.sign_right,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("Tokyo", "Seoul", -0.5, 2, Some(-0.6614), true),
            ("Tokyo", "Washington", 1.0, 1, None, false),
            ("Washington", "Seoul", 0.0, 1, Some(-0.0499), true),
            ("Washington", "Tokyo", 0.0, 1, Some(-0.05), false),
            ("Washington", "Washington", -1.0, 1, None, false),
        ]
    );
}

#[test]
fn predicted_sign_is_zero_within_the_vader_band() {
    assert_eq!(predicted_sign(0.05), 1);
    assert_eq!(predicted_sign(0.0499), 0);
    assert_eq!(predicted_sign(0.0), 0);
    assert_eq!(predicted_sign(-0.0499), 0);
    assert_eq!(predicted_sign(-0.05), -1);
}

#[test]
fn dev_fixture_dyads_and_tone() {
    let eval = actors::evaluate(&gold(DEV_GOLD), &articles(DEV_ARTICLES), &engine())
        .expect("every dev content is in its article");
    let d = eval.summary.dyads.counts;
    // 20 gold (actor, target) pairs in 22 articles, 8 of them an actor to
    // itself (Congress against the President: Washington -> Washington).
    assert_eq!((d.gold, d.gold_self), (20, 8));
}
