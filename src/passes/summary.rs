//! The summary panel: how much of the text is hedged, vaguely sourced, sourced or
//! unsourced, who the named sources are, and a one-line verdict.

use crate::text::Input;
use crate::finding::{Finding, Kind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceCount {
    pub name: String,
    pub count: usize,
}

/// A share of the article the reader is shown. Each is defined once, here, and every place
/// that shows a share (the verdict, the panel, the popup, the report, the CLI) shows these,
/// as `text()`: the same number with the same words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// `HEDGED` or `NO_NAMED_SOURCE`.
    pub key: String,
    /// 0..1.
    pub share: f32,
    /// The share as a whole percent, rounded here once.
    pub percent: u32,
    /// What the percent counts, as it reads after "N%": "of sentences hedge".
    pub label: String,
}

impl Figure {
    /// Sentences with at least one speculation finding shown.
    pub const HEDGED: &'static str = "hedged";
    /// Sentences with at least one unsourced claim or vague source shown.
    pub const NO_NAMED_SOURCE: &'static str = "no_named_source";

    fn new(key: &str, share: f32, label: &str) -> Figure {
        let share = share.clamp(0.0, 1.0);
        Figure { key: key.to_string(), share, percent: (share * 100.0).round() as u32, label: label.to_string() }
    }

    /// "22% of sentences hedge".
    pub fn text(&self) -> String {
        format!("{}% {}", self.percent, self.label)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Sentences, headings included.
    pub sentences: usize,
    /// Findings per kind ("speculation" → n); every kind is present.
    pub counts: BTreeMap<String, usize>,
    /// Share (0..1) of sentences with at least one finding of the kind. Not shown to the reader
    /// as such: what the reader sees is `figures`.
    pub shares: BTreeMap<String, f32>,
    /// The shares the reader sees, in order: `Figure::HEDGED`, `Figure::NO_NAMED_SOURCE`
    /// (none when there are no sentences).
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Findings per kind that were found but held back: less likely than the sensitivity
    /// asks, or a weaker second warning in a sentence. Every kind is present.
    pub held_back: BTreeMap<String, usize>,
    /// Named sources, most cited first.
    pub sources: Vec<SourceCount>,
    /// One plain sentence for the reader.
    pub verdict: String,
}

/// Attribution findings at least this strong name their source (see passes/attribution/).
const NAMED_SOURCE_STRENGTH: f32 = 0.85;

pub fn summarize(input: &Input, findings: &[Finding], held_back: BTreeMap<Kind, usize>) -> Summary {
    let sentences = input.seg.sentences.len();
    let mut counts: BTreeMap<String, usize> = Kind::ALL.iter().map(|k| (k.as_str().to_string(), 0)).collect();
    let mut sentences_with: BTreeMap<Kind, Vec<bool>> = Kind::ALL.iter().map(|&k| (k, vec![false; sentences])).collect();
    let mut sources: BTreeMap<String, usize> = BTreeMap::new();
    for f in findings {
        *counts.entry(f.kind.as_str().to_string()).or_default() += 1;
        if sentences > 0 {
            let s = input.sentence_at_char(f.span.start);
            if let Some(flags) = sentences_with.get_mut(&f.kind) {
                flags[s] = true;
            }
        }
        // Only sources the rules named outright; learned cues and bare phrases ("the report") are weaker.
        if let (Kind::Attribution, Some(name), true) = (f.kind, &f.source, f.strength >= NAMED_SOURCE_STRENGTH) {
            // Most names recur: count them without cloning the name again.
            match sources.get_mut(name) {
                Some(count) => *count += 1,
                None => {
                    sources.insert(name.clone(), 1);
                }
            }
        }
    }
    let shares: BTreeMap<String, f32> = sentences_with
        .iter()
        .map(|(k, flags)| {
            let n = flags.iter().filter(|&&x| x).count();
            (k.as_str().to_string(), if sentences == 0 { 0.0 } else { n as f32 / sentences as f32 })
        })
        .collect();
    let mut sources: Vec<SourceCount> =
        merge_short_names(sources).into_iter().map(|(name, count)| SourceCount { name, count }).collect();
    sources.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    let figures = figures(&sentences_with, sentences);
    let verdict = verdict(&figures, &sources);
    let held_back = Kind::ALL.iter().map(|k| (k.as_str().to_string(), held_back.get(k).copied().unwrap_or(0))).collect();
    Summary { sentences, counts, shares, figures, held_back, sources, verdict }
}

/// The reader's figures: the share of sentences that hedge, and the share that make a claim
/// with no named source (an unsourced claim or a vague source; a sentence with both counts once).
fn figures(sentences_with: &BTreeMap<Kind, Vec<bool>>, sentences: usize) -> Vec<Figure> {
    if sentences == 0 {
        return Vec::new();
    }
    let share_of = |kinds: &[Kind]| {
        let n = (0..sentences).filter(|&s| kinds.iter().any(|k| sentences_with.get(k).is_some_and(|flags| flags[s]))).count();
        n as f32 / sentences as f32
    };
    vec![
        Figure::new(Figure::HEDGED, share_of(&[Kind::Speculation]), "of sentences hedge"),
        Figure::new(
            Figure::NO_NAMED_SOURCE,
            share_of(&[Kind::UnsourcedClaim, Kind::VagueAttribution]),
            "of sentences make claims with no named source",
        ),
    ]
}

/// "Peskov" after "Dmitry Peskov" is the same person: a name that is the last word of
/// exactly one longer name counts for that one.
fn merge_short_names(mut sources: BTreeMap<String, usize>) -> BTreeMap<String, usize> {
    let short: Vec<String> = sources.keys().filter(|n| !n.contains(' ')).cloned().collect();
    for name in short {
        let suffix = format!(" {name}");
        let mut longer = sources.keys().filter(|n| n.ends_with(&suffix));
        if let (Some(full), None) = (longer.next().cloned(), longer.next()) {
            let count = sources.remove(&name).unwrap_or(0);
            *sources.entry(full).or_default() += count;
        }
    }
    sources
}

/// The one-line verdict, which quotes the figures as they are shown everywhere else.
fn verdict(figures: &[Figure], sources: &[SourceCount]) -> String {
    let (Some(hedged), Some(unsupported)) = (
        figures.iter().find(|f| f.key == Figure::HEDGED),
        figures.iter().find(|f| f.key == Figure::NO_NAMED_SOURCE),
    ) else {
        return "No text to analyse.".to_string();
    };
    let tone = if hedged.share >= 0.3 {
        format!("Largely speculative: {}", hedged.text())
    } else if hedged.share >= 0.1 {
        format!("Partly speculative: {}", hedged.text())
    } else {
        "Mostly plain statements".to_string()
    };
    let sourcing = match sources.len() {
        0 if unsupported.share > 0.0 => format!("{}, and no one is quoted by name.", unsupported.text()),
        0 => "no named sources are cited.".to_string(),
        n => format!(
            "{}; {} named source{} ({}).",
            unsupported.text(),
            n,
            if n == 1 { "" } else { "s" },
            sources.iter().take(3).map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
        ),
    };
    format!("{tone}; {sourcing}")
}

#[cfg(test)]
mod tests {
    use crate::answer::analyze::{analyze_text, Options};
    use crate::finding::Kind;

