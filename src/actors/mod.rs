//! Resolve: each statement's speaker to the fullest name the article gives and
//! to the actor (government) the speaker speaks for; the actors each
//! statement's content is about (its targets).
//!
//! Rules, in order: an office holder the actor lexicon names; a person the
//! article introduced earlier with a title (`Japanese Foreign Minister Taro
//! Kono`, then `Kono`); a phrase that names a country, capital or state body
//! with a government role word (`a national security official at Seoul's
//! presidential Blue House`) or that is the country itself (`South Korea`); a
//! government role with no country (`an unnamed presidential official`) takes
//! the actor the statement's sentence is about. A speaker with a non-government
//! role (analysts, companies, journalists) gets no actor.

mod lexicon;
mod phrases;

use std::ops::Range;

use rustc_hash::FxHashMap;

pub use lexicon::{ActorId, ActorLexicon, ActorMention, AliasKind};
pub use phrases::{TargetPhraseKind, TargetPhrases};

use crate::attribution::{
    Speaker, SpeakerWords, Statement, TokenClasses, WordClasses, is_quote_mark,
};
use crate::text::{Document, TokenKind};

/// A statement's speaker and targets, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The fullest name the article gives (`Taro Kono`), or the phrase as written
    /// (`an unnamed presidential official`, `South Korea`).
    pub speaker: String,
    /// Tokens of the speaker's mention nearest the statement, when the statement
    /// names its speaker itself.
    pub speaker_tokens: Option<Range<usize>>,
    pub actor: Option<ActorId>,
    /// Actors the content is about, in order of first mention, the speaker's own
    /// actor left out (see `own_government_tokens`): named (`the South Korean side`), or pointed at by a target
    /// phrase (`both sides`, `the move`).
    pub targets: Vec<ActorId>,
    /// For each target (same order), the content tokens that point at it.
    pub target_tokens: Vec<Vec<Range<usize>>>,
    /// Content tokens that name the speaker's own government as a government:
    /// an office holder, a state body, or a country word before a government
    /// word (`Prime Minister Theresa May`, `the British government`), not the
    /// country (`Cuban airports`). The own actor is a target only when the
    /// statement takes a stance toward it, decided once the stance is scored:
    /// criticising one's own government is a dyad, naming it is not.
    pub own_government_tokens: Vec<Range<usize>>,
    /// Content tokens a target's possessive governs (`Havana's support`, `the
    /// Cuban government's "ongoing repression`, `its support` when the actor
    /// named last before `its` is a target): a cooperation cue that starts
    /// there is the target's act, which the speaker reports, not the speaker's
    /// stance (scoring leaves it out; a conflict cue there still counts).
    pub target_acts: Vec<Range<usize>>,
}

/// Tokens after a possessive that a stance cue may start in and still be
/// what the possessor does: the cue word itself or up to two modifiers before
/// it (`its continued support`).
const ACT_WORDS: usize = 3;

/// Someone who speaks or is named with a title in the article.
#[derive(Debug, Clone)]
struct Referent {
    /// The name's tokens at its fullest mention (for a person), or the phrase.
    name: Range<usize>,
    is_person: bool,
    actor: Option<ActorId>,
    /// Where it was last mentioned, for pronouns and surnames.
    last_seen: usize,
    /// Role words of its phrase (`minister`, `ministry`), for `the minister`.
    roles: Vec<Box<str>>,
    /// The article calls this person a former office holder.
    former: bool,
    /// The article gives this person a government title (`Senate Minority Whip`).
    gov_title: bool,
}

/// The lexicons resolution reads.
#[derive(Debug, Clone, Copy)]
pub struct ResolveLexicons<'l> {
    pub actors: &'l ActorLexicon,
    pub words: &'l SpeakerWords,
    pub target_phrases: &'l TargetPhrases,
}

struct Resolver<'a, 'l> {
    doc: &'a Document<'a>,
    lex: ResolveLexicons<'l>,
    classes: TokenClasses<'a, 'l>,
    mentions: &'a [ActorMention],
    /// For each token, the actor mention it is part of.
    mention_at: Vec<Option<u32>>,
    /// Persons named again by surname ([`surname_mentions`]): targets only.
    surnames: &'a [ActorMention],
    /// For each token, the surname mention it is.
    surname_at: Vec<Option<u32>>,
    referents: Vec<Referent>,
    /// The actors the article names, most named first (the first named, on a
    /// tie), counted once: pronouns and titled officials fall back on the
    /// first, `both sides` means the first two.
    most_named: Vec<ActorId>,
}

