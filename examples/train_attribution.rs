//! Trains the attribution-cue model (`src/model/attribution_cue.txt`) on the PolNeAR
//! train split: an averaged perceptron over the features of `caveat::model::features`
//! for candidate tokens (words seen as cues in the training data).
//!
//! cargo run --release --example train_attribution -- [TRAIN.jsonl] [OUT.txt]

use caveat::text::Input;
use caveat::Options;
use caveat::model::{features, CandidateWords};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::io::Write;

const EPOCHS: usize = 8;
/// Candidate words: seen inside a gold cue at least this often, and in at least this share of their uses.
const MIN_CUE_COUNT: usize = 3;
const MIN_CUE_SHARE: f32 = 0.1;
/// Features seen fewer times, or with smaller weights, are dropped from the file:
/// rare features overfit, and the file stays small (it is most of the wasm's data). PolNeAR
/// dev F1: 0.854 at 0.1 (11,600 weights), 0.853 at 0.7 (8,500), 0.850 at 0.95 (6,800), the
/// cut that keeps the wasm within 300 KiB gzipped as the extractor grew.
const MIN_FEATURE_COUNT: usize = 3;
const MIN_WEIGHT: f32 = 0.95;

struct Doc {
    text: String,
    cues: Vec<(usize, usize)>,
}

fn load(path: &str) -> Vec<Doc> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("JSON line");
            let text = v["text"].as_str().expect("text").to_string();
            let mut cues = Vec::new();
            for a in v["attributions"].as_array().into_iter().flatten() {
                for c in a["cue"].as_array().into_iter().flatten() {
                    if let (Some(s), Some(e)) = (c[0].as_u64(), c[1].as_u64()) {
                        cues.push((s as usize, e as usize));
                    }
                }
            }
            Doc { text, cues }
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let train = args.get(1).map_or("../shared/data/attribution/polnear-train.jsonl", String::as_str);
    let out_path = args.get(2).map_or("src/model/attribution_cue.txt", String::as_str);
    let docs = load(train);
    let options = Options::default();

    // Pass 1: candidate words.
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    for doc in &docs {
        let input = Input::new(&doc.text, &options, Vec::new());
        for (i, t) in input.seg.tokens.iter().enumerate() {
            let in_cue = doc.cues.iter().any(|&(s, e)| (t.start as usize) < e && s < t.end as usize);
            let entry = seen.entry(input.norm.token(i).to_string()).or_default();
            entry.0 += 1;
            entry.1 += in_cue as usize;
        }
    }
    let words: HashSet<String> = seen
        .iter()
        .filter(|(w, (n, c))| *c >= MIN_CUE_COUNT && *c as f32 >= MIN_CUE_SHARE * *n as f32 && w.chars().any(char::is_alphabetic))
        .map(|(w, _)| w.clone())
        .collect();

    let mut candidates = CandidateWords::default();
    words.iter().for_each(|w| candidates.insert(w));

    // Pass 2: instances.
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut instances: Vec<(Vec<usize>, bool)> = Vec::new();
    for doc in &docs {
        let input = Input::new(&doc.text, &options, Vec::new());
        for (s, sentence) in input.seg.sentences.iter().enumerate() {
            for i in sentence.tokens.clone() {
                if !candidates.contains(input.norm.token(i)) {
                    continue;
                }
                let t = &input.seg.tokens[i];
                let label = doc.cues.iter().any(|&(s, e)| (t.start as usize) < e && s < t.end as usize);
                let mut feats = Vec::new();
                features(&input, s, i, &mut |parts| {
                    let name = parts.join(" ");
                    let n = names.len();
                    let f = *names.entry(name).or_insert(n);
                    if f == counts.len() {
                        counts.push(0);
                    }
                    counts[f] += 1;
                    feats.push(f);
                });
                instances.push((feats, label));
            }
        }
    }
    eprintln!("{} candidate words, {} instances, {} features", words.len(), instances.len(), names.len());

    // Averaged perceptron with a fixed shuffle.
    let mut w = vec![0f32; names.len()];
    let mut total = vec![0f32; names.len()];
    let mut stamp = vec![0u64; names.len()];
    let mut step = 1u64;
    let mut order: Vec<usize> = (0..instances.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..EPOCHS {
        for k in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &n in &order {
            let (feats, label) = &instances[n];
            let score: f32 = feats.iter().map(|&f| w[f]).sum();
            if (score > 0.0) != *label {
                errors += 1;
                let delta = if *label { 1.0 } else { -1.0 };
                for &f in feats {
                    total[f] += (step - stamp[f]) as f32 * w[f];
                    stamp[f] = step;
                    w[f] += delta;
                }
            }
            step += 1;
        }
        eprintln!("epoch {}: {} errors of {}", epoch + 1, errors, instances.len());
    }
    let mut out = String::from("# Attribution-cue model: averaged perceptron, trained by\n# cargo run --release --example train_attribution\n# on PolNeAR train. `word` lines: candidate words; others: feature parts, weight.\n");
    let mut words: Vec<&String> = words.iter().collect();
    words.sort();
    for word in words {
        out.push_str(&format!("word\t{word}\n"));
    }
    let mut weights: Vec<(&String, f32)> = names
        .iter()
        .map(|(name, &f)| (name, (total[f] + (step - stamp[f]) as f32 * w[f]) / step as f32))
        .filter(|(name, x)| x.abs() >= MIN_WEIGHT && counts[names[*name]] >= MIN_FEATURE_COUNT)
        .collect();
    weights.sort_by(|a, b| a.0.cmp(b.0));
    for (name, x) in &weights {
        out.push_str(&format!("{name}\t{x:.2}\n"));
    }
    std::fs::File::create(out_path).and_then(|mut f| f.write_all(out.as_bytes())).expect("write model");
    eprintln!("wrote {} weights to {out_path}", weights.len());
}
