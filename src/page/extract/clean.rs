//! Removing what does not belong inside the chosen article: Readability's
//! conditional cleaning (link-heavy, image-heavy, form-like, empty blocks), share
//! widgets, negatively named headings, and page furniture tags.

use super::patterns::{class_weight, is_boilerplate_text, is_strong_furniture, is_widget, match_string};
use super::stats::{active_nodes, compute, Stats};
use super::Flags;
use crate::page::dom::{Document, NodeId};

/// Marks removed nodes inside `roots` in `removed`; returns the statistics of what is left.
pub fn clean(doc: &Document, roots: &[NodeId], removed: &mut [bool], flags: Flags) -> Vec<Stats> {
    let mut order = Vec::new();
    for &r in roots {
        order.extend(active_nodes(doc, r, removed));
    }
    let shelter = shelter(doc, &order);
    // What each node holds of the article's text outside links before any cleaning: a
    // node holding most of it is the article, whatever its names or links say.
    let mut before = vec![Stats::default(); doc.nodes.len()];
    compute(doc, &order, &mut before, &mut removed.to_vec(), |_, _| false);
    let own = |s: &Stats| s.text.saturating_sub(s.link as u32);
    let total: u32 = roots.iter().map(|&r| own(&before[r])).sum();
    let mut stats = vec![Stats::default(); doc.nodes.len()];
    compute(doc, &order, &mut stats, removed, |id, inner| {
        let Some(tag) = doc.tag(id) else { return false };
        let is_root = roots.contains(&id);
        if !is_root && total >= 200 && own(&before[id]) * 2 > total {
            return false;
        }
        match tag {
            "footer" | "aside" | "nav" | "object" | "embed" | "link" | "iframe" | "input"
            | "textarea" | "select" | "button" => !is_root,
            // A picture whose caption is a link teases another story.
            "figure" if !is_root && inner.link_density() > 0.5 => true,
            "h1" | "h2" => flags.weight_classes && class_weight(doc, id) < 0.0,
            _ if !is_root && inner.text < 500 && is_widget(&match_string(doc, id)) => true,
            "form" | "fieldset" | "table" | "ul" | "div" if flags.clean_conditionally => {
                shelter[id] & SHELTERED == 0
                    && remove_conditionally(doc, id, tag, inner, shelter[id] & IN_FIGURE != 0)
            }
            _ => false,
        }
    });
    stats
}

/// Sits inside a data table or code; passed down to descendants.
const INSIDE: u8 = 1;
const DATA_TABLE: u8 = 2;
/// Holds a data table somewhere below.
const HOLDS: u8 = 4;
const IN_FIGURE: u8 = 8;
/// Never cleaned conditionally.
const SHELTERED: u8 = INSIDE | DATA_TABLE | HOLDS;

/// Flags per node, in one pass down `order` (pre-order) plus one climb from each
/// data table, so deep pages stay linear.
fn shelter(doc: &Document, order: &[NodeId]) -> Vec<u8> {
    let mut flags = vec![0u8; doc.nodes.len()];
    for &id in order {
        if let Some(p) = doc.parent(id) {
            let mut inherited = flags[p] & (INSIDE | IN_FIGURE);
            if flags[p] & DATA_TABLE != 0 || doc.tag(p) == Some("code") {
                inherited |= INSIDE;
            }
            if doc.tag(p) == Some("figure") {
                inherited |= IN_FIGURE;
            }
            flags[id] |= inherited;
        }
        if doc.tag(id) == Some("table") && is_data_table(doc, id) {
            flags[id] |= DATA_TABLE;
            for a in doc.ancestors(id) {
                if flags[a] & HOLDS != 0 {
                    break;
                }
                flags[a] |= HOLDS;
            }
        }
    }
    flags
}

fn remove_conditionally(doc: &Document, id: NodeId, tag: &str, s: &Stats, in_figure: bool) -> bool {
    // A div without blocks is a paragraph, scored and kept as one.
    if tag == "div" && !s.has_block {
        return false;
    }
    let weight = class_weight(doc, id);
    // A negative name alone ("media", "meta", "scroller") does not take out paragraphs of prose.
    let prose = s.p >= 2 && s.text.saturating_sub(s.link as u32) >= 400 && s.link_density() < 0.15;
    if weight < 0.0 && (!prose || is_strong_furniture(&match_string(doc, id))) {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let is_list = tag == "ul" || (s.text > 0 && f64::from(s.list) / f64::from(s.text) > 0.9);
    let text = f64::from(s.text.max(1));
    let heading_density = f64::from(s.heading) / text;
    let text_density = f64::from(s.textish) / text;
    let link_density = s.link_density();
    let (p, img, li, input) = (
        f64::from(s.p),
        f64::from(s.img),
        f64::from(s.li) - 100.0,
        s.input,
    );
    if s.text < 40 && is_boilerplate_text(&super::normalized_text(doc, id, 64)) {
        return true;
    }
    let remove = (!in_figure && img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || (input > s.p / 3)
        || (!is_list
            && !in_figure
            && heading_density < 0.9
            && s.text < 25
            && (s.img == 0 || s.img > 2)
            && link_density > 0.0)
        || (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
        || ((s.embed == 1 && s.text < 75) || s.embed > 1)
        || (s.img == 0 && text_density == 0.0);
    if remove && is_list {
        // Simple lists of images stay.
        if doc
            .element_children(id)
            .all(|c| doc.element_children(c).count() <= 1)
            && s.img == s.li
        {
            return false;
        }
    }
    remove
}

/// Readability's guess whether a table holds data (kept) or lays out the page.
fn is_data_table(doc: &Document, table: NodeId) -> bool {
    if doc.attr(table, "role") == Some("presentation") || doc.attr(table, "datatable") == Some("0")
    {
        return false;
    }
    if doc.attr(table, "summary").is_some() {
        return true;
    }
    let mut rows = 0;
    let mut columns = 0;
    for n in doc.descendants(table).skip(1) {
        match doc.tag(n) {
            Some("caption") if !doc.children(n).is_empty() => return true,
            Some("col" | "colgroup" | "tfoot" | "thead" | "th") => return true,
            Some("table") => return false,
            Some("tr") => {
                rows += 1;
                columns = columns.max(
                    doc.element_children(n)
                        .filter(|&c| matches!(doc.tag(c), Some("td" | "th")))
                        .count(),
                );
            }
            _ => {}
        }
    }
    rows >= 10 || columns > 4 || rows * columns > 10
}
