#!/usr/bin/env python3
"""Prints an article of the news set for labelling: numbered sentences, a blank line between
paragraphs, and each sentence's labels so far.   usage: show.py data/news-gold/ID.json"""
import json, sys

article = json.load(open(sys.argv[1]))
text = article['text']
print(f"# {article['id']}  ({article['genre']}; {article['source']})\n")
prev_end = 0
for i, s in enumerate(article['sentences']):
    if '\n\n' in text[prev_end:s['start']]:
        print()
    labels = ','.join(s['labels'])
    print(f"{i}: [{labels}] {text[s['start']:s['end']]}")
    prev_end = s['end']
