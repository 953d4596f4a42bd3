//! Actor mentions and targets on real news text (Wikinews, CC BY 2.5; the
//! articles are in tests/fixtures/actors_dev/articles.jsonl and
//! ../shared/data/wikinews).

use stance::aggregate::ArticleReport;
use stance::{Article, Engine, Lexicons};

fn score(id: &str, text: &str) -> ArticleReport {
    Engine::from_lexicons(Lexicons::embedded().expect("embedded lexicons"))
        .score(&Article::new(id, text))
}

/// `(speaker, actor, targets)` of each statement.
fn statements(report: &ArticleReport) -> Vec<(&str, Option<&str>, Vec<&str>)> {
    report
        .statements
        .iter()
        .map(|s| {
            let targets = s.targets.iter().map(String::as_str).collect();
            (s.speaker.as_str(), s.actor.as_deref(), targets)
        })
        .collect()
}

/// `(source, target)` of each dyad.
fn dyads(report: &ArticleReport) -> Vec<(&str, &str)> {
    report
        .dyads
        .iter()
        .map(|d| (d.source.as_str(), d.target.as_str()))
        .collect()
}

/// wn-2019-0151, "US announces restrictions on flights to Cuba": Cuba's foreign
/// minister on Twitter. `#US` (twice) names Washington; `from us` is the
/// pronoun and names no one.
const PARRILLA: &str = "Bruno Parrilla, the foreign affairs minister of Cuba, responded to \
the new rules via Twitter: \"I strongly reject new #US blockade measure that bans #US \
airlines' flights to 9 Cuban airports [...] they won't extract any concession from us. We \
shall overcome!\"";

#[test]
fn us_in_capitals_names_washington() {
    let report = score("wn-2019-0151", PARRILLA);
    assert_eq!(
        statements(&report),
        [("Bruno Parrilla", Some("Havana"), vec!["Washington"])]
    );
    // "I strongly reject … blockade … bans": stance cues reject -4 (boosted by
    // `strongly`), blockade -9.5, bans -5, won't … concession -3.7, all in
    // the clauses that name #US (`stance explain` shows them).
    assert_eq!(
        format!("{:.4}", report.statements[0].target_stances[0]),
        "-0.8906"
    );
    assert_eq!(dyads(&report), [("Havana", "Washington")]);
}

/// wn-2019-0098, a study of an algae bloom after a Hawaiian eruption: `for us`
/// is the pronoun; nothing in the quote names an actor.
const SETH_JOHN: &str = "Study co-author and geochemist Seth John remarked in a press \
release, \"There was no reason for us to expect that an algae bloom like this would happen \
[...] Lava doesn't contain any nitrate.\"";

#[test]
fn us_in_lowercase_is_the_pronoun() {
    let report = score("wn-2019-0098", SETH_JOHN);
    assert_eq!(statements(&report), [("Seth John", None, vec![])]);
    assert!(report.actors.is_empty());
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
    let report = score("wn-2019-0043", WATSON);
    assert_eq!(
        statements(&report),
        [
            ("Tom Watson", Some("London"), vec!["London"]),
            ("Tom Watson", Some("London"), vec![]),
        ]
    );
    // "lousy" (news valence -3.75) read toward `Prime Minister Theresa May`
    // at its distance from her: beyond the ±0.05 band, so London is a target
    // of its own MP.
    assert_eq!(
        format!("{:.4}", report.statements[0].target_stances[0]),
        "-0.0919"
    );
    assert_eq!(dyads(&report), [("London", "London")]);
}

/// wn-2020-0000, the end of Samoa's measles emergency: UNICEF (the UN, as the
/// annotation guide counts UN agencies) delivering vaccine to Samoa is aid.
const UNICEF: &str = "UNICEF reported they had delivered over 105 thousand doses of \
vaccine to Samoa by November 22. The national vaccination campaign started on November 20.";

#[test]
fn delivering_vaccine_is_aid_toward_the_country_it_reaches() {
    let report = score("wn-2020-0000", UNICEF);
    assert_eq!(statements(&report), [("UNICEF", Some("UN"), vec!["Apia"])]);
    // `delivered over 105 thousand doses` matches `deliver* .. doses` (+7.4,
    // CAMEO 073 Provide humanitarian aid), the one cue of the clause that
    // names Samoa (`stance explain` shows it).
    assert_eq!(
        format!("{:.4}", report.statements[0].target_stances[0]),
        "0.6072"
    );
    assert_eq!(dyads(&report), [("UN", "Apia")]);
}

