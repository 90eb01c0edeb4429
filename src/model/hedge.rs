//! A learned detector of hedge and weasel cues: which words make a sentence uncertain
//! ("generally", "is considered", "one of the finest", "some people"). Trained from
//! sentence labels only (CoNLL-2010 WikiWeasel train) by multiple-instance (noisy-or)
//! logistic regression over candidate tokens; a candidate scoring above the threshold is
//! a cue, so every decision points at the words that made it. Retrain with
//! `cargo run --release --example train_hedge` (see docs/analyzer.md); the weights are
//! embedded from `src/model/hedge_cue.txt`.

use super::{parse_model, CandidateWords, Weights};
use crate::text::lexicon::{LexKind, Match};
use crate::text::words::is_capitalized;
use crate::text::Input;
use std::sync::OnceLock;

/// What the rules made of a token: a feature of the model and a limit on it (found by
/// `passes::uncertainty::token_states`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenState {
    #[default]
    Free,
    /// Inside a rule finding of kind speculation.
    Speculation,
    /// Inside a rule finding of kind vague attribution.
    Vague,
    /// Never a cue of the writer's: a named speaker's quotation or reported speech, an
    /// attribution cue, or a lexicon word the hedge rules rejected in its context ("May" the
    /// month, "could not", permission, "the many", "appeared in court").
    Excluded,
}

/// The name of a lexicon kind that hedges or hides a source, as a feature part.
fn hedge_kind_name(kind: LexKind) -> Option<&'static str> {
    Some(match kind {
        LexKind::Modal => "modal",
        LexKind::HedgeWord => "hedge",
        LexKind::Inference => "inference",
        LexKind::Frame => "frame",
        LexKind::VagueSource => "source",
        LexKind::VagueFrame => "vframe",
        LexKind::VagueQuantity => "quantity",
        LexKind::Peacock => "peacock",
        LexKind::Comparison => "comparison",
        LexKind::SpeechVerb => "speech",
        _ => return None,
    })
}

/// Lexicon kinds whose words are always candidates, learned word list or not.
pub fn is_cue_kind(kind: LexKind) -> bool {
    matches!(
        kind,
        LexKind::Modal
            | LexKind::HedgeWord
            | LexKind::Inference
            | LexKind::Frame
            | LexKind::VagueSource
            | LexKind::VagueFrame
            | LexKind::VagueQuantity
            | LexKind::Peacock
    )
}

/// Whether token `i` may be scored as a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidacy {
    /// Excluded, or not a word.
    Never,
    /// Only if it is one of the model's learned candidate words.
    IfLearned,
    /// A word of a hedging lexicon entry, or a word the rules marked.
    Always,
}

/// A lone source noun after a word ("to placate critics", "among Ukraine's allies") is
/// what is acted on, not who speaks.
/// `near` is `input.matches_near(&(i..i + 1))`.
fn is_source_object(input: &Input, i: usize, near: &[Match]) -> bool {
    let word = input.norm.token(i);
    let lone_source = near.iter().all(|m| !m.tokens.contains(&i) || m.tokens.len() == 1)
        && near.iter().any(|m| m.tokens == (i..i + 1) && m.kind == LexKind::VagueSource);
    lone_source
        && !is_quantifier(word)
        && i > 0
        && input.sentence_of(i - 1) == input.sentence_of(i)
        && input.seg.tokens[i - 1].kind == crate::text::segment::TokenKind::Word
        && !matches!(input.norm.token(i - 1), "and" | "but" | "while" | "though" | "although" | "the")
}

/// Words that say how many, not who: "some", "several".
pub fn is_quantifier(word: &str) -> bool {
    matches!(word, "some" | "many" | "most" | "several" | "various" | "numerous" | "countless" | "others")
}

pub fn candidacy(input: &Input, states: &[TokenState], i: usize) -> Candidacy {
    match states[i] {
        // A vague source the rules found is a vague attribution already; the model adds
        // nothing there, so it neither trains nor scores on it.
        TokenState::Excluded | TokenState::Vague => Candidacy::Never,
        TokenState::Speculation => Candidacy::Always,
        TokenState::Free if input.seg.tokens[i].kind != crate::text::segment::TokenKind::Word => Candidacy::Never,
        TokenState::Free => {
            // Looked up once: this runs for every word of the text.
            let near = input.matches_near(&(i..i + 1));
            if is_source_object(input, i, near) {
                Candidacy::Never
            } else if near.iter().any(|m| m.tokens.contains(&i) && is_cue_kind(m.kind)) {
                Candidacy::Always
            } else {
                Candidacy::IfLearned
            }
        }
    }
}

