//! Quotations and their speakers: a speaker's name before a colon ("Peskov: …"), and
//! whose words each quotation is.

use super::Attributions;
use crate::finding::{Finding, Kind};
use crate::text::lexicon::context::HANDOVER_VERB;
use crate::text::lexicon::{LexKind, Match};
use crate::text::segment::{Sentence, TokenKind};
use crate::text::words::is_capitalized;
use crate::text::Input;

/// "Alex Seitz-Wald: She is right…": a speaker's name and a colon open the sentence.
/// Returns the speaker it names.
pub(super) fn speaker_before_colon(input: &Input, s: usize, sentence: &Sentence, matches: &[Match], out: &mut Attributions, taken: &mut [bool]) -> Option<String> {
    let range = sentence.tokens.clone();
    if let Some(colon) = (range.start + 1..range.end.min(range.start + 5)).find(|&i| input.norm.token(i) == ":") {
        let all_words = (range.start..colon).all(|i| input.seg.tokens[i].kind == TokenKind::Word);
        // Not a label: "BREAKING:", "Easing International Pressure:".
        let first = input.seg.token_text(input.text, range.start);
        let label = first.ends_with("ing") || (first.len() > 3 && !first.chars().any(char::is_lowercase));
        // A speaker's name ends the run ("Kremlin spokesman Dmitry Peskov:"), or a name and
        // the verb that hands over to it ("Limbaugh continued:"); not another lower-case
        // word ("Editor's note:", "Enough is enough:").
        // A verb of saying there ("Trump tweeted:") is found with the other verbs.
        let speech_verb = |i: usize| matches.iter().any(|m| m.kind == LexKind::SpeechVerb && m.tokens.contains(&i));
        let hands_over = colon > range.start + 1
            && is_handover_verb(input.norm.token(colon - 1))
            && !is_capitalized(input, colon - 1)
            && !speech_verb(colon - 1);
        let name_end = if hands_over { colon - 1 } else { colon };
        let ends_in_name = is_capitalized(input, name_end - 1);
        let name = (all_words && !label && ends_in_name && is_capitalized(input, range.start)).then_some(range.start..name_end);
        if let (Some(name), true) = (name, colon + 1 < range.end && !sentence.heading) {
            let who = input.seg.slice(input.text, name).to_string();
            taken[colon] = true;
            out.findings.push(Finding {
                kind: Kind::Attribution,
                span: input.seg.char_span(colon..colon + 1),
                cue: ":".to_string(),
                explanation: format!("':' — the words that follow are {who}'s."),
                // Named outright, like a named speaker's verb: counts in the summary's sources.
                strength: 0.9,
                source: Some(who.clone()),
            });
            out.sourced[s] = true;
            return Some(who);
        }
    }
    None
}

/// Verbs that are no verb of saying elsewhere but hand the sentence over to a speaker
/// before a colon: "Limbaugh continued:". (Verbs of saying there, "Trump said:", are found
/// with the other verbs.)
fn is_handover_verb(word: &str) -> bool {
    HANDOVER_VERB.contains(word)
}

/// A quotation's speaker is the source of an attribution in the sentence where it
/// opens or closes (the speaker's colon, "Peskov: “…”", is found with the other cues).
pub(super) fn speakers_of_quotes(input: &Input, out: &mut Attributions) {
    // The first named source per sentence, from cues outside quotations.
    let mut speaker_of_sentence: Vec<Option<&str>> = vec![None; input.seg.sentences.len()];
    for f in &out.findings {
        let Some(source) = f.source.as_deref().filter(|_| f.kind == Kind::Attribution) else { continue };
        let slot = &mut speaker_of_sentence[input.sentence_at_char(f.span.start)];
        if slot.is_none() && input.seg.quote_of(input.token_at_char(f.span.start)).is_none() {
            *slot = Some(source);
        }
    }
    let speakers: Vec<Option<String>> = input
        .seg
        .quotes
        .iter()
        .map(|q| {
            let open = speaker_of_sentence[input.sentence_of(q.open)];
            open.or(speaker_of_sentence[input.sentence_of(q.close)]).map(str::to_string)
        })
        .collect();
    out.quote_speakers = speakers;
}
