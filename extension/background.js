// Caveat's background: the only place the wasm core runs in the extension (a
// content script cannot compile wasm on pages whose CSP forbids it). Chrome runs
// this as a module service worker, Firefox as a module event page.
import init, { analyze_snapshot, analyze_text, report_snapshot } from './pkg/caveat.js';
import './shared/messages.js';

const api = globalThis.browser ?? globalThis.chrome;
const Messages = globalThis.CaveatMessages;

// Times in ms since the epoch, on the content script's clock (content/timing.js): when this
// background started, compiled the wasm and warmed it; each answer carries them for the benchmark.
const now = () => performance.timeOrigin + performance.now();
const times = { boot: now(), compile: null, warm: null };

let core = null;
// Compiled once per background lifetime; a failed or trapped instance is dropped
// so the next request starts afresh.
function loadCore() {
  if (!core) {
    const start = now();
    core = init({ module_or_path: api.runtime.getURL('pkg/caveat_bg.wasm') }).then(
      (exports) => {
        times.compile = [start, now()];
        return exports;
      },
      (e) => {
        core = null;
        throw e;
      },
    );
  }
  return core;
}

// A small article as the content script would send it: the warm-up runs the whole path on it
// (the snapshot's JSON, extraction, analysis, the answer), so that the engine has compiled
// those parts of the wasm (it compiles a function on its first call) before a page asks.
const WARM_UP_TEXT = [
  'Officials say the plan may be delayed again, which could push the opening back to next year.',
  'The minister told reporters on Tuesday that the talks had stalled, according to a statement.',
  'Critics argue the project is likely to cost far more than planned, and some experts believe it will never open.',
];
const WARM_UP_SNAPSHOT = JSON.stringify({
  nodes: [{ tag: 'html' }, { parent: 0, tag: 'body' }, { parent: 1, tag: 'article' },
    { parent: 2, tag: 'h1' }, { parent: 3, text: 'Plan may be delayed', id: 0 },
    ...WARM_UP_TEXT.flatMap((text, i) => [{ parent: 2, tag: 'p' }, { parent: 5 + 2 * i, text, id: i + 1 }])],
});

let warm = null;
// Compiles the core and runs it once (once per core), so a page's first analysis does not
// wait for either. Failures are left to `analyze` to report.
function warmUp() {
  if (!warm) {
    warm = loadCore()
      .then(() => {
        const start = now();
        analyze_snapshot(WARM_UP_SNAPSHOT, { force: true });
        times.warm = [start, now()];
      })
      .catch(() => { warm = null; });
  }
  return warm;
}

// snapshotJson: the content script's snapshot, already a JSON string.
async function analyze(snapshotJson, options) {
  const received = now();
  try {
    await loadCore();
  } catch (e) {
    return { error: `Caveat could not load its analyser: ${e && e.message ? e.message : e}` };
  }
  try {
    const ready = now();
    const answer = analyze_snapshot(String(snapshotJson), options ?? {});
    // The wasm's own steps are in answer.timing (ms each); the background's marks join them.
    if (answer && !answer.error) {
      answer.timing = { ...times, ...answer.timing, received, ready, replied: now() };
    }
    return answer;
  } catch (e) {
    core = null;
    warm = null;
    return { error: `Caveat's analyser failed: ${e && e.message ? e.message : e}` };
  }
}

// The reader's Markdown report for the snapshot an answer came from ({markdown} or {error}).
async function report(snapshotJson, request) {
  try {
    await loadCore();
    return report_snapshot(String(snapshotJson), request ?? {});
  } catch (e) {
    core = null;
    warm = null;
    return { error: `Caveat could not build the report: ${e && e.message ? e.message : e}` };
  }
}

function setBadge(tabId, total) {
  if (tabId === undefined) return;
  const text = total > 0 ? (total > 999 ? '999+' : String(total)) : '';
  api.action.setBadgeText({ tabId, text }).catch(() => {});
}

api.action.setBadgeBackgroundColor({ color: '#8a4b00' }).catch(() => {});

// A tab that starts loading wakes this background if it was asleep: get the core ready while
// the page loads, before its content script asks. (Only the load status is read: no address.)
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') warmUp();
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || typeof message.type !== 'string') return false;
  switch (message.type) {
    case Messages.ANALYZE:
      analyze(message.snapshot, message.options).then(sendResponse);
      return true;
    case Messages.REPORT:
      report(message.snapshot, message.options).then(sendResponse);
      return true;
    case Messages.COUNTS:
      setBadge(sender.tab && sender.tab.id, Number(message.total) || 0);
      return false;
    default:
      return false;
  }
});

api.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-caveat') return;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab && tab.id !== undefined) {
    api.tabs.sendMessage(tab.id, { type: Messages.TOGGLE }).catch(() => {});
  }
});
