//! `stance eval actors`: how well the engine finds statements, their speakers
//! and the actors they speak for, against hand-annotated gold statements
//! (`../shared/data/actors_dev`, format below).
//!
//! Gold: JSON Lines, one statement per line:
//! `{article_id, content, kind, cue, speaker, speaker_full, actor, targets, tone}`,
//! where `content` is an exact substring of the article's text, `kind` is
//! `direct`, `partial` or `indirect`, and `actor` is a capital (`Seoul`) or `-`
//! for a speaker who speaks for no government.
//!
//! Each gold content is located in its article by exact substring search, in
//! code points; when it occurs more than once, the first occurrence at or
//! after the previous gold line of the same article is taken (the first
//! occurrence anywhere when there is none after it). Then, for each gold
//! statement:
//! - **found**: one predicted statement covers more than 30% of the gold
//!   content's characters (the one that covers most; the first of equals);
//! - **speaker right**, of found: the predicted `speaker` *shares a name* with
//!   the gold `speaker` or `speaker_full` (see [`shares_name`]);
//! - **actor right**, of found: the predicted actor equals the gold actor,
//!   where gold `-` means no actor and is right when the prediction has none;
//! - **end to end**: found, speaker right and actor right, of all gold.
//!
//! **Precision** is the share of predicted statements that overlap (one
//! character is enough) some gold content of their article, so that
//! over-generation shows. Per kind, recall rows count gold statements of that
//! kind and precision counts predicted statements of that kind.
//!
//! *Shares a name*: the words of a speaker phrase are its words lowercased,
//! stripped of surrounding punctuation and of a possessive `'s`, leaving out
//! function words (`The`, `of`, `and` …). The predicted speaker shares a name
//! with the gold `speaker` or with the gold `speaker_full` when
//! - a capitalised word (written with an upper-case first letter) of it is a
//!   capitalised word of the gold phrase (`Kono` and `Japanese Foreign
//!   Minister Taro Kono`, `Kono's` and `Kono`), or,
//! - when either phrase has no capitalised word (a non-person speaker such as
//!   `the ministry`, `an unnamed presidential official`), a word of four or
//!   more letters of it is one of the gold phrase (`the ministry` and `Japan's
//!   Ministry of Foreign Affairs`).
//!
//! The rule is lenient on purpose; note that it also accepts a shared title or
//! demonym (`President`, `Chinese`), so `speaker right` is an upper bound.
//!
//! **Tone agreement**, of found statements with a gold `tone`: the sign of
//! the finding prediction's `sentiment` equals the gold tone, where a
//! sentiment within ±[`SIGN_BAND`] counts as 0 (VADER's own neutral band).
//!
//! **Dyads**, per article: a gold dyad is an (actor, target) pair of the
//! article's gold statements whose `actor` is not `-`, with the mean of the
//! stances of its `targets` entries; a predicted dyad is a row of the
//! article's `dyads.csv` ([`ArticleReport::dyads`]). A gold dyad is **found**
//! when the article has a predicted dyad with the same source and target,
//! whatever statements it came from; its **sign is right** when the sign of
//! the gold mean (-1, 0 for a mean of exactly 0, +1) equals the sign of the
//! predicted stance, read as 0 within ±[`SIGN_BAND`]. Gold dyads whose target
//! is the source's own actor (`Washington → Washington` for Congress against
//! the President) are counted as gold and also shown apart (`gold_self`):
//! the engine leaves a speaker's own actor out of its targets, so it never
//! finds them.

use std::collections::BTreeMap;
use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::aggregate::{ArticleReport, StatementRow};
use crate::attribution::StatementKind;
use crate::{Article, Engine};

/// Share of a gold content's characters a prediction must cover to count as found.
pub const FOUND_COVERAGE: f64 = 0.3;
/// A predicted sentiment or stance within ± this has sign 0 (the band the
/// dyad table counts conflict and cooperation by).
pub use crate::aggregate::SIGN_BAND;
/// The sign of a predicted score: 0 within ±[`SIGN_BAND`].
pub use crate::aggregate::score_sign as predicted_sign;

/// A span of the article text in code points, end exclusive.
pub type CharSpan = (usize, usize);

