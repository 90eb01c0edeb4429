// The figures the panel shows and the content script reports to the popup, read from the core's
// summary (src/passes/summary.rs). A classic script; defines globalThis.CaveatFigures.
(() => {
  'use strict';
  if (globalThis.CaveatFigures) return;

  // The panel's figures from the wasm answer's summary: shares are 0..1 per kind,
  // sources [{name, count}] most cited first.
  function read(summary) {
    const share = (kind) => Math.round(Math.max(0, Math.min(1, summary.shares[kind])) * 100);
    return {
      sentences: summary.sentences > 0 ? summary.sentences : null,
      hedged: share('speculation'),
      unsourced: share('unsourced_claim'),
      sources: summary.sources,
      verdict: summary.verdict,
    };
  }

  globalThis.CaveatFigures = Object.freeze({ read });
})();
