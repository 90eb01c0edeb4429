//! The shape of a word in the text: whether it is capitalised as a name is, and whether a
//! group of people is identified by the words around it.

use crate::text::lexicon::context::{BODY_NOUN, NATIONALITY_OR_LEVEL, NOT_NAME};
use crate::text::segment::TokenKind;
use crate::text::Input;
use std::ops::Range;

/// Whether token `i` is a capitalised word that may be (part of) a name: not a function
/// word that happens to open a sentence, nor a word capitalised by a title-case heading.
pub fn is_capitalized(input: &Input, i: usize) -> bool {
    let t = &input.seg.tokens[i];
    t.kind == TokenKind::Word && t.upper && !is_not_name(input.norm.token(i)) && !input.is_title_case(i)
}

/// Capitalised words that do not start a name.
pub fn is_not_name(word: &str) -> bool {
    NOT_NAME.contains(word)
}

/// Whether a capitalised word only says where or at what level a group is: "Turkish",
/// "Western", "Federal", "Israeli".
fn is_nationality_or_level(word: &str) -> bool {
    NATIONALITY_OR_LEVEL.contains(word)
        || ["ish", "ian", "ese", "ean", "can", "ern", "i", "ch"].iter().any(|end| word.len() > 3 && word.ends_with(end))
}

/// Whether a group phrase (`group`, tokens inside `floor..ceiling`) that would be a vague
/// source is identified after all: a named body before it ("Con Edison officials",
/// "Trump's aides"), a determiner that refers back to one already named ("the scientists",
/// "its officials"), a named body after it ("officials at Homeland Security", "officials at
/// the institution"), or names that follow ("critics, like Senator Grassley, …").
pub fn identified_group(input: &Input, group: &Range<usize>, floor: usize, ceiling: usize) -> bool {
    let before = (group.start > floor).then(|| group.start - 1);
    // A body's name, not a nationality or a level of government: "Turkish media", "Federal
    // officials" and "Western diplomats" are as vague as "officials".
    let names_a_body = |k: usize| is_capitalized(input, k) && !is_nationality_or_level(input.norm.token(k));
    // "House ethics investigators": a name before one or two lower-case nouns.
    let modified_name = (group.start.saturating_sub(3).max(floor)..group.start.saturating_sub(1)).any(|k| {
        names_a_body(k)
            && (k + 1..group.start).all(|j| {
                input.seg.tokens[j].kind == TokenKind::Word && !input.seg.tokens[j].upper && !matches!(input.norm.token(j), "and" | "or")
            })
    });
    let named_before = modified_name || before.is_some_and(|b| {
        let w = input.norm.token(b);
        names_a_body(b) || matches!(w, "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our")
            // "agency officials said": the body named before, referred back to.
            || BODY_NOUN.contains(w)
            // "Obama, others vow": others beside a name.
            || (w == "," && b > floor && is_capitalized(input, b - 1) && input.norm.token(group.start) == "others")
    });
    if named_before {
        return true;
    }
    let after = |k: usize| (group.end + k < ceiling).then(|| input.norm.token(group.end + k));
    if matches!(after(0), Some("at" | "of" | "from" | "for" | "with" | "in"))
        && (after(1) == Some("the") || (group.end + 1 < ceiling && is_capitalized(input, group.end + 1)))
    {
        return true;
    }
    // "Critics of the program, like Senators Charles Grassley and Patrick Leahy, see…",
    // "Proponents, including the United States Conference of Mayors, …"
    let reach = ceiling.min(group.end + 8);
    let names_follow = (group.end..reach).any(|k| {
        let name_at = |j: usize| j < ceiling && is_capitalized(input, j);
        matches!(input.norm.token(k), "like" | "including") && k > group.end && input.norm.token(k - 1) == ","
            && (name_at(k + 1) || (input.norm.token((k + 1).min(ceiling - 1)) == "the" && name_at(k + 2)))
    });
    // "an official said" in a sentence about "the hospital" or a named body: one of its people.
    let one_person = group.len() <= 2 && matches!(input.norm.token(group.start), "an" | "a" | "one")
        && (floor.max(group.start.saturating_sub(12))..ceiling.min(group.end + 12)).any(|k| !group.contains(&k) && ((k > floor && input.norm.token(k - 1) == "the" && BODY_NOUN.contains(input.norm.token(k))) || (is_capitalized(input, k) && k > floor && input.norm.token(k - 1) == "the")));
    names_follow || one_person
}

/// Whether sentence `s` opens its paragraph with a transcript's speaker label ("PENCE: Well,
/// …"): what follows in that paragraph is speech.
pub fn opens_a_transcript(input: &Input, s: usize) -> bool {
    let tokens = input.seg.sentences[s].tokens.clone();
    let label_end = tokens.clone().take(4).find(|&k| input.norm.token(k) == ":");
    label_end.is_some_and(|end| {
        end > tokens.start
            && (tokens.start..end).all(|k| {
                let raw = input.seg.token_text(input.text, k);
                raw.chars().any(|c| c.is_alphabetic()) && !raw.chars().any(|c| c.is_lowercase())
            })
    })
}