/// One gold statement, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldStatement {
    /// 1-based line of the gold file, for messages.
    pub line: usize,
    pub article_id: String,
    /// Exact text of the statement's content in the article.
    pub content: String,
    pub kind: StatementKind,
    pub cue: String,
    /// The speaker as named nearest the statement.
    pub speaker: String,
    /// The fullest naming of the speaker in the article.
    pub speaker_full: String,
    /// The capital the speaker speaks for; `None` for the gold `-`.
    pub actor: Option<String>,
    /// Target actor → stance (-1, 0, +1): the article's gold dyads.
    pub targets: BTreeMap<String, i8>,
    /// Overall valence (-1, 0, +1), against the statement's sentiment.
    pub tone: Option<i8>,
}

/// A gold line as it stands in the file, before validation.
#[derive(Debug, Deserialize)]
struct GoldLine {
    article_id: String,
    content: String,
    kind: String,
    cue: String,
    speaker: String,
    speaker_full: String,
    actor: String,
    #[serde(default)]
    targets: BTreeMap<String, i8>,
    #[serde(default)]
    tone: Option<i8>,
}

pub use super::GoldError;

/// Reads gold statements from JSON Lines text; blank lines are skipped.
/// The first line that is not a valid gold statement is an error.
pub fn parse_gold(text: &str) -> Result<Vec<GoldStatement>, GoldError> {
    let mut gold = Vec::new();
    for (line, g) in super::gold_json_lines::<GoldLine>(text)? {
        let err = |message: String| GoldError { line, message };
        let kind = match g.kind.as_str() {
            "direct" => StatementKind::Direct,
            "partial" => StatementKind::Partial,
            "indirect" => StatementKind::Indirect,
            other => {
                return Err(err(format!(
                    "kind {other:?}: one of direct, partial, indirect"
                )));
            }
        };
        if g.content.is_empty() {
            return Err(err("empty content".into()));
        }
        let out_of_range = |v: i8| !(-1..=1).contains(&v);
        if g.targets.values().any(|&v| out_of_range(v)) || g.tone.is_some_and(out_of_range) {
            return Err(err("targets and tone take -1, 0 or 1".into()));
        }
        let actor = g.actor.trim();
        gold.push(GoldStatement {
            line,
            article_id: g.article_id,
            content: g.content,
            kind,
            cue: g.cue,
            speaker: g.speaker,
            speaker_full: g.speaker_full,
            actor: (actor != "-" && !actor.is_empty()).then(|| actor.to_string()),
            targets: g.targets,
            tone: g.tone,
        });
    }
    Ok(gold)
}

/// Locates each content in `text` in code points, in order: the first
/// occurrence at or after the previous content's start, else the first
/// occurrence anywhere; `None` when the text does not hold it.
pub fn locate<S: AsRef<str>>(text: &str, contents: &[S]) -> Vec<Option<CharSpan>> {
    let mut previous = 0;
    contents
        .iter()
        .map(|content| {
            let content = content.as_ref();
            if content.is_empty() {
                return None;
            }
            let byte = text
                .get(previous..)
                .and_then(|rest| rest.find(content))
                .map(|b| b + previous)
                .or_else(|| text.find(content))?;
            previous = byte;
            let start = text.get(..byte).map_or(0, |s| s.chars().count());
            Some((start, start + content.chars().count()))
        })
        .collect()
}

/// Words that are never name words, capitalised or not.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "its", "of", "on", "or", "the", "their",
    "this", "that", "these", "those", "to", "with",
];

