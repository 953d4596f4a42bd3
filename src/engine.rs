//! The engine: runs the pipeline stages on one article. Pure in the article
//! and the read-only lexicons, so articles score in parallel and the output
//! is the same whatever the thread count.

use std::collections::HashSet;

use crate::actors::{self, ResolveLexicons};
use crate::aggregate::{ArticleReport, StatementRow, actor_rows, dyad_rows};
use crate::article::Article;
use crate::attribution;
use crate::lexicon::Lexicons;
use crate::scoring::news::SentimentMode;
use crate::scoring::{self, Scale, ScoringLexicons};
use crate::text::Document;

/// A statement that names its speaker's own government as a government
/// (`Prime Minister Theresa May's proposed Brexit deal` in a British MP's
/// words) makes a dyad of that actor to itself only when its stance toward
/// it reads as more than neutral (beyond VADER's ±0.05 band): the annotation
/// guide lists the own actor as a target "only when the speaker talks about it
/// evaluatively (e.g. criticising own government)".
pub const OWN_GOVERNMENT_STANCE_BAND: f64 = crate::scoring::news::VADER_THRESHOLD;

/// The evidence of a target named only as a place (`arrests were made in
/// Australia`): the statement takes no stance toward it.
pub const PLACE_EVIDENCE: &str = "named as a place: no stance";

/// Scores articles with a fixed set of lexicons.
#[derive(Debug, Clone)]
pub struct Engine {
    lexicons: Lexicons,
    /// When set, only these actors appear in the output (`--actors`).
    only_actors: Option<HashSet<String>>,
    /// How statement sentiment is read (`--sentiment`).
    sentiment_mode: SentimentMode,
    /// Keep what moved each target's stance (`stance explain`).
    target_evidence: bool,
}

impl Engine {
    pub fn from_lexicons(lexicons: Lexicons) -> Engine {
        Engine {
            lexicons,
            only_actors: None,
            sentiment_mode: SentimentMode::default(),
            target_evidence: false,
        }
    }

    /// Keeps, for each target of each statement, the words and rules that
    /// moved its stance (`StatementRow::target_evidence`), as `stance
    /// explain` shows them; scoring for the tables leaves it out.
    pub fn with_target_evidence(mut self) -> Engine {
        self.target_evidence = true;
        self
    }

    /// Reads statement sentiment in this mode: news (the default) or exactly VADER.
    pub fn with_sentiment_mode(mut self, mode: SentimentMode) -> Engine {
        self.sentiment_mode = mode;
        self
    }

