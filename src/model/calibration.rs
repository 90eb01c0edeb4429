//! How likely a warning is to deserve its mark. A logistic model over the rules' own
//! strength (as log-odds, `rule_logit`) and plain features of the finding and its sentence
//! (`features`: its first word and the words around it, a quotation, a source in or beside
//! the sentence, a heading, the lede, …), fitted on the labelled news set (`data/news-gold`,
//! labelled by the annotation guideline) by `cargo run --release --example train_calibration
//! -- --all-splits`; `tools/news/score.py --cv 5` measures it on articles it did not see. A
//! warning's strength is this probability, so the sensitivity setting reads as "show what
//! is at least this likely to be right".
//! The weights are embedded from `src/model/calibration.txt`.

use crate::finding::{Finding, Kind};
use crate::hash::{hash, HashedMap};
use crate::model::{parse_model, Weights};
use crate::text::lexicon::context::{AUXILIARY, DETERMINER, PRONOUN};
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
    /// Per sentence: addresses the reader ("you").
    second_person: Vec<bool>,
    /// Per sentence: a condition or an open question ("if", "unless", "whether").
    conditional: Vec<bool>,
    /// Per sentence: how many vague attributions it holds.
    vague: Vec<u8>,
    /// By word (hashed), the first token where each vague attribution's group word
    /// ("researchers") follows a name ("ESET researchers"): a group the text named before.
    first_mention: HashedMap<usize>,
}