/// The words of a speaker phrase that can name it: lowercased, without
/// surrounding punctuation, possessive `'s` or function words; each with
/// whether it was written capitalised.
pub fn name_words(phrase: &str) -> Vec<(String, bool)> {
    phrase
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '(' | ')'))
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = ["'s", "\u{2019}s", "'", "\u{2019}"]
                .iter()
                .find_map(|p| w.strip_suffix(p))
                .unwrap_or(w);
            w.trim_matches(|c: char| !c.is_alphanumeric())
        })
        .filter(|w| !w.is_empty())
        .map(|w| {
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            (w.to_lowercase(), capitalised)
        })
        .filter(|(w, _)| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

/// Whether a predicted speaker shares a name with the gold speaker or the
/// gold speaker's fullest naming (see the module doc for the rule).
pub fn shares_name(predicted: &str, gold_speaker: &str, gold_full: &str) -> bool {
    let p = name_words(predicted);
    [gold_speaker, gold_full].iter().any(|g| {
        let g = name_words(g);
        let capitalised = |ws: &[(String, bool)]| -> Vec<String> {
            ws.iter().filter(|w| w.1).map(|w| w.0.clone()).collect()
        };
        let long = |ws: &[(String, bool)]| -> Vec<String> {
            ws.iter()
                .filter(|w| w.0.chars().filter(|c| c.is_alphabetic()).count() >= 4)
                .map(|w| w.0.clone())
                .collect()
        };
        let (pc, gc) = (capitalised(&p), capitalised(&g));
        if pc.iter().any(|w| gc.contains(w)) {
            return true;
        }
        (pc.is_empty() || gc.is_empty()) && long(&p).iter().any(|w| long(&g).contains(w))
    })
}

/// How one gold statement fared.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub gold: GoldStatement,
    /// Where the gold content is in the article, in code points.
    pub span: CharSpan,
    pub found: bool,
    pub speaker_right: bool,
    pub actor_right: bool,
    /// Index in the article report's `statements` of the prediction that
    /// found it; `None` when not found.
    pub predicted: Option<usize>,
    /// The finding prediction's kind, speaker, actor and content (empty when
    /// not found).
    pub predicted_kind: Option<StatementKind>,
    pub predicted_speaker: String,
    pub predicted_actor: Option<String>,
    pub predicted_text: String,
    /// The finding prediction's sentiment (`None` when not found).
    pub predicted_sentiment: Option<f64>,
    /// Found, with a gold tone that the predicted sentiment's sign matches.
    pub tone_right: bool,
}

/// How one gold dyad of an article fared.
#[derive(Debug, Clone, PartialEq)]
pub struct DyadOutcome {
    pub source: String,
    pub target: String,
    /// The mean of the gold stances of the pair in the article, and how many.
    pub gold_stance: f64,
    pub gold_statements: usize,
    /// The predicted dyad's stance; `None` when the article has no such dyad.
    pub predicted_stance: Option<f64>,
    pub sign_right: bool,
}

/// Dyad counts: gold dyads, found, found with the right sign, gold dyads
/// whose target is the source itself, and predicted dyads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DyadCounts {
    pub gold: usize,
    pub found: usize,
    pub sign_right: usize,
    pub gold_self: usize,
    pub predicted: usize,
}

impl DyadCounts {
    fn add(&mut self, o: DyadCounts) {
        self.gold += o.gold;
        self.found += o.found;
        self.sign_right += o.sign_right;
        self.gold_self += o.gold_self;
        self.predicted += o.predicted;
    }
}

/// The sign of a gold mean stance: exactly 0 is 0.
fn gold_sign(mean: f64) -> i8 {
    if mean > 0.0 {
        1
    } else if mean < 0.0 {
        -1
    } else {
        0
    }
}

/// The gold dyads of one article (in order of first gold line, then target
/// name) against its predicted dyads.
pub fn evaluate_dyads(
    gold: &[(GoldStatement, CharSpan)],
    report: &ArticleReport,
) -> (DyadCounts, Vec<DyadOutcome>) {
    let mut pairs: Vec<(String, String, Vec<i8>)> = Vec::new();
    for (g, _) in gold {
        let Some(source) = &g.actor else { continue };
        for (target, &stance) in &g.targets {
            match pairs
                .iter_mut()
                .find(|(s, t, _)| s == source && t == target)
            {
                Some(p) => p.2.push(stance),
                None => pairs.push((source.clone(), target.clone(), vec![stance])),
            }
        }
    }
    let mut counts = DyadCounts {
        predicted: report.dyads.len(),
        ..DyadCounts::default()
    };
    let outcomes = pairs
        .into_iter()
        .map(|(source, target, stances)| {
            let gold_stance =
                stances.iter().map(|&v| f64::from(v)).sum::<f64>() / stances.len().max(1) as f64;
            let predicted_stance = report
                .dyads
                .iter()
                .find(|d| d.source == source && d.target == target)
                .map(|d| d.stance);
            let sign_right =
                predicted_stance.is_some_and(|p| predicted_sign(p) == gold_sign(gold_stance));
            counts.add(DyadCounts {
                gold: 1,
                found: predicted_stance.is_some() as usize,
                sign_right: sign_right as usize,
                gold_self: (source == target) as usize,
                predicted: 0,
            });
            DyadOutcome {
                gold_statements: stances.len(),
                source,
                target,
                gold_stance,
                predicted_stance,
                sign_right,
            }
        })
        .collect();
    (counts, outcomes)
}

