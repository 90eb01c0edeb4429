//! Native HTML parsing into `dom::Document` (for the CLI and tests).
//! Placeholder until the extraction issue lands: keeps the text between tags in one <body>.

use crate::dom::Document;

pub fn parse(html: &str) -> Document {
    let mut doc = Document::new();
    let body = doc.append_element(Document::ROOT, "body", Vec::new());
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let p = doc.append_element(body, "p", Vec::new());
    doc.append_text(p, &text);
    doc
}
