//! Who says so: cues of saying and believing with their sources, quotations with
//! their speakers, and vague sources ("critics say", "reports indicate").
//!
//! `find` runs, per sentence: the vague frames (`frames`), a speaker's colon
//! (`quotations`), then the verbs and nouns of saying with their subjects (here, with
//! `subject` finding who); then the learned cue model on sentences still unsourced
//! (`learned`), and the speakers of quotations (`quotations`).

mod frames;
mod learned;
mod quotations;
mod subject;

use crate::finding::{Finding, Kind};
use crate::text::lexicon::LexKind;
use crate::text::lexicon::context::{ADVERB, DOCUMENT_NOUN, HIDDEN_SOURCE_VERB, NEEDS_SUBJECT, POLL, QUOTATION_CUE, REFLEXIVE, SPEECH_NOUN};
use crate::text::segment::TokenKind;
use crate::text::words::is_capitalized;
use crate::text::Input;
use learned::learned_cues;
use quotations::speakers_of_quotes;
use std::ops::Range;
use subject::{
    continues_named_subject, is_auxiliary, is_determiner, is_pronoun, name_ending_at, name_text, source_after, subject_before, Source,
    REACH,
};

/// What the other rules need to know about attributions.
#[derive(Debug, Default)]
pub struct Attributions {
    pub findings: Vec<Finding>,
    /// Per sentence: the tokens that are speech reported from a named source, from its cue
    /// to the end of the sentence or of the reported clause (hedges there are the source's,
    /// not the writer's).
    pub reported: Vec<Option<Range<usize>>>,
    /// Per sentence: has an attribution or vague attribution.
    pub sourced: Vec<bool>,
    /// Per quote (index in `Segmented::quotes`): its speaker, when known.
    pub quote_speakers: Vec<Option<String>>,
    /// Per token: part of an attribution or vague attribution finding.
    pub taken: Vec<bool>,
}

/// Cue words that are nouns ("in a statement") or need a clear subject to be a cue ("found", "show").
fn needs_subject(word: &str) -> bool {
    NEEDS_SUBJECT.contains(word)
}

fn is_speech_noun(word: &str) -> bool {
    SPEECH_NOUN.contains(word) || is_poll(word)
}

fn is_poll(word: &str) -> bool {
    POLL.contains(word)
}

/// Where speech reported from `cue_end` stops: at the end of the sentence, or where the
/// writer takes over with a clause of their own — after a semicolon, a concession
/// ("…, although records show"), or a comment on the claim ("…, and this is generally agreed").
fn reported_clause_end(input: &Input, cue_end: usize, sentence_end: usize) -> usize {
    // Looked for near the cue only, so a run of cues in one long sentence stays linear.
    (cue_end..sentence_end.min(cue_end + 8 * REACH))
        .find(|&j| match input.norm.token(j) {
            ";" | "although" | "though" | "whereas" => true,
            "," => {
                let next = |d: usize| (j + d < sentence_end).then(|| input.norm.token(j + d));
                matches!(next(1), Some("and" | "but" | "yet" | "while")) && matches!(next(2), Some("this" | "these" | "that" | "such"))
            }
            _ => false,
        })
        .unwrap_or(sentence_end)
}

/// Things that carry words for whoever issued them: "a statement saying".
fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUN.contains(word)
}

/// Where the auxiliaries of a passive participle at `cue` begin ("is", "has long been",
/// "may be"), if the word before it, past a few adverbs, is a form of "be".
fn passive_auxiliary(input: &Input, floor: usize, cue: usize) -> Option<usize> {
    let word = input.norm.token(cue);
    let participle = word.ends_with("ed") || matches!(word, "said" | "thought" | "told" | "found");
    if !participle {
        return None;
    }
    let mut k = cue;
    while k > floor && k + 3 > cue && is_adverb(input.norm.token(k - 1)) {
        k -= 1;
    }
    if k == floor || !matches!(input.norm.token(k - 1), "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "’s") {
        return None;
    }
    k -= 1;
    // "has (long) been said", "may be seen": the auxiliary before "been" or "be" belongs to it.
    if matches!(input.norm.token(k), "been" | "be") {
        let mut j = k;
        while j > floor && j + 2 > k && is_adverb(input.norm.token(j - 1)) {
            j -= 1;
        }
        if j > floor && is_auxiliary(input.norm.token(j - 1)) {
            k = j - 1;
        }
    }
    Some(k)
}

