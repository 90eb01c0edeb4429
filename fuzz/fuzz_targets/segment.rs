#![no_main]
//! Tokens and sentences of arbitrary text: in order, on char boundaries, consistent offsets.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let seg = caveat::segment::segment(&text);
    let mut last_end = 0;
    for t in &seg.tokens {
        assert!(t.start >= last_end && t.start < t.end);
        assert!(text.is_char_boundary(t.byte_start) && text.is_char_boundary(t.byte_end));
        assert_eq!(text[t.byte_start..t.byte_end].chars().count(), t.end - t.start);
        last_end = t.end;
    }
    for s in &seg.sentences {
        assert!(!s.tokens.is_empty() && s.tokens.end <= seg.tokens.len());
    }
});
