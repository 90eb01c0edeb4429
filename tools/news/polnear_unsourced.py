#!/usr/bin/env python3
"""Share of unsourced-claim findings that sit in PolNeAR sentences holding an annotated
attribution (a source, cue or attributed content): claims the annotators saw as sourced.

    python3 tools/news/polnear_unsourced.py ../shared/data/attribution/polnear-train.jsonl -- target/release/caveat jsonl
"""
import json, subprocess, sys


def main(argv):
    cut = argv.index('--')
    path, command = argv[0], argv[cut + 1:]
    articles = [json.loads(line) for line in open(path)]
    lines = ''.join(json.dumps({'id': a['id'], 'text': a['text']}) + '\n' for a in articles)
    out = subprocess.run(command, input=lines.encode(), capture_output=True, check=True).stdout.decode()
    answers = {json.loads(l)['id']: json.loads(l)['findings'] for l in out.splitlines()}
    claims = inside = 0
    for a in articles:
        spans = [tuple(x) for r in a['attributions'] for part in ('source', 'cue', 'content') for x in (r.get(part) or [])]
        for f in answers[a['id']]:
            if f['kind'] != 'unsourced_claim':
                continue
            sentence = next(((s, e) for s, e in a['sentences'] if s <= f['start'] < e), (f['start'], f['end']))
            claims += 1
            inside += any(s < sentence[1] and e > sentence[0] for s, e in spans)
    share = inside / claims if claims else 0.0
    print(f'{len(articles)} articles: {claims} unsourced-claim findings, {inside} in sentences with an annotated attribution ({share:.1%})')


if __name__ == '__main__':
    main(sys.argv[1:])
