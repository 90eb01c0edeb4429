//! Finds the article in a document: the headline, then the body as ordered text
//! blocks, with page furniture (navigation, share bars, related links, comments,
//! adverts, hidden nodes) left out. The approach is Readability's (see
//! `docs/extraction.md`), written over the immutable `dom::Document`: removals are
//! marks in a mask, and text statistics are summed bottom-up once per pass.

mod blocks;
mod clean;
mod comments;
mod lead;
mod metadata;
mod patterns;
mod readerable;
mod scoring;
mod stats;

use crate::page::article::{Article, Block, Role};
use crate::page::dom::{normalize_whitespace, Document, NodeId};
use patterns::is_skipped;
use patterns::{is_boilerplate_text, is_byline_hint, is_comment_name, is_hidden, is_modal, is_unlikely, match_string};

pub use readerable::{is_readerable, is_readerable_article};

/// Below this many characters of text an extraction pass is retried with looser rules.
const MIN_ARTICLE_CHARS: usize = 500;

/// The rules a pass applies; later passes drop them one by one, as Readability does.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

const PASSES: [Flags; 4] = [
    Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
    },
];

pub fn extract(doc: &Document) -> Article {
    let mut metadata = metadata::read(doc);
    let body = doc
        .find_tag(Document::ROOT, "body")
        .unwrap_or(Document::ROOT);

    let mut removed = vec![false; doc.nodes.len()];
    mark_unread(doc, body, &mut removed);
    comments::mark_threads(doc, body, &mut removed);
    let headline = match metadata.title.as_deref() {
        Some(title) => mark_title_headings(doc, body, title, &mut removed),
        None => None,
    }
    .or_else(|| headline_h1(doc, body, &removed));
    mark_modals(doc, body, headline, &mut removed);
    if let Some(h) = headline {
        if metadata.title.is_none() {
            // A body-only snapshot has no <head>: the page's headline is its title.
            metadata.title = Some(normalized_text(doc, h, 1000)).filter(|t| !t.is_empty());
        }
    }
    let mut marked: Vec<Option<Role>> = vec![None; doc.nodes.len()];
    if let Some(node) = find_byline(doc, body, &removed) {
        marked[node] = Some(Role::Byline);
        if metadata.byline.is_none() {
            metadata.byline = Some(normalized_text(doc, node, 200)).filter(|b| !b.is_empty());
        }
    }

    let mut blocks = Vec::new();
    // The headline as the page shows it, first, as the title block; a title found only in
    // <head> is metadata.
    if let Some(h) = headline {
        removed[h] = false;
        if let Some(mut heading) = blocks::build(doc, &[h], &removed, &marked).into_iter().next() {
            heading.role = Role::Title;
            blocks.push(heading);
        }
        removed[h] = true;
    }
    let body_part: Vec<Block> = body_blocks(doc, body, headline, &removed, &marked)
        .into_iter()
        .filter(|b| !is_boilerplate_text(&b.text))
        .collect();
    if let Some(h) = headline {
        let mut in_body = vec![false; doc.nodes.len()];
        for run in body_part.iter().flat_map(|b| &b.runs) {
            in_body[run.node] = true;
        }
        let body_text: String = body_part.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" ");
        let cx = lead::Context { removed: &removed, marked: &marked, in_body: &in_body, body_text: &body_text };
        let mut lead = lead::find(doc, h, &cx);
        if lead.is_empty() {
            if let Some(description) = metadata.excerpt.as_deref() {
                lead = lead::from_description(doc, body, h, description, &cx);
            }
        }
        blocks.extend(lead);
    }
    blocks.extend(body_part);
    // Roles by text shape never take the whole body: a page that is only a short list of
    // links keeps it.
    let before: Vec<Role> = blocks.iter().map(|b| b.role).collect();
    let len_before = body_len(&blocks);
    patterns::classify_blocks(&mut blocks);
    spread_to_boxes(doc, &mut blocks, &before);
    if body_len(&blocks) * 4 < len_before {
        for (b, role) in blocks.iter_mut().zip(before) {
            b.role = role;
        }
    }
    // In a text article, a closing heading introduced something that was cleaned away
    // ("Related stories"); on a page of pictures the headings are all the text there is.
    let text_blocks = blocks
        .iter()
        .filter(|b| b.role.is_body() && b.role != Role::Heading)
        .count();
    if text_blocks >= 3 {
        while let Some(last) = blocks.iter().rposition(|b| b.role.is_body()) {
            if blocks[last].role != Role::Heading {
                break;
            }
            blocks.remove(last);
        }
    }
    Article { metadata, blocks }
}

