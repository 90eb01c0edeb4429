//! The shape of a word in the text: whether it is capitalised as a name is, and whether a
//! group of people is identified by the words around it.

use crate::text::lexicon::context::NOT_NAME;
use crate::text::segment::TokenKind;
use crate::text::lexicon::context::BODY_NOUN;
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

/// Whether a group phrase (`group`, tokens inside `floor..ceiling`) that would be a vague
/// source is identified after all: a named body before it ("Con Edison officials",
/// "Trump's aides"), a determiner that refers back to one already named ("the scientists",
/// "its officials"), a named body after it ("officials at Homeland Security", "officials at
/// the institution"), or names that follow ("critics, like Senator Grassley, …").
pub fn identified_group(input: &Input, group: &Range<usize>, floor: usize, ceiling: usize) -> bool {
    let before = (group.start > floor).then(|| group.start - 1);
    let named_before = before.is_some_and(|b| {
        let w = input.norm.token(b);
        is_capitalized(input, b) || matches!(w, "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our")
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
    // "Critics of the program, like Senators Charles Grassley and Patrick Leahy, see…"
    let reach = ceiling.min(group.end + 8);
    (group.end..reach).any(|k| {
        matches!(input.norm.token(k), "like" | "including") && k > group.end && input.norm.token(k - 1) == "," && k + 1 < ceiling && is_capitalized(input, k + 1)
    })
}
