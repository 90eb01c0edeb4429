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

/// What the features need to know about each sentence, computed once per text so that
/// scoring many warnings in one long sentence stays linear.
pub struct SentenceFacts<'a> {
    /// Per sentence: has an attribution or a vague attribution.
    sourced: &'a [bool],
    /// Per sentence: holds words of a quotation.
    quoted: Vec<bool>,
    /// Per sentence: its words.
    words: Vec<u32>,
    /// Per sentence: holds a number.
    number: Vec<bool>,
    /// Per sentence: the writer speaks in the first person.
    first_person: Vec<bool>,
}

impl<'a> SentenceFacts<'a> {
    pub fn new(input: &Input, sourced: &'a [bool]) -> SentenceFacts<'a> {
        let n = input.seg.sentences.len();
        let mut facts = SentenceFacts { sourced, quoted: vec![false; n], words: vec![0; n], number: vec![false; n], first_person: vec![false; n] };
        for (s, sentence) in input.seg.sentences.iter().enumerate() {
            for i in sentence.tokens.clone() {
                match input.seg.tokens[i].kind {
                    TokenKind::Word => {
                        facts.words[s] += 1;
                        facts.first_person[s] |= matches!(input.norm.token(i), "i" | "we" | "my" | "our");
                    }
                    TokenKind::Number => facts.number[s] = true,
                    TokenKind::Punct => {}
                }
                facts.quoted[s] |= input.seg.quote_of(i).is_some();
            }
        }
        facts
    }
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
    if facts.quoted[s] {
        emit(&["quote", kind]);
    }
    if facts.words[s] < 10 {
        emit(&["short", kind]);
    } else if facts.words[s] > 35 {
        emit(&["long", kind]);
    }
    if facts.number[s] {
        emit(&["number", kind]);
    }
    if facts.first_person[s] {
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