/// A block its text shows to be furniture ("Subscribe to our newsletter", "Read more:")
/// often sits in a small box with more of the same (the form's blurb, the list of links):
/// the rest of the box goes with it.
fn spread_to_boxes(doc: &Document, blocks: &mut [Block], before: &[Role]) {
    const BOX_CHARS: usize = 600;
    let mut boxes = Vec::new();
    for (b, &was) in blocks.iter().zip(before) {
        if b.role != Role::Related || was == Role::Related {
            continue;
        }
        let Some(run) = b.runs.first() else { continue };
        let found = doc
            .ancestors(run.node)
            .take(4)
            .take_while(|&a| short_text(doc, a, BOX_CHARS).is_some())
            .filter(|&a| matches!(doc.tag(a), Some("div" | "section" | "aside" | "form")))
            .last();
        boxes.extend(found);
    }
    // Each block's box, if any (one walk of a few ancestors per block, so many boxes stay linear).
    let boxes: std::collections::HashSet<NodeId> = boxes.into_iter().collect();
    let box_of = |b: &Block| b.runs.first().and_then(|r| doc.ancestors(r.node).take(6).find(|a| boxes.contains(a)));
    let of_block: Vec<Option<NodeId>> = blocks.iter().map(box_of).collect();
    // A box of a few short blocks; one holding a paragraph of prose is a section of the
    // article that happens to end with a "Follow us" line.
    let mut inside: std::collections::HashMap<NodeId, (usize, bool)> = Default::default();
    for (b, bx) in blocks.iter().zip(&of_block) {
        if let Some(bx) = bx {
            let e = inside.entry(*bx).or_insert((0, true));
            e.0 += 1;
            e.1 &= b.text.chars().count() <= 200;
        }
    }
    for (b, bx) in blocks.iter_mut().zip(of_block) {
        let small = bx.and_then(|bx| inside.get(&bx)).is_some_and(|&(n, short)| n <= 4 && short);
        if b.role.is_body() && small {
            b.role = Role::Related;
        }
    }
}

/// Characters of the blocks `caveat extract` prints.
fn body_len(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| b.role.is_body())
        .map(|b| b.text.chars().count())
        .sum()
}

/// The article body: Readability's passes, each looser than the last, until one finds
/// enough text. A looser pass wins only with clearly more text that the first pass had
/// not removed as furniture, so a short article does not give way to its comments.
fn body_blocks(
    doc: &Document,
    body: NodeId,
    headline: Option<NodeId>,
    removed: &[bool],
    marked: &[Option<Role>],
) -> Vec<Block> {
    let mut best: Vec<Block> = Vec::new();
    let mut best_len = 0;
    let mut furniture: Vec<bool> = Vec::new();
    for (pass, flags) in PASSES.into_iter().enumerate() {
        let mut pass_removed = removed.to_vec();
        if flags.strip_unlikely {
            mark_unlikely(doc, body, headline, &mut pass_removed);
        } else {
            mark_comment_names(doc, body, &mut pass_removed);
        }
        mark_feeds(doc, body, &mut pass_removed);
        let selection = scoring::select(doc, body, &pass_removed, flags, headline);
        let mut roots = selection.roots;
        let mut cleaned = pass_removed.clone();
        let after = clean::clean(doc, &roots, &mut cleaned, flags);
        let roles = blocks::mark_roles(doc, &roots, &cleaned, marked);
        let mut blocks = blocks::build(doc, &roots, &cleaned, &roles);
        // The best candidate that is not mostly links must mostly survive in what is kept;
        // otherwise it is the article.
        if let Some(dense) = selection.dense {
            let inside = roots.iter().any(|&r| r == dense || doc.ancestors(dense).any(|a| a == r));
            let before = selection.dense_text;
            let lost = inside && {
                let gone = cleaned[dense] || doc.ancestors(dense).any(|a| cleaned[a]);
                let kept = if gone { 0 } else { after[dense].text.saturating_sub(after[dense].link as u32) };
                kept * 2 < before
            };
            if lost {
                roots = vec![dense];
                cleaned = pass_removed.clone();
                clean::clean(doc, &roots, &mut cleaned, flags);
                let roles = blocks::mark_roles(doc, &roots, &cleaned, marked);
                blocks = blocks::build(doc, &roots, &cleaned, &roles);
            }
        }
        let len = if pass == 0 {
            furniture = inside_removed(doc, body, &cleaned, removed);
            body_len(&blocks)
        } else {
            // Only text the first pass did not throw out counts for a looser pass.
            blocks
                .iter()
                .filter(|b| b.role.is_body())
                .flat_map(|b| b.runs.iter())
                .filter(|r| !furniture[r.node])
                .map(|r| r.len)
                .sum()
        };
        if best.is_empty() || len * 2 > best_len * 3 {
            best = blocks;
            best_len = body_len(&best);
        }
        if best_len >= MIN_ARTICLE_CHARS {
            break;
        }
    }
    best
}