    /// Limits the output to statements, actors and dyads of the named actors.
    /// Names that no lexicon entry uses are returned as an error message.
    pub fn only_actors(mut self, names: &[String]) -> Result<Engine, String> {
        let unknown: Vec<&str> = names
            .iter()
            .filter(|n| self.lexicons.actors.id(n).is_none())
            .map(String::as_str)
            .collect();
        if !unknown.is_empty() {
            return Err(format!(
                "unknown actor(s) {}: actors are named by capital as in lexicons/actors.tsv (e.g. Seoul, Tokyo, Washington)",
                unknown.join(", ")
            ));
        }
        self.only_actors = Some(names.iter().cloned().collect());
        Ok(self)
    }

    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }

    /// Segments, attributes, resolves, scores and aggregates one article.
    pub fn score(&self, article: &Article) -> ArticleReport {
        let lex = &self.lexicons;
        let text = article.text.as_str();
        let doc = Document::new(text, &lex.abbreviations);
        let statements = attribution::attribute(&doc, lex.attribution());
        let mentions = lex.actors.mentions(&doc, article.meta.year());
        let surnames = actors::surname_mentions(&doc, &mentions, &lex.speaker_words);
        let resolutions = actors::resolve(
            &doc,
            &statements,
            &mentions,
            &surnames,
            ResolveLexicons {
                actors: &lex.actors,
                words: &lex.speaker_words,
                target_phrases: &lex.target_phrases,
            },
        );
        let scoring_lex = ScoringLexicons {
            mode: self.sentiment_mode,
            vader: &lex.vader,
            stance: &lex.stance,
            target: &lex.target_sentiment,
        };

        let keep = |name: &str| {
            self.only_actors
                .as_ref()
                .is_none_or(|set| set.contains(name))
        };
        let name = |id| lex.actors.name(id).to_string();

        // Byte offsets to code points, in one pass over the text.
        let mut offsets: Vec<usize> = Vec::new();
        for (st, res) in statements.iter().zip(&resolutions) {
            offsets.push(doc.tokens[st.content.start].start);
            offsets.push(doc.tokens[st.content.end - 1].end);
            if let Some(sp) = &res.speaker_tokens {
                offsets.push(doc.tokens[sp.start].start);
                offsets.push(doc.tokens[sp.end - 1].end);
            }
        }
        for m in &mentions {
            offsets.push(doc.tokens[m.tokens.start].start);
        }
        let chars = CharOffsets::new(text, offsets);

        let mut rows = Vec::with_capacity(statements.len());
        for (st, res) in statements.iter().zip(&resolutions) {
            let actor = res.actor.map(name);
            if self.only_actors.is_some() && !actor.as_deref().is_some_and(keep) {
                continue;
            }
            let score = scoring::score_statement(&doc, st, &res.target_acts, scoring_lex);
            let clause_breaks = |w: &str| lex.speaker_words.is_clause_break(w);
            // A target named only as the place where something happened (`in
            // Australia`) is what the statement is about, not whom it judges.
            // The evidence string is built only when asked for (`explain`).
            let explained = |text: &dyn Fn() -> String| {
                if self.target_evidence {
                    text()
                } else {
                    String::new()
                }
            };
            let toward = |tokens: &[std::ops::Range<usize>]| -> (f64, String) {
                if tokens
                    .iter()
                    .all(|t| actors::names_a_place(&doc, &lex.speaker_words, t))
                {
                    return (0.0, explained(&|| PLACE_EVIDENCE.to_string()));
                }
                let (stance, evidence) = scoring::score_target(
                    &doc,
                    st,
                    tokens,
                    &res.target_acts,
                    scoring_lex,
                    &clause_breaks,
                );
                (stance, explained(&|| format_evidence(&evidence)))
            };
            let mut scored: Vec<(String, (f64, String))> = res
                .targets
                .iter()
                .zip(&res.target_tokens)
                .map(|(&t, tokens)| (name(t), toward(tokens)))
                .collect();
            if let (Some(own), Some(first)) = (res.actor, res.own_government_tokens.first()) {
                let own_stance = toward(&res.own_government_tokens);
                if own_stance.0.abs() > OWN_GOVERNMENT_STANCE_BAND {
                    // In order of first mention, as the other targets.
                    let at = res
                        .target_tokens
                        .iter()
                        .position(|t| t.first().is_some_and(|r| r.start > first.start))
                        .unwrap_or(scored.len());
                    scored.insert(at, (name(own), own_stance));
                }
            }
            let mut targets = Vec::with_capacity(scored.len());
            let mut target_stances = Vec::with_capacity(scored.len());
            let mut target_evidence = Vec::new();
            for (target, (stance, evidence)) in scored.into_iter().filter(|(t, _)| keep(t)) {
                targets.push(target);
                target_stances.push(stance);
                if self.target_evidence {
                    target_evidence.push(evidence);
                }
            }
            let byte_start = doc.tokens[st.content.start].start;
            let byte_end = doc.tokens[st.content.end - 1].end;
            rows.push(StatementRow {
                statement: rows.len() + 1,
                kind: st.kind,
                speaker: res.speaker.clone(),
                actor,
                cue: st.cue.clone(),
                targets,
                target_stances,
                target_evidence,
                sentiment: score.sentiment,
                stance: score.stance,
                start: chars.get(byte_start),
                end: chars.get(byte_end),
                speaker_start: res
                    .speaker_tokens
                    .as_ref()
                    .map(|sp| chars.get(doc.tokens[sp.start].start)),
                speaker_end: res
                    .speaker_tokens
                    .as_ref()
                    .map(|sp| chars.get(doc.tokens[sp.end - 1].end)),
                evidence: format_evidence(&score.evidence),
                text: text[byte_start..byte_end].to_string(),
            });
        }
        let named: Vec<(String, usize)> = mentions
            .iter()
            .filter(|m| m.in_office)
            .map(|m| (name(m.actor), chars.get(doc.tokens[m.tokens.start].start)))
            .filter(|(a, _)| keep(a))
            .collect();
        ArticleReport {
            article_id: article.id.clone(),
            meta: article.meta.clone(),
            actors: actor_rows(&named, &rows),
            dyads: dyad_rows(&rows),
            statements: rows,
        }
    }
}

/// `disappointed -1.8; hope 1.9; stance: cue protested -6.5; stance: sentiment -0.4`
fn format_evidence(evidence: &[(Scale, crate::scoring::evidence::Evidence)]) -> String {
    let mut out = String::new();
    for (scale, e) in evidence {
        if !out.is_empty() {
            out.push_str("; ");
        }
        if *scale == Scale::Stance {
            out.push_str("stance: ");
        }
        out.push_str(&e.entry);
        out.push(' ');
        // `{:.2}`, with `-0.00` written `0.00`; writing to a String never fails.
        let _ = crate::output::write_fixed(&mut out, e.weight, 2);
    }
    out
}

/// Converts byte offsets of a text to code-point offsets.
struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str, mut bytes: Vec<usize>) -> CharOffsets {
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let mut count = 0;
        let mut at = 0;
        for &b in &bytes {
            count += text[at..b].chars().count();
            at = b;
            chars.push(count);
        }
        CharOffsets { bytes, chars }
    }

    fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(k) => self.chars[k],
            Err(_) => 0,
        }
    }
}
