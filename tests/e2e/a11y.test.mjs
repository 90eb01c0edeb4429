// Accessibility in real browsers (issue 13 §4), with the built extension installed: axe-core finds no
// serious or critical violation in the panel (inside its shadow root), the tooltip, the popup and the
// options page; the findings list is reached and worked by keyboard alone; each finding's accessible
// name says its kind and cue; the summary is announced once, politely, when the analysis finishes;
// reduced motion and forced colours are honoured. (The demo's checks are in demo.test.mjs.)
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, open, openExtensionPage, openPopup, inExtension, waitForState, screenshot, unavailable, inShadow, openPanel,
} from './harness.mjs';
import { axeViolations, formatViolations } from './axe.mjs';

const server = await startServer();
after(() => server.close());

const ARTICLE = '/pages/article.html';



// The element that has the keyboard focus, inside the overlay's shadow root if it is there.
const focused = (page) => page.evaluate(() => {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return null;
  return { testid: active.getAttribute('data-caveat-testid'), tag: active.localName, inOverlay: active.getRootNode() !== document };
});

for (const browserName of ['chromium', 'firefox']) {
  const skip = unavailable(browserName);
  describe(`${browserName} accessibility`, { skip: skip || false }, () => {
    const context = {};
    before(async () => {
      context.browser = await launch(browserName);
    });
    after(async () => {
      if (context.browser) await context.browser.close();
    });

    test('axe: no serious or critical violation in the panel, in its pill, or in the tooltip', async () => {
      const { page, errors } = await open(context.browser, server.url + ARTICLE);
      assert.equal((await waitForState(page)).state, 'ready');
      const pill = await axeViolations(page, { include: [['caveat-overlay']] });
      assert.deepEqual(pill, [], `the folded panel: ${formatViolations(pill)}`);
      await openPanel(page);
      // Every kind painted, so every row and swatch is in the list too.
      await inShadow(page, `q('toggle-attribution').click();`);
      const panel = await axeViolations(page, { include: [['caveat-overlay']] });
      assert.deepEqual(panel, [], `the open panel: ${formatViolations(panel)}`);
      // The tooltip, shown by focusing a finding in the list.
      await inShadow(page, `qa('finding')[0].focus();`);
      await page.waitForFunction(() => !document.querySelector('caveat-overlay').shadowRoot.querySelector('[data-caveat-testid=tooltip]').hidden, { polling: 50, timeout: 5000 });
      const tooltip = await axeViolations(page, { include: [['caveat-overlay']] });
      await screenshot(page, browserName, 'a11y-tooltip');
      assert.deepEqual(tooltip, [], `the tooltip: ${formatViolations(tooltip)}`);
      // The four kind buttons: the visible label is part of the accessible name (WCAG 2.5.3).
      const rows = await inShadow(page, `return qa('finding').length && [...root.querySelectorAll('.kind-row')].map((b) => ({
        label: b.getAttribute('aria-label'), visible: b.innerText.replace(/\\s+/g, ' ').trim(), pressed: b.getAttribute('aria-pressed') }));`);
      for (const row of rows) {
        assert.equal(row.label, null, `no aria-label to drift from the visible text: ${JSON.stringify(row)}`);
        assert.match(row.pressed, /^(true|false)$/);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('axe: no serious or critical violation in the popup and the options page', async () => {
      const { page } = await open(context.browser, server.url + ARTICLE);
      assert.equal((await waitForState(page)).state, 'ready');
      const popup = await openPopup(context.browser, browserName, page);
      await popup.waitForFunction(() => /highlighted on this page/.test(document.getElementById('message').textContent), { polling: 100, timeout: 5000 });
      const inPopup = await axeViolations(popup);
      assert.deepEqual(inPopup, [], `the popup: ${formatViolations(inPopup)}`);
      await popup.close().catch(() => {});
      const options = await openExtensionPage(context.browser, browserName, 'options/options.html');
      await options.waitForSelector('#kind-attribution');
      const inOptions = await axeViolations(options);
      assert.deepEqual(inOptions, [], `the options page: ${formatViolations(inOptions)}`);
      await Promise.all([options.close(), page.close()]);
    });

    test('the findings list is reached and worked by keyboard alone; each finding is named by its kind and cue', async () => {
      const { page, errors } = await open(context.browser, server.url + ARTICLE);
      assert.equal((await waitForState(page)).state, 'ready');
      await openPanel(page);
      // Tab from the top of the page: past the page's own links, into the panel, to the first finding.
      await page.evaluate(() => document.activeElement && document.activeElement.blur());
      let at = null;
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        at = await focused(page);
        if (at && at.testid === 'finding') break;
      }
      assert.equal(at && at.testid, 'finding', `Tab reaches a finding (last focus: ${JSON.stringify(at)})`);
      // Each finding's name: kind, then the marked words (computed by the browser's accessibility tree
      // in Chromium; from the text a screen reader reads in both).
      const names = await inShadow(page, `return qa('finding').map((b) => {
        const words = [];
        const walk = (node) => {
          if (node.nodeType === 3) words.push(node.data);
          else if (node.nodeType === 1 && node.getAttribute('aria-hidden') !== 'true') node.childNodes.forEach(walk);
        };
        walk(b);
        return { text: words.join('').replace(/\\s+/g, ' ').trim(), kind: b.dataset.kind, cue: b.querySelector('.cue').textContent };
      });`);
      const labels = { speculation: 'Speculation', vague_attribution: 'Vague source', attribution: 'Attributed', unsourced_claim: 'Unsourced claim' };
      for (const n of names) assert.ok(n.text.startsWith(`${labels[n.kind]}: ${n.cue}`), JSON.stringify(n));
      if (browserName === 'chromium') {
        const first = await page.evaluateHandle(() => document.querySelector('caveat-overlay').shadowRoot.querySelector('[data-caveat-testid=finding]'));
        const node = await page.accessibility.snapshot({ root: first });
        assert.ok(node && node.role === 'button' && node.name.startsWith(`${labels[names[0].kind]}: ${names[0].cue}`), `computed name: ${JSON.stringify(node)}`);
      }
      // Enter steps there, n to the next, Tab to its dismiss button, Enter dismisses it.
      const current = () => inShadow(page, `return qa('finding').findIndex((b) => b.closest('li').getAttribute('aria-current') === 'true');`);
      await page.keyboard.press('Enter');
      assert.equal(await current(), 0, 'Enter makes the focused finding current');
      await page.keyboard.press('n');
      assert.equal(await current(), 1, 'n steps on');
      assert.equal((await focused(page)).testid, 'finding', 'focus follows the step');
      const before = await inShadow(page, `return qa('finding').length;`);
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).testid, 'dismiss');
      await page.keyboard.press('Enter');
      assert.equal(await inShadow(page, `return qa('finding').length;`), before - 1, 'Enter on ✕ dismisses');
      assert.ok((await focused(page)).inOverlay, 'focus stays in the panel');
      await inShadow(page, `q('undo').click();`);
      // The undo reaches storage after the click: wait for it, so the next test finds nothing dismissed.
      for (let i = 0; i < 100; i++) {
        const stored = await inExtension(context.browser, browserName, async () => Object.keys((await chrome.storage.local.get('dismissed')).dismissed || {}).length);
        if (stored === 0) break;
        await new Promise((done) => setTimeout(done, 50));
      }
      // Esc folds the panel and leaves focus on the pill.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      assert.equal(await inShadow(page, `return q('panel').dataset.collapsed;`), 'true');
      assert.equal((await focused(page)).testid, 'pill');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('the summary is announced once, politely, when the analysis finishes (not again on a re-read)', async () => {
      const { page, errors } = await open(context.browser, server.url + '/pages/dynamic.html');
      // Count what the live region says, from the moment the overlay exists.
      await page.waitForFunction(() => document.querySelector('caveat-overlay'), { polling: 20, timeout: 10000 });
      await page.evaluate(() => {
        const live = document.querySelector('caveat-overlay').shadowRoot.querySelector('[aria-live]');
        globalThis.__caveatSaid = live.textContent ? [live.textContent] : [];
        new MutationObserver(() => { if (live.textContent) globalThis.__caveatSaid.push(live.textContent); })
          .observe(live, { childList: true, characterData: true, subtree: true });
      });
      assert.equal((await waitForState(page)).state, 'ready');
      const live = await inShadow(page, `const l = root.querySelector('[aria-live]'); return { polite: l.getAttribute('aria-live'), text: l.textContent, verdict: q('verdict').textContent };`);
      assert.equal(live.polite, 'polite');
      assert.match(live.text, /^Caveat marked \d+ passages? on this page\. /);
      assert.ok(live.text.endsWith(live.verdict), `the verdict is part of it: ${live.text}`);
      const before = Number(await page.evaluate(() => document.querySelector('caveat-overlay').getAttribute('data-count-speculation')));
      await page.click('#more');
      await page.waitForFunction((n) => Number(document.querySelector('caveat-overlay').getAttribute('data-count-speculation')) > n, { polling: 100, timeout: 15000 }, before);
      const said = await page.evaluate(() => globalThis.__caveatSaid);
      assert.deepEqual(said, [live.text], 'announced once; the re-read is silent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('reduced motion: a step jumps without a smooth scroll or a flash animation; forced colours keep the current finding and the pressed kinds visible', async () => {
      // Firefox cannot emulate media features over WebDriver BiDi: a browser of its own with the preferences.
      const browser = browserName === 'firefox'
        ? await launch('firefox', { firefoxPrefs: { 'ui.prefersReducedMotion': 1, 'browser.display.document_color_use': 2 } })
        : context.browser;
      try {
        const { page, errors } = await open(browser, server.url + ARTICLE);
        if (browserName === 'chromium') {
          await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }, { name: 'forced-colors', value: 'active' }]);
        }
        assert.deepEqual(await page.evaluate(() => [matchMedia('(prefers-reduced-motion: reduce)').matches, matchMedia('(forced-colors: active)').matches]), [true, true]);
        assert.equal((await waitForState(page)).state, 'ready');
        await page.setViewport({ width: 1280, height: 300 });
        await openPanel(page);
        // The last finding sits below the fold of a short window: a click must land there at once.
        const step = await inShadow(page, `const items = qa('finding'); const last = items[items.length - 1];
          const y = window.scrollY; last.click();
          const flash = q('flash');
          return { before: y, after: window.scrollY, flash: flash && getComputedStyle(flash).animationName,
            tooltip: !q('tooltip').hidden };`);
        assert.ok(step.after > step.before, `the jump is immediate: ${JSON.stringify(step)}`);
        assert.equal(step.flash, 'none', 'the flash does not animate');
        assert.ok(step.tooltip, 'the tooltip shows at once, with no wait for a scroll');
        const styles = await inShadow(page, `const li = root.querySelector('.finding[aria-current="true"]');
          const row = q('toggle-speculation');
          return { outline: getComputedStyle(li).outlineStyle, rowBorder: getComputedStyle(row).borderTopWidth,
            offBorder: getComputedStyle(q('toggle-attribution')).borderTopStyle };`);
        await screenshot(page, browserName, 'a11y-forced-colors');
        assert.notEqual(styles.outline, 'none', 'the current finding is outlined (backgrounds and shadows are gone in forced colours)');
        assert.equal(styles.rowBorder, '2px', 'a pressed kind has a heavier border');
        assert.equal(styles.offBorder, 'dashed', 'a released kind a dashed one');
        assert.deepEqual(errors, []);
        await page.close();
      } finally {
        if (browser !== context.browser) await browser.close();
      }
    });
  });
}
