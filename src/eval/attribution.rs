//! `stance eval attribution`: how well the engine finds quotes and their
//! speakers, against gold attribution in brat standoff format (PolNeAR).
//!
//! Measures, for gold direct quotes (content opens and closes at a quotation
//! mark, with a source) and gold indirect attributions (no quotation mark in
//! the content, a source, and a cue with a reporting verb of the lexicon):
//! - found: a predicted statement covers more than 30% of the gold content's
//!   characters;
//! - speaker right, of found: the predicted speaker mention overlaps the gold
//!   source span (for a statement that continues an earlier speaker's quote,
//!   the mention it inherits);
//! - end to end: found and right, of all gold;
//! - precision (direct): predicted direct and partial statements that overlap
//!   some gold content.

use std::time::Instant;

use serde::Serialize;

use super::brat::{CharSpan, GoldArticle, GoldAttribution};
use crate::attribution::{self, StatementKind};
use crate::engine::Engine;
use crate::text::Document;
use crate::{Article, Lexicons};

/// Share of a gold content's characters a prediction must cover to count as found.
pub const FOUND_COVERAGE: f64 = 0.3;

/// A predicted statement, in code points.
#[derive(Debug, Clone, PartialEq)]
pub struct Predicted {
    pub kind: StatementKind,
    pub content: CharSpan,
    pub speaker: CharSpan,
    pub speaker_text: String,
}

/// Counts for one class of gold attributions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    pub speaker_right: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.found += other.found;
        self.speaker_right += other.speaker_right;
    }
}

/// How one gold attribution fared.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub class: &'static str,
    pub found: bool,
    pub speaker_right: bool,
    pub gold_content: String,
    pub gold_source: String,
    pub predicted_speaker: String,
}

/// The evaluation of one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleEval {
    pub name: String,
    pub direct: Counts,
    pub indirect: Counts,
    /// Predicted direct/partial statements, and those that overlap some gold content.
    pub predicted_quotes: usize,
    pub precise_quotes: usize,
    pub outcomes: Vec<Outcome>,
}

/// Figures over all articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub direct: Rates,
    pub indirect: Rates,
    pub precision: f64,
    pub predicted_quotes: usize,
    pub precise_quotes: usize,
    /// Segmentation and attribution (what the peers' figures measure) on one thread.
    pub attribution_kb_per_second: f64,
    /// Full pipeline (`stance score` per article) on one thread.
    pub kb_per_second: f64,
}

/// Counts and their rates.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Rates {
    pub gold: usize,
    pub found: usize,
    pub speaker_right: usize,
    pub found_rate: f64,
    pub speaker_right_of_found: f64,
    pub end_to_end: f64,
}

impl From<Counts> for Rates {
    fn from(c: Counts) -> Rates {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        Rates {
            gold: c.gold,
            found: c.found,
            speaker_right: c.speaker_right,
            found_rate: ratio(c.found, c.gold),
            speaker_right_of_found: ratio(c.speaker_right, c.found),
            end_to_end: ratio(c.speaker_right, c.gold),
        }
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}'
    )
}

/// Code-point slice of a text.
fn slice(chars: &[char], span: CharSpan) -> String {
    chars
        .get(span.0.min(chars.len())..span.1.min(chars.len()))
        .map(|s| s.iter().collect())
        .unwrap_or_default()
}

fn overlap(a: CharSpan, b: CharSpan) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The predictions of attribution for one text.
pub fn predict(text: &str, lex: &Lexicons) -> Vec<Predicted> {
    let doc = Document::new(text, &lex.abbreviations);
    let statements = attribution::attribute(&doc, lex.attribution());
    // Byte offset -> code point offset.
    let mut char_at = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (b, _) in text.char_indices() {
        char_at[b] = count;
        count += 1;
    }
    char_at[text.len()] = count;
    let span = |r: std::ops::Range<usize>| {
        (
            char_at[doc.tokens[r.start].start],
            char_at[doc.tokens[r.end - 1].end],
        )
    };
    statements
        .iter()
        .map(|s| Predicted {
            kind: s.kind,
            content: span(s.content.clone()),
            speaker: span(s.speaker.mention()),
            speaker_text: doc.span_text(s.speaker.mention()).to_string(),
        })
        .collect()
}

/// Evaluates one gold article against the predictions.
pub fn evaluate_article(
    gold: &GoldArticle,
    predicted: &[Predicted],
    lex: &Lexicons,
) -> ArticleEval {
    let chars: Vec<char> = gold.text.chars().collect();
    let mut eval = ArticleEval {
        name: gold.name.clone(),
        ..Default::default()
    };
    for g in &gold.attributions {
        let Some(class) = classify(g, &chars, lex) else {
            continue;
        };
        let total: usize = g.content.iter().map(|s| s.1 - s.0).sum();
        let best = predicted
            .iter()
            .map(|p| {
                (
                    g.content
                        .iter()
                        .map(|&s| overlap(s, p.content))
                        .sum::<usize>(),
                    p,
                )
            })
            .max_by_key(|(o, _)| *o);
        let found =
            best.is_some_and(|(o, _)| total > 0 && o as f64 / total as f64 > FOUND_COVERAGE);
        let right =
            found && best.is_some_and(|(_, p)| g.source.iter().any(|&s| overlap(s, p.speaker) > 0));
        let counts = if class == "direct" {
            &mut eval.direct
        } else {
            &mut eval.indirect
        };
        counts.add(Counts {
            gold: 1,
            found: found as usize,
            speaker_right: right as usize,
        });
        eval.outcomes.push(Outcome {
            class,
            found,
            speaker_right: right,
            gold_content: g
                .content
                .iter()
                .map(|&s| slice(&chars, s))
                .collect::<Vec<_>>()
                .join(" … "),
            gold_source: g
                .source
                .iter()
                .map(|&s| slice(&chars, s))
                .collect::<Vec<_>>()
                .join(" "),
            predicted_speaker: best
                .filter(|_| found)
                .map(|(_, p)| p.speaker_text.clone())
                .unwrap_or_default(),
        });
    }
    for p in predicted
        .iter()
        .filter(|p| p.kind != StatementKind::Indirect)
    {
        eval.predicted_quotes += 1;
        let hits = gold
            .attributions
            .iter()
            .any(|g| g.content.iter().any(|&s| overlap(s, p.content) > 0));
        eval.precise_quotes += hits as usize;
    }
    eval
}

