//! Sentence offsets by Caveat's own segmenter, for building the labelled news set
//! (`tools/news/make_pool.py`): reads `{"id", "text"}` lines on stdin, writes
//! `{"id", "sentences": [[start, end], …]}` (char offsets, end exclusive).
use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.expect("read stdin");
        let value: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
        let text = value["text"].as_str().expect("a text field");
        let seg = caveat::text::segment::segment(text);
        let sentences: Vec<[usize; 2]> = seg.sentences.iter().map(|s| [s.span.start, s.span.end]).collect();
        let answer = serde_json::json!({"id": value["id"], "sentences": sentences});
        writeln!(out, "{answer}").expect("write stdout");
    }
}
