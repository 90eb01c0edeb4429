#![no_main]
//! Parsing and extracting arbitrary bytes as HTML, then analysing the article: no panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = caveat::page::html::parse(&html);
    let article = caveat::page::extract::extract(&doc);
    let _ = caveat::page::extract::is_readerable(&doc);
    let analysis = caveat::answer::analyze::analyze_article(&article, &caveat::answer::analyze::Options::default());
    let len = article.text().chars().count();
    assert!(analysis.findings.iter().all(|f| f.span.end <= len));
});
