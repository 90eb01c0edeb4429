//! Title, byline, date, site name, language and excerpt, from JSON-LD first, then
//! Open Graph / Twitter / Dublin Core `<meta>` tags, then the document itself.

use super::normalized_text;
use crate::page::article::Metadata;
use crate::page::dom::{Document, NodeId};
use serde_json::Value;

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
    "WebPage",
];

pub fn read(doc: &Document) -> Metadata {
    let metas = meta_values(doc);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(name, v)| name == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let ld = json_ld(doc).unwrap_or_default();

    let title = ld
        .title
        .or_else(|| {
            meta(&[
                "og:title",
                "dc:title",
                "dcterm:title",
                "twitter:title",
                "parsely-title",
                "weibo:article:title",
                "title",
            ])
        })
        .or_else(|| document_title(doc));
    let byline = ld
        .byline
        .or_else(|| {
            meta(&[
                "author",
                "dc:creator",
                "dcterm:creator",
                "article:author",
                "parsely-author",
                "byl",
            ])
        })
        .filter(|b| !b.starts_with("http"));
    let published = ld
        .published
        .or_else(|| {
            meta(&[
                "article:published_time",
                "parsely-pub-date",
                "datepublished",
                "dc:date",
                "dcterm:date",
                "date",
                "pubdate",
            ])
        })
        .or_else(|| published_time(doc));
    let site_name = ld
        .site_name
        .or_else(|| meta(&["og:site_name", "application-name"]));
    let excerpt = ld.excerpt.or_else(|| {
        meta(&[
            "og:description",
            "dc:description",
            "dcterm:description",
            "description",
            "twitter:description",
        ])
    });
    let lang = doc
        .find_tag(Document::ROOT, "html")
        .and_then(|h| doc.attr(h, "lang").or_else(|| doc.attr(h, "xml:lang")))
        .or_else(|| {
            metas
                .iter()
                .find(|(k, _)| k == "content-language" || k == "og:locale")
                .map(|(_, v)| v.as_str())
        })
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| !l.is_empty());
    let clean = |s: Option<String>| s.map(|s| normalize(&s)).filter(|s| !s.is_empty());
    Metadata {
        title: clean(title),
        byline: clean(byline),
        published: clean(published),
        site_name: clean(site_name),
        lang,
        excerpt: clean(excerpt),
    }
}

fn normalize(s: &str) -> String {
    crate::page::dom::normalize_whitespace(&unescape_basic(s))
}

/// JSON-LD strings sometimes carry HTML entities; the common ones are decoded.
fn unescape_basic(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// `<time datetime>` marked as the publication date, else the first one in the page.
fn published_time(doc: &Document) -> Option<String> {
    let times: Vec<NodeId> = doc
        .descendants(Document::ROOT)
        .filter(|&n| doc.tag(n) == Some("time") && doc.attr(n, "datetime").is_some())
        .collect();
    let marked = times.iter().copied().find(|&t| {
        doc.attr(t, "pubdate").is_some()
            || doc
                .attr(t, "itemprop")
                .is_some_and(|p| p.contains("datePublished"))
            || doc
                .attr(t, "class")
                .is_some_and(|c| c.to_ascii_lowercase().contains("publish"))
    });
    marked
        .or(times.first().copied())
        .and_then(|t| doc.attr(t, "datetime"))
        .map(str::to_string)
}

/// (name, content) of every `<meta>`, names lower-cased; `property` may list several names.
fn meta_values(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for n in doc.descendants(Document::ROOT) {
        if doc.tag(n) != Some("meta") {
            continue;
        }
        let Some(content) = doc.attr(n, "content") else {
            continue;
        };
        let names = [
            doc.attr(n, "property"),
            doc.attr(n, "name"),
            doc.attr(n, "itemprop"),
            doc.attr(n, "http-equiv"),
        ];
        for name in names.into_iter().flatten() {
            for part in name.split_whitespace() {
                let part = part.to_ascii_lowercase().replace('.', ":");
                let part = part
                    .strip_prefix("dc:")
                    .map(|p| format!("dc:{p}"))
                    .unwrap_or(part);
                out.push((part, content.trim().to_string()));
            }
        }
    }
    out
}

/// Enough words (or, in scripts without spaces, characters) to be a headline, not a site name.
fn looks_like_headline(s: &str) -> bool {
    s.split_whitespace().count() >= 3 || super::reading_length(s) >= 20
}

/// `<title>`, cut at a site-name separator when the rest is long enough to be a headline.
fn document_title(doc: &Document) -> Option<String> {
    let t = doc.find_tag(Document::ROOT, "title")?;
    let full = crate::page::dom::normalize_whitespace(&doc.text_content(t));
    if full.is_empty() {
        return None;
    }
    for sep in [
        " | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » ", " :: ",
    ] {
        if let Some(i) = full.rfind(sep) {
            let head = full[..i].trim();
            if looks_like_headline(head) {
                return Some(head.to_string());
            }
            let tail = full[i + sep.len()..].trim();
            if tail.split_whitespace().count() >= 4 {
                return Some(tail.to_string());
            }
        }
    }
    Some(full)
}

#[derive(Default)]
struct LdFields {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
    excerpt: Option<String>,
}

fn json_ld(doc: &Document) -> Option<LdFields> {
    for n in doc.descendants(Document::ROOT) {
        if doc.tag(n) != Some("script")
            || !doc.attr(n, "type").is_some_and(|t| t.contains("ld+json"))
        {
            continue;
        }
        let raw = doc.text_content(n);
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        if let Some(article) = find_article(&value, 0) {
            return Some(ld_fields(article));
        }
    }
    None
}

fn is_article_type(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

/// The first article object in a JSON-LD value (top level, array, or `@graph`), depth-bounded.
fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => {
            // Prefer a real article type over a WebPage wrapper.
            items
                .iter()
                .filter_map(|i| find_article(i, depth + 1))
                .max_by_key(|a| a.get("@type") != Some(&Value::String("WebPage".into())))
        }
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                if let Some(a) = find_article(graph, depth + 1) {
                    return Some(a);
                }
            }
            is_article_type(v).then_some(v)
        }
        _ => None,
    }
}

fn string_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("name").and_then(|n| n.as_str()).map(str::to_string),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(|i| string_of(Some(i))).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn ld_fields(v: &Value) -> LdFields {
    let name = string_of(v.get("name"));
    let headline = string_of(v.get("headline"));
    LdFields {
        title: headline.or(name),
        byline: string_of(v.get("author")),
        published: string_of(v.get("datePublished")),
        site_name: string_of(v.get("publisher")),
        excerpt: string_of(v.get("description")),
    }
}

/// Readability's text similarity: the share of `b`'s distinct words also found in `a`.
pub fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let len = |ts: &[&String]| {
        ts.iter().map(|t| t.chars().count()).sum::<usize>() + ts.len().saturating_sub(1)
    };
    let all_b: Vec<&String> = tb.iter().collect();
    1.0 - len(&unique_b) as f64 / len(&all_b) as f64
}

/// Is `id` a heading repeating the title?
pub fn repeats_title(doc: &Document, id: NodeId, title: &str) -> bool {
    let text = normalized_text(doc, id, 1000);
    !text.is_empty() && similarity(title, &text) > 0.75 && similarity(&text, title) > 0.5
}
