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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Sentences, headings included.
    pub sentences: usize,
    /// Findings per kind ("speculation" → n); every kind is present.
    pub counts: BTreeMap<String, usize>,
    /// Share (0..1) of sentences with at least one finding of the kind.
    pub shares: BTreeMap<String, f32>,
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
    let verdict = verdict(sentences, &shares, &sources);
    let held_back = Kind::ALL.iter().map(|k| (k.as_str().to_string(), held_back.get(k).copied().unwrap_or(0))).collect();
    Summary { sentences, counts, shares, held_back, sources, verdict }
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

fn verdict(sentences: usize, shares: &BTreeMap<String, f32>, sources: &[SourceCount]) -> String {
    if sentences == 0 {
        return "No text to analyse.".to_string();
    }
    let share = |k: Kind| shares.get(k.as_str()).copied().unwrap_or(0.0);
    let speculative = share(Kind::Speculation);
    let unsupported = share(Kind::UnsourcedClaim) + share(Kind::VagueAttribution);
    let pct = |x: f32| (x * 100.0).round() as u32;
    let tone = if speculative >= 0.3 {
        format!("Largely speculative: {}% of sentences hedge", pct(speculative))
    } else if speculative >= 0.1 {
        format!("Partly speculative: {}% of sentences hedge", pct(speculative))
    } else {
        "Mostly plain statements".to_string()
    };
    let sourcing = match sources.len() {
        0 if unsupported > 0.0 => format!("{}% make claims with no named source, and no one is quoted by name.", pct(unsupported)),
        0 => "no named sources are cited.".to_string(),
        n => format!(
            "{}% make claims with no named source; {} named source{} ({}).",
            pct(unsupported),
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

    #[test]
    fn counts_every_kind_and_names_sources() {
        let text = "Peskov said talks were possible. Moscow may be stalling. Critics say it is a ploy.";
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
        assert!(!s.verdict.is_empty());
    }
}
