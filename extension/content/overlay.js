// Caveat's overlay: the <caveat-overlay> host on documentElement, its shadow root,
// and the highlights. A classic script (content scripts cannot be modules); it
// defines globalThis.CaveatOverlay and touches nothing of the page's own DOM but
// that one host element. Shared by the extension and the www demo.
(() => {
  'use strict';
  if (globalThis.CaveatOverlay) return;

  const KINDS = ['speculation', 'vague_attribution', 'attribution', 'unsourced_claim'];
  const HIGHLIGHT_PREFIX = 'caveat-';

  class Overlay {
    constructor() {
      this.host = document.createElement('caveat-overlay');
      this.shadow = this.host.attachShadow({ mode: 'open' });
      this.setState('idle');
      this.setCounts({});
      document.documentElement.appendChild(this.host);
    }

    setState(state) {
      this.host.setAttribute('data-state', state);
    }

    setCounts(counts) {
      for (const kind of KINDS) {
        this.host.setAttribute('data-count-' + kind.replace(/_/g, '-'), String(counts[kind] || 0));
      }
    }

    // result: the wasm answer {findings: [{kind, cue, explanation, ranges: [{node, start, end}]}], ...};
    // textNodes: the page's Text nodes, indexed by the snapshot's text ids.
    show(result, textNodes) {
      this.clear();
      const counts = {};
      const byKind = new Map();
      for (const finding of result.findings) {
        counts[finding.kind] = (counts[finding.kind] || 0) + 1;
        for (const r of finding.ranges) {
          const node = textNodes[r.node];
          if (!node || !node.isConnected || r.end > node.length) continue;
          const range = new Range();
          range.setStart(node, r.start);
          range.setEnd(node, r.end);
          if (!byKind.has(finding.kind)) byKind.set(finding.kind, []);
          byKind.get(finding.kind).push(range);
        }
      }
      if (globalThis.CSS && CSS.highlights) {
        for (const [kind, ranges] of byKind) {
          CSS.highlights.set(HIGHLIGHT_PREFIX + kind, new Highlight(...ranges));
        }
      }
      this.setCounts(counts);
    }

    clear() {
      if (globalThis.CSS && CSS.highlights) {
        for (const kind of KINDS) CSS.highlights.delete(HIGHLIGHT_PREFIX + kind);
      }
      this.setCounts({});
    }

    unmount() {
      this.clear();
      this.host.remove();
    }
  }

  let current = null;
  globalThis.CaveatOverlay = {
    KINDS,
    // One overlay per page; mounting again returns the one there is.
    mount() {
      if (!current || !current.host.isConnected) current = new Overlay();
      return current;
    },
  };
})();
