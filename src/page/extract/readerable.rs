//! A quick guess whether a page is an article at all (Readability's
//! `isProbablyReaderable`): enough long, visible paragraphs outside page furniture.

use super::patterns::{is_hidden, is_unlikely, match_string};
use crate::page::dom::{Document, NodeData};

const MIN_PARAGRAPH: usize = 140;
const MIN_SCORE: f64 = 20.0;

pub fn is_readerable(doc: &Document) -> bool {
    has_long_paragraphs(doc) || has_article_body(&super::extract(doc))
}

/// `is_readerable` for a caller that has already extracted `article` from `doc`.
pub fn is_readerable_article(doc: &Document, article: &crate::page::article::Article) -> bool {
    has_long_paragraphs(doc) || has_article_body(article)
}

/// Pages of shorter paragraphs (live blogs, scripts that say more per character):
/// the extracted article has several real paragraphs and is not a list of headlines.
fn has_article_body(article: &crate::page::article::Article) -> bool {
    use crate::page::article::Role;
    let mut paragraphs = 0;
    let mut chars = 0;
    let mut headings = 0;
    for b in &article.blocks {
        let len = super::reading_length(&b.text);
        let linked = b.link_chars();
        match b.role {
            Role::Heading | Role::Title => headings += 1,
            _ if !b.role.is_prose() => {}
            _ if len >= 80 && linked * 2 < b.text.chars().count() => {
                paragraphs += 1;
                chars += len;
            }
            _ => {}
        }
    }
    paragraphs >= 3 && chars >= 400 && headings <= paragraphs + 1
}

/// Readability's rule: long visible paragraphs outside page furniture.
fn has_long_paragraphs(doc: &Document) -> bool {
    let mut score = 0.0;
    // (node, inside a hidden or unlikely ancestor, inside an <li>)
    let mut stack = vec![(Document::ROOT, false, false)];
    while let Some((id, skipped, in_li)) = stack.pop() {
        let NodeData::Element { tag, .. } = &doc.node(id).data else {
            if id == Document::ROOT {
                stack.extend(doc.children(id).iter().rev().map(|&c| (c, false, false)));
            }
            continue;
        };
        if super::patterns::is_skipped(tag) {
            continue;
        }
        let skipped = skipped
            || is_hidden(doc, id)
            || is_unlikely(doc, id, &match_string(doc, id))
            || matches!(tag.as_str(), "nav" | "aside" | "footer");
        let counts = matches!(tag.as_str(), "p" | "pre" | "article")
            || (tag == "div" && doc.element_children(id).any(|c| doc.tag(c) == Some("br")));
        if counts && !skipped && !(in_li && tag == "p") {
            let len = super::reading_length(&super::normalized_text(doc, id, 2000));
            if len >= MIN_PARAGRAPH {
                score += ((len - MIN_PARAGRAPH) as f64).sqrt();
                if score > MIN_SCORE {
                    return true;
                }
            }
        }
        let in_li = in_li || tag == "li";
        stack.extend(doc.children(id).iter().rev().map(|&c| (c, skipped, in_li)));
    }
    false
}
