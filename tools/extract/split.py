#!/usr/bin/env python3
"""Splits trafilatura's evaluation corpus into a tuning part and a held-out part, and scores an
extractor on each: every page whose sha1(key) % 5 == 0 is held out (about a fifth; the key is the
page's URL, or the corpus's own key where it has no URL). Never look at held-out pages while tuning.

    python3 tools/extract/split.py [--worst N] [--part tune|heldout|all] [-- COMMAND...]

Writes target/trafeval-tune/ and target/trafeval-heldout/ (evaldata.json and a link to the
corpus's html/), then runs /work/shared/eval/score_snippets.py on each part (default command:
target/release/caveat extract). --worst is passed on for the tuning part only."""
import hashlib, json, os, subprocess, sys

CORPUS = '/work/shared/data/articles/trafilatura-eval'
SCORER = '/work/shared/eval/score_snippets.py'
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def held_out(key):
    return int(hashlib.sha1(key.encode('utf-8')).hexdigest(), 16) % 5 == 0


def write_parts():
    data = json.load(open(os.path.join(CORPUS, 'evaldata.json'), encoding='utf-8'))
    parts = {'tune': {}, 'heldout': {}}
    for key, item in data.items():
        parts['heldout' if held_out(key) else 'tune'][key] = item
    dirs = {}
    for name, items in parts.items():
        d = os.path.join(ROOT, 'target', 'trafeval-' + name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'evaldata.json'), 'w', encoding='utf-8') as f:
            json.dump(items, f, ensure_ascii=False)
        link = os.path.join(d, 'html')
        if not os.path.islink(link):
            os.symlink(os.path.join(CORPUS, 'html'), link)
        dirs[name] = (d, len(items))
    return dirs


def main():
    args = sys.argv[1:]
    worst, part = [], 'all'
    if '--worst' in args:
        i = args.index('--worst'); worst = args[i:i + 2]; del args[i:i + 2]
    if '--part' in args:
        i = args.index('--part'); part = args[i + 1]; del args[i:i + 2]
    cmd = args[args.index('--') + 1:] if '--' in args else [os.path.join(ROOT, 'target/release/caveat'), 'extract']
    dirs = write_parts()
    for name in ('tune', 'heldout'):
        if part not in ('all', name):
            continue
        d, n = dirs[name]
        print(f'== {name} ({n} pages)', flush=True)
        subprocess.run([sys.executable, SCORER, d] + (worst if name == 'tune' else []) + ['--'] + cmd, check=True)


main()
