//! The analysis pipeline: segment the text, match the lexicons once, run the passes
//! (attribution → hedges → unsourced claims), give each warning the calibrated chance
//! that it deserves its mark, then choose what to show: warnings at least as likely as
//! the sensitivity asks, at most one per sentence (the strongest) unless strict. What is
//! held back is still counted in the summary.

use crate::finding::{Finding, Kind};
use crate::model::calibration::{self, is_warning, Calibration, SentenceFacts};
use crate::model::hedge::HedgeModel;
use crate::page::article::{Article, BLOCK_SEPARATOR};
use crate::passes::{attribution, claim, hedge, summary, uncertainty};
use crate::span::Span;
use crate::text::lexicon::LexKind;
use crate::text::{language, Input};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::options::{Options, Sensitivity};
pub use crate::passes::summary::Summary;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub summary: Summary,
    pub language: TextLanguage,
}

/// The language the text was found to be in, and whether it was analysed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextLanguage {
    /// ISO 639-1 code; "und" when Caveat does not know the language.
    pub code: String,
    /// In English: "German", or "an unknown language".
    pub name: String,
    /// English, or the reader asked for any language (`Options::any_language`).
    pub analysed: bool,
}

impl TextLanguage {
    fn of(text: &str, declared: Option<&str>, options: &Options) -> TextLanguage {
        let found = language::detect(text, declared);
        TextLanguage {
            code: found.map_or("und", |l| l.code).to_string(),
            name: found.map_or("an unknown language", |l| l.name).to_string(),
            analysed: options.any_language || found.is_some_and(|l| l.is_english()),
        }
    }
}

/// Every finding the passes make, before calibration and selection, and per sentence
/// whether it is sourced.
fn candidates(input: &Input) -> (Vec<Finding>, Vec<bool>) {
    let mut attributions = attribution::find(input);
    let mut hedges = hedge::find(input, &attributions);
    uncertainty::apply(input, &attributions, &mut hedges, HedgeModel::builtin());
    let claims = claim::find(input, &attributions, &hedges);
    let mut findings: Vec<Finding> = std::mem::take(&mut attributions.findings).into_iter().chain(hedges).chain(claims).collect();
    findings.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    (findings, attributions.sourced)
}

/// Whether the reader's own word list made this finding (it is always shown).
fn from_readers_words(input: &Input, f: &Finding) -> bool {
    let at = input.token_at_char(f.span.start);
    input.matches_near(&(at..at + 1)).iter().any(|m| {
        matches!(m.kind, LexKind::CustomHedge | LexKind::CustomSource) && input.seg.char_span(m.tokens.clone()) == f.span
    })
}

fn run(input: &Input, options: &Options) -> Analysis {
    let (mut findings, sourced) = candidates(input);
    let facts = SentenceFacts::new(input, &sourced, &findings);
    let model = Calibration::builtin();
    let readers_words = !options.custom_hedges.is_empty() || !options.custom_sources.is_empty();
    for f in findings.iter_mut().filter(|f| is_warning(f.kind)) {
        f.strength = if readers_words && from_readers_words(input, f) { 1.0 } else { model.probability(input, &facts, f) };
    }
    let (findings, held_back) = select(input, findings, options.sensitivity);
    let summary = summary::summarize(input, &findings, held_back);
    Analysis { findings, summary, language: TextLanguage::default() }
}

/// The findings to show at `sensitivity`, and per kind how many were held back.
fn select(input: &Input, findings: Vec<Finding>, sensitivity: Sensitivity) -> (Vec<Finding>, BTreeMap<Kind, usize>) {
    let mut held_back: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut strongest: BTreeMap<usize, (usize, f32)> = BTreeMap::new();
    let shown_at_all: Vec<bool> = findings
        .iter()
        .map(|f| {
            let min = if is_warning(f.kind) { sensitivity.min_probability() } else { sensitivity.min_strength() };
            f.strength >= min
        })
        .collect();
    if sensitivity != Sensitivity::Strict && !input.seg.sentences.is_empty() {
        for (k, f) in findings.iter().enumerate().filter(|(k, f)| shown_at_all[*k] && is_warning(f.kind)) {
            let s = input.sentence_at_char(f.span.start);
            if strongest.get(&s).map_or(true, |&(_, best)| f.strength > best) {
                strongest.insert(s, (k, f.strength));
            }
        }
    }
    let mut shown = Vec::with_capacity(findings.len());
    for (k, f) in findings.into_iter().enumerate() {
        let one_per_sentence = sensitivity == Sensitivity::Strict
            || !is_warning(f.kind)
            || strongest.get(&input.sentence_at_char(f.span.start)).is_some_and(|&(best, _)| best == k);
        if shown_at_all[k] && one_per_sentence {
            shown.push(f);
        } else {
            *held_back.entry(f.kind).or_default() += 1;
        }
    }
    (shown, held_back)
}

