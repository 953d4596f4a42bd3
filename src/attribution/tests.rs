//! Attribution on real news sentences (the seed article, Wikinews) and on the
//! frames news uses, one test per frame.

use super::*;
use crate::Lexicons;
use crate::text::Document;

/// `(kind, speaker mention, cue, content)` of each statement.
fn statements(text: &str) -> Vec<(&'static str, String, String, String)> {
    let lex = Lexicons::embedded().expect("embedded lexicons");
    let doc = Document::new(text, &lex.abbreviations);
    attribute(&doc, lex.attribution())
        .into_iter()
        .map(|s| {
            (
                s.kind.as_str(),
                doc.span_text(s.speaker.mention()).to_string(),
                s.cue.clone(),
                doc.span_text(s.content.clone()).to_string(),
            )
        })
        .collect()
}

fn row(
    kind: &'static str,
    speaker: &str,
    cue: &str,
    content: &str,
) -> (&'static str, String, String, String) {
    (kind, speaker.into(), cue.into(), content.into())
}

#[test]
fn attributes_quote_before_said_to_speaker_after() {
    assert_eq!(
        statements(
            "\"Maintaining this agreement does not serve our national interest,\" said Kim You-geun, a national security official at Seoul's presidential Blue House."
        ),
        [row(
            "direct",
            "Kim You-geun",
            "said",
            "Maintaining this agreement does not serve our national interest"
        )]
    );
}

#[test]
fn attributes_speaker_colon_quote() {
    assert_eq!(
        statements(
            "Adamowicz's deputy, Piotr Kowalczuk, said: \"The next hours will decide everything.\""
        ),
        [row(
            "direct",
            "Piotr Kowalczuk",
            "said",
            "The next hours will decide everything."
        )]
    );
}

#[test]
fn joins_a_quote_split_around_its_attribution() {
    let text = "\"We cannot accept the claims,\" Kono said. \"We will strongly protest.\"";
    assert_eq!(
        statements(text),
        [row(
            "direct",
            "Kono",
            "said",
            "We cannot accept the claims,\" Kono said. \"We will strongly protest."
        )]
    );
}

#[test]
fn a_paragraph_that_is_wholly_a_quote_continues_the_previous_speaker() {
    let text = "\"It is time to talk,\" Pompeo said.\n\n\"We hope each of those two countries can begin.\"";
    let lex = Lexicons::embedded().expect("embedded lexicons");
    let doc = Document::new(text, &lex.abbreviations);
    let found = attribute(&doc, lex.attribution());
    assert_eq!(found.len(), 2);
    assert_eq!(
        doc.span_text(found[1].content.clone()),
        "We hope each of those two countries can begin."
    );
    assert_eq!(doc.span_text(found[1].speaker.mention()), "Pompeo");
    assert!(!found[1].speaker_here);
    assert_eq!(found[1].cue, "");
}

#[test]
fn reported_speech_with_adjunct_and_that() {
    assert_eq!(
        statements(
            "South Korea said on Aug. 22 it will terminate its military intelligence-sharing pact with Japan."
        ),
        [row(
            "indirect",
            "South Korea",
            "said",
            "it will terminate its military intelligence-sharing pact with Japan"
        )]
    );
    assert_eq!(
        statements(
            "Trump said Friday that he would prefer to agree a solution with the opposition."
        ),
        [row(
            "indirect",
            "Trump",
            "said that",
            "he would prefer to agree a solution with the opposition"
        )]
    );
}

#[test]
fn told_reporters_the_addressee_is_not_the_speaker() {
    assert_eq!(
        statements(
            "Prosecutor Krzysztof Sierak told reporters psychiatric assessments will be carried out."
        ),
        [row(
            "indirect",
            "Prosecutor Krzysztof Sierak",
            "told reporters",
            "psychiatric assessments will be carried out"
        )]
    );
}

#[test]
fn according_to_before_and_after_the_content() {
    assert_eq!(
        statements("According to the emergencies ministry, rescuers recovered ten survivors."),
        [row(
            "indirect",
            "the emergencies ministry",
            "According to",
            "rescuers recovered ten survivors"
        )]
    );
    assert_eq!(
        statements("Rescuers recovered ten survivors, according to the emergencies ministry."),
        [row(
            "indirect",
            "the emergencies ministry",
            "according to",
            "Rescuers recovered ten survivors"
        )]
    );
}

