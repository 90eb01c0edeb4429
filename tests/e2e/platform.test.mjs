// The extension's plumbing in real browsers: the wasm runs in the extension, the
// overlay appears and reaches its final state, highlights are set, the page's own
// DOM and console stay clean, strict CSP pages work, dynamic pages are re-read.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  startServer, hasSeedArticle, launch, open, waitForState, overlayInfo, screenshot, unavailable, inExtension, extensionUnreachable, ROOT,
} from './harness.mjs';
import { SEED_ARTICLE, READABILITY_PAGES } from './server.mjs';

const server = await startServer();
after(() => server.close());

const SEED = hasSeedArticle();
if (!SEED) console.log('# ../shared/data/articles/seed/article.html is absent: using tests/e2e/pages/article.html instead');
const ARTICLE_PATH = SEED ? '/seed/article.html' : '/pages/article.html';
const ARTICLE_FILE = SEED ? SEED_ARTICLE : join(ROOT, 'tests/e2e/pages/article.html');
const CLI = join(ROOT, 'target/release/caveat');

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
      assert.equal(info.counts.speculation, 0);
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

    test('the extension and the CLI extract the same article from the same page', async (t) => {
      const cli = spawnSync(CLI, ['extract', ARTICLE_FILE], { encoding: 'utf8' });
      if (cli.status !== 0) {
        t.skip(`the native \`caveat extract\` is not available yet: ${(cli.stderr || cli.error || '').toString().trim()}`);
        return;
      }
      if (!existsSync(join(ROOT, 'www/pkg/caveat.js'))) {
        t.skip('www/pkg/ is not built (run ./build.sh)');
        return;
      }
      const { page } = await open(context.browser, server.url + ARTICLE_PATH);
      await withSnapshotScript(page);
      const article = await page.evaluate(async () => {
        const glue = await import('/pkg/caveat.js');
        await glue.default();
        return glue.extract_snapshot(JSON.stringify(globalThis.CaveatSnapshot.take(document).snapshot));
      });
      await page.close();
      assert.equal(article.error, undefined, `extract_snapshot: ${article.error}`);
      const squash = (text) => text.replace(/\s+/g, ' ').trim();
      const browserText = squash(article.blocks.map((b) => b.text).join('\n\n'));
      const cliText = squash(cli.stdout);
      assert.ok(cliText.length > 0, 'the CLI printed an article');
      assert.equal(browserText, cliText);
    });

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

    const extensionSkip = { skip: extensionUnreachable(browserName) || false };
    test('the badge counts the findings; switching off clears it and the highlights and leaves the page as loaded', extensionSkip, async () => {
      const { page } = await open(context.browser, server.url + '/pages/article.html');
      assert.equal((await waitForState(page)).state, 'ready');
      await page.bringToFront();
      // The badge follows the overlay by one message: poll it for up to 3 s.
      const badge = async (expected) => {
        let text;
        for (let i = 0; i < 30; i++) {
          text = await inExtension(context.browser, async () => {
            const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
            return chrome.action.getBadgeText({ tabId: tab.id });
          });
          if (text === expected) break;
          await new Promise((done) => setTimeout(done, 100));
        }
        return text;
      };
      const counts = (await overlayInfo(page)).counts;
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      assert.equal(await badge(String(total)), String(total), 'the badge shows the number of findings');
      // What the keyboard command does: the background messages the active tab.
      await inExtension(context.browser, async () => {
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
