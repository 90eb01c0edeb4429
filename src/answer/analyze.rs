//! The analysis pipeline: segment the text, match the lexicons once, then run the
//! rules (attribution → hedges → unsourced claims) and summarise.

use crate::finding::Finding;
use crate::model::hedge::HedgeModel;
use crate::page::article::Article;
use crate::passes::{attribution, claim, hedge, summary, uncertainty};
use crate::span::Span;
use crate::text::Input;
use serde::{Deserialize, Serialize};

pub use crate::options::{Options, Sensitivity};
pub use crate::passes::summary::Summary;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub summary: Summary,
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
        use crate::page::article::{Block, BlockKind, Link};
        let text = "Previous negotiations stalled in 2022 as Russia pressed its military campaign.";
        let block = |links| Block { kind: BlockKind::Paragraph, text: text.into(), links, runs: vec![] };
        let plain = Article { blocks: vec![block(vec![])], ..Article::default() };
        let linked = Article { blocks: vec![block(vec![Link { href: "https://example.org".into(), span: Span::new(0, 8) }])], ..Article::default() };
        let claims = |a: &Article| analyze_article(a, &Options::default()).findings.iter().filter(|f| f.kind == Kind::UnsourcedClaim).count();
        assert_eq!(claims(&plain), 1);
        assert_eq!(claims(&linked), 0);
    }
}