#[test]
fn adding_that_and_a_coordinated_cue_keep_the_speaker() {
    assert_eq!(
        statements(
            "A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work."
        ),
        [
            row(
                "indirect",
                "officials",
                "told state media",
                "A total of 39 are confirmed dead"
            ),
            row(
                "indirect",
                "officials",
                "adding that",
                "rescuers ended their work"
            ),
        ]
    );
}

#[test]
fn called_the_move_embeds_a_quoted_fragment() {
    assert_eq!(
        statements(
            "Japanese Foreign Minister Taro Kono called the move \"a complete misjudgment.\""
        ),
        [row(
            "partial",
            "Japanese Foreign Minister Taro Kono",
            "called",
            "the move \"a complete misjudgment.\""
        )]
    );
}

#[test]
fn pronoun_speaker_after_the_content() {
    assert_eq!(
        statements(
            "This caused \"fundamental changes\" to the nature of defence cooperation, he added."
        ),
        [row(
            "partial",
            "he",
            "added",
            "This caused \"fundamental changes\" to the nature of defence cooperation"
        )]
    );
}

#[test]
fn a_name_in_parentheses_and_appositions_between_quote_and_cue() {
    assert_eq!(
        statements("\"It is a dog whistle,\" Rep. Gwen Moore (D-Wis.) said Friday."),
        [row(
            "direct",
            "Rep. Gwen Moore",
            "said",
            "It is a dog whistle"
        )]
    );
    assert_eq!(
        statements(
            "\"It is an invasion,\" Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said this month."
        ),
        [row("direct", "Scott Pruitt", "said", "It is an invasion")]
    );
}

#[test]
fn a_name_after_a_dash_attributes_a_listed_quote() {
    assert_eq!(
        statements("“The most unqualified child to ever run for president.” ― Francisco Herrero"),
        [row(
            "direct",
            "Francisco Herrero",
            "―",
            "The most unqualified child to ever run for president."
        )]
    );
}

#[test]
fn nouns_that_look_like_cues_are_not_cues() {
    assert_eq!(
        statements("We cannot accept the claims by the South Korean side."),
        []
    );
    assert_eq!(
        statements("Trump's remarks drew criticism in the United States."),
        []
    );
}

#[test]
fn an_apposition_before_the_name_belongs_to_the_speaker() {
    // Wikinews, wn-2019-0068.
    let lex = Lexicons::embedded().expect("embedded lexicons");
    let text = "A member of the Tunisian Parliament, Samir Dilou said, \"Tunisia is facing terrorist attacks, so every measure which is led by security motives is understandable\".";
    let doc = Document::new(text, &lex.abbreviations);
    let found = attribute(&doc, lex.attribution());
    assert_eq!(found.len(), 1);
    let Speaker::Mention { phrase, apposition } = &found[0].speaker else {
        panic!("a named speaker");
    };
    assert_eq!(doc.span_text(phrase.clone()), "Samir Dilou");
    assert_eq!(
        apposition.clone().map(|a| doc.span_text(a).to_string()),
        Some("A member of the Tunisian Parliament".to_string())
    );
    assert_eq!(
        doc.span_text(found[0].content.clone()),
        "Tunisia is facing terrorist attacks, so every measure which is led by security motives is understandable"
    );
}

#[test]
fn according_to_a_document_by_someone_names_its_author() {
    // Wikinews, wn-2019-0082 and wn-2020-0026.
    assert_eq!(
        statements(
            "According to a memo posted online by Senator Juan Dalmau, the Senate cancelled its planned hearing."
        ),
        [row(
            "indirect",
            "Senator Juan Dalmau",
            "According to",
            "the Senate cancelled its planned hearing"
        )]
    );
    assert_eq!(
        statements(
            "According to the report by Tasnim News Agency, he died at the Masih-e-Daneshavari hospital in the capital city Tehran."
        ),
        [row(
            "indirect",
            "Tasnim News Agency",
            "According to",
            "he died at the Masih-e-Daneshavari hospital in the capital city Tehran"
        )]
    );
}

