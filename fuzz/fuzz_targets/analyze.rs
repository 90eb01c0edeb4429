#![no_main]
//! The whole analysis on arbitrary text, in any language: no panic, spans inside the text
//! spelling their cues (an unsourced claim's span, its core, lies inside its quoted sentence).
use caveat::answer::analyze::{analyze_text, Options};
use caveat::Kind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = Options { any_language: data.first().is_some_and(|b| b & 1 == 1), ..Options::default() };
    let analysis = analyze_text(&text, &options);
    let chars: Vec<char> = text.chars().collect();
    for f in &analysis.findings {
        assert!(f.span.start <= f.span.end && f.span.end <= chars.len());
        let spelled = chars[f.span.start..f.span.end].iter().collect::<String>();
        if f.kind == Kind::UnsourcedClaim {
            assert!(f.cue.contains(&spelled));
        } else {
            assert_eq!(spelled, f.cue);
        }
    }
});