/// Counts for one kind of statement (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Gold statements of the kind, and how they fared.
    pub gold: usize,
    pub found: usize,
    pub speaker_right: usize,
    pub actor_right: usize,
    /// Found with speaker and actor right.
    pub all_right: usize,
    /// Predicted statements of the kind, and those that overlap gold content.
    pub predicted: usize,
    pub precise: usize,
    /// Found statements with a gold tone, and those whose predicted
    /// sentiment has its sign.
    pub tone_gold: usize,
    pub tone_right: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.speaker_right += o.speaker_right;
        self.actor_right += o.actor_right;
        self.all_right += o.all_right;
        self.predicted += o.predicted;
        self.precise += o.precise;
        self.tone_gold += o.tone_gold;
        self.tone_right += o.tone_right;
    }
}

/// Counts by kind: direct, partial, indirect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    pub direct: Counts,
    pub partial: Counts,
    pub indirect: Counts,
}

impl KindCounts {
    fn of(&mut self, kind: StatementKind) -> &mut Counts {
        match kind {
            StatementKind::Direct => &mut self.direct,
            StatementKind::Partial => &mut self.partial,
            StatementKind::Indirect => &mut self.indirect,
        }
    }

    fn add(&mut self, o: &KindCounts) {
        self.direct.add(o.direct);
        self.partial.add(o.partial);
        self.indirect.add(o.indirect);
    }

    /// The three kinds together.
    pub fn all(&self) -> Counts {
        let mut c = self.direct;
        c.add(self.partial);
        c.add(self.indirect);
        c
    }
}

/// The evaluation of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleEval {
    pub article_id: String,
    pub counts: KindCounts,
    /// One per gold statement, in gold file order.
    pub outcomes: Vec<Outcome>,
    pub dyad_counts: DyadCounts,
    /// One per gold dyad, in order of its first gold line.
    pub dyads: Vec<DyadOutcome>,
}

fn overlap(a: CharSpan, b: CharSpan) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn span_of(s: &StatementRow) -> CharSpan {
    (s.start, s.end)
}

/// Evaluates one article's predicted statements against its gold statements,
/// each given with its located span.
pub fn evaluate_article(gold: &[(GoldStatement, CharSpan)], report: &ArticleReport) -> ArticleEval {
    let mut counts = KindCounts::default();
    let mut outcomes = Vec::with_capacity(gold.len());
    for (g, span) in gold {
        let length = span.1.saturating_sub(span.0);
        // The prediction that covers most; the first of equals.
        let mut best: Option<(usize, usize)> = None;
        for (k, p) in report.statements.iter().enumerate() {
            let o = overlap(*span, span_of(p));
            if o > 0 && best.is_none_or(|(_, b)| o > b) {
                best = Some((k, o));
            }
        }
        let found = best
            .filter(|&(_, o)| length > 0 && o as f64 / length as f64 > FOUND_COVERAGE)
            .map(|(k, _)| k);
        let p = found.and_then(|k| report.statements.get(k));
        let speaker_right = p.is_some_and(|p| shares_name(&p.speaker, &g.speaker, &g.speaker_full));
        let actor_right =
            p.is_some_and(|p| p.actor.as_deref().filter(|a| !a.is_empty()) == g.actor.as_deref());
        let tone_gold = p.is_some() && g.tone.is_some();
        let tone_right = p.is_some_and(|p| g.tone == Some(predicted_sign(p.sentiment)));
        counts.of(g.kind).add(Counts {
            gold: 1,
            found: p.is_some() as usize,
            speaker_right: speaker_right as usize,
            actor_right: actor_right as usize,
            all_right: (speaker_right && actor_right) as usize,
            tone_gold: tone_gold as usize,
            tone_right: tone_right as usize,
            ..Counts::default()
        });
        outcomes.push(Outcome {
            gold: g.clone(),
            span: *span,
            found: p.is_some(),
            speaker_right,
            actor_right,
            predicted: found,
            predicted_kind: p.map(|p| p.kind),
            predicted_speaker: p.map(|p| p.speaker.clone()).unwrap_or_default(),
            predicted_actor: p.and_then(|p| p.actor.clone()),
            predicted_text: p.map(|p| p.text.clone()).unwrap_or_default(),
            predicted_sentiment: p.map(|p| p.sentiment),
            tone_right,
        });
    }
    for p in &report.statements {
        let precise = gold.iter().any(|(_, s)| overlap(*s, span_of(p)) > 0);
        counts.of(p.kind).add(Counts {
            predicted: 1,
            precise: precise as usize,
            ..Counts::default()
        });
    }
    let (dyad_counts, dyads) = evaluate_dyads(gold, report);
    ArticleEval {
        article_id: report.article_id.clone(),
        counts,
        outcomes,
        dyad_counts,
        dyads,
    }
}

