//! Attribute: finds the statements of an article — who is said to have said
//! what — from its tokens, sentences and quotes, with rules over the words of
//! the reporting-verb and speaker-word lexicons. No parser: the rules read the
//! frames news writing uses (`"…," X said`, `said X, <apposition>`, `X said
//! (that) …`, `X told reporters …`, `according to X`, `…, adding that …`).

mod lexicon;
mod phrase;

use std::ops::Range;

pub use lexicon::{CueForm, Frame, ReportingVerbs, SpeakerWords, TokenClasses, WordClasses};
pub use phrase::is_quote_mark;

use crate::text::{Document, TokenKind};
use phrase::Phrases;

/// At most this many words of a source's phrase after its agent (`by CNN and
/// NPR`) before the comma that opens the content.
const MAX_SOURCE_TAIL: usize = 12;

/// How a statement renders what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatementKind {
    /// A whole quotation.
    Direct,
    /// A reporter's clause that embeds a quoted fragment.
    Partial,
    /// Reported speech, without quotation marks.
    Indirect,
}

impl StatementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Partial => "partial",
            StatementKind::Indirect => "indirect",
        }
    }
}

/// How the text names a statement's speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// A noun phrase (`U.S. Secretary of State Mike Pompeo`, `an unnamed
    /// presidential official`, `South Korea`), with any apposition after it
    /// (`Kim You-geun, a national security official at …`).
    Mention {
        phrase: Range<usize>,
        apposition: Option<Range<usize>>,
    },
    /// A pronoun (`he`, `they`, `it`), resolved to the person or body it refers to
    /// when actors are resolved.
    Pronoun { token: usize },
}

impl Speaker {
    /// The tokens of the mention as written (the phrase, or the pronoun).
    pub fn mention(&self) -> Range<usize> {
        match self {
            Speaker::Mention { phrase, .. } => phrase.clone(),
            Speaker::Pronoun { token } => *token..*token + 1,
        }
    }
}

/// A stretch of text the article attributes to a speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub kind: StatementKind,
    /// Tokens of the content: inside the marks for a direct quote; for a quote
    /// split around its attribution, from the first piece to the last.
    pub content: Range<usize>,
    /// The cue as written (`said`, `told reporters`, `adding that`); empty for a
    /// paragraph that continues an earlier quote.
    pub cue: String,
    /// The token the cue starts at, if the statement has a cue of its own.
    pub cue_token: Option<usize>,
    pub speaker: Speaker,
    /// The speaker is named in this statement's own frame (false when the
    /// statement continues an earlier speaker's quote).
    pub speaker_here: bool,
}

impl Statement {
    /// Tokens `content` as a statement with no speaker and no cue: how the
    /// sentiment evaluations score a whole gold sentence.
    pub fn unattributed(content: Range<usize>) -> Statement {
        Statement {
            kind: StatementKind::Indirect,
            content,
            cue: String::new(),
            cue_token: None,
            speaker: Speaker::Mention {
                phrase: 0..0,
                apposition: None,
            },
            speaker_here: false,
        }
    }
}

/// The lexicons attribution reads.
#[derive(Debug, Clone, Copy)]
pub struct AttributionLexicons<'l> {
    pub verbs: &'l ReportingVerbs,
    pub words: &'l SpeakerWords,
}

/// Finds the statements of a segmented article, in text order.
pub fn attribute(doc: &Document, lex: AttributionLexicons) -> Vec<Statement> {
    let p = Phrases::new(doc, lex);
    let units = units(doc);
    let mut statements: Vec<Statement> = Vec::new();
    // A speaker announced with a colon and no content yet (`Kim said:`), waiting
    // for the quote that follows; by the unit it was found in.
    let mut pending: Vec<(usize, Speaker)> = Vec::new();
    let mut covered = vec![false; doc.tokens.len()];
    // First every cue and its frame, then the quotes no frame claimed: a frame
    // may claim the quote of the unit before it (`"Why?" Trump asked.`).
    for (u, unit) in units.iter().enumerate() {
        let first_in_unit = statements.len();
        let mut region_start = unit.start;
        let mut i = unit.start;
        while i < unit.end {
            let Some(form) = p.cue_at(i, unit.end) else {
                i += 1;
                continue;
            };
            let cue = i..i + form.words.len();
            let frame = CueSite {
                unit: unit.clone(),
                region_start,
                cue: cue.clone(),
                form,
            };
            match analyse_cue(&p, &frame, &statements[first_in_unit..], &covered) {
                Some(Found::Statement(st, resume)) => {
                    covered[st.content.clone()].fill(true);
                    statements.push(st);
                    region_start = resume;
                    i = resume.max(cue.end);
                }
                Some(Found::Pending(speaker, resume)) => {
                    pending.push((u, speaker));
                    region_start = resume;
                    i = resume.max(cue.end);
                }
                None => i = cue.end,
            }
        }
    }
    // `President Clinton released the following statement:` ending a unit with
    // no cue of its own announces the next unit's quote for the clause's
    // subject, when that is a name or a noun phrase (`Wait, it gets better:`
    // announces nothing).
    for (u, unit) in units.iter().enumerate() {
        let colon = unit.end - 1;
        let announces = unit.end > unit.start + 2
            && doc.is_punct(colon, ":")
            && !pending.iter().any(|(pu, _)| *pu == u)
            && !statements
                .iter()
                .any(|st| st.cue_token.is_some_and(|c| unit.contains(&c)));
        if let Some(np) = announces
            .then(|| p.clause_subject(unit.start, colon))
            .flatten()
            .filter(|np| !p.is(np.start, WordClasses::PRONOUN))
        {
            pending.push((u, speaker_of(&p, np, None)));
        }
    }
    let mut found = FoundSoFar::new(&statements, covered);
    for (u, unit) in units.iter().enumerate() {
        // A `Kim said:` with nothing after it announces the next unit's quote only.
        let mut waiting = pending
            .iter()
            .find(|(pu, _)| u > 0 && *pu == u - 1)
            .map(|(_, speaker)| speaker.clone());
        attribute_uncovered_quotes(&p, unit.clone(), &mut statements, &mut waiting, &mut found);
    }
    statements.sort_by_key(|s| (s.content.start, s.content.end));
    statements
}

