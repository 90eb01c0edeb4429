// The overlay's shadow-root style sheet and the layout figures the parts share. The per-kind colours and
// line styles come from CaveatKinds (shared/kinds.js). A classic script; defines globalThis.CaveatStyles.
(() => {
  'use strict';
  if (globalThis.CaveatStyles) return;
  const Kinds = globalThis.CaveatKinds;

  const NARROW = '(max-width: 900px)';
  const PANEL_WIDTH = 332;
  const FLASH_MS = 1600;

  // The fallback boxes (no Custom Highlight API): the mark's tint and a bottom border in its line style.
  const boxes = Kinds.ORDER.map((kind) => {
    const { line, colour, tint } = Kinds.INFO[kind].mark;
    const border = line === 'wavy' ? 'double' : line;
    return `.box.${kind} { border-bottom: 3px ${border} ${colour};${tint ? ` background: ${tint};` : ''} }`;
  }).join('\n');

  const CSS = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.ui {
  --bg: #ffffff; --fg: #18181b; --muted: #5b5b66; --line: #e4e4e7; --soft: #f4f4f5; --accent: #2563eb;
  --focus: #2563eb; --shadow: 0 10px 30px rgba(15, 23, 42, .18), 0 2px 6px rgba(15, 23, 42, .10);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); -webkit-font-smoothing: antialiased; letter-spacing: normal; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .ui {
    --bg: #1c1c21; --fg: #f4f4f5; --muted: #a1a1aa; --line: #33333b; --soft: #26262c; --accent: #60a5fa;
    --focus: #93c5fd; --shadow: 0 10px 30px rgba(0, 0, 0, .5), 0 2px 6px rgba(0, 0, 0, .4);
  }
}
button { font: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0; cursor: pointer; }
button:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 6px; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.box { position: absolute; pointer-events: none; border-radius: 2px; }
${boxes}
.flash { position: absolute; pointer-events: none; border-radius: 3px; outline: 2px solid #2563eb;
  background: rgba(37, 99, 235, .18); animation: caveat-flash ${FLASH_MS}ms ease-out forwards; }
@keyframes caveat-flash { 0%, 35% { opacity: 1; } 100% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } }

.swatch { display: inline-block; flex: none; font: 600 12px/1 Georgia, "Times New Roman", serif; padding: 2px 3px 4px;
  border-radius: 3px; text-underline-offset: 3px; text-decoration-skip-ink: none; color: var(--fg); }

.tooltip { position: fixed; top: 0; left: 0; max-width: min(340px, calc(100vw - 16px)); z-index: 2;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: var(--shadow); padding: 10px 12px; pointer-events: none; }
.tip-head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.tooltip .kind { font-weight: 650; }
.tooltip .strength { margin-left: auto; color: var(--muted); font-size: 12px; }
.tooltip .explain { margin: 0; }
.tooltip .quote { margin: 0 0 6px; padding-left: 8px; border-left: 2px solid var(--line); font-style: italic; }
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
.held { margin: 8px 0 0; color: var(--muted); font-size: 12px; }
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
.kind-row[aria-pressed="false"] .swatch { opacity: .6; }
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
.finding .dismiss { flex: none; margin-top: 4px; width: 26px; height: 26px; border-radius: 7px; color: var(--muted); display: grid; place-items: center; font-size: 14px; opacity: .8; }
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
/* Forced colours (Windows High Contrast and the like): backgrounds and shadows are replaced, so what
   they said is said with borders and outlines in system colours. */
@media (forced-colors: active) {
  .panel, .tooltip { border: 1px solid CanvasText; }
  .finding[aria-current="true"] { outline: 2px solid Highlight; outline-offset: -2px; }
  .kind-row { border: 1px solid ButtonText; }
  .kind-row[aria-pressed="true"] { border-width: 2px; padding: 4px 7px 4px 4px; }
  .kind-row[aria-pressed="false"] { border-style: dashed; }
  .pill .dot, .bar > span { forced-color-adjust: none; background: CanvasText !important; }
  .bar { border: 1px solid CanvasText; }
  .flash { outline-color: Highlight; }
  .finding .dismiss, .kind-row[aria-pressed="false"] .swatch { opacity: 1; }
}
@media ${NARROW} { .panel { right: 10px; bottom: 10px; width: min(${PANEL_WIDTH}px, calc(100vw - 20px)); } }
`;

  globalThis.CaveatStyles = Object.freeze({ CSS, NARROW, PANEL_WIDTH, FLASH_MS });
})();
