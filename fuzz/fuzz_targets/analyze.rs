#![no_main]
//! The whole analysis on arbitrary text: no panic, spans inside the text spelling their cues.
use caveat::answer::analyze::{analyze_text, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = analyze_text(&text, &Options::default());
    let chars: Vec<char> = text.chars().collect();
    for f in &analysis.findings {
        assert!(f.span.start <= f.span.end && f.span.end <= chars.len());
        assert_eq!(chars[f.span.start..f.span.end].iter().collect::<String>(), f.cue);
    }
});
