//! `stance eval targets` and the target scope behind it.
//!
//! `tests/fixtures/newsmtsc_sample.jsonl` holds ten sentences (twelve
//! targets) of NewsMTSC's rw train split, unchanged: NewsMTSC,
//! (Multi-)Target-dependent Sentiment Classification in News Articles,
//! Hamborg & Donnay, EACL 2021, <https://github.com/fhamborg/NewsMTSC>, MIT
//! licence. Every figure below was checked by hand against the lexicon
//! values it names (VADER's valence, the stance lexicon's Goldstein weight).

use std::fs;

use assert_cmd::Command;
use stance::Lexicons;
use stance::attribution::Statement;
use stance::eval::targets::{self, GoldError, parse_gold, predict, summarize};
use stance::scoring::evidence::Evidence;
use stance::scoring::target_scope::TargetLexicon;
use stance::scoring::{Scale, ScoringLexicons, target_scope};
use stance::text::Document;
use tempfile::TempDir;

const SAMPLE: &str = "tests/fixtures/newsmtsc_sample.jsonl";

fn stance() -> Command {
    Command::cargo_bin("stance").expect("the stance binary is built")
}

fn lexicons() -> Lexicons {
    Lexicons::embedded().expect("embedded lexicons load")
}

/// The embedded lexicons with `target` as the target lexicon, in the default
/// (news) sentiment mode.
fn scoring_with<'l>(lex: &'l Lexicons, target: &'l TargetLexicon) -> ScoringLexicons<'l> {
    ScoringLexicons {
        vader: &lex.vader,
        stance: &lex.stance,
        target,
        mode: Default::default(),
    }
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

/// The whole sentence as one statement with no speaker and no cue, as the
/// evaluation scores it; returns (scope weights, score, evidence) per target.
fn scope_of(
    text: &str,
    target: std::ops::Range<usize>,
    speaks: bool,
) -> (Vec<f64>, f64, Vec<(Scale, Evidence)>) {
    let lex = lexicons();
    let doc = Document::new(text, &lex.abbreviations);
    let st = Statement::unattributed(0..doc.tokens.len());
    // The scope rules alone: no learned target lexicon (tested below).
    let no_target = TargetLexicon::default();
    let scoring = scoring_with(&lex, &no_target);
    let breaks = |w: &str| lex.speaker_words.is_clause_break(w);
    let weights = target_scope::scope_weights(
        &doc,
        st.content.clone(),
        std::slice::from_ref(&target),
        &breaks,
    );
    let (score, evidence) = target_scope::score(&doc, &st, &[target], scoring, &breaks, speaks);
    (
        weights.iter().map(|&w| round4(w)).collect(),
        score,
        evidence,
    )
}

fn rounded(evidence: &[(Scale, Evidence)]) -> Vec<(Scale, String, f64)> {
    evidence
        .iter()
        .map(|(s, e)| (*s, e.entry.clone(), round4(e.weight)))
        .collect()
}

#[test]
fn a_word_right_after_the_target_counts_fully_and_one_far_before_it_less() {
    // NewsMTSC rw train: both targets are negative. "accused": VADER -1.2,
    // stance -2.0 (CAMEO 112) × 0.2 = -0.4; "against": the news layer's -0.4.
    let text = "Trump accused Republican National Committee Chair Reince Priebus for rigging the rules against him.";
    // Trump (token 0): "accused" right after it, weight 1.0; "against" (token
    // 12) 0.95¹¹ = 0.5688 of -0.4; -1.8275 in all.
    let (weights, score, evidence) = scope_of(text, 0..1, false);
    assert_eq!(weights[..4], [0.0, 1.0, 0.95, 0.9025]);
    assert_eq!(
        rounded(&evidence),
        [
            (Scale::Sentiment, "accused".to_string(), -1.2),
            (Scale::Sentiment, "against".to_string(), -0.2275),
            (Scale::Stance, "accused".to_string(), -0.4)
        ]
    );
    // -1.8275 / sqrt(1.8275² + 15)
    assert_eq!(round4(score), -0.4267);

    // Reince Priebus (tokens 6-7): "accused" is five tokens before him,
    // 0.3 × 0.95⁴ = 0.2444; "Committee Chair", just before, weigh 0.6 × 0.95ᵈ.
    let (weights, score, evidence) = scope_of(text, 6..8, false);
    assert_eq!(
        weights[..9],
        [0.2321, 0.2444, 0.2572, 0.5415, 0.57, 0.6, 0.0, 0.0, 1.0]
    );
    // "against", five tokens after him: 0.95⁴ = 0.8145 of -0.4.
    assert_eq!(
        rounded(&evidence),
        [
            (Scale::Sentiment, "accused".to_string(), -0.2932),
            (Scale::Sentiment, "against".to_string(), -0.3258),
            (Scale::Stance, "accused".to_string(), -0.0977)
        ]
    );
    // -0.7167 / sqrt(0.7167² + 15)
    assert_eq!(round4(score), -0.182);

    // When Trump speaks the words, they count a quarter: -0.4569 in all.
    let (_, score, _) = scope_of(text, 0..1, true);
    assert_eq!(round4(score), -0.1172);
}

#[test]
fn a_clause_after_but_is_scored_for_the_target_it_names() {
    // "praised": VADER 2.2, stance 3.4; positive values count 0.7.
    // "criticised": VADER -1.8, stance -2.0.
    let text = "Obama praised Merkel but criticised Putin.";
    let (weights, score, evidence) = scope_of(text, 2..3, false);
    assert_eq!(weights, [0.57, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(
        rounded(&evidence),
        [
            (Scale::Sentiment, "praised".to_string(), 0.924),
            (Scale::Stance, "praised".to_string(), 0.2856)
        ]
    );
    assert_eq!(round4(score), 0.2981);
    // Putin: "praised" is in the clause before "but" and does not count.
    let (weights, score, evidence) = scope_of(text, 5..6, false);
    assert_eq!(weights, [0.0, 0.0, 0.0, 0.57, 0.6, 0.0, 1.0]);
    assert_eq!(
        rounded(&evidence),
        [
            (Scale::Sentiment, "criticised".to_string(), -1.08),
            (Scale::Stance, "criticised".to_string(), -0.24)
        ]
    );
    assert_eq!(round4(score), -0.3226);
}

fn sample() -> Vec<targets::GoldSentence> {
    parse_gold(&fs::read_to_string(SAMPLE).expect("sample reads")).expect("sample parses")
}

#[test]
fn sample_predictions_target_dependent_and_whole_sentence() {
    let gold = sample();
    assert_eq!(gold.len(), 10);
    // Kushner's target spans "(Reuters/Mike Segar) Kushner “" with a further
    // mention "Kushner" (NewsMTSC's own, automatic).
    assert_eq!(gold[3].targets[0].further, [(21, 28)]);
    let predictions = predict(&gold, &lexicons());
    let seen: Vec<(usize, usize, usize, i8, i8, i8)> = predictions
        .iter()
        .map(|p| (p.line, p.from, p.to, p.gold, p.target, p.sentence))
        .collect();
    assert_eq!(
        seen,
        [
            // "Winner wrote …": VADER reads the name as a word (+2.8); the
            // target scope leaves the target's own words out, and Winner
            // speaks: a quarter of "meeting" (+1.0, CAMEO 040) far after,
            // and, at half (a speaker's factor for the target lexicon), the
            // target lexicon's "private" (-0.52 × 0.3675), the pair "had a"
            // (+0.30 × 0.4073) and ten weaker entries: -0.1520 in all,
            // -0.0392, neutral.
            (1, 0, 6, 0, 0, 1),
            (2, 0, 3, -1, -1, -1),
            (2, 30, 45, -1, -1, -1),
            // "Trump accepted Dubke's offer": "accepted" (VADER +1.1, × 0.7),
            // and the target lexicon's "first" (+0.23) right after it.
            (3, 0, 5, 0, 1, 1),
            (4, 0, 30, 1, 1, 1),
            (5, 43, 50, -1, -1, -1),
            (6, 50, 55, -1, -1, -1),
            (6, 100, 114, -1, -1, -1),
            (7, 18, 24, 1, 1, 1),
            // "… praised the campaign …": 0.1390, just short of positive
            // (above 0.14); "campaign" (-0.26) and "the campaign" (-0.12)
            // pull against "praised" (+0.37) and "praised the" (+0.15).
            (8, 34, 45, 1, 0, 1),
            (9, 80, 82, 0, 0, 0),
            // "His lengthy criticism of Trump ended: “…”": attribution takes
            // the phrase with Trump as the quote's speaker, so a quarter of
            // "criticism" just before him; VADER finds the sentence positive.
            (10, 25, 30, -1, -1, 1),
        ]
    );
    // Trump in line 6 speaks ("Trump accused …"): a quarter of -1.8275
    // (see above), -0.4569, and half of the target lexicon's "accused"
    // (-0.80 × 0.5), "National" (+0.18 × 0.4512), the pair "against him"
    // (-0.20 × 0.2702) and three weaker: -0.3674; -0.8243, mapped -0.2082.
    assert_eq!(round4(predictions[6].target_score), -0.2082);
    assert_eq!(predictions[6].sentence_score, -0.296);
    // 0.77 from the valences, +0.1342 from the target lexicon.
    assert_eq!(round4(predictions[3].target_score), 0.2273);
    // -0.3277 from "criticism" and the stance cue, -0.1751 from the target
    // lexicon ("criticism" -0.35, "ended" -0.11, "criticism of" -0.14,
    // "lengthy" +0.08).
    assert_eq!(round4(predictions[11].target_score), -0.1288);
    assert_eq!(predictions[11].sentence_score, 0.4019);

    let s = summarize(&gold, &predictions);
    assert_eq!((s.sentences, s.targets), (10, 12));
    // Target-dependent: negatives 6/6 right; neutral 2 of 3 with one false
    // neutral (P 2/3, R 2/3); positive 2 of 3 with one false positive (P
    // 2/3, R 2/3).
    let td = s.target_dependent;
    assert_eq!(td.f1_negative, 1.0);
    assert!((td.f1_neutral - 2.0 / 3.0).abs() < 1e-12);
    assert!((td.f1_positive - 2.0 / 3.0).abs() < 1e-12);
    assert!((td.f1_macro - (1.0 + 4.0 / 3.0) / 3.0).abs() < 1e-12);
    assert_eq!(td.accuracy, 10.0 / 12.0);
    // Whole sentence: negative 5/6 (P 1, R 5/6); neutral 1 of 3 (P 1, R
    // 1/3); positive 3 of 3 with three false positives (P 1/2, R 1).
    let ws = s.whole_sentence;
    assert!((ws.f1_negative - 10.0 / 11.0).abs() < 1e-12);
    assert!((ws.f1_neutral - 0.5).abs() < 1e-12);
    assert!((ws.f1_positive - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(ws.accuracy, 9.0 / 12.0);
}

#[test]
fn tune_finds_the_thresholds_with_the_best_f1m() {
    let predictions = predict(&sample(), &lexicons());
    let (negative_below, positive_above, f1) = targets::tune(&predictions);
    // No pair gets all twelve right: "Trump accepted …" (0.2273, neutral)
    // scores above "Mr. Sanders" (0.1390, positive). The first best pair:
    // the lowest that keeps every negative (the highest is -0.1288), then
    // the lowest that keeps "he" (0.1203) neutral: the sample's own F1m.
    assert_eq!((negative_below, positive_above), (-0.12, 0.13));
    assert!((f1 - (1.0 + 0.8 + 6.0 / 7.0) / 3.0).abs() < 1e-12);
}

#[test]
fn bad_gold_lines_are_errors_naming_the_line() {
    let good = r#"{"sentence_normalized": "Kono said so.", "targets": [{"from": 0, "to": 4, "mention": "Kono", "polarity": 4.0}]}"#;
    let line2 = |bad: &str| parse_gold(&format!("{good}\n{bad}\n")).map(|g| g.len());
    assert_eq!(line2(good), Ok(2));
    let err = |message: &str| {
        Err(GoldError {
            line: 2,
            message: message.into(),
        })
    };
    assert_eq!(
        line2(&good.replace("4.0", "3.0")),
        err("polarity 3: one of 2, 4, 6")
    );
    assert_eq!(
        line2(&good.replace("\"to\": 4", "\"to\": 14")),
        err("target 0..14 is not inside the sentence (13 characters)")
    );
    assert!(matches!(line2("{not json"), Err(GoldError { line: 2, .. })));
}

#[test]
fn binary_prints_both_modes_and_writes_predictions() {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("predictions.csv");
    let out = stance()
        .args(["eval", "targets", "--gold", SAMPLE, "--predictions"])
        .arg(&path)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let expected = "\
sentences: 10, targets: 12
                      F1m  accuracy     F1 neg   F1 neu    F1 pos
target-dependent     77.8      83.3      100.0     66.7      66.7
whole-sentence       69.2      75.0       90.9     50.0      66.7
";
    assert_eq!(stdout, expected);
    let csv = fs::read_to_string(&path).expect("predictions written");
    assert_eq!(
        csv,
        "line,from,to,predicted\n1,0,6,0\n2,0,3,-1\n2,30,45,-1\n3,0,5,1\n4,0,30,1\n5,43,50,-1\n\
         6,50,55,-1\n6,100,114,-1\n7,18,24,1\n8,34,45,0\n9,80,82,0\n10,25,30,-1\n"
    );
}

#[test]
fn binary_prints_json() {
    let out = stance()
        .args(["eval", "targets", "--gold", SAMPLE, "--json"])
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("one JSON object");
    assert_eq!(json["sentences"], 10);
    assert_eq!(json["targets"], 12);
    assert_eq!(json["target_dependent"]["accuracy"], 10.0 / 12.0);
    assert_eq!(json["whole_sentence"]["accuracy"], 0.75);
    assert_eq!(json["target_dependent"]["f1_negative"], 1.0);
}

#[test]
fn binary_names_the_gold_file_and_line_of_a_bad_line() {
    let dir = TempDir::new().expect("temp dir");
    let bad = dir.path().join("bad.jsonl");
    let text = fs::read_to_string(SAMPLE).expect("sample reads");
    fs::write(
        &bad,
        format!("{}\n{{}}\n", text.lines().next().unwrap_or("")),
    )
    .expect("write");
    let out = stance()
        .args(["eval", "targets", "--gold"])
        .arg(&bad)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with(&format!(
            "stance: {}: line 2: missing field `sentence_normalized`",
            bad.display()
        )),
        "{stderr}"
    );
}

#[test]
fn a_target_lexicon_word_adds_its_weight_times_its_scope_and_negation() {
    // A made-up word, so that no other lexicon moves the score.
    let mut target = TargetLexicon::default();
    target
        .extend_from("test.tsv", "# comment\nBlorfed\t-1.5\n")
        .expect("lexicon parses");
    assert_eq!(target.weight("blorfed"), Some(-1.5));
    assert!(target.extend_from("bad.tsv", "blorfed\n").is_err());
    let lex = lexicons();
    let scoring = scoring_with(&lex, &target);
    let breaks = |w: &str| lex.speaker_words.is_clause_break(w);
    let text = "Smith was blorfed. Jones was not blorfed.";
    let doc = Document::new(text, &lex.abbreviations);
    let st = Statement::unattributed(0..doc.tokens.len());
    // Smith: "blorfed" two tokens after him, 0.95 × -1.5 = -1.425;
    // -1.425 / sqrt(1.425² + 15).
    let smith = 0..1;
    let (score, evidence) = target_scope::score(&doc, &st, &[smith], scoring, &breaks, false);
    assert_eq!(
        rounded(&evidence),
        [(Scale::Sentiment, "target: blorfed".to_string(), -1.425)]
    );
    assert_eq!(round4(score), -0.3453);
    // Jones (token 4): the other sentence's word does not count; "not"
    // negates as VADER does (× -0.74): 0.9025 × -1.5 × -0.74 = 1.0018.
    let jones = 4..5;
    let (score, evidence) = target_scope::score(&doc, &st, &[jones], scoring, &breaks, false);
    assert_eq!(
        rounded(&evidence),
        [(Scale::Sentiment, "target: not blorfed".to_string(), 1.0018)]
    );
    assert_eq!(round4(score), 0.2504);
}

#[test]
fn a_target_lexicon_word_pair_adds_its_weight_when_its_words_stand_together() {
    let mut target = TargetLexicon::default();
    target
        .extend_from("test.tsv", "blorfed\t-1.5\nwas blorfed\t-1.0\n")
        .expect("lexicon parses");
    assert_eq!(target.pair_weight("was", "blorfed"), Some(-1.0));
    assert!(
        target
            .extend_from("bad.tsv", "was much blorfed\t-1\n")
            .is_err()
    );
    assert!(target.extend_from("bad.tsv", "was  blorfed\t-1\n").is_err());
    let lex = lexicons();
    let scoring = scoring_with(&lex, &target);
    let breaks = |w: &str| lex.speaker_words.is_clause_break(w);
    let entries = |text: &str, speaks: bool| {
        let doc = Document::new(text, &lex.abbreviations);
        let st = Statement::unattributed(0..doc.tokens.len());
        let smith = 0..1;
        let (_, evidence) = target_scope::score(&doc, &st, &[smith], scoring, &breaks, speaks);
        rounded(&evidence)
    };
    // "blorfed" two tokens after Smith (0.95): its own weight and the
    // pair's, each × 0.95; when Smith speaks, each × 0.5 more.
    assert_eq!(
        entries("Smith was blorfed.", false),
        [
            (Scale::Sentiment, "target: blorfed".to_string(), -1.425),
            (Scale::Sentiment, "target: was blorfed".to_string(), -0.95)
        ]
    );
    assert_eq!(
        entries("Smith was blorfed.", true),
        [
            (Scale::Sentiment, "target: blorfed".to_string(), -0.7125),
            (Scale::Sentiment, "target: was blorfed".to_string(), -0.475)
        ]
    );
    // A comma between the two words: no pair ("blorfed" three tokens on).
    assert_eq!(
        entries("Smith was, blorfed.", false),
        [(Scale::Sentiment, "target: blorfed".to_string(), -1.3538)]
    );
}

#[test]
fn the_embedded_target_lexicon_loads_and_features_are_written_for_learning_it() {
    // lexicons/news_target.tsv, as learn_news_target.py wrote it.
    let lex = lexicons();
    assert_eq!(lex.target_sentiment.len(), 3913);
    assert_eq!(lex.target_sentiment.weight("accused"), Some(-0.8));
    assert_eq!(lex.target_sentiment.weight("private"), Some(-0.52));
    // Word pairs: the second word's weight after the first.
    assert_eq!(
        lex.target_sentiment.pair_weight("accused", "of"),
        Some(-0.11)
    );
    assert_eq!(lex.target_sentiment.weight("of"), None);
    // Names and function words were left out.
    assert_eq!(lex.target_sentiment.weight("trump"), None);
    assert_eq!(lex.target_sentiment.weight("the"), None);

    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("features.jsonl");
    stance()
        .args(["eval", "targets", "--gold", SAMPLE, "--features"])
        .arg(&path)
        .assert()
        .success();
    let text = fs::read_to_string(&path).expect("features written");
    assert_eq!(text.lines().count(), 12);
    let first: serde_json::Value =
        serde_json::from_str(text.lines().next().expect("a line")).expect("JSON");
    // "Winner wrote that she had a 30-minute private meeting …": Winner
    // speaks (× 0.5 for the target lexicon); "wrote" right after her, then
    // × 0.95 per token.
    assert_eq!(
        (first["line"].as_u64(), first["gold"].as_i64()),
        (Some(1), Some(0))
    );
    let words = first["words"].as_array().expect("words");
    assert_eq!(words[0], serde_json::json!(["wrote", 0.5, 1, false]));
    assert_eq!(words[1], serde_json::json!(["that", 0.475, 2, false]));
    // The sum the score maps: -0.1520 (see the sample test above).
    assert_eq!(round4(first["raw"].as_f64().expect("raw")), -0.152);
}