/// What the uncovered-quote pass needs to know of the statements found so far,
/// kept up to date in constant time per quote (an article of a million quotes
/// stays linear): which tokens some content covers, and which statement's
/// content ends last before the quote at hand.
struct FoundSoFar {
    covered: Vec<bool>,
    /// Statements of the cue pass, by where their content ends.
    by_end: Vec<usize>,
    cursor: usize,
    latest: Option<usize>,
}

impl FoundSoFar {
    fn new(statements: &[Statement], covered: Vec<bool>) -> FoundSoFar {
        let mut by_end: Vec<usize> = (0..statements.len()).collect();
        by_end.sort_by_key(|&k| statements[k].content.end);
        FoundSoFar {
            covered,
            by_end,
            cursor: 0,
            latest: None,
        }
    }

    /// The statement whose content ends last at or before token `at`.
    fn latest_before(&mut self, statements: &[Statement], at: usize) -> Option<usize> {
        while let Some(&k) = self.by_end.get(self.cursor) {
            if statements[k].content.end > at {
                break;
            }
            self.note(statements, k);
            self.cursor += 1;
        }
        self.latest.filter(|&k| statements[k].content.end <= at)
    }

    /// A statement found or extended by this pass.
    fn note(&mut self, statements: &[Statement], k: usize) {
        self.covered[statements[k].content.clone()].fill(true);
        let later = self
            .latest
            .is_none_or(|l| statements[k].content.end >= statements[l].content.end);
        if later {
            self.latest = Some(k);
        }
    }
}

/// Where a cue stands: its unit, where content before it may start, and the
/// cue's tokens and form.
struct CueSite<'l> {
    unit: Range<usize>,
    region_start: usize,
    cue: Range<usize>,
    form: &'l CueForm,
}

enum Found {
    Statement(Statement, usize),
    Pending(Speaker, usize),
}

/// Units of analysis: sentences of a paragraph, merged where a quote runs over
/// a sentence break (a multi-sentence quotation and its frame are one unit).
fn units(doc: &Document) -> Vec<Range<usize>> {
    let mut units: Vec<Range<usize>> = Vec::new();
    let mut last_paragraph = usize::MAX;
    for s in &doc.sentences {
        let b = s.tokens.start;
        // A quote runs over the break when the token before it opens a quote
        // or lies in one that ends after it.
        let crosses = s.paragraph == last_paragraph
            && b > 0
            && doc.quote_of[b - 1]
                .map(|k| &doc.quotes[k as usize])
                .or_else(|| doc.quote_opening_at(b - 1))
                .is_some_and(|q| q.end() > b);
        match units.last_mut() {
            Some(u) if crosses => u.end = s.tokens.end,
            _ => units.push(s.tokens.clone()),
        }
        last_paragraph = s.paragraph;
    }
    units
}

