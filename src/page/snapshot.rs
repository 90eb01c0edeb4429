//! The page snapshot the extension's content script sends (extension/content/snapshot.js):
//! a flat list of nodes in document order, each naming its parent by index, so
//! neither side recurses on deep pages. Turned here into a `dom::Document`.

use crate::page::dom::{Document, NodeId};
use serde::Deserialize;

/// Attributes the content script keeps; extraction looks at nothing else.
/// `data-caveat-hidden` marks elements the browser does not render (display:none,
/// visibility:hidden); their content is left out of the snapshot.
pub const KEPT_ATTRIBUTES: [&str; 22] = [
    "id",
    "class",
    "role",
    "itemprop",
    "itemtype",
    "href",
    "hidden",
    "aria-hidden",
    "lang",
    "dir",
    "name",
    "property",
    "content",
    "type",
    "datetime",
    "rel",
    "summary",
    "datatable",
    "http-equiv",
    "pubdate",
    "xml:lang",
    "data-caveat-hidden",
];

/// Elements whose content is never article text (a JSON-LD `<script>` is the one script
/// kept whole). Both the snapshot and the live walk keep them as empty elements:
/// extraction's structural checks count them as the native parser does.
pub const SKIPPED_TAGS: [&str; 12] =
    ["style", "noscript", "svg", "iframe", "template", "canvas", "video", "audio", "object", "embed", "select", "textarea"];

#[derive(Debug, Clone, Deserialize)]
pub struct Snapshot {
    #[serde(default)]
    pub url: String,
    pub nodes: Vec<SnapshotNode>,
}

/// An element (`tag`, `attrs`) or a text node (`text`, `id`: the content script's index).
#[derive(Debug, Clone, Deserialize)]
pub struct SnapshotNode {
    /// Index of an earlier element in `nodes`; None for a child of the document.
    #[serde(default)]
    pub parent: Option<usize>,
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub attrs: Vec<(String, String)>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub id: Option<usize>,
}

/// The document, and for each of its nodes the content script's text-node index.
#[derive(Debug)]
pub struct SnapshotDocument {
    pub document: Document,
    pub text_ids: Vec<Option<usize>>,
}

impl SnapshotDocument {
    pub fn page_node(&self, node: NodeId) -> Option<usize> {
        self.text_ids.get(node).copied().flatten()
    }
}

impl Snapshot {
    pub fn from_json(json: &str) -> Result<Snapshot, String> {
        serde_json::from_str(json).map_err(|e| format!("bad page snapshot: {e}"))
    }

    pub fn into_document(self) -> Result<SnapshotDocument, String> {
        let mut document = Document::new();
        let mut text_ids = vec![None];
        // Snapshot index -> document node, for elements only.
        let mut elements: Vec<Option<NodeId>> = Vec::with_capacity(self.nodes.len());
        for (index, node) in self.nodes.into_iter().enumerate() {
            let parent = match node.parent {
                None => Document::ROOT,
                Some(p) => elements
                    .get(p)
                    .copied()
                    .flatten()
                    .ok_or_else(|| format!("bad page snapshot: node {index} names parent {p}, not an earlier element"))?,
            };
            match (node.tag, node.text) {
                (Some(tag), None) => {
                    let attrs = node.attrs.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect();
                    elements.push(Some(document.append_element(parent, &tag, attrs)));
                    text_ids.push(None);
                }
                (None, Some(text)) => {
                    document.append_text(parent, &text);
                    elements.push(None);
                    text_ids.push(node.id);
                }
                _ => return Err(format!("bad page snapshot: node {index} needs either a tag or a text")),
            }
        }
        Ok(SnapshotDocument { document, text_ids })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_tree_and_keeps_text_ids() {
        let json = r#"{"url":"https://example.org/a","nodes":[
            {"tag":"html","attrs":[["lang","en"]]},
            {"parent":0,"tag":"body"},
            {"parent":1,"tag":"P","attrs":[["CLASS","lead"]]},
            {"parent":2,"text":"It may rain.","id":0},
            {"parent":1,"text":"tail","id":1}
        ]}"#;
        let snap = Snapshot::from_json(json).unwrap().into_document().unwrap();
        let doc = &snap.document;
        assert_eq!(doc.node(Document::ROOT).children, vec![1]);
        assert_eq!(doc.tag(3), Some("p"));
        assert_eq!(doc.attr(3, "class"), Some("lead"));
        assert_eq!(doc.text(4), Some("It may rain."));
        assert_eq!(doc.node(4).parent, Some(3));
        assert_eq!(snap.page_node(4), Some(0));
        assert_eq!(snap.page_node(5), Some(1));
        assert_eq!(snap.page_node(3), None);
    }

    #[test]
    fn bad_snapshots_are_errors_not_panics() {
        for json in [
            r#"{"nodes":[{"parent":3,"tag":"p"}]}"#,
            r#"{"nodes":[{"tag":"p"},{"parent":0,"text":"x"},{"parent":1,"text":"y"}]}"#,
            r#"{"nodes":[{}]}"#,
            r#"{"nodes":[{"tag":"p","text":"both"}]}"#,
        ] {
            let result = Snapshot::from_json(json).and_then(Snapshot::into_document);
            assert!(result.unwrap_err().starts_with("bad page snapshot"), "{json}");
        }
        assert!(Snapshot::from_json("[1,2").unwrap_err().starts_with("bad page snapshot"));
    }

    #[test]
    fn deep_pages_do_not_recurse() {
        let mut nodes = vec![r#"{"tag":"div"}"#.to_string()];
        for i in 0..5000 {
            nodes.push(format!(r#"{{"parent":{i},"tag":"div"}}"#));
        }
        let json = format!(r#"{{"nodes":[{}]}}"#, nodes.join(","));
        let snap = Snapshot::from_json(&json).unwrap().into_document().unwrap();
        assert_eq!(snap.document.nodes.len(), 5002);
    }
}
