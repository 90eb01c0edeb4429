// Caveat's overlay: the <caveat-overlay> host on documentElement, its shadow root (summary panel,
// tooltip, fallback boxes), and the highlights. A classic script (content scripts cannot be modules);
// it defines globalThis.CaveatOverlay and touches nothing of the page's own DOM but that one host
// element. Shared by the extension and the www demo.
//
// API: CaveatOverlay.mount({highlights}) → the page's one overlay, with setState(state),
// setCounts(counts), setKinds({kind: bool}) (the settings' kinds), show(answer, textNodes, {kinds}),
// clear(), unmount(). `highlights: false` forces the fallback boxes. Also CaveatOverlay.KINDS,
// KIND_INFO (labels and one-line blurbs) and swatch(kind), used by the popup and options page, and
// readSummary(summary), the panel's figures (rounded shares) that the content script reports to the popup.
// Tests find the shadow root's parts by their data-caveat-testid attributes.
//
// Rules kept here: page text only ever goes in through textContent; the shadow root is styled only by a
// constructed stylesheet and inline style properties; page listeners are passive and never cancel
// anything, so the page behaves exactly as without Caveat.
(() => {
  'use strict';
  if (globalThis.CaveatOverlay) return;

  const KINDS = ['speculation', 'vague_attribution', 'attribution', 'unsourced_claim'];
  const HIGHLIGHT_PREFIX = 'caveat-';
  const CURRENT_HIGHLIGHT = 'caveat-current';
  // Tints paint below underlines when a hedge sits inside an unsourced sentence.
  const PRIORITY = { speculation: 3, vague_attribution: 3, attribution: 2, unsourced_claim: 1 };
  const KIND_INFO = {
    speculation: {
      label: 'Speculation',
      blurb: 'Hedged wording: the writer does not claim this is so.',
    },
    vague_attribution: {
      label: 'Vague source',
      blurb: 'Pinned on someone the reader cannot identify or check.',
    },
    attribution: {
      label: 'Attributed',
      blurb: 'Said by a named source: the writer reports it, not claims it.',
    },
    unsourced_claim: {
      label: 'Unsourced claim',
      short: 'Unsourced',
      blurb: 'Stated as fact with no named source, quotation or link.',
      missing: 'a named source, a quotation or a link',
    },
  };
  const NARROW = '(max-width: 900px)';
  const PANEL_WIDTH = 332;
  const FLASH_MS = 1600;
  const SLOW_READ_MS = 700;
  const LONG_CUE = 60; // chars; longer cues are whole clauses or sentences

  const STYLES = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.ui {
  --bg: #ffffff; --fg: #18181b; --muted: #5b5b66; --line: #e4e4e7; --soft: #f4f4f5; --accent: #2563eb;
  --focus: #2563eb; --shadow: 0 10px 30px rgba(15, 23, 42, .18), 0 2px 6px rgba(15, 23, 42, .10);
  --speculation: #b45309; --vague_attribution: #be185d; --attribution: #0f766e; --unsourced_claim: #6d28d9;
  --tint-unsourced_claim: rgba(124, 58, 237, .18);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); -webkit-font-smoothing: antialiased; letter-spacing: normal; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .ui {
    --bg: #1c1c21; --fg: #f4f4f5; --muted: #a1a1aa; --line: #33333b; --soft: #26262c; --accent: #60a5fa;
    --focus: #93c5fd; --shadow: 0 10px 30px rgba(0, 0, 0, .5), 0 2px 6px rgba(0, 0, 0, .4);
    --speculation: #f59e0b; --vague_attribution: #f472b6; --attribution: #2dd4bf; --unsourced_claim: #a78bfa;
    --tint-unsourced_claim: rgba(167, 139, 250, .28);
  }
}
button { font: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0; cursor: pointer; }
button:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 6px; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.box { position: absolute; pointer-events: none; border-radius: 2px; }
.box.speculation { background:
    linear-gradient(135deg, transparent 45%, #d97706 45% 60%, transparent 60%) 0 100% / 6px 4px repeat-x,
    linear-gradient(45deg, transparent 45%, #d97706 45% 60%, transparent 60%) 3px 100% / 6px 4px repeat-x,
    rgba(245, 158, 11, .14); }
.box.vague_attribution { background: rgba(219, 39, 119, .10); border-bottom: 3px dotted #db2777; }
.box.attribution { border-bottom: 2px solid #0d9488; }
.box.unsourced_claim { background: rgba(124, 58, 237, .24); }
.flash { position: absolute; pointer-events: none; border-radius: 3px; outline: 2px solid #2563eb;
  background: rgba(37, 99, 235, .18); animation: caveat-flash ${FLASH_MS}ms ease-out forwards; }
@keyframes caveat-flash { 0%, 35% { opacity: 1; } 100% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } }

.swatch { display: inline-block; flex: none; font: 600 12px/1 Georgia, "Times New Roman", serif; padding: 2px 3px 4px;
  border-radius: 3px; text-underline-offset: 3px; text-decoration-skip-ink: none; color: var(--fg); }
.swatch.speculation { text-decoration: underline wavy var(--speculation) 1.5px; }
.swatch.vague_attribution { text-decoration: underline dotted var(--vague_attribution) 3px; }
.swatch.attribution { text-decoration: underline solid var(--attribution) 2px; }
.swatch.unsourced_claim { background: var(--tint-unsourced_claim); }

.tooltip { position: fixed; top: 0; left: 0; max-width: min(340px, calc(100vw - 16px)); z-index: 2;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: var(--shadow); padding: 10px 12px; pointer-events: none; }
.tip-head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.tooltip .kind { font-weight: 650; }
.tooltip .strength { margin-left: auto; color: var(--muted); font-size: 12px; }
.tooltip .explain { margin: 0; }
.tooltip .cue { font-weight: 650; }
.tooltip .extra { margin: 6px 0 0; color: var(--muted); font-size: 12px; }

.panel { position: fixed; right: 16px; bottom: 16px; width: ${PANEL_WIDTH}px; max-height: min(720px, calc(100vh - 32px));
  display: flex; flex-direction: column; background: var(--bg); border: 1px solid var(--line);
  border-radius: 14px; box-shadow: var(--shadow); overflow: hidden; }
.panel[data-collapsed="true"] { width: auto; max-height: none; border-radius: 999px; }
.panel[data-collapsed="true"] .body, .panel[data-collapsed="true"] .head, .panel[data-collapsed="true"] .foot { display: none; }
.panel:not([data-collapsed="true"]) .pill { display: none; }
.pill { display: flex; align-items: center; gap: 8px; padding: 8px 14px 8px 10px; font-weight: 600; white-space: nowrap; border-radius: 999px; }
.pill:hover { background: var(--soft); }
.pill .dots { display: flex; gap: 3px; }
.pill .dot { width: 8px; height: 8px; border-radius: 50%; }
.mark { flex: none; display: block; border-radius: 24%; }
@media (prefers-color-scheme: dark) { .mark { box-shadow: 0 0 0 1px #475569; } }
.head { display: flex; align-items: center; gap: 10px; padding: 12px 12px 10px 14px; border-bottom: 1px solid var(--line); }
.head h2 { margin: 0; font-size: 14px; font-weight: 650; }
.head .sub { color: var(--muted); font-size: 12px; }
.head .titles { min-width: 0; flex: 1; }
.icon-btn { width: 28px; height: 28px; display: grid; place-items: center; border-radius: 8px; color: var(--muted); font-size: 16px; line-height: 1; }
.icon-btn:hover { background: var(--soft); color: var(--fg); }
.body { overflow: auto; overscroll-behavior: contain; padding: 4px 0 8px; }
.section { padding: 8px 14px; }
.section h3 { margin: 0 0 6px; font-size: 11px; font-weight: 650; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.verdict { margin: 0 0 10px; font-size: 13px; }
.stats { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.stat { background: var(--soft); border-radius: 10px; padding: 8px 10px; }
.stat .num { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
.stat .lbl { color: var(--muted); font-size: 12px; }
.bar { height: 4px; border-radius: 2px; background: var(--line); margin-top: 6px; overflow: hidden; }
.bar > span { display: block; height: 100%; border-radius: 2px; }
.kinds { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
.kind-row { display: flex; align-items: center; gap: 6px; width: 100%; min-width: 0; padding: 5px 8px 5px 5px; border-radius: 9px;
  border: 1px solid var(--line); background: var(--bg); text-align: left; font-size: 12.5px; }
.kind-row:hover { border-color: var(--muted); }
.kind-row .name { flex: 1; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kind-row .count { font-variant-numeric: tabular-nums; font-weight: 650; }
.kind-row[aria-pressed="true"] { background: var(--soft); }
.kind-row[aria-pressed="false"] { border-style: dashed; }
.kind-row[aria-pressed="false"] .name, .kind-row[aria-pressed="false"] .count { color: var(--muted); text-decoration: line-through; }
.kind-row[aria-pressed="false"] .swatch { opacity: .45; }
.sources { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { background: var(--soft); border: 1px solid var(--line); border-radius: 999px; padding: 2px 9px; font-size: 12px; }
.empty { color: var(--muted); font-size: 12px; }
.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
.finding { display: flex; align-items: flex-start; gap: 4px; border-radius: 8px; }
.finding[aria-current="true"] { background: var(--soft); box-shadow: inset 3px 0 0 var(--accent); }
.finding .go { flex: 1; min-width: 0; display: flex; gap: 8px; align-items: flex-start; text-align: left; padding: 6px 6px; border-radius: 8px; }
.finding .go:hover { background: var(--soft); }
.finding .text { min-width: 0; }
.finding .cue { font-weight: 600; overflow-wrap: anywhere; }
.finding .ctx { display: block; color: var(--muted); font-size: 12px; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow-wrap: anywhere; }
.finding .dismiss { flex: none; margin-top: 4px; width: 26px; height: 26px; border-radius: 7px; color: var(--muted); display: grid; place-items: center; font-size: 14px; opacity: .55; }
.finding:hover .dismiss, .finding .dismiss:focus-visible { opacity: 1; }
.finding .dismiss:hover { background: var(--soft); color: var(--fg); }
.foot { display: flex; align-items: center; gap: 8px; padding: 8px 14px 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
.foot .keys { flex: 1; }
kbd { font: 600 11px/1 ui-monospace, SFMono-Regular, Menlo, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 1px 4px; background: var(--soft); color: var(--fg); }
.link { color: var(--accent); font-weight: 600; }
.link:hover { text-decoration: underline; }
.status { display: flex; align-items: center; gap: 8px; }
.spinner { width: 12px; height: 12px; border-radius: 50%; border: 2px solid var(--line); border-top-color: var(--accent); animation: caveat-spin .8s linear infinite; }
@keyframes caveat-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print { .panel, .tooltip, .layer { display: none !important; } }
@media ${NARROW} { .panel { right: 10px; bottom: 10px; width: min(${PANEL_WIDTH}px, calc(100vw - 20px)); } }
`;

  const supportsHighlights = () => !!(globalThis.CSS && CSS.highlights && typeof globalThis.Highlight === 'function');

  // One element; props: class, text (always textContent), attrs, on (listeners). Children: nodes or strings.
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    if (props.class) node.className = props.class;
    if (props.text != null) node.textContent = String(props.text);
    for (const [name, value] of Object.entries(props.attrs || {})) {
      if (value != null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [type, fn] of Object.entries(props.on || {})) node.addEventListener(type, fn);
    for (const child of children) {
      if (child != null && child !== false) node.append(child);
    }
    return node;
  }

  // "Aa" drawn the way a kind is marked (styled by .swatch.<kind> in the page that shows it).
  function swatch(kind) {
    return el('span', { class: 'swatch ' + kind, text: 'Aa', attrs: { 'aria-hidden': 'true' } });
  }

  // The shadow root's styles as a constructed stylesheet. Firefox refuses a sheet made in a content
  // script's own compartment (Xray), so there the sheet is built with the page window's constructor.
  function adoptStyles(shadow, css) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch {
      // fall through to the page-compartment path
    }
    const pageWindow = globalThis.wrappedJSObject;
    const pageShadow = shadow.wrappedJSObject;
    if (pageWindow && pageShadow && typeof globalThis.cloneInto === 'function') {
      const sheet = new pageWindow.CSSStyleSheet();
      sheet.replaceSync(css);
      pageShadow.adoptedStyleSheets = globalThis.cloneInto([sheet], pageWindow, { wrapReflectors: true });
    }
  }

  // Caveat's mark (extension/icons/caveat.svg), built node by node: no markup parsing in the page.
  function markIcon(size) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    for (const [k, v] of Object.entries({ viewBox: '0 0 128 128', width: size, height: size, 'aria-hidden': 'true', class: 'mark' })) svg.setAttribute(k, String(v));
    const shapes = [
      ['rect', { x: 4, y: 4, width: 120, height: 120, rx: 28, fill: '#1e293b' }],
      ['rect', { x: 28, y: 34, width: 72, height: 14, rx: 7, fill: '#f8fafc' }],
      ['rect', { x: 28, y: 60, width: 48, height: 14, rx: 7, fill: '#f8fafc' }],
      ['path', { d: 'M26 94 q 9 -12 18 0 t 18 0 t 18 0 t 18 0', fill: 'none', stroke: '#f59e0b', 'stroke-width': 9, 'stroke-linecap': 'round' }],
    ];
    for (const [tag, attrs] of shapes) {
      const shape = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, String(v));
      svg.append(shape);
    }
    return svg;
  }

  // `text` cut at a word boundary to about `max` chars.
  function clip(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max);
    return cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:.–—-]+$/, '') + '…';
  }

  function plural(n, one, many) {
    return n === 1 ? one : many;
  }

  // How sure the analyser is, in words a reader can use.
  function strengthLabel(strength) {
    if (typeof strength !== 'number' || !Number.isFinite(strength)) return '';
    if (strength >= 0.75) return 'clear case';
    if (strength >= 0.4) return 'likely';
    return 'borderline';
  }

  function rectContains(rect, x, y) {
    return x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1;
  }

  const BLOCKS = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th, dd, dt, figcaption, pre';

  // A short stretch of the page text around a range, for the findings list: the range's block text
  // (a cue inside a link reads with its sentence), cut to a window around the cue.
  function contextOf(range, sentence) {
    const squash = (text) => text.replace(/\s+/g, ' ');
    if (typeof sentence === 'string' && sentence.trim()) return squash(sentence).trim();
    const parent = range.startContainer.parentElement;
    const block = (parent && parent.closest(BLOCKS)) || parent;
    if (!block) return '';
    const before = new Range();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const text = block.textContent || '';
    const start = before.toString().length;
    const end = start + range.toString().length;
    const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 45)) + 1);
    const to = Math.min(text.length, end + 80);
    return squash((from > 0 ? '…' : '') + text.slice(from, to).trim() + (to < text.length ? '…' : '')).trim();
  }

  // The panel's figures from the wasm answer's summary (src/passes/summary.rs): shares are 0..1 per kind,
  // sources [{name, count}] most cited first.
  function readSummary(summary) {
    const share = (kind) => Math.round(Math.max(0, Math.min(1, summary.shares[kind])) * 100);
    return {
      sentences: summary.sentences > 0 ? summary.sentences : null,
      hedged: share('speculation'),
      unsourced: share('unsourced_claim'),
      sources: summary.sources,
      verdict: summary.verdict,
    };
  }

  class Overlay {
    constructor(options = {}) {
      this.useHighlights = options.highlights !== false && supportsHighlights();
      this.host = document.createElement('caveat-overlay');
      // The host sits in the page, so page CSS could reach it: pin what matters inline.
      for (const [prop, value] of Object.entries({
        display: 'block', position: 'absolute', top: '0', left: '0', width: '0', height: '0',
        overflow: 'visible', 'z-index': '2147483647', contain: 'style',
      })) this.host.style.setProperty(prop, value, 'important');
      this.shadow = this.host.attachShadow({ mode: 'open' });
      adoptStyles(this.shadow, STYLES);

      this.findings = []; // {id, kind, cue, explanation, strength, source, sentence, ranges: [Range], key}
      this.byNode = new Map(); // Text node → [{finding, range}], for hit-testing
      this.kindsShown = Object.fromEntries(KINDS.map((k) => [k, true]));
      this.kindsAllowed = Object.fromEntries(KINDS.map((k) => [k, true])); // from settings
      this.dismissed = new Set();
      this.onDismissedChange = null; // called with the dismissed keys when the reader changes them
      this.counts = {};
      this.summary = null;
      this.current = -1; // index into visibleFindings()
      this.hovered = null;
      this.readerCollapsed = null; // the reader's choice, once made
      this.coversText = false; // would the open panel cover the article's text column?
      this.state = 'idle';
      this.listeners = [];
      this.frame = 0;
      this.pendingPoint = null;

      this.buildUI();
      this.setState('idle');
      this.setCounts({});
      document.documentElement.appendChild(this.host);
      this.listen();
    }

    // ---- public API -------------------------------------------------------------------------------

    setState(state) {
      const before = this.state;
      // A re-read's show() has already rendered the panel in this state.
      if (state === 'ready' && before === 'ready') return;
      this.state = state;
      this.host.setAttribute('data-state', state);
      if (state === 'off' || state === 'idle' || state === 'not-article') this.clear();
      clearTimeout(this.slowTimer);
      this.readSlowly = false;
      if (state === 'reading') {
        this.slowTimer = setTimeout(() => {
          this.readSlowly = true;
          this.renderPanel();
        }, SLOW_READ_MS);
      }
      this.renderPanel();
      if (state === 'ready' && before !== 'ready' && this.live) {
        const n = this.visibleFindings().length;
        this.live.textContent = `Caveat marked ${n} ${plural(n, 'passage', 'passages')} on this page.`;
      }
    }

    setCounts(counts) {
      this.counts = counts && typeof counts === 'object' ? counts : {};
      for (const kind of KINDS) {
        const n = Number(this.counts[kind]) || 0;
        this.host.setAttribute('data-count-' + kind.replace(/_/g, '-'), String(n));
      }
    }

    // Which kinds the settings allow (options page). The panel's toggles act within these.
    setKinds(kinds) {
      if (!this.assignKinds(kinds)) return;
      this.refresh();
    }

    // Whether the allowed kinds changed.
    assignKinds(kinds) {
      let changed = false;
      for (const kind of KINDS) {
        const allowed = !kinds || kinds[kind] !== false;
        changed ||= this.kindsAllowed[kind] !== allowed;
        this.kindsAllowed[kind] = allowed;
      }
      return changed;
    }

    // answer: the wasm answer {findings: [{kind, cue, explanation, ranges: [{node, start, end}]}], summary, ...};
    // textNodes: the page's Text nodes, indexed by the answer's `node`.
    show(answer, textNodes, options = {}) {
      this.clearFindings();
      if (options.kinds) this.assignKinds(options.kinds);
      const list = answer && Array.isArray(answer.findings) ? answer.findings : [];
      for (const [index, raw] of list.entries()) {
        if (!raw || !KINDS.includes(raw.kind)) continue;
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
          sentence: raw.sentence,
          ranges,
        };
        finding.context = contextOf(ranges[0], typeof raw.sentence === 'string' ? raw.sentence : null);
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
      this.summary = readSummary(answer.summary);
      this.setCounts(answer.counts);
      this.coversText = this.wouldCoverText();
      this.refresh();
    }

    clear() {
      this.clearFindings();
      this.renderPanel();
    }

    // Forget the findings and their marks without re-rendering the panel.
    clearFindings() {
      if (supportsHighlights()) {
        for (const kind of KINDS) CSS.highlights.delete(HIGHLIGHT_PREFIX + kind);
        CSS.highlights.delete(CURRENT_HIGHLIGHT);
      }
      this.findings = [];
      this.byNode = new Map();
      this.summary = null;
      this.current = -1;
      this.hideTooltip();
      this.layerBoxes.replaceChildren();
      this.layerFlash.replaceChildren();
      this.setCounts({});
    }

    unmount() {
      this.clear();
      for (const [target, type, fn, opts] of this.listeners) target.removeEventListener(type, fn, opts);
      this.listeners = [];
      if (this.resizeObserver) this.resizeObserver.disconnect();
      if (this.frame) cancelAnimationFrame(this.frame);
      clearTimeout(this.slowTimer);
      this.host.remove();
    }

    // ---- findings and highlights ----------------------------------------------------------------

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
      return this.kindsAllowed[finding.kind] && this.kindsShown[finding.kind] && !this.dismissed.has(finding.key);
    }

    visibleFindings() {
      return this.findings.filter((f) => this.isVisible(f));
    }

    // Re-paint the highlights (or fallback boxes) and the panel from the current model.
    refresh() {
      const byKind = new Map(KINDS.map((k) => [k, []]));
      for (const f of this.visibleFindings()) byKind.get(f.kind).push(...f.ranges);
      if (this.useHighlights) {
        for (const [kind, ranges] of byKind) {
          const name = HIGHLIGHT_PREFIX + kind;
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
      const visible = this.visibleFindings();
      if (this.current >= visible.length) this.current = visible.length - 1;
      this.markCurrent();
      this.renderPanel();
    }

    // Fallback where the Custom Highlight API is missing: boxes in document coordinates.
    renderBoxes() {
      if (this.useHighlights) return;
      const frag = document.createDocumentFragment();
      const sx = window.scrollX;
      const sy = window.scrollY;
      for (const f of this.visibleFindings()) {
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
      this.layerBoxes.replaceChildren(frag);
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
      this.layerFlash.replaceChildren(frag);
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => this.layerFlash.replaceChildren(), FLASH_MS + 50);
    }

    markCurrent() {
      const visible = this.visibleFindings();
      const finding = visible[this.current];
      if (this.useHighlights) {
        if (finding) CSS.highlights.set(CURRENT_HIGHLIGHT, new Highlight(...finding.ranges));
        else CSS.highlights.delete(CURRENT_HIGHLIGHT);
      }
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
      this.markCurrent();
      this.renderList();
      if (focusItem) {
        const item = this.list.querySelector('[aria-current="true"] .go');
        if (item) item.focus({ preventScroll: false });
      }
      // Wait for the scroll to settle before measuring.
      const settle = () => {
        this.flash(finding);
        this.showTooltip(finding, finding.ranges[0].getBoundingClientRect());
      };
      if (smooth) setTimeout(settle, 350);
      else settle();
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

    // ---- hit-testing and tooltip ------------------------------------------------------------------

    listen() {
      const on = (target, type, fn, opts = { passive: true }) => {
        target.addEventListener(type, fn, opts);
        this.listeners.push([target, type, fn, opts]);
      };
      const track = (event) => {
        const fromUs = event.composedPath().includes(this.host);
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
      on(document, 'pointerleave', () => this.hoverFinding(null, null));
      on(document, 'keydown', (event) => {
        if (event.key === 'Escape' && !event.composedPath().includes(this.host) && !this.tooltip.hidden) this.hideTooltip();
      });
      // Fallback boxes follow text reflow; a tooltip anchored to old coordinates goes away.
      const relayout = () => {
        if (!this.relayoutFrame) {
          this.relayoutFrame = requestAnimationFrame(() => {
            this.relayoutFrame = 0;
            this.renderBoxes();
            const covers = this.wouldCoverText();
            if (covers !== this.coversText) {
              this.coversText = covers;
              this.renderPanel();
            }
          });
        }
      };
      on(window, 'resize', () => {
        this.hideTooltip();
        relayout();
      });
      on(document, 'scroll', (event) => {
        if (!this.hovered || event.target !== document) this.hideTooltip();
        if (event.target !== document) relayout();
      }, { passive: true, capture: true });
      on(window, 'scroll', () => this.hideTooltip());
      if (document.fonts && document.fonts.addEventListener) on(document.fonts, 'loadingdone', relayout);
      if (typeof ResizeObserver === 'function') {
        this.resizeObserver = new ResizeObserver(relayout);
        this.resizeObserver.observe(document.documentElement);
        if (document.body) this.resizeObserver.observe(document.body);
      }
      // Going narrow folds the panel even if the reader had opened it.
      const media = window.matchMedia(NARROW);
      on(media, 'change', () => {
        if (media.matches) this.readerCollapsed = null;
        this.renderPanel();
      }, {});
    }

    hitTest() {
      this.frame = 0;
      const point = this.pendingPoint;
      if (!point || !this.byNode.size) return this.hoverFinding(null, null);
      let node = null;
      let offset = 0;
      if (document.caretPositionFromPoint) {
        const pos = document.caretPositionFromPoint(point.x, point.y);
        if (pos) ({ offsetNode: node, offset } = pos);
      } else if (document.caretRangeFromPoint) {
        const range = document.caretRangeFromPoint(point.x, point.y);
        if (range) ({ startContainer: node, startOffset: offset } = range);
      }
      const candidates = node ? this.byNode.get(node) || [] : [];
      let hit = null;
      // The caret snaps to the nearest character, so confirm against the painted boxes;
      // prefer the smallest (a hedge inside an unsourced sentence).
      for (const { finding, range } of candidates) {
        if (!this.isVisible(finding) || offset < range.startOffset || offset > range.endOffset) continue;
        for (const rect of range.getClientRects()) {
          if (rectContains(rect, point.x, point.y) && (!hit || range.toString().length < hit.size)) {
            hit = { finding, rect, size: range.toString().length };
          }
        }
      }
      this.hoverFinding(hit && hit.finding, hit && hit.rect);
    }

    hoverFinding(finding, rect) {
      if (finding === this.hovered) return;
      this.hovered = finding;
      if (finding) this.showTooltip(finding, rect);
      else this.hideTooltip();
    }

    showTooltip(finding, rect) {
      const info = KIND_INFO[finding.kind];
      const tip = this.tooltip;
      const explanation = finding.explanation || info.blurb;
      const explain = el('p', { class: 'explain' });
      // Lead with the cue unless the explanation already quotes it, or it is a whole sentence
      // (an unsourced claim), which the reader is pointing at anyway.
      if (finding.cue.length <= LONG_CUE && !explanation.toLowerCase().includes(finding.cue.toLowerCase())) {
        explain.append(el('span', { class: 'cue', text: '‘' + finding.cue + '’' }), ' — ');
      }
      explain.append(explanation);
      const strength = strengthLabel(finding.strength);
      const extra = [];
      if (finding.kind === 'attribution' && finding.source && !explanation.includes(finding.source)) extra.push('Source: ' + finding.source);
      // Say what is missing unless the analyser's explanation already does.
      if (finding.kind === 'unsourced_claim' && (finding.missing || !/\bsource\b/i.test(explanation))) {
        extra.push('Missing: ' + (finding.missing || info.missing) + '.');
      }
      tip.replaceChildren(
        el('div', { class: 'tip-head' },
          swatch(finding.kind),
          el('span', { class: 'kind', text: info.label, attrs: { 'data-caveat-testid': 'tooltip-kind' } }),
          strength ? el('span', { class: 'strength', text: strength }) : null),
        explain,
        ...extra.map((text) => el('p', { class: 'extra', text })));
      tip.setAttribute('data-kind', finding.kind);
      tip.hidden = false;
      // Above the words when there is room, else below; kept inside the viewport.
      const width = tip.offsetWidth;
      const height = tip.offsetHeight;
      const margin = 8;
      // Keep clear of the open panel when the words are left of it.
      let right = window.innerWidth - margin;
      if (!this.panel.hidden && this.panel.dataset.collapsed !== 'true') {
        const panel = this.panel.getBoundingClientRect();
        if (rect.right <= panel.left) right = Math.min(right, panel.left - margin);
      }
      let left = Math.min(Math.max(margin, rect.left + rect.width / 2 - width / 2), right - width);
      let top = rect.top - height - 10;
      if (top < margin) top = rect.bottom + 10;
      if (top + height > window.innerHeight - margin) top = Math.max(margin, window.innerHeight - height - margin);
      left = Math.max(margin, left);
      tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    }

    hideTooltip() {
      this.hovered = null;
      if (this.tooltip) this.tooltip.hidden = true;
    }

    // ---- the panel --------------------------------------------------------------------------------

    buildUI() {
      this.layerBoxes = el('div', { class: 'layer', attrs: { 'aria-hidden': 'true' } });
      this.layerFlash = el('div', { class: 'layer', attrs: { 'aria-hidden': 'true' } });
      this.tooltip = el('div', { class: 'tooltip', attrs: { role: 'tooltip', id: 'caveat-tip', hidden: true, 'data-caveat-testid': 'tooltip' } });
      this.live = el('div', { class: 'sr', attrs: { 'aria-live': 'polite' } });

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
      this.kindRows = {};
      const kinds = el('div', { class: 'kinds', attrs: { role: 'group', 'aria-label': 'Show or hide each kind' } });
      for (const kind of KINDS) {
        const count = el('span', { class: 'count' });
        const row = el('button', {
          class: 'kind-row',
          attrs: { type: 'button', 'aria-pressed': 'true', 'data-kind': kind, 'data-caveat-testid': 'toggle-' + kind, title: KIND_INFO[kind].blurb },
          on: { click: () => this.toggleKind(kind) },
        },
        swatch(kind),
        el('span', { class: 'name', text: KIND_INFO[kind].short || KIND_INFO[kind].label }),
        count);
        this.kindRows[kind] = { row, count };
        kinds.append(row);
      }
      this.sources = el('div', { class: 'sources', attrs: { 'data-caveat-testid': 'sources' } });
      this.list = el('ol', { class: 'findings', attrs: { 'aria-label': 'Findings in reading order', 'data-caveat-testid': 'findings' } });
      this.statusLine = el('div', { class: 'section status', attrs: { 'data-caveat-testid': 'status' } });
      this.findingsSection = el('div', { class: 'section' }, el('h3', { text: 'Findings' }), this.list);
      this.body = el('div', { class: 'body' },
        this.statusLine,
        el('div', { class: 'section' }, this.verdict, this.stats),
        el('div', { class: 'section' }, el('h3', { text: 'Marks' }), kinds),
        el('div', { class: 'section' }, el('h3', { text: 'Named sources' }), this.sources),
        this.findingsSection);
      this.dismissedNote = el('span', {});
      this.undo = el('button', {
        class: 'link', text: 'Undo',
        attrs: { type: 'button', 'data-caveat-testid': 'undo' },
        on: {
          click: () => {
            this.dismissed.clear();
            this.reportDismissed();
            this.refresh();
            const first = this.list.querySelector('.go');
            if (first) first.focus();
          },
        },
      });
      const keys = el('span', { class: 'keys' }, el('kbd', { text: 'n' }), ' ', el('kbd', { text: 'p' }), ' step · ', el('kbd', { text: 'Esc' }), ' close');
      this.foot = el('div', { class: 'foot' }, keys, this.dismissedNote, this.undo);
      this.panel = el('section', {
        class: 'panel',
        attrs: { 'aria-labelledby': 'caveat-title', 'data-caveat-testid': 'panel', hidden: true },
        on: { keydown: (event) => this.onPanelKey(event) },
      }, this.pill, head, this.body, this.foot);

      this.ui = el('div', { class: 'ui' }, this.layerBoxes, this.layerFlash, this.panel, this.tooltip, this.live);
      this.shadow.append(this.ui);
    }

    // The reader folds or opens the panel; focus follows.
    setCollapsed(collapsed) {
      this.readerCollapsed = collapsed;
      this.renderPanel();
      const target = collapsed ? this.pill : this.list.querySelector('[aria-current="true"] .go') || this.kindRows[KINDS[0]].row;
      target.focus();
      if (collapsed) this.hideTooltip();
    }

    toggleKind(kind) {
      this.kindsShown[kind] = !this.kindsShown[kind];
      this.refresh();
      this.live.textContent = KIND_INFO[kind].label + (this.kindsShown[kind] ? ' shown' : ' hidden');
    }

    dismiss(finding) {
      const visible = this.visibleFindings();
      const index = visible.indexOf(finding);
      this.dismissed.add(finding.key);
      this.reportDismissed();
      if (this.current > index || this.current === visible.length - 1) this.current -= 1;
      this.hideTooltip();
      this.refresh();
      this.live.textContent = 'Dismissed on this page. ' + this.visibleFindings().length + ' left.';
      const next = this.list.querySelectorAll('.go')[Math.max(0, index)] || this.list.querySelector('.go');
      (next || this.pill).focus();
    }

    reportDismissed() {
      if (this.onDismissedChange) this.onDismissedChange([...this.dismissed]);
    }

    onPanelKey(event) {
      const key = event.key;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (key === 'Escape') {
        if (!this.tooltip.hidden) this.hideTooltip();
        else this.setCollapsed(true);
      } else if ((key === 'n' || key === 'p') && this.panel.dataset.collapsed !== 'true') {
        this.goTo(this.current + (key === 'n' ? 1 : this.current < 0 ? 0 : -1), { focusItem: true });
      } else {
        return;
      }
      // Keys pressed inside our own panel are ours; the page never sees a cancelled event of its own.
      event.stopPropagation();
    }

    renderPanel() {
      if (!this.panel) return;
      const state = this.state;
      // A quick read (or one that ends in "not an article") shows nothing; a slow one shows the pill.
      const showPanel = state === 'ready' || state === 'error' || (state === 'reading' && (this.readSlowly || this.findings.length > 0));
      this.panel.hidden = !showPanel;
      if (!showPanel) return;
      // Open by itself only with something to show and room to show it.
      const collapsed = this.readerCollapsed ?? (state !== 'ready' || this.coversText || !this.findings.length);
      this.panel.setAttribute('data-collapsed', String(collapsed));
      this.pill.setAttribute('aria-expanded', String(!collapsed));

      const visible = this.visibleFindings();
      const total = this.findings.filter((f) => !this.dismissed.has(f.key)).length;
      // The pill: count and one dot per kind present.
      const dots = el('span', { class: 'dots', attrs: { 'aria-hidden': 'true' } });
      for (const kind of KINDS) {
        if (this.findings.some((f) => f.kind === kind && this.isVisible(f))) {
          const dot = el('span', { class: 'dot' });
          dot.style.background = `var(--${kind})`;
          dots.append(dot);
        }
      }
      let pillText;
      if (state === 'reading') pillText = 'Caveat is reading…';
      else if (state === 'error') pillText = 'Caveat could not read this page';
      else pillText = total ? `${visible.length} ${plural(visible.length, 'caveat', 'caveats')}` : 'No caveats found';
      this.pill.replaceChildren(markIcon(20),
        el('span', { text: pillText, attrs: { 'data-caveat-testid': 'pill-text' } }), dots);
      this.pill.setAttribute('aria-label', pillText + ' — open the Caveat panel');

      const busy = state !== 'ready';
      this.statusLine.hidden = !busy;
      if (busy) {
        this.statusLine.replaceChildren(state === 'reading' ? el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }) : null,
          state === 'reading' ? 'Reading the article…' : 'Something went wrong while reading this page. The page itself is unchanged.');
      }
      for (const section of [this.stats.parentElement, this.kindRows[KINDS[0]].row.closest('.section'), this.sources.parentElement, this.findingsSection, this.foot]) {
        section.hidden = busy;
      }
      if (busy) {
        this.subtitle.textContent = state === 'reading' ? 'Reading…' : 'Error';
        return;
      }

      const summary = this.summary || { sentences: null, hedged: null, unsourced: null, sources: [], verdict: '' };
      this.verdict.textContent = summary.verdict;
      this.verdict.hidden = !summary.verdict;
      this.subtitle.textContent = `${total} ${plural(total, 'finding', 'findings')}` +
        (summary.sentences ? ` in ${summary.sentences} ${plural(summary.sentences, 'sentence', 'sentences')}` : '');
      const stat = (value, label, color, testid) => {
        const bar = el('span');
        bar.style.width = value + '%';
        bar.style.background = color;
        return el('div', { class: 'stat', attrs: { 'data-caveat-testid': testid } },
          el('div', { class: 'num', text: value + '%' }),
          el('div', { class: 'lbl', text: label }),
          el('div', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, bar));
      };
      this.stats.replaceChildren(
        summary.hedged == null ? null : stat(summary.hedged, 'of sentences hedged', 'var(--speculation)', 'stat-hedged'),
        summary.unsourced == null ? null : stat(summary.unsourced, 'of sentences unsourced', 'var(--unsourced_claim)', 'stat-unsourced'));
      this.stats.hidden = !this.stats.childElementCount;
      this.stats.parentElement.hidden = this.stats.hidden && this.verdict.hidden;

      for (const kind of KINDS) {
        const { row, count } = this.kindRows[kind];
        const n = this.findings.filter((f) => f.kind === kind && !this.dismissed.has(f.key)).length;
        const allowed = this.kindsAllowed[kind];
        count.textContent = String(n);
        row.hidden = !allowed;
        row.setAttribute('aria-pressed', String(this.kindsShown[kind]));
        row.setAttribute('aria-label', `${KIND_INFO[kind].label}: ${n}. ${this.kindsShown[kind] ? 'Shown' : 'Hidden'}; press to ${this.kindsShown[kind] ? 'hide' : 'show'}.`);
      }

      if (summary.sources.length) {
        this.sources.replaceChildren(...summary.sources.slice(0, 12).map(({ name, count }) =>
          el('span', { class: 'chip', text: count > 1 ? `${name} ×${count}` : name })));
      } else {
        this.sources.replaceChildren(el('span', { class: 'empty', text: 'No named sources found.' }));
      }

      const dismissedCount = this.dismissed.size ? this.findings.filter((f) => this.dismissed.has(f.key)).length : 0;
      this.dismissedNote.textContent = dismissedCount ? `${dismissedCount} dismissed` : '';
      this.undo.hidden = !dismissedCount;
      this.renderList();
    }

    renderList() {
      const visible = this.visibleFindings();
      const items = visible.map((finding, index) => {
        const info = KIND_INFO[finding.kind];
        const go = el('button', {
          class: 'go',
          attrs: { type: 'button', 'data-caveat-testid': 'finding', 'data-kind': finding.kind, 'aria-describedby': 'caveat-tip' },
          on: {
            click: () => this.goTo(index),
            focus: () => {
              const rect = finding.ranges[0].getBoundingClientRect();
              if (rect.bottom > 0 && rect.top < window.innerHeight) this.showTooltip(finding, rect);
            },
            blur: () => this.hideTooltip(),
          },
        },
        swatch(finding.kind),
        el('span', { class: 'text' },
          el('span', { class: 'sr', text: info.label + ': ' }),
          el('span', { class: 'cue', text: clip(finding.cue, LONG_CUE) }),
          // A long cue is its own context; a short one reads with the words around it.
          finding.cue.length > LONG_CUE ? null : el('span', { class: 'ctx', text: finding.context })));
        const dismiss = el('button', {
          class: 'dismiss', text: '✕',
          attrs: { type: 'button', title: 'Not a problem here', 'aria-label': `Not a problem here: dismiss “${finding.cue}”`, 'data-caveat-testid': 'dismiss' },
          on: { click: () => this.dismiss(finding) },
        });
        return el('li', { class: 'finding', attrs: { 'aria-current': index === this.current ? 'true' : null } }, go, dismiss);
      });
      if (!items.length) {
        const anyHidden = this.findings.length > 0;
        items.push(el('li', { class: 'empty', text: anyHidden ? 'All findings are hidden or dismissed.' : 'Nothing to flag in this article.' }));
      }
      this.list.replaceChildren(...items);
    }
  }

  let current = null;
  globalThis.CaveatOverlay = {
    KINDS,
    KIND_INFO,
    swatch,
    readSummary,
    // One overlay per page; mounting again returns the one there is.
    // options.highlights === false forces the fallback boxes (used by the demo and tests).
    mount(options) {
      if (!current || !current.host.isConnected) current = new Overlay(options);
      return current;
    },
  };
})();
