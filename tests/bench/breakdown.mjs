// Where a reader's time goes, page load to painted highlights, in headless Chromium and Firefox ESR
// (issue 14). Figures only, no assertions; run by `./build.sh bench` after a build; needs ../shared.
//
// The extension's path, from the marks it records (extension/content/timing.js, the background's and
// the wasm's; published on the overlay host as data-caveat-timing): for the sample article and the
// five largest Readability test pages, the median over LOADS loads of each step:
//   idle       DOMContentLoaded → the content scripts run (document_idle)
//   prep       → the read starts the snapshot (settings, dismissals, mounting the overlay)
//   snap, json the snapshot's DOM walk; JSON.stringify of it
//   →bg        the message to the background (with waking it, when it slept)
//   wasm?      waiting in the background for the compiled wasm (0 once it is compiled)
//   parse, extract, analyse, answer, convert   the wasm's steps: the snapshot's JSON into a
//              document, extraction, analysis, mapping findings to text nodes, the JS answer
//   bg→        the answer's trip back
//   show       overlay.show() (ranges, highlights, the panel) and the panel's 'ready' state
//   wait       → the next frame runs the mark's requestAnimationFrame callback
//   render     the rest of that frame, style, layout (on a small page mostly the panel's first) and
//              paint, then the end of its tasks; when an earlier callback of the frame forces the layout
//              (the overlay's relayout, which its ResizeObserver asks for once after mounting), that
//              layout falls in wait instead
//   paint      show + wait + render (per load): overlay.show() and the next frame
//   total      snapshot start → painted (Caveat's whole path)
// Each load is a new tab, which puppeteer makes the active one in both browsers: visible and focused,
// as a reader's tab is (Chromium's flags against background throttling and page.bringToFront() changed
// nothing). The table says so when a load's tab was hidden or unfocused.
// Readability: Mozilla Readability.js's parse() on a clone of the same document, in the same tab
// (median of READABILITY_RUNS); ratio = total / Readability, over the pages as a geometric mean.
// Cold: the sample article as the first page a freshly started browser opens (COLD_LOADS browsers),
// against the same page warm.
// The demo's live-DOM path (no extension; the wasm in the page): compile, the first (cold) and a later
// (warm) analyze_live, its steps, and painting.
//   node tests/bench/breakdown.mjs [--loads N] [--browser chromium|firefox]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launch, open, unavailable, hasSeedArticle, ROOT } from '../e2e/harness.mjs';
import { READABILITY_PAGES } from '../e2e/server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const LOADS = Number(option('--loads', 5));
const COLD_LOADS = 3;
const READABILITY_RUNS = 7;
const LARGE_PAGES = 5;
const BROWSER_NAMES = option('--browser', null) ? [option('--browser')] : ['chromium', 'firefox'];
// For a quick look while working: --pages a,b (names as printed, 'sample' for the sample article), --no-cold, --no-live.
const ONLY = option('--pages', null)?.split(',');
const COLD = !args.includes('--no-cold');
const LIVE = !args.includes('--no-live');

function fail(message) {
  console.error(`breakdown: ${message}`);
  process.exit(1);
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const geomean = (values) => Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);