/// For every node under `body`: it or an ancestor is removed in `pass` but not in `base`.
fn inside_removed(doc: &Document, body: NodeId, pass: &[bool], base: &[bool]) -> Vec<bool> {
    let mut out = vec![false; doc.nodes.len()];
    for id in doc.descendants(body) {
        let inherited = doc.parent(id).is_some_and(|p| out[p]);
        out[id] = inherited || (pass[id] && !base[id]);
    }
    out
}

/// Length in Latin-script characters: a Han, kana or Hangul character says about as much
/// as a short word, so it counts three.
pub(crate) fn reading_length(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x3040..=0x30FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF => 3,
            _ => 1,
        })
        .sum()
}

/// Text of a subtree with whitespace collapsed, skipping code and hidden parts. With a
/// `limit`, about that many bytes are gathered and the walk visits a bounded number of
/// nodes, so checks on deep pages ("is this short?") stay linear overall.
pub(crate) fn normalized_text(doc: &Document, id: NodeId, limit: usize) -> String {
    let mut visits = if limit == usize::MAX {
        usize::MAX
    } else {
        limit / 4 + 64
    };
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if out.len() >= limit || visits == 0 {
            break;
        }
        visits -= 1;
        if let Some(t) = doc.text(n) {
            out.push_str(t);
            continue;
        }
        if doc.tag(n).is_some_and(is_skipped) {
            continue;
        }
        // Only as many children as can still be visited (the text is a prefix anyway).
        let children = doc.children(n);
        stack.extend(children[..children.len().min(visits)].iter().rev());
    }
    normalize_whitespace(&out)
}

/// Code, media, form controls and hidden elements are never part of the article.
fn mark_unread(doc: &Document, body: NodeId, removed: &mut [bool]) {
    let mut stack = vec![body];
    while let Some(id) = stack.pop() {
        if let Some(tag) = doc.tag(id) {
            if is_skipped(tag) || is_hidden(doc, id) {
                removed[id] = true;
                continue;
            }
        }
        stack.extend(doc.children(id));
    }
}

/// Text of a subtree with whitespace collapsed, when it is at most `max` chars; None for a
/// longer one. The whole subtree is looked at (within a bounded walk), not its first bytes.
pub(crate) fn short_text(doc: &Document, id: NodeId, max: usize) -> Option<String> {
    let mut visits = max + 64;
    let mut bytes = 0;
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if visits == 0 || bytes > max * 8 + 256 {
            return None;
        }
        visits -= 1;
        if let Some(t) = doc.text(n) {
            bytes += t.len();
            out.push_str(t);
            continue;
        }
        if doc.tag(n).is_some_and(is_skipped) {
            continue;
        }
        // More children than visits left: the walk would run out before the end (and pushing
        // them all, call after call on a wide element, would cost the page's width each time).
        let children = doc.children(n);
        if children.len() > visits {
            return None;
        }
        stack.extend(children.iter().rev());
    }
    let text = normalize_whitespace(&out);
    (text.chars().count() <= max).then_some(text)
}