#[test]
fn a_word_in_capitals_is_a_name_whatever_it_spells() {
    // Wikinews, wn-2019-0164: `WHO` is no relative pronoun.
    assert_eq!(
        statements(
            "According to the WHO, the number of cases of measles globally in the first half of this year exceeded those of any other whole year since 2006."
        ),
        [row(
            "indirect",
            "the WHO",
            "According to",
            "the number of cases of measles globally in the first half of this year exceeded those of any other whole year since 2006"
        )]
    );
}

#[test]
fn reports_and_attackers_may_speak() {
    // Wikinews, wn-2019-0068 and wn-2019-0011.
    assert_eq!(
        statements(
            "According to eyewitness reports, the suicide bomber wore a face veil covering, the niqab."
        ),
        [row(
            "indirect",
            "eyewitness reports",
            "According to",
            "the suicide bomber wore a face veil covering, the niqab"
        )]
    );
    assert_eq!(
        statements(
            "The attacker is reported to have jumped on stage during the Great Orchestra of Christmas Charity and claimed he was wrongfully imprisoned under Adamowicz's former party Civic Platform's time in government."
        ),
        [row(
            "indirect",
            "The attacker",
            "claimed",
            "he was wrongfully imprisoned under Adamowicz's former party Civic Platform's time in government"
        )]
    );
}

#[test]
fn a_passive_cue_gives_the_word_to_its_agent() {
    // Wikinews, wn-2020-0027 and wn-2020-0000.
    assert_eq!(
        statements(
            "The proceedings of the abortion rights was criticised by archbishop Monsenor Jorge Eduardo Scheinig."
        ),
        [row(
            "indirect",
            "archbishop Monsenor Jorge Eduardo Scheinig",
            "criticised",
            "The proceedings of the abortion rights was criticised"
        )]
    );
    assert_eq!(
        statements(
            "The outbreak was first confirmed by the government on October 16, after the Victorian Infectious Disease Reference Laboratory in Melbourne tested samples."
        ),
        [row(
            "indirect",
            "the government",
            "confirmed",
            "The outbreak was first confirmed"
        )]
    );
    // Without an agent the subject of a passive cue is no speaker.
    assert_eq!(
        statements(
            "Adamowicz subsequently was announced to have died. The attacker is reported to have jumped on stage."
        ),
        []
    );
}

#[test]
fn a_cue_word_after_a_preposition_starts_no_frame_inside_the_content() {
    // PolNeAR train (Western Journal, 2015-12-12): `for added security` is no
    // `X added`; nor is `in question` (Washington Post, 2016-01-31).
    assert_eq!(
        statements(
            "Investigations have revealed that before the attacks, requests were made to Clinton for added security, but no action was ever taken."
        ),
        [row(
            "indirect",
            "Investigations",
            "revealed that",
            "before the attacks, requests were made to Clinton for added security, but no action was ever taken"
        )]
    );
    assert_eq!(
        statements("Feinstein said none of the emails in question originated with Clinton."),
        [row(
            "indirect",
            "Feinstein",
            "said",
            "none of the emails in question originated with Clinton"
        )]
    );
}

#[test]
fn according_to_a_phrase_that_names_no_one_gives_the_word_to_its_agent() {
    // PolNeAR train (Breitbart, 2016-03-01).
    assert_eq!(
        statements(
            "Including superdelegates, Clinton now has a total of at least 723 delegates, according to a count by The Associated Press."
        ),
        [row(
            "indirect",
            "The Associated Press",
            "according to",
            "Including superdelegates, Clinton now has a total of at least 723 delegates"
        )]
    );
    // Wikinews, wn-2020-0028: the rest of the source's phrase is no content.
    assert_eq!(
        statements(
            "According to projections by CNN and NPR, he won in Virginia, North Carolina, Alabama, Oklahoma, Tennessee, Minnesota, Arkansas, Massachusetts, Texas, and Maine."
        ),
        [row(
            "indirect",
            "CNN",
            "According to",
            "he won in Virginia, North Carolina, Alabama, Oklahoma, Tennessee, Minnesota, Arkansas, Massachusetts, Texas, and Maine"
        )]
    );
}

