// Prints the one source manifest (extension/manifest.json) with BROWSER's differences applied.
// Run by build.sh: node tools/build/manifest.mjs chrome|firefox > dist/BROWSER/manifest.json
import { readFileSync } from 'node:fs';

const [browser, source = 'extension/manifest.json'] = process.argv.slice(2);
if (browser !== 'chrome' && browser !== 'firefox') {
  console.error('usage: node tools/build/manifest.mjs chrome|firefox [extension/manifest.json]');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(source, 'utf8'));
if (browser === 'chrome') {
  manifest.background = { service_worker: 'background.js', type: 'module' };
  delete manifest.browser_specific_settings;
} else {
  // Firefox MV3 runs the background as an event page; module scripts work there.
  manifest.background = { scripts: ['background.js'], type: 'module' };
}
process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