/// The findings the passes propose in `text` at their own balanced strength, before
/// calibration and selection: what the passes' tests check, whatever the calibration
/// makes of it.
#[cfg(test)]
pub(crate) fn all_candidates(text: &str, options: &Options) -> Vec<Finding> {
    let min = Sensitivity::Balanced.min_strength();
    candidates(&Input::new(text, options, Vec::new())).0.into_iter().filter(|f| f.strength >= min).collect()
}

/// Every finding the passes make in `text`, with the rules' own strengths.
#[cfg(test)]
pub(crate) fn rule_candidates(text: &str) -> Vec<Finding> {
    candidates(&Input::new(text, &Options::default(), Vec::new())).0
}

/// Every warning the passes find in `text`, before calibration and selection, with its
/// calibration features (name, value): what `examples/train_calibration.rs` learns from.
pub fn warnings_with_features(text: &str, options: &Options) -> Vec<(Finding, Vec<(String, f32)>)> {
    let input = Input::new(text, options, Vec::new());
    let (findings, sourced) = candidates(&input);
    let facts = SentenceFacts::new(&input, &sourced, &findings);
    findings
        .into_iter()
        .filter(|f| is_warning(f.kind))
        .map(|f| {
            let mut names = vec![(["prior", f.kind.as_str()].join(" "), calibration::rule_logit(&f))];
            calibration::features(&input, &facts, &f, &mut |parts| names.push((parts.join(" "), 1.0)));
            (f, names)
        })
        .collect()
}

/// Plain text: paragraphs are separated by blank lines. Offsets are chars of `text`.
/// Text that is not English is left unmarked unless `options.any_language`.
pub fn analyze_text(text: &str, options: &Options) -> Analysis {
    let language = TextLanguage::of(text, None, options);
    if !language.analysed {
        return Analysis { language, ..Analysis::default() };
    }
    Analysis { language, ..run(&Input::new(text, options, Vec::new()), options) }
}