/// Calls `emit` with the name parts of each feature of candidate token `i` in sentence `s`.
pub fn features(input: &Input, s: usize, i: usize, state: TokenState, emit: &mut dyn FnMut(&[&str])) {
    let range = &input.seg.sentences[s].tokens;
    let word = |k: usize| if range.contains(&k) { input.norm.token(k) } else { "<s>" };
    let w = word(i);
    let (prev, prev2) = (word(i.wrapping_sub(1)), word(i.wrapping_sub(2)));
    let (next, next2) = (word(i + 1), word(i + 2));
    emit(&["bias"]);
    emit(&["w", w]);
    emit(&["p", prev]);
    emit(&["n", next]);
    emit(&["p2", prev2]);
    emit(&["n2", next2]);
    emit(&["pw", prev, w]);
    emit(&["wn", w, next]);
    if w.len() > 4 {
        let suffix = w.char_indices().rev().nth(2).map_or(w, |(at, _)| &w[at..]);
        emit(&["sfx", suffix]);
    }
    if i == range.start {
        emit(&["first"]);
    } else if is_capitalized(input, i) {
        emit(&["cap"]);
    }
    if input.seg.quote_of(i).is_some() {
        emit(&["inquote"]);
    }
    match state {
        TokenState::Speculation => emit(&["rule", "speculation"]),
        TokenState::Vague => emit(&["rule", "vague"]),
        _ => {}
    }
    for m in input.matches_near(&(i..i + 1)) {
        if m.tokens.contains(&i) {
            if let Some(kind) = hedge_kind_name(m.kind) {
                emit(&["lex", kind]);
                emit(&["lexw", kind, w]);
            }
        }
    }
}

pub struct HedgeModel {
    pub(super) weights: Weights,
    pub words: CandidateWords,
    /// A sentence is uncertain when a candidate scores above this.
    pub threshold: f32,
}

impl HedgeModel {
    /// Parses the model file: a `threshold\tX` line, then as `super::parse_model` reads.
    pub fn parse(source: &str) -> HedgeModel {
        let mut threshold = 0.0;
        let (weights, words) = parse_model(source, &mut [("threshold", &mut threshold)]);
        HedgeModel { weights, words, threshold }
    }

    pub fn builtin() -> &'static HedgeModel {
        static MODEL: OnceLock<HedgeModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            // `hedge_cue.txt` as build.rs splits it: words, the threshold and one-part names as text, the rest packed.
            let mut model = HedgeModel::parse(include_str!(concat!(env!("OUT_DIR"), "/hedge_cue.rest.txt")));
            model.weights.add_packed(include_bytes!(concat!(env!("OUT_DIR"), "/hedge_cue.weights")));
            model
        })
    }

    /// Whether token `i` is scored at all.
    pub fn is_candidate(&self, input: &Input, states: &[TokenState], i: usize) -> bool {
        match candidacy(input, states, i) {
            Candidacy::Never => false,
            Candidacy::Always => true,
            Candidacy::IfLearned => self.words.contains(input.norm.token(i)),
        }
    }

    /// The score of candidate token `i` (in sentence `s`) as a hedge cue.
    pub fn score(&self, input: &Input, s: usize, i: usize, state: TokenState) -> f32 {
        self.weights.sum(|emit| features(input, s, i, state, emit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    #[test]
    fn parses_threshold_words_and_weights() {
        let model = HedgeModel::parse("# test\nthreshold\t0.5\nword\tgenerally\nw generally\t2\nbias\t-1\n");
        assert_eq!(model.threshold, 0.5);
        assert!(model.words.contains("generally"));
        let input = Input::new("It generally works.", &Options::default(), Vec::new());
        assert_eq!(model.score(&input, 0, 1, TokenState::Free), 1.0);
    }
}
