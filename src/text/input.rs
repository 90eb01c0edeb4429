//! The analysed text all passes share: tokens, sentences, quotations and lexicon
//! matches, prepared once, with the lookups the passes make by token and by char.

use crate::hash::{hash, HashedSet};
use crate::options::Options;
use crate::span::Span;
use crate::text::lexicon::{parse_list, LexKind, Lexicon, Match, Normalized, MAX_ENTRY_TOKENS};
use crate::text::segment::{segment, Segmented, TokenKind};

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
    /// Per token (empty when no heading or sentence opens with a capital): a capitalised word
    /// of a heading, or the first word of a sentence, that the text also writes in lower case:
    /// capitalised by its style or its place ("Study Finds" beside "the study", "Crime
    /// experts" beside "crime"), not a name.
    title_case: Vec<bool>,
}

/// Findings are located by char: a bucket index turns a binary search over a long
/// text's sentences into a step or two forward from the bucket's first sentence.
const CHARS_PER_BUCKET: usize = 64;

/// See `Input::title_case`. Title case is a matter of headlines and the headings near
/// them, so only the first `TITLE_CASE_REACH` tokens are looked at (sentence openings
/// too): the cost stays bounded however long the text.
fn title_case_words(seg: &Segmented, norm: &Normalized) -> Vec<bool> {
    let reach = seg.tokens.len().min(TITLE_CASE_REACH);
    let capitals_by_style_or_place: Vec<usize> = seg
        .sentences
        .iter()
        .take_while(|s| s.tokens.end <= reach)
        .flat_map(|s| {
            // A sentence's first word is capitalised by its place, as a heading's words may be by its style.
            let opening = s.tokens.clone().find(|&i| seg.tokens[i].kind == TokenKind::Word);
            let heading = if s.heading { s.tokens.clone() } else { 0..0 };
            heading.chain(opening)
        })
        .filter(|&i| seg.tokens[i].kind == TokenKind::Word && seg.tokens[i].upper)
        .collect();
    if capitals_by_style_or_place.is_empty() {
        return Vec::new();
    }
    // Words by hash (a collision can only make a name look like title case, rarely).
    let word_hash = |i: usize| hash(&[norm.token(i)]);
    let wanted: HashedSet = capitals_by_style_or_place.iter().map(|&i| word_hash(i)).collect();
    let lower: HashedSet = (0..reach)
        .filter(|&i| seg.tokens[i].kind == TokenKind::Word && !seg.tokens[i].upper)
        .map(word_hash)
        .filter(|h| wanted.contains(h))
        .collect();
    let mut title_case = vec![false; reach];
    for i in capitals_by_style_or_place {
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

    /// Whether token `i` is capitalised only because its heading is in title case or it opens
    /// its sentence.
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
