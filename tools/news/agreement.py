#!/usr/bin/env python3
"""Agreement between the two labelling passes of the news set: Cohen's kappa per label over the
sentences of the articles in data/news-gold/second-pass/ (each compared with its first pass).

    python3 tools/news/agreement.py [DIR]        (DIR defaults to data/news-gold)
    python3 tools/news/agreement.py --diff [DIR] (also lists every sentence the passes label differently)
"""
import json, os, sys

LABELS = ['speculation', 'speaker_speculation', 'vague_source', 'needs_source', 'sourced', 'opinion', 'not_prose']


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float('nan')
    agree = sum(a == b for a, b in pairs) / n
    p1 = sum(a for a, _ in pairs) / n
    p2 = sum(b for _, b in pairs) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    return 1.0 if chance == 1 else (agree - chance) / (1 - chance)


def main(argv):
    diff = '--diff' in argv
    args = [a for a in argv if a != '--diff']
    directory = args[0] if args else 'data/news-gold'
    second_dir = os.path.join(directory, 'second-pass')
    pairs = {label: [] for label in LABELS}
    articles = sentences = 0
    for name in sorted(os.listdir(second_dir)):
        if not name.endswith('.json'):
            continue
        first = json.load(open(os.path.join(directory, name)))
        second = json.load(open(os.path.join(second_dir, name)))
        if [(s['start'], s['end']) for s in first['sentences']] != [(s['start'], s['end']) for s in second['sentences']]:
            sys.exit(f'agreement: {name}: the two passes have different sentences')
        articles += 1
        for i, (a, b) in enumerate(zip(first['sentences'], second['sentences'])):
            sentences += 1
            la, lb = set(a['labels']), set(b['labels'])
            for label in LABELS:
                pairs[label].append((label in la, label in lb))
            if diff and la != lb:
                text = first['text'][a['start']:a['end']]
                print(f'{name[:40]} #{i}: first {sorted(la)} second {sorted(lb)}: {text[:140]}')
    print(f'two passes over {articles} articles, {sentences} sentences')
    for label in LABELS:
        p = pairs[label]
        print(f'{label:20} kappa {kappa(p):.2f}  (first {sum(a for a, _ in p)}, second {sum(b for _, b in p)}, '
              f'both {sum(a and b for a, b in p)})')


if __name__ == '__main__':
    main(sys.argv[1:])
