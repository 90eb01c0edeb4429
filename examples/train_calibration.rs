//! Fits the warning calibration (`src/model/calibration.txt`): the chance that a warning
//! deserves its mark, by logistic regression over `caveat::model::calibration::features`
//! (binary features, and the rules' own log-odds as one valued feature per kind), on the
//! labelled news set (`data/news-gold`, labelled by the annotation guideline). A warning is
//! right as `tools/news/score.py` counts it: speculation on a `speculation` sentence, a vague
//! attribution on `vague_source`, an unsourced claim on `needs_source`; speculation on a
//! sentence whose hedge is only a named speaker's is left out.
//!
//! First it reports 5-fold cross-validation by article (each article's warnings are scored
//! by a model fitted without it): log loss, how the predicted chances hold up bin by bin, and
//! what a threshold keeps. Then it fits on all the articles it read and writes the model.
//!
//!     cargo run --release --example train_calibration -- [--all-splits] [--leave-out IDS] [--list FILE] [NEWS_DIR] [OUT.txt]
//!
//! - `--all-splits`: fit on dev and test articles (the shipped model is fitted so; its figures
//!   come from `tools/news/score.py --cv 5`, which refits without each fold). Without it, dev only.
//! - `--leave-out IDS`: skip the articles whose ids the file lists, one a line (the scorer's folds).
//! - `--list FILE`: write every warning with its cross-validated chance, to read what goes wrong.

use caveat::answer::analyze::warnings_with_features;
use caveat::finding::{Finding, Kind};
use caveat::Options;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;

const FOLDS: usize = 5;
const ITERATIONS: usize = 3000;
const LEARNING_RATE: f64 = 0.5;
/// L2 shrinkage per example: with a few hundred warnings, features must earn their weight.
const L2: f64 = 0.005;
/// Features seen on fewer warnings are dropped: rare ones only memorise.
const MIN_FEATURE_COUNT: usize = 3;

struct Example {
    article: usize,
    /// (feature, value): 1 for the binary features, the rules' log-odds for "prior KIND".
    features: Vec<(usize, f64)>,
    right: bool,
    /// Kind, cue and sentence, for the listing of `CALIBRATION_LIST`.
    what: String,
}

fn right_labels(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Speculation => &["speculation"],
        Kind::VagueAttribution => &["vague_source"],
        Kind::UnsourcedClaim => &["needs_source"],
        Kind::Attribution => &["sourced", "speaker_speculation"],
    }
}

