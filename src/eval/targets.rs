//! `stance eval targets`: sentiment toward a target person, against NewsMTSC
//! (Hamborg & Donnay, EACL 2021), target-dependent scoring beside
//! whole-sentence scoring.
//!
//! Gold: JSON Lines as NewsMTSC ships it, one sentence per line:
//! `{sentence_normalized, targets: [{from, to, mention, polarity,
//! further_mentions?: [{from, to, mention}]}], …}`, where `from`..`to` are
//! code-point offsets of the mention in the sentence (end exclusive) and
//! `polarity` is 2.0 (negative), 4.0 (neutral) or 6.0 (positive), read here
//! as -1, 0, +1. Other fields are ignored.
//!
//! For each gold target two predictions are made:
//! - **target-dependent**: the sentence is segmented as an article, made one
//!   statement whose content is all its tokens (no speaker, no cue), and the
//!   target is the tokens that overlap `from..to` and each further mention;
//!   [`crate::scoring::target_scope::score`] gives a score in -1..+1, read as
//!   a class with [`TARGET_NEGATIVE_BELOW`] and [`TARGET_POSITIVE_ABOVE`];
//! - **whole-sentence**: VADER's compound score of the sentence with VADER's
//!   own thresholds, ±[`SENTENCE_THRESHOLD`].
//!
//! Figures: accuracy, and F1m, the mean of the F1 of the three classes
//! (NewsMTSC's measure; a class never predicted has F1 0).

use std::io::Write;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::attribution::{self, Statement};
use crate::lexicon::Lexicons;
use crate::scoring::{ScoringLexicons, target_scope};
use crate::text::Document;

/// Target-dependent scores below this are negative. Chosen on NewsMTSC rw
/// TRAIN only (8,739 targets): the pair of thresholds, on a grid of 0.01 from
/// -0.5 to 0.5, that gives the highest F1m on the out-of-fold scores of a
/// 5-fold cross-validation of the target lexicon there (the median of the
/// folds' own pairs too); `stance eval targets --gold train.jsonl --tune`,
/// the best pair for the lexicon learned on all of train scored on train
/// itself, gives -0.09 and 0.14. Dev was not looked at.
pub const TARGET_NEGATIVE_BELOW: f64 = -0.07;
/// Target-dependent scores above this are positive (chosen with
/// [`TARGET_NEGATIVE_BELOW`]).
pub const TARGET_POSITIVE_ABOVE: f64 = 0.14;
/// VADER's own thresholds for its compound score (Hutto & Gilbert): at or
/// beyond ±0.05 positive or negative, within them neutral. Not tuned.
pub const SENTENCE_THRESHOLD: f64 = crate::scoring::news::VADER_THRESHOLD;

/// One target of a gold sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTarget {
    /// The mention in code points of the sentence, end exclusive.
    pub from: usize,
    pub to: usize,
    pub mention: String,
    /// -1 negative, 0 neutral, +1 positive.
    pub polarity: i8,
    /// Further mentions of the same person (NewsMTSC found them automatically).
    pub further: Vec<(usize, usize)>,
}

/// One gold sentence with its targets.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSentence {
    /// 1-based line of the gold file.
    pub line: usize,
    pub sentence: String,
    pub targets: Vec<GoldTarget>,
}

#[derive(Debug, Deserialize)]
struct Line {
    sentence_normalized: String,
    targets: Vec<LineTarget>,
}

#[derive(Debug, Deserialize)]
struct LineTarget {
    from: usize,
    to: usize,
    #[serde(default)]
    mention: String,
    polarity: f64,
    #[serde(default)]
    further_mentions: Vec<LineMention>,
}

#[derive(Debug, Deserialize)]
struct LineMention {
    from: usize,
    to: usize,
}

pub use super::GoldError;

