//! Tokens, sentences and quotations of plain text, in one linear pass; clauses of a
//! sentence on request (`clauses`).
//!
//! Every position is kept both in chars (what findings report) and in bytes (for
//! slicing), so no later step has to re-count. Paragraphs are separated by blank
//! lines; a single newline ends a sentence only after final punctuation or after a
//! heading-like line, so hard-wrapped prose stays one sentence.

use crate::span::Span;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// Offsets are 32-bit: half the memory of `usize` natively, where every later pass
/// walks the token array (texts are segmented up to 4 GiB, see `tokenize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Char offsets.
    pub start: u32,
    pub end: u32,
    /// Byte offsets.
    pub byte_start: u32,
    pub byte_end: u32,
    pub kind: TokenKind,
    /// Newlines in the whitespace before this token (capped at 2: a blank line).
    pub newlines_before: u8,
    /// Starts with an uppercase letter (kept here, in the padding, so rules looking for
    /// names need not go back to the text).
    pub upper: bool,
}

impl Token {
    /// Byte offsets, for slicing the text.
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start as usize..self.byte_end as usize
    }

    /// Char offsets, as findings report them.
    pub fn chars(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Chars, trimmed to the first and last token.
    pub span: Span,
    /// Indices into `Segmented::tokens`.
    pub tokens: Range<usize>,
    /// A short line without final punctuation, standing alone.
    pub heading: bool,
    /// Ends with a question mark.
    pub question: bool,
    /// Starts a paragraph (first sentence, or after a blank line).
    pub paragraph_start: bool,
}

/// A quotation: the text between paired quote marks, marks included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    /// Tokens of the quote marks themselves.
    pub open: usize,
    pub close: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// Per token, the index of the quote containing it, or `NO_QUOTE`.
    quote_at: Vec<u32>,
}

const NO_QUOTE: u32 = u32::MAX;

impl Segmented {
    pub fn token_text<'a>(&self, text: &'a str, i: usize) -> &'a str {
        &text[self.tokens[i].bytes()]
    }

    /// The text of tokens `range`, as it stands (including the spaces between).
    pub fn slice<'a>(&self, text: &'a str, range: Range<usize>) -> &'a str {
        if range.is_empty() {
            return "";
        }
        &text[self.tokens[range.start].byte_start as usize..self.tokens[range.end - 1].byte_end as usize]
    }

    pub fn char_span(&self, range: Range<usize>) -> Span {
        if range.is_empty() {
            let at = self.tokens.get(range.start).map_or(0, |t| t.start as usize);
            return Span::new(at, at);
        }
        Span::new(self.tokens[range.start].start as usize, self.tokens[range.end - 1].end as usize)
    }

    /// Index in `quotes` of the quotation containing token `i`, if any.
    pub fn quote_of(&self, i: usize) -> Option<usize> {
        self.quote_at.get(i).filter(|&&q| q != NO_QUOTE).map(|&q| q as usize)
    }
}

/// Punctuation outside ASCII that must not glue onto words.
fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{205E}' | '\u{3000}'..='\u{303F}' | '«' | '»' | '¡' | '¿' | '·' | '§' | '¶' | '\u{00A0}' | '\u{FEFF}'
    )
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // Letters, digits, combining marks and symbols of any script; emoji stay inside a word, harmlessly.
        !c.is_whitespace() && !is_unicode_punct(c)
    }
}

/// The char at byte `pos` and its length in bytes.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[pos..].chars().next().map(|c| (c, c.len_utf8()))
}

