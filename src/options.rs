//! What the reader chose: how sure a finding must be to be shown, and their own words.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    Strict,
    #[default]
    Balanced,
    Lenient,
}

impl Sensitivity {
    /// Warnings (speculation, vague sources, unsourced claims) less likely than this to
    /// deserve their mark are held back; their strength is that calibrated chance.
    pub fn min_probability(self) -> f32 {
        match self {
            Sensitivity::Strict => 0.3,
            Sensitivity::Balanced => 0.6,
            Sensitivity::Lenient => 0.75,
        }
    }

    /// Attributions weaker than this are not reported.
    pub fn min_strength(self) -> f32 {
        match self {
            Sensitivity::Strict => 0.3,
            Sensitivity::Balanced => 0.45,
            Sensitivity::Lenient => 0.65,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub sensitivity: Sensitivity,
    /// Extra hedge words or phrases the reader wants marked as speculation.
    pub custom_hedges: Vec<String>,
    /// Extra words that name a vague source ("insiders").
    pub custom_sources: Vec<String>,
    /// Analyse text that is not English too. Caveat's rules read English: elsewhere they
    /// mark words that only look like English cues, so by default such text is left alone.
    pub any_language: bool,
}