/// wn-2019-0104, the Court of Session on the prorogation of Parliament:
/// `Johnson's advice` names the Prime Minister the article named in full
/// before (`Prime Minister Boris Johnson`), so London is the court's target.
const COURT_OF_SESSION: &str = "On Wednesday, the Court of Session in Scotland issued an \
opinion on the suspension — prorogation — of the Parliament of the United Kingdom which went \
into effect on Tuesday, finding it to be unlawful. The Court of Session is the highest civil \
court in Scotland. The only court with higher authority is the Supreme Court of the United \
Kingdom.\n\nThe court had been petitioned by Joanna Cherry of the Scottish National Party and \
78 co-petitioners for a ruling on the prorogation of the UK parliament by Queen Elizabeth II at \
the request of Prime Minister Boris Johnson. Cherry and all but one of the petitioners are \
members of UK parliament.\n\nThe three-judge court found Johnson's advice to the Queen \"was \
motivated by the improper purpose of stymying Parliament and that it, and what has followed \
from it, is unlawful.\"";

#[test]
fn a_surname_after_the_full_name_names_the_persons_actor_as_a_target() {
    let report = score("wn-2019-0104", COURT_OF_SESSION);
    let court = "the Court of Session in Scotland";
    assert_eq!(
        statements(&report),
        [
            (court, Some("Edinburgh"), vec![]),
            (court, Some("Edinburgh"), vec!["London"]),
        ]
    );
    // The court's finding, read from `Johnson's` and `the Queen` (the office
    // holder named before as `Queen Elizabeth II`) on: `improper` (-2.25) and
    // `unlawful` (stance -2.00) outweigh `motivated` (+1.60).
    assert_eq!(
        format!("{:.4}", report.statements[1].target_stances[0]),
        "-0.1971"
    );
    assert_eq!(dyads(&report), [("Edinburgh", "London")]);
}

/// wn-2019-0145, the arrests after a dark-web site was taken down: the
/// countries where arrests were made are what the statement is about, not
/// governments Washington opposes (the hand annotation gives each stance 0).
const ARRESTS: &str = "US authorities claimed the site was the largest child pornography \
site in the world and that more than twenty active victims were rescued. They also stated \
arrests were made in Australia, Brazil, Canada, the Czech Republic, Germany, Ireland, Saudi \
Arabia, South Korea, Spain, the United Arab Emirates and the United Kingdom.";

#[test]
fn countries_named_as_places_are_targets_without_a_stance() {
    let report = score("wn-2019-0145", ARRESTS);
    let places = [
        "Canberra",
        "Brasilia",
        "Ottawa",
        "Prague",
        "Berlin",
        "Dublin",
        "Riyadh",
        "Seoul",
        "Madrid",
        "Abu Dhabi",
        "London",
    ];
    assert_eq!(
        statements(&report),
        [
            ("US authorities", Some("Washington"), vec![]),
            ("US authorities", Some("Washington"), places.to_vec()),
        ]
    );
    // `arrests` is a stance cue (-5), but not toward where they were made.
    assert_eq!(report.statements[1].target_stances, [0.0; 11]);
    assert_eq!(report.dyads.len(), 11);
}

/// wn-2019-0151, the first two paragraphs: the Department of Transportation
/// announces restrictions on flights to Cuba; Pompeo cites Havana's "support
/// for Nicolás Maduro" as his motivation. That support is Havana's act toward
/// Caracas, which Pompeo reports; it is no cooperation of Washington's.
const CUBA_FLIGHTS: &str = "On Friday, the United States Department of Transportation \
announced new restrictions on flights to Cuba. The new policy, which is to take effect on \
December 10, prohibits all flights to Cuba, with the exception of flights to the \
international airport in Havana.\n\nUS Secretary of State Mike Pompeo sent a letter requesting \
the new rules to Elaine Chao, the Secretary of Transportation; the new rules were released \
later the same day. In the letter, Pompeo cited the Cuban government's \"ongoing repression of \
the Cuban people and its support for Nicolás Maduro in Venezuela\" as his motivation.";

