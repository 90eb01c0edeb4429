//! A learned detector of attribution cues, for the long tail of cue words the rules
//! miss ("investigates", "sought", "pointed to"). An averaged perceptron over lexical
//! and context features of candidate tokens, trained on the PolNeAR train split by
//! `cargo run --release --example train_attribution` (see docs/analyzer.md); the
//! weights are embedded from `src/model/attribution_cue.txt`.
//!
//! The models sit below the passes and read only the prepared text (`text::Input`); what
//! the rules found reaches the hedge model as `hedge::TokenState`s, from
//! `passes::uncertainty::token_states`.

use crate::text::Input;
use crate::text::lexicon::LexKind;
use crate::text::segment::TokenKind;
use crate::hash::{hash, hash_spaced, weight_key, HashedSet, WeightMap};
use std::sync::OnceLock;

pub mod calibration;
pub mod hedge;

/// Lowercased words that may be cues (and ":"); other tokens are never scored.
#[derive(Default)]
pub struct CandidateWords(HashedSet);

impl CandidateWords {
    pub fn insert(&mut self, word: &str) {
        self.0.insert(hash(&[word]));
    }
    pub fn contains(&self, word: &str) -> bool {
        word == ":" || self.0.contains(&hash(&[word]))
    }
}

/// Calls `emit` with the name parts of each feature of token `i` (in sentence `s`).
pub fn features(input: &Input, s: usize, i: usize, emit: &mut dyn FnMut(&[&str])) {
    let range = &input.seg.sentences[s].tokens;
    let word = |k: usize| if range.contains(&k) { input.norm.token(k) } else { "<s>" };
    let w = word(i);
    let prev = word(i.wrapping_sub(1));
    let next = word(i + 1);
    emit(&["bias"]);
    emit(&["w", w]);
    emit(&["p", prev]);
    emit(&["n", next]);
    emit(&["pw", prev, w]);
    emit(&["wn", w, next]);
    let suffix = w.char_indices().rev().nth(2).map_or(w, |(at, _)| &w[at..]);
    emit(&["sfx", suffix]);
    if i == range.start {
        emit(&["first"]);
    }
    if input.seg.quote_of(i).is_some() {
        emit(&["inquote"]);
    }
    if i > range.start && crate::text::words::is_capitalized(input, i - 1) {
        emit(&["prevcap"]);
    }
    if input.seg.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word) && i + 1 < range.end && crate::text::words::is_capitalized(input, i + 1) {
        emit(&["nextcap"]);
    }
    for m in input.matches_near(&(i..i + 1)) {
        if m.tokens.start <= i && i < m.tokens.end {
            let kind = match m.kind {
                LexKind::SpeechVerb => "speech",
                LexKind::Inference => "inference",
                LexKind::VagueFrame | LexKind::VagueSource => "vague",
                LexKind::Modal | LexKind::HedgeWord | LexKind::Frame => "hedge",
                _ => continue,
            };
            emit(&["lex", kind]);
        }
    }
}

/// Feature weights of a linear model, keyed by the `weight_key` of the hash of the
/// feature's name parts.
pub struct Weights(WeightMap);

impl Weights {
    /// The sum of the weights of the features `features` emits (unknown ones weigh 0).
    pub fn sum(&self, features: impl FnOnce(&mut dyn FnMut(&[&str]))) -> f32 {
        let mut total = 0.0;
        features(&mut |parts| total += self.0.get(&weight_key(hash(parts))).copied().unwrap_or(0.0));
        total
    }

