//! The analysis pipeline. Placeholder until the analyzer issue lands: marks every
//! "may" as speculation, so the extension's plumbing can be built and tested.

use crate::article::Article;
use crate::finding::{Finding, Kind};
use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    Strict,
    #[default]
    Balanced,
    Lenient,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub sensitivity: Sensitivity,
    /// Extra hedge words or phrases the reader wants marked as speculation.
    pub custom_hedges: Vec<String>,
    /// Extra words that name a vague source ("insiders").
    pub custom_sources: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub sentences: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// Plain text: paragraphs are separated by blank lines. Offsets are chars of `text`.
pub fn analyze_text(text: &str, _options: &Options) -> Analysis {
    let mut findings = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    if lower.len() == chars.len() {
        for i in 0..chars.len().saturating_sub(2) {
            let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
            let word_end = i + 3 == chars.len() || !chars[i + 3].is_alphanumeric();
            if word_start && word_end && lower[i..i + 3] == ['m', 'a', 'y'] {
                findings.push(Finding {
                    kind: Kind::Speculation,
                    span: Span::new(i, i + 3),
                    cue: chars[i..i + 3].iter().collect(),
                    explanation: "'may' — a hedge: the writer does not claim this is so.".into(),
                    strength: 0.5,
                    source: None,
                });
            }
        }
    }
    Analysis { findings, summary: Summary::default() }
}

/// An extracted article; offsets are chars of `article.text()`.
pub fn analyze_article(article: &Article, options: &Options) -> Analysis {
    analyze_text(&article.text(), options)
}
