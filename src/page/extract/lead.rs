//! The standfirst beside the headline. Many pages set the headline and its lead in a header
//! above the article's container, so scoring, which finds the container, leaves the lead out.
//! It is looked for next to the headline: the first short prose block after it, up to three
//! levels up, before the article's own text begins; failing that, the block between the
//! headline and the article that opens with the page's own description (`og:description`),
//! which is usually the lead.

use super::blocks;
use super::patterns::{match_string, named_role, text_role};
use crate::page::article::{Block, Role};
use crate::page::dom::{normalize_whitespace, Document, NodeId};

/// A lead is a sentence or a short paragraph, not a section.
const MIN_CHARS: usize = 40;
const MAX_CHARS: usize = 700;
/// An unnamed block must read as prose to be taken for the lead.
const MIN_WORDS: usize = 6;

/// What the lead is looked for against: the page's removed nodes and marked roles, and the
/// article found so far (`in_body[node]`: a text node already in its blocks; its text).
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub removed: &'a [bool],
    pub marked: &'a [Option<Role>],
    pub in_body: &'a [bool],
    pub body_text: &'a str,
}

/// Blocks of the lead to print after the headline, or nothing. The walk stops where the
/// article begins.
pub fn find(doc: &Document, headline: NodeId, cx: &Context) -> Vec<Block> {
    let Context { removed, marked, in_body, body_text } = *cx;
    let mut at = headline;
    for _ in 0..3 {
        let mut looked = 0;
        let siblings: Vec<NodeId> = following_elements(doc, at).collect();
        for sibling in siblings {
            if removed[sibling] {
                continue;
            }
            if holds_body_text(doc, sibling, in_body) {
                return Vec::new();
            }
            let Some(candidate) = first_short_block(doc, sibling, removed) else { continue };
            if let Some(blocks) = lead_blocks(doc, candidate, removed, marked, body_text) {
                return blocks;
            }
            looked += 1;
            if looked == 3 {
                break;
            }
        }
        match doc.parent(at) {
            Some(p) if doc.is_element(p) && !matches!(doc.tag(p), Some("body" | "html")) => at = p,
            _ => break,
        }
    }
    Vec::new()
}

fn following_elements(doc: &Document, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    let siblings = doc.parent(id).map(|p| doc.children(p)).unwrap_or(&[]);
    let after = siblings.iter().position(|&s| s == id).map_or(siblings.len(), |i| i + 1);
    siblings[after..].iter().copied().filter(move |&s| doc.is_element(s))
}

fn holds_body_text(doc: &Document, id: NodeId, in_body: &[bool]) -> bool {
    doc.descendants(id).any(|n| in_body[n])
}

/// The element itself when its text is short enough to be a lead, else its first child with
/// text, a few levels down (a header wrapper around the lead).
fn first_short_block(doc: &Document, id: NodeId, removed: &[bool]) -> Option<NodeId> {
    let mut at = id;
    for _ in 0..4 {
        let text = super::short_text(doc, at, MAX_CHARS);
        match text {
            Some(t) if t.chars().count() < MIN_CHARS => return None,
            Some(_) => return Some(at),
            None => {
                at = doc.element_children(at).find(|&c| {
                    !removed[c] && super::normalized_text(doc, c, 64).chars().count() >= 1
                })?;
            }
        }
    }
    None
}

fn lead_blocks(
    doc: &Document,
    id: NodeId,
    removed: &[bool],
    marked: &[Option<Role>],
    body_text: &str,
) -> Option<Vec<Block>> {
    let tag = doc.tag(id)?;
    if matches!(
        tag,
        "nav" | "aside" | "footer" | "figure" | "figcaption" | "ul" | "ol" | "dl" | "table" | "time" | "form" | "a"
            | "h1"
    ) || doc.descendants(id).any(|n| matches!(doc.tag(n), Some("h1" | "figure" | "img" | "picture")))
    {
        return None;
    }
    let names = match_string(doc, id);
    if tokens_say_hidden(&names) {
        return None;
    }
    let named_lead = match named_role(doc, id, &names) {
        None => false,
        Some((Role::Standfirst, _)) => true,
        Some(_) => return None,
    } || ["abstract", "vorspann", "leader", "chapo", "chapeau", "description", "summary"]
        .iter()
        .any(|w| names.contains(w));
    // Bylines, datelines or credits inside it keep their roles, and are no lead.
    let roles = blocks::mark_roles(doc, &[id], removed, marked);
    let mut blocks = blocks::build(doc, &[id], removed, &roles);
    if blocks.iter().any(|b| matches!(b.role, Role::Related | Role::Caption | Role::Heading | Role::ListItem | Role::Table)) {
        return None;
    }
    blocks.retain(|b| b.role == Role::Paragraph);
    if blocks.len() > 3 {
        return None;
    }
    as_standfirst(blocks, MAX_CHARS, body_text, |text, linked| {
        text_role(text, linked).is_none() && (named_lead || text.split_whitespace().count() >= MIN_WORDS)
    })
}