fn is_adverb(word: &str) -> bool {
    (word.len() > 3 && word.ends_with("ly")) || ADVERB.contains(word)
}

/// Verbs whose agentless passive pins a claim or a judgement on nobody: "is said to",
/// "was criticized", "is widely believed". Only single-word cues of saying reach this check.
fn hides_source(verb: &str) -> bool {
    HIDDEN_SOURCE_VERB.contains(verb)
}

pub fn find(input: &Input) -> Attributions {
    let n_sent = input.seg.sentences.len();
    let mut out = Attributions {
        findings: Vec::new(),
        reported: vec![None; n_sent],
        sourced: vec![false; n_sent],
        quote_speakers: vec![None; input.seg.quotes.len()],
        taken: Vec::new(),
    };
    // Tokens covered by a vague source phrase.
    let mut vague = vec![false; input.seg.tokens.len()];
    for m in &input.matches {
        if matches!(m.kind, LexKind::VagueSource | LexKind::VagueQuantity | LexKind::CustomSource) {
            vague[m.tokens.clone()].iter_mut().for_each(|v| *v = true);
        }
    }
    let mut last_named: Option<(usize, String)> = None;
    let mut taken = vec![false; input.seg.tokens.len()];
    for (s, sentence) in input.seg.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        if sentence.paragraph_start && last_named.as_ref().is_some_and(|(at, _)| s > at + 3) {
            last_named = None;
        }
        let matches = input.sentence_matches(s);
        frames::vague_frames(input, s, &range, matches, &vague, &mut out, &mut taken);
        if let Some(who) = quotations::speaker_before_colon(input, s, sentence, matches, &mut out, &mut taken) {
            last_named = Some((s, who));
        }
        let is_noun_cue = |m: &crate::text::lexicon::Match| m.tokens.len() == 1 && is_speech_noun(input.norm.token(m.tokens.start));
        let has_verb_cue = matches.iter().any(|m| m.kind == LexKind::SpeechVerb && !is_noun_cue(m));
        for m in matches {
            if !matches!(m.kind, LexKind::SpeechVerb | LexKind::Inference) || m.tokens.clone().any(|t| taken[t]) {
                continue;
            }
            let in_frame = input.matches_near(&m.tokens).iter().any(|o| o.kind == LexKind::Frame && o.tokens.start <= m.tokens.start && m.tokens.end <= o.tokens.end);
            // A noun cue ("spokesman") only when nothing else in the sentence says who speaks.
            if ((has_verb_cue || out.sourced[s]) && is_noun_cue(m)) || in_frame {
                continue;
            }
            let cue = input.seg.slice(input.text, m.tokens.clone());
            let first_word = input.norm.token(m.tokens.start);
            // "Lawmakers have not said when", "declined to comment": nothing is attributed.
            // A negated view ("most people do not believe this") is still someone's view.
            let telling = matches!(first_word, "said" | "say" | "says" | "announced" | "commented" | "confirmed" | "disclosed" | "specified" | "revealed" | "told" | "explained");
            let negated = telling && (range.start.max(m.tokens.start.saturating_sub(3))..m.tokens.start).any(|j| {
                let w = input.norm.token(j);
                matches!(w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t")
            });
            let no_comment = matches!(first_word, "declined" | "declines" | "decline" | "refused" | "refuses") && input.word_in(&range, m.tokens.end + 1) == "comment";
            // "let's say what the sale is not": the writer, not a source.
            let lets = m.tokens.start > range.start && matches!(input.norm.token(m.tokens.start - 1), "let's" | "us" | "let");
            if negated || no_comment || lets {
                continue;
            }
            // Inside a quotation only plain verbs of saying and thinking are cues: "I think", "he told me".
            let in_quote = input.seg.quote_of(m.tokens.start).is_some();
            if in_quote && !QUOTATION_CUE.contains(first_word) {
                continue;
            }
            // "pledged delegates", "revealed preferences": a participle before a noun is an adjective.
            if m.tokens.len() == 1 && first_word.ends_with("ed") && m.tokens.end < range.end && input.seg.tokens[m.tokens.end].kind == TokenKind::Word
                && input.norm.token(m.tokens.end).ends_with('s') && m.tokens.start > range.start && !is_capitalized(input, m.tokens.start - 1)
                && !is_pronoun(input.norm.token(m.tokens.start - 1)) && input.seg.tokens[m.tokens.start - 1].kind == TokenKind::Word
                && !input.norm.token(m.tokens.start - 1).ends_with('s')
            {
                continue;
            }
            let single = m.tokens.len() == 1;
            let word_after = input.word_in(&range, m.tokens.end);
            // "found itself" is no finding.
            let naming = is_naming(input, range.start, m.tokens.start);
            let reflexive = REFLEXIVE.contains(word_after);
            if single && (naming || reflexive) {
                continue;
            }
            // "is said to", "has been criticized": a passive's subject is what is talked
            // about, not who talks. The source is the "by" agent, else nobody named.
            let passive = if single { passive_auxiliary(input, range.start, m.tokens.start) } else { None };
            // The agent may follow what the passive says: "has been called 'strategic ambiguity' by Joshua Hendrick".
            let by_agent = passive.is_some() && m.tokens.end + 1 < range.end && input.norm.token(m.tokens.end) == "by";
            let later_agent = passive.is_some()
                && (m.tokens.end..range.end.min(m.tokens.end + 10)).any(|k| input.norm.token(k) == "by" && k + 1 < range.end && is_capitalized(input, k + 1));
            if later_agent && !by_agent {
                continue;
            }
            if let Some(aux) = passive.filter(|_| !by_agent) {
                // "It should be noted that": the writer's own aside; "when all is said and done": an idiom.
                let aside = [aux, aux.saturating_sub(1)].iter().any(|&k| k >= range.start && matches!(input.norm.token(k), "should" | "must"));
                let idiom = input.word_in(&range, m.tokens.end) == "and" && input.word_in(&range, m.tokens.end + 1) == "done";
                if hides_source(first_word) && !aside && !idiom && !m.tokens.clone().chain(aux..m.tokens.start).any(|t| taken[t]) {
                    out.sourced[s] = true;
                    push_vague(input, &mut out, aux..m.tokens.end, 0.8, &mut taken);
                }
                continue;
            }
            let before = if by_agent {
                source_after(input, &vague, m.tokens.end + 1, range.end, true)
            } else if continues_named_subject(input, s, range.start, m.tokens.start, &last_named) {
                Some(Source::Pronoun)
            } else {
                subject_before(input, &vague, range.start, m.tokens.start)
            };
            let is_according = first_word == "according" || first_word == "per" || cue.eq_ignore_ascii_case("as reported by");
            let source = if is_according {
                source_after(input, &vague, m.tokens.end, range.end, true)
            } else if single && is_poll(first_word) {
                // "In a new Fox News poll, …", "ahead in the polls": a poll after a preposition is
                // where the figures come from, named by the words before it when they are a name.
                let floor = range.start.max(m.tokens.start.saturating_sub(6));
                if !(floor..m.tokens.start).any(|j| matches!(input.norm.token(j), "in" | "from" | "by")) {
                    continue;
                }
                // "lead in the polls" is polling in general, no particular source.
                let name = name_ending_at(input, range.start, m.tokens.start).map(|n| Source::Named(name_text(input, n)));
                name.or_else(|| (!first_word.ends_with('s')).then(|| Source::Phrase(String::new())))
            } else if single && is_speech_noun(first_word) {
                // "Kremlin spokesman Dmitry Peskov", "Peskov's spokesman"
                source_after(input, &vague, m.tokens.end, range.end, false)
                    .filter(|s| matches!(s, Source::Named(_)))
                    .or(before)
                    .or(Some(Source::Phrase(String::new())))
            } else {
                let prev = (m.tokens.start > range.start).then(|| input.norm.token(m.tokens.start - 1));
                if single && prev.is_some_and(is_determiner) {
                    continue; // "the claims", "a report": nouns
                }
                // "…,” said Peskov" / "Said Peskov:": the source follows the verb.
                let inverted = prev.map_or(true, |p| matches!(p, "," | "\"" | "'" | "''"));
                let after = if inverted { source_after(input, &vague, m.tokens.end, range.end, false) } else { None };
                after.or(before).or_else(|| {
                    // A plain verb of saying always has a speaker, even one we cannot find.
                    (m.kind == LexKind::SpeechVerb && !needs_subject(first_word)).then(|| Source::Phrase(String::new()))
                })
            };
            let Some(source) = source else { continue };
            // A quotation's speaker is known from outside it: "I believe", "you'll say" inside
            // add nothing; only a third party the speaker names is a source of its own.
            if in_quote && !matches!(source, Source::Named(_)) {
                continue;
            }
            // A gerund with no subject of its own ("By proposing talks") attributes nothing,
            // unless it trails a clause: "…, saying that".
            let gerund = single && first_word.ends_with("ing") && first_word != "according";
            let after_comma = m.tokens.start > range.start && input.norm.token(m.tokens.start - 1) == ",";
            // "issued a statement saying": the document speaks for whoever issued it.
            let after_document = m.tokens.start > range.start && is_document_noun(input.norm.token(m.tokens.start - 1));
            if gerund && !after_comma && !after_document && !matches!(source, Source::Named(_) | Source::Pronoun) {
                continue;
            }
            // "The timing suggests": an inference of the writer's, not a source speaking.
            let also_inference = input.matches_near(&m.tokens).iter().any(|o| o.kind == LexKind::Inference && o.tokens == m.tokens);
            if (also_inference && !matches!(source, Source::Named(_) | Source::Pronoun | Source::Vague(_)))
                || (m.kind == LexKind::Inference && !matches!(source, Source::Vague(_)))
            {
                continue;
            }
            if let Source::Vague(who) = &source {
                out.sourced[s] = true;
                if m.kind == LexKind::Inference || also_inference || who.end <= m.tokens.start && who.end < m.tokens.start.saturating_sub(3) {
                    // "Reports from the front lines indicate": one vague cue.
                    let span = who.start.min(m.tokens.start)..who.end.max(m.tokens.end);
                    push_vague(input, &mut out, span, vague_strength(input, who), &mut taken);
                    continue;
                }
                // "Aides said": the source is vague, the verb still attributes the claim to them.
                push_vague(input, &mut out, who.clone(), vague_strength(input, who), &mut taken);
                push_unnamed(input, &mut out, who.clone(), m.tokens.clone(), &mut taken);
                continue;
            }
            let name = match &source {
                Source::Named(n) => Some(n.clone()),
                Source::Pronoun => last_named.as_ref().map(|(_, n)| n.clone()),
                Source::Phrase(p) if !p.is_empty() => Some(p.clone()),
                _ => None,
            };
            if let Source::Named(n) = &source {
                last_named = Some((s, n.clone()));
            }
            let named = matches!(source, Source::Named(_)) || (matches!(source, Source::Pronoun) && name.is_some());
            // "China may point to the offer …": a guess at what someone will say reports
            // nothing, so what follows is still the writer's.
            let guessed = (range.start.max(m.tokens.start.saturating_sub(3))..m.tokens.start)
                .any(|j| matches!(input.norm.token(j), "may" | "might" | "could" | "would" | "will"));
            // What a source says, named or not ("the company said it may…"), is theirs, hedges and all.
            let speaks = named || matches!(&source, Source::Phrase(p) if !p.is_empty());
            if speaks && !guessed {
                let end = reported_clause_end(input, m.tokens.end, range.end);
                out.reported[s] = Some(match out.reported[s].take() {
                    Some(r) => r.start.min(m.tokens.start)..r.end.max(end),
                    None => m.tokens.start..end,
                });
            }
            let explanation = match &name {
                Some(who) if guessed => format!("'{cue}' — what {who} may say or do: the writer's guess, not a report of it."),
                Some(who) => format!("'{cue}' — attributed to {who}: the claim is theirs, not the writer's."),
                None => format!("'{cue}' — attributed to a source the sentence does not name."),
            };
            taken[m.tokens.clone()].iter_mut().for_each(|t| *t = true);
            out.findings.push(Finding {
                kind: Kind::Attribution,
                span: input.seg.char_span(m.tokens.clone()),
                cue: cue.to_string(),
                explanation,
                // A guessed statement quotes nobody: not among the summary's named sources.
                strength: if named && !guessed { 0.9 } else { 0.6 },
                source: name,
            });
            out.sourced[s] = true;
        }
    }
    learned_cues(input, &vague, &mut out, &mut taken);
    speakers_of_quotes(input, &mut out);
    drop_vague_inside_named_speech(input, &mut out);
    out.taken = taken;
    out
}

