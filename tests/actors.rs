//! Actor mentions and targets on real news text (Wikinews, CC BY 2.5; the
//! article is in tests/fixtures/actors_dev/articles.jsonl).

use stance::{Article, Engine, Lexicons};

fn engine() -> Engine {
    Engine::from_lexicons(Lexicons::embedded().expect("embedded lexicons"))
}

/// wn-2019-0151, "US announces restrictions on flights to Cuba": Cuba's foreign
/// minister on Twitter. `#US` (twice) names Washington; `from us` is the
/// pronoun and names no one.
const PARRILLA: &str = "Bruno Parrilla, the foreign affairs minister of Cuba, responded to \
the new rules via Twitter: \"I strongly reject new #US blockade measure that bans #US \
airlines' flights to 9 Cuban airports [...] they won't extract any concession from us. We \
shall overcome!\"";

#[test]
fn us_in_capitals_names_washington_and_us_the_pronoun_does_not() {
    let report = engine().score(&Article::new("wn-2019-0151", PARRILLA));
    let st: Vec<_> = report
        .statements
        .iter()
        .map(|s| (s.speaker.as_str(), s.actor.as_deref(), s.targets.clone()))
        .collect();
    assert_eq!(
        st,
        [(
            "Bruno Parrilla",
            Some("Havana"),
            vec!["Washington".to_string()]
        )]
    );
    // "I strongly reject … blockade": against Washington.
    assert!(report.statements[0].target_stances[0] < -0.5);
    let dyads: Vec<_> = report
        .dyads
        .iter()
        .map(|d| (d.source.as_str(), d.target.as_str()))
        .collect();
    assert_eq!(dyads, [("Havana", "Washington")]);
}

#[test]
fn us_in_lowercase_is_the_pronoun() {
    let text = "\"They will not extract any concession from us,\" Cuban Foreign Minister \
Bruno Rodriguez said.";
    let report = engine().score(&Article::new("a", text));
    assert_eq!(report.statements.len(), 1);
    assert!(report.statements[0].targets.is_empty());
    assert!(report.dyads.is_empty());
}

/// wn-2019-0043, the anti-Brexit march: a Labour MP (London, as the annotation
/// guide counts legislators) calls his own government's deal "lousy". The
/// own actor named as a government (the Prime Minister) and criticised is a
/// target; "the British people" names the country, not the government.
const WATSON: &str = "There were several speakers at the rally, including First Minister \
of Scotland Nicola Sturgeon, Labour MP (Member of Parliament) Tom Watson, and Sadiq Khan. \
Tom Watson called Prime Minister Theresa May's proposed Brexit deal \"lousy\" and said he \
would only vote for it if the British people could also vote for or against it.";

#[test]
fn criticising_ones_own_government_makes_a_dyad_to_itself() {
    let report = engine().score(&Article::new("wn-2019-0043", WATSON));
    let st: Vec<_> = report
        .statements
        .iter()
        .map(|s| (s.speaker.as_str(), s.actor.as_deref(), s.targets.clone()))
        .collect();
    assert_eq!(
        st,
        [
            ("Tom Watson", Some("London"), vec!["London".to_string()]),
            ("Tom Watson", Some("London"), vec![]),
        ]
    );
    assert!(report.statements[0].target_stances[0] < -0.05);
    let dyads: Vec<_> = report
        .dyads
        .iter()
        .map(|d| (d.source.as_str(), d.target.as_str()))
        .collect();
    assert_eq!(dyads, [("London", "London")]);
}
