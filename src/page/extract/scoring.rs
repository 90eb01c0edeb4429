//! Finding the element that holds the article: Readability's candidate scoring.
//! Paragraph-like units give points to their first five ancestors; the best
//! ancestor, corrected by link density, is the article, joined by related siblings.

use super::patterns::{class_weight, is_heading, same_kind};
use super::stats::{compute, Stats};
use super::Flags;
use crate::page::dom::{Document, NodeId};

fn is_phrasing_tag(tag: &str) -> bool {
    matches!(
        tag,
        "abbr"
            | "audio"
            | "b"
            | "bdo"
            | "br"
            | "button"
            | "cite"
            | "code"
            | "data"
            | "datalist"
            | "dfn"
            | "em"
            | "embed"
            | "i"
            | "img"
            | "input"
            | "kbd"
            | "label"
            | "mark"
            | "math"
            | "meter"
            | "noscript"
            | "object"
            | "output"
            | "progress"
            | "q"
            | "ruby"
            | "samp"
            | "script"
            | "select"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "textarea"
            | "time"
            | "var"
            | "wbr"
            | "font"
            | "u"
            | "s"
            | "tt"
            | "big"
            | "strike"
            | "nobr"
    )
}

/// Phrasing content in Readability's sense: text, inline tags, and links or edits made only of those.
fn is_phrasing(doc: &Document, id: NodeId) -> bool {
    match doc.tag(id) {
        None => true,
        Some(tag) if is_phrasing_tag(tag) => true,
        Some("a" | "del" | "ins") => doc
            .children(id)
            .iter()
            .all(|&c| is_phrasing_shallow(doc, c)),
        _ => false,
    }
}

/// Depth-limited variant for the children of links, so deep nesting cannot recurse far.
fn is_phrasing_shallow(doc: &Document, id: NodeId) -> bool {
    match doc.tag(id) {
        None => true,
        Some(tag) => is_phrasing_tag(tag),
    }
}

fn initial_score(doc: &Document, id: NodeId, flags: Flags) -> f64 {
    let base = match doc.tag(id).unwrap_or("") {
        "div" => 5.0,
        // Semantic containers the page itself calls its article or main content.
        "article" | "main" => 10.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "th" => -5.0,
        t if is_heading(t) => -5.0,
        _ => 0.0,
    };
    base + if flags.weight_classes {
        class_weight(doc, id)
    } else {
        0.0
    }
}

pub struct Selection {
    /// The article: the top candidate and the siblings that belong with it, in document order.
    pub roots: Vec<NodeId>,
    /// The best candidate that is not mostly links: whatever is chosen must keep most of its text.
    pub dense: Option<NodeId>,
    /// Its text outside links.
    pub dense_text: u32,
}

/// Above this link density a candidate is a list of links more than an article.
const LINK_HEAVY: f64 = 0.33;
/// Below it, a candidate is prose.
const DENSE: f64 = 0.2;

/// A paragraph-like unit: its text size and the element whose ancestors it scores.
struct Unit {
    first_ancestor: NodeId,
    text: u32,
    commas: u32,
}

fn units(doc: &Document, order: &[NodeId], stats: &[Stats]) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut push = |first_ancestor: Option<NodeId>, s: &Stats| {
        if let Some(first_ancestor) = first_ancestor {
            if s.text >= 25 {
                out.push(Unit {
                    first_ancestor,
                    text: s.text,
                    // Lines of a list set with <br> ("Name, affiliation" per line) are no
                    // sentences: their commas say nothing of prose.
                    commas: if is_br_list(s) { 0 } else { s.commas },
                });
            }
        }
    };
    for &id in order {
        match doc.tag(id) {
            Some("p" | "pre" | "td" | "section" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                push(doc.parent(id), &stats[id])
            }
            Some("div") if !stats[id].has_block => push(doc.parent(id), &stats[id]),
            Some("div") => {
                // Runs of inline content directly in a div with blocks act as paragraphs of their own.
                let mut run = Stats::default();
                for &c in doc.children(id) {
                    if is_phrasing(doc, c) {
                        run.text += stats[c].text;
                        run.commas += stats[c].commas;
                        run.br += stats[c].br;
                    } else {
                        push(Some(id), &run);
                        run = Stats::default();
                    }
                }
                push(Some(id), &run);
            }
            _ => {}
        }
    }
    out
}

/// Ten or more short lines split by `<br>`: a list in all but markup.
fn is_br_list(s: &Stats) -> bool {
    s.br >= 10 && s.text < (s.br + 1) * 60
}

/// Ancestors that can hold a score: elements whose parent is an element too.
fn scorable_ancestors(doc: &Document, first: NodeId, max: usize) -> Vec<NodeId> {
    std::iter::once(first)
        .chain(doc.ancestors(first))
        .take_while(|&a| doc.is_element(a) && doc.parent(a).is_some_and(|p| doc.is_element(p)))
        .take(max)
        .collect()
}

