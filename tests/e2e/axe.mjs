// axe-core (npm devDependency) run in a page by the browser tests: the serious and critical
// violations it finds, in a form a failure message can show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.mjs';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const BLOCKING = ['serious', 'critical'];

// Runs axe in `page` on `context` (an axe context: the whole document by default; open shadow roots,
// like the overlay's, are included). Returns [{id, impact, help, nodes: [target…]}].
export async function axeViolations(page, context = null) {
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) {
    // Evaluated by the driver: the page's CSP (the extension's pages, strict pages) forbids adding a <script>.
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async (ctx) => {
    const results = await globalThis.axe.run(ctx || document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }, context);
  return violations.filter((v) => BLOCKING.includes(v.impact));
}

export function formatViolations(violations) {
  return violations.map((v) => `\n  ${v.impact} ${v.id}: ${v.help}` +
    v.nodes.slice(0, 4).map((n) => `\n    ${JSON.stringify(n.target)} ${(n.summary || '').replace(/\s+/g, ' ').slice(0, 300)}`).join('')).join('');
}
