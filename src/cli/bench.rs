//! `caveat bench`: analysis speed on a generated corpus (the seed article repeated),
//! the time for one 10,000-word article, and a 1 MB text with no punctuation (to show
//! there is no quadratic step); the analysis's memory per input byte at several sizes;
//! then native extraction of the fixture pages in ../shared.

use caveat::answer::analyze::{analyze_text, Options};
use std::io::Write;
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../../tests/fixtures/analyze/seed-article.txt");

/// The best of `runs` timings of `f`.
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn repeat_to_words(words: usize) -> String {
    let per = SAMPLE.split_whitespace().count().max(1);
    let mut text = String::new();
    for _ in 0..words.div_ceil(per) {
        text.push_str(SAMPLE);
        text.push_str("\n\n");
    }
    text
}

pub fn run() -> Result<(), String> {
    bench_analysis()?;
    bench_memory()?;
    super::extract::bench()
}

/// Peak and total allocation per input byte, on texts of very different sizes: equal
/// figures mean memory linear in the text.
fn bench_memory() -> Result<(), String> {
    let options = Options { any_language: true, ..Options::default() };
    let texts = [
        ("10,000-word article", repeat_to_words(10_000)),
        ("2 MB text", SAMPLE.repeat(2 * 1024 * 1024 / SAMPLE.len())),
        ("20 MB text", SAMPLE.repeat(20 * 1024 * 1024 / SAMPLE.len())),
        ("1 MB with no punctuation", "word ".repeat(200_000)),
    ];
    let mut out = std::io::stdout().lock();
    for (name, text) in &texts {
        let (_, usage) = super::memory::measure(|| analyze_text(text, &options));
        let per_byte = |n: usize| n as f64 / text.len().max(1) as f64;
        writeln!(
            out,
            "memory, {name} ({:.2} MB): peak {:.1} MB = {:.1} bytes per input byte; {:.1} bytes allocated per input byte",
            text.len() as f64 / 1e6,
            usage.peak as f64 / 1e6,
            per_byte(usage.peak),
            per_byte(usage.allocated)
        )
        .map_err(|e| format!("writing stdout: {e}"))?;
    }
    Ok(())
}

fn bench_analysis() -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| writeln!(out, "{line}").map_err(|e| format!("writing stdout: {e}"));
    let options = Options { any_language: true, ..Options::default() };
    let corpus = SAMPLE.repeat(20 * 1024 * 1024 / SAMPLE.len());
    let findings = analyze_text(&corpus, &options).findings.len();
    let t = best_of(5, || {
        std::hint::black_box(analyze_text(&corpus, &options));
    });
    let mb = corpus.len() as f64 / 1e6;
    say(format!("analysis: {:.1} MB in {:.3} s = {:.1} MB/s on one core ({findings} findings)", mb, t.as_secs_f64(), mb / t.as_secs_f64()))?;

    let article = repeat_to_words(10_000);
    let t = best_of(20, || {
        std::hint::black_box(analyze_text(&article, &options));
    });
    say(format!("10,000-word article ({} words): {:.2} ms", article.split_whitespace().count(), t.as_secs_f64() * 1e3))?;

    // "word word …" is in no language the detector knows: analyse it anyway, or only the
    // language check would be timed.
    let flat = "word ".repeat(200_000);
    let any = Options { any_language: true, ..Options::default() };
    let t = best_of(3, || {
        std::hint::black_box(analyze_text(&flat, &any));
    });
    say(format!("1 MB with no punctuation (one sentence): {:.1} ms", t.as_secs_f64() * 1e3))
}
