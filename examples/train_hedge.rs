//! Trains the hedge-cue model (`src/model/hedge_cue.txt`) on the CoNLL-2010 WikiWeasel
//! train sentences, which are labelled per sentence only. Multiple-instance logistic
//! regression (noisy-or) over `caveat::model::hedge::features` of candidate tokens: each
//! candidate is a cue with probability sigmoid(score), a line is uncertain unless none of
//! its candidates is. The analyzer marks a candidate whose score clears a threshold, so a
//! sentence is uncertain when its best candidate does; the threshold is tuned for that.
//!
//! First it reports 5-fold cross-validation: in each fold the candidate words, the
//! weights and the threshold come from the four training folds only (the threshold from
//! an inner 3-fold split of them), and the held-out fold is scored. Then it trains on all
//! sentences and writes the model.
//!
//! cargo run --release --example train_hedge -- [TRAIN.jsonl] [OUT.txt]

use caveat::text::Input;
use caveat::Options;
use caveat::finding::Kind;
use caveat::model::hedge::{candidacy, features, Candidacy};
use caveat::passes::uncertainty::token_states;
use caveat::passes::{attribution, hedge};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::io::Write;

const FOLDS: usize = 5;
const INNER_FOLDS: usize = 3;
const EPOCHS: usize = 10;
/// Learned candidate words: seen in at least this many uncertain sentences, and in
/// uncertain sentences at least this share of their uses (the base rate is about 0.29).
const MIN_WORD_UNCERTAIN: usize = 10;
const MIN_WORD_SHARE: f32 = 0.7;
/// Features seen in fewer candidates, or with smaller weights, are dropped: rare features
/// overfit, and the file stays small. Cross-validation prunes the same way.
const MIN_FEATURE_COUNT: usize = 3;
const MIN_WEIGHT: f32 = 0.05;
/// Stochastic gradient steps start at this rate and shrink as 1/epoch; L2 shrinkage.
const LEARNING_RATE: f32 = 0.2;
const L2: f32 = 0.01;
/// The analyzer's balanced sensitivity: rule findings weaker than this are not shown.
const SHOWN: f32 = 0.45;

/// One token that may be a candidate.
struct Token {
    word: usize,
    /// A candidate whatever the learned words: a rule finding or hedging lexicon entry.
    always: bool,
    feats: Vec<u32>,
}

/// One labelled line (the unit the scorer counts).
struct Line {
    uncertain: bool,
    tokens: Vec<Token>,
    /// The rules alone mark it (speculation or vague attribution at balanced sensitivity).
    rules: bool,
}

#[derive(Default)]
struct Interner {
    ids: HashMap<String, usize>,
}

impl Interner {
    fn id(&mut self, name: String) -> usize {
        let n = self.ids.len();
        *self.ids.entry(name).or_insert(n)
    }
    fn names(&self) -> Vec<&str> {
        let mut names = vec![""; self.ids.len()];
        for (name, &id) in &self.ids {
            names[id] = name;
        }
        names
    }
}

fn load(path: &str, feats: &mut Interner, words: &mut Interner) -> Vec<Line> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let options = Options::default();
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("JSON line");
            let text = v["text"].as_str().expect("text");
            let uncertain = v["uncertain"].as_bool().expect("uncertain");
            let input = Input::new(text, &options, Vec::new());
            let attributions = attribution::find(&input);
            let hedges = hedge::find(&input, &attributions);
            let rule_findings: Vec<_> = attributions.findings.iter().chain(&hedges).cloned().collect();
            let rules = rule_findings.iter().any(|f| matches!(f.kind, Kind::Speculation | Kind::VagueAttribution) && f.strength >= SHOWN);
            let states = token_states(&input, &attributions, &rule_findings);
            let mut tokens = Vec::new();
            for (s, sentence) in input.seg.sentences.iter().enumerate() {
                for i in sentence.tokens.clone() {
                    let always = match candidacy(&input, &states, i) {
                        Candidacy::Never => continue,
                        Candidacy::IfLearned => false,
                        Candidacy::Always => true,
                    };
                    let mut ids = Vec::new();
                    features(&input, s, i, states[i], &mut |parts| ids.push(feats.id(parts.join(" ")) as u32));
                    tokens.push(Token { word: words.id(input.norm.token(i).to_string()), always, feats: ids });
                }
            }
            Line { uncertain, tokens, rules }
        })
        .collect()
}

/// xorshift64: a fixed, dependency-free random sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for k in (1..v.len()).rev() {
            let j = (self.next() % (k as u64 + 1)) as usize;
            v.swap(k, j);
        }
    }
}