/// Resolves the statements of an article, given the actor mentions of its text.
pub fn resolve(
    doc: &Document,
    statements: &[Statement],
    mentions: &[ActorMention],
    surnames: &[ActorMention],
    lex: ResolveLexicons,
) -> Vec<Resolution> {
    let mut mention_at = vec![None; doc.tokens.len()];
    for (k, m) in mentions.iter().enumerate() {
        for slot in &mut mention_at[m.tokens.clone()] {
            *slot = Some(k as u32);
        }
    }
    let mut surname_at = vec![None; doc.tokens.len()];
    for (k, m) in surnames.iter().enumerate() {
        for slot in &mut surname_at[m.tokens.clone()] {
            *slot = Some(k as u32);
        }
    }
    let mut r = Resolver {
        doc,
        lex,
        classes: TokenClasses::new(doc, lex.words),
        mentions,
        mention_at,
        surnames,
        surname_at,
        referents: Vec::new(),
        most_named: most_named(mentions),
    };
    r.register_titled_names();
    // Resolve in the order the speakers are named in the text, so that a surname
    // or a pronoun finds the person named before it.
    let mut order: Vec<usize> = (0..statements.len()).collect();
    order.sort_by_key(|&k| statements[k].speaker.mention().start);
    let mut resolved: Vec<Option<Resolution>> = vec![None; statements.len()];
    for k in order {
        resolved[k] = Some(r.resolve_statement(&statements[k]));
    }
    let mut resolved: Vec<Resolution> = resolved.into_iter().flatten().collect();
    r.add_phrase_targets(statements, &mut resolved);
    resolved
}

impl Resolver<'_, '_> {
    fn classes(&self, i: usize) -> WordClasses {
        self.classes.of(i)
    }

    /// `former`, `ex-`, and words made with the `ex-` prefix (`Ex-Prime`).
    fn is_former(&self, i: usize) -> bool {
        self.classes(i).has(WordClasses::FORMER) || self.doc.lower(i).starts_with("ex-")
    }

    fn mention(&self, i: usize) -> Option<&ActorMention> {
        self.mention_at[i].map(|k| &self.mentions[k as usize])
    }

    /// A one-word country or capital alias that is a person's surname in a
    /// speaker's name (`Nikki Holland`, `Kristin Washington`): right after a
    /// capitalised word that is no alias and no speaker word (a first name), and
    /// not before another capitalised word.
    fn is_surname_alias(&self, k: usize) -> bool {
        let doc = self.doc;
        let Some(m) = self.mention(k) else {
            return false;
        };
        let capitalized_word =
            |i: usize| doc.tokens[i].kind == TokenKind::Word && doc.tokens[i].capitalized;
        matches!(m.kind, AliasKind::Country | AliasKind::Capital)
            && m.tokens == (k..k + 1)
            && k > 0
            && capitalized_word(k - 1)
            && self.mention_at[k - 1].is_none()
            && self.classes(k - 1) == WordClasses::default()
            && !(k + 1 < doc.tokens.len() && capitalized_word(k + 1))
    }

    /// The alias mention at token `i`, else a person's surname there.
    fn target_mention(&self, i: usize) -> Option<&ActorMention> {
        self.mention(i)
            .or_else(|| self.surname_at[i].map(|k| &self.surnames[k as usize]))
    }

    /// The person's name in a phrase: the last run of capitalised words that are
    /// not titles, role words, function words or actor aliases (other than an
    /// office holder's).
    fn name_in(&self, phrase: Range<usize>) -> Option<Range<usize>> {
        let doc = self.doc;
        let is_name_word = |i: usize| {
            let t = doc.tokens[i];
            let c = self.classes(i);
            t.kind == TokenKind::Word
                && t.capitalized
                && !c.has(
                    WordClasses::TITLE
                        | WordClasses::ROLE
                        | WordClasses::DETERMINER
                        | WordClasses::PRONOUN
                        | WordClasses::BOUNDARY
                        | WordClasses::NP_LINK
                        | WordClasses::ADJUNCT_WORD
                        | WordClasses::TIME
                        | WordClasses::SPEAKER_NOUN,
                )
                && (self.mention(i).is_none_or(|m| m.kind == AliasKind::Person)
                    || self.is_surname_alias(i))
        };
        // A phrase whose head is a common noun names no person, whatever names
        // its modifiers hold (`a narrator in the Clinton ad`).
        let last = doc.tokens[phrase.end - 1];
        if !last.capitalized && last.kind == TokenKind::Word && doc.lower(phrase.end - 1) != "'s" {
            return None;
        }
        // `The Emergencies Ministry`, `The Investigative Committee`: a head that
        // is a role word makes the capitalised words before it the name of a
        // body, not of a person; after a link word the body is where the person
        // before it works (`Mike Ryan of the World Health Organization`).
        if last.kind == TokenKind::Word && self.classes(phrase.end - 1).has(WordClasses::ROLE) {
            let link = phrase.clone().find(|&k| {
                !doc.tokens[k].capitalized
                    && doc.tokens[k].kind == TokenKind::Word
                    && self.classes(k).has(WordClasses::NP_LINK)
            });
            return match link {
                Some(link) if link > phrase.start => self.name_in(phrase.start..link),
                _ => None,
            };
        }
        let mut end = phrase.end;
        while end > phrase.start && !is_name_word(end - 1) {
            end -= 1;
        }
        let mut start = end;
        while start > phrase.start && is_name_word(start - 1) {
            start -= 1;
        }
        // `the Commission on Presidential Debates`, `Centers for Disease Control`:
        // capitalised words after a link word name an organisation, not a person.
        if start > phrase.start
            && self.classes(start - 1).has(WordClasses::NP_LINK)
            && !doc.tokens[start - 1].capitalized
        {
            return None;
        }
        (start < end).then_some(start..end)
    }

