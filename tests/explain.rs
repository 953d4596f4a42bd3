//! `stance explain` on the seed article (tests/fixtures/gsomia.txt, the AFP
//! story of South Korea ending its intelligence pact with Japan). The lines
//! below were checked against the stance lexicon: "urged" +1.0 and "continue
//! to have dialogue" +4.0 sum to 5.0, 5 / sqrt(5² + 93.75) = 0.4588;
//! "summoned … ambassador" -4.0 gives -4 / sqrt(4² + 93.75) = -0.3818.

use assert_cmd::Command;

const SEED: &str = "tests/fixtures/gsomia.txt";

fn stance() -> Command {
    Command::cargo_bin("stance").expect("the stance binary is built")
}

fn explain(args: &[&str]) -> String {
    let out = stance().arg("explain").args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

/// The lines of the statement numbered `n` (its header to the blank line).
fn statement(output: &str, n: usize) -> Vec<&str> {
    let header = format!("{n}. ");
    output
        .lines()
        .skip_while(|l| !l.starts_with(&header))
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn explains_each_statement_with_targets_and_the_words_behind_its_scores() {
    let out = explain(&[SEED]);
    assert!(
        out.starts_with("article gsomia: "),
        "{}",
        out.lines().next().unwrap_or("")
    );
    assert_eq!(
        statement(&out, 8),
        [
            "8. partial: Mike Pompeo → Washington, cue \"urged\"",
            "   \"both sides to \"continue to have dialogue.\"\"",
            "   targets    Seoul 0.4588, Tokyo 0.4588",
            "   → Seoul     0.4588   cue urged 1.00; continue to have dialogue 4.00",
            "   → Tokyo     0.4588   cue urged 1.00; continue to have dialogue 4.00",
            "   sentiment   0.0000   -",
            "   stance      0.4588   cue urged 1.00; continue to have dialogue 4.00",
        ]
    );
    assert_eq!(
        statement(&out, 11),
        [
            "11. indirect: Taro Kono → Tokyo, cue \"adding that\"",
            "   \"Tokyo had summoned the South Korean ambassador\"",
            "   targets    Seoul -0.3818",
            "   → Seoul    -0.3818   summoned the south korean ambassador -4.00",
            "   sentiment   0.0000   -",
            "   stance     -0.3818   summoned the south korean ambassador -4.00",
        ]
    );
    // Then the actor and dyad tables; no colour when stdout is not a terminal.
    assert!(
        out.contains(
            "\nactor                    mentions  statements  sentiment    stance\nSeoul "
        )
    );
    assert!(out.contains(
        "\nsource → target                      statements    stance  conflict  cooperation\n"
    ));
    // Pompeo's rebuke of Seoul stands beside his two appeals to both sides.
    assert!(out.contains(
        "\nWashington → Seoul                            4    0.2170         1            2\n"
    ));
    assert!(out.contains("\nTokyo → Seoul                                 3   -0."));
    assert!(!out.contains('\x1b'));
}

#[test]
fn colour_when_asked_for() {
    let out = explain(&[SEED, "--color", "always"]);
    // Bold header, red negative stance.
    assert!(out.starts_with("\x1b[1marticle gsomia: "));
    assert!(out.contains("\x1b[31m-0.3818\x1b[0m"));
    let plain = explain(&[SEED, "--color", "never"]);
    assert!(!plain.contains('\x1b'));
}

#[test]
fn explains_each_article_of_json_lines_or_only_the_one_with_id() {
    let text = std::fs::read_to_string(SEED).expect("seed article reads");
    let line = |id: &str| serde_json::json!({ "id": id, "text": text }).to_string();
    let input = format!("{}\n{}\n", line("one"), line("two"));
    let out = stance()
        .args(["explain", "-"])
        .write_stdin(input.clone())
        .assert()
        .success();
    let out = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let headers: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("article "))
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(headers, ["article one", "article two"]);

    let out = stance()
        .args(["explain", "-", "--id", "two"])
        .write_stdin(input.clone())
        .assert()
        .success();
    let out = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(out.starts_with("article two: "));
    assert!(!out.contains("article one"));

    let out = stance()
        .args(["explain", "-", "--id", "three"])
        .write_stdin(input)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr, "stance: -: no article with id \"three\"\n");
}

#[test]
fn a_missing_file_is_reported_and_exits_nonzero() {
    let out = stance()
        .args(["explain", "tests/fixtures/no-such-article.txt"])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with("stance: tests/fixtures/no-such-article.txt"),
        "{stderr}"
    );
}

#[test]
fn each_target_shows_the_cues_and_the_words_near_it() {
    let out = explain(&[SEED]);
    // Pompeo's rebuke: the cue `disappointed` (-2.00) and the sentiment toward
    // Seoul from the words near `the South Koreans` (`disappointed` -1.14 and
    // `agreement` +1.25 after the scope rules: sum 0.11, mapped to 0.03, at 2
    // Goldstein points per unit): -1.94 / sqrt(1.94² + 93.75) = -0.1964.
    assert_eq!(
        statement(&out, 5)[3],
        "   → Seoul    -0.1964   disappointed -2.00; sentiment 0.06 (disappointed -1.14, agreement 1.25)"
    );
}

#[test]
fn a_country_named_as_a_place_says_so() {
    // wn-2019-0145: arrests were made in these countries, no stance toward them.
    let text = "{\"id\":\"wn-2019-0145\",\"text\":\"US authorities claimed the site was the largest \
child pornography site in the world and that more than twenty active victims were rescued. They \
also stated arrests were made in Australia, Brazil, Canada, the Czech Republic, Germany, \
Ireland, Saudi Arabia, South Korea, Spain, the United Arab Emirates and the United Kingdom.\"}\n";
    let out = stance()
        .args(["explain", "-"])
        .write_stdin(text)
        .assert()
        .success();
    let out = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let lines = statement(&out, 2);
    assert!(lines[2].starts_with("   targets    Canberra 0.0000, Brasilia 0.0000, Ottawa 0.0000"));
    // One line per target, eleven, each with no stance.
    let toward: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("   → "))
        .collect();
    assert_eq!(toward.len(), 11);
    assert_eq!(
        toward[0],
        "   → Canberra  0.0000   named as a place: no stance"
    );
    assert_eq!(
        toward[1],
        "   → Brasilia  0.0000   named as a place: no stance"
    );
    assert!(
        toward
            .iter()
            .all(|l| l.ends_with(" 0.0000   named as a place: no stance"))
    );
}