function pages() {
  if (!existsSync(READABILITY_PAGES) || !hasSeedArticle()) fail('../shared is absent: the benchmark needs its pages');
  const large = readdirSync(READABILITY_PAGES)
    .map((name) => ({ name, file: join(READABILITY_PAGES, name, 'source.html') }))
    .filter(({ file }) => existsSync(file))
    .map((page) => ({ ...page, bytes: statSync(page.file).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, LARGE_PAGES);
  const seedBytes = statSync(join(ROOT, '../shared/data/articles/seed/article.html')).size;
  return [{ name: 'sample article', bytes: seedBytes, path: '/seed/article.html' },
    ...large.map(({ name, bytes }) => ({ name, bytes, path: `/inert/readability/${name}/source.html` }))]
    .filter((page) => !ONLY || ONLY.some((name) => page.name.startsWith(name)));
}

// The read's marks as steps in ms (see the header).
function steps(t) {
  const bg = t.background || {};
  const wake = Math.max(0, bg.boot - t.sent);
  return {
    idle: t.idle - t.dcl,
    prep: t.snapshot - t.idle,
    snap: t.json - t.snapshot,
    json: t.sent - t.json,
    '→bg': bg.received - t.sent,
    wake,
    'wasm?': bg.ready - bg.received,
    parse: bg.parse,
    extract: bg.extract,
    analyse: bg.analyse ?? 0,
    answer: bg.answer,
    convert: bg.convert,
    'bg→': t.received - bg.replied,
    show: t.shown - t.received,
    wait: t.frame - t.shown,
    render: t.painted - t.frame,
    paint: t.painted - t.received,
    total: t.painted - t.snapshot,
    compile: bg.compile ? bg.compile[1] - bg.compile[0] : NaN,
    build: bg.warm ? bg.warm[1] - bg.warm[0] : NaN,
  };
}

// Opens `url` in a new tab of `browser`, waits for the extension's published marks; returns the tab and steps.
async function loadWithExtension(browser, url) {
  const { page } = await open(browser, url, { waitUntil: 'domcontentloaded' });
  const handle = await page.waitForFunction(() => {
    const host = document.querySelector('caveat-overlay');
    const timing = host && host.getAttribute('data-caveat-timing');
    if (!timing) return false;
    const visible = document.visibilityState === 'visible' && document.hasFocus();
    return { timing: JSON.parse(timing), state: host.getAttribute('data-state'), visible };
  }, { polling: 50, timeout: 60000 });
  const { timing, state, visible } = await handle.jsonValue();
  return { page, state, visible, steps: steps(timing) };
}

// In the page: Readability's parse() on a fresh clone of the document, median ms of `runs`.
function timeReadability(runs) {
  const times = [];
  let words = 0;
  for (let i = 0; i < runs; i++) {
    const clone = document.cloneNode(true);
    const start = performance.now();
    const result = new globalThis.Readability(clone).parse();
    times.push(performance.now() - start);
    words = result ? (result.textContent.match(/\S+/g) || []).length : 0;
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1], words };
}

// In the page: the demo's path (wasm in the page, live DOM), cold then warm, with painting.
async function livePath() {
  const now = () => performance.now();
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const glue = await import(`${location.origin}/pkg/caveat.js`);
  const compileStart = now();
  await glue.default();
  const compile = now() - compileStart;
  const overlay = globalThis.CaveatOverlay.mount();
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const start = now();
    const result = glue.analyze_live(document.body, {});
    const analysed = now();
    if (result.answer.state === 'ready') overlay.show(result.answer, Array.from(result.textNodes));
    await frame();
    runs.push({ ...result.answer.timing, call: analysed - start, paint: now() - analysed, total: now() - start, state: result.answer.state });
    overlay.clear();
    await frame();
  }
  overlay.unmount();
  return { compile, cold: runs[0], warm: runs.slice(1) };
}

const fmt = (v, width = 6) => String(Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : Math.round(v)) : '-').padStart(width);