/// Tokens of `text`; only its first 4 GiB, as token offsets are 32-bit.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut cut = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    let token = |start: usize, end: usize, byte_start: usize, byte_end: usize, kind: TokenKind, newlines_before: u8, first: char| Token {
        start: start as u32,
        end: end as u32,
        byte_start: byte_start as u32,
        byte_end: byte_end as u32,
        kind,
        newlines_before,
        upper: first.is_uppercase(),
    };
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut char_pos = 0usize;
    let mut newlines: u8 = 0;
    while let Some((c, len)) = char_at(text, pos) {
        if c.is_whitespace() {
            if c == '\n' {
                newlines = newlines.saturating_add(1).min(2);
            }
            pos += len;
            char_pos += 1;
            continue;
        }
        let (b, start) = (pos, char_pos);
        pos += len;
        char_pos += 1;
        if !is_word_char(c) {
            tokens.push(token(start, char_pos, b, pos, TokenKind::Punct, newlines, c));
            newlines = 0;
            continue;
        }
        let mut all_digits = c.is_ascii_digit();
        loop {
            // Fast path: runs of ASCII word bytes.
            let run = bytes[pos..].iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len() - pos);
            all_digits = all_digits && bytes[pos..pos + run].iter().all(u8::is_ascii_digit);
            pos += run;
            char_pos += run;
            let Some((nc, nlen)) = char_at(text, pos) else { break };
            if !nc.is_ascii() && is_word_char(nc) {
                all_digits = false;
                pos += nlen;
                char_pos += 1;
                continue;
            }
            // Joiners kept inside a word when a word char follows: it's, so-called, 3.5, 1,000, U.S.
            if !matches!(nc, '\'' | '’' | '-' | '.' | ',') {
                break;
            }
            let Some(after) = char_at(text, pos + nlen).map(|(a, _)| a).filter(|a| is_word_char(*a)) else {
                // "U.S." keeps its final dot: a single letter before the dot, a dot two chars back.
                if nc == '.' && pos >= 3 && bytes[pos - 2] == b'.' && bytes[pos - 1].is_ascii_alphabetic() {
                    pos += 1;
                    char_pos += 1;
                }
                break;
            };
            let joins = match nc {
                // 3.5 (digits both sides) or U.S (single letters between dots)
                '.' => {
                    (all_digits && after.is_ascii_digit())
                        || (bytes[pos - 1].is_ascii_alphabetic()
                            && (pos == b + 1 || bytes[pos - 2] == b'.')
                            && after.is_ascii_alphabetic()
                            && char_at(text, pos + 2).map_or(true, |(x, _)| !x.is_alphanumeric()))
                }
                ',' => all_digits && after.is_ascii_digit(),
                _ => {
                    all_digits = false;
                    true
                }
            };
            if !joins {
                break;
            }
            pos += nlen;
            char_pos += 1;
        }
        let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
        tokens.push(token(start, char_pos, b, pos, kind, newlines, c));
        newlines = 0;
    }
    tokens
}

