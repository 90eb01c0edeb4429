#![no_main]
//! Parsing and extracting arbitrary bytes as HTML (every pass: unlikely and comment removal,
//! feeds, scoring with the dense-candidate fallback, cleaning, roles by names and by text
//! shape), then analysing the article: no panic, findings inside prose blocks of `text()`,
//! the printed body made of whole blocks.
use caveat::article::BLOCK_SEPARATOR;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = caveat::page::html::parse(&html);
    let article = caveat::page::extract::extract(&doc);
    let _ = caveat::page::extract::is_readerable(&doc);
    let analysis = caveat::answer::analyze::analyze_article(&article, &caveat::answer::analyze::Options::default());
    let len = article.text().chars().count();
    let offsets = article.block_offsets();
    for f in &analysis.findings {
        assert!(f.span.start <= f.span.end && f.span.end <= len);
        // The block holding the finding's start is prose.
        let i = offsets.partition_point(|&o| o <= f.span.start).saturating_sub(1);
        assert!(article.blocks[i].role.is_prose(), "finding in a {:?} block", article.blocks[i].role);
    }
    let body: Vec<&str> = article.blocks.iter().filter(|b| b.role.is_body()).map(|b| b.text.as_str()).collect();
    assert_eq!(article.body_text(), body.join(BLOCK_SEPARATOR));
    for b in &article.blocks {
        for run in &b.runs {
            assert!(run.start + run.len <= b.text.chars().count());
            assert!(doc.text(run.node).is_some_and(|t| run.node_start + run.len <= t.chars().count()));
        }
    }
});
