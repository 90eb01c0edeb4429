//! Unsourced claims: the writer's own assertions of a kind a careful reader wants sourced
//! (the annotation guideline, after Redi et al., "Citation Needed", 2019) — causes and
//! motives, what others want, fear or believe, what groups think, figures the reporter did
//! not observe, predictions stated as fact — when neither the sentence nor its neighbours
//! in the paragraph name a source, quote one or link to one.
//!
//! A date, a number or a past event alone is no need: the news event told in the outlet's
//! voice, results, schedules and background are not claims, and neither are quotations,
//! questions, headings, hedged sentences or opinion.
//!
//! The finding marks the claim's core (the cue and the rest of its clause), not the whole
//! sentence; its cue quotes the sentence, so the reader sees what the mark is about.

use crate::text::Input;
use crate::finding::{Finding, Kind};
use crate::passes::attribution::Attributions;
use crate::text::lexicon::context::{ADVERB_BEFORE_STATE, EVENT_TIME, FIRST_PERSON, NOT_A_STATE_SUBJECT, NOT_SUPERLATIVE, SOURCE_NOUN, SUPERLATIVE};
use crate::text::lexicon::{LexKind, Match};
use crate::text::segment::TokenKind;
use crate::text::words::opens_a_transcript;
use std::ops::Range;

/// Why a sentence needs a source, in the guideline's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Cause,
    InnerState,
    GroupView,
    Statistic,
    Prediction,
    Contested,
}

impl Need {
    fn describe(self) -> &'static str {
        match self {
            Need::Cause => "a cause or motive",
            Need::InnerState => "what someone wants, fears or believes",
            Need::GroupView => "what a group thinks or feels",
            Need::Statistic => "a figure the reporter did not observe",
            Need::Prediction => "a prediction, as fact",
            Need::Contested => "a judgement of how someone did or behaves, as fact",
        }
    }

    /// The strength before calibration: how likely a need of this kind is to deserve the mark,
    /// roughly, from the news set's development split.
    fn prior(self) -> f32 {
        match self {
            Need::Statistic | Need::GroupView => 0.55,
            Need::Cause => 0.6,
            Need::InnerState => 0.45,
            Need::Contested => 0.45,
            Need::Prediction => 0.4,
        }
    }
}

/// The need an inner-state cue at `m` shows, from its subject: a group's view, another's
/// inner state, or none (the writer's own "I fear", a modal "would want", "to hope").
/// `group_ends`: where the group phrases of the sentence end, sorted.
fn inner_state_need(input: &Input, m: &Match, sentence: &Range<usize>, group_ends: &[usize]) -> Option<Need> {
    let mut k = m.tokens.start;
    while k > sentence.start && ADVERB_BEFORE_STATE.contains(input.norm.token(k - 1)) {
        k -= 1;
    }
    if k == sentence.start {
        return None;
    }
    let subject = input.norm.token(k - 1);
    if group_ends.binary_search(&k).is_ok() {
        return Some(Need::GroupView);
    }
    let own_or_modal = NOT_A_STATE_SUBJECT.contains(subject) || subject.ends_with("n't") || input.seg.tokens[k - 1].kind != TokenKind::Word;
    (!own_or_modal).then_some(Need::InnerState)
}

/// Whether a statistic cue is a figure here: "percent" after a number; "in the world" and
/// its kind only with a superlative ("the largest … in the world").
fn is_a_figure(input: &Input, m: &Match, sentence: &Range<usize>) -> bool {
    let first = input.norm.token(m.tokens.start);
    // Near the cue only: a long sentence of many cues stays linear.
    let sentence = &(sentence.start.max(m.tokens.start.saturating_sub(FIGURE_REACH))..sentence.end.min(m.tokens.end + FIGURE_REACH));
    let before = |k: usize| (k > sentence.start).then(|| &input.seg.tokens[k - 1]);
    match first {
        "percent" | "per" | "%" | "percentage" => before(m.tokens.start).is_some_and(|t| t.kind == TokenKind::Number),
        // "Globally there are 1.6 million cases": a world figure.
        "worldwide" | "globally" if sentence.clone().any(|k| input.seg.tokens[k].kind == TokenKind::Number) => true,
        "in" | "of" | "ever" | "worldwide" | "globally" => sentence.clone().any(|k| {
            let w = input.norm.token(k);
            SUPERLATIVE.contains(w) || (w.len() > 5 && w.ends_with("est") && !NOT_SUPERLATIVE.contains(w))
        }),
        _ => true,
    }
}