    /// Registers the people the article names with a government title, so that a
    /// later surname finds them: `Japanese Foreign Minister Taro Kono`.
    fn register_titled_names(&mut self) {
        let doc = self.doc;
        let n = doc.tokens.len();
        let mut i = 0;
        while i < n {
            if !doc.tokens[i].capitalized {
                i += 1;
                continue;
            }
            // A run of capitalised words, `of` allowed inside (`Secretary of State`,
            // `Speaker of the House`), a lowercase title or role word before a
            // capitalised one (`Police director Vladimir Rebic`), and a parenthesis
            // (`Labour MP (Member of Parliament) Tom Watson`).
            let start = i;
            let mut end = i;
            while end < n && doc.paragraph_of(end) == doc.paragraph_of(start) {
                let next_capitalized = |k: usize| k < n && doc.tokens[k].capitalized;
                let c = self.classes(end);
                if doc.tokens[end].capitalized
                    || (doc.lower(end) == "'s" && end > start)
                    || (c.has(WordClasses::NP_LINK) && next_capitalized(end + 1))
                    || (c.has(WordClasses::NP_LINK)
                        && end + 1 < n
                        && doc.lower(end + 1) == "the"
                        && next_capitalized(end + 2))
                    || (doc.lower(end) == "the"
                        && end > start
                        && self.classes(end - 1).has(WordClasses::NP_LINK)
                        && next_capitalized(end + 1))
                    || (c.has(WordClasses::ROLE | WordClasses::TITLE)
                        && doc.tokens[end].kind == TokenKind::Word
                        && next_capitalized(end + 1))
                {
                    end += 1;
                } else if doc.is_punct(end, "(")
                    && let Some(close) = (end + 1..n.min(end + 8)).find(|&k| doc.is_punct(k, ")"))
                    && next_capitalized(close + 1)
                {
                    end = close + 1;
                } else {
                    break;
                }
            }
            let run = start..end.max(start + 1);
            i = run.end;
            // `the now-former governor Pierluisi`: a lowercase government role
            // right before the name titles it too.
            let lower_title = start > 0
                && !doc.tokens[start - 1].capitalized
                && self.classes(start - 1).has(WordClasses::GOV)
                && !self.classes(start - 1).has(WordClasses::NONGOV)
                && doc.paragraph_of(start - 1) == doc.paragraph_of(start)
                // `trade union Aslef general secretary Mick Whelan`: not where
                // the words before name a non-government body.
                && !(start.saturating_sub(6)..start - 1)
                    .rev()
                    .take_while(|&k| doc.tokens[k].kind == TokenKind::Word)
                    .any(|k| self.classes(k).has(WordClasses::NONGOV));
            let run = if lower_title { start - 1..run.end } else { run };
            let has_gov_title = lower_title
                || run
                    .clone()
                    .any(|k| self.classes(k).has(WordClasses::GOV) && doc.tokens[k].capitalized);
            let has_person_alias = run
                .clone()
                .any(|k| self.mention(k).is_some_and(|m| m.kind == AliasKind::Person));
            if !(has_gov_title || has_person_alias) {
                continue;
            }
            let Some(name) = self.name_in(run.clone()) else {
                continue;
            };
            if name.len() < 2 && !(lower_title && name.start == start) {
                continue;
            }
            let actor = self.actor_of_phrase(start.saturating_sub(1)..run.end, None);
            let k = self.add_person(name, actor, run.clone());
            // `Former president Nicolas Sarkozy`: whatever the lexicon says of
            // him, the article says he speaks for no government now.
            if (start.saturating_sub(1)..run.end).any(|k| self.is_former(k)) {
                self.referents[k].former = true;
                self.referents[k].actor = None;
            }
        }
    }

    fn add_person(
        &mut self,
        name: Range<usize>,
        actor: Option<ActorId>,
        phrase: Range<usize>,
    ) -> usize {
        let gov_title = self.speaks_for_a_government(phrase.clone(), None);
        let roles = self.roles_of(phrase);
        let text = self.doc.span_text(name.clone());
        if let Some(k) = self
            .referents
            .iter()
            .position(|r| r.is_person && self.doc.span_text(r.name.clone()) == text)
        {
            let r = &mut self.referents[k];
            if !r.former {
                r.actor = r.actor.or(actor);
            }
            r.gov_title |= gov_title;
            r.last_seen = r.last_seen.max(name.start);
            return k;
        }
        // A person out of office at the article's date (`Joe Biden` in 2020)
        // is, like a former office holder, no government's voice, whatever
        // title the article gives him (`presidential nominee`).
        let out_of_office = name
            .clone()
            .any(|k| self.mention(k).is_some_and(|m| !m.in_office));
        self.referents.push(Referent {
            last_seen: name.start,
            name,
            is_person: true,
            actor: if out_of_office { None } else { actor },
            roles,
            former: out_of_office,
            gov_title,
        });
        self.referents.len() - 1
    }

    fn roles_of(&self, phrase: Range<usize>) -> Vec<Box<str>> {
        phrase
            .filter(|&k| self.classes(k).has(WordClasses::ROLE))
            .map(|k| self.doc.lower(k).into())
            .collect()
    }

