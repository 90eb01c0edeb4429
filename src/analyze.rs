//! The analysis pipeline: segment the text, match the lexicons once, then run the
//! rules (attribution → hedges → unsourced claims) and summarise.

use crate::article::Article;
use crate::finding::Finding;
use crate::hash::{hash, HashedSet};
use crate::lexicon::{parse_list, LexKind, Lexicon, Match, Normalized, MAX_ENTRY_TOKENS};
use crate::segment::{segment, Segmented, TokenKind};
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
    /// Per token (and one past the last), the index of the first match starting there or
    /// later: the matches starting in any run of tokens without a search.
    match_from: Vec<u32>,
    /// Per `CHARS_PER_BUCKET` chars, the first sentence ending after the bucket's first char.
    sentence_of_bucket: Vec<u32>,
    /// Per token (empty when no heading has capitals): a capitalised word of a heading that
    /// the text also writes in lower case — title case ("Study Finds" beside "the study"), not a name.
    title_case: Vec<bool>,
}

/// Findings are located by char: a bucket index turns a binary search over a long
/// text's sentences into a step or two forward from the bucket's first sentence.
const CHARS_PER_BUCKET: usize = 64;

/// See `Input::title_case`. Title case is a matter of headlines and the headings near
/// them, so only the first `TITLE_CASE_REACH` tokens are looked at: the cost stays
/// bounded however long the text.
fn title_case_words(seg: &Segmented, norm: &Normalized) -> Vec<bool> {
    let reach = seg.tokens.len().min(TITLE_CASE_REACH);
    let capitals_in_headings: Vec<usize> = seg
        .sentences
        .iter()
        .take_while(|s| s.tokens.end <= reach)
        .filter(|s| s.heading)
        .flat_map(|s| s.tokens.clone())
        .filter(|&i| seg.tokens[i].kind == TokenKind::Word && seg.tokens[i].upper)
        .collect();
    if capitals_in_headings.is_empty() {
        return Vec::new();
    }
    // Words by hash (a collision can only make a name look like title case, rarely).
    let word_hash = |i: usize| hash(&[norm.token(i)]);
    let wanted: HashedSet = capitals_in_headings.iter().map(|&i| word_hash(i)).collect();
    let lower: HashedSet = (0..reach)
        .filter(|&i| seg.tokens[i].kind == TokenKind::Word && !seg.tokens[i].upper)
        .map(word_hash)
        .filter(|h| wanted.contains(h))
        .collect();
    let mut title_case = vec![false; reach];
    for i in capitals_in_headings {
        title_case[i] = lower.contains(&word_hash(i));
    }
    title_case
}

