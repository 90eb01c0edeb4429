//! A learned detector of hedge and weasel cues: which words make a sentence uncertain
//! ("generally", "is considered", "one of the finest", "some people"). Trained from
//! sentence labels only (CoNLL-2010 WikiWeasel train) by multiple-instance (noisy-or)
//! logistic regression over candidate tokens; a candidate scoring above the threshold is
//! a cue, so every decision points at the words that made it. Retrain with
//! `cargo run --release --example train_hedge` (see docs/analyzer.md); the weights are
//! embedded from `src/model/hedge_cue.txt`.

use super::{parse_model, CandidateWords, Weights};
use crate::answer::analyze::Input;
use crate::passes::attribution::{is_capitalized, Attributions};
use crate::finding::{Finding, Kind};
use crate::text::lexicon::{LexKind, Match};
use std::sync::OnceLock;

/// What the rules made of a token: a feature of the model and a limit on it.
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

/// Per token, what the rules found there, from the rule findings (before the sensitivity
/// filter) and the attribution analysis.
pub fn token_states(input: &Input, attributions: &Attributions, findings: &[Finding]) -> Vec<TokenState> {
    let n = input.seg.tokens.len();
    let mut states = vec![TokenState::Free; n];
    for m in &input.matches {
        // The hedge rules judge these in context ("May" the month, "so many"): the model
        // may confirm what they kept but not bring back what they dropped.
        if matches!(m.kind, LexKind::Modal | LexKind::VagueQuantity) {
            states[m.tokens.clone()].iter_mut().for_each(|s| *s = TokenState::Excluded);
        }
    }
    for (s, sentence) in input.seg.sentences.iter().enumerate() {
        // Modals and quantities are out already (above); words the rules read in a plain sense too.
        for m in input.sentence_matches(s).iter().filter(|m| matches!(m.kind, LexKind::HedgeWord | LexKind::Inference)) {
            if crate::passes::hedge::rejected_in_context(input, m, &sentence.tokens) {
                states[m.tokens.clone()].iter_mut().for_each(|s| *s = TokenState::Excluded);
            }
        }
        if let Some(r) = attributions.reported.get(s).cloned().flatten() {
            states[(r.start + 1).min(r.end)..r.end.min(sentence.tokens.end)].iter_mut().for_each(|s| *s = TokenState::Excluded);
        }
    }
    for (i, state) in states.iter_mut().enumerate() {
        // Quoted from a named speaker, or already a cue of attribution.
        if attributions.taken[i] || input.seg.quote_of(i).is_some_and(|q| attributions.quote_speakers[q].is_some()) {
            *state = TokenState::Excluded;
        }
    }
    for f in findings {
        let state = match f.kind {
            Kind::Speculation => TokenState::Speculation,
            Kind::VagueAttribution => TokenState::Vague,
            _ => continue,
        };
        let mut i = input.token_at_char(f.span.start);
        while i < n && input.seg.tokens[i].chars().start < f.span.end {
            states[i] = state;
            i += 1;
        }
    }
    states
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
    weights: Weights,
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
        MODEL.get_or_init(|| HedgeModel::parse(include_str!("hedge_cue.txt")))
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
    use crate::answer::analyze::Options;

    fn feature_names(text: &str, i: usize) -> Vec<String> {
        let input = Input::new(text, &Options::default(), Vec::new());
        let attributions = crate::passes::attribution::find(&input);
        let hedges = crate::passes::hedge::find(&input, &attributions);
        let findings: Vec<Finding> = attributions.findings.iter().chain(&hedges).cloned().collect();
        let states = token_states(&input, &attributions, &findings);
        let mut names = Vec::new();
        features(&input, input.sentence_of(i), i, states[i], &mut |parts| names.push(parts.join(" ")));
        names
    }

    #[test]
    fn features_describe_the_word_its_context_and_the_rules() {
        let names = feature_names("It is widely regarded as one of the finest.", 2);
        for expected in ["bias", "w widely", "p is", "n regarded", "pw is widely", "wn widely regarded", "rule vague", "lex vframe"] {
            assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
        }
        let names = feature_names("Some people think so.", 0);
        assert!(names.iter().any(|n| n == "first"), "{names:?}");
        assert!(names.iter().any(|n| n == "lex quantity"), "{names:?}");
    }

    #[test]
    fn excluded_tokens_are_never_candidates() {
        let input = Input::new("The talks began in May. Visitors may not park.", &Options::default(), Vec::new());
        let attributions = crate::passes::attribution::find(&input);
        let hedges = crate::passes::hedge::find(&input, &attributions);
        let states = token_states(&input, &attributions, &hedges);
        let may = (0..input.seg.tokens.len()).filter(|&i| input.norm.token(i) == "may").collect::<Vec<_>>();
        assert_eq!(may.len(), 2);
        assert!(may.iter().all(|&i| candidacy(&input, &states, i) == Candidacy::Never));
    }

    #[test]
    fn parses_threshold_words_and_weights() {
        let model = HedgeModel::parse("# test\nthreshold\t0.5\nword\tgenerally\nw generally\t2\nbias\t-1\n");
        assert_eq!(model.threshold, 0.5);
        assert!(model.words.contains("generally"));
        let input = Input::new("It generally works.", &Options::default(), Vec::new());
        assert_eq!(model.score(&input, 0, 1, TokenState::Free), 1.0);
    }
}
