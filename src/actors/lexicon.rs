//! The actor lexicon (`lexicons/actors.tsv`): aliases as they are written in
//! news (countries, capitals, demonyms, state bodies, office holders) and the
//! actor each names.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::error::LexiconError;
use crate::lexicon::data_lines;
use crate::text::Document;

/// An actor's index in [`ActorLexicon::names`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

/// What an alias names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKind {
    Country,
    Capital,
    Demonym,
    /// A state institution or seat of government (`Blue House`, `State Department`).
    Body,
    /// An office holder (`Taro Kono`).
    Person,
}

impl AliasKind {
    fn parse(s: &str) -> Option<AliasKind> {
        Some(match s {
            "country" => AliasKind::Country,
            "capital" => AliasKind::Capital,
            "demonym" => AliasKind::Demonym,
            "body" => AliasKind::Body,
            "person" => AliasKind::Person,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
struct Alias {
    words: Vec<Box<str>>,
    /// The words as written, for an alias that must match its capitals exactly
    /// (`US`, where lowercase `us` is the pronoun).
    exact: Option<Vec<Box<str>>>,
    /// `None` for a name that holds an alias but names no actor (kind `none`:
    /// `new mexico`, `washington post`): matched so the alias inside is not.
    actor: Option<ActorId>,
    kind: AliasKind,
    /// A person's terms of office when the note lists them all (`President
    /// 2017-2021, 2025- (all terms)`): first and last year, an open end as
    /// `u16::MAX`. Empty otherwise.
    terms: Box<[(u16, u16)]>,
}

impl Alias {
    /// Whether the alias names its actor in an article of `year`: always,
    /// unless it is a person whose note gives terms of office and none
    /// covers the year (`Joe Biden` in 2020, between his terms).
    fn in_office(&self, year: Option<u16>) -> bool {
        match year {
            Some(y) if !self.terms.is_empty() => {
                self.terms.iter().any(|&(from, to)| from <= y && y <= to)
            }
            _ => true,
        }
    }
}

/// The terms of office in a person's note that ends in `(all terms)`: every
/// `YYYY-YYYY`, open `YYYY-` and single `YYYY` (`President 2021-2025; Vice
/// President 2009-2017; Senator 1973-2009 (all terms)`). Other notes give the
/// years of one role only (PETRARCH's latest, a minister who stays a
/// legislator), so they say nothing of when the person held no office: no
/// terms.
fn terms_of_office(note: &str) -> Box<[(u16, u16)]> {
    if !note.trim_end().ends_with("(all terms)") {
        return Box::default();
    }
    let b = note.as_bytes();
    let year_at = |i: usize| -> Option<u16> {
        let digits = b.get(i..i + 4)?;
        let bounded = i == 0 || !b[i - 1].is_ascii_digit();
        let ends = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        (bounded && ends && digits.iter().all(u8::is_ascii_digit))
            .then(|| note.get(i..i + 4)?.parse().ok())
            .flatten()
    };
    let mut terms = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(from) = year_at(i) else {
            i += 1;
            continue;
        };
        if b.get(i + 4) == Some(&b'-') {
            match year_at(i + 5) {
                Some(to) => {
                    terms.push((from, to));
                    i += 9;
                }
                None => {
                    terms.push((from, u16::MAX));
                    i += 5;
                }
            }
        } else {
            terms.push((from, from));
            i += 4;
        }
    }
    terms.into_boxed_slice()
}

/// An alias word as looked up: lowercase, curly apostrophes made straight.
fn alias_word(w: &str) -> Box<str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            w.to_ascii_lowercase().into_boxed_str()
        } else {
            w.into()
        }
    } else {
        w.to_lowercase().replace('\u{2019}', "'").into_boxed_str()
    }
}

/// A place in an article's text where an alias names an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    pub tokens: Range<usize>,
    pub actor: ActorId,
    pub kind: AliasKind,
    /// False for a person out of office at the article's date (by the terms
    /// of office in the note): the name is still a name (`Joe Biden`, then
    /// `Biden`), but it names no actor.
    pub in_office: bool,
}

