// Caveat's content script: decides when to read the page, takes the snapshot,
// asks the background (where the wasm runs) for the answer, and hands it to the
// overlay. It writes nothing to the page but the overlay's single host element and
// never runs page content as code.
(() => {
  'use strict';
  if (globalThis.CaveatMain) return;

  const api = globalThis.browser ?? globalThis.chrome;
  const Settings = globalThis.CaveatSettings;
  const Dismissals = globalThis.CaveatDismissals;
  const Messages = globalThis.CaveatMessages;
  const Timing = globalThis.CaveatTiming;
  // Re-read a changing page at most this often, once it has been quiet for QUIET_MS.
  const QUIET_MS = 800;
  const MIN_INTERVAL_MS = 2000;
  const URL_POLL_MS = 1000;

  let settings = Settings.forSite(Settings.DEFAULTS, location.hostname);
  let overlay = null;
  let state = 'idle';
  let answer = null;
  let running = null; // the analysis in flight
  let again = false; // another analysis was asked for while one was running
  let forced = false; // the reader asked to run on a page that is not an article
  let lastRunAt = 0;
  let quietTimer = 0;
  let observer = null;
  let url = location.href;
  let lastSnapshot = ''; // the JSON last sent to the analyser
  let onlyPageChanged = false; // every ask for the next analysis came from the page changing
  let dismissedPage = null; // the address (without #fragment) whose dismissals `dismissed` holds
  let dismissed = new Set(); // hashed keys of the findings the reader dismissed there

  function setState(next) {
    state = next;
    if (overlay) overlay.setState(next);
  }

  function totalShown() {
    if (!answer || !answer.counts || state !== 'ready') return 0;
    return Settings.KINDS.reduce((sum, kind) => sum + (settings.kinds[kind] ? answer.counts[kind] || 0 : 0), 0);
  }

  function reportCounts() {
    api.runtime.sendMessage({ type: Messages.COUNTS, total: totalShown() }).catch(() => {});
  }

  // The reader's dismissals on this page, from storage on the first read of an address.
  async function dismissalsHere() {
    const page = location.href.split('#')[0];
    if (page !== dismissedPage) {
      dismissedPage = page;
      dismissed = await Dismissals.load(page);
    }
    return dismissed;
  }

  function rememberDismissed(keys) {
    dismissed = new Set(keys.map(Dismissals.hash));
    Dismissals.save(dismissedPage, keys);
  }

  async function analyseOnce() {
    const reread = onlyPageChanged;
    onlyPageChanged = false;
    Timing.start();
    if (!overlay) {
      overlay = globalThis.CaveatOverlay.mount();
      overlay.onDismissedChange = rememberDismissed;
      overlay.onReport = report;
    }
    const gone = await dismissalsHere();
    Timing.mark('snapshot');
    const { snapshot, textNodes } = globalThis.CaveatSnapshot.take(document);
    Timing.mark('json');
    // Stringified once here; the background hands the string to the wasm as is.
    const json = JSON.stringify(snapshot);
    Timing.mark('sent');
    // A change elsewhere on the page (a ticking clock) that leaves the snapshot as it was: nothing to redo.
    if (reread && json === lastSnapshot) return;
    lastSnapshot = json;
    // A re-read of a page already shown keeps its highlights until the new answer is in.
    if (state !== 'ready') setState('reading');
    let result;
    try {
      result = await api.runtime.sendMessage({
        type: Messages.ANALYZE,
        snapshot: json,
        options: { ...Settings.analyzerOptions(settings), force: forced },
      });
    } catch (e) {
      result = { error: `Caveat could not reach its analyser: ${e && e.message ? e.message : e}` };
    }
    Timing.mark('received');
    Timing.merge('background', result && result.timing);
    if (state === 'off') return;
    lastRunAt = Date.now();
    if (!result || result.error) {
      answer = null;
      setState('error');
      console.warn('Caveat:', result ? result.error : 'no answer from the analyser');
    } else if (result.state === 'not-article') {
      answer = result;
      setState('not-article');
    } else if (result.state === 'unsupported-language') {
      // Not English: nothing is marked, and the pill and the popup say why (the popup can force a run).
      answer = result;
      overlay.setLanguage(result.language);
      setState('unsupported-language');
    } else {
      answer = result;
      overlay.show(result, textNodes, {
        kinds: settings.kinds,
        sensitivity: settings.sensitivity,
        wasDismissed: (key) => gone.has(Dismissals.hash(key)),
      });
      setState('ready');
    }
    Timing.mark('shown');
    Timing.publish(document.querySelector('caveat-overlay'));
    reportCounts();
    watch();
  }

  // The reader's Markdown report of the page as shown: the background builds it in the core from the
  // snapshot the answer came from, with the same options, leaving out the `dismissed` finding ids.
  async function report(dismissed = []) {
    if (!lastSnapshot || (state !== 'ready' && state !== 'unsupported-language')) {
      throw new Error('Caveat has not read this page');
    }
    const result = await api.runtime.sendMessage({
      type: Messages.REPORT,
      snapshot: lastSnapshot,
      options: { ...Settings.analyzerOptions(settings), force: forced, dismissed },
    });
    if (!result || typeof result.markdown !== 'string') throw new Error(result && result.error ? result.error : 'no report');
    return result.markdown;
  }

  // One analysis at a time; asks made meanwhile fold into one more run.
  // pageChanged: asked by the page's own changes, not by the reader or the settings.
  function analyse(pageChanged = false) {
    onlyPageChanged = running && again ? onlyPageChanged && pageChanged : pageChanged;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await analyseOnce();
      } while (again && state !== 'off');
      running = null;
    })();
    return running;
  }

  function switchOff() {
    clearTimeout(quietTimer);
    if (observer) observer.disconnect();
    observer = null;
    answer = null;
    setState('off');
    reportCounts();
  }

  // Text added or removed in the body (the overlay lives outside it, on documentElement).
  function changesText(records) {
    for (const record of records) {
      if (record.type === 'characterData') return true;
      for (const list of [record.addedNodes, record.removedNodes]) {
        for (const node of list) {
          if (node.nodeType === Node.TEXT_NODE ? node.data.trim() : node.textContent.trim()) return true;
        }
      }
    }
    return false;
  }

  function scheduleReread() {
    clearTimeout(quietTimer);
    const wait = Math.max(QUIET_MS, lastRunAt + MIN_INTERVAL_MS - Date.now());
    quietTimer = setTimeout(() => {
      if (state === 'ready' || state === 'not-article' || state === 'unsupported-language') analyse(true);
    }, wait);
  }

  function watch() {
    if (observer || !document.body) return;
    observer = new MutationObserver((records) => {
      if (changesText(records)) scheduleReread();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  // Single-page apps change the URL without a load: start over on the new page.
  function onNavigation() {
    if (location.href === url) return;
    url = location.href;
    forced = false;
    if (state === 'off' || state === 'idle') return;
    answer = null;
    if (overlay) overlay.clear();
    setState('reading');
    analyse();
  }

  function status() {
    // total: the findings of the kinds shown; summary: the panel's figures, for the popup.
    const summary = answer && state === 'ready' ? globalThis.CaveatFigures.read(answer.summary, settings.sensitivity) : null;
    // language: {code, name, analysed}; notice: what the pill says when the article is not in English.
    const language = answer && answer.language ? answer.language : null;
    const notice = state === 'unsupported-language' ? globalThis.CaveatFigures.languageNotice(language) : null;
    return { state, counts: answer ? answer.counts : {}, total: totalShown(), summary, language, notice, host: settings.host };
  }

  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!message || typeof message.type !== 'string') return false;
    switch (message.type) {
      case Messages.STATUS:
        sendResponse(status());
        return false;
      case Messages.COPY_REPORT:
        // The popup copies it itself: it is the document the reader clicked in.
        report(overlay ? overlay.dismissedIds() : []).then(
          (markdown) => sendResponse({ markdown }),
          (e) => sendResponse({ error: e && e.message ? e.message : String(e) }),
        );
        return true;
      case Messages.RUN:
        forced = true;
        if (state === 'off') state = 'idle';
        analyse().then(() => sendResponse(status()));
        return true;
      case Messages.TOGGLE:
        if (state === 'off' || state === 'idle') {
          state = 'idle';
          analyse().then(() => sendResponse(status()));
          return true;
        }
        switchOff();
        sendResponse(status());
        return false;
      default:
        return false;
    }
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !changes[Settings.STORAGE_KEY]) return;
    const before = settings;
    settings = Settings.forSite(changes[Settings.STORAGE_KEY].newValue, location.hostname);
    if (!settings.enabled) {
      if (state !== 'idle') switchOff();
      return;
    }
    if (overlay) overlay.setKinds(settings.kinds);
    const optionsChanged =
      JSON.stringify(Settings.analyzerOptions(before)) !== JSON.stringify(Settings.analyzerOptions(settings));
    if ((state === 'off' || state === 'idle') && settings.autoRun && !before.autoRun) {
      state = 'idle';
      analyse();
    } else if (optionsChanged && state !== 'off' && state !== 'idle') {
      analyse();
    } else {
      reportCounts();
    }
  });

  addEventListener('popstate', onNavigation);
  setInterval(onNavigation, URL_POLL_MS);

  globalThis.CaveatMain = { status };

  Settings.load().then((loaded) => {
    settings = Settings.forSite(loaded, location.hostname);
    if (settings.autoRun) analyse();
  });
})();
