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
/// built at run time. Patterns are stored flat (texts end to end, entries end to end), which
/// keeps the static tables small in the wasm.
pub struct Lexicon {
    /// The patterns' normalized texts (" tok tok "), end to end; pattern `i` ends at `text_ends[i]`.
    text: Cow<'static, str>,
    text_ends: Cow<'static, [u32]>,
    /// Every (kind, strength) listing each pattern, end to end; pattern `i`'s end at `entry_ends[i]`.
    entries: Cow<'static, [Entry]>,
    entry_ends: Cow<'static, [u32]>,
    slots: Cow<'static, [Slot]>,
}

// The built-in lexicon's tables, from FILES (BUILTIN_TEXT, BUILTIN_TEXT_ENDS, BUILTIN_ENTRIES,
// BUILTIN_ENTRY_ENDS, BUILTIN_SLOTS), by build.rs.
include!(concat!(env!("OUT_DIR"), "/lexicon_builtin.rs"));

static BUILTIN: Lexicon = Lexicon {
    text: Cow::Borrowed(BUILTIN_TEXT),
    text_ends: Cow::Borrowed(BUILTIN_TEXT_ENDS),
    entries: Cow::Borrowed(BUILTIN_ENTRIES),
    entry_ends: Cow::Borrowed(BUILTIN_ENTRY_ENDS),
    slots: Cow::Borrowed(BUILTIN_SLOTS),
};

impl Lexicon {
    pub fn new(lists: impl IntoIterator<Item = (LexKind, Vec<(String, f32)>)>) -> Lexicon {
        let tables = build_tables(lists, MAX_ENTRY_TOKENS);
        let (mut text, mut text_ends, mut entries, mut entry_ends) = (String::new(), Vec::new(), Vec::new(), Vec::new());
        for (pattern, kinds) in tables.patterns {
            text.push_str(&pattern);
            text_ends.push(text.len() as u32);
            entries.extend(kinds.into_iter().map(|(kind, strength)| Entry { kind, strength }));
            entry_ends.push(entries.len() as u32);
        }
        Lexicon {
            text: Cow::Owned(text),
            text_ends: Cow::Owned(text_ends),
            entries: Cow::Owned(entries),
            entry_ends: Cow::Owned(entry_ends),
            slots: Cow::Owned(tables.slots),
        }
    }

    /// Pattern `i`'s normalized text and entries.
    fn pattern(&self, i: usize) -> (&str, &[Entry]) {
        let start = |ends: &[u32]| if i == 0 { 0 } else { ends[i - 1] as usize };
        (&self.text[start(&self.text_ends)..self.text_ends[i] as usize], &self.entries[start(&self.entry_ends)..self.entry_ends[i] as usize])
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
                    let (text, entries) = self.pattern(id as usize);
                    let end = norm.starts.get(last + 1).map_or(norm.text.len(), |&s| s as usize);
                    if norm.text[norm.starts[first] as usize - 1..end] == *text {
                        out.extend(entries.iter().map(|e| Match { kind: e.kind, strength: e.strength, tokens: first..last + 1 }));
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

    /// The list in `lexicon/context/NAME.txt`, as build.rs copies it without its comments
    /// (they are for the people who edit the lists, not for the wasm).
    macro_rules! list {
        ($name:literal) => {
            WordList::new(include_str!(concat!(env!("OUT_DIR"), "/context/", $name, ".txt")))
        };
    }

    pub static ADVERB: WordList = list!("adverb");
    pub static ADVERB_BEFORE_STATE: WordList = list!("adverb_before_state");
    pub static AUXILIARY: WordList = list!("auxiliary");
    pub static BODY_NOUN: WordList = list!("body_noun");
    pub static DETERMINER: WordList = list!("determiner");
    pub static DETERMINER_BEFORE_QUANTITY: WordList = list!("determiner_before_quantity");
    pub static DOCUMENT_NOUN: WordList = list!("document_noun");
    pub static EVENT_TIME: WordList = list!("event_time");
    pub static FIRST_PERSON: WordList = list!("first_person");
    pub static GENERIC_AFTER_MODAL: WordList = list!("generic_after_modal");
    pub static HANDOVER_VERB: WordList = list!("handover_verb");
    pub static HIDDEN_SOURCE_VERB: WordList = list!("hidden_source_verb");
    pub static MONTH_CONTEXT: WordList = list!("month_context");
    pub static NATIONALITY_OR_LEVEL: WordList = list!("nationality_or_level");
    pub static NEEDS_SUBJECT: WordList = list!("needs_subject");
    pub static NOT_A_STATE_SUBJECT: WordList = list!("not_a_state_subject");
    pub static NOT_NAME: WordList = list!("not_name");
    pub static NOT_SUPERLATIVE: WordList = list!("not_superlative");
    pub static OPINION_VERB: WordList = list!("opinion_verb");
    pub static PERMISSION_SUBJECT: WordList = list!("permission_subject");
    pub static PERSON_BEFORE_OF: WordList = list!("person_before_of");
    pub static PLACE_OR_TIME_AFTER_APPEAR: WordList = list!("place_or_time_after_appear");
    pub static POLL: WordList = list!("poll");
    pub static PRONOUN: WordList = list!("pronoun");
    pub static QUOTATION_CUE: WordList = list!("quotation_cue");
    pub static REFLEXIVE: WordList = list!("reflexive");
    pub static SIGNAL_NOUN_BEFORE: WordList = list!("signal_noun_before");
    pub static SORT_DETERMINER: WordList = list!("sort_determiner");
    pub static SOURCE_NOUN: WordList = list!("source_noun");
    pub static SPEAKER_BEFORE_SUGGESTED: WordList = list!("speaker_before_suggested");
    pub static SPEECH_NOUN: WordList = list!("speech_noun");
    pub static STANCE_NOUN: WordList = list!("stance_noun");
    pub static SUPERLATIVE: WordList = list!("superlative");
    pub static UNKNOWN_WORD: WordList = list!("unknown_word");
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
        for list in [&ADVERB, &ADVERB_BEFORE_STATE, &AUXILIARY, &BODY_NOUN, &DETERMINER, &DETERMINER_BEFORE_QUANTITY, &DOCUMENT_NOUN, &EVENT_TIME, &FIRST_PERSON, &GENERIC_AFTER_MODAL, &HANDOVER_VERB, &HIDDEN_SOURCE_VERB, &MONTH_CONTEXT, &NATIONALITY_OR_LEVEL, &NEEDS_SUBJECT, &NOT_A_STATE_SUBJECT, &NOT_NAME, &NOT_SUPERLATIVE, &OPINION_VERB, &PERMISSION_SUBJECT, &PERSON_BEFORE_OF, &PLACE_OR_TIME_AFTER_APPEAR, &POLL, &PRONOUN, &QUOTATION_CUE, &REFLEXIVE, &SIGNAL_NOUN_BEFORE, &SORT_DETERMINER, &SOURCE_NOUN, &SPEAKER_BEFORE_SUGGESTED, &SPEECH_NOUN, &STANCE_NOUN, &SUPERLATIVE, &UNKNOWN_WORD] {
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
        assert_eq!(builtin.text, built.text);
        assert_eq!(builtin.text_ends, built.text_ends);
        assert_eq!(builtin.entries, built.entries);
        assert_eq!(builtin.entry_ends, built.entry_ends);
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
