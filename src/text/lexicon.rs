//! Word lists (`src/text/lexicon/*.txt`, one file per kind) matched in one pass over the
//! lowercased token sequence, a token at a time: from each token, the following tokens
//! are followed while they begin some entry (a hash lookup per token), so only
//! whole-token matches are found. The context word lists (`lexicon/context/*.txt`), which
//! the rules check single words against ("has" between a verb and its subject), are
//! `WordList`s in `context`.
//!
//! Tokens are joined by single spaces and padded with spaces, and every pattern is
//! normalized the same way, so a candidate is confirmed by comparing the two texts
//! (`phrase`). The built-in lists' tables are built when the crate is compiled (`build.rs`).

use crate::hash::{hash, hash_part, HashedMap};
pub use crate::text::phrase::{normalize_phrase, parse_list, Normalized};
use crate::text::phrase::{build_tables, lookup, Slot};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LexKind {
    /// may, might, could
    Modal,
    /// likely, possibly, reportedly
    HedgeWord,
    /// suggests, appears to, is believed
    Inference,
    /// it is believed, raises questions
    Frame,
    /// critics, reports, some experts
    VagueSource,
    /// some, many, several
    VagueQuantity,
    /// critics say, it is widely thought
    VagueFrame,
    /// said, told, according to
    SpeechVerb,
    /// I think, should, in my view
    Opinion,
    /// Signals of a checkable fact: dates, causes, comparisons, past events.
    Date,
    Cause,
    Comparison,
    /// What others want, fear or believe: "wants", "is determined".
    InnerState,
    /// Shares, rates and world records: "percent", "a record", "in the world".
    Statistic,
    /// Predictions stated as fact: "is on track to", "is set to".
    Prediction,
    /// Groups whose views a writer may assert: "voters", "Americans".
    Group,
    /// Judgements stated as fact: "has proved ineffective", "plagued by".
    Contested,
    PastTense,
    /// one of the best, famous, widely acclaimed: praise with no measure or source.
    Peacock,
    /// From `Options::custom_hedges`.
    CustomHedge,
    /// From `Options::custom_sources`.
    CustomSource,
}

/// The built-in word lists, one file per kind. `build.rs` reads this table (one
/// `(LexKind::…, include_str!("…"))` a line) to build the built-in lexicon's tables; the
/// tests check that they are what `Lexicon::new` builds from these files.
#[cfg_attr(not(test), allow(dead_code))]
const FILES: &[(LexKind, &str)] = &[
    (LexKind::Modal, include_str!("lexicon/modal.txt")),
    (LexKind::HedgeWord, include_str!("lexicon/hedge_word.txt")),
    (LexKind::Inference, include_str!("lexicon/inference.txt")),
    (LexKind::Frame, include_str!("lexicon/frame.txt")),
    (LexKind::VagueSource, include_str!("lexicon/vague_source.txt")),
    (LexKind::VagueFrame, include_str!("lexicon/vague_frame.txt")),
    (LexKind::VagueQuantity, include_str!("lexicon/vague_quantity.txt")),
    (LexKind::SpeechVerb, include_str!("lexicon/speech_verb.txt")),
    (LexKind::Opinion, include_str!("lexicon/opinion.txt")),
    (LexKind::Date, include_str!("lexicon/date.txt")),
    (LexKind::Cause, include_str!("lexicon/cause.txt")),
    (LexKind::Comparison, include_str!("lexicon/comparison.txt")),
    (LexKind::InnerState, include_str!("lexicon/inner_state.txt")),
    (LexKind::Statistic, include_str!("lexicon/statistic.txt")),
    (LexKind::Prediction, include_str!("lexicon/prediction.txt")),
    (LexKind::Group, include_str!("lexicon/group.txt")),
    (LexKind::Contested, include_str!("lexicon/contested.txt")),
    (LexKind::PastTense, include_str!("lexicon/past_tense.txt")),
    (LexKind::Peacock, include_str!("lexicon/peacock.txt")),
];

/// Longer phrases are ignored, so rules can find every match around a token by looking
/// this many tokens back.
pub const MAX_ENTRY_TOKENS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub kind: LexKind,
    pub strength: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub kind: LexKind,
    pub strength: f32,
    /// Token indices.
    pub tokens: Range<usize>,
}

impl Match {
    /// The order of matches: by start token, longest first, then by kind.
    pub fn order(&self) -> (usize, std::cmp::Reverse<usize>, u8) {
        (self.tokens.start, std::cmp::Reverse(self.tokens.end), self.kind as u8)
    }
}

