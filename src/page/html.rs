//! Native HTML parsing into `dom::Document` (for the CLI, tests and benchmarks).
//!
//! html5ever builds the tree through a `TreeSink` that may move nodes around
//! (foster parenting, adoption agency), so the sink keeps its own small mutable
//! arena and `finish` copies it into a `Document` in document order, the same order
//! the browser snapshot uses. Comments, doctypes and template contents are dropped,
//! as they are in the snapshot.

use crate::page::dom::{Document, NodeId};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{parse_document, Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Elements nested deeper than this end the parse: html5ever walks its whole stack of
/// open elements for each new tag, so pathological nesting costs time quadratic in the
/// depth. Real pages stay far below (browsers flatten beyond 512 levels).
pub const MAX_DEPTH: usize = 1024;
/// Input is fed in pieces of this size so the depth guard can stop the parser early.
const CHUNK: usize = 8 * 1024;

/// Parses an HTML string. Never fails: malformed markup is repaired as browsers do; a
/// document nested deeper than `MAX_DEPTH` is cut off where the nesting went too deep.
pub fn parse(html: &str) -> Document {
    let mut parser = parse_document(Sink::default(), Default::default());
    let mut rest = html;
    while !rest.is_empty() && parser.tokenizer.sink.sink.max_depth.get() <= MAX_DEPTH {
        let mut end = rest.len().min(CHUNK);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        parser.process(StrTendril::from_slice(&rest[..end]));
        rest = &rest[end..];
    }
    parser.finish()
}

/// Parses raw bytes: a BOM or a `<meta charset>` in the first 8 KiB picks the encoding,
/// otherwise UTF-8 (invalid sequences become U+FFFD), or Windows-1252 for bytes that are
/// mostly not UTF-8.
pub fn parse_bytes(bytes: &[u8]) -> Document {
    parse(&decode(bytes))
}

/// Decodes page bytes to text following the HTML sniffing order (BOM, meta, UTF-8).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    // The standard prescans 1024 bytes, but browsers honour a later <meta charset> in the
    // head (reparsing), and pages put long comments or scripts before it.
    let encoding = meta_charset(&bytes[..bytes.len().min(META_SCAN)])
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or_else(|| {
            if mostly_utf8(bytes) {
                encoding_rs::UTF_8
            } else {
                encoding_rs::WINDOWS_1252
            }
        });
    encoding.decode_without_bom_handling(bytes).0
}

/// How far into the page a `<meta charset>` is looked for.
const META_SCAN: usize = 8 * 1024;

/// Bytes that are not valid UTF-8 and name no charset: UTF-8 with a few broken sequences
/// has more well-formed multi-byte characters than errors; a legacy single-byte page
/// (Latin-1, Windows-1252) has almost none.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= bad
}

