//! The class/id/role hints and tag sets the extractor scores with. Readability
//! writes these as regular expressions; they are plain substring lists here, matched
//! against the lower-cased "class id" string, which is what those expressions do.

use crate::page::dom::{Document, NodeId};

/// Names that mark page furniture: removed before scoring unless a `MAYBE` name is also present.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "newsletter",
    "cookie",
    "consent",
    "taboola",
    "outbrain",
    "recommend",
    "trending",
    "most-read",
    "mostread",
];
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "newsletter",
    "cookie",
];
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
/// Class/id words of small widgets inside an article body (a whole word of the name).
const WIDGET: &[&str] = &[
    "share",
    "sharedaddy",
    "sharing",
    "social",
    "promo",
    "newsletter",
    "signup",
    "subscribe",
    "related",
    "print",
];
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Elements whose presence inside a `<div>` keeps it from being read as a paragraph.
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul"
    )
}
/// Elements never read: code, media, form controls, document metadata.
pub fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "button"
            | "select"
            | "option"
            | "input"
            | "textarea"
            | "video"
            | "audio"
            | "map"
            | "frameset"
            | "frame"
            | "dialog"
    )
}
pub fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// "class id" of an element, lower-cased, as the hint lists are matched against.
pub fn match_string(doc: &Document, id: NodeId) -> String {
    match (doc.attr(id, "class"), doc.attr(id, "id")) {
        (None, None) => String::new(),
        (class, ident) => {
            format!("{} {}", class.unwrap_or(""), ident.unwrap_or("")).to_ascii_lowercase()
        }
    }
}

pub fn is_unlikely(doc: &Document, id: NodeId, match_string: &str) -> bool {
    if let Some(role) = doc.attr(id, "role") {
        if UNLIKELY_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    (contains_any(match_string, UNLIKELY) || is_ad(match_string))
        && !contains_any(match_string, MAYBE)
}

/// Advert slots: a class or id that is "ad"/"ads" or starts "ad-", "ads-", "advert".
fn is_ad(match_string: &str) -> bool {
    match_string.split_whitespace().any(|t| {
        t == "ad"
            || t == "ads"
            || t.starts_with("ad-")
            || t.starts_with("ads-")
            || t.starts_with("ad_")
            || t.starts_with("advert")
    })
}

fn weight_of(s: &str) -> f64 {
    let mut w = 0.0;
    if contains_any(s, NEGATIVE) || s.split_whitespace().any(|t| t == "hid") {
        w -= 25.0;
    }
    if contains_any(s, POSITIVE) {
        w += 25.0;
    }
    w
}

/// Readability's class weight: ±25 for the class and again for the id. schema.org
/// `articleBody` counts as a positive hint too.
pub fn class_weight(doc: &Document, id: NodeId) -> f64 {
    let mut w = 0.0;
    if let Some(class) = doc.attr(id, "class").filter(|c| !c.is_empty()) {
        w += weight_of(&class.to_ascii_lowercase());
    }
    if let Some(ident) = doc.attr(id, "id").filter(|c| !c.is_empty()) {
        w += weight_of(&ident.to_ascii_lowercase());
    }
    if doc
        .attr(id, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w += 25.0;
    }
    w
}

pub fn is_byline_hint(doc: &Document, id: NodeId, match_string: &str) -> bool {
    doc.attr(id, "rel") == Some("author")
        || doc
            .attr(id, "itemprop")
            .is_some_and(|p| p.contains("author"))
        || contains_any(match_string, BYLINE)
}

pub fn is_widget(match_string: &str) -> bool {
    match_string
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| WIDGET.contains(&t))
}

/// Hidden by attribute or inline style, or computed as not rendered by the browser snapshot.
pub fn is_hidden(doc: &Document, id: NodeId) -> bool {
    if doc.attr(id, "hidden").is_some() || doc.attr(id, "data-caveat-hidden") == Some("1") {
        return true;
    }
    if doc.attr(id, "aria-hidden") == Some("true")
        && !doc
            .attr(id, "class")
            .is_some_and(|c| c.contains("fallback-image"))
    {
        return true;
    }
    doc.attr(id, "style").is_some_and(|style| {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whole blocks that are page chrome in any article: advert labels (Readability's
/// multilingual list and more), loading notices and share prompts.
const BOILERPLATE_LINES: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "pub",
    "publicité",
    "werbung",
    "anzeige",
    "广告",
    "реклама",
    "anuncio",
    "publicidad",
    "正在加载",
    "загрузка",
    "chargement",
    "cargando",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "article continues below",
    "continue reading below",
    "scroll to continue with content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "copy link",
    "link copied",
    "print",
    "email",
    "read more",
    "show more",
    "load more",
    "loading",
];

pub fn is_boilerplate_text(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    BOILERPLATE_LINES.contains(&t.as_str())
}