/// Learned candidate words: words that mostly occur in uncertain lines of `train`.
fn learn_words(lines: &[Line], train: &[usize]) -> HashSet<usize> {
    let mut seen: HashMap<usize, (usize, usize)> = HashMap::new();
    for &l in train {
        let line = &lines[l];
        let mut words: Vec<usize> = line.tokens.iter().map(|t| t.word).collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            let e = seen.entry(w).or_default();
            e.0 += 1;
            e.1 += line.uncertain as usize;
        }
    }
    seen.into_iter()
        .filter(|&(_, (n, u))| u >= MIN_WORD_UNCERTAIN && u as f32 >= MIN_WORD_SHARE * n as f32)
        .map(|(w, _)| w)
        .collect()
}

struct Model {
    words: HashSet<usize>,
    weights: Vec<f32>,
}

impl Model {
    fn candidates<'a>(&'a self, line: &'a Line) -> impl Iterator<Item = &'a Token> + 'a {
        line.tokens.iter().filter(|t| t.always || self.words.contains(&t.word))
    }
    fn token_score(&self, t: &Token) -> f32 {
        t.feats.iter().map(|&f| self.weights[f as usize]).sum()
    }
    /// The line's score: its best candidate's (minus infinity without candidates).
    fn score(&self, line: &Line) -> f32 {
        self.candidates(line).map(|t| self.token_score(t)).fold(f32::NEG_INFINITY, f32::max)
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Noisy-or logistic regression: each candidate is a cue with probability sigmoid(score),
/// and a line is uncertain unless none of its candidates is. Stochastic gradient ascent on
/// the log-likelihood with L2 shrinkage of the weights a step touches.
fn train(lines: &[Line], train: &[usize], n_feats: usize, seed: u64) -> Model {
    let words = learn_words(lines, train);
    let mut model = Model { words, weights: vec![0.0; n_feats] };
    let mut counts = vec![0u32; n_feats];
    for &l in train {
        for t in model.candidates(&lines[l]) {
            t.feats.iter().for_each(|&f| counts[f as usize] += 1);
        }
    }
    let mut order = train.to_vec();
    let mut rng = Rng(seed);
    let mut grads: Vec<f32> = Vec::new();
    for epoch in 0..EPOCHS {
        rng.shuffle(&mut order);
        let rate = LEARNING_RATE / (1.0 + epoch as f32);
        for &l in &order {
            let line = &lines[l];
            grads.clear();
            let mut q = 1.0f32;
            for t in model.candidates(line) {
                let p = sigmoid(model.token_score(t));
                q *= 1.0 - p;
                grads.push(p);
            }
            if grads.is_empty() {
                continue;
            }
            let factor = if line.uncertain { (q / (1.0 - q).max(1e-6)).min(20.0) } else { -1.0 };
            for (t, g) in model.candidates(line).zip(grads.iter()).map(|(t, p)| (t.feats.clone(), factor * p)).collect::<Vec<_>>() {
                for f in t {
                    let w = &mut model.weights[f as usize];
                    *w += rate * (g - L2 * *w);
                }
            }
        }
    }
    for (w, &count) in model.weights.iter_mut().zip(&counts) {
        if w.abs() < MIN_WEIGHT || (count as usize) < MIN_FEATURE_COUNT {
            *w = 0.0;
        }
    }
    model
}

#[derive(Clone, Copy, Default)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn add(&mut self, predicted: bool, gold: bool) {
        self.tp += (predicted && gold) as usize;
        self.fp += (predicted && !gold) as usize;
        self.fn_ += (!predicted && gold) as usize;
    }
    fn p(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// How the model's decision combines with the rules': the model alone (rule hits are
/// features, and rule cues the model rejects are not shown), or the model added to the rules.
#[derive(Clone, Copy, PartialEq)]
enum Combine {
    ModelOnly,
    ModelOrRules,
}

fn predict(line: &Line, score: f32, threshold: f32, combine: Combine) -> bool {
    score > threshold || (combine == Combine::ModelOrRules && line.rules)
}

/// The threshold with the best F1 on (line, score) pairs.
fn best_threshold(lines: &[Line], scored: &[(usize, f32)], combine: Combine) -> f32 {
    let mut xs: Vec<f32> = scored.iter().map(|s| s.1).filter(|x| x.is_finite()).collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup();
    let mut best = (0.0, 0.0f32);
    for k in 0..xs.len() {
        let t = if k + 1 < xs.len() { (xs[k] + xs[k + 1]) / 2.0 } else { xs[k] + 0.01 };
        let mut prf = Prf::default();
        for &(l, x) in scored {
            prf.add(predict(&lines[l], x, t, combine), lines[l].uncertain);
        }
        if prf.f1() > best.0 {
            best = (prf.f1(), t);
        }
    }
    best.1
}

/// Splits `items` into `k` folds after a fixed shuffle.
fn folds(items: &[usize], k: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut order = items.to_vec();
    Rng(seed).shuffle(&mut order);
    let mut out = vec![Vec::new(); k];
    for (n, &i) in order.iter().enumerate() {
        out[n % k].push(i);
    }
    out.iter_mut().for_each(|f| f.sort_unstable());
    out
}

fn rest(folds: &[Vec<usize>], k: usize) -> Vec<usize> {
    folds.iter().enumerate().filter(|&(j, _)| j != k).flat_map(|(_, f)| f.iter().copied()).collect()
}

/// The threshold for a model trained on `train`, tuned on inner out-of-fold scores.
fn tuned_threshold(lines: &[Line], train: &[usize], n_feats: usize, combine: Combine, seed: u64) -> f32 {
    let inner = folds(train, INNER_FOLDS, seed ^ 0x9e37);
    let mut scored = Vec::new();
    for k in 0..INNER_FOLDS {
        let model = self::train(lines, &rest(&inner, k), n_feats, seed + k as u64);
        scored.extend(inner[k].iter().map(|&l| (l, model.score(&lines[l]))));
    }
    best_threshold(lines, &scored, combine)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or("../shared/data/uncertainty/wikiweasel-train.jsonl", String::as_str);
    let out_path = args.get(2).map_or("src/model/hedge_cue.txt", String::as_str);
    let (mut feats, mut words) = (Interner::default(), Interner::default());
    let lines = load(path, &mut feats, &mut words);
    let n_feats = feats.ids.len();
    let all: Vec<usize> = (0..lines.len()).collect();
    eprintln!("{} lines ({} uncertain), {} candidate tokens, {} features", lines.len(), lines.iter().filter(|l| l.uncertain).count(), lines.iter().map(|l| l.tokens.len()).sum::<usize>(), n_feats);
    let mut rules = Prf::default();
    lines.iter().for_each(|l| rules.add(l.rules, l.uncertain));
    println!("rules alone (no learning, all lines): P={:.3} R={:.3} F1={:.3}", rules.p(), rules.r(), rules.f1());

    const SEED: u64 = 0x2545_f491_4f6c_dd1d;
    let outer = folds(&all, FOLDS, SEED);
    for (name, combine) in [("model alone, rule hits as features", Combine::ModelOnly), ("model cues added to the rule findings (what the analyzer ships)", Combine::ModelOrRules)] {
        println!("{FOLDS}-fold cross-validation, {name}; threshold tuned by an inner {INNER_FOLDS}-fold split of each training part:");
        let mut f1s = Vec::new();
        let mut pooled = Prf::default();
        for k in 0..FOLDS {
            let train_part = rest(&outer, k);
            let threshold = tuned_threshold(&lines, &train_part, n_feats, combine, SEED + 100 * k as u64);
            let model = train(&lines, &train_part, n_feats, SEED + k as u64);
            let mut prf = Prf::default();
            for &l in &outer[k] {
                prf.add(predict(&lines[l], model.score(&lines[l]), threshold, combine), lines[l].uncertain);
            }
            pooled.tp += prf.tp;
            pooled.fp += prf.fp;
            pooled.fn_ += prf.fn_;
            println!("  fold {}: P={:.3} R={:.3} F1={:.3} (threshold {threshold:.2})", k + 1, prf.p(), prf.r(), prf.f1());
            f1s.push(prf.f1());
        }
        let mean = f1s.iter().sum::<f64>() / FOLDS as f64;
        println!("  mean F1={mean:.3}; pooled P={:.3} R={:.3} F1={:.3}", pooled.p(), pooled.r(), pooled.f1());
    }

    // The shipped model (the analyzer adds its cues to the rules'): every line, the
    // threshold from an inner split of them.
    let combine = Combine::ModelOrRules;
    let threshold = tuned_threshold(&lines, &all, n_feats, combine, SEED ^ 0xabcd);
    let model = train(&lines, &all, n_feats, SEED);
    let names = feats.names();
    let word_names = words.names();
    let mut out = format!(
        "# Hedge-cue model: multiple-instance (noisy-or) logistic regression, trained by\n# cargo run --release --example train_hedge\n# on CoNLL-2010 WikiWeasel train. `word` lines: learned candidate words; others: feature parts, weight.\nthreshold\t{threshold:.3}\n"
    );
    let mut learned: Vec<&str> = model.words.iter().map(|&w| word_names[w]).collect();
    learned.sort_unstable();
    learned.iter().for_each(|w| out.push_str(&format!("word\t{w}\n")));
    let mut weights: Vec<(&str, f32)> = (0..n_feats).filter(|&f| model.weights[f] != 0.0).map(|f| (names[f], model.weights[f])).collect();
    weights.sort_by(|a, b| a.0.cmp(b.0));
    weights.iter().for_each(|(name, x)| out.push_str(&format!("{name}\t{x:.3}\n")));
    std::fs::File::create(out_path).and_then(|mut f| f.write_all(out.as_bytes())).expect("write model");
    let mut prf = Prf::default();
    lines.iter().for_each(|l| prf.add(predict(l, model.score(l), threshold, combine), l.uncertain));
    println!("final model on its own training lines (NOT a held-out figure): P={:.3} R={:.3} F1={:.3}", prf.p(), prf.r(), prf.f1());
    eprintln!("wrote {} learned words and {} weights (threshold {threshold:.3}) to {out_path}", learned.len(), weights.len());
}
