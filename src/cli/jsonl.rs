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
}

/// Writes the answer for one input line (one JSON object, no newline) to `out`.
pub fn answer(line: &str, options: &Options, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let input: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return serde_json::to_writer(out, &json!({"id": Value::Null, "error": format!("not JSON: {e}")})),
    };
    let id = input.get("id").unwrap_or(&Value::Null);
    let Some(text) = input.get("text").and_then(Value::as_str) else {
        return serde_json::to_writer(out, &json!({"id": id, "error": "missing string field \"text\""}));
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
    serde_json::to_writer(out, &AnswerLine { findings, id })
}

pub fn run(options: &Options) -> Result<(), String> {
    let stdin = io::stdin().lock();
    let mut stdout = io::stdout().lock();
    // Each answer is written whole: piecewise writes to the line-buffered stdout cost more
    // than building the answer.
    let mut answer_line = Vec::new();
    for line in stdin.split(b'\n') {
        let line = line.map_err(|e| format!("reading stdin: {e}"))?;
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        answer_line.clear();
        answer(line, options, &mut answer_line).map_err(|e| e.to_string())?;
        answer_line.push(b'\n');
        stdout.write_all(&answer_line).and_then(|_| stdout.flush()).map_err(|e| format!("writing stdout: {e}"))?;
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