/// Text outside links under each node of `body` (nodes removed in `removed` count 0).
fn own_text(doc: &Document, body: NodeId, removed: &[bool]) -> Vec<u32> {
    let order = stats::active_nodes(doc, body, removed);
    let mut st = vec![stats::Stats::default(); doc.nodes.len()];
    let mut mask = removed.to_vec();
    stats::compute(doc, &order, &mut st, &mut mask, |_, _| false);
    st.iter()
        .map(|s| s.text.saturating_sub(s.link as u32))
        .collect()
}

/// Pop-ups (disclosures, age checks, lightboxes) are never the article, in any pass, unless
/// one holds the headline (or, on a page without one, most of its text): a theme may call
/// its article wrapper a modal's content.
fn mark_modals(doc: &Document, body: NodeId, headline: Option<NodeId>, removed: &mut [bool]) {
    let is_popup = |id: NodeId| doc.is_element(id) && is_modal(doc, id, &match_string(doc, id));
    match headline {
        Some(h) => remove_where(doc, body, removed, |id| is_popup(id) && !doc.ancestors(h).any(|a| a == id)),
        // Text sizes only where they decide (a page with no headline): they cost a pass.
        None => {
            let own = own_text(doc, body, removed);
            let page = own[body].max(1);
            remove_where(doc, body, removed, |id| is_popup(id) && own[id] * 2 <= page);
        }
    }
}

/// Marks removed each element under `body` (not `body` itself) that `remove` picks, and does
/// not look inside it.
fn remove_where(doc: &Document, body: NodeId, removed: &mut [bool], remove: impl Fn(NodeId) -> bool) {
    let mut stack = vec![body];
    while let Some(id) = stack.pop() {
        if removed[id] {
            continue;
        }
        if id != body && remove(id) {
            removed[id] = true;
            continue;
        }
        stack.extend(doc.children(id));
    }
}

/// Readability's first cut: elements named like page furniture, unless inside a table or
/// code, or holding the headline and most of the page's text outside links (a wrapper
/// named "header-extra" around the whole article is no header). Comment sections go
/// whatever their size.
fn mark_unlikely(doc: &Document, body: NodeId, headline: Option<NodeId>, removed: &mut [bool]) {
    let order = stats::active_nodes(doc, body, removed);
    let mut st = vec![stats::Stats::default(); doc.nodes.len()];
    stats::compute(doc, &order, &mut st, &mut removed.to_vec(), |_, _| false);
    let own = |id: NodeId| st[id].text.saturating_sub(st[id].link as u32);
    // The headline is removed from the body already: mark it by hand.
    let mut order = order;
    if let Some(h) = headline {
        order.push(h);
    }
    let markers = article_markers(doc, &order, headline);
    // The page's text, less what its header, menus, sidebars and footer say: those are
    // never the article, and a wordy menu should not make the article look small.
    let mut chrome = 0;
    let mut stack = vec![body];
    while let Some(id) = stack.pop() {
        if removed[id] {
            continue;
        }
        if matches!(doc.tag(id), Some("nav" | "aside" | "footer" | "header")) && !markers[id] {
            chrome += own(id);
            continue;
        }
        stack.extend(doc.children(id));
    }
    let page = own(body).saturating_sub(chrome).max(1);
    let mut stack = vec![(body, false)];
    while let Some((id, in_table)) = stack.pop() {
        if removed[id] {
            continue;
        }
        let mut in_table = in_table;
        if let Some(tag) = doc.tag(id) {
            let names = match_string(doc, id);
            let furniture = matches!(tag, "nav" | "aside" | "footer")
                || (!matches!(tag, "body" | "a" | "html" | "main" | "article")
                    && is_unlikely(doc, id, &names));
            // Most of the page's prose: paragraphs, not a list or a gallery of items.
            let holds_article = || {
                own(id) * 2 > page
                    && own(id) >= 200
                    && !is_comment_name(&names)
                    && (markers[id]
                        || (!matches!(tag, "ul" | "ol" | "li" | "table" | "dl")
                            && st[id].p >= 3
                            && st[id].link_density() < 0.2))
            };
            if furniture && !in_table && !holds_article() {
                removed[id] = true;
                continue;
            }
            in_table |= matches!(tag, "table" | "code");
        }
        stack.extend(doc.children(id).iter().map(|&c| (c, in_table)));
    }
}

