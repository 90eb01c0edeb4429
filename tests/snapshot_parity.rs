//! The browser reads a page through the content script's snapshot
//! (`extension/content/snapshot.js`), which keeps only some attributes and leaves out the
//! content of elements that are never article text. This checks, natively, that such a
//! reduced tree extracts to the same blocks and metadata as the full parse, on this repository's
//! fixture pages and Readability's test pages in `../shared` (skipped when absent): if
//! extraction starts to read an attribute the snapshot drops, or to count an element the
//! snapshot leaves out, this fails before the browser tests do.
//! (Stylesheets are not modelled: inline styles are kept, as the browser applies them.)

use caveat::page::article::Article;
use caveat::page::dom::{Document, NodeData};
use caveat::page::extract::extract;
use caveat::page::html;
use caveat::page::snapshot::{KEPT_ATTRIBUTES, SKIPPED_TAGS};
use std::path::Path;

const SNAPSHOT_JS: &str = include_str!("../extension/content/snapshot.js");

/// The quoted names in `snapshot.js` between `start` and the next `]`.
fn js_list(start: &str) -> Vec<String> {
    let from = SNAPSHOT_JS
        .find(start)
        .unwrap_or_else(|| panic!("snapshot.js has no `{start}`"))
        + start.len();
    let list = &SNAPSHOT_JS[from..from + SNAPSHOT_JS[from..].find(']').expect("list ends")];
    list.split('\'').skip(1).step_by(2).map(str::to_string).collect()
}

#[test]
fn snapshot_js_keeps_the_attributes_the_core_expects() {
    let mut js = js_list("const KEPT_ATTRIBUTES = [");
    js.push("data-caveat-hidden".into());
    js.sort();
    let mut rust: Vec<String> = KEPT_ATTRIBUTES.iter().map(|s| s.to_string()).collect();
    rust.sort();
    assert_eq!(js, rust, "KEPT_ATTRIBUTES in snapshot.js and src/page/snapshot.rs differ");
}

#[test]
fn snapshot_js_skips_the_elements_the_core_skips() {
    let mut js = js_list("const SKIPPED = new Set([");
    js.sort();
    let mut rust: Vec<String> = SKIPPED_TAGS.iter().map(|s| s.to_string()).collect();
    rust.sort();
    assert_eq!(js, rust, "SKIPPED in snapshot.js and SKIPPED_TAGS in src/page/snapshot.rs differ");
}

/// The tree the snapshot gives for `doc`: kept attributes (and the inline style the browser
/// applies), skipped elements present but empty, JSON-LD scripts whole.
fn as_snapshot(doc: &Document) -> Document {
    let mut out = Document::new();
    let mut stack: Vec<(usize, usize)> = doc.node(Document::ROOT).children.iter().rev().map(|&c| (c, Document::ROOT)).collect();
    while let Some((id, parent)) = stack.pop() {
        let copy = match &doc.node(id).data {
            NodeData::Element { tag, attrs } => {
                let kept = attrs
                    .iter()
                    .filter(|(name, _)| name == "style" || KEPT_ATTRIBUTES.contains(&name.as_str()))
                    .cloned()
                    .collect();
                let copy = out.append_element(parent, tag, kept);
                let json_ld = doc.attr(id, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if SKIPPED_TAGS.contains(&tag.as_str()) || (tag == "script" && !json_ld) {
                    continue;
                }
                copy
            }
            NodeData::Text(text) => {
                if !text.is_empty() {
                    out.append_text(parent, text);
                }
                continue;
            }
            NodeData::Document => continue,
        };
        stack.extend(doc.node(id).children.iter().rev().map(|&c| (c, copy)));
    }
    out
}

fn blocks(article: &Article) -> Vec<(String, String)> {
    article.blocks.iter().map(|b| (format!("{:?}", b.role), b.text.clone())).collect()
}

fn pages(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().join("source.html")))
                .filter(|(_, source)| source.exists())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn the_snapshot_tree_extracts_like_the_full_parse() {
    let mut cases = pages(Path::new("tests/fixtures/extract"));
    let shared = pages(Path::new("../shared/data/articles/readability"));
    if shared.is_empty() {
        eprintln!("../shared/data/articles/readability is absent: checking this repository's fixtures only");
    }
    cases.extend(shared);
    assert!(!cases.is_empty(), "no fixture pages found");
    let mut differing = Vec::new();
    for (name, source) in &cases {
        let doc = html::parse_bytes(&std::fs::read(source).expect("readable fixture"));
        let (full_article, reduced_article) = (extract(&doc), extract(&as_snapshot(&doc)));
        if full_article.metadata != reduced_article.metadata {
            differing.push(format!("{name}: metadata {:?} vs {:?} from the snapshot tree", full_article.metadata, reduced_article.metadata));
        }
        let (full, reduced) = (blocks(&full_article), blocks(&reduced_article));
        if full != reduced {
            let at = full.iter().zip(&reduced).take_while(|(a, b)| a == b).count();
            differing.push(format!(
                "{name}: {} blocks vs {} from the snapshot tree; first difference at {at}: {:?} vs {:?}",
                full.len(),
                reduced.len(),
                full.get(at),
                reduced.get(at)
            ));
        }
    }
    assert!(differing.is_empty(), "{} of {} pages differ:\n{}", differing.len(), cases.len(), differing.join("\n"));
}