    /// The actor a speaker's phrase (and apposition) names, if it speaks for a government.
    fn actor_of_phrase(
        &self,
        phrase: Range<usize>,
        apposition: Option<Range<usize>>,
    ) -> Option<ActorId> {
        let doc = self.doc;
        // `Former president Nicolas Sarkozy` speaks for no government now; an
        // apposition may say what he is today.
        if phrase.clone().any(|k| self.is_former(k)) {
            return apposition.and_then(|a| self.actor_of_phrase(a, None));
        }
        // A phrase that is a country's or a state body's name and nothing
        // else (`The United States, which has retreated from a previous goal
        // of ousting Syrian President Bashar al-Assad,`) speaks for that
        // actor, whatever its apposition names; not a capital's name, which
        // may be a person's (`Paris, who used to work on Capitol Hill,`).
        if apposition.is_some()
            && let Some(m) = self.mention(phrase.start).or_else(|| {
                (self.classes(phrase.start).has(WordClasses::DETERMINER)
                    && phrase.start + 1 < phrase.end)
                    .then(|| self.mention(phrase.start + 1))
                    .flatten()
            })
            && matches!(m.kind, AliasKind::Country | AliasKind::Body)
            && m.tokens.end == phrase.end
        {
            return Some(m.actor);
        }
        let all: Vec<usize> = phrase
            .clone()
            .chain(apposition.clone().unwrap_or(0..0))
            .filter(|&k| !self.is_surname_alias(k))
            .collect();
        if let Some(m) = all
            .iter()
            .filter_map(|&k| self.mention(k))
            .find(|m| m.kind == AliasKind::Person)
        {
            // A candidate or a former office holder (out of office at the
            // article's date) speaks for no government.
            return m.in_office.then_some(m.actor);
        }
        // A non-government word counts unless it is part of an alias (`the World
        // Health Organization`).
        if all
            .iter()
            .any(|&k| self.mention_at[k].is_none() && self.classes(k).has(WordClasses::NONGOV))
        {
            return None;
        }
        let alias = all.iter().filter_map(|&k| self.mention(k)).next();
        let gov_role = all.iter().any(|&k| self.classes(k).has(WordClasses::GOV));
        if let Some(m) = alias {
            // `Sheldon Yett of UNICEF`: someone of a state or international body
            // speaks for it.
            if m.kind == AliasKind::Body && m.tokens.start > 0 {
                let mut b = m.tokens.start - 1;
                // `of the UN`, `for 10 Downing Street`.
                while b > 0 && (doc.lower(b) == "the" || doc.tokens[b].kind == TokenKind::Number) {
                    b -= 1;
                }
                if all.contains(&b) && self.classes(b).has(WordClasses::NP_LINK) {
                    return Some(m.actor);
                }
            }
            // `South Korea`, `the South Korean government`, `Japan's foreign ministry`:
            // besides the alias only function words, titles and government words.
            let only_alias = all.iter().all(|&k| {
                self.mention_at[k].is_some()
                    || doc.tokens[k].kind == TokenKind::Punct
                    || doc.lower(k) == "'s"
                    || self
                        .classes(k)
                        .has(WordClasses::DETERMINER | WordClasses::GOV | WordClasses::TITLE)
            });
            // `United States Attorney Jessie K. Liu`, `the U.S. Attorney for the
            // Western District of Texas`: a country right before a capitalised
            // title makes it that country's office, whatever follows.
            let titled = m.tokens.end < doc.tokens.len()
                && all.contains(&m.tokens.end)
                && doc.tokens[m.tokens.end].capitalized
                && self
                    .classes(m.tokens.end)
                    .has(WordClasses::TITLE | WordClasses::GOV);
            if gov_role || only_alias || titled {
                return Some(m.actor);
            }
        }
        None
    }

    fn resolve_statement(&mut self, st: &Statement) -> Resolution {
        let doc = self.doc;
        let mention = st.speaker.mention();
        let speaker_tokens = st.speaker_here.then(|| mention.clone());
        let (speaker, actor) = match &st.speaker {
            Speaker::Pronoun { token } => self.resolve_pronoun(*token),
            Speaker::Mention { phrase, apposition } => {
                self.resolve_phrase(phrase.clone(), apposition.clone(), st)
            }
        };
        let mut targets: Vec<ActorId> = Vec::new();
        let mut target_tokens: Vec<Vec<Range<usize>>> = Vec::new();
        let mut own_government_tokens = Vec::new();
        let mut target_acts = Vec::new();
        // Whether the actor named last in the content is a target (not the
        // speaker's own): what `its` / `their` point back to.
        let mut last_named_is_target = false;
        for k in st.content.clone() {
            if self.classes(k).has(WordClasses::POSSESSIVE_PRONOUN) && last_named_is_target {
                target_acts.push(self.act_after(k + 1, st.content.end));
            }
            let Some(m) = self
                .target_mention(k)
                .filter(|m| m.tokens.start == k && m.in_office)
                .cloned()
                .or_else(|| self.definite_office_holder(k, st.content.end))
            else {
                continue;
            };
            last_named_is_target = Some(m.actor) != actor;
            if last_named_is_target {
                // `Havana's`, `the Cuban government's`: a government word may
                // stand between the name and the possessive.
                let end = self.past_government_words(m.tokens.end, st.content.end);
                if end < st.content.end && doc.lower(end) == "'s" {
                    target_acts.push(self.act_after(end + 1, st.content.end));
                }
            }
            if Some(m.actor) == actor {
                let as_government = matches!(m.kind, AliasKind::Person | AliasKind::Body)
                    || (m.tokens.end < doc.tokens.len()
                        && self.classes(m.tokens.end).has(WordClasses::GOV));
                // The own government, not a person, as the subject the
                // content opens with is the speaker's side acting (`the
                // Mexican government would pressure the U.S. government`),
                // not whom the speaker judges; a person there is judged
                // (`Obama is "obsessed" with …`), and a body followed by a
                // preposition is an object (`referred … to the Department
                // of Justice for prosecution`).
                let own_side_acts = m.kind != AliasKind::Person
                    && (st.content.start..m.tokens.start)
                        .all(|j| self.classes(j).has(WordClasses::DETERMINER))
                    && self.verb_follows(m.tokens.end, st.content.end);
                if as_government && !own_side_acts {
                    own_government_tokens.push(m.tokens.clone());
                }
            } else {
                match targets.iter().position(|&t| t == m.actor) {
                    Some(t) => target_tokens[t].push(m.tokens.clone()),
                    None => {
                        targets.push(m.actor);
                        target_tokens.push(vec![m.tokens.clone()]);
                    }
                }
            }
        }
        Resolution {
            speaker,
            speaker_tokens,
            actor,
            targets,
            target_tokens,
            own_government_tokens,
            target_acts,
        }
    }

