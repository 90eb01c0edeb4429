//! The standfirst beside the headline. Many pages set the headline and its lead in a header
//! above the article's container, so scoring, which finds the container, leaves the lead out.
//! It is looked for next to the headline: the first short prose block after it, up to three
//! levels up, before the article's own text begins.

use super::blocks;
use super::patterns::{match_string, named_role, text_role};
use crate::page::article::{Block, Role};
use crate::page::dom::{Document, NodeId};

/// A lead is a sentence or a short paragraph, not a section.
const MIN_CHARS: usize = 40;
const MAX_CHARS: usize = 700;
/// An unnamed block must read as prose to be taken for the lead.
const MIN_WORDS: usize = 6;

/// Blocks of the lead to print after the headline, or nothing. `in_body[node]` says that a
/// text node is already in the article's blocks; the walk stops where the article begins.
pub fn find(
    doc: &Document,
    headline: NodeId,
    removed: &[bool],
    marked: &[Option<Role>],
    in_body: &[bool],
    body_text: &str,
) -> Vec<Block> {
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
    if blocks.is_empty() || blocks.len() > 3 {
        return None;
    }
    let text: String = blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" ");
    let chars = text.chars().count();
    let linked: usize = blocks.iter().flat_map(|b| &b.links).map(|l| l.span.end - l.span.start).sum();
    if !(MIN_CHARS..=MAX_CHARS).contains(&chars) || linked * 10 > chars || text_role(&text, linked).is_some() {
        return None;
    }
    if !named_lead && text.split_whitespace().count() < MIN_WORDS {
        return None;
    }
    // Already printed (a page that repeats its lead in the body).
    let opening: String = text.chars().take(60).collect();
    if body_text.contains(&opening) {
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
