//! The analysis pipeline: segment the text, match the lexicons once, then run the
//! rules (attribution → hedges → unsourced claims) and summarise.

use crate::article::Article;
use crate::finding::Finding;
use crate::lexicon::{parse_list, LexKind, Lexicon, Match, Normalized, MAX_ENTRY_TOKENS};
use crate::segment::{segment, Segmented};
use crate::span::Span;
use crate::model::hedge::HedgeModel;
use crate::{attribution, claim, hedge, summary, uncertainty};
use serde::{Deserialize, Serialize};

pub use crate::summary::Summary;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    Strict,
    #[default]
    Balanced,
    Lenient,
}

impl Sensitivity {
    /// Findings weaker than this are not reported.
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
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// The text prepared once for every rule: tokens, sentences, quotes, lexicon matches.
pub struct Input<'a> {
    pub text: &'a str,
    pub seg: Segmented,
    pub norm: Normalized,
    /// Sorted by start token, longest first.
    pub matches: Vec<Match>,
    /// Char spans of links in `text`.
    pub links: Vec<Span>,
    sentence_of: Vec<u32>,
    /// Per sentence, the range of `matches` starting in it.
    matches_of: Vec<std::ops::Range<usize>>,
}

impl<'a> Input<'a> {
    pub fn new(text: &'a str, options: &Options, links: Vec<Span>) -> Input<'a> {
        let seg = segment(text);
        let norm = Normalized::new(text, &seg);
        let mut matches = Lexicon::builtin().find(&norm);
        if !options.custom_hedges.is_empty() || !options.custom_sources.is_empty() {
            let custom = |words: &[String]| words.iter().flat_map(|w| parse_list(w)).collect::<Vec<_>>();
            let lexicon = Lexicon::new([
                (LexKind::CustomHedge, custom(&options.custom_hedges)),
                (LexKind::CustomSource, custom(&options.custom_sources)),
            ]);
            matches.extend(lexicon.find(&norm));
            matches.sort_unstable_by_key(Match::order);
        }
        let mut sentence_of = vec![u32::MAX; seg.tokens.len()];
        for (s, sentence) in seg.sentences.iter().enumerate() {
            sentence_of[sentence.tokens.clone()].iter_mut().for_each(|x| *x = s as u32);
        }
        let mut matches_of = Vec::with_capacity(seg.sentences.len());
        let mut at = 0;
        for sentence in &seg.sentences {
            let from = at;
            while at < matches.len() && matches[at].tokens.start < sentence.tokens.end {
                at += 1;
            }
            matches_of.push(from..at);
        }
        Input { text, seg, norm, matches, links, sentence_of, matches_of }
    }

    /// Lowercased token `k` if it lies in `range`, else "".
    pub fn word_in(&self, range: &std::ops::Range<usize>, k: usize) -> &str {
        if range.contains(&k) {
            self.norm.token(k)
        } else {
            ""
        }
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentence_of[i] as usize
    }

    /// The lexicon matches that start in sentence `s` and end inside it.
    pub fn sentence_matches(&self, s: usize) -> &[Match] {
        &self.matches[self.matches_of[s].clone()]
    }

    /// Matches that start within a few tokens before `tokens` and no later than its end:
    /// every match that can contain or equal `tokens`, found without scanning the sentence.
    pub fn matches_near(&self, tokens: &std::ops::Range<usize>) -> &[Match] {
        // Matches never start before their sentence, so search only the sentence's own.
        let Some(&s) = self.sentence_of.get(tokens.start) else { return &[] };
        let Some(range) = self.matches_of.get(s as usize) else { return &[] };
        let own = &self.matches[range.clone()];
        let from = own.partition_point(|m| m.tokens.start + MAX_ENTRY_TOKENS < tokens.start);
        let to = own.partition_point(|m| m.tokens.start <= tokens.start);
        &own[from..to]
    }

    /// The token containing or following char `pos`.
    pub fn token_at_char(&self, pos: usize) -> usize {
        // Sentences partition the tokens, so that token lies in the sentence at `pos`:
        // searching its few tokens misses the cache far less than searching them all.
        let Some(sentence) = self.seg.sentences.get(self.sentence_at_char(pos)) else { return 0 };
        let own = &self.seg.tokens[sentence.tokens.clone()];
        let k = sentence.tokens.start + own.partition_point(|t| t.end as usize <= pos);
        k.min(self.seg.tokens.len().saturating_sub(1))
    }

    /// The sentence containing or following char `pos`.
    pub fn sentence_at_char(&self, pos: usize) -> usize {
        let k = self.seg.sentences.partition_point(|s| s.span.end <= pos);
        k.min(self.seg.sentences.len().saturating_sub(1))
    }
}

fn run(input: &Input, options: &Options) -> Analysis {
    let mut attributions = attribution::find(input);
    let mut hedges = hedge::find(input, &attributions);
    uncertainty::apply(input, &attributions, &mut hedges, HedgeModel::builtin());
    let min = options.sensitivity.min_strength();
    let mut findings: Vec<Finding> =
        std::mem::take(&mut attributions.findings).into_iter().chain(hedges).filter(|f| f.strength >= min).collect();
    findings.extend(claim::find(input, &attributions, &findings).into_iter().filter(|f| f.strength >= min));
    findings.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let summary = summary::summarize(input, &findings);
    Analysis { findings, summary }
}

/// Plain text: paragraphs are separated by blank lines. Offsets are chars of `text`.
pub fn analyze_text(text: &str, options: &Options) -> Analysis {
    run(&Input::new(text, options, Vec::new()), options)
}

/// An extracted article; offsets are chars of `article.text()`. Links in the blocks
/// count as sources for the sentences that hold them.
pub fn analyze_article(article: &Article, options: &Options) -> Analysis {
    let text = article.text();
    let links = article
        .blocks
        .iter()
        .zip(article.block_offsets())
        .flat_map(|(block, at)| block.links.iter().map(move |l| Span::new(at + l.span.start, at + l.span.end)))
        .collect();
    run(&Input::new(&text, options, links), options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Kind;

    fn cues(text: &str, options: &Options) -> Vec<(Kind, String)> {
        analyze_text(text, options).findings.into_iter().map(|f| (f.kind, f.cue)).collect()
    }

    #[test]
    fn sensitivity_sets_the_strength_threshold() {
        let text = "The river often floods. Some towns flooded. It may rain.";
        let with = |sensitivity| cues(text, &Options { sensitivity, ..Options::default() });
        let (strict, balanced, lenient) = (with(Sensitivity::Strict), with(Sensitivity::Balanced), with(Sensitivity::Lenient));
        assert!(strict.contains(&(Kind::Speculation, "often".into())));
        assert!(!balanced.contains(&(Kind::Speculation, "often".into())));
        assert!(balanced.contains(&(Kind::Speculation, "Some".into())));
        assert!(!lenient.contains(&(Kind::Speculation, "Some".into())));
        assert!(lenient.contains(&(Kind::Speculation, "may".into())));
    }

    #[test]
    fn custom_sources_make_vague_attributions() {
        let options = Options { custom_sources: vec!["the grapevine".into()], ..Options::default() };
        let got = cues("The grapevine says he quit.", &options);
        assert!(got.contains(&(Kind::VagueAttribution, "The grapevine".into())), "{got:?}");
        assert!(!cues("The grapevine says he quit.", &Options::default()).iter().any(|(k, _)| *k == Kind::VagueAttribution));
    }

    #[test]
    fn article_links_source_their_sentences() {
        use crate::article::{Block, BlockKind, Link};
        let text = "Previous negotiations stalled in 2022 as Russia pressed its military campaign.";
        let block = |links| Block { kind: BlockKind::Paragraph, text: text.into(), links, runs: vec![] };
        let plain = Article { blocks: vec![block(vec![])], ..Article::default() };
        let linked = Article { blocks: vec![block(vec![Link { href: "https://example.org".into(), span: Span::new(0, 8) }])], ..Article::default() };
        let claims = |a: &Article| analyze_article(a, &Options::default()).findings.iter().filter(|f| f.kind == Kind::UnsourcedClaim).count();
        assert_eq!(claims(&plain), 1);
        assert_eq!(claims(&linked), 0);
    }
}