    /// `the president`, `the foreign minister's` at token `k`: `the` and
    /// government role words (not a body's: `the police`), no name after them,
    /// name the person with those roles seen last before (`President Donald
    /// Trump`, named with his title or speaking), as that person's mention.
    fn definite_office_holder(&self, k: usize, content_end: usize) -> Option<ActorMention> {
        /// Most role words after `the` (`the prime minister`).
        const MAX_ROLE_WORDS: usize = 3;
        let doc = self.doc;
        if doc.lower(k) != "the" {
            return None;
        }
        let is_role = |j: usize| {
            doc.tokens[j].kind == TokenKind::Word && {
                let c = self.classes(j);
                // `the police`, `the government`: a body, not an office holder.
                c.has(WordClasses::GOV) && !c.has(WordClasses::NONGOV | WordClasses::BODY)
            }
        };
        let mut end = k + 1;
        while end < content_end && end - (k + 1) < MAX_ROLE_WORDS && is_role(end) {
            end += 1;
        }
        if end == k + 1 {
            return None;
        }
        // `the President Donald Trump`, `the president of the company`: a name
        // or a phrase that says whose office follows.
        if end < doc.tokens.len()
            && (doc.tokens[end].kind == TokenKind::Word && doc.tokens[end].capitalized
                || self.classes(end).has(WordClasses::NP_LINK))
        {
            return None;
        }
        let roles: Vec<&str> = (k + 1..end).map(|j| doc.lower(j)).collect();
        let r = &self.referents[self.last_with_roles(&roles, k, true)?];
        Some(ActorMention {
            tokens: k..end,
            actor: r.actor?,
            kind: AliasKind::Person,
            in_office: true,
        })
    }

    /// The referent (a person, with `person_only`) last seen before token
    /// `before`, not a former office holder, that holds every one of `roles`:
    /// whom `the Prime Minister` or `the ministry` means.
    fn last_with_roles(&self, roles: &[&str], before: usize, person_only: bool) -> Option<usize> {
        self.referents
            .iter()
            .enumerate()
            .filter(|(_, r)| r.last_seen < before && !r.former && (r.is_person || !person_only))
            .filter(|(_, r)| roles.iter().all(|w| r.roles.iter().any(|x| &**x == *w)))
            .max_by_key(|(_, r)| r.last_seen)
            .map(|(k, _)| k)
    }

    /// The first token from `end` on (before `content_end`) that is no
    /// government word: past `government` in `the Mexican government`.
    fn past_government_words(&self, mut end: usize, content_end: usize) -> usize {
        while end < content_end && self.classes(end).has(WordClasses::GOV) {
            end += 1;
        }
        end
    }

    /// Whether a verb may follow a noun phrase ending before `end`: past any
    /// government words (`the Mexican government`), a word that is no
    /// preposition.
    fn verb_follows(&self, end: usize, content_end: usize) -> bool {
        let end = self.past_government_words(end, content_end);
        end < content_end
            && self.doc.tokens[end].kind == TokenKind::Word
            && !self
                .classes(end)
                .has(WordClasses::NP_LINK | WordClasses::ADJUNCT_START)
    }

    /// The words a possessive ending just before `start` governs: up to
    /// [`ACT_WORDS`] tokens (`its support`, `Beijing's continued military
    /// pressure`), stopping at punctuation other than a quotation mark and
    /// at the end of the content.
    fn act_after(&self, start: usize, content_end: usize) -> Range<usize> {
        let doc = self.doc;
        let mut end = start;
        while end < content_end && end - start < ACT_WORDS {
            let t = doc.tokens[end];
            if t.kind == TokenKind::Punct && !is_quote_mark(doc.str(end)) {
                break;
            }
            end += 1;
        }
        start..end
    }

