//! An extracted article: ordered blocks of text with their links, and for each block
//! a map back to the document's text nodes so highlights land on the page's own text.

use crate::page::dom::NodeId;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Blocks are joined by this in `Article::text()`, which is what the CLI prints and
/// what analysis offsets refer to.
pub const BLOCK_SEPARATOR: &str = "\n\n";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    Quote,
    Preformatted,
    TableCell,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub href: String,
    /// Char span inside the block's text.
    #[serde(flatten)]
    pub span: Span,
}

/// `len` chars of the block text starting at `start` are, one for one, the chars of
/// text node `node` starting at char `node_start`. Whitespace collapsing splits runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRun {
    pub start: usize,
    pub len: usize,
    pub node: NodeId,
    pub node_start: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing)]
    pub runs: Vec<TextRun>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub excerpt: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub metadata: Metadata,
    pub blocks: Vec<Block>,
}

impl Article {
    /// The article as plain text: blocks joined by a blank line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str(BLOCK_SEPARATOR);
            }
            out.push_str(&block.text);
        }
        out
    }

    /// Char offset of each block's start in `text()`.
    pub fn block_offsets(&self) -> Vec<usize> {
        let sep = BLOCK_SEPARATOR.chars().count();
        let mut at = 0;
        self.blocks
            .iter()
            .map(|b| {
                let start = at;
                at += b.text.chars().count() + sep;
                start
            })
            .collect()
    }
}
