// The demo page: runs Caveat's wasm analyser and overlay in this page, on samples and on pasted
// text or HTML. Pasted HTML is parsed (DOMParser) into an inert document and only plain text and a short list
// of harmless elements are copied into the preview, so nothing in it can run.
import init, { analyze_live, analyze_text } from './pkg/caveat.js';

const $ = (id) => document.getElementById(id);
const preview = $('preview');
const REQUEST = { sensitivity: 'balanced', custom_hedges: [], custom_sources: [], force: true };

// Elements copied into the preview (with their text); anything else is unwrapped to its children.
const KEPT_ELEMENTS = new Set([
  'article', 'main', 'section', 'header', 'footer', 'nav', 'aside', 'div', 'span', 'p', 'br', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'q', 'cite',
  'figure', 'figcaption', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'small', 'mark', 'abbr', 'time',
  'sub', 'sup', 'code', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
]);
// Elements dropped with everything inside them: code, styles, embedded content, form controls.
const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'img', 'source', 'track', 'map', 'link', 'meta',
  'base', 'head', 'title', 'input', 'textarea', 'select', 'option', 'button', 'dialog', 'slot',
]);
// Attributes the extractor reads (src/page/snapshot.rs KEPT_ATTRIBUTES) that are harmless here.
// `id` and `name` are left out: they would add named properties to window and document.
const KEPT_ATTRIBUTES = ['class', 'role', 'itemprop', 'itemtype', 'lang', 'dir', 'datetime', 'hidden', 'aria-hidden'];
const MAX_DEPTH = 64;