/// For every node in `order` (pre-order): it holds the headline, an `<article>`, `<main>` or
/// schema.org articleBody. Summed bottom-up, so deep pages stay linear.
fn article_markers(doc: &Document, order: &[NodeId], headline: Option<NodeId>) -> Vec<bool> {
    let mut has = vec![false; doc.nodes.len()];
    for &id in order.iter().rev() {
        has[id] |= Some(id) == headline
            || matches!(doc.tag(id), Some("article" | "main"))
            || doc.attr(id, "itemprop").is_some_and(|p| p.contains("articleBody"));
        if has[id] {
            if let Some(p) = doc.parent(id) {
                has[p] = true;
            }
        }
    }
    has
}

/// Looser passes keep the names of page furniture but still drop comment sections.
fn mark_comment_names(doc: &Document, body: NodeId, removed: &mut [bool]) {
    let own = own_text(doc, body, removed);
    let page = own[body].max(1);
    remove_where(doc, body, removed, |id| {
        !matches!(doc.tag(id), Some("body" | "html" | "article" | "main"))
            && is_comment_name(&match_string(doc, id))
            && own[id] * 10 < page * 9
    });
}

/// A feed of other posts: three or more sibling items of one kind, each a short teaser
/// whose heading is a link. They are never part of the article (a live blog's entries
/// have headings that are not links).
fn mark_feeds(doc: &Document, body: NodeId, removed: &mut [bool]) {
    let order = stats::active_nodes(doc, body, removed);
    // The items (a heading's ancestors up to a few levels) with a linked heading, by parent.
    let mut items: std::collections::HashMap<NodeId, Vec<NodeId>> = Default::default();
    for &h in &order {
        if !matches!(doc.tag(h), Some("h1" | "h2" | "h3" | "h4")) || !heading_is_link(doc, h) {
            continue;
        }
        let mut child = h;
        for parent in doc.ancestors(h).take(4) {
            if parent == body {
                break;
            }
            let list = items.entry(parent).or_default();
            if list.last() != Some(&child) {
                list.push(child);
            }
            child = parent;
        }
    }
    let mut feeds: Vec<(NodeId, Vec<NodeId>)> = items
        .into_iter()
        .filter(|(_, children)| children.len() >= 3)
        .collect();
    feeds.sort_unstable();
    for (_, children) in feeds {
        let teasers: Vec<NodeId> = children
            .iter()
            .copied()
            .filter(|&c| c != body && doc.is_element(c) && short_text(doc, c, 600).is_some())
            .collect();
        let same_kind = teasers
            .windows(2)
            .all(|w| doc.tag(w[0]) == doc.tag(w[1]) && doc.attr(w[0], "class") == doc.attr(w[1], "class"));
        // Each item holds one heading: a heading of a section holding several items is no teaser.
        if teasers.len() >= 3 && same_kind && !teasers.iter().any(|&t| is_heading_tag(doc, t)) {
            for t in teasers {
                removed[t] = true;
            }
        }
    }
}

fn is_heading_tag(doc: &Document, id: NodeId) -> bool {
    doc.tag(id).is_some_and(patterns::is_heading)
}

/// A heading whose text is a link: inside one, or holding one with all its text.
fn heading_is_link(doc: &Document, h: NodeId) -> bool {
    if doc.ancestors(h).take(3).any(|a| doc.tag(a) == Some("a") && doc.attr(a, "href").is_some()) {
        return true;
    }
    let Some(text) = short_text(doc, h, 300) else { return false };
    !text.is_empty()
        && doc.descendants(h).any(|a| {
            doc.tag(a) == Some("a")
                && doc.attr(a, "href").is_some()
                && short_text(doc, a, 300).is_some_and(|t| t.chars().count() * 10 >= text.chars().count() * 9)
        })
}

