// Instantiates the built wasm in node and calls it once, so a broken wasm fails the build
// rather than the browser. Run by build.sh: node tools/build/wasm-smoke.mjs target/wasm-pkg
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] || 'target/wasm-pkg');
const glue = await import(pathToFileURL(`${dir}/caveat.js`).href);
glue.initSync({ module: readFileSync(`${dir}/caveat_bg.wasm`) });
const answer = glue.analyze_text('It may rain.', {});
if (!answer || !Array.isArray(answer.findings)) throw new Error(`unexpected answer: ${JSON.stringify(answer)}`);
const text = 'Officials say the plan may be delayed again, which could push the opening back to next year.';
const snapshot = { nodes: [{ tag: 'html' }, { parent: 0, tag: 'body' }, { parent: 1, tag: 'p' }, { parent: 2, text, id: 0 }] };
const page = glue.analyze_snapshot(JSON.stringify(snapshot), { force: true });
if (page.state !== 'ready' || !Array.isArray(page.findings)) throw new Error(`unexpected page answer: ${JSON.stringify(page)}`);
for (const f of page.findings) {
  for (const r of f.ranges) {
    if (r.node !== 0 || r.start > r.end || r.end > text.length) throw new Error(`range off the page: ${JSON.stringify(r)}`);
  }
}
const bad = glue.analyze_snapshot('{"nodes":[{"parent":7}]}', {});
if (!bad || typeof bad.error !== 'string') throw new Error(`a bad snapshot should answer {error}: ${JSON.stringify(bad)}`);
console.log(`    ok: analyze_text and analyze_snapshot answer (${page.findings.length} finding(s) on a test page); bad input answers {error}`);