/// Reads the frame around one cue: who speaks, and which side holds the content.
fn analyse_cue(p: &Phrases, f: &CueSite, in_unit: &[Statement], covered: &[bool]) -> Option<Found> {
    let doc = p.doc;
    let (unit, region_start, cue, form) = (f.unit.clone(), f.region_start, f.cue.clone(), f.form);
    let cue_text = doc.span_text(cue.clone()).to_string();
    let quotes_only = form.frame == Frame::Quoting;

    if form.frame == Frame::According {
        // `according to a count by The Associated Press`: a phrase that names
        // no one speaks through its agent after `by`.
        let mut via_agent = false;
        let mut np = match p.forward_phrase(cue.end, unit.end) {
            Some(np) => np,
            None => {
                let raw = p.forward_phrase_raw(cue.end, unit.end)?;
                via_agent = true;
                p.agent_after(raw.end, unit.end)?
            }
        };
        // `According to eyewitness reports,`: a document noun that is also a
        // verb form ends the phrase.
        if np.end < unit.end
            && !doc.tokens[np.end].capitalized
            && doc.quote_of[np.end].is_none()
            && p.is(np.end, WordClasses::SPEAKER_NOUN)
        {
            np.end += 1;
        }
        // `According to a memo posted online by Senator Juan Dalmau`: the
        // author of the document speaks.
        let np = p.agent_after(np.end, unit.end).unwrap_or(np);
        let before = p.trim(region_start..cue.start);
        let content_before = p.has_word(before.clone());
        // `…, according to prosecutor Josh Bash, the U.S. Attorney for the
        // Western District of Texas.`: with the content before the cue, what
        // follows the name between commas is an apposition (after it, the
        // comma would open the content).
        let apposition = content_before
            .then(|| p.apposition_after(np.end, unit.end))
            .flatten();
        let speaker = Speaker::Mention {
            phrase: np.clone(),
            apposition: apposition.clone(),
        };
        let (content, resume) = if content_before {
            (before, apposition.map_or(np.end, |a| a.end))
        } else {
            let mut j = np.end;
            // `According to projections by CNN and NPR, he won …`: the rest of
            // the source's phrase, up to the comma, is no content.
            if via_agent && j < unit.end && !doc.is_punct(j, ",") {
                j = (j..unit.end.min(j + MAX_SOURCE_TAIL))
                    .take_while(|&k| {
                        p.is_word(k) && doc.quote_of[k].is_none() && p.cue_at(k, unit.end).is_none()
                            || doc.is_punct(k, ",")
                    })
                    .find(|&k| doc.is_punct(k, ","))?;
            }
            if j < unit.end && doc.is_punct(j, ",") {
                // `According to the BBC, a spokesman for 10 Downing Street
                // expressed disappointment`: the source reports a frame of its
                // own, whose speaker speaks.
                if p.frame_starts_after(j, unit.end) {
                    return None;
                }
                j += 1;
            }
            let content = p.content_after(j, unit.end);
            let end = content.end;
            (content, end)
        };
        if !p.has_word(content.clone()) {
            return None;
        }
        let st = p.statement(content, cue_text, cue.start, speaker, true);
        return Some(Found::Statement(st, resume));
    }

    // `Calling it a "culture of death" the archbishop said …`: a participle that
    // opens the sentence reports what the subject of the main clause said.
    if doc.tokens[cue.start].capitalized && !participle_form(form) {
        return inverted_opening(p, f);
    }
    if doc.tokens[cue.start].capitalized {
        let start = p.skip_adjuncts(cue.end, unit.end);
        let content = p.content_after(start, unit.end);
        let mut k = content.end;
        while k < unit.end && (doc.is_punct(k, ",") || p.is_closing_mark(k)) {
            k += 1;
        }
        // The subject is followed by its verb: any determiner phrase may speak.
        let np = p
            .forward_phrase_raw(k, unit.end)
            .filter(|np| p.is_speaker(np.clone(), true))?;
        if !p.has_word(content.clone()) || np.end >= unit.end || !p.is_word(np.end) {
            return None;
        }
        let st = p.statement(
            content.clone(),
            cue_text,
            cue.start,
            speaker_of(p, np, None),
            true,
        );
        return found_before_cue(st, content.end, quotes_only);
    }

    // `The BBC also cited Budi Gunawan, chief of …, as saying the suspects
    // were linked …`: the one cited speaks.
    if let Some(st) = cited_as_saying(p, f) {
        let end = st.content.end;
        return Some(Found::Statement(st, end));
    }

    // Walk back over adverbs and auxiliaries to the speaker's last word.
    let mut b = cue.start;
    while b > region_start {
        // Adverbs (`also`, `sharply`), auxiliaries and times stand between a
        // speaker and the cue.
        let adverb = !doc.tokens[b - 1].capitalized
            && doc.lower(b - 1).len() > 4
            && doc.lower(b - 1).ends_with("ly")
            && doc.quote_of[b - 1].is_none();
        let skippable = p.is(b - 1, WordClasses::SKIP) && !doc.tokens[b - 1].capitalized
            || p.is(b - 1, WordClasses::TIME)
            || adverb;
        if skippable {
            b -= 1;
        } else if b >= region_start + 3
            && doc.is_punct(b - 1, ",")
            && doc.tokens[b - 2].kind == TokenKind::Number
            && doc.is_punct(b - 3, ",")
        {
            // `Suu Kyi, 70, said`: an age between commas belongs to the name.
            b -= 3;
        } else if let Some(open) = p.parenthetical_ending_at(b, region_start) {
            // `Rep. Gwen Moore (D-Wis.) said`: the parenthesis belongs to the name.
            b = open;
        } else {
            break;
        }
    }
    let prev = (b > region_start).then(|| b - 1);
    let participle = form.words.last().is_some_and(|w| w.ends_with("ing"));

    // `The proceedings … was criticised by archbishop Monsenor Jorge Eduardo
    // Scheinig`: a past participle right after a form of `be` (an adverb may
    // stand between) is passive. Its subject is no speaker; the agent after
    // `by` is, and the clause up to the agent is the content.
    let past_participle = !participle && form.words.len() == 1 && *form.words[0] != *form.lemma;
    let be = (cue.start.saturating_sub(2).max(region_start)..cue.start)
        .rev()
        .find(|&k| p.is(k, WordClasses::PASSIVE) && !doc.tokens[k].capitalized);
    let passive = past_participle
        && form.frame != Frame::According
        && be.is_some_and(|k| {
            (k + 1..cue.start)
                .all(|m| doc.tokens[m].kind == TokenKind::Word && !doc.tokens[m].capitalized)
        });
    if passive {
        let by = (cue.end..unit.end.min(cue.end + 3))
            .take_while(|&k| {
                doc.tokens[k].kind == TokenKind::Word
                    && !doc.tokens[k].capitalized
                    && doc.quote_of[k].is_none()
            })
            .find(|&k| doc.lower(k) == "by")?;
        let np = p.forward_phrase(by + 1, unit.end)?;
        let content = p.trim(region_start..by);
        if !p.has_word(content.clone()) {
            return None;
        }
        let apposition = p.apposition_after(np.end, unit.end);
        let resume = apposition.as_ref().map_or(np.end, |a| a.end);
        let st = p.statement(
            content,
            cue_text,
            cue.start,
            speaker_of(p, np, apposition),
            true,
        );
        return found_before_cue(st, resume, quotes_only);
    }
    if past_participle
        && form.frame != Frame::According
        && let Some(found) = reduced_passive(p, f, prev)
    {
        return Some(found);
    }
    // `"Morning Joe," adding`: a comma inside the closing mark counts too.
    let after_comma = prev.is_some_and(|k| {
        doc.is_punct(k, ",") || (k > 0 && p.is_closing_mark(k) && doc.is_punct(k - 1, ","))
    });
    let after_and = prev.is_some_and(|k| doc.lower(k) == "and");

    // `…, adding that …` and `X said … and urged …` take the speaker of the
    // statement before them in the sentence, else the subject of the clause
    // they hang from (`he laughed and said`, `Sanders compared …, saying`).
    // `she released a statement saying, "…"`: a participle after a noun, too,
    // when a quote follows it.
    let quote_after_cue = {
        let j = p.skip_adjuncts(cue.end, unit.end);
        p.quote_opening_at(j).is_some()
            || (j + 1 < unit.end
                && (doc.is_punct(j, ",") || doc.is_punct(j, ":"))
                && p.quote_opening_at(j + 1).is_some())
    };
    let participle_before_quote = participle && quote_after_cue;
    // `The ad uses footage of Hillary Clinton asking, "…"`, `with Trump saying
    // "…"`: a participle right after a name before a quote; the name speaks.
    let name_before_participle = prev
        .filter(|&k| {
            participle_before_quote
                && !after_comma
                && k > region_start
                && doc.tokens[k].capitalized
                && doc.tokens[k].kind == TokenKind::Word
        })
        .map(|k| {
            let mut s = k;
            while s > region_start
                && doc.tokens[s - 1].capitalized
                && doc.tokens[s - 1].kind == TokenKind::Word
            {
                s -= 1;
            }
            s..k + 1
        })
        // After a lowercase word that is no determiner (`footage of`, `ends
        // with`): not `the Iranian Chess Federation saying`, `Washington, D.C.
        // saying`, `People's Vote saying`, where the name is an object or a place.
        .filter(|np| {
            np.start > region_start && {
                let b = np.start - 1;
                doc.tokens[b].kind == TokenKind::Word
                    && !doc.tokens[b].capitalized
                    && doc.lower(b) != "'s"
                    && !p.is(b, WordClasses::DETERMINER)
            }
        });
    // `the Supreme Court of Puerto Rico issued a ruling finding in favor of …`:
    // a participle after a document speaks for the clause's subject.
    let after_document = participle
        && prev.is_some_and(|k| {
            !doc.tokens[k].capitalized
                && p.is(k, WordClasses::SPEAKER_NOUN)
                && k > region_start
                && p.is(k - 1, WordClasses::DETERMINER)
        });
    if let Some(k) = prev.filter(|_| {
        (participle && (after_comma || participle_before_quote || after_document)) || after_and
    }) {
        // `when my mother mentioned the devil to me …, I laughed and said`: a
        // subject of its own after the previous statement.
        let own_subject = after_and
            .then(|| (region_start..k).rev().find(|&c| doc.is_punct(c, ",")))
            .flatten()
            .filter(|&c| in_unit.last().is_some_and(|prev| prev.content.end <= c))
            .and_then(|c| p.clause_subject(c + 1, k))
            .filter(|np| {
                np.len() == 1 && p.is(np.start, WordClasses::PRONOUN)
                    || np.clone().all(|m| doc.tokens[m].capitalized)
            })
            .or(name_before_participle.clone());
        let (speaker, here) = match in_unit.last() {
            _ if own_subject.is_some() => {
                let np = own_subject.clone().unwrap_or(k..k + 1);
                (speaker_of(p, np, None), true)
            }
            Some(previous) => (previous.speaker.clone(), false),
            None => {
                let np = p.clause_subject(region_start, k)?;
                (speaker_of(p, np, None), true)
            }
        };
        let mut j = p.skip_adjuncts(cue.end, unit.end);
        if j + 1 < unit.end
            && (doc.is_punct(j, ",") || doc.is_punct(j, ":"))
            && p.quote_opening_at(j + 1).is_some()
        {
            j += 1;
        }
        let (start, cue_text) = p.complementizer(j, unit.end, cue_text);
        let content = p.content_after(start, unit.end);
        if !p.has_word(content.clone()) {
            return None;
        }
        let end = content.end;
        let st = p.statement(content, cue_text, cue.start, speaker, here);
        return found_after_cue(p, st, end, quotes_only);
    }

    // A quote right after the cue (`the announcer said, "…"`) makes any
    // determiner phrase before it a speaker, as a quote right before it does.
    // The speaker before the cue (`Kono said`, `"…," one user wrote`), with
    // appositions between commas (`Kim, a national security official, said`,
    // `Gov. John Kasich (R-OH), said`) …
    let mut subject = prev.and_then(|k| {
        // `Prime Minister Tuilaepa, who told the press …`: the relative pronoun's
        // antecedent speaks.
        if doc.lower(k) == "who" && k >= region_start + 2 && doc.is_punct(k - 1, ",") {
            return p.backward_phrase(k - 2, region_start).map(|np| (np, None));
        }
        if doc.is_punct(k, ",") {
            p.subject_with_apposition(k, region_start)
                .or_else(|| {
                    let open = p.parenthetical_ending_at(k, region_start)?;
                    let np = p.backward_phrase(open.checked_sub(1)?, region_start)?;
                    Some((np, None))
                })
                .or_else(|| p.frame_subject(region_start, b))
        } else {
            p.backward_phrase_raw(k, region_start)
                .filter(|np| {
                    // Right before `said` or `told`, a determiner phrase speaks
                    // (`The actress said …`).
                    // Not before `called "…"`, where a thing may be named (`a
                    // 2002 psychology class called "Perception"`).
                    let lenient = quote_after_cue && form.frame != Frame::Call
                        || p.follows_quote(np.start)
                        || (matches!(form.frame, Frame::Speech | Frame::Tell)
                            && np.end == cue.start);
                    p.is_speaker(np.clone(), lenient)
                })
                .map(|np| (np.clone(), p.apposition_before(np, region_start)))
        }
    });
    // … or after it (`"…," said Kim You-geun, a national security official …`);
    // after `told` that phrase is the addressee, never the speaker.
    let mut inverted_end = None;
    if subject.is_none() {
        let opens_frame = prev.is_none_or(|k| {
            doc.is_punct(k, ",") || p.is_closing_mark(k) || doc.is_punct(k, "\u{2014}")
        });
        // `"…?" asked Sen. Barbara Mikulski`: right after a quote `asked` inverts too.
        let invertible = matches!(form.frame, Frame::Speech | Frame::Quoting)
            || (form.frame == Frame::Tell && p.follows_quote(b));
        if !opens_frame || !invertible {
            return None;
        }
        // Right after a quote any determiner phrase may speak: `"…," wrote one commenter`.
        // `"…," read one.`, `"…," tweeted another.`: a lone determiner that
        // ends the clause stands for a speaker of the quote.
        let lone_determiner = p.follows_quote(b)
            && cue.end + 1 < unit.end
            && p.is(cue.end, WordClasses::DETERMINER)
            && !p.is(cue.end, WordClasses::PRONOUN)
            && (doc.is_punct(cue.end + 1, ".") || doc.is_punct(cue.end + 1, ","));
        let np = p
            .forward_phrase_raw(cue.end, unit.end)
            .filter(|np| p.is_speaker(np.clone(), p.follows_quote(b)))
            .or_else(|| lone_determiner.then(|| cue.end..cue.end + 1))?;
        let apposition = p.apposition_after(np.end, unit.end);
        inverted_end = Some(apposition.as_ref().map_or(np.end, |a| a.end));
        subject = Some((np, apposition));
    }
    let (np, apposition) = subject?;
    let speaker = speaker_of(p, np.clone(), apposition.clone());

    // Where the frame starts: before it may lie the content (`"…," Kono said`).
    // An apposition before the name belongs to the frame (`The Vice President,
    // Mike Pence, said`).
    let frame_start = match (&inverted_end, &apposition) {
        (Some(_), _) => b,
        (None, Some(a)) if a.start < np.start => a.start,
        (None, _) => np.start,
    };
    let before = p.trim(region_start..frame_start);
    // `By Sunday afternoon, Pierluisi said …`: an introductory phrase is no content.
    let before_is_intro = !before.is_empty()
        && !p.has_quote_between(before.start, before.end)
        && p.is(
            before.start,
            WordClasses::NP_LINK
                | WordClasses::ADJUNCT_START
                | WordClasses::TIME
                | WordClasses::BOUNDARY,
        )
        && !p.is(before.start, WordClasses::DETERMINER);
    let before_ok = frame_start > region_start
        && !before_is_intro
        && p.has_word(before.clone())
        && (doc.is_punct(frame_start - 1, ",")
            || p.is_closing_mark(frame_start - 1)
            || doc.is_punct(frame_start - 1, "\u{2014}"));

    // After the cue: the addressee of `told`, adjuncts (`on Monday`, `in a
    // statement`), then `that` or a colon.
    let mut j = inverted_end.unwrap_or(cue.end);
    let mut cue_text = cue_text;
    if form.frame == Frame::Tell && inverted_end.is_none() {
        let addressee_end = p.skip_addressee(j, unit.end);
        if addressee_end > j {
            cue_text = doc.span_text(cue.start..addressee_end).to_string();
        }
        j = addressee_end;
    }
    j = p.skip_adjuncts(j, unit.end);
    let colon = j < unit.end && doc.is_punct(j, ":");
    let that = j < unit.end && doc.lower(j) == "that";
    // `the announcer said, "It's 3 a.m. …"`: a quote right after the cue is the content.
    let quote_follows = p.quote_opening_at(j).is_some()
        || (j + 1 < unit.end
            && (doc.is_punct(j, ",") || colon)
            && p.quote_opening_at(j + 1).is_some());

    // `"Why?" Trump asked.`: the sentence break after `?"` left the frame in a
    // unit of its own, right after the quote it attributes.
    let nothing_after = !quote_follows
        && (j >= unit.end || doc.is_punct(j, ",") || !p.has_word(p.content_after(j, unit.end)));
    if nothing_after
        && inverted_end.is_none()
        && np.start == unit.start
        && unit.start == region_start
        && let Some(q) = p.unclaimed_quote_closing_at(unit.start, covered)
    {
        let st = p.statement(q.open..q.end(), cue_text, cue.start, speaker, true);
        return Some(Found::Statement(st, j));
    }

    // After a whole quote the frame ends the statement: a `that` after the cue
    // starts a relative clause (`told reporters after the meeting that was held …`).
    let before_is_quote = p.is_whole_quote(before.clone());
    // `A few days later, on July 2, Trump announced he would drop his bid`: a
    // clause right after the cue (no comma between) is the content, and what
    // stands before the frame is an introduction.
    let clause_follows = !before_is_quote
        && j < unit.end
        && p.is_word(j)
        && doc.quote_of[j].is_none()
        && p.has_word(p.content_after(j, unit.end));
    if before_ok && (before_is_quote || !that && !colon && !quote_follows && !clause_follows) {
        let mut st = p.statement(before, cue_text, cue.start, speaker, true);
        let mut resume = j;
        // `"…," Kono said, "…"` and `"…," Tester said, referring to …, "…"`: the
        // quote goes on after its attribution, to the end of the unit.
        if st.kind == StatementKind::Direct
            && let Some(q) = p.continuation_quote(j, unit.end)
        {
            st.content.end = p.trim_inner(q.content()).end;
            resume = q.end();
        }
        // `Things have changed over the years, she says, especially in …`: the
        // frame sits inside the reported clause, which goes on after it.
        if st.kind != StatementKind::Direct && j + 1 < unit.end && doc.is_punct(j, ",") {
            let rest = p.content_after(j + 1, unit.end);
            let starts_new = rest.start < unit.end && p.cue_at(rest.start, unit.end).is_some();
            if p.has_word(rest.clone()) && !starts_new && rest.start == j + 1 {
                st.content.end = rest.end;
                resume = rest.end;
            }
        }
        return found_before_cue(st, resume, quotes_only);
    }
    let mut start = if colon {
        j + 1
    } else {
        let (start, text) = p.complementizer(j, unit.end, cue_text.clone());
        cue_text = text;
        start
    };
    if start < unit.end && doc.is_punct(start, ",") {
        start += 1;
    }
    let content = p.content_after(start, unit.end);
    if p.has_word(content.clone()) {
        let end = content.end;
        let st = p.statement(content, cue_text, cue.start, speaker, true);
        return found_after_cue(p, st, end, quotes_only);
    }
    if colon {
        return Some(Found::Pending(speaker, unit.end));
    }
    if before_ok || p.has_word(before.clone()) && frame_start > region_start {
        let st = p.statement(before, cue_text, cue.start, speaker, true);
        return found_before_cue(st, j, quotes_only);
    }
    None
}

