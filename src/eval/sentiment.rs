//! `stance eval sentiment`: the sentiment scorer against human ratings or
//! labels, in VADER mode and news mode side by side.
//!
//! Gold is a file of texts with a human judgement:
//! - **NewsMTSC** (JSON Lines with `sentence_normalized` and `targets`, as in
//!   ../shared/data/newsmtsc): read as whole-sentence polarity. Each target's
//!   `polarity` maps 2.0 -> negative (-1), 4.0 -> neutral (0), 6.0 -> positive
//!   (+1); a sentence whose targets all agree takes that label; a sentence whose
//!   targets disagree ("mixed") has no whole-sentence label and is skipped (and
//!   counted).
//! - **JSON Lines** with a text field (`text`, `content`, `sentence` or
//!   `sentence_normalized`, or `--text-field`) and a label field (`label`,
//!   `tone`, `rating`, `sentiment`, `polarity` or `score`, or `--label-field`).
//! - **CSV / TSV** with a header row naming the same columns.
//!
//! A label is a number (a rating: `--center` is its neutral point, 0 unless
//! told; below is negative, above positive) or a word (`negative`/`neg`,
//! `neutral`/`neu`, `positive`/`pos`, any case).
//!
//! Figures, per mode: Pearson r between the compound score and the rating;
//! accuracy and macro-F1 over the three classes, a compound at or beyond ± the
//! mode's threshold ([`SentimentMode::threshold`]) counting as positive or
//! negative.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use serde_json::Value;

use crate::scoring::news::SentimentMode;
use crate::scoring::vader::Vader;

/// Field names tried, in order, for the text of a JSON line or CSV row.
pub const TEXT_FIELDS: [&str; 4] = ["text", "content", "sentence", "sentence_normalized"];
/// Field names tried, in order, for the human judgement.
pub const LABEL_FIELDS: [&str; 6] = ["label", "tone", "rating", "sentiment", "polarity", "score"];

/// One gold text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldText {
    pub text: String,
    /// The rating, centred (0 is neutral); for labels -1, 0 or +1.
    pub rating: f64,
    /// The class: -1, 0 or +1.
    pub label: i8,
}

/// A gold file as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gold {
    /// `NewsMTSC`, `JSON Lines` or `CSV`.
    pub format: &'static str,
    pub texts: Vec<GoldText>,
    /// NewsMTSC sentences whose targets disagree.
    pub skipped_mixed: usize,
    /// Lines that could not be read, one message each (`file:line: ...`).
    pub problems: Vec<String>,
}

/// How to read a gold file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldOptions {
    pub text_field: Option<String>,
    pub label_field: Option<String>,
    /// The neutral point of numeric ratings.
    pub center: f64,
}

/// Reads a gold file: NewsMTSC or JSON Lines by a `.jsonl`/`.json`/`.ndjson`
/// extension, CSV or TSV by `.csv`/`.tsv`.
pub fn read_gold(path: &Path, options: &GoldOptions) -> Result<Gold, String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "jsonl" | "json" | "ndjson" => parse_jsonl(&text, &name, options),
        "csv" => parse_csv(&text, b',', &name, options),
        "tsv" => parse_csv(&text, b'\t', &name, options),
        _ => Err(format!(
            "{name}: unknown gold format: name a .jsonl, .csv or .tsv file"
        )),
    }
}

/// Reads JSON Lines gold: NewsMTSC if its first object has
/// `sentence_normalized` and `targets`, else text and label fields.
pub fn parse_jsonl(text: &str, name: &str, options: &GoldOptions) -> Result<Gold, String> {
    let mut gold = Gold {
        format: "JSON Lines",
        ..Gold::default()
    };
    let mut newsmtsc = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = format!("{name}:{}", i + 1);
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                gold.problems.push(format!("{at}: not JSON: {e}"));
                continue;
            }
        };
        let is_newsmtsc = *newsmtsc.get_or_insert_with(|| {
            value.get("sentence_normalized").is_some() && value.get("targets").is_some()
        });
        let read = if is_newsmtsc {
            gold.format = "NewsMTSC";
            newsmtsc_text(&value)
        } else {
            json_text(&value, options)
        };
        match read {
            Ok(Some(t)) => gold.texts.push(t),
            Ok(None) => gold.skipped_mixed += 1,
            Err(e) => gold.problems.push(format!("{at}: {e}")),
        }
    }
    if gold.texts.is_empty() {
        return Err(format!("{name}: no gold texts{}", first_problem(&gold)));
    }
    Ok(gold)
}

