// Reads web-ext lint's JSON report on stdin, prints its errors and warnings and a summary
// line, and exits non-zero when it has errors (or is no report). Run by build.sh:
//   npx web-ext lint --source-dir dist/firefox --output json | node tools/build/lint-report.mjs
import { readFileSync } from 'node:fs';

let report = {};
try {
  report = JSON.parse(readFileSync(0, 'utf8') || '{}');
} catch (e) {
  console.error(`web-ext lint's report is not JSON: ${e.message}`);
  process.exit(1);
}
if (!report.summary) {
  console.error('web-ext lint gave no report');
  process.exit(1);
}
for (const kind of ['errors', 'warnings']) {
  for (const m of report[kind] || []) console.log(`    ${kind.slice(0, -1)}: ${m.code} ${m.file || ''} ${m.message}`);
}
console.log(`    ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors === 0 ? 0 : 1);