    #[test]
    fn counts_every_kind_and_names_sources() {
        let text = "Peskov said talks were possible. Moscow may be stalling. It is a ploy, critics say.";
        let s = analyze_text(text, &Options::default()).summary;
        assert_eq!(s.sentences, 3);
        assert_eq!(s.counts.len(), 4);
        // "Critics say": a vague source, and the verb still attributes.
        assert_eq!(s.counts["attribution"], 2);
        assert_eq!(s.counts["speculation"], 1);
        assert_eq!(s.counts["vague_attribution"], 1);
        assert_eq!(s.sources.len(), 1);
        assert_eq!(s.sources[0].name, "Peskov");
        assert!((s.shares["speculation"] - 1.0 / 3.0).abs() < 1e-6);
        assert!(s.verdict.contains("Peskov"), "{}", s.verdict);
    }

    #[test]
    fn the_verdict_quotes_the_figures_and_a_sentence_counts_once() {
        // One sentence with a vague source and an unsourced claim would count twice in a sum of the kinds' shares.
        let text = "Critics say the mayor lied. The port may close. The river floods every spring because the council never dredged it.";
        let s = analyze_text(text, &Options { sensitivity: crate::Sensitivity::Strict, ..Options::default() }).summary;
        let keys: Vec<&str> = s.figures.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, [super::Figure::HEDGED, super::Figure::NO_NAMED_SOURCE]);
        for figure in &s.figures {
            assert!(s.verdict.contains(&figure.text()), "{:?} in {}", figure.text(), s.verdict);
            assert_eq!(figure.percent, (figure.share * 100.0).round() as u32);
        }
        // A sentence with both an unsourced claim and a vague source counts once.
        let flags = |v: &[bool]| v.to_vec();
        let with: std::collections::BTreeMap<Kind, Vec<bool>> = [
            (Kind::Speculation, flags(&[false, false, false, false])),
            (Kind::UnsourcedClaim, flags(&[true, false, false, false])),
            (Kind::VagueAttribution, flags(&[true, true, false, false])),
        ]
        .into_iter()
        .collect();
        let figures = super::figures(&with, 4);
        assert_eq!(figures[1].percent, 50, "{figures:?}");
        assert_eq!(figures[1].text(), "50% of sentences make claims with no named source");
    }

    #[test]
    fn a_surname_counts_for_the_full_name_it_follows() {
        let text = "Kremlin spokesman Dmitry Peskov announced that talks were possible. \
                    Peskov emphasized that any talks would need preparation.";
        let s = analyze_text(text, &Options::default()).summary;
        assert_eq!(s.sources.len(), 1, "{:?}", s.sources);
        assert_eq!(s.sources[0].name, "Dmitry Peskov");
        assert_eq!(s.sources[0].count, 2);
    }

    #[test]
    fn empty_text_has_a_verdict_and_no_counts() {
        let s = analyze_text("", &Options::default()).summary;
        assert_eq!(s.sentences, 0);
        assert!(s.counts.values().all(|&n| n == 0));
        assert!(s.figures.is_empty());
        assert!(!s.verdict.is_empty());
    }
}