pub fn select(doc: &Document, body: NodeId, removed: &[bool], flags: Flags, headline: Option<NodeId>) -> Selection {
    let order = super::stats::active_nodes(doc, body, removed);
    let mut stats = vec![Stats::default(); doc.nodes.len()];
    let mut removed_copy = removed.to_vec();
    compute(doc, &order, &mut stats, &mut removed_copy, |_, _| false);

    let mut score: Vec<Option<f64>> = vec![None; doc.nodes.len()];
    let mut candidates = Vec::new();
    for unit in units(doc, &order, &stats) {
        let points = 1.0 + f64::from(unit.commas) + (f64::from(unit.text) / 100.0).floor().min(3.0);
        for (level, a) in scorable_ancestors(doc, unit.first_ancestor, 5)
            .into_iter()
            .enumerate()
        {
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let s = score[a].get_or_insert_with(|| {
                candidates.push(a);
                initial_score(doc, a, flags)
            });
            *s += points / divider;
        }
    }
    for &c in &candidates {
        if let Some(s) = score[c].as_mut() {
            *s *= 1.0 - stats[c].link_density();
        }
    }
    candidates.sort_by(|&a, &b| {
        score[b]
            .partial_cmp(&score[a])
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let own = |c: NodeId| f64::from(stats[c].text) - f64::from(stats[c].link);
    let dense_text = |d: Option<NodeId>| d.map_or(0, |d| own(d).max(0.0) as u32);
    // Not the top candidate's ancestor: that holds the same and more.
    let top_ancestors: Vec<NodeId> = candidates.first().map(|&t| doc.ancestors(t).collect()).unwrap_or_default();
    // Text inside a link is a link's text, even where the stats see it in a block below the <a>
    // (a teaser card wrapped in one link).
    let mut in_link = vec![false; doc.nodes.len()];
    for &id in &order {
        in_link[id] = doc
            .parent(id)
            .is_some_and(|p| in_link[p] || (doc.tag(p) == Some("a") && doc.attr(p, "href").is_some()));
    }
    let dense = candidates.iter().copied().find(|&c| {
        c != body
            && stats[c].link_density() < DENSE
            && own(c) >= 200.0
            && !top_ancestors.contains(&c)
            && !in_link[c]
    });
    // A link-heavy winner (a "content" wrapper around menus and teaser lists) gives way to
    // the dense candidate inside it that holds a good part of its text.
    let mut first = candidates.first().copied();
    if let (Some(top), Some(d)) = (first, dense) {
        if stats[top].link_density() > LINK_HEAVY
            && doc.ancestors(d).any(|a| a == top)
            && own(d) * 2.5 >= own(top)
        {
            first = Some(d);
        }
    }
    // Several stories of one kind on the page (infinite scroll, a list of posts): the one
    // whose headline is the page's is the article, even where another scores higher.
    if let (Some(top), Some(h)) = (first, headline) {
        if let Some(story) = headline_story(doc, top, h, body) {
            let top_score = score[top].unwrap_or(0.0);
            let mut in_story = vec![false; doc.nodes.len()];
            for n in doc.descendants(story) {
                in_story[n] = true;
            }
            if let Some(&best) = candidates.iter().find(|&&c| in_story[c]) {
                // A story of its own, not a header block that shares a layout class.
                if score[best].unwrap_or(0.0) * 3.0 >= top_score && own(best) >= 500.0 {
                    first = Some(best);
                }
            }
        }
    }
    candidates.truncate(5);

    let Some(first) = first else {
        return Selection { roots: vec![body], dense, dense_text: dense_text(dense) };
    };
    if first == body {
        return Selection { roots: vec![body], dense, dense_text: dense_text(dense) };
    }
    let mut top = first;
    let top_score = score[top].unwrap_or(0.0);

    // Several good candidates under one ancestor: the ancestor is the article.
    let alternatives: Vec<std::collections::HashSet<NodeId>> = candidates[1..]
        .iter()
        .filter(|&&c| score[c].unwrap_or(0.0) / top_score >= 0.75)
        .map(|&c| doc.ancestors(c).collect())
        .collect();
    if alternatives.len() >= 3 {
        for parent in doc
            .ancestors(top)
            .take_while(|&p| p != body && doc.is_element(p))
        {
            if alternatives
                .iter()
                .filter(|set| set.contains(&parent))
                .count()
                >= 3
            {
                top = parent;
                break;
            }
        }
    }
    let init = |id: NodeId, score: &mut Vec<Option<f64>>| -> f64 {
        *score[id].get_or_insert_with(|| initial_score(doc, id, flags))
    };
    init(top, &mut score);

    // Climb while the parent scores better: the article may be split over child blocks.
    let mut last = score[top].unwrap_or(0.0);
    let threshold = last / 3.0;
    for parent in doc
        .ancestors(top)
        .take_while(|&p| p != body && doc.is_element(p))
    {
        let Some(s) = score[parent] else { continue };
        if s < threshold {
            break;
        }
        if s > last {
            top = parent;
            break;
        }
        last = s;
    }
    // An only child says nothing more than its parent.
    while let Some(parent) = doc.parent(top) {
        if parent == body || !doc.is_element(parent) || doc.element_children(parent).count() != 1 {
            break;
        }
        top = parent;
        init(top, &mut score);
    }

    let Some(parent) = doc.parent(top).filter(|&p| doc.is_element(p)) else {
        return Selection { roots: vec![top], dense, dense_text: dense_text(dense) };
    };
    let top_score = score[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = doc.attr(top, "class").unwrap_or("");
    let mut roots = Vec::new();
    for sibling in doc.element_children(parent) {
        if removed[sibling] {
            continue;
        }
        // A sibling <article> with its own heading is the next story, not more of this one.
        // (Live-blog entries are <article>s too, but the feed holding them has no h1.)
        let separate_story = doc.tag(top) == Some("article")
            && doc.tag(sibling) == Some("article")
            && has_heading(doc, top, &["h1"])
            && has_heading(doc, sibling, &["h1", "h2"]);
        let keep = sibling == top
            || !separate_story && {
                let bonus =
                    if !top_class.is_empty() && doc.attr(sibling, "class") == Some(top_class) {
                        top_score * 0.2
                    } else {
                        0.0
                    };
                let scored = score[sibling].is_some_and(|s| s + bonus >= threshold);
                scored
                    || (doc.tag(sibling) == Some("p")
                        && sibling_paragraph_belongs(doc, sibling, &stats[sibling]))
            };
        if keep {
            roots.push(sibling);
        }
    }
    let roots = repeated_wrappers(doc, top, body, removed, &stats, &roots).unwrap_or(roots);
    Selection { roots, dense, dense_text: dense_text(dense) }
}

/// An article split over modules of one kind (a page builder's text blocks between pictures
/// and tables): the wrapper around the top candidate (climbing while the wrappers add no
/// text), joined by its siblings of the same tag and first class that hold prose. None when
/// no sibling is such a module.
fn repeated_wrappers(
    doc: &Document,
    top: NodeId,
    body: NodeId,
    removed: &[bool],
    stats: &[Stats],
    roots: &[NodeId],
) -> Option<Vec<NodeId>> {
    let own = |c: NodeId| stats[c].text.saturating_sub(stats[c].link as u32);
    let mut wrapper = top;
    for parent in doc.ancestors(top).take(6) {
        if parent == body || !doc.is_element(parent) || own(parent) * 100 > own(top) * 105 {
            break;
        }
        wrapper = parent;
    }
    let first_class = |id: NodeId| doc.attr(id, "class").and_then(|c| c.split_whitespace().next());
    let class = first_class(wrapper)?;
    let tag = doc.tag(wrapper)?;
    if matches!(tag, "article" | "li" | "tr" | "td") {
        return None;
    }
    let parent = doc.parent(wrapper)?;
    // The siblings already joined stay when the wrapper is the top candidate itself.
    let kept: Vec<NodeId> = if wrapper == top { roots.to_vec() } else { vec![wrapper] };
    let mut roots = Vec::new();
    let mut joined = 0;
    for sibling in doc.element_children(parent) {
        if kept.contains(&sibling) {
            roots.push(sibling);
            continue;
        }
        if removed[sibling] || doc.tag(sibling) != Some(tag) || first_class(sibling) != Some(class) {
            continue;
        }
        let s = &stats[sibling];
        let prose = s.p >= 1 && own(sibling) >= 200 && s.link_density() < 0.2;
        let has_h1 = doc.descendants(sibling).any(|n| doc.tag(n) == Some("h1"));
        if prose && !has_h1 && own(sibling) <= own(top).saturating_mul(3).max(600) {
            roots.push(sibling);
            joined += 1;
        }
    }
    (joined > 0).then_some(roots)
}

/// The sibling of `top` (or of one of its ancestors) of the same tag and class that holds
/// the headline, when `top` does not.
fn headline_story(doc: &Document, top: NodeId, headline: NodeId, body: NodeId) -> Option<NodeId> {
    if top == headline || doc.ancestors(headline).any(|a| a == top) {
        return None;
    }
    // The headline's ancestor under each of its ancestors: one walk, so deep pages stay linear.
    let under: std::collections::HashMap<NodeId, NodeId> =
        doc.ancestors(headline).filter_map(|a| doc.parent(a).map(|p| (p, a))).collect();
    let holder = |b: NodeId| doc.parent(b).and_then(|p| under.get(&p).copied()).filter(|&a| a != b);
    std::iter::once(top)
        .chain(doc.ancestors(top))
        .take_while(|&b| b != body)
        .find_map(|b| holder(b).filter(|&s| same_kind(doc, s, b)))
}

fn has_heading(doc: &Document, id: NodeId, levels: &[&str]) -> bool {
    doc.descendants(id)
        .any(|n| doc.tag(n).is_some_and(|t| levels.contains(&t)))
}

fn sibling_paragraph_belongs(doc: &Document, p: NodeId, s: &Stats) -> bool {
    let density = s.link_density();
    if s.text > 80 {
        return density < 0.25;
    }
    if s.text == 0 || density > 0.0 {
        return false;
    }
    let text = doc.text_content(p);
    let text = text.trim_end();
    text.ends_with('.') || text.contains(". ")
}
