//! Speculation: hedges in the writer's own voice. Lexicon matches are filtered by
//! context: "May" the month or a name, "could not" of past ability, "may" of
//! permission. Hedges inside a named speaker's quotation or speech reported from a named
//! source are theirs: marked as part of the attribution, not as the writer's speculation.

use crate::text::Input;
use crate::passes::attribution::Attributions;
use crate::finding::{Finding, Kind};
use crate::span::Span;
use crate::text::lexicon::context::{
    DETERMINER_BEFORE_QUANTITY, DOCUMENT_NOUN, STANCE_NOUN, GENERIC_AFTER_MODAL, MONTH_CONTEXT, PERMISSION_SUBJECT, PLACE_OR_TIME_AFTER_APPEAR, SIGNAL_NOUN_BEFORE,
    SORT_DETERMINER, SPEAKER_BEFORE_SUGGESTED, UNKNOWN_WORD,
};
use crate::text::lexicon::{LexKind, Match};
use crate::text::segment::TokenKind;
use crate::text::words::opens_a_transcript;
use std::ops::Range;

fn is_hedge_kind(kind: LexKind) -> bool {
    matches!(
        kind,
        LexKind::Modal | LexKind::HedgeWord | LexKind::Inference | LexKind::Frame | LexKind::CustomHedge
    )
}

/// Whether the hedge at token `i` sits in a clause that says what is not known: "unclear",
/// "not clear", "not known", "remains to be seen" earlier in the same clause.
fn in_an_honest_unknown(input: &Input, i: usize, sentence: &Range<usize>) -> bool {
    // Looked for near the hedge only, so a run of hedges in one long sentence stays linear.
    for k in (sentence.start.max(i.saturating_sub(UNKNOWN_REACH))..i).rev() {
        let w = input.norm.token(k);
        if matches!(w, ";" | "but" | "." | "although" | "though") {
            return false;
        }
        let next = input.word_in(sentence, k + 1);
        let negation = w == "not" || w.ends_with("n't");
        // "it is unclear whether", "isn't clear how", "hard to predict how", "remains to be seen".
        if UNKNOWN_WORD.contains(w)
            || (negation && matches!(next, "clear" | "known" | "yet" | "certain" | "sure"))
            || (w == "to" && (next == "predict" || (next == "be" && input.word_in(sentence, k + 2) == "seen")))
        {
            return true;
        }
    }
    false
}

/// How far back from a hedge "unclear", "whether", "not clear" still govern it.
const UNKNOWN_REACH: usize = 16;

/// The strength of a modal in context: a general possibility ("may be used", "may
/// include") is weaker than a guess about what happened or will happen. Only "may" is
/// read so: "could lead to" and "might be delayed" are predictions in news.
fn modal_strength(input: &Input, m: &Match, sentence: &Range<usize>) -> f32 {
    let i = m.tokens.start;
    if !matches!(input.norm.token(i), "may") {
        return m.strength;
    }
    let word = |k: usize| input.word_in(sentence, k);
    let next = word(i + 1);
    let passive = next == "be" && {
        let w = word(i + 2);
        (w.ends_with("ed") || w.ends_with("en")) && w != "seen"
    };
    // A named subject makes it a guess about one case, not a general possibility: "Russia may take".
    let named_subject = i > sentence.start + 1 && crate::text::words::is_capitalized(input, i - 1);
    if (passive || GENERIC_AFTER_MODAL.contains(next)) && !named_subject {
        0.35
    } else {
        m.strength
    }
}

/// Why a vague quantifier is not vague here: "the many", "I am certain", "certain that".
fn quantity_is_not_vague(input: &Input, m: &Match, sentence: &Range<usize>) -> bool {
    let i = m.tokens.start;
    let prev = input.word_in(sentence, i.wrapping_sub(1));
    let next = input.word_in(sentence, m.tokens.end);
    let word = input.norm.token(i);
    DETERMINER_BEFORE_QUANTITY.contains(prev)
        || (word == "certain" && (matches!(next, "that" | "to" | "of" | "." | ",") || matches!(prev, "is" | "am" | "are" | "was" | "were" | "be" | "not" | "quite" | "very")))
        || input.seg.tokens.get(m.tokens.end).map_or(true, |t| t.kind == TokenKind::Punct)
}

