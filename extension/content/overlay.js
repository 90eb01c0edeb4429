// Caveat's overlay: the <caveat-overlay> host on documentElement and its shadow root, and the model of
// the findings on the page (which are shown, dismissed, current). The parts live beside it in
// content/ui/ (dom, styles, figures, marks, tooltip, panel, page-events, clipboard); the kinds in
// shared/kinds.js. A classic script (content scripts cannot be
// modules); defines globalThis.CaveatOverlay and touches nothing of the page's own DOM but that one
// host element. Shared by the extension and the www demo.
//
// API: CaveatOverlay.mount({highlights}) → the page's one overlay, with setState(state), setLanguage(language),
// setCounts(counts), setKinds({kind: bool}) (the settings' kinds: which are painted unless the reader flips a
// kind's toggle in the panel, for this page), show(answer, textNodes, {kinds, wasDismissed}),
// clear(), unmount(), and onDismissedChange (set by the caller). `highlights: false` forces the fallback boxes.
// Tests find the shadow root's parts by their data-caveat-testid attributes.
//
// Rules kept here: page text only ever goes in through textContent; the shadow root is styled only by a
// constructed stylesheet and inline style properties; page listeners are passive and never cancel
// anything, so the page behaves exactly as without Caveat.
(() => {
  'use strict';
  if (globalThis.CaveatOverlay) return;
  const { el, adoptStyles, plural, BLOCKS, contextOf } = globalThis.CaveatDom;
  const Kinds = globalThis.CaveatKinds;
  const { CSS: STYLES, NARROW, PANEL_WIDTH } = globalThis.CaveatStyles;
  const { Marks } = globalThis.CaveatMarks;
  const { Tooltip, LONG_CUE } = globalThis.CaveatTooltip;
  const { Panel } = globalThis.CaveatPanel;
  const { PageEvents } = globalThis.CaveatPageEvents;
  const { copyText } = globalThis.CaveatClipboard;
  const Figures = globalThis.CaveatFigures;

  const SLOW_READ_MS = 700;

  class Overlay {
    constructor(options = {}) {
      this.host = document.createElement('caveat-overlay');
      // The host sits in the page, so page CSS could reach it: pin what matters inline.
      for (const [prop, value] of Object.entries({
        display: 'block', position: 'absolute', top: '0', left: '0', width: '0', height: '0',
        overflow: 'visible', 'z-index': '2147483647', contain: 'style',
      })) this.host.style.setProperty(prop, value, 'important');
      this.shadow = this.host.attachShadow({ mode: 'open' });
      adoptStyles(this.shadow, STYLES);

      this.findings = []; // {id, kind, cue, explanation, strength, source, context, ranges: [Range], key}
      this.byNode = new Map(); // Text node → [{finding, range}], for hit-testing
      // Which kinds are painted: the settings' choice (each kind's default until told), and on this page
      // the reader's flips of the panel's toggles, which last until the settings change.
      this.kindsSetting = Object.fromEntries(Kinds.ORDER.map((k) => [k, Kinds.INFO[k].painted]));
      this.kindsShown = { ...this.kindsSetting };
      this.dismissed = new Set();
      this.onDismissedChange = null; // called with the dismissed keys when the reader changes them
      // Set by the caller that can build a report (the extension): called with the dismissed finding
      // ids, resolves to the Markdown report. The panel's "Copy report" shows only when it is set.
      this.onReport = null;
      this.counts = {};
      this.summary = null;
      this.current = -1; // index into visibleFindings()
      this.hovered = null;
      this.readerCollapsed = null; // the reader's choice, once made
      this.coversText = false; // would the open panel cover the article's text column?
      this.state = 'idle';
      this.language = null; // the answer's language, shown in the state 'unsupported-language'

      const boxLayer = el('div', { class: 'layer', attrs: { 'aria-hidden': 'true' } });
      const flashLayer = el('div', { class: 'layer', attrs: { 'aria-hidden': 'true' } });
      this.marks = new Marks(boxLayer, flashLayer, options.highlights !== false);
      this.tooltip = new Tooltip();
      this.panel = new Panel(this);
      this.live = el('div', { class: 'sr', attrs: { 'aria-live': 'polite' } });
      this.shadow.append(el('div', { class: 'ui' }, boxLayer, flashLayer, this.panel.element, this.tooltip.element, this.live));

      this.setState('idle');
      this.setCounts({});
      document.documentElement.appendChild(this.host);
      this.events = new PageEvents(this);
      this.events.attach();
    }

    // ---- public API -------------------------------------------------------------------------------

    setState(state) {
      const before = this.state;
      // A re-read's show() has already rendered the panel in this state.
      if (state === 'ready' && before === 'ready') return;
      this.state = state;
      this.host.setAttribute('data-state', state);
      if (state === 'off' || state === 'idle' || state === 'not-article' || state === 'unsupported-language') this.clear();
      clearTimeout(this.slowTimer);
      this.readSlowly = false;
      if (state === 'reading') {
        this.slowTimer = setTimeout(() => {
          this.readSlowly = true;
          this.panel.render();
        }, SLOW_READ_MS);
      }
      this.panel.render();
      // The summary is announced once, when a read ends; a re-read of the same page stays quiet.
      if (state === 'ready' && before !== 'ready') {
        const n = this.visibleFindings().length;
        const verdict = this.summary && this.summary.verdict ? ' ' + this.summary.verdict : '';
        this.live.textContent = `Caveat marked ${n} ${plural(n, 'passage', 'passages')} on this page.${verdict}`;
      } else if (state === 'unsupported-language' && before !== state) {
        this.live.textContent = Figures.languageNotice(this.language).long;
      }
    }

    // The language the answer found ({code, name, analysed}); what the state 'unsupported-language' names.
    setLanguage(language) {
      this.language = language && typeof language === 'object' ? language : null;
    }

    setCounts(counts) {
      this.counts = counts && typeof counts === 'object' ? counts : {};
      for (const kind of Kinds.ORDER) {
        const n = Number(this.counts[kind]) || 0;
        this.host.setAttribute('data-count-' + kind.replace(/_/g, '-'), String(n));
      }
    }

    // Which kinds the settings paint (options page). A change resets the panel's toggles to it.
    setKinds(kinds) {
      if (!this.assignKinds(kinds)) return;
      this.refresh();
    }

    // Whether the settings' kinds changed; if so the toggles follow them.
    assignKinds(kinds) {
      let changed = false;
      for (const kind of Kinds.ORDER) {
        const painted = kinds && typeof kinds[kind] === 'boolean' ? kinds[kind] : Kinds.INFO[kind].painted;
        changed ||= this.kindsSetting[kind] !== painted;
        this.kindsSetting[kind] = painted;
      }
      if (changed) this.kindsShown = { ...this.kindsSetting };
      return changed;
    }

    // answer: the wasm answer {findings: [{kind, cue, explanation, ranges: [{node, start, end}]}], summary, ...};
    // textNodes: the page's Text nodes, indexed by the answer's `node`.
    show(answer, textNodes, options = {}) {
      this.clearFindings();
      if (options.kinds) this.assignKinds(options.kinds);
      const list = answer && Array.isArray(answer.findings) ? answer.findings : [];
      for (const [index, raw] of list.entries()) {
        if (!raw || !Kinds.ORDER.includes(raw.kind)) continue;
        const ranges = [];
        for (const r of Array.isArray(raw.ranges) ? raw.ranges : []) {
          const range = this.rangeFor(textNodes, r);
          if (range) ranges.push(range);
        }
        if (!ranges.length) continue;
        const finding = {
          id: raw.id ?? index,
          kind: raw.kind,
          cue: typeof raw.cue === 'string' ? raw.cue : ranges[0].toString(),
          explanation: typeof raw.explanation === 'string' ? raw.explanation : '',
          strength: raw.strength,
          source: typeof raw.source === 'string' ? raw.source : null,
          missing: typeof raw.missing === 'string' ? raw.missing : null,
          ranges,
        };
        // The words marked on the page; a long cue (an unsourced claim's sentence) is their context.
        finding.marked = ranges.map((r) => r.toString()).join(' ').replace(/\s+/g, ' ').trim() || finding.cue;
        const sentence = typeof raw.sentence === 'string' ? raw.sentence : finding.cue.length > LONG_CUE ? finding.cue : null;
        finding.context = contextOf(ranges[0], sentence);
        finding.key = finding.kind + '|' + finding.cue + '|' + finding.context;
        this.findings.push(finding);
        for (const range of ranges) {
          const node = range.startContainer;
          if (!this.byNode.has(node)) this.byNode.set(node, []);
          this.byNode.get(node).push({ finding, range });
        }
      }
      this.findings.sort((a, b) => a.ranges[0].compareBoundaryPoints(Range.START_TO_START, b.ranges[0]));
      // The caller remembers dismissals across visits: its word replaces what this page load saw.
      if (typeof options.wasDismissed === 'function') {
        this.dismissed = new Set(this.findings.filter((f) => options.wasDismissed(f.key)).map((f) => f.key));
      }
      this.summary = Figures.read(answer.summary, options.sensitivity);
      this.setCounts(answer.counts);
      this.coversText = this.wouldCoverText();
      this.refresh();
    }

    clear() {
      this.clearFindings();
      this.panel.render();
    }

    // Forget the findings and their marks without re-rendering the panel.
    clearFindings() {
      this.marks.clear();
      this.findings = [];
      this.byNode = new Map();
      this.summary = null;
      this.current = -1;
      this.hideTooltip();
      this.setCounts({});
    }

    unmount() {
      this.clear();
      this.events.detach();
      clearTimeout(this.slowTimer);
      this.cancelStep();
      this.host.remove();
    }

    // ---- the model ----------------------------------------------------------------------------------

    rangeFor(textNodes, r) {
      if (!r || !Array.isArray(textNodes)) return null;
      const node = textNodes[r.node];
      const ok = node && node.nodeType === Node.TEXT_NODE && node.isConnected &&
        Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start < r.end && r.end <= node.length;
      if (!ok) return null;
      const range = new Range();
      range.setStart(node, r.start);
      range.setEnd(node, r.end);
      return range;
    }

    isVisible(finding) {
      return this.kindsShown[finding.kind] && !this.dismissed.has(finding.key);
    }

    visibleFindings() {
      return this.findings.filter((f) => this.isVisible(f));
    }

    // Re-paint the marks and the panel from the model.
    refresh() {
      const visible = this.visibleFindings();
      this.marks.paint(visible);
      if (this.current >= visible.length) this.current = visible.length - 1;
      this.marks.setCurrent(visible[this.current]);
      this.panel.render();
    }

    toggleKind(kind) {
      this.kindsShown[kind] = !this.kindsShown[kind];
      this.refresh();
      this.live.textContent = Kinds.INFO[kind].label + (this.kindsShown[kind] ? ' shown' : ' hidden');
    }

    dismiss(finding) {
      this.cancelStep();
      const visible = this.visibleFindings();
      const index = visible.indexOf(finding);
      this.dismissed.add(finding.key);
      this.reportDismissed();
      if (this.current > index || this.current === visible.length - 1) this.current -= 1;
      this.hideTooltip();
      this.refresh();
      this.live.textContent = 'Dismissed on this page. ' + this.visibleFindings().length + ' left.';
      this.panel.focusFinding(index);
    }

    undoDismissals() {
      this.dismissed.clear();
      this.reportDismissed();
      this.refresh();
    }

    reportDismissed() {
      if (this.onDismissedChange) this.onDismissedChange([...this.dismissed]);
    }

    // The answer's ids of the findings the reader dismissed here (the report leaves them out).
    dismissedIds() {
      return this.findings.filter((f) => this.dismissed.has(f.key)).map((f) => f.id);
    }

    // "Copy report": the caller builds the Markdown report; it goes to the clipboard from here, within
    // the reader's click. The live region says how it went.
    async copyReport() {
      if (!this.onReport) return;
      const button = this.panel.copyReport;
      let said;
      try {
        const markdown = await this.onReport(this.dismissedIds());
        await copyText(markdown);
        said = 'Report copied to the clipboard.';
        button.textContent = 'Copied';
      } catch (e) {
        said = 'Caveat could not copy the report: ' + (e && e.message ? e.message : e);
        button.textContent = 'Copy failed';
      }
      this.live.textContent = said;
      button.setAttribute('data-copied', said.startsWith('Report copied') ? 'true' : 'false');
      clearTimeout(this.copiedTimer);
      this.copiedTimer = setTimeout(() => {
        button.textContent = 'Copy report';
        button.removeAttribute('data-copied');
      }, 2500);
    }

    // Step to a finding (panel click, n/p): scroll it to the middle of the screen, flash it, explain it.
    goTo(index, { focusItem = false } = {}) {
      const visible = this.visibleFindings();
      if (!visible.length) return;
      this.current = ((index % visible.length) + visible.length) % visible.length;
      const finding = visible[this.current];
      const target = finding.ranges[0].startContainer.parentElement;
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (target) target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
      this.marks.setCurrent(finding);
      this.panel.renderList();
      if (focusItem) this.panel.focusCurrent();
      // Wait for the scroll to settle before measuring.
      const settle = () => {
        this.marks.flash(finding);
        this.showTooltip(finding, finding.ranges[0].getBoundingClientRect());
      };
      this.cancelStep();
      if (smooth) this.stepTimer = setTimeout(settle, 350);
      else settle();
    }

    // Forget a step's tooltip still waiting for the scroll (the reader moved on: Esc, a dismissal, folding).
    cancelStep() {
      clearTimeout(this.stepTimer);
      this.stepTimer = 0;
    }

    // The text column's right edge, from the blocks that hold findings, against the panel's left edge.
    wouldCoverText() {
      if (window.matchMedia(NARROW).matches) return true;
      let right = 0;
      for (const f of this.findings.slice(0, 40)) {
        const parent = f.ranges[0].startContainer.parentElement;
        const block = parent && (parent.closest(BLOCKS) || parent);
        if (block) right = Math.max(right, Math.min(block.getBoundingClientRect().right, window.innerWidth));
      }
      return right > window.innerWidth - PANEL_WIDTH - 24;
    }

    // ---- hover and tooltip --------------------------------------------------------------------------

    hoverFinding(finding, rect) {
      if (finding === this.hovered) return;
      this.hovered = finding;
      if (finding) this.showTooltip(finding, rect);
      else this.hideTooltip();
    }

    showTooltip(finding, rect) {
      this.tooltip.show(finding, rect, this.panel.openRect());
    }

    hideTooltip() {
      this.hovered = null;
      if (this.tooltip) this.tooltip.hide();
    }
  }

  let current = null;
  globalThis.CaveatOverlay = {
    // One overlay per page; mounting again returns the one there is.
    // options.highlights === false forces the fallback boxes (used by the demo and tests).
    mount(options) {
      if (!current || !current.host.isConnected) current = new Overlay(options);
      return current;
    },
  };
})();
