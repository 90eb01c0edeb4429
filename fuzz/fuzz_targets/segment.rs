#![no_main]
//! Tokens and sentences of arbitrary text: in order, on char boundaries, consistent offsets.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let seg = caveat::text::segment::segment(&text);
    let mut last_end = 0;
    for t in &seg.tokens {
        let (bytes, chars) = (t.bytes(), t.chars());
        assert!(chars.start >= last_end && chars.start < chars.end);
        assert!(text.is_char_boundary(bytes.start) && text.is_char_boundary(bytes.end));
        assert_eq!(text[bytes].chars().count(), chars.len());
        assert_eq!(t.upper, text[t.bytes()].chars().next().is_some_and(char::is_uppercase));
        last_end = chars.end;
    }
    for s in &seg.sentences {
        assert!(!s.tokens.is_empty() && s.tokens.end <= seg.tokens.len());
    }
});