/// Why a lexicon match is no hedge where it stands: "May" the month, "could not", permission,
/// "the many", "that kind of", "appeared in court", "supposed to come from".
pub fn rejected_in_context(input: &Input, m: &Match, sentence: &Range<usize>) -> bool {
    match m.kind {
        LexKind::Modal => modal_is_not_hedge(input, m, sentence),
        LexKind::VagueQuantity => quantity_is_not_vague(input, m, sentence),
        LexKind::HedgeWord | LexKind::Inference => word_is_not_hedge(input, m, sentence),
        _ => false,
    }
}

/// Hedging words with a plain sense too: "that kind of return" is a sort, not an
/// approximation; "appeared in court" is being there, not seeming; "supposed to come
/// from" is what is expected, not what is rumoured ("supposed to have fled" still is).
fn word_is_not_hedge(input: &Input, m: &Match, sentence: &Range<usize>) -> bool {
    let i = m.tokens.start;
    let prev = input.word_in(sentence, i.wrapping_sub(1));
    let next = input.word_in(sentence, m.tokens.end);
    let after_next = input.word_in(sentence, m.tokens.end + 1);
    // "appears to", "seemed": how things look to the writer, negated or not ("does not appear
    // to work") and whatever looks so ("the email appears to contradict").
    let impression = input.norm.token(i).starts_with("appear") || input.norm.token(i).starts_with("seem");
    // "He didn't suggest": nothing is inferred.
    if m.kind == LexKind::Inference && !impression && (prev == "not" || prev.ends_with("n't")) {
        return true;
    }
    // "public records indicate", "the filing suggests": a document says so, which attributes
    // the claim (the guideline's named document), not the writer's inference; and "as its
    // name suggests" is no inference at all.
    if m.kind == LexKind::Inference && !impression && (DOCUMENT_NOUN.contains(prev) || matches!(prev, "records" | "name")) {
        return true;
    }
    match input.norm.token(i) {
        "kind" | "sort" => SORT_DETERMINER.contains(prev),
        // "becomes more apparent", "it was apparent": plain to see, not a guess ("an apparent suicide" still is).
        "apparent" => matches!(prev, "more" | "become" | "becomes" | "became" | "is" | "was" | "are" | "were" | "increasingly" | "already" | "readily" | "immediately"),
        // "the agency suggested that", "Bloomberg suggested": someone proposing or saying, reported.
        "suggested" => prev != "this" && prev != "that" && (i > sentence.start && input.seg.tokens[i - 1].upper || SPEAKER_BEFORE_SUGGESTED.contains(prev)),
        // The noun: "the signals could not differ", "signal preemption", "mixed signals".
        // "signaled support for": said where one stands, as "signals" announces in a headline.
        "signaled" | "signalled" | "signals" | "signal" if STANCE_NOUN.contains(next) || (SORT_DETERMINER.contains(next) && STANCE_NOUN.contains(after_next)) => true,
        "signal" | "signals" => {
            let verb_before = matches!(prev, "could" | "may" | "might" | "to" | "would" | "will" | "also" | "which" | "that");
            !verb_before && (input.norm.token(i) == "signal" || SIGNAL_NOUN_BEFORE.contains(prev) || matches!(next, "of" | "from" | "that" | "were" | "are" | "could" | "would" | "to" | "." | ","))
        }
        "supposed" => next == "to" && !matches!(after_next, "have" | "be"),
        // "the complaint alleged that": a source's charge, reported; "the alleged attacker" is
        // still the writer's hedge.
        "alleged" => next == "that",
        // "Pointing to the report, officials said": citing, a participle opening the sentence.
        "pointing" => i == sentence.start,
        // "14 percent less likely to die": a measured rate, not a guess.
        "more" | "less" if m.tokens.len() == 2 => measured_before(input, sentence, i),
        "likely" if matches!(prev, "more" | "less") => measured_before(input, sentence, i - 1),
        // "likely voters", "likely Republican primary voters": pollsters' name for a group, not a guess.
        "likely" if m.tokens.len() == 1 => (m.tokens.end..m.tokens.end + 3).any(|k| matches!(input.word_in(sentence, k), "voters" | "voter" | "caucusgoers" | "caucus-goers")),
        // "his unlikely proposal", "an unlikely alliance": surprising, not improbable.
        "unlikely" if m.tokens.len() == 1 => {
            matches!(prev, "an" | "the" | "his" | "her" | "their" | "its" | "this" | "that" | "our")
                && input.seg.tokens.get(m.tokens.end).is_some_and(|t| t.kind == TokenKind::Word)
                && !matches!(next, "to" | "that" | "")
        }
        "appear" | "appears" | "appeared" | "appearing" if m.tokens.len() == 1 => {
            let as_if = next == "as" && matches!(after_next, "if" | "though");
            !as_if && (PLACE_OR_TIME_AFTER_APPEAR.contains(next) || input.seg.tokens.get(m.tokens.end).map_or(true, |t| t.kind == TokenKind::Punct))
        }
        _ => false,
    }
}

