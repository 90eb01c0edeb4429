// The overlay's listeners on the page: the mouse (or a tap) over a mark shows its tooltip, found by
// hit-testing the caret position against the painted ranges; Esc outside the panel hides it; reflow,
// scrolling, fonts and a narrow window redraw the fallback boxes and fold the panel. Every listener is
// passive and cancels nothing, so the page behaves exactly as without Caveat. A classic script; defines
// globalThis.CaveatPageEvents.
(() => {
  'use strict';
  if (globalThis.CaveatPageEvents) return;
  const { rectContains } = globalThis.CaveatDom;
  const { NARROW } = globalThis.CaveatStyles;

  class PageEvents {
    // overlay: the Overlay whose marks are hit-tested and whose tooltip and panel follow the page.
    constructor(overlay) {
      this.overlay = overlay;
      this.listeners = [];
      this.frame = 0;
      this.relayoutFrame = 0;
      this.pendingPoint = null;
      this.resizeObserver = null;
    }

    attach() {
      const ov = this.overlay;
      const on = (target, type, fn, opts = { passive: true }) => {
        target.addEventListener(type, fn, opts);
        this.listeners.push([target, type, fn, opts]);
      };
      const track = (event) => {
        const fromUs = event.composedPath().includes(ov.host);
        this.pendingPoint = fromUs ? null : { x: event.clientX, y: event.clientY };
        if (!this.frame) this.frame = requestAnimationFrame(() => this.hitTest());
      };
      // A mouse hovers; a finger taps (the tap still does whatever the page does with it).
      on(document, 'pointermove', (event) => {
        if (event.pointerType !== 'touch') track(event);
      });
      on(document, 'pointerup', (event) => {
        if (event.pointerType === 'touch') track(event);
      });
      on(document, 'pointerleave', () => ov.hoverFinding(null, null));
      on(document, 'keydown', (event) => {
        if (event.key === 'Escape' && !event.composedPath().includes(ov.host) && !ov.tooltip.hidden) ov.hideTooltip();
      });
      // Fallback boxes follow text reflow; a tooltip anchored to old coordinates goes away.
      const relayout = () => {
        if (!this.relayoutFrame) {
          this.relayoutFrame = requestAnimationFrame(() => {
            this.relayoutFrame = 0;
            ov.marks.renderBoxes();
            const covers = ov.wouldCoverText();
            if (covers !== ov.coversText) {
              ov.coversText = covers;
              ov.panel.render();
            }
          });
        }
      };
      on(window, 'resize', () => {
        ov.hideTooltip();
        relayout();
      });
      on(document, 'scroll', (event) => {
        if (!ov.hovered || event.target !== document) ov.hideTooltip();
        if (event.target !== document) relayout();
      }, { passive: true, capture: true });
      on(window, 'scroll', () => ov.hideTooltip());
      if (document.fonts && document.fonts.addEventListener) on(document.fonts, 'loadingdone', relayout);
      if (typeof ResizeObserver === 'function') {
        this.resizeObserver = new ResizeObserver(relayout);
        this.resizeObserver.observe(document.documentElement);
        if (document.body) this.resizeObserver.observe(document.body);
      }
      // Going narrow folds the panel even if the reader had opened it.
      const media = window.matchMedia(NARROW);
      on(media, 'change', () => {
        if (media.matches) ov.readerCollapsed = null;
        ov.panel.render();
      }, {});
    }

    hitTest() {
      const ov = this.overlay;
      this.frame = 0;
      const point = this.pendingPoint;
      if (!point || !ov.byNode.size) return ov.hoverFinding(null, null);
      let node = null;
      let offset = 0;
      if (document.caretPositionFromPoint) {
        const pos = document.caretPositionFromPoint(point.x, point.y);
        if (pos) ({ offsetNode: node, offset } = pos);
      } else if (document.caretRangeFromPoint) {
        const range = document.caretRangeFromPoint(point.x, point.y);
        if (range) ({ startContainer: node, startOffset: offset } = range);
      }
      const candidates = node ? ov.byNode.get(node) || [] : [];
      let hit = null;
      // The caret snaps to the nearest character, so confirm against the painted boxes;
      // prefer the smallest (a hedge inside an unsourced claim).
      for (const { finding, range } of candidates) {
        if (!ov.isVisible(finding) || offset < range.startOffset || offset > range.endOffset) continue;
        for (const rect of range.getClientRects()) {
          if (rectContains(rect, point.x, point.y) && (!hit || range.toString().length < hit.size)) {
            hit = { finding, rect, size: range.toString().length };
          }
        }
      }
      ov.hoverFinding(hit && hit.finding, hit && hit.rect);
    }

    detach() {
      for (const [target, type, fn, opts] of this.listeners) target.removeEventListener(type, fn, opts);
      this.listeners = [];
      if (this.resizeObserver) this.resizeObserver.disconnect();
      if (this.frame) cancelAnimationFrame(this.frame);
      if (this.relayoutFrame) cancelAnimationFrame(this.relayoutFrame);
    }
  }

  globalThis.CaveatPageEvents = Object.freeze({ PageEvents });
})();