/// A vague source inside what a named source says ("police said the tablets were believed
/// to contain", "told CBS, saying that people …") is part of that source's words: the
/// reader can check it with the named source.
fn drop_vague_inside_named_speech(input: &Input, out: &mut Attributions) {
    let reported = &out.reported;
    let quote_speakers = &out.quote_speakers;
    out.findings.retain(|f| {
        if f.kind != Kind::VagueAttribution {
            return true;
        }
        // A group that speaks itself ("experts say") is a source of its own, whatever clause it stands in.
        let end = input.token_at_char(f.span.end.saturating_sub(1)) + 1;
        let speaks = (end..end + 2).any(|k| input.matches_near(&(k..k + 1)).iter().any(|m| m.tokens.start == k && matches!(m.kind, LexKind::SpeechVerb | LexKind::Inference)));
        if speaks {
            return true;
        }
        let at = input.token_at_char(f.span.start);
        let s = input.sentence_of(at);
        let in_reported = reported[s].as_ref().is_some_and(|r| r.start < at && at < r.end);
        let in_named_quote = input.seg.quote_of(at).is_some_and(|q| quote_speakers[q].is_some());
        !(in_reported || in_named_quote)
    });
}

/// An attribution to an unnamed source `who`, on the verb `cue`.
pub(super) fn push_unnamed(input: &Input, out: &mut Attributions, who: Range<usize>, cue: Range<usize>, taken: &mut [bool]) {
    let who_text = input.seg.slice(input.text, who);
    let cue_text = input.seg.slice(input.text, cue.clone()).to_string();
    taken[cue.clone()].iter_mut().for_each(|t| *t = true);
    out.findings.push(Finding {
        kind: Kind::Attribution,
        span: input.seg.char_span(cue),
        explanation: format!("'{cue_text}' — attributed to {who_text}, who are not named."),
        cue: cue_text,
        strength: 0.6,
        source: None,
    });
}