#[test]
fn a_targets_own_support_is_not_the_speakers_cooperation() {
    let report = score("wn-2019-0151", CUBA_FLIGHTS);
    let department = "the United States Department of Transportation";
    assert_eq!(
        statements(&report),
        [
            (department, Some("Washington"), vec!["Havana"]),
            ("Mike Pompeo", Some("Washington"), vec!["Havana", "Caracas"]),
        ]
    );
    // `restrictions on` (-5.0, CAMEO 172) alone: -5 / sqrt(25 + 93.75).
    assert_eq!(
        format!("{:.4}", report.statements[0].target_stances[0]),
        "-0.4588"
    );
    // `its support` (+3.5) follows `its`, and the actor named last before it
    // is Havana (`the Cuban people`): left out of the statement's stance
    // (the evidence says so at weight 0), which is its sentiment's share
    // alone (+0.0207 × 2 Goldstein points).
    let cited = &report.statements[1];
    assert_eq!(
        cited.evidence,
        "repression -2.40; support 1.36; motivation 1.12; \
         stance: support (a target's act) 0.00; stance: sentiment 0.04"
    );
    assert_eq!(format!("{:.4}", cited.stance), "0.0043");
    assert_eq!(
        dyads(&report),
        [("Washington", "Havana"), ("Washington", "Caracas")]
    );
    // The mean of -0.4588 and Havana's +0.0359 in the cited statement.
    assert_eq!(format!("{:.4}", report.dyads[0].stance), "-0.2115");
}

/// wn-2019-0081, the El Paso shooting: Mexico's foreign secretary on what his
/// own government will do. `the Mexican government` opening the content is
/// the side that acts; the U.S. government is whom it presses.
const EBRARD: &str = "Mexico's Foreign Secretary Marcelo Ebrard said the Mexican government \
would pressure the U.S. government to provide better protections for Mexicans in the United \
States.";

#[test]
fn the_own_government_opening_the_content_acts_and_is_no_target() {
    let report = score("wn-2019-0081", EBRARD);
    assert_eq!(
        statements(&report),
        [("Marcelo Ebrard", Some("Mexico City"), vec!["Washington"])]
    );
    assert_eq!(
        report.statements[0].evidence,
        "pressure -1.80; better 1.52; stance: would pressure -5.00; stance: sentiment -0.14"
    );
    assert_eq!(
        format!("{:.4}", report.statements[0].target_stances[0]),
        "-0.4416"
    );
    assert_eq!(dyads(&report), [("Mexico City", "Washington")]);
}

/// wn-2019-0041, the Christchurch mosque shootings: New Zealand's Prime
/// Minister on what her government will review, among it "enhanced
/// information-sharing with Australia".
const ARDERN: &str = "According to New Zealand Prime Minister Jacinda Ardern, Brenton had a \
licence for the five firearms he allegedly used for the attack — two semi-automatic, two \
shotguns, and one lever-action.\n\nPrime Minister Ardern said at a press conference yesterday \
morning the gun laws should be changed. She said, \"I have instructed ODESC [Officials \
Committee for Domestic and External Security Coordination] to report to Cabinet on Monday on \
these events with a view to strengthening our systems on a range of fronts including, but not \
limited to, firearms, border controls, enhanced information-sharing with Australia, and any \
practice reinforcement of our watchlist processes.\"";

#[test]
fn sharing_information_with_a_country_is_cooperation_toward_it() {
    let report = score("wn-2019-0041", ARDERN);
    let ardern = "Jacinda Ardern";
    assert_eq!(
        statements(&report),
        [
            (ardern, Some("Wellington"), vec![]),
            (ardern, Some("Wellington"), vec![]),
            (ardern, Some("Wellington"), vec!["Canberra"]),
        ]
    );
    // `information-sharing with` (+7.0, CAMEO 064) in the clause from `but`
    // on, which names Australia; `Coordination` (+3.5) stands in another.
    assert_eq!(
        format!("{:.4}", report.statements[2].target_stances[0]),
        "0.5883"
    );
    assert_eq!(dyads(&report), [("Wellington", "Canberra")]);
}

/// wn-2020-0049, Warren endorses Biden: `their own support` opens Obama's
/// content, before any target is named, so it is the speakers' own support
/// and counts (only a target named before `its` / `their` makes the cue the
/// target's act).
const OWN_SUPPORT: &str = "Former US presidential candidate Elizabeth Warren announced \
yesterday she was endorsing Joe Biden for this year's presidential election. The move came \
shortly after fellow former presidential candidate Bernie Sanders and former president Barack \
Obama announced their own support for Biden.";

#[test]
fn the_speakers_own_support_still_counts() {
    let report = score("wn-2020-0049", OWN_SUPPORT);
    assert_eq!(
        statements(&report),
        [
            ("Elizabeth Warren", None, vec!["Washington"]),
            ("Barack Obama", Some("Washington"), vec!["Washington"]),
        ]
    );
    assert_eq!(
        report.statements[1].evidence,
        "support 1.36; stance: support 3.50; stance: sentiment 0.66"
    );
    assert_eq!(dyads(&report), [("Washington", "Washington")]);
}