/// An extracted article; offsets are chars of `article.text()`. Only the title and the
/// prose blocks (`Role::is_prose`) are read: captions, credits, bylines, datelines, related
/// links and tables are neither analysed nor counted. Links in the blocks count as sources
/// for the sentences that hold them.
pub fn analyze_article(article: &Article, options: &Options) -> Analysis {
    let sep = BLOCK_SEPARATOR;
    let sep_len = sep.chars().count();
    // (start in the prose text, start in article.text(), length) per prose block.
    let mut placed: Vec<(usize, usize, usize)> = Vec::new();
    let mut text = String::new();
    let mut links = Vec::new();
    let mut at = 0;
    for (block, full) in article.blocks.iter().zip(article.block_offsets()) {
        if !block.role.is_prose() {
            continue;
        }
        if !placed.is_empty() {
            text.push_str(sep);
            at += sep_len;
        }
        let len = block.text.chars().count();
        text.push_str(&block.text);
        links.extend(block.links.iter().map(|l| Span::new(at + l.span.start, at + l.span.end)));
        placed.push((at, full, len));
        at += len;
    }
    let language = TextLanguage::of(&text, article.metadata.lang.as_deref(), options);
    if !language.analysed {
        return Analysis { language, ..Analysis::default() };
    }
    let mut analysis = Analysis { language, ..run(&Input::new(&text, options, links), options) };
    // Back to chars of article.text(); a position in a separator stays at its block's end.
    let map = |pos: usize| -> usize {
        let i = placed.partition_point(|&(start, _, _)| start <= pos).saturating_sub(1);
        placed.get(i).map_or(pos, |&(start, full, len)| full + (pos - start).min(len))
    };
    for f in &mut analysis.findings {
        f.span = Span::new(map(f.span.start), map(f.span.end));
    }
    analysis
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Kind;

    fn cues(text: &str, options: &Options) -> Vec<(Kind, String)> {
        analyze_text(text, options).findings.into_iter().map(|f| (f.kind, f.cue)).collect()
    }

    fn finding(kind: Kind, start: usize, end: usize, strength: f32) -> Finding {
        Finding { kind, span: Span::new(start, end), cue: String::new(), explanation: String::new(), strength, source: None }
    }

    #[test]
    fn sensitivity_sets_the_chance_a_warning_needs() {
        // Two sentences: 0..22 and 23..39.
        let input = Input::new("It may rain on Friday. Talks could fail.", &Options::default(), Vec::new());
        let found = vec![finding(Kind::Speculation, 3, 6, 0.5), finding(Kind::Speculation, 29, 34, 0.8)];
        let shown = |sensitivity| select(&input, found.clone(), sensitivity).0.iter().map(|f| f.span.start).collect::<Vec<_>>();
        assert_eq!(shown(Sensitivity::Strict), [3, 29]);
        assert_eq!(shown(Sensitivity::Balanced), [29]);
        assert_eq!(shown(Sensitivity::Lenient), [29]);
        let (_, held_back) = select(&input, found, Sensitivity::Balanced);
        assert_eq!(held_back.get(&Kind::Speculation), Some(&1));
    }

    #[test]
    fn one_warning_per_sentence_unless_strict() {
        let input = Input::new("It may rain, and talks could fail on Friday.", &Options::default(), Vec::new());
        let found = vec![finding(Kind::Speculation, 3, 6, 0.6), finding(Kind::Speculation, 23, 28, 0.9), finding(Kind::Attribution, 29, 33, 0.9)];
        let (shown, held_back) = select(&input, found.clone(), Sensitivity::Balanced);
        // The strongest warning of the sentence, and the attribution, which is no warning.
        assert_eq!(shown.iter().map(|f| f.span.start).collect::<Vec<_>>(), [23, 29]);
        assert_eq!(held_back.get(&Kind::Speculation), Some(&1));
        assert_eq!(select(&input, found, Sensitivity::Strict).0.len(), 3);
    }

    #[test]
    fn held_back_findings_are_counted_in_the_summary() {
        let text = "It may rain, and talks could possibly fail on Friday.";
        let summary = analyze_text(text, &Options::default()).summary;
        let shown = summary.counts["speculation"];
        let strict = analyze_text(text, &Options { sensitivity: Sensitivity::Strict, ..Options::default() }).summary.counts["speculation"];
        assert!(strict > shown, "strict {strict}, balanced {shown}");
        assert_eq!(summary.held_back["speculation"], strict - shown);
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
        use crate::page::article::{Block, Link, Role};
        let text = "Talks collapsed in 2022 in part because Russia used the pause to regroup its forces.";
        let block = |links| Block { role: Role::Paragraph, text: text.into(), links, runs: vec![] };
        let plain = Article { blocks: vec![block(vec![])], ..Article::default() };
        let linked = Article { blocks: vec![block(vec![Link { href: "https://example.org".into(), span: Span::new(0, 8) }])], ..Article::default() };
        // Shown or held back by the calibration: the link is what decides whether there is a claim.
        let claims = |a: &Article| {
            let summary = analyze_article(a, &Options::default()).summary;
            summary.counts["unsourced_claim"] + summary.held_back["unsourced_claim"]
        };
        assert_eq!(claims(&plain), 1);
        assert_eq!(claims(&linked), 0);
    }
    #[test]
    fn article_analysis_skips_non_prose_blocks_and_keeps_offsets() {
        use crate::page::article::{Block, Role};
        let block = |role, text: &str| Block { role, text: text.into(), links: vec![], runs: vec![] };
        let article = Article {
            blocks: vec![
                block(Role::Title, "Talks may resume"),
                block(Role::Caption, "Officials may meet again, a photo suggests."),
                block(Role::Credit, "Photo: Reuters"),
                block(Role::Paragraph, "The ministers could sign the deal next week."),
            ],
            ..Article::default()
        };
        let text = article.text();
        let strict = Options { sensitivity: Sensitivity::Strict, ..Options::default() };
        let findings = analyze_article(&article, &strict).findings;
        let cues: Vec<&str> = findings.iter().map(|f| f.cue.as_str()).collect();
        assert!(cues.contains(&"may") && cues.contains(&"could"), "{cues:?}");
        let (caption_start, caption_end) = (article.block_offsets()[1], article.block_offsets()[3]);
        for f in &findings {
            assert!(f.span.end <= caption_start || f.span.start >= caption_end, "{f:?} lies in a caption or credit");
            let marked: String = text.chars().skip(f.span.start).take(f.span.end - f.span.start).collect();
            assert_eq!(marked, f.cue, "offsets refer to article.text()");
        }
    }
}
