//! Evaluation against gold data: the figures the README and the issues quote
//! come from here.

pub mod actors;
pub mod attribution;
pub mod brat;
pub mod sentiment;
pub mod targets;

/// A gold line that cannot be used: names the 1-based line of the gold file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GoldError {
    pub line: usize,
    pub message: String,
}

/// The JSON objects of a JSON Lines gold file with their 1-based line
/// numbers, blank lines skipped; the first line that is not one is an error.
pub(crate) fn gold_json_lines<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<Vec<(usize, T)>, GoldError> {
    let mut out = Vec::new();
    for (k, raw) in text.lines().enumerate() {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let line = k + 1;
        let value = serde_json::from_str(raw).map_err(|e| GoldError {
            line,
            message: format!("{e}"),
        })?;
        out.push((line, value));
    }
    Ok(out)
}