/// wn-2019-0006, the border wall and the shutdown: the Senate's minority
/// leader speaks of `the president`, the office holder the article named as
/// `United States President Donald Trump`; an own government's office holder
/// judged beyond ±0.05 is a target (a dyad of Washington to itself, as the
/// annotation guide counts Congress against the President).
const SCHUMER: &str = "United States President Donald Trump said on Friday he can and may \
declare a national state of emergency, which he said would allow him to act without approval \
from Congress and allocate funding for the construction of a wall along the country's border \
with Mexico.\n\nThe Senate Minority Leader, Chuck Schumer, said on Friday \"We made a plea to \
the president once again: don't hold hundreds of thousands of federal workers hostage\" and \
\"So we told the president we needed the government open. He resisted.\"";

#[test]
fn the_president_names_the_office_holder_the_article_named() {
    let report = score("wn-2019-0006", SCHUMER);
    let (speaker, actor, targets) = statements(&report).pop().expect("Schumer's statement");
    assert_eq!(
        (speaker, actor, targets),
        ("Chuck Schumer", Some("Washington"), vec!["Washington"])
    );
    // `hostage` (-9.0) stands in the clause from `don't hold` to `open.`,
    // which names the president again (`So we told the president`):
    // -9 / sqrt(81 + 93.75).
    let last = report.statements.last().expect("a statement");
    assert_eq!(format!("{:.4}", last.target_stances[0]), "-0.6808");
    assert_eq!(
        dyads(&report),
        [("Washington", "Mexico City"), ("Washington", "Washington")]
    );
}

/// wn-2020-0081 (2020-08-12): Biden announces Kamala Harris as his running
/// mate. The actor lexicon lists all of Biden's terms of office (Senator
/// 1973-2009, Vice President 2009-2017, President 2021-2025): in 2020 he is
/// a candidate and speaks for no government, as the annotation guide has it;
/// Harris, a senator then, and Pence, the vice president, are Washington's.
const RUNNING_MATE: &str = "Yesterday, Joe Biden, the Democratic Party's presumptive nominee \
for President of the United States, announced Kamala Harris as his choice for running mate in \
the 2020 United States presidential election.\n\nBiden wrote that \"I've decided that Kamala \
Harris is the best person to help me take this fight to Trump and Mike Pence and then to lead \
this nation starting in January 2021\".";

#[test]
fn an_office_holder_between_terms_speaks_for_no_government() {
    let engine = Engine::from_lexicons(Lexicons::embedded().expect("embedded lexicons"));
    let mut article = Article::new("wn-2020-0081", RUNNING_MATE);
    article.meta.date = Some("2020-08-12".to_string());
    let dated = engine.score(&article);
    assert_eq!(
        statements(&dated),
        [
            ("Joe Biden", None, vec!["Washington"]),
            ("Joe Biden", None, vec!["Washington"]),
        ]
    );
    // Biden's two mentions name no actor; Harris (twice), Pence and the
    // United States (twice) are Washington's (`Trump` alone, a surname the
    // article never named in full, is no one's).
    let washington = dated
        .actors
        .iter()
        .find(|a| a.actor == "Washington")
        .expect("Washington is named");
    assert_eq!(washington.mentions, 5);
    assert!(dated.dyads.is_empty());
    // Without a date nothing says when the article was written: Biden is
    // the office holder the lexicon lists, and Harris his own government,
    // named without a stance in the first statement.
    let undated = score("wn-2020-0081", RUNNING_MATE);
    assert_eq!(
        statements(&undated),
        [
            ("Joe Biden", Some("Washington"), vec![]),
            ("Joe Biden", Some("Washington"), vec!["Washington"]),
        ]
    );
}

/// wn-2020-0105 (2020-09-30): a government title (`presidential`) gives no
/// actor to a person out of office at the article's date, as it would to an
/// official the lexicon does not know.
const RIVAL: &str = "Although Trump's State Department asked for any \"external party\" not \
to involve themselves in the conflict, his main presidential rival Joe Biden called on the \
President to demand directly that Turkey stop interfering on Azerbaijan's behalf.";

