//! The report a reader copies: "Copy report" in the extension's panel and popup, and
//! `caveat analyze --format markdown`. One Markdown text, built here for both: the
//! article's title, address, site and date, the verdict and the figures, each warning
//! with its sentence quoted (the marked words in bold) and why it was marked, and the
//! named sources with how often each is cited.

use crate::answer::analyze::{Analysis, Sensitivity};
use crate::finding::Kind;
use crate::page::article::Metadata;
use crate::text::segment::segment;
use std::fmt::Write;

/// What a report is made of.
pub struct ReportInput<'a> {
    pub metadata: &'a Metadata,
    /// The page's address, when known.
    pub url: Option<&'a str>,
    /// The analysed text (`Article::text()`, or the plain text): the findings' spans point into it.
    pub text: &'a str,
    pub analysis: &'a Analysis,
    pub sensitivity: Sensitivity,
    /// Indices into `analysis.findings` (the answer's finding ids) the reader dismissed: left out.
    pub dismissed: &'a [usize],
    /// The page was not read because it does not look like an article.
    pub not_article: bool,
}

/// A warning's name in the report, singular and plural; attributions are not listed one by one.
fn kind_name(kind: Kind, n: usize) -> &'static str {
    match (kind, n == 1) {
        (Kind::Speculation, _) => "Speculation",
        (Kind::VagueAttribution, true) => "Vague source",
        (Kind::VagueAttribution, false) => "Vague sources",
        (Kind::UnsourcedClaim, true) => "Unsourced claim",
        (Kind::UnsourcedClaim, false) => "Unsourced claims",
        (Kind::Attribution, true) => "Attribution to a source",
        (Kind::Attribution, false) => "Attributions to a source",
    }
}

fn is_warning(kind: Kind) -> bool {
    kind != Kind::Attribution
}

fn sensitivity_name(sensitivity: Sensitivity) -> &'static str {
    match sensitivity {
        Sensitivity::Strict => "strict",
        Sensitivity::Balanced => "balanced",
        Sensitivity::Lenient => "lenient",
    }
}

/// Page text made safe to paste into Markdown: the characters that would start emphasis,
/// code, links or HTML are escaped, and runs of whitespace become one space.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn times(n: usize) -> String {
    if n == 1 { "once".to_string() } else { format!("{n} times") }
}

