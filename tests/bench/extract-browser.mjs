// Article extraction in headless Chromium, three ways on the same loaded page:
//   live      Caveat's wasm in the page reading the live DOM (extract_live, the demo's path)
//   snapshot  the content script's snapshot + JSON + extract_snapshot (the extension's path,
//             without the message to the background)
//   readability  Mozilla Readability.js: new Readability(document.cloneNode(true)).parse()
// Prints the median (and the fastest) of RUNS timed runs after WARMUP untimed ones, and the
// ratios of the medians. Then the whole analysis of a 10,000-word article by the wasm in the page. Figures only, no assertions. Run by `./build.sh bench`; needs a build (www/pkg) and ../shared.
//   node tests/bench/extract-browser.mjs [page names under ../shared/data/articles/readability]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launch, open, unavailable, hasSeedArticle, ROOT } from '../e2e/harness.mjs';
import { READABILITY_PAGES } from '../e2e/server.mjs';

const WARMUP = 3;
const RUNS = 21;
const ANALYSIS_RUNS = 201;
// What a reader would call a typical news page, besides the largest pages of the set.
const TYPICAL = ['guardian-1', 'nytimes-1', 'bbc-1'];

function fail(message) {
  console.error(`extract-browser: ${message}`);
  process.exit(1);
}

function pagesToMeasure() {
  const named = process.argv.slice(2);
  if (!existsSync(READABILITY_PAGES)) fail(`${READABILITY_PAGES} is absent (the benchmark needs ../shared)`);
  const all = readdirSync(READABILITY_PAGES)
    .map((name) => ({ name, file: join(READABILITY_PAGES, name, 'source.html') }))
    .filter(({ file }) => existsSync(file))
    .map((page) => ({ ...page, bytes: statSync(page.file).size }));
  const byName = new Map(all.map((page) => [page.name, page]));
  let chosen;
  if (named.length) {
    chosen = named.map((name) => byName.get(name) || fail(`no page ${name} under ${READABILITY_PAGES}`));
  } else {
    const largest = [...all].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
    chosen = [...largest, ...TYPICAL.map((name) => byName.get(name)).filter((p) => p && !largest.includes(p))];
  }
  const pages = chosen.map(({ name, bytes }) => ({ name, bytes, path: `/inert/readability/${name}/source.html` }));
  if (hasSeedArticle()) pages.push({ name: 'seed article', bytes: null, path: '/inert/seed/article.html' });
  return pages;
}

// Runs in the page: times each way of extracting; returns medians in ms and what each found.
async function measure({ warmup, runs }) {
  const glue = await import(`${location.origin}/pkg/caveat.js`);
  await glue.default();
  let json;
  const ways = {
    live: () => glue.extract_live(document),
    snapshot: () => glue.extract_snapshot(JSON.stringify(globalThis.CaveatSnapshot.take(document).snapshot)),
    // The parts of the snapshot path, for where its time goes.
    take: () => globalThis.CaveatSnapshot.take(document),
    stringify: () => (json = JSON.stringify(globalThis.CaveatSnapshot.take(document).snapshot)),
    wasm: () => glue.extract_snapshot(json),
    readability: () => new globalThis.Readability(document.cloneNode(true)).parse(),
  };
  // Round-robin, so that load from elsewhere on the machine falls on every way alike.
  const times = Object.fromEntries(Object.keys(ways).map((way) => [way, []]));
  const results = {};
  for (let round = 0; round < warmup + runs; round++) {
    for (const [way, fn] of Object.entries(ways)) {
      const start = performance.now();
      results[way] = fn();
      if (round >= warmup) times[way].push(performance.now() - start);
    }
  }
  const stats = (way) => {
    const sorted = [...times[way]].sort((a, b) => a - b);
    return { ms: sorted[Math.floor(sorted.length / 2)], min: sorted[0], result: results[way] };
  };
  const [live, snapshot, take, wasm, readability] = ['live', 'snapshot', 'take', 'wasm', 'readability'].map(stats);
  // `stringify` timed take + JSON; its own share is the difference of the medians.
  const stringify = { ms: Math.max(0, stats('stringify').ms - take.ms) };
  const words = (text) => (text.match(/\S+/g) || []).length;
  const caveatWords = (article) => words(article.blocks.map((b) => b.text).join(' '));
  return {
    elements: document.getElementsByTagName('*').length,
    live: { ...live, words: caveatWords(live.result) },
    snapshot: { ...snapshot, words: caveatWords(snapshot.result), parts: [take.ms, stringify.ms, wasm.ms] },
    readability: { ...readability, words: readability.result ? words(readability.result.textContent) : 0 },
  };
}