/// A NewsMTSC line as whole-sentence gold; `None` when its targets disagree.
fn newsmtsc_text(value: &Value) -> Result<Option<GoldText>, String> {
    let text = value
        .get("sentence_normalized")
        .and_then(Value::as_str)
        .ok_or("no sentence_normalized")?;
    let targets = value
        .get("targets")
        .and_then(Value::as_array)
        .ok_or("no targets")?;
    let mut label = None;
    for target in targets {
        let polarity = target
            .get("polarity")
            .and_then(Value::as_f64)
            .ok_or("a target without a numeric polarity")?;
        let this = newsmtsc_label(polarity)
            .ok_or_else(|| format!("polarity {polarity} is not 2.0, 4.0 or 6.0"))?;
        match label {
            None => label = Some(this),
            Some(l) if l == this => {}
            Some(_) => return Ok(None),
        }
    }
    let label = label.ok_or("no targets")?;
    Ok(Some(GoldText {
        text: text.to_string(),
        rating: f64::from(label),
        label,
    }))
}

/// NewsMTSC's polarity scale: 2.0 negative, 4.0 neutral, 6.0 positive.
pub fn newsmtsc_label(polarity: f64) -> Option<i8> {
    if polarity == 2.0 {
        Some(-1)
    } else if polarity == 4.0 {
        Some(0)
    } else if polarity == 6.0 {
        Some(1)
    } else {
        None
    }
}

fn json_text(value: &Value, options: &GoldOptions) -> Result<Option<GoldText>, String> {
    let field = |wanted: &Option<String>, names: &[&str]| -> Option<(String, Value)> {
        match wanted {
            Some(f) => value.get(f).map(|v| (f.clone(), v.clone())),
            None => names
                .iter()
                .find_map(|f| value.get(*f).map(|v| (f.to_string(), v.clone()))),
        }
    };
    let (_, text) = field(&options.text_field, &TEXT_FIELDS)
        .ok_or_else(|| missing("text", &options.text_field, &TEXT_FIELDS))?;
    let text = text.as_str().ok_or("the text is not a string")?.to_string();
    let (label_name, label) = field(&options.label_field, &LABEL_FIELDS)
        .ok_or_else(|| missing("label", &options.label_field, &LABEL_FIELDS))?;
    let (rating, label) = match &label {
        Value::Number(n) => n.as_f64().and_then(|x| rating_label(x, options.center)),
        Value::String(s) => parse_label(s, options.center),
        _ => None,
    }
    .ok_or_else(|| format!("{label_name} {label} is not a rating or a label"))?;
    Ok(Some(GoldText {
        text,
        rating,
        label,
    }))
}

fn missing(what: &str, wanted: &Option<String>, names: &[&str]) -> String {
    match wanted {
        Some(f) => format!("no {what} field {f:?}"),
        None => format!("no {what} field (one of {})", names.join(", ")),
    }
}

/// A numeric rating, centred, and its class.
fn rating_label(x: f64, center: f64) -> Option<(f64, i8)> {
    if !x.is_finite() {
        return None;
    }
    let r = x - center;
    let label = if r > 0.0 {
        1
    } else if r < 0.0 {
        -1
    } else {
        0
    };
    Some((r, label))
}

/// A label cell: a number, or a class name.
pub fn parse_label(cell: &str, center: f64) -> Option<(f64, i8)> {
    let cell = cell.trim();
    if let Ok(x) = cell.parse::<f64>() {
        return rating_label(x, center);
    }
    let label = match cell.to_ascii_lowercase().as_str() {
        "negative" | "neg" => -1,
        "neutral" | "neu" => 0,
        "positive" | "pos" => 1,
        _ => return None,
    };
    Some((f64::from(label), label))
}

