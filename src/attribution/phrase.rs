//! The phrase rules of attribution: cues, the speaker's noun phrase before or
//! after a cue, appositions, addressees, adjuncts and where content ends.

use std::cell::Cell;
use std::ops::Range;

use super::{AttributionLexicons, CueForm, Frame, TokenClasses, WordClasses};
use crate::text::{Document, Quote, TokenKind};

/// Longest speaker noun phrase, in tokens; longer runs are not a speaker.
const MAX_PHRASE: usize = 12;
/// Content tokens of a quote short enough to be a title or a scare quote.
const SHORT_QUOTE: usize = 4;
/// Longest apposition after a speaker's name.
const MAX_APPOSITION: usize = 16;
/// Lowercase words in a row a noun phrase may hold (`an unnamed presidential official`).
const MAX_LOWERCASE_RUN: usize = 3;

pub(super) struct Phrases<'d, 'l> {
    pub doc: &'d Document<'d>,
    pub lex: AttributionLexicons<'l>,
    classes: TokenClasses<'d, 'l>,
    /// The reporting-verb forms each token starts, looked up once, when a rule
    /// first asks.
    cues: Vec<Cell<Option<&'l Vec<CueForm>>>>,
}

impl<'l> std::ops::Deref for Phrases<'_, 'l> {
    type Target = AttributionLexicons<'l>;
    fn deref(&self) -> &Self::Target {
        &self.lex
    }
}

/// Whether a punctuation token is a quotation mark.
pub fn is_quote_mark(s: &str) -> bool {
    matches!(
        s,
        "\"" | "''" | "``" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{AB}" | "\u{BB}"
    )
}

impl<'d, 'l> Phrases<'d, 'l> {
    pub fn new(doc: &'d Document<'d>, lex: AttributionLexicons<'l>) -> Phrases<'d, 'l> {
        Phrases {
            doc,
            lex,
            classes: TokenClasses::new(doc, lex.words),
            cues: vec![Cell::new(None); doc.tokens.len()],
        }
    }

    /// The speaker-word classes of token `i`.
    pub fn classes(&self, i: usize) -> WordClasses {
        self.classes.of(i)
    }