const TITLE_CASE_REACH: usize = 20_000;

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
        let mut match_from = Vec::with_capacity(seg.tokens.len() + 1);
        let mut at = 0;
        for t in 0..=seg.tokens.len() {
            at += matches[at..].iter().take_while(|m| m.tokens.start < t).count();
            match_from.push(at as u32);
        }
        let chars = seg.sentences.last().map_or(0, |s| s.span.end);
        let mut sentence_of_bucket = Vec::with_capacity(chars / CHARS_PER_BUCKET + 1);
        let mut k = 0;
        for bucket in 0..=chars / CHARS_PER_BUCKET {
            k += seg.sentences[k..].iter().take_while(|s| s.span.end <= bucket * CHARS_PER_BUCKET).count();
            sentence_of_bucket.push(k as u32);
        }
        let title_case = title_case_words(&seg, &norm);
        Input { text, seg, norm, matches, links, sentence_of, match_from, sentence_of_bucket, title_case }
    }

    /// Whether token `i` is capitalised only because its heading is in title case.
    pub fn is_title_case(&self, i: usize) -> bool {
        self.title_case.get(i).copied().unwrap_or(false)
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
        self.matches_starting_in(self.seg.sentences[s].tokens.clone())
    }

    /// The lexicon matches that start at a token of `tokens`.
    fn matches_starting_in(&self, tokens: std::ops::Range<usize>) -> &[Match] {
        &self.matches[self.match_from[tokens.start] as usize..self.match_from[tokens.end] as usize]
    }

    /// Matches that start within a few tokens before `tokens` and no later than its end:
    /// every match that can contain or equal `tokens`, found without scanning the sentence.
    pub fn matches_near(&self, tokens: &std::ops::Range<usize>) -> &[Match] {
        // Matches never start before their sentence.
        let Some(&s) = self.sentence_of.get(tokens.start) else { return &[] };
        let first = self.seg.sentences[s as usize].tokens.start.max(tokens.start.saturating_sub(MAX_ENTRY_TOKENS));
        self.matches_starting_in(first..tokens.start + 1)
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
        let sentences = &self.seg.sentences;
        let last = sentences.len().saturating_sub(1);
        let Some(&from) = self.sentence_of_bucket.get(pos / CHARS_PER_BUCKET) else { return last };
        // Each sentence stepped over ends within the bucket.
        let from = from as usize;
        (from + sentences[from..].iter().take_while(|s| s.span.end <= pos).count()).min(last)
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

/// An extracted article; offsets are chars of `article.text()`. Only the title and the
/// prose blocks (`Role::is_prose`) are read: captions, credits, bylines, datelines, related
/// links and tables are neither analysed nor counted. Links in the blocks count as sources
/// for the sentences that hold them.
pub fn analyze_article(article: &Article, options: &Options) -> Analysis {
    let sep = crate::article::BLOCK_SEPARATOR;
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
    let mut analysis = run(&Input::new(&text, options, links), options);
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

    #[test]
    fn tokens_and_sentences_at_every_char() {
        let text = "Héllo “wörld”.  Short.\n\nA much longer sentence follows here, with many words in it… Next? ";
        let text3 = text.repeat(3);
        let input = Input::new(&text3, &Options::default(), Vec::new());
        let (tokens, sentences) = (&input.seg.tokens, &input.seg.sentences);
        for pos in 0..text.chars().count() * 3 + 40 {
            let token = tokens.partition_point(|t| t.end as usize <= pos).min(tokens.len() - 1);
            let sentence = sentences.partition_point(|s| s.span.end <= pos).min(sentences.len() - 1);
            assert_eq!((input.token_at_char(pos), input.sentence_at_char(pos)), (token, sentence), "at char {pos}");
        }
        let empty = Input::new(" ", &Options::default(), Vec::new());
        assert_eq!((empty.token_at_char(0), empty.sentence_at_char(5)), (0, 0));
    }

    #[test]
    fn matches_near_are_those_starting_up_to_a_phrase_back_in_the_sentence() {
        let text = "Critics say it may be likely. It is widely believed that some experts said so, reportedly.";
        let input = Input::new(text, &Options::default(), Vec::new());
        assert!(input.matches.len() > 6);
        for t in 0..input.seg.tokens.len() {
            let first = input.seg.sentences[input.sentence_of(t)].tokens.start.max(t.saturating_sub(MAX_ENTRY_TOKENS));
            let expected: Vec<&Match> = input.matches.iter().filter(|m| (first..=t).contains(&m.tokens.start)).collect();
            assert_eq!(input.matches_near(&(t..t + 1)).iter().collect::<Vec<_>>(), expected, "at token {t}");
        }
        for s in 0..input.seg.sentences.len() {
            let own = input.seg.sentences[s].tokens.clone();
            assert!(input.sentence_matches(s).iter().all(|m| own.contains(&m.tokens.start)));
        }
        assert_eq!(input.matches.len(), (0..input.seg.sentences.len()).map(|s| input.sentence_matches(s).len()).sum::<usize>());
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
        use crate::article::{Block, Link, Role};
        let text = "Previous negotiations stalled in 2022 as Russia pressed its military campaign.";
        let block = |links| Block { role: Role::Paragraph, text: text.into(), links, runs: vec![] };
        let plain = Article { blocks: vec![block(vec![])], ..Article::default() };
        let linked = Article { blocks: vec![block(vec![Link { href: "https://example.org".into(), span: Span::new(0, 8) }])], ..Article::default() };
        let claims = |a: &Article| analyze_article(a, &Options::default()).findings.iter().filter(|f| f.kind == Kind::UnsourcedClaim).count();
        assert_eq!(claims(&plain), 1);
        assert_eq!(claims(&linked), 0);
    }

    #[test]
    fn article_analysis_skips_non_prose_blocks_and_keeps_offsets() {
        use crate::article::{Block, Role};
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
        let findings = analyze_article(&article, &Options::default()).findings;
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