/// `Starr's remarks, first reported by The New York Times on Tuesday,
/// suggested …`, `…, as first reported by the New York Times on Tuesday.`: a
/// past participle after a comma (or `, as`) with its agent after `by` is a
/// reduced passive. The agent speaks; the content is the clause before the
/// comma, and, when the sentence goes on after the agent, the whole sentence.
fn reduced_passive(p: &Phrases, f: &CueSite, prev: Option<usize>) -> Option<Found> {
    let doc = p.doc;
    let (unit, region_start, cue) = (f.unit.clone(), f.region_start, f.cue.clone());
    // After another frame in the unit, what is left before the comma is that
    // frame's (`"…," Carson noted in an interview with Todd Starnes' podcast,
    // as reported by BuzzFeed News.`).
    if f.form.frame == Frame::Quoting || region_start != unit.start {
        return None;
    }
    let k = prev?;
    let comma = if doc.is_punct(k, ",") {
        k
    } else if doc.lower(k) == "as" && k > region_start && doc.is_punct(k - 1, ",") {
        k - 1
    } else {
        return None;
    };
    if cue.end >= unit.end || doc.lower(cue.end) != "by" || doc.quote_of[cue.end].is_some() {
        return None;
    }
    let np = p.forward_phrase(cue.end + 1, unit.end)?;
    let apposition = p.apposition_after(np.end, unit.end);
    let after = p.skip_adjuncts(apposition.as_ref().map_or(np.end, |a| a.end), unit.end);
    let before = p.trim(region_start..comma);
    if !p.has_word(before.clone()) {
        return None;
    }
    let (content, resume) = if after >= unit.end || !p.is_word(after) && !doc.is_punct(after, ",") {
        (before, after)
    } else if doc.is_punct(after, ",") {
        // The sentence goes on after the frame: `…, suggested a tinge of regret`.
        let rest = p.content_after(after + 1, unit.end);
        if rest.start != after + 1
            || !p.has_word(rest.clone())
            || p.cue_at(rest.start, unit.end).is_some()
        {
            return None;
        }
        (before.start..rest.end, rest.end)
    } else {
        return None;
    };
    let cue_text = doc.span_text(cue.clone()).to_string();
    let st = p.statement(
        content,
        cue_text,
        cue.start,
        speaker_of(p, np, apposition),
        true,
    );
    Some(Found::Statement(st, resume))
}