/// Reads NewsMTSC JSON Lines; blank lines are skipped. The first line that is
/// not valid JSON, has a polarity other than 2, 4 or 6, or a mention outside
/// its sentence is an error naming the line.
pub fn parse_gold(text: &str) -> Result<Vec<GoldSentence>, GoldError> {
    let mut out = Vec::new();
    for (line, l) in super::gold_json_lines::<Line>(text)? {
        let err = |message: String| GoldError { line, message };
        let chars = l.sentence_normalized.chars().count();
        let in_sentence = |from: usize, to: usize| from < to && to <= chars;
        let mut targets = Vec::with_capacity(l.targets.len());
        for t in l.targets {
            let polarity = match t.polarity {
                2.0 => -1,
                4.0 => 0,
                6.0 => 1,
                p => return Err(err(format!("polarity {p}: one of 2, 4, 6"))),
            };
            if !in_sentence(t.from, t.to) {
                return Err(err(format!(
                    "target {}..{} is not inside the sentence ({chars} characters)",
                    t.from, t.to
                )));
            }
            targets.push(GoldTarget {
                from: t.from,
                to: t.to,
                mention: t.mention,
                polarity,
                // Automatic and sometimes wrong: one outside the sentence is dropped.
                further: t
                    .further_mentions
                    .iter()
                    .filter(|m| in_sentence(m.from, m.to))
                    .map(|m| (m.from, m.to))
                    .collect(),
            });
        }
        out.push(GoldSentence {
            line,
            sentence: l.sentence_normalized,
            targets,
        });
    }
    Ok(out)
}

/// One gold target with both predictions.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    pub line: usize,
    pub from: usize,
    pub to: usize,
    pub gold: i8,
    /// Target-dependent score, -1..+1, and its class.
    pub target_score: f64,
    pub target: i8,
    /// VADER compound of the sentence, and its class.
    pub sentence_score: f64,
    pub sentence: i8,
}

/// The class of a score: -1 below `negative_below`, +1 above `positive_above`,
/// else 0.
pub fn classify(score: f64, negative_below: f64, positive_above: f64) -> i8 {
    if score < negative_below {
        -1
    } else if score > positive_above {
        1
    } else {
        0
    }
}

/// VADER's reading of its compound: ±0.05 and beyond count.
fn classify_sentence(compound: f64) -> i8 {
    if compound >= SENTENCE_THRESHOLD {
        1
    } else if compound <= -SENTENCE_THRESHOLD {
        -1
    } else {
        0
    }
}

/// The tokens of `doc` that overlap the code-point span `from..to`.
fn tokens_in(doc: &Document, char_to_byte: &[usize], from: usize, to: usize) -> Range<usize> {
    let (Some(&start), Some(&end)) = (char_to_byte.get(from), char_to_byte.get(to)) else {
        return 0..0;
    };
    let first = doc.tokens.partition_point(|t| t.end <= start);
    let last = doc.tokens.partition_point(|t| t.start < end);
    first..last.max(first)
}

/// What [`for_each_target`] hands over for one gold target.
pub struct TargetCase<'a> {
    pub gold: &'a GoldSentence,
    pub target: &'a GoldTarget,
    pub doc: &'a Document<'a>,
    /// The whole sentence as one statement with no speaker and no cue.
    pub statement: &'a Statement,
    /// The target's mentions as token ranges (empty when none maps to tokens).
    pub mentions: &'a [Range<usize>],
    /// The target is the speaker of some statement of the sentence.
    pub speaks: bool,
}

impl TargetCase<'_> {
    /// The target-dependent score, -1..+1; `None` when the sentence or the
    /// target's mentions have no tokens.
    fn score(&self, scoring: ScoringLexicons, clause_breaks: &dyn Fn(&str) -> bool) -> Option<f64> {
        if self.doc.tokens.is_empty() || self.mentions.is_empty() {
            return None;
        }
        let (score, _) = target_scope::score(
            self.doc,
            self.statement,
            self.mentions,
            scoring,
            clause_breaks,
            self.speaks,
        );
        Some(score)
    }
}

