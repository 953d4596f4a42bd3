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
    actor: ActorId,
    kind: AliasKind,
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
    /// same alias replaces the earlier one; the actor `-` removes the alias. An
    /// alias written with capital letters matches only that spelling (`US`).
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
            if fields[1] == "-" {
                continue;
            }
            let kind_field = fields.get(2).copied().unwrap_or("");
            let Some(kind) = AliasKind::parse(kind_field) else {
                return Err(LexiconError::new(
                    file,
                    line,
                    format!(
                        "kind is country, capital, demonym, body or person, not {kind_field:?}"
                    ),
                ));
            };
            let actor = self.intern(fields[1]);
            if let Some(list) = self.by_first_word.get_mut(&*words[0]) {
                list.push(Alias {
                    words,
                    exact,
                    actor,
                    kind,
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

    /// Every alias in the article, longest first where they overlap, left to right.
    pub fn mentions(&self, doc: &Document) -> Vec<ActorMention> {
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
                    found.push(ActorMention {
                        tokens: i..i + a.words.len(),
                        actor: a.actor,
                        kind: a.kind,
                    });
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
                });
            }
        }
        found.sort_by_key(|m| m.tokens.start);
    }
}