/// Reads CSV or TSV gold with a header row.
pub fn parse_csv(
    text: &str,
    delimiter: u8,
    name: &str,
    options: &GoldOptions,
) -> Result<Gold, String> {
    let mut gold = Gold {
        format: "CSV",
        ..Gold::default()
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("{name}: no header row: {e}"))?
        .clone();
    let column = |wanted: &Option<String>, names: &[&str], what: &str| {
        let found = match wanted {
            Some(f) => headers.iter().position(|h| h == f),
            None => names
                .iter()
                .find_map(|n| headers.iter().position(|h| h == *n)),
        };
        found.ok_or_else(|| format!("{name}: {}", missing(what, wanted, names)))
    };
    let text_col = column(&options.text_field, &TEXT_FIELDS, "text")?;
    let label_col = column(&options.label_field, &LABEL_FIELDS, "label")?;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                gold.problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let (Some(text), Some(cell)) = (record.get(text_col), record.get(label_col)) else {
            gold.problems
                .push(format!("{name}:{line}: missing text or label cell"));
            continue;
        };
        match parse_label(cell, options.center) {
            Some((rating, label)) => gold.texts.push(GoldText {
                text: text.to_string(),
                rating,
                label,
            }),
            None => gold.problems.push(format!(
                "{name}:{line}: {cell:?} is not a rating or a label"
            )),
        }
    }
    if gold.texts.is_empty() {
        return Err(format!("{name}: no gold texts{}", first_problem(&gold)));
    }
    Ok(gold)
}

fn first_problem(gold: &Gold) -> String {
    gold.problems
        .first()
        .map(|p| format!(" (first problem: {p})"))
        .unwrap_or_default()
}

/// The figures of one mode.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModeFigures {
    pub mode: &'static str,
    /// The compound threshold of the classes.
    pub threshold: f64,
    pub pearson_r: f64,
    pub accuracy: f64,
    pub macro_f1: f64,
    /// F1 of negative, neutral and positive.
    pub f1: [f64; 3],
    /// `confusion[gold][predicted]`, classes in the order negative, neutral, positive.
    pub confusion: [[usize; 3]; 3],
    /// Text scored per second on one thread, in MB.
    pub mb_per_second: f64,
}

/// What `stance eval sentiment` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub gold: String,
    pub format: &'static str,
    pub texts: usize,
    /// Gold texts of each class: negative, neutral, positive.
    pub classes: [usize; 3],
    pub skipped_mixed: usize,
    pub skipped_unreadable: usize,
    pub modes: Vec<ModeFigures>,
}

/// Scores every gold text in each mode and measures.
pub fn evaluate(name: &str, gold: &Gold, vader: &Vader) -> Summary {
    let mut classes = [0; 3];
    for t in &gold.texts {
        classes[class_index(t.label)] += 1;
    }
    let modes = SentimentMode::ALL
        .iter()
        .map(|&mode| {
            let started = Instant::now();
            let scores: Vec<f64> = gold
                .texts
                .iter()
                .map(|t| vader.score_text(mode, &t.text).compound)
                .collect();
            let seconds = started.elapsed().as_secs_f64();
            let bytes: usize = gold.texts.iter().map(|t| t.text.len()).sum();
            let mut figures = figures(mode, &scores, &gold.texts);
            figures.mb_per_second = if seconds > 0.0 {
                bytes as f64 / seconds / 1e6
            } else {
                0.0
            };
            figures
        })
        .collect();
    Summary {
        gold: name.to_string(),
        format: gold.format,
        texts: gold.texts.len(),
        classes,
        skipped_mixed: gold.skipped_mixed,
        skipped_unreadable: gold.problems.len(),
        modes,
    }
}

fn class_index(label: i8) -> usize {
    match label {
        l if l < 0 => 0,
        0 => 1,
        _ => 2,
    }
}