#[test]
fn a_reduced_passive_after_a_comma_gives_the_word_to_its_agent() {
    // PolNeAR train (Washington Post, 2016-01-13; Politico, 2016-03-23).
    assert_eq!(
        statements(
            "The nationwide campaign, first reported by The Washington Post, is a key element of the administration's response to the wave of Central American migrants fleeing drug and gang-related violence, along with poverty."
        ),
        [row(
            "indirect",
            "The Washington Post",
            "reported",
            "The nationwide campaign, first reported by The Washington Post, is a key element of the administration's response to the wave of Central American migrants fleeing drug and gang-related violence, along with poverty"
        )]
    );
    assert_eq!(
        statements(
            "The main pro-Clinton super PAC, Priorities USA Action, started reserving ad time in swing states this week, for example, as first reported by the New York Times on Tuesday."
        ),
        [row(
            "indirect",
            "the New York Times",
            "reported",
            "The main pro-Clinton super PAC, Priorities USA Action, started reserving ad time in swing states this week, for example"
        )]
    );
    // After another frame in the unit the rest before the comma is no content.
    assert_eq!(
        statements(
            "\"I would make sure that it didn't happen again,\" Carson noted in an interview with Todd Starnes' podcast, as reported by BuzzFeed News."
        ),
        [row(
            "direct",
            "Carson",
            "noted",
            "I would make sure that it didn't happen again"
        )]
    );
}

#[test]
fn a_clause_right_after_the_cue_is_the_content_not_the_introduction() {
    // Wikinews, wn-2019-0073 and wn-2020-0077.
    assert_eq!(
        statements(
            "A few days later, on July 2, Trump announced he would drop his bid to add the question, before reversing course the next day."
        ),
        [row(
            "indirect",
            "Trump",
            "announced",
            "he would drop his bid to add the question, before reversing course the next day"
        )]
    );
    assert_eq!(
        statements(
            "According to reports, criticism within Serbia has said COVID-19 cases rose because President Aleksandar Vučić eased lockdown measures."
        ),
        [row(
            "indirect",
            "criticism within Serbia",
            "said",
            "COVID-19 cases rose because President Aleksandar Vučić eased lockdown measures"
        )]
    );
    // With a comma after the cue, the frame sits inside the reported clause.
    assert_eq!(
        statements("Things have changed over the years, she says, especially in the cities."),
        [row(
            "indirect",
            "she",
            "says",
            "Things have changed over the years, she says, especially in the cities"
        )]
    );
}

#[test]
fn according_to_a_source_that_reports_a_frame_gives_the_word_to_its_speaker() {
    // Wikinews, wn-2019-0104.
    assert_eq!(
        statements(
            "According to the BBC, a spokeman for 10 Downing Street expressed disappointment and that the prime minister's office intends to appeal."
        ),
        [row(
            "indirect",
            "a spokeman for 10 Downing Street",
            "expressed",
            "disappointment and that the prime minister's office intends to appeal"
        )]
    );
}

#[test]
fn likened_and_a_mother_of_three() {
    // PolNeAR dev (New York Times, Washington Post).
    assert_eq!(
        statements(
            "Another critic, Laurence H. Tribe, likened the rules to \"burning the Constitution\" - a charge that might have stung."
        ),
        [row(
            "partial",
            "Another critic",
            "likened",
            "the rules to \"burning the Constitution\" - a charge that might have stung"
        )]
    );
    assert_eq!(
        statements(
            "When pressed on why the plan leaves out dads, the 34-year-old mother of three replied, \"It's meant to benefit the mother who has given birth to the child.\""
        ),
        [row(
            "direct",
            "the 34-year-old mother of three",
            "replied",
            "It's meant to benefit the mother who has given birth to the child."
        )]
    );
}

#[test]
fn cited_as_saying_gives_the_word_to_the_one_cited() {
    // Wikinews, wn-2019-0138.
    assert_eq!(
        statements(
            "The BBC also cited Budi Gunawan, chief of the Indonesian State Intelligence Agency, as saying the suspects were linked to the Jamaah Ansharut Daulah network."
        ),
        [row(
            "indirect",
            "Budi Gunawan",
            "cited ... as saying",
            "the suspects were linked to the Jamaah Ansharut Daulah network"
        )]
    );
}

