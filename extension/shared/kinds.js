// The kinds of finding, in one place: the core's names (src/finding.rs `Kind`), the order the
// reader sees them in, their labels and one-line blurbs, how each is marked on the page, and
// whether it is painted unless the reader asks otherwise. A classic script shared by the content
// scripts, the popup, the options page and the www demo; defines globalThis.CaveatKinds.
//
// `mark` is how the page's text is marked (content/highlights.css holds the same values, because a
// content script cannot inject a <style> on a strict-CSP page; tests/e2e/structure.test.mjs checks
// that the two agree). The kinds differ by line style as well as colour, so they stay apart for
// readers who do not see the colours; each colour is mid-luminance, with at least 3:1 contrast
// against both white and near-black pages (WCAG 1.4.11).
(() => {
  'use strict';
  if (globalThis.CaveatKinds) return;

  const INFO = Object.freeze({
    speculation: Object.freeze({
      label: 'Speculation',
      short: 'Speculation',
      blurb: 'Hedged wording: the writer does not claim this is so.',
      warning: true,
      painted: true,
      mark: Object.freeze({ line: 'wavy', colour: '#d97706', thickness: '1.5px', tint: 'rgba(245, 158, 11, 0.14)' }),
    }),
    vague_attribution: Object.freeze({
      label: 'Vague source',
      short: 'Vague source',
      blurb: 'Pinned on someone the reader cannot identify or check.',
      warning: true,
      painted: true,
      mark: Object.freeze({ line: 'dotted', colour: '#db2777', thickness: '3px', tint: 'rgba(219, 39, 119, 0.10)' }),
    }),
    attribution: Object.freeze({
      label: 'Attributed',
      short: 'Attributed',
      blurb: 'Said by a named source: the writer reports it, not claims it.',
      warning: false,
      // Most sentences of a news article are someone's words: painting every one buries the warnings.
      // The panel still counts them and lists who is quoted; its toggle or the options paint them.
      painted: false,
      mark: Object.freeze({ line: 'solid', colour: '#0d9488', thickness: '2px', tint: null }),
    }),
    unsourced_claim: Object.freeze({
      label: 'Unsourced claim',
      short: 'Unsourced',
      blurb: 'Stated as fact with no named source, quotation or link.',
      missing: 'a named source, a quotation or a link',
      warning: true,
      painted: true,
      // Only the claim's core is marked, and only with a line: a band over a clause reads as an accusation.
      mark: Object.freeze({ line: 'dashed', colour: '#7c3aed', thickness: '1.5px', tint: null }),
    }),
  });
  // The order of the panel's rows, the popup's counts and the options page's switches.
  const ORDER = Object.freeze(['speculation', 'vague_attribution', 'attribution', 'unsourced_claim']);

  // "Aa" drawn the way the page marks `kind`: inline styles only, so it needs no style sheet
  // (popup, options page, the overlay's shadow root and the demo all use it as is).
  function swatch(kind, doc = document) {
    const { mark } = INFO[kind];
    const span = doc.createElement('span');
    span.className = 'swatch ' + kind;
    span.textContent = 'Aa';
    span.setAttribute('aria-hidden', 'true');
    const style = span.style;
    style.setProperty('text-decoration', `underline ${mark.line} ${mark.colour} ${mark.thickness}`);
    style.setProperty('text-decoration-skip-ink', 'none');
    style.setProperty('text-underline-offset', '0.28em');
    if (mark.tint) style.setProperty('background-color', mark.tint);
    return span;
  }

  globalThis.CaveatKinds = Object.freeze({ ORDER, INFO, swatch });
})();