/// How surely the vague source at `who` hides who speaks, from its lexicon entry:
/// "critics", "people familiar with" surely; "officials", "researchers" often stand
/// for a body the article names nearby.
fn vague_strength(input: &Input, who: &Range<usize>) -> f32 {
    input
        .matches_near(who)
        .iter()
        .filter(|m| m.kind == LexKind::VagueSource && who.start <= m.tokens.start && m.tokens.end <= who.end)
        .map(|m| m.strength)
        .fold(None, |best: Option<f32>, x| Some(best.map_or(x, |b| b.max(x))))
        .unwrap_or(0.8)
}

pub(super) fn push_vague(input: &Input, out: &mut Attributions, tokens: Range<usize>, strength: f32, taken: &mut [bool]) {
    let cue = input.seg.slice(input.text, tokens.clone()).to_string();
    taken[tokens.clone()].iter_mut().for_each(|t| *t = true);
    out.findings.push(Finding {
        kind: Kind::VagueAttribution,
        span: input.seg.char_span(tokens),
        explanation: format!("'{cue}' — a vague source: who exactly says so is not named, so the claim cannot be checked."),
        cue,
        strength,
        source: None,
    });
}

/// "a program called Second Chance" names a thing (an indefinite noun just before, which no
/// one says "called" of): `called` at token `at`, the sentence starting at `start`.
pub(super) fn is_naming(input: &Input, start: usize, at: usize) -> bool {
    input.norm.token(at) == "called"
        && (start.max(at.saturating_sub(4))..at).any(|j| matches!(input.norm.token(j), "a" | "an"))
}

