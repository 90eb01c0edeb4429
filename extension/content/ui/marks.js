// The marks on the page's own text: one Custom Highlight per kind in CSS.highlights (painted by
// content/highlights.css), or, where the API is missing, boxes in the overlay's shadow root; the
// finding being pointed at; and the brief flash that shows where a step landed. The page's DOM is
// never touched. A classic script; defines globalThis.CaveatMarks.
(() => {
  'use strict';
  if (globalThis.CaveatMarks) return;
  const { el } = globalThis.CaveatDom;
  const Kinds = globalThis.CaveatKinds;
  const { FLASH_MS } = globalThis.CaveatStyles;

  const PREFIX = 'caveat-';
  const CURRENT = 'caveat-current';
  // Tints paint below lines where findings overlap (a hedge inside an unsourced claim).
  const PRIORITY = { speculation: 3, vague_attribution: 3, attribution: 2, unsourced_claim: 1 };

  const supportsHighlights = () => !!(globalThis.CSS && CSS.highlights && typeof globalThis.Highlight === 'function');

  class Marks {
    // boxLayer, flashLayer: elements in the shadow root; useHighlights false forces the boxes.
    constructor(boxLayer, flashLayer, useHighlights) {
      this.boxLayer = boxLayer;
      this.flashLayer = flashLayer;
      this.useHighlights = useHighlights && supportsHighlights();
      this.findings = [];
      this.flashTimer = 0;
    }

    // Paints `findings` ({kind, ranges}), replacing whatever was painted.
    paint(findings) {
      this.findings = findings;
      if (this.useHighlights) {
        for (const kind of Kinds.ORDER) {
          const ranges = findings.filter((f) => f.kind === kind).flatMap((f) => f.ranges);
          const name = PREFIX + kind;
          if (!ranges.length) {
            CSS.highlights.delete(name);
            continue;
          }
          const highlight = new Highlight(...ranges);
          highlight.priority = PRIORITY[kind];
          CSS.highlights.set(name, highlight);
        }
      }
      this.renderBoxes();
    }

    // The finding the panel points at (n/p, a click, focus), or none.
    setCurrent(finding) {
      if (!this.useHighlights) return;
      if (finding) CSS.highlights.set(CURRENT, new Highlight(...finding.ranges));
      else CSS.highlights.delete(CURRENT);
    }

    clear() {
      if (supportsHighlights()) {
        for (const kind of Kinds.ORDER) CSS.highlights.delete(PREFIX + kind);
        CSS.highlights.delete(CURRENT);
      }
      this.findings = [];
      this.boxLayer.replaceChildren();
      this.flashLayer.replaceChildren();
    }

    // Fallback where the Custom Highlight API is missing: boxes in document coordinates, redrawn on reflow.
    renderBoxes() {
      if (this.useHighlights) return;
      const frag = document.createDocumentFragment();
      const sx = window.scrollX;
      const sy = window.scrollY;
      for (const f of this.findings) {
        for (const range of f.ranges) {
          for (const rect of range.getClientRects()) {
            if (rect.width < 1 || rect.height < 1) continue;
            const box = el('div', { class: 'box ' + f.kind, attrs: { 'data-caveat-testid': 'box' } });
            Object.assign(box.style, {
              left: rect.left + sx + 'px', top: rect.top + sy + 'px', width: rect.width + 'px', height: rect.height + 'px',
            });
            frag.append(box);
          }
        }
      }
      this.boxLayer.replaceChildren(frag);
    }

    flash(finding) {
      const sx = window.scrollX;
      const sy = window.scrollY;
      const frag = document.createDocumentFragment();
      for (const range of finding.ranges) {
        for (const rect of range.getClientRects()) {
          const box = el('div', { class: 'flash', attrs: { 'data-caveat-testid': 'flash' } });
          Object.assign(box.style, {
            left: rect.left + sx - 2 + 'px', top: rect.top + sy - 1 + 'px', width: rect.width + 4 + 'px', height: rect.height + 2 + 'px',
          });
          frag.append(box);
        }
      }
      this.flashLayer.replaceChildren(frag);
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => this.flashLayer.replaceChildren(), FLASH_MS + 50);
    }
  }

  globalThis.CaveatMarks = Object.freeze({ Marks, supportsHighlights });
})();