/// A statement whose content stands before its cue, the scan resuming at
/// `resume`. A quoting verb (`chanted`, `sings`: `quotes_only`) reports only
/// a quote, so other content is no statement of it.
fn found_before_cue(st: Statement, resume: usize, quotes_only: bool) -> Option<Found> {
    if quotes_only && st.kind != StatementKind::Direct {
        return None;
    }
    Some(Found::Statement(st, resume))
}

/// A statement whose content follows its cue, the scan resuming at `resume`.
/// Under a quoting verb (`quotes_only`) content that opens with a quote and
/// goes on (`chanting "Bernie or Jill, No Hill," raising fresh questions …`)
/// keeps only the quote, the scan resuming after it; other content is none.
fn found_after_cue(
    p: &Phrases,
    mut st: Statement,
    resume: usize,
    quotes_only: bool,
) -> Option<Found> {
    if quotes_only && st.kind != StatementKind::Direct {
        let after_quote = p.quote_opening_content(&mut st)?;
        return Some(Found::Statement(st, after_quote));
    }
    Some(Found::Statement(st, resume))
}

fn participle_form(form: &CueForm) -> bool {
    form.words.last().is_some_and(|w| w.ends_with("ing"))
}

/// `Said Comey, "…"`, `Stated Stone:` (and the quote in the next paragraph): a
/// cue that opens the sentence, the speaker after it (with an apposition), then
/// a comma or a colon and a quote, which is the content. Without a quote it is
/// no frame (`Reported cases rose`).
fn inverted_opening(p: &Phrases, f: &CueSite) -> Option<Found> {
    let doc = p.doc;
    let (unit, cue) = (f.unit.clone(), f.cue.clone());
    let np = p.forward_phrase(cue.end, unit.end)?;
    let apposition = p.apposition_after(np.end, unit.end);
    let mut j = apposition.as_ref().map_or(np.end, |a| a.end);
    if j >= unit.end || !(doc.is_punct(j, ",") || doc.is_punct(j, ":")) {
        return None;
    }
    let colon = doc.is_punct(j, ":");
    j += 1;
    let speaker = speaker_of(p, np, apposition);
    if j >= unit.end && colon {
        return Some(Found::Pending(speaker, unit.end));
    }
    p.quote_opening_at(j)?;
    let content = p.content_after(j, unit.end);
    let end = content.end;
    let cue_text = doc.span_text(cue.clone()).to_string();
    let st = p.statement(content, cue_text, cue.start, speaker, true);
    found_after_cue(p, st, end, true)
}

