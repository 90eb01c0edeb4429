//! The shape of a word in the text: whether it is capitalised as a name is.

use crate::text::segment::TokenKind;
use crate::text::Input;

/// Whether token `i` is a capitalised word that may be (part of) a name: not a function
/// word that happens to open a sentence, nor a word capitalised by a title-case heading.
pub fn is_capitalized(input: &Input, i: usize) -> bool {
    let t = &input.seg.tokens[i];
    t.kind == TokenKind::Word && t.upper && !is_not_name(input.norm.token(i)) && !input.is_title_case(i)
}

/// Capitalised words that do not start a name.
pub fn is_not_name(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "this" | "that" | "these" | "those" | "but" | "and" | "or" | "so" | "yet" |
            "however" | "in" | "on" | "at" | "for" | "with" | "as" | "when" | "while" | "if" | "after" |
            "before" | "since" | "meanwhile" | "moreover" | "still" | "then" | "there" | "here" | "what" |
            "why" | "how" | "who" | "which" | "where" | "it" | "he" | "she" | "they" | "we" | "i" | "you" |
            "his" | "her" | "their" | "our" | "my" | "its" | "some" | "many" | "most" | "others" | "one" |
            "both" | "all" | "no" | "not" | "also" | "instead" | "now" | "today" | "yesterday" | "asked" |
            "said" | "says" | "according" | "by" | "from" | "to" | "of" | "monday" | "tuesday" |
            "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "let" | "everyone" | "everybody" |
            "anyone" | "anybody" | "someone" | "somebody" | "nobody" | "no-one"
    )
}