/// Whether a figure comes just before token `i`: "14 percent", "three times", "twice".
fn measured_before(input: &Input, sentence: &Range<usize>, i: usize) -> bool {
    let prev = input.word_in(sentence, i.wrapping_sub(1));
    matches!(prev, "percent" | "%" | "times" | "twice" | "half")
        || (i > sentence.start && input.seg.tokens[i - 1].kind == TokenKind::Number)
}

/// Why a modal match is not a hedge here, if it is not.
fn modal_is_not_hedge(input: &Input, m: &Match, sentence: &Range<usize>) -> bool {
    let i = m.tokens.start;
    let word = input.norm.token(i);
    let next = (i + 1 < sentence.end).then(|| input.norm.token(i + 1));
    let prev = (i > sentence.start).then(|| input.norm.token(i - 1));
    match word {
        // "might sound like one of those games": an impression granted, not a guess at facts.
        "may" | "might" | "could" if matches!(next, Some("sound" | "look" | "seem" | "feel")) && input.word_in(sentence, i + 2) == "like" => true,
        "may" => {
            let raw = input.seg.token_text(input.text, i);
            let capital = raw.starts_with('M');
            let modal_next = matches!(next, Some("be" | "have" | "not" | "also" | "well" | "never" | "soon" | "still"));
            let number_next = i + 1 < sentence.end && input.seg.tokens[i + 1].kind == TokenKind::Number;
            if number_next || prev.is_some_and(|p| MONTH_CONTEXT.contains(p)) && capital {
                return true; // the month: "in May", "May 5"
            }
            if capital && i > sentence.start && !modal_next {
                return true; // a name or the month mid-sentence: "Theresa May said"
            }
            if capital && i == sentence.start && matches!(next, Some("i" | "we")) {
                return true; // "May I ask": a request
            }
            if prev == Some("i") && i >= sentence.start + 2 && input.norm.token(i - 2) == "if" {
                return true; // "If I may": politeness
            }
            // Permission: "visitors may", "visitors may not".
            prev.is_some_and(|p| PERMISSION_SUBJECT.contains(p))
                || (next == Some("not") && prev.is_some_and(|p| p.ends_with('s') && PERMISSION_SUBJECT.iter().any(|s| s.starts_with(p))))
        }
        // "How could I?": a question of one's own ability.
        "could" | "would" if input.seg.sentences[input.sentence_of(i)].question && matches!(next, Some("i" | "we" | "you" | "he" | "she" | "they")) && input.word_in(sentence, i + 2) == "?" => true,
        // "announced he would retire", "said she would run": an intention reported, not a guess.
        "would" if i >= sentence.start + 2 && matches!(prev, Some("he" | "she" | "they" | "it" | "we" | "i")) => {
            input.matches_near(&(i - 2..i - 1)).iter().any(|m| m.kind == LexKind::SpeechVerb && m.tokens.end == i - 1)
                || matches!(input.norm.token(i - 2), "announcing" | "announced" | "saying" | "promised" | "vowed" | "insisted" | "added")
        }
        // "could not reach him", "could barely walk", "could see the stage", "did all they
        // could": past ability or perception. "could not have" is still a hedge.
        "could" => {
            let ability = matches!(next, Some("not" | "never" | "hardly" | "barely" | "only" | "see" | "hear" | "feel" | "tell" | "smell" | "taste" | "afford"))
                && m.tokens.len() == 1
                && input.norm.token((i + 2).min(sentence.end - 1)) != "have";
            // "could be heard saying", "could be seen": what was perceived, not a guess.
            let perceived = next == Some("be") && matches!(input.word_in(sentence, i + 2), "heard" | "seen");
            let all_they_could = i >= sentence.start + 2 && matches!(input.norm.token(i - 2), "all" | "everything" | "what" | "as");
            // "neither could the employer", "every meeting he could.": an ability, said again or elided.
            let elided = m.tokens.len() == 1 && (matches!(prev, Some("neither" | "nor")) || matches!(next, Some("." | "," | ";" | "?" | "!") | None));
            ability || perceived || elided || (all_they_could && m.tokens.len() == 1 && matches!(next, Some("." | "," | "to" | "for") | None))
        }
        _ => false,
    }
}