/// Counts and their rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Rates {
    #[serde(flatten)]
    pub counts: Counts,
    /// found / gold
    pub found_rate: f64,
    /// speaker right / found
    pub speaker_right_of_found: f64,
    /// actor right / found
    pub actor_right_of_found: f64,
    /// found with speaker and actor right / gold
    pub end_to_end: f64,
    /// precise / predicted
    pub precision: f64,
    /// tone right / found with a gold tone
    pub tone_agreement: f64,
}

impl From<Counts> for Rates {
    fn from(c: Counts) -> Rates {
        Rates {
            counts: c,
            found_rate: ratio(c.found, c.gold),
            speaker_right_of_found: ratio(c.speaker_right, c.found),
            actor_right_of_found: ratio(c.actor_right, c.found),
            end_to_end: ratio(c.all_right, c.gold),
            precision: ratio(c.precise, c.predicted),
            tone_agreement: ratio(c.tone_right, c.tone_gold),
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Dyad counts and their rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DyadRates {
    #[serde(flatten)]
    pub counts: DyadCounts,
    /// found / gold
    pub recall: f64,
    /// sign right / found
    pub sign_right_of_found: f64,
}

impl From<DyadCounts> for DyadRates {
    fn from(c: DyadCounts) -> DyadRates {
        DyadRates {
            counts: c,
            recall: ratio(c.found, c.gold),
            sign_right_of_found: ratio(c.sign_right, c.found),
        }
    }
}

/// Figures over all articles: what `--json` prints.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub direct: Rates,
    pub partial: Rates,
    pub indirect: Rates,
    pub all: Rates,
    pub dyads: DyadRates,
}

/// The whole evaluation: figures, and every gold statement's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub summary: Summary,
    pub articles: Vec<ArticleEval>,
}

impl Evaluation {
    /// Every gold statement's outcome, in article order, then gold file order.
    pub fn outcomes(&self) -> impl Iterator<Item = &Outcome> {
        self.articles.iter().flat_map(|a| a.outcomes.iter())
    }

