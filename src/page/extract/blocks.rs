//! Turning the chosen subtrees into ordered text blocks. Whitespace is collapsed; every
//! character copied from a text node is recorded in a `TextRun` so highlights can be
//! placed on the page's own text.

use super::patterns::{is_heading, match_string, named_role, same_kind};
use crate::page::article::{Block, Link, Role, TextRun};
use crate::page::dom::{Document, NodeData, NodeId};
use crate::span::Span;

/// Tags that do not break the flow of text.
fn is_inline(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "wbr"
            | "del"
            | "ins"
            | "font"
            | "label"
            | "img"
            | "nobr"
            | "tt"
            | "big"
            | "strike"
            | "acronym"
            | "ruby"
            | "rt"
            | "rp"
    )
}

/// What a block element makes of the text directly inside it, given the enclosing role
/// and the role marked on the element itself (`marked`, from its names or structure).
fn role_for(tag: &str, outer: Role, marked: Option<Role>) -> Role {
    if let Some(role) = marked {
        return role;
    }
    match outer {
        // Furniture kept in the tree keeps its role all the way down.
        Role::Title
        | Role::Standfirst
        | Role::Caption
        | Role::Credit
        | Role::Byline
        | Role::Dateline
        | Role::Related => return outer,
        _ => {}
    }
    match tag {
        t if is_heading(t) => Role::Heading,
        "li" => Role::ListItem,
        "blockquote" => Role::Quote,
        "pre" => Role::Other,
        "td" | "th" | "table" => Role::Table,
        "figcaption" => Role::Caption,
        _ if matches!(outer, Role::Quote | Role::ListItem | Role::Heading | Role::Other) => outer,
        _ => Role::Paragraph,
    }
}

struct Builder {
    blocks: Vec<Block>,
    text: String,
    len: usize,
    runs: Vec<TextRun>,
    links: Vec<Link>,
    /// A space is due before the next visible char; `Some(Some(..))` when it is a
    /// single source space that can be mapped back.
    pending_space: Option<Option<(NodeId, usize)>>,
    /// Inside a link: its href, and where its text starts in this block once it has any.
    link: Option<(String, Option<usize>)>,
    last_was_br: bool,
}

impl Builder {
    fn new() -> Self {
        Builder {
            blocks: Vec::new(),
            text: String::new(),
            len: 0,
            runs: Vec::new(),
            links: Vec::new(),
            pending_space: None,
            link: None,
            last_was_br: false,
        }
    }

    fn push_char(&mut self, c: char, source: Option<(NodeId, usize)>) {
        if let Some((node, at)) = source {
            match self.runs.last_mut() {
                Some(r)
                    if r.node == node
                        && r.node_start + r.len == at
                        && r.start + r.len == self.len =>
                {
                    r.len += 1
                }
                _ => self.runs.push(TextRun {
                    start: self.len,
                    len: 1,
                    node,
                    node_start: at,
                }),
            }
        }
        self.text.push(c);
        self.len += 1;
    }

    fn text_node(&mut self, node: NodeId, text: &str) {
        for (at, c) in text.chars().enumerate() {
            // Soft hyphens and zero-width characters are invisible: a reader sees (and
            // searches for) the word without them. Skipping one splits the run.
            if matches!(c, '\u{AD}' | '\u{200B}' | '\u{FEFF}') {
                continue;
            }
            if c.is_whitespace() {
                if self.len > 0 {
                    self.pending_space = match self.pending_space {
                        None if c == ' ' => Some(Some((node, at))),
                        _ => Some(None),
                    };
                }
                continue;
            }
            if let Some(space) = self.pending_space.take() {
                self.push_char(' ', space);
            }
            if let Some((_, start @ None)) = &mut self.link {
                *start = Some(self.len);
            }
            self.push_char(c, Some((node, at)));
            self.last_was_br = false;
        }
    }

    fn soft_break(&mut self) {
        if self.len > 0 && self.pending_space.is_none() {
            self.pending_space = Some(None);
        }
    }

    fn close_link(&mut self) {
        if let Some((href, Some(start))) = &self.link {
            if *start < self.len {
                self.links.push(Link {
                    href: href.clone(),
                    span: Span {
                        start: *start,
                        end: self.len,
                    },
                });
            }
        }
    }

