//! Unsourced claims: sentences that assert a checkable fact (an event, a number, a
//! date, a cause, a comparison, history) with no named source in or just before them,
//! no quotation with a speaker and no link. Opinion, questions, headings and hedged
//! sentences are left alone: they are not assertions of fact.

use crate::text::Input;
use crate::passes::attribution::Attributions;
use crate::finding::{Finding, Kind};
use crate::text::lexicon::LexKind;
use crate::text::segment::TokenKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Signal {
    Number,
    Date,
    PastEvent,
    Cause,
    Comparison,
}

impl Signal {
    fn describe(self) -> &'static str {
        match self {
            Signal::Number => "a figure",
            Signal::Date => "a date",
            Signal::PastEvent => "past events",
            Signal::Cause => "a cause",
            Signal::Comparison => "a comparison",
        }
    }
}

/// A regular past form: "stalled", "collapsed".
fn is_regular_past(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && !matches!(word, "indeed" | "proceed" | "exceed" | "succeed" | "embed" | "speed" | "breed")
}

/// Words after which an "-ed" form describes a state, not an event: "are more worried",
/// "a studied bravado", "is expected".
fn describes_a_state(prev: &str) -> bool {
    matches!(
        prev,
        "is" | "are" | "am" | "be" | "being" | "seem" | "seems" | "remain" | "remains" | "more" | "most" | "very" | "so" | "too"
            | "less" | "increasingly" | "a" | "an" | "the"
    )
}

pub fn find(input: &Input, attributions: &Attributions, so_far: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut marked = vec![false; input.seg.sentences.len()];
    for f in so_far {
        if matches!(f.kind, Kind::Speculation | Kind::VagueAttribution) {
            marked[input.sentence_at_char(f.span.start)] = true;
        }
    }
    let mut has_quote = vec![false; input.seg.sentences.len()];
    for q in &input.seg.quotes {
        has_quote[input.sentence_of(q.open)..=input.sentence_of(q.close)].iter_mut().for_each(|x| *x = true);
    }
    let mut link_at = input.links.iter().peekable();
    for (s, sentence) in input.seg.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        while link_at.peek().is_some_and(|l| l.end <= sentence.span.start) {
            link_at.next();
        }
        let linked = link_at.peek().is_some_and(|l| l.overlaps(&sentence.span));
        let words = range.clone().filter(|&i| input.seg.tokens[i].kind != TokenKind::Punct).count();
        if sentence.heading || sentence.question || words < 6 || linked || attributions.sourced[s] || marked[s] {
            continue;
        }
        // A quotation carries its speaker; a sentence opening with a quote continues one.
        if input.seg.quote_of(range.start).is_some() || (s > 0 && attributions.sourced[s - 1] && !sentence.paragraph_start && has_quote[s]) {
            continue;
        }
        let matches = input.sentence_matches(s);
        if matches.iter().any(|m| m.kind == LexKind::Opinion) {
            continue;
        }
        let first_person = range.clone().any(|i| matches!(input.norm.token(i), "i" | "we" | "my" | "our" | "me" | "us"));
        // "did not respond to a request for comment", "declined to comment": the newsroom's
        // own reporting, not a claim that needs a source.
        let asked_for_comment = range.clone().skip(1).any(|i| input.norm.token(i) == "comment" && matches!(input.norm.token(i - 1), "for" | "to"));
        if first_person || asked_for_comment {
            continue;
        }
        let mut signals = Vec::new();
        let mut add = |sig: Signal| {
            if !signals.contains(&sig) {
                signals.push(sig);
            }
        };
        for m in matches {
            match m.kind {
                LexKind::Date => add(Signal::Date),
                LexKind::Cause => add(Signal::Cause),
                LexKind::Comparison => add(Signal::Comparison),
                LexKind::PastTense if m.tokens.start > range.start => add(Signal::PastEvent),
                _ => {}
            }
        }
        for i in range.clone() {
            let tok = &input.seg.tokens[i];
            if tok.kind == TokenKind::Number {
                let w = input.norm.token(i);
                add(if w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) { Signal::Date } else { Signal::Number });
            } else if i > range.start && tok.kind == TokenKind::Word && is_regular_past(input.norm.token(i)) && !describes_a_state(input.norm.token(i - 1)) {
                add(Signal::PastEvent);
            }
        }
        if signals.is_empty() {
            continue;
        }
        signals.sort();
        let strength = (0.4 + 0.12 * signals.len() as f32).min(0.9);
        let what = signals.iter().take(2).map(|s| s.describe()).collect::<Vec<_>>().join(" and ");
        let sentence_text = input.seg.slice(input.text, range.clone());
        out.push(Finding {
            kind: Kind::UnsourcedClaim,
            span: sentence.span,
            cue: sentence_text.to_string(),
            explanation: format!("States {what} with no named source, quotation or link to check it against."),
            strength,
            source: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::answer::analyze::{analyze_text, Options};
    use crate::finding::Kind;

    fn claims(text: &str) -> usize {
        analyze_text(text, &Options::default()).findings.iter().filter(|f| f.kind == Kind::UnsourcedClaim).count()
    }

    #[test]
    fn facts_without_sources_are_claims() {
        assert_eq!(claims("Previous negotiations stalled in 2022 as Russia pressed its campaign."), 1);
        assert_eq!(claims("Kyiv has received a steady flow of advanced weaponry from its allies."), 1);
        assert_eq!(claims("Cease-fire talks collapsed when Russia used pauses to reposition forces."), 1);
    }

    #[test]
    fn sourced_hedged_or_opinion_sentences_are_not_claims() {
        assert_eq!(claims("Peskov said previous negotiations stalled in 2022 as Russia pressed on."), 0);
        assert_eq!(claims("Previous negotiations may have stalled in 2022 as Russia pressed on."), 0);
        assert_eq!(claims("I think previous negotiations stalled in 2022 as Russia pressed on."), 0);
        assert_eq!(claims("Kyiv should reject negotiations that started in 2022 under pressure."), 0);
        assert_eq!(claims("Sanders almost certainly will not run for president again in four years."), 0);
        assert_eq!(claims("The White House did not respond to a request for comment on Thursday."), 0);
        assert_eq!(claims("A spokesman for the company declined to comment on the 2019 deal."), 0);
    }

    #[test]
    fn a_state_is_not_an_event() {
        assert_eq!(claims("But other members of her team are more worried about it."), 0);
        assert_eq!(claims("The campaign's public attitude is a studied, shrugging bravado."), 0);
        assert_eq!(claims("Other members of her team worried about the debate."), 1);
    }

    #[test]
    fn questions_headings_and_short_lines_are_not_claims() {
        assert_eq!(claims("Did negotiations stall in 2022 when Russia pressed on?"), 0);
        assert_eq!(claims("Talks stalled."), 0);
        assert_eq!(claims("Intro\nTalks Stalled in 2022 Amid Pressure\nThe war goes on."), 0);
    }
}
