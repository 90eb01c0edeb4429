#!/usr/bin/env python3
"""Builds the unlabelled pool of the news set (data/news-gold/): real news text from ../shared, one
JSON file per article with Caveat's sentence offsets and an empty label list per sentence.

Sources: PolNeAR dev articles (their text as given), Mozilla Readability's test pages (the text of
their expected.html, the article a good extractor keeps) and English news pages of trafilatura's
corpus (the text `caveat extract` prints, so page furniture that slips through is part of the set,
labelled not_prose). Labels are added by reading (tools/news/README.md); this script never runs the
analyzer. Run from the repository root after `cargo build --release --example sentences`.
"""
import gzip, hashlib, html, json, os, re, subprocess, sys
from html.parser import HTMLParser

SHARED = os.environ.get('CAVEAT_SHARED', '../shared')
OUT = 'data/news-gold'

POLNEAR = {  # id prefix -> genre
    'nyt': 'hard news', 'politico': 'hard news', 'usa-today': 'hard news', 'wash-post': 'analysis',
    'huff-post': 'opinion', 'west-journal': 'opinion', 'breitbart': 'hard news',
}
READABILITY = {
    'bbc-1': 'hard news', 'cnn': 'business', 'guardian-1': 'feature', 'nytimes-1': 'hard news',
    'nytimes-3': 'feature', 'nytimes-4': 'business', 'wapo-1': 'hard news', 'wapo-2': 'analysis',
    'telegraph': 'hard news', 'herald-sun-1': 'hard news', 'medicalnewstoday': 'science',
    'theverge': 'product', 'ars-1': 'technology', 'buzzfeed-1': 'hard news', 'webmd-1': 'science',
    # second batch
    'nytimes-2': 'business', 'citylab-1': 'feature', 'yahoo-2': 'science', 'yahoo-3': 'hard news', 'cnet': 'business',
    'msn': 'technology', 'iab-1': 'opinion',
    # third batch
    'seattletimes-1': 'business', 'engadget': 'product', 'quanta-1': 'science', 'salon-1': 'opinion', 'aclu': 'opinion',
    # fifth batch
    'bug-1255978': 'feature', 'schema-org-context-object': 'hard news', 'article-author-tag': 'feature', 'wikia': 'culture',
    'gitlab-blog': 'business', 'spiceworks': 'technology', 'wordpress': 'business',
}
TRAFILATURA = {
    'https://www.latimes.com/politics/story/2020-02-19/mike-bloomberg-democratic-debate-history': 'analysis',
    'https://www.theguardian.com/education/2020/jan/20/thousands-of-uk-academics-treated-as-second-class-citizens': 'hard news',
    'https://phys.org/news/2019-10-flint-flake-tool-partially-birch.html': 'science',
    'https://www.reuters.com/article/us-awards-sag/parasite-scores-upset-at-sag-awards-boosting-oscar-chances-idUSKBN1ZI0EH': 'culture',
    'https://www.nature.com/articles/d41586-019-02790-3': 'science',
    'https://www.bbc.com/news/world-us-canada-52241221': 'hard news',
    'https://www.pcmag.com/news/next-gen-hamr-platters-promise-80tb-hard-drives': 'product',
    'https://www.nytimes.com/2020/08/16/business/california-blackouts.html': 'business',
    'https://www.politico.com/news/2019/12/30/mark-meadows-retirement-elect-wife-friend-090838': 'hard news',
    'https://www.theatlantic.com/ideas/archive/2020/08/californias-disasters-are-a-warning-climate-change-is-here/615610/': 'opinion',
    'https://www.independent.co.uk/news/uk/politics/coronavirus-false-reporting-contact-fine-penalty-b671230.html': 'hard news',
    'https://www.japantimes.co.jp/news/2020/02/18/national/crime-legal/6000-surgical-masks-stolen/': 'hard news',
    'https://www.cbsnews.com/news/2020-presidential-election-south-carolina-black-voters-democrats-joe-biden/': 'analysis',
    'https://www.kxan.com/news/texas/voters-pass-increase-for-retired-public-education-workers-but-future-shortfalls-likely-to-emerge/': 'hard news',
    'https://gothamist.com/news/rezoning-plan-plagues-bronx-city-councilmembers-re-election-bid': 'hard news',
    'https://www.phillyvoice.com/sixers-76ers-score-record-news-analysis-celtics-joel-embiid-tyrese-maxey-jayson-tatum/': 'sport',
    'https://wsvn.com/news/local/miami-dade/15-year-old-driver-killed-14-year-old-passenger-critical-in-sw-miami-dade-crash/': 'hard news',
    'https://www.miamitodaynews.com/2023/11/07/transit-tax-trust-rejects-countys-south-dade-transitway-data/': 'hard news',
    'https://www.telegraph.co.uk/news/uknews/law-and-order/9209302/Plumber-jailed-after-boiler-killed-millionaires-daughter.html': 'hard news',
    'https://www.wired.com/story/ai-great-things-burn-planet/': 'opinion',
    'https://thepointsguy.com/news/alaska-airlines-oneworld-membership-new-date/': 'business',
    'https://www.standard.co.uk/news/uk/turkey-poland-caribbean-islands-added-to-uk-quarantine-list-a4561256.html': 'hard news',
    # second batch
    'https://www.vice.com/en_uk/article/d3avvm/the-amazon-is-on-fire-and-the-smoke-can-be-seen-from-space': 'science',
    'https://www.theverge.com/2019/7/3/20680681/ios-13-beta-3-facetime-attention-correction-eye-contact': 'product',
    'https://www.scmp.com/comment/opinion/article/3046526/taiwanese-president-tsai-ing-wens-political-playbook-should-be': 'opinion',
    'https://wikimediafoundation.org/news/2020/01/15/access-to-wikipedia-restored-in-turkey-after-more-than-two-and-a-half-years/': 'hard news',
    'https://www.pcgamer.com/through-the-darkest-of-times-review/': 'culture',
    'https://www.rutgers.edu/news/new-robot-does-superior-job-sampling-blood': 'science',
    'https://www.medicalnewstoday.com/articles/318674': 'science',
    'https://www.economist.com/open-future/2018/06/18/why-collaborative-thinking-beats-individual-smarts': 'opinion',
    'https://www.dailymail.co.uk/news/article-8772683/Chef-Jamie-Oliver-joins-Mail-Sundays-war-toxic-food.html': 'hard news',
    'https://www.msn.com/en-gb/news/uknews/uk-university-student-halls-too-full-to-be-safe-experts-warn/ar-BB19DUqK': 'hard news',
    'https://edition.cnn.com/2021/03/08/uk/meghan-harry-oprah-interview-recap-scli-gbr-intl/index.html': 'hard news',
    'https://www.kaieteurnewsonline.com/2022/05/06/essequibo-hunter-found-dead-with-gunshot-wounds/': 'hard news',
    'https://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=181595': 'hard news',
    'https://abc7news.com/camp-margaritaville-resort-napa-county-lake-berryessa-hotel-jimmy-buffett/14031465/': 'business',
    'hard::breakingbelizenews.com-paho.html': 'hard news',
    'hard::nationnews.com-schools.html': 'hard news',
    'hard::nationnews.com-tridents.html': 'sport',
    'hard::mercurynews.com.2023.01.16.letters-1119.html': 'opinion',
    'https://www.tomshardware.com/uk/news/where-and-how-to-buy-rtx-3080-3090-3070': 'product',
    # fourth batch
    'https://theintercept.com/2023/11/08/gaza-hospitals-babies-doctors-patients/': 'hard news',
    'https://abc13.com/aishas-salon-and-spa-houston-lewd-act-man-pleasures-himself-on-camera-harris-county-sheriffs-office/14030671/': 'hard news',
    'https://www.bostonherald.com/2023/11/08/brothel-catering-to-politicians-doctors-lawyers-busted-in-boston/': 'hard news',
    'https://vancouversun.com/technology/microsoft-moves-to-erase-its-carbon-footprint-from-the-atmosphere-in-climate-push/wcm/76e426d9-56de-40ad-9504-18d5101013d2': 'business',
    'https://www.theplanetarypress.com/2020/01/management-of-intact-forestlands-by-indigenous-peoples-key-to-protecting-climate/': 'science',
    'https://threatpost.com/android-ransomware-spreads-via-sex-simulation-game-links-on-reddit-sms/146774/': 'technology',
    'https://www.axios.com/newsletters/axios-future-7120a6cf-cf67-4e01-9f15-f73f114e8d27.html': 'technology',
    'https://fivethirtyeight.com/features/the-2020-endorsement-race-is-getting-interesting/': 'analysis',
    'https://www.wevolver.com/article/3dprinting.gets.a.turbo.boost.from.um.technology': 'science',
    'https://www.salon.com/2020/01/10/despite-everything-u-s-emissions-dipped-in-2019_partner/': 'science',
    'https://www.villagevoice.com/party-like-its-1923-will-donald-trump-write-his-own-mein-kampf-in-jail/': 'opinion',
    'hard::dw.com.colonial.html': 'hard news',
    'https://www.nationalgeographic.co.uk/environment-and-conservation/2020/01/ravenous-wild-goats-ruled-island-over-century-now-its-being': 'science',
    'https://www.timesofisrael.com/state-of-washington-swears-in-first-native-american-jewish-supreme-court-justice/': 'hard news',
    'https://observer.com/2023/11/bernard-arnault-lvmh-louvre-chardin/': 'culture',
    'https://www.thelocal.se/20200428/meet-the-swede-who-tattooed-a-state-epidemiologists-face-on-his-arm': 'feature',
    'hard::thestkittsnevisobserver.com-bvi.html': 'hard news',
    'https://californiaglobe.com/section-2/amazon-liable-for-defective-third-party-products-rules-ca-appelate-court/': 'business',
    'https://viconsortium.com/vi-crime/virgin-islands-vessel-returning-to-puerto-rico-from-st-thomas-with-475-pounds-of-cocaine-intercepted-by-federal-agents-cbp-says': 'hard news',
    'https://www.publishedreporter.com/2023/11/08/scientists-confirm-2023-as-hottest-year-ever-in-the-making/': 'science',
    'https://www.aclu.org/blog/juvenile-justice/school-prison-pipeline/county-criminalized-students-bad-grades-until-now': 'opinion',
    'https://diem25.org/the-eus-green-deal-isnt-enough-save-from-climate-catastrophe/': 'opinion',
    'https://www.metrotimes.com/food-drink/detroits-mezcal-restaurant-goes-beyond-familiar-mexican-fare-34565910': 'culture',
}
MIN_WORDS, MAX_WORDS = 150, 3200