async function benchExtension(name, server, readabilitySource, list) {
  const out = { rows: [], cold: [], warmSample: null, snapshotMs: {} };
  // Cold: the first page after the browser (and with it the background) starts.
  for (let i = 0; i < (COLD ? COLD_LOADS : 0); i++) {
    const browser = await launch(name);
    try {
      const { page, steps: s } = await loadWithExtension(browser, server.url + list[0].path);
      out.cold.push(s);
      await page.close();
    } finally {
      await browser.close();
    }
  }
  const browser = await launch(name);
  try {
    // One untimed load first: the background compiles and warms the wasm.
    await (await loadWithExtension(browser, server.url + list[0].path)).page.close();
    for (const item of list) {
      const loads = [];
      let last = null;
      let state = '';
      let hidden = 0;
      for (let i = 0; i < LOADS; i++) {
        if (last) await last.close();
        const r = await loadWithExtension(browser, server.url + item.path);
        loads.push(r.steps);
        last = r.page;
        state = r.state;
        if (!r.visible) hidden += 1;
      }
      // Readability.js declares a global function Readability when run as a classic script.
      await last.evaluate(`${readabilitySource}\n;globalThis.Readability = Readability;`);
      const readability = await last.evaluate(timeReadability, READABILITY_RUNS);
      await last.close();
      const keys = Object.keys(loads[0]);
      const row = Object.fromEntries(keys.map((k) => [k, median(loads.map((l) => l[k]))]));
      out.rows.push({ ...item, state, hidden, steps: row, readability });
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function benchLive(name, server, overlaySource, list) {
  const browser = await launch(name, { withExtension: false });
  const rows = [];
  try {
    for (const item of list) {
      const loads = [];
      for (let i = 0; i < LOADS; i++) {
        const path = item.path.startsWith('/inert/') ? item.path : `/inert${item.path}`;
        const { page } = await open(browser, server.url + path, { waitUntil: 'domcontentloaded' });
        await page.evaluate(overlaySource);
        loads.push(await page.evaluate(livePath));
        await page.close();
      }
      const pick = (f) => median(loads.map(f));
      const warmPick = (key) => median(loads.flatMap((l) => l.warm.map((w) => w[key] ?? 0)));
      rows.push({
        ...item,
        compile: pick((l) => l.compile),
        cold: pick((l) => l.cold.total),
        coldCall: pick((l) => l.cold.call),
        walk: warmPick('parse'),
        extract: warmPick('extract'),
        analyse: warmPick('analyse'),
        answer: warmPick('answer'),
        convert: warmPick('convert'),
        paint: warmPick('paint'),
        total: warmPick('total'),
        state: loads[0].cold.state,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

function printExtension(name, version, r) {
  const cols = ['idle', 'prep', 'snap', 'json', '→bg', 'wasm?', 'parse', 'extract', 'analyse', 'answer', 'convert', 'bg→', 'show', 'wait', 'render', 'paint', 'total'];
  console.log(`\n${name} (${version}), the extension: median of ${LOADS} loads per page, ms`);
  console.log(`${'page'.padEnd(15)} ${'KB'.padStart(5)} ${cols.map((c) => c.padStart(8)).join('')} ${'Readab.'.padStart(8)} ${'ratio'.padStart(6)}  state`);
  for (const row of r.rows) {
    const ratio = row.steps.total / row.readability.ms;
    console.log(`${row.name.padEnd(15)} ${String(Math.round(row.bytes / 1024)).padStart(5)} ${cols.map((c) => fmt(row.steps[c], 8)).join('')} ` +
      `${fmt(row.readability.ms, 8)} ${ratio.toFixed(2).padStart(6)}  ${row.state}` +
      (row.hidden ? `  (${row.hidden} of ${LOADS} loads in a hidden or unfocused tab)` : ''));
  }
  const coldCols = ['idle', 'prep', 'snap', '→bg', 'wake', 'wasm?', 'parse', 'extract', 'analyse', 'paint', 'total', 'compile', 'build'];
  console.log(`cold: ${r.rows[0].name} as the first page after the browser starts (${COLD_LOADS} starts), ms; compile and build: ` +
    'the background compiling the wasm and its first call (lexicon and models), whether or not the page waited');
  console.log(`${''.padEnd(15)} ${''.padStart(5)} ${coldCols.map((c) => c.padStart(8)).join('')}`);
  for (const s of r.cold) console.log(`${'  cold'.padEnd(15)} ${''.padStart(5)} ${coldCols.map((c) => fmt(s[c], 8)).join('')}`);
  const warm = r.rows[0].steps;
  console.log(`${'  warm (median)'.padEnd(15)} ${''.padStart(5)} ${coldCols.map((c) => fmt(warm[c], 8)).join('')}`);
}

function printLive(name, rows) {
  const cols = ['compile', 'cold', 'walk', 'extract', 'analyse', 'answer', 'convert', 'paint', 'total'];
  console.log(`\n${name}, the demo's live-DOM path (wasm in the page, analyze_live on document.body): median of ${LOADS} loads, ms;` +
    ' compile: instantiating the wasm; cold: the first analyze_live + paint; the rest the later (warm) calls');
  console.log(`${'page'.padEnd(15)} ${cols.map((c) => c.padStart(8)).join('')}  state`);
  for (const row of rows) console.log(`${row.name.padEnd(15)} ${cols.map((c) => fmt(row[c], 8)).join('')}  ${row.state}`);
}

async function main() {
  for (const name of BROWSER_NAMES) {
    const why = unavailable(name);
    if (why) fail(why);
  }
  if (!existsSync(join(ROOT, 'www/pkg/caveat.js'))) fail('www/pkg/ is not built (run ./build.sh)');
  const require = createRequire(import.meta.url);
  const readabilitySource = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
  // The overlay and its parts (the kinds, content/ui/*.js) in the manifest's order, as the demo loads them.
  const manifest = JSON.parse(readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8'));
  const overlaySource = manifest.content_scripts[0].js
    .filter((file) => file === 'shared/kinds.js' || file.startsWith('content/ui/') || file === 'content/overlay.js')
    .map((file) => readFileSync(join(ROOT, 'extension', file), 'utf8'))
    .join('\n;\n');
  const list = pages();
  const server = await startServer();
  const summary = [];
  try {
    console.log('Page → highlights, step by step (tests/bench/breakdown.mjs). Pages served from 127.0.0.1; the Readability ' +
      'pages with a CSP that stops their own scripts. Firefox\'s clock in pages and content scripts has 1 ms steps.');
    for (const name of BROWSER_NAMES) {
      const probe = await launch(name, { withExtension: false });
      const version = await probe.version();
      await probe.close();
      const ext = await benchExtension(name, server, readabilitySource, list);
      printExtension(name, version, ext);
      const live = LIVE ? await benchLive(name, server, overlaySource, list) : [];
      if (LIVE) printLive(name, live);
      summary.push({ name, ext, live });
    }
  } finally {
    await server.close();
  }
  console.log('');
  for (const { name, ext } of summary) {
    const ratios = ext.rows.filter((r) => r.readability.ms > 0).map((r) => r.steps.total / r.readability.ms);
    console.log(`${name}: caveat/readability ratio ${geomean(ratios).toFixed(2)} over ${ratios.length} pages`);
  }
  for (const { name, ext } of summary.filter((s) => s.ext.cold.length)) {
    const cold = median(ext.cold.map((s) => s.total));
    const warm = ext.rows[0].steps.total;
    const coldIdle = median(ext.cold.map((s) => s.total + s.prep));
    const warmIdle = ext.rows[0].steps.total + ext.rows[0].steps.prep;
    console.log(`${name}: cold/warm ratio ${(cold / warm).toFixed(2)} (${ext.rows[0].name}, snapshot → painted: cold ${cold.toFixed(1)} ms, ` +
      `warm ${warm.toFixed(1)} ms; from document_idle: ${coldIdle.toFixed(1)} / ${warmIdle.toFixed(1)} ms)`);
  }
  const byName = Object.fromEntries(summary.map((s) => [s.name, s]));
  if (byName.chromium && byName.firefox) {
    const rows = byName.chromium.ext.rows.map((row, i) => {
      const ff = byName.firefox.ext.rows[i].steps;
      return { name: row.name, chromium: row.steps.snap + row.steps.json, firefox: ff.snap + ff.json };
    });
    const ratio = geomean(rows.map((r) => Math.max(r.firefox, 0.5) / Math.max(r.chromium, 0.5)));
    console.log(`snapshot (walk + JSON) in the content script, firefox/chromium ratio ${ratio.toFixed(2)} over ${rows.length} pages: ` +
      rows.map((r) => `${r.name} ${r.firefox.toFixed(1)}/${r.chromium.toFixed(1)} ms`).join(', '));
  }
}

main().catch((e) => fail(e.stack || e.message));
