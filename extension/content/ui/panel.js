// The summary panel in the overlay's shadow root: the pill it folds into, the verdict and figures,
// a toggle per kind, the named sources, and the findings in reading order (each a button that steps
// there, with ✕ to dismiss it). It reads the overlay's model and calls back into the overlay for
// every action. A classic script; defines globalThis.CaveatPanel.
(() => {
  'use strict';
  if (globalThis.CaveatPanel) return;
  const { el, markIcon, clip, plural } = globalThis.CaveatDom;
  const Kinds = globalThis.CaveatKinds;
  const { LONG_CUE } = globalThis.CaveatTooltip;
  const Figures = globalThis.CaveatFigures;

  class Panel {
    // overlay: the Overlay whose model this panel shows.
    constructor(overlay) {
      this.overlay = overlay;
      this.build();
    }

    build() {
      const ov = this.overlay;
      this.pill = el('button', {
        class: 'pill',
        attrs: { type: 'button', 'aria-expanded': 'false', 'data-caveat-testid': 'pill' },
        on: { click: () => this.setCollapsed(false) },
      });
      this.title = el('h2', { text: 'Caveat', attrs: { id: 'caveat-title' } });
      this.subtitle = el('div', { class: 'sub', attrs: { 'data-caveat-testid': 'subtitle' } });
      const collapse = el('button', {
        class: 'icon-btn', text: '–',
        attrs: { type: 'button', 'aria-label': 'Collapse the Caveat panel', title: 'Collapse (Esc)', 'aria-expanded': 'true', 'data-caveat-testid': 'collapse' },
        on: { click: () => this.setCollapsed(true) },
      });
      const head = el('div', { class: 'head' },
        markIcon(24),
        el('div', { class: 'titles' }, this.title, this.subtitle),
        collapse);

      this.stats = el('div', { class: 'stats' });
      this.verdict = el('p', { class: 'verdict', attrs: { 'data-caveat-testid': 'verdict' } });
      this.heldBack = el('p', { class: 'held', attrs: { 'data-caveat-testid': 'held-back' } });
      this.kindRows = {};
      const kinds = el('div', { class: 'kinds', attrs: { role: 'group', 'aria-label': 'Show or hide each kind' } });
      for (const kind of Kinds.ORDER) {
        const info = Kinds.INFO[kind];
        const count = el('span', { class: 'count' });
        const row = el('button', {
          class: 'kind-row',
          attrs: { type: 'button', 'aria-pressed': 'true', 'data-kind': kind, 'data-caveat-testid': 'toggle-' + kind, title: info.blurb },
          on: { click: () => ov.toggleKind(kind) },
        },
        Kinds.swatch(kind),
        el('span', { class: 'name', text: info.short || info.label }),
        count);
        this.kindRows[kind] = { row, count };
        kinds.append(row);
      }
      this.kindsSection = el('div', { class: 'section' }, el('h3', { text: 'Marks' }), kinds);
      this.sources = el('div', { class: 'sources', attrs: { 'data-caveat-testid': 'sources' } });
      this.list = el('ol', { class: 'findings', attrs: { 'aria-label': 'Findings in reading order', 'data-caveat-testid': 'findings' } });
      this.statusLine = el('div', { class: 'section status', attrs: { 'data-caveat-testid': 'status' } });
      this.findingsSection = el('div', { class: 'section' }, el('h3', { text: 'Findings' }), this.list);
      this.figuresSection = el('div', { class: 'section' }, this.verdict, this.stats, this.heldBack);
      this.sourcesSection = el('div', { class: 'section' }, el('h3', { text: 'Named sources' }), this.sources);
      this.body = el('div', { class: 'body' },
        this.statusLine, this.figuresSection, this.kindsSection, this.sourcesSection, this.findingsSection);
      this.dismissedNote = el('span', {});
      this.undo = el('button', {
        class: 'link', text: 'Undo',
        attrs: { type: 'button', 'data-caveat-testid': 'undo' },
        on: {
          click: () => {
            ov.undoDismissals();
            const first = this.list.querySelector('.go');
            if (first) first.focus();
          },
        },
      });
      this.copyReport = el('button', {
        class: 'link', text: 'Copy report',
        attrs: { type: 'button', 'data-caveat-testid': 'copy-report', title: 'Copy a Markdown report of this article to the clipboard' },
        on: { click: () => ov.copyReport() },
      });
      const keys = el('span', { class: 'keys' }, el('kbd', { text: 'n' }), ' ', el('kbd', { text: 'p' }), ' step · ', el('kbd', { text: 'Esc' }), ' close');
      this.foot = el('div', { class: 'foot' }, keys, this.dismissedNote, this.undo, this.copyReport);
      this.element = el('section', {
        class: 'panel',
        attrs: { 'aria-labelledby': 'caveat-title', 'data-caveat-testid': 'panel', hidden: true },
        on: { keydown: (event) => this.onKey(event) },
      }, this.pill, head, this.body, this.foot);
    }

    get collapsed() {
      return this.element.dataset.collapsed === 'true';
    }

    // The open panel's box, for the tooltip to keep clear of; null when folded or hidden.
    openRect() {
      return this.element.hidden || this.collapsed ? null : this.element.getBoundingClientRect();
    }

    // The reader folds or opens the panel; focus follows.
    setCollapsed(collapsed) {
      this.overlay.readerCollapsed = collapsed;
      if (collapsed) this.overlay.cancelStep();
      this.render();
      const target = collapsed ? this.pill : this.list.querySelector('[aria-current="true"] .go') || this.kindRows[Kinds.ORDER[0]].row;
      target.focus();
      if (collapsed) this.overlay.hideTooltip();
    }

    focusFinding(index) {
      const next = this.list.querySelectorAll('.go')[Math.max(0, index)] || this.list.querySelector('.go');
      (next || this.pill).focus();
    }

    focusCurrent() {
      const item = this.list.querySelector('[aria-current="true"] .go');
      if (item) item.focus({ preventScroll: false });
    }

    onKey(event) {
      const ov = this.overlay;
      const key = event.key;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (key === 'Escape') {
        ov.cancelStep();
        if (!ov.tooltip.hidden) ov.hideTooltip();
        else this.setCollapsed(true);
      } else if ((key === 'n' || key === 'p') && !this.collapsed) {
        ov.goTo(ov.current + (key === 'n' ? 1 : ov.current < 0 ? 0 : -1), { focusItem: true });
      } else {
        return;
      }
      // Keys pressed inside our own panel are ours; the page never sees a cancelled event of its own.
      event.stopPropagation();
    }

    render() {
      const ov = this.overlay;
      const state = ov.state;
      // A quick read (or one that ends in "not an article") shows nothing; a slow one shows the pill.
      // An article in another language shows the pill, which says why nothing is marked.
      const showPanel = state === 'ready' || state === 'error' || state === 'unsupported-language' ||
        (state === 'reading' && (ov.readSlowly || ov.findings.length > 0));
      this.element.hidden = !showPanel;
      if (!showPanel) return;
      // Open by itself only with something to show and room to show it.
      const collapsed = ov.readerCollapsed ?? (state !== 'ready' || ov.coversText || !ov.findings.length);
      this.element.setAttribute('data-collapsed', String(collapsed));
      this.pill.setAttribute('aria-expanded', String(!collapsed));

      const visible = ov.visibleFindings();
      const total = ov.findings.filter((f) => !ov.dismissed.has(f.key)).length;
      // The pill: count and one dot per kind present.
      const dots = el('span', { class: 'dots', attrs: { 'aria-hidden': 'true' } });
      for (const kind of Kinds.ORDER) {
        if (ov.findings.some((f) => f.kind === kind && ov.isVisible(f))) {
          const dot = el('span', { class: 'dot' });
          dot.style.background = Kinds.INFO[kind].mark.colour;
          dots.append(dot);
        }
      }
      const notice = state === 'unsupported-language' ? Figures.languageNotice(ov.language) : null;
      let pillText;
      if (notice) pillText = notice.short;
      else if (state === 'reading') pillText = 'Caveat is reading…';
      else if (state === 'error') pillText = 'Caveat could not read this page';
      else pillText = total ? `${visible.length} ${plural(visible.length, 'caveat', 'caveats')}` : 'No caveats found';
      this.pill.replaceChildren(markIcon(20),
        el('span', { text: pillText, attrs: { 'data-caveat-testid': 'pill-text' } }), dots);
      this.pill.setAttribute('aria-label', pillText + ' — open the Caveat panel');

      const busy = state !== 'ready';
      this.statusLine.hidden = !busy;
      if (busy) {
        const line = notice ? notice.long
          : state === 'reading' ? 'Reading the article…'
          : 'Something went wrong while reading this page. The page itself is unchanged.';
        const text = el('span', { text: line, attrs: { 'data-caveat-testid': 'status-text' } });
        // (replaceChildren would write a null as the text "null".)
        if (state === 'reading') this.statusLine.replaceChildren(el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), text);
        else this.statusLine.replaceChildren(text);
      }
      for (const section of [this.figuresSection, this.kindsSection, this.sourcesSection, this.findingsSection, this.foot]) {
        section.hidden = busy;
      }
      if (busy) {
        this.subtitle.textContent = notice ? 'Nothing marked' : state === 'reading' ? 'Reading…' : 'Error';
        return;
      }

      const summary = ov.summary || { sentences: null, figures: [], heldBackText: '', sources: [], verdict: '' };
      this.verdict.textContent = summary.verdict;
      this.verdict.hidden = !summary.verdict;
      this.heldBack.textContent = summary.heldBackText;
      this.heldBack.hidden = !summary.heldBackText;
      // Caveats are the warnings; attributions are counted in their row and their sources listed.
      const caveats = ov.findings.filter((f) => Kinds.INFO[f.kind].warning && !ov.dismissed.has(f.key)).length;
      this.subtitle.textContent = `${caveats} ${plural(caveats, 'caveat', 'caveats')}` +
        (summary.sentences ? ` in ${summary.sentences} ${plural(summary.sentences, 'sentence', 'sentences')}` : '');
      // The core's figures (src/passes/summary.rs), with the core's words: the same the verdict quotes.
      const colour = { hedged: Kinds.INFO.speculation.mark.colour, no_named_source: Kinds.INFO.unsourced_claim.mark.colour };
      this.stats.replaceChildren(...summary.figures.map((figure) => {
        const bar = el('span');
        bar.style.width = figure.percent + '%';
        bar.style.background = colour[figure.key] || 'var(--muted)';
        return el('div', { class: 'stat', attrs: { 'data-caveat-testid': 'stat-' + figure.key, 'data-figure': figure.key } },
          el('div', { class: 'num', text: figure.percent + '%' }),
          el('div', { class: 'lbl', text: figure.label }),
          el('div', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, bar));
      }));
      this.stats.hidden = !this.stats.childElementCount;
      this.figuresSection.hidden = this.stats.hidden && this.verdict.hidden && this.heldBack.hidden;
      this.copyReport.hidden = !ov.onReport;

      for (const kind of Kinds.ORDER) {
        const { row, count } = this.kindRows[kind];
        const n = ov.findings.filter((f) => f.kind === kind && !ov.dismissed.has(f.key)).length;
        const shown = ov.kindsShown[kind];
        count.textContent = String(n);
        // Named by what it shows ("Unsourced 11"), pressed or not: no aria-label, so the visible label is the name (WCAG 2.5.3).
        row.setAttribute('aria-pressed', String(shown));
      }

      if (summary.sources.length) {
        this.sources.replaceChildren(...summary.sources.slice(0, 12).map(({ name, count }) =>
          el('span', { class: 'chip', text: count > 1 ? `${name} ×${count}` : name })));
      } else {
        this.sources.replaceChildren(el('span', { class: 'empty', text: 'No named sources found.' }));
      }

      const dismissedCount = ov.dismissed.size ? ov.findings.filter((f) => ov.dismissed.has(f.key)).length : 0;
      this.dismissedNote.textContent = dismissedCount ? `${dismissedCount} dismissed` : '';
      this.undo.hidden = !dismissedCount;
      this.renderList();
    }

    renderList() {
      const ov = this.overlay;
      const visible = ov.visibleFindings();
      // The list is rebuilt: a keyboard reader's focus moves to the same place in the new one.
      const active = this.element.getRootNode().activeElement;
      const focusedAt = active && this.list.contains(active)
        ? { index: [...this.list.querySelectorAll('li')].indexOf(active.closest('li')), part: active.classList.contains('dismiss') ? '.dismiss' : '.go' }
        : null;
      const items = visible.map((finding, index) => {
        const info = Kinds.INFO[finding.kind];
        const go = el('button', {
          class: 'go',
          attrs: { type: 'button', 'data-caveat-testid': 'finding', 'data-kind': finding.kind, 'aria-describedby': 'caveat-tip' },
          on: {
            click: () => ov.goTo(index),
            focus: () => {
              const rect = finding.ranges[0].getBoundingClientRect();
              if (rect.bottom > 0 && rect.top < window.innerHeight) ov.showTooltip(finding, rect);
            },
            blur: () => ov.hideTooltip(),
          },
        },
        Kinds.swatch(finding.kind),
        el('span', { class: 'text' },
          el('span', { class: 'sr', text: info.label + ': ' }),
          el('span', { class: 'cue', text: clip(finding.marked, LONG_CUE) }),
          // The marked words read with the words around them (an unsourced claim's core with its sentence).
          finding.marked === finding.context ? null : el('span', { class: 'ctx', text: finding.context })));
        const dismiss = el('button', {
          class: 'dismiss', text: '✕',
          attrs: { type: 'button', title: 'Not a problem here', 'aria-label': `Not a problem here: dismiss “${finding.cue}”`, 'data-caveat-testid': 'dismiss' },
          on: { click: () => ov.dismiss(finding) },
        });
        return el('li', { class: 'finding', attrs: { 'aria-current': index === ov.current ? 'true' : null } }, go, dismiss);
      });
      if (!items.length) {
        const anyHidden = ov.findings.length > 0;
        items.push(el('li', { class: 'empty', text: anyHidden ? 'All findings are hidden or dismissed.' : 'Nothing to flag in this article.' }));
      }
      this.list.replaceChildren(...items);
      if (focusedAt) {
        const li = this.list.querySelectorAll('li')[Math.min(focusedAt.index, items.length - 1)];
        const target = li && (li.querySelector(focusedAt.part) || li.querySelector('.go'));
        if (target) target.focus({ preventScroll: true });
      }
    }
  }

  globalThis.CaveatPanel = Object.freeze({ Panel });
})();