#[test]
fn a_participle_after_an_introduction_or_including_stays_in_the_content() {
    // Wikinews, wn-2020-0061 and wn-2019-0164.
    assert_eq!(
        statements(
            "Yesterday, England's transport secretary, Grant Shapps, announced that from June 15, wearing a face covering would become compulsory while riding public transport in England."
        ),
        [row(
            "indirect",
            "Grant Shapps",
            "announced that",
            "from June 15, wearing a face covering would become compulsory while riding public transport in England"
        )]
    );
    assert_eq!(
        statements(
            "Since then, the government has reported more cases of measles, including 165 in the single day before the shutdown began."
        ),
        [row(
            "indirect",
            "the government",
            "reported",
            "more cases of measles, including 165 in the single day before the shutdown began"
        )]
    );
}

#[test]
fn findings_and_references_are_reported() {
    // Wikinews, wn-2019-0104, wn-2019-0082 and wn-2020-0016.
    assert_eq!(
        statements(
            "The three-judge court found Johnson's advice to the Queen \"was motivated by the improper purpose of stymying Parliament.\""
        ),
        [row(
            "partial",
            "The three-judge court",
            "found",
            "Johnson's advice to the Queen \"was motivated by the improper purpose of stymying Parliament.\""
        )]
    );
    assert_eq!(
        statements(
            "On Wednesday, the Supreme Court of Puerto Rico issued a ruling finding in favor of a lawsuit filed by the Puerto Rico Senate on Sunday."
        ),
        [row(
            "indirect",
            "the Supreme Court of Puerto Rico",
            "finding",
            // The adjunct rule reads `in favor of a` as `in a statement`.
            "lawsuit filed by the Puerto Rico Senate on Sunday"
        )]
    );
    assert_eq!(
        statements(
            "According to the U.S. embassy in Beijing, the man died in February 6; Chinese authorities referred to him as \"Chinese-American.\""
        ),
        [
            row(
                "indirect",
                "the U.S. embassy in Beijing",
                "According to",
                "the man died in February 6"
            ),
            row(
                "partial",
                "Chinese authorities",
                "referred to",
                "him as \"Chinese-American.\""
            )
        ]
    );
}

#[test]
fn a_number_heads_its_phrase_and_a_name_after_a_heading_dash_speaks() {
    // PolNeAR train (Washington Examiner, Huffington Post).
    assert_eq!(
        statements("“You seem to have picked a new standard out of thin air,” the two write."),
        [row(
            "direct",
            "the two",
            "write",
            "You seem to have picked a new standard out of thin air"
        )]
    );
    assert_eq!(
        statements(
            "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “Although the polls failed to predict Ted Cruz’s Iowa win on Tuesday night, it isn’t because they were dead wrong.”"
        ),
        [row(
            "direct",
            "Mark Blumenthal and Jon Cohen",
            ":",
            "Although the polls failed to predict Ted Cruz’s Iowa win on Tuesday night, it isn’t because they were dead wrong."
        )]
    );
}

#[test]
fn a_participle_opening_the_sentence_is_no_subject() {
    // PolNeAR train.
    assert_eq!(
        statements(
            "Speaking in his real voice again, he proceeded to recite 2 Timothy 3:1-5 from the Bible, saying: “This know also, that in those days the perilous times shall come.”"
        ),
        [row(
            "direct",
            "he",
            "saying",
            "This know also, that in those days the perilous times shall come."
        )]
    );
}

#[test]
fn a_subject_of_its_own_before_and_said_speaks() {
    // PolNeAR dev (Washington Post).
    assert_eq!(
        statements(
            "Once in my early 20s, when my mother mentioned the devil to me while driving on the highway, I laughed and said, \"I don't believe in the devil.\""
        ),
        [
            row(
                "indirect",
                "my mother",
                "mentioned",
                "the devil to me while driving on the highway"
            ),
            row("direct", "I", "said", "I don't believe in the devil.")
        ]
    );
}

#[test]
fn a_frame_at_the_very_end_of_the_text_reads_no_token_past_it() {
    // Found by tests/fuzz_properties.rs: the clause after `told reporters…,`
    // is empty and ends the text.
    let found = statements("said\"\"told reportersthe minister,.");
    assert_eq!(found.len(), 1);
}

#[test]
fn a_participle_opening_the_sentence_reports_the_main_subject() {
    // Wikinews, wn-2020-0027.
    assert_eq!(
        statements(
            "Calling it a \"culture of death\" the archbishop said \"We need to pray so that in Argentina, the yes to life is strong.\""
        ),
        [
            row(
                "partial",
                "the archbishop",
                "Calling",
                "it a \"culture of death\""
            ),
            row(
                "direct",
                "the archbishop",
                "said",
                "We need to pray so that in Argentina, the yes to life is strong."
            )
        ]
    );
}