/// Words after which a full stop does not end the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "nos", "fig", "vol", "pp", "ed", "approx", "dept", "est", "mt", "ft", "rev", "hon", "pres", "u.s",
    "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "etc", "al", "cf", "ca", "gens", "reps", "sens", "govs", "messrs", "ave",
    "blvd", "calif", "fla", "mass", "penn", "wash", "ariz", "conn", "ill", "mich", "minn", "va", "ga", "pa", "tenn", "tex",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: "J. K. Rowling"
    }
    if w.len() > 6 {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_closing(c: &str) -> bool {
    matches!(c, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

fn is_opening(c: &str) -> bool {
    matches!(c, "\"" | "'" | "“" | "‘" | "(" | "[" | "«")
}

fn is_final(c: &str) -> bool {
    matches!(c, "." | "!" | "?" | "…")
}

pub fn segment(text: &str) -> Segmented {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    let quotes = quotes(text, &tokens);
    let mut quote_at = vec![NO_QUOTE; tokens.len()];
    for (q, quote) in quotes.iter().enumerate() {
        quote_at[quote.open..=quote.close].iter_mut().for_each(|x| *x = q as u32);
    }
    Segmented { tokens, sentences, quotes, quote_at }
}

/// Whether a line (tokens `range`) looks like a heading: short, no final punctuation.
fn heading_like(text: &str, tokens: &[Token], range: Range<usize>) -> bool {
    let n = range.len();
    if n == 0 || n > 14 {
        return false;
    }
    let last = &text[tokens[range.end - 1].bytes()];
    if is_final(last) || matches!(last, "," | ";" | ":" | "\"" | "”" | "-" | "—") {
        return false;
    }
    let first = &text[tokens[range.start].byte_start as usize..];
    first.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let tok = |i: usize| &text[tokens[i].bytes()];
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut paragraph_start = true;
    let mut line_start = 0usize;
    let push = |out: &mut Vec<Sentence>, range: Range<usize>, heading: bool, paragraph_start: bool| {
        if range.is_empty() {
            return;
        }
        let question = tok(range.end - 1) == "?"
            || (range.len() > 1 && tok(range.end - 2) == "?" && is_closing(tok(range.end - 1)));
        out.push(Sentence {
            span: Span::new(tokens[range.start].start as usize, tokens[range.end - 1].end as usize),
            tokens: range,
            heading,
            question,
            paragraph_start,
        });
    };
    let mut i = 0;
    while i < tokens.len() {
        // Line and paragraph breaks before token i.
        if i > start && tokens[i].newlines_before > 0 {
            let blank = tokens[i].newlines_before >= 2;
            let prev = tok(i - 1);
            let ended = is_final(prev) || (is_closing(prev) && i >= 2 && is_final(tok(i - 2))) || prev == ":";
            let next_first = tok(i).chars().next().unwrap_or(' ');
            // A short capitalised line is a heading unless the next line carries on in lower case.
            let line_is_heading =
                line_start == start && !next_first.is_lowercase() && heading_like(text, tokens, line_start..i);
            if blank || ended || line_is_heading {
                push(&mut out, start..i, line_is_heading, paragraph_start);
                paragraph_start = blank || line_is_heading;
                start = i;
            }
            line_start = i;
        } else if i > 0 && tokens[i].newlines_before > 0 {
            line_start = i;
            if tokens[i].newlines_before >= 2 {
                paragraph_start = true;
            }
        }
        let t = tok(i);
        if is_final(t) {
            // Swallow repeated marks and closing quotes/brackets: "Stop!" ... "?!"
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].newlines_before == 0
                && (is_final(tok(j)) || is_closing(tok(j)))
                && tokens[j].start == tokens[j - 1].end
            {
                j += 1;
            }
            if j >= tokens.len() {
                break;
            }
            let next = tok(j);
            let next_first = next.chars().next().unwrap_or(' ');
            let starts_sentence = next_first.is_uppercase()
                || next_first.is_numeric()
                || is_opening(next)
                || tokens[j].newlines_before > 0
                || !next_first.is_alphabetic() && tokens[j].kind != TokenKind::Punct;
            let mut boundary = starts_sentence && tokens[j].start > tokens[j - 1].end;
            if boundary && t == "." && j == i + 1 && i > start {
                let prev = &tokens[i - 1];
                let attached = prev.end == tokens[i].start;
                // "Dr. Smith", "U.S. forces", "Jan. 5": not an end unless a new line follows.
                if attached && prev.kind == TokenKind::Word && is_abbreviation(tok(i - 1)) && tokens[j].newlines_before == 0 {
                    boundary = false;
                }
                // "1. Easing pressure": a list number at the start of a line.
                if attached && prev.kind == TokenKind::Number && i - 1 == line_start {
                    boundary = false;
                }
            }
            if boundary && t == "…" || boundary && t == "." && i + 1 < j && tok(i + 1) == "." {
                // Ellipsis: a break only before a capitalised word.
                boundary = next_first.is_uppercase() || is_opening(next);
            }
            if boundary && tokens[j].newlines_before == 0 {
                push(&mut out, start..j, false, paragraph_start);
                paragraph_start = false;
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        let heading = line_start == start && heading_like(text, tokens, start..tokens.len()) && !out.is_empty();
        push(&mut out, start..tokens.len(), heading, paragraph_start);
    }
    out
}

/// Pairs quote marks within each paragraph. Curly quotes pair by direction; straight
/// double quotes alternate. Unpaired marks are ignored.
fn quotes(text: &str, tokens: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open_curly: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.newlines_before >= 2 {
            open_curly = None;
            open_straight = None;
        }
        if t.kind != TokenKind::Punct {
            continue;
        }
        match &text[t.bytes()] {
            "“" | "«" => open_curly = Some(i),
            "”" | "»" => {
                if let Some(o) = open_curly.take() {
                    out.push(Quote { span: Span::new(tokens[o].start as usize, t.end as usize), open: o, close: i });
                }
            }
            "\"" => match open_straight.take() {
                Some(o) => out.push(Quote { span: Span::new(tokens[o].start as usize, t.end as usize), open: o, close: i }),
                None => open_straight = Some(i),
            },
            _ => {}
        }
    }
    out.sort_by_key(|q| q.span.start);
    // Drop quotes nested in or crossing an earlier one: each token is in at most one quote.
    let mut kept: Vec<Quote> = Vec::with_capacity(out.len());
    for q in out {
        if kept.last().map_or(true, |k| k.span.end <= q.span.start) {
            kept.push(q);
        }
    }
    kept
}

/// Clauses of a sentence: split at ; : — and before a comma + contrastive conjunction.
/// Not used by the rules yet (they work per sentence); kept for clause-scoped rules.
pub fn clauses(text: &str, seg: &Segmented, sentence: &Sentence) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = sentence.tokens.start;
    for i in sentence.tokens.clone() {
        let t = seg.token_text(text, i);
        let split_here = match t {
            ";" | ":" | "—" | "–" => true,
            "," => {
                let next = sentence.tokens.contains(&(i + 1)).then(|| seg.token_text(text, i + 1).to_ascii_lowercase());
                matches!(next.as_deref(), Some("but" | "while" | "although" | "though" | "whereas" | "yet"))
            }
            _ => false,
        };
        if split_here && i > start {
            out.push(start..i);
            start = i + 1;
        }
    }
    if start < sentence.tokens.end {
        out.push(start..sentence.tokens.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<String> {
        let seg = segment(text);
        seg.sentences.iter().map(|s| seg.slice(text, s.tokens.clone()).to_string()).collect()
    }

    fn words(text: &str) -> Vec<String> {
        let seg = segment(text);
        (0..seg.tokens.len()).map(|i| seg.token_text(text, i).to_string()).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(sents("It rained. We stayed in! Did you?"), ["It rained.", "We stayed in!", "Did you?"]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(sents("Dr. Smith met U.S. officials on Jan. 5 in Washington."), ["Dr. Smith met U.S. officials on Jan. 5 in Washington."]);
        assert_eq!(sents("Mr. and Mrs. Jones left. They returned."), ["Mr. and Mrs. Jones left.", "They returned."]);
        assert_eq!(sents("J. K. Rowling wrote it."), ["J. K. Rowling wrote it."]);
    }

    #[test]
    fn decimals_and_thousands_stay_in_one_token() {
        assert_eq!(words("It grew 3.5% to 1,000 units."), ["It", "grew", "3.5", "%", "to", "1,000", "units", "."]);
        assert_eq!(sents("It grew 3.5 percent. Then it fell."), ["It grew 3.5 percent.", "Then it fell."]);
    }

    #[test]
    fn contractions_and_hyphens_are_one_word() {
        assert_eq!(words("It’s a so-called deal, isn't it"), ["It’s", "a", "so-called", "deal", ",", "isn't", "it"]);
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(sents("He said, \"Stop.\" Then he left."), ["He said, \"Stop.\"", "Then he left."]);
        assert_eq!(sents("“Is it?” he asked. No."), ["“Is it?” he asked.", "No."]);
    }

    #[test]
    fn ellipsis_splits_only_before_capital() {
        assert_eq!(sents("Well… maybe not. Wait... Then go."), ["Well… maybe not.", "Wait...", "Then go."]);
    }

    #[test]
    fn list_items_keep_their_number() {
        let text = "Motives:\n\n1. Easing Pressure: Moscow may act.\n\n2. Testing Waters: Russia could wait.";
        assert_eq!(sents(text), ["Motives:", "1. Easing Pressure: Moscow may act.", "2. Testing Waters: Russia could wait."]);
    }

    #[test]
    fn headings_are_short_unpunctuated_lines() {
        let text = "Main Title\nContext of the Offer\nRussia’s gesture arrives amid war.\n\nWhat’s Next?";
        let seg = segment(text);
        let got: Vec<(String, bool)> =
            seg.sentences.iter().map(|s| (seg.slice(text, s.tokens.clone()).to_string(), s.heading)).collect();
        assert_eq!(
            got,
            [
                ("Main Title".to_string(), true),
                ("Context of the Offer".to_string(), true),
                ("Russia’s gesture arrives amid war.".to_string(), false),
                ("What’s Next?".to_string(), false),
            ]
        );
    }

    #[test]
    fn wrapped_lines_stay_one_sentence() {
        assert_eq!(sents("the talks were\nheld in Geneva last week."), ["the talks were\nheld in Geneva last week."]);
    }

    #[test]
    fn quotations_are_paired() {
        let text = "He said “we will win” and \"soon\" with an unpaired ” mark.";
        let seg = segment(text);
        let q: Vec<&str> = seg.quotes.iter().map(|q| seg.slice(text, q.open..q.close + 1)).collect();
        assert_eq!(q, ["“we will win”", "\"soon\""]);
        let win = words(text).iter().position(|w| w == "win").unwrap();
        assert!(seg.quote_of(win).is_some());
        assert!(seg.quote_of(0).is_none());
    }

    #[test]
    fn clauses_split_at_semicolons_and_but() {
        let text = "Talks stalled; Moscow waited, but Kyiv pressed on.";
        let seg = segment(text);
        let cl = clauses(text, &seg, &seg.sentences[0]);
        let got: Vec<&str> = cl.into_iter().map(|r| seg.slice(text, r)).collect();
        assert_eq!(got, ["Talks stalled", "Moscow waited", "but Kyiv pressed on."]);
    }

    #[test]
    fn char_offsets_count_scalars() {
        let text = "Zoë’s café — 😀 ok.";
        let seg = segment(text);
        for t in &seg.tokens {
            assert_eq!(text[t.bytes()].chars().count(), t.chars().len());
            assert_eq!(text[..t.byte_start as usize].chars().count(), t.start as usize);
        }
    }

    #[test]
    fn empty_and_space_only_texts_have_no_sentences() {
        assert!(segment("").sentences.is_empty());
        assert!(segment(" \n\n \t").sentences.is_empty());
    }
}