    /// The reporting-verb forms whose first word is token `i`, longest first.
    fn cues_starting_at(&self, i: usize) -> &'l [CueForm] {
        let Some(slot) = self.cues.get(i) else {
            return self.verbs.starting_with(self.doc.lower(i));
        };
        slot.get().unwrap_or_else(|| {
            let forms = self.verbs.list_starting_with(self.doc.lower(i));
            slot.set(Some(forms));
            forms
        })
    }

    pub fn is(&self, i: usize, class: u32) -> bool {
        self.classes(i).has(class)
    }

    /// A word written in capitals (`WHO`, `US`, `NEOC`): a name, whatever
    /// function word it spells; not inside a heading set in capitals.
    fn is_acronym(&self, i: usize) -> bool {
        let caps = |k: usize| {
            let w = self.doc.str(k);
            w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
        };
        caps(i) && !(i > 0 && caps(i - 1)) && !(i + 1 < self.doc.tokens.len() && caps(i + 1))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind != TokenKind::Punct
    }

    /// Some token in the range is a word or a number.
    pub fn has_word(&self, r: Range<usize>) -> bool {
        r.into_iter().any(|k| self.is_word(k))
    }

    pub fn is_closing_mark(&self, i: usize) -> bool {
        self.doc.quote_closing_at(i).is_some()
    }

    pub fn quote_opening_at(&self, i: usize) -> Option<&Quote> {
        self.doc.quote_opening_at(i)
    }

    /// Some token between `a` and `b` lies in a quote or is a quotation mark.
    pub fn has_quote_between(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| self.doc.quote_of[k].is_some() || is_quote_mark(self.doc.str(k)))
    }

    /// A reporting verb starting at token `i`, outside quotes and written in
    /// lower case, that is not a noun (`the claims`, `Trump's remarks`).
    pub fn cue_at(&self, i: usize, end: usize) -> Option<&'l CueForm> {
        let doc = self.doc;
        if doc.quote_of[i].is_some() || !self.is_word(i) {
            return None;
        }
        let form = self.cues_starting_at(i).iter().find(|f| {
            i + f.words.len() <= end
                && f.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| doc.lower(i + k) == &**w && doc.quote_of[i + k].is_none())
        })?;
        // A capitalised cue word is a name or a title (`States`, `Call`), except
        // `According to` opening a sentence, and a participle opening one
        // (`Calling it a "culture of death" the archbishop said …`).
        let opens_sentence = i == 0
            || doc.paragraph_of(i - 1) != doc.paragraph_of(i)
            || matches!(doc.str(i - 1), "." | "!" | "?");
        let fronted_participle =
            opens_sentence && form.words.len() == 1 && form.words[0].ends_with("ing");
        // `Said Comey, "…"`: an inflected speech verb opening the sentence
        // inverts (the frame then takes only a quote; see `inverted_opening`).
        let fronted_verb = opens_sentence
            && form.words.len() == 1
            && matches!(form.frame, Frame::Speech | Frame::Quoting)
            && *form.words[0] != *form.lemma;
        if doc.tokens[i].capitalized
            && form.frame != Frame::According
            && !fronted_participle
            && !fronted_verb
        {
            return None;
        }
        let noun_after = |k: usize| {
            self.is(k, WordClasses::DETERMINER) && !self.is(k, WordClasses::QUANTIFIER)
                || doc.lower(k) == "'s"
        };
        if i > 0 && noun_after(i - 1) {
            return None;
        }
        // A number between them changes nothing: `the 9/11 remark`, `the 2016
        // report` (but `the 43-year-old asked`: a number with letters is a noun).
        if i > 1
            && doc.tokens[i - 1].kind == TokenKind::Number
            && !doc.str(i - 1).chars().any(char::is_alphabetic)
            && noun_after(i - 2)
        {
            return None;
        }
        Some(form)
    }

    /// A reporting verb's base form after `to` (`his bid to add the question`,
    /// `declined to comment`): an infinitive, which starts no new frame inside
    /// another speaker's content.
    fn infinitive_cue_at(&self, i: usize, end: usize) -> bool {
        i > 0
            && self.doc.lower(i - 1) == "to"
            && self
                .cue_at(i, end)
                .is_some_and(|f| f.words.len() == 1 && *f.words[0] == *f.lemma)
    }

    /// May this token be part of a speaker's noun phrase?
    fn phrase_word(&self, i: usize) -> bool {
        let doc = self.doc;
        let t = doc.tokens[i];
        if doc.quote_of[i].is_some() {
            return false;
        }
        match t.kind {
            TokenKind::Punct => matches!(doc.str(i), "&"),
            // `the 46-year-old`, `G7` are words; `22`, `1,000` are not; a date
            // used as a modifier is (`9/11 widow Terry Strada`).
            // `a spokesman for 10 Downing Street`: a number after a link word that
            // opens a name belongs to it.
            TokenKind::Number => {
                doc.str(i).chars().any(|c| c.is_alphabetic() || c == '/')
                    || (i > 0
                        && self.is(i - 1, WordClasses::NP_LINK)
                        && doc
                            .tokens
                            .get(i + 1)
                            .is_some_and(|n| n.capitalized && n.kind == TokenKind::Word))
            }
            TokenKind::Word => {
                let c = self.classes(i);
                let function_word = c.has(
                    WordClasses::BOUNDARY
                        | WordClasses::SKIP
                        | WordClasses::PRONOUN
                        | WordClasses::OBJECT_PRONOUN,
                );
                if t.capitalized {
                    // `Will Doyle`, `May Smith`: a capitalised auxiliary before another
                    // capitalised word is a name.
                    let name_like = c.has(WordClasses::SKIP)
                        && doc.tokens.get(i + 1).is_some_and(|n| n.capitalized);
                    self.is_acronym(i)
                        || !c.has(WordClasses::PRONOUN | WordClasses::BOUNDARY)
                            && (!c.has(WordClasses::SKIP) || name_like)
                } else {
                    // A cue word after a determiner is a noun: `the email`, `the claims`.
                    !function_word && self.cue_at(i, doc.tokens.len()).is_none()
                }
            }
        }
    }

    /// A word that tells a noun phrase names somebody: a capitalised word that is
    /// not a function word, a role word (`official`, `analysts`) or a pronoun.
    fn names_someone(&self, r: Range<usize>) -> bool {
        r.into_iter().any(|k| {
            let c = self.classes(k);
            c.has(WordClasses::ROLE | WordClasses::PRONOUN | WordClasses::SPEAKER_NOUN)
                || (self.doc.tokens[k].capitalized && self.is_acronym(k))
                || (self.doc.tokens[k].capitalized
                    && self.is_word(k)
                    && !c.has(
                        WordClasses::DETERMINER
                            | WordClasses::BOUNDARY
                            | WordClasses::NP_LINK
                            | WordClasses::TIME
                            | WordClasses::ADJUNCT_START
                            | WordClasses::SKIP,
                    ))
        })
    }

    /// The noun phrase ending at token `last`, walking back no further than
    /// `limit`, whether or not it names someone.
    pub fn backward_phrase_raw(&self, last: usize, limit: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        if doc.quote_of[last].is_some() || !self.is_word(last) {
            return None;
        }
        if self.is(last, WordClasses::PRONOUN) {
            return Some(last..last + 1);
        }
        let mut start = last + 1;
        let mut lowercase_run = 0;
        let mut k = last + 1;
        while k > limit {
            k -= 1;
            if last + 1 - k > MAX_PHRASE {
                break;
            }
            let c = self.classes(k);
            if doc.tokens[k].kind == TokenKind::Word && doc.lower(k) == "'s" {
                start = k;
                continue;
            }
            // `the two write`, `the mother of three replied`: a number that ends
            // the phrase is its head, not its opening.
            if c.has(WordClasses::QUANTIFIER) && k == last && k > limit {
                start = k;
                continue;
            }
            if c.has(WordClasses::DETERMINER) && !c.has(WordClasses::PRONOUN) {
                start = k;
                // `officials at the ministry`: the phrase goes on before a link word.
                let linked = k >= limit + 2
                    && self.is(k - 1, WordClasses::NP_LINK)
                    && self.phrase_word(k - 2)
                    && !self.is(k - 2, WordClasses::DETERMINER);
                if linked {
                    k -= 1;
                    continue;
                }
                break;
            }
            // `the bespectacled, 71-year-old diplomat`: a comma between adjectives.
            if doc.is_punct(k, ",")
                && start == k + 1
                && k >= limit + 2
                && !doc.tokens[k - 1].capitalized
                && self.phrase_word(k - 1)
                && self.is(k - 2, WordClasses::DETERMINER)
                && !self.is(k - 2, WordClasses::PRONOUN)
            {
                start = k - 2;
                break;
            }
            // `According to eyewitness reports`: a phrase stops before `according to`.
            let according = self
                .cue_at(k, doc.tokens.len())
                .is_some_and(|f| f.frame == Frame::According);
            if !self.phrase_word(k) || according {
                break;
            }
            if doc.tokens[k].capitalized
                || c.has(WordClasses::ROLE | WordClasses::NP_LINK | WordClasses::TITLE)
            {
                lowercase_run = 0;
            } else {
                lowercase_run += 1;
                if lowercase_run > MAX_LOWERCASE_RUN {
                    break;
                }
            }
            start = k;
        }
        // A phrase does not open with a link word (`in Seoul officials`).
        while start <= last
            && self.is(start, WordClasses::NP_LINK)
            && !doc.tokens[start].capitalized
        {
            start += 1;
        }
        let np = start..last + 1;
        (!np.is_empty()).then_some(np)
    }

    /// The speaker's noun phrase ending at token `last`, walking back no further
    /// than `limit`, if it names someone.
    pub fn backward_phrase(&self, last: usize, limit: usize) -> Option<Range<usize>> {
        self.backward_phrase_raw(last, limit)
            .filter(|np| self.names_someone(np.clone()))
    }

    /// A phrase names someone; right after a quote (`"…," one user wrote`), any
    /// phrase a determiner opens does too.
    pub fn is_speaker(&self, np: Range<usize>, after_quote: bool) -> bool {
        self.names_someone(np.clone())
            || (after_quote
                && self.is(np.start, WordClasses::DETERMINER)
                && !self.is(np.start, WordClasses::PRONOUN)
                && np.len() > 1)
    }

    /// The token right before `at` closes a quote, or is a comma right after one.
    pub fn follows_quote(&self, at: usize) -> bool {
        at > 0
            && (self.is_closing_mark(at - 1)
                || (at > 1 && self.doc.is_punct(at - 1, ",") && self.is_closing_mark(at - 2)))
    }

    /// The noun phrase starting at token `first`, whether or not it names someone.
    pub fn forward_phrase_raw(&self, first: usize, end: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        if first >= end || doc.quote_of[first].is_some() || !self.is_word(first) {
            return None;
        }
        if self.is(first, WordClasses::PRONOUN) {
            return Some(first..first + 1);
        }
        let mut k = first;
        let mut lowercase_run = 0;
        let mut seen_name = false;
        while k < end && k - first < MAX_PHRASE {
            let c = self.classes(k);
            let capitalized = doc.tokens[k].capitalized;
            if c.has(WordClasses::DETERMINER)
                && !c.has(WordClasses::PRONOUN)
                && (k == first || doc.lower(k - 1) == "'s" || self.is(k - 1, WordClasses::NP_LINK))
            {
                k += 1;
                continue;
            }
            if doc.lower(k) == "'s" && k > first {
                k += 1;
                continue;
            }
            // A link word continues the phrase only before a name, a role or a
            // determiner: `an official at Seoul's presidential Blue House`.
            if (c.has(WordClasses::NP_LINK) || c.has(WordClasses::ADJUNCT_START)) && !capitalized {
                let continues = k > first
                    && c.has(WordClasses::NP_LINK)
                    && k + 1 < end
                    && (doc.tokens[k + 1].capitalized
                        || self.is(k + 1, WordClasses::DETERMINER | WordClasses::ROLE));
                if continues {
                    k += 1;
                    continue;
                }
                break;
            }
            // An adjunct's word ends the phrase (`Kim said Monday in a
            // statement`), except a document right after its determiner, which
            // may speak (`"…," read the statement`).
            let document = c.has(WordClasses::SPEAKER_NOUN)
                && k == first + 1
                && self.is(first, WordClasses::DETERMINER);
            if !self.phrase_word(k)
                || (c.has(WordClasses::ADJUNCT_WORD) && !c.has(WordClasses::ROLE))
                    && !capitalized
                    && !document
            {
                break;
            }
            if capitalized || c.has(WordClasses::ROLE | WordClasses::TITLE) {
                lowercase_run = 0;
                seen_name |= capitalized;
            } else {
                // After a name, a plain lowercase word is the verb of the clause
                // (`Bolton distanced himself`), not part of the phrase.
                let part_of_phrase = || {
                    c.has(WordClasses::SPEAKER_NOUN)
                        || doc.lower(k - 1) == "'s"
                        || self.is(k - 1, WordClasses::NP_LINK | WordClasses::DETERMINER)
                };
                // `seen_name` implies a word before this one.
                if seen_name && !part_of_phrase() {
                    break;
                }
                lowercase_run += 1;
                if lowercase_run > MAX_LOWERCASE_RUN {
                    break;
                }
            }
            k += 1;
        }
        // Trailing lowercase words that are not roles belong to the clause after
        // (`the emergencies ministry recovered`), as do link words and `'s`.
        // Only where a better head stands before them: `a person close` keeps its words.
        let has_head = (first..k).any(|i| {
            doc.tokens[i].capitalized && !self.is(i, WordClasses::DETERMINER)
                || self.is(i, WordClasses::ROLE)
        });
        while k > first && has_head {
            let c = self.classes(k - 1);
            let keep = doc.tokens[k - 1].capitalized
                && !c.has(WordClasses::NP_LINK | WordClasses::DETERMINER)
                || c.has(WordClasses::ROLE);
            if keep {
                break;
            }
            k -= 1;
        }
        while k > first
            && self.is(
                k - 1,
                WordClasses::NP_LINK | WordClasses::ADJUNCT_START | WordClasses::DETERMINER,
            )
        {
            k -= 1;
        }
        let np = first..k;
        (!np.is_empty()).then_some(np)
    }

    /// The speaker's noun phrase starting at token `first` (after an inverted
    /// cue, or after `according to`), if it names someone.
    pub fn forward_phrase(&self, first: usize, end: usize) -> Option<Range<usize>> {
        self.forward_phrase_raw(first, end)
            .filter(|np| self.names_someone(np.clone()))
    }

    /// An apposition after a name: `, a national security official at …` up to
    /// the next comma or the end of the unit.
    pub fn apposition_after(&self, at: usize, end: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        if at + 1 >= end || !doc.is_punct(at, ",") {
            return None;
        }
        let first = at + 1;
        let c = self.classes(first);
        let opens = (c.has(WordClasses::DETERMINER) && !c.has(WordClasses::PRONOUN))
            || c.has(WordClasses::ROLE | WordClasses::TITLE)
            || doc.tokens[first].capitalized
                && !c.has(WordClasses::PRONOUN | WordClasses::BOUNDARY | WordClasses::SKIP);
        if !opens || doc.quote_of[first].is_some() {
            return None;
        }
        let mut k = first;
        while k < end
            && k - first < MAX_APPOSITION
            && doc.quote_of[k].is_none()
            && !(doc.tokens[k].kind == TokenKind::Punct
                && matches!(doc.str(k), "," | "." | ";" | ":" | "!" | "?" | "(" | ")")
                || is_quote_mark(doc.str(k)))
            && (!self.is(k, WordClasses::BOUNDARY) || self.is(k, WordClasses::NP_LINK))
            && self.cue_at(k, end).is_none()
        {
            k += 1;
        }
        let apposition = first..k;
        (self.has_word(apposition.clone()) && self.names_someone(apposition.clone()))
            .then_some(apposition)
    }

    /// The speaker before a comma that ends an apposition: `Kim, a national
    /// security official, said` (name first) or `Adamowicz's deputy, Piotr
    /// Kowalczuk, said` (the name last).
    pub fn subject_with_apposition(
        &self,
        comma: usize,
        limit: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let doc = self.doc;
        if comma == 0 || comma <= limit {
            return None;
        }
        let near = self.backward_phrase(comma - 1, limit)?;
        if near.start < limit + 2 || !doc.is_punct(near.start - 1, ",") {
            return None;
        }
        let far = self.backward_phrase(near.start - 2, limit)?;
        let c = self.classes(near.start);
        let near_is_apposition = (c.has(WordClasses::DETERMINER) && !c.has(WordClasses::PRONOUN))
            || c.has(WordClasses::ROLE | WordClasses::TITLE);
        let named = |r: &Range<usize>| r.clone().any(|k| doc.tokens[k].capitalized);
        if near_is_apposition {
            named(&far).then_some((far, Some(near)))
        } else {
            // The name last: every word of it capitalised (`Piotr Kowalczuk`).
            let is_name = near.clone().all(|k| {
                doc.tokens[k].capitalized
                    || doc.lower(k) == "'s"
                    || self.is(k, WordClasses::NP_LINK)
            });
            if !is_name {
                return None;
            }
            let far_is_apposition = far.start == limit
                || !self.is_word(far.start - 1)
                || self.is(far.start, WordClasses::DETERMINER | WordClasses::ROLE);
            (named(&near) && far_is_apposition).then_some((near, Some(far)))
        }
    }

    /// `by <speaker>` after a document (`a memo posted online by Senator Juan
    /// Dalmau`, `the report by Tasnim News Agency`): a few lowercase words, then
    /// `by` and the phrase that names the author.
    pub fn agent_after(&self, at: usize, end: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        let by = (at..end.min(at + 4))
            .take_while(|&k| {
                self.is_word(k) && !doc.tokens[k].capitalized && doc.quote_of[k].is_none()
            })
            .find(|&k| doc.lower(k) == "by")?;
        self.forward_phrase(by + 1, end)
    }

    /// An apposition that opens the clause before a name: `A member of the
    /// Tunisian Parliament, Samir Dilou said`. The name is capitalised words;
    /// the apposition opens with a determiner, a role or a title, at the start
    /// of the clause.
    pub fn apposition_before(&self, name: Range<usize>, limit: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        if name.start < limit + 2 || !doc.is_punct(name.start - 1, ",") {
            return None;
        }
        let is_name = name.clone().all(|k| doc.tokens[k].capitalized);
        if !is_name {
            return None;
        }
        let before = self.backward_phrase(name.start - 2, limit)?;
        let c = self.classes(before.start);
        let opens = (c.has(WordClasses::DETERMINER) && !c.has(WordClasses::PRONOUN))
            || c.has(WordClasses::ROLE | WordClasses::TITLE);
        let starts_clause = before.start == limit || !self.is_word(before.start - 1);
        (opens && starts_clause).then_some(before)
    }

    /// A parenthesis that closes right before token `at` (`(D-Wis.)`): the
    /// token index of its opening bracket.
    pub fn parenthetical_ending_at(&self, at: usize, limit: usize) -> Option<usize> {
        let doc = self.doc;
        if at == 0 || at <= limit || !doc.is_punct(at - 1, ")") {
            return None;
        }
        (limit.max((at - 1).saturating_sub(8))..at - 1)
            .rev()
            .find(|&k| doc.is_punct(k, "("))
            .filter(|&k| k > limit)
    }

    /// The speaker in a frame whose name is followed by appositions between
    /// commas, from the quote before it or the start of the clause:
    /// `"…," Scott Pruitt, the Republican attorney general of Oklahoma, one of
    /// the states suing the EPA, said`; `James Zogby, a Sanders superdelegate
    /// from the District and the president of …, said:`. `cue` is where the cue
    /// (after any adverbs) starts.
    pub fn frame_subject(
        &self,
        limit: usize,
        cue: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let doc = self.doc;
        let close = (limit..cue)
            .rev()
            .take(48)
            .find(|&k| self.is_closing_mark(k));
        let after_quote = close.is_some();
        let mut first = close.map_or(limit, |c| c + 1);
        if close.is_none() && cue - limit > 48 {
            return None;
        }
        // `At one point on Sunday, Trump, who has …, tweeted`: past the
        // introductory phrase to the subject.
        let intro = self.is(
            first,
            WordClasses::NP_LINK
                | WordClasses::ADJUNCT_START
                | WordClasses::BOUNDARY
                | WordClasses::TIME,
        ) && !self.is(first, WordClasses::DETERMINER);
        if close.is_none() && intro {
            first = (first..cue).find(|&k| doc.is_punct(k, ","))? + 1;
        }
        while first < cue
            && (doc.is_punct(first, ",")
                || (!doc.tokens[first].capitalized || first == limit)
                    && self.is(first, WordClasses::BOUNDARY | WordClasses::SKIP)
                    && !self.is(first, WordClasses::DETERMINER))
        {
            first += 1;
        }
        if first >= cue
            || self.has_quote_between(first, cue)
            || (first..cue).any(|k| self.cue_at(k, cue).is_some())
        {
            return None;
        }
        let name = self.forward_phrase_raw(first, cue)?;
        if !self.is_speaker(name.clone(), after_quote) {
            return None;
        }
        let mut after = name.end;
        if after < cue && doc.is_punct(after, "(") {
            after = (after..cue).find(|&k| doc.is_punct(k, ")"))? + 1;
        }
        if after >= cue || !doc.is_punct(after, ",") {
            return None;
        }
        let apposition = self.trim(after + 1..cue);
        Some((
            name,
            self.has_word(apposition.clone()).then_some(apposition),
        ))
    }

    /// The subject of the clause a participle or a coordinated cue hangs from,
    /// when no statement before it in the unit gives one: `he laughed and said`,
    /// `Sanders compared himself to Clinton, saying`, `In response to …,
    /// Hillary Clinton's right-hand woman rallied supporters, saying`.
    pub fn clause_subject(&self, limit: usize, before: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        // A quote of a few words after the subject is a title or a scare quote
        // (`Kerpen needled the CNN “reporter,” saying`, `a class called
        // “Perception”`), not another speaker's words.
        let short_quotes_only = doc.quotes[doc.quotes.partition_point(|q| q.end() <= limit)..]
            .iter()
            .take_while(|q| q.open < before)
            .all(|q| q.close.is_some_and(|c| c < before) && q.content().len() <= SHORT_QUOTE);
        let quotes_in_the_way = self.has_quote_between(limit, before)
            && (!short_quotes_only || self.has_quote_between(limit, limit + 1));
        if before <= limit || quotes_in_the_way {
            return None;
        }
        let mut starts: Vec<usize> = Vec::new();
        // The subject right after the last comma (`, he laughed and said`) …
        if doc.lower(before) == "and"
            && let Some(c) = (limit..before).rev().find(|&k| doc.is_punct(k, ","))
        {
            starts.push(c + 1);
        }
        // … or the subject of the sentence, after any introductory phrases
        // (`On Thursday, after remaining neutral, Warren appeared … , saying`).
        let intro = self.is(
            limit,
            WordClasses::BOUNDARY
                | WordClasses::NP_LINK
                | WordClasses::ADJUNCT_START
                | WordClasses::TIME,
        ) && !self.is(limit, WordClasses::DETERMINER);
        if !intro {
            starts.push(limit);
        }
        starts.extend(
            (limit..before)
                .filter(|&k| doc.is_punct(k, ","))
                .map(|c| c + 1),
        );
        // `And then Trump went fully on the attack, saying`: with no comma
        // after it, a sentence's opening conjunction stands before the subject,
        // when that is a name or a noun phrase (`So we spoke to them and
        // explained`, `When I was programming …` open conversation, and a
        // pronoun there may be a subordinate clause's).
        let fallback = (intro && self.is(limit, WordClasses::BOUNDARY)).then_some(limit);
        starts.into_iter().chain(fallback).find_map(|mut s| {
            let is_fallback = Some(s) == fallback;
            while s < before
                && self.is(s, WordClasses::SKIP | WordClasses::BOUNDARY)
                && !self.is(s, WordClasses::PRONOUN)
            {
                s += 1;
            }
            // A subject opens with a name, a determiner, a pronoun or a role word
            // (`holding anti-Trump signs` is no subject).
            let opens = doc.tokens[s].capitalized
                || self.is(
                    s,
                    WordClasses::DETERMINER | WordClasses::PRONOUN | WordClasses::ROLE,
                );
            // `Speaking in his real voice again, he proceeded …`: a participle
            // that opens the sentence is no name.
            let participle_opening = doc.tokens[s].capitalized
                && doc.lower(s).len() > 5
                && doc.lower(s).ends_with("ing");
            if !opens || participle_opening || is_fallback && self.is(s, WordClasses::PRONOUN) {
                return None;
            }
            let np = self.forward_phrase(s, before)?;
            // A subject is followed by its verb (or a parenthesis), not by more of a list,
            // or by an apposition between commas and then the verb (`Silverman,
            // herself a Sanders supporter during the primary, incurred …`).
            let verb_at = self
                .apposition_after(np.end, before)
                .filter(|a| a.end + 1 < before && doc.is_punct(a.end, ","))
                .map_or(np.end, |a| a.end + 1);
            (verb_at < before && (self.is_word(verb_at) || doc.is_punct(verb_at, "(")))
                .then_some(np)
        })
    }

    /// A cue starts a new frame after a comma at `comma`: `, D'Souza replied`,
    /// `, Trump said`.
    pub fn frame_starts_after(&self, comma: usize, end: usize) -> bool {
        let doc = self.doc;
        let first = comma + 1;
        (first + 1..end.min(first + 12))
            .take_while(|&k| self.is_word(k) || doc.is_punct(k, "(") || doc.is_punct(k, ")"))
            .find(|&k| self.cue_at(k, end).is_some())
            .is_some_and(|c| {
                let mut b = c;
                while b > first && self.is(b - 1, WordClasses::SKIP) {
                    b -= 1;
                }
                b > first
                    && (self
                        .backward_phrase(b - 1, first)
                        .is_some_and(|np| np.start == first)
                        // `, I laughed and said`: a subject, its verb, `and` the cue.
                        || (doc.lower(b - 1) == "and"
                            && (self.is(first, WordClasses::PRONOUN)
                                || doc.tokens[first].capitalized)
                            && self
                                .clause_subject(first, b - 1)
                                .is_some_and(|np| np.start == first)))
            })
    }

    /// The quote that closes right before `at` (`"Why?" Trump asked`), when no
    /// statement claims it yet.
    pub fn unclaimed_quote_closing_at(&self, at: usize, covered: &[bool]) -> Option<&Quote> {
        if at == 0 {
            return None;
        }
        let q = self.doc.quote_closing_at(at - 1)?;
        if q.paragraph != self.doc.paragraph_of(at) {
            return None;
        }
        let claimed = covered[q.open..q.end()].iter().any(|&c| c);
        (!claimed && self.has_word(q.content())).then_some(q)
    }

    /// The quote that continues a direct quote after its attribution, to the end
    /// of the unit: right after the cue (`said, "…"`) or after a clause that ends
    /// with a comma (`said, referring to …, "…"`).
    pub fn continuation_quote(&self, from: usize, end: usize) -> Option<&Quote> {
        let doc = self.doc;
        let q = doc
            .quotes
            .get(doc.quotes.partition_point(|q| q.open < from))
            .filter(|q| q.open < end)?;
        let clean = !self.has_quote_between(from, q.open)
            && (q.open == from || doc.is_punct(q.open - 1, ","))
            && !self.has_word(q.end()..end);
        clean.then_some(q)
    }

    /// `Rep. Trey Gowdy (R-S.C.): "…"`: the unit opens with a name (and a
    /// parenthesis) and a colon right before the quote.
    pub fn colon_attribution(&self, unit_start: usize, quote_open: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        if quote_open < unit_start + 2 || !doc.is_punct(quote_open - 1, ":") {
            return None;
        }
        let mut end = quote_open - 1;
        if doc.is_punct(end - 1, ")") {
            end = (unit_start..end).rev().find(|&k| doc.is_punct(k, "("))?;
        }
        let name = self
            .forward_phrase(unit_start, end)
            .filter(|name| name.end == end)
            .or_else(|| {
                // `IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal and Jon
                // Cohen: "…"`: a heading, a dash, then the name.
                let dash = (unit_start..end)
                    .rev()
                    .find(|&k| matches!(doc.str(k), "-" | "\u{2013}" | "\u{2014}"))?;
                let mut name = self.forward_phrase(dash + 1, end)?;
                // `Mark Blumenthal and Jon Cohen`.
                if name.end + 1 < end
                    && doc.lower(name.end) == "and"
                    && let Some(second) = self.forward_phrase(name.end + 1, end)
                {
                    name.end = second.end;
                }
                let names = name.end == end
                    && name.clone().all(|k| {
                        doc.tokens[k].capitalized
                            || self.is(k, WordClasses::BOUNDARY | WordClasses::NP_LINK)
                    });
                names.then_some(name)
            })?;
        doc.tokens[name.start].capitalized.then_some(name)
    }

    /// `“…” ― Carla Sanchez.`: a dash after a quote, then a name ending the unit.
    pub fn dash_attribution(
        &self,
        after_quote: usize,
        end: usize,
    ) -> Option<(usize, Range<usize>)> {
        let doc = self.doc;
        if after_quote >= end
            || !matches!(
                doc.str(after_quote),
                "\u{2015}" | "\u{2014}" | "\u{2013}" | "-"
            )
        {
            return None;
        }
        let name = self.forward_phrase(after_quote + 1, end)?;
        let rest_is_tail = !self.has_word(name.end..end) || doc.is_punct(name.end, ",");
        (rest_is_tail && doc.tokens[name.start].capitalized).then_some((after_quote, name))
    }

    /// After `told`: the addressee (`reporters`, `the BBC`, `state media`, `him`):
    /// a determiner, then a run of capitalised words or words up to the first
    /// role word (`reporters`, `media`, `lawmakers`).
    pub fn skip_addressee(&self, from: usize, end: usize) -> usize {
        let doc = self.doc;
        let mut k = from;
        if k < end && (self.is(k, WordClasses::OBJECT_PRONOUN)) {
            return k + 1;
        }
        if k < end && self.is(k, WordClasses::DETERMINER) && !self.is(k, WordClasses::PRONOUN) {
            k += 1;
        }
        let body = k;
        let mut named = false;
        while k < end && k - body < 8 && self.is_word(k) && doc.quote_of[k].is_none() {
            let c = self.classes(k);
            if doc.tokens[k].capitalized && !c.has(WordClasses::PRONOUN | WordClasses::BOUNDARY) {
                named = true;
                k += 1;
                continue;
            }
            let stop = doc.lower(k) == "that"
                || c.has(
                    WordClasses::PRONOUN
                        | WordClasses::BOUNDARY
                        | WordClasses::SKIP
                        | WordClasses::ADJUNCT_START
                        | WordClasses::DETERMINER,
                )
                || self.cue_at(k, end).is_some();
            if stop {
                break;
            }
            // `told Breitbart News Daily host Matt Boyle`, `told state media`: role
            // words belong to the addressee; after a name or a role, a plain word
            // starts the content.
            if c.has(WordClasses::ROLE) {
                named = true;
                k += 1;
                continue;
            }
            if named || k - body >= 3 {
                break;
            }
            k += 1;
        }
        // Lowercase words that reach no role word or name are the content, not
        // an addressee.
        let ends_clause = k >= end || doc.lower(k) == "that" || !self.is_word(k);
        if named || ends_clause { k } else { from }
    }

    /// Adjuncts after a cue: `on Aug. 22`, `in a statement`, `at a briefing
    /// Monday`, `Tuesday`, `in Tokyo`.
    pub fn skip_adjuncts(&self, from: usize, end: usize) -> usize {
        let doc = self.doc;
        let mut j = from;
        loop {
            if j >= end || doc.quote_of[j].is_some() || !self.is_word(j) {
                return j;
            }
            let c = self.classes(j);
            if c.has(WordClasses::ADJUNCT_START) && !c.has(WordClasses::ADJUNCT_WORD)
                || (c.has(WordClasses::ADJUNCT_START)
                    && j + 1 < end
                    && !self.is(j + 1, WordClasses::PRONOUN))
            {
                let mut k = j + 1;
                while k < end
                    && self.is(k, WordClasses::DETERMINER)
                    && !self.is(k, WordClasses::PRONOUN)
                {
                    k += 1;
                }
                let body_start = k;
                let mut last_capitalized = false;
                while k < end && doc.quote_of[k].is_none() && self.is_word(k) {
                    let ck = self.classes(k);
                    let t = doc.tokens[k];
                    let ok = (ck.has(WordClasses::ADJUNCT_WORD) && !ck.has(WordClasses::PRONOUN))
                        || t.kind == TokenKind::Number
                        || (t.capitalized
                            && (k == body_start || last_capitalized)
                            && !ck.has(WordClasses::PRONOUN | WordClasses::ROLE))
                        || (doc.lower(k) == "'s" && last_capitalized);
                    if !ok {
                        // `in a wide-ranging interview`: an adjective or two before
                        // the adjunct's noun.
                        let plain = |n: usize| {
                            self.is_word(n)
                                && !doc.tokens[n].capitalized
                                && doc.quote_of[n].is_none()
                                && !self.is(
                                    n,
                                    WordClasses::BOUNDARY
                                        | WordClasses::SKIP
                                        | WordClasses::PRONOUN,
                                )
                                && self.cue_at(n, end).is_none()
                        };
                        let noun = (k + 1..end.min(k + 3)).find(|&n| {
                            self.is(n, WordClasses::ADJUNCT_WORD)
                                && !self.is(n, WordClasses::PRONOUN)
                        });
                        match noun {
                            Some(n) if (k..n).all(plain) => {
                                k = n + 1;
                                last_capitalized = false;
                                continue;
                            }
                            _ => break,
                        }
                    }
                    last_capitalized = t.capitalized || doc.lower(k) == "'s";
                    k += 1;
                }
                if k == body_start {
                    return j;
                }
                j = k;
                continue;
            }
            if c.has(WordClasses::ADJUNCT_WORD)
                && !c.has(WordClasses::DETERMINER | WordClasses::PRONOUN)
                && (doc.tokens[j].capitalized || c.has(WordClasses::ADJUNCT_WORD))
            {
                // A bare time word: `said Monday`, `said today`.
                let bare_time = !c.has(WordClasses::ADJUNCT_START);
                if bare_time {
                    j += 1;
                    continue;
                }
            }
            return j;
        }
    }

    /// Takes a `that` right after the cue into the cue (`adding that`); returns
    /// where the content starts and the cue's text.
    pub fn complementizer(&self, at: usize, end: usize, cue_text: String) -> (usize, String) {
        if at < end && self.doc.lower(at) == "that" && self.doc.quote_of[at].is_none() {
            (at + 1, format!("{cue_text} that"))
        } else {
            (at, cue_text)
        }
    }

    /// The content that follows a cue: to the end of the unit, but not past a
    /// further attribution of the same speaker (`, adding that`, `and urged`,
    /// `, according to`), without the final punctuation.
    pub fn content_after(&self, start: usize, end: usize) -> Range<usize> {
        let doc = self.doc;
        let mut stop = end;
        for k in start..end {
            if doc.quote_of[k].is_some() {
                continue;
            }
            let next_is_cue = |n: usize| {
                n < end && self.cue_at(n, end).is_some() && !self.infinitive_cue_at(n, end)
            };
            if doc.is_punct(k, ",") && next_is_cue(k + 1) {
                let form = self.cue_at(k + 1, end);
                let participle = form.is_some_and(|f| {
                    f.words.last().is_some_and(|w| w.ends_with("ing"))
                        || f.frame == Frame::According
                });
                if participle {
                    stop = k;
                    break;
                }
            }
            if k > start && doc.lower(k) == "and" && next_is_cue(k + 1) {
                stop = k;
                break;
            }
            // `Trump asserted that France had lost its identity: “France is no
            // longer France,” he claimed`: a quote after a colon with an
            // attribution of its own after it (after a comma) is that
            // attribution's; the content ends at the colon.
            if k > start
                && doc.is_punct(k, ":")
                && let Some(close) = self.quote_opening_at(k + 1).and_then(|q| q.close)
            {
                let paragraph_end = doc.paragraphs[doc.paragraph_of(k)].tokens.end;
                // The quote ends with a comma (`,”` or `”,`) that the frame follows.
                let comma_after = close + 1 < paragraph_end && doc.is_punct(close + 1, ",");
                let after = if comma_after { close + 1 } else { close };
                if (comma_after || doc.is_punct(close - 1, ","))
                    && self.frame_starts_after(after, paragraph_end)
                {
                    stop = k;
                    break;
                }
            }
            // A semicolon ends the clause: `…; TVN24 reported he received surgery`.
            if doc.is_punct(k, ";") {
                stop = k;
                break;
            }
            // So does the reporter's own participle clause: `…, sparking protest
            // from both Tokyo and Washington`.
            // Not after an introductory phrase (`announced that from June 15,
            // wearing a face covering would become compulsory`), nor at a
            // preposition (`more cases of measles, including 165 …`).
            let participle_clause = doc.is_punct(k, ",")
                && k + 1 < end
                && doc.quote_of[k + 1].is_none()
                && !doc.tokens[k + 1].capitalized
                && doc.lower(k + 1).len() > 5
                && doc.lower(k + 1).ends_with("ing")
                && !self.is(k + 1, WordClasses::NP_LINK | WordClasses::ADJUNCT_START)
                && !(self.is(
                    start,
                    WordClasses::NP_LINK | WordClasses::ADJUNCT_START | WordClasses::TIME,
                ) && !self.is(start, WordClasses::DETERMINER)
                    && !(start..k).any(|m| doc.is_punct(m, ",")));
            if k > start && participle_clause {
                stop = k;
                break;
            }
            // Another speaker's frame (`… Kono said …` in a run-on sentence) ends
            // the content before its subject; this also keeps a sentence of
            // many cues linear.
            if k > start + 1 && next_is_cue(k) {
                let mut b = k;
                while b > start + 1 && self.is(b - 1, WordClasses::SKIP) {
                    b -= 1;
                }
                // Not after a preposition, where the cue word is a noun
                // (`none of the emails in question originated with Clinton`).
                let after_preposition = !doc.tokens[b - 1].capitalized
                    && self.is(b - 1, WordClasses::NP_LINK | WordClasses::ADJUNCT_START);
                if !after_preposition
                    && let Some(np) = self.backward_phrase(b - 1, start + 1)
                    && np.start > start + 1
                    && np.end == b
                {
                    stop = np.start;
                    break;
                }
            }
            if k > start
                && (doc.is_punct(k, ",") || self.is_closing_mark(k))
                && self.frame_starts_after(k, end)
            {
                // A closing mark stays with the quote it closes.
                stop = if self.is_closing_mark(k) { k + 1 } else { k };
                break;
            }
        }
        self.trim(start..stop)
    }

    /// Drops leading and trailing punctuation that is not a quotation mark
    /// opening or closing a quote in the range.
    pub fn trim(&self, r: Range<usize>) -> Range<usize> {
        let doc = self.doc;
        let (mut a, mut b) = (r.start, r.end);
        while a < b
            && !self.is_word(a)
            && doc.quote_of[a].is_none()
            && self.quote_opening_at(a).is_none()
        {
            a += 1;
        }
        while b > a
            && !self.is_word(b - 1)
            && doc.quote_of[b - 1].is_none()
            && !self.is_closing_mark(b - 1)
        {
            b -= 1;
        }
        a..b
    }

    /// The words of a quote without the punctuation at its edges that only
    /// joins it to its frame (`,"` / `."`): keeps `?` and `!`.
    pub fn trim_inner(&self, r: Range<usize>) -> Range<usize> {
        let doc = self.doc;
        let (mut a, mut b) = (r.start, r.end);
        while a < b && !self.is_word(a) && !matches!(doc.str(a), "\u{2018}" | "'" | "(" | "[") {
            a += 1;
        }
        while b > a
            && !self.is_word(b - 1)
            && matches!(doc.str(b - 1), "," | ":" | ";" | "\u{2014}" | "-")
        {
            b -= 1;
        }
        a..b
    }
}