fn explanation(kind: LexKind, cue: &str, hedged: &str) -> String {
    let (what, why) = match kind {
        LexKind::Modal => ("a hedge", "the writer does not claim this happened or is so."),
        LexKind::HedgeWord => ("a hedging word", "a guess or estimate, not an established fact."),
        LexKind::Inference => ("an inference", "the writer reads this into events rather than reporting it."),
        LexKind::Frame => ("a speculative frame", "it invites a conclusion without stating a fact."),
        LexKind::VagueQuantity => ("a vague quantity", "who or how many is not said, so it cannot be checked."),
        LexKind::Peacock => {
            return ["'", cue, "' — a peacock or weasel phrase: praise or consensus with no measure and no source, so it cannot be checked."].concat()
        }
        _ => return ["'", cue, "' — marked as speculation by your own word list."].concat(),
    };
    // Joined rather than format!ted: this runs for every hedge, and formatting cost more
    // than the rest of the hedge rules together.
    let on: [&str; 3] = if hedged.is_empty() { ["", "", ""] } else { [" on “", hedged, "”"] };
    ["'", cue, "' — ", what, on[0], on[1], on[2], ": ", why].concat()
}

/// Up to eight words after the cue, to the end of its clause: what the hedge covers.
fn hedged_words(input: &Input, after: usize, sentence: &Range<usize>) -> String {
    let mut end = after;
    while end < sentence.end && end < after + 8 {
        let t = input.norm.token(end);
        if matches!(t, "," | ";" | ":" | "." | "!" | "?" | "—" | "-" | "(" | ")" | "\"") {
            break;
        }
        end += 1;
    }
    let words = input.seg.slice(input.text, after..end);
    if end < sentence.end && end == after + 8 {
        [words, "…"].concat()
    } else {
        words.to_string()
    }
}

pub fn find(input: &Input, attributions: &Attributions) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut covered_until = 0usize;
    let taken = &attributions.taken;
    let reporters = Reporters::new(attributions);
    let mut vague_sentences = vec![false; input.seg.sentences.len()];
    for f in attributions.findings.iter().filter(|f| f.kind == Kind::VagueAttribution) {
        vague_sentences[input.sentence_at_char(f.span.start)] = true;
    }
    let mut transcript = false;
    for (s, sentence) in input.seg.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        if sentence.paragraph_start {
            transcript = opens_a_transcript(input, s);
        }
        for m in input.sentence_matches(s) {
            if !is_hedge_kind(m.kind) || m.tokens.start < covered_until || m.tokens.end > range.end {
                continue;
            }
            if m.tokens.clone().any(|t| taken[t]) {
                continue;
            }
            if rejected_in_context(input, m, &range) {
                continue;
            }
            let strength = if m.kind == LexKind::Modal { modal_strength(input, m, &range) } else { m.strength };
            let cue = input.seg.slice(input.text, m.tokens.clone()).to_string();
            let span = input.seg.char_span(m.tokens.clone());
            // Inside a quotation with a known speaker, or in speech reported from a named source:
            // the speaker hedges, not the writer. When the sentence itself reports the speech,
            // the hedge is still marked, as part of what it attributes.
            let quote_speaker = input.seg.quote_of(m.tokens.start).and_then(|q| attributions.quote_speakers[q].clone());
            // "…spillage could freeze, Mr. Michaels said.": speech whose source closes the sentence.
            let reported = attributions.reported[s].as_ref().is_some_and(|r| r.start < m.tokens.start && m.tokens.start < r.end)
                || reporters.closes(input, &range, m.tokens.end);
            // A quotation whose speaker is not found (a paragraph-long quote, a transcript) is
            // still someone else's words: no hedge of the writer's.
            let in_quote = input.seg.quote_of(m.tokens.start).is_some_and(|q| {
                let quote = &input.seg.quotes[q];
                quote.close - quote.open > 4
            });
            if quote_speaker.is_none() && !reported && (in_quote || transcript) {
                continue;
            }
            // An unnamed speaker's hedge ("experts said the test could change that") belongs to
            // the vague attribution already marked in the sentence, not to the writer.
            if vague_sentences.get(s).copied().unwrap_or(false) {
                continue;
            }
            if in_an_honest_unknown(input, m.tokens.start, &range) {
                continue;
            }
            if quote_speaker.is_some() || reported {
                let Some(reporter) = reporters.of(sentence.span, span.start) else { continue };
                let who = quote_speaker.unwrap_or(reporter);
                covered_until = m.tokens.end;
                out.push(Finding {
                    kind: Kind::Attribution,
                    explanation: format!("'{cue}' — {who} hedges here, not the writer: part of what is attributed to them."),
                    span,
                    cue,
                    // Below a named source's strength: the summary counts who is quoted, not each hedge.
                    strength: strength.min(0.8),
                    source: Some(who),
                });
                continue;
            }
            covered_until = m.tokens.end;
            let hedged = hedged_words(input, m.tokens.end, &range);
            out.push(Finding {
                kind: Kind::Speculation,
                span,
                explanation: explanation(m.kind, &cue, &hedged),
                cue,
                strength,
                source: None,
            });
        }
    }
    out
}

