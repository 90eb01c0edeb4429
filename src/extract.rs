//! Finds the article in a document. Placeholder until the extraction issue lands:
//! every <p> and <h1>-<h6> outside nav/aside/footer, in document order.

use crate::article::{Article, Block, BlockKind, TextRun};
use crate::dom::{Document, NodeData, NodeId};

pub fn extract(doc: &Document) -> Article {
    let mut article = Article::default();
    collect(doc, Document::ROOT, &mut article);
    article
}

pub fn is_readerable(doc: &Document) -> bool {
    let article = extract(doc);
    article.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph && b.text.chars().count() > 80).count() >= 2
}

fn collect(doc: &Document, id: NodeId, article: &mut Article) {
    let kind = match doc.tag(id) {
        Some("nav" | "aside" | "footer" | "script" | "style" | "noscript") => return,
        Some("p") => Some(BlockKind::Paragraph),
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => Some(BlockKind::Heading),
        Some("li") => Some(BlockKind::ListItem),
        _ => None,
    };
    match kind {
        Some(kind) => {
            let mut block = Block { kind, text: String::new(), links: Vec::new(), runs: Vec::new() };
            gather_text(doc, id, &mut block);
            if !block.text.trim().is_empty() {
                article.blocks.push(block);
            }
        }
        None => {
            for &child in &doc.node(id).children {
                collect(doc, child, article);
            }
        }
    }
}

fn gather_text(doc: &Document, id: NodeId, block: &mut Block) {
    for &child in &doc.node(id).children {
        match &doc.node(child).data {
            NodeData::Text(t) => {
                let start = block.text.chars().count();
                block.text.push_str(t);
                block.runs.push(TextRun { start, len: t.chars().count(), node: child, node_start: 0 });
            }
            NodeData::Element { .. } => gather_text(doc, child, block),
            NodeData::Document => {}
        }
    }
}
