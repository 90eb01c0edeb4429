//! Reader comment threads, recognised by their structure rather than their names:
//! several sibling entries that each offer a "Reply" control. Class names alone
//! miss threads called "responses", "discussion", "talk", or hashed class names.

use super::normalized_text;
use crate::page::dom::{Document, NodeId};
use std::collections::HashMap;

const REPLY_WORDS: &[&str] = &[
    "reply",
    "respond",
    "antworten",
    "répondre",
    "responder",
    "rispondi",
    "beantwoorden",
    "responder",
    "odpowiedz",
    "返信",
    "回复",
];
/// How far above a reply control its comment entry and thread may be.
const MAX_CLIMB: usize = 10;

/// A link or button whose text (or target) is a reply action.
fn is_reply_control(doc: &Document, id: NodeId) -> bool {
    if !matches!(doc.tag(id), Some("a" | "button")) {
        return false;
    }
    if doc.attr(id, "href").is_some_and(|h| {
        h.contains("replytocom") || h.ends_with("#respond") || h.ends_with("#reply")
    }) {
        return true;
    }
    let text = normalized_text(doc, id, 64).to_lowercase();
    text.chars().count() <= 24 && REPLY_WORDS.iter().any(|w| text.starts_with(w))
}

/// Marks the outermost comment threads under `root` as removed.
pub fn mark_threads(doc: &Document, root: NodeId, removed: &mut [bool]) {
    let controls: Vec<NodeId> = doc
        .descendants(root)
        .filter(|&n| is_reply_control(doc, n))
        .collect();
    if controls.len() < 2 {
        return;
    }
    // For each ancestor, the distinct children through which reply controls are reached.
    let mut branches: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
    for &c in &controls {
        let mut child = c;
        for ancestor in doc.ancestors(c).take(MAX_CLIMB) {
            let list = branches.entry(ancestor).or_default();
            if !list.contains(&child) {
                list.push(child);
            }
            if ancestor == root {
                break;
            }
            child = ancestor;
        }
    }
    let mut threads: Vec<NodeId> = branches
        .iter()
        .filter(|(&node, children)| {
            node != root && children.len() >= 2 && is_mostly_entries(doc, node, children)
        })
        .map(|(&node, _)| node)
        .collect();
    threads.sort_unstable();
    for t in threads {
        if !doc.ancestors(t).any(|a| removed[a]) {
            removed[widen(doc, t, root)] = true;
        }
    }
}

/// Entries with reply controls hold most of the node's text, and none dominates: a
/// thread, not an article that carries its own reply button beside its replies.
fn is_mostly_entries(doc: &Document, node: NodeId, entries: &[NodeId]) -> bool {
    let total = normalized_text(doc, node, usize::MAX).chars().count();
    let sizes: Vec<usize> = entries
        .iter()
        .map(|&e| normalized_text(doc, e, usize::MAX).chars().count())
        .collect();
    let in_entries: usize = sizes.iter().sum();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    total > 0 && in_entries * 10 >= total * 6 && largest * 2 <= in_entries
}

/// Takes in the thread's heading ("24 responses") and buttons when its parent holds little else.
fn widen(doc: &Document, thread: NodeId, root: NodeId) -> NodeId {
    let mut top = thread;
    for _ in 0..3 {
        let Some(parent) = doc.parent(top).filter(|&p| p != root && doc.is_element(p)) else {
            break;
        };
        if matches!(doc.tag(parent), Some("body" | "main" | "article")) {
            break;
        }
        let own = normalized_text(doc, top, usize::MAX).chars().count();
        if normalized_text(doc, parent, usize::MAX).chars().count() > own + 100 {
            break;
        }
        top = parent;
    }
    top
}
