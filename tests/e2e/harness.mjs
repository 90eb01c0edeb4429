// Helpers the browser tests share: the local server, Chromium and Firefox ESR with
// the built extension loaded, pages with their console errors, the extension's own
// pages and APIs, the overlay's final state, screenshots. Also `node tests/e2e/harness.mjs demo [--browser B]`,
// which build.sh's demo command runs.
import puppeteer from 'puppeteer-core';
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, hasSeedArticle, ROOT } from './server.mjs';

export { startServer, hasSeedArticle, ROOT };

export const BROWSERS = {
  chromium: { executable: '/usr/bin/chromium', extension: join(ROOT, 'dist/chrome') },
  firefox: { executable: '/usr/bin/firefox-esr', extension: join(ROOT, 'dist/firefox') },
};
export const FINAL_STATES = ['ready', 'not-article', 'unsupported-language', 'error', 'off'];
export const SCREENSHOT_DIR = join(ROOT, 'target/e2e');

// Firefox gives an installed extension's pages a UUID of its own drawing (moz-extension://UUID/);
// launch() fixes it through a pref so that the tests know where the options page and the popup are.
const FIREFOX_EXTENSION_UUID = 'a30a151d-2164-4c0e-9c4d-7a2a82e6a438';
const GECKO_ID = JSON.parse(readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

// Why a browser test cannot run here, or null when it can.
export function unavailable(name) {
  const { executable, extension } = BROWSERS[name];
  if (!existsSync(executable)) return `${executable} is not installed (./build.sh test installs it)`;
  if (!existsSync(join(extension, 'manifest.json'))) return `${extension} is not built (run ./build.sh)`;
  return null;
}

// Launches `name` ('chromium' | 'firefox') with the built extension installed
// (Chromium only: `withExtension: false` launches it bare, for benchmarks). `firefoxPrefs` adds
// preferences (Firefox cannot emulate media features over WebDriver BiDi: reduced motion and forced
// colours are set this way).
export async function launch(name, { headless = true, withExtension = true, firefoxPrefs = {} } = {}) {
  const { executable, extension } = BROWSERS[name];
  if (name === 'chromium') {
    return puppeteer.launch({
      executablePath: executable,
      enableExtensions: withExtension ? [extension] : false,
      pipe: true,
      headless,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--window-size=1280,900'],
      defaultViewport: headless ? { width: 1280, height: 900 } : null,
    });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: executable,
    headless,
    // Without it WebDriver BiDi refuses to navigate a tab to a moz-extension:// page. Only the
    // headless tests need that; the reader's demo window does not get the extra access.
    args: headless ? ['--remote-allow-system-access'] : [],
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // Keep the offline machine's console and network quiet.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...firefoxPrefs,
    },
  });
  if (!withExtension) return browser;
  try {
    await browser.installExtension(extension);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return browser;
}

// Opens `url` in a new tab ({page, errors, response}), recording the page's console errors and uncaught exceptions.
// `before` holds document.body.innerHTML as it was at DOMContentLoaded, before the
// extension's content script ran (it runs at document_idle).
export async function open(browser, url, { waitUntil = 'load' } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error && error.message ? error.message : error)));
  // Runs in the page before its own scripts: remembers the body as loaded and every
  // data-state the overlay goes through.
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('DOMContentLoaded', () => {
      globalThis.__caveatBodyAtLoad = document.body.innerHTML;
    });
    globalThis.__caveatStates = [];
    new MutationObserver(() => {
      const host = document.querySelector('caveat-overlay');
      const state = host && host.getAttribute('data-state');
      const seen = globalThis.__caveatStates;
      if (state && seen[seen.length - 1] !== state) seen.push(state);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  // The machine is offline: fail third-party requests at once instead of waiting on them.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const local = /^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(request.url());
    (local ? request.continue() : request.abort()).catch(() => {});
  });
  const response = await page.goto(url, { waitUntil });
  return { page, errors, response };
}

// Waits until <caveat-overlay> reaches one of `states`; returns {state, msFromDomContentLoaded}
// (measured when the 50 ms poll sees the state).
export async function waitForState(page, states = FINAL_STATES, { timeout = 30000 } = {}) {
  const handle = await page.waitForFunction(
    (wanted) => {
      const host = document.querySelector('caveat-overlay');
      const state = host && host.getAttribute('data-state');
      if (!state || !wanted.includes(state)) return false;
      const nav = performance.getEntriesByType('navigation')[0];
      return { state, msFromDomContentLoaded: Math.round(performance.now() - nav.domContentLoadedEventStart) };
    },
    { polling: 50, timeout },
    states,
  );
  return handle.jsonValue();
}

export async function overlayInfo(page) {
  return page.evaluate(() => {
    const host = document.querySelector('caveat-overlay');
    if (!host) return null;
    const counts = {};
    for (const attr of host.getAttributeNames()) {
      if (attr.startsWith('data-count-')) counts[attr.slice('data-count-'.length)] = Number(host.getAttribute(attr));
    }
    return {
      parentIsRoot: host.parentNode === document.documentElement,
      shadowOpen: !!host.shadowRoot,
      state: host.getAttribute('data-state'),
      counts,
      highlights: globalThis.CSS && CSS.highlights ? [...CSS.highlights.keys()] : [],
      bodyUnchanged: document.body.innerHTML === globalThis.__caveatBodyAtLoad,
      states: globalThis.__caveatStates || null,
    };
  });
}

