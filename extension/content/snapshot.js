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
  // Each kept attribute's place in KEPT_ATTRIBUTES: attributes are sent in that order.
  const KEPT_INDEX = new Map(KEPT_ATTRIBUTES.map((name, i) => [name, i]));

  function isJsonLd(element) {
    return (element.getAttribute('type') || '').trim().toLowerCase() === 'application/ld+json';
  }

  // Every DOM call from a content script is costly in Firefox (its Xray wrappers): the element's
  // attribute names are read in one call, and only the kept ones that are there are read.
  // `names`: element.getAttributeNames(), when the caller has it already.
  function attributesOf(element, names = element.getAttributeNames()) {
    const attrs = [];
    for (const name of names) {
      if (KEPT_INDEX.has(name)) attrs.push([name, element.getAttribute(name)]);
    }
    if (attrs.length > 1) attrs.sort((a, b) => KEPT_INDEX.get(a[0]) - KEPT_INDEX.get(b[0]));
    return attrs;
  }

  // Hidden by display: none or visibility: hidden. checkVisibility() answers the visible majority
  // in one call; it also says no for boxless elements (display: contents), so a no is checked
  // against the computed style. Not for <area> (display: none, yet Firefox calls it visible).
  function isHidden(element, tag) {
    if (tag !== 'area' && element.checkVisibility && element.checkVisibility({ visibilityProperty: true })) return false;
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
    // One node: pushes it; returns its index when its children are to be read, else -1.
    // A Text node has no localName: one call tells a text from an element and names the tag.
    const visit = (node, parent) => {
      const tag = node.localName;
      if (tag == null) {
        const text = node.data;
        if (text.length > 0) {
          nodes.push({ parent, text, id: textNodes.length });
          textNodes.push(node);
        }
        return -1;
      }
      if (tag === 'caveat-overlay') return -1;
      // Elements whose content is never read stay as empty elements: extraction counts
      // them (embeds, only children, block children) as it does on the native parse.
      if (SKIPPED.has(tag) || (tag === 'script' && !isJsonLd(node))) {
        nodes.push({ parent, tag });
        return -1;
      }
      if (tag === 'script') {
        const index = nodes.push({ parent, tag, attrs: [['type', 'application/ld+json']] }) - 1;
        nodes.push({ parent: index, text: node.textContent });
        return -1;
      }
      const names = node.getAttributeNames();
      const attrs = attributesOf(node, names);
      // Phrasing elements are checked only when an inline style may hide them.
      const hidden = (!INLINE.has(tag) || names.includes('style')) && isHidden(node, tag);
      if (hidden) attrs.push(['data-caveat-hidden', '1']);
      const index = nodes.push({ parent, tag, attrs }) - 1;
      return hidden ? -1 : index;
    };

    // Depth-first, in document order, by a TreeWalker over elements and texts (comments are
    // never seen): one call per step, where reading siblings and node types costs several.
    // Iterative: pages can nest deeper than the JS stack likes.
    const bodyIndex = visit(body, 0);
    if (bodyIndex < 0) return { snapshot: { url: String(doc.location && doc.location.href), nodes }, textNodes };
    const walker = doc.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    // The indices of the open elements; the last is the parent of the walker's node.
    const open = [bodyIndex];
    let node = walker.firstChild();
    for (;;) {
      if (node) {
        const index = visit(node, open[open.length - 1]);
        if (index >= 0) {
          const child = walker.firstChild();
          if (child) {
            open.push(index);
            node = child;
            continue;
          }
        }
        node = walker.nextSibling();
        continue;
      }
      if (open.length === 1) break;
      open.pop();
      walker.parentNode();
      node = walker.nextSibling();
    }
    return { snapshot: { url: String(doc.location && doc.location.href), nodes }, textNodes };
  }

  globalThis.CaveatSnapshot = { take };
})();
