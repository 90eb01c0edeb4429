//! `caveat` as a user runs it: answers on stdout, problems on stderr.

use std::io::Write;
use std::process::{Command, Stdio};

fn caveat(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_caveat"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("caveat runs");
    // A command that fails on its arguments exits before it reads its input: a broken pipe here is no error.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ARTICLE: &str = "<html><head><title>Pier to be rebuilt</title></head><body><article><h1>Pier to be rebuilt</h1>\
    <p>The harbour board met on Monday, and after a long debate it approved the plan to rebuild the north pier, which has been closed since the winter storms of last year.</p>\
    <p>Work starts in spring, the board said, and should take two years, with the pier reopening in stages as each section is finished and inspected by the council.</p>\
    <p>Fishing boats will use the south quay until then, which the board will dredge in February so that larger boats can tie up there at low tide.</p></article></body></html>";

#[test]
fn unreadable_file_fails_with_a_message() {
    let (ok, stdout, stderr) = caveat(&["extract", "/nonexistent/page.html"], "");
    assert!(!ok);
    assert!(stdout.is_empty());
    assert!(stderr.contains("cannot read /nonexistent/page.html"), "{stderr}");
}

#[test]
fn stdin_article_prints_body_blocks_separated_by_blank_lines() {
    let (ok, stdout, stderr) = caveat(&["extract", "-"], ARTICLE);
    assert!(ok, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let blocks: Vec<&str> = stdout.trim_end().split("\n\n").collect();
    // The headline is metadata (--json), not body text.
    assert_eq!(blocks.len(), 3);
    assert!(blocks[0].starts_with("The harbour board met"), "{stdout}");
}

#[test]
fn json_carries_metadata_blocks_and_readerable() {
    let (ok, stdout, _) = caveat(&["extract", "--json", "-"], ARTICLE);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["readerable"], true);
    assert_eq!(v["metadata"]["title"], "Pier to be rebuilt");
    assert_eq!(v["blocks"][0]["role"], "title");
    assert_eq!(v["blocks"].as_array().unwrap().len(), 4);
}

#[test]
fn non_article_is_printed_with_a_note() {
    let links: String = (0..30).map(|i| format!("<li><a href='/{i}'>Story number {i}</a></li>")).collect();
    let (ok, stdout, stderr) = caveat(&["extract", "-"], &format!("<body><ul>{links}</ul></body>"));
    assert!(ok);
    assert!(stderr.contains("does not look like an article"), "{stderr}");
    assert!(stdout.contains("Story number"));
}

#[test]
fn jsonl_answers_each_line_and_reports_a_bad_one() {
    let input = "{\"id\": 1, \"text\": \"Moscow may be stalling.\"}\nnot json\n{\"id\": 3}\n";
    let (ok, stdout, stderr) = caveat(&["jsonl"], input);
    assert!(ok, "{stderr}");
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["findings"][0]["cue"], "may be");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], 3);
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
}

#[test]
fn jsonl_takes_the_options_of_the_extension() {
    let input = "{\"id\": 1, \"text\": \"The river may rise, and the town could flood. The grapevine says he quit.\"}\n";
    let cues = |args: &[&str]| -> Vec<String> {
        let (ok, stdout, stderr) = caveat(args, input);
        assert!(ok, "{stderr}");
        let line: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
        line["findings"].as_array().unwrap().iter().map(|f| format!("{}:{}", f["kind"].as_str().unwrap(), f["cue"].as_str().unwrap())).collect()
    };
    // Balanced shows one warning per sentence, strict every one.
    let hedges = |args: &[&str]| cues(args).iter().filter(|c| c.starts_with("speculation")).count();
    assert_eq!(hedges(&["jsonl"]), 1);
    assert_eq!(hedges(&["jsonl", "--sensitivity", "strict"]), 2);
    assert!(!cues(&["jsonl"]).iter().any(|c| c.starts_with("vague_attribution")));
    assert!(cues(&["jsonl", "--vague-source", "the grapevine"]).contains(&"vague_attribution:The grapevine".to_string()));
    let (ok, _, stderr) = caveat(&["jsonl", "--sensitivity", "loud"], "");
    assert!(!ok);
    assert!(stderr.contains("loud"), "{stderr}");
}