/// Accuracy, macro-F1 and Pearson r of `scores` (compounds) against `gold`.
pub fn figures(mode: SentimentMode, scores: &[f64], gold: &[GoldText]) -> ModeFigures {
    let mut confusion = [[0usize; 3]; 3];
    for (&score, g) in scores.iter().zip(gold) {
        confusion[class_index(g.label)][class_index(mode.label(score))] += 1;
    }
    let total: usize = confusion.iter().flatten().sum();
    let correct: usize = (0..3).map(|c| confusion[c][c]).sum();
    let mut f1 = [0.0; 3];
    for (c, f) in f1.iter_mut().enumerate() {
        let tp = confusion[c][c] as f64;
        let predicted: usize = (0..3).map(|g| confusion[g][c]).sum();
        let actual: usize = confusion[c].iter().sum();
        let precision = if predicted > 0 {
            tp / predicted as f64
        } else {
            0.0
        };
        let recall = if actual > 0 { tp / actual as f64 } else { 0.0 };
        *f = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
    }
    let ratings: Vec<f64> = gold.iter().map(|g| g.rating).collect();
    ModeFigures {
        mode: mode.name(),
        threshold: mode.threshold(),
        pearson_r: pearson(scores, &ratings),
        accuracy: if total > 0 {
            correct as f64 / total as f64
        } else {
            0.0
        },
        macro_f1: f1.iter().sum::<f64>() / 3.0,
        f1,
        confusion,
        mb_per_second: 0.0,
    }
}

/// Pearson's correlation coefficient (0 when either side is constant).
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n == 0 {
        return 0.0;
    }
    let mean = |v: &[f64]| v.iter().take(n).sum::<f64>() / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y).take(n) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Writes one CSV row per gold text: the text, its gold label and rating, and
