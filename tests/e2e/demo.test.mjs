// The www demo in real browsers (no extension): the page loads the wasm, analyses the preloaded
// news page, switches samples, analyses pasted text and pasted HTML without running its scripts,
// and draws the fallback boxes where the Custom Highlight API is switched off.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer, BROWSERS, ROOT, screenshot } from './harness.mjs';
import { axeViolations, formatViolations } from './axe.mjs';

const server = await startServer();
after(() => server.close());

const BUILT = existsSync(join(ROOT, 'www/pkg/caveat_bg.wasm')) && existsSync(join(ROOT, 'www/pkg/overlay.js'));
const PASTED_TEXT = 'Officials may be weighing new measures.\n\nThe plan could signal a change of course, and prices might rise.';
const PASTED_HTML = `<html><body><article><h1>Harbour plan</h1>
  <p>The harbour may raise tariffs <img src=x onerror="window.__pwned=1">next spring.</p>
  <script>window.__pwned = 2</script>
  <p onclick="window.__pwned=3">Shipping lines might <a href="javascript:window.__pwned=4">re-route</a> their vessels.</p>
</article></body></html>`;

// A plain browser (the demo needs no extension): Chromium or Firefox ESR.
function launchPlain(name) {
  const { executable } = BROWSERS[name];
  const common = { executablePath: executable, headless: true, defaultViewport: { width: 1280, height: 900 } };
  return name === 'chromium'
    ? puppeteer.launch({ ...common, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
    : puppeteer.launch({ ...common, browser: 'firefox' });
}

async function openDemo(browser, query = '') {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e && e.message ? e.message : e)));
  await page.goto(`${server.url}/${query}`, { waitUntil: 'load' });
  return { page, errors };
}

const demoState = (page, wanted) =>
  page.waitForFunction((w) => w.includes(document.body.dataset.demoState) && document.body.dataset.demoState, { polling: 50, timeout: 20000 }, wanted);

const overlayCounts = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('caveat-overlay');
    return {
      counted: host.getAttributeNames().filter((a) => a.startsWith('data-count-')).reduce((n, a) => n + Number(host.getAttribute(a)), 0),
      speculation: Number(host.getAttribute('data-count-speculation')),
      attribution: Number(host.getAttribute('data-count-attribution')),
      findings: host.shadowRoot.querySelectorAll('[data-caveat-testid=finding]').length,
    };
  });