#[cfg(test)]
mod tests {
    use crate::answer::analyze::{all_candidates, Options};
    use crate::finding::Kind;

    fn attributions(text: &str) -> Vec<(Kind, String, Option<String>)> {
        all_candidates(text, &Options::default())
            .into_iter()
            .filter(|f| matches!(f.kind, Kind::Attribution | Kind::VagueAttribution))
            .map(|f| (f.kind, f.cue, f.source))
            .collect()
    }

    fn one(kind: Kind, cue: &str, source: Option<&str>) -> Vec<(Kind, String, Option<String>)> {
        vec![(kind, cue.to_string(), source.map(str::to_string))]
    }

    #[test]
    fn a_group_is_identified_by_a_body_but_not_by_a_nationality() {
        let vague = |text: &str| attributions(text).iter().any(|(kind, _, _)| *kind == Kind::VagueAttribution);
        assert!(!vague("Con Edison officials said the leaks were repaired within a day."));
        assert!(!vague("House ethics investigators concluded that the trip was improper."));
        assert!(!vague("Officials at the hospital said the room is usually locked."));
        assert!(vague("Turkish media reported that the request had been repeated."));
        assert!(vague("Federal and state officials said the two raised $350 million."));
        assert!(vague("\"That just doesn't seem right,\" said one person during public comment."));
        assert!(!vague("Lawmakers have not said when they would take up the bill."));
    }