    /// Targets that target phrases point at: `both sides` the two actors the
    /// article names most (the speaker's own left out), `the move` the actor of
    /// the article's first statement with an actor. Added after the named
    /// targets, in the order the phrases stand.
    fn add_phrase_targets(&self, statements: &[Statement], resolved: &mut [Resolution]) {
        let first_actor = statements
            .iter()
            .zip(resolved.iter())
            .filter_map(|(s, r)| r.actor.map(|a| (s.content.start, a)))
            .min_by_key(|(start, _)| *start)
            .map(|(_, a)| a);
        for (st, res) in statements.iter().zip(resolved.iter_mut()) {
            for (tokens, kind) in self.lex.target_phrases.find(self.doc, st.content.clone()) {
                let actors: Vec<ActorId> = match kind {
                    TargetPhraseKind::Pair => self
                        .most_named
                        .iter()
                        .copied()
                        .filter(|&a| Some(a) != res.actor)
                        .take(2)
                        .collect(),
                    TargetPhraseKind::Act => first_actor.into_iter().collect(),
                };
                for a in actors.into_iter().filter(|&a| Some(a) != res.actor) {
                    match res.targets.iter().position(|&t| t == a) {
                        Some(t) => res.target_tokens[t].push(tokens.clone()),
                        None => {
                            res.targets.push(a);
                            res.target_tokens.push(vec![tokens.clone()]);
                        }
                    }
                }
            }
        }
    }

    fn resolve_pronoun(&mut self, token: usize) -> (String, Option<ActorId>) {
        let doc = self.doc;
        let c = self.classes(token);
        let want_person = c.has(WordClasses::PERSON_PRONOUN);
        let main = self.most_named.first().copied();
        let found = self
            .referents
            .iter_mut()
            .filter(|r| r.last_seen < token && r.is_person == want_person)
            .max_by_key(|r| r.last_seen);
        match found {
            Some(r) => {
                r.last_seen = token;
                // A government title with no country (`Senate Minority Whip Dick
                // Durbin`) speaks for the government the article is about.
                if r.actor.is_none() && r.gov_title && !r.former {
                    r.actor = main;
                }
                (doc.span_text(r.name.clone()).to_string(), r.actor)
            }
            None => (doc.str(token).to_string(), None),
        }
    }