for (const browserName of ['chromium', 'firefox']) {
  const skip = !existsSync(BROWSERS[browserName].executable)
    ? `${BROWSERS[browserName].executable} is not installed`
    : !BUILT ? 'www/pkg/ is not built (run ./build.sh)' : false;
  describe(`${browserName} demo`, { skip }, () => {
    const context = {};
    before(async () => {
      context.browser = await launchPlain(browserName);
    });
    after(async () => {
      if (context.browser) await context.browser.close();
    });

    test('the demo loads and analyses the preloaded news page', async () => {
      const { page, errors } = await openDemo(context.browser);
      assert.equal(await (await demoState(page, ['ready', 'error'])).jsonValue(), 'ready', await page.$eval('#status', (e) => e.textContent));
      const info = await overlayCounts(page);
      await screenshot(page, browserName, 'demo');
      assert.ok(info.findings > 0, 'the analysis found something');
      // Attributions are counted but not painted or listed by default; their toggle paints and lists them.
      assert.equal(info.findings, info.counted - info.attribution, 'the panel lists every painted finding the counts hold');
      assert.ok(info.speculation > 0, 'the sample article has speculation');
      assert.ok(await page.evaluate(() => CSS.highlights.has('caveat-speculation')), 'speculation is highlighted');
      assert.ok(!(await page.evaluate(() => CSS.highlights.has('caveat-attribution'))), 'attributions are not painted by default');
      assert.ok(info.attribution > 0, 'the sample article attributes claims');
      await page.evaluate(() => document.querySelector('caveat-overlay').shadowRoot.querySelector('[data-caveat-testid=toggle-attribution]').click());
      assert.equal((await overlayCounts(page)).findings, info.counted, 'the attribution toggle lists them too');
      assert.equal(await page.evaluate(() => CSS.highlights.get('caveat-attribution').size), info.attribution, 'and paints every one');
      // The legend comes from the kinds' one home, in its order.
      assert.deepEqual(await page.$$eval('#legend li', (items) => items.map((li) => li.textContent.trim())),
        ['Aa Speculation', 'Aa Vague source', 'Aa Attributed', 'Aa Unsourced claim']);
      assert.match(await page.$eval('#status', (e) => e.textContent), /\d+ findings?/);
      assert.deepEqual(errors, [], 'no console errors');
      await page.close();
    });

    test('axe: no serious or critical violation on the demo page, its panel or its tooltip', async () => {
      const { page, errors } = await openDemo(context.browser);
      await demoState(page, ['ready']);
      const shadow = (source) => page.evaluate((s) => new Function('root', s)(document.querySelector('caveat-overlay').shadowRoot), source);
      await shadow(`const panel = root.querySelector('[data-caveat-testid=panel]');
        if (panel.dataset.collapsed === 'true') root.querySelector('[data-caveat-testid=pill]').click();`);
      const whole = await axeViolations(page);
      assert.deepEqual(whole, [], `the demo with its panel open: ${formatViolations(whole)}`);
      await shadow(`root.querySelector('[data-caveat-testid=finding]').focus();`);
      await page.waitForFunction(() => !document.querySelector('caveat-overlay').shadowRoot.querySelector('[data-caveat-testid=tooltip]').hidden, { polling: 50, timeout: 5000 });
      const tip = await axeViolations(page, { include: [['caveat-overlay']] });
      assert.deepEqual(tip, [], `the tooltip: ${formatViolations(tip)}`);
      await page.click('[data-caveat-testid=sample-own]');
      const paste = await axeViolations(page);
      assert.deepEqual(paste, [], `the paste box: ${formatViolations(paste)}`);
      assert.deepEqual(errors, [], 'no console errors');
      await page.close();
    });

    test('pasted text and pasted HTML are analysed; nothing in the HTML runs', async () => {
      const { page, errors } = await openDemo(context.browser);
      await demoState(page, ['ready']);
      await page.click('[data-caveat-testid=sample-own]');
      await page.type('#paste-box', PASTED_TEXT);
      await page.click('#analyse');
      await demoState(page, ['ready']);
      const text = await overlayCounts(page);
      await screenshot(page, browserName, 'demo-pasted-text');
      assert.ok(text.speculation > 0, `pasted text gives findings: ${JSON.stringify(text)}`);
      assert.ok(await page.$eval('#preview', (p) => p.textContent.includes('Officials may be weighing')), 'the text is in the preview');

      await page.$eval('#paste-box', (box, html) => { box.value = html; }, PASTED_HTML);
      await page.click('#analyse');
      await demoState(page, ['ready']);
      const html = await overlayCounts(page);
      const preview = await page.$eval('#preview', (p) => ({
        text: p.textContent,
        scripts: p.querySelectorAll('script, img, [onclick], [onerror]').length,
        hrefs: [...p.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      }));
      await page.click('#preview a').catch(() => {});
      const pwned = await page.evaluate(() => window.__pwned);
      assert.ok(html.speculation > 0, `pasted HTML gives findings: ${JSON.stringify(html)}`);
      assert.match(preview.text, /Shipping lines might re-route/);
      assert.equal(preview.scripts, 0, 'no script, image or handler reaches the preview');
      assert.deepEqual(preview.hrefs, [null], 'a javascript: link loses its href');
      assert.equal(pwned, undefined, 'nothing in the pasted HTML ran');
      // Chromium reports the page's CSP blocking the handlers while DOMParser builds the inert
      // document (it inherits the policy); those reports are the CSP working, not faults.
      const blocked = /^Executing inline event handler violates the following Content Security Policy/;
      assert.deepEqual(errors.filter((e) => !blocked.test(e)), [], 'no console errors');
      await page.close();
    });

    test('without the Custom Highlight API the findings are drawn as boxes', async () => {
      const { page, errors } = await openDemo(context.browser, '?fallback');
      await demoState(page, ['ready']);
      await page.click('[data-caveat-testid=sample-markets]');
      await page.waitForFunction(() => document.querySelector('[data-caveat-testid=sample-markets]').getAttribute('aria-selected') === 'true' && document.body.dataset.demoState === 'ready', { polling: 50, timeout: 10000 });
      const boxes = await page.evaluate(() => document.querySelector('caveat-overlay').shadowRoot.querySelectorAll('[data-caveat-testid=box]').length);
      const registered = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k !== 'caveat-current'));
      await screenshot(page, browserName, 'demo-fallback');
      assert.ok(boxes > 0, `fallback boxes drawn: ${boxes}`);
      assert.deepEqual(registered, [], 'no highlights registered in fallback mode');
      // Boxes follow reflow: a narrower window moves them.
      const first = () => page.evaluate(() => {
        const r = document.querySelector('caveat-overlay').shadowRoot.querySelector('[data-caveat-testid=box]').getBoundingClientRect();
        return [Math.round(r.left), Math.round(r.top)];
      });
      const wide = await first();
      await page.setViewport({ width: 700, height: 900 });
      await page.waitForFunction((w) => {
        const r = document.querySelector('caveat-overlay').shadowRoot.querySelector('[data-caveat-testid=box]').getBoundingClientRect();
        return Math.round(r.left) !== w[0] || Math.round(r.top) !== w[1];
      }, { polling: 100, timeout: 5000 }, wide);
      assert.deepEqual(errors, [], 'no console errors');
      await page.close();
    });
  });
}
