// The extension's plumbing in real browsers: the wasm runs in the extension, the
// overlay appears and reaches its final state, highlights are set, the page's own
// DOM and console stay clean, strict CSP pages work, dynamic pages are re-read.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  startServer, hasSeedArticle, launch, open, waitForState, overlayInfo, screenshot, unavailable, inExtension, ROOT,
} from './harness.mjs';
import { SEED_ARTICLE, READABILITY_PAGES } from './server.mjs';

const server = await startServer();
after(() => server.close());

const SEED = hasSeedArticle();
if (!SEED) console.log('# ../shared/data/articles/seed/article.html is absent: using tests/e2e/pages/article.html instead');
const ARTICLE_PATH = SEED ? '/seed/article.html' : '/pages/article.html';
const CLI = join(ROOT, 'target/release/caveat');

// Pages on which the browser must find the article the CLI finds: the seed article and a
// spread of Readability's test pages (UK and US news, French news, a blog with code), plus
// two that once differed: wikipedia-3, whose formulas sit in spans hidden by an inline
// style, and wikipedia-4, where a <style> beside the text changes which element is the
// article unless skipped elements stay in the browser's tree.
const COMPARED_PAGES = [
  { name: 'seed', file: SEED_ARTICLE, path: '/seed/article.html' },
  ...['bbc-1', 'guardian-1', 'nytimes-1', 'lemonde-1', 'v8-blog', 'wikipedia-3', 'wikipedia-4'].map((name) => ({
    name,
    file: join(READABILITY_PAGES, name, 'source.html'),
    path: `/readability/${name}/source.html`,
  })),
];
const SNAPSHOT_SOURCE = readFileSync(join(ROOT, 'extension/content/snapshot.js'), 'utf8');

const blocksOf = (article) => article.blocks.map(({ role, text }) => ({ role, text }));

// Where two block lists first part, for a failure message a person can read.
function difference(actual, expected) {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i].role === expected[i].role && actual[i].text === expected[i].text) i++;
  const show = (block) => (block ? `${block.role} ${JSON.stringify(block.text.slice(0, 200))}` : '(none)');
  return `${actual.length} blocks, the CLI ${expected.length}; first difference at block ${i}:\n` +
    `  browser: ${show(actual[i])}\n  CLI:     ${show(expected[i])}`;
}

// The articles the browser finds on `path` by both of its routes, in the page
// itself with the same snapshot.js and wasm the extension ships: the content script's
// snapshot → extract_snapshot (the extension's path) and extract_live on the live DOM
// (the demo's path).
//
// What makes the comparison fair:
// - The page comes from /inert/, whose CSP lets none of the page's own scripts run (only
//   the wasm glue under /pkg/), so the DOM is the page's HTML as the native parser reads
//   it. Scripting stays enabled, so <noscript> is parsed as text in both, and skipped.
// - The page's style sheets are disabled before reading. The native parser applies no CSS;
//   the browser would hide what the page's own <style>s hide (its external sheets cannot
//   load offline), e.g. qq's share buttons, or all of seattletimes-1, whose `no-js` rules
//   wait for a script. Left are the browser's defaults and inline styles, which the native
//   extractor honours too (`hidden`, `style="display:none"`).
async function extractInBrowser(browser, path) {
  const { page } = await open(browser, server.url + path, { waitUntil: 'domcontentloaded' });
  try {
    // Evaluated by the driver: the page's CSP forbids adding it as a <script>.
    await page.evaluate(SNAPSHOT_SOURCE);
    return await page.evaluate(async () => {
      for (const sheet of document.styleSheets) sheet.disabled = true;
      // Absolute: some pages set a <base href> elsewhere.
      const glue = await import(`${location.origin}/pkg/caveat.js`);
      await glue.default();
      const { snapshot } = globalThis.CaveatSnapshot.take(document);
      return { snapshot: glue.extract_snapshot(JSON.stringify(snapshot)), live: glue.extract_live(document) };
    });
  } finally {
    await page.close();
  }
}

// The largest of Readability's test pages, to measure the snapshot on a heavy real page.
function largestReadabilityPage() {
  if (!existsSync(READABILITY_PAGES)) return null;
  let best = null;
  for (const name of readdirSync(READABILITY_PAGES)) {
    const file = join(READABILITY_PAGES, name, 'source.html');
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (!best || size > best.size) best = { name, size };
  }
  return best && `/readability/${best.name}/source.html`;
}

// Loads the content script's snapshot.js into the page's own world (test pages only),
// so a test can call CaveatSnapshot.take() there.
async function withSnapshotScript(page) {
  await page.addScriptTag({ path: join(ROOT, 'extension/content/snapshot.js') });
}