/// Marks every h1/h2 repeating the title as removed, so the headline is emitted once,
/// first, and returns the one to use as the headline.
fn mark_title_headings(
    doc: &Document,
    body: NodeId,
    title: &str,
    removed: &mut [bool],
) -> Option<NodeId> {
    let order = stats::active_nodes(doc, body, removed);
    let mut headline = None;
    for id in order {
        if matches!(doc.tag(id), Some("h1" | "h2")) && metadata::repeats_title(doc, id, title) {
            removed[id] = true;
            // Prefer an h1; otherwise the first match.
            if headline.is_none()
                || (doc.tag(id) == Some("h1") && headline.and_then(|h| doc.tag(h)) != Some("h1"))
            {
                headline = Some(id);
            }
        }
    }
    headline
}

/// The page's headline when no title says which heading it is: its only visible h1
/// outside page furniture, or, when a logo or section name is an h1 too, the longest one
/// of three words or more.
fn headline_h1(doc: &Document, body: NodeId, removed: &[bool]) -> Option<NodeId> {
    let mut mask = removed.to_vec();
    mark_unlikely(doc, body, None, &mut mask);
    let h1s: Vec<(NodeId, String)> = stats::active_nodes(doc, body, &mask)
        .into_iter()
        .filter(|&id| doc.tag(id) == Some("h1"))
        .map(|id| (id, normalized_text(doc, id, 1000)))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    match h1s.as_slice() {
        [(only, _)] => Some(*only),
        _ => h1s
            .iter()
            .filter(|(_, text)| text.split_whitespace().count() >= 3)
            .max_by_key(|(_, text)| text.chars().count())
            .map(|(id, _)| *id),
    }
}

