//! Score: the sentiment and the stance of each statement, with the evidence
//! (lexicon entries and their weights after rules) that moved them.
//!
//! - sentiment: VADER's compound score of the statement's content.
//! - stance: the sum of the stance cues in the content (negation flips and
//!   damps a cue as VADER does a word, intensifiers scale it; a cooperation
//!   cue a target's possessive governs is the target's act and left out),
//!   the cue verb's own stance weight (`protested`, `welcomed`), and the
//!   sentiment at
//!   [`SENTIMENT_IN_STANCE`] Goldstein points per unit of compound, normalised to
//!   -1..+1 the way VADER normalises its sum, on the Goldstein scale.

pub mod evidence;
pub mod news;
pub mod stance;
pub mod target_scope;
pub mod vader;

use std::ops::Range;

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
/// Words before a stance cue in which VADER's `no` negates it.
const NO_WINDOW: usize = 2;

/// The lexicons scoring reads.
#[derive(Debug, Clone, Copy)]
pub struct ScoringLexicons<'l> {
    pub vader: &'l Vader,
    /// How statement sentiment is read: news mode by default, or exactly VADER.
    pub mode: news::SentimentMode,
    pub stance: &'l StanceLexicon,
    /// Words toward a target (`lexicons/news_target.tsv`), read by the scope rules.
    pub target: &'l target_scope::TargetLexicon,
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

/// Scores one statement of a segmented article. A cooperation cue that starts
/// in one of `target_acts` is a target's act that the speaker reports (`its
/// support for Nicolás Maduro`), not the speaker's stance, and is left out.
pub fn score_statement(
    doc: &Document,
    st: &Statement,
    target_acts: &[Range<usize>],
    lex: ScoringLexicons,
) -> StatementScore {
    let content = doc.span_text(st.content.clone());
    let mut sentiment_evidence = Vec::new();
    let polarity = lex
        .vader
        .score_with_evidence(lex.mode, content, &mut sentiment_evidence);
    let mut evidence: Vec<(Scale, Evidence)> = sentiment_evidence
        .into_iter()
        .map(|e| (Scale::Sentiment, e))
        .collect();

    let mut raw = cue_weight(doc, st, lex, &mut evidence);
    raw += stance_cues(doc, st.content.clone(), target_acts, lex, &mut evidence);
    raw += sentiment_weight(polarity.compound, &mut evidence);
    StatementScore {
        sentiment: polarity.compound,
        stance: normalize(raw),
        evidence,
    }
}

/// The stance the cue verb itself carries (`protested`, `welcomed`), which
/// applies to everything the statement says.
fn cue_weight(
    doc: &Document,
    st: &Statement,
    lex: ScoringLexicons,
    evidence: &mut Vec<(Scale, Evidence)>,
) -> f64 {
    let Some(cue) = st.cue_token else { return 0.0 };
    let Some(weight) = lex.stance.word_weight(doc.lower(cue)) else {
        return 0.0;
    };
    evidence.push((
        Scale::Stance,
        Evidence {
            entry: format!("cue {}", doc.lower(cue)),
            weight,
        },
    ));
    weight
}

/// The sum of the stance cues in `tokens`, after negation and intensifiers.
/// A cooperation cue that starts in one of `target_acts` is a target's own act
/// and is left out (its evidence says so, at weight 0: `support (a target's
/// act) 0.00`); a conflict cue there still counts, as speakers name an
/// opponent's hostile acts to condemn them (`Iran's missile tests`).
fn stance_cues(
    doc: &Document,
    tokens: Range<usize>,
    target_acts: &[Range<usize>],
    lex: ScoringLexicons,
    evidence: &mut Vec<(Scale, Evidence)>,
) -> f64 {
    let words: Vec<usize> = tokens
        .clone()
        .filter(|&k| doc.tokens[k].kind != TokenKind::Punct)
        .collect();
    let mut raw = 0.0;
    // Weight-0 entries only keep a shorter entry from matching in the wrong
    // sense (`heart attack`, `peace prize`): they move nothing.
    for m in lex
        .stance
        .find(doc, tokens)
        .into_iter()
        .filter(|m| m.weight != 0.0)
    {
        if m.weight > 0.0 && target_acts.iter().any(|a| a.contains(&m.tokens.start)) {
            evidence.push((
                Scale::Stance,
                Evidence {
                    entry: format!("{} (a target's act)", m.words),
                    weight: 0.0,
                },
            ));
            continue;
        }
        let at = words.partition_point(|&k| k < m.tokens.start);
        let (prefix, factor) = modifiers(doc, &words, at, lex);
        let weight = m.weight * factor;
        let entry = format!("{prefix}{}", m.words);
        raw += weight;
        evidence.push((Scale::Stance, Evidence { entry, weight }));
    }
    raw
}