    #[test]
    fn a_learned_cue_claims_less_than_a_verb_of_saying() {
        let findings = all_candidates("Kyiv remains wary of any ceasefire that freezes the front line.", &Options::default());
        let learned = findings.iter().find(|f| f.kind == Kind::Attribution).expect("the learned model marks 'wary'");
        assert_eq!((learned.cue.as_str(), learned.source.as_deref()), ("wary", Some("Kyiv")));
        assert!(learned.explanation.contains("may give the position or words of Kyiv"), "{}", learned.explanation);
    }

    #[test]
    fn a_name_inside_an_of_phrase_is_not_the_subject() {
        let findings = all_candidates("The high density of Samsung's prototype device suggested it could be a viable competitor.", &Options::default());
        let kinds: Vec<_> = findings.iter().map(|f| (f.kind, f.cue.as_str())).collect();
        assert_eq!(kinds, vec![(Kind::Speculation, "suggested"), (Kind::Speculation, "could be a")]);
        // A person before "of" leaves the name as the source.
        assert_eq!(attributions("The head of the Pentagon's press office said the strikes resumed."), one(Kind::Attribution, "said", Some("Pentagon")));
    }

    #[test]
    fn a_name_and_a_verb_before_a_colon_hand_over_to_the_speaker() {
        assert_eq!(attributions("Limbaugh continued: “They are demanding this.”"), one(Kind::Attribution, ":", Some("Limbaugh")));
        // A verb of saying there is the cue itself, once.
        assert_eq!(attributions("Trump tweeted: “The polls are rigged.”"), one(Kind::Attribution, "tweeted", Some("Trump")));
        assert!(attributions("Editor’s note: This story was updated.").is_empty());
    }

    #[test]
    fn a_group_inside_a_prepositional_phrase_is_not_the_speaker() {
        let got = attributions("Sanders’ fundraising email to his supporters notes that Jane Kim backs him.");
        assert!(!got.is_empty());
        assert!(got.iter().all(|(kind, ..)| *kind == Kind::Attribution), "{got:?}");
    }