/// A count of a population the reporter cannot have made ("has recorded 467,000 cases",
/// "the caseload is nearly 162,000", "there are 1.6 million cases"): a figure of a thousand
/// or more, or millions, stated as a standing total (a present or perfect verb before it),
/// not as the event the article reports ("killing 19 people on Wednesday"). Returns the
/// figure's tokens with the noun after it.
fn population_total(input: &Input, sentence: &Range<usize>) -> Option<Range<usize>> {
    let word = |k: usize| input.norm.token(k);
    let event_time = sentence.clone().any(|k| EVENT_TIME.contains(word(k)));
    if event_time {
        return None;
    }
    let money = |k: usize| k > sentence.start && matches!(word(k - 1), "$" | "€" | "£" | "¥");
    let figure = sentence.clone().find(|&k| {
        let t = &input.seg.tokens[k];
        // "162,000" or "1.6 million": a count; a bare four-digit number is as often a year or a time.
        let big = t.kind == TokenKind::Number && !money(k) && {
            let raw = word(k);
            let digits = raw.chars().filter(char::is_ascii_digit).count();
            (raw.contains(',') && digits >= 4) || digits >= 5
        };
        let millions = t.kind == TokenKind::Word
            && matches!(word(k), "million" | "billion" | "trillion")
            && k > sentence.start
            && input.seg.tokens[k - 1].kind == TokenKind::Number
            && !money(k - 1);
        big || millions
    })?;
    // Counted things, not money or objects in an explanation: a plural noun follows.
    let counted = (figure + 1..(figure + 3).min(sentence.end)).any(|k| {
        let w = word(k);
        input.seg.tokens[k].kind == TokenKind::Word && w.len() > 3 && w.ends_with('s') && !matches!(w, "dollars" | "euros" | "pounds")
    });
    let standing = (figure.saturating_sub(6).max(sentence.start)..figure).any(|k| matches!(word(k), "is" | "are" | "has" | "have" | "had" | "there" | "totals" | "stands"));
    (counted && standing).then(|| figure..(figure + 3).min(sentence.end))
}

/// How far from a statistic's cue its number or superlative is looked for.
const FIGURE_REACH: usize = 16;

/// The claim's core: the cue and the rest of its clause, at most a dozen tokens.
fn core(input: &Input, m: &Match, sentence: &Range<usize>) -> Range<usize> {
    let mut end = m.tokens.end;
    while end < sentence.end && end < m.tokens.end + 12 {
        if matches!(input.norm.token(end), "," | ";" | ":" | "." | "!" | "?" | "-" | "(" | ")") {
            break;
        }
        end += 1;
    }
    m.tokens.start..end
}

/// Whether an attribution's cue is a verb of wanting or fearing ("wants"): a state the writer
/// asserts. A stated belief ("Wallnau believes he has a word from the Lord") is the
/// believer's view, reported.
fn names_an_inner_state(input: &Input, f: &Finding) -> bool {
    let stated_view = matches!(f.cue.to_lowercase().as_str(), "believe" | "believes" | "believed" | "think" | "thinks" | "feel" | "feels" | "felt");
    f.kind == Kind::Attribution && !stated_view && {
        let at = input.token_at_char(f.span.start);
        input.matches_near(&(at..at + 1)).iter().any(|m| m.kind == LexKind::InnerState && input.seg.char_span(m.tokens.clone()) == f.span)
    }
}

