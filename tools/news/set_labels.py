#!/usr/bin/env python3
"""Writes labels into an article of the news set. Reads lines "N: label,label" (N the sentence
number show.py prints; an empty list clears) on stdin, checks every label against the guideline's
list, and saves the file.   usage: set_labels.py data/news-gold/ID.json < labels.txt"""
import json, re, sys

LABELS = {'speculation', 'speaker_speculation', 'vague_source', 'needs_source', 'sourced', 'opinion', 'not_prose'}
path = sys.argv[1]
article = json.load(open(path))
n = len(article['sentences'])
for line in sys.stdin:
    line = line.split('#')[0].strip()
    if not line:
        continue
    m = re.fullmatch(r'(\d+)\s*:\s*\[?([a-z_, ]*)\]?', line)
    if not m:
        sys.exit(f'set_labels: cannot read {line!r} (expected "N: label,label")')
    i = int(m.group(1))
    if i >= n:
        sys.exit(f'set_labels: sentence {i} does not exist (the article has {n})')
    labels = [l.strip() for l in m.group(2).split(',') if l.strip()]
    unknown = [l for l in labels if l not in LABELS]
    if unknown:
        sys.exit(f'set_labels: unknown label(s) {unknown} on sentence {i}; use {sorted(LABELS)}')
    article['sentences'][i]['labels'] = sorted(set(labels))
    article['sentences'][i]['labelled'] = True
with open(path, 'w') as f:
    json.dump(article, f, ensure_ascii=False, indent=1)
done = sum(1 for s in article['sentences'] if s.get('labelled'))
print(f'{path}: {done} of {n} sentences labelled')
