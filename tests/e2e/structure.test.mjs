// The extension's JavaScript keeps the shape it is meant to have (issue 13 §6), checked without a
// browser: content/highlights.css paints each kind as shared/kinds.js says; the demo loads the
// overlay's scripts in the manifest's order; the popup and options page do without the overlay; the
// message types are named once, in shared/messages.js; no content-side file grows back into a monolith.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './server.mjs';

const EXT = join(ROOT, 'extension');
const read = (...parts) => readFileSync(join(...parts), 'utf8');

// Runs classic scripts (the extension's shared/*.js) in a sandbox and returns its global object.
function run(...files) {
  const sandbox = { URL };
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  for (const file of files) vm.runInContext(read(EXT, file), sandbox, { filename: file });
  return sandbox;
}

// The declarations of each top-level `::highlight(NAME) { … }` rule (the forced-colours block aside).
function highlightRules(css) {
  const top = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
  const rules = {};
  for (const [, selectors, body] of top.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = Object.fromEntries(body.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const at = d.indexOf(':');
      return [d.slice(0, at).trim(), d.slice(at + 1).trim()];
    }));
    for (const selector of selectors.split(',')) {
      const name = /::highlight\(([^)]+)\)/.exec(selector);
      if (name) rules[name[1]] = { ...(rules[name[1]] || {}), ...declarations };
    }
  }
  return rules;
}

const allJs = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
  entry.isDirectory() ? allJs(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []);

test('highlights.css paints each kind as shared/kinds.js describes it', () => {
  const { CaveatKinds: Kinds } = run('shared/kinds.js');
  const rules = highlightRules(read(EXT, 'content/highlights.css'));
  const kinds = Object.keys(rules).filter((name) => name !== 'caveat-current').map((name) => name.replace(/^caveat-/, ''));
  assert.deepEqual(kinds.sort(), [...Kinds.ORDER].sort(), 'one rule per kind, and no other');
  for (const kind of Kinds.ORDER) {
    const rule = rules['caveat-' + kind];
    const { line, colour, thickness, tint } = Kinds.INFO[kind].mark;
    assert.equal(rule['text-decoration-line'], 'underline', kind);
    assert.equal(rule['text-decoration-style'], line, `${kind}: line style`);
    assert.equal(rule['text-decoration-color'], colour, `${kind}: colour`);
    assert.equal(rule['text-decoration-thickness'], thickness, `${kind}: thickness`);
    assert.equal(rule['background-color'], tint || undefined, `${kind}: tint (none is no background at all)`);
  }
  // An unsourced claim is a line, never a band over a clause.
  assert.equal(Kinds.INFO.unsourced_claim.mark.tint, null);
});

test('the kinds are the core\'s kinds, and settings take their order and defaults from them', () => {
  const sandbox = run('shared/kinds.js', 'shared/settings.js');
  const { CaveatKinds: Kinds, CaveatSettings: Settings } = sandbox;
  const rust = read(ROOT, 'src/finding.rs');
  for (const kind of Kinds.ORDER) assert.match(rust, new RegExp(`"${kind}"`), `${kind} is a Kind in src/finding.rs`);
  assert.deepEqual([...Settings.KINDS], [...Kinds.ORDER]);
  for (const kind of Kinds.ORDER) {
    assert.equal(Settings.DEFAULTS.kinds[kind], Kinds.INFO[kind].painted, `${kind}: the default painting`);
    for (const field of ['label', 'short', 'blurb']) assert.equal(typeof Kinds.INFO[kind][field], 'string', `${kind}.${field}`);
  }
  assert.equal(Kinds.INFO.attribution.painted, false, 'attributions are not painted by default');
});

test('the demo loads the overlay\'s scripts in the order the manifest lists them, and build.sh copies them', () => {
  const manifest = JSON.parse(read(EXT, 'manifest.json'));
  const scripts = manifest.content_scripts[0].js;
  for (const file of scripts) assert.ok(existsSync(join(EXT, file)), `${file} exists`);
  // The overlay's scripts: the kinds, the parts and the overlay itself (not settings, messages, the snapshot,
  // dismissals or main, which the demo does not use).
  const overlayScripts = scripts.filter((f) => f === 'shared/kinds.js' || f.startsWith('content/ui/') || f === 'content/overlay.js');
  const uiFiles = readdirSync(join(EXT, 'content/ui')).filter((f) => f.endsWith('.js')).map((f) => 'content/ui/' + f);
  assert.deepEqual(uiFiles.filter((f) => !scripts.includes(f)), [], 'every content/ui/ file is a content script');
  const demo = [...read(ROOT, 'www/index.html').matchAll(/<script src="pkg\/([^"]+\.js)"><\/script>/g)].map((m) => m[1]);
  assert.deepEqual(demo, overlayScripts.map((f) => basename(f)), 'www/index.html loads the same scripts in the same order');
  const build = read(ROOT, 'build.sh');
  assert.match(build, /cp extension\/shared\/kinds\.js extension\/content\/ui\/\*\.js extension\/content\/overlay\.js www\/pkg\//);
});

test('the popup and the options page load the kinds, not the overlay', () => {
  for (const page of ['popup/popup.html', 'options/options.html']) {
    const html = read(EXT, page);
    assert.match(html, /<script src="\.\.\/shared\/kinds\.js"><\/script>/, page);
    assert.doesNotMatch(html, /content\/(overlay|ui\/)/, `${page} does not load the overlay`);
  }
});

test('message types are named in shared/messages.js and nowhere else', () => {
  const { CaveatMessages: Messages } = run('shared/messages.js');
  const types = Object.values(Messages);
  assert.equal(new Set(types).size, types.length, 'each type once');
  for (const type of types) assert.match(type, /^caveat:[a-z-]+$/);
  for (const file of allJs(EXT).filter((f) => !f.endsWith('shared/messages.js'))) {
    const source = readFileSync(file, 'utf8');
    assert.doesNotMatch(source, /['"`]caveat:[a-z-]+['"`]/, `${file.slice(ROOT.length + 1)} spells a message type out`);
    for (const [, name] of source.matchAll(/\bMessages\.([A-Z_]+)/g)) {
      assert.ok(name in Messages, `${file.slice(ROOT.length + 1)} uses Messages.${name}, which shared/messages.js does not name`);
    }
  }
});

test('the content scripts stay small and plain: no file over 400 lines, no module syntax, page text only via textContent', () => {
  for (const file of allJs(join(EXT, 'content'))) {
    const source = readFileSync(file, 'utf8');
    const name = file.slice(ROOT.length + 1);
    assert.ok(source.split('\n').length <= 400, `${name} has ${source.split('\n').length} lines`);
    assert.doesNotMatch(source, /^\s*(import|export)\s/m, `${name} is a classic script`);
    assert.doesNotMatch(source, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, `${name} parses or runs no markup or code`);
  }
});