    /// Adds the weights build.rs packed from a model file (`pack_model_weights` there):
    /// a little-endian u32 count, the keys in ascending order as LEB128 gaps from the one
    /// before, then each weight in thousandths as a little-endian i16. A third of the
    /// file's text, gzipped, in the wasm.
    fn add_packed(&mut self, packed: &[u8]) {
        let Some((count, rest)) = packed.split_first_chunk::<4>() else { return };
        let count = u32::from_le_bytes(*count) as usize;
        let mut keys = Vec::with_capacity(count);
        let (mut at, mut key) = (0usize, 0u32);
        while keys.len() < count && at < rest.len() {
            let (mut gap, mut shift) = (0u32, 0);
            while at < rest.len() {
                let byte = rest[at];
                at += 1;
                gap |= u32::from(byte & 0x7f) << shift;
                shift += 7;
                if byte < 0x80 {
                    break;
                }
            }
            key = key.wrapping_add(gap);
            keys.push(key);
        }
        let weights = rest[at..].chunks_exact(2).map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 1000.0);
        self.0.extend(keys.into_iter().zip(weights));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Parses a cue model file: `word\tWORD` lines list candidate words, `PARTS\tVALUE`
/// lines give feature weights (parts joined by a space), except that a line named in
/// `settings` sets that value instead; `#` starts a comment.
pub fn parse_model(source: &str, settings: &mut [(&str, &mut f32)]) -> (Weights, CandidateWords) {
    let mut weights = WeightMap::default();
    let mut words = CandidateWords::default();
    for line in source.lines().filter(|l| !l.starts_with('#')) {
        let Some((name, value)) = line.rsplit_once('\t') else { continue };
        if name == "word" {
            words.insert(value);
        } else if let Ok(x) = value.parse::<f32>() {
            match settings.iter_mut().find(|(setting, _)| *setting == name) {
                Some((_, slot)) => **slot = x,
                None => {
                    weights.insert(weight_key(hash_spaced(name)), x);
                }
            }
        }
    }
    (Weights(weights), words)
}

pub struct CueModel {
    weights: Weights,
    pub words: CandidateWords,
}

impl CueModel {
    /// Parses the model file (see `parse_model`).
    pub fn parse(source: &str) -> CueModel {
        let (weights, words) = parse_model(source, &mut []);
        CueModel { weights, words }
    }

    pub fn builtin() -> &'static CueModel {
        static MODEL: OnceLock<CueModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            // `attribution_cue.txt` as build.rs splits it: words and one-part names as text, the rest packed.
            let mut model = CueModel::parse(include_str!(concat!(env!("OUT_DIR"), "/attribution_cue.rest.txt")));
            model.weights.add_packed(include_bytes!(concat!(env!("OUT_DIR"), "/attribution_cue.weights")));
            model
        })
    }

    /// The score of token `i` as a cue (positive: a cue); None if it is not a candidate.
    pub fn score(&self, input: &Input, s: usize, i: usize) -> Option<f32> {
        if !self.words.contains(input.norm.token(i)) {
            return None;
        }
        Some(self.weights.sum(|emit| features(input, s, i, emit)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::text::Input;

    #[test]
    fn parses_words_and_weights() {
        let model = CueModel::parse("# test\nword\tsaid\nw said\t2.5\nbias\t-1\n");
        assert!(model.words.contains("said"));
        let input = Input::new("Peskov said so.", &Options::default(), Vec::new());
        assert_eq!(model.score(&input, 0, 1), Some(1.5));
        assert_eq!(model.score(&input, 0, 0), None);
    }

    #[test]
    fn the_packed_builtin_models_hold_their_files_weights() {
        let same = |a: &Weights, b: &Weights| a.0.len() == b.0.len() && a.0.iter().all(|(k, w)| b.0.get(k) == Some(w));
        assert!(same(&CueModel::builtin().weights, &CueModel::parse(include_str!("attribution_cue.txt")).weights));
        let hedge = hedge::HedgeModel::parse(include_str!("hedge_cue.txt"));
        assert!(same(&hedge::HedgeModel::builtin().weights, &hedge.weights));
        assert_eq!(hedge::HedgeModel::builtin().threshold, hedge.threshold);
    }

    #[test]
    fn builtin_model_scores_a_plain_cue_positive() {
        // "pointed (to)" is in no word list: the model learned it.
        let input = Input::new("Clinton pointed to attacks on her campaign.", &Options::default(), Vec::new());
        let model = CueModel::builtin();
        assert!(model.score(&input, 0, 1).is_some_and(|x| x > 0.0));
        assert!(model.score(&input, 0, 3).map_or(true, |x| x <= 0.0));
    }
}
