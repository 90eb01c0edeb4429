// The tooltip that explains one finding: its kind, how sure the analyser is, why it was marked, and
// what is missing. Shown on hover over a mark and on focus of a finding in the panel; placed above
// the words when there is room and kept clear of the open panel. A classic script; defines
// globalThis.CaveatTooltip.
(() => {
  'use strict';
  if (globalThis.CaveatTooltip) return;
  const { el, clip } = globalThis.CaveatDom;
  const Kinds = globalThis.CaveatKinds;

  const LONG_CUE = 60; // chars; longer cues are whole clauses or sentences
  const QUOTE_MAX = 240; // chars of a quoted sentence

  // How sure the analyser is, in words a reader can use.
  function strengthLabel(strength) {
    if (typeof strength !== 'number' || !Number.isFinite(strength)) return '';
    if (strength >= 0.75) return 'clear case';
    if (strength >= 0.4) return 'likely';
    return 'borderline';
  }

  class Tooltip {
    constructor() {
      this.element = el('div', { class: 'tooltip', attrs: { role: 'tooltip', id: 'caveat-tip', hidden: true, 'data-caveat-testid': 'tooltip' } });
    }

    get hidden() {
      return this.element.hidden;
    }

    // finding: the overlay's finding; rect: the words' box on screen; avoid: a box to keep clear of (the open panel), or null.
    show(finding, rect, avoid) {
      const info = Kinds.INFO[finding.kind];
      const tip = this.element;
      const explanation = finding.explanation || info.blurb;
      const explain = el('p', { class: 'explain' });
      // Lead with the cue unless the explanation already quotes it. A long cue is the whole sentence
      // (an unsourced claim, whose mark covers only its core): it is quoted above the explanation.
      const long = finding.cue.length > LONG_CUE;
      if (!long && !explanation.toLowerCase().includes(finding.cue.toLowerCase())) {
        explain.append(el('span', { class: 'cue', text: '‘' + finding.cue + '’' }), ' — ');
      }
      explain.append(explanation);
      const quote = long ? el('p', { class: 'quote', text: '“' + clip(finding.cue, QUOTE_MAX) + '”', attrs: { 'data-caveat-testid': 'tooltip-quote' } }) : null;
      const strength = strengthLabel(finding.strength);
      const extra = [];
      if (finding.kind === 'attribution' && finding.source && !explanation.includes(finding.source)) extra.push('Source: ' + finding.source);
      // Say what is missing unless the analyser's explanation already does.
      if (finding.kind === 'unsourced_claim' && (finding.missing || !/\bsource\b/i.test(explanation))) {
        extra.push('Missing: ' + (finding.missing || info.missing) + '.');
      }
      const parts = [
        el('div', { class: 'tip-head' },
          Kinds.swatch(finding.kind),
          el('span', { class: 'kind', text: info.label, attrs: { 'data-caveat-testid': 'tooltip-kind' } }),
          strength ? el('span', { class: 'strength', text: strength }) : null),
        quote,
        explain,
        ...extra.map((text) => el('p', { class: 'extra', text })),
      ];
      // (replaceChildren would write a null as the text "null".)
      tip.replaceChildren(...parts.filter(Boolean));
      tip.setAttribute('data-kind', finding.kind);
      tip.hidden = false;
      // Above the words when there is room, else below; kept inside the viewport.
      const width = tip.offsetWidth;
      const height = tip.offsetHeight;
      const margin = 8;
      // Keep clear of the open panel when the words are left of it.
      let right = window.innerWidth - margin;
      if (avoid && rect.right <= avoid.left) right = Math.min(right, avoid.left - margin);
      let left = Math.min(Math.max(margin, rect.left + rect.width / 2 - width / 2), right - width);
      let top = rect.top - height - 10;
      if (top < margin) top = rect.bottom + 10;
      if (top + height > window.innerHeight - margin) top = Math.max(margin, window.innerHeight - height - margin);
      left = Math.max(margin, left);
      tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    }

    hide() {
      this.element.hidden = true;
    }
  }

  globalThis.CaveatTooltip = Object.freeze({ Tooltip, strengthLabel, LONG_CUE });
})();