// Chromium: the target of the extension's background service worker.
const backgroundWorker = (browser) =>
  browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));

// The extension's base URL: chrome-extension://ID/ or moz-extension://UUID/.
export async function extensionBase(browser, browserName) {
  if (browserName === 'firefox') return `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  return (await backgroundWorker(browser)).url().replace(/background\.js$/, '');
}

// Opens the extension's page at `path` (e.g. 'options/options.html') in a new tab, in the
// background if asked (then the reader's tab stays the active one), and waits until it has loaded.
export async function openExtensionPage(browser, browserName, path, { background = false } = {}) {
  const url = (await extensionBase(browser, browserName)) + path;
  const page = await browser.newPage({ background });
  if (browserName === 'chromium') {
    await page.goto(url);
    return page;
  }
  // Firefox's WebDriver BiDi sends no navigation events from extension pages (Mozilla bug 1755014),
  // so goto() would not settle before the tab closes: start the navigation, then ask the document.
  // Asking fails while the tab moves to the extension's process; waitForFunction gives up on that.
  page.goto(url).catch(() => {});
  const deadline = Date.now() + 10000;
  let lastError = null;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url)) return page;
    } catch (e) {
      lastError = e;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`${url} did not load within 10 s${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

// The toolbar popup for the tab `page` (the active one). Firefox shows it in a panel WebDriver BiDi
// cannot reach, so there the same page opens in a background tab: it asks about the active tab, as the panel does.
export async function openPopup(browser, browserName, page) {
  await page.bringToFront();
  if (browserName === 'chromium') {
    await inExtension(browser, browserName, () => chrome.action.openPopup());
    return (await browser.waitForTarget((p) => p.url().endsWith('/popup/popup.html'), { timeout: 5000 })).asPage();
  }
  return openExtensionPage(browser, browserName, 'popup/popup.html', { background: true });
}

// Firefox: one extension page per browser, in a background tab, where inExtension runs code.
const extensionPages = new WeakMap();

// Runs fn(...args) with the extension's APIs and returns the result: in Chromium in the background
// service worker; in Firefox, whose background page WebDriver BiDi cannot reach, in the options page
// open in a background tab (same APIs; the reader's tab stays the active one).
export async function inExtension(browser, browserName, fn, ...args) {
  if (browserName === 'firefox') {
    let page = extensionPages.get(browser);
    if (!page || page.isClosed()) {
      page = await openExtensionPage(browser, browserName, 'options/options.html', { background: true });
      extensionPages.set(browser, page);
    }
    return page.evaluate(fn, ...args);
  }
  return (await (await backgroundWorker(browser)).worker()).evaluate(fn, ...args);
}

export async function screenshot(page, browserName, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${browserName}-${name}.png`);
  await page.screenshot({ path });
  return path;
}

// `node tests/e2e/harness.mjs demo [--browser chromium|firefox]`
async function demo(args) {
  const at = args.indexOf('--browser');
  const browserName = at >= 0 ? args[at + 1] : null;
  const server = await startServer({ port: Number(process.env.PORT) || 0 });
  const article = hasSeedArticle() ? `${server.url}/seed/article.html` : `${server.url}/pages/article.html`;
  console.log(`Demo page:      ${server.url}/`);
  console.log(`Sample article: ${article}`);
  console.log(`Test pages:     ${server.url}/pages/article.html, /pages/dynamic.html, /pages/links.html`);
  console.log(`Strict CSP:     ${server.url}/csp/pages/article.html`);
  if (!browserName) return;
  if (!BROWSERS[browserName]) throw new Error(`--browser must be chromium or firefox, not ${browserName}`);
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(`No display here, so ${browserName} cannot open: still serving; load the extension from ` +
      `${BROWSERS[browserName].extension} in your own browser. Ctrl-C to stop.`);
    return;
  }
  const browser = await launch(browserName, { headless: false });
  // The browser opens with one blank tab: use it rather than leave it beside the article.
  const [blank] = await browser.pages();
  const page = blank || await browser.newPage();
  await page.goto(article);
  console.log(`${browserName} is open with the extension loaded; close it or press Ctrl-C to stop.`);
  browser.on('disconnected', () => server.close().then(() => process.exit(0)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'demo') {
    console.error('usage: node tests/e2e/harness.mjs demo [--browser chromium|firefox]');
    process.exit(2);
  }
  demo(args).catch((e) => {
    console.error(`demo: ${e.message}`);
    process.exit(1);
  });
}

// Runs `fn` (source text) in the page with the overlay's shadow root: `root`, `q(id)` and `qa(id)` find
// its parts by data-caveat-testid, `args` holds the extra arguments.
export const inShadow = (page, fn, ...args) =>
  page.evaluate((source, ...rest) => {
    const root = document.querySelector('caveat-overlay').shadowRoot;
    const q = (id) => root.querySelector(`[data-caveat-testid="${id}"]`);
    const qa = (id) => [...root.querySelectorAll(`[data-caveat-testid="${id}"]`)];
    return new Function('root', 'q', 'qa', 'args', source)(root, q, qa, rest);
  }, fn, ...args);

// Unfolds the overlay's panel (a click on the pill) and checks that it opened.
export async function openPanel(page) {
  await inShadow(page, `if (q('panel').dataset.collapsed === 'true') q('pill').click();`);
  const collapsed = await inShadow(page, `return q('panel').dataset.collapsed;`);
  if (collapsed !== 'false') throw new Error('the panel did not open');
}
