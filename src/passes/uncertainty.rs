//! Uncertainty cues the rules miss, from the learned hedge-cue model (`model::hedge`):
//! weasel wording ("some people", "is often"), peacock terms ("one of the finest",
//! "renowned") and hedging words learned from annotated text ("generally", "believed").
//! The model sees what the rules found as features and only adds findings: a rule
//! finding is never removed, and tokens the rules excluded (a named speaker's quotation,
//! reported speech, "May" the month, "could not") are never scored.

use crate::finding::{Finding, Kind};
use crate::model::hedge::{is_cue_kind, is_quantifier, HedgeModel, TokenState};
use crate::passes::attribution::Attributions;
use crate::passes::hedge::rejected_in_context;
use crate::text::lexicon::LexKind;
use crate::text::lexicon::context::OPINION_VERB;
use crate::text::words::identified_group;
use crate::text::Input;
use std::ops::Range;

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
            if rejected_in_context(input, m, &sentence.tokens) {
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

/// The words a firing token stands for: the longest hedging or weasel lexicon entry
/// holding it, with that entry's kind, else the token alone.
fn cue_of(input: &Input, i: usize) -> (Range<usize>, Option<LexKind>) {
    let mut best: Option<(Range<usize>, LexKind)> = None;
    for m in input.matches_near(&(i..i + 1)) {
        // Modals are left to the hedge rules: the model only confirms them.
        let useful = is_cue_kind(m.kind) && m.kind != LexKind::Modal;
        if useful && m.tokens.contains(&i) && best.as_ref().map_or(true, |(r, _)| m.tokens.len() > r.len()) {
            best = Some((m.tokens.clone(), m.kind));
        }
    }
    match best {
        // A lone quantifier ("several motives") says how many, not who says so.
        Some((tokens, LexKind::VagueSource)) if tokens.len() == 1 && is_quantifier(input.norm.token(tokens.start)) => {
            (tokens, Some(LexKind::VagueQuantity))
        }
        Some((tokens, kind)) => (tokens, Some(kind)),
        None => (i..i + 1, None),
    }
}

fn explanation(kind: Option<LexKind>, cue: &str) -> (Kind, String) {
    match kind {
        Some(LexKind::VagueSource | LexKind::VagueFrame) => {
            (Kind::VagueAttribution, format!("'{cue}' — a weasel phrase: it leans on an unnamed authority. Who says so?"))
        }
        Some(LexKind::Peacock) => (
            Kind::Speculation,
            format!("'{cue}' — a peacock term: praise or reputation with no measure and no source, so it cannot be checked."),
        ),
        Some(LexKind::VagueQuantity) => {
            (Kind::Speculation, format!("'{cue}' — a vague quantity: who or how many is not said, so it cannot be checked."))
        }
        Some(_) => (Kind::Speculation, format!("'{cue}' — hedging wording: the claim is presented as probable or typical, not established.")),
        None => (
            Kind::Speculation,
            format!("'{cue}' — wording that usually marks a hedged or unverified claim (learned from annotated encyclopedia text)."),
        ),
    }
}

/// Whether a verb of saying or believing follows token `i` closely (past auxiliaries):
/// "officials (have) said", "experts believe".
fn speaks_after(input: &Input, i: usize, end: usize) -> bool {
    let window = i..end.min(i + 4);
    // "Lawmakers have not said": a negated verb attributes nothing.
    let negated = window.clone().any(|k| {
        let w = input.norm.token(k);
        w == "not" || w == "never" || w.ends_with("n't")
    });
    !negated && window.clone().any(|k| {
        input.matches_near(&(k..k + 1)).iter().any(|m| m.tokens.start == k && matches!(m.kind, LexKind::SpeechVerb | LexKind::Inference))
            || {
                let w = input.norm.token(k);
                OPINION_VERB.contains(w) || w.strip_suffix('s').is_some_and(|base| OPINION_VERB.contains(base)) || w == "regard"
            }
    })
}

/// Whether the words from token `i` on make a preceding quantity a source: a group that
/// holds views ("several historians regard") or a verb of saying or believing ("many believe").
fn stands_for_a_source(input: &Input, i: usize, end: usize) -> bool {
    i < end
        && (input.matches_near(&(i..i + 1)).iter().any(|m| m.tokens.start == i && m.kind == LexKind::VagueSource) || speaks_after(input, i, i + 1))
        && speaks_after(input, i, end)
}

/// Strength from how far the score clears the threshold: just above it is shown at the
/// balanced sensitivity, a clear margin also at lenient.
fn strength(score: f32, threshold: f32) -> f32 {
    (0.5 + 0.1 * (score - threshold)).min(0.9)
}

/// The strength of a weak rule hedge ("often") the model confirms: shown at balanced.
const CONFIRMED: f32 = 0.5;

/// Adds the model's cues in tokens the rules left alone to `hedges`, and raises a weak
/// rule hedge ("often") the model confirms to the balanced sensitivity. `hedges` are the
/// hedge findings before the sensitivity filter.
pub fn apply(input: &Input, attributions: &Attributions, hedges: &mut Vec<Finding>, model: &HedgeModel) {
    let rule_findings: Vec<Finding> = attributions.findings.iter().chain(hedges.iter()).filter(|f| matches!(f.kind, Kind::Speculation | Kind::VagueAttribution)).cloned().collect();
    let states = token_states(input, attributions, &rule_findings);
    // `hedges` come sorted by start: a confirmed token's finding is found by bisection.
    let rule_hedges = hedges.len();
    let mut covered_until = 0;
    for (s, sentence) in input.seg.sentences.iter().enumerate() {
        for i in sentence.tokens.clone() {
            if i < covered_until || !model.is_candidate(input, &states, i) {
                continue;
            }
            let score = model.score(input, s, i, states[i]);
            if score <= model.threshold {
                continue;
            }
            let strength = strength(score, model.threshold);
            if states[i] == TokenState::Speculation {
                let at = input.seg.tokens[i].chars().start;
                let k = hedges[..rule_hedges].partition_point(|f| f.span.start <= at);
                if let Some(f) = k.checked_sub(1).map(|k| &mut hedges[k]).filter(|f| at < f.span.end) {
                    // Confirmed in context: shown at balanced, but the rules keep their own ranking above it.
                    f.strength = f.strength.max(strength.min(CONFIRMED));
                }
                continue;
            }
            let (tokens, kind) = cue_of(input, i);
            if tokens.clone().any(|t| states[t] != TokenState::Free) || tokens.start < covered_until {
                continue;
            }
            // In news the model adds only vague sources: peacock terms, vague quantities and
            // wording it merely finds typical of hedged encyclopedia text are not the writer's
            // speculation (the annotation guideline). A quantity that stands for a source
            // ("several historians regard") is a vague source.
            let range = &sentence.tokens;
            let kind = match kind {
                Some(LexKind::VagueFrame) => kind,
                // "Officials monitor the forecasts", "the scientists were led by": a group that
                // does not speak here, or one already identified, is no vague source.
                Some(LexKind::VagueSource) if speaks_after(input, tokens.end, range.end) && !identified_group(input, &tokens, range.start, range.end) => kind,
                Some(LexKind::VagueQuantity) if stands_for_a_source(input, tokens.end, range.end) => Some(LexKind::VagueSource),
                _ => continue,
            };
            covered_until = tokens.end;
            let cue = input.seg.slice(input.text, tokens.clone()).to_string();
            let (kind, explanation) = explanation(kind, &cue);
            hedges.push(Finding { kind, span: input.seg.char_span(tokens), cue, explanation, strength, source: None });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::analyze::{all_candidates, Options};
    use crate::model::hedge::{candidacy, features, Candidacy};

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

    fn uncertain(text: &str) -> Vec<(Kind, String)> {
        all_candidates(text, &Options::default())
            .into_iter()
            .filter(|f| matches!(f.kind, Kind::Speculation | Kind::VagueAttribution))
            .map(|f| (f.kind, f.cue))
            .collect()
    }

    #[test]
    fn weasel_and_peacock_wording_fires() {
        for text in [
            "It is widely regarded as one of the finest restaurants in the city.",
            "The band is considered influential by many critics.",
            "Scholars have argued that the poem was probably written later.",
        ] {
            assert!(!uncertain(text).is_empty(), "nothing found in {text:?}");
        }
    }

    #[test]
    fn peacock_terms_and_vague_quantities_are_not_speculation() {
        // The annotation guideline: praise with no measure, and "some" or "several" of a count,
        // are no guess of the writer's.
        for text in ["The festival is famous for its fireworks.", "Several towns flooded on Tuesday.", "Rescuers found some survivors."] {
            assert!(uncertain(text).iter().all(|(kind, _)| *kind != Kind::Speculation), "{text:?}: {:?}", uncertain(text));
        }
    }

    #[test]
    fn plain_facts_do_not_fire() {
        for text in [
            "The bridge was opened in 1932 and is 503 metres long.",
            "The talks began in May.",
            "Rescuers could not reach the village.",
            "The government raised taxes to placate critics.",
            "The court treated the letter as evidence of intent.",
        ] {
            assert!(uncertain(text).is_empty(), "{text:?}: {:?}", uncertain(text));
        }
    }

    #[test]
    fn the_model_finds_cues_no_rule_knows() {
        // A lone "several" is in no hedging word list; the model learned it as a weasel word,
        // and standing for historians who hold a view, it is a vague source.
        let got = uncertain("Several historians regard the siege as the turning point.");
        assert!(got.iter().any(|(kind, cue)| cue == "Several" && *kind == Kind::VagueAttribution), "{got:?}");
    }

    #[test]
    fn a_named_speakers_quotation_is_theirs() {
        assert!(uncertain("“It is one of the finest restaurants,” said Anna Berg.").is_empty());
    }

    #[test]
    fn model_cues_have_spans_and_explanations() {
        // Only the model marks this sentence (see the test above), so this is the model's finding.
        let text = "Several historians regard the siege as the turning point.";
        let findings = all_candidates(text, &Options::default());
        let f = findings.iter().find(|f| matches!(f.kind, Kind::Speculation | Kind::VagueAttribution)).expect("a cue");
        assert_eq!(f.cue, "Several");
        assert_eq!(text.chars().skip(f.span.start).take(f.span.len()).collect::<String>(), f.cue);
        assert!(f.explanation.contains(&format!("'{}'", f.cue)), "{f:?}");
        assert!(f.explanation.contains("weasel"), "{f:?}");
        assert!(f.strength >= 0.45 && f.strength <= 0.9);
    }
}
