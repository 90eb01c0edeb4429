//! Per-node text statistics, summed bottom-up in one pass so scoring and cleaning
//! stay linear in the page size.

use super::patterns::{is_block_tag, is_heading};
use crate::page::dom::{Document, NodeData, NodeId};

#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Characters with whitespace runs counted once.
    pub text: u32,
    pub commas: u32,
    /// Characters inside links; in-page (`#`) links count 0.3.
    pub link: f32,
    pub p: u32,
    pub img: u32,
    pub li: u32,
    pub input: u32,
    pub embed: u32,
    /// Line breaks (`<br>`).
    pub br: u32,
    /// Characters inside headings, lists, and "textish" elements (see Readability's text density).
    pub heading: u32,
    pub list: u32,
    pub textish: u32,
    /// Some descendant is a block element (`is_block_tag`).
    pub has_block: bool,
}

impl Stats {
    pub fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            f64::from(self.link) / f64::from(self.text)
        }
    }

    fn add(&mut self, o: &Stats) {
        self.text += o.text;
        self.commas += o.commas;
        self.link += o.link;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
        self.br += o.br;
        self.heading += o.heading;
        self.list += o.list;
        self.textish += o.textish;
        self.has_block |= o.has_block;
    }
}

fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
    )
}

pub fn text_stats(text: &str) -> Stats {
    let mut s = Stats::default();
    let mut in_space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                s.text += 1;
            }
            in_space = true;
        } else {
            in_space = false;
            s.text += 1;
            s.commas += u32::from(is_comma(c));
        }
    }
    s
}

fn is_form_control(doc: &Document, id: NodeId) -> bool {
    match doc.tag(id) {
        Some("input") => doc.attr(id, "type").map_or(true, |t| !t.eq_ignore_ascii_case("hidden")),
        Some("select" | "textarea") => true,
        _ => false,
    }
}

/// Pre-order list of the nodes under `root` that are not in a removed subtree.
pub fn active_nodes(doc: &Document, root: NodeId, removed: &[bool]) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if removed[id] {
            continue;
        }
        out.push(id);
        stack.extend(doc.children(id).iter().rev());
    }
    out
}

/// Fills `stats` for every node in `order` (a pre-order list), children before parents.
/// `remove(node, inner)` sees the sums over the node's descendants and may remove it,
/// which takes it out of its ancestors' sums; `removed` is updated accordingly.
pub fn compute(
    doc: &Document,
    order: &[NodeId],
    stats: &mut [Stats],
    removed: &mut [bool],
    mut remove: impl FnMut(NodeId, &Stats) -> bool,
) {
    for &id in order.iter().rev() {
        if removed[id] {
            stats[id] = Stats::default();
            continue;
        }
        let tag = match &doc.node(id).data {
            NodeData::Text(t) => {
                stats[id] = text_stats(t);
                continue;
            }
            NodeData::Document => None,
            NodeData::Element { tag, .. } => Some(tag.as_str()),
        };
        let mut inner = Stats::default();
        for &c in doc.children(id) {
            if !removed[c] {
                inner.add(&stats[c]);
            } else if is_form_control(doc, c) {
                // Never read, but a box of fields and buttons is a form, not prose.
                inner.input += 1;
            }
        }
        if remove(id, &inner) {
            removed[id] = true;
            stats[id] = Stats::default();
            continue;
        }
        let mut full = inner;
        if let Some(tag) = tag {
            match tag {
                "a" => {
                    let coef = if doc.attr(id, "href").is_some_and(|h| h.starts_with('#')) {
                        0.3
                    } else {
                        1.0
                    };
                    full.link += inner.text as f32 * coef;
                }
                "p" => full.p += 1,
                "img" => full.img += 1,
                "br" => full.br += 1,
                "li" => full.li += 1,
                "object" | "embed" | "iframe" => full.embed += 1,
                "ul" | "ol" => full.list += inner.text,
                _ => {}
            }
            if is_heading(tag) {
                full.heading += inner.text;
            }
            let is_block = is_block_tag(tag);
            if is_block || matches!(tag, "span" | "li" | "td") {
                full.textish += inner.text;
            }
            full.has_block |= is_block;
        }
        stats[id] = full;
    }
}