/// `X cited Y as saying …`, `quoted Y as saying …`: a cue, the one it reports
/// (with an apposition between commas), `as` and a participle cue.
fn cited_as_saying(p: &Phrases, f: &CueSite) -> Option<Statement> {
    let doc = p.doc;
    let (unit, cue) = (f.unit.clone(), f.cue.clone());
    let np = p.forward_phrase(cue.end, unit.end)?;
    let apposition = p.apposition_after(np.end, unit.end);
    let mut k = apposition.as_ref().map_or(np.end, |a| a.end);
    if k < unit.end && doc.is_punct(k, ",") {
        k += 1;
    }
    if k + 1 >= unit.end || doc.lower(k) != "as" {
        return None;
    }
    let form = p.cue_at(k + 1, unit.end)?;
    if !form.words.last().is_some_and(|w| w.ends_with("ing")) {
        return None;
    }
    let after = k + 1 + form.words.len();
    let cue_text = format!(
        "{} ... as {}",
        doc.span_text(cue.clone()),
        doc.span_text(k + 1..after)
    );
    let (start, cue_text) = p.complementizer(after, unit.end, cue_text);
    let mut start = start;
    if start < unit.end && (doc.is_punct(start, ",") || doc.is_punct(start, ":")) {
        start += 1;
    }
    let content = p.content_after(start, unit.end);
    if !p.has_word(content.clone()) {
        return None;
    }
    Some(p.statement(
        content,
        cue_text,
        cue.start,
        speaker_of(p, np, apposition),
        true,
    ))
}