    #[test]
    fn a_second_verb_joined_by_and_keeps_the_named_subject() {
        let got = attributions("Governor Maria Lopez declared an emergency and said the state needs federal aid.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(_, _, source)| source.as_deref() == Some("Governor Maria Lopez")), "{got:?}");
    }

    #[test]
    fn a_document_speaks_for_whoever_issued_it() {
        assert_eq!(
            attributions("The city issued a statement saying that schools would stay closed through Friday."),
            one(Kind::Attribution, "saying", Some("a statement"))
        );
    }

    #[test]
    fn a_group_before_an_adverb_is_still_vague() {
        let got = attributions("Critics have long argued that the levees were poorly maintained.");
        assert_eq!(got[0], (Kind::VagueAttribution, "Critics".to_string(), None), "{got:?}");
        assert!(got.iter().all(|(_, _, source)| source.is_none()), "{got:?}");
    }

    #[test]
    fn poll_respondents_are_not_a_named_source() {
        assert_eq!(
            attributions("In the survey, 71 percent of Americans said Congress is doing a poor job."),
            one(Kind::Attribution, "said", Some("percent of Americans"))
        );
        let findings = all_candidates("In the survey, 71 percent of Americans said Congress is doing a poor job.", &Options::default());
        assert!(findings.iter().all(|f| f.strength < 0.85), "not among the summary's named sources: {findings:?}");
    }

    #[test]
    fn named_subject_of_a_verb_of_saying() {
        assert_eq!(
            attributions("Kremlin spokesman Dmitry Peskov announced that Putin is open to talks."),
            one(Kind::Attribution, "announced", Some("Dmitry Peskov"))
        );
    }

    #[test]
    fn according_to_a_named_body() {
        assert_eq!(
            attributions("The strikes resumed, according to the Pentagon."),
            one(Kind::Attribution, "according to", Some("Pentagon"))
        );
    }

    #[test]
    fn inverted_quote_attribution() {
        let got = attributions("“We are ready,” said Ms. Lopez.");
        assert_eq!(got, one(Kind::Attribution, "said", Some("Ms. Lopez")));
    }

    #[test]
    fn inside_a_quotation_only_a_named_third_party_is_a_source() {
        let got = attributions("“I believe we will win, and you will say so too,” said Ms. Lopez.");
        assert_eq!(got, one(Kind::Attribution, "said", Some("Ms. Lopez")));
        let got = attributions("“Peskov said the talks were over,” Ms. Lopez wrote.");
        assert!(got.iter().any(|(_, cue, source)| cue == "said" && source.as_deref() == Some("Peskov")), "{got:?}");
    }

    #[test]
    fn a_speaker_before_colon_names_the_speaker_once() {
        let got = attributions("Kremlin spokesman Dmitry Peskov: talks are possible.");
        assert_eq!(got, one(Kind::Attribution, ":", Some("Kremlin spokesman Dmitry Peskov")));
        assert!(attributions("Editor’s note: the piece was updated on Monday.").is_empty());
    }

    #[test]
    fn pronoun_continues_the_previous_named_source() {
        let got = attributions("Peskov said talks were possible. He added that work was needed.");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], (Kind::Attribution, "added".to_string(), Some("Peskov".to_string())));
    }

    #[test]
    fn appositive_subject() {
        let got = attributions("Dmitry Peskov, the Kremlin spokesman, said talks were possible.");
        assert_eq!(got, one(Kind::Attribution, "said", Some("Dmitry Peskov")));
    }

    #[test]
    fn vague_sources() {
        assert_eq!(attributions("Critics say the plan is flawed.")[0].0, Kind::VagueAttribution);
        assert_eq!(attributions("Some experts believe it will fail.")[0].0, Kind::VagueAttribution);
        assert_eq!(attributions("Sources said the deal was off.")[0].0, Kind::VagueAttribution);
        assert_eq!(attributions("It is widely thought that he lied.")[0].0, Kind::VagueAttribution);
        let got = attributions("The deal is off, according to officials.");
        assert_eq!(got[0], (Kind::Attribution, "according to".to_string(), None));
        assert_eq!(got[1], (Kind::VagueAttribution, "officials".to_string(), None));
        let got = attributions("Reports from the front lines indicate Ukrainian forces advanced.");
        assert_eq!(got, one(Kind::VagueAttribution, "Reports from the front lines indicate", None));
    }

    #[test]
    fn a_poll_is_the_source_of_its_figures() {
        let got = attributions("In a new Fox News poll, Cruz had 38 percent.");
        assert_eq!(got, one(Kind::Attribution, "poll", Some("Fox News")));
        assert_eq!(attributions("In the poll, Clinton led by six points.").len(), 1);
        // Polling in general, or a poll that is not where the figures come from.
        assert!(attributions("Trump has a slight lead in the polls.").is_empty());
        assert!(attributions("The poll closed at eight.").is_empty());
    }

    #[test]
    fn according_to_a_document_with_a_year() {
        let got = attributions("The plan would cost $1.4 trillion, according to the 2009 paper.");
        assert_eq!(got, one(Kind::Attribution, "according to", Some("the 2009 paper")));
    }

    #[test]
    fn an_agentless_passive_hides_its_source() {
        assert_eq!(attributions("The spring is said to have healing powers."), one(Kind::VagueAttribution, "is said", None));
        assert_eq!(attributions("The plan has been widely criticized."), one(Kind::VagueAttribution, "has been widely criticized", None));
        let no_vague = |text: &str| attributions(text).iter().all(|(kind, _, _)| *kind != Kind::VagueAttribution);
        assert!(no_vague("It should be noted that two of the researchers were hired."));
        assert!(no_vague("When all is said and done, he wanted the deed done."));
        assert!(attributions("The claims were highlighted by some of Trump's competitors.").iter().all(|(kind, _, _)| *kind != Kind::VagueAttribution));
        assert_eq!(attributions("He was reported to be ill."), one(Kind::VagueAttribution, "was reported", None));
        assert_eq!(attributions("It has long been claimed."), one(Kind::VagueAttribution, "has long been claimed", None));
        // The passive's subject is what is talked about, not a speaker.
        assert!(attributions("The plan was criticized.").iter().all(|(_, _, source)| source.is_none()));
    }

    #[test]
    fn a_passive_with_a_by_agent_names_it() {
        assert_eq!(attributions("The plan was criticized by the Pentagon."), one(Kind::Attribution, "criticized", Some("Pentagon")));
        // An agent phrase ends before a function word.
        assert_eq!(
            attributions("The language has been described by the band as a form of gibberish."),
            one(Kind::Attribution, "described", Some("the band"))
        );
    }

    #[test]
    fn a_passive_that_reports_no_claim_is_not_an_attribution() {
        assert!(attributions("He was asked about the talks.").is_empty());
    }

    #[test]
    fn some_of_a_group_is_a_vague_source() {
        assert_eq!(attributions("Many Democrats say it is a paradox.")[0], (Kind::VagueAttribution, "Many Democrats".to_string(), None));
        assert_eq!(attributions("Some candidates have called for ground forces.")[0], (Kind::VagueAttribution, "Some candidates".to_string(), None));
        // A group the text names with a determiner is identified: "the other candidates".
        assert!(attributions("The other candidates said they would stay.").iter().all(|(kind, _, _)| *kind == Kind::Attribution));
    }

    #[test]
    fn alleging_is_saying_and_the_alleged_thing_is_no_source() {
        let got = attributions("Schneiderman alleged in the suit that Trump earned $5 million.");
        assert_eq!(got, one(Kind::Attribution, "alleged", Some("Schneiderman")));
        assert_eq!(attributions("It was alleged that he lied."), one(Kind::VagueAttribution, "was alleged", None));
        assert!(attributions("The alleged attacker fled.").is_empty());
    }

    #[test]
    fn a_capital_that_only_opens_the_sentence_names_no_body() {
        // "crime" is written in lower case too: "Crime experts" are experts, not a body's.
        let got = attributions("Violent crime fell last year. Crime experts have concluded that the trend will last.");
        assert_eq!(got[0], (Kind::VagueAttribution, "experts".to_string(), None), "{got:?}");
        let got = attributions("The Pentagon said nothing. Pentagon officials said later that the trend will last.");
        assert!(got.iter().all(|(kind, _, _)| *kind == Kind::Attribution), "{got:?}");
    }

    #[test]
    fn a_bare_plural_group_holding_a_view_is_vague() {
        let got = attributions("In Europe, economists argue that rates will fall.");
        assert_eq!(got[0], (Kind::VagueAttribution, "economists".to_string(), None));
        assert!(attributions("Fundraising documents show a surge.").iter().all(|(kind, _, _)| *kind != Kind::VagueAttribution));
    }

    #[test]
    fn naming_and_reflexives_are_not_attributions() {
        assert!(attributions("Barden now helps lead a program called Second Chance.").is_empty());
        assert!(attributions("The bank has found itself at the center of the crisis.").is_empty());
        assert_eq!(attributions("The president called the report a hoax.")[0].1, "called");
    }

    #[test]
    fn a_subject_does_not_reach_across_a_clause() {
        // Not "the past week and": the sentence names no one who found anything.
        let got = attributions("Reporters met over the past week and found a strong appetite for change.");
        assert!(got.iter().all(|(_, _, source)| source.as_deref().map_or(true, |s| !s.contains(" and"))), "{got:?}");
        assert!(attributions("Everyone wants lower taxes.").iter().all(|(_, _, source)| source.as_deref() != Some("Everyone")));
    }

    #[test]
    fn nouns_and_plain_verbs_are_not_attributions() {
        assert!(attributions("The claims were false.").is_empty());
        assert!(attributions("Prices rose sharply.").is_empty());
        assert!(attributions("The war began in 2022.").is_empty());
    }
}