#[test]
fn analyze_reads_plain_text_with_its_headings_and_paragraphs() {
    // Title case in the heading: "Study" is the study the text speaks of, not a person.
    let text = "Coffee Linked to Longer Life, Study Finds\n\nPeople who drink coffee may live longer, according to a study published on Monday.\n\nThe researchers followed 450,000 adults in Britain for 12 years.\n";
    let (ok, stdout, stderr) = caveat(&["analyze", "--json", "-"], text);
    assert!(ok, "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(value["text"].as_str(), Some(text), "plain text is analysed as it is, line breaks and all");
    assert_eq!(value["summary"]["sentences"].as_u64(), Some(3));
    let sources = value["summary"]["sources"].as_array().unwrap();
    assert!(sources.is_empty(), "{sources:?}");
    // The same words in a page are extracted first.
    let (ok, stdout, _) = caveat(&["analyze", "--json", "-"], ARTICLE);
    assert!(ok);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(value["article"]["title"].as_str(), Some("Pier to be rebuilt"));
}

#[test]
fn analyze_prints_the_readers_report_as_markdown() {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/pages/article.html")).unwrap();
    let (ok, stdout, stderr) = caveat(&["analyze", "--format", "markdown", "--url", "https://courier.example/tariffs", "-"], &page);
    assert!(ok, "{stderr}");
    let (ok, json, _) = caveat(&["analyze", "--json", "-"], &page);
    assert!(ok);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert!(stdout.starts_with("# Caveat report: Harbour Authority Weighs New Tariffs\n"), "{stdout}");
    for line in ["- Address: <https://courier.example/tariffs>", "- Site: The Coastal Courier", "- Published: 2026-03-02", "- By: Dana Whitfield"] {
        assert!(stdout.contains(line), "{line} in:\n{stdout}");
    }
    assert!(stdout.contains(value["summary"]["verdict"].as_str().unwrap()), "{stdout}");
    // The figures with the words the JSON gives them (one definition in the core's summary).
    for figure in value["summary"]["figures"].as_array().unwrap() {
        let line = format!("- {}% {}\n", figure["percent"], figure["label"].as_str().unwrap());
        assert!(stdout.contains(&line), "{line} in:\n{stdout}");
    }
    // Every warning, in order, with the reason it was marked; attributions only as named sources.
    let text = value["text"].as_str().unwrap();
    let mut at = 0;
    for f in value["findings"].as_array().unwrap().iter().filter(|f| f["kind"] != "attribution") {
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        let marked: String = text.chars().skip(start).take(end - start).collect();
        let bold = format!("**{marked}**");
        let found = stdout[at..].find(&bold).unwrap_or_else(|| panic!("{bold} after byte {at} in:\n{stdout}"));
        at += found;
        assert!(stdout.contains(&format!("Why: {}", f["explanation"].as_str().unwrap())), "{stdout}");
    }
    assert!(stdout.contains("## Named sources\n\n- Maria Okafor: cited 2 times\n"), "{stdout}");
    // --format json is --json.
    let (ok, same, _) = caveat(&["analyze", "--format", "json", "-"], &page);
    assert!(ok);
    assert_eq!(same, json);
    let (ok, _, stderr) = caveat(&["analyze", "--json", "--format", "markdown", "-"], &page);
    assert!(!ok, "--json and --format markdown conflict");
    assert!(stderr.contains("--format"), "{stderr}");
}

#[test]
fn the_text_output_shows_the_figures_as_the_summary_defines_them() {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/pages/article.html")).unwrap();
    let (ok, stdout, stderr) = caveat(&["analyze", "-"], &page);
    assert!(ok, "{stderr}");
    let (_, json, _) = caveat(&["analyze", "--json", "-"], &page);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let figures = value["summary"]["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 2);
    for figure in figures {
        let text = format!("{}% {}", figure["percent"], figure["label"].as_str().unwrap());
        assert!(stdout.contains(&format!("\n{text}\n")), "{text} on its own line in:\n{stdout}");
        assert!(value["summary"]["verdict"].as_str().unwrap().contains(&text), "the verdict quotes {text}");
    }
}
