#![no_main]
//! Parsing and extracting arbitrary bytes as HTML, then analysing the article: no panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = caveat::html::parse(&html);
    let article = caveat::extract::extract(&doc);
    let _ = caveat::extract::is_readerable(&doc);
    let analysis = caveat::analyze::analyze_article(&article, &caveat::analyze::Options::default());
    let len = article.text().chars().count();
    assert!(analysis.findings.iter().all(|f| f.span.end <= len));
});