async function main() {
  const why = unavailable('chromium');
  if (why) fail(why);
  if (!existsSync(join(ROOT, 'www/pkg/caveat.js'))) fail('www/pkg/ is not built (run ./build.sh)');
  const require = createRequire(import.meta.url);
  const readabilitySource = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
  const snapshotSource = readFileSync(join(ROOT, 'extension/content/snapshot.js'), 'utf8');
  const pages = pagesToMeasure();
  const server = await startServer();
  // Without the extension: only the page's own work is timed.
  const browser = await launch('chromium', { withExtension: false });
  console.log(`Extraction in headless Chromium (${await browser.version()}), median of ${RUNS} runs after ${WARMUP} warm-up runs.`);
  console.log('Pages are served with a CSP that stops their own scripts; their style sheets apply as loaded offline.');
  const pad = (value, width) => String(value).padStart(width);
  const ms = ({ ms: median, min }) => `${median.toFixed(1)} (${min.toFixed(1)})`;
  console.log(`\n${'page'.padEnd(12)} ${pad('KB', 5)} ${pad('elements', 8)} | ${pad('live', 11)} ${pad('snapshot', 11)} ` +
    `${pad('take+JSON+wasm', 16)} ${pad('Readability', 12)} | ${pad('R/live', 6)} ${pad('R/snap', 6)} | words live/snap/R`);
  try {
    for (const page of pages) {
      const { page: tab } = await open(browser, server.url + page.path, { waitUntil: 'domcontentloaded' });
      // Evaluated by the driver: the page's CSP forbids adding scripts to it.
      await tab.evaluate(snapshotSource);
      // Readability.js declares a global function Readability when run as a classic script.
      await tab.evaluate(`${readabilitySource}\n;globalThis.Readability = Readability;`);
      const f = await tab.evaluate(measure, { warmup: WARMUP, runs: RUNS });
      await tab.close();
      const kb = page.bytes === null ? '' : Math.round(page.bytes / 1024);
      const parts = f.snapshot.parts.map((t) => t.toFixed(1)).join('+');
      console.log(`${page.name.padEnd(12)} ${pad(kb, 5)} ${pad(f.elements, 8)} | ${pad(ms(f.live), 11)} ${pad(ms(f.snapshot), 11)} ` +
        `${pad(parts, 16)} ${pad(ms(f.readability), 12)} | ${pad((f.readability.ms / f.live.ms).toFixed(1), 6)} ` +
        `${pad((f.readability.ms / f.snapshot.ms).toFixed(1), 6)} | ${f.live.words}/${f.snapshot.words}/${f.readability.words}`);
    }
    console.log('\nms: median (fastest). R/live, R/snap: Readability\'s median over Caveat\'s.');
    console.log('Target: live-DOM extraction of a typical news page < 20 ms.');
    await measureAnalysis(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

// Runs in the page: the wasm's analyze_text on `text`; the first run's ms (cold: the wasm
// is not yet optimised by the engine and the lexicon and models are built), then the median
// and fastest ms after warm-up, and the number of findings.
async function analyse({ text, warmup, runs }) {
  const glue = await import(`${location.origin}/pkg/caveat.js`);
  await glue.default();
  const times = [];
  let answer;
  for (let round = 0; round < warmup + runs; round++) {
    const start = performance.now();
    answer = glue.analyze_text(text, {});
    if (round === 0 || round >= warmup) times.push(performance.now() - start);
  }
  const first = times.shift();
  times.sort((a, b) => a - b);
  return { first, ms: times[Math.floor(times.length / 2)], min: times[0], findings: answer.findings ? answer.findings.length : -1 };
}

// The analysis target: a 10,000-word article (the sample article repeated) in under 5 ms in the browser.
async function measureAnalysis(browser, server) {
  const sample = readFileSync(join(ROOT, 'tests/fixtures/analyze/seed-article.txt'), 'utf8');
  const perCopy = sample.split(/\s+/).filter(Boolean).length;
  const text = Array(Math.ceil(10000 / perCopy)).fill(sample).join('\n\n');
  const words = text.split(/\s+/).filter(Boolean).length;
  const { page: tab } = await open(browser, server.url + '/inert/readability/bbc-1/source.html', { waitUntil: 'domcontentloaded' });
  // More runs than for extraction: each is short, and the page's timer is coarse (0.1 ms).
  const r = await tab.evaluate(analyse, { text, warmup: 10, runs: ANALYSIS_RUNS });
  await tab.close();
  console.log(`\nAnalysis in the page's wasm (analyze_text, whole pipeline) of a ${words}-word article: ` +
    `${r.ms.toFixed(2)} ms median of ${ANALYSIS_RUNS} runs (${r.min.toFixed(2)} fastest), ${r.findings} findings; ` +
    `the first, cold run ${r.first.toFixed(2)} ms. Target < 5 ms.`);
}

main().catch((e) => fail(e.stack || e.message));