#[test]
fn a_title_gives_no_actor_to_a_person_out_of_office() {
    let engine = Engine::from_lexicons(Lexicons::embedded().expect("embedded lexicons"));
    let mut article = Article::new("wn-2020-0105", RIVAL);
    article.meta.date = Some("2020-09-30".to_string());
    let report = engine.score(&article);
    let biden = statements(&report)
        .into_iter()
        .find(|(speaker, _, _)| *speaker == "Joe Biden")
        .expect("Biden's statement");
    assert_eq!(biden, ("Joe Biden", None, vec!["Ankara", "Baku"]));
}

/// wn-2019-0024, Syria's reconstruction: `no support` is no cooperation.
/// VADER negates a word one or two words after `no`; the stance cues follow
/// the same rule (`support` +3.5 × -0.74).
const NO_SUPPORT: &str = "The United States, which has retreated from a previous goal of \
ousting Syrian President Bashar al-Assad, has stated reconstruction will cost between US$300 \
and 400 billion. The US has further indicated no support will come without political reform \
in Syria.";

#[test]
fn no_before_a_cue_negates_it_as_vader_negates_a_word() {
    let report = score("wn-2019-0024", NO_SUPPORT);
    let indicated = &report.statements[1];
    assert_eq!(
        indicated.evidence,
        "no support -1.89; stance: no support -2.59; stance: sentiment -0.88"
    );
    // (-2.59 - 0.88) / sqrt(3.47² + 93.75)
    assert_eq!(format!("{:.4}", indicated.stance), "-0.3370");
    // Syria is named only after `in`: a place, no stance toward it (the
    // annotation of actors_silver_b gives -1 here; see docs/EVALUATION.md).
    assert_eq!(indicated.targets, ["Damascus"]);
    assert_eq!(indicated.target_stances, [0.0]);
}

/// wn-2020-0105 (two sentences of it): deals between other governments that
/// Washington announces are cooperation toward each (`deals between`, +6.0:
/// 6 / sqrt(36 + 93.75)); `the Trump administration` is the administration
/// of the President the article named in full, not the government the
/// sentence names most (Israel, three times).
const DEALS: &str = "As the campaign entered September, Democratic Party presidential \
nominee Joe Biden led President Donald Trump, the Republican Party presidential nominee, in the \
RealClearPolitics head-to-head polling average, 49.0 percent to 43.0 percent.\n\nBuilding on the \
deal brokered between Israel and the United Arab Emirates (UAE) the previous month, the Trump \
administration announced additional deals between Israel and Bahrain and between Serbia, \
Kosovo, and Israel.";

#[test]
fn deals_between_others_are_cooperation_toward_each() {
    let report = score("wn-2020-0105", DEALS);
    let announced = report.statements.last().expect("a statement");
    assert_eq!(announced.speaker, "the Trump administration");
    assert_eq!(announced.actor.as_deref(), Some("Washington"));
    // Israel opens the content without a government word; it is named as
    // a target like the others.
    assert_eq!(
        announced.targets,
        ["Jerusalem", "Manama", "Belgrade", "Pristina"]
    );
    assert!(
        announced
            .target_stances
            .iter()
            .all(|v| format!("{v:.4}") == "0.5267")
    );
}

/// wn-2019-0166: leaving the EU is a step away from it (-4.0, like CAMEO 161):
/// -4 / sqrt(16 + 93.75) in the first clause; with the sentiment of `leave`
/// in the second.
const LEAVE_EU: &str = "Conservative Party leader and Prime Minister Boris Johnson said he was \
\"humbled\" by the results and \"...I and we will never take your support for granted. And I \
will make it my mission to work night and day, flat out, to prove you right in voting for me this \
time and to earn your support in the future.\" Election implications regarding the UK's efforts on leaving the European Union (EU) were \
described by Johnson as a \"historic mandate\", saying he intends to leave the EU by the end of \
January.";

#[test]
fn leaving_the_eu_is_a_step_away_from_brussels() {
    let report = score("wn-2019-0166", LEAVE_EU);
    let toward: Vec<(String, String)> = report
        .statements
        .iter()
        .filter(|s| s.targets == ["Brussels"])
        .map(|s| (s.text.clone(), format!("{:.4}", s.target_stances[0])))
        .collect();
    assert_eq!(
        toward,
        [
            (
                "Election implications regarding the UK's efforts on leaving the European Union (EU) were described".to_string(),
                "-0.3818".to_string()
            ),
            (
                "he intends to leave the EU by the end of January".to_string(),
                "-0.3866".to_string()
            ),
        ]
    );
    assert_eq!(dyads(&report), [("London", "Brussels")]);
}
