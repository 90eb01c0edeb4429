// The figures the panel shows and the content script reports to the popup, read from the core's
// summary (src/passes/summary.rs). Every share comes from the summary's `figures`, each defined once
// in the core and shown with the same words everywhere: "22% of sentences hedge". A classic script;
// defines globalThis.CaveatFigures.
(() => {
  'use strict';
  if (globalThis.CaveatFigures) return;
  const Kinds = globalThis.CaveatKinds;

  // A figure's one way of reading: the percent and the words the core gives it.
  const figureText = (figure) => `${figure.percent}% ${figure.label}`;

  // How many more findings the core held back (less likely than the sensitivity asks, or a
  // second warning in one sentence), in words; '' when none.
  function heldBackLine(n, sensitivity) {
    if (!n) return '';
    if (sensitivity === 'strict') return `${n} more held back as too uncertain to mark.`;
    return `${n} more held back — strict shows them.`;
  }

  // The panel's figures from the wasm answer's summary, at `sensitivity` (the reader's setting):
  // {sentences, figures: [{key, percent, label, text}], heldBack, heldBackText, sources, verdict}.
  function read(summary, sensitivity = 'balanced') {
    const s = summary && typeof summary === 'object' ? summary : {};
    const figures = (Array.isArray(s.figures) ? s.figures : [])
      .filter((f) => f && typeof f.key === 'string' && Number.isFinite(f.percent) && typeof f.label === 'string')
      .map((f) => ({ key: f.key, percent: f.percent, label: f.label, text: figureText(f) }));
    const held = s.held_back && typeof s.held_back === 'object' ? s.held_back : {};
    // Attributions below the bar are not warnings the reader misses.
    const heldBack = Kinds.ORDER.filter((k) => Kinds.INFO[k].warning).reduce((n, k) => n + (Number(held[k]) || 0), 0);
    return {
      sentences: s.sentences > 0 ? s.sentences : null,
      figures,
      heldBack,
      heldBackText: heldBackLine(heldBack, sensitivity),
      sources: Array.isArray(s.sources) ? s.sources : [],
      verdict: typeof s.verdict === 'string' ? s.verdict : '',
    };
  }

  // What the panel, the pill and the popup say on an article that is not in English
  // (answer.language: {code, name, analysed}). short: the pill; long: the panel and the popup.
  function languageNotice(language) {
    const name = language && typeof language.name === 'string' && language.name ? language.name : 'an unknown language';
    const known = language && language.code && language.code !== 'und';
    return {
      short: known ? `${name} article — Caveat reads English` : 'Not English — Caveat reads English',
      long: known
        ? `This article is in ${name}. Caveat's rules read English, so it marked nothing here.`
        : "Caveat could not tell this article's language. Its rules read English, so it marked nothing here.",
    };
  }

  globalThis.CaveatFigures = Object.freeze({ read, languageNotice, heldBackLine });
})();
