//! Hostile or odd text must never panic, and every finding's span must lie on char
//! boundaries of the input and spell out its cue.

use caveat::answer::analyze::{analyze_text, Options, Sensitivity};

fn check(text: &str) {
    for sensitivity in [Sensitivity::Strict, Sensitivity::Balanced, Sensitivity::Lenient] {
        let options = Options { sensitivity, custom_hedges: vec!["ƒoo".into(), "".into()], custom_sources: vec!["😀".into()], any_language: true };
        let analysis = analyze_text(text, &options);
        let chars: Vec<char> = text.chars().collect();
        for f in &analysis.findings {
            assert!(f.span.start <= f.span.end && f.span.end <= chars.len(), "{f:?} outside {} chars", chars.len());
            let spelled: String = chars[f.span.start..f.span.end].iter().collect();
            // An unsourced claim marks its core and quotes its whole sentence.
            if f.kind == caveat::Kind::UnsourcedClaim {
                assert!(f.cue.contains(&spelled), "the claim's core {spelled:?} is not in its sentence {:?}", f.cue);
            } else {
                assert_eq!(spelled, f.cue, "span does not spell the cue");
            }
        }
        assert!(analysis.summary.shares.values().all(|s| (0.0..=1.0).contains(s)));
    }
}

#[test]
fn empty_and_blank_texts() {
    check("");
    check(" ");
    check("\n\n\n");
    check(".");
    check("“");
}

#[test]
fn a_megabyte_with_no_punctuation() {
    check(&"may could likely said ".repeat(50_000));
}

#[test]
fn long_runs_that_rules_scan_over() {
    // Auxiliaries, capitalised words and vague sources before a verb of saying: bounded scans.
    check(&format!("{}said so.", "may ".repeat(100_000)));
    check(&format!("{}said so.", "Peskov ".repeat(100_000)));
    check(&format!("{}said so.", "critics ".repeat(100_000)));
    check(&"“a ".repeat(50_000));
    // Cues of a named speaker and their hedges, over and over in one sentence.
    check(&"Peskov said it may ".repeat(50_000));
    check(&"“we may agree” said Peskov and ".repeat(30_000));
}

#[test]
fn many_warnings_for_the_calibration() {
    // Every vague source asks the calibration whether its group was named before: one pass
    // over the text for all of them, whether they stand in one sentence or in many.
    check(&"ESET researchers said it may spread. Researchers said it could. Critics say so, ".repeat(10_000));
    check(&"researchers said, officials said, critics say, sources said, ".repeat(10_000));
    // The words around each cue, at the very edges of sentences and of the text.
    check("may");
    check("Critics say");
    check(&"“May?” “Could!” ".repeat(10_000));
}

#[test]
fn mixed_scripts_emoji_and_combining_marks() {
    check("Путин may встретиться. 習近平 said “可能”. Zoë’s café — 😀👍🏽 could be e\u{301}\u{301}\u{301} real.");
    check("‏مرحبا may be عالم. नमस्ते, critics say.");
    check("👨‍👩‍👧‍👦 reportedly 🇺🇦 might 💥.");
}

#[test]
fn unpaired_quotes_and_entities() {
    check("He said “we may win. Then ” nothing \" more \" \" may.");
    check("&amp; &lt;may&gt; &#8220;could&#8221; &nbsp;said Peskov.");
    check("'''''\"\"\"“”“”«»may");
}

#[test]
fn punctuation_runs_and_odd_numbers() {
    check("U.S.A.B.C.D. 1.2.3.4 ... ?!?! ,,,, 1,000,000.5. Dr. Mr. J. may.");
    check("1. 2. 3. 4.\n\n5.\n—\n–");
    check(&".".repeat(10_000));
    check(&"\"".repeat(10_001));
}
