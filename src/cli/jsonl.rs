//! `caveat jsonl`: one JSON object per input line, answered line by line and flushed,
//! so the command can sit in a pipe. A bad line gets an error object; the stream goes on.

use caveat::{analyze_text, Options};
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};

/// The answer for one input line.
pub fn answer(line: &str, options: &Options) -> Value {
    let input: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"id": Value::Null, "error": format!("not JSON: {e}")}),
    };
    let id = input.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = input.get("text").and_then(Value::as_str) else {
        return json!({"id": id, "error": "missing string field \"text\""});
    };
    let analysis = analyze_text(text, options);
    let findings: Vec<Value> = analysis
        .findings
        .iter()
        .map(|f| {
            let mut v = json!({
                "kind": f.kind.as_str(),
                "start": f.span.start,
                "end": f.span.end,
                "cue": f.cue,
                "explanation": f.explanation,
                "strength": f.strength,
            });
            if let Some(source) = &f.source {
                v["source"] = json!(source);
            }
            v
        })
        .collect();
    json!({"id": id, "findings": findings})
}

pub fn run() -> Result<(), String> {
    let options = Options::default();
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
        serde_json::to_writer(&mut answer_line, &answer(line, &options)).map_err(|e| e.to_string())?;
        answer_line.push(b'\n');
        stdout.write_all(&answer_line).and_then(|_| stdout.flush()).map_err(|e| format!("writing stdout: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