    fn resolve_phrase(
        &mut self,
        phrase: Range<usize>,
        apposition: Option<Range<usize>>,
        st: &Statement,
    ) -> (String, Option<ActorId>) {
        let doc = self.doc;
        let own_actor = self.actor_of_phrase(phrase.clone(), apposition.clone());
        if let Some(name) = self.name_in(phrase.clone()) {
            let is_alias = self
                .mention(name.start)
                .is_some_and(|m| m.kind != AliasKind::Person);
            if !is_alias {
                // A surname or first name: the person named in full before it.
                let text = doc.span_text(name.clone());
                let earlier = self
                    .referents
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.is_person && r.name.start < name.start)
                    .filter(|(_, r)| {
                        r.name.len() > name.len()
                            && r.name
                                .clone()
                                .any(|k| name.len() == 1 && doc.str(k) == text)
                    })
                    .max_by_key(|(_, r)| r.last_seen)
                    .map(|(k, _)| k);
                let k = match earlier {
                    Some(k) => k,
                    None => self.add_person(name.clone(), own_actor, phrase.clone()),
                };
                let titled = self.speaks_for_a_government(phrase.clone(), apposition.clone());
                self.referents[k].gov_title |= titled;
                if self.referents[k].actor.is_none()
                    && own_actor.is_none()
                    && self.referents[k].gov_title
                    && !self.referents[k].former
                {
                    // `Interior Minister Joachim Brudziński`: a government title with
                    // no country speaks for the government the article is about.
                    self.referents[k].actor = self.context_actor(st);
                }
                // `Ex-Prime Minister Donald Tusk, the current President of the
                // European Council`: the apposition says whom he speaks for now.
                let now = apposition
                    .clone()
                    .and_then(|a| self.actor_of_phrase(a, None));
                let r = &mut self.referents[k];
                if !r.former {
                    r.actor = r.actor.or(own_actor);
                } else if now.is_some() {
                    r.actor = now;
                }
                r.last_seen = r.last_seen.max(name.start);
                return (doc.span_text(r.name.clone()).to_string(), r.actor);
            }
        }
        let text = doc.span_text(phrase.clone()).to_string();
        let roles = self.roles_of(phrase.clone());
        // `the minister`, `the ministry`, `the Prime Minister`: the latest
        // speaker with those roles. `The three-judge court`, `The court's
        // summary`: lowercase modifiers and a document around the role change
        // nothing.
        let definite = doc.lower(phrase.start) == "the"
            && !roles.is_empty()
            && phrase.len() <= 4
            && (phrase.start + 1..phrase.end).all(|k| {
                // A capitalised title names an office (`the Prime Minister`),
                // a capitalised body a body of its own (`the Court of Justice`).
                (!doc.tokens[k].capitalized || {
                    let c = self.classes(k);
                    c.has(WordClasses::ROLE | WordClasses::TITLE) && !c.has(WordClasses::BODY)
                }) && self.mention(k).is_none()
            });
        let role_words: Vec<&str> = roles.iter().map(|w| &**w).collect();
        if definite
            && own_actor.is_none()
            && let Some(k) = self.last_with_roles(&role_words, phrase.start, false)
        {
            let r = &mut self.referents[k];
            r.last_seen = phrase.start;
            return (doc.span_text(r.name.clone()).to_string(), r.actor);
        }
        let gov_only = self.speaks_for_a_government(phrase.clone(), apposition.clone());
        let actor = own_actor
            .or_else(|| self.possessor_actor(phrase.clone()))
            .or_else(|| gov_only.then(|| self.context_actor(st)).flatten());
        let is_person = roles.iter().all(|r| !r.ends_with('s'))
            && phrase.clone().all(|k| self.mention(k).is_none());
        self.referents.push(Referent {
            name: phrase.clone(),
            is_person: is_person
                && !roles.is_empty()
                && !roles
                    .iter()
                    .any(|r| r.contains("ministry") || r.contains("government")),
            actor,
            last_seen: phrase.start,
            roles,
            former: false,
            gov_title: false,
        });
        (text, actor)
    }

    /// `Trump's statement`, `Cameron's spokesman`, `the Trump
    /// administration`: a document (a speaking noun that also makes an
    /// adjunct: `in a statement`) or a government role after a person's
    /// possessive, or a government body after the person's surname, speaks
    /// for the person the article named in full before (`US President Donald
    /// Trump`); not their `supporters`, `campaign manager` or `lawyers`.
    fn possessor_actor(&self, phrase: Range<usize>) -> Option<ActorId> {
        let doc = self.doc;
        let head = phrase.end.checked_sub(1)?;
        let c = self.classes(head);
        let document = c.has(WordClasses::SPEAKER_NOUN) && c.has(WordClasses::ADJUNCT_WORD);
        let gov_role = c.has(WordClasses::GOV);
        if !(document || gov_role) || c.has(WordClasses::NONGOV) {
            return None;
        }
        // `Trump's statement`; or a body named after its head, `the Trump
        // administration`, `the Abe government`.
        let name_at = match (phrase.start + 1..head)
            .rev()
            .find(|&k| doc.lower(k) == "'s")
        {
            Some(possessive) => possessive - 1,
            None if c.has(WordClasses::BODY) && head > phrase.start => head - 1,
            None => return None,
        };
        let name = doc.str(name_at);
        if !doc.tokens[name_at].capitalized || self.mention(name_at).is_some() {
            return None;
        }
        self.referents
            .iter()
            .filter(|r| r.is_person && !r.former && r.name.end <= name_at)
            .filter(|r| r.name.len() > 1 && doc.str(r.name.end - 1) == name)
            .max_by_key(|r| r.last_seen)?
            .actor
    }

    /// A phrase with a current government role word and no non-government
    /// one: `Interior Minister`, `an unnamed presidential official`, `the Coast Guard`.
    fn speaks_for_a_government(
        &self,
        phrase: Range<usize>,
        apposition: Option<Range<usize>>,
    ) -> bool {
        let words: Vec<usize> = phrase.chain(apposition.unwrap_or(0..0)).collect();
        words
            .iter()
            .any(|&k| self.classes(k).has(WordClasses::GOV) && !self.organisation_role(k))
            && !words
                .iter()
                .any(|&k| self.classes(k).has(WordClasses::NONGOV) || self.is_former(k))
    }

    /// A lowercase role word right after a name that is no actor's alias and
    /// no government word is that organisation's (`Sea-Eye spokesperson
    /// Carlotta Weibl`, `Akhil Bharat Hindu Mahasabha (All India Hindu Union)
    /// president Swami Chakrapani`), not a government's (`Police director`,
    /// `Kremlin spokesman`, `Foreign Ministry spokesperson` are; a body word
    /// after such a name is still a government's: `the Trump administration`).
    fn organisation_role(&self, k: usize) -> bool {
        let doc = self.doc;
        if k == 0 || doc.tokens[k].capitalized || self.classes(k).has(WordClasses::BODY) {
            return false;
        }
        // Over a bracketed gloss of the name: `Mahasabha (All India Hindu Union)`.
        let mut b = k - 1;
        if doc.str(b) == ")" {
            let Some(open) = (b.saturating_sub(MAX_GLOSS)..b)
                .rev()
                .find(|&j| doc.str(j) == "(")
            else {
                return false;
            };
            if open == 0 {
                return false;
            }
            b = open - 1;
        }
        let t = doc.tokens[b];
        // A day is no name (`On Thursday officials`). State agencies are
        // aliases of the actor lexicon (`an NTSB spokesman`).
        t.kind == TokenKind::Word
            && t.capitalized
            && self.mention(b).is_none()
            && self.surname_at[b].is_none()
            && !self.classes(b).has(
                WordClasses::GOV | WordClasses::TITLE | WordClasses::DETERMINER | WordClasses::TIME,
            )
            && doc.paragraph_of(b) == doc.paragraph_of(k)
            && !(b > 0 && matches!(doc.str(b - 1), "." | "!" | "?"))
    }

    /// The government an official with no country speaks for: the first actor
    /// named in the statement's content and frame, else the actor the article
    /// names most.
    fn context_actor(&self, st: &Statement) -> Option<ActorId> {
        // The frame between the content and the cue, not the content: what a
        // statement names are its targets.
        let mention = st.speaker.mention();
        let cue = st.cue_token.unwrap_or(mention.start);
        let (lo, hi) = if st.content.end <= mention.start {
            (st.content.end, mention.end.max(cue + 1))
        } else {
            (
                mention.start.min(cue),
                mention
                    .end
                    .max(cue + 1)
                    .min(st.content.start.max(mention.end)),
            )
        };
        if let Some(m) = (lo..hi).find_map(|k| self.mention(k).filter(|m| m.in_office)) {
            return Some(m.actor);
        }
        self.most_named.first().copied()
    }
}

