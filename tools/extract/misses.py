#!/usr/bin/env python3
"""Lists, for pages of the tuning part of trafilatura's corpus, the boilerplate snippets an extractor
kept and the text snippets it lost: python3 tools/extract/misses.py [PATTERN...] [-- COMMAND...]
(PATTERN matches the page's key or file; without one, every tuning page with a miss). Refuses
held-out pages (tools/extract/split.py)."""
import gzip, json, os, re, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

CORPUS = '/work/shared/data/articles/trafilatura-eval'
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def norm(t):
    return re.sub(r'\s+', ' ', t).strip()


def main():
    import hashlib
    args = sys.argv[1:]
    cmd = [os.path.join(ROOT, 'target/release/caveat'), 'extract']
    if '--' in args:
        i = args.index('--'); cmd = args[i + 1:]; args = args[:i]
    data = json.load(open(os.path.join(CORPUS, 'evaldata.json'), encoding='utf-8'))
    tmp = tempfile.mkdtemp()
    for key in sorted(data):
        if int(hashlib.sha1(key.encode('utf-8')).hexdigest(), 16) % 5 == 0:
            continue
        item = data[key]
        if args and not any(a in key or a in item['file'] for a in args):
            continue
        path = os.path.join(tmp, 'page.html')
        with gzip.open(os.path.join(CORPUS, 'html', item['file'])) as src, open(path, 'wb') as dst:
            dst.write(src.read())
        out = norm(subprocess.run(cmd + [path], capture_output=True).stdout.decode('utf-8', 'replace'))
        kept = [w for w in item['without'] if norm(w) in out]
        lost = [w for w in item['with'] if norm(w) not in out]
        if kept or lost:
            print(f'## {item["file"]}  ({len(out)} chars out)')
            for w in kept:
                print('  + kept:', w[:160])
            for w in lost:
                print('  - lost:', w[:160])


main()
