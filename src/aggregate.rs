//! Aggregate: an article's statements, actors and dyads as rows, ready to be
//! written — offsets in code points, actor names resolved.
//!
//! How scores combine: an actor's `sentiment` and `stance` are the plain means
//! over its statements in the article (every statement counts once, whatever
//! its length), and a dyad's `stance` is the mean of the source's stances
//! toward the target, each read in the clauses of a statement that name the
//! target; the `statements` count stands beside each mean so a reader can tell
//! a pattern from a single quote, and a dyad's `conflict_statements` and
//! `cooperation_statements` count its statements on either side of
//! ±[`SIGN_BAND`], so a mean near zero from one rebuke and one appeal reads
//! apart from two neutral mentions.

use crate::article::Meta;
use crate::attribution::StatementKind;

/// One row of `statements.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementRow {
    /// 1-based, in text order.
    pub statement: usize,
    pub kind: StatementKind,
    pub speaker: String,
    pub actor: Option<String>,
    pub cue: String,
    pub targets: Vec<String>,
    /// The stance toward each target (same order as `targets`).
    pub target_stances: Vec<f64>,
    /// What moved each target's stance (same order), for `stance explain`;
    /// empty unless the engine was asked for it ([`crate::Engine::with_target_evidence`]).
    pub target_evidence: Vec<String>,
    pub sentiment: f64,
    pub stance: f64,
    /// Content span in code points, end exclusive.
    pub start: usize,
    pub end: usize,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub evidence: String,
    pub text: String,
}

/// One row of `actors.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRow {
    pub actor: String,
    /// Times the article names the actor (aliases in the actor lexicon).
    pub mentions: usize,
    pub statements: usize,
    /// Means over the actor's statements; `None` when it made none.
    pub sentiment: Option<f64>,
    pub stance: Option<f64>,
}

/// A score within ± this has sign 0: VADER's neutral band for its compound
/// score, used for stances alike.
pub const SIGN_BAND: f64 = crate::scoring::news::VADER_THRESHOLD;

/// The sign of a sentiment or stance score: 0 within ±[`SIGN_BAND`].
pub fn score_sign(score: f64) -> i8 {
    if score >= SIGN_BAND {
        1
    } else if score <= -SIGN_BAND {
        -1
    } else {
        0
    }
}

/// One row of `dyads.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct DyadRow {
    pub source: String,
    pub target: String,
    pub statements: usize,
    pub stance: f64,
    /// Statements whose stance toward the target is below -[`SIGN_BAND`].
    pub conflict_statements: usize,
    /// Statements whose stance toward the target is above +[`SIGN_BAND`].
    pub cooperation_statements: usize,
}

/// Everything the engine found in one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleReport {
    pub article_id: String,
    pub meta: Meta,
    pub statements: Vec<StatementRow>,
    pub actors: Vec<ActorRow>,
    pub dyads: Vec<DyadRow>,
}

/// Actor rows: every actor the article names or that speaks in it, in order
/// of first appearance. `named` lists `(actor, position)` for each mention.
pub fn actor_rows(named: &[(String, usize)], statements: &[StatementRow]) -> Vec<ActorRow> {
    let mut first_seen: Vec<(String, usize)> = Vec::new();
    let speaking = statements.iter().filter_map(|s| {
        s.actor
            .as_ref()
            .map(|a| (a, s.speaker_start.unwrap_or(s.start)))
    });
    for (actor, pos) in named.iter().map(|(a, p)| (a, *p)).chain(speaking) {
        match first_seen.iter_mut().find(|(a, _)| a == actor) {
            Some(entry) => entry.1 = entry.1.min(pos),
            None => first_seen.push((actor.clone(), pos)),
        }
    }
    first_seen.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    first_seen
        .into_iter()
        .map(|(actor, _)| {
            let own: Vec<&StatementRow> = statements
                .iter()
                .filter(|s| s.actor.as_deref() == Some(actor.as_str()))
                .collect();
            ActorRow {
                mentions: named.iter().filter(|(a, _)| *a == actor).count(),
                statements: own.len(),
                sentiment: mean(own.iter().map(|s| s.sentiment)),
                stance: mean(own.iter().map(|s| s.stance)),
                actor,
            }
        })
        .collect()
}

/// Dyad rows: each (source, target) pair with a statement, in order of the
/// first statement that makes it.
pub fn dyad_rows(statements: &[StatementRow]) -> Vec<DyadRow> {
    let mut pairs: Vec<(String, String, Vec<f64>)> = Vec::new();
    for s in statements {
        let Some(source) = &s.actor else { continue };
        for (target, &stance) in s.targets.iter().zip(&s.target_stances) {
            match pairs
                .iter_mut()
                .find(|(a, b, _)| a == source && b == target)
            {
                Some(entry) => entry.2.push(stance),
                None => pairs.push((source.clone(), target.clone(), vec![stance])),
            }
        }
    }
    pairs
        .into_iter()
        .map(|(source, target, stances)| DyadRow {
            statements: stances.len(),
            conflict_statements: stances.iter().filter(|&&s| score_sign(s) < 0).count(),
            cooperation_statements: stances.iter().filter(|&&s| score_sign(s) > 0).count(),
            stance: mean(stances.iter().copied()).unwrap_or(0.0),
            source,
            target,
        })
        .collect()
}

/// The mean, or `None` for no values.
pub fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}