/// The Markdown report.
pub fn markdown(input: &ReportInput) -> String {
    let ReportInput { metadata, url, text, analysis, sensitivity, dismissed, not_article } = *input;
    let mut s = String::new();
    let title = metadata.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or("Untitled article");
    let _ = writeln!(s, "# Caveat report: {}\n", escape(title));
    let mut about = Vec::new();
    if let Some(url) = url.filter(|u| !u.is_empty()) {
        about.push(format!("- Address: <{}>", url.replace(['<', '>', ' '], "")));
    }
    for (label, value) in [("Site", &metadata.site_name), ("Published", &metadata.published), ("By", &metadata.byline)] {
        if let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            about.push(format!("- {label}: {}", escape(value)));
        }
    }
    if !about.is_empty() {
        let _ = writeln!(s, "{}\n", about.join("\n"));
    }

    if not_article {
        s.push_str("Caveat did not read this page: it does not look like a news article.\n");
        return s;
    }
    if !analysis.language.analysed {
        let _ = writeln!(
            s,
            "This article is in {}. Caveat's rules read English, so it marked nothing here.",
            analysis.language.name
        );
        return s;
    }

    let summary = &analysis.summary;
    let _ = writeln!(s, "## Verdict\n\n{}\n", escape(&summary.verdict));
    let _ = writeln!(s, "- Sentences read: {}", summary.sentences);
    for figure in &summary.figures {
        let _ = writeln!(s, "- {}", figure.text());
    }
    let shown: Vec<(usize, &crate::Finding)> =
        analysis.findings.iter().enumerate().filter(|(id, _)| !dismissed.contains(id)).collect();
    let dismissed_count = analysis.findings.len() - shown.len();
    for kind in Kind::ALL {
        let n = shown.iter().filter(|(_, f)| f.kind == kind).count();
        let held = summary.held_back.get(kind.as_str()).copied().unwrap_or(0);
        let held = if held > 0 && is_warning(kind) { format!(" ({held} more held back)") } else { String::new() };
        let _ = writeln!(s, "- {}: {n}{held}", kind_name(kind, n));
    }
    if dismissed_count > 0 {
        let _ = writeln!(s, "- Dismissed by the reader: {dismissed_count}");
    }

    let warnings: Vec<&crate::Finding> = shown.iter().map(|(_, f)| *f).filter(|f| is_warning(f.kind)).collect();
    s.push_str("\n## Warnings\n\n");
    if warnings.is_empty() {
        s.push_str("None at this sensitivity.\n");
    } else {
        let seg = segment(text);
        let chars: Vec<char> = text.chars().collect();
        for (n, f) in warnings.iter().enumerate() {
            // The sentence the finding starts in, with the marked words in bold.
            let sentence = seg.sentences.iter().find(|x| x.span.end > f.span.start).map_or(f.span, |x| x.span);
            let (from, to) = (sentence.start.min(f.span.start), sentence.end.max(f.span.end).min(chars.len()));
            let piece = |a: usize, b: usize| escape(&chars[a..b.max(a)].iter().collect::<String>());
            let (mark_start, mark_end) = (f.span.start.min(to), f.span.end.min(to));
            let quote = format!(
                "{}**{}**{}",
                piece(from, mark_start),
                piece(mark_start, mark_end),
                piece(mark_end, to)
            );
            let _ = writeln!(
                s,
                "{}. **{}** (chance the mark is right: {}%)\n   > {}\n\n   Why: {}\n",
                n + 1,
                kind_name(f.kind, 1),
                (f.strength.clamp(0.0, 1.0) * 100.0).round() as u32,
                quote.trim(),
                escape(&f.explanation)
            );
        }
    }

    s.push_str("## Named sources\n\n");
    if summary.sources.is_empty() {
        s.push_str("No one is quoted or cited by name.\n");
    } else {
        for source in &summary.sources {
            let _ = writeln!(s, "- {}: cited {}", escape(&source.name), times(source.count));
        }
    }
    let _ = write!(
        s,
        "\n---\nMade by Caveat on the reader's device, at {} sensitivity. A mark is a prompt to check, not a verdict.\n",
        sensitivity_name(sensitivity)
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::analyze::{analyze_text, Options};

    fn report(text: &str, dismissed: &[usize]) -> (Analysis, String) {
        let analysis = analyze_text(text, &Options::default());
        let metadata = Metadata { title: Some("Pier *to* be rebuilt".into()), site_name: Some("The Courier".into()), ..Metadata::default() };
        let input = ReportInput {
            metadata: &metadata,
            url: Some("https://news.example/pier"),
            text,
            analysis: &analysis,
            sensitivity: Sensitivity::Balanced,
            dismissed,
            not_article: false,
        };
        let md = markdown(&input);
        (analysis, md)
    }

    #[test]
    fn quotes_each_warning_in_its_sentence_with_the_reason_and_lists_sources() {
        let text = "The board met on Monday. The pier may reopen in spring. Maria Okafor said work starts soon. The plan, critics say, will fail.";
        let (analysis, md) = report(text, &[]);
        assert!(md.starts_with("# Caveat report: Pier \\*to\\* be rebuilt\n"), "{md}");
        assert!(md.contains("- Address: <https://news.example/pier>"), "{md}");
        assert!(md.contains("- Site: The Courier"), "{md}");
        assert!(md.contains(&analysis.summary.verdict), "{md}");
        for figure in &analysis.summary.figures {
            assert!(md.contains(&format!("- {}\n", figure.text())), "{md}");
        }
        let warnings: Vec<_> = analysis.findings.iter().filter(|f| f.kind != Kind::Attribution).collect();
        assert!(!warnings.is_empty(), "{:?}", analysis.findings);
        for f in warnings {
            let marked: String = text.chars().skip(f.span.start).take(f.span.end - f.span.start).collect();
            assert!(md.contains(&format!("**{}**", escape(&marked))), "the marked words {marked:?} in bold: {md}");
            assert!(md.contains(&format!("Why: {}", escape(&f.explanation))), "{md}");
        }
        assert!(md.contains("> The plan, **critics** say, will fail."), "{md}");
        assert!(md.contains("- Maria Okafor: cited once"), "{md}");
        assert!(md.ends_with("A mark is a prompt to check, not a verdict.\n"));
    }

    #[test]
    fn dismissed_findings_are_left_out_and_counted() {
        let text = "The port may close. Critics say the plan will fail.";
        let (analysis, all) = report(text, &[]);
        let first = analysis.findings.iter().position(|f| f.kind == Kind::Speculation).expect("a hedge");
        let (_, without) = report(text, &[first]);
        assert!(all.contains("**may**"), "{all}");
        assert!(!without.contains("**may**"), "{without}");
        assert!(without.contains("- Dismissed by the reader: 1"), "{without}");
    }

    #[test]
    fn text_in_another_language_says_so() {
        let text = "Die Hafenbehörde könnte ihre Gebühren im nächsten Frühjahr erhöhen. Kritiker meinen, der Plan treibe die Kunden zu den Nachbarhäfen, und die Reedereien sind nicht begeistert.";
        let (analysis, md) = report(text, &[]);
        assert!(!analysis.language.analysed);
        assert!(md.contains("This article is in German. Caveat's rules read English"), "{md}");
        assert!(!md.contains("## Warnings"), "{md}");
    }

    #[test]
    fn page_text_cannot_inject_markdown() {
        assert_eq!(escape("a *b* [c](d) <e>\n\n_f_ `g` "), "a \\*b\\* \\[c\\](d) \\<e\\> \\_f\\_ \\`g\\` ");
    }
}
