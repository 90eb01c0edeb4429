//! An extracted article: ordered blocks of text with their links, and for each block
//! a map back to the document's text nodes so highlights land on the page's own text.

use crate::page::dom::NodeId;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Blocks are joined by this in `Article::text()` and `Article::body_text()`; analysis
/// offsets on an article refer to `text()`.
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// What a block is in the article. The one list of roles: `caveat extract --json`, the
/// snapshot and live-DOM paths all give these names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The headline (also `metadata.title`).
    Title,
    /// The summary under the headline (dek, standfirst, lede box).
    Standfirst,
    Heading,
    Paragraph,
    ListItem,
    Quote,
    /// A figure's caption.
    Caption,
    /// A photo or media credit ("Photo: Reuters").
    Credit,
    /// The author line ("By Ann Lee", "Ann Lee is a reporter…", "Follow her on …").
    Byline,
    /// A date, time, place-and-date line or "Updated …" stamp.
    Dateline,
    /// A pointer to other stories ("Read more: …"), tags, subscribe/follow/share lines.
    Related,
    /// A cell of a data table.
    Table,
    /// Anything else kept as text (preformatted code, for one).
    Other,
}

impl Role {
    /// Prose the analyser reads and the answer may paint: the headline, the standfirst
    /// and the body's headings, paragraphs, list items and quotes.
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            Role::Title | Role::Standfirst | Role::Heading | Role::Paragraph | Role::ListItem | Role::Quote
        )
    }

    /// The body text `caveat extract` prints: no headline (metadata), captions, credits,
    /// bylines, datelines or pointers to other stories.
    pub fn is_body(self) -> bool {
        matches!(
            self,
            Role::Standfirst
                | Role::Heading
                | Role::Paragraph
                | Role::ListItem
                | Role::Quote
                | Role::Table
                | Role::Other
        )
    }
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
    pub role: Role,
    pub text: String,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing)]
    pub runs: Vec<TextRun>,
}

impl Block {
    /// Characters of the text inside links.
    pub fn link_chars(&self) -> usize {
        self.links.iter().map(|l| l.span.len()).sum()
    }
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
    /// Every block, whatever its role, joined by a blank line: what analysis offsets
    /// and `block_offsets` refer to.
    pub fn text(&self) -> String {
        self.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(BLOCK_SEPARATOR)
    }

    /// The article's body as `caveat extract` prints it: the blocks whose role
    /// `is_body`, joined by a blank line (no headline, captions, credits, bylines,
    /// datelines or related links).
    pub fn body_text(&self) -> String {
        self.blocks
            .iter()
            .filter(|b| b.role.is_body())
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(BLOCK_SEPARATOR)
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
