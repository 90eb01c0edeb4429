//! `caveat analyze PAGE.html|TEXT.txt|-`: the whole pipeline on a page or a plain text.
//! Human-readable by default (coloured highlights when stdout is a terminal), JSON with
//! `--json` (`--format json`), the reader's Markdown report with `--format markdown`.

use caveat::answer::analyze::{analyze_article, analyze_text, Analysis, Options};
use caveat::answer::report::{self, ReportInput};
use caveat::page::{extract, html};
use caveat::{Article, Kind};
use serde_json::json;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

fn read_page(page: &Path) -> Result<String, String> {
    let bytes = if page == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("reading stdin: {e}"))?;
        buf
    } else {
        std::fs::read(page).map_err(|e| format!("cannot read {}: {e}", page.display()))?
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Plain text keeps its line breaks (headings, paragraphs), which an HTML parser would
/// fold into one paragraph: a `.txt` file, or input with no tag in it, is read as text.
fn is_plain_text(page: &Path, source: &str) -> bool {
    let txt = page.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("text"));
    txt || !source.contains('<')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

pub fn run(page: &Path, format: Format, url: Option<&str>, options: &Options) -> Result<(), String> {
    let source = read_page(page)?;
    let (article, analysis, text) = if is_plain_text(page, &source) {
        (Article::default(), analyze_text(&source, options), source)
    } else {
        let article = extract::extract(&html::parse(&source));
        let analysis = analyze_article(&article, options);
        let text = article.text();
        (article, analysis, text)
    };
    if !analysis.language.analysed {
        eprintln!(
            "caveat: the text is in {} ({}); Caveat's rules read English, so nothing was marked (--any-language analyses it anyway)",
            analysis.language.name, analysis.language.code
        );
    }
    let mut out = std::io::stdout().lock();
    let written = if format == Format::Markdown {
        let markdown = report::markdown(&ReportInput {
            metadata: &article.metadata,
            url,
            text: &text,
            analysis: &analysis,
            sensitivity: options.sensitivity,
            dismissed: &[],
            not_article: false,
        });
        out.write_all(markdown.as_bytes()).map_err(|e| e.to_string())
    } else if format == Format::Json {
        let value = json!({
            "article": article.metadata,
            "text": text,
            "findings": analysis.findings,
            "summary": analysis.summary,
            "language": analysis.language,
        });
        serde_json::to_writer_pretty(&mut out, &value).map_err(|e| e.to_string()).and_then(|_| writeln!(out).map_err(|e| e.to_string()))
    } else {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        out.write_all(render(&article, &text, &analysis, colour).as_bytes()).map_err(|e| e.to_string())
    };
    written.map_err(|e| format!("writing stdout: {e}"))
}

fn style(kind: Kind) -> &'static str {
    match kind {
        Kind::Speculation => "\x1b[30;43m",
        Kind::VagueAttribution => "\x1b[30;45m",
        Kind::Attribution => "\x1b[36m",
        Kind::UnsourcedClaim => "\x1b[4m",
    }
}

fn label(kind: Kind) -> &'static str {
    match kind {
        Kind::Speculation => "speculation",
        Kind::VagueAttribution => "vague source",
        Kind::Attribution => "attribution",
        Kind::UnsourcedClaim => "unsourced claim",
    }
}

/// The article with its findings: highlighted inline when `colour`, then listed.
fn render(article: &Article, text: &str, analysis: &Analysis, colour: bool) -> String {
    let mut s = String::new();
    if let Some(title) = &article.metadata.title {
        s.push_str(&format!("# {title}\n\n"));
    }
    if colour {
        // Sweep the span boundaries; at each, restate the styles of every active finding.
        let mut bounds: Vec<usize> = analysis.findings.iter().flat_map(|f| [f.span.start, f.span.end]).collect();
        bounds.sort_unstable();
        bounds.dedup();
        let mut next = bounds.iter().peekable();
        for (i, c) in text.chars().enumerate() {
            if next.peek().is_some_and(|&&b| b == i) {
                next.next();
                s.push_str("\x1b[0m");
                for f in analysis.findings.iter().filter(|f| f.span.start <= i && i < f.span.end) {
                    s.push_str(style(f.kind));
                }
            }
            s.push(c);
        }
        s.push_str("\x1b[0m\n\n");
    } else {
        s.push_str(text);
        s.push_str("\n\n");
    }
    s.push_str("Findings\n");
    for f in &analysis.findings {
        let cue: String = if f.cue.chars().count() > 90 { f.cue.chars().take(87).chain("...".chars()).collect() } else { f.cue.clone() };
        let (on, off) = if colour { (style(f.kind), "\x1b[0m") } else { ("", "") };
        s.push_str(&format!("  {on}{:<15}{off} {}..{}  “{cue}”\n      {}\n", label(f.kind), f.span.start, f.span.end, f.explanation));
    }
    let summary = &analysis.summary;
    s.push_str(&format!("\nSummary: {} sentences", summary.sentences));
    for (kind, n) in &summary.counts {
        s.push_str(&format!(", {kind} {n}"));
    }
    // The figures as every other place shows them (src/passes/summary.rs).
    for figure in &summary.figures {
        s.push_str(&format!("\n{}", figure.text()));
    }
    s.push_str(&format!("\n{}\n", summary.verdict));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use caveat::page::article::{Block, Role};

    #[test]
    fn plain_output_lists_findings_and_verdict_without_escapes() {
        let article = Article {
            blocks: vec![Block { role: Role::Paragraph, text: "Moscow may be stalling.".into(), links: vec![], runs: vec![] }],
            ..Article::default()
        };
        let analysis = analyze_article(&article, &Options::default());
        let out = render(&article, &article.text(), &analysis, false);
        assert!(out.contains("speculation"));
        assert!(out.contains(&analysis.summary.verdict));
        assert!(!out.contains('\x1b'));
        let coloured = render(&article, &article.text(), &analysis, true);
        assert!(coloured.contains("\x1b[30;43mmay be\x1b[0m"), "{coloured}");
    }
}
