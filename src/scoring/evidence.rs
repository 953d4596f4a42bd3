//! What moved a score: a lexicon entry as matched in the text and its weight
//! after the rules (negation, intensifiers, capitals) were applied.

/// One lexicon entry that moved a score.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The words as matched, lowercased, with any modifier that changed the weight
    /// (`extremely regrettable`, `not good`).
    pub entry: String,
    /// The weight after rules, on the lexicon's scale.
    pub weight: f64,
}