/// The blocks as the standfirst, when together they are a lead's length, hardly links, not
/// already printed in the body (a page that repeats its lead), and `fits(text, linked chars)`.
fn as_standfirst(
    mut blocks: Vec<Block>,
    max_chars: usize,
    body_text: &str,
    fits: impl Fn(&str, usize) -> bool,
) -> Option<Vec<Block>> {
    let text: String = blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" ");
    let chars = text.chars().count();
    let linked: usize = blocks.iter().map(Block::link_chars).sum();
    let opening: String = text.chars().take(60).collect();
    if blocks.is_empty() || !(MIN_CHARS..=max_chars).contains(&chars) || linked * 10 > chars || !fits(&text, linked) || body_text.contains(&opening) {
        return None;
    }
    for b in &mut blocks {
        b.role = Role::Standfirst;
    }
    Some(blocks)
}

/// Text for screen readers only, or a widget's hidden state.
fn tokens_say_hidden(names: &str) -> bool {
    ["sr-only", "screen-reader", "visually-hidden", "visuallyhidden", "a11y"]
        .iter()
        .any(|w| names.contains(w))
}

/// Characters of the description that must open the lead.
const DESCRIPTION_KEY: usize = 60;
/// A lead found by the description may be longer than one found by shape.
const MAX_DESCRIBED_CHARS: usize = 1200;

/// Blocks of the element between the headline and the article's text whose text opens with
/// the page's description, or nothing.
pub fn from_description(doc: &Document, body: NodeId, headline: NodeId, description: &str, cx: &Context) -> Vec<Block> {
    let Context { removed, marked, in_body, body_text } = *cx;
    let key: String = comparable(description).chars().take(DESCRIPTION_KEY).collect();
    if key.chars().count() < DESCRIPTION_KEY {
        return Vec::new();
    }
    // Text nodes in document order from the headline on, up to the article's first text.
    let mut seen_headline = false;
    let mut stack = vec![body];
    while let Some(id) = stack.pop() {
        if id == headline {
            seen_headline = true;
            continue;
        }
        if in_body[id] {
            break;
        }
        if removed[id] {
            continue;
        }
        if let Some(text) = doc.text(id) {
            if !seen_headline || text.trim().is_empty() {
                continue;
            }
            let opening: String = comparable(text).chars().take(DESCRIPTION_KEY).collect();
            if !opening.is_empty() && key.starts_with(&opening) {
                if let Some(blocks) = described_block(doc, id, &key, removed, marked, body_text) {
                    return blocks;
                }
            }
            continue;
        }
        if doc.tag(id).is_some_and(|t| matches!(t, "nav" | "aside" | "footer" | "form" | "figure" | "figcaption" | "a")) {
            continue;
        }
        stack.extend(doc.children(id).iter().rev());
    }
    Vec::new()
}

/// The block element around a text node that opens with the description: the nearest
/// ancestor (a few levels up) whose whole text starts with it.
fn described_block(
    doc: &Document,
    text_node: NodeId,
    key: &str,
    removed: &[bool],
    marked: &[Option<Role>],
    body_text: &str,
) -> Option<Vec<Block>> {
    let block = doc.ancestors(text_node).take(4).find(|&a| {
        matches!(doc.tag(a), Some("p" | "div" | "h2" | "h3" | "h4" | "section" | "header" | "span"))
            && super::short_text(doc, a, MAX_DESCRIBED_CHARS).is_some_and(|t| comparable(&t).starts_with(key))
    })?;
    if doc.descendants(block).any(|n| matches!(doc.tag(n), Some("img" | "picture" | "figure" | "h1"))) {
        return None;
    }
    let roles = blocks::mark_roles(doc, &[block], removed, marked);
    let mut out = blocks::build(doc, &[block], removed, &roles);
    out.retain(|b| matches!(b.role, Role::Paragraph | Role::Heading | Role::Standfirst));
    if out.len() > 4 {
        return None;
    }
    as_standfirst(out, MAX_DESCRIBED_CHARS, body_text, |_, _| true)
}

/// Text as compared with a description: whitespace collapsed, typographic quotes and dashes
/// made plain, a trailing ellipsis cut, lower-cased.
fn comparable(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{00A0}' => ' ',
            c => c,
        })
        .filter(|&c| !matches!(c, '\u{AD}' | '\u{200B}'))
        .collect();
    let collapsed = normalize_whitespace(&plain);
    collapsed.trim_end_matches(['…', '.', ' ']).to_lowercase()
}
