//! Phrases as the lexicon matches them, and the lexicon's tables: shared with `build.rs`,
//! which builds the built-in lexicon's tables when the crate is compiled (so a fresh wasm
//! instance has nothing to build). Only std, `hash` and `segment` here.
//!
//! Tokens are joined by single spaces and padded with spaces, and every pattern is
//! normalized the same way, so a candidate is confirmed by comparing the two texts.

use crate::hash::hash_part;
use crate::text::segment::{segment, Segmented};
use std::collections::HashMap;

/// The token sequence lowercased and space-joined: " tok tok tok ".
pub struct Normalized {
    pub text: String,
    /// Byte offset in `text` of each token.
    pub starts: Vec<u32>,
}

/// Appends `token` lowercased, with curly quotes and dashes made plain. Bytes, not a
/// `String`, so ASCII (nearly every token) is copied and lowercased in one pass.
fn push_normalized_token(out: &mut Vec<u8>, token: &str) {
    if token.is_ascii() {
        out.extend(token.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        push_normalized_chars(out, token);
    }
}

fn push_normalized_chars(out: &mut Vec<u8>, token: &str) {
    let mut buf = [0; 4];
    for c in token.chars() {
        let plain = match c {
            '’' | '‘' | 'ʼ' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' | '‐' | '‑' => '-',
            _ => {
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
                }
                continue;
            }
        };
        out.push(plain as u8);
    }
}

impl Normalized {
    pub fn new(text: &str, seg: &Segmented) -> Normalized {
        let mut out = Vec::with_capacity(text.len() + text.len() / 8 + 2);
        let mut starts = Vec::with_capacity(seg.tokens.len());
        out.push(b' ');
        for t in &seg.tokens {
            starts.push(out.len() as u32);
            push_normalized_token(&mut out, &text[t.bytes()]);
            out.push(b' ');
        }
        let text = String::from_utf8(out).expect("only whole chars are pushed");
        Normalized { text, starts }
    }

    /// Lowercased text of token `i`.
    pub fn token(&self, i: usize) -> &str {
        let start = self.starts[i] as usize;
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&s| s as usize) - 1;
        &self.text[start..end]
    }
}

/// A phrase as it is matched: " tok tok ".
pub fn normalize_phrase(phrase: &str) -> String {
    let seg = segment(phrase);
    Normalized::new(phrase, &seg).text
}

/// Parses a lexicon file: " | "-separated alternatives, "=0.7" strength lines, "#" comments.
pub fn parse_list(source: &str) -> Vec<(String, f32)> {
    let mut strength = 0.7;
    let mut out = Vec::new();
    for line in source.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(value) = line.strip_prefix('=') {
            strength = value.trim().parse().unwrap_or(strength);
            continue;
        }
        out.extend(line.split(" | ").map(str::trim).filter(|p| !p.is_empty()).map(|p| (p.to_string(), strength)));
    }
    out
}

/// One slot of the prefix table, an open-addressing hash table of the token sequences
/// that begin some pattern. `tag` is 8 bits of the sequence's hash (0: an empty slot);
/// different sequences may share a tag, so a lookup reads every slot with its tag up to
/// the next empty one, and a pattern found is confirmed against the text: the table only
/// narrows the search, it never decides a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub tag: u8,
    /// The pattern these tokens are all of (`NO_PATTERN` if none), with `LONGER` set when
    /// some pattern goes on after them.
    pub pattern: u16,
}

pub const NO_PATTERN: u16 = 0x7FFF;
pub const LONGER: u16 = 0x8000;
pub const EMPTY: Slot = Slot { tag: 0, pattern: NO_PATTERN };

/// The slot tag of a prefix hash (never 0, which marks an empty slot): bits the slot's
/// index (the low bits) does not already give.
#[inline]
pub fn tag_of(h: u64) -> u8 {
    ((h >> 56) as u8).max(1)
}

/// Looks up the prefix whose hash is `h`: calls `pattern` with each pattern that may end
/// there (to be confirmed against the text), and answers whether some pattern may go on
/// after it; None when no prefix has its tag (nothing begins with these tokens).
#[inline]
pub fn lookup(slots: &[Slot], h: u64, mut pattern: impl FnMut(u16)) -> Option<bool> {
    if slots.is_empty() {
        return None;
    }
    let mask = slots.len() - 1;
    let tag = tag_of(h);
    let mut i = h as usize & mask;
    let mut longer = None;
    loop {
        let slot = slots[i];
        if slot.tag == 0 {
            return longer;
        }
        if slot.tag == tag {
            longer = Some(longer.unwrap_or(false) | (slot.pattern & LONGER != 0));
            let id = slot.pattern & !LONGER;
            if id != NO_PATTERN {
                pattern(id);
            }
        }
        i = (i + 1) & mask;
    }
}

/// A lexicon's tables: each pattern's normalized text and entries, and the prefix table.
pub struct Tables<K> {
    pub patterns: Vec<(String, Vec<(K, f32)>)>,
    pub slots: Vec<Slot>,
}

/// Builds the tables of the word lists: patterns of 1 to `max_tokens` tokens, one per
/// normalized text, with every kind listing it (the first strength of each kind).
pub fn build_tables<K: Copy + PartialEq>(lists: impl IntoIterator<Item = (K, Vec<(String, f32)>)>, max_tokens: usize) -> Tables<K> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut patterns: Vec<(String, Vec<(K, f32)>)> = Vec::new();
    for (kind, list) in lists {
        for (phrase, strength) in list {
            let text = normalize_phrase(&phrase);
            let tokens = text.split(' ').filter(|t| !t.is_empty()).count();
            if tokens == 0 || tokens > max_tokens {
                continue;
            }
            let id = *index.entry(text.clone()).or_insert_with(|| {
                patterns.push((text, Vec::new()));
                patterns.len() - 1
            });
            if !patterns[id].1.iter().any(|(k, _)| *k == kind) {
                patterns[id].1.push((kind, strength));
            }
        }
    }
    assert!(patterns.len() < NO_PATTERN as usize, "too many lexicon patterns for the prefix table");
    // Each distinct prefix (by its full hash) once: whether a pattern ends there, whether one goes on.
    let mut prefixes: Vec<(u64, u16)> = Vec::new();
    let mut at: HashMap<u64, usize> = HashMap::new();
    for (id, (text, _)) in patterns.iter().enumerate() {
        let mut h = 0;
        let mut words = text.split(' ').filter(|t| !t.is_empty()).peekable();
        while let Some(word) = words.next() {
            h = hash_part(h, word.as_bytes());
            let k = *at.entry(h).or_insert_with(|| {
                prefixes.push((h, NO_PATTERN));
                prefixes.len() - 1
            });
            if words.peek().is_some() {
                prefixes[k].1 |= LONGER;
            } else {
                prefixes[k].1 = (prefixes[k].1 & LONGER) | id as u16;
            }
        }
    }
    // At most half full, so that lookups stop soon at an empty slot.
    let mut slots = vec![EMPTY; (prefixes.len() * 2).next_power_of_two().max(2)];
    let mask = slots.len() - 1;
    for (h, pattern) in prefixes {
        let mut i = h as usize & mask;
        while slots[i].tag != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = Slot { tag: tag_of(h), pattern };
    }
    Tables { patterns, slots }
}