/// The word lists' patterns and their prefix table (`phrase::build_tables`): the built-in
/// lexicon's are built by `build.rs` when the crate is compiled; a reader's own words are
/// built at run time.
pub struct Lexicon {
    /// Per pattern: its normalized text (" tok tok ") and every (kind, strength) listing it.
    patterns: Cow<'static, [Pattern]>,
    slots: Cow<'static, [Slot]>,
}

#[derive(Debug, Clone, PartialEq)]
struct Pattern {
    text: Cow<'static, str>,
    entries: Cow<'static, [Entry]>,
}

// The built-in lexicon's tables, from FILES (BUILTIN_PATTERNS, BUILTIN_SLOTS), by build.rs.
include!(concat!(env!("OUT_DIR"), "/lexicon_builtin.rs"));

static BUILTIN: Lexicon = Lexicon { patterns: Cow::Borrowed(BUILTIN_PATTERNS), slots: Cow::Borrowed(BUILTIN_SLOTS) };

impl Lexicon {
    pub fn new(lists: impl IntoIterator<Item = (LexKind, Vec<(String, f32)>)>) -> Lexicon {
        let tables = build_tables(lists, MAX_ENTRY_TOKENS);
        let patterns = tables
            .patterns
            .into_iter()
            .map(|(text, entries)| Pattern {
                text: Cow::Owned(text),
                entries: entries.into_iter().map(|(kind, strength)| Entry { kind, strength }).collect(),
            })
            .collect();
        Lexicon { patterns: Cow::Owned(patterns), slots: Cow::Owned(tables.slots) }
    }

    /// The built-in lexicon: tables made when the crate was compiled, nothing to build.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// Every whole-token occurrence of every entry, sorted by start token then longest
    /// first (then by kind).
    pub fn find(&self, norm: &Normalized) -> Vec<Match> {
        let mut out = Vec::new();
        let n = norm.starts.len();
        // From each token, follow the tokens while they are a prefix of some pattern: most
        // tokens begin none, so this costs a hash and a lookup per token. The table only
        // narrows the search: every candidate is checked against the pattern's text.
        for first in 0..n {
            let from = out.len();
            let mut h = 0;
            for last in first..n.min(first + MAX_ENTRY_TOKENS) {
                h = hash_part(h, norm.token(last).as_bytes());
                let longer = lookup(&self.slots, h, |id| {
                    let pattern = &self.patterns[id as usize];
                    let end = norm.starts.get(last + 1).map_or(norm.text.len(), |&s| s as usize);
                    if norm.text[norm.starts[first] as usize - 1..end] == pattern.text {
                        out.extend(pattern.entries.iter().map(|e| Match { kind: e.kind, strength: e.strength, tokens: first..last + 1 }));
                    }
                });
                if longer != Some(true) {
                    break;
                }
            }
            // A few matches at most, found shortest first.
            out[from..].sort_unstable_by_key(Match::order);
        }
        out
    }
}

/// A context word list: lowercased single words, in a file like the lexicon's (" | "
/// between words, "#" comments), read on first use.
pub struct WordList {
    source: &'static str,
    /// Each word by its hash (see `hash::hash`).
    words: OnceLock<HashedMap<&'static str>>,
}

impl WordList {
    pub const fn new(source: &'static str) -> WordList {
        WordList { source, words: OnceLock::new() }
    }

    fn words(&self) -> &HashedMap<&'static str> {
        self.words.get_or_init(|| {
            let mut words = HashedMap::default();
            for word in self.iter() {
                let other = words.insert(hash(&[word]), word);
                assert!(other.map_or(true, |o| o == word), "{word} and {other:?} hash alike");
            }
            words
        })
    }

    /// Whether `word` (lowercased, as `Normalized::token` gives it) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.words().get(&hash(&[word])).is_some_and(|w| *w == word)
    }

    /// The words, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.source
            .lines()
            .flat_map(|line| line.split('#').next().unwrap_or("").split(" | "))
            .map(str::trim)
            .filter(|w| !w.is_empty())
    }
}

/// The context word lists, one file each in `lexicon/context/`; each file says what its
/// words are for.
pub mod context {
    use super::WordList;