/// Segments each gold sentence as the engine does and calls `f` for each of
/// its targets, in gold order.
pub fn for_each_target(gold: &[GoldSentence], lex: &Lexicons, mut f: impl FnMut(TargetCase<'_>)) {
    for g in gold {
        let doc = Document::new(&g.sentence, &lex.abbreviations);
        // Byte offset of each code point, and of the end.
        let char_to_byte: Vec<usize> = g
            .sentence
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(g.sentence.len()))
            .collect();
        let statement = Statement::unattributed(0..doc.tokens.len());
        // Who speaks in the sentence: a target that speaks is scored so.
        let speakers: Vec<Range<usize>> = attribution::attribute(&doc, lex.attribution())
            .iter()
            .map(|s| s.speaker.mention())
            .collect();
        for t in &g.targets {
            let mentions: Vec<Range<usize>> = std::iter::once((t.from, t.to))
                .chain(t.further.iter().copied())
                .map(|(f, e)| tokens_in(&doc, &char_to_byte, f, e))
                .filter(|r| !r.is_empty())
                .collect();
            let speaks = speakers
                .iter()
                .any(|s| mentions.iter().any(|m| m.start < s.end && s.start < m.end));
            f(TargetCase {
                gold: g,
                target: t,
                doc: &doc,
                statement: &statement,
                mentions: &mentions,
                speaks,
            });
        }
    }
}

fn scoring_lexicons(lex: &Lexicons) -> ScoringLexicons<'_> {
    ScoringLexicons {
        vader: &lex.vader,
        stance: &lex.stance,
        target: &lex.target_sentiment,
        mode: Default::default(),
    }
}

/// Predicts every gold target, both ways.
pub fn predict(gold: &[GoldSentence], lex: &Lexicons) -> Vec<Prediction> {
    let scoring = scoring_lexicons(lex);
    let clause_breaks = |w: &str| lex.speaker_words.is_clause_break(w);
    let mut out = Vec::new();
    for_each_target(gold, lex, |c| {
        let sentence_score = lex.vader.polarity_scores(&c.gold.sentence).compound;
        let target_score = c.score(scoring, &clause_breaks).unwrap_or(0.0);
        out.push(Prediction {
            line: c.gold.line,
            from: c.target.from,
            to: c.target.to,
            gold: c.target.polarity,
            target_score,
            target: classify(target_score, TARGET_NEGATIVE_BELOW, TARGET_POSITIVE_ABOVE),
            sentence_score,
            sentence: classify_sentence(sentence_score),
        });
    });
    out
}

/// One gold target's features for learning a target lexicon
/// (`lexicons/tools/learn_news_target.py`).
#[derive(Debug, Clone, Serialize)]
pub struct Features {
    pub line: usize,
    pub from: usize,
    pub to: usize,
    pub gold: i8,
    /// The sum the target-dependent score maps (before -1..+1), with the
    /// lexicons as loaded.
    pub raw: f64,
    /// Each word in scope: `(token as written, its factor, 0-based token
    /// index, it stands before the target)` (see [`target_scope::word_factors`]).
    pub words: Vec<(String, f64, usize, bool)>,
}

/// The features of every gold target, in gold order.
pub fn features(gold: &[GoldSentence], lex: &Lexicons) -> Vec<Features> {
    let scoring = scoring_lexicons(lex);
    let clause_breaks = |w: &str| lex.speaker_words.is_clause_break(w);
    let mut out = Vec::new();
    for_each_target(gold, lex, |c| {
        let (raw, words) = match c.score(scoring, &clause_breaks) {
            None => (0.0, Vec::new()),
            Some(score) => {
                let words = target_scope::word_factors(
                    c.doc,
                    c.statement,
                    c.mentions,
                    scoring,
                    &clause_breaks,
                    c.speaks,
                );
                (
                    target_scope::raw_of(score),
                    words
                        .into_iter()
                        .map(|(k, w, before)| (c.doc.str(k).to_string(), w, k, before))
                        .collect(),
                )
            }
        };
        out.push(Features {
            line: c.gold.line,
            from: c.target.from,
            to: c.target.to,
            gold: c.target.polarity,
            raw,
            words,
        });
    });
    out
}

/// Accuracy and F1m of predicted classes against gold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ClassFigures {
    /// Mean F1 over negative, neutral and positive.
    pub f1_macro: f64,
    pub accuracy: f64,
    /// F1 of each class.
    pub f1_negative: f64,
    pub f1_neutral: f64,
    pub f1_positive: f64,
}