/// The speaker a phrase names: a lone pronoun is resolved later.
fn speaker_of(p: &Phrases, np: Range<usize>, apposition: Option<Range<usize>>) -> Speaker {
    if np.len() == 1 && p.is(np.start, WordClasses::PRONOUN) {
        Speaker::Pronoun { token: np.start }
    } else {
        Speaker::Mention {
            phrase: np,
            apposition,
        }
    }
}

/// Quotes that no cue in their unit claimed: the second piece of a split
/// quote (`"…," Kono said. "…"`), a paragraph that is wholly a quote and goes
/// on with the previous speaker, or the quote a `Kim said:` announced.
fn attribute_uncovered_quotes(
    p: &Phrases,
    unit: Range<usize>,
    statements: &mut Vec<Statement>,
    pending: &mut Option<Speaker>,
    found: &mut FoundSoFar,
) {
    let doc = p.doc;
    let first = doc.quotes.partition_point(|q| q.open < unit.start);
    let last = doc.quotes.partition_point(|q| q.open < unit.end);
    for q in &doc.quotes[first..last] {
        let inner = p.trim_inner(q.content());
        if !p.has_word(inner.clone()) {
            continue;
        }
        let previous_index = found.latest_before(statements, q.open);
        if found.covered[q.open..q.end()].iter().any(|&c| c) {
            continue;
        }
        let mut push = |statements: &mut Vec<Statement>, st: Statement| {
            statements.push(st);
            found.note(statements, statements.len() - 1);
        };
        // `Rep. Trey Gowdy (R-S.C.): "…"`: a name and a colon, as transcripts write it.
        if let Some(name) = p.colon_attribution(unit.start, q.open) {
            let speaker = speaker_of(p, name, None);
            let colon = q.open - 1;
            let cue = doc.str(colon).to_string();
            push(
                statements,
                p.statement_kind(
                    StatementKind::Direct,
                    inner,
                    cue,
                    Some(colon),
                    speaker,
                    true,
                ),
            );
            continue;
        }
        // `Kasich resisted: "…"`: a quote after a colon that ends the unit speaks
        // for the subject of the clause before it.
        let after_colon = q.open > unit.start + 1 && doc.is_punct(q.open - 1, ":");
        if after_colon
            && !p.has_word(q.end()..unit.end)
            && let Some(np) = p.clause_subject(unit.start, q.open - 1)
        {
            let speaker = speaker_of(p, np, None);
            let colon = q.open - 1;
            push(
                statements,
                p.statement_kind(
                    StatementKind::Direct,
                    inner,
                    ":".to_string(),
                    Some(colon),
                    speaker,
                    true,
                ),
            );
            continue;
        }
        // `“…” ― Carla Sanchez`: a name after a dash, as lists of quotes write it.
        if !p.has_word(unit.start..q.open)
            && let Some((dash, name)) = p.dash_attribution(q.end(), unit.end)
        {
            let speaker = Speaker::Mention {
                phrase: name,
                apposition: None,
            };
            let cue = doc.str(dash).to_string();
            push(
                statements,
                p.statement_kind(StatementKind::Direct, inner, cue, Some(dash), speaker, true),
            );
            continue;
        }
        // Only a quote that stands as its own unit (nothing but punctuation
        // around it) is a statement without a cue; an embedded one is a scare
        // quote or a title.
        let standalone = !p.has_word(unit.start..q.open) && !p.has_word(q.end()..unit.end);
        if !standalone {
            continue;
        }
        if let Some(speaker) = pending.take() {
            push(
                statements,
                p.statement_kind(
                    StatementKind::Direct,
                    inner,
                    String::new(),
                    None,
                    speaker,
                    false,
                ),
            );
            continue;
        }
        let paragraph = q.paragraph;
        // The latest statement before this quote, in this paragraph or (for a
        // paragraph that is wholly a quote, or reopens one) the one before.
        let Some(index) = previous_index.filter(|&k| {
            let sp = doc.paragraph_of(statements[k].content.start);
            sp == paragraph
                || (sp + 1 == paragraph
                    && (q.continues || q.open == doc.paragraphs[paragraph].tokens.start))
        }) else {
            continue;
        };
        let previous = statements[index].clone();
        // A split quote: the previous statement is a direct quote in the unit just
        // before, in this paragraph, with its attribution after it.
        let split = previous.kind == StatementKind::Direct
            && doc.paragraph_of(previous.content.start) == paragraph
            && previous
                .cue_token
                .is_some_and(|c| c > previous.content.end && !p.has_quote_between(c, q.open));
        match Some(index) {
            Some(k) if split => {
                statements[k].content.end = inner.end;
                found.note(statements, k);
            }
            _ => push(
                statements,
                p.statement_kind(
                    StatementKind::Direct,
                    inner,
                    String::new(),
                    None,
                    previous.speaker.clone(),
                    false,
                ),
            ),
        }
    }
}