/// Most tokens of a bracketed gloss after an organisation's name.
const MAX_GLOSS: usize = 8;

/// The later mentions of a person the actor lexicon names in full (among
/// `mentions`), by surname alone, in text order; they make targets, not
/// speakers (`Trump ally Stephen Schwarzman` is no office holder): `Johnson's advice` after `Prime Minister
/// Boris Johnson`, `President Trump` after `Donald Trump`. The surname must
/// stand alone, capitalised as in the full name, and be no word the speaker
/// lexicon knows (`May` is a month too); a capitalised word right before it
/// other than a title or role word is someone else's first name (`Ivanka
/// Trump`), a capitalised word right after it makes a longer name, a
/// determiner right before it makes it a modifier (`the Biden campaign`), and
/// a non-government word right after it (or after its `'s`) makes it the
/// owner of a body that speaks for no government (`Trump's lawyers`).
/// The latest full name before it wins when two people share a surname.
pub fn surname_mentions(
    doc: &Document,
    mentions: &[ActorMention],
    words: &SpeakerWords,
) -> Vec<ActorMention> {
    let n = doc.tokens.len();
    // Surname → (where a full name ending in it ends, its actor), in text order.
    let mut full_names: FxHashMap<&str, Vec<(usize, ActorId)>> = FxHashMap::default();
    for m in mentions
        .iter()
        .filter(|m| m.kind == AliasKind::Person && m.tokens.len() >= 2 && m.in_office)
    {
        let last = m.tokens.end - 1;
        if doc.tokens[last].capitalized && words.classes(doc.lower(last)) == WordClasses::default()
        {
            full_names
                .entry(doc.str(last))
                .or_default()
                .push((m.tokens.end, m.actor));
        }
    }
    if full_names.is_empty() {
        return Vec::new();
    }
    let mut taken = vec![false; n];
    for m in mentions.iter() {
        taken[m.tokens.clone()].fill(true);
    }
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
    let mut added = Vec::new();
    for (k, &is_taken) in taken.iter().enumerate() {
        if is_taken || !word(k) || !doc.tokens[k].capitalized {
            continue;
        }
        let Some(&(_, actor)) = full_names
            .get(doc.str(k))
            .and_then(|named| named.iter().take_while(|(end, _)| *end <= k).last())
        else {
            continue;
        };
        let first_name_before = k > 0
            && word(k - 1)
            && doc.tokens[k - 1].capitalized
            && !words
                .classes(doc.lower(k - 1))
                .has(WordClasses::TITLE | WordClasses::GOV | WordClasses::DETERMINER);
        let name_goes_on = k + 1 < n && word(k + 1) && doc.tokens[k + 1].capitalized;
        // `the Biden campaign`, `a Trump lawsuit`: after a determiner the
        // surname modifies a noun; `Trump's lawyers`: a body that speaks for
        // no government.
        let modifier = k > 0 && words.classes(doc.lower(k - 1)).has(WordClasses::DETERMINER);
        let head = if k + 2 < n && doc.lower(k + 1) == "'s" {
            k + 2
        } else {
            k + 1
        };
        let non_government_body =
            head < n && words.classes(doc.lower(head)).has(WordClasses::NONGOV);
        if first_name_before || name_goes_on || modifier || non_government_body {
            continue;
        }
        added.push(ActorMention {
            tokens: k..k + 1,
            actor,
            kind: AliasKind::Person,
            in_office: true,
        });
    }
    added
}

/// Whether the actor mention at `tokens` names a place: it follows a
/// preposition of place (`place_preposition` in the speaker words), maybe
/// through `the` and a list of names (`arrests were made in Australia, Brazil,
/// Canada …`, `in Wuhan, China`). A statement about what happened in a
/// country takes no stance toward its government by naming it.
pub fn names_a_place(doc: &Document, words: &SpeakerWords, tokens: &Range<usize>) -> bool {
    /// Most tokens of a list of names walked back over.
    const MAX_LIST: usize = 48;
    let mut k = tokens.start;
    let mut walked = 0;
    while k > 0 && walked < MAX_LIST {
        let before = k - 1;
        let t = doc.tokens[before];
        let in_list = matches!(doc.str(before), ",")
            || matches!(doc.lower(before), "the" | "and" | "or")
            || (t.kind == TokenKind::Word && t.capitalized);
        if !in_list || doc.paragraph_of(before) != doc.paragraph_of(tokens.start) {
            break;
        }
        k = before;
        walked += 1;
    }
    k > 0
        && words
            .classes(doc.lower(k - 1))
            .has(WordClasses::PLACE_PREPOSITION)
}

/// The actors the article names, most named first; on a tie, the first named.
fn most_named(mentions: &[ActorMention]) -> Vec<ActorId> {
    let mut counts: Vec<(ActorId, usize, usize)> = Vec::new();
    for (order, m) in mentions.iter().enumerate().filter(|(_, m)| m.in_office) {
        match counts.iter_mut().find(|c| c.0 == m.actor) {
            Some(c) => c.1 += 1,
            None => counts.push((m.actor, 1, order)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.into_iter().map(|c| c.0).collect()
}

#[cfg(test)]
mod tests;