/// The first short element marked as the author line (class/id/rel/itemprop).
fn find_byline(doc: &Document, body: NodeId, removed: &[bool]) -> Option<NodeId> {
    stats::active_nodes(doc, body, removed)
        .into_iter()
        .find(|&id| {
            doc.is_element(id)
                && is_byline_hint(doc, id, &match_string(doc, id))
                && short_text(doc, id, 99).is_some_and(|t| !t.is_empty())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::html::parse;

    const LONG: &str = "The harbour board met on Monday, and after a long debate it approved the plan to rebuild the north pier, which has been closed since the winter storms.";

    fn kinds_and_texts(article: &Article) -> Vec<(Role, &str)> {
        article
            .blocks
            .iter()
            .map(|b| (b.role, b.text.as_str()))
            .collect()
    }

    #[test]
    fn blocks_keep_kinds_order_and_collapse_whitespace() {
        let page = format!(
            "<title>Pier to be rebuilt</title><body><article><h1>Pier   to be rebuilt</h1><p>{LONG}</p>\
             <h2>What\nnext</h2><ul><li>First  item</li><li>Second <b>item</b></li></ul>\
             <blockquote><p>We are ready, said the chair.</p></blockquote><pre>let  x = 1;</pre>\
             <p>Line one<br>line two<br><br>New paragraph</p><p>{LONG}</p></article></body>"
        );
        let article = extract(&parse(&page));
        let got = kinds_and_texts(&article);
        assert_eq!(got[0], (Role::Title, "Pier to be rebuilt"));
        assert_eq!(got[1], (Role::Paragraph, LONG));
        assert_eq!(got[2], (Role::Heading, "What next"));
        assert_eq!(got[3], (Role::ListItem, "First item"));
        assert_eq!(got[4], (Role::ListItem, "Second item"));
        assert_eq!(got[5], (Role::Quote, "We are ready, said the chair."));
        assert_eq!(got[6], (Role::Other, "let x = 1;"));
        assert_eq!(got[7], (Role::Paragraph, "Line one line two"));
        assert_eq!(got[8], (Role::Paragraph, "New paragraph"));
        assert_eq!(
            article.metadata.title.as_deref(),
            Some("Pier to be rebuilt")
        );
    }

    #[test]
    fn runs_and_links_point_back_into_the_text_nodes() {
        let page = format!("<body><p>Said  <a href='/src'>the\n  report</a>, today.</p><p>{LONG}</p><p>{LONG}</p></body>");
        let doc = parse(&page);
        let article = extract(&doc);
        let block = &article.blocks[0];
        assert_eq!(block.text, "Said the report, today.");
        assert_eq!(block.links.len(), 1);
        let link = &block.links[0];
        let linked: String = block
            .text
            .chars()
            .skip(link.span.start)
            .take(link.span.end - link.span.start)
            .collect();
        assert_eq!(
            (link.href.as_str(), linked.as_str()),
            ("/src", "the report")
        );
        // "Said", "the", "report", ", today." map back; collapsed whitespace runs do not.
        let mapped: Vec<String> = block
            .runs
            .iter()
            .map(|r| {
                doc.text(r.node)
                    .unwrap()
                    .chars()
                    .skip(r.node_start)
                    .take(r.len)
                    .collect()
            })
            .collect();
        assert_eq!(mapped, ["Said", "the", "report", ", today."]);
        let from_block: Vec<String> = block
            .runs
            .iter()
            .map(|r| block.text.chars().skip(r.start).take(r.len).collect())
            .collect();
        assert_eq!(mapped, from_block);
    }

    #[test]
    fn snapshot_documents_drop_nodes_the_browser_did_not_render() {
        // Built the way the wasm binding builds it from a browser snapshot.
        let mut doc = Document::new();
        let html = doc.append_element(Document::ROOT, "html", Vec::new());
        let body = doc.append_element(html, "body", Vec::new());
        for text in [LONG, "Hidden by the page's stylesheet.", LONG] {
            let attrs = if text.starts_with("Hidden") {
                vec![("data-caveat-hidden".to_string(), "1".to_string())]
            } else {
                Vec::new()
            };
            let p = doc.append_element(body, "p", attrs);
            doc.append_text(p, text);
        }
        let text = extract(&doc).text();
        assert!(
            text.contains("north pier") && !text.contains("Hidden"),
            "{text}"
        );
    }

    #[test]
    fn body_only_snapshot_takes_its_h1_as_the_headline() {
        let page = format!(
            "<body><header><h1 class=logo>Gazette</h1></header><article><h1>Pier to be rebuilt</h1>\
             <p>{LONG}</p><p>{LONG}</p></article></body>"
        );
        let article = extract(&parse(&page));
        assert_eq!(article.blocks[0].role, Role::Title);
        assert_eq!(article.blocks[0].text, "Pier to be rebuilt");
        assert!(!article.blocks[0].runs.is_empty());
        assert_eq!(
            article.metadata.title.as_deref(),
            Some("Pier to be rebuilt")
        );
        assert_eq!(article.text().matches("Pier to be rebuilt").count(), 1);
    }

    #[test]
    fn metadata_prefers_json_ld() {
        let page = r#"<html lang="de-DE"><head><title>Site | Something else entirely</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":"NewsArticle","headline":"Pier to be rebuilt","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}],
            "datePublished":"2024-03-01T09:00:00Z","publisher":{"@type":"Organization","name":"Harbour Gazette"}}]}</script>
            <meta property="og:site_name" content="Other"></head><body></body></html>"#;
        let m = extract(&parse(page)).metadata;
        assert_eq!(m.title.as_deref(), Some("Pier to be rebuilt"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T09:00:00Z"));
        assert_eq!(m.site_name.as_deref(), Some("Harbour Gazette"));
        assert_eq!(m.lang.as_deref(), Some("de-DE"));
    }

    #[test]
    fn metadata_falls_back_to_open_graph_and_meta() {
        let page = r#"<html><head><title>Pier to be rebuilt | Harbour Gazette</title>
            <meta property="og:site_name" content="Harbour Gazette">
            <meta property="article:published_time" content="2024-03-01">
            <meta name="author" content="Ann Lee"><meta name="description" content="The pier."></head>
            <body><time datetime="1999-01-01">Today</time></body></html>"#;
        let m = extract(&parse(page)).metadata;
        assert_eq!(m.title.as_deref(), Some("Pier to be rebuilt"));
        assert_eq!(m.site_name.as_deref(), Some("Harbour Gazette"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(m.excerpt.as_deref(), Some("The pier."));
    }

    #[test]
    fn readerable_needs_real_paragraphs() {
        let article = format!("<body><p>{LONG} {LONG}</p><p>{LONG} {LONG}</p><p>{LONG}</p></body>");
        assert!(is_readerable(&parse(&article)));
        let links: String = (0..40)
            .map(|i| format!("<li><a href='/{i}'>Headline number {i} about the harbour</a></li>"))
            .collect();
        assert!(!is_readerable(&parse(&format!(
            "<body><ul>{links}</ul></body>"
        ))));
    }
}
