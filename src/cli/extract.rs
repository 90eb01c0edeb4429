//! `caveat extract`: the article found in a page, as text or JSON; and the
//! extraction benchmark over the fixture pages.

use caveat::page::extract::{extract, is_readerable_article};
use caveat::page::html;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

/// Reads a page from a file, or from stdin for `-`.
pub fn read_page(page: &Path) -> Result<Vec<u8>, String> {
    if page == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read the page from stdin: {e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(page).map_err(|e| format!("cannot read {}: {e}", page.display()))
    }
}

/// What `--json` prints: the article and whether the page looked like one.
#[derive(serde::Serialize)]
struct JsonOutput<'a> {
    readerable: bool,
    metadata: &'a caveat::page::article::Metadata,
    blocks: &'a [caveat::page::article::Block],
}

pub fn run(page: &Path, json: bool) -> Result<(), String> {
    let doc = html::parse_bytes(&read_page(page)?);
    let article = extract(&doc);
    let readerable = is_readerable_article(&doc, &article);
    if !readerable {
        eprintln!(
            "caveat: {} does not look like an article; printing what was found anyway",
            page.display()
        );
    }
    let out = if json {
        let value = JsonOutput {
            readerable,
            metadata: &article.metadata,
            blocks: &article.blocks,
        };
        serde_json::to_string_pretty(&value)
            .map_err(|e| format!("cannot encode the article: {e}"))?
    } else {
        article.body_text()
    };
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{out}").and_then(|()| stdout.flush()) {
        // A closed pipe (`caveat extract page | head`) is the reader's choice, not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the article: {e}"))
        }
        _ => Ok(()),
    }
}

/// Times native parsing and extraction of every fixture page in `../shared` and prints
/// the figures, the largest page on its own line.
/// Part of `caveat bench`; skipped with a note when the pages are not there.
pub fn bench() -> Result<(), String> {
    let dir = Path::new("../shared/data/articles/readability");
    if !dir.is_dir() {
        println!("extraction: skipped ({} not found; run from the repository root with ../shared beside it)", dir.display());
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot read {}: {e} (the bench needs ../shared)",
            dir.display()
        )
    })?;
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in entries.flatten() {
        let source = entry.path().join("source.html");
        if let Ok(bytes) = std::fs::read(&source) {
            pages.push((entry.file_name().to_string_lossy().into_owned(), bytes));
        }
    }
    if pages.is_empty() {
        return Err(format!("no pages under {}", dir.display()));
    }
    pages.sort_by_key(|(_, b)| std::cmp::Reverse(b.len()));
    const ROUNDS: u32 = 5;
    let (mut parse_total, mut extract_total, mut bytes_total) = (0.0, 0.0, 0usize);
    let mut largest = None;
    let mut slowest = (String::new(), 0.0);
    for (name, bytes) in &pages {
        let (mut parse_best, mut extract_best) = (f64::MAX, f64::MAX);
        for _ in 0..ROUNDS {
            let t = Instant::now();
            let doc = html::parse_bytes(bytes);
            let parsed = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let article = extract(&doc);
            let extracted = t.elapsed().as_secs_f64();
            std::hint::black_box(article);
            parse_best = parse_best.min(parsed);
            extract_best = extract_best.min(extracted);
        }
        parse_total += parse_best;
        extract_total += extract_best;
        bytes_total += bytes.len();
        largest.get_or_insert((name.clone(), bytes.len(), parse_best, extract_best));
        if parse_best + extract_best > slowest.1 {
            slowest = (name.clone(), parse_best + extract_best);
        }
    }
    let mb = bytes_total as f64 / 1e6;
    println!(
        "extraction: {} pages, {:.1} MB (best of {ROUNDS} runs each)",
        pages.len(),
        mb
    );
    println!(
        "  parse   {:8.1} ms total  {:6.1} MB/s",
        parse_total * 1e3,
        mb / parse_total
    );
    println!(
        "  extract {:8.1} ms total  {:6.1} MB/s",
        extract_total * 1e3,
        mb / extract_total
    );
    if let Some((name, size, p, e)) = largest {
        println!(
            "  largest page {name} ({:.0} KB): parse {:.2} ms, extract {:.2} ms (target < 5 ms)",
            size as f64 / 1e3,
            p * 1e3,
            e * 1e3
        );
    }
    println!(
        "  slowest page {}: parse + extract {:.2} ms",
        slowest.0,
        slowest.1 * 1e3
    );
    Ok(())
}