    pub static ADVERB: WordList = WordList::new(include_str!("lexicon/context/adverb.txt"));
    pub static ADVERB_BEFORE_STATE: WordList = WordList::new(include_str!("lexicon/context/adverb_before_state.txt"));
    pub static AUXILIARY: WordList = WordList::new(include_str!("lexicon/context/auxiliary.txt"));
    pub static BODY_NOUN: WordList = WordList::new(include_str!("lexicon/context/body_noun.txt"));
    pub static DETERMINER: WordList = WordList::new(include_str!("lexicon/context/determiner.txt"));
    pub static DETERMINER_BEFORE_QUANTITY: WordList = WordList::new(include_str!("lexicon/context/determiner_before_quantity.txt"));
    pub static DOCUMENT_NOUN: WordList = WordList::new(include_str!("lexicon/context/document_noun.txt"));
    pub static EVENT_TIME: WordList = WordList::new(include_str!("lexicon/context/event_time.txt"));
    pub static FIRST_PERSON: WordList = WordList::new(include_str!("lexicon/context/first_person.txt"));
    pub static GENERIC_AFTER_MODAL: WordList = WordList::new(include_str!("lexicon/context/generic_after_modal.txt"));
    pub static HANDOVER_VERB: WordList = WordList::new(include_str!("lexicon/context/handover_verb.txt"));
    pub static HIDDEN_SOURCE_VERB: WordList = WordList::new(include_str!("lexicon/context/hidden_source_verb.txt"));
    pub static MONTH_CONTEXT: WordList = WordList::new(include_str!("lexicon/context/month_context.txt"));
    pub static NATIONALITY_OR_LEVEL: WordList = WordList::new(include_str!("lexicon/context/nationality_or_level.txt"));
    pub static NEEDS_SUBJECT: WordList = WordList::new(include_str!("lexicon/context/needs_subject.txt"));
    pub static NOT_A_STATE_SUBJECT: WordList = WordList::new(include_str!("lexicon/context/not_a_state_subject.txt"));
    pub static NOT_NAME: WordList = WordList::new(include_str!("lexicon/context/not_name.txt"));
    pub static NOT_SUPERLATIVE: WordList = WordList::new(include_str!("lexicon/context/not_superlative.txt"));
    pub static OPINION_VERB: WordList = WordList::new(include_str!("lexicon/context/opinion_verb.txt"));
    pub static PERMISSION_SUBJECT: WordList = WordList::new(include_str!("lexicon/context/permission_subject.txt"));
    pub static PERSON_BEFORE_OF: WordList = WordList::new(include_str!("lexicon/context/person_before_of.txt"));
    pub static PLACE_OR_TIME_AFTER_APPEAR: WordList = WordList::new(include_str!("lexicon/context/place_or_time_after_appear.txt"));
    pub static POLL: WordList = WordList::new(include_str!("lexicon/context/poll.txt"));
    pub static PRONOUN: WordList = WordList::new(include_str!("lexicon/context/pronoun.txt"));
    pub static QUOTATION_CUE: WordList = WordList::new(include_str!("lexicon/context/quotation_cue.txt"));
    pub static REFLEXIVE: WordList = WordList::new(include_str!("lexicon/context/reflexive.txt"));
    pub static SIGNAL_NOUN_BEFORE: WordList = WordList::new(include_str!("lexicon/context/signal_noun_before.txt"));
    pub static SORT_DETERMINER: WordList = WordList::new(include_str!("lexicon/context/sort_determiner.txt"));
    pub static SOURCE_NOUN: WordList = WordList::new(include_str!("lexicon/context/source_noun.txt"));
    pub static SPEAKER_BEFORE_SUGGESTED: WordList = WordList::new(include_str!("lexicon/context/speaker_before_suggested.txt"));
    pub static SPEECH_NOUN: WordList = WordList::new(include_str!("lexicon/context/speech_noun.txt"));
    pub static SUPERLATIVE: WordList = WordList::new(include_str!("lexicon/context/superlative.txt"));
    pub static UNKNOWN_WORD: WordList = WordList::new(include_str!("lexicon/context/unknown_word.txt"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::segment;

    fn found(text: &str) -> Vec<(LexKind, String)> {
        let seg = segment(text);
        let norm = Normalized::new(text, &seg);
        Lexicon::builtin().find(&norm).into_iter().map(|m| (m.kind, seg.slice(text, m.tokens).to_string())).collect()
    }

    #[test]
    fn context_word_lists_hold_single_normalized_tokens() {
        use context::*;
        for list in [&ADVERB, &ADVERB_BEFORE_STATE, &AUXILIARY, &BODY_NOUN, &DETERMINER, &DETERMINER_BEFORE_QUANTITY, &DOCUMENT_NOUN, &EVENT_TIME, &FIRST_PERSON, &GENERIC_AFTER_MODAL, &HANDOVER_VERB, &HIDDEN_SOURCE_VERB, &MONTH_CONTEXT, &NATIONALITY_OR_LEVEL, &NEEDS_SUBJECT, &NOT_A_STATE_SUBJECT, &NOT_NAME, &NOT_SUPERLATIVE, &OPINION_VERB, &PERMISSION_SUBJECT, &PERSON_BEFORE_OF, &PLACE_OR_TIME_AFTER_APPEAR, &POLL, &PRONOUN, &QUOTATION_CUE, &REFLEXIVE, &SIGNAL_NOUN_BEFORE, &SORT_DETERMINER, &SOURCE_NOUN, &SPEAKER_BEFORE_SUGGESTED, &SPEECH_NOUN, &SUPERLATIVE, &UNKNOWN_WORD] {
            assert!(list.iter().count() > 0);
            for word in list.iter() {
                assert_eq!(normalize_phrase(word), format!(" {word} "), "{word} is not one lowercased token");
                assert!(list.contains(word) && !list.contains(&format!("{word}x")));
            }
        }
    }

    #[test]
    fn builtin_tables_from_build_rs_are_what_the_run_time_builds_from_the_files() {
        let built = Lexicon::new(FILES.iter().map(|(kind, src)| (*kind, parse_list(src))));
        let builtin = Lexicon::builtin();
        assert_eq!(builtin.patterns.len(), built.patterns.len());
        assert!(builtin.patterns.iter().zip(built.patterns.iter()).all(|(a, b)| a == b), "patterns differ");
        assert_eq!(builtin.slots, built.slots);
        // build.rs's own copy of the limit.
        let build_rs = include_str!("../../build.rs");
        assert!(build_rs.contains(&format!("const MAX_ENTRY_TOKENS: usize = {MAX_ENTRY_TOKENS};")));
    }

    #[test]
    fn matches_whole_tokens_only() {
        let got = found("Dismay in Maybury.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn matches_case_and_apostrophes_insensitively() {
        let got = found("It Seems likely.");
        assert!(got.contains(&(LexKind::Inference, "Seems".into())));
        assert!(got.contains(&(LexKind::HedgeWord, "likely".into())));
    }

    #[test]
    fn reports_longest_and_shorter_overlapping_entries() {
        let got = found("Critics say it may be late.");
        assert!(got.contains(&(LexKind::VagueFrame, "Critics say".into())));
        assert!(got.contains(&(LexKind::VagueSource, "Critics".into())));
        assert!(got.contains(&(LexKind::Modal, "may be".into())));
        assert!(got.contains(&(LexKind::Modal, "may".into())));
    }

    #[test]
    fn one_phrase_may_belong_to_several_kinds() {
        let got = found("The study suggests otherwise.");
        assert!(got.contains(&(LexKind::Inference, "suggests".into())));
        assert!(got.contains(&(LexKind::SpeechVerb, "suggests".into())));
    }

    #[test]
    fn parses_alternatives_strengths_and_comments() {
        let list = parse_list("# note\n=0.4\na | b c # tail\n=0.9\nd\n");
        assert_eq!(list, [("a".to_string(), 0.4), ("b c".to_string(), 0.4), ("d".to_string(), 0.9)]);
    }

    #[test]
    fn prefixes_of_entries_are_followed_and_matches_come_in_order() {
        let entries = ["a b c", "a b", "b c d", "x y"].map(|p| (p.to_string(), 0.5)).to_vec();
        let lex = Lexicon::new([(LexKind::CustomHedge, entries.clone()), (LexKind::CustomSource, entries[1..2].to_vec())]);
        let text = "A b c d a b x x";
        let got: Vec<(LexKind, Range<usize>)> = lex.find(&Normalized::new(text, &segment(text))).into_iter().map(|m| (m.kind, m.tokens)).collect();
        use LexKind::{CustomHedge as H, CustomSource as S};
        assert_eq!(got, [(H, 0..3), (H, 0..2), (S, 0..2), (H, 1..4), (H, 4..6), (S, 4..6)]);
    }

    #[test]
    fn custom_lexicons_work_like_builtin_ones() {
        let lex = Lexicon::new([(LexKind::CustomHedge, vec![("in all probability".to_string(), 0.8)])]);
        let text = "In all probability, yes.";
        let seg = segment(text);
        let got = lex.find(&Normalized::new(text, &seg));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].tokens, 0..3);
    }
}