    fn flush(&mut self, kind: Role) {
        // A link that spans blocks is split at the block boundary.
        self.close_link();
        if let Some((_, start)) = &mut self.link {
            *start = None;
        }
        self.pending_space = None;
        self.last_was_br = false;
        if self.len > 0 {
            self.blocks.push(Block {
                role: kind,
                text: std::mem::take(&mut self.text),
                links: std::mem::take(&mut self.links),
                runs: std::mem::take(&mut self.runs),
            });
        }
        self.len = 0;
    }
}

enum Step {
    Enter(NodeId, Role),
    /// Leaving an element: flush if it was a block, close the link if it was one.
    Exit {
        block: Option<Role>,
        link: bool,
    },
}

/// Blocks for `roots`, skipping removed subtrees. `marked` gives some elements their
/// role (a caption, a byline); an inline element with a role is a block of its own.
pub fn build(doc: &Document, roots: &[NodeId], removed: &[bool], marked: &[Option<Role>]) -> Vec<Block> {
    let mut b = Builder::new();
    for &root in roots {
        let mut stack = vec![Step::Enter(root, Role::Paragraph)];
        let mut current_kind = Role::Paragraph;
        while let Some(step) = stack.pop() {
            match step {
                Step::Exit { block, link } => {
                    if link {
                        b.close_link();
                        b.link = None;
                    }
                    if let Some(kind) = block {
                        b.flush(current_kind);
                        current_kind = kind;
                    }
                }
                Step::Enter(id, outer) => {
                    if removed[id] {
                        continue;
                    }
                    match &doc.node(id).data {
                        NodeData::Text(t) => b.text_node(id, t),
                        NodeData::Document => {}
                        NodeData::Element { tag, .. } => {
                            let tag = tag.as_str();
                            if super::patterns::is_skipped(tag) {
                                continue;
                            }
                            if tag == "br" {
                                if b.last_was_br {
                                    b.flush(current_kind);
                                } else {
                                    b.soft_break();
                                    b.last_was_br = true;
                                }
                                continue;
                            }
                            let inline = is_inline(tag) && marked[id].is_none();
                            let mut block = None;
                            let mut inner_kind = outer;
                            if !inline {
                                b.flush(current_kind);
                                inner_kind = role_for(tag, outer, marked[id]);
                                block = Some(current_kind);
                                current_kind = inner_kind;
                            }
                            // Links do not nest in parsed HTML, but snapshot and live DOMs can: the outer link keeps its span.
                            let href = doc
                                .attr(id, "href")
                                .filter(|_| tag == "a" && b.link.is_none());
                            let link = href.is_some();
                            if let Some(href) = href {
                                b.link = Some((href.to_string(), None));
                            }
                            stack.push(Step::Exit { block, link });
                            for &c in doc.children(id).iter().rev() {
                                stack.push(Step::Enter(c, inner_kind));
                            }
                        }
                    }
                }
            }
        }
        b.flush(current_kind);
    }
    b.blocks
}

