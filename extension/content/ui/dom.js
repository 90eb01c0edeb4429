// Small DOM helpers the overlay's parts share: elements built from plain props (page text only ever
// through textContent), Caveat's mark, the shadow root's style sheet, and text and geometry helpers.
// A classic script (content scripts cannot be modules); defines globalThis.CaveatDom.
(() => {
  'use strict';
  if (globalThis.CaveatDom) return;

  // One element; props: class, text (always textContent), attrs, on (listeners). Children: nodes or strings.
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    if (props.class) node.className = props.class;
    if (props.text != null) node.textContent = String(props.text);
    for (const [name, value] of Object.entries(props.attrs || {})) {
      if (value != null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [type, fn] of Object.entries(props.on || {})) node.addEventListener(type, fn);
    for (const child of children) {
      if (child != null && child !== false) node.append(child);
    }
    return node;
  }

  // The shadow root's styles as a constructed stylesheet. Firefox refuses a sheet made in a content
  // script's own compartment (Xray), so there the sheet is built with the page window's constructor.
  function adoptStyles(shadow, css) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch {
      // fall through to the page-compartment path
    }
    const pageWindow = globalThis.wrappedJSObject;
    const pageShadow = shadow.wrappedJSObject;
    if (pageWindow && pageShadow && typeof globalThis.cloneInto === 'function') {
      const sheet = new pageWindow.CSSStyleSheet();
      sheet.replaceSync(css);
      pageShadow.adoptedStyleSheets = globalThis.cloneInto([sheet], pageWindow, { wrapReflectors: true });
    }
  }

  // Caveat's mark (extension/icons/caveat.svg), built node by node: no markup parsing in the page.
  function markIcon(size) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    for (const [k, v] of Object.entries({ viewBox: '0 0 128 128', width: size, height: size, 'aria-hidden': 'true', class: 'mark' })) svg.setAttribute(k, String(v));
    const shapes = [
      ['rect', { x: 4, y: 4, width: 120, height: 120, rx: 28, fill: '#1e293b' }],
      ['rect', { x: 28, y: 34, width: 72, height: 14, rx: 7, fill: '#f8fafc' }],
      ['rect', { x: 28, y: 60, width: 48, height: 14, rx: 7, fill: '#f8fafc' }],
      ['path', { d: 'M26 94 q 9 -12 18 0 t 18 0 t 18 0 t 18 0', fill: 'none', stroke: '#f59e0b', 'stroke-width': 9, 'stroke-linecap': 'round' }],
    ];
    for (const [tag, attrs] of shapes) {
      const shape = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, String(v));
      svg.append(shape);
    }
    return svg;
  }

  // `text` cut at a word boundary to about `max` chars.
  function clip(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max);
    return cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:.–—-]+$/, '') + '…';
  }

  function plural(n, one, many) {
    return n === 1 ? one : many;
  }

  function rectContains(rect, x, y) {
    return x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1;
  }

  const BLOCKS = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th, dd, dt, figcaption, pre';

  // A short stretch of the page text around a range, for the findings list: the range's block text
  // (a cue inside a link reads with its sentence), cut to a window around the cue.
  function contextOf(range, sentence) {
    const squash = (text) => text.replace(/\s+/g, ' ');
    if (typeof sentence === 'string' && sentence.trim()) return squash(sentence).trim();
    const parent = range.startContainer.parentElement;
    const block = (parent && parent.closest(BLOCKS)) || parent;
    if (!block) return '';
    const before = new Range();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const text = block.textContent || '';
    const start = before.toString().length;
    const end = start + range.toString().length;
    const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 45)) + 1);
    const to = Math.min(text.length, end + 80);
    return squash((from > 0 ? '…' : '') + text.slice(from, to).trim() + (to < text.length ? '…' : '')).trim();
  }

  globalThis.CaveatDom = Object.freeze({ el, adoptStyles, markIcon, clip, plural, rectContains, BLOCKS, contextOf });
})();
