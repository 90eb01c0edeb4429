//! Who speaks: the subject before a cue ("Peskov has also said", "Dmitry Peskov, the
//! Kremlin spokesman, said") or the source after it ("said Peskov", "according to the
//! Pentagon"), and the names they are made of.

use crate::text::lexicon::context::{AUXILIARY, DETERMINER, OPINION_VERB, PERSON_BEFORE_OF, PRONOUN};
use crate::text::segment::TokenKind;
use crate::text::words::{identified_group, is_capitalized, is_not_name};
use crate::text::Input;
use std::ops::Range;

/// Words skipped between a verb of saying and its subject: "Peskov has also said".
pub(super) fn is_auxiliary(word: &str) -> bool {
    // "didn't", "won't": negated auxiliaries.
    word.ends_with("n't") || word.ends_with("n’t") || AUXILIARY.contains(word)
}

pub(super) fn is_pronoun(word: &str) -> bool {
    PRONOUN.contains(word)
}

pub(super) fn is_determiner(word: &str) -> bool {
    DETERMINER.contains(word)
}

/// Names, subjects and auxiliary runs are searched at most this far, so a pathological
/// run of capitalised words or auxiliaries cannot make the search quadratic.
pub(super) const REACH: usize = 8;

/// The words of a name, without a possessive ending: "Kremlin’s" → "Kremlin".
pub(super) fn name_text(input: &Input, name: Range<usize>) -> String {
    let text = input.seg.slice(input.text, name);
    text.strip_suffix("’s").or_else(|| text.strip_suffix("'s")).unwrap_or(text).to_string()
}

/// A run of capitalised words ending at `end` (exclusive), inside `floor..`.
pub(super) fn name_ending_at(input: &Input, floor: usize, end: usize) -> Option<Range<usize>> {
    let floor = floor.max(end.saturating_sub(REACH));
    let mut start = end;
    while start > floor {
        let w = input.norm.token(start - 1);
        if is_capitalized(input, start - 1) || (start - 1 > floor && start < end && matches!(w, "of" | "de" | "van" | "von") && is_capitalized(input, start - 2)) {
            start -= 1;
        } else {
            break;
        }
    }
    (start < end).then_some(start..end)
}