class BlockText(HTMLParser):
    """Text of an HTML fragment, one paragraph per block element."""
    BLOCKS = {'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'tr',
              'pre', 'section', 'article', 'br', 'ul', 'ol', 'table', 'figure'}

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [''], 0

    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style'):
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append('')

    def handle_endtag(self, tag):
        if tag in ('script', 'style'):
            self.skip = max(0, self.skip - 1)
        if tag in self.BLOCKS:
            self.parts.append('')

    def handle_data(self, data):
        if not self.skip:
            self.parts[-1] += data

    def text(self):
        blocks = [re.sub(r'\s+', ' ', p).strip() for p in self.parts]
        return '\n\n'.join(b for b in blocks if b)


def slug(s):
    return re.sub(r'[^a-z0-9]+', '-', s.lower()).strip('-')[:60]


def polnear():
    # Two articles per publisher from dev (first batch); from train, three (second batch), four more
    # (third), four more (fourth), two more (fifth), four more (sixth), four more (seventh), four more (eighth), four more (ninth), eight more (tenth and eleventh), then twelve more (twelfth to fourteenth).
    for split, per_publisher in (('dev', 2), ('train', 49)):
        by_pub = {}
        for line in open(f'{SHARED}/data/attribution/polnear-{split}.jsonl'):
            a = json.loads(line)
            n = len(a['text'].split())
            if 300 <= n <= 1100:
                by_pub.setdefault(a['publisher'], []).append(a)
        for pub, genre in POLNEAR.items():
            for a in sorted(by_pub.get(pub, []), key=lambda a: a['id'])[:per_publisher]:
                yield {'id': 'polnear-' + slug(a['id']), 'source': f'PolNeAR {split} ' + a['id'], 'genre': genre,
                       'text': a['text']}