impl<'a> SentenceFacts<'a> {
    pub fn new(input: &Input, sourced: &'a [bool], findings: &[Finding]) -> SentenceFacts<'a> {
        let n = input.seg.sentences.len();
        let mut facts = SentenceFacts {
            sourced,
            quoted: vec![false; n],
            words: vec![0; n],
            number: vec![false; n],
            first_person: vec![false; n],
            second_person: vec![false; n],
            conditional: vec![false; n],
            vague: vec![0; n],
            first_mention: HashedMap::default(),
        };
        for (s, sentence) in input.seg.sentences.iter().enumerate() {
            for i in sentence.tokens.clone() {
                match input.seg.tokens[i].kind {
                    TokenKind::Word => {
                        facts.words[s] += 1;
                        let word = input.norm.token(i);
                        // The writer's own voice: subject and possessive forms only. With
                        // `context::FIRST_PERSON`'s "me" and "us" (common in quoted speech) the
                        // cross-validated log loss is worse (0.582 against 0.578).
                        facts.first_person[s] |= matches!(word, "i" | "we" | "my" | "our");
                        facts.second_person[s] |= matches!(word, "you" | "your");
                        facts.conditional[s] |= matches!(word, "if" | "unless" | "whether");
                    }
                    TokenKind::Number => facts.number[s] = true,
                    TokenKind::Punct => {}
                }
                facts.quoted[s] |= input.seg.quote_of(i).is_some();
            }
        }
        if n > 0 {
            for f in findings.iter().filter(|f| f.kind == Kind::VagueAttribution) {
                let s = input.sentence_at_char(f.span.start);
                facts.vague[s] = facts.vague[s].saturating_add(1);
                facts.first_mention.insert(hash(&[input.norm.token(input.token_at_char(f.span.start))]), usize::MAX);
            }
            if !facts.first_mention.is_empty() {
                // Only mentions that name the group: "ESET researchers", "Pentagon officials".
                for i in 1..input.seg.tokens.len() {
                    let named = is_capitalized(input, i - 1) && input.sentence_of(i - 1) == input.sentence_of(i) && input.seg.sentences[input.sentence_of(i)].tokens.start < i - 1;
                    if !named {
                        continue;
                    }
                    if let Some(first) = facts.first_mention.get_mut(&hash(&[input.norm.token(i)])) {
                        *first = (*first).min(i);
                    }
                }
            }
        }
        facts
    }
}

/// The strength of the vague-source lexicons' sure tier (`lexicon/vague_source.txt`,
/// `lexicon/vague_frame.txt`).
const SURE_VAGUE: f32 = 0.85;

/// The rules' own confidence in warning `f` as log-odds: the model's one valued feature
/// ("prior KIND", weighted per kind), so that what the rules know from the guideline
/// ("reports indicate" is a vague source, "probably" a hedge) holds where the labelled
/// news has few examples, and the binary features correct it where it has many.
pub fn rule_logit(f: &Finding) -> f32 {
    let p = f.strength.clamp(0.05, 0.95);
    (p / (1.0 - p)).ln()
}

/// Calls `emit` with the name parts of each feature of warning `f` (each worth 1; see
/// `rule_logit` for the one valued feature).
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
    // A vague source the guideline names as one ("critics say", "sources said", "reports
    // indicate", "people familiar with": the lexicons' sure tier) is weighed as a group, by
    // how often such marks are right: the news set has too few of each to judge them by
    // their context, which would weigh them like "officials said".
    if f.kind == Kind::VagueAttribution && f.strength >= SURE_VAGUE {
        emit(&["sure", kind]);
        return;
    }
    if first < input.seg.tokens.len() {
        emit(&["cue", kind, input.norm.token(first)]);
        if first > range.start && is_capitalized(input, first - 1) {
            emit(&["named_before", kind]);
        }
        // The words around the cue: "you could", "may have", "could be".
        let last = input.token_at_char(f.span.end.saturating_sub(1)).max(first);
        // Function words only: content words next to a cue (names, topics) would be learned
        // per article, not per pattern.
        let word = |k: usize| {
            let w = input.norm.token(k);
            match input.seg.tokens[k].kind {
                TokenKind::Word if PRONOUN.contains(w) || AUXILIARY.contains(w) || DETERMINER.contains(w) => w,
                TokenKind::Word if matches!(w, "be" | "been" | "have" | "to" | "that" | "which" | "not" | "if" | "and" | "but" | "as") => w,
                TokenKind::Word => "word",
                TokenKind::Number => "number",
                TokenKind::Punct => ",",
            }
        };
        emit(&["before", kind, if first > range.start { word(first - 1) } else { "^" }]);
        emit(&["after", kind, if last + 1 < range.end { word(last + 1) } else { "$" }]);
        if input.seg.quote_of(first).is_some() {
            emit(&["cue_quoted", kind]);
        }
        if f.kind == Kind::VagueAttribution && facts.first_mention.get(&hash(&[input.norm.token(first)])).is_some_and(|&k| k < range.start) {
            emit(&["named_before_in_text", kind]);
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
    if facts.second_person[s] {
        emit(&["second_person", kind]);
    }
    if facts.conditional[s] {
        emit(&["conditional", kind]);
    }
    if sentence.question {
        emit(&["question", kind]);
    }
    // Another vague attribution than this one.
    if facts.vague[s] > u8::from(f.kind == Kind::VagueAttribution) {
        emit(&["vague_source", kind]);
    }
}

pub struct Calibration {
    weights: Weights,
}

static BUILTIN: OnceLock<Calibration> = OnceLock::new();

impl Calibration {
    /// Parses a model file (`PARTS\tWEIGHT` lines, see `model::parse_model`).
    pub fn parse(source: &str) -> Calibration {
        let (weights, _) = parse_model(source, &mut []);
        Calibration { weights }
    }

    pub fn builtin() -> &'static Calibration {
        BUILTIN.get_or_init(|| Calibration::parse(include_str!("calibration.txt")))
    }

    /// Makes the weights in `source` (a file `train_calibration` writes) the ones every
    /// analysis in this process uses, in place of the embedded ones: how the news set's
    /// scorer cross-validates the calibration (`tools/news/score.py --cv`). Only before the
    /// first analysis; a file with no weight in it is refused.
    pub fn use_instead(source: &str) -> Result<(), String> {
        let model = Calibration::parse(source);
        if model.weights.is_empty() {
            return Err("the calibration file holds no weights (lines of feature, a tab, a number)".into());
        }
        BUILTIN.set(model).map_err(|_| "the calibration was already in use".to_string())
    }

    /// The chance that warning `f` deserves its mark, 0..1.
    pub fn probability(&self, input: &Input, facts: &SentenceFacts, f: &Finding) -> f32 {
        let prior = self.weights.sum(|emit| emit(&["prior", f.kind.as_str()])) * rule_logit(f);
        let z = prior + self.weights.sum(|emit| features(input, facts, f, emit));
        1.0 / (1.0 + (-z).exp())
    }
}

/// Whether findings of `kind` are warnings, the marks the calibration scores.
pub fn is_warning(kind: Kind) -> bool {
    matches!(kind, Kind::Speculation | Kind::VagueAttribution | Kind::UnsourcedClaim)
}