/// Figures for `(gold, predicted)` pairs.
pub fn figures(pairs: impl Iterator<Item = (i8, i8)>) -> ClassFigures {
    // confusion[gold][predicted], classes -1, 0, 1 at 0, 1, 2.
    let mut confusion = [[0usize; 3]; 3];
    let at = |c: i8| (c.clamp(-1, 1) + 1) as usize;
    for (g, p) in pairs {
        confusion[at(g)][at(p)] += 1;
    }
    let total: usize = confusion.iter().flatten().sum();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |c: usize| {
        let tp = confusion[c][c];
        let gold: usize = confusion[c].iter().sum();
        let predicted: usize = confusion.iter().map(|row| row[c]).sum();
        let (p, r) = (ratio(tp, predicted), ratio(tp, gold));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let (neg, neu, pos) = (f1(0), f1(1), f1(2));
    ClassFigures {
        f1_macro: (neg + neu + pos) / 3.0,
        accuracy: ratio((0..3).map(|c| confusion[c][c]).sum(), total),
        f1_negative: neg,
        f1_neutral: neu,
        f1_positive: pos,
    }
}

/// What `--json` prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Summary {
    pub sentences: usize,
    pub targets: usize,
    pub target_dependent: ClassFigures,
    pub whole_sentence: ClassFigures,
}

/// The figures of both modes.
pub fn summarize(gold: &[GoldSentence], predictions: &[Prediction]) -> Summary {
    Summary {
        sentences: gold.len(),
        targets: predictions.len(),
        target_dependent: figures(predictions.iter().map(|p| (p.gold, p.target))),
        whole_sentence: figures(predictions.iter().map(|p| (p.gold, p.sentence))),
    }
}

/// The summary as a table for the terminal.
pub fn format_table(s: &Summary) -> String {
    let pct = |v: f64| format!("{:.1}", v * 100.0);
    let mut out = format!("sentences: {}, targets: {}\n", s.sentences, s.targets);
    out.push_str(&format!(
        "{:<18}{:>7}{:>10}{:>11}{:>9}{:>10}\n",
        "", "F1m", "accuracy", "F1 neg", "F1 neu", "F1 pos"
    ));
    for (name, f) in [
        ("target-dependent", &s.target_dependent),
        ("whole-sentence", &s.whole_sentence),
    ] {
        out.push_str(&format!(
            "{:<18}{:>7}{:>10}{:>11}{:>9}{:>10}\n",
            name,
            pct(f.f1_macro),
            pct(f.accuracy),
            pct(f.f1_negative),
            pct(f.f1_neutral),
            pct(f.f1_positive)
        ));
    }
    out
}

/// Writes `line,from,to,predicted`: each gold target's target-dependent class.
pub fn write_predictions<W: Write>(predictions: &[Prediction], writer: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(writer);
    w.write_record(["line", "from", "to", "predicted"])?;
    for p in predictions {
        w.write_record([
            p.line.to_string(),
            p.from.to_string(),
            p.to.to_string(),
            p.target.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// The thresholds that give the highest F1m of the target-dependent scores of
/// `predictions` against their gold classes, on a grid of 0.01 over
/// -0.5..=0.5 (negative below ≤ positive above): `(negative_below,
/// positive_above, F1m)`. Ties (within 1e-12) keep the first found: the
/// lowest `negative_below`, then the lowest `positive_above`.
pub fn tune(predictions: &[Prediction]) -> (f64, f64, f64) {
    let grid: Vec<f64> = (-50..=50).map(|k| k as f64 / 100.0).collect();
    let mut best = (0.0, 0.0, -1.0);
    for (i, &lo) in grid.iter().enumerate() {
        for &hi in &grid[i..] {
            let f = figures(
                predictions
                    .iter()
                    .map(|p| (p.gold, classify(p.target_score, lo, hi))),
            )
            .f1_macro;
            // Equal F1m summed in another order may differ in the last bit.
            if f > best.2 + 1e-12 {
                best = (lo, hi, f);
            }
        }
    }
    best
}
