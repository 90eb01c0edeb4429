//! The wasm binding layer: converts between the browser and the core, nothing more.
//! Every export answers a plain JS object; failures come back as `{error: "…"}`
//! rather than exceptions, so the extension can show them and the page never breaks.

use crate::page::dom::{Document, NodeId};
use crate::page::extract::extract;
use crate::answer::extension::{answer, text_answer, Request};
use crate::page::snapshot::{Snapshot, KEPT_ATTRIBUTES, SKIPPED_TAGS};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|e| error(&format!("cannot convert the answer: {e}")))
}

fn error(message: &str) -> JsValue {
    let object = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&object, &"error".into(), &message.into());
    object.into()
}

fn parse<T: serde::de::DeserializeOwned + Default>(value: JsValue, what: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| error(&format!("bad {what}: {e}")))
}

/// The extension's path: `snapshot_json` is `JSON.stringify` of the content script's
/// snapshot; `request` is `{sensitivity, custom_hedges, custom_sources, force}`.
#[wasm_bindgen]
pub fn analyze_snapshot(snapshot_json: &str, request: JsValue) -> JsValue {
    let request: Request = match parse(request, "options") {
        Ok(r) => r,
        Err(e) => return e,
    };
    match Snapshot::from_json(snapshot_json).and_then(Snapshot::into_document) {
        Ok(snap) => to_js(&answer(&snap.document, |id| snap.page_node(id), &request)),
        Err(e) => error(&e),
    }
}

/// The article the extension would analyse for this snapshot (to compare with the CLI).
#[wasm_bindgen]
pub fn extract_snapshot(snapshot_json: &str) -> JsValue {
    match Snapshot::from_json(snapshot_json).and_then(Snapshot::into_document) {
        Ok(snap) => to_js(&extract(&snap.document)),
        Err(e) => error(&e),
    }
}

/// Plain text (the demo's text box); offsets in the answer are UTF-16 into `text`.
#[wasm_bindgen]
pub fn analyze_text(text: &str, options: JsValue) -> JsValue {
    match parse(options, "options") {
        Ok(options) => to_js(&text_answer(text, &options)),
        Err(e) => e,
    }
}

/// The demo's path, where the wasm runs in the page itself: walks the live DOM under
/// `root` once and answers `{answer, textNodes}`, `textNodes` being the Text nodes
/// the answer's ranges point into.
#[wasm_bindgen]
pub fn analyze_live(root: web_sys::Node, request: JsValue) -> JsValue {
    let request: Request = match parse(request, "options") {
        Ok(r) => r,
        Err(e) => return e,
    };
    let live = LiveDocument::walk(&root);
    let result = to_js(&answer(&live.document, |id| live.text_ids.get(id).copied().flatten(), &request));
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"answer".into(), &result);
    let _ = js_sys::Reflect::set(&object, &"textNodes".into(), &live.text_nodes);
    object.into()
}

/// The article `analyze_live` would analyse under `root` (to compare with the CLI, and to time extraction on the live DOM).
#[wasm_bindgen]
pub fn extract_live(root: web_sys::Node) -> JsValue {
    to_js(&extract(&LiveDocument::walk(&root).document))
}

struct LiveDocument {
    document: Document,
    text_ids: Vec<Option<usize>>,
    text_nodes: js_sys::Array,
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
    fn walk(root: &web_sys::Node) -> LiveDocument {
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
