// The extension's plumbing in real browsers: the wasm runs in the extension, the
// overlay appears and reaches its final state, highlights are set, the page's own
// DOM and console stay clean, strict CSP pages work, dynamic pages are re-read.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, hasSeedArticle, launch, open, waitForState, overlayInfo, screenshot, unavailable } from './harness.mjs';

const server = await startServer();
after(() => server.close());

const SEED = hasSeedArticle();
if (!SEED) console.log('# ../shared/data/articles/seed/article.html is absent: using tests/e2e/pages/article.html instead');
const ARTICLE_PATH = SEED ? '/seed/article.html' : '/pages/article.html';

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

    test(
      'switching off clears the highlights and leaves the page as loaded',
      { skip: browserName === 'firefox' ? 'puppeteer cannot reach a Firefox background page to send the toggle' : false },
      async () => {
        const { page } = await open(context.browser, server.url + '/pages/article.html');
        assert.equal((await waitForState(page)).state, 'ready');
        // The keyboard command's path: the background messages the active tab.
        const target = await context.browser.waitForTarget(
          (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
        );
        const worker = await target.worker();
        await page.bringToFront();
        await worker.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
          await chrome.tabs.sendMessage(tab.id, { type: 'caveat:toggle' });
        });
        assert.equal((await waitForState(page, ['off'])).state, 'off');
        const info = await overlayInfo(page);
        assert.deepEqual(info.highlights.filter((k) => k.startsWith('caveat-')), []);
        assert.ok(info.bodyUnchanged, 'document.body.innerHTML is what the page loaded');
        await page.close();
      },
    );
  });
}
