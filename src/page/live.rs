//! The demo's page reader (wasm32 only): a web-sys walk of the live DOM into a
//! `Document`, keeping what the snapshot keeps, so both read the same page.

use crate::page::dom::{Document, NodeId};
use crate::page::snapshot::{KEPT_ATTRIBUTES, SKIPPED_TAGS};
use wasm_bindgen::JsCast;

/// The live DOM under a root, walked once into a `Document`.
pub struct LiveDocument {
    pub document: Document,
    /// Per node of `document`: the index of its Text node in `text_nodes`, if it is one.
    pub text_ids: Vec<Option<usize>>,
    /// The Text nodes the walk met, in document order.
    pub text_nodes: js_sys::Array,
}

/// Elements whose content the snapshot leaves out too (`SKIPPED_TAGS`, scripts but JSON-LD).
fn content_skipped(tag: &str, element: &web_sys::Element) -> bool {
    match tag {
        _ if SKIPPED_TAGS.contains(&tag) => true,
        "script" => element.get_attribute("type").map(|t| t.trim().to_ascii_lowercase()).as_deref()
            != Some("application/ld+json"),
        _ => false,
    }
}

impl LiveDocument {
    pub fn walk(root: &web_sys::Node) -> LiveDocument {
        let mut live =
            LiveDocument { document: Document::new(), text_ids: vec![None], text_nodes: js_sys::Array::new() };
        let mut stack: Vec<(web_sys::Node, NodeId)> = Vec::new();
        match root.node_type() {
            web_sys::Node::DOCUMENT_NODE | web_sys::Node::DOCUMENT_FRAGMENT_NODE => {
                push_children(&mut stack, root, Document::ROOT)
            }
            _ => stack.push((root.clone(), Document::ROOT)),
        }
        while let Some((node, parent)) = stack.pop() {
            match node.node_type() {
                web_sys::Node::ELEMENT_NODE => {
                    let element: &web_sys::Element = node.unchecked_ref();
                    let tag = element.local_name().to_ascii_lowercase();
                    // Caveat's own overlay is not part of the page.
                    if tag == "caveat-overlay" {
                        continue;
                    }
                    let id = live.document.append_element(parent, &tag, kept_attributes(element));
                    live.text_ids.push(None);
                    if !content_skipped(&tag, element) {
                        push_children(&mut stack, &node, id);
                    }
                }
                web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                    let text = node.node_value().unwrap_or_default();
                    live.document.append_text(parent, &text);
                    live.text_ids.push(Some(live.text_nodes.length() as usize));
                    live.text_nodes.push(&node);
                }
                _ => {}
            }
        }
        live
    }
}

/// Children pushed last-first so the stack pops them in document order.
fn push_children(stack: &mut Vec<(web_sys::Node, NodeId)>, node: &web_sys::Node, id: NodeId) {
    let mut child = node.last_child();
    while let Some(c) = child {
        child = c.previous_sibling();
        stack.push((c, id));
    }
}

/// The snapshot's attributes, plus the inline `style`: the live walk reads no computed
/// style (to stay cheap), so content hidden by an inline style is left out the way the
/// native parser leaves it out.
fn kept_attributes(element: &web_sys::Element) -> Vec<(String, String)> {
    if !element.has_attributes() {
        return Vec::new();
    }
    let attributes = element.attributes();
    (0..attributes.length())
        .filter_map(|i| attributes.item(i))
        .filter_map(|attr| {
            // Values are fetched only for kept names: pages carry long data-* values.
            let name = attr.name().to_ascii_lowercase();
            (name == "style" || KEPT_ATTRIBUTES.contains(&name.as_str())).then(|| (name, attr.value()))
        })
        .collect()
}
