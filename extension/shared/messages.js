// The messages between Caveat's parts (runtime.sendMessage / tabs.sendMessage), named in one place.
// Every message is {type, ...}; docs/architecture.md lists what each carries and answers. A classic
// script: the content scripts, the popup and the options page load it with a <script> or the
// manifest, the background imports it for its side effect. Defines globalThis.CaveatMessages.
(() => {
  'use strict';
  if (globalThis.CaveatMessages) return;
  globalThis.CaveatMessages = Object.freeze({
    // content → background: {snapshot (JSON string), options (analyzer options + force)} → the answer or {error}
    ANALYZE: 'caveat:analyze',
    // content → background: {total} → the tab's badge
    COUNTS: 'caveat:counts',
    // content → background: {snapshot, options, dismissed (finding ids)} → {markdown} or {error}
    REPORT: 'caveat:report',
    // popup → content: → {state, counts, total, figures, language, host}
    STATUS: 'caveat:status',
    // popup → content: analyse now, even a page that is no article or not in English → the status
    RUN: 'caveat:run',
    // popup or background (the keyboard command) → content: switch Caveat on or off on the page → the status
    TOGGLE: 'caveat:toggle',
    // popup → content: → {markdown} (the report the panel's "Copy report" copies) or {error}
    COPY_REPORT: 'caveat:copy-report',
  });
})();