// The checks every analysed article page must pass.
async function assertAnalysed(browserName, name, path) {
  const { page, errors, response } = await open(this.browser, server.url + path);
  const { state, msFromDomContentLoaded } = await waitForState(page);
  const info = await overlayInfo(page);
  const shot = await screenshot(page, browserName, name);
  console.log(`# ${browserName} ${name}: DOMContentLoaded → ${state} in ${msFromDomContentLoaded} ms; counts ${JSON.stringify(info.counts)}; ${shot}`);
  assert.equal(state, 'ready', `overlay state (states seen: ${info.states})`);
  assert.ok(info.parentIsRoot, '<caveat-overlay> sits on documentElement');
  assert.ok(info.shadowOpen, 'the overlay has an open shadow root');
  assert.deepEqual(info.states.slice(-2), ['reading', 'ready'], 'data-state went reading → ready');
  assert.ok(info.counts.speculation > 0, 'speculation was found (the wasm ran)');
  assert.ok(info.highlights.some((k) => k.startsWith('caveat-')), `highlights registered: ${info.highlights}`);
  assert.ok(info.bodyUnchanged, 'document.body.innerHTML is what the page loaded');
  assert.deepEqual(errors, [], 'no console errors');
  return { page, errors, response };
}

for (const browserName of ['chromium', 'firefox']) {
  const skip = unavailable(browserName);
  describe(browserName, { skip: skip || false }, () => {
    const context = {};
    before(async () => {
      context.browser = await launch(browserName);
    });
    after(async () => {
      if (context.browser) await context.browser.close();
    });

    test('the sample article is analysed and highlighted', async () => {
      const { page } = await assertAnalysed.call(context, browserName, 'article', ARTICLE_PATH);
      await page.close();
    });

    test('a page with a strict Content-Security-Policy is analysed too', async () => {
      const { page, response } = await assertAnalysed.call(context, browserName, 'csp', '/csp/pages/article.html');
      assert.match(response.headers()['content-security-policy'] || '', /script-src 'self'/);
      await page.close();
    });

    test('a list of links is not an article', async () => {
      const { page, errors } = await open(context.browser, server.url + '/pages/links.html');
      const { state } = await waitForState(page);
      const info = await overlayInfo(page);
      await screenshot(page, browserName, 'links');
      assert.equal(state, 'not-article');
      assert.deepEqual(info.highlights.filter((k) => k.startsWith('caveat-')), [], 'nothing is highlighted on a page that is not an article');
      assert.ok(info.bodyUnchanged, 'document.body.innerHTML is what the page loaded');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('paragraphs added after load are analysed', async () => {
      const { page, errors } = await open(context.browser, server.url + '/pages/dynamic.html');
      assert.equal((await waitForState(page)).state, 'ready');
      const before = (await overlayInfo(page)).counts.speculation;
      await page.click('#more');
      const started = Date.now();
      await page.waitForFunction(
        (n) => Number(document.querySelector('caveat-overlay').getAttribute('data-count-speculation')) > n,
        { polling: 100, timeout: 15000 },
        before,
      );
      const after = (await overlayInfo(page)).counts.speculation;
      console.log(`# ${browserName} dynamic: speculation ${before} → ${after}, re-read ${Date.now() - started} ms after the click`);
      await screenshot(page, browserName, 'dynamic');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a single-page app that changes the URL is read again as a new page', async () => {
      const { page, errors } = await open(context.browser, server.url + '/pages/spa.html');
      assert.equal((await waitForState(page)).state, 'ready');
      assert.equal((await overlayInfo(page)).counts.speculation, 0, 'the first story has no hedge');
      await page.click('#next');
      await page.waitForFunction(
        () => Number(document.querySelector('caveat-overlay').getAttribute('data-count-speculation')) > 0,
        { polling: 100, timeout: 15000 },
      );
      const info = await overlayInfo(page);
      assert.deepEqual(info.states.slice(-4), ['reading', 'ready', 'reading', 'ready'], 'started over on the new URL');
      assert.deepEqual(errors, []);
      await page.close();
    });

    for (const { name, file, path } of COMPARED_PAGES) {
      test(`the extension, the live DOM and the CLI extract the same article: ${name}`, async (t) => {
        if (!existsSync(file)) {
          t.skip(`${file} is absent (../shared is not here)`);
          return;
        }
        for (const [built, how] of [[CLI, 'cargo build --release'], [join(ROOT, 'www/pkg/caveat.js'), './build.sh']]) {
          if (!existsSync(built)) {
            t.skip(`${built} is not built (run ${how})`);
            return;
          }
        }
        const cli = spawnSync(CLI, ['extract', '--json', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
        assert.equal(cli.status, 0, `caveat extract --json ${file}: ${cli.stderr}`);
        const native = blocksOf(JSON.parse(cli.stdout));
        assert.ok(native.length > 0, 'the CLI found an article');
        const found = await extractInBrowser(context.browser, `/inert${path}`);
        t.diagnostic(`${browserName} ${name}: ${native.length} blocks`);
        for (const [route, article] of [['snapshot → extract_snapshot', found.snapshot], ['live DOM → extract_live', found.live]]) {
          assert.equal(article.error, undefined, `${route}: ${article.error}`);
          const blocks = blocksOf(article);
          assert.deepEqual(blocks, native, `${route}: ${difference(blocks, native)}`);
        }
      });
    }

    test('snapshot cost (figures, no timing assertion)', async (t) => {
      const path = largestReadabilityPage() || ARTICLE_PATH;
      // Its third-party resources cannot load offline: do not wait for them.
      const { page } = await open(context.browser, server.url + path, { waitUntil: 'domcontentloaded' });
      const { state, msFromDomContentLoaded } = await waitForState(page);
      t.diagnostic(`${browserName} extension on ${path}: DOMContentLoaded → ${state} in ${msFromDomContentLoaded} ms`);
      await withSnapshotScript(page);
      const f = await page.evaluate(async () => {
        const times = [];
        let taken;
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          taken = globalThis.CaveatSnapshot.take(document);
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const elements = document.body.getElementsByTagName('*');
        const start = performance.now();
        for (const element of elements) getComputedStyle(element).display;
        const styleEveryElementMs = performance.now() - start;
        // What the background does with the snapshot (here in the page, with the demo's copy of the wasm).
        const glue = await import('/pkg/caveat.js');
        await glue.default();
        const json = JSON.stringify(taken.snapshot);
        const wasmStart = performance.now();
        const answer = glue.analyze_snapshot(json, {});
        const wasmMs = performance.now() - wasmStart;
        return {
          wasmMs,
          answerState: answer.state || answer.error,
          ms: times[2],
          nodes: taken.snapshot.nodes.length,
          textNodes: taken.textNodes.length,
          kb: Math.round(JSON.stringify(taken.snapshot).length / 1024),
          elements: elements.length,
          styleEveryElementMs,
        };
      });
      await page.close();
      t.diagnostic(`${browserName} snapshot of ${path}: median ${f.ms.toFixed(1)} ms over 5 runs, ${f.nodes} nodes ` +
        `(${f.textNodes} text), ${f.kb} KiB JSON; page has ${f.elements} elements, getComputedStyle on all of them ` +
        `${f.styleEveryElementMs.toFixed(1)} ms; analyze_snapshot in the page's wasm ${f.wasmMs.toFixed(1)} ms (${f.answerState})`);
      assert.ok(f.nodes > 0 && f.textNodes > 0);
    });

    test('the badge counts the findings; switching off clears it and the highlights and leaves the page as loaded', async () => {
      const { page } = await open(context.browser, server.url + '/pages/article.html');
      assert.equal((await waitForState(page)).state, 'ready');
      await page.bringToFront();
      // The badge follows the overlay by one message: poll it for up to 3 s.
      const badge = async (expected) => {
        let text;
        for (let i = 0; i < 30; i++) {
          text = await inExtension(context.browser, browserName, async () => {
            const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
            return chrome.action.getBadgeText({ tabId: tab.id });
          });
          if (text === expected) break;
          await new Promise((done) => setTimeout(done, 100));
        }
        return text;
      };
      const counts = (await overlayInfo(page)).counts;
      // The kinds painted by default: attributions are counted in the panel but not painted or badged.
      const total = counts.speculation + counts['vague-attribution'] + counts['unsourced-claim'];
      assert.ok(counts.attribution > 0, 'the page has attributions, which the badge leaves out');
      assert.equal(await badge(String(total)), String(total), 'the badge shows the number of painted findings');
      // What the keyboard command does: the background messages the active tab.
      await inExtension(context.browser, browserName, async () => {
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        await chrome.tabs.sendMessage(tab.id, { type: 'caveat:toggle' });
      });
      assert.equal((await waitForState(page, ['off'])).state, 'off');
      assert.equal(await badge(''), '', 'the badge is cleared');
      const info = await overlayInfo(page);
      assert.deepEqual(info.highlights.filter((k) => k.startsWith('caveat-')), []);
      assert.ok(info.bodyUnchanged, 'document.body.innerHTML is what the page loaded');
      await page.close();
    });
  });
}