/// The label in `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`.
fn meta_charset(head: &[u8]) -> Option<String> {
    let lower: String = head
        .iter()
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    // Only a <meta> says the page's charset: a <script charset> before it names the script's.
    let tag = lower.match_indices("<meta").find_map(|(start, _)| {
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        lower[start..end].find("charset=").map(|at| start + at)
    })?;
    let at = tag + "charset=".len();
    let label: String = lower[at..]
        .chars()
        .skip_while(|c| *c == '"' || *c == '\'' || c.is_whitespace())
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

enum SinkData {
    Document,
    Element {
        name: QualName,
        attrs: Vec<(String, String)>,
    },
    Text(String),
    /// Comments, processing instructions and template contents: kept so handles
    /// stay valid, never copied out.
    Ignored,
}

struct SinkNode {
    data: SinkData,
    parent: Option<usize>,
    children: Vec<usize>,
    /// Distance from the document when last attached (not updated for moved subtrees;
    /// it only feeds the depth guard).
    depth: usize,
}

struct Sink {
    nodes: RefCell<Vec<SinkNode>>,
    /// Answer for a name query on a non-element, which the tree builder should never make.
    no_name: QualName,
    max_depth: Cell<usize>,
}

/// The parser's handle: the arena index plus the element's name, so the name
/// lookups the tree builder makes on every tag (scope checks walk the stack of open
/// elements) need no borrow of the arena.
#[derive(Clone)]
struct Handle(Rc<(usize, Option<QualName>)>);

impl Handle {
    fn id(&self) -> usize {
        self.0 .0
    }
}

impl Default for Sink {
    fn default() -> Self {
        Sink {
            nodes: RefCell::new(vec![SinkNode {
                data: SinkData::Document,
                parent: None,
                children: Vec::new(),
                depth: 0,
            }]),
            max_depth: Cell::new(0),
            no_name: QualName::new(None, html5ever::ns!(), html5ever::local_name!("")),
        }
    }
}

impl Sink {
    fn new_node(&self, data: SinkData) -> Handle {
        let name = match &data {
            SinkData::Element { name, .. } => Some(name.clone()),
            _ => None,
        };
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(SinkNode {
            data,
            parent: None,
            children: Vec::new(),
            depth: 0,
        });
        Handle(Rc::new((nodes.len() - 1, name)))
    }

    fn detach(nodes: &mut [SinkNode], id: usize) {
        if let Some(parent) = nodes[id].parent.take() {
            nodes[parent].children.retain(|&c| c != id);
        }
    }

    /// Inserts `child` into `parent` at `index`, merging adjacent text as the spec asks.
    fn insert(&self, parent: usize, index: usize, child: NodeOrText<Handle>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendText(text) => {
                if index > 0 {
                    let before = nodes[parent].children[index - 1];
                    if let SinkData::Text(t) = &mut nodes[before].data {
                        t.push_str(&text);
                        return;
                    }
                }
                nodes.push(SinkNode {
                    data: SinkData::Text(text.to_string()),
                    parent: Some(parent),
                    children: Vec::new(),
                    depth: 0,
                });
                let id = nodes.len() - 1;
                nodes[parent].children.insert(index, id);
            }
            NodeOrText::AppendNode(handle) => {
                let id = handle.id();
                Self::detach(&mut nodes, id);
                let index = index.min(nodes[parent].children.len());
                nodes[id].parent = Some(parent);
                nodes[id].depth = nodes[parent].depth + 1;
                self.max_depth
                    .set(self.max_depth.get().max(nodes[id].depth));
                nodes[parent].children.insert(index, id);
            }
        }
    }

    fn into_document(self) -> Document {
        let mut nodes = self.nodes.into_inner();
        let mut doc = Document::new();
        doc.nodes.reserve(nodes.len());
        // Iterative walk: deeply nested pages must not overflow the stack.
        let mut stack: Vec<(usize, NodeId)> = nodes[0]
            .children
            .iter()
            .rev()
            .map(|&c| (c, Document::ROOT))
            .collect();
        while let Some((id, parent)) = stack.pop() {
            // Each node is visited once, so its data can be moved out.
            match std::mem::replace(&mut nodes[id].data, SinkData::Ignored) {
                SinkData::Element { name, attrs } => {
                    let new_id = doc.append_element(parent, &name.local, attrs);
                    stack.extend(nodes[id].children.iter().rev().map(|&c| (c, new_id)));
                }
                SinkData::Text(text) => {
                    doc.append_text(parent, &text);
                }
                SinkData::Document | SinkData::Ignored => {}
            }
        }
        doc
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Document;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Document {
        self.into_document()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle(Rc::new((0, None)))
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        target.0 .1.as_ref().unwrap_or(&self.no_name)
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        _flags: ElementFlags,
    ) -> Handle {
        let attrs = attrs
            .into_iter()
            .map(|a| {
                (
                    a.name.local.to_ascii_lowercase().to_string(),
                    a.value.to_string(),
                )
            })
            .collect();
        self.new_node(SinkData::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.new_node(SinkData::Ignored)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.new_node(SinkData::Ignored)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let index = self.nodes.borrow()[parent.id()].children.len();
        self.insert(parent.id(), index, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if self.nodes.borrow()[element.id()].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
    }

    fn get_template_contents(&self, _target: &Handle) -> Handle {
        // Template contents are inert; a detached node keeps them out of the document.
        self.new_node(SinkData::Ignored)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id() == y.id()
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let sibling = sibling.id();
        let position = {
            let nodes = self.nodes.borrow();
            nodes[sibling].parent.and_then(|p| {
                nodes[p]
                    .children
                    .iter()
                    .position(|&c| c == sibling)
                    .map(|i| (p, i))
            })
        };
        if let Some((parent, index)) = position {
            if let NodeOrText::AppendNode(handle) = &new_node {
                // Detaching first may shift the sibling's index.
                let mut nodes = self.nodes.borrow_mut();
                Self::detach(&mut nodes, handle.id());
                let index = nodes[parent]
                    .children
                    .iter()
                    .position(|&c| c == sibling)
                    .unwrap_or(index);
                drop(nodes);
                self.insert(parent, index, new_node);
            } else {
                self.insert(parent, index, new_node);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let SinkData::Element {
            attrs: existing, ..
        } = &mut nodes[target.id()].data
        {
            for a in attrs {
                let name = a.name.local.to_ascii_lowercase().to_string();
                if !existing.iter().any(|(k, _)| *k == name) {
                    existing.push((name, a.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        Self::detach(&mut self.nodes.borrow_mut(), target.id());
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[node.id()].children);
        for &c in &children {
            nodes[c].parent = Some(new_parent.id());
        }
        nodes[new_parent.id()].children.extend(children);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_elements_and_text_in_document_order() {
        let doc = parse("<p class=A>Hello <b>big</b> world<!-- note --></p><table><tr><td>x</td></tr>stray</table>");
        let tags: Vec<&str> = (0..doc.nodes.len()).filter_map(|i| doc.tag(i)).collect();
        assert_eq!(
            tags,
            ["html", "head", "body", "p", "b", "table", "tbody", "tr", "td"]
        );
        let texts: Vec<&str> = (0..doc.nodes.len()).filter_map(|i| doc.text(i)).collect();
        // Foster parenting moves "stray" before the table.
        assert_eq!(texts, ["Hello ", "big", " world", "stray", "x"]);
        let p = (0..doc.nodes.len())
            .find(|&i| doc.tag(i) == Some("p"))
            .unwrap();
        assert_eq!(doc.attr(p, "class"), Some("A"));
    }

    #[test]
    fn decodes_meta_charset_and_bom() {
        let latin1 = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        assert!(decode(latin1).contains("caf\u{e9}"));
        let bom = b"\xef\xbb\xbf<p>ok</p>";
        assert_eq!(decode(bom), "<p>ok</p>");
        assert_eq!(decode(b"\xff\xfeh\x00i\x00"), "hi");
        assert_eq!(decode(b"caf\xc3\xa9 \xc3"), "caf\u{e9} \u{fffd}");
    }

    #[test]
    fn finds_a_late_meta_charset_and_guesses_legacy_bytes() {
        // A long comment pushes the meta past the standard's 1024-byte prescan.
        let mut late = b"<!--".to_vec();
        late.extend(std::iter::repeat(b'x').take(2000));
        late.extend(b"--><script charset=\"utf-8\" src=\"/a.js\"></script><meta charset=\"gb2312\"><p>\xd6\xd0\xce\xc4</p>");
        assert!(decode(&late).contains("\u{4e2d}\u{6587}"));
        // No charset, and the bytes are Windows-1252 rather than broken UTF-8.
        assert!(decode(b"<p>M\xfcnchen, Stra\xdfe</p>").contains("M\u{fc}nchen, Stra\u{df}e"));
        // UTF-8 with one stray byte stays UTF-8.
        let mut mostly = "<p>München \u{2013} Straße</p>".as_bytes().to_vec();
        mostly.push(0xff);
        assert_eq!(decode(&mostly).chars().filter(|&c| c == '\u{fffd}').count(), 1);
    }
}