def readability():
    for name, genre in READABILITY.items():
        parser = BlockText()
        parser.feed(open(f'{SHARED}/data/articles/readability/{name}/expected.html').read())
        yield {'id': 'readability-' + name, 'source': f'Readability test page {name} (expected.html)',
               'genre': genre, 'text': html.unescape(parser.text())}


def trafilatura():
    corpus = f'{SHARED}/data/articles/trafilatura-eval'
    pages = json.load(open(f'{corpus}/evaldata.json'))
    for url, genre in TRAFILATURA.items():
        page = pages[url]
        raw = gzip.open(f'{corpus}/html/{page["file"]}').read()
        text = subprocess.run(['target/release/caveat', 'extract', '-'], input=raw, capture_output=True,
                              check=True).stdout.decode()
        host = (url.split('::')[1] if url.startswith('hard::') else re.sub(r'^www\.', '', url.split('/')[2])).split('.')[0]
        yield {'id': f'trafilatura-{host}-' + slug(url.rstrip('/').split('/')[-1])[:40], 'source': url,
               'genre': genre, 'text': text.strip()}


def main():
    articles = [a for src in (polnear(), readability(), trafilatura()) for a in src
                if MIN_WORDS <= len(a['text'].split()) <= MAX_WORDS]
    lines = '\n'.join(json.dumps({'id': a['id'], 'text': a['text']}) for a in articles) + '\n'
    seg = subprocess.run(['target/release/examples/sentences'], input=lines.encode(), capture_output=True,
                         check=True).stdout.decode().splitlines()
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for a, s in zip(articles, seg):
        spans = json.loads(s)['sentences']
        a['split'] = 'test' if int(hashlib.sha1(a['id'].encode()).hexdigest(), 16) % 5 < 2 else 'dev'
        a['sentences'] = [{'start': b, 'end': e, 'labels': []} for b, e in spans]
        path = f'{OUT}/{a["id"]}.json'
        if os.path.exists(path):
            print(f'kept {path} (exists)', file=sys.stderr)
            continue
        with open(path, 'w') as f:
            json.dump({k: a[k] for k in ('id', 'source', 'genre', 'split', 'text', 'sentences')}, f, ensure_ascii=False, indent=1)
        total += len(spans)
        print(f'{a["id"]}: {len(spans)} sentences, {len(a["text"].split())} words', file=sys.stderr)
    print(f'{len(articles)} articles, {total} new sentences', file=sys.stderr)


if __name__ == '__main__':
    main()