/// Attributions that name a source, by position: which one reports the speech at a char.
struct Reporters<'a> {
    /// (span, source), sorted by span start.
    by_start: Vec<(Span, &'a str)>,
}

impl<'a> Reporters<'a> {
    fn new(attributions: &'a Attributions) -> Reporters<'a> {
        let mut by_start: Vec<(Span, &str)> = attributions
            .findings
            .iter()
            .filter(|f| f.kind == Kind::Attribution)
            .filter_map(|f| Some((f.span, f.source.as_deref()?)))
            .collect();
        by_start.sort_unstable_by_key(|(span, _)| span.start);
        Reporters { by_start }
    }

    /// Whether a named source's verb of saying closes the sentence after token `after`, set off
    /// by a comma: "…, Mr. Michaels said." / "…, said Peskov." — all before it is their speech.
    fn closes(&self, input: &Input, sentence: &Range<usize>, after: usize) -> bool {
        if sentence.is_empty() {
            return false;
        }
        let tail_start = input.seg.tokens[sentence.end.saturating_sub(7).max(after).min(sentence.end - 1)].start as usize;
        let end = input.seg.tokens[sentence.end - 1].end as usize;
        let from = self.by_start.partition_point(|(span, _)| span.start < tail_start);
        self.by_start[from..].iter().take_while(|(span, _)| span.start < end).any(|(span, _)| {
            let cue = input.token_at_char(span.start);
            (cue.saturating_sub(4).max(after)..cue).any(|k| input.norm.token(k) == ",")
        })
    }

    /// The source that `sentence` names as reporting the speech at char `at`: the
    /// attribution before it, else the one after ("“…may…,” said Peskov").
    fn of(&self, sentence: Span, at: usize) -> Option<String> {
        // Attributions never cross a sentence: those starting in it lie in it.
        let from = self.by_start.partition_point(|(span, _)| span.start < sentence.start);
        let to = self.by_start.partition_point(|(span, _)| span.start < sentence.end);
        let before = self.by_start.partition_point(|(span, _)| span.start < at).clamp(from, to);
        let found = if before > from { Some(before - 1) } else { (from < to).then_some(from) };
        found.map(|k| self.by_start[k].1.to_string())
    }
}

#[cfg(test)]
mod tests {
    use crate::answer::analyze::{all_candidates, analyze_text, rule_candidates, Options};
    use crate::finding::Kind;

    fn hedges(text: &str) -> Vec<String> {
        all_candidates(text, &Options::default()).into_iter().filter(|f| f.kind == Kind::Speculation).map(|f| f.cue).collect()
    }

