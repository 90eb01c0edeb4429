// Takes a compact, JSON-serialisable snapshot of the page for the wasm core
// (format: src/page/snapshot.rs): a flat list of nodes in document order, each naming
// its parent by index. Text nodes carry an id, their index in the array of Text
// nodes returned beside the snapshot, so the answer can be turned into Ranges.
// Reads the page only; never writes to it.
(() => {
  'use strict';
  if (globalThis.CaveatSnapshot) return;

  // Keep in step with KEPT_ATTRIBUTES in src/page/snapshot.rs.
  const KEPT_ATTRIBUTES = ['id', 'class', 'role', 'itemprop', 'itemtype', 'href', 'hidden', 'aria-hidden',
    'lang', 'dir', 'name', 'property', 'content', 'type', 'datetime', 'rel', 'summary', 'datatable', 'http-equiv',
    'pubdate', 'xml:lang'];
  // Keep in step with SKIPPED_TAGS in src/page/snapshot.rs.
  const SKIPPED = new Set(['style', 'noscript', 'svg', 'iframe', 'template', 'canvas', 'video', 'audio',
    'object', 'embed', 'select', 'textarea']);
  // Phrasing elements are rarely hidden by a stylesheet; skipping their style check
  // saves most getComputedStyle calls on a text-heavy page.
  const INLINE = new Set(['a', 'span', 'em', 'strong', 'b', 'i', 'u', 's', 'code', 'small', 'sub', 'sup', 'abbr',
    'time', 'mark', 'cite', 'q', 'br', 'wbr', 'img', 'dfn', 'kbd', 'var', 'samp', 'bdi', 'bdo', 'data', 'font']);
  const HEAD_KEPT = new Set(['title', 'meta', 'script', 'link']);

  function isJsonLd(element) {
    return (element.getAttribute('type') || '').trim().toLowerCase() === 'application/ld+json';
  }

  function attributesOf(element) {
    const attrs = [];
    if (!element.hasAttributes()) return attrs;
    for (const name of KEPT_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null) attrs.push([name, value]);
    }
    return attrs;
  }

  function isHidden(element) {
    const style = getComputedStyle(element);
    return style.display === 'none' || style.visibility === 'hidden';
  }

  // Returns {snapshot: {url, nodes}, textNodes: Text[]}.
  function take(doc = document) {
    const nodes = [];
    const textNodes = [];
    const html = doc.documentElement;
    nodes.push({ tag: 'html', attrs: attributesOf(html) });

    // Head: only what metadata extraction reads.
    const head = doc.head;
    if (head) {
      const headIndex = nodes.push({ parent: 0, tag: 'head' }) - 1;
      for (const element of head.children) {
        const tag = element.localName;
        if (!HEAD_KEPT.has(tag)) continue;
        if (tag === 'script' && !isJsonLd(element)) continue;
        if (tag === 'link' && !/\b(canonical|author)\b/i.test(element.getAttribute('rel') || '')) continue;
        const index = nodes.push({ parent: headIndex, tag, attrs: attributesOf(element) }) - 1;
        if (tag === 'title' || tag === 'script') {
          nodes.push({ parent: index, text: element.textContent });
        }
      }
    }

    const body = doc.body;
    if (!body) return { snapshot: { url: String(doc.location && doc.location.href), nodes }, textNodes };
    // Iterative depth-first walk: pages can nest deeper than the JS stack likes.
    const stack = [[body, 0]];
    while (stack.length) {
      const [node, parent] = stack.pop();
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.data;
        if (text.length === 0) continue;
        nodes.push({ parent, text, id: textNodes.length });
        textNodes.push(node);
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = node.localName;
      if (tag === 'caveat-overlay') continue;
      // Elements whose content is never read stay as empty elements: extraction counts
      // them (embeds, only children, block children) as it does on the native parse.
      if (SKIPPED.has(tag) || (tag === 'script' && !isJsonLd(node))) {
        nodes.push({ parent, tag });
        continue;
      }
      if (tag === 'script') {
        const index = nodes.push({ parent, tag, attrs: [['type', 'application/ld+json']] }) - 1;
        nodes.push({ parent: index, text: node.textContent });
        continue;
      }
      const attrs = attributesOf(node);
      // Phrasing elements are checked only when an inline style may hide them.
      const hidden = (!INLINE.has(tag) || node.hasAttribute('style')) && isHidden(node);
      if (hidden) attrs.push(['data-caveat-hidden', '1']);
      const index = nodes.push({ parent, tag, attrs }) - 1;
      if (hidden) continue;
      for (let child = node.lastChild; child; child = child.previousSibling) {
        stack.push([child, index]);
      }
    }
    return { snapshot: { url: String(doc.location && doc.location.href), nodes }, textNodes };
  }

  globalThis.CaveatSnapshot = { take };
})();
