//! Summaries over a whole batch: per actor and per dyad, the articles, the
//! statements, and the mean and spread of sentiment and stance — over all
//! articles, or per period of the articles' dates (`--by month|week|day`).
//!
//! Every statement counts once (as in `actors.csv`); the spread is the sample
//! standard deviation (empty for fewer than two statements). Articles without
//! a date that can be read (`YYYY-MM-DD`, optionally followed by a time) fall
//! in the period `undated`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use crate::aggregate::ArticleReport;
use crate::output::format_score;

/// The header of `summary_actors.csv`.
pub const ACTORS_HEADER: [&str; 9] = [
    "period",
    "actor",
    "articles",
    "mentions",
    "statements",
    "sentiment_mean",
    "sentiment_sd",
    "stance_mean",
    "stance_sd",
];
/// The header of `summary_dyads.csv`.
pub const DYADS_HEADER: [&str; 7] = [
    "period",
    "source",
    "target",
    "articles",
    "statements",
    "stance_mean",
    "stance_sd",
];

/// How to group articles in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// One group: `all`.
    All,
    /// `2019-08-22`.
    Day,
    /// ISO 8601 week: `2019-W34`.
    Week,
    /// `2019-08`.
    Month,
}

impl Period {
    /// The period label of a date, or `undated`.
    pub fn label(self, date: Option<&str>) -> String {
        if self == Period::All {
            return "all".to_string();
        }
        let Some((y, m, d)) = date.and_then(parse_date) else {
            return "undated".to_string();
        };
        match self {
            Period::All => "all".to_string(),
            Period::Day => format!("{y:04}-{m:02}-{d:02}"),
            Period::Month => format!("{y:04}-{m:02}"),
            Period::Week => {
                let (wy, w) = iso_week(y, m, d);
                format!("{wy:04}-W{w:02}")
            }
        }
    }
}

/// `YYYY-MM-DD` at the start of a string, checked to be a calendar date.
fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if b.get(10).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's `days_from_civil`.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// ISO 8601 week-numbering year and week of a date.
fn iso_week(y: i32, m: u32, d: u32) -> (i32, u32) {
    let days = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday; ISO weekdays run Monday = 1 .. Sunday = 7.
    let weekday = (days + 3).rem_euclid(7) + 1;
    let thursday = days - weekday + 4;
    let year_of_thursday = {
        let mut yy = y + 1;
        while days_from_civil(yy, 1, 1) > thursday {
            yy -= 1;
        }
        yy
    };
    let week = (thursday - days_from_civil(year_of_thursday, 1, 1)) / 7 + 1;
    (year_of_thursday, week as u32)
}

/// Running count, mean and spread (Welford).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spread {
    pub n: usize,
    mean: f64,
    m2: f64,
}

impl Spread {
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
    }

    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then_some(self.mean)
    }

    /// Sample standard deviation; `None` for fewer than two values.
    pub fn sd(&self) -> Option<f64> {
        (self.n > 1).then(|| (self.m2 / (self.n - 1) as f64).sqrt())
    }
}

/// One row of `summary_actors.csv`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorSummary {
    pub articles: usize,
    pub mentions: usize,
    pub sentiment: Spread,
    pub stance: Spread,
}

/// One row of `summary_dyads.csv`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DyadSummary {
    pub articles: usize,
    pub stance: Spread,
}

/// The batch summary, filled article by article in input order; rows come out
/// sorted by period and name, so the same input gives the same bytes.
#[derive(Debug, Clone)]
pub struct Summary {
    period: Period,
    pub actors: BTreeMap<(String, String), ActorSummary>,
    pub dyads: BTreeMap<(String, String, String), DyadSummary>,
}

impl Summary {
    pub fn new(period: Period) -> Summary {
        Summary {
            period,
            actors: BTreeMap::new(),
            dyads: BTreeMap::new(),
        }
    }

    /// Adds one article's rows.
    pub fn add(&mut self, report: &ArticleReport) {
        let period = self.period.label(report.meta.date.as_deref());
        for a in &report.actors {
            let row = self
                .actors
                .entry((period.clone(), a.actor.clone()))
                .or_default();
            row.articles += 1;
            row.mentions += a.mentions;
        }
        for s in &report.statements {
            let Some(actor) = &s.actor else { continue };
            if let Some(row) = self.actors.get_mut(&(period.clone(), actor.clone())) {
                row.sentiment.add(s.sentiment);
                row.stance.add(s.stance);
            }
        }
        let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
        for s in &report.statements {
            let Some(source) = &s.actor else { continue };
            for (target, &stance) in s.targets.iter().zip(&s.target_stances) {
                let key = (period.clone(), source.clone(), target.clone());
                let row = self.dyads.entry(key).or_default();
                if seen.insert((source.clone(), target.clone())) {
                    row.articles += 1;
                }
                row.stance.add(stance);
            }
        }
    }
}

impl Summary {
    /// Writes `summary_actors.csv`: one row per (period, actor), sorted.
    pub fn write_actors<W: Write>(&self, out: W) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(ACTORS_HEADER)?;
        for ((period, actor), row) in &self.actors {
            w.write_record([
                period.as_str(),
                actor.as_str(),
                &row.articles.to_string(),
                &row.mentions.to_string(),
                &row.stance.n.to_string(),
                &format_score(row.sentiment.mean()),
                &format_score(row.sentiment.sd()),
                &format_score(row.stance.mean()),
                &format_score(row.stance.sd()),
            ])?;
        }
        w.flush()?;
        Ok(())
    }

    /// Writes `summary_dyads.csv`: one row per (period, source, target), sorted.
    pub fn write_dyads<W: Write>(&self, out: W) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(DYADS_HEADER)?;
        for ((period, source, target), row) in &self.dyads {
            w.write_record([
                period.as_str(),
                source.as_str(),
                target.as_str(),
                &row.articles.to_string(),
                &row.stance.n.to_string(),
                &format_score(row.stance.mean()),
                &format_score(row.stance.sd()),
            ])?;
        }
        w.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_of_wikinews_dates() {
        assert_eq!(Period::Month.label(Some("2019-08-22")), "2019-08");
        assert_eq!(
            Period::Day.label(Some("2019-08-22T09:00:00Z")),
            "2019-08-22"
        );
        // 2019-08-22 was a Thursday of ISO week 34; 2021-01-03 a Sunday of 2020-W53;
        // 2019-12-30 a Monday of 2020-W01.
        assert_eq!(Period::Week.label(Some("2019-08-22")), "2019-W34");
        assert_eq!(Period::Week.label(Some("2021-01-03")), "2020-W53");
        assert_eq!(Period::Week.label(Some("2019-12-30")), "2020-W01");
        assert_eq!(Period::Month.label(Some("22 Aug 2019")), "undated");
        assert_eq!(Period::Month.label(Some("2019-02-30")), "undated");
        assert_eq!(Period::Month.label(None), "undated");
        assert_eq!(Period::All.label(Some("2019-08-22")), "all");
    }

    #[test]
    fn spread_is_the_sample_standard_deviation() {
        let mut s = Spread::default();
        assert_eq!((s.mean(), s.sd()), (None, None));
        s.add(-0.5);
        assert_eq!((s.mean(), s.sd()), (Some(-0.5), None));
        s.add(0.5);
        s.add(0.0);
        assert_eq!(s.mean(), Some(0.0));
        assert!((s.sd().unwrap_or(0.0) - 0.5).abs() < 1e-12);
    }
}