    /// Every gold dyad's outcome with its article id, in article order.
    pub fn dyads(&self) -> impl Iterator<Item = (&str, &DyadOutcome)> {
        self.articles
            .iter()
            .flat_map(|a| a.dyads.iter().map(|d| (a.article_id.as_str(), d)))
    }
}

/// Scores every article that has gold statements (in order of its first gold
/// line) and evaluates it. An article missing from `articles` (the first of
/// an id is used) or a content its text does not hold is an error naming the
/// gold line.
pub fn evaluate(
    gold: &[GoldStatement],
    articles: &[Article],
    engine: &Engine,
) -> Result<Evaluation, GoldError> {
    let mut ids: Vec<&str> = Vec::new();
    for g in gold {
        if !ids.contains(&g.article_id.as_str()) {
            ids.push(&g.article_id);
        }
    }
    let mut evals = Vec::with_capacity(ids.len());
    let mut total = KindCounts::default();
    let mut dyads = DyadCounts::default();
    for id in ids {
        let lines: Vec<&GoldStatement> = gold.iter().filter(|g| g.article_id == id).collect();
        let Some(article) = articles.iter().find(|a| a.id == id) else {
            let line = lines.first().map_or(0, |g| g.line);
            return Err(GoldError {
                line,
                message: format!("article {id} is not among the articles"),
            });
        };
        let spans = locate(
            &article.text,
            &lines.iter().map(|g| g.content.as_str()).collect::<Vec<_>>(),
        );
        let mut located = Vec::with_capacity(lines.len());
        for (g, span) in lines.iter().zip(spans) {
            let Some(span) = span else {
                return Err(GoldError {
                    line: g.line,
                    message: format!("content not found in the text of article {id}"),
                });
            };
            located.push(((*g).clone(), span));
        }
        let report = engine.score(article);
        let e = evaluate_article(&located, &report);
        total.add(&e.counts);
        dyads.add(e.dyad_counts);
        evals.push(e);
    }
    Ok(Evaluation {
        summary: Summary {
            articles: evals.len(),
            direct: total.direct.into(),
            partial: total.partial.into(),
            indirect: total.indirect.into(),
            all: total.all().into(),
            dyads: dyads.into(),
        },
        articles: evals,
    })
}

/// The summary as a table for the terminal.
pub fn format_table(s: &Summary) -> String {
    let pct = |v: f64| format!("{:.1}%", v * 100.0);
    let mut out = String::new();
    out.push_str(&format!(
        "articles: {}, gold statements: {}, predicted statements: {}\n",
        s.articles, s.all.counts.gold, s.all.counts.predicted
    ));
    out.push_str(&format!(
        "{:<12}{:>6}{:>9}{:>16}{:>14}{:>13}{:>11}{:>12}{:>13}\n",
        "",
        "gold",
        "found",
        "speaker right",
        "actor right",
        "end to end",
        "predicted",
        "precision",
        "tone agrees"
    ));
    for (name, r) in [
        ("direct", &s.direct),
        ("partial", &s.partial),
        ("indirect", &s.indirect),
        ("all", &s.all),
    ] {
        out.push_str(&format!(
            "{:<12}{:>6}{:>9}{:>16}{:>14}{:>13}{:>11}{:>12}{:>13}\n",
            name,
            r.counts.gold,
            pct(r.found_rate),
            pct(r.speaker_right_of_found),
            pct(r.actor_right_of_found),
            pct(r.end_to_end),
            r.counts.predicted,
            pct(r.precision),
            pct(r.tone_agreement)
        ));
    }
    let d = &s.dyads;
    out.push_str(&format!(
        "dyads: gold {} ({} of an actor to itself), found {} ({}), sign right {} ({} of found), predicted {}\n",
        d.counts.gold,
        d.counts.gold_self,
        d.counts.found,
        pct(d.recall),
        d.counts.sign_right,
        pct(d.sign_right_of_found),
        d.counts.predicted
    ));
    out
}

/// Writes one CSV row per gold statement, so a developer sees every miss.
/// Columns: `article_id, found, speaker_right, actor_right, gold_speaker,
/// predicted_speaker, gold_actor, predicted_actor, gold_content`, then `kind,
/// cue, gold_speaker_full, predicted_kind, predicted_content, gold_line,
/// gold_tone, predicted_sentiment` (4 decimals).
/// Flags are `1`/`0`; no actor is an empty cell on both sides (the gold `-`);
/// predicted cells are empty when the statement was not found.
pub fn write_details<W: Write>(eval: &Evaluation, writer: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(writer);
    w.write_record([
        "article_id",
        "found",
        "speaker_right",
        "actor_right",
        "gold_speaker",
        "predicted_speaker",
        "gold_actor",
        "predicted_actor",
        "gold_content",
        "kind",
        "cue",
        "gold_speaker_full",
        "predicted_kind",
        "predicted_content",
        "gold_line",
        "gold_tone",
        "predicted_sentiment",
    ])?;
    let flag = |b: bool| if b { "1" } else { "0" };
    for o in eval.outcomes() {
        let g = &o.gold;
        w.write_record([
            g.article_id.as_str(),
            flag(o.found),
            flag(o.speaker_right),
            flag(o.actor_right),
            &g.speaker,
            &o.predicted_speaker,
            g.actor.as_deref().unwrap_or(""),
            o.predicted_actor.as_deref().unwrap_or(""),
            &g.content,
            g.kind.as_str(),
            &g.cue,
            &g.speaker_full,
            o.predicted_kind.map_or("", StatementKind::as_str),
            &o.predicted_text,
            &g.line.to_string(),
            &g.tone.map(|t| t.to_string()).unwrap_or_default(),
            &o.predicted_sentiment
                .map(|v| format!("{v:.4}"))
                .unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Write one CSV row per gold dyad: the article, source and target, the gold
/// mean stance and how many gold statements it averages, the predicted stance
/// (empty when the article has no such dyad) and whether the signs agree.
pub fn write_dyad_details<W: Write>(eval: &Evaluation, writer: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(writer);
    w.write_record([
        "article_id",
        "source",
        "target",
        "gold_stance",
        "gold_statements",
        "predicted_stance",
        "sign_right",
    ])?;
    for (article_id, d) in eval.dyads() {
        w.write_record([
            article_id,
            &d.source,
            &d.target,
            &format!("{:.4}", d.gold_stance),
            &d.gold_statements.to_string(),
            &d.predicted_stance
                .map(|v| format!("{v:.4}"))
                .unwrap_or_default(),
            if d.sign_right { "1" } else { "0" },
        ])?;
    }
    w.flush()?;
    Ok(())
}
