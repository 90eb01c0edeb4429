//! Snapshot tests: every `tests/fixtures/analyze/NAME.txt` is analysed and compared
//! with `NAME.expected`, where each line of the text is followed by caret lines
//! marking its findings (`^^^^ kind: cue`). Adding a case is adding files.
//! `CAVEAT_BLESS=1 cargo test --test analyze_fixtures` rewrites the expected files;
//! review the diff by hand before committing.

use caveat::answer::analyze::{analyze_text, Options};
use caveat::Kind;
use std::fmt::Write;
use std::path::Path;

/// The text with caret lines under each line for the findings that start in it.
fn annotate(text: &str) -> String {
    let analysis = analyze_text(text, &Options::default());
    let mut out = String::new();
    let mut line_start = 0usize;
    for line in text.split('\n') {
        let len = line.chars().count();
        let line_end = line_start + len;
        out.push_str(line);
        out.push('\n');
        for f in analysis.findings.iter().filter(|f| f.span.start >= line_start && f.span.start < line_end.max(line_start + 1)) {
            let from = f.span.start - line_start;
            let to = f.span.end.min(line_end).max(f.span.start + 1) - line_start;
            let cue = if f.kind == Kind::UnsourcedClaim { String::new() } else { format!(": {}", f.cue) };
            let _ = writeln!(out, "{}{} {}{}", " ".repeat(from), "^".repeat(to - from), f.kind.as_str(), cue);
        }
        line_start = line_end + 1;
    }
    out
}

#[test]
fn fixtures_match_their_expected_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analyze");
    let bless = std::env::var_os("CAVEAT_BLESS").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(&dir).expect("fixture dir").filter_map(Result::ok).map(|e| e.path()).collect();
    cases.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    cases.sort();
    assert!(!cases.is_empty(), "no fixtures in {}", dir.display());
    let mut failures = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(case).expect("fixture text");
        let got = annotate(&text);
        let expected_path = case.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &got).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            let first = got.lines().zip(expected.lines()).position(|(a, b)| a != b)
                // Equal lines up to the shorter one: they differ where that one ends.
                .unwrap_or(got.lines().count().min(expected.lines().count()));
            failures.push(format!(
                "{}: differs from {} at line {}\n  got:      {:?}\n  expected: {:?}",
                case.display(),
                expected_path.display(),
                first + 1,
                got.lines().nth(first).unwrap_or(""),
                expected.lines().nth(first).unwrap_or("<missing>")
            ));
        }
    }
    assert!(failures.is_empty(), "{}\n(CAVEAT_BLESS=1 regenerates; review the diff)", failures.join("\n"));
}