/// Whether the warning is right on its sentence, or None when the guideline does not count it.
fn judge(f: &Finding, labels: &[String]) -> Option<bool> {
    let has = |l: &str| labels.iter().any(|x| x == l);
    let right = right_labels(f.kind).iter().any(|l| has(l));
    if f.kind == Kind::Speculation && !right && has("speaker_speculation") {
        return None;
    }
    Some(right)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn fit(examples: &[&Example], n_features: usize) -> Vec<f64> {
    let mut w = vec![0.0f64; n_features];
    let n = examples.len().max(1) as f64;
    for _ in 0..ITERATIONS {
        let mut grad = vec![0.0f64; n_features];
        for e in examples {
            let p = predict(&w, e);
            let err = p - if e.right { 1.0 } else { 0.0 };
            for &(k, x) in &e.features {
                grad[k] += err * x;
            }
        }
        for k in 0..n_features {
            w[k] -= LEARNING_RATE * (grad[k] / n + L2 * w[k]);
        }
    }
    w
}

fn predict(w: &[f64], e: &Example) -> f64 {
    sigmoid(e.features.iter().map(|&(k, x)| w[k] * x).sum())
}

fn main() {
    let mut all_splits = false;
    let mut leave_out: Vec<String> = Vec::new();
    let mut list: Option<String> = None;
    let mut positional: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--all-splits" => all_splits = true,
            "--leave-out" => {
                let path = args.next().expect("--leave-out FILE");
                leave_out = std::fs::read_to_string(&path).expect("read the --leave-out file").lines().map(str::to_string).collect();
            }
            "--list" => list = args.next(),
            _ => positional.push(arg),
        }
    }
    let dir = positional.first().map(String::as_str).unwrap_or("data/news-gold");
    let out_path = positional.get(1).map(String::as_str).unwrap_or("src/model/calibration.txt");
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut examples: Vec<Example> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("the news set folder").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let mut articles = 0;
    for path in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "json")) {
        let article: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("an article");
        let labelled = article["sentences"].as_array().is_some_and(|s| s.iter().all(|s| s["labelled"] == true));
        let left_out = leave_out.iter().any(|id| article["id"] == id.as_str());
        if (article["split"] != "dev" && !all_splits) || !labelled || left_out {
            continue;
        }
        let text = article["text"].as_str().expect("text");
        let sentences: Vec<(usize, usize, Vec<String>)> = article["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| {
                let labels = s["labels"].as_array().expect("labels").iter().map(|l| l.as_str().unwrap_or("").to_string()).collect();
                (s["start"].as_u64().unwrap_or(0) as usize, s["end"].as_u64().unwrap_or(0) as usize, labels)
            })
            .collect();
        for (f, feats) in warnings_with_features(text, &Options::default()) {
            let Some((start, end, labels)) = sentences.iter().find(|(start, end, _)| *start <= f.span.start && f.span.start < *end) else { continue };
            let Some(right) = judge(&f, labels) else { continue };
            let features = feats
                .into_iter()
                .map(|(name, value)| {
                    let next = names.len();
                    let k = *index.entry(name.clone()).or_insert_with(|| {
                        names.push(name);
                        next
                    });
                    (k, f64::from(value))
                })
                .collect();
            let sentence: String = text.chars().skip(*start).take(end - start).collect();
            let what = format!("{} «{}» [{}] {}", f.kind.as_str(), f.cue, labels.join(","), sentence);
            examples.push(Example { article: articles, features, right, what });
        }
        articles += 1;
    }
    // Drop rare features.
    let mut counts = vec![0usize; names.len()];
    for e in &examples {
        for &(k, _) in &e.features {
            counts[k] += 1;
        }
    }
    for e in &mut examples {
        e.features.retain(|&(k, _)| counts[k] >= MIN_FEATURE_COUNT || names[k].starts_with("bias ") || names[k].starts_with("prior "));
    }
    let positives = examples.iter().filter(|e| e.right).count();
    let which = if all_splits { "all splits" } else { "the dev split" };
    println!("{which}: {articles} articles, {} warnings ({positives} right)", examples.len());

    // Cross-validation by article.
    let mut oof = vec![0.0f64; examples.len()];
    for fold in 0..FOLDS {
        let train: Vec<&Example> = examples.iter().filter(|e| e.article % FOLDS != fold).collect();
        let w = fit(&train, names.len());
        for (k, e) in examples.iter().enumerate().filter(|(_, e)| e.article % FOLDS == fold) {
            oof[k] = predict(&w, e);
        }
    }
    let log_loss: f64 = examples
        .iter()
        .zip(&oof)
        .map(|(e, &p)| -(if e.right { p.max(1e-6).ln() } else { (1.0 - p).max(1e-6).ln() }))
        .sum::<f64>()
        / examples.len().max(1) as f64;
    let base = positives as f64 / examples.len().max(1) as f64;
    let base_loss = -(base * base.ln() + (1.0 - base) * (1.0 - base).ln());
    println!("{FOLDS}-fold CV by article: log loss {log_loss:.3} (a constant {base:.2} scores {base_loss:.3})");
    println!("predicted chance   warnings   right (observed share)");
    for (lo, hi) in [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)] {
        let bin: Vec<_> = examples.iter().zip(&oof).filter(|(_, &p)| p >= lo && p < hi).collect();
        let right = bin.iter().filter(|(e, _)| e.right).count();
        let mean: f64 = bin.iter().map(|(_, &p)| p).sum::<f64>() / bin.len().max(1) as f64;
        println!("  {lo:.2}-{:.2} (mean {mean:.2})   {:>4}   {right:>4} ({:.2})", hi.min(1.0), bin.len(), right as f64 / bin.len().max(1) as f64);
    }
    println!("threshold: warnings kept, their precision, share of right warnings kept (CV)");
    for t in [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8] {
        let kept: Vec<_> = examples.iter().zip(&oof).filter(|(_, &p)| p >= t).collect();
        let right = kept.iter().filter(|(e, _)| e.right).count();
        println!("  >= {t:.2}: {:>4} kept, precision {:.3}, recall of right {:.3}", kept.len(), right as f64 / kept.len().max(1) as f64, right as f64 / positives.max(1) as f64);
    }

    // Every warning with its cross-validated chance, to read what the model gets wrong.
    if let Some(list) = list {
        let mut out = std::fs::File::create(&list).expect("create the listing");
        let mut order: Vec<usize> = (0..examples.len()).collect();
        order.sort_by(|&a, &b| oof[b].total_cmp(&oof[a]));
        for k in order {
            writeln!(out, "{:.2} {} {}", oof[k], if examples[k].right { "RIGHT" } else { "wrong" }, examples[k].what).unwrap();
        }
    }

    let all: Vec<&Example> = examples.iter().collect();
    let w = fit(&all, names.len());
    let mut out = std::fs::File::create(out_path).expect("create the model file");
    writeln!(out, "# Warning calibration: logistic weights over model::calibration::features, fitted on").unwrap();
    writeln!(out, "# {which} of data/news-gold ({articles} articles, {} warnings) by", examples.len()).unwrap();
    writeln!(out, "# cargo run --release --example train_calibration. CV log loss {log_loss:.3} (constant {base_loss:.3}).").unwrap();
    let mut order: Vec<usize> = (0..names.len()).filter(|&k| w[k].abs() >= 0.005).collect();
    order.sort_by(|&a, &b| names[a].cmp(&names[b]));
    for k in order {
        writeln!(out, "{}\t{:.4}", names[k], w[k]).unwrap();
    }
    println!("wrote {out_path}");
}