function safeHref(href) {
  try {
    const url = new URL(href, 'https://example.invalid/');
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

// Copies the children of `from` (in an inert document) into `into` (live), keeping only text and
// the elements and attributes listed above.
function importSafe(from, into, depth = 0) {
  for (const child of from.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.append(document.createTextNode(child.data));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const tag = child.localName;
    if (DROPPED_ELEMENTS.has(tag) || child.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    if (!KEPT_ELEMENTS.has(tag) || depth > MAX_DEPTH) {
      importSafe(child, into, depth + 1);
      continue;
    }
    const copy = document.createElement(tag);
    for (const name of KEPT_ATTRIBUTES) {
      const value = child.getAttribute(name);
      if (value !== null) copy.setAttribute(name, value.slice(0, 500));
    }
    if (tag === 'a') {
      const href = safeHref(child.getAttribute('href') || '');
      if (href) {
        copy.setAttribute('href', href);
        copy.setAttribute('target', '_blank');
        copy.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    }
    importSafe(child, copy, depth + 1);
    into.append(copy);
  }
}

function looksLikeHtml(text) {
  return /^\s*</.test(text) && /<\/?[a-z][a-z0-9-]*[\s>\/]/i.test(text);
}

// Plain text → one <p> per paragraph; returns the text exactly as analysed and the paragraphs'
// text nodes with their offsets in it.
function renderText(text) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const nodes = [];
  const starts = [];
  let offset = 0;
  preview.replaceChildren();
  for (const paragraph of paragraphs) {
    const p = document.createElement('p');
    const node = document.createTextNode(paragraph);
    p.append(node);
    preview.append(p);
    nodes.push(node);
    starts.push(offset);
    offset += paragraph.length + 2;
  }
  return { analysed: paragraphs.join('\n\n'), nodes, starts };
}

// analyze_text's findings (UTF-16 offsets into the whole text) → the overlay's ranges per paragraph.
function textAnswerToPage(result, nodes, starts) {
  const findings = result.findings.map((f, id) => {
    const ranges = [];
    nodes.forEach((node, i) => {
      const start = Math.max(f.start, starts[i]) - starts[i];
      const end = Math.min(f.end, starts[i] + node.length) - starts[i];
      if (start < end) ranges.push({ node: i, start, end });
    });
    return { ...f, id, ranges };
  });
  return { state: 'ready', findings, counts: result.counts, summary: result.summary };
}

// The legend: each kind's swatch and label, from the kinds' one home (shared/kinds.js).
for (const kind of globalThis.CaveatKinds.ORDER) {
  const item = document.createElement('li');
  item.append(globalThis.CaveatKinds.swatch(kind), ' ' + globalThis.CaveatKinds.INFO[kind].label);
  $('legend').append(item);
}

const overlay = globalThis.CaveatOverlay.mount({ highlights: !new URLSearchParams(location.search).has('fallback') });

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('demo-error', isError);
}

function report(answer, ms) {
  const counts = answer.counts || {};
  const total = Object.values(counts).reduce((a, b) => a + (Number(b) || 0), 0);
  const sentences = answer.summary && answer.summary.sentences;
  const parts = [`${total} ${total === 1 ? 'finding' : 'findings'}`];
  if (sentences) parts.push(`in ${sentences} ${sentences === 1 ? 'sentence' : 'sentences'}`);
  parts.push(`— read in ${ms < 1 ? '<1' : Math.round(ms)} ms on this device.`);
  setStatus(parts.join(' ') + (total ? ' Hover a marked phrase to see why.' : ''));
  document.body.dataset.demoState = 'ready';
}

function fail(message) {
  overlay.clear();
  overlay.setState('error');
  setStatus(message, true);
  document.body.dataset.demoState = 'error';
}

// The preview holds a page (HTML): the wasm walks it like the extension walks a page.
function analyseHtml(html) {
  const inert = new DOMParser().parseFromString(html, 'text/html');
  preview.replaceChildren();
  importSafe(inert.body, preview);
  if (!preview.textContent.trim()) return fail('There is no text in that HTML to analyse.');
  overlay.setState('reading');
  const t0 = performance.now();
  const result = analyze_live(preview, REQUEST);
  const ms = performance.now() - t0;
  if (!result || result.error) return fail(`The analyser could not read this: ${result ? result.error : 'no answer'}`);
  overlay.show(result.answer, Array.from(result.textNodes));
  overlay.setState('ready');
  report(result.answer, ms);
}

function analysePlain(text) {
  const { analysed, nodes, starts } = renderText(text);
  if (!nodes.length) return fail('Paste some text first.');
  overlay.setState('reading');
  const t0 = performance.now();
  const result = analyze_text(analysed, REQUEST);
  const ms = performance.now() - t0;
  if (!result || result.error) return fail(`The analyser could not read this: ${result ? result.error : 'no answer'}`);
  const answer = textAnswerToPage(result, nodes, starts);
  overlay.show(answer, nodes);
  overlay.setState('ready');
  report(answer, ms);
}

function analyse(text) {
  document.body.dataset.demoState = 'reading';
  try {
    if (looksLikeHtml(text)) analyseHtml(text);
    else analysePlain(text);
  } catch (e) {
    fail(`Something went wrong: ${e && e.message ? e.message : e}`);
  }
}

async function loadSample(name) {
  document.body.dataset.demoState = 'loading';
  for (const tab of $('tabs').querySelectorAll('[role=tab]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.sample === name));
    tab.tabIndex = tab.dataset.sample === name ? 0 : -1;
  }
  $('paste').hidden = name !== '';
  if (name === '') {
    overlay.setState('idle');
    preview.replaceChildren(Object.assign(document.createElement('p'), { className: 'demo-empty', textContent: 'Your text will appear here, marked up.' }));
    setStatus('Paste text or HTML above and press Analyse.');
    document.body.dataset.demoState = 'idle';
    $('paste-box').focus();
    return;
  }
  setStatus('Loading the sample…');
  try {
    const response = await fetch('samples/' + name);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    analyse(await response.text());
  } catch (e) {
    fail(`Could not load the sample (${e.message}).`);
  }
}

function wire() {
  const tabs = Array.from($('tabs').querySelectorAll('[role=tab]'));
  for (const tab of tabs) tab.addEventListener('click', () => loadSample(tab.dataset.sample));
  // Arrow keys move between tabs, as in any tab list.
  $('tabs').addEventListener('keydown', (event) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0 || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    const next = tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    next.focus();
    loadSample(next.dataset.sample);
  });
  $('analyse').addEventListener('click', () => {
    const text = $('paste-box').value;
    $('paste-hint').textContent = text.trim() ? (looksLikeHtml(text) ? 'Read as HTML.' : 'Read as plain text.') : '';
    if (!text.trim()) return setStatus('Paste some text first.');
    analyse(text);
  });
}

try {
  await init();
  wire();
  await loadSample('seed-article.html');
} catch (e) {
  fail(`The analyser could not start in this browser (${e && e.message ? e.message : e}).`);
}