    #[test]
    fn modal_hedges_fire() {
        assert_eq!(hedges("Moscow may be seeking to soften its status."), ["may be"]);
        assert_eq!(hedges("The offer could signal a shift in strategy."), ["could signal"]);
        assert_eq!(hedges("It might rain."), ["might"]);
        assert_eq!(hedges("Any decision would likely hinge on the details."), ["would likely"]);
    }

    #[test]
    fn a_general_possibility_is_weaker_than_a_guess() {
        let strengths = |text: &str| -> Vec<(String, f32)> {
            rule_candidates(text)
                .into_iter()
                .filter(|f| f.kind == Kind::Speculation)
                .map(|f| (f.cue, f.strength))
                .collect()
        };
        let weak = |text: &str| {
            let found = strengths(text);
            assert!(!found.is_empty(), "a hedge in {text:?}");
            found.iter().all(|(_, s)| *s < 0.45)
        };
        // "may" of what can happen in general: shown only when strict.
        assert!(weak("Symptoms may include fever and cough."));
        assert!(weak("The drug may be used to treat malaria."));
        // "could" and "might", or "may" with a named subject, guess about one case.
        assert!(!weak("The ruling could lead to higher prices."));
        assert!(!weak("The vote could be delayed until March."));
        assert!(!weak("The Kremlin may take weeks to respond."));
    }

    #[test]
    fn hedging_words_and_inference_verbs_fire() {
        assert_eq!(hedges("It is possibly a ploy."), ["possibly"]);
        assert_eq!(hedges("He reportedly left."), ["reportedly"]);
        assert_eq!(hedges("The timing suggests a strategy."), ["suggests"]);
        assert_eq!(hedges("He appears to agree."), ["appears to"]);
        assert_eq!(hedges("This raises questions about intent."), ["raises questions"]);
        // Belief pinned on nobody is a vague source, not the writer's guess.
        assert!(hedges("It is believed that he fled.").is_empty());
        // A document's word is attributed to it, not inferred by the writer.
        assert!(hedges("Public records indicate he did not own a home.").iter().all(|h| h != "indicate"));
        assert!(hedges("The complaint alleged that the party failed to secure its data.").is_empty());
        assert_eq!(hedges("The alleged attacker fled."), ["alleged"]);
        assert!(hedges("Pointing to the report, officials agreed with its findings.").is_empty());
    }

    #[test]
    fn hedging_words_in_their_plain_sense_are_not_hedges() {
        assert!(hedges("Where might it earn that kind of return?").iter().all(|h| h != "kind of"));
        // A sort, not an approximation or a guess: not speculation in news.
        assert!(hedges("It was kind of strange.").is_empty());
        assert!(hedges("He appeared in court on Monday.").is_empty());
        assert!(hedges("Trump, appearing after Clinton at the forum, cited problems.").is_empty());
        assert_eq!(hedges("He appeared nervous."), ["appeared"]);
        assert_eq!(hedges("They don't appear to work all of the time."), ["appear to"]);
        assert!(hedges("Trump leads among likely Republican primary voters.").is_empty());
        assert_eq!(hedges("The alleged attacker fled."), ["alleged"]);
        assert!(hedges("Students have alleged they were misled.").is_empty());
        assert_eq!(hedges("Trump is the likely nominee."), ["likely"]);
        assert!(hedges("It was the culmination of an unlikely political alliance.").is_empty());
        assert_eq!(hedges("The alliance is unlikely to last."), ["unlikely"]);
        assert_eq!(hedges("The email appears to contradict his account."), ["appears to"]);
        assert!(hedges("The filing suggests a merger.").is_empty());
        assert!(hedges("He didn't suggest a merger.").is_empty());
        assert_eq!(hedges("He appeared as if he had not slept."), ["appeared"]);
        assert!(hedges("Where is that money supposed to come from?").is_empty());
        assert_eq!(hedges("He is supposed to have fled."), ["supposed to have"]);
        assert!(hedges("Coffee drinkers were 14 percent less likely to die.").is_empty());
        assert!(hedges("But Uber, as its name suggests, is hierarchical.").is_empty());
        assert!(hedges("The senator signaled support for the bill on Monday.").is_empty());
        assert_eq!(hedges("The timing signals a shift."), ["signals"]);
        assert!(hedges("The man could be heard saying he was late.").is_empty());
        assert_eq!(hedges("A deal is more likely now."), ["more likely"]);
    }

