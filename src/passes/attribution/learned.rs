//! The learned cues: sentences the rules found no source in get a second look from the
//! attribution cue model (`model::CueModel`).

use super::subject::{subject_before, Source};
use super::Attributions;
use crate::finding::{Finding, Kind};
use crate::model::CueModel;
use crate::text::lexicon::LexKind;
use crate::text::words::is_not_name;
use crate::text::Input;

/// Sentences the rules found no source in get a second look from the learned cue
/// model, which knows the long tail of cue words ("investigates", "sought").
pub(super) fn learned_cues(input: &Input, vague: &[bool], out: &mut Attributions, taken: &mut [bool]) {
    let model = CueModel::builtin();
    for (s, sentence) in input.seg.sentences.iter().enumerate() {
        if out.sourced[s] || sentence.heading {
            continue;
        }
        // The cheap candidate check inside `score` comes first; word checks only for positives.
        let best = sentence
            .tokens
            .clone()
            .filter(|&i| !taken[i])
            .filter_map(|i| model.score(input, s, i).filter(|&x| x > 0.0).map(|x| (i, x)))
            .filter(|&(i, _)| {
                let w = input.norm.token(i);
                // "injured in the blast": the object of a preposition is a thing, not a cue ("Trump blasts").
                let object_of_preposition = i > sentence.tokens.start + 1
                    && matches!(input.norm.token(i - 1), "the" | "a" | "an")
                    && matches!(input.norm.token(i - 2), "in" | "on" | "at" | "after" | "before" | "during" | "from" | "with" | "by" | "since" | "into");
                (w == ":" || is_content_word(w))
                    && !is_hedge_word(input, i)
                    && !object_of_preposition
                    && !super::is_naming(input, sentence.tokens.start, i)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((i, score)) = best else { continue };
        let source = match subject_before(input, vague, sentence.tokens.start, i) {
            Some(Source::Named(n)) => Some(n),
            _ => None,
        };
        let cue = input.seg.slice(input.text, i..i + 1).to_string();
        // Learned cues include stance words ("pressed", "wary"), so the explanation claims
        // less than a verb of saying does.
        let explanation = match &source {
            Some(who) => format!("'{cue}' — may give the position or words of {who} (a word that often marks attribution; less sure than a verb of saying)."),
            None => format!("'{cue}' — may report what someone says, thinks or wants (a word that often marks attribution)."),
        };
        // A learned cue is a weaker signal than a verb of saying: the sentence still counts
        // as unsourced for the claim rule ("Russia pressed its campaign").
        taken[i] = true;
        out.findings.push(Finding {
            kind: Kind::Attribution,
            span: input.seg.char_span(i..i + 1),
            cue,
            explanation,
            strength: (0.5 + score / 4.0).clamp(0.5, 0.8),
            source,
        });
    }
}

/// Learned cues are kept to content words: a highlighted "about" or "consistently" would
/// explain nothing, though the corpus marks them as parts of cues ("concerns about").
fn is_content_word(word: &str) -> bool {
    word.len() > 3 && !word.ends_with("ly") && !is_not_name(word) && !matches!(word, "about" | "over" | "into" | "upon" | "against" | "than")
}

/// Hedge words ("suggested", "believed") are left to the hedge rules.
fn is_hedge_word(input: &Input, i: usize) -> bool {
    input.matches_near(&(i..i + 1)).iter().any(|m| {
        m.tokens.start <= i && i < m.tokens.end && matches!(m.kind, LexKind::Modal | LexKind::HedgeWord | LexKind::Inference | LexKind::Frame)
    })
}