/// `hedges`: the hedge and uncertainty passes' findings (with the attributions' own, they tell
/// which sentences are hedged or vaguely sourced).
pub fn find(input: &Input, attributions: &Attributions, hedges: &[Finding]) -> Vec<Finding> {
    let sentences = &input.seg.sentences;
    let mut out = Vec::new();
    let mut hedged = vec![false; sentences.len()];
    for f in attributions.findings.iter().chain(hedges) {
        if matches!(f.kind, Kind::Speculation | Kind::VagueAttribution) {
            hedged[input.sentence_at_char(f.span.start)] = true;
        }
    }
    // Per sentence: holds words of a quotation (a quotation's content is never the writer's claim).
    let mut quoted = vec![false; sentences.len()];
    for q in &input.seg.quotes {
        if q.close - q.open > 3 {
            quoted[input.sentence_of(q.open)..=input.sentence_of(q.close)].iter_mut().for_each(|x| *x = true);
        }
    }
    // Per sentence: a source speaks in it. "Beijing wants …" attributes a wish to Beijing,
    // but it is the writer who says so: an inner state is no source's word.
    let mut sourced = vec![false; sentences.len()];
    for f in &attributions.findings {
        if !names_an_inner_state(input, f) {
            sourced[input.sentence_at_char(f.span.start)] = true;
        }
    }
    // Sourcing reaches across the paragraph: a source in the sentence before or after covers it.
    let covered_by_neighbour = |s: usize| {
        let before = s > 0 && !sentences[s].paragraph_start && sourced[s - 1];
        let after = s + 1 < sentences.len() && !sentences[s + 1].paragraph_start && sourced[s + 1];
        before || after
    };
    let mut transcript = false;
    let mut link_at = input.links.iter().peekable();
    for (s, sentence) in sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        if sentence.paragraph_start {
            transcript = opens_a_transcript(input, s);
        }
        while link_at.peek().is_some_and(|l| l.end <= sentence.span.start) {
            link_at.next();
        }
        let linked = link_at.peek().is_some_and(|l| l.overlaps(&sentence.span));
        let words = range.clone().filter(|&i| input.seg.tokens[i].kind != TokenKind::Punct).count();
        if sentence.heading || sentence.question || words < 6 || linked || transcript {
            continue;
        }
        if sourced[s] || hedged[s] || quoted[s] || covered_by_neighbour(s) {
            continue;
        }
        let matches = input.sentence_matches(s);
        if matches.iter().any(|m| m.kind == LexKind::Opinion) {
            continue;
        }
        let first_person = range.clone().any(|i| FIRST_PERSON.contains(input.norm.token(i)));
        // "did not respond to a request for comment", "declined to comment": the newsroom's
        // own reporting, not a claim that needs a source.
        let asked_for_comment = range.clone().skip(1).any(|i| input.norm.token(i) == "comment" && matches!(input.norm.token(i - 1), "for" | "to"));
        if first_person || asked_for_comment {
            continue;
        }
        let mut group_ends: Vec<usize> = matches.iter().filter(|m| m.kind == LexKind::Group).map(|m| m.tokens.end).collect();
        group_ends.sort_unstable();
        // The strongest need in the sentence names the mark ("has proved ineffective, in large
        // part because …" is a claim about a cause first).
        let needs = matches.iter().filter_map(|m| {
            let need = match m.kind {
                // "Because of this, the Sixers were able to…": the narration's own link, not a claim.
                LexKind::Cause if matches!(input.word_in(&range, m.tokens.end), "this" | "that" | "it")
                    || (input.word_in(&range, m.tokens.end) == "of" && matches!(input.word_in(&range, m.tokens.end + 1), "this" | "that" | "it")) => return None,
                LexKind::Cause => Need::Cause,
                LexKind::Statistic if is_a_figure(input, m, &range) => Need::Statistic,
                LexKind::InnerState => inner_state_need(input, m, &range, &group_ends)?,
                LexKind::Prediction => Need::Prediction,
                LexKind::Contested => Need::Contested,
                _ => return None,
            };
            // A cause's cue says how strong a claim it is: "in part because" weighs causes, a plain
            // "because" as often explains how something works (lexicon/cause.txt).
            let strength = if need == Need::Cause { m.strength.min(need.prior()) } else { need.prior() };
            Some((need, m, strength))
        });
        let need = needs.fold(None, |best: Option<(Need, &Match, f32)>, n| if best.is_some_and(|b| b.2 >= n.2) { best } else { Some(n) });
        // A figure whose document the sentence names ("in the RealClearPolitics average of
        // polls", "census data show") has its source, verb of saying or not.
        let names_a_document = || range.clone().any(|i| SOURCE_NOUN.contains(input.norm.token(i)));
        let (need, core, strength) = match need {
            Some((Need::Statistic, _, _)) if names_a_document() => continue,
            Some((need, m, strength)) => (need, core(input, m, &range), strength),
            None => match population_total(input, &range) {
                Some(_) if names_a_document() => continue,
                Some(figure) => (Need::Statistic, figure, Need::Statistic.prior()),
                None => continue,
            },
        };
        let core_text = input.seg.slice(input.text, core.clone());
        out.push(Finding {
            kind: Kind::UnsourcedClaim,
            span: input.seg.char_span(core),
            cue: input.seg.slice(input.text, range.clone()).to_string(),
            explanation: format!(
                "States {} (“{core_text}”) in the writer's own voice, and neither this sentence nor the ones beside it name a source, quote one or link to one.",
                need.describe()
            ),
            strength,
            source: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::answer::analyze::{all_candidates, Options};
    use crate::finding::Kind;

    fn claims(text: &str) -> Vec<String> {
        all_candidates(text, &Options::default()).into_iter().filter(|f| f.kind == Kind::UnsourcedClaim).map(|f| f.explanation).collect()
    }

    #[test]
    fn claims_that_need_a_source_are_marked() {
        let cause = claims("The council has proved ineffective, in large part because its members back warring parties.");
        assert!(cause.len() == 1 && cause[0].contains("a cause or motive"), "{cause:?}");
        let group = claims("Many voters feel betrayed by the party's leaders after the vote.");
        assert!(group.len() == 1 && group[0].contains("what a group thinks"), "{group:?}");
        let figure = claims("Chinese citizens make up about 80 percent of the investors in the program.");
        assert!(figure.len() == 1 && figure[0].contains("a figure"), "{figure:?}");
        let state = claims("Beijing wants the talks to fail before the summit in the spring.");
        assert!(state.len() == 1 && state[0].contains("wants"), "{state:?}");
    }

    #[test]
    fn standing_totals_are_figures_but_the_events_counts_and_money_are_not() {
        let total = claims("Spain has recorded about 157,000 cases and 16,700 deaths so far.");
        assert!(total.len() == 1 && total[0].contains("a figure"), "{total:?}");
        assert!(claims("Gunmen killed 1,200 people in the town on Wednesday, the worst attack in years.").is_empty());
        assert!(claims("Many teachers have given $1,000 contributions to the campaigns of both parties.").is_empty());
    }

    #[test]
    fn judgements_stated_as_fact_are_claims() {
        let judged = claims("The United Nations has been unable to do much to compel countries to help.");
        assert!(judged.len() == 1 && judged[0].contains("judgement"), "{judged:?}");
    }

    #[test]
    fn the_event_numbers_and_dates_alone_are_not_claims() {
        assert!(claims("Thousands of teachers rallied at the Statehouse on Tuesday.").is_empty());
        assert!(claims("Gunmen opened fire at the museum on Wednesday, killing at least 19 people.").is_empty());
        assert!(claims("The Sixers beat the Celtics 117-110 on Friday night in Boston.").is_empty());
        assert!(claims("Previous negotiations stalled in 2022 as Russia pressed its campaign.").is_empty());
    }

    #[test]
    fn sourced_hedged_quoted_or_opinion_sentences_are_not_claims() {
        assert!(claims("Peskov said talks collapsed because Russia pressed its campaign.").is_empty());
        assert!(claims("Talks may have collapsed because Russia pressed its campaign.").is_empty());
        assert!(claims("I think talks collapsed because Russia pressed its campaign.").is_empty());
        assert!(claims("“Talks collapsed because Russia pressed its campaign,” she said.").is_empty());
        assert!(claims("The White House did not respond to a request for comment because of the holiday.").is_empty());
    }

    #[test]
    fn a_source_beside_the_claim_covers_it() {
        let text = "Smith said the report was stark. Poverty rose in part because wages stalled across the region.";
        assert!(claims(text).is_empty(), "{:?}", claims(text));
        let text = "Poverty rose in part because wages stalled across the region. The finding is stark, Smith said.";
        assert!(claims(text).is_empty(), "{:?}", claims(text));
        // A paragraph break ends the reach.
        let text = "Smith said the plan was sound.\n\nPoverty rose in part because wages stalled across the region.";
        assert_eq!(claims(text).len(), 1);
    }

    #[test]
    fn questions_headings_and_short_lines_are_not_claims() {
        assert!(claims("Did talks collapse because Russia pressed its campaign?").is_empty());
        assert!(claims("Talks collapsed because of Russia.").is_empty());
        assert!(claims("Intro\nWhy Talks Collapsed Because Of Russia\nThe war goes on.").is_empty());
    }

    #[test]
    fn the_mark_covers_the_claims_core_and_quotes_the_sentence() {
        let text = "The council has proved ineffective, in large part because its members back warring parties.";
        let f = all_candidates(text, &Options::default()).into_iter().find(|f| f.kind == Kind::UnsourcedClaim).expect("a claim");
        let marked: String = text.chars().skip(f.span.start).take(f.span.len()).collect();
        assert_eq!(marked, "in large part because its members back warring parties");
        assert_eq!(f.cue, text);
    }
}