/// The negator and booster before word number `i` of `words` (VADER's rules,
/// reused for stance): the words to put before an evidence entry (`not `,
/// `strongly `) and the factor they apply.
pub(crate) fn modifiers(
    doc: &Document,
    words: &[usize],
    i: usize,
    lex: ScoringLexicons,
) -> (String, f64) {
    let before = &words[i.saturating_sub(NEGATION_WINDOW)..i];
    let mut prefix = String::new();
    let mut factor = 1.0;
    if let Some(&b) = before.last()
        && let Some(boost) = lex.vader.booster(doc.lower(b))
    {
        factor *= 1.0 + boost;
        prefix = format!("{} ", doc.lower(b));
    }
    // A negator among the three words before, or VADER's `no` one or two
    // words before (`no support will come`), as VADER negates a word.
    let no_window = &words[i.saturating_sub(NO_WINDOW)..i];
    if let Some(&n) = before
        .iter()
        .rev()
        .find(|&&k| lex.vader.negates(doc.lower(k)))
        .or_else(|| {
            no_window
                .iter()
                .rev()
                .find(|&&k| lex.vader.is_no(doc.lower(k)))
        })
    {
        factor *= NEGATION_SCALAR;
        prefix = format!("{} {prefix}", doc.lower(n));
    }
    (prefix, factor)
}

/// The evidence entry of the sentiment's share of a stance (`stance:
/// sentiment -0.68`), which `stance explain` expands into its words.
pub const SENTIMENT_ENTRY: &str = "sentiment";

/// The sentiment's share of a stance, as Goldstein points.
fn sentiment_weight(compound: f64, evidence: &mut Vec<(Scale, Evidence)>) -> f64 {
    if compound == 0.0 {
        return 0.0;
    }
    let weight = SENTIMENT_IN_STANCE * compound;
    evidence.push((
        Scale::Stance,
        Evidence {
            entry: SENTIMENT_ENTRY.to_string(),
            weight,
        },
    ));
    weight
}

/// A statement's stance toward one target: the stance cues of the clauses of
/// the content that name the target, the sentiment toward the target in them,
/// and the cue verb's own stance. A clause ends at `;`, `:`, a sentence break or a clause-break word
/// (`but`, `while`), so "We hope each of those two countries can begin …" and
/// "we will strongly protest against the South Korean government" are scored
/// for the targets they name, not for the whole statement. A cooperation cue
/// that starts in one of `target_acts` is a target's own act that the speaker
/// reports (`its support for Nicolás Maduro`), not the speaker's stance
/// toward anyone.
pub fn score_target(
    doc: &Document,
    st: &Statement,
    target_tokens: &[Range<usize>],
    target_acts: &[Range<usize>],
    lex: ScoringLexicons,
    clause_breaks: &dyn Fn(&str) -> bool,
) -> (f64, Vec<(Scale, Evidence)>) {
    let mut evidence = Vec::new();
    let mut raw = cue_weight(doc, st, lex, &mut evidence);
    for clause in clauses(doc, st.content.clone(), clause_breaks) {
        let named = target_tokens
            .iter()
            .any(|t| t.start < clause.end && clause.start < t.end);
        if !named {
            continue;
        }
        raw += stance_cues(doc, clause.clone(), target_acts, lex, &mut evidence);
    }
    // The sentiment toward the target: valences near it, in its clauses, weighted
    // by where they stand (src/scoring/target_scope.rs, tuned on NewsMTSC train).
    let (toward, words) =
        target_scope::sentiment_toward(doc, st.content.clone(), target_tokens, lex, clause_breaks);
    // The words first, as in a statement's evidence: their weights after the
    // scope rules, then their sum's share of the stance.
    evidence.splice(0..0, words);
    raw += sentiment_weight(toward, &mut evidence);
    (normalize(raw), evidence)
}

/// The clauses of a content span: a clause ends after `;`, `:`, `.`, `!` or
/// `?`, and before a clause-break word (`but`, `while`).
pub(crate) fn clauses(
    doc: &Document,
    content: Range<usize>,
    clause_breaks: &dyn Fn(&str) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = content.start;
    for k in content.clone() {
        let s = doc.str(k);
        let punct = doc.tokens[k].kind == TokenKind::Punct;
        let ends_after = punct && matches!(s, ";" | ":" | "." | "!" | "?");
        let starts_here = !punct && clause_breaks(doc.lower(k));
        if starts_here && k > start {
            out.push(start..k);
            start = k;
        } else if ends_after {
            out.push(start..k + 1);
            start = k + 1;
        }
    }
    if start < content.end {
        out.push(start..content.end);
    }
    out.retain(|c| !c.is_empty());
    out
}

/// Maps a sum of Goldstein weights into -1..+1 as VADER maps its sum.
pub fn normalize(raw: f64) -> f64 {
    if raw == 0.0 {
        return 0.0;
    }
    let v = raw / (raw * raw + STANCE_ALPHA).sqrt();
    v.clamp(-1.0, 1.0)
}