/// `direct`, `indirect`, or `None` for gold the measures leave out.
fn classify(g: &GoldAttribution, chars: &[char], lex: &Lexicons) -> Option<&'static str> {
    if g.source.is_empty() {
        return None;
    }
    let first = g.content.iter().map(|s| s.0).min()?;
    let last = g.content.iter().map(|s| s.1).max()?;
    let content = slice(chars, (first, last));
    let trimmed = content.trim();
    let opens = trimmed.chars().next().is_some_and(is_quote_char);
    let closes = trimmed.chars().last().is_some_and(is_quote_char);
    if opens && closes {
        return Some("direct");
    }
    // Quotations in two apostrophes (`''We won,''`, as some newspapers print
    // them) are neither: the peers' direct-quote counts leave them out.
    if trimmed.chars().any(is_quote_char) || trimmed.contains("''") {
        return None;
    }
    let cue: String = g
        .cue
        .iter()
        .map(|&s| slice(chars, s))
        .collect::<Vec<_>>()
        .join(" ");
    let speech = cue.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        lex.reporting_verbs
            .starting_with(w.trim_matches(|c: char| !c.is_alphanumeric()))
            .iter()
            .any(|f| f.words.len() == 1 || cue.to_lowercase().contains(&f.words.join(" ")))
    });
    speech.then_some("indirect")
}

/// Evaluates every gold article and times the full pipeline on one thread.
pub fn evaluate(gold: &[GoldArticle], engine: &Engine) -> (Summary, Vec<ArticleEval>) {
    let lex = engine.lexicons();
    let mut evals = Vec::with_capacity(gold.len());
    let mut direct = Counts::default();
    let mut indirect = Counts::default();
    let (mut predicted_quotes, mut precise_quotes) = (0, 0);
    for g in gold {
        let predicted = predict(&g.text, lex);
        let e = evaluate_article(g, &predicted, lex);
        direct.add(e.direct);
        indirect.add(e.indirect);
        predicted_quotes += e.predicted_quotes;
        precise_quotes += e.precise_quotes;
        evals.push(e);
    }
    let bytes: usize = gold.iter().map(|g| g.text.len()).sum();
    let started = Instant::now();
    for g in gold {
        let doc = Document::new(&g.text, &lex.abbreviations);
        std::hint::black_box(attribution::attribute(&doc, lex.attribution()));
    }
    let attribution_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    for g in gold {
        let report = engine.score(&Article::new(g.name.clone(), g.text.clone()));
        std::hint::black_box(report);
    }
    let seconds = started.elapsed().as_secs_f64();
    let summary = Summary {
        articles: gold.len(),
        direct: direct.into(),
        indirect: indirect.into(),
        precision: if predicted_quotes == 0 {
            0.0
        } else {
            precise_quotes as f64 / predicted_quotes as f64
        },
        predicted_quotes,
        precise_quotes,
        attribution_kb_per_second: if attribution_seconds > 0.0 {
            bytes as f64 / 1000.0 / attribution_seconds
        } else {
            0.0
        },
        kb_per_second: if seconds > 0.0 {
            bytes as f64 / 1000.0 / seconds
        } else {
            0.0
        },
    };
    (summary, evals)
}

/// The summary as a table for the terminal.
pub fn format_table(s: &Summary) -> String {
    let pct = |v: f64| format!("{:.1}%", v * 100.0);
    let mut out = String::new();
    out.push_str(&format!("articles: {}\n", s.articles));
    out.push_str(&format!(
        "{:<24}{:>6}{:>9}{:>16}{:>13}{:>12}\n",
        "", "gold", "found", "speaker right", "end to end", "precision"
    ));
    out.push_str(&format!(
        "{:<24}{:>6}{:>9}{:>16}{:>13}{:>12}\n",
        "direct quotes",
        s.direct.gold,
        pct(s.direct.found_rate),
        pct(s.direct.speaker_right_of_found),
        pct(s.direct.end_to_end),
        pct(s.precision)
    ));
    out.push_str(&format!(
        "{:<24}{:>6}{:>9}{:>16}{:>13}{:>12}\n",
        "indirect (speech cue)",
        s.indirect.gold,
        pct(s.indirect.found_rate),
        pct(s.indirect.speaker_right_of_found),
        pct(s.indirect.end_to_end),
        ""
    ));
    out.push_str(&format!(
        "speed, one core: {:.0} KB/s segmentation and attribution, {:.0} KB/s full pipeline\n",
        s.attribution_kb_per_second, s.kb_per_second
    ));
    out
}