    #[test]
    fn may_the_month_or_a_name_is_not_a_hedge() {
        assert!(hedges("The talks began in May.").is_empty());
        assert!(hedges("May 5 was a Monday.").is_empty());
        assert!(hedges("Prime Minister Theresa May resigned.").is_empty());
        assert_eq!(hedges("May be true."), ["May be"]);
        assert_eq!(hedges("Why the Offer May Be More PR Than Peace"), ["May Be"]);
    }

    #[test]
    fn past_ability_and_plain_future_are_not_hedges() {
        assert!(hedges("Rescuers could not reach the village.").is_empty());
        assert!(hedges("The summit will take place on Friday.").is_empty());
        assert_eq!(hedges("He could not have known."), ["could"]);
    }

    #[test]
    fn ability_politeness_impressions_and_reported_intentions_are_not_hedges() {
        assert!(hedges("If I may, sir, because we have got limited time.").is_empty());
        assert!(hedges("I could see the text up close as clearly as the photos.").is_empty());
        assert!(hedges("Five donors could not be located, and neither could their employers.").is_empty());
        assert!(hedges("The name might sound like one of those endless games, but that is not the case.").is_empty());
        assert!(hedges("He announced he would retire at the end of his term.").is_empty());
        assert!(hedges("It isn't clear how the boom will fit the bigger picture, or how it might alter it.").is_empty());
        assert!(hedges("As the damage becomes more apparent, experts are troubled.").is_empty());
        // A weak hedge (strict shows it): the rules' own candidates.
        assert!(rule_candidates("It was an apparent suicide.").iter().any(|f| f.kind == Kind::Speculation && f.cue == "apparent"));
    }

    #[test]
    fn speech_closed_by_its_source_is_the_sources() {
        let findings = all_candidates("In the extreme cold, spillage into the street could freeze, Mr. Michaels said.", &Options::default());
        assert!(findings.iter().all(|f| f.kind != Kind::Speculation), "{findings:?}");
    }

    #[test]
    fn permission_is_not_a_hedge() {
        assert!(hedges("Visitors may not park here.").is_empty());
        assert!(hedges("You may leave now.").is_empty());
    }

    #[test]
    fn hedges_of_a_quoted_named_speaker_are_theirs() {
        // Marked, as the speaker's: part of the attribution, not the writer's speculation.
        let findings = all_candidates("“We may agree soon,” said Dmitry Peskov.", &Options::default());
        let theirs = findings.iter().find(|f| f.cue == "may").expect("the quote's hedge is marked");
        assert_eq!((theirs.kind, theirs.source.as_deref()), (Kind::Attribution, Some("Dmitry Peskov")));
        let reported = all_candidates("Peskov said talks might happen.", &Options::default());
        assert!(reported.iter().any(|f| f.cue == "might" && f.kind == Kind::Attribution && f.source.as_deref() == Some("Peskov")));
        assert!(hedges("“We may agree soon,” said Dmitry Peskov.").is_empty());
        assert!(hedges("Peskov said talks might happen.").is_empty());
        assert_eq!(hedges("Talks might happen."), ["might"]);
        // The reported speech runs on through a clause that continues it…
        assert!(hedges("Peskov said talks might happen, but they might fail.").is_empty());
        // …and stops where the writer comments on it or concedes something.
        assert_eq!(hedges("Halmos claims to have invented the notation, and this is probably true."), ["probably"]);
        assert_eq!(hedges("Peskov said talks might happen; the Kremlin might be bluffing."), ["might be"]);
        assert_eq!(hedges("Peskov said talks might happen, although the Kremlin might be bluffing."), ["might be"]);
        // A guess at what someone will say reports nothing: the writer's hedges stay.
        assert_eq!(hedges("Peskov will say that talks might happen."), ["might"]);
    }

    #[test]
    fn custom_hedges_are_matched() {
        let options = Options { custom_hedges: vec!["in all probability".into()], ..Options::default() };
        let got = analyze_text("In all probability he left.", &options).findings;
        assert!(got.iter().any(|f| f.kind == Kind::Speculation && f.cue == "In all probability"));
    }
}