/// PolNeAR dev (Western Journal, 2016): a date as a modifier in the speaker's
/// phrase, and the same date before a noun that looks like a cue.
#[test]
fn a_date_in_the_speakers_phrase_and_before_a_cue_noun() {
    assert_eq!(
        statements(
            "“The president’s rationales to veto JASTA don’t hold weight. They are 100 percent wrong,” said 9/11 widow Terry Strada.\n\nAfter the debate, the Sanders team appeared to lay off Clinton on the 9/11 remark."
        ),
        [row(
            "direct",
            "9/11 widow Terry Strada",
            "said",
            "The president’s rationales to veto JASTA don’t hold weight. They are 100 percent wrong"
        )]
    );
}

/// PolNeAR (AP, Politico): a participle right after a name, before a quote:
/// the name speaks, not the clause's subject (`The ad`). After a determiner
/// the name is an object: the clause's subject speaks.
#[test]
fn a_participle_right_after_a_name_before_a_quote() {
    assert_eq!(
        statements(
            "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”"
        ),
        [row(
            "direct",
            "Hillary Clinton",
            "asking",
            "Why aren’t I 50 points ahead, you might ask?"
        )]
    );
    assert_eq!(
        statements(
            "She decided not to play for the Iranian Chess Federation saying “it wasn't a good fit” for her."
        ),
        [row(
            "partial",
            "She",
            "saying",
            "“it wasn't a good fit” for her"
        )]
    );
}

/// PolNeAR (USA Today): a song's words, quoted after `sings`.
#[test]
fn sings_quotes_a_song() {
    assert_eq!(
        statements(
            "In Just the Way You Are, Billy Joel sings, \"Don't go changing to try and please me.\""
        ),
        [row(
            "direct",
            "Billy Joel",
            "sings",
            "Don't go changing to try and please me."
        )]
    );
}

/// PolNeAR (USA Today): a quoting verb quotes only the quote its content opens
/// with; the clause after it is the reporter's.
#[test]
fn a_quoting_verb_quotes_the_quote_and_not_the_clause_after_it() {
    assert_eq!(
        statements(
            "Hundreds of pro-Sanders demonstrators marched through Center City on Monday, chanting \"Bernie or Jill, No Hill,\" raising fresh questions about whether Clinton will face a bleed of Sanders' most devoted backers."
        ),
        [row(
            "direct",
            "Hundreds",
            "chanting",
            "Bernie or Jill, No Hill"
        )]
    );
}

/// PolNeAR (HuffPost): a curly quote nested in a curly quote stays inside it;
/// the whole quote goes to the name after the dash.
#[test]
fn a_quote_nested_in_a_quote_stays_in_it() {
    assert_eq!(
        statements(
            "“As a young, Hispanic woman....I’d rather live in what he calls “hell” than live in a world where he is president.” ― Adriana Rodarte"
        ),
        [row(
            "direct",
            "Adriana Rodarte",
            "―",
            "As a young, Hispanic woman....I’d rather live in what he calls “hell” than live in a world where he is president."
        )]
    );
}

/// PolNeAR (HuffPost): a quote after a colon, with an attribution of its own
/// after it, is that attribution's; the clause before the colon ends there.
#[test]
fn a_quote_after_a_colon_goes_to_the_frame_after_it() {
    assert_eq!(
        statements(
            "Soon after the gruesome murder of Father Jacques Hamel in Normandy, Trump asserted that France had lost its identity: “France is no longer France,” he claimed."
        ),
        [
            row(
                "indirect",
                "Trump",
                "asserted that",
                "France had lost its identity"
            ),
            row("direct", "he", "claimed", "France is no longer France")
        ]
    );
}

/// A document right after its determiner may speak after an inverted cue
/// (PolNeAR, Washington Post).
#[test]
fn a_document_after_its_determiner_speaks() {
    assert_eq!(
        statements(
            "\"In writing her beautiful speech, Melania's team of writers took notes on her life's inspirations,\" read the statement, which was attributed to Miller."
        ),
        [row(
            "direct",
            "the statement",
            "read",
            "In writing her beautiful speech, Melania's team of writers took notes on her life's inspirations"
        )]
    );
}

