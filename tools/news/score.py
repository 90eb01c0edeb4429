#!/usr/bin/env python3
"""Scores Caveat's marks against the labelled news set by ../shared/annotation/GUIDELINE.md.

    python3 tools/news/score.py [--split dev|test|all] [--cv K] [--show] [DIR] -- target/release/caveat jsonl [OPTIONS]

Runs the command once on every article's text (JSON lines {"id", "text"} in, {"id", "findings"} out,
as `caveat jsonl` speaks) and counts, per the guideline:
- a sentence is marked with a kind when a finding of that kind overlaps it;
- speculation is right on `speculation` sentences and not counted on `speaker_speculation` ones;
  vague_attribution is right on `vague_source`; unsourced_claim on `needs_source`; attribution on
  `sourced` and `speaker_speculation`;
- trust: of the warned sentences (speculation, vague_attribution, unsourced_claim), the share whose
  warnings are all right (a sentence whose only warning is not counted is left out);
- per kind: precision over the sentences it marks, recall over the sentences with its label;
- warned sentences per 1,000 words per article: median and worst.
`--show` lists every wrong or missed mark (use it on the dev split only: the test split is for figures).

`--cv K` cross-validates the learned calibration: the articles scored are split into K folds by a
hash of their id, and each fold is analysed with weights that `train_calibration` fits on every
other labelled article of DIR, all splits (the command gets `--calibration FILE`). Run
`cargo build --release --example train_calibration` first. Figures so made never come from
weights that saw the article; with `--split test` they also come from articles no rule was tuned on.
"""
import hashlib, json, os, statistics, subprocess, sys, tempfile

TRAINER = 'target/release/examples/train_calibration'

WARNINGS = ('speculation', 'vague_attribution', 'unsourced_claim')
RIGHT_ON = {
    'speculation': {'speculation'},
    'vague_attribution': {'vague_source'},
    'unsourced_claim': {'needs_source'},
    'attribution': {'sourced', 'speaker_speculation'},
}
NOT_COUNTED = {'speculation': {'speaker_speculation'}}
LABEL_OF = {'speculation': 'speculation', 'vague_attribution': 'vague_source',
            'unsourced_claim': 'needs_source', 'attribution': 'sourced'}


def load(directory, split):
    articles = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith('.json'):
            continue
        a = json.load(open(os.path.join(directory, name)))
        if split != 'all' and a.get('split') != split:
            continue
        if not all(s.get('labelled') for s in a['sentences']):
            print(f'score: {name} is not fully labelled; left out', file=sys.stderr)
            continue
        articles.append(a)
    return articles


def run(command, articles):
    lines = ''.join(json.dumps({'id': a['id'], 'text': a['text']}) + '\n' for a in articles)
    out = subprocess.run(command, input=lines.encode(), capture_output=True, check=True).stdout.decode()
    answers = {}
    for line in out.splitlines():
        answer = json.loads(line)
        if 'error' in answer:
            sys.exit(f'score: {answer["id"]}: {answer["error"]}')
        answers[answer['id']] = answer['findings']
    return answers


def run_cross_validated(command, articles, directory, folds):
    """Answers for every article, each from weights fitted without its fold."""
    fold_of = lambda a: int(hashlib.sha1(a['id'].encode()).hexdigest(), 16) % folds
    answers = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = [a for a in articles if fold_of(a) == k]
            if not held:
                continue
            ids, model = os.path.join(tmp, f'fold{k}.ids'), os.path.join(tmp, f'fold{k}.txt')
            with open(ids, 'w') as f:
                f.write(''.join(a['id'] + '\n' for a in held))
            subprocess.run([TRAINER, '--all-splits', '--leave-out', ids, directory, model], check=True,
                           stdout=subprocess.DEVNULL)
            answers.update(run(command + ['--calibration', model], held))
    return answers


def marked_kinds(sentence, findings):
    return {f['kind'] for f in findings if f['start'] < sentence['end'] and f['end'] > sentence['start']}


def ratio(a, b):
    return a / b if b else float('nan')


def main(argv):
    split, show, directory, folds = 'all', False, 'data/news-gold', 0
    if '--' not in argv:
        sys.exit(__doc__)
    cut = argv.index('--')
    args, command = argv[:cut], argv[cut + 1:]
    while args:
        arg = args.pop(0)
        if arg == '--split':
            split = args.pop(0)
        elif arg == '--cv':
            folds = int(args.pop(0))
        elif arg == '--show':
            show = True
        else:
            directory = arg
    articles = load(directory, split)
    if not articles:
        sys.exit(f'score: no labelled articles in {directory} (split {split})')
    answers = run_cross_validated(command, articles, directory, folds) if folds else run(command, articles)
    tp = {k: 0 for k in RIGHT_ON}
    marked = {k: 0 for k in RIGHT_ON}
    found = {k: 0 for k in RIGHT_ON}
    gold = {k: 0 for k in RIGHT_ON}
    warned = warned_right = 0
    per_kwords, sentences = [], 0
    for a in articles:
        findings = answers[a['id']]
        text = a['text']
        article_warned = 0
        for s in a['sentences']:
            sentences += 1
            labels = set(s['labels'])
            kinds = marked_kinds(s, findings)
            counted_warnings = []
            for kind in RIGHT_ON:
                has_label = bool(labels & ({LABEL_OF[kind]} | (RIGHT_ON[kind] if kind == 'attribution' else set())))
                gold[kind] += has_label
                if kind in kinds:
                    found[kind] += has_label
                    if labels & NOT_COUNTED.get(kind, set()) and not labels & RIGHT_ON[kind]:
                        continue
                    marked[kind] += 1
                    right = bool(labels & RIGHT_ON[kind])
                    tp[kind] += right
                    if kind in WARNINGS:
                        counted_warnings.append((kind, right))
                elif has_label and show and kind != 'attribution':
                    print(f'MISS  {kind:17} {a["id"][:40]}: {text[s["start"]:s["end"]][:160]}')
            if counted_warnings:
                warned += 1
                article_warned += 1
                ok = all(r for _, r in counted_warnings)
                warned_right += ok
                if show and not ok:
                    wrong = ','.join(k for k, r in counted_warnings if not r)
                    cues = '; '.join(f['cue'] for f in findings
                                     if f['kind'] in wrong and f['start'] < s['end'] and f['end'] > s['start'])
                    print(f'WRONG {wrong:17} {a["id"][:40]} [{",".join(sorted(labels))}] '
                          f'cue «{cues}»: {text[s["start"]:s["end"]][:160]}')
        per_kwords.append(1000 * article_warned / max(1, len(text.split())))
    how = f', calibration cross-validated in {folds} folds' if folds else ''
    print(f'news set {directory} split {split}: {len(articles)} articles, {sentences} sentences{how}')
    print(f'trust (precision of warned sentences): {ratio(warned_right, warned):.3f} ({warned_right}/{warned})')
    for kind in RIGHT_ON:
        print(f'{kind:18} precision {ratio(tp[kind], marked[kind]):.3f} ({tp[kind]}/{marked[kind]})  '
              f'recall {ratio(found[kind], gold[kind]):.3f} ({found[kind]}/{gold[kind]})')
    print(f'warned sentences per 1,000 words: median {statistics.median(per_kwords):.1f}, '
          f'worst {max(per_kwords):.1f}')


if __name__ == '__main__':
    main(sys.argv[1:])