/// for each mode the compound, the class and the evidence (`entry weight; ...`).
pub fn write_details<W: std::io::Write>(
    gold: &Gold,
    vader: &Vader,
    out: W,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec!["text".to_string(), "gold".to_string(), "rating".to_string()];
    for mode in SentimentMode::ALL {
        for column in ["sentiment", "class", "evidence"] {
            header.push(format!("{}_{column}", mode.name()));
        }
    }
    w.write_record(&header)?;
    let mut evidence = Vec::new();
    for t in &gold.texts {
        let mut row = vec![t.text.clone(), t.label.to_string(), format!("{}", t.rating)];
        for mode in SentimentMode::ALL {
            evidence.clear();
            let p = vader.score_with_evidence(mode, &t.text, &mut evidence);
            row.push(format!("{:.4}", p.compound));
            row.push(mode.label(p.compound).to_string());
            let entries: Vec<String> = evidence
                .iter()
                .map(|e| format!("{} {:.2}", e.entry, e.weight))
                .collect();
            row.push(entries.join("; "));
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// The figures as a table, modes side by side.
pub fn format_table(s: &Summary) -> String {
    let mut out = format!(
        "gold: {} ({}): {} texts (negative {}, neutral {}, positive {})",
        s.gold, s.format, s.texts, s.classes[0], s.classes[1], s.classes[2]
    );
    if s.skipped_mixed > 0 {
        out.push_str(&format!(
            "; {} with targets of mixed polarity skipped",
            s.skipped_mixed
        ));
    }
    if s.skipped_unreadable > 0 {
        out.push_str(&format!(
            "; {} unreadable lines skipped",
            s.skipped_unreadable
        ));
    }
    out.push('\n');
    out.push_str(&format!(
        "{:<8}{:>11}{:>11}{:>10}{:>10}{:>10}{:>10}{:>11}{:>10}\n",
        "mode",
        "threshold",
        "pearson r",
        "accuracy",
        "macro F1",
        "F1 neg",
        "F1 neu",
        "F1 pos",
        "MB/s"
    ));
    for m in &s.modes {
        out.push_str(&format!(
            "{:<8}{:>11}{:>11.3}{:>10.1}{:>10.1}{:>10.1}{:>10.1}{:>11.1}{:>10.1}\n",
            m.mode,
            format!("±{}", m.threshold),
            m.pearson_r,
            m.accuracy * 100.0,
            m.macro_f1 * 100.0,
            m.f1[0] * 100.0,
            m.f1[1] * 100.0,
            m.f1[2] * 100.0,
            m.mb_per_second
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsmtsc_lines_map_polarities_and_skip_mixed_sentences() {
        let text = concat!(
            r#"{"sentence_normalized": "A was praised.", "targets": [{"polarity": 6.0}]}"#,
            "\n",
            r#"{"sentence_normalized": "A met B.", "targets": [{"polarity": 4.0}, {"polarity": 4.0}]}"#,
            "\n",
            r#"{"sentence_normalized": "A beat B.", "targets": [{"polarity": 6.0}, {"polarity": 2.0}]}"#,
            "\n",
            r#"{"sentence_normalized": "A lied.", "targets": [{"polarity": 2.0}]}"#,
            "\n",
            "not json\n",
        );
        let gold = parse_jsonl(text, "g.jsonl", &GoldOptions::default()).expect("gold");
        assert_eq!(gold.format, "NewsMTSC");
        let labels: Vec<i8> = gold.texts.iter().map(|t| t.label).collect();
        assert_eq!(labels, [1, 0, -1]);
        assert_eq!(gold.skipped_mixed, 1);
        assert_eq!(gold.problems.len(), 1);
        assert!(gold.problems[0].starts_with("g.jsonl:5: not JSON"));
    }

    #[test]
    fn json_lines_find_content_and_tone() {
        let text = concat!(
            r#"{"article_id": "a", "content": "we regret it", "tone": -1}"#,
            "\n",
            r#"{"article_id": "a", "content": "talks went on", "tone": 0}"#,
            "\n",
        );
        let gold = parse_jsonl(text, "d.jsonl", &GoldOptions::default()).expect("gold");
        assert_eq!(gold.format, "JSON Lines");
        assert_eq!(gold.texts[0].text, "we regret it");
        assert_eq!((gold.texts[0].rating, gold.texts[0].label), (-1.0, -1));
        assert_eq!(gold.texts[1].label, 0);
    }

    #[test]
    fn csv_labels_are_words_or_centred_numbers() {
        let text = "text,rating\ngood day,5\nso-so,3\nbad day,1\n";
        let options = GoldOptions {
            center: 3.0,
            ..GoldOptions::default()
        };
        let gold = parse_csv(text, b',', "r.csv", &options).expect("gold");
        let got: Vec<(f64, i8)> = gold.texts.iter().map(|t| (t.rating, t.label)).collect();
        assert_eq!(got, [(2.0, 1), (0.0, 0), (-2.0, -1)]);
        assert_eq!(parse_label("Negative", 0.0), Some((-1.0, -1)));
        assert_eq!(parse_label("pos", 0.0), Some((1.0, 1)));
        assert_eq!(parse_label("meh", 0.0), None);
    }

    #[test]
    fn figures_count_classes_by_threshold() {
        let gold: Vec<GoldText> = [(-1, "a"), (0, "b"), (1, "c"), (1, "d")]
            .into_iter()
            .map(|(l, t)| GoldText {
                text: t.to_string(),
                rating: f64::from(l),
                label: l,
            })
            .collect();
        // VADER's threshold is 0.05: -0.5 neg, 0.01 neu, 0.6 pos, -0.2 neg (wrong).
        let f = figures(SentimentMode::Vader, &[-0.5, 0.01, 0.6, -0.2], &gold);
        assert_eq!(f.confusion, [[1, 0, 0], [0, 1, 0], [1, 0, 1]]);
        assert_eq!(f.accuracy, 0.75);
        // F1: neg 2/3, neu 1, pos 2/3.
        assert!((f.macro_f1 - (2.0 / 3.0 + 1.0 + 2.0 / 3.0) / 3.0).abs() < 1e-12);
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 1.0], &[0.0, 1.0]), 0.0);
    }
}