impl Phrases<'_, '_> {
    fn statement(
        &self,
        content: Range<usize>,
        cue: String,
        cue_token: usize,
        speaker: Speaker,
        here: bool,
    ) -> Statement {
        let (kind, content) = self.classify(content);
        self.statement_kind(kind, content, cue, Some(cue_token), speaker, here)
    }

    fn statement_kind(
        &self,
        kind: StatementKind,
        content: Range<usize>,
        cue: String,
        cue_token: Option<usize>,
        speaker: Speaker,
        speaker_here: bool,
    ) -> Statement {
        Statement {
            kind,
            content,
            cue,
            cue_token,
            speaker,
            speaker_here,
        }
    }

    /// A quoting verb's content that opens with a quote and goes on after it
    /// (`chanting "Bernie or Jill, No Hill," raising fresh questions …`): the
    /// verb quotes only the quote, which becomes the direct content. Returns
    /// where the quote ends, or `None` when the content opens with no quote.
    fn quote_opening_content(&self, st: &mut Statement) -> Option<usize> {
        let q = self.quote_opening_at(st.content.start)?;
        let inner = self.trim_inner(q.content());
        if st.kind != StatementKind::Partial || !self.has_word(inner.clone()) {
            return None;
        }
        st.kind = StatementKind::Direct;
        st.content = inner;
        Some(q.end())
    }

    /// Direct when the content is one whole quote (then the content is what is
    /// inside the marks), partial when it embeds one, indirect otherwise.
    fn classify(&self, content: Range<usize>) -> (StatementKind, Range<usize>) {
        let doc = self.doc;
        if self.is_whole_quote(content.clone()) {
            let first = doc.quote_opening_at(content.start);
            let upto = doc.quotes.partition_point(|q| q.open < content.end);
            let last = doc.quotes[..upto]
                .iter()
                .rev()
                .find(|q| q.end() == content.end || q.content_end == content.end);
            if let (Some(first), Some(last)) = (first, last) {
                return (
                    StatementKind::Direct,
                    self.trim_inner(first.open + 1..last.content_end),
                );
            }
        }
        let embeds = content.clone().any(|k| doc.quote_of[k].is_some());
        let kind = if embeds {
            StatementKind::Partial
        } else {
            StatementKind::Indirect
        };
        (kind, content)
    }

    /// The content opens with a quotation mark and closes with the end of a
    /// quote, with nothing outside quotes but punctuation between pieces.
    fn is_whole_quote(&self, content: Range<usize>) -> bool {
        let doc = self.doc;
        let Some(first) = doc.quote_opening_at(content.start) else {
            return false;
        };
        let from = doc.quotes.partition_point(|q| q.open < first.open);
        let upto = doc.quotes.partition_point(|q| q.open < content.end);
        let last_end = doc.quotes[from..upto.max(from)]
            .iter()
            .map(|q| q.end())
            .max()
            .unwrap_or(first.end());
        last_end >= content.end
            && !content.clone().any(|k| {
                doc.quote_of[k].is_none()
                    && doc.tokens[k].kind != TokenKind::Punct
                    && k < last_end
                    && !self.inside_any_quote(k)
            })
    }

    fn inside_any_quote(&self, k: usize) -> bool {
        self.doc.quote_of[k].is_some()
    }
}

#[cfg(test)]
mod tests;
