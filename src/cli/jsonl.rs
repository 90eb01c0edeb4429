//! `caveat jsonl`: one JSON object per input line, answered in input order and flushed as
//! soon as it is ready, so the command can sit in a pipe. Lines are read in small chunks,
//! answered on every core (`run`). A bad line gets an error object; the stream goes on.

use caveat::{analyze_text, Options};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::{mpsc, Mutex};

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

/// Lines per chunk at most: enough to spread the work over the cores, few enough that an
/// answer never waits long behind its chunk.
const CHUNK_LINES: usize = 64;
/// Bytes per chunk at most (long articles go a few at a time).
const CHUNK_BYTES: usize = 256 * 1024;

/// A chunk's answers, each ending in a newline, and how many lines were left unmarked for
/// their language.
type Answered = Result<(Vec<u8>, usize), String>;

/// The answers to a chunk of lines.
fn answer_chunk(lines: &[Vec<u8>], options: &Options) -> Answered {
    let mut out = Vec::with_capacity(lines.iter().map(Vec::len).sum::<usize>() / 2 + 64);
    let mut unmarked = 0;
    for line in lines {
        // Valid UTF-8 is the rule: checked once, the fast way; the lossy path only for bad bytes.
        let line = match std::str::from_utf8(line) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(line),
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        unmarked += usize::from(answer(line, options, &mut out).map_err(|e| e.to_string())?);
        out.push(b'\n');
    }
    Ok((out, unmarked))
}

/// Reads stdin a chunk at a time, answers the chunks on every core, and writes the answers in
/// the order of the input. A chunk goes out as soon as no more input is waiting, so a line
/// typed (or piped slowly) is answered at once: the stream never waits for its end.
pub fn run(options: &Options) -> Result<(), String> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Vec<Vec<u8>>)>(workers * 2);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Answered)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (job_rx, done_tx) = (&job_rx, done_tx.clone());
            scope.spawn(move || loop {
                let job = job_rx.lock().map_err(|_| ()).and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((seq, lines)) = job else { break };
                if done_tx.send((seq, answer_chunk(&lines, options))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let writer = scope.spawn(move || write_in_order(done_rx));
        let read = read_chunks(job_tx);
        let written = writer.join().unwrap_or_else(|_| Err("a worker thread failed".into()));
        read?;
        let unmarked = written?;
        if unmarked > 0 {
            eprintln!("caveat: {unmarked} line(s) not in English were left unmarked (their \"language\" field says which; --any-language analyses them anyway)");
        }
        Ok(())
    })
}

/// Sends stdin's lines to the workers in numbered chunks.
fn read_chunks(jobs: mpsc::SyncSender<(usize, Vec<Vec<u8>>)>) -> Result<(), String> {
    // Our own buffer, to see whether more input is waiting (larger than stdin's, whose reads it bypasses).
    let mut stdin = io::BufReader::with_capacity(1 << 16, io::stdin().lock());
    let mut chunk: Vec<Vec<u8>> = Vec::new();
    let mut bytes = 0;
    let mut seq = 0;
    loop {
        let mut line = Vec::new();
        let n = stdin.read_until(b'\n', &mut line).map_err(|e| format!("reading stdin: {e}"))?;
        if n > 0 {
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            bytes += line.len();
            chunk.push(line);
        }
        // Out when full, at the end, or when no more input is waiting to be read.
        if !chunk.is_empty() && (n == 0 || chunk.len() >= CHUNK_LINES || bytes >= CHUNK_BYTES || stdin.buffer().is_empty()) {
            if jobs.send((seq, std::mem::take(&mut chunk))).is_err() {
                return Ok(()); // the writer stopped; it says why
            }
            seq += 1;
            bytes = 0;
        }
        if n == 0 {
            return Ok(());
        }
    }
}

/// Writes the chunks' answers in input order as they come in; returns the lines left unmarked.
fn write_in_order(done: mpsc::Receiver<(usize, Answered)>) -> Result<usize, String> {
    let mut stdout = io::stdout().lock();
    let mut waiting: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
    let mut next = 0;
    let mut unmarked = 0;
    for (seq, result) in done {
        let (out, n) = result?;
        unmarked += n;
        waiting.insert(seq, out);
        while let Some(out) = waiting.remove(&next) {
            stdout.write_all(&out).map_err(|e| format!("writing stdout: {e}"))?;
            next += 1;
        }
        stdout.flush().map_err(|e| format!("writing stdout: {e}"))?;
    }
    Ok(unmarked)
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
