//! Vague frames: a source nobody can check, said in one phrase ("critics say", "it is
//! widely believed", "according to officials").

use super::subject::REACH;
use crate::text::words::{identified_group, is_not_name};
use super::{push_unnamed, push_vague, Attributions};
use crate::text::lexicon::{LexKind, Match};
use crate::text::Input;
use std::ops::Range;

/// Vague frames, before the other cues: "critics say", "it is widely believed",
/// "according to officials".
pub(super) fn vague_frames(input: &Input, s: usize, range: &Range<usize>, matches: &[Match], vague: &[bool], out: &mut Attributions, taken: &mut [bool]) {
    for m in matches {
        if !matches!(m.kind, LexKind::VagueFrame) || taken[m.tokens.start] {
            continue;
        }
        let first = input.norm.token(m.tokens.start);
        // "by some heavy trash talk": "by some" agent only when nothing but a group follows.
        let agent_with_noun = first == "by"
            && m.tokens.end < range.end
            && input.seg.tokens[m.tokens.end].kind == crate::text::segment::TokenKind::Word
            && !vague[m.tokens.end]
            && !is_not_name(input.norm.token(m.tokens.end));
        // "by some of Trump's competitors", "by many of the senators": part of a group the sentence names.
        let part_of_a_group = first == "by" && input.word_in(range, m.tokens.end) == "of";
        // "Con Edison officials said", "officials at the institution said": a body is named.
        let group = if first == "according" { m.tokens.start + 2..m.tokens.end } else { m.tokens.start..(m.tokens.end - 1).max(m.tokens.start + 1) };
        // Only a frame that opens with a group can have it identified ("Con Edison officials
        // said"); "has faced criticism" after a name is still criticism from nobody named.
        if agent_with_noun || part_of_a_group || (vague[m.tokens.start] && identified_group(input, &group, range.start, range.end)) {
            continue;
        }
        out.sourced[s] = true;
        let last = m.tokens.end - 1;
        // "Officials said": a group and its verb. "Widely criticized", "it is said": one phrase.
        let verb_last = m.tokens.len() > 1
            && vague[m.tokens.start]
            && input.matches_near(&(last..last + 1)).iter().any(|o| o.kind == LexKind::SpeechVerb && o.tokens == (last..last + 1))
            && !input.matches_near(&(last..last + 1)).iter().any(|o| o.kind == LexKind::Inference && o.tokens == (last..last + 1));
        // "According to officials": like "officials said", the source is vague and the
        // cue still attributes the claim to them.
        let according = m.tokens.len() > 2 && input.norm.token(m.tokens.start) == "according" && input.norm.token(m.tokens.start + 1) == "to";
        if according {
            let who = m.tokens.start + 2..m.tokens.end;
            push_vague(input, out, who.clone(), m.strength, taken);
            push_unnamed(input, out, who, m.tokens.start..m.tokens.start + 2, taken);
            continue;
        }
        if !verb_last {
            push_vague(input, out, m.tokens.clone(), m.strength, taken);
            continue;
        }
        // "Officials said": the source is vague, the verb still attributes the claim to them.
        let mut start = m.tokens.start;
        while start > range.start.max(m.tokens.start.saturating_sub(REACH)) && vague[start - 1] && !taken[start - 1] {
            start -= 1; // "Some experts believe" when the frame is "experts believe"
        }
        push_vague(input, out, start..last, m.strength, taken);
        push_unnamed(input, out, start..last, last..last + 1, taken);
    }
}