/// Wikinews 2019: an inflected speech verb that opens the sentence inverts; the
/// name after it speaks the quote after the comma.
#[test]
fn a_cue_opening_the_sentence_inverts() {
    assert_eq!(
        statements(
            "Remarked Center for Biological Diversity scientist Tierra Curry, \"This reprieve from bad news on monarchs is a thank-you from the butterflies to all the people who planted native milkweeds.\""
        ),
        [row(
            "direct",
            "Center for Biological Diversity scientist Tierra Curry",
            "Remarked",
            "This reprieve from bad news on monarchs is a thank-you from the butterflies to all the people who planted native milkweeds."
        )]
    );
}

/// Wikinews 2020: a clause that ends its sentence with a colon and no cue
/// announces the quote of the next paragraph for its subject.
#[test]
fn a_colon_ending_a_clause_announces_the_next_quote() {
    assert_eq!(
        statements(
            "Article 2, Section 1 sets the citizenship qualification for president:\n\"No Person except a natural born Citizen, or a Citizen of the United States, at the time of the Adoption of this Constitution, shall be eligible to the Office of President.\""
        ),
        [row(
            "direct",
            "Article",
            "",
            "No Person except a natural born Citizen, or a Citizen of the United States, at the time of the Adoption of this Constitution, shall be eligible to the Office of President."
        )]
    );
}

/// PolNeAR (Breitbart, AP): after a quote, an inverted cue and a lone
/// determiner (`read one`) name a speaker of the quote.
#[test]
fn a_lone_determiner_after_an_inverted_cue_speaks() {
    assert_eq!(
        statements("“America is great! Trump is disgusting,” read one."),
        [row(
            "direct",
            "one",
            "read",
            "America is great! Trump is disgusting"
        )]
    );
}

/// PolNeAR (Washington Post): a sentence that opens with a conjunction (and no
/// comma after it) has its subject after it; the participle's quote is theirs.
#[test]
fn a_participle_after_a_sentence_opening_conjunction() {
    assert_eq!(
        statements(
            "And then Trump went fully on the attack, saying, \"Is President Obama going to finally mention the words radical Islamic terrorism? If he doesn't he should immediately resign in disgrace!\""
        ),
        [row(
            "direct",
            "Trump",
            "saying",
            "Is President Obama going to finally mention the words radical Islamic terrorism? If he doesn't he should immediately resign in disgrace!"
        )]
    );
}

/// Wikinews 2019 and 2020: `called "…"` after a thing names it; nobody speaks.
#[test]
fn a_thing_called_by_a_name_says_nothing() {
    assert_eq!(
        statements(
            "He specialized in removing people from areas that had become dangerous for them, a process called \"exfiltration.\""
        ),
        []
    );
    assert_eq!(
        statements(
            "In a July 9 speech in Pennsylvania, Biden introduced an economic plan called \"Build Back Better\" designed to reinvigorate the US economy in the aftermath of the coronavirus pandemic."
        ),
        []
    );
}

/// Wikinews 2019: a clause subject may have an apposition between commas
/// before its verb; the participle's quote is the subject's.
#[test]
fn a_clause_subject_with_an_apposition() {
    assert_eq!(
        statements(
            "The mayor of London, Sadiq Khan, gave his condolences via Twitter, adding, \"An urgent enquiry into what happened is underway to ensure it cannot happen again.\""
        ),
        [row(
            "direct",
            "The mayor of London",
            "adding",
            "An urgent enquiry into what happened is underway to ensure it cannot happen again."
        )]
    );
}

/// Wikinews 2019 and 2020: a short quote (a scare quote or a title) between a
/// subject and its coordinated cue leaves the subject the speaker.
#[test]
fn a_short_quote_before_a_coordinated_cue_leaves_the_subject() {
    assert_eq!(
        statements(
            "Duda also characterised the deaths as \"crushing\" and wrote \"May God protect their parents and loved ones.\""
        ),
        [row(
            "direct",
            "Duda",
            "wrote",
            "May God protect their parents and loved ones."
        )]
    );
    assert_eq!(
        statements(
            "In opening the debate, Carroll introduced himself as \"pro-life\" and said climate change must be addressed."
        ),
        [row(
            "indirect",
            "Carroll",
            "said",
            "climate change must be addressed"
        )]
    );
}
