//! `caveat jsonl`: one JSON object per input line, answered line by line and flushed,
//! so the command can sit in a pipe. A bad line gets an error object; the stream goes on.

use caveat::{analyze_text, Options};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};

/// One finding as the scorers read it, serialised straight from the analysis: fields in
/// the (alphabetical) order a `serde_json::Value` writes them, strength widened to f64.
#[derive(Serialize)]
struct FindingLine<'a> {
    cue: &'a str,
    end: usize,
    explanation: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    start: usize,
    strength: f64,
}

#[derive(Serialize)]
struct AnswerLine<'a> {
    findings: Vec<FindingLine<'a>>,
    id: &'a Value,
    /// The language found, on lines left unmarked because it is not English.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
}

/// Writes the answer for one input line (one JSON object, no newline) to `out`; returns
/// whether the line was left unmarked for its language.
pub fn answer(line: &str, options: &Options, out: &mut Vec<u8>) -> serde_json::Result<bool> {
    let input: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return serde_json::to_writer(out, &json!({"id": Value::Null, "error": format!("not JSON: {e}")})).map(|_| false),
    };
    let id = input.get("id").unwrap_or(&Value::Null);
    let Some(text) = input.get("text").and_then(Value::as_str) else {
        return serde_json::to_writer(out, &json!({"id": id, "error": "missing string field \"text\""})).map(|_| false);
    };
    let analysis = analyze_text(text, options);
    let findings = analysis
        .findings
        .iter()
        .map(|f| FindingLine {
            cue: &f.cue,
            end: f.span.end,
            explanation: &f.explanation,
            kind: f.kind.as_str(),
            source: f.source.as_deref(),
            start: f.span.start,
            strength: f.strength as f64,
        })
        .collect();
    let language = (!analysis.language.analysed).then_some(analysis.language.code.as_str());
    serde_json::to_writer(out, &AnswerLine { findings, id, language })?;
    Ok(language.is_some())
}

pub fn run(options: &Options) -> Result<(), String> {
    let stdin = io::stdin().lock();
    let mut stdout = io::stdout().lock();
    // Each answer is written whole: piecewise writes to the line-buffered stdout cost more
    // than building the answer.
    let mut answer_line = Vec::new();
    let mut unmarked = 0usize;
    for line in stdin.split(b'\n') {
        let line = line.map_err(|e| format!("reading stdin: {e}"))?;
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        answer_line.clear();
        unmarked += usize::from(answer(line, options, &mut answer_line).map_err(|e| e.to_string())?);
        answer_line.push(b'\n');
        stdout.write_all(&answer_line).and_then(|_| stdout.flush()).map_err(|e| format!("writing stdout: {e}"))?;
    }
    if unmarked > 0 {
        eprintln!("caveat: {unmarked} line(s) not in English were left unmarked (their \"language\" field says which; --any-language analyses them anyway)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(line: &str, options: &Options) -> Value {
        let mut out = Vec::new();
        super::answer(line, options, &mut out).expect("serialisable");
        serde_json::from_slice(&out).expect("one JSON object")
    }

    #[test]
    fn text_not_in_english_is_left_unmarked_and_says_its_language() {
        let german = r#"{"id": 1, "text": "Die Regierung könnte die Gespräche in der nächsten Woche fortsetzen, sagte der Minister am Dienstag."}"#;
        let v = answer(german, &Options::default());
        assert_eq!(v["findings"].as_array().map(Vec::len), Some(0));
        assert_eq!(v["language"], "de");
        let english = answer(r#"{"id": 2, "text": "The talks may resume next week, the minister said on Tuesday."}"#, &Options::default());
        assert!(english.get("language").is_none());
        let forced = answer(german, &Options { any_language: true, ..Options::default() });
        assert!(forced.get("language").is_none());
    }

    #[test]
    fn answers_findings_with_the_input_id() {
        let v = answer(r#"{"id": 7, "text": "It may rain."}"#, &Options::default());
        assert_eq!(v["id"], 7);
        assert_eq!(v["findings"][0]["kind"], "speculation");
        assert_eq!(v["findings"][0]["start"], 3);
    }

    #[test]
    fn bad_lines_get_errors_with_the_id_when_readable() {
        let v = answer(r#"{"id": "a", "text": 5}"#, &Options::default());
        assert_eq!(v["id"], "a");
        assert!(v["error"].is_string());
        let v = answer("{not json", &Options::default());
        assert!(v["id"].is_null());
        assert!(v["error"].is_string());
    }
}