/// Roles for the elements under `roots` that say what they are by their tag or names (a
/// figure is a caption, `class="byline"` a byline), on top of `marked`. An element longer
/// than its role allows keeps none: a container named "author" holding the article is no
/// byline.
pub fn mark_roles(doc: &Document, roots: &[NodeId], removed: &[bool], marked: &[Option<Role>]) -> Vec<Option<Role>> {
    let mut roles = marked.to_vec();
    // A paragraph of prose has been passed: the article has begun.
    let mut past_prose = false;
    for &root in roots {
        // Each element with its neighbouring element siblings (kept ones), for the rules that
        // look at what stands beside it, in constant time per element.
        let mut stack = vec![Visit::new(root)];
        while let Some(Visit { id, prev, next, run }) = stack.pop() {
            if removed[id] || !doc.is_element(id) {
                continue;
            }
            // The article itself is no caption or tag list, whatever its names say.
            let whole = matches!(doc.tag(id), Some("article" | "main")) || (roots.len() == 1 && id == root);
            if roles[id].is_none() {
                let picture_caption = || (!whole && is_picture_caption(doc, id, prev, next)).then_some(Role::Caption);
                // An element longer than its role allows keeps none.
                let role = match named_role(doc, id, &match_string(doc, id)).filter(|_| !whole) {
                    Some((_, max)) if super::short_text(doc, id, max).is_none() => None,
                    Some((Role::Standfirst, _)) => standfirst_or_teaser(doc, id, run, past_prose).or_else(picture_caption),
                    Some((role, _)) => Some(role),
                    None => picture_caption(),
                };
                if doc.tag(id) == Some("p") && super::short_text(doc, id, 150).is_none() {
                    past_prose = true;
                }
                if let Some(role) = role {
                    // Its descendants take its role.
                    roles[id] = Some(role);
                    continue;
                }
            } else {
                continue;
            }
            // In document order: `past_prose` depends on it.
            let kept: Vec<NodeId> = doc.element_children(id).filter(|&c| !removed[c]).collect();
            // The length of each run of alike siblings, for every sibling in it.
            let mut runs = vec![1; kept.len()];
            let mut start = 0;
            for i in 1..=kept.len() {
                if i == kept.len() || !alike(doc, kept[i], Some(kept[i - 1])) {
                    runs[start..i].fill(i - start);
                    start = i;
                }
            }
            for (i, &c) in kept.iter().enumerate().rev() {
                let (prev, next) = (i.checked_sub(1).map(|p| kept[p]), kept.get(i + 1).copied());
                stack.push(Visit { id: c, prev, next, run: runs[i] });
            }
        }
    }
    roles
}

/// An element and its neighbouring kept element siblings, as `mark_roles` walks them.
struct Visit {
    id: NodeId,
    prev: Option<NodeId>,
    next: Option<NodeId>,
    /// How many alike siblings (itself included) stand in a row with it.
    run: usize,
}

impl Visit {
    fn new(id: NodeId) -> Visit {
        Visit { id, prev: None, next: None, run: 1 }
    }
}

fn alike(doc: &Document, a: NodeId, b: Option<NodeId>) -> bool {
    b.is_some_and(|b| same_kind(doc, a, b))
}

/// An element named like a standfirst ("summary", "teaser", "intro") is one at the top of the
/// article. One of three or more alike in a row is a teaser of another story; one further down, or one
/// holding a picture, is a box of its own, whose parts keep their own roles.
fn standfirst_or_teaser(doc: &Document, id: NodeId, run: usize, past_prose: bool) -> Option<Role> {
    // Three alike in a row are teasers; paragraphs alike are the article's own (a CMS may
    // mark each as its description).
    if doc.tag(id) != Some("p") && run >= 3 {
        return Some(Role::Related);
    }
    let pictured = doc
        .descendants(id)
        .any(|n| matches!(doc.tag(n), Some("img" | "picture" | "figure")));
    (!past_prose && !pictured).then_some(Role::Standfirst)
}

/// A short line set right under a picture without a caption element: a `div` or `span` whose
/// previous sibling is a picture with no text of its own (an `img`, a `picture`, a `figure`, or a
/// link around one).
fn is_picture_caption(doc: &Document, id: NodeId, prev: Option<NodeId>, next: Option<NodeId>) -> bool {
    if !matches!(doc.tag(id), Some("div" | "span" | "small" | "em")) {
        return false;
    }
    let Some(before) = prev else { return false };
    let picture = matches!(doc.tag(before), Some("img" | "picture" | "figure"))
        || (doc.tag(before) == Some("a")
            && doc.descendants(before).take(16).any(|n| matches!(doc.tag(n), Some("img" | "picture"))));
    // The first of a row of alike blocks is the article's paragraph set in a div, picture or not.
    // (Short first: that bounds the walk below.)
    picture
        && !alike(doc, id, next)
        && super::short_text(doc, before, 0).is_some()
        && super::short_text(doc, id, 300).is_some_and(|t| t.chars().count() >= 3)
        && !doc.descendants(id).any(|n| matches!(doc.tag(n), Some("img" | "picture" | "p" | "h2" | "h3")))
}