/// Aliases indexed by their first word; actors by name.
#[derive(Debug, Clone, Default)]
pub struct ActorLexicon {
    names: Vec<Box<str>>,
    ids: HashMap<Box<str>, ActorId>,
    by_first_word: HashMap<Box<str>, Vec<Alias>>,
}

impl ActorLexicon {
    /// Reads `alias<TAB>actor<TAB>kind[<TAB>note]` lines. A later line for the
    /// same alias replaces the earlier one; the actor `-` removes the alias,
    /// or with the kind `none` makes it a name that names no actor (`new
    /// mexico`), matched so the alias inside it is not. An alias written with
    /// capital letters matches only that spelling (`US`).
    pub fn extend_from(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let result = self.extend_unsorted(file, text);
        // Longest alias first; a stable sort keeps the file's order among aliases
        // of the same length (sorting once here is what sorting after every line
        // gave).
        for list in self.by_first_word.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
        }
        result
    }

    fn extend_unsorted(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, fields) in data_lines(text) {
            if fields.len() < 2 {
                return Err(LexiconError::new(
                    file,
                    line,
                    "expected alias<TAB>actor<TAB>kind[<TAB>note]",
                ));
            }
            let words: Vec<Box<str>> = fields[0].split_whitespace().map(alias_word).collect();
            let Some(first) = words.first() else {
                return Err(LexiconError::new(file, line, "empty alias"));
            };
            let exact: Option<Vec<Box<str>>> = fields[0]
                .chars()
                .any(char::is_uppercase)
                .then(|| fields[0].split_whitespace().map(Box::from).collect());
            let list = match self.by_first_word.get_mut(&**first) {
                Some(list) => list,
                None => self.by_first_word.entry(first.clone()).or_default(),
            };
            list.retain(|a| a.words != words || a.exact != exact);
            let kind_field = fields.get(2).copied().unwrap_or("");
            if fields[1] == "-" {
                // `new mexico<TAB>-<TAB>none`: a name that names no actor;
                // `turkey<TAB>-`: the alias removed.
                if kind_field == "none" {
                    list.push(Alias {
                        words,
                        exact,
                        actor: None,
                        kind: AliasKind::Country,
                        terms: Box::default(),
                    });
                }
                continue;
            }
            let Some(kind) = AliasKind::parse(kind_field) else {
                return Err(LexiconError::new(
                    file,
                    line,
                    format!(
                        "kind is country, capital, demonym, body or person (or none, with the actor -), not {kind_field:?}"
                    ),
                ));
            };
            let actor = self.intern(fields[1]);
            let terms = match (kind, fields.get(3)) {
                (AliasKind::Person, Some(note)) => terms_of_office(note),
                _ => Box::default(),
            };
            if let Some(list) = self.by_first_word.get_mut(&*words[0]) {
                list.push(Alias {
                    words,
                    exact,
                    actor: Some(actor),
                    kind,
                    terms,
                });
            }
        }
        Ok(())
    }

    fn intern(&mut self, name: &str) -> ActorId {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = ActorId(self.names.len() as u32);
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    /// The actor's name (its capital, or an organisation's short name).
    pub fn name(&self, id: ActorId) -> &str {
        self.names.get(id.0 as usize).map_or("", |n| n)
    }

    /// The actor of this name, if the lexicon has one.
    pub fn id(&self, name: &str) -> Option<ActorId> {
        self.ids.get(name).copied()
    }

    /// Every alias in the article, longest first where they overlap, left to
    /// right. With the article's `year`, a person out of office that year (by
    /// the terms of office in the note) is marked so (`in_office` false): a
    /// candidate or a former office holder speaks for no government.
    pub fn mentions(&self, doc: &Document, year: Option<u16>) -> Vec<ActorMention> {
        let mut found = Vec::new();
        let n = doc.tokens.len();
        let mut i = 0;
        while i < n {
            // An alias names an actor only where the text capitalises it (`China`,
            // not china the porcelain; `U.S.`): other tokens need no lookup.
            if !(doc.tokens[i].capitalized || doc.str(i).bytes().any(|b| b == b'.')) {
                i += 1;
                continue;
            }
            let hit = self.by_first_word.get(doc.lower(i)).and_then(|aliases| {
                aliases.iter().find(|a| {
                    i + a.words.len() <= n
                        && a.words
                            .iter()
                            .enumerate()
                            .skip(1)
                            .all(|(k, w)| doc.lower(i + k) == &**w)
                        && a.exact.as_ref().is_none_or(|exact| {
                            exact
                                .iter()
                                .enumerate()
                                .all(|(k, w)| doc.str(i + k) == &**w)
                        })
                        && doc.paragraph_of(i) == doc.paragraph_of(i + a.words.len() - 1)
                })
            });
            match hit {
                Some(a) => {
                    if let Some(actor) = a.actor {
                        found.push(ActorMention {
                            tokens: i..i + a.words.len(),
                            actor,
                            kind: a.kind,
                            in_office: a.in_office(year),
                        });
                    }
                    i += a.words.len();
                }
                None => i += 1,
            }
        }
        Self::add_defined_acronyms(doc, &mut found);
        found
    }

    /// `the World Health Organization (WHO)`: an acronym in brackets right after
    /// a body's name names that body wherever the article writes it again.
    fn add_defined_acronyms(doc: &Document, found: &mut Vec<ActorMention>) {
        let n = doc.tokens.len();
        let is_acronym = |k: usize| {
            let w = doc.str(k);
            w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
        };
        let mut defined: Vec<(&str, ActorMention)> = Vec::new();
        for m in found.iter() {
            let e = m.tokens.end;
            let bracketed = e + 2 < n
                && doc.str(e) == "("
                && doc.str(e + 2) == ")"
                && is_acronym(e + 1)
                && m.kind == AliasKind::Body;
            if bracketed && !defined.iter().any(|(a, _)| *a == doc.str(e + 1)) {
                defined.push((doc.str(e + 1), m.clone()));
            }
        }
        if defined.is_empty() {
            return;
        }
        let taken: Vec<bool> = {
            let mut t = vec![false; n];
            for m in found.iter() {
                t[m.tokens.clone()].fill(true);
            }
            t
        };
        for (k, &is_taken) in taken.iter().enumerate() {
            if is_taken {
                continue;
            }
            if let Some((_, m)) = defined
                .iter()
                .find(|(a, m)| *a == doc.str(k) && k > m.tokens.end + 2)
            {
                found.push(ActorMention {
                    tokens: k..k + 1,
                    actor: m.actor,
                    kind: m.kind,
                    in_office: m.in_office,
                });
            }
        }
        found.sort_by_key(|m| m.tokens.start);
    }
}

#[cfg(test)]
mod tests {
    use super::terms_of_office;

    #[test]
    fn terms_are_read_only_from_a_note_that_lists_them_all() {
        assert_eq!(
            &*terms_of_office(
                "President 2021-2025; Vice President 2009-2017; Senator 1973-2009 (all terms)"
            ),
            [(2021, 2025), (2009, 2017), (1973, 2009)]
        );
        // An open end: in office from 2025 on.
        assert_eq!(
            &*terms_of_office("President 2017-2021, 2025- (all terms)"),
            [(2017, 2021), (2025, u16::MAX)]
        );
        // One role's years say nothing of when the person held no office.
        assert!(
            terms_of_office("Foreign Minister 2017-2019; Defence Minister 2019-2020").is_empty()
        );
        assert!(terms_of_office("PETRARCH2 USAGOV 2009-2013").is_empty());
        // A single year is a term of that year; a longer number is no year.
        assert_eq!(
            &*terms_of_office("acting Defense Secretary 2019 (all terms)"),
            [(2019, 2019)]
        );
        assert_eq!(&*terms_of_office("Envoy 120214 (all terms)"), []);
    }
}
