//! Score: the sentiment and the stance of each statement, with the evidence
//! (lexicon entries and their weights after rules) that moved them.
//!
//! - sentiment: VADER's compound score of the statement's content.
//! - stance: the sum of the stance cues in the content (negation flips and
//!   damps a cue as VADER does a word, intensifiers scale it), the cue verb's
//!   own stance weight (`protested`, `welcomed`), and the sentiment at
//!   [`SENTIMENT_IN_STANCE`] Goldstein points per unit of compound, normalised to
//!   -1..+1 the way VADER normalises its sum, on the Goldstein scale.

pub mod evidence;
pub mod stance;
pub mod vader;

use crate::attribution::Statement;
use crate::text::{Document, TokenKind};
use evidence::Evidence;
use stance::StanceLexicon;
use vader::Vader;

/// Goldstein points a statement's stance gains per unit of sentiment compound:
/// a wholly negative statement with no stance cue counts like a criticism (-2).
pub const SENTIMENT_IN_STANCE: f64 = 2.0;
/// VADER's normalisation constant (15 on its ±4 scale), rescaled to the
/// Goldstein ±10 scale: 15 × (10/4)².
const STANCE_ALPHA: f64 = 93.75;
/// VADER's negation scalar, applied to a negated stance cue.
const NEGATION_SCALAR: f64 = -0.74;
/// Words before a stance cue in which a negator negates it (as in VADER).
const NEGATION_WINDOW: usize = 3;

/// The lexicons scoring reads.
#[derive(Debug, Clone, Copy)]
pub struct ScoringLexicons<'l> {
    pub vader: &'l Vader,
    pub stance: &'l StanceLexicon,
}

/// Which score a piece of evidence moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Sentiment,
    Stance,
}

/// A statement's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementScore {
    /// VADER compound, -1..+1.
    pub sentiment: f64,
    /// Conflict (-1) .. cooperation (+1).
    pub stance: f64,
    pub evidence: Vec<(Scale, Evidence)>,
}

/// Scores one statement of a segmented article.
pub fn score_statement(doc: &Document, st: &Statement, lex: ScoringLexicons) -> StatementScore {
    let content = doc.span_text(st.content.clone());
    let mut sentiment_evidence = Vec::new();
    let polarity = lex
        .vader
        .polarity_scores_with_evidence(content, &mut sentiment_evidence);
    let mut evidence: Vec<(Scale, Evidence)> = sentiment_evidence
        .into_iter()
        .map(|e| (Scale::Sentiment, e))
        .collect();

    let mut raw = 0.0;
    if let Some(cue) = st.cue_token
        && let Some(weight) = lex.stance.word_weight(doc.lower(cue))
    {
        raw += weight;
        evidence.push((
            Scale::Stance,
            Evidence {
                entry: format!("cue {}", doc.lower(cue)),
                weight,
            },
        ));
    }
    let words: Vec<usize> = st
        .content
        .clone()
        .filter(|&k| doc.tokens[k].kind != TokenKind::Punct)
        .collect();
    // Weight-0 entries only keep a shorter entry from matching in the wrong
    // sense (`heart attack`, `peace prize`): they move nothing.
    for m in lex
        .stance
        .find(doc, st.content.clone())
        .into_iter()
        .filter(|m| m.weight != 0.0)
    {
        let at = words.partition_point(|&k| k < m.tokens.start);
        let before = &words[at.saturating_sub(NEGATION_WINDOW)..at];
        let mut weight = m.weight;
        let mut entry = m.words.clone();
        if let Some(&b) = before.last()
            && let Some(boost) = lex.vader.booster(doc.lower(b))
        {
            weight *= 1.0 + boost;
            entry = format!("{} {entry}", doc.lower(b));
        }
        if let Some(&n) = before
            .iter()
            .rev()
            .find(|&&k| lex.vader.negates(doc.lower(k)))
        {
            weight *= NEGATION_SCALAR;
            entry = format!("{} {entry}", doc.lower(n));
        }
        raw += weight;
        evidence.push((Scale::Stance, Evidence { entry, weight }));
    }
    if polarity.compound != 0.0 {
        let weight = SENTIMENT_IN_STANCE * polarity.compound;
        raw += weight;
        evidence.push((
            Scale::Stance,
            Evidence {
                entry: "sentiment".to_string(),
                weight,
            },
        ));
    }
    StatementScore {
        sentiment: polarity.compound,
        stance: normalize(raw),
        evidence,
    }
}

/// Maps a sum of Goldstein weights into -1..+1 as VADER maps its sum.
pub fn normalize(raw: f64) -> f64 {
    if raw == 0.0 {
        return 0.0;
    }
    let v = raw / (raw * raw + STANCE_ALPHA).sqrt();
    v.clamp(-1.0, 1.0)
}