/// A run of capitalised words starting at `start`, before `ceiling`.
fn name_starting_at(input: &Input, start: usize, ceiling: usize) -> Option<Range<usize>> {
    let ceiling = ceiling.min(start + REACH);
    let mut end = start;
    while end < ceiling && (is_capitalized(input, end) || (end > start && input.norm.token(end) == "." && end + 1 < ceiling && input.seg.tokens[end].start == input.seg.tokens[end - 1].end)) {
        end += 1;
    }
    while end > start && input.norm.token(end - 1) == "." {
        end -= 1;
    }
    (end > start).then_some(start..end)
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Source {
    Named(String),
    Pronoun,
    Vague(Range<usize>),
    /// A definite noun phrase: "the company", "the report".
    Phrase(String),
}

/// The subject of a cue at `cue_start`, looking left within `floor..`.
pub(super) fn subject_before(input: &Input, vague: &[bool], floor: usize, cue_start: usize) -> Option<Source> {
    let k = before_auxiliaries(input, floor, cue_start);
    if k == floor {
        return None;
    }
    let w = input.norm.token(k - 1);
    if w == "," {
        // "Dmitry Peskov, the Kremlin spokesman, said": the name before the appositive.
        let mut j = k - 1;
        let lower = floor.max(k.saturating_sub(12));
        while j > lower {
            j -= 1;
            if input.norm.token(j) == "," {
                // "One of the authors, Ari Fleischer, said": the name between the commas.
                if let Some(name) = name_starting_at(input, j + 1, k - 1).filter(|n| n.end == k - 1) {
                    return Some(Source::Named(name_text(input, name)));
                }
                if let Some(name) = name_ending_at(input, floor, j) {
                    return Some(Source::Named(name_text(input, name)));
                }
                break;
            }
        }
        return None;
    }
    if vague[k - 1] {
        let start = (floor.max(k.saturating_sub(REACH))..k).rev().take_while(|&j| vague[j]).last().unwrap_or(k - 1);
        // "Sanders' email to his supporters notes": the group is inside a prepositional phrase,
        // not the one who speaks.
        let mut before = start;
        while before > floor && is_determiner(input.norm.token(before - 1)) {
            before -= 1;
        }
        let in_phrase = before > floor && matches!(input.norm.token(before - 1), "to" | "for" | "with" | "among" | "from" | "of" | "about" | "against");
        if in_phrase {
            return None;
        }
        if identified_group(input, &(start..k), floor, cue_start) {
            return Some(Source::Phrase(input.seg.slice(input.text, before.min(start)..k).to_string()));
        }
        return Some(Source::Vague(start..k));
    }
    if is_pronoun(w) {
        return Some(Source::Pronoun);
    }
    if let Some(name) = name_ending_at(input, floor, k) {
        // "Many Democrats say", "Other Republicans want": some of a group, nobody named.
        if let Some(group) = quantified_group(input, floor, name.start, k) {
            return Some(Source::Vague(group));
        }
        // "71 percent of Americans said": the respondents of a poll, nobody named.
        if let Some(head) = head_of_an_of_phrase(input, floor, name.start) {
            return Some(Source::Phrase(input.seg.slice(input.text, head..k).to_string()));
        }
        return Some(Source::Named(name_text(input, name)));
    }
    // A lower-case noun phrase back to its determiner: "the company", "a new poll".
    if input.seg.tokens[k - 1].kind == TokenKind::Word {
        let lower = floor.max(k.saturating_sub(5));
        for j in (lower..k).rev() {
            let tok = input.norm.token(j);
            // "the past week and found": a clause boundary, not part of a subject.
            if matches!(tok, "and" | "or" | "but" | "to" | "that" | "which" | "who" | "when" | "if" | "then") {
                break;
            }
            if is_determiner(tok) {
                return Some(Source::Phrase(input.seg.slice(input.text, j..k).to_string()));
            }
            if is_capitalized(input, j) {
                // "Trump's campaign", "the Pentagon's statement"
                let name = name_ending_at(input, floor, j + 1).unwrap_or(j..j + 1);
                if let Some(head) = head_of_an_of_phrase(input, floor, name.start) {
                    return Some(Source::Phrase(input.seg.slice(input.text, head..k).to_string()));
                }
                return Some(Source::Named(name_text(input, name)));
            }
            if input.seg.tokens[j].kind != TokenKind::Word {
                break;
            }
        }
        // "Some candidates have called for": some of a group, nobody named.
        if let Some(group) = quantified_group(input, floor, k - 1, k) {
            return Some(Source::Vague(group));
        }
        // A bare plural or mass noun: "fundraising documents show".
        let w = input.norm.token(k - 1);
        if w.len() > 3 && !is_auxiliary(w) && !is_not_name(w) && !w.ends_with("ly") {
            // "Policy makers argue", "scientists believe": a whole group, nobody in it named.
            if w.ends_with('s') && !w.ends_with("ss") && is_opinion_verb(input.norm.token(cue_start)) {
                return Some(Source::Vague(k - 1..k));
            }
            return Some(Source::Phrase(input.seg.slice(input.text, k - 1..k).to_string()));
        }
    }
    None
}

/// A plural group (`start..end`, a name or a noun) that a vague quantifier opens or directly
/// follows: "Many Democrats", "Other Republicans", "Some candidates". Where the quantifier
/// belongs to the group, the whole phrase is the vague source.
fn quantified_group(input: &Input, floor: usize, start: usize, end: usize) -> Option<Range<usize>> {
    let plural = |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    if !plural(input.norm.token(end - 1)) {
        return None;
    }
    if matches!(input.norm.token(start), "other" | "some" | "many" | "most" | "several") && end - start > 1 {
        return Some(start..end);
    }
    (start > floor && matches!(input.norm.token(start - 1), "some" | "many" | "most" | "several" | "other" | "countless" | "numerous" | "various"))
        .then(|| start - 1..end)
}

/// "Governor Lopez declared an emergency and said …": a second verb joined by "and" has
/// the subject the sentence already named.
pub(super) fn continues_named_subject(input: &Input, s: usize, floor: usize, cue_start: usize, last_named: &Option<(usize, String)>) -> bool {
    let k = before_auxiliaries(input, floor, cue_start);
    k > floor && input.norm.token(k - 1) == "and" && last_named.as_ref().is_some_and(|(at, _)| *at == s)
}

/// Where the run of auxiliaries before a cue begins ("has also said"), searched at most
/// `REACH` tokens back and not before `floor`.
fn before_auxiliaries(input: &Input, floor: usize, cue_start: usize) -> usize {
    let floor = floor.max(cue_start.saturating_sub(REACH));
    let mut k = cue_start;
    while k > floor && is_auxiliary(input.norm.token(k - 1)) {
        k -= 1;
    }
    k
}

/// Where the subject's head begins when the name ending the search sits in an "of" phrase
/// that modifies a thing: in "The high density of Samsung's PRAM device suggested", the
/// density suggests, Samsung does not speak. A person before "of" ("the head of the
/// agency's office") still leaves the name as the source.
fn head_of_an_of_phrase(input: &Input, floor: usize, name_start: usize) -> Option<usize> {
    let lower = floor.max(name_start.saturating_sub(4));
    let of = (lower..name_start).rev().find(|&j| !matches!(input.seg.tokens[j].kind, TokenKind::Word) || input.norm.token(j) == "of" || is_determiner(input.norm.token(j)))?;
    if input.norm.token(of) != "of" || of == floor {
        return None;
    }
    let head = input.norm.token(of - 1);
    let person = PERSON_BEFORE_OF.contains(head);
    if person || input.seg.tokens[of - 1].kind != TokenKind::Word || is_capitalized(input, of - 1) {
        return None;
    }
    let start = (floor.max(of.saturating_sub(4))..of).rev().find(|&j| is_determiner(input.norm.token(j))).unwrap_or(of - 1);
    Some(start)
}

/// Verbs of holding a view, which a group can share: "scientists believe".
fn is_opinion_verb(verb: &str) -> bool {
    // "say", "says", "said"; "argued", "believes".
    let base = match verb {
        "said" | "says" => "say",
        _ => verb.strip_suffix("ed").filter(|b| OPINION_VERB.contains(b)).or_else(|| verb.strip_suffix('d')).filter(|b| OPINION_VERB.contains(b))
            .or_else(|| verb.strip_suffix('s')).unwrap_or(verb),
    };
    OPINION_VERB.contains(base)
}

/// A source after the cue: "said Peskov", "said the spokesman", "according to the Pentagon".
/// `loose`: any words after the cue name the source ("according to early results");
/// otherwise only a name or a determiner phrase does ("said the spokesman").
pub(super) fn source_after(input: &Input, vague: &[bool], cue_end: usize, ceiling: usize, loose: bool) -> Option<Source> {
    let mut k = cue_end;
    let determiner = k < ceiling && is_determiner(input.norm.token(k));
    if determiner {
        k += 1;
    }
    if k >= ceiling {
        return None;
    }
    if vague[k] {
        let end = (k..ceiling.min(k + REACH)).take_while(|&j| vague[j]).last().unwrap_or(k) + 1;
        if identified_group(input, &(k..end), cue_end, ceiling) {
            return Some(Source::Phrase(input.seg.slice(input.text, cue_end..end).to_string()));
        }
        return Some(Source::Vague(k..end));
    }
    if let Some(name) = name_starting_at(input, k, ceiling) {
        return Some(Source::Named(name_text(input, name)));
    }
    let is_word = |j: usize| matches!(input.seg.tokens[j].kind, TokenKind::Word | TokenKind::Number);
    if is_word(k) && (loose || determiner) {
        // "said the spokesman", "according to the 2009 paper": a phrase of up to three words,
        // ending before a function word ("by the band as a form").
        let end = (k..ceiling.min(k + 3)).take_while(|&j| is_word(j) && (j == k || !is_not_name(input.norm.token(j)))).last()? + 1;
        return Some(Source::Phrase(input.seg.slice(input.text, cue_end..end).to_string()));
    }
    None
}
