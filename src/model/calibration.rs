//! How likely a warning is to deserve its mark. A logistic model over a few plain features
//! of the finding and its sentence (its kind, its first word, whether a source stands in
//! or beside the sentence, a quotation, a heading, the lede), fitted on the development
//! split of the labelled news set (`data/news-gold`, labelled by the annotation guideline)
//! by `cargo run --release --example train_calibration`, which also reports how well the
//! probabilities hold on articles it did not see. A warning's strength is this probability,
//! so the sensitivity setting reads as "show what is at least this likely to be right".
//! The weights are embedded from `src/model/calibration.txt`.

use crate::finding::{Finding, Kind};
use crate::model::{parse_model, Weights};
use crate::text::segment::TokenKind;
use crate::text::words::is_capitalized;
use crate::text::Input;
use std::sync::OnceLock;

/// What the features need to know about each sentence beyond the text.
pub struct SentenceFacts<'a> {
    /// Per sentence: has an attribution or a vague attribution.
    pub sourced: &'a [bool],
}

/// Calls `emit` with the name parts of each feature of warning `f`.
pub fn features(input: &Input, facts: &SentenceFacts, f: &Finding, emit: &mut dyn FnMut(&[&str])) {
    let kind = f.kind.as_str();
    let sentences = &input.seg.sentences;
    if sentences.is_empty() {
        emit(&["bias", kind]);
        return;
    }
    let s = input.sentence_at_char(f.span.start);
    let sentence = &sentences[s];
    let range = sentence.tokens.clone();
    let first = input.token_at_char(f.span.start).clamp(range.start, range.end.saturating_sub(1).max(range.start));
    emit(&["bias", kind]);
    if first < input.seg.tokens.len() {
        emit(&["cue", kind, input.norm.token(first)]);
        if first > range.start && is_capitalized(input, first - 1) {
            emit(&["named_before", kind]);
        }
    }
    // The rules' own doubt: a general possibility ("may include"), a plain "because".
    if f.strength < 0.45 {
        emit(&["weak", kind]);
    }
    if sentence.heading {
        emit(&["heading", kind]);
    }
    if s < 2 {
        emit(&["lede", kind]);
    }
    if facts.sourced.get(s).copied().unwrap_or(false) {
        emit(&["sourced", kind]);
    }
    let before = s > 0 && !sentence.paragraph_start && facts.sourced.get(s - 1).copied().unwrap_or(false);
    let after = s + 1 < sentences.len() && !sentences[s + 1].paragraph_start && facts.sourced.get(s + 1).copied().unwrap_or(false);
    if before || after {
        emit(&["neighbour_sourced", kind]);
    }
    if range.clone().any(|i| input.seg.quote_of(i).is_some()) {
        emit(&["quote", kind]);
    }
    let words = range.clone().filter(|&i| input.seg.tokens[i].kind == TokenKind::Word).count();
    if words < 10 {
        emit(&["short", kind]);
    } else if words > 35 {
        emit(&["long", kind]);
    }
    if range.clone().any(|i| input.seg.tokens[i].kind == TokenKind::Number) {
        emit(&["number", kind]);
    }
    if range.clone().any(|i| matches!(input.norm.token(i), "i" | "we" | "my" | "our")) {
        emit(&["first_person", kind]);
    }
}

pub struct Calibration {
    weights: Weights,
}

impl Calibration {
    /// Parses a model file (`PARTS\tWEIGHT` lines, see `model::parse_model`).
    pub fn parse(source: &str) -> Calibration {
        let (weights, _) = parse_model(source, &mut []);
        Calibration { weights }
    }

    pub fn builtin() -> &'static Calibration {
        static MODEL: OnceLock<Calibration> = OnceLock::new();
        MODEL.get_or_init(|| Calibration::parse(include_str!("calibration.txt")))
    }

    /// The chance that warning `f` deserves its mark, 0..1.
    pub fn probability(&self, input: &Input, facts: &SentenceFacts, f: &Finding) -> f32 {
        let z = self.weights.sum(|emit| features(input, facts, f, emit));
        1.0 / (1.0 + (-z).exp())
    }
}

/// Whether findings of `kind` are warnings, the marks the calibration scores.
pub fn is_warning(kind: Kind) -> bool {
    matches!(kind, Kind::Speculation | Kind::VagueAttribution | Kind::UnsourcedClaim)
}
